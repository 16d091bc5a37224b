"""Move-centred evidence retrieval: query forming, fusion, the publication window (never past
as-of), diversity, the prompt budget and the no-coverage path — on a small store of
hand-written articles (hash embedder), then on the real shared articles."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from news_testkit import Backend, tracker_file

from copilot.news import HashEmbedder, NewsHit, NewsStore
from copilot.news.evidence import (
    Driver,
    _named_elsewhere,
    _reason_chunk,
    _reason_points,
    _says_it_moved,
    _with_its_headline,
    _with_second_passages,
    fit_budget,
    gather_evidence,
    mmr_order,
    morning_after,
    rrf_articles,
    sheet_tokens,
)
from copilot.news.evidence_terms import (
    Direction,
    entity_for,
    hypothetical,
    is_boilerplate,
    mentions,
    move_queries,
    names_direction,
    reason_excerpt,
    reason_score,
    refers_back,
)
from copilot.news.picks import is_stock_picks
from ingest.news import ingest_paths

MOVE_DAY = date(2025, 12, 29)
AS_OF = date(2025, 12, 30)
MARGIN_SENTENCE = "Gold fell 4.6% after the exchange asked traders to post more margin."


def _ingested(root: Path) -> NewsStore:
    """The tracker files under `root` in a fresh embedded store (hash embedder)."""
    store = NewsStore.open(Backend("embedded").settings(root / "data"), HashEmbedder())
    ingest_paths(store, [root])
    return store


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> NewsStore:
    root = tmp_path_factory.mktemp("evidence-news")
    filler = "Traders watched the calendar and the holiday volume stayed thin. " * 12
    articles = [  # (file, title, url, publisher, published, body)
        ("margin.md", "Gold slides as exchange raises margins", "https://metals.example/margin",
         "Metal Wire", "December 29, 2025", f"{filler}\n\n{MARGIN_SENTENCE}\n\n{filler}"),
        ("silver.md", "Silver and gold drop from records", "https://daily.example/silver",
         "Daily Markets", "December 30, 2025",
         "Silver slumped 8% and gold fell as traders took profits after a record run."),
        ("metal2.md", "Precious metals pull back", "https://metals.example/pullback",
         "Metal Wire", "December 29, 2025", "Gold and silver fell from record highs on Monday."),
        ("old.md", "Gold outlook for 2026", "https://outlook.example/gold",
         "Outlook Daily", "December 20, 2025", "Gold fell sharply, strategists said."),
        ("later.md", "Gold plunges again", "https://later.example/gold",
         "Later News", "January 5, 2026", "Gold fell again after the exchange raised margins."),
        ("utilities.md", "Utilities steady", "https://daily.example/utilities",
         "Daily Markets", "December 29, 2025", "Utility stocks were little changed on Monday."),
    ]  # fmt: skip
    for name, title, url, publisher, published, body in articles:
        tracker_file(root / name, title=title, url=url, publisher=publisher,
                     published=published, summary=body[:120], body=body)  # fmt: skip
    return _ingested(root)


WRAP_MOVE = "Gold closed down 4.6% at 4,320 dollars."
WRAP_REASON = "Gold fell after the exchange raised margin requirements for metals futures."
OFF_TOPIC = "Oil fell after producers raised output, traders said."


@pytest.fixture(scope="module")
def wraps(tmp_path_factory: pytest.TempPathFactory) -> NewsStore:
    """Two day's wraps: the move's line first and, chunks later, its reason (or only another
    market's); each long enough to be stored as several chunks."""
    root = tmp_path_factory.mktemp("wraps")
    filler = "Traders watched the calendar and the holiday volume stayed thin. " * 12
    bodies = {
        "reason": f"{WRAP_MOVE}\n\n{filler}\n\n{OFF_TOPIC}\n\n{filler}\n\n{WRAP_REASON}",
        "other": f"{WRAP_MOVE}\n\n{filler}\n\n{OFF_TOPIC}\n\n{filler}",
    }
    for name, body in bodies.items():
        tracker_file(root / f"{name}.md", title=f"Markets wrap ({name})",
                     url=f"https://wrap.example/{name}", publisher="Wrap Daily",
                     published="December 29, 2025", summary=WRAP_MOVE, body=body)  # fmt: skip
    return _ingested(root)


def _wrap_driver(store: NewsStore, url: str, similarity: float) -> tuple[Driver, dict[str, str]]:
    """The wrap's driver as retrieval found it: its move line's chunk; and its chunks' texts."""
    found = store.collection.get(where={"url": url}, include=["documents"])
    texts = dict(zip(found["ids"], found["documents"] or [], strict=True))
    move_chunk = next(i for i, text in texts.items() if WRAP_MOVE in text)
    hit = store.hits([(move_chunk, 0.5)])[0]
    entity = entity_for(["GLD"])
    excerpt = reason_excerpt(hit.text, entity, "down", 420)
    return Driver(hit, excerpt, 1.0, similarity, True), texts


def _queries(store: NewsStore) -> list[list[float]]:
    return store.embedder.embed_queries(
        move_queries(entity_for(["GLD"]), "down", MOVE_DAY, MOVE_DAY)
    )


def test_a_driver_takes_its_reason_from_another_chunk_of_its_article(wraps: NewsStore) -> None:
    driver, texts = _wrap_driver(wraps, "https://wrap.example/reason", similarity=0.0)
    reason_chunk = next(i for i, text in texts.items() if WRAP_REASON in text)
    assert reason_chunk != driver.hit.chunk_id  # the premise: the reason is chunks further on
    chunks = wraps.article_chunks([driver.hit.article_id])[driver.hit.article_id]
    moved = _reason_chunk(driver, chunks, entity_for(["GLD"]), "down", _queries(wraps), 420)
    assert WRAP_REASON in moved.excerpt and OFF_TOPIC not in moved.excerpt
    # The source still resolves exactly: the chunk cited is the one the excerpt is from.
    assert moved.hit.chunk_id == reason_chunk and moved.excerpt.lstrip("… ") in texts[reason_chunk]
    assert moved.hit.article_id == driver.hit.article_id and moved.score == driver.score


def test_a_driver_keeps_its_chunk_when_no_other_names_the_move_with_a_cause(
    wraps: NewsStore,
) -> None:
    entity = entity_for(["GLD"])
    driver, _ = _wrap_driver(wraps, "https://wrap.example/other", similarity=0.0)
    # "Oil fell after producers raised output" is causal, but about another market.
    chunks = wraps.article_chunks([driver.hit.article_id])[driver.hit.article_id]
    assert _reason_chunk(driver, chunks, entity, "down", _queries(wraps), 420) == driver
    # The reason's chunk must also be about as close to the move's queries as the matched one.
    near, _ = _wrap_driver(wraps, "https://wrap.example/reason", similarity=1.5)
    chunks = wraps.article_chunks([near.hit.article_id])[near.hit.article_id]
    assert _reason_chunk(near, chunks, entity, "down", _queries(wraps), 420) == near


def test_an_article_names_the_entity_in_another_chunk_that_says_it_moved_its_way(
    wraps: NewsStore,
) -> None:
    # A day's wrap matched on a line about gold names oil chunks later ("Oil fell after
    # producers raised output"): it names energy's fall, not its rise, and the matched chunk
    # alone names neither.
    driver, _ = _wrap_driver(wraps, "https://wrap.example/other", similarity=0.0)
    hit, energy = driver.hit, entity_for(["XLE"])
    assert not mentions(energy, f"{hit.title}\n{hit.text}")  # the premise
    unnamed = replace(driver, names_entity=False)
    (found,) = _named_elsewhere(wraps, energy, "down", [unnamed])
    assert found.names_entity and found.hit == hit
    assert _named_elsewhere(wraps, energy, "up", [unnamed]) == []


def test_a_wraps_second_driver_is_read_after_the_first_round(wraps: NewsStore) -> None:
    gold = entity_for(["GLD"])
    driver, texts = _wrap_driver(wraps, "https://wrap.example/reason", similarity=0.0)
    assert WRAP_REASON not in driver.excerpt  # the premise: its excerpt is the move's line
    others = [Driver(_hit(f"other{i}", 0.5), f"Gold fell, report {i}.", 0.5, 0.5, True)
              for i in range(3)]  # fmt: skip
    sheet = [driver, *others]
    chunks = wraps.article_chunks([driver.hit.article_id])
    about = {d.hit.article_id: gold for d in sheet}
    ways: dict[str, Direction] = {d.hit.article_id: "down" for d in sheet}
    read = _with_second_passages(sheet, chunks, about, ways, 420)
    # The wrap's reason, chunks after its move line, is a driver of its own: after the first
    # three, before the rest; cited to the chunk it is from.
    assert [d.hit.article_id for d in read] == [
        driver.hit.article_id,
        "other0",
        "other1",
        driver.hit.article_id,
        "other2",
    ]
    second = read[3]
    assert second.excerpt.lstrip("… ") == WRAP_REASON
    assert WRAP_REASON in texts[second.hit.chunk_id] and second.hit.chunk_id != driver.hit.chunk_id
    # No second when the excerpt already carries the reason, nor from a wrap whose other
    # chunks give only another market's move (controls).
    reason_chunk = next(i for i, text in texts.items() if WRAP_REASON in text)
    hit = wraps.hits([(reason_chunk, 0.5)])[0]
    carried = replace(driver, hit=hit, excerpt=WRAP_REASON)
    assert _with_second_passages([carried], chunks, about, ways, 420) == [carried]
    other, _ = _wrap_driver(wraps, "https://wrap.example/other", similarity=0.0)
    chunks = wraps.article_chunks([other.hit.article_id])
    ways_other: dict[str, Direction] = {other.hit.article_id: "down"}
    assert _with_second_passages([other], chunks, {other.hit.article_id: gold}, ways_other,
                                 420) == [other]  # fmt: skip


def _hit(article: str, score: float, publisher: str = "P") -> NewsHit:
    return NewsHit(
        article_id=article, chunk_id=f"{article}-c", chunk_index=0, title=article,
        publisher=publisher, published_at=datetime(2026, 1, 2, tzinfo=UTC),
        date_precision="day", url=f"https://e.org/{article}", symbols=[], summary_only=False,
        text="t", score=score,
    )  # fmt: skip


def test_queries_come_from_entity_direction_and_dates_not_the_question() -> None:
    entity = entity_for(["GLD"])
    assert "gold" in entity.phrases and "GLD" in entity.phrases
    queries = move_queries(entity, "down", MOVE_DAY, MOVE_DAY)
    assert len(queries) >= 3 and len(set(queries)) == len(queries)
    assert all(mentions(entity, query) for query in queries)
    words = " ".join(queries).split()
    assert {"fell", "drop"} <= set(words) and not {"rally", "rose", "gains"} & set(words)
    assert any("December 29, 2025" in query for query in queries)
    up = move_queries(entity, "up", date(2026, 1, 12), date(2026, 1, 14))
    assert any("January 12 to January 14, 2026" in query for query in up)
    assert "rally" in " ".join(up) and "fell" not in " ".join(up)


def test_entity_mentions_are_whole_words_with_plurals() -> None:
    chips = entity_for(["SMH"])
    assert mentions(chips, "Chip stocks gained for a second day")
    assert mentions(chips, "Taiwan Semiconductor rose 0.2%")
    assert not mentions(entity_for(["GLD"]), "Goldman Sachs fell 1.4%")


def test_a_sector_name_whose_singular_is_another_word_matches_only_as_written() -> None:
    # Found in the app: "Industrial production increased …" was given as XLI's reason.
    industrials, financials = entity_for(["XLI"]), entity_for(["XLF"])
    materials, staples = entity_for(["XLB"]), entity_for(["XLP"])
    assert not mentions(industrials, "Industrial production increased 0.4% in December")
    assert not mentions(financials, "Financial markets were calm before the Fed")
    assert not mentions(materials, "Raw material costs eased for manufacturers")
    assert not mentions(staples, "Bread is a staple of the shopping basket")
    assert mentions(industrials, "Industrials led the gains") and mentions(
        financials, "financials fell"
    )
    assert mentions(materials, "Materials rallied") and mentions(staples, "Staples lagged")
    # Other words keep their optional plural, and a sector's noun phrase still names it.
    assert mentions(industrials, "Industrial stocks rose") and mentions(
        financials, "a bank's results"
    )


def test_a_name_that_only_contains_a_markets_word_is_not_that_market() -> None:
    # Real lines: the World Bank's outlook was read as the banking sector's reason, and an
    # Oracle deal with Silver Lake as silver's.
    banks, silver = entity_for(["XLF"]), entity_for(["SLV"])
    assert not mentions(banks, "The World Bank's global economic outlook cuts 2026 growth")
    assert not mentions(banks, "Central banks in Europe held rates; the Bank of Japan hiked")
    assert not mentions(silver, "Oracle's potential deal with Silver Lake and MGX")
    # The app read a chipmaker piece as gold's reason on "the next digital gold rush".
    gold = entity_for(["GLD"])
    assert not mentions(gold, "Data centers are fueling the market's next digital gold rush")
    assert not mentions(gold, "Its balance sheet is the gold standard of the industry")
    assert mentions(gold, "Gold rushed to a record as the dollar fell")
    # The markets themselves, and a bank named "Bank of …" that is one, still count.
    assert mentions(banks, "Bank of America beat estimates")
    # A UK output release's "semi-trailers" was read as the reason for chips' fall (the app).
    chips = entity_for(["SMH"])
    assert not mentions(chips, "a fall in the manufacture of motor vehicles and semi-trailers")
    assert not mentions(chips, "Freight demand for semi trucks slowed")
    assert mentions(chips, "Semis slid as AI spending doubts returned")
    assert mentions(banks, "central banks eased, and bank stocks rallied")
    assert mentions(silver, "Silver hit a record high")


def test_a_bank_named_as_the_source_of_a_view_is_not_its_stock() -> None:
    # The app: financials' fall on January 20, 2026 was "explained" by an outlook piece whose
    # only bank line was "Goldman Sachs Research expects core PCE inflation to fall".
    banks = entity_for(["XLF"])
    assert not mentions(banks, "Goldman Sachs Research expects core PCE inflation to fall to 2.1%")
    assert not mentions(banks, "Strategists at Morgan Stanley said stocks could fall 10%")
    assert not mentions(banks, "According to JPMorgan, Treasury yields will drop")
    assert not mentions(banks, "Goldman Sachs' economists now expect two cuts")
    # The bank itself, its shares or results, still counts.
    assert mentions(banks, "Goldman Sachs shares fell 2% after its results")
    assert mentions(banks, "Morgan Stanley beat estimates on its debt haul")
    assert mentions(banks, "JPMorgan Chase missed investment banking fee guidance")


def test_the_askers_words_name_a_symbol_the_registry_does_not_know() -> None:
    # NVDA is in no registry entry: its ticker alone would miss "Nvidia shares fell".
    assert not mentions(entity_for(["NVDA"]), "Nvidia shares fell 3% on export curbs")
    nvidia = entity_for(["NVDA"], ["Nvidia"])
    assert nvidia.phrases == ("Nvidia", "NVDA")
    assert mentions(nvidia, "Nvidia shares fell 3% on export curbs")
    queries = move_queries(nvidia, "down", MOVE_DAY, MOVE_DAY)
    assert queries[0] == "why Nvidia drop on December 29, 2025"
    # A registry name keeps its own words first; "the Dow" adds nothing new but its case.
    dow = entity_for(["DIA"], ["the Dow"])
    assert dow.phrases[0] == "stocks" and sum(p.casefold() == "dow" for p in dow.phrases) == 1


def test_the_askers_words_alone_name_a_market_no_symbol_is_known_for(tmp_path: Path) -> None:
    lumber = entity_for([], ["the lumber market"])
    assert (lumber.symbols, lumber.phrases) == ((), ("lumber market",))
    assert move_queries(lumber, "down", MOVE_DAY, MOVE_DAY)[0] == (
        "why lumber market drop on December 29, 2025"
    )
    day = "December 29, 2025"
    for i, (title, body) in enumerate([
        ("Lumber market slides on weak housing starts",
         "The lumber market fell 3% as housing starts dropped."),
        ("Gold slides", "Gold fell as the dollar rose."),
    ]):  # fmt: skip
        tracker_file(tmp_path / f"{i}.md", title=title, url=f"https://wires.example/{i}",
                     publisher="Wires", published=day, summary=body, body=body)  # fmt: skip
    store = _ingested(tmp_path)
    found = gather_evidence(store, [], "down", MOVE_DAY, MOVE_DAY, AS_OF,
                            names=["lumber market"], min_similarity=0.99)  # fmt: skip
    assert found.drivers[0].title == "Lumber market slides on weak housing starts"
    assert found.symbols == ("lumber market",)
    gap = gather_evidence(store, [], "down", MOVE_DAY, MOVE_DAY, AS_OF,
                          names=["cocoa"], min_similarity=0.99)  # fmt: skip
    assert gap.no_coverage and gap.gap_note().startswith(
        "No stored article explains the move of cocoa (searched news published 2025-12-26 to "
        "2025-12-30)."
    )


def test_a_bellwether_company_names_its_sector_but_no_query_uses_it() -> None:
    chips, banks = entity_for(["SMH"]), entity_for(["XLF"])
    assert mentions(chips, "Micron's rosy forecast lifted the market")  # no "chip" in it
    assert mentions(chips, "ASML reports record Q4 bookings of 13.2B euros")
    assert mentions(banks, "JPMorgan missed on investment banking fees")
    assert not mentions(chips, "JPMorgan missed on investment banking fees")
    assert not mentions(banks, "Micron's rosy forecast lifted the market")
    # Names that are also other words name nothing: an H-1B visa is no card network.
    assert not mentions(banks, "The new visa rules worried tech firms")
    queries = " ".join(move_queries(chips, "up", MOVE_DAY, MOVE_DAY)).lower()
    assert "micron" not in queries and "nvidia" not in queries


def test_bond_funds_are_tied_to_where_rates_are_headed_but_no_query_uses_it() -> None:
    # The stored wrap behind TLT's January 16, 2026 fall names no Treasury, only the Fed chair
    # race and rates (read by hand from the article).
    hassett = ("Investors have been betting on Hassett to succeed Fed Chairman Jerome Powell "
               "after his term ends in May, as they see him as more market-friendly and who "
               "could keep interest rates low.")  # fmt: skip
    for symbol in ("TLT", "IEF", "AGG", "LQD"):
        assert mentions(entity_for([symbol]), hassett), symbol
    assert not mentions(entity_for(["XLE"]), hassett)  # not every market's news
    # Background on rates with no word of the Fed's chair or of yields is not tied to them.
    background = "The Federal Reserve cut its benchmark interest rate three times in 2025."
    assert not mentions(entity_for(["TLT"]), background)
    queries = " ".join(move_queries(entity_for(["TLT"]), "down", MOVE_DAY, MOVE_DAY)).lower()
    assert "interest rates" not in queries and "fed chair" not in queries


def test_rrf_sums_reciprocal_ranks_and_keeps_the_closest_chunk() -> None:
    first = [_hit("a", 0.2), _hit("b", 0.9)]
    second = [_hit("b", 0.5), _hit("c", 0.4), _hit("a", 0.6)]
    fused, best = rrf_articles([first, second])
    # By hand: a = 1/61 + 1/63, b = 1/62 + 1/61, c = 1/62.
    assert list(fused) == ["b", "a", "c"]
    assert fused["b"] == pytest.approx(1 / 62 + 1 / 61)
    assert fused["a"] == pytest.approx(1 / 61 + 1 / 63)
    assert best["b"].score == 0.9 and best["a"].score == 0.6


def test_mmr_prefers_a_novel_article_to_a_near_copy() -> None:
    hits = {"a": _hit("a", 1, "P1"), "copy": _hit("copy", 1, "P2"), "other": _hit("other", 1, "P3")}
    vectors = {"a": [1.0, 0.0], "copy": [0.99, 0.14], "other": [0.0, 1.0]}
    relevance = {"a": 1.0, "copy": 0.95, "other": 0.8}
    assert mmr_order(["a", "copy", "other"], relevance, vectors, hits) == ["a", "other", "copy"]
    # Same vectors everywhere: a repeated publisher is what decides.
    flat = {k: [1.0, 0.0] for k in hits}
    same = {"a": _hit("a", 1, "P1"), "b": _hit("b", 1, "P1"), "c": _hit("c", 1, "P2")}
    order = mmr_order(["a", "b", "c"], {"a": 1.0, "b": 0.99, "c": 0.98}, flat, same)
    assert order == ["a", "c", "b"]


def test_budget_sets_k_and_excerpt_length() -> None:
    # One driver costs 28 header tokens + its excerpt at 4 characters a token; at least 160
    # characters (40 tokens) each, so k = budget // 68, capped at 8 and at what is available.
    assert fit_budget(200, 20) == (2, (100 - 28) * 4)
    assert fit_budget(800, 20) == (8, (100 - 28) * 4)
    assert fit_budget(400, 20) == (5, (80 - 28) * 4)
    assert fit_budget(5000, 3) == (3, 640)  # few candidates: full-length excerpts
    assert fit_budget(30, 20) == (1, 160)  # never below one short driver


def test_window_is_centred_on_the_move_and_never_passes_as_of(store: NewsStore) -> None:
    evidence = gather_evidence(
        store, ["GLD"], "down", MOVE_DAY, MOVE_DAY, AS_OF, lag_days=30, min_similarity=0.0
    )
    assert (evidence.since, evidence.until) == (date(2025, 12, 26), AS_OF)
    titles = {d.title for d in evidence.ranked}
    assert "Gold slides as exchange raises margins" in titles
    assert "Gold plunges again" not in titles  # after as-of, whatever lag_days says
    assert "Gold outlook for 2026" not in titles  # before the window
    assert all(d.hit.published_at.date() <= AS_OF for d in evidence.ranked)
    later = gather_evidence(store, ["GLD"], "down", date(2026, 1, 5), date(2026, 1, 5), AS_OF)
    assert later.no_coverage and later.ranked == []


def test_asked_later_the_move_is_searched_in_the_same_days(store: NewsStore) -> None:
    # Monday's fall asked on Tuesday and asked a month later: the window ends the morning after
    # either way, so January's "Gold plunges again" never competes with the move's own news.
    soon = gather_evidence(store, ["GLD"], "down", MOVE_DAY, MOVE_DAY, AS_OF, min_similarity=0.0)
    late = gather_evidence(store, ["GLD"], "down", MOVE_DAY, MOVE_DAY, date(2026, 2, 1),
                           min_similarity=0.0)  # fmt: skip
    assert soon.until == late.until == date(2025, 12, 30)
    assert [d.title for d in late.ranked] == [d.title for d in soon.ranked]
    assert "Gold plunges again" not in {d.title for d in late.ranked}


def test_drivers_are_distinct_articles_with_the_reason_in_the_excerpt(store: NewsStore) -> None:
    evidence = gather_evidence(
        store, ["GLD"], "down", MOVE_DAY, MOVE_DAY, AS_OF, min_similarity=0.0
    )
    assert not evidence.no_coverage
    ids = [d.hit.article_id for d in evidence.ranked]
    assert len(ids) == len(set(ids))
    assert len({d.url for d in evidence.drivers}) == len(evidence.drivers) >= 2
    margin = next(d for d in evidence.drivers if d.url == "https://metals.example/margin")
    assert MARGIN_SENTENCE in margin.excerpt  # the long chunk's reason, not its filler
    assert len(margin.excerpt) <= evidence.excerpt_chars


def test_drivers_name_the_entity_unless_they_rank_in_the_top_two(store: NewsStore) -> None:
    evidence = gather_evidence(
        store, ["GLD"], "down", MOVE_DAY, MOVE_DAY, AS_OF, min_similarity=0.0
    )
    top_two = {d.url for d in evidence.ranked[:2]}
    assert all(d.names_entity or d.url in top_two for d in evidence.drivers)
    utilities = [d for d in evidence.ranked if d.title == "Utilities steady"]
    assert utilities and not utilities[0].names_entity  # read, ranked, but not a driver
    assert utilities[0] not in evidence.drivers


def test_a_small_budget_gives_fewer_drivers_inside_the_budget(store: NewsStore) -> None:
    wide = gather_evidence(store, ["GLD"], "down", MOVE_DAY, MOVE_DAY, AS_OF, min_similarity=0.0)
    tight = gather_evidence(
        store, ["GLD"], "down", MOVE_DAY, MOVE_DAY, AS_OF, budget_tokens=140, min_similarity=0.0
    )
    assert len(tight.drivers) == 2 < len(wide.drivers)
    assert sheet_tokens(tight.drivers) <= 140


def test_no_coverage_when_nothing_names_the_entity(store: NewsStore) -> None:
    evidence = gather_evidence(store, ["XHB"], "up", MOVE_DAY, MOVE_DAY, AS_OF, min_similarity=0.0)
    assert evidence.ranked and evidence.no_coverage and evidence.drivers == []
    note = evidence.gap_note()
    assert "No stored article explains the move of " in note
    assert "market-copilot ingest news --rss" in note and "2025-12-26 to 2025-12-30" in note


def test_no_coverage_when_nothing_is_close_enough(store: NewsStore) -> None:
    # Gold's headlines of Monday, December 29 are read (the window reaches four days past the
    # move), but they are not the morning after Thursday the 25th (that is Friday), and no
    # chunk is close enough.
    day = date(2025, 12, 25)
    evidence = gather_evidence(store, ["GLD"], "down", day, day, AS_OF, lag_days=4,
                               min_similarity=0.99)  # fmt: skip
    assert evidence.no_coverage and evidence.ranked


def test_a_headline_of_the_move_covers_it_however_far_its_chunk(store: NewsStore) -> None:
    evidence = gather_evidence(
        store, ["GLD"], "down", MOVE_DAY, MOVE_DAY, AS_OF, min_similarity=0.99
    )
    # "Gold slides as exchange raises margins" (December 29) names gold and its fall.
    assert not evidence.no_coverage
    assert "Gold slides as exchange raises margins" in [d.title for d in evidence.drivers]
    # No headline of those days says gold rose: "Silver and gold drop from records" says both
    # ways, so it is no headline of a rise.
    rise = gather_evidence(store, ["GLD"], "up", MOVE_DAY, MOVE_DAY, AS_OF, min_similarity=0.99)
    assert rise.no_coverage


COMPANY_DAY = date(2026, 1, 2)


@pytest.fixture(scope="module")
def company_news(tmp_path_factory: pytest.TempPathFactory) -> NewsStore:
    """A day's wraps that name a sector's companies, or its word in another market's sense."""
    root = tmp_path_factory.mktemp("company-news")
    articles = [  # (file, title, published, body)
        ("wrap.md", "Wall Street edges higher in a wobbly start", "January 2, 2026",
         "The index was weighed down by losses for Microsoft and Tesla."),
        ("stats.md", "Business news 2 January", "January 2, 2026",
         "Production output fell 0.5% largely because of a fall in the manufacture of "
         "semiconductors."),
        ("both.md", "Mixed session", "January 2, 2026", "Nvidia fell while Broadcom rose."),
        ("late.md", "A week later", "January 9, 2026", "Intel shares tumbled on a downgrade."),
    ]  # fmt: skip
    for name, title, published, body in articles:
        tracker_file(root / name, title=title, url=f"https://wires.example/{name}",
                     publisher="Wires", published=published, summary=body, body=body)  # fmt: skip
    return _ingested(root)


def test_a_bellwether_company_moving_its_way_covers_the_sector(company_news: NewsStore) -> None:
    # No chunk is close enough (0.99): coverage comes from what the wraps say. Tesla's losses
    # on the day cover consumer discretionary's fall, and that wrap is read.
    xly = gather_evidence(company_news, ["XLY"], "down", COMPANY_DAY, COMPANY_DAY,
                          date(2026, 1, 3), min_similarity=0.99)  # fmt: skip
    assert not xly.no_coverage
    assert "Wall Street edges higher in a wobbly start" in [d.title for d in xly.drivers]
    # Not a rise: no company of the fund moved up in those wraps.
    up = gather_evidence(company_news, ["XLY"], "up", COMPANY_DAY, COMPANY_DAY,
                         date(2026, 1, 3), min_similarity=0.99)  # fmt: skip
    assert up.no_coverage


def test_a_cause_word_that_dates_counts_half() -> None:
    # Zacks' wrap of January 21 under energy's rise: the lede names energy stocks "on
    # Wednesday"; the energy paragraph gives the reason (Kazakhstan's oil fields).
    lede = ("Wall Street closed sharply higher on Wednesday, pulled up by energy stocks and a "
            "broad-based rally.")  # fmt: skip
    oil = ("Oil prices ended Wednesday higher, supported by optimism over tighter supply "
           "following a temporary shutdown at two major oil fields in Kazakhstan.")  # fmt: skip
    energy = entity_for(["XLE"])
    assert (reason_score(lede, energy, "up"), reason_score(oil, energy, "up")) == (7, 8)
    assert reason_excerpt(f"{lede} {oil}", energy, "up", 160).startswith("… Oil prices")


def test_a_sentence_of_the_other_way_only_is_no_reason() -> None:
    # Crestwood's look back at 2025, under small caps' January rally.
    small = entity_for(["IWM"])
    other = "US Small Caps declined 0.6% for the month."
    rally = "Stocks rallied on the first trading day of the year."
    assert (reason_score(other, small, "up"), reason_score(rally, small, "up")) == (2, 3)
    assert reason_excerpt(f"{other} {rally}", small, "up", 60) == f"… {rally}"


def test_a_page_s_furniture_is_never_the_excerpt() -> None:
    banks = entity_for(["XLF"])
    cause = "Bank stocks fell after the call for a 10% cap on credit card rates."
    link = "Click here to read the full weekly market navigator."
    more = "Lenders led the decline."
    # The excerpt stops where the page's furniture starts, and never begins with it.
    assert reason_excerpt(f"{cause} {link} {more}", banks, "down", 400) == cause
    greeting = (
        "John Letzing: Christian Keller, head of economics research at Barclays Investment "
        "Bank, thanks for joining us on Radio Davos. Christian Keller: Thanks, John. Great "
        "pleasure."
    )
    assert reason_excerpt(greeting, banks, "down", 400) == ""
    intro = (
        "The following is an extract from the latest Week Ahead Economic Preview. For the full "
        "report, please click on the 'Download Full Report' link."
    )
    assert reason_excerpt(intro, banks, "down", 400) == ""


@pytest.mark.parametrize(
    ("move_day", "after"),
    [
        (date(2026, 1, 9), date(2026, 1, 12)),  # Friday → Monday
        (date(2026, 1, 13), date(2026, 1, 14)),  # Tuesday → Wednesday
        (date(2026, 1, 10), date(2026, 1, 12)),  # Saturday → Monday
        # Market holidays (the NYSE's published calendar): Martin Luther King Day (Monday
        # January 19, 2026), New Year's Day (Thursday), Christmas (Thursday).
        (date(2026, 1, 16), date(2026, 1, 20)),
        (date(2025, 12, 31), date(2026, 1, 2)),
        (date(2025, 12, 24), date(2025, 12, 26)),
    ],
)
def test_the_morning_after_is_the_next_session(move_day: date, after: date) -> None:
    assert morning_after(move_day) == after


def _chip_wraps(tmp_path: Path, published: Sequence[str]) -> NewsStore:
    """A store of one wrap per day of `published`, each saying chip stocks climbed."""
    for i, day in enumerate(published):
        title = f"Chip stocks climb, day {i + 1}"
        tracker_file(tmp_path / f"{i}.md", title=title, url=f"https://wires.example/{i}",
                     publisher="Wires", published=day, summary=title, body=title)  # fmt: skip
    store = NewsStore.open(Backend("embedded").settings(tmp_path / "data"), HashEmbedder())
    ingest_paths(store, [tmp_path])
    return store


def test_a_fridays_move_is_covered_by_mondays_wrap(tmp_path: Path) -> None:
    # Monday's "Stock Market News" tells of Friday's session; Tuesday's is another day's news.
    store = _chip_wraps(tmp_path, ["January 12, 2026", "January 13, 2026"])
    friday, thursday = date(2026, 1, 9), date(2026, 1, 8)
    evidence = gather_evidence(store, ["SMH"], "up", friday, friday, date(2026, 1, 13),
                               min_similarity=0.99)  # fmt: skip
    assert [d.title for d in evidence.drivers] == ["Chip stocks climb, day 1"]
    # Thursday's move: Monday is no morning after, and neither article covers it.
    assert gather_evidence(store, ["SMH"], "up", thursday, thursday, date(2026, 1, 13),
                           min_similarity=0.99).no_coverage  # fmt: skip


def test_a_move_before_a_market_holiday_is_told_the_session_after(tmp_path: Path) -> None:
    # Friday January 16, 2026's move is told in Tuesday's wrap (Monday was Martin Luther King
    # Day); Wednesday's tells Tuesday's session.
    store = _chip_wraps(tmp_path, ["January 20, 2026", "January 21, 2026"])
    friday = date(2026, 1, 16)
    evidence = gather_evidence(store, ["SMH"], "up", friday, friday, date(2026, 1, 21),
                               min_similarity=0.99)  # fmt: skip
    assert evidence.until == date(2026, 1, 20)
    assert [d.title for d in evidence.drivers] == ["Chip stocks climb, day 1"]


def test_a_wrap_that_opens_on_another_session_is_no_driver(tmp_path: Path) -> None:
    # Chips rose on Tuesday, January 13, 2026. Tuesday morning's wrap opens on Monday's
    # session, Wednesday evening's on Wednesday's: another day's figures. Wednesday morning's
    # tells Tuesday's; a Monday piece on a weekend remark names no market session.
    articles = [  # (file, published, opening)
        ("tuesday-am.md", "January 13, 2026", "U.S. stocks rose on Monday as chip stocks climbed."),
        ("wednesday-am.md", "January 14, 2026", "U.S. stocks rose on Tuesday as chip stocks "
                                                "climbed."),
        ("wednesday-pm.md", "January 14, 2026", "Wall Street rose on Wednesday as chip stocks "
                                                "climbed."),
        ("weekend.md", "January 12, 2026", "Chip stocks may climb after officials said on "
                                           "Sunday that export limits would ease."),
    ]  # fmt: skip
    for name, published, opening in articles:
        title = f"Chip stocks climb ({name})"
        tracker_file(tmp_path / name, title=title, url=f"https://wires.example/{name}",
                     publisher=f"Wires {name}", published=published, summary=opening,
                     body=f"{opening}\n\nOther markets were quiet.")  # fmt: skip
    store = NewsStore.open(Backend("embedded").settings(tmp_path / "data"), HashEmbedder())
    ingest_paths(store, [tmp_path])
    tuesday = date(2026, 1, 13)
    evidence = gather_evidence(store, ["SMH"], "up", tuesday, tuesday, date(2026, 1, 15),
                               min_similarity=0.99)  # fmt: skip
    read = {d.title for d in evidence.drivers}
    assert read == {"Chip stocks climb (wednesday-am.md)", "Chip stocks climb (weekend.md)"}
    # The later session's wrap is not a candidate at all; the earlier one's stays one, read
    # only for a mention of a guessed cause (it may tell the catalyst).
    found = {d.title for d in evidence.ranked}
    assert "Chip stocks climb (wednesday-pm.md)" not in found
    assert "Chip stocks climb (tuesday-am.md)" in found
    # Asked of Monday's move, Tuesday morning's wrap is its own, and Wednesday's are not read.
    monday = date(2026, 1, 12)
    evidence = gather_evidence(store, ["SMH"], "up", monday, monday, date(2026, 1, 15),
                               min_similarity=0.99)  # fmt: skip
    assert "Chip stocks climb (tuesday-am.md)" in {d.title for d in evidence.drivers}
    assert "Chip stocks climb (wednesday-am.md)" not in {d.title for d in evidence.ranked}


def test_a_sector_word_or_a_company_both_ways_does_not_cover(company_news: NewsStore) -> None:
    # Chips on January 2: "semiconductors" in a statistics note is a word, not a company;
    # "Nvidia fell while Broadcom rose" says both ways; Intel's fall is a week later.
    smh = gather_evidence(company_news, ["SMH"], "down", COMPANY_DAY, COMPANY_DAY,
                          date(2026, 1, 12), min_similarity=0.99)  # fmt: skip
    assert smh.no_coverage and smh.ranked


def test_reason_excerpt_carries_the_cause_stated_after_the_move() -> None:
    # A wrap states the move, then a figure, then its cause: with room, all three are read.
    move = "Chip stocks gained for the second straight day, lifted by the deal."
    figure = "Acme Semiconductor rose 0.2% in early trading."
    cause = "The gains came after a trade deal brought $250 billion of chip investment."
    text = f"Markets were mixed. {move} {figure} {cause} Oil was flat. Bonds were quiet."
    chips = entity_for(["SMH"])
    assert reason_excerpt(text, chips, "up", 640) == f"… {move} {figure} {cause}"
    # Without the room, the cause is left out rather than cut mid-sentence.
    assert reason_excerpt(text, chips, "up", 140) == f"… {move} {figure}"
    # A move line whose only cause word dates it ("on Friday") gives way to a figure with a
    # cause ("after its results"), and the trade deal follows it.
    dated = "Chip stocks gained on Friday for the second straight day."
    results = "Acme Semiconductor rose 0.2% after its results a day earlier."
    text = f"Markets were mixed. {dated} {results} {cause} Oil was flat."
    assert reason_excerpt(text, chips, "up", 640) == f"… {results} {cause} Oil was flat."
    assert reason_excerpt(text, chips, "up", 140) == f"… {results} {cause}"


def test_reason_excerpt_reads_the_cause_a_line_of_the_move_follows() -> None:
    # A wrap gives the cause, then the market's line without one of its own.
    cause = ("Details are still sparse about the framework of a deal on Greenland, and "
             "financial markets are still showing some signs of nervousness.")  # fmt: skip
    move = "Gold's price rose, and the value of the U.S. dollar weakened."
    after = "Oil was flat."
    gold = entity_for(["GLD"])
    text = f"U.S. stocks rose. {cause} {move} {after}"
    assert reason_excerpt(text, gold, "up", 640) == f"… {cause} {move} {after}"
    # Without room for it, the line is read alone, as before.
    assert reason_excerpt(text, gold, "up", 100) == f"… {move} {after}"
    # A line with a cause of its own needs none; a short heading before it is no context.
    own = "Gold's price rose after the dollar weakened."
    assert reason_excerpt(f"{cause} {own}", gold, "up", 640) == f"… {own}"
    assert reason_excerpt(f"Metals at the close. {move}", gold, "up", 640) == f"… {move}"


def test_reason_excerpt_reads_the_story_a_line_of_the_move_points_back_to() -> None:
    # The December 19 wrap (Nasdaq, December 22): the company's rise points back to the news
    # told in the two sentences before it, under a heading.
    heading = "AI Trade Rebounds"
    sale = ("On Dec. 18, the app's CEO told employees that its U.S. operations will be sold to "
            "a new joint venture.")  # fmt: skip
    buyers = "The new JV will comprise Silver Lake, MGX and the software giant Oracle."
    rise = "Following the news, the stock price of Oracle climbed 6.6%."
    oracle = entity_for([], ["Oracle"])
    text = f"Volume was heavy. {heading}\n{sale} {buyers} {rise}"
    assert reason_excerpt(text, oracle, "up", 640) == f"… {sale} {buyers} {rise}"
    # With room for one of them, the nearest is read; a heading ends the story.
    assert reason_excerpt(text, oracle, "up", 160) == f"… {buyers} {rise}"
    assert reason_excerpt(f"{heading}\n{rise}", oracle, "up", 640) == f"… {rise}"
    # "As a result", "Consequently", "That pushed" point back too; a cause of its own does not.
    chips = ("Reuters reported that the administration is considering allowing Nvidia to sell "
             "its H200 chips to approved customers in China.")  # fmt: skip
    for line in ("As a result, the stock price of Nvidia rose 3.9%.",
                 "Consequently, shares of Nvidia rose 3.9%.",
                 "That pushed Nvidia's shares up 3.9%."):  # fmt: skip
        assert reason_excerpt(f"{chips} {line}", entity_for([], ["Nvidia"]), "up", 640) == (
            f"{chips} {line}"
        )
    own = "Nvidia rose 3.9% after its results beat estimates."
    assert reason_excerpt(f"{chips} {own}", entity_for([], ["Nvidia"]), "up", 640) == f"… {own}"


def test_a_cause_named_by_pointing_back_carries_the_story_it_points_to() -> None:
    # Fidelity's week of January 12, 2026: the gold line's cause is "that ongoing and
    # intensifying threat", told in the two sentences before it (Powell's replacement).
    heading = "Gold shines"
    told = ("It is widely expected that the chair's replacement in May will be more aligned "
            "with the White House's desire for lower interest rates.")  # fmt: skip
    threat = ("Although that poses a threat to the credibility of the Fed, it is also seen as "
              "growth positive for stocks.")  # fmt: skip
    concern = ("The market's concern about that ongoing and intensifying threat to the "
               "independence of the Fed has been reflected in the gold price.")  # fmt: skip
    move = "Gold rose this week to yet another all time high."
    gold = entity_for(["GLD"])
    text = f"{heading}\n{told} {threat} {concern} {move}"
    assert reason_excerpt(text, gold, "up", 800) == f"… {told} {threat} {concern} {move}"
    # Without room for the story, the cause line is read alone with the move, as before.
    assert reason_excerpt(text, gold, "up", 260) == f"… {concern} {move}"
    # A cause of its own, or a relative "that", points nowhere: the line before is left.
    plain = ("The market's concern about the independence of the Fed has been reflected in the "
             "gold price.")  # fmt: skip
    assert reason_excerpt(f"{heading}\n{told} {plain} {move}", gold, "up", 800) == (
        f"… {plain} {move}"  # the cause line before a bare move line, as before
    )
    relative = "Gold rose on worries that the cap would hurt lenders."
    assert reason_excerpt(f"{heading}\n{told} {relative}", gold, "up", 800) == f"… {relative}"
    # A relative "that", then a verb: "the countries that pursued such policies".
    assert not refers_back("Gold rose as in the countries that pursued such policies.")
    assert refers_back("These worries weighed on gold.")


def test_a_line_of_the_move_after_its_cause_outranks_a_bare_one() -> None:
    # Fidelity's week of January 12 under gold's record: a bare line of the rise comes first in
    # the chunk the queries matched; the cause, then the move, in the one before it.
    bare = "The rise in gold is just one element in a sharp rise in commodities prices."
    cause = ("The market's concern about the threat to the independence of the Fed has been "
             "reflected in the gold price.")  # fmt: skip
    move = "Gold rose this week to yet another all time high of $4,600 an ounce."
    gold = entity_for(["GLD"])
    # Alone, the two lines of the rise score alike: naming gold (4) and its way (2).
    assert reason_score(bare, gold, "up") == reason_score(move, gold, "up") == 6
    assert reason_excerpt(f"{bare} {cause} {move}", gold, "up", 640) == f"… {cause} {move}"
    # So does the chunk that carries them, against the bare one's.
    assert _reason_points(f"{cause} {move}", gold, "up") > _reason_points(bare, gold, "up")
    # A cause before another market's line lends it nothing.
    assert _reason_points(f"{cause} Oil rose this week.", gold, "up") == _reason_points(
        cause, gold, "up"
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Gold hit a new record on worries about Fed independence.",
        "Gold rose, reflecting concern about the Fed's independence.",
        "Gold rose as a probe into the Fed chair triggered a flight to havens.",
        "Gold rose, propelled by a weaker dollar.",
        "Gold rose, buoyed by central bank buying.",
    ],
)
def test_the_cause_words_of_wraps_and_columns_count_whole(sentence: str) -> None:
    # Naming gold (4), its way (2) and a cause (2): each had counted at most a weak "as"/"on".
    assert reason_score(sentence, entity_for(["GLD"]), "up") == 8


