"""Pieces of the answer engine (`copilot.agent`): what code writes when evidence fails, the
model's slot filling, and taking unsupported figures out of an answer."""
