"""A llama.cpp KV-cache snapshot of a fixed prompt prefix, kept on disk between processes.

Every question starts with the same ~600-token system prompt. In one process llama.cpp reuses it
from its KV cache; a new process (each `market-copilot ask`, each eval run) would read it again
at ~50 tokens/s on 2 cores — 12 s before the model sees the question. Loading a saved snapshot
of the KV state after that prefix takes well under a second.

A snapshot is keyed by everything that shapes it — the model file, the context size, the
llama-cpp-python version and the prefix tokens — so a changed prompt or model simply misses and
is computed again. File layout: 8-byte header length, a JSON header, then llama.cpp's raw state.
"""

from __future__ import annotations

import ctypes
import hashlib
import json
import os
import struct
import tempfile
from pathlib import Path
from typing import Any

_HEADER = struct.Struct("<Q")


def snapshot_key(model_path: Path, n_ctx: int, tokens: list[int], sequences: int = 1) -> str:
    import llama_cpp

    stat = model_path.stat()
    digest = hashlib.sha256()
    # A context holding several sequences saves its state in another layout; one sequence
    # keeps the key it always had, so snapshots already on disk stay valid.
    shape = n_ctx if sequences == 1 else [n_ctx, sequences]
    for part in (model_path.name, stat.st_size, shape, llama_cpp.__version__, tokens):
        digest.update(json.dumps(part).encode())
    return digest.hexdigest()[:32]


def shared_prefix(llama: Any, tokens: list[int]) -> int:
    """How many of `tokens` the model's KV cache already holds, from the start."""
    return common_prefix([int(t) for t in llama.input_ids[: llama.n_tokens]], tokens)


def common_prefix(a: list[int], b: list[int]) -> int:
    """How many leading tokens `a` and `b` share."""
    count = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        count += 1
    return count


def save_snapshot(llama: Any, path: Path) -> None:
    """Write the KV state (which must hold exactly the prefix) atomically to `path`."""
    import llama_cpp

    size = llama_cpp.llama_state_get_size(llama._ctx.ctx)
    buffer = (ctypes.c_uint8 * int(size))()
    written = int(llama_cpp.llama_state_get_data(llama._ctx.ctx, buffer, size))
    header = json.dumps({"tokens": [int(t) for t in llama.input_ids[: llama.n_tokens]]}).encode()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    with os.fdopen(fd, "wb") as out:
        out.write(_HEADER.pack(len(header)))
        out.write(header)
        out.write(memoryview(buffer)[:written])
    os.replace(tmp, path)  # readers never see a half-written snapshot


def load_snapshot(llama: Any, path: Path, tokens: list[int]) -> bool:
    """Restore the KV state from `path` if it holds exactly `tokens`; False if it cannot."""
    import llama_cpp

    try:
        data = path.read_bytes()
        (length,) = _HEADER.unpack_from(data)
        header = json.loads(data[_HEADER.size : _HEADER.size + length])
        state = data[_HEADER.size + length :]
    except (OSError, struct.error, ValueError):
        return False
    if header.get("tokens") != tokens or not state:
        return False
    buffer = (ctypes.c_uint8 * len(state)).from_buffer_copy(state)
    if llama_cpp.llama_state_set_data(llama._ctx.ctx, buffer, len(state)) != len(state):
        llama.reset()
        return False
    llama.input_ids[: len(tokens)] = tokens
    llama.n_tokens = len(tokens)
    llama._requires_eval = True  # the logits are not live: the next prompt decodes its suffix
    return True