@pytest.mark.parametrize(
    "line",
    [
        "As a result, the stock price of Nvidia rose 3.9%.",
        "Consequently, shares of Nvidia rose 3.9%.",
        "In response, Nvidia's shares jumped 3.9%.",
        "Following the news, the stock price of Nvidia climbed 3.9%.",
    ],
)
def test_a_line_that_points_back_to_its_cause_gives_one(line: str) -> None:
    # The December 19 wrap (Nasdaq, December 22): "As a result, … NVIDIA rose 3.9%" after the
    # H200 news scored a weak cause ("as": 7) beside "Following the news, … Oracle climbed
    # 6.6%" (8), so the chunk that holds it was never read as the wrap's second driver.
    nvidia = entity_for([], ["Nvidia"])
    assert reason_score(line, nvidia, "up") == 8  # naming (4), its way (2), a cause (2)
    # A line of the move that points nowhere still scores the naming and the way alone.
    assert reason_score("The stock price of Nvidia rose 3.9%.", nvidia, "up") == 6


def test_reason_excerpt_keeps_one_or_two_sentences() -> None:
    text = "Markets opened quietly. " * 5 + MARGIN_SENTENCE + " Silver fell too. Nothing else."
    excerpt = reason_excerpt(text, entity_for(["GLD"]), "down", 120)
    assert excerpt.startswith("… " + MARGIN_SENTENCE) and len(excerpt) <= 120


