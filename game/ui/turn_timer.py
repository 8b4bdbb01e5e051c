"""The turn timer's countdown on the desktop: how much of the turn is left, counted with a clock the app is given
(tests pass a fake one); and the app's keys for the teacher (:func:`teacher_keys`).

The teacher sets how long a turn lasts (``match.teacher.turn_seconds``, see :func:`game.table.teacher.set_timer`);
this counts it down while the students may act. It counts only while it is :meth:`ticked <TurnTimer.tick>` with
``running`` (an in-game screen on top, the game not paused): :meth:`hold` (a console dialog open) and a tick that is
not running stop the count, and the time that passes meanwhile is never taken off the turn.
"""

from __future__ import annotations

import time
from collections.abc import Callable

#: The last seconds of a turn, shown in the warning colour with a message.
WARNING_SECONDS = 30


class TurnTimer:
    """The countdown of the turn being played."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        #: The turn being counted (a new turn starts a new count).
        self.turn: int | None = None
        #: Seconds left of the turn (``None``: no timer).
        self.left: float | None = None
        #: The log's length when the end of the turn was refused (the news waits for an answer): it is tried again
        #: once something has happened.
        self.refused_at: int | None = None
        self._last: float | None = None

    def restart(self, turn: int, seconds: int | None) -> None:
        """Count ``seconds`` for ``turn`` (``None``: no timer)."""
        self.turn = turn
        self.left = None if seconds is None else float(seconds)
        self.refused_at = None
        self._last = None

    def add(self, seconds: int) -> None:
        """More time for the running count."""
        if self.left is not None:
            self.left += seconds
            self.refused_at = None

    def hold(self) -> None:
        """Stop counting until the next running tick (the time between is not counted)."""
        self._last = None

    def tick(self, turn: int, seconds: int | None, *, running: bool) -> bool:
        """Count the time since the last running tick; ``turn`` and ``seconds`` are the match's (a new turn starts
        a new count). Returns whether the time is up."""
        if turn != self.turn:
            self.restart(turn, seconds)
        if self.left is None or not running:
            self._last = None
            return False
        now = self.clock()
        if self._last is not None:
            self.left = max(0.0, self.left - max(0.0, now - self._last))
        self._last = now
        return self.left <= 0

    @property
    def on(self) -> bool:
        """Whether a countdown is running for this turn."""
        return self.left is not None

    def seconds_left(self) -> float | None:
        """Seconds left of the turn (``None``: no timer); what the public board shows."""
        return self.left

    def warning(self) -> bool:
        """Whether the turn is in its last :data:`WARNING_SECONDS`."""
        return self.left is not None and self.left <= WARNING_SECONDS

    def label(self) -> str:
        """``2:05`` (whole seconds, rounded up: ``0:00`` only when the time is up); ``""`` with no timer."""
        if self.left is None:
            return ""
        whole = int(-(-self.left // 1))
        return f"{whole // 60}:{whole % 60:02d}"
