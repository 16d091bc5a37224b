"""Fact-check: every checkable market claim of an article, computed from the store."""