@pytest.mark.parametrize(
    ("sentence", "direction"),
    [  # plain words for a move, as the wraps write them (Zacks, Dec 22: "(XLE) decreased 1.5%")
        ("On the other hand, the Energy Select Sector SPDR (XLE) decreased 1.5%.", "down"),
        ("Chip stocks dipped in late trading.", "down"),
        ("Oil sank after the OPEC meeting.", "down"),
        ("Treasuries retreated as yields climbed back.", "down"),
        ("The Utilities Select Sector SPDR (XLU) increased 1.3%.", "up"),
        ("Bank shares recovered after the results.", "up"),
        ("Silver bounced off its lows.", "up"),
    ],
)  # fmt: skip
def test_plain_words_for_a_move_give_its_direction(sentence: str, direction: Direction) -> None:
    assert names_direction(sentence, direction)


def test_the_words_of_a_fall_include_lows_and_pulling_back() -> None:
    # Real wraps. CPA's "Business news 15 December 2025" under energy's fall on Dec 16: its FTSE
    # line names energy stocks with a cause word, but the oil line is the one that explains.
    ftse = (
        "The FTSE 100 rose close to 1% and remains on track for its strongest annual "
        "performance since 2009, helped by financial and energy stocks."
    )
    oil = (
        "Oil prices remain subdued near multi-month lows amid expectations of a global "
        "surplus next year, while gold continues to push towards record highs."
    )
    energy = entity_for(["XLE"])
    assert reason_score(ftse, energy, "down") == 4  # names (4) + "helped" (2) − "rose" (2)
    assert reason_score(oil, energy, "down") == 8  # names (4) + "lows" (2) + "amid" (2)
    assert reason_excerpt(f"{ftse} {oil}", energy, "down", 420).startswith("… Oil prices")
    # AP's Dec 29 wrap: the margin call "pulled back" gold, a better reason than its figure.
    cme = (
        "Gold and silver prices pulled back from their recent sharp gains after the Chicago "
        "Mercantile Exchange asked traders to put up more cash to make bets on precious metals."
    )
    figure = "The price of gold fell 4.6%, though prices for the metal are still up about 64%."
    gold = entity_for(["GLD"])
    assert (reason_score(cme, gold, "down"), reason_score(figure, gold, "down")) == (8, 6)
    assert reason_excerpt(f"{cme} {figure}", gold, "down", 420).startswith(cme)


