"""The scenarios a teacher may start a table with: the one the server was started with, then the bundled ones.

Each has a short id the dashboard sends back (the file's name without its extension; a second file of the same
name gets ``-2``), its title and its full length. Titles are read once per file and remembered: the dashboard's
room message is built after every change.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.content.loader import find_scenarios
from game.engine import Scenario, localize
from game.engine.lengths import MIN_TURNS
from game.paths import SCENARIO_DIR


@dataclass(frozen=True, slots=True)
class Choice:
    """A scenario a new table may use: its id, its file, its title, its full length in turns and the shortest game
    it can be played as."""

    id: str
    path: str
    title: str
    turns: int
    shortest: int
    #: The title in every language the scenario has it in (see :func:`game.engine.localize`).
    titles: Any = None


_seen: dict[str, tuple[float, Choice]] = {}


def choices(room_path: str, load: Callable[[str], Scenario], folder: Path = SCENARIO_DIR) -> list[Choice]:
    """The room's scenario (``room_path``) first, then every readable scenario file in ``folder``; a file that
    cannot be read is left out (the room's own was checked when the server started)."""
    paths = [str(Path(room_path).resolve())]
    paths += [str(p.resolve()) for p in find_scenarios(folder) if str(p.resolve()) not in paths]
    out: list[Choice] = []
    taken: set[str] = set()
    for path in paths:
        found = _choice(path, load)
        if found is None:
            continue
        key, number = found.id, 2
        while key in taken:
            key, number = f"{found.id}-{number}", number + 1
        taken.add(key)
        out.append(Choice(key, found.path, found.title, found.turns, found.shortest, found.titles))
    return out


def _choice(path: str, load: Callable[[str], Scenario]) -> Choice | None:
    """The choice of one file, remembered until the file changes (``None``: it cannot be read)."""
    try:
        stamp = Path(path).stat().st_mtime
    except OSError:
        return None
    kept = _seen.get(path)
    if kept is not None and kept[0] == stamp:
        return kept[1]
    try:
        scenario = load(path)
    except (ValueError, OSError):
        return None
    shortest = min([MIN_TURNS, scenario.turns, *(length.turns for length in scenario.lengths)])
    title = localize(scenario.title, "en")
    choice = Choice(Path(path).stem, path, title, scenario.turns, shortest, scenario.title)
    _seen[path] = (stamp, choice)
    return choice
