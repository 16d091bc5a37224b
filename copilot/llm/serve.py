"""`python -m copilot.llm.serve [llama_cpp.server options]`: llama-cpp-python's OpenAI-compatible
server, loading the model the way `LocalLLM` does.

`python -m llama_cpp.server` loads weights with llama.cpp's extra buffers, which crash a native
build on its first decode on some CPUs with AMX; this entry point honours
`COPILOT_LOCAL_WEIGHT_REPACK` (off by default) and serves the bundled model when no `--model` is
given. Every other option is llama_cpp.server's own (`--help` lists them).
"""

from __future__ import annotations

import sys

from copilot.llm.local import weight_buffers
from copilot.llm.model_files import ensure_local_model
from copilot.settings import Settings


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    settings = Settings()
    if "--model" not in args and "--config_file" not in args and "--help" not in args:
        args = ["--model", str(ensure_local_model(settings)), *args]
    try:
        from llama_cpp.server.__main__ import main as serve
    except ImportError as exc:
        raise SystemExit(
            f"the model server needs llama_cpp.server's extras ({exc.name} is missing): "
            "pip install -e '.[serve]'"
        ) from exc

    sys.argv = [f"{sys.executable} -m copilot.llm.serve", *args]
    # The whole process is the server, so the loading setting holds for its lifetime.
    with weight_buffers(settings.local_weight_repack):
        serve()  # type: ignore[no-untyped-call]  # llama_cpp.server is untyped


if __name__ == "__main__":
    main()