@pytest.mark.parametrize(
    "sentence",
    [
        "Shippers like J.B. Hunt gained as small caps rallied on expectations of lower rates.",
        "Data from the U.S. Commerce Department lifted small caps as yields fell.",
        "Shares of Acme Corp. Holdings rallied with small caps on lower rates.",
    ],
)
def test_an_abbreviation_does_not_cut_the_reason_off(sentence: str) -> None:
    text = f"# Close\n\n## Summary\nTech led early. {sentence} Other news followed."
    excerpt = reason_excerpt(text, entity_for(["IWM"]), "up", 400)
    assert excerpt.startswith("… " + sentence)


# --- the real shared articles (2026-01-12 … 2026-01-23 scrape folders, hash embedder) ---------

REAL_CASES = [  # (symbols, direction, start, end, as_of, hand-labelled relevant URLs)
    (["SPY"], "up", date(2026, 1, 21), date(2026, 1, 21), date(2026, 1, 22), {
        "https://abcnews.go.com/Business/wireStory/major-us-stock-indexes-fared-wednesday-1212026-129433640",
        "https://www.nasdaq.com/articles/stock-market-news-jan-22-2026"}),
    (["XLF"], "down", date(2026, 1, 12), date(2026, 1, 20), date(2026, 1, 21), {
        "https://www.nasdaq.com/articles/stock-market-news-jan-19-2026",
        "https://www.nasdaq.com/articles/stock-market-news-jan-20-2026"}),
    (["SMH"], "up", date(2026, 1, 15), date(2026, 1, 15), date(2026, 1, 16), {
        "https://abcnews.go.com/Business/wireStory/major-us-stock-indexes-fared-thursday-1152026-129257984",
        "https://www.youtube.com/watch?v=JSbQr_JO_Hc"}),
]  # fmt: skip


