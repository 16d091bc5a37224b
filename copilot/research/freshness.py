"""The Time Sensitivity Assessment, written by code from the report's own dates.

Asked how soon the report goes stale and which dates matter, the 1.5B model wrote generalities
("the information is relatively fresh … not expected to be stale for more than a few days")
and had no calendar of coming events to name. What can be said truly is how old the evidence
is: the market data's last session, the cited articles' dates, and what a later run would read.
"""

from __future__ import annotations

from datetime import date

from copilot.sources import NewsSource


def _days(n: int) -> str:
    return "1 day" if n == 1 else f"{n} days"


def time_sensitivity(
    as_of: date, data_latest: date | None, measured: bool, cited: list[NewsSource]
) -> str:
    """The section's paragraph: how old the market data and the cited articles are on the as-of
    date, and that nothing after it was read."""
    lines = []
    if measured and data_latest is not None:
        gap = (as_of - data_latest).days
        when = "the as-of date" if gap <= 0 else f"{_days(gap)} before the as-of date {as_of}"
        lines.append(f"The market figures use data through {data_latest}, {when}.")
    if cited:
        days = sorted(source.published_at.date() for source in cited)
        age = (as_of - days[-1]).days
        span = f"on {days[0]}" if days[0] == days[-1] else f"from {days[0]} to {days[-1]}"
        if len(days) > 1:
            newest = "from the as-of date itself" if age == 0 else f"{_days(age)} old then"
            lines.append(f"The {len(days)} articles cited were published {span}; the newest is "
                         f"{newest}.")  # fmt: skip
        else:
            when = (
                "on the as-of date" if age == 0 else f"{span}, {_days(age)} before the as-of date"
            )
            lines.append(f"The article cited was published {when}.")
    lines.append(f"Nothing dated after {as_of} was read: each later session changes the "
                 "measured figures, and later news can change the reasons, so run the report "
                 "again after ingesting newer data to update it.")  # fmt: skip
    return " ".join(lines)
