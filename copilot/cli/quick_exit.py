"""Leaving a finished `ask` without the interpreter's teardown.

After a fresh `ask` has printed its answer and closed every store it opened, Python still
spends ~0.9 s (2-core machine) finalizing modules: freeing the embedded model, the ONNX
runtime and chromadb's objects one by one. None of it writes anything (every file this
project writes is written whole and renamed into place before the command returns), so the
console entry point ends the process at once instead. Only the console entry point does:
commands called in-process (tests, the app) are untouched.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys

_requested = False


def request() -> None:
    """Called by a command once its output is written and its stores are closed."""
    global _requested
    _requested = True


def requested() -> bool:
    return _requested


def leave(code: int) -> None:
    """Flush what Python buffers, then end the process with `code`, skipping finalization."""
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe: no reader is left
            stream.flush()
    os._exit(code)