@pytest.mark.parametrize(("symbols", "direction", "start", "end", "as_of", "relevant"), REAL_CASES)
def test_real_articles_put_a_labelled_article_among_the_drivers(
    shared_news_store: NewsStore,
    symbols: list[str],
    direction: Direction,
    start: date,
    end: date,
    as_of: date,
    relevant: set[str],
) -> None:
    evidence = gather_evidence(
        shared_news_store,
        symbols,
        direction,
        start,
        end,
        as_of,
        min_similarity=0.0,
    )
    assert relevant & {d.url for d in evidence.drivers[:5]}
    assert all(d.hit.published_at.date() <= as_of for d in evidence.ranked)
    assert len({d.hit.article_id for d in evidence.drivers}) == len(evidence.drivers)


def test_real_articles_have_no_coverage_of_homebuilders(shared_news_store: NewsStore) -> None:
    evidence = gather_evidence(
        shared_news_store, ["XHB"], "up", date(2026, 1, 15), date(2026, 1, 16), date(2026, 1, 17)
    )
    assert evidence.ranked and evidence.no_coverage


def test_queries_embed_in_one_call_the_same_as_one_by_one() -> None:
    embedder = HashEmbedder()
    texts = ["gold fell after margins", "silver slumped"]
    assert embedder.embed_queries(texts) == [embedder.embed_query(t) for t in texts]


