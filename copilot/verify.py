"""Kept for callers: verification lives in `copilot.claims`."""

from copilot.claims.verify import attribute_uncited, clean_citations, verify_answer

__all__ = ["attribute_uncited", "clean_citations", "verify_answer"]
