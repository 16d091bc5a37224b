"""Each kind of wrong answer, written by hand, with the status a reader should see.

The ledger (tests/claims/ledger_kit.py) states: [1] IWM beat SPY 14 sessions to 2026-01-22;
[2] IWM +8.32% since 2025-12-31 (close 266.58); [3] SPY +1.21%; [4] sectors on 2026-01-22
(XLB +1.52% 1st, XLK +1.20% 2nd, XLE +0.41% 3rd, XLU -0.72% 10th, XLV -0.95% 11th of 11);
[5] DGS10 +16 bp, 4.12% → 4.28%; [6] gold fell 4.4% (news); [7] small caps and rate-cut bets
(news); [8] IWM +9.86% above its 200-day average of 242.67.
"""

from __future__ import annotations

import pytest
from ledger_kit import check, statuses

from copilot.answering.prune import prune_unsupported

CORRECT = (
    "Small caps beat the S&P 500 for 14 straight sessions through January 22 [1], gaining "
    "8.32% since December 31 [2] while SPY rose 1.21% [3], a lead of 7.11 percentage points. "
    "Utilities ranked 10th of 11 sectors on January 22, falling 0.72% [4], while materials "
    "were the best sector, up 1.52% [4]. The 10-year yield rose 16 bp to 4.28% [5]. Gold "
    "fell 4.4% [6]. IWM closed 9.86% above its 200-day average [8]."
)


def test_the_correct_answer_checks_out_figure_by_figure() -> None:
    text, v = check(CORRECT)
    assert text == CORRECT
    assert {n.text: n.status for n in v.figures} == {
        "14": "verified", "8.32%": "verified", "1.21%": "verified",
        "7.11 percentage points": "derived", "10th": "verified", "11": "verified",
        "0.72%": "verified", "1.52%": "verified", "16 bp": "verified", "4.28%": "verified",
        "4.4%": "verified", "9.86%": "verified", "200": "verified",
    }  # fmt: skip
    assert {n.status for n in v.dates} == {"verified"}
    assert v.share_verified == 1.0
    assert [(r.kind, r.text, r.status) for r in v.reasons] == [
        ("verdict", "the best sector", "supported")
    ]
    gap = next(n for n in v.numbers if n.unit == "pp")
    assert gap.relation == "difference of two cited returns: IWM − SPY"


def test_swapped_instruments_are_contradicted_with_the_right_value() -> None:
    _, v = check("SPY gained 8.32% [2] while small caps rose 1.21% [3].")
    assert [(n.text, n.status) for n in v.numbers] == [
        ("8.32%", "contradicted"), ("1.21%", "contradicted"),
    ]  # fmt: skip
    # The mark shows what the sources state for the instrument named.
    assert "+1.21%" in v.numbers[0].mark_note() and "+8.32%" in v.numbers[1].mark_note()


def test_figures_swapped_between_sources_are_contradicted() -> None:
    # The sector source's XLK figure given to XLB, and the SPY return given to IWM.
    assert statuses("Materials rose 1.20% [4].") == {"1.20%": "contradicted"}
    assert statuses("IWM rose 1.21% [2].") == {"1.21%": "contradicted"}


def test_wrong_sign_is_contradicted_and_news_signs_come_from_the_article() -> None:
    assert statuses("SPY fell 1.21% [3].") == {"1.21%": "contradicted"}
    assert statuses("Gold fell 4.4% [6].") == {"4.4%": "verified"}  # the article: "fell 4.4%"
    assert statuses("Gold rose 4.4% [6].") == {"4.4%": "contradicted"}
    assert statuses("Utilities gained 0.72% [4].") == {"0.72%": "contradicted"}
    # Gains handed back are a fall: the app let "The Russell 2000 gave back 5.48% after its
    # January run" stand on a +5.48% return.
    for handed_back in ("gave back", "gave up", "surrendered", "handed back"):
        assert statuses(f"IWM {handed_back} 8.32% [2].") == {"8.32%": "contradicted"}
    assert statuses("IWM rose 8.32% before giving back some of it [2].") == {"8.32%": "verified"}