def test_a_markets_driver_ties_a_text_to_it_but_does_not_name_it() -> None:
    # Retail's fall is told as consumer confidence's; regional banks' rise as the banks' results.
    retail, regional = entity_for(["XRT"]), entity_for(["KRE"])
    assert mentions(retail, "US Consumer Confidence Fell Again in December")
    assert mentions(regional, "Stocks slide as tech slips, banks report strong lending")
    assert not mentions(regional, "The World Bank raised its forecast")
    assert not mentions(retail, "Consumer prices rose 0.3% in November")
    assert "consumer confidence" not in retail.phrases  # a driver, never a name of retailers
    assert not mentions(entity_for(["SPY"]), "US Consumer Confidence Fell Again in December")


RETAIL_DAY = date(2025, 12, 23)


@pytest.fixture(scope="module")
def driver_news(tmp_path_factory: pytest.TempPathFactory) -> NewsStore:
    """A release that moves retailers without naming them."""
    root = tmp_path_factory.mktemp("driver-news")
    body = (
        "The Conference Board's consumer confidence index fell to 89.1 in December, the "
        "fifth monthly decline, as buying plans for big-ticket items weakened."
    )
    tracker_file(root / "confidence.md", title="US Consumer Confidence Fell Again in December",
                 url="https://wires.example/confidence", publisher="Wires",
                 published="December 23, 2025", summary=body, body=body)  # fmt: skip
    return _ingested(root)


def test_an_article_on_a_markets_driver_covers_its_move(driver_news: NewsStore) -> None:
    # Any similarity will do here: the article counts because it names retail's driver (it
    # names no retailer, and was "no stored article" before).
    evidence = gather_evidence(driver_news, ["XRT"], "down", RETAIL_DAY, RETAIL_DAY,
                               date(2025, 12, 24), min_similarity=0.0)  # fmt: skip
    assert [d.title for d in evidence.drivers] == ["US Consumer Confidence Fell Again in December"]
    assert "consumer confidence index fell to 89.1" in evidence.drivers[0].excerpt


def test_a_headline_of_a_driver_moving_does_not_cover_the_market(driver_news: NewsStore) -> None:
    # "Consumer confidence fell" is a headline of the driver's fall, not of retailers': with
    # no chunk close enough (0.99) it covers neither way.
    for way in ("down", "up"):
        evidence = gather_evidence(driver_news, ["XRT"], way, RETAIL_DAY, RETAIL_DAY,
                                   date(2025, 12, 24), min_similarity=0.99)  # fmt: skip
        assert evidence.no_coverage, way


WRAP_DAY = date(2026, 1, 21)
LEDE = ("Wall Street closed sharply higher on Wednesday, pulled up by a broad rally. Investors "
        "cheered a Greenland framework deal and the end of new tariff threats.")  # fmt: skip


@pytest.fixture(scope="module")
def day_wraps(tmp_path_factory: pytest.TempPathFactory) -> NewsStore:
    """Wraps that state the market's move and cause first, a sector's bare line chunks later."""
    root = tmp_path_factory.mktemp("day-wraps")
    filler = "Traders watched the calendar and the session's volume stayed thin. " * 12
    articles = [  # (file, title, published, lede, the sector's line)
        ("wrap.md", "Stock Market News for Jan 22, 2026", "January 22, 2026", LEDE,
         "The Materials Select Sector SPDR (XLB) rose 1.9%."),
        ("earlier.md", "Stock Market News for Jan 19, 2026", "January 19, 2026",
         "Stocks rallied on Friday after a quiet week. Investors bought the dip in chipmakers.",
         "The Materials Select Sector SPDR (XLB) rose 0.4%."),
        ("own.md", "Metals wrap", "January 21, 2026",
         "Stocks rose on Wednesday. Investors cheered the diplomacy in Davos.",
         "The Materials Select Sector SPDR (XLB) rose 1.9% after copper prices jumped."),
    ]  # fmt: skip
    for name, title, published, lede, line in articles:
        body = f"{lede}\n\n{filler}\n\n{line}\n\n{filler}"
        tracker_file(root / name, title=title, url=f"https://wraps.example/{name}",
                     publisher=name, published=published, summary=lede, body=body)  # fmt: skip
    return _ingested(root)


def test_a_bare_line_of_the_move_is_read_with_its_wraps_lede(day_wraps: NewsStore) -> None:
    evidence = gather_evidence(day_wraps, ["XLB"], "up", WRAP_DAY, WRAP_DAY, date(2026, 1, 22),
                               min_similarity=0.0)  # fmt: skip
    excerpts = {d.title: d.excerpt for d in evidence.drivers}
    # The morning-after wrap: its lede (the market's rise and its cause), then the bare line.
    wrap = excerpts["Stock Market News for Jan 22, 2026"]
    assert wrap.startswith(LEDE) and "(XLB) rose 1.9%." in wrap
    assert next(d for d in evidence.drivers if d.excerpt == wrap).hit.chunk_index > 0
    # Friday's wrap tells Friday's cause; a line with a cause of its own needs no lede.
    assert "Friday" not in excerpts["Stock Market News for Jan 19, 2026"]
    assert "Davos" not in excerpts["Metals wrap"]
    assert "copper prices jumped" in excerpts["Metals wrap"]


def test_a_lede_of_the_market_moving_the_other_way_is_not_read(day_wraps: NewsStore) -> None:
    evidence = gather_evidence(day_wraps, ["XLB"], "down", WRAP_DAY, WRAP_DAY,
                               date(2026, 1, 22), min_similarity=0.0)  # fmt: skip
    assert evidence.drivers and not any("Greenland" in d.excerpt for d in evidence.drivers)


