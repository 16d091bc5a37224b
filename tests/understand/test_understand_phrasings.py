# ruff: noqa: E501  (a table of cases reads best one case a line)
"""The understanding layer on everyday phrasings: instruments, window dates, measure.

Every expected date below was worked out by hand from the calendar (as-of 2026-02-18, a
Wednesday, unless a case says otherwise; the ETFs' data ends 2026-02-18; FRED's SP500 ends
2026-02-11; NYSE holidays: 2026-01-01, 2026-01-19 MLK day, 2026-02-16 Presidents' Day).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from copilot.understand import Catalog, understand

A = date(2026, 2, 18)
ANY = "any"
SECTORS = ("XLB", "XLC", "XLE", "XLF", "XLI", "XLK", "XLP", "XLRE", "XLU", "XLV", "XLY")
D = date


@dataclass(frozen=True)
class Case:
    question: str
    symbols: tuple[str, ...] = ()
    # (start, end, sessions) of a named window; None: no window named (the defaults apply)
    window: tuple[date | None, date | None, int | None] | None = None
    measure: str | None = "return"
    aggregate: str = "last"
    rank: str = "none"
    versus: str | None = None
    unknown: tuple[str, ...] = ()
    problem: str = ""  # a phrase the one problem must contain
    direction: str | None = ANY
    why: bool = False
    open_slots: tuple[str, ...] = ()
    as_of: date = A
    default_sessions: int | None = None  # a why-question with no window: the recent move


CASES = [
    # ---- returns over named periods ---------------------------------------------------------
    Case("how is XLE doing this year?", ("XLE",), (D(2026, 1, 1), None, None)),
    Case("How have banks done so far this month?", ("XLF",), (D(2026, 2, 1), None, None)),
    Case("what did IWM do over the last two sessions combined?", ("IWM",), (None, None, 2)),
    Case("How did SPY do in November 2025?", ("SPY",), (D(2025, 11, 1), D(2025, 11, 30), None)),
    Case("XLK performance in Q4 2025", ("XLK",), (D(2025, 10, 1), D(2025, 12, 31), None)),
    Case("how did tech do in the fourth quarter?", ("XLK",), (D(2025, 10, 1), D(2025, 12, 31), None)),
    Case("Return of QQQ YTD", ("QQQ",), (D(2026, 1, 1), None, None)),
    Case("qqq year-to-date return", ("QQQ",), (D(2026, 1, 1), None, None)),
    Case("How did small caps do since the start of the year?", ("IWM",), (D(2026, 1, 1), None, None)),
    Case("how did gold do last year", ("GLD",), (D(2025, 1, 1), D(2025, 12, 31), None)),
    Case("gold's return over the past year", ("GLD",), (D(2025, 2, 19), None, None)),
    Case("How much has silver gained in the last 12 months?", ("SLV",), (D(2025, 2, 19), None, None)),
    Case("how did XLU do last month?", ("XLU",), (D(2026, 1, 1), D(2026, 1, 31), None)),
    Case("How did utilities fare last week?", ("XLU",), (D(2026, 2, 9), D(2026, 2, 13), None)),
    Case("How are energy names doing this week?", ("XLE",), (D(2026, 2, 16), None, None)),
    Case("What's TLT's return over the past 3 months?", ("TLT",), (D(2025, 11, 19), None, None)),
    # Transportation's own trades by name: IYT holds the railroads and truckers.
    Case("how did railroads do in january?", ("IYT",), (D(2026, 1, 1), D(2026, 1, 31), None)),
    Case("trucking stocks' return last month", ("IYT",), (D(2026, 1, 1), D(2026, 1, 31), None)),
    # A fall named by its toll: a move, and a fall.
    Case("what was the damage to energy stocks in december?", ("XLE",), (D(2025, 12, 1), D(2025, 12, 31), None), direction="down"),
    Case("what was the carnage in silver last week?", ("SLV",), (D(2026, 2, 9), D(2026, 2, 13), None), direction="down"),
    Case("how big were the losses in tech in january?", ("XLK",), (D(2026, 1, 1), D(2026, 1, 31), None), direction="down"),
    Case("size of the rout in regional banks in january", ("KRE",), (D(2026, 1, 1), D(2026, 1, 31), None), direction="down"),
    # No measure words but a period named: its move.
    Case("long bonds over the past two weeks", ("TLT",), (D(2026, 2, 5), None, None)),
    Case("How did the market do over the last 5 trading days?", ("SPY",), (None, None, 5)),
    Case("SMH return, last 10 sessions", ("SMH",), (None, None, 10)),
    Case("how did chip stocks do over the past few days", ("SMH",), (None, None, 3)),
    Case("How did XLI do over the last couple of days?", ("XLI",), (None, None, 2)),
    Case("IWM 5-day return", ("IWM",), (None, None, 5)),
    Case("how did KRE move over the past month?", ("KRE",), (D(2026, 1, 19), None, None)),
    Case("How did regional banks perform in 2025?", ("KRE",), (D(2025, 1, 1), D(2025, 12, 31), None)),
    Case("How did homebuilders do in December?", ("XHB",), (D(2025, 12, 1), D(2025, 12, 31), None)),
    Case("How did homebuilders do in December?", ("XHB",), (D(2025, 12, 1), D(2025, 12, 31), None), as_of=D(2026, 1, 23)),
    Case("how is XRT doing in January?", ("XRT",), (D(2026, 1, 1), None, None), as_of=D(2026, 1, 23)),
    Case("how did retail stocks do in March?", ("XRT",), (D(2025, 3, 1), D(2025, 3, 31), None)),
    Case("How did biotech do in the first half of 2025?", ("IBB",), (D(2025, 1, 1), D(2025, 6, 30), None)),
    Case("How did defense stocks do since November?", ("ITA",), (D(2025, 11, 1), None, None)),
    Case("How has IYT done since Nov 3?", ("IYT",), (D(2025, 11, 4), None, None)),
    Case("How has HYG done since 12/31/2025?", ("HYG",), (D(2026, 1, 1), None, None)),
    Case("how did junk bonds do since the end of 2025", ("HYG",), (D(2026, 1, 1), None, None)),
    Case("What was LQD's return from Jan 5 to Jan 9?", ("LQD",), (D(2026, 1, 6), D(2026, 1, 9), None)),
    Case("AGG between 2026-01-05 and 2026-01-09: how did it move?", ("AGG",), (D(2026, 1, 6), D(2026, 1, 9), None)),
    Case("How did IEF do on Jan 21 and Jan 22 combined?", ("IEF",), (D(2026, 1, 21), D(2026, 1, 22), None)),
    Case("How did copper do the week of January 12?", ("CPER",), (D(2026, 1, 12), D(2026, 1, 16), None)),
    Case("How did commodities do from November to January?", ("DBC",), (D(2025, 11, 1), D(2026, 1, 31), None)),
    Case("How did platinum do on January 22nd, 2026?", ("PPLT",), (D(2026, 1, 22), D(2026, 1, 22), None)),
    Case("how did XLV do on 1/22/2026", ("XLV",), (D(2026, 1, 22), D(2026, 1, 22), None)),
    Case("XLY on the 22nd?", ("XLY",), (D(2026, 1, 22), D(2026, 1, 22), None), as_of=D(2026, 1, 23)),
    Case("How did XLB do yesterday?", ("XLB",), (D(2026, 2, 17), D(2026, 2, 17), None)),
    # 2026-02-17 is a Tuesday; the day before, 2026-02-16, is Presidents' Day: Friday's session.
    Case("How did XLB do yesterday?", ("XLB",), (D(2026, 2, 13), D(2026, 2, 13), None), as_of=D(2026, 2, 17)),
    Case("how did stocks do today?", ("SPY",), (None, None, 1)),
    # A holiday and a Saturday snap to the close that stood on them.
    Case("How did XLC do on Jan 19?", ("XLC",), (D(2026, 1, 16), D(2026, 1, 16), None)),
    Case("How did XLC do on Saturday, January 24?", ("XLC",), (D(2026, 1, 23), D(2026, 1, 23), None)),
    Case("how did XLF do last Friday", ("XLF",), (D(2026, 2, 13), D(2026, 2, 13), None)),
    # A weekday of last week (Feb 9-13), however the week is said; a plain weekday is this one.
    Case("how did XLF do on Monday and Tuesday last week", ("XLF",), (D(2026, 2, 9), D(2026, 2, 10), None)),
    Case("how did XLF do last week on Thursday", ("XLF",), (D(2026, 2, 12), D(2026, 2, 12), None)),
    Case("how did XLF do on Tuesday of the previous week", ("XLF",), (D(2026, 2, 10), D(2026, 2, 10), None)),
    Case("how did XLF do on Tuesday", ("XLF",), (D(2026, 2, 17), D(2026, 2, 17), None)),
    # A weekday that goes on to name its date is that date, however it is joined (found in the
    # app: "tech had a rough thursday on jan 8" was read as the latest Thursday, January 29).
    Case("XLK had a rough thursday on jan 8", ("XLK",), (D(2026, 1, 8), D(2026, 1, 8), None), as_of=D(2026, 1, 30)),
    Case("how did XLK do friday (january 9)", ("XLK",), (D(2026, 1, 9), D(2026, 1, 9), None), as_of=D(2026, 1, 30)),
    Case("how did XLK do on thursday on the 8th", ("XLK",), (D(2026, 1, 8), D(2026, 1, 8), None), as_of=D(2026, 1, 30)),
    # Two days of a month left unnamed: this month's (A is February 18), or last month's.
    Case("how did XLF do on the 9th and 10th", ("XLF",), (D(2026, 2, 9), D(2026, 2, 10), None)),
    Case("how did XLF do on the 27th-29th", ("XLF",), (D(2026, 1, 27), D(2026, 1, 29), None)),
    # N sessions at a period's edge (December 29-31 are 2025's last three; Jan 1 is a holiday).
    Case("how did XLF do in the last three sessions of 2025", ("XLF",), (D(2025, 12, 29), D(2025, 12, 31), None)),
    Case("how did XLF do in the first two sessions of January", ("XLF",), (D(2026, 1, 2), D(2026, 1, 5), None)),
    Case("how did XLF do in the first few days of January", ("XLF",), (D(2026, 1, 1), D(2026, 1, 7), None)),
    # SPY's stored closes begin 2025-02-19: a year it does not cover is the index's (was SPY's,
    # from February)
    Case("What did the S&P 500 return in 2025?", ("SP500",), (D(2025, 1, 1), D(2025, 12, 31), None)),
    Case("how did the s&p do this month", ("SPY",), (D(2026, 2, 1), None, None)),
    # ---- levels ------------------------------------------------------------------------------
    Case("Where did SPY close on Jan 22?", ("SPY",), (D(2026, 1, 22), D(2026, 1, 22), None), measure="level"),
    Case("where did the S&P 500 close on January 22nd, 2026?", ("SP500",), (D(2026, 1, 22), D(2026, 1, 22), None), measure="level"),
    # SP500 ends 2026-02-11: a level is the index's, so a later day is a problem, not SPY's price.
    Case("where did the S&P 500 close yesterday?", ("SP500",), (D(2026, 2, 17), D(2026, 2, 17), None), measure="level", problem="SP500 data ends 2026-02-11"),
    Case("What was the VIX at on Jan 20?", ("VIX",), (D(2026, 1, 20), D(2026, 1, 20), None), measure="level"),
    Case("what's the VIX?", ("VIX",), measure="level"),
    Case("What is the 10-year yield?", ("DGS10",), measure="level"),
    Case("what was the price of oil on 2026-01-02?", ("WTI",), (D(2026, 1, 2), D(2026, 1, 2), None), measure="level"),
    Case("GLD price", ("GLD",), measure="level"),
    Case("What level is the fear gauge at?", ("VIX",), measure="level"),
    Case("where is inflation?", ("CPI",), measure="yoy"),  # a rate, not the index (324.05)
    # ---- extremes, averages, distances -------------------------------------------------------
    Case("What was XLF's best day this year?", ("XLF",), (D(2026, 1, 1), None, None), "daily_return", "max"),
    Case("XLE worst day in 2025", ("XLE",), (D(2025, 1, 1), D(2025, 12, 31), None), "daily_return", "min"),
    Case("What was oil's biggest one-day drop last year?", ("WTI",), (D(2025, 1, 1), D(2025, 12, 31), None), "daily_return", "min"),
    Case("biggest single-day gain for semis in January", ("SMH",), (D(2026, 1, 1), D(2026, 1, 31), None), "daily_return", "max"),
    Case("how high did the VIX get last month?", ("VIX",), (D(2026, 1, 1), D(2026, 1, 31), None), "level", "max"),
    Case("What was the lowest close of QQQ in Q3 2025?", ("QQQ",), (D(2025, 7, 1), D(2025, 9, 30), None), "level", "min"),
    Case("how low did the fear gauge go in 2025", ("VIX",), (D(2025, 1, 1), D(2025, 12, 31), None), "level", "min"),
    Case("What was the average 10-year yield in 2025?", ("US10Y",), (D(2025, 1, 1), D(2025, 12, 31), None), "level", "mean"),
    Case("average VIX this year", ("VIX",), (D(2026, 1, 1), None, None), "level", "mean"),
    Case("How far is SMH below its peak?", ("SMH",), None, "distance_from_peak"),
    Case("how far off its highs is XLK", ("XLK",), None, "distance_from_peak"),
    Case("How far is XLE above its low for the year?", ("XLE",), (D(2026, 1, 1), None, None), "distance_from_trough"),
    Case("What's the max drawdown for QQQ over the past year?", ("QQQ",), (D(2025, 2, 19), None, None), "drawdown", "min"),
    Case("IWM drawdown in 2025", ("IWM",), (D(2025, 1, 1), D(2025, 12, 31), None), "drawdown", "min"),
    Case("Is SPY above its 200-day moving average?", ("SPY",), None, "sma_distance"),
    Case("how far is XLF from its 50-day average", ("XLF",), None, "sma_distance"),
    Case("How volatile was gold in Q4?", ("GLD",), (D(2025, 10, 1), D(2025, 12, 31), None), "volatility"),
    Case("XLE daily moves this week", ("XLE",), (D(2026, 2, 16), None, None), "daily_return"),
    Case("average daily move of SLV in January", ("SLV",), (D(2026, 1, 1), D(2026, 1, 31), None), "daily_return", "mean"),
    Case("how many new highs did SPY make this year?", ("SPY",), (D(2026, 1, 1), None, None), "new_highs", "count"),
    Case("How many up days did XLK have in January?", ("XLK",), (D(2026, 1, 1), D(2026, 1, 31), None), "up_days", "count"),
    Case("how many days did XLP close lower in 2025?", ("XLP",), (D(2025, 1, 1), D(2025, 12, 31), None), "down_days", "count"),
    # ---- streaks -----------------------------------------------------------------------------
    Case("How many days in a row has IWM beaten SPY?", ("IWM", "SPY"), None, "beat_streak", versus="SPY"),
    Case("have small caps outperformed the S&P 500 five sessions straight?", ("IWM", "SPY"), None, "beat_streak", versus="SPY"),
    Case("has XLU beaten the market several days in a row", ("XLU", "SPY"), None, "beat_streak", versus="SPY"),
    # A run still going, asked by its length.
    Case("how long has IWM been beating SPY", ("IWM", "SPY"), None, "beat_streak", versus="SPY"),
    Case("how long has gold been rising", ("GLD",), None, "up_streak", direction="up"),
    Case("how long has tech been falling", ("XLK",), None, "down_streak", direction="down"),
    Case("XLK winning streak", ("XLK",), None, "up_streak"),
    Case("How many sessions in a row has XLE closed higher?", ("XLE",), None, "up_streak"),
    Case("is TLT on a losing streak?", ("TLT",), None, "down_streak"),
    Case("has gold fallen three days in a row?", ("GLD",), None, "down_streak"),
    # ---- comparisons and rankings -------------------------------------------------------------
    Case("Did small caps beat the S&P 500 last week?", ("IWM", "SPY"), (D(2026, 2, 9), D(2026, 2, 13), None), versus="SPY"),
    Case("XLE vs XLK this year", ("XLE", "XLK"), (D(2026, 1, 1), None, None), versus="XLK"),
    Case("XLE vs XLK return this year", ("XLE", "XLK"), (D(2026, 1, 1), None, None), versus="XLK"),
    Case("how did tech stocks do compared to the market in 2025?", ("XLK", "SPY"), (D(2025, 1, 1), D(2025, 12, 31), None), versus="SPY"),
    Case("Did gold outperform silver since November?", ("GLD", "SLV"), (D(2025, 11, 1), None, None), versus="SLV"),
    Case("compare QQQ and IWM over the past 3 months", ("QQQ", "IWM"), (D(2025, 11, 19), None, None), versus="IWM"),
    Case("Which did best since the start of the year: XLE, XLK or XLF?", ("XLE", "XLK", "XLF"), (D(2026, 1, 1), None, None), rank="desc"),
    Case("which sector got hit hardest on Jan 22?", SECTORS, (D(2026, 1, 22), D(2026, 1, 22), None), rank="asc", direction="down"),
    Case("Which sector did best in 2025?", SECTORS, (D(2025, 1, 1), D(2025, 12, 31), None), rank="desc"),
    Case("which sectors fell the most last month", SECTORS, (D(2026, 1, 1), D(2026, 1, 31), None), rank="asc", direction="down"),
    Case("rank the sectors by return this year", SECTORS, (D(2026, 1, 1), None, None), rank="desc"),
    Case("Which sector had the best day on Jan 22?", SECTORS, (D(2026, 1, 22), D(2026, 1, 22), None), "daily_return", "max", rank="desc"),
    Case("Of XLU, XLP and XLV, which was the worst performer in Q4?", ("XLU", "XLP", "XLV"), (D(2025, 10, 1), D(2025, 12, 31), None), rank="asc"),
    # Both ends or the last places of a ranking, not a price's bottom nor a culprit asked for.
    # both ends asked: ranked from the top (session 61; had been from the bottom, by "bottom")
    Case("what were the top and bottom sectors on jan 22", SECTORS, (D(2026, 1, 22), D(2026, 1, 22), None), rank="desc"),
    Case("bottom 3 sectors on jan 22", SECTORS, (D(2026, 1, 22), D(2026, 1, 22), None), rank="asc"),
    Case("who led and who lagged among sectors on jan 22", SECTORS, (D(2026, 1, 22), D(2026, 1, 22), None), rank="asc", why=False),
    Case("where did gold bottom out in january", ("GLD",), (D(2026, 1, 1), D(2026, 1, 31), None), "level", "min"),
    # ---- yields and series ---------------------------------------------------------------------
    Case("How much did the 10-year yield change this year?", ("US10Y",), (D(2026, 1, 1), None, None)),
    Case("how much did the 10-year move in 2025", ("US10Y",), (D(2025, 1, 1), D(2025, 12, 31), None)),
    Case("How did oil do in January?", ("WTI",), (D(2026, 1, 1), D(2026, 1, 31), None)),
    Case("how did crude do over the past 6 months", ("WTI",), (D(2025, 8, 19), None, None)),
    Case("how much did inflation rise in 2025", ("CPI",), (D(2025, 1, 1), D(2025, 12, 31), None), direction="up"),
    # ---- direction and why ---------------------------------------------------------------------
    Case("Why did small caps rally?", ("IWM",), None, direction="up", why=True, default_sessions=20),
    Case("why did XLE fall yesterday", ("XLE",), (D(2026, 2, 17), D(2026, 2, 17), None), direction="down", why=True),
    # The instrument's own verb, not the mood words before it, says which way it went.
    Case("what spooked everyone on tuesday? the VIX jumped to almost 22", ("VIX",), (D(2026, 2, 17), D(2026, 2, 17), None), direction="up", why=True),
    # The fear gauge rises when investors are spooked: their mood says nothing of its way.
    Case("vix closed above 20 yesterday, what spooked everyone?", ("VIX",), (D(2026, 2, 17), D(2026, 2, 17), None), measure="level", aggregate="max", direction=None, why=True),
    Case("what spooked investors in tech yesterday", ("XLK",), (D(2026, 2, 17), D(2026, 2, 17), None), direction="down", why=True),
    Case("what scared people yesterday? gold's jump after the dollar slid", ("GLD",), (D(2026, 2, 17), D(2026, 2, 17), None), direction="up", why=True),
    Case("What drove the selloff in tech last week?", ("XLK",), (D(2026, 2, 9), D(2026, 2, 13), None), direction="down", why=True),
    # A verb acting on the whole market ("what drove stocks higher") names the market, not a kind of stock.
    Case("what pushed U.S. stocks higher on January 21?", ("SPY",), (D(2026, 1, 21), D(2026, 1, 21), None), direction="up", why=True),
    Case("What sank the stock market on Jan 20, 2026?", ("SPY",), (D(2026, 1, 20), D(2026, 1, 20), None), direction="down", why=True),
    Case("what lifted equities on December 19, 2025", ("SPY",), (D(2025, 12, 19), D(2025, 12, 19), None), direction="up", why=True),
    # a why-question's market no lookup knows: its words are reported (its news is read by them)
    Case("what pushed AI stocks down last week?", (), (D(2026, 2, 9), D(2026, 2, 13), None), direction="down", why=True, unknown=("AI stocks",)),
    Case("what's behind gold's surge this year", ("GLD",), (D(2026, 1, 1), None, None), direction="up", why=True),
    Case("Was SPY up or down on Jan 22?", ("SPY",), (D(2026, 1, 22), D(2026, 1, 22), None), direction=None),
    # ---- company names and tickers the store lacks ---------------------------------------------
    Case("How did Nvidia do yesterday?", (), (D(2026, 2, 17), D(2026, 2, 17), None), unknown=("NVDA",)),
    Case("what was NVDA's best day this year", (), (D(2026, 1, 1), None, None), "daily_return", "max", unknown=("NVDA",)),
    Case("Did NVDA beat SPY this year?", ("SPY",), (D(2026, 1, 1), None, None), unknown=("NVDA",)),
    Case("How did Apple Inc. do in 2025?", (), (D(2025, 1, 1), D(2025, 12, 31), None), unknown=("AAPL",)),
    Case("JPMorgan's return this month", (), (D(2026, 2, 1), None, None), unknown=("JPM",)),
    Case("how did coca-cola do last week", (), (D(2026, 2, 9), D(2026, 2, 13), None), unknown=("KO",)),
    Case("How did Eli Lilly and Google do this year?", (), (D(2026, 1, 1), None, None), unknown=("LLY", "GOOGL")),
    Case("What's bitcoin at?", (), None, "level", unknown=("BTC-USD",)),
    Case("how did Target do on Jan 22", (), (D(2026, 1, 22), D(2026, 1, 22), None), unknown=("TGT",)),
    Case("How did RIVN do this week?", (), (D(2026, 2, 16), None, None), unknown=("RIVN",)),
    Case("how did the Nikkei do in 2025", (), (D(2025, 1, 1), D(2025, 12, 31), None), unknown=("^N225",)),
    # ---- ordinary capitals are not tickers ------------------------------------------------------
    Case("I want to know how AI stocks did YTD", (), (D(2026, 1, 1), None, None), open_slots=("instruments",)),
    # (a reaction asks for the move and the news on it: measured first, then explained)
    Case("How did US stocks react to the Fed in Q4?", ("SPY",), (D(2025, 10, 1), D(2025, 12, 31), None), why=True),
    Case("Is it a good time to buy an ETF?", (), None, None, open_slots=("instruments",)),
    Case("what did the CEO say about GDP", (), None, None, open_slots=("instruments",)),
    # ---- windows the data cannot answer ---------------------------------------------------------
    Case("How did SPY do in 2024?", ("SPY",), (D(2024, 1, 1), D(2024, 12, 31), None), problem="data begins 2025-02-19"),
    Case("How did SPY do in March 2026?", ("SPY",), None, problem="after the as-of date"),
    Case("XLE return on 2026-03-02", ("XLE",), None, problem="after the as-of date"),
    Case("How did the S&P 500 index do this week?", ("SP500",), (D(2026, 2, 16), None, None), problem="data ends 2026-02-11"),
    # The index ends 2026-02-11: "the past 2 weeks" counts back from its own latest close.
    Case("S&P 500 index over the past 2 weeks", ("SP500",), (D(2026, 1, 29), None, None)),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=[f"{i}-{c.question[:40]}" for i, c in enumerate(CASES)])
def test_phrasing(case: Case, catalog: Catalog) -> None:
    got = understand(case.question, case.as_of, catalog)
    assert tuple(i.symbol for i in got.instruments) == case.symbols, got.trace
    assert tuple(u.symbol or u.phrase for u in got.unknown) == case.unknown, got.trace
    _check_window(case, got.window, got.problems)
    if case.measure is None:
        assert got.intent is None, got.trace
    else:
        assert got.intent is not None, got.trace
        actual = (got.intent.measure, got.intent.aggregate, got.intent.rank, got.intent.versus)
        assert actual == (case.measure, case.aggregate, case.rank, case.versus), got.trace
    if case.direction != ANY:
        assert got.direction == case.direction, got.trace
    assert got.why == case.why
    assert tuple(got.open_slots) == case.open_slots, got.trace
    _check_calls(case, got)


def _check_window(case: Case, window: object, problems: list[str]) -> None:
    from copilot.understand.model import Window

    if case.problem:
        assert len(problems) == 1 and case.problem in problems[0], problems
    else:
        assert problems == []
    if case.window is None:
        assert window is None or (isinstance(window, Window) and not window.explicit), window
        assert window is None or window.sessions == case.default_sessions
        return
    assert isinstance(window, Window) and window.explicit, window
    assert (window.start, window.end, window.sessions) == case.window


def _check_calls(case: Case, got: object) -> None:
    from copilot.understand.model import Understanding

    assert isinstance(got, Understanding)
    if got.problems or got.intent is None or not got.instruments:
        assert got.calls == []
        return
    (call,) = got.calls
    # A beat streak is measured for the instrument(s) against the benchmark, not for it.
    expected = [s for s in case.symbols if case.measure != "beat_streak" or s != case.versus]
    assert sorted(call.symbols) == sorted(expected)
    assert (call.measure, call.aggregate, call.rank, call.versus) == (
        case.measure, case.aggregate, case.rank, case.versus,
    )  # fmt: skip
    if case.window is not None:
        assert (call.start, call.end, call.sessions) == case.window
    else:
        assert (call.start, call.end, call.sessions) == (None, None, case.default_sessions)


# Found in the app: "compare bonds and stocks over the past 3 months" ranked every bond fund with
# SPY and led with one of them ("Ranked highest first: #3 AGG …"), and "compare stocks and bonds
# this year" lost the stocks. A group's word that is one side of a comparison is its market's
# broad fund; alone after "compare" it is still the set ("compare bonds": every bond fund).
@pytest.mark.parametrize(
    ("question", "symbols"),
    [
        ("compare bonds and stocks over the past 3 months", ["AGG", "SPY"]),
        ("compare stocks and bonds this year", ["SPY", "AGG"]),
        ("compare stocks with bonds since october", ["SPY", "AGG"]),
    ],
)
def test_a_groups_word_as_one_side_of_a_comparison_is_its_broad_fund(
    catalog: Catalog, question: str, symbols: list[str]
) -> None:
    u = understand(question, date(2026, 1, 30), catalog)
    assert [i.symbol for i in u.instruments] == symbols
    assert u.intent is not None and u.intent.rank == "none"


def test_a_groups_word_alone_after_compare_is_the_set(catalog: Catalog) -> None:
    u = understand("compare bonds over the past 3 months", date(2026, 1, 30), catalog)
    assert {"AGG", "TLT", "IEF"} <= {i.symbol for i in u.instruments}
