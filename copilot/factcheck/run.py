"""Check one article end to end: as-of, claims, marks, and the sources the report cites."""

from __future__ import annotations

import re
from datetime import date, timedelta

from copilot.factcheck.check import check_claims
from copilot.factcheck.extract import extract_claims
from copilot.factcheck.model import Checked, Report
from copilot.factcheck.source import Article
from copilot.sources import DataSource, SourceLedger
from copilot.tools import ToolDeps
from copilot.understand import Catalog
from copilot.understand.sessions import session_on_or_before

_CITE = re.compile(r"\[(\d+)\]")


def latest_priced(catalog: Catalog) -> date | None:
    """The latest close the priced instruments hold (not a macro series running further)."""
    days = [s.last for s in catalog.stored.values() if s.table == "bars"]
    return max(days) if days else None


def choose_as_of(
    article: Article, given: date | None, catalog: Catalog, fallback: date | None = None
) -> tuple[date, str]:
    """--as-of, else the article's own date, else the configured as-of, else the latest close."""
    if given is not None:
        return given, "given"
    if article.stated is not None:
        return article.stated, "the date the article states"
    if fallback is not None:
        return fallback, "the configured as-of date (the article states no date)"
    latest = latest_priced(catalog)
    if latest is None:
        return date.today(), "today (the store holds no prices)"
    return latest, "the latest stored close (the article states no date)"


def check_article(
    article: Article,
    deps: ToolDeps,
    catalog: Catalog,
    as_of: date | None = None,
    fallback: date | None = None,
) -> Report:
    """Every claim of `article` checked over `deps.market`, cited sources renumbered 1, 2, …"""
    day, why = choose_as_of(article, as_of, catalog, fallback)
    checked = _check_on(article, deps, catalog, day)
    if as_of is None and article.stated is not None and _reports_the_day_before(checked):
        # "Stock Market News for Jan 20" (published that morning) is about the session before
        day = session_on_or_before(day - timedelta(days=1))
        why = "the session before the article's date (most of its figures are that session's)"
        checked = _check_on(article, deps, catalog, day)
    sources = _renumber(checked, deps.ledger)
    return Report(title=article.title, as_of=day, as_of_why=why, checked=checked, sources=sources)


def _check_on(article: Article, deps: ToolDeps, catalog: Catalog, day: date) -> list[Checked]:
    deps.as_of = day
    deps.ledger = SourceLedger()
    return check_claims(deps, extract_claims(article.text, day, catalog))


def _reports_the_day_before(checked: list[Checked]) -> bool:
    """More of the figures that name no date match the session before than the as-of one."""
    undated = [c for c in checked if c.claim.call is not None and c.claim.call.start is None
               and c.claim.call.sessions is None and c.claim.figure.streak is None]  # fmt: skip
    before = sum(1 for c in undated if c.mark == "✗" and "(the session before)" in c.reason)
    right = sum(1 for c in undated if c.mark == "✓")
    return before >= 2 and before > right


def _renumber(checked: list[Checked], ledger: SourceLedger) -> list[dict[str, object]]:
    """Only the sources a mark or a reason cites, numbered in order of first citation."""
    order: dict[int, int] = {}
    for item in checked:
        for old in ([item.source] if item.source else []) + [
            int(n) for n in _CITE.findall(item.reason)
        ]:
            order.setdefault(old, len(order) + 1)
    for item in checked:
        if item.source:
            item.source = order[item.source]
        item.reason = _CITE.sub(lambda m: f"[{order.get(int(m[1]), int(m[1]))}]", item.reason)
    sources: list[dict[str, object]] = []
    for old, new in order.items():
        source = ledger.get(old)
        if isinstance(source, DataSource):
            sources.append(
                {"n": new, "title": source.title(), "metric": source.metric, "text": source.text}
            )
    return sources