def test_a_commoditys_bare_line_gets_no_stock_market_lede(tmp_path: Path) -> None:
    # The stock market's cause (a tariff deal) is not gold's; the line is read with what
    # precedes it instead. A sector's line in the same wrap does get the lede.
    filler = "Traders watched the calendar and the session's volume stayed thin. " * 12
    nervous = "Financial markets are still showing some signs of nervousness."
    lines = ("The Materials Select Sector SPDR (XLB) rose 1.9%. "
             f"{nervous} Gold's price rose, and the dollar weakened.")  # fmt: skip
    tracker_file(tmp_path / "wrap.md", title="Stock Market News for Jan 22, 2026",
                 url="https://wraps.example/wrap", publisher="Wraps", published="January 22, 2026",
                 summary=LEDE, body=f"{LEDE}\n\n{filler}\n\n{lines}\n\n{filler}")  # fmt: skip
    store = NewsStore.open(Backend("embedded").settings(tmp_path / "data"), HashEmbedder())
    ingest_paths(store, [tmp_path])
    # (-1: the hash embedder's similarities carry no meaning, and may be below 0)
    gold = gather_evidence(store, ["GLD"], "up", WRAP_DAY, WRAP_DAY, date(2026, 1, 22),
                           min_similarity=-1.0)  # fmt: skip
    [read] = [d.excerpt for d in gold.drivers]
    assert "Greenland" not in read and f"{nervous} Gold's price rose" in read
    chips = gather_evidence(store, ["XLB"], "up", WRAP_DAY, WRAP_DAY, date(2026, 1, 22),
                            min_similarity=-1.0)  # fmt: skip
    assert next(d.excerpt for d in chips.drivers).startswith(LEDE)


FRIDAY = date(2026, 1, 16)
CAUSE_LINE = (
    "Stocks fell on Friday after the President said he would keep his adviser in his present "
    "role. Investors had bet on the adviser to lead the central bank."
)
CAUSE_MORE = "They saw him as likely to keep interest rates low."


@pytest.fixture(scope="module")
def sectioned_wraps(tmp_path_factory: pytest.TempPathFactory) -> NewsStore:
    """Wraps whose lede gives no cause and whose cause comes in a section after the
    benchmarks' lines, as Zacks' do; one tells Friday's session on a Tuesday."""
    root = tmp_path_factory.mktemp("sectioned-wraps")
    filler = "Traders watched the calendar and the session's volume stayed thin. " * 12
    monday = (
        "U.S. stocks ended mostly flat on Friday. All three major indexes ended in negative "
        f"territory.\n\n{filler}\n\nThe Health Care Select Sector SPDR (XLV) fell 0.8%. The "
        "fear gauge, the CBOE Volatility Index (VIX), was up 3.1% to 15.86.\n\n"
        f"{filler}\n\nInvestors Digest Remarks\n\nChip stocks gained on Friday after a trade "
        "deal. Markets in Europe fell on Friday after a weak German survey."
        f"\n\n{CAUSE_LINE} {CAUSE_MORE}\n\nBank Stocks Suffer\n\nBank stocks fell after a call "
        f"for a cap on card rates.\n\n{filler}"
    )
    rally = (
        "U.S. stock markets closed higher on Friday after the AI trade regained momentum. "
        f"Economists think a lot of firing power is left.\n\n{filler}\n\nThe fear gauge, "
        f"the CBOE Volatility Index (VIX), was down 11.6% to 14.91.\n\n{filler}"
    )
    articles = [  # (file, title, published, body)
        ("monday.md", "Stock Market News for Jan 19, 2026", "January 19, 2026", monday),
        ("tuesday.md", "Stock Market News for Jan 20, 2026", "January 20, 2026", monday),
        ("rally.md", "Stock Market News for Dec 22, 2025", "December 22, 2025", rally),
    ]  # fmt: skip
    for name, title, published, body in articles:
        tracker_file(root / name, title=title, url=f"https://sections.example/{name}",
                     publisher=name, published=published, summary=title, body=body)  # fmt: skip
    return _ingested(root)


def test_a_bare_line_is_read_with_the_wraps_later_cause_line(sectioned_wraps: NewsStore) -> None:
    # The lede says the market ended flat, with no cause; the section after the benchmarks'
    # lines opens with the market's fall and its cause. A group's line ("Chip stocks gained
    # …") is not the market's.
    evidence = gather_evidence(sectioned_wraps, ["XLV"], "down", FRIDAY, FRIDAY,
                               date(2026, 1, 19), min_similarity=0.0)  # fmt: skip
    wraps = [d.excerpt for d in evidence.drivers if d.title.startswith("Stock Market News")]
    # The section is read in whole sentences up to its end, the next heading, within half the
    # room; the move's line follows. The story stored twice, under Monday's and Tuesday's
    # titles, is read once.
    assert len(wraps) == 1
    assert wraps[0].startswith(f"{CAUSE_LINE} {CAUSE_MORE} … ") and "(XLV) fell 0.8%" in wraps[0]
    assert "Bank" not in wraps[0]


def test_another_days_wrap_lends_no_cause_line(sectioned_wraps: NewsStore) -> None:
    # Tuesday's wrap, after Monday's holiday, tells Friday's session (as Monday's does): its
    # cause is no cause of Tuesday's rise of the fear gauge, and its line no figure of it.
    tuesday = date(2026, 1, 20)
    evidence = gather_evidence(sectioned_wraps, ["^VIX"], "up", tuesday, tuesday,
                               date(2026, 1, 20), min_similarity=0.0)  # fmt: skip
    assert evidence.no_coverage and not evidence.drivers


def test_the_fear_gauges_fall_is_read_with_the_markets_rise(sectioned_wraps: NewsStore) -> None:
    # The VIX falls as stocks rise: its bare line is read with the lede of the market's rise,
    # and its rise with the lede of the market's fall.
    day = date(2025, 12, 19)
    fall = gather_evidence(sectioned_wraps, ["^VIX"], "down", day, day, date(2025, 12, 22),
                           min_similarity=0.0)  # fmt: skip
    wrap = next(d.excerpt for d in fall.drivers if d.title.endswith("Dec 22, 2025"))
    assert wrap.startswith("U.S. stock markets closed higher on Friday after the AI trade")
    assert "(VIX), was down 11.6%" in wrap
    rise = gather_evidence(sectioned_wraps, ["^VIX"], "up", FRIDAY, FRIDAY, date(2026, 1, 19),
                           min_similarity=0.0)  # fmt: skip
    wrap = next(d.excerpt for d in rise.drivers if d.title.endswith("Jan 19, 2026"))
    assert wrap.startswith(CAUSE_LINE) and "(VIX), was up 3.1%" in wrap


@pytest.mark.parametrize(("precision", "dated"), [("time", True), ("day", True), ("month", False)])
def test_a_feeds_timestamp_dates_an_article_to_its_day(precision: str, dated: bool) -> None:
    # An RSS item carries its hour ("time"): its day is known, as a dated page's is. It was
    # read as undated, so a feed's "Chip stocks climb" headline covered no move.
    hit = NewsHit(
        article_id="a", chunk_id="a-v-0000", chunk_index=0, title="Chip stocks climb on Friday",
        publisher="Wires", published_at=datetime(2026, 1, 16, 21, 5, tzinfo=UTC),
        date_precision=precision, url="https://wires.example/a", symbols=[],
        summary_only=True, text="Chip stocks climb on Friday", score=0.3,
    )  # fmt: skip
    driver = Driver(hit, hit.text, 1.0, 0.3, True)
    friday = date(2026, 1, 16)
    assert hit.dated_to_day is dated
    assert _says_it_moved(driver, entity_for(["SMH"]), "up", friday, friday) is dated


def _summary(title: str, text: str) -> Driver:
    hit = NewsHit(
        article_id="b", chunk_id="b-v-0000", chunk_index=0, title=title, publisher="TV",
        published_at=datetime(2026, 1, 26, tzinfo=UTC), date_precision="day",
        url="https://tv.example/b", symbols=[], summary_only=True, text=text, score=0.4,
    )  # fmt: skip
    return Driver(hit, reason_excerpt(text, entity_for(["SLV"]), "up", 300), 1.0, 0.4, True)


# A real headline and summary, read for silver's rise of January 23-26, 2026: the cause is in
# the headline alone.
HEADLINE = "US Stocks Rise as Dollar Weakens and Precious Metals Gain"
STOCKS_SUMMARY = ("US stocks climb amid tech earnings anticipation and Fed meeting focus. Guests "
                  "discuss sector impacts and data center deals.")  # fmt: skip


def test_a_headline_with_the_moves_cause_leads_an_excerpt_without_one() -> None:
    silver = entity_for(["SLV"])
    led = _with_its_headline(_summary(HEADLINE, STOCKS_SUMMARY), silver, "up", 300)
    assert led.excerpt.startswith(f"{HEADLINE}. US stocks climb") and len(led.excerpt) <= 300
    # Not for the other way, nor over a line of the excerpt that says as much, nor for a
    # headline about something else.
    plain = _summary(HEADLINE, STOCKS_SUMMARY)
    assert _with_its_headline(plain, silver, "down", 300).excerpt == plain.excerpt
    own = _summary(HEADLINE, "Silver jumped 6% after the dollar weakened sharply on Monday.")
    assert _with_its_headline(own, silver, "up", 300).excerpt == own.excerpt
    tech = _summary("US Stocks Rise as Tech Earnings Impress", STOCKS_SUMMARY)
    assert _with_its_headline(tech, silver, "up", 300).excerpt == tech.excerpt
    # The way is the way of the words that name the market, and a driver names none.
    steady = _summary("Gold Holds Steady as Stocks Rally", STOCKS_SUMMARY)
    assert _with_its_headline(steady, entity_for(["GLD"]), "up", 300).excerpt == steady.excerpt
    rates = _summary("Mortgage Rates Ease as Stocks Fall", STOCKS_SUMMARY)
    assert _with_its_headline(rates, entity_for(["XHB"]), "down", 300).excerpt == rates.excerpt
    both = _summary("Stocks Advance as Gold and Silver Hit Record Highs", STOCKS_SUMMARY)
    assert _with_its_headline(both, entity_for(["GLD"]), "up", 300).excerpt.startswith("Stocks")
    # A headline longer than half the room leaves the excerpt as it was.
    assert _with_its_headline(plain, silver, "up", 100).excerpt == plain.excerpt


