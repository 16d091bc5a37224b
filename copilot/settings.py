"""All configuration in one place: `COPILOT_*` environment variables or a `.env` file.

Built once at the entry point (CLI, UI) and passed down; nothing deeper reads the environment.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

# The default online universe. Yahoo symbols: broad indices, the big index ETFs, the 11 Select
# Sector SPDRs, Treasuries and a few macro-sensitive ETFs. FRED series: Treasury yields, the
# 10y-2y spread, CPI, PCE, GDP, unemployment and the S&P 500 index level.
DEFAULT_YAHOO_SYMBOLS: tuple[str, ...] = (
    "^GSPC", "^DJI", "^IXIC", "^RUT", "^VIX",
    "SPY", "QQQ", "DIA", "IWM",
    "XLB", "XLC", "XLE", "XLF", "XLI", "XLK", "XLP", "XLRE", "XLU", "XLV", "XLY",
    "TLT", "IEF", "HYG", "GLD",
)  # fmt: skip
DEFAULT_FRED_SERIES: tuple[str, ...] = (
    "DGS2", "DGS10", "DGS30", "T10Y2Y", "CPIAUCSL", "PCEPI", "GDP", "UNRATE", "SP500",
)  # fmt: skip


def _split_csv(value: object) -> object:
    """Accept `COPILOT_YAHOO_SYMBOLS=SPY,IWM` as well as a JSON list."""
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("["):
            import json

            return json.loads(text)
        return [part.strip() for part in text.split(",") if part.strip()]
    return value


class Settings(BaseSettings):
    """Market Copilot settings; every field can be set as `COPILOT_<FIELD>`."""

    model_config = SettingsConfigDict(
        env_prefix="COPILOT_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    data_dir: Path = Field(Path("data"), description="Where the stores live.")
    market_db: Path | None = Field(None, description="DuckDB file; default DATA_DIR/market.duckdb")
    news_dir: Path | None = Field(None, description="Chroma directory; default DATA_DIR/news")
    shared_data_dir: Path = Field(
        Path("../shared/data"), description="Folder of sample data used by `make demo`."
    )

    # Online market data.
    yahoo_symbols: Annotated[list[str], NoDecode] = Field(
        default_factory=lambda: list(DEFAULT_YAHOO_SYMBOLS)
    )
    fred_series: Annotated[list[str], NoDecode] = Field(
        default_factory=lambda: list(DEFAULT_FRED_SERIES)
    )
    online_start: date = Field(date(2015, 1, 1), description="First date fetched online.")
    fred_csv_url: str = Field(
        "https://fred.stlouisfed.org/graph/fredgraph.csv",
        description="FRED's CSV endpoint (`?id=SERIES&cosd=START`): point it at a mirror, or at "
        "a local server of recorded responses (the real-browser refresh test does).",
    )
    http_timeout_s: float = 20.0
    http_retries: int = Field(
        3, ge=1, le=10, description="Tries per network call (Yahoo, FRED, feeds, embeddings)."
    )
    http_retry_max_s: float = Field(8.0, ge=0, description="Longest wait between two tries.")
    stale_after_sessions: int = Field(
        5, ge=1, description="Warn when a figure's prices end this many sessions before as-of."
    )

    # News store.
    chroma_host: str | None = Field(None, description="Chroma server host; unset = embedded.")
    chroma_port: int = 8000
    news_collection: str = "news"
    embedding_model: str = Field(
        "all-MiniLM-L6-v2",
        description="'all-MiniLM-L6-v2' (bundled, offline), another sentence-transformers "
        "model name or path, or 'openai:<model>'.",
    )
    embedding_backend: Literal["torch", "onnx", "onnx-int8"] = Field(
        "onnx-int8",
        description="How the bundled model runs: 'torch' (sentence-transformers), 'onnx' (ONNX "
        "Runtime, the same vectors) or 'onnx-int8' (int8-quantized, fastest; see "
        "benchmarks/results/news.md). Other models always run on torch.",
    )

    # Language model.
    llm_provider: Literal["local", "openai", "scripted"] = "local"
    local_model_path: Path | None = Field(None, description="A GGUF file; default: bundled model.")
    model_cache_dir: Path = Field(Path.home() / ".cache" / "market-copilot")
    openai_base_url: str | None = None
    openai_api_key: SecretStr | None = None
    openai_model: str = "gpt-4o-mini"
    llm_timeout_s: float = Field(120.0, description="Per-request timeout for a remote model.")
    llm_max_retries: int = Field(3, description="Retries with backoff on 429/5xx/timeouts.")
    local_n_ctx: int = Field(4096, description="Context window of the embedded model.")
    local_n_threads: int | None = Field(None, description="CPU threads; default: all cores.")
    local_parallel: int = Field(
        3,
        ge=1,
        le=8,
        description="Answers the embedded model decodes together (the reason drafts); 1: one "
        "by one.",
    )
    cause_judge: bool = Field(
        True,
        description="Read each reason the support score accepts once more with the embedded "
        "model (yes or no: does the cited article give that cause?); about 1.4 s a reason on 2 "
        "cores. Off: the score alone decides.",
    )
    local_weight_repack: bool = Field(
        False,
        description="llama.cpp's extra weight buffers (repacked/AMX). Off: a native build "
        "crashed on the first decode on a CPU with AMX.",
    )

    # The browser app (security: see README, Configuration).
    ui_allow_custom_endpoint: bool = Field(
        False, description="Let UI visitors type a model server URL (it never gets the key)."
    )
    ui_import_roots: Annotated[list[Path], NoDecode] = Field(
        default_factory=list,
        description="Folders the Data page may import from; default: DATA_DIR and SHARED_DATA_DIR.",
    )
    ui_import_max_files: int = Field(
        5000, ge=1, description="Most files one Data-page import may walk."
    )
    ui_access_token: SecretStr | None = Field(
        None, description="Token the app asks for (?token=…); required to bind beyond loopback."
    )

    # Answers.
    as_of: date | None = Field(None, description="Default as-of date; unset = latest data.")
    answer_deadline_s: float = Field(
        180.0, gt=0, description="One deadline per answer across plan, tools, write and repair."
    )

    # Deep-research budget: a hard stop; a report cut short says so at the top.
    research_max_llm_calls: int = Field(12, ge=1, description="Model calls per report.")
    research_max_tokens: int = Field(40_000, ge=1, description="Prompt + completion tokens.")
    research_max_tool_calls: int = Field(12, ge=0, description="Tool calls per report.")
    research_max_seconds: float = Field(300.0, gt=0, description="Wall time per report.")

    @field_validator("yahoo_symbols", "fred_series", "ui_import_roots", mode="before")
    @classmethod
    def _split_lists(cls, value: object) -> object:
        return _split_csv(value)

    @property
    def market_db_path(self) -> Path:
        return self.market_db or self.data_dir / "market.duckdb"

    @property
    def news_path(self) -> Path:
        return self.news_dir or self.data_dir / "news"

    @property
    def feeds_path(self) -> Path:
        """The feeds `ingest news --rss` stored, which `refresh` checks again."""
        return self.data_dir / "feeds.json"

    @property
    def import_roots(self) -> list[Path]:
        """Where the Data page may import from (UI_IMPORT_ROOTS, else the data dirs)."""
        return list(self.ui_import_roots) or [self.data_dir, self.shared_data_dir]
