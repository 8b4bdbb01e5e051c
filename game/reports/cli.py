"""The ``handouts`` subcommand: write the files, say where, and turn a failure into a message and an exit status."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from game.engine import Scenario, localize
from game.i18n import tr, tr_n
from game.reports.handouts import HandoutsError, write_handouts

#: Exit statuses, as the rest of the command line uses them.
EXIT_OK, EXIT_FAILED = 0, 1


def run_handouts(scenario: Scenario, folder: Path, lang: str, out: TextIO, err: TextIO) -> int:
    """Write the handouts of ``scenario`` into ``folder`` and print the paths written; on failure print why (to
    ``err``) and return a non-zero status."""
    if folder.exists() and not folder.is_dir():
        print("common-ground: " + tr("error: {folder} is a file, not a folder: choose a folder for --out",
                                     folder=folder), file=err)  # fmt: skip
        return EXIT_FAILED
    print(tr("Writing the handouts of {scenario} into {folder} (a few seconds)...",
             scenario=localize(scenario.title, lang), folder=folder), file=err)  # fmt: skip
    try:
        written = write_handouts(scenario, folder, lang)
    except HandoutsError as exc:
        print("common-ground: " + tr("error: {why}", why=exc), file=err)
        return EXIT_FAILED
    print(
        tr_n("Wrote {n} file into {folder}:", "Wrote {n} files into {folder}:", len(written), folder=folder), file=out
    )
    for path in written:
        print(f"  {path}", file=out)
    return EXIT_OK
