"""``python main.py report SAVE... --out DIR``: the debrief report of each save, and a class summary for several.

Prints what it wrote and, for each save it skipped, why. Exit status 0 when at least one save was reported, 1 when
none was, 2 when the folder cannot be written."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from game.engine import Scenario
from game.i18n import tr, tr_n
from game.persistence import reference_cache
from game.reports.report import ReportError, report_saves
from game.table.reference import Found, find_reference

EXIT_OK, EXIT_NONE, EXIT_UNWRITABLE = 0, 1, 2


def usual_ranges(scenario: Scenario) -> Found | None:
    """A scenario's usual ranges as the end screen finds them: stored, else cached, else worked out and cached."""
    return find_reference(scenario, reference_cache())


def run_report(saves: Sequence[Path], out_dir: Path, out: TextIO, err: TextIO) -> int:
    """Write the reports of ``saves`` into ``out_dir``; returns the exit status."""
    if out_dir.exists() and not out_dir.is_dir():
        print("common-ground: " + tr("error: --out {folder} is a file, not a folder", folder=out_dir), file=err)
        return EXIT_UNWRITABLE
    try:
        run = report_saves(saves, out_dir, usual_ranges)
    except ReportError as exc:
        print("common-ground: " + tr("error: {why}", why=exc), file=err)
        return EXIT_UNWRITABLE
    for skipped in run.skipped:
        print(tr("Skipped {file}: {why}", file=skipped.path, why=skipped.reason), file=err)
    for table in run.tables:
        print(f"{table.name}: {table.ending_title} -> {table.files[0]}", file=out)
    if run.summary:
        print(tr("Class summary -> {file}", file=run.summary[0]), file=out)
    if not run.tables:
        print("common-ground: " + tr("error: no save could be reported"), file=err)
        return EXIT_NONE
    print(
        tr_n("Wrote {n} file into {folder}", "Wrote {n} files into {folder}", len(run.files), folder=out_dir), file=out
    )
    return EXIT_OK
