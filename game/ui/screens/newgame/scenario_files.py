"""The scenario files the New game screen offers: each one loaded, or refused with its problems."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from game.content.loader import load_scenario
from game.content.problems import ScenarioError
from game.engine import Scenario, localize
from game.i18n import language, tr


@dataclass
class Entry:
    """One scenario file in the list: loaded, or refused with its problems."""

    path: Path
    scenario: Scenario | None
    problems: tuple[str, ...] = ()
    opened: bool = False  # opened by path rather than found in the scenarios folder

    @property
    def title(self) -> str:
        """The scenario's title, or the file name of a file that did not load."""
        if self.scenario is None:
            return self.path.name
        return localize(self.scenario.title, language())


def load_entry(path: Path, *, opened: bool = False) -> Entry:
    """Load one scenario file; a file with mistakes becomes an entry that lists them."""
    try:
        scenario = load_scenario(path)
    except ScenarioError as exc:
        problems = tuple(problem.format() for problem in exc.problems) or (
            tr("{path}: error: it cannot be loaded", path=path),
        )
        return Entry(path, None, problems, opened)
    return Entry(path, scenario, (), opened)


def resolved_path(path: Path) -> Path:
    """``path`` made absolute (with its links followed when the system allows), to tell two names of one file."""
    try:
        return path.resolve()
    except OSError:
        return path.absolute()
