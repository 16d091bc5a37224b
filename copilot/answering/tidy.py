"""The small model's formatting slips, fixed in code before the answer is checked.

Seen with the embedded 1.5B model on everyday questions: it copies the instruction's "[n]"
literally, puts figures in citation brackets ("[9.60%] [269.79] [1]"), opens each sentence with
its citation ("[1] IWM beat SPY … [2] The best day …"), and writes fragments with no words at all
("[1] 14 [n]"), numbers its reasons as a list ("1. The rally …"), repeats a citation ("[3] [3]")
frames a reason with its source ("The excerpt reports that …") or ends it with the instruction
("…, which explains the move in the excerpt's own words") and loops inside a sentence
("the response to the response to the response to …").
Each is a family of output, not one answer: the figures stay exactly as written
(the checker judges them), only brackets move and word-less fragments go.
"""

from __future__ import annotations

import re

from copilot.sentences import sentence_spans

CITE = r"\[\d+(?:\s*,\s*\d+)*\]"
CITATION = re.compile(CITE)
PLACEHOLDER = re.compile(r"\s*\[(?:n|N|\?)\]")
# A bracket holding a figure rather than a source number: a sign, decimal, %, $ or unit inside.
BRACKETED_FIGURE = re.compile(
    r"\[(?P<figure>[+\-−]?\$?\d[\d,]*(?:\.\d+)?\s?(?:%|bp|pp|points?|sessions?)?)\]"
)
# In a line that opens with a citation, every sentence opens with its own: "[k] text." A sentence
# ends at . ! or ? before a space or the line's end (the period of "9.60%" ends none). Other
# sentences are split by `copilot.sentences` (abbreviations such as "U.S." end none).
OPENER = re.compile(rf"(?:^|(?<=[.!?] ))({CITE})\s+(.+?)([.!?]?)(?=\s+{CITE}\s|\s*$)")
# "1. " or "2) " opening a line: sentences asked for, numbered as a list; joined into one
# paragraph. A bulleted list of figures ("- IWM: +9.60% [1]") is a format, and stays.
LIST_MARKER = re.compile(r"^\s*\d{1,2}[.)]\s+(?=[A-Za-z[])")
# "The excerpt reports that Trump called off the tariffs [2]": the source's frame around the
# reason, written when the model is shown one excerpt; the [n] already says where it comes from.
SOURCE_FRAME = re.compile(
    r"^(?:the|this) (?:excerpt|article|report) (?:reports|says|states|mentions|notes|explains)"
    r" that\s+(?=\S)",
    re.IGNORECASE,
)
# "…, which explains the move in the excerpt's own words [3]", "…, as reported in the excerpt [2]",
# "…, as reported in [4].": the turn's instruction, or its source, said back as the sentence's
# last clause (after a comma, before its citation). The clause adds nothing: the instruction's
# words, or the move said again ("which explains the move of QQQ falling … January 2, 2026":
# "of", "in" or "on" and no figure); "which explains the move along with a 4% jump in Nvidia"
# and "tariffs were described in the article" say something, and stay.
_MOVE_AGAIN = r"(?:\s+(?:of|in|on|for)\b(?:[^\[\],.!?%$]|,\s*\d{4}\b)*?)?"
INSTRUCTION_ECHO = re.compile(
    rf",\s+(?:(?:which|that)\s+explains\s+the\s+move(?:\s+in\s+the\s+excerpt(?:'|’)s\s+own"
    rf"\s+words(?:,\s+naming\s+the\s+event,\s+company\s+or\s+policy)?|{_MOVE_AGAIN})"
    r"|(?:as\s+)?(?:reported|stated|described|mentioned)\s+in\s+the\s+(?:excerpt|article)"
    r"|in\s+the\s+excerpt(?:'|’)s\s+own\s+words|according\s+to\s+the\s+excerpt"
    rf"|(?:as\s+)?(?:reported|stated|described|mentioned)\s+in(?=\s*{CITE}))"
    rf"(?=\s*[.!?]?\s*(?:{CITE})?\s*[.!?]?\s*$)",
    re.IGNORECASE,
)
# "the response to the response to the response to …": a decoding loop inside a sentence.
# A phrase of 2-8 words said three or more times in a row is said once.
LOOP = re.compile(r"\b((?:[\w'’-]+[\s,]+){2,8}?)\1{2,}")
RUN_WORDS = 10  # a longer run said again anywhere: the model is going round
REPEATED_CITATION = re.compile(r"(\[\d+\])(?:\s*\1)+")
WORD = re.compile(r"[A-Za-z]{2,}")
DIGIT = re.compile(r"\d")


def tidy(text: str) -> str:
    """`text` with placeholders dropped, bracketed figures unbracketed, numbered items joined
    into one paragraph, a citation repeated back to back written once, a sentence's source
    frame ("The article states that") and an echo of the instruction at its end dropped,
    opening citations moved to the end of their sentence, word-less fragments (figures, no
    words) removed, and a sentence said again word for word, or a phrase said three times
    running (a small model's repetition loops), kept once."""
    text = LOOP.sub(r"\1", PLACEHOLDER.sub("", text))
    text = BRACKETED_FIGURE.sub(_unbracket, text)
    text = REPEATED_CITATION.sub(r"\1", _unlist(text))
    out: list[str] = []
    seen: set[str] = set()
    for line in text.split("\n"):
        line = _tidy_line(line, seen) if line.strip() else ""
        if line or (out and out[-1]):  # a line emptied by tidying goes; paragraph breaks stay
            out.append(line)
    return "\n".join(out).strip()


# Two reasons whose words overlap this much (Jaccard, citations aside) say one thing: drafted
# from near-copy excerpts of two wraps ("The December jobs report showed a strong increase in
# employment, which led to a rise in [US|SPY] stocks"). The closest distinct pair in the
# development answers (two causes of gold's rise, each its own article) overlaps 0.52.
REPEAT_OVERLAP = 0.6


