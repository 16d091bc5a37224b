"""Company names from the constituents list, as people write them ("Nvidia", "Apple's",
"JPMorgan", "Coca-Cola Co.") → the listed symbol."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from copilot.understand.vocabulary import words

# Legal-form words a question may add or leave out (and that mark a company's name in an
# answer: `copilot.claims.subjects`).
LEGAL_FORM = (
    r"(?:inc\.?|incorporated|corporation|corp\.?|company|&\s*co\.?|co\.?|plc|ltd\.?|limited|"
    r"holdings|group|llc|l\.?p\.?|n\.v\.|s\.a\.)"
)
_SUFFIX = re.compile(rf"(?:,?\s+{LEGAL_FORM})+$", re.IGNORECASE)
_PARENS = re.compile(r"\s*\(([^)]*)\)")

# Names that are everyday words: taken only when written with a capital ("Target", not "target").
CAPITALIZED_ONLY = frozenset(
    words(
        """target ball block southern progressive waters flex mosaic carnival coherent everest dover
    corning hartford booking lilly monster delta meta ford principal regions state chase 3m hp
    apa southwest"""
    )
)
# Names too common to stand alone at all: only with their legal form ("News Corp").
NEED_SUFFIX = frozenset({"news", "fox"})
# First words that are everyday words or shared by other firms: never a short form alone.
COMMON_FIRST = frozenset(
    words(
        """advanced air align analog applied arch archer arthur automatic baker bank best boston
    bristol brown builders capital cardinal carrier charter church cincinnati citizens comfort
    consolidated cooper crown delta digital dominion duke edison edwards equity erie essex expand
    extra fair federal fidelity fifth first franklin genuine gen global globe henry home host
    illinois interactive intercontinental intuitive invitation iron jack kinder lam las live
    marathon marsh martin meta mid-america monolithic monster morgan norfolk northern norwegian
    old otis packaging palo paramount parker philip phillips pinnacle principal procter quanta
    quest ralph raymond realty regency regions republic rockwell roper ross royal simon smurfit
    southwest stanley state steel take-two thermo trade tractor trane travelers tyler union
    universal vulcan walt warner waste wells west western williams willis zebra texas united
    american general international public dollar ge on te"""
    )
)
# What people call some companies, beside their listed names.
NICKNAMES: dict[str, tuple[str, ...]] = {
    "GOOGL": ("google", "alphabet"),
    "META": ("facebook", "meta platforms", "meta"),
    "DIS": ("disney", "walt disney"),
    "XOM": ("exxon", "exxon mobil"),
    "JNJ": ("j&j", "johnson and johnson"),
    "KO": ("coke", "coca cola"),
    "PEP": ("pepsi",),
    "LLY": ("eli lilly", "lilly"),
    "BRK.B": ("berkshire",),
    "PG": ("p&g", "procter and gamble"),
    "JPM": ("jp morgan", "jpmorgan", "chase"),
    "BAC": ("bofa", "bank of america"),
    "WFC": ("wells fargo",),
    "GS": ("goldman",),
    "WMT": ("wal-mart", "walmart"),
    "HD": ("home depot",),
    "AMD": ("amd",),
    "UNH": ("unitedhealthcare",),
    "CVX": ("chevron",),
    "TSLA": ("tesla",),
    "NVDA": ("nvidia",),
    "C": ("citi",),
    "AXP": ("amex",),
    "SCHW": ("schwab",),
    "DAL": ("delta",),
    "LUV": ("southwest",),
    "RTX": ("raytheon",),
    "MCD": ("mcdonalds",),
    "EL": ("estee lauder",),
}
_TOKEN = re.compile(r"[^\W_][\w&'’!.\-–]*|&")
MAX_WORDS = 6


@dataclass(frozen=True)
class CompanyHit:
    start: int
    end: int
    symbol: str
    name: str


def _clean(name: str) -> str:
    """'Alphabet Inc. (Class A)' → 'Alphabet'; 'Lilly (Eli)' → 'Eli Lilly'."""

    def parens(match: re.Match[str]) -> str:
        inner = match.group(1).strip()
        if inner.lower() == "the" or inner.lower().startswith("class"):
            return ""
        return f"\0{inner}"  # a given name written after: moved in front below

    cleaned = _PARENS.sub(parens, name).strip()
    if "\0" in cleaned:
        base, given = cleaned.split("\0", 1)
        cleaned = f"{given} {base}"
    cleaned = cleaned.strip().strip('"').strip()
    return _SUFFIX.sub("", cleaned).strip()


def _plain(text: str) -> str:
    """'Estée' → 'Estee': accents are often left out when typing."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _key(words: list[str]) -> str:
    return " ".join(_norm(w) for w in words)


