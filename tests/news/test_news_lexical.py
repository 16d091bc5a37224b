"""BM25 over candidates and reciprocal-rank fusion, on hand-checked examples."""

from __future__ import annotations

from copilot.news.lexical import bm25_order, fuse, tokens


def test_tokens_keep_decimals_and_drop_punctuation() -> None:
    assert tokens("GDP grew 4.3% in Q3; the S&P 500 rose.") == [
        "gdp", "grew", "4.3", "in", "q3", "the", "s", "p", "500", "rose"
    ]  # fmt: skip


def test_bm25_orders_by_rare_terms_and_skips_non_matches() -> None:
    texts = [
        "stocks rose on tuesday",  # 0: 'stocks' only
        "dynavax deal: sanofi buys dynavax",  # 1: 'dynavax' twice
        "weather report",  # 2: nothing
        "sanofi shares rose",  # 3: 'sanofi'
    ]
    # idf: dynavax, stocks ln(1+3.5/1.5)=1.204, sanofi ln 2; lengths 4,5,2,3 (avg 3.5):
    # doc1 = 1.478 + 0.590, doc0 = 1.138, doc3 = 0.736.
    assert bm25_order("Sanofi Dynavax stocks", texts) == [1, 0, 3]
    assert bm25_order("", texts) == []
    assert bm25_order("anything", []) == []


def test_longer_documents_score_lower_for_the_same_count() -> None:
    short, long = "alpha beta", "alpha " + "filler " * 20
    assert bm25_order("alpha", [long, short, "gamma"]) == [1, 0]


def test_rrf_sums_reciprocal_ranks() -> None:
    # a: 1/61 + 1/62, b: 1/62 + 1/61, c: 1/63 — a and b tie, ties go to the smaller item.
    assert fuse([0, 1, 2], [1, 0]) == [0, 1, 2]
    assert fuse([0, 1, 2], [2]) == [2, 0, 1]  # 2: 1/63 + 1/61 > 0: 1/61 > 1: 1/62