def test_wrong_rank_is_contradicted() -> None:
    assert statuses("Utilities ranked 3rd of 11 sectors [4].") == {
        "3rd": "contradicted", "11": "verified",
    }  # fmt: skip
    assert statuses("Utilities were the third-worst sector [4].")["third"] == "contradicted"


def test_wrong_unit_is_contradicted() -> None:
    assert statuses("IWM rose 8.32 bp [2].") == {"8.32 bp": "contradicted"}
    assert statuses("The 10-year yield rose 16% [5].") == {"16%": "contradicted"}


def test_off_by_some_value_is_contradicted() -> None:
    assert statuses("IWM rose 8.52% [2].") == {"8.52%": "contradicted"}
    assert statuses("Small caps beat the S&P 500 for 15 sessions [1].") == {"15": "contradicted"}
    assert statuses("IWM closed 9.2% above its 200-day average [8].") == {
        "9.2%": "contradicted", "200": "verified",
    }  # fmt: skip


def test_a_shifted_window_is_not_verified() -> None:
    # The +8.32% is measured from December 31, not from January 9; and the average is 200 days.
    result = statuses("IWM rose 8.32% since January 9 [2].")
    assert result["8.32%"] == "contradicted" and result["January 9"] == "unverified"
    assert statuses("IWM closed 9.86% above its 50-day average [8].")["50"] == "contradicted"
    assert statuses("IWM rose 8.32% over the last 5 sessions [2].")["8.32%"] == "contradicted"


def test_an_invented_gap_is_not_derived() -> None:
    result = statuses("IWM rose 8.32% [2] and SPY 1.21% [3], a lead of 6.4 percentage points.")
    assert result["6.4 percentage points"] == "unverified"
    # Nor the right size in the wrong direction: SPY did not beat IWM.
    wrong_way = statuses("SPY beat IWM by 7.11 percentage points [2, 3].")
    assert wrong_way["7.11 percentage points"] == "unverified"
    # A gap between instruments the sentence does not name is no derivation either.
    assert statuses("XLK led XLE by 7.11 pp [2, 3, 4].")["7.11 pp"] == "unverified"


def test_a_misattributed_citation_is_moved_and_corrected_in_the_text() -> None:
    text, v = check("SPY rose 1.21% [2].")
    assert text == "SPY rose 1.21% [3]."
    (only,) = v.numbers
    assert (only.status, only.cited, only.corrected_to, only.source) == ("moved", [2], 3, 3)
    assert v.corrected == [3]
    # With another figure resting on the first citation, the right one is added beside the
    # moved figure instead.
    text, v = check("IWM rose 8.32% and SPY rose 1.21% [2].")
    assert text == "IWM rose 8.32% and SPY rose 1.21% [3] [2]."
    assert [n.status for n in v.numbers] == ["verified", "moved"]


def test_a_false_superlative_is_unsupported() -> None:
    # A place the ranking's moves contradict is a verdict, cut like a contradicted figure.
    text, v = check("Utilities were the best sector on January 22 [4]. Gold fell 4.4% [6].")
    (word,) = [r for r in v.reasons if r.kind == "verdict"]
    assert (word.text, word.status) == ("the best sector", "unsupported")
    assert "XLB is first" in word.evidence and "XLU" in word.evidence
    kept, removed = prune_unsupported(text, v.numbers, v.reasons)
    assert (kept, removed) == ("Gold fell 4.4% [6].", [text.split(" Gold")[0]])
    _, v = check("IWM posted its best gain since 2020, rising 8.32% [2].")
    assert [r.status for r in v.reasons if r.kind == "superlative"] == ["unsupported"]
    # A superlative the cited article itself states is supported.
    _, v = check("Gold fell 4.4% after a record run [6].")
    assert [r.status for r in v.reasons if r.kind == "superlative"] == ["supported"]


def test_the_question_is_not_evidence() -> None:
    from datetime import date

    from ledger_kit import book

    from copilot.claims.verify import premise_checks, verify_answer

    # "gained 3%" is in the question only: the answer repeating it is unverified.
    _, v = verify_answer("Small caps gained 3% [2].", book(), date(2026, 1, 23),
                         "Why did small caps gain 3%?", check_support=False)  # fmt: skip
    assert [n.status for n in v.numbers] == ["contradicted"]
    (premise,) = premise_checks("Why did small caps gain 3% this year?", book())
    assert premise.status == "contradicted" and "+8.32%" in premise.fact


