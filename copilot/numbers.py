"""Kept for callers: number reading lives in `copilot.claims.numbers`."""

from copilot.claims.numbers import MONTHS, Number, find_dates, find_numbers, on_or_before

__all__ = ["MONTHS", "Number", "find_dates", "find_numbers", "on_or_before"]
