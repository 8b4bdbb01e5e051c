"""Writing debrief reports: for each match a self-contained HTML page, the CSV of every change and the match as
JSON; for several saves (a class's tables) a class summary as well. ``python main.py report SAVE... --out DIR`` and
the end screen's Export report use it.

A save that cannot be reported (damaged, not a save, made with a changed scenario) is named and skipped with the
reason; the others are still reported. Every file is written atomically (a temporary file renamed over it).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.engine import Scenario
from game.i18n import language, tr
from game.persistence import load_match
from game.reports import report_data as data
from game.reports.class_summary import TableResult, summary_csv, summary_page
from game.reports.report_csv import changes_csv, match_json
from game.reports.report_html import match_page
from game.saves import SaveError, SaveInfo, is_autosave, read_save
from game.storage import StorageError, write_bytes_atomic
from game.table import Match
from game.table.reference import Found

#: Finds a scenario's usual ranges (None when none is known).
ReferenceLookup = Callable[[Scenario], Found | None]

SUMMARY_NAME = "class-summary"


class ReportError(ValueError):
    """The report could not be written (a folder that cannot be created, a disk that is full); the message says
    where and why."""


@dataclass(frozen=True, slots=True)
class Skipped:
    """A save that was not reported, and why (a sentence a teacher can read)."""

    path: Path
    reason: str


@dataclass(slots=True)
class ReportRun:
    """What a run wrote: the tables reported (with their files), the saves skipped, the class summary if any."""

    tables: list[TableResult] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    summary: list[Path] = field(default_factory=list)

    @property
    def files(self) -> list[Path]:
        """Every file written, in order."""
        return [path for table in self.tables for path in table.files] + self.summary


# ----------------------------------------------------------------------------------------------- files
def write_text_atomic(path: Path, text: str) -> None:
    """Write ``text`` as UTF-8 to ``path`` so that ``path`` is always either the old file or the new one (through
    :func:`game.storage.write_bytes_atomic`); raises :class:`ReportError`."""
    try:
        write_bytes_atomic(path, text.encode("utf-8"))
    except StorageError as exc:
        raise ReportError(str(exc)) from None


def slug(name: str) -> str:
    """A file name part for a table's name: letters, digits and marks of any script, ``-`` for the rest."""
    text = unicodedata.normalize("NFC", name).lower()
    text = "".join(ch if ch.isalnum() or unicodedata.category(ch).startswith("M") else "-" for ch in text)
    return re.sub(r"-+", "-", text).strip("-")[:60].strip("-") or "table"


def table_name(info: SaveInfo) -> str:
    """A table's name: the save's label (its title), or the file's name for the autosave or a save without one."""
    label = info.label.strip()
    if not label or is_autosave(info.path) or label.lower() == "autosave":
        return info.path.stem
    return label


# ----------------------------------------------------------------------------------------------- one match
def write_match_report(
    match: Match, found: Found | None, folder: Path, name: str, *, save: dict[str, Any] | None = None,
    taken: set[str] | None = None,
) -> TableResult:  # fmt: skip
    """Write one match's report into ``folder``: ``NAME.html``, ``NAME-changes.csv`` and ``NAME.json`` (``NAME``
    from the table's name, made unique among ``taken``). Raises :class:`ReportError`."""
    match = data.in_language(match, language())
    stem = _unique(slug(name), taken if taken is not None else set())
    html, csv_path, json_path = folder / f"{stem}.html", folder / f"{stem}-changes.csv", folder / f"{stem}.json"
    beside = [tr("{file} (every change, one row each)", file=csv_path.name),
              tr("{file} (the match as data)", file=json_path.name)]  # fmt: skip
    write_text_atomic(csv_path, changes_csv(match))
    text = json.dumps(match_json(match, found, name=name, save=save), ensure_ascii=False, indent=1, allow_nan=False)
    write_text_atomic(json_path, text + "\n")
    write_text_atomic(html, match_page(match, found, name=name, files=beside))
    return TableResult.of(match, found, name, (html, csv_path, json_path))


def _unique(stem: str, taken: set[str]) -> str:
    candidate, number = stem, 2
    while candidate in taken or candidate == SUMMARY_NAME:
        candidate, number = f"{stem}-{number}", number + 1
    taken.add(candidate)
    return candidate


# ----------------------------------------------------------------------------------------------- several saves
def load_for_report(path: Path) -> tuple[Match, SaveInfo, dict[str, Any]]:
    """A save's match, what the file says about it and the file's fields (without the session); raises
    :class:`SaveError` saying why it cannot be reported (damaged, not a save, a changed scenario)."""
    info, _ = read_save(path)
    match = load_match(path)
    save = {"label": info.label, "saved_at": info.saved_at.isoformat(), "file": path.name,
            "scenario_title": info.scenario_title, "turn": info.turn, "date": info.date}  # fmt: skip
    return match, info, save


def report_saves(
    paths: Sequence[Path], out: Path, reference: ReferenceLookup, *, summary: bool | None = None,
    progress: Callable[[str], None] | None = None,
) -> ReportRun:  # fmt: skip
    """Report every save of ``paths`` into ``out`` (skipping, with the reason, those that cannot be), and write the
    class summary when there are several saves (or ``summary`` says so). Raises :class:`ReportError` when a file
    cannot be written."""
    run = ReportRun()
    taken: set[str] = set()
    for path in paths:
        try:
            match, info, save = load_for_report(Path(path))
        except SaveError as exc:
            run.skipped.append(Skipped(Path(path), str(exc)))
            continue
        name = table_name(info)
        run.tables.append(write_match_report(match, reference(match.scenario), out, name, save=save, taken=taken))
        if progress is not None:
            progress(name)
    if summary if summary is not None else len(paths) > 1:
        html, csv_path = out / f"{SUMMARY_NAME}.html", out / f"{SUMMARY_NAME}.csv"
        write_text_atomic(csv_path, summary_csv(run.tables))
        skipped = [(s.path.name, s.reason) for s in run.skipped]
        write_text_atomic(html, summary_page(run.tables, skipped, csv_name=csv_path.name))
        run.summary = [html, csv_path]
    return run