def test_an_excerpt_keeps_the_period_its_figures_are_for() -> None:
    # Zacks' wrap of January 20, 2026: the week's figures continue a sentence that says so.
    # Cut from the excerpt, the model dated them to the day of the question ("lost 0.4% and
    # 0.7%, respectively, on January 20").
    nasdaq = entity_for(["QQQ"])
    friday = "U.S. stocks fell on Friday after a choppy session."
    week = "For the week, the Dow lost 0.3%."
    figures = "The S&P 500 and the Nasdaq lost 0.4% and 0.7%, respectively."
    text = f"{friday} {week} {figures}"
    assert reason_score(figures, nasdaq, "down") > reason_score(week, nasdaq, "down")
    assert reason_excerpt(text, nasdaq, "down", 200) == f"… {week} {figures}"
    # Without the room for both, the best sentence alone, as before.
    assert reason_excerpt(text, nasdaq, "down", 80) == f"… {figures}"


def test_an_excerpt_spends_no_room_on_a_bare_price_line() -> None:
    # AP's wrap of December 29, 2025, read for the S&P 500's slip: the lede, two of the wrap's
    # index lines (never shown to the writer), then the reason. Before, the two price lines
    # took the excerpt's two following places and the reason was left out.
    spy = entity_for(["SPY"])
    lede = "Stocks slipped in quiet trading on Wall Street Monday to kick off another week."
    index = "The S&P 500 fell 24.20 points, or 0.3%, to 6,905.74."
    dow = "The Dow Jones Industrial Average fell 249.04 points, or 0.5%, to 48,461.93."
    reason = "Big technology stocks with outsized valuations were among the heaviest weights."
    excerpt = reason_excerpt(f"{lede} {index} {dow} {reason}", spy, "down", 400)
    assert excerpt == f"{lede} … {reason}"


@pytest.mark.parametrize(
    "furniture",
    [
        "Marvell Technology currently carries a Zacks Rank #2 (Buy).",
        "NVIDIA and Micron currently sport a Zacks Rank #1 (Strong Buy).",
        "Through November, 2025, the Zacks Top 10 Stocks gained +2,530.8%, more than "
        "QUADRUPLING the S&P 500's +570.3%.",
        "Micron Technology, Inc. (MU) : Free Stock Analysis Report",
        "This commentary is for informational purposes only and includes general economic and "
        "market conditions.",
        "Past performance is not a guarantee of future results.",
        "There are special risks associated with an investment in commodities, including "
        "market price fluctuations.",
        "Log in to comment on videos and join in on the fun.",
        "Zacks Naming Top 10 Stocks for 2026 Want to be tipped off early to our 10 top picks?",
        "Investments in foreign securities involve special risks, including foreign currency risk.",
        "These risks are magnified for investments made in emerging markets.",
    ],
)
def test_a_publishers_ratings_disclaimers_and_ads_are_furniture(furniture: str) -> None:
    stocks = entity_for(["SPY"])
    assert is_boilerplate(furniture)
    cause = "Stocks rose after the softer inflation report."
    assert reason_excerpt(f"{cause} {furniture} Oil fell.", stocks, "up", 400) == cause
    # A rating's or a risk's word in a reason is no furniture (control).
    assert not is_boilerplate("Shares rose after analysts upgraded the stock to a buy.")
    assert not is_boilerplate("Stocks fell as risks to the outlook grew.")


def test_a_list_of_stock_picks_is_no_driver_of_a_move(tmp_path: Path) -> None:
    # Both of the move's day name energy stocks falling with a cause; the picks list's is a
    # pick's risk, not the day's news, and it is no driver even where it is the closer match.
    pieces = [
        ("picks.md", "10 Best Stocks to Buy Now: Top Picks for January 2026",
         "Energy stocks fell on a sudden decrease in oil, which can quickly reverse the trade. "
         "Energy stocks fell. Energy stocks fell."),
        ("wrap.md", "Stocks close mixed",
         "Energy stocks fell after crude slid on supply worries."),
    ]  # fmt: skip
    for name, title, body in pieces:
        tracker_file(tmp_path / name, title=title, url=f"https://news.example/{name}",
                     publisher=name, published="January 7, 2026", summary=body,
                     body=body)  # fmt: skip
    store = NewsStore.open(Backend("embedded").settings(tmp_path / "data"), HashEmbedder())
    ingest_paths(store, [tmp_path])
    day = date(2026, 1, 7)
    evidence = gather_evidence(store, ["XLE"], "down", day, day, date(2026, 1, 8),
                               min_similarity=0.0)  # fmt: skip
    assert [d.title for d in evidence.drivers] == ["Stocks close mixed"]


@pytest.mark.parametrize(
    ("title", "picks"),
    [
        ("5 Stocks to Buy in January 2026", True),
        ("3 Stocks To BUY NOW In January 2026", True),
        ("Top stocks to buy or sell today: Stock market recommendations for January 13", True),
        ("5 Best-Performing Growth Stocks for January 2026", True),
        ("Wall Street has its best week for stocks in months", False),
        ("The best-performing stocks of 2025", False),
        ("Stocks to watch today: Nvidia, Tesla", False),
        ("Stocks slide as investors buy bonds", False),
    ],
)
def test_a_picks_headline_is_told_from_a_wraps(title: str, picks: bool) -> None:
    assert is_stock_picks(title) is picks


def test_a_scenario_is_no_reason_however_causal_it_sounds() -> None:
    # The scenario names oil, a rise and a cause word; the day's line names the rise alone.
    text = (
        "In a very adverse scenario, oil prices could rise sharply, driven by disruption in the "
        "Strait of Hormuz. Oil prices rose 2% on Tuesday."
    )
    excerpt = reason_excerpt(text, entity_for(["WTI"]), "up", 80)
    assert "Oil prices rose 2% on Tuesday" in excerpt and "scenario" not in excerpt, excerpt


@pytest.mark.parametrize(
    ("sentence", "scenario"),
    [
        ("That could lead to even more of an increase in oil prices.", True),
        ("A correction in AI stocks could reduce global output by 0.4 percent in 2026.", True),
        ("We may be in for a reality check on bank earnings.", True),
        # what happened: a mood about what could, or what someone said would
        ("Stocks fell on fears tariffs could hurt growth.", False),
        ("Stocks slid after Trump said he would slap tariffs on Europe.", False),
        ("Oil rose 2% after a pipeline outage in Libya.", False),
    ],
)
def test_a_scenario_is_told_from_what_happened(sentence: str, scenario: bool) -> None:
    assert hypothetical(sentence) is scenario


def test_a_wrap_titled_with_an_earlier_session_is_no_driver(tmp_path: Path) -> None:
    # Monday, December 22, 2025's move. Friday evening's show is titled with its day, three days
    # before and outside the wraps read for their opening; a Saturday piece dated on the weekend
    # is no session's and may tell a catalyst; Monday's own wrap is the move's.
    articles = [  # (file, title, published, body)
        ("friday.md", "Chip stocks climb | The Close 12/19/2025", "December 19, 2025",
         "Chip stocks climbed as AI demand lifted semiconductor makers."),
        ("saturday.md", "Chip stocks climb: the week ahead 12/20/2025", "December 20, 2025",
         "Chip stocks may climb after export limits on chips to China were eased."),
        ("monday.md", "Chip stocks climb | The Close 12/22/2025", "December 22, 2025",
         "Chip stocks climbed after Micron's forecast lifted semiconductor makers."),
    ]  # fmt: skip
    for name, title, published, body in articles:
        tracker_file(tmp_path / name, title=title, url=f"https://wires.example/{name}",
                     publisher=f"Wires {name}", published=published, summary=body,
                     body=body)  # fmt: skip
    store = NewsStore.open(Backend("embedded").settings(tmp_path / "data"), HashEmbedder())
    ingest_paths(store, [tmp_path])
    monday = date(2025, 12, 22)
    evidence = gather_evidence(store, ["SMH"], "up", monday, monday, date(2025, 12, 23),
                               min_similarity=0.0)  # fmt: skip
    assert {d.title for d in evidence.drivers} == {
        "Chip stocks climb: the week ahead 12/20/2025",
        "Chip stocks climb | The Close 12/22/2025",
    }


def test_a_measure_stored_under_another_symbol_is_named_by_its_words() -> None:
    # The store's 10-year yield is FRED's monthly average (US10Y): the news names it as the
    # daily series' words do ("Treasury yields rose following encouraging reports …").
    phrases = {p.casefold() for p in entity_for(["US10Y"]).phrases}
    assert {"treasury yields", "10-year yield", "bond yields"} <= phrases
    # A measure of its own takes no other's words.
    assert "treasury yields" not in {p.casefold() for p in entity_for(["GLD"]).phrases}