def test_dates_are_scored_apart_from_figures() -> None:
    _, v = check("IWM rose 8.32% [2]. Its annual report came out on March 3, 2026.")
    assert [(n.kind, n.status) for n in v.numbers] == [
        ("figure", "verified"), ("date", "unverified"),
    ]  # fmt: skip
    assert v.share_verified == 1.0  # the date does not count in the figure score
    assert [n.text for n in v.unverified] == ["March 3, 2026"]


def test_number_words_and_windows_are_claims() -> None:
    assert statuses("Small caps beat SPY fourteen sessions in a row [1].") == {
        "fourteen": "verified"
    }
    assert statuses("Small caps beat SPY twelve sessions in a row [1].") == {
        "twelve": "contradicted"
    }


def test_a_wrong_yield_level_written_in_percent_is_contradicted() -> None:
    assert statuses("The 10-year yield stood at 4.28% on January 22 [5].") == {
        "4.28%": "verified", "January 22": "verified",
    }  # fmt: skip
    _, v = check("The 10-year yield stood at 4.50% on January 22 [5].")
    assert v.numbers[0].status == "contradicted" and "4.28%" in v.numbers[0].mark_note()


# The instrument named only as what a run is compared with is not the run's subject: the run
# is the cited source's (IWM's) streak. Found in a report's sentence that named no IWM at all.
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("That made the longest run of sessions beating SPY 14 sessions (2026-01-02 to "
         "2026-01-22) [1].", "verified"),
        ("The run of sessions ahead of SPY reached 14 sessions through January 22 [1].",
         "verified"),
        ("Small caps kept beating the S&P 500, for 14 sessions in a row through January 22 "
         "[1].", "verified"),
        # A wrong count is still caught, now as the cited instrument's.
        ("That made the longest run of sessions beating SPY 15 sessions (2026-01-02 to "
         "2026-01-22) [1].", "contradicted"),
    ],
)  # fmt: skip
def test_a_run_against_a_named_benchmark_binds_to_the_cited_instrument(
    sentence: str, expected: str
) -> None:
    counts = {k: v for k, v in statuses(sentence).items() if k in ("14", "15")}
    assert list(counts.values()) == [expected]


def test_a_possessive_after_than_still_owns_its_figure() -> None:
    # "than SPY's +8.32%": SPY's figure, and [2] states IWM's: caught.
    _, v = check("IWM returned +8.32% [2], far more than SPY's +8.32% [2].")
    assert [n.status for n in v.figures] == ["verified", "contradicted"]
    assert statuses("IWM returned +8.32% [2], far more than SPY's +1.21% [3].") == {
        "+8.32%": "verified", "+1.21%": "verified",
    }  # fmt: skip


def test_a_distance_from_the_peak_said_as_gains_handed_back() -> None:
    # SLV closed at 75.44 on 2026-01-30, 28.56% below its 2026-01-28 close of 105.60 (by hand:
    # 75.44 / 105.60 - 1 = -0.2856).
    from datetime import date

    from ledger_kit import _data

    from copilot.claims.verify import verify_answer
    from copilot.facts import Fact
    from copilot.sources import SourceLedger

    ledger = SourceLedger()
    ledger.register(_data("measure", ["SLV"],
        "SLV: distance from peak -28.56% (peak close 105.60 on 2026-01-28), close 75.44 on "
        "2026-01-30; 2026-01-02 to 2026-01-30, 20 sessions.",
        [Fact(subject="SLV", measure="distance_from_peak", value=-28.56, unit="%",
              start=date(2026, 1, 2), end=date(2026, 1, 30), on=date(2026, 1, 28),
              shown="-28.56%")]))  # fmt: skip
    said_ways = (
        "gave back 28.56% since its January 28 peak",
        "has given back 28.56% of its January peak",
        "is 28.56% below its peak",
    )
    for said in said_ways:
        _, v = verify_answer(f"Silver {said} [1].", ledger, date(2026, 1, 30), check_support=False)
        assert [(n.text, n.status) for n in v.numbers if n.kind == "figure"] == [
            ("28.56%", "verified")
        ], said
