"""The ``handouts`` subcommand: write the files, say where, and turn a failure into a message and an exit status."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from game.engine import Scenario, localize
from game.reports.handouts import HandoutsError, write_handouts

#: Exit statuses, as the rest of the command line uses them.
EXIT_OK, EXIT_FAILED = 0, 1


def run_handouts(scenario: Scenario, folder: Path, lang: str, out: TextIO, err: TextIO) -> int:
    """Write the handouts of ``scenario`` into ``folder`` and print the paths written; on failure print why (to
    ``err``) and return a non-zero status."""
    if folder.exists() and not folder.is_dir():
        print(f"common-ground: error: {folder} is a file, not a folder: choose a folder for --out", file=err)
        return EXIT_FAILED
    print(f"Writing the handouts of {localize(scenario.title, lang)} into {folder} (a few seconds)...", file=err)
    try:
        written = write_handouts(scenario, folder, lang)
    except HandoutsError as exc:
        print(f"common-ground: error: {exc}", file=err)
        return EXIT_FAILED
    print(f"Wrote {len(written)} files into {folder}:", file=out)
    for path in written:
        print(f"  {path}", file=out)
    return EXIT_OK
