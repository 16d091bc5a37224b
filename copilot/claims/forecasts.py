"""A forecast is no reason: what a source expects to happen does not explain a move that has.

Outlook pieces (a press conference on the IMF's World Economic Outlook, a bank's 2026 outlook)
are often the articles nearest a move in time, and the model copies their forecasts as the
move's reason: "A moderate correction in AI stock valuations … could reduce global output by
0.4 percent in 2026 [2]." under the S&P 500's fall of January 20, or "The US economy is expected
to outperform consensus forecasts in 2026 … [5]" under regional banks' fall. The support score
accepts them (near-copies of their excerpts), so the answer showed them as supported reasons.

A sentence forecasts when its main clause (relative "which …" clauses set aside: "Trump's call
for a cap, which could hurt bank profits, sent banks lower" gives a cause that happened) holds
a forecast ("could reduce", "would lead to", "is expected to", "RBC expects the S&P to keep
rallying", a headline's "S&P expected to continue rise", "forecasts US GDP growth of 2.5% in
2026") and reports nothing that happened
(no past-tense move, cause or report) and no mood of the market ("investors worry tariffs could
slow growth" names a fear at work now, a cause).
"""

from __future__ import annotations

import re

from copilot.claims.extract import CITATION

# ", which could impact the profits of financial companies," / "…, which would increase prices.";
# "inflation figures that could reshape expectations", "a candidate who could keep rates low"
_RELATIVE = re.compile(
    r",\s*which\b[^,;]*(?:[,;]|$)"
    r"|\b(?:which|that|who)\s+(?:could|may|might|would|will|can|should)\b[^,;]*",
    re.IGNORECASE,
)

# A move still to come, in the verbs outlooks use: "to keep rallying", "to continue rise".
_TO_MOVE = (
    r"to\s+(?:keep|continue|rise|fall|climb|gain|drop|decline|rally|reach|hit|extend|remain|"
    r"stay|grow|slow|outperform|underperform|rebound|recover|broaden|top|end|finish)\b"
)
_NO_GUIDANCE = (
    r"(?!(?:its\s+|their\s+)?(?:\w+\s+)?(?:revenue|sales|earnings|profits?|margins?|demand|"
    r"capex|spending|shipments|bookings|growth|output)\b)"
)
_FORECAST = re.compile(
    r"\b(?:(?:could|may|might|would|will|can|should)(?:\s+\w+ly)?(?:\s+not)?\s+(?!be\b)\w+"
    r"|(?:is|are)\s+(?:widely\s+)?(?:expected|projected|forecast|predicted|poised|set|likely"
    r"|seen|anticipated)\s+to\s+\w+"
    # A source that expects a move: "RBC expects the S&P to keep rallying"; a headline's
    # "S&P expected to continue rise". Not a company's guidance ("Micron expects revenue to
    # grow"): news that moves its stock.
    rf"|(?:expects?|predicts?|forecasts?|projects?|anticipates?)\s+{_NO_GUIDANCE}"
    rf"(?:[\w&.'-]+\s+){{1,5}}?{_TO_MOVE}"
    rf"|(?:expected|projected|forecast|predicted|poised|seen)\s+{_TO_MOVE}"
    # An economy's figure for a year ahead: "Goldman Sachs Research forecasts US GDP growth of
    # 2.5% in 2026" (drafted under regional banks' week of January 20, 2026, shown unmarked).
    # The verb with the economy straight after it (a region, a pace): not the noun ("retail
    # sales exceeded forecasts for December, … lifting forecasts for Q4 GDP growth").
    r"|(?:expects?|predicts?|forecasts?|projects?|sees)\s+(?:(?:the|a|an)\s+)?"
    r"(?:(?:u\.?s\.?|us|american|global|world|euro[\s-]?(?:zone|area)|china'?s?|chinese|uk|"
    r"japan'?s?|faster|slower|stronger|weaker|real|annual)\s+){0,2}"
    r"(?:gdp|economic\s+growth|growth\s+(?:of|in\s+20\d\d)|inflation\s+(?:of|at)|"
    r"unemployment\s+(?:of|at)))",
    re.IGNORECASE,
)

# Finite verbs of something that happened: a move, a cause, a report ("was triggered by", "said").
_HAPPENED = re.compile(
    r"\b(?:rose|fell|gained|lost|climbed|dropped|declined|slid|jumped|surged|rallied|tumbled"
    r"|sank|plunged|slumped|soared|rebounded|advanced|retreated|eased|dipped|edged|ended|closed"
    r"|finished|weighed|dragged|lifted|boosted|buoyed|propelled|knocked|hammered|rattled"
    r"|spooked|battered|dented|pushed|pulled|drove|sparked|triggered|caused|hit|hurt"
    r"|fuell?ed|helped|led|pressured|sent|spurred|prompted|reported|announced|posted|beat"
    r"|missed|struggled|outperformed|underperformed|sold|bought|cut|raised|said|was|were|had"
    r"|did|moved|traded|turned|slipped|came|went|grew|saw|made|took|gave|kept|held|stayed"
    r"|remained|reached|topped|set|added|shed|extended|snapped|recovered|reversed)\b",
    re.IGNORECASE,
)

# A mood at work in the market is a cause, whatever it expects: "investors fear …", "hopes that".
_MOOD = re.compile(
    r"\b(?:worr\w*|fears?|feared|fearing|concerns?|concerned|anxi\w*|jitter\w*|optimis\w*"
    r"|pessimis\w*|hopes?|hoping|bets?|betting|sentiment|uncertainty"
    # what the market expects is its mood: "traders expect the Fed to cut rates"
    r"|(?:investors|traders|markets?|wall\s+street)\s+(?:now\s+)?(?:expect|anticipate|see))\b",
    re.IGNORECASE,
)


def forecast_words(sentence: str) -> str | None:
    """The forecast a sentence's main clause makes ("could reduce") when it reports nothing
    that happened and names no mood of the market, else None."""
    main = _RELATIVE.sub(" ", CITATION.sub(" ", sentence))
    found = _FORECAST.search(main)
    if found is None or _HAPPENED.search(main) or _MOOD.search(main):
        return None
    return re.sub(r"\s+", " ", found.group(0))


# A rule of thumb, no event: "Historically, such moves have added to inflation, pushed up bond
# yields and undermined the credit-worthiness of the countries that pursued such policies."
# (an outlook's note, drafted as the reason for Treasury yields' rise in the week of January 12,
# 2026). Led by the adverb and its comma: "Historically low unemployment lifted …" is an event.
_PATTERN = re.compile(
    r"^\W*(?:historically|typically|traditionally|generally|usually|in\s+general|as\s+a\s+rule|"
    r"in\s+the\s+past|over\s+time|more\s+often\s+than\s+not)\s*,",
    re.IGNORECASE,
)


def pattern_words(sentence: str) -> str | None:
    """The words that make a sentence a general pattern rather than a report of what happened
    ("Historically,"), else None."""
    found = _PATTERN.search(CITATION.sub(" ", sentence))
    return found.group(0).strip(" ,") if found else None
