"""Hypothesis strategies for the fuzzing corpus: market CSVs in every layout, news JSONL, RSS/Atom
feeds, HTML pages, and the CLI's date, symbol and JSON arguments.

Inputs are near misses more often than noise: real headers with odd cells, dates in every style
and at the calendar's ends, URLs with bad ports and brackets, numbers that are not finite, markup
(`[/x]`), control characters and several encodings — the shapes real files take.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from hypothesis import strategies as st

CSV_HEADERS = (
    "Date,Open,High,Low,Close,Adj Close,Volume",
    "date,open,high,low,close,volume",
    "DATE,OPEN,HIGH,LOW,CLOSE",
    "indicator,value,date,series",
    "Date,Rate",
    "Date,Price",
    "Date,Index,Inflation",
    "observation_date,SP500",
    "DATE,DGS10",
    "Symbol,Security,GICS Sector,GICS Sub-Industry",
    "date,symbol,value",
    "Date;Open;High;Low;Close",
    "date,open,high,low",
    "",
)
ODD_TEXT = (
    "", " ", ".", "-", "N/A", "null", "NaN", "inf", "-inf", "1e400", "[/x]", "[bold]",
    "\x1b[31m", "\u202e", "é", "\x00", '"', '""', "'", ",", "\t", "0", "-0", "1,234.5",
)  # fmt: skip

days = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))
near_days = st.dates(min_value=date(1880, 1, 1), max_value=date(2100, 12, 31))


@st.composite
def date_text(draw: st.DrawFn) -> str:
    """A date as files and people write it — or something that is almost one."""
    day = draw(st.one_of(near_days, days))
    style = draw(st.sampled_from(range(9)))
    if style == 0:
        return day.isoformat()
    if style == 1:
        return f"{day.month}/{day.day}/{day.year}"
    if style == 2:
        return day.strftime("%B %d, %Y")
    if style == 3:
        return day.strftime("%Y%m%d")
    if style == 4:
        return f"{day.isoformat()} 00:00:00-05:00"
    if style == 5:
        return f"{day.year}-{day.month:02d}-{draw(st.integers(0, 40)):02d}"
    if style == 6:
        return day.strftime("%a, %d %b %Y %H:%M:%S GMT")
    if style == 7:
        return draw(st.sampled_from(ODD_TEXT))
    return draw(st.text(max_size=12))


numbers = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.integers(-(10**20), 10**20).map(str),
    st.decimals(allow_nan=False, allow_infinity=False, places=4).map(str),
    st.sampled_from(ODD_TEXT),
    st.text(max_size=6),
)
cells = st.one_of(numbers, date_text(), st.text(max_size=10))


prices = st.floats(min_value=0.01, max_value=1e6, allow_nan=False).map(lambda x: f"{x:.4f}")


@st.composite
def clean_row(draw: st.DrawFn, header: str) -> list[str]:
    """A row a well-made file of that layout would have (the date may still be a holiday)."""
    day = draw(near_days).isoformat()
    width = header.count(",") + 1
    if header.lower().startswith(("date,open", "date,open")) or "OPEN" in header:
        low, high = sorted(float(draw(prices)) for _ in range(2))
        middle = [f"{low + (high - low) * draw(st.floats(0, 1)):.4f}" for _ in range(2)]
        bars = [middle[0], f"{high:.4f}", f"{low:.4f}", middle[1]]
        return [day, *bars, *[str(draw(st.integers(0, 10**9))) for _ in range(width - 5)]]
    if header.startswith("indicator"):
        return [draw(st.sampled_from(["DGS10", "DGS2"])), draw(prices), day, "x"]
    if header.startswith("Symbol"):
        return [draw(st.sampled_from(["AAPL", "MSFT", "XOM"])), "Co", "Energy", "Oil"]
    return [day, *[draw(prices) for _ in range(width - 1)]]


@st.composite
def csv_bytes(draw: st.DrawFn) -> bytes:
    """A market CSV: a known (or broken) header, then rows of plausible and odd cells."""
    known = draw(st.integers(0, 7)) > 0
    header = draw(st.sampled_from(CSV_HEADERS) if known else st.text(max_size=30))
    width = max(1, header.count(",") + 1)
    rows = []
    clean = draw(st.integers(0, 2)) > 0  # two files in three are well made, but for a cell or two
    for _ in range(draw(st.integers(0, 12))):
        if clean:
            row = draw(clean_row(header))
            if draw(st.integers(0, 15)) == 0:
                row[draw(st.integers(0, len(row) - 1))] = draw(cells)
            rows.append(",".join(row))
            continue
        size = draw(st.sampled_from([width, width, width, width - 1, width + 1]))
        row = [draw(date_text())] + [draw(cells) for _ in range(max(0, size - 1))]
        quote = draw(st.booleans())
        rows.append(",".join(f'"{c}"' if quote else c for c in row))
    text = "\n".join([header, *rows]) + draw(st.sampled_from(["", "\n", "\n\n", "\r\n"]))
    return _encode(draw, text)


def _encode(draw: st.DrawFn, text: str) -> bytes:
    encoding = draw(st.sampled_from(
        ["utf-8"] * 6 + ["utf-8-sig", "utf-16", "latin-1", "raw"]
    ))  # fmt: skip
    if encoding == "raw":
        return draw(st.binary(max_size=200))
    return text.encode(encoding, errors="replace")


urls = st.one_of(
    st.sampled_from([
        "https://example.com/a", "https://example.com:99999/a", "https://example.com:port/a",
        "https://[example.com/a", "http://exa]mple.com/a", "https://[::1/a", "", "   ",
        "javascript:alert(1)", "ftp://e.org/x", "https://e.org/a?utm_source=x#top",
        "https://xn--e-ufa.org/é", "//e.org/a", "https://e.org/" + "a" * 300,
    ]),
    st.text(max_size=40),
    st.builds(lambda host, port, path: f"https://{host}:{port}/{path}",
              st.text(max_size=10), st.integers(-5, 10**6), st.text(max_size=10)),
)  # fmt: skip
texts = st.one_of(st.text(max_size=200), st.sampled_from(ODD_TEXT))
json_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=20))
json_values = st.recursive(
    json_scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=8,
)


@st.composite
def jsonl_bytes(draw: st.DrawFn) -> bytes:
    """News JSON Lines: records with fields of the right and wrong types, and garbage lines."""
    lines = []
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(["record", "record", "record", "value", "garbage", "blank"]))
        record: dict[str, Any]
        if kind == "record" and draw(st.booleans()):  # a good record, but for an odd value
            record = {"title": draw(st.text(min_size=1, max_size=40)) + "x",
                      "url": draw(st.sampled_from(["https://e.org/", "http://n.example/a/"]))
                      + str(draw(st.integers(0, 10**6))),
                      "publisher": draw(st.sampled_from(["Reuters", "AP", "É [/x]"])),
                      "published_at": draw(near_days).isoformat(),
                      "text": draw(st.text(min_size=1, max_size=300)) + " IWM"}  # fmt: skip
            if draw(st.integers(0, 3)) == 0:
                field = draw(st.sampled_from(sorted(record)))
                record[field] = draw(st.one_of(texts, json_values, urls, date_text()))
            lines.append(json.dumps(record, ensure_ascii=draw(st.booleans())))
        elif kind == "record":
            record = {
                "title": draw(st.one_of(texts, json_values)),
                "url": draw(st.one_of(urls, json_values)),
                "publisher": draw(st.one_of(texts, json_values)),
                "published_at": draw(st.one_of(date_text(), json_values)),
                "text": draw(st.one_of(texts, json_values)),
            }
            for optional in ("summary", "tickers", "authors", "id"):
                if draw(st.booleans()):
                    record[optional] = draw(st.one_of(texts, json_values, st.lists(texts)))
            lines.append(json.dumps(record, ensure_ascii=draw(st.booleans())))
        elif kind == "value":
            lines.append(json.dumps(draw(json_values)))
        elif kind == "garbage":
            lines.append(draw(st.text(max_size=40)).replace("\n", " "))
        else:
            lines.append("")
    return _encode(draw, "\n".join(lines))


def _xml_text(draw: st.DrawFn) -> str:
    raw = draw(texts)
    return raw if draw(st.booleans()) else raw.replace("&", "&amp;").replace("<", "&lt;")


@st.composite
def feed_bytes(draw: st.DrawFn) -> bytes:
    """An RSS 2.0 or Atom document whose entries have odd titles, links, dates and bodies."""
    atom = draw(st.booleans())
    entries = []
    for _ in range(draw(st.integers(0, 4))):
        title, link, when, body = (_xml_text(draw), draw(urls), draw(date_text()),
                                   _xml_text(draw))  # fmt: skip
        link = link.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
        if atom:
            entries.append(
                f'<entry><title>{title}</title><link href="{link}"/>'
                f"<updated>{when}</updated><summary>{body}</summary></entry>"
            )
        else:
            entries.append(f"<item><title>{title}</title><link>{link}</link>"
                           f"<pubDate>{when}</pubDate><description>{body}</description>"
                           "</item>")  # fmt: skip
    if atom:
        text = ('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">'
                f"<title>{_xml_text(draw)}</title>{''.join(entries)}</feed>")  # fmt: skip
    else:
        text = ('<?xml version="1.0"?><rss version="2.0"><channel>'
                f"<title>{_xml_text(draw)}</title>{''.join(entries)}</channel></rss>")  # fmt: skip
    if draw(st.integers(0, 9)) == 0:
        text = text[: draw(st.integers(0, len(text)))]  # a cut-off download
    return _encode(draw, text)


@st.composite
def html_bytes(draw: st.DrawFn) -> bytes:
    """A saved article page with odd metadata (date, canonical URL, site name) and body."""
    title, site = _xml_text(draw), _xml_text(draw)
    when, link = draw(date_text()), draw(urls).replace('"', "&quot;")
    if draw(st.booleans()):  # a real article's worth of text, and a date the page states
        when = draw(st.dates(date(1996, 1, 1), date(2030, 12, 31))).isoformat()
        sentence = "Small caps rose for a ninth session as investors bet on rate cuts. "
        paragraphs = "".join(f"<p>{sentence * draw(st.integers(2, 6))}{_xml_text(draw)}</p>"
                             for _ in range(draw(st.integers(2, 6))))  # fmt: skip
    else:
        paragraphs = "".join(f"<p>{_xml_text(draw)}</p>" for _ in range(draw(st.integers(0, 5))))
    meta = "".join(draw(st.lists(st.sampled_from([
        f'<meta property="article:published_time" content="{when}">',
        f'<link rel="canonical" href="{link}">',
        f'<meta property="og:site_name" content="{site}">',
        f'<meta name="date" content="{when}">',
    ]), max_size=4)))  # fmt: skip
    if "Small caps rose" in paragraphs:
        meta += f'<meta property="article:published_time" content="{when}">'
    text = (f"<html><head><title>{title}</title>{meta}</head><body><article><h1>{title}</h1>"
            f"{paragraphs}</article></body></html>")  # fmt: skip
    return _encode(draw, text)


symbols = st.one_of(
    st.sampled_from(["SPY", "IWM", "spy", "^GSPC", "BRK.B", "", " ", "SPY=IWM", "=", "[/x]",
                     "A" * 300, "X,Y", "--help", "-"]),
    st.text(max_size=12),
)  # fmt: skip
json_arguments = st.one_of(
    st.dictionaries(
        st.sampled_from(["symbol", "symbols", "start", "end", "day", "window", "versus", "query",
                         "k", "since", "until", "series", "sessions", "as_of"]),
        st.one_of(json_values, date_text(), symbols), max_size=5,
    ).map(json.dumps),
    json_values.map(json.dumps),
    st.text(max_size=30),
)  # fmt: skip
