"""The reasons turns' evidence: each article once, its excerpt only, in rank order."""

from __future__ import annotations

from datetime import date, datetime

from copilot.answer import ToolCallRecord
from copilot.answering.sheet import (
    long_before_the_move,
    move_brief,
    move_markets,
    only_the_backdrop,
    sessions_before,
    sheet_articles,
)
from copilot.facts import Fact
from copilot.sources import DataSource, NewsSource, SourceLedger


def _article(i: int, excerpt: str = "") -> NewsSource:
    return NewsSource(
        article_id=f"a{i}", chunk_id=f"a{i}-0", title=f"Headline {i}: Stocks Rally",
        publisher=f"Pub {i}", published_at=datetime(2026, 1, 10 + i), url=f"https://x/{i}",
        text=f"Whole chunk {i}. Second sentence of chunk {i}.", excerpt=excerpt,
    )  # fmt: skip


def _read_for(
    about: list[str], i: int, excerpt: str, backdrop: list[str] | None = None
) -> NewsSource:
    """An article read as a driver of the move `about` names (and of its `backdrop`)."""
    article = _article(i, excerpt=excerpt)
    article.about, article.backdrop = about, backdrop or []
    return article


def _drivers(sources: list[int]) -> ToolCallRecord:
    args = {"symbols": ["IWM"], "direction": "up", "start": "2026-01-02", "end": "2026-01-22"}
    return ToolCallRecord(name="news_drivers", arguments=args, output="…", sources=sources)


def test_each_article_once_its_excerpt_only_in_rank_order_at_most_n() -> None:
    ledger = SourceLedger()
    data = ledger.register(
        DataSource(tool="measure", metric="return", symbols=["IWM"], text="IWM: +8.77% …")
    )
    first = ledger.register(_article(1, excerpt="Rate-cut hopes lifted small caps."))
    second = ledger.register(_article(2))  # no focused excerpt: the whole chunk was shown
    third = ledger.register(_article(3, excerpt="Bank earnings beat."))
    records = [_drivers([second, first, data]), _drivers([first, third])]
    assert sheet_articles(records, ledger, most=2) == [
        (second, "Whole chunk 2. Second sentence of chunk 2."),
        (first, "Rate-cut hopes lifted small caps."),
    ]
    assert sheet_articles(records, ledger) == [
        (second, "Whole chunk 2. Second sentence of chunk 2."),
        (first, "Rate-cut hopes lifted small caps."),
        (third, "Bank earnings beat."),
    ]
    assert sheet_articles([_drivers([data])], ledger) == []


def test_the_move_in_words_without_figures() -> None:
    assert move_brief([_drivers([])]) == "IWM rose from 2026-01-02 to 2026-01-22."
    one_day = ToolCallRecord(
        name="news_drivers", output="…",
        arguments={"symbols": ["GLD", "SLV"], "direction": "down", "start": "2025-12-29",
                   "end": "2025-12-29"},
    )  # fmt: skip
    assert move_brief([one_day]) == "GLD, SLV fell on 2025-12-29."


def test_read_only_for_the_wider_market_the_move_is_that_markets() -> None:
    # Found in the app: the utilities' rise explained from S&P 500 wraps that never name them
    # was drafted as theirs ("The bid in utilities this month moved due to …").
    utilities = ToolCallRecord(
        name="news_drivers", output="…",
        arguments={"symbols": ["XLU"], "direction": "up", "start": "2026-01-02",
                   "end": "2026-01-30", "backdrop": ["SPY"]},
    )  # fmt: skip
    assert move_brief([utilities]) == "XLU rose from 2026-01-02 to 2026-01-30."
    assert move_brief([utilities], backdrop=True) == "SPY rose from 2026-01-02 to 2026-01-30."
    # The fear gauge's rise is the stock market's fall.
    fear = ToolCallRecord(
        name="news_drivers", output="…",
        arguments={"symbols": ["VIX"], "direction": "up", "start": "2026-01-20",
                   "end": "2026-01-20", "backdrop": ["SPY"]},
    )  # fmt: skip
    assert move_brief([fear], backdrop=True) == "SPY fell on 2026-01-20."


def test_two_searches_take_turns_and_an_unmeasured_move_has_no_verb_of_its_own() -> None:
    ledger = SourceLedger()
    a, b, c, d = (ledger.register(_article(i, excerpt=f"Reason {i}.")) for i in range(1, 5))
    up, down = _drivers([a, b]), _drivers([c, d])
    down.arguments["direction"] = "down"
    assert [n for n, _ in sheet_articles([up, down], ledger)] == [a, c, b, d]
    # The question gave no direction: searched both ways, the brief says neither.
    assert move_brief([up, down], measured=False) == (
        "IWM from 2026-01-02 to 2026-01-22 (not measured: no stored prices)."
    )
    assert move_brief([up], measured=False) == (
        "IWM from 2026-01-02 to 2026-01-22 (not measured: no stored prices); the question says "
        "it rose."
    )


def test_an_article_that_never_names_the_moving_instrument_is_not_read() -> None:
    ledger = SourceLedger()
    named = _read_for(["small caps", "IWM"], 1, "Small caps rallied on rate-cut hopes.")
    other = _read_for(["small caps", "IWM"], 2, "UK businesses faced rising tax burdens.")
    unbound = _article(3, excerpt="Bank earnings beat.")  # read for no move: no binding
    first, second, third = (ledger.register(a) for a in (named, other, unbound))
    assert sheet_articles([_drivers([second, first, third])], ledger) == [
        (first, "Small caps rallied on rate-cut hopes."),
        (third, "Bank earnings beat."),
    ]