def _norm(word: str) -> str:
    if word == "&":
        return "and"  # "Johnson & Johnson" as written or as "Johnson and Johnson"
    word = _plain(word).lower().replace("’", "'").replace("–", "-").rstrip(".!")
    for tail in ("'s", "s'"):
        if word.endswith(tail) and len(word) > 3:
            return word[: -len(tail)] if tail == "'s" else word[:-1]
    return word


class CompanyIndex:
    """Name forms → symbol, matched on word n-grams (fast for ~500 names)."""

    def __init__(self, names: dict[str, str]) -> None:
        self.forms: dict[str, str] = {}
        self.display: dict[str, str] = {}
        firsts: dict[str, list[str]] = {}
        # Class A before Class C: "Alphabet" means the first listed share class.
        ordered = sorted(names.items(), key=lambda item: ("class" in item[1].lower(), item[1]))
        ordered.sort(key=lambda item: "(class a)" not in item[1].lower())
        for symbol, name in ordered:
            cleaned = _clean(name)
            self.display.setdefault(symbol, cleaned or name)
            for form in self._variants(name, cleaned):
                self.forms.setdefault(form, symbol)
            words = cleaned.split()
            if len(words) > 1:
                firsts.setdefault(_norm(words[0]), []).append(symbol)
        for first, symbols in firsts.items():
            unique = len(set(symbols)) == 1
            if unique and len(first) >= 4 and first not in COMMON_FIRST:
                self.forms.setdefault(first, symbols[0])
        for symbol, nicknames in NICKNAMES.items():
            if symbol in names:
                for nickname in nicknames:
                    self.forms.setdefault(nickname, symbol)

    @staticmethod
    def _variants(name: str, cleaned: str) -> set[str]:
        full = _key(name.replace('"', "").split())
        forms = {full, _key(_PARENS.sub("", name).replace('"', "").split())}
        if cleaned.lower() not in NEED_SUFFIX:
            base = _key(cleaned.split())
            bare = " ".join(_plain(cleaned).lower().replace("’", "'").replace("'", "").split())
            forms |= {base, base.replace("'", ""), base.replace("-", " "), bare}
        return {f for f in forms if f}

    def find(self, text: str) -> list[CompanyHit]:
        tokens = list(_TOKEN.finditer(text))
        hits: list[CompanyHit] = []
        i = 0
        while i < len(tokens):
            hit = self._longest_at(text, tokens, i)
            if hit is None:
                i += 1
                continue
            hits.append(hit[0])
            i += hit[1]
        return hits

    def _longest_at(
        self, text: str, tokens: list[re.Match[str]], i: int
    ) -> tuple[CompanyHit, int] | None:
        for n in range(min(MAX_WORDS, len(tokens) - i), 0, -1):
            words = [t.group(0) for t in tokens[i : i + n]]
            form = _key(words)
            symbol = self.forms.get(form)
            if symbol is None:
                continue
            if form in CAPITALIZED_ONLY and words[0] == words[0].lower():
                continue
            start, end = tokens[i].start(), tokens[i + n - 1].end()
            while end > start and text[end - 1] in ".!'’":
                end -= 1  # sentence end or a bare apostrophe is not part of the name
            if text[start:end].lower().endswith(("'s", "’s")):
                end -= 2
            return CompanyHit(start, end, symbol, self.display.get(symbol, form)), n
        return None
