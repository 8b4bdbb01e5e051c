"""``python main.py new FILE``: write a starter scenario, checked by loading it, with an editor modeline that works
wherever the file is saved.

The modeline (``# yaml-language-server: $schema=...``) is resolved by the editor relative to the scenario file, so
the shipped files name ``scenario.schema.json`` beside them. A new file anywhere else gets the path from its own
folder to the game's schema instead, or, with ``--schema-copy``, a copy of the schema written beside it (for a
file that will be moved or shared without the game).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from game.content.problems import ScenarioError
from game.content.starter import StarterError, parse_roles, starter_text
from game.paths import SCENARIO_DIR
from game.storage import StorageError, write_bytes_atomic

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2
#: The name of the schema copy ``--schema-copy`` writes beside the new file.
SCHEMA_NAME = "scenario.schema.json"


@dataclass(frozen=True, slots=True)
class NewRequest:
    """What ``new`` was asked to do."""

    path: Path
    roles: str | None = None
    force: bool = False
    schema_copy: bool = False


def run_new(request: NewRequest, out: TextIO, err: TextIO) -> int:
    """Write the starter scenario; returns the exit status (1: the file exists or cannot be written, 2: bad
    arguments), with the reason on ``err``."""
    try:
        roles = parse_roles(request.roles)
    except StarterError as exc:
        print(f"common-ground: error: {exc}", file=err)
        return EXIT_USAGE
    path = request.path
    problem = _refusal(path, request)
    if problem:
        print(f"common-ground: error: {problem}", file=err)
        return EXIT_REFUSED
    schema_text = _schema_text()
    copy = request.schema_copy or not _shipped_schema().is_file()
    schema = SCHEMA_NAME if copy else schema_reference(path, _shipped_schema())
    text = starter_text(roles, schema=schema, stem=path.stem, file_name=str(path))
    problem = _load_problem(text, path)
    if problem:
        print(f"common-ground: error: these role ids make a scenario that does not load, so nothing was written:\n"
              f"{problem}", file=err)  # fmt: skip
        return EXIT_USAGE
    try:
        if copy:
            write_bytes_atomic(path.parent / SCHEMA_NAME, schema_text.encode("utf-8"))
        write_bytes_atomic(path, text.encode("utf-8"))
    except StorageError as exc:
        print(f"common-ground: error: {exc}", file=err)
        return EXIT_REFUSED
    _tell(path, roles, schema, copy, out)
    return EXIT_OK


def _refusal(path: Path, request: NewRequest) -> str:
    """Why ``path`` (or the schema copy beside it) must not be written, or ``""``."""
    if path.is_dir():
        return f"{path} is a folder; give the name of the scenario file to write (e.g. {path / 'my_scenario.yaml'})"
    if path.exists() and not request.force:
        return f"{path} already exists; choose another name, or add --force to overwrite it"
    if request.schema_copy and not request.force:
        beside = path.parent / SCHEMA_NAME
        if beside.exists() and beside.read_text(encoding="utf-8", errors="replace") != _schema_text():
            return f"{beside} already exists and is not this game's schema; add --force to overwrite it"
    return ""


def _shipped_schema() -> Path:
    return SCENARIO_DIR / SCHEMA_NAME


def _schema_text() -> str:
    from game.content.docs import schema_text

    return schema_text()


def schema_reference(path: Path, schema: Path) -> str:
    """How the modeline of a file at ``path`` names ``schema``: the path from the file's folder, with ``/``
    (editors resolve it against the file), or the absolute path when there is none (another drive)."""
    folder = path.resolve().parent
    try:
        relative = os.path.relpath(schema.resolve(), folder)
    except ValueError:
        return schema.resolve().as_posix()
    return Path(relative).as_posix()


def _load_problem(text: str, path: Path) -> str:
    """The problems of the text about to be written, or ``""`` when it loads cleanly."""
    from game.content.loader import load_scenario_text

    try:
        load_scenario_text(text, str(path))
    except ScenarioError as exc:
        return str(exc)
    return ""


def _tell(path: Path, roles: Sequence[str], schema: str, copied: bool, out: TextIO) -> None:
    where = f"a copy of the schema written beside it ({schema})" if copied else schema
    lines = [
        f"wrote {path}: a starter scenario for {', '.join(roles)} (5 indicators, {3 * len(roles)} actions, "
        "2 events, 3 endings, a negotiation table)",
        f"editor support: its first line points your editor at {where}",
        "next:",
        f"  python main.py validate {path}",
        f"  python main.py text --scenario {path}",
        f"  python main.py simulate {path} --games 200",
    ]
    if path.suffix != ".yaml":
        lines.append("note: the game lists only *.yaml files in its scenarios folder")
    print("\n".join(lines), file=out)
