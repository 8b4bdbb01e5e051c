"""``python main.py report SAVE... --out DIR``: the debrief report of each save, and a class summary for several.

Prints what it wrote and, for each save it skipped, why. Exit status 0 when at least one save was reported, 1 when
none was, 2 when the folder cannot be written."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from game.engine import Scenario
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
        print(f"common-ground: error: --out {out_dir} is a file, not a folder", file=err)
        return EXIT_UNWRITABLE
    try:
        run = report_saves(saves, out_dir, usual_ranges)
    except ReportError as exc:
        print(f"common-ground: error: {exc}", file=err)
        return EXIT_UNWRITABLE
    for skipped in run.skipped:
        print(f"Skipped {skipped.path}: {skipped.reason}", file=err)
    for table in run.tables:
        print(f"{table.name}: {table.ending_title} -> {table.files[0]}", file=out)
    if run.summary:
        print(f"Class summary -> {run.summary[0]}", file=out)
    if not run.tables:
        print("common-ground: error: no save could be reported", file=err)
        return EXIT_NONE
    print(f"Wrote {len(run.files)} files into {out_dir}", file=out)
    return EXIT_OK
