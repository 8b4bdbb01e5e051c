"""A turn timer's count, shared by the desktop and the class server: how much of a turn's part is left, counted
from times the caller gives (pure: no clock is read here).

The teacher sets how long a turn lasts (``match.teacher.turn_seconds``, see :func:`game.table.teacher.set_timer`).
A count starts afresh with each new turn and whenever that length changes; it goes down only between two ticks
that are both ``running`` (the students may act: not paused, no dialog of the teacher open, ...), so the time that
passes meanwhile is never taken off the turn.
"""

from __future__ import annotations


class Countdown:
    """The count of the turn being played."""

    def __init__(self) -> None:
        #: The turn and the length being counted (a new one starts a new count).
        self.turn: int | None = None
        self.seconds: int | None = None
        #: Seconds left of the turn (``None``: no timer).
        self.left: float | None = None
        self._last: float | None = None

    def restart(self, turn: int, seconds: int | None) -> None:
        """Count ``seconds`` for ``turn`` (``None``: no timer)."""
        self.turn, self.seconds = turn, seconds
        self.left = None if seconds is None else float(seconds)
        self._last = None

    def add(self, seconds: int) -> None:
        """More time for the running count."""
        if self.left is not None:
            self.left += seconds

    def hold(self) -> None:
        """Stop counting until the next running tick (the time between is not counted)."""
        self._last = None

    def count(self, turn: int, seconds: int | None, now: float, *, running: bool) -> bool:
        """Count the time since the last running tick up to ``now``; ``turn`` and ``seconds`` are the match's (a new
        turn or length starts a new count). Returns whether the time is up."""
        if (turn, seconds) != (self.turn, self.seconds):
            self.restart(turn, seconds)
        if self.left is None or not running:
            self._last = None
            return False
        if self._last is not None:
            self.left = max(0.0, self.left - max(0.0, now - self._last))
        self._last = now
        return self.left <= 0