def repeats(draft: str, kept: list[str]) -> bool:
    """Whether `draft` says again what one of the `kept` sentences said, in nearly its words."""
    words = _words(draft)
    return any(
        len(words & other) / len(words | other) >= REPEAT_OVERLAP
        for other in map(_words, kept)
        if words | other
    )


def _words(sentence: str) -> set[str]:
    return {w.lower() for w in WORD.findall(CITATION.sub("", sentence))}


def looping(text: str) -> bool:
    """The streamed text ends in a loop, worth stopping the model for: a short phrase said
    three times in a row, or a run of `RUN_WORDS` words said again ("…, with the return being
    +14.18% over 20 sessions compared to XLF, with the return being +14.18% over 20 sessions
    …": the 1.5B model ran that to its token limit, 45 s of nothing new)."""
    repeated = _repeat_start(list(re.finditer(r"\S+", text)), RUN_WORDS) is not None
    return repeated or LOOP.search(text[-240:] + " ") is not None


AGAIN_WORDS = RUN_WORDS - 2  # a run of this many words said twice in one draft: a loop
_EDGE = "\"'“”‘’()[],.;:!?"


def says_itself_again(text: str, length: int = AGAIN_WORDS) -> bool:
    """Whether a run of `length` words comes twice anywhere in `text` (case and punctuation
    aside): the model went round inside a sentence ("… driven by a choppy rally of US long
    duration government bonds, moving up … due to a choppy rally of US long duration
    government bonds, moving up the credit curve …", found in the app), where `looping`
    looks only at the end of a stream."""
    words = [w.lower().strip(_EDGE) for w in CITATION.sub(" ", text).split()]
    runs = [tuple(words[i : i + length]) for i in range(len(words) - length + 1)]
    return len(set(runs)) < len(runs)


def _repeat_start(words: list[re.Match[str]], length: int) -> int | None:
    """Index of the first of the last `length` words when they were said before, else None."""
    if len(words) < 2 * length:
        return None
    tail = [w.group() for w in words[-length:]]
    for i in range(len(words) - 2 * length + 1):
        if [w.group() for w in words[i : i + length]] == tail:
            return len(words) - length
    return None


def without_repeat(text: str) -> str:
    """`text` cut before the clause in which it began saying itself again, its sentence closed
    (unchanged when it never did). The stream stops on the token that completes the repeat,
    and that token is not kept: the run is looked for a few words short, the last word of the
    text (perhaps cut) left out too."""
    words = list(re.finditer(r"\S+", text))
    for candidate in (words, words[:-1]):
        found = _repeat_start(candidate, RUN_WORDS - 2)
        if found is not None:
            break
    else:
        return text
    kept = text[: words[found].start()].rstrip()
    clause = kept.rfind(", ")
    if clause != -1 and len(kept[clause:].split()) <= RUN_WORDS:  # "…, with the return being"
        kept = kept[:clause]
    return kept.rstrip(" ,;") + ("" if kept.endswith((".", "!", "?")) else ".")


def _unlist(text: str) -> str:
    """Numbered items joined into one paragraph, blank
    lines between items included."""
    out: list[str] = []
    in_list = False
    for line in text.split("\n"):
        item = LIST_MARKER.match(line)
        if item is None:
            in_list = in_list and not line.strip()
            if not in_list or out[-1:] != [""]:
                out.append(line)
            continue
        while in_list and out and not out[-1].strip():
            out.pop()  # the blank lines between two items
        body = _cited_once(line[item.end() :].strip())
        out.append(f"{out.pop()} {body}" if in_list and out else body)
        in_list = True
    return "\n".join(out)


def _cited_once(item: str) -> str:
    """'[3] Rates fell. [3]' → 'Rates fell. [3]'; '[5] Oil fell.' → 'Oil fell [5].'"""
    opener = CITATION.match(item)
    if opener and opener.group(0) in item[opener.end() :]:
        return item[opener.end() :].strip()
    return OPENER.sub(_citation_last, item) if opener else item


def _unbracket(match: re.Match[str]) -> str:
    figure = match.group("figure")
    return match.group(0) if figure.isdigit() else figure  # "[3]" stays a citation


def _tidy_line(line: str, seen: set[str]) -> str:
    indent = line[: len(line) - len(line.lstrip())]
    body = line.strip()
    if CITATION.match(body):
        body = OPENER.sub(_citation_last, body)
    kept: list[str] = []
    for sentence in (_unframed(body[a:b].strip()) for a, b in sentence_spans(body)):
        bare = CITATION.sub("", sentence)
        key = " ".join(bare.lower().split())
        if key in seen and WORD.search(bare):
            continue
        if WORD.search(bare) or (sentence and not DIGIT.search(bare) and bare.strip()):
            seen.add(key)
            kept.append(sentence)
    return indent + " ".join(kept) if kept else ""


def _unframed(sentence: str) -> str:
    """'The excerpt reports that oil fell [3].' → 'Oil fell [3].'; 'Oil fell, as reported in
    the excerpt [3].' → 'Oil fell [3].'"""
    sentence = INSTRUCTION_ECHO.sub("", sentence)
    frame = SOURCE_FRAME.match(sentence)
    if frame is None:
        return sentence
    rest = sentence[frame.end() :]
    return rest[:1].upper() + rest[1:]


def _citation_last(match: re.Match[str]) -> str:
    """'[1] IWM rose 2%.' → 'IWM rose 2% [1].'"""
    cite, text, stop = match.groups()
    text = text.rstrip()
    return f"{text}{stop}" if cite in text else f"{text} {cite}{stop}"