def test_an_article_on_the_market_is_read_for_a_move_made_with_the_market() -> None:
    ledger = SourceLedger()
    wrap = "Wall Street rallied after the tariffs on Europe were called off."
    # The S&P 500 measured moving the same way: its names tie the wrap to transports' move.
    together = _read_for(["transports", "IYT"], 1, wrap, backdrop=["wall street", "s&p 500"])
    alone = _read_for(["transports", "IYT"], 2, wrap)
    first, second = ledger.register(together), ledger.register(alone)
    assert [n for n, _ in sheet_articles([_drivers([second, first])], ledger)] == [first]


def test_articles_on_the_wider_market_alone_are_said_to_be() -> None:
    ledger = SourceLedger()
    wrap = "Wall Street rallied after President Trump called off tariffs on Europe."
    own = "Transports jumped as airlines rallied on lower fuel costs."
    market = ["wall street", "s&p 500"]
    on_the_market = ledger.register(_read_for(["transports", "IYT"], 1, wrap, backdrop=market))
    on_its_own = ledger.register(_read_for(["transports", "IYT"], 2, own, backdrop=market))
    unbound = ledger.register(_article(3, excerpt="Bank earnings beat."))  # read for no move
    assert only_the_backdrop([(on_the_market, wrap)], ledger)
    assert not only_the_backdrop([(on_the_market, wrap), (on_its_own, own)], ledger)
    assert not only_the_backdrop([(unbound, "Bank earnings beat.")], ledger)
    assert not only_the_backdrop([], ledger)


def test_the_markets_a_move_was_read_for() -> None:
    record = _drivers([1])
    assert move_markets([record]) == (["IWM"], [])
    record.arguments["backdrop"] = ["SPY"]
    assert move_markets([record]) == (["IWM"], ["SPY"])
    assert move_markets([]) == ([], [])


def test_an_article_that_only_reports_the_move_going_the_other_way_is_not_read() -> None:
    # IWM measured rising over the drivers' window (by hand: a made-up +8.77 %); SPY, the
    # benchmark, measured falling, is not the move the news was read for.
    iwm = Fact(subject="IWM", measure="return", value=8.77, unit="%",
               start=date(2026, 1, 2), end=date(2026, 1, 22))  # fmt: skip
    spy = Fact(subject="SPY", measure="return", value=-0.5, unit="%",
               start=date(2026, 1, 2), end=date(2026, 1, 22))  # fmt: skip
    ledger = SourceLedger()
    against = _read_for(["small caps", "IWM"], 1, "Small caps tumbled as rate-cut hopes faded.")
    both = _read_for(["small caps", "IWM"], 2, "Small caps fell early, then rallied on rate cuts.")
    along = _read_for(["small caps", "IWM"], 3, "Small caps rallied as the S&P 500 slipped.")
    first, second, third = (ledger.register(a) for a in (against, both, along))
    records = [_drivers([first, second, third])]
    assert [n for n, _ in sheet_articles(records, ledger, 2, [iwm, spy], date(2026, 1, 23))] == [
        second,
        third,
    ]
    # Without the measured moves (none measured), every article is read as before.
    assert [n for n, _ in sheet_articles(records, ledger, 2)] == [first, second]


def test_articles_published_before_the_session_preceding_the_move_are_read_last() -> None:
    # A fall on Tuesday, January 20, 2026: Friday the 16th was the session before it (Monday
    # the 19th was Martin Luther King Jr. Day, an NYSE holiday).
    def published(i: int, day: int) -> NewsSource:
        article = _read_for(["small caps", "IWM"], i, f"Small caps fell, report {i}.")
        article.published_at = datetime(2026, 1, day, 15)
        article.move = (date(2026, 1, 20), date(2026, 1, 20))
        return article

    ledger = SourceLedger()
    friday, saturday, tuesday, thursday = (
        ledger.register(published(i, day)) for i, day in ((1, 16), (2, 17), (3, 20), (4, 15))
    )
    records = [_drivers([friday, thursday, saturday, tuesday])]
    # The weekend's news comes before the move with no session between: read in rank order.
    assert [n for n, _ in sheet_articles(records, ledger)] == [saturday, tuesday, friday, thursday]
    assert [n for n, _ in sheet_articles(records, ledger, most=2)] == [saturday, tuesday]


def _published(day: date, move: tuple[date, date]) -> NewsSource:
    return NewsSource(
        article_id="a", chunk_id="a:0", title="Wrap", publisher="AP",
        published_at=datetime(day.year, day.month, day.day, 21), url="https://x/a",
        text="Stocks fell.", move=move,
    )  # fmt: skip


def test_how_many_sessions_before_its_move_an_article_was_published() -> None:
    jan15, jan20, jan21 = date(2026, 1, 15), date(2026, 1, 20), date(2026, 1, 21)
    # during the move; on the weekend before it (January 19 was a holiday)
    assert sessions_before(_published(jan15, (jan15, jan15))) == 0
    assert sessions_before(_published(date(2026, 1, 17), (jan20, jan20))) == 0
    # on the session before it (Tuesday's wrap under Wednesday's move; Friday's under Tuesday's)
    assert sessions_before(_published(jan20, (jan21, jan21))) == 1
    assert sessions_before(_published(date(2026, 1, 16), (jan20, jan20))) == 1
    # two sessions or more before: read only while no later article's reason has held up
    early = _published(date(2026, 1, 12), (jan15, jan15))
    assert sessions_before(early) == 2 and long_before_the_move(early)
    assert not long_before_the_move(_published(jan20, (jan21, jan21)))
