"""``--watch``: notice that the scenario file of a running game was saved again, and carry the game over to it.

Both front ends use it the same way: a :class:`FileWatcher` says when the file changed (it polls the file's
modification time and size, about twice a second; no file-system notifications are needed), and
:func:`reload_from_file` loads the new version and replays the match on it (:mod:`game.table.reload`). What comes
back is typed: the new match (:class:`~game.table.reload.Reloaded`), the problems of a file that does not load
(:class:`FileBroken`; the game goes on with the old version), or the turn at which the replay stopped
(:class:`~game.table.reload.ReplayFailed`; the front end offers to restart on the new version).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from game.content.problems import Problem, ScenarioError
from game.engine import LengthError, Scenario, of_length
from game.i18n import tr
from game.table import Match
from game.table.reload import Reloaded, ReplayFailed, reload_match

__all__ = ["POLL_SECONDS", "FileBroken", "FileWatcher", "Reloaded", "ReplayFailed", "reload_from_file"]

#: How often the desktop looks at the file.
POLL_SECONDS = 0.5

Stamp = tuple[int, int, int] | None


@dataclass(frozen=True, slots=True)
class FileBroken:
    """The edited file does not load: every problem, each ``file:line:col: message``."""

    problems: tuple[Problem, ...]

    def lines(self) -> list[str]:
        """The problems as an editor reads them (``file:line:col: error: message (hint)``)."""
        return [problem.format() for problem in self.problems]


class FileWatcher:
    """Says when a file has changed since it was last looked at: its modification time, size or identity (an
    editor that saves by replacing the file) differ. A missing file is a state of its own, so deleting and writing
    it back counts as a change."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        interval: float = POLL_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.path = Path(path)
        self.interval = interval
        self._clock = clock
        self._seen = self._stamp()
        self._next = clock() + interval

    def _stamp(self) -> Stamp:
        try:
            info = os.stat(self.path)
        except OSError:
            return None
        return info.st_mtime_ns, info.st_size, info.st_ino

    def changed(self) -> bool:
        """Whether the file changed since the last look (looks now)."""
        stamp = self._stamp()
        if stamp == self._seen:
            return False
        self._seen = stamp
        return True

    def poll(self) -> bool:
        """:meth:`changed`, at most once per ``interval`` (cheap to call every frame)."""
        now = self._clock()
        if now < self._next:
            return False
        self._next = now + self.interval
        return self.changed()


def reload_from_file(
    path: str | os.PathLike[str], match: Match, *, turns: int | None = None
) -> Reloaded | ReplayFailed | FileBroken:
    """Load the scenario file at ``path`` (of ``turns`` turns, when the game is a shorter one) and replay ``match``
    on it."""
    from game.content.loader import load_scenario

    name = os.fspath(path)
    try:
        scenario: Scenario = load_scenario(name)
    except ScenarioError as exc:
        return FileBroken(tuple(exc.problems))
    if turns is not None:
        try:
            scenario = of_length(scenario, turns)
        except LengthError as exc:
            message = tr("the game's length of {turns} turns: {problem}", turns=turns, problem=exc)
            return FileBroken((Problem(name, 0, 0, message),))
    return reload_match(match, scenario)
