"""Imports from the Data page — a market folder, the online universe, a news folder — each with
a progress bar. Market writes go through the gate, so no question reads a half-open store."""

from __future__ import annotations

import threading
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import streamlit as st
from rich.progress import Progress, TaskID

from copilot.errors import CopilotError
from ui.resources import UISettings, forget_news_store, market_gate, news_store
from ui.safe import escape_markdown

REPORT_KEY = "copilot.import_report"


@dataclass(frozen=True)
class ImportReport:
    """What the last import did, shown after the page is redrawn."""

    message: str
    failed: bool
    rows: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


class StreamlitProgress(Progress):
    """A rich `Progress` (what the ingest pipelines report to) drawn as Streamlit bars."""

    def __init__(self, container: Any) -> None:
        super().__init__(disable=True)
        self._container = container
        self._bars: dict[TaskID, Any] = {}
        self._script_thread = threading.current_thread()

    def add_task(
        self, description: str, start: bool = True, total: float | None = 100.0,
        completed: int = 0, visible: bool = True, **fields: Any,
    ) -> TaskID:  # fmt: skip
        task_id = super().add_task(description, start, total, completed, visible, **fields)
        self._bars[task_id] = self._container.progress(0.0, text=escape_markdown(description))
        self._draw(task_id)
        return task_id

    def update(
        self, task_id: TaskID, *, total: float | None = None, completed: float | None = None,
        advance: float | None = None, description: str | None = None,
        visible: bool | None = None, refresh: bool = False, **fields: Any,
    ) -> None:  # fmt: skip
        super().update(
            task_id, total=total, completed=completed, advance=advance,
            description=description, visible=visible, refresh=refresh, **fields,
        )  # fmt: skip
        self._draw(task_id)

    def _draw(self, task_id: TaskID) -> None:
        # The ingest pipeline reports from its writer thread too; Streamlit elements may only be
        # drawn from the script's thread, so those updates wait for the next one from it.
        if threading.current_thread() is not self._script_thread or task_id not in self._bars:
            return
        task = self._tasks[task_id]
        done = int(task.completed)
        count = f"{done}/{int(task.total)}" if task.total else f"{done}"
        fraction = min(task.completed / task.total, 1.0) if task.total else 0.0
        text = f"{task.description}: {count} {task.fields.get('current', '')}".strip()
        self._bars[task_id].progress(fraction, text=escape_markdown(text))


def roots_caption(settings: UISettings) -> None:
    from ui.import_paths import allowed_roots

    roots = ", ".join(str(r) for r in allowed_roots(settings)) or "none exist"
    st.caption(escape_markdown(f"Imports read only under: {roots} (COPILOT_UI_IMPORT_ROOTS)."))


def market_folder_form(settings: UISettings) -> None:
    default = settings.shared_data_dir / "market"
    roots_caption(settings)
    with st.form("import-market-folder"):
        folder = st.text_input("Folder (or CSV file)", value=str(default))
        skip_bad = st.checkbox("Skip bad rows instead of refusing the file", value=False)
        submitted = st.form_submit_button("Import", icon=":material/upload:")
    if not submitted:
        return
    from ui.import_paths import ImportPathError, confined_files

    try:  # confined to the import roots, walked with a bound, before the store is locked
        files = confined_files(folder, settings, lambda p: p.suffix.lower() == ".csv")
    except ImportPathError as exc:
        st.error(escape_markdown(str(exc)), icon=":material/error:")
        return
    _run_market(lambda store, on_item: _files(store, files, skip_bad, on_item))


def _files(store: Any, files: list[Path], skip_bad: bool, on_item: Any) -> list[Any]:
    from ingest.market.folder import import_file

    results = []
    for path in files:  # each file its own transaction, as `import_folder` does
        results.append(import_file(store, path, None, skip_bad))
        on_item(path.name, len(files))
    return results


