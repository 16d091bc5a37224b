"""The slot schema becomes a grammar the embedded model can be held to (llama.cpp's converter).

A window slot once used the pattern \\d{4}-\\d{2}-\\d{2}: llama-cpp-python's converter wrote it as
the literal text "\\dddd-\\dd-\\dd" and the C++ grammar parser rejected the escape, which took the
app's model down with it. Every date slot must convert to a rule over the digits 0-9.
"""

from __future__ import annotations

import json
import re

import pytest

from copilot.answering.slots import slot_schema

llama_grammar = pytest.importorskip("llama_cpp.llama_grammar", reason="llama-cpp-python absent")


def test_a_window_slot_converts_to_a_grammar_of_digits() -> None:
    schema = slot_schema(["window", "instruments"], ["IWM", "SPY"])
    gbnf = llama_grammar.json_schema_to_gbnf(json.dumps(schema))
    assert "\\\\" not in gbnf  # no escaped backslash: nothing literal like "\dddd"
    start = next(line for line in gbnf.splitlines() if line.startswith("start ::="))
    digit = re.search(r"(start-\d+) ::= \[0-9\]", gbnf)
    assert digit is not None and start.count(digit.group(1)) == 8  # YYYY-MM-DD: eight digits
    llama_grammar.LlamaGrammar.from_string(gbnf, verbose=False)  # parses