def online_form(settings: UISettings) -> None:
    with st.form("import-online"):
        yahoo = st.text_input("Yahoo symbols", value=", ".join(settings.yahoo_symbols))
        fred = st.text_input("FRED series", value=", ".join(settings.fred_series))
        start = st.date_input("From", value=settings.online_start, max_value=date.today())
        submitted = st.form_submit_button("Download and import", icon=":material/cloud_download:")
    if submitted:
        symbols = [s.strip() for s in yahoo.split(",") if s.strip()]
        series = [s.strip() for s in fred.split(",") if s.strip()]
        day = start if isinstance(start, date) else settings.online_start
        _run_market(lambda store, on_item: _online(store, settings, symbols, series, day, on_item))


def _online(
    store: Any, settings: UISettings, symbols: list[str], series: list[str], start: date,
    on_item: Any,
) -> list[Any]:  # fmt: skip
    from ingest.market.online import import_online

    total = len(symbols) + len(series)
    return import_online(store, settings, symbols, series, start, lambda s: on_item(s, total))


def _run_market(work: Any) -> None:
    bar = st.progress(0.0, text="Starting…")
    done = 0

    def on_item(name: str, total: int) -> None:
        nonlocal done
        done += 1
        bar.progress(min(done / max(total, 1), 1.0), text=escape_markdown(f"{done}/{total} {name}"))

    try:
        with market_gate().writer() as store:
            results = work(store, on_item)
    except (CopilotError, OSError) as exc:
        st.error(escape_markdown(str(exc)), icon=":material/error:")
        return
    bar.progress(1.0, text="Finished")
    _finish(_market_report([asdict(r) for r in results]))


def _finish(report: ImportReport) -> None:
    """Keep the report and redraw the page, so the tables above show the new data."""
    st.session_state[REPORT_KEY] = report
    st.rerun()


def show_last_report() -> None:
    report: ImportReport | None = st.session_state.get(REPORT_KEY)
    if report is None:
        return
    (st.warning if report.failed else st.success)(escape_markdown(report.message))
    if report.rows:
        st.dataframe(report.rows, hide_index=True, width="stretch")
    for note in report.notes:
        st.caption(escape_markdown(note))


def _market_report(rows: list[dict[str, Any]]) -> ImportReport:
    imported = sum(r["status"] == "imported" for r in rows)
    failed = sum(r["status"] == "failed" for r in rows)
    message = f"{imported} imported, {len(rows) - imported - failed} unchanged, {failed} failed."
    table = [
        {"source": Path(str(r["source"])).name, "status": r["status"],
         "symbols": ", ".join(r["symbols"][:6]), "rows": r["rows"], "first": r["first"],
         "last": r["last"], "notes": r["error"] or "; ".join(r["notes"])}
        for r in rows
    ]  # fmt: skip
    return ImportReport(message, bool(failed), table)


def news_folder_form(settings: UISettings) -> None:
    default = settings.shared_data_dir / "news"
    roots_caption(settings)
    with st.form("import-news"):
        folder = st.text_input("Folder or file of articles", value=str(default))
        submitted = st.form_submit_button("Import articles", icon=":material/upload:")
    if not submitted:
        return
    from copilot.news import NewsStore
    from ingest.news.pipeline import ingest_paths
    from ingest.news.registry import loader_for
    from ui.import_paths import confined_files

    existing = news_store()
    try:
        files = confined_files(folder, settings, lambda p: loader_for(p) is not None)
        store = NewsStore.open(settings, existing.embedder if existing is not None else None)
        report = ingest_paths(store, files, progress=StreamlitProgress(st.container()))
    except (CopilotError, OSError) as exc:
        st.error(escape_markdown(str(exc)), icon=":material/error:")
        return
    forget_news_store()
    message = (
        f"{report.articles} distinct articles: {report.added} added, {report.replaced} "
        f"replaced, {report.unchanged} unchanged; {report.chunks_written} chunks embedded "
        f"in {report.seconds:.1f} s."
    )
    notes = [f"Skipped {problem}" for problem in report.problems]
    _finish(ImportReport(message, bool(report.problems), [], notes))
