"""The turn timer on the server: the teacher sets how long each turn's part lasts (``match.teacher.turn_seconds``,
see :func:`game.table.teacher.set_timer`); a :class:`TurnClock` counts it down for one table and says when it has
run out, so the server (never a browser) ends the turn with what was committed (:func:`game.table.teacher.time_up`).

Pure: the caller passes the time. The count starts again at each new turn and whenever the teacher changes the
timer; it stands still while the game is paused or the news awaits an answer. A restarted server starts the
running turn's count afresh.
"""

from __future__ import annotations

from game.engine import Phase
from game.table import Match


class TurnClock:
    """The countdown of one table's turn."""

    def __init__(self) -> None:
        self.key: tuple[int, int] | None = None
        self.left = 0.0
        self.last = 0.0

    def tick(self, match: Match, now: float) -> bool:
        """Count down to ``now``; whether the time of this turn has run out."""
        seconds = match.teacher.turn_seconds
        if seconds is None or match.is_over():
            self.key = None
            return False
        key = (match.game.turn, seconds)
        if key != self.key:
            self.key, self.left, self.last = key, float(seconds), now
            return False
        if not match.teacher.paused and match.game.phase is Phase.ACTIONS:
            self.left -= now - self.last
        self.last = now
        return self.left <= 0

    def add(self, seconds: int) -> None:
        """More time for the running turn."""
        self.left += seconds

    def seconds_left(self) -> int | None:
        """Whole seconds left in the running turn (``None``: no timer running)."""
        return None if self.key is None else max(0, round(self.left))


def time_left(clock: TurnClock | None, match: Match | None) -> int | None:
    """Whole seconds left in ``match``'s running turn (``None``: no timer): the whole turn's time when the timer was
    just set or a new turn just began (``clock`` counts it from its next tick)."""
    seconds = None if match is None else match.teacher.turn_seconds
    if match is None or seconds is None or match.is_over():
        return None
    if clock is None or clock.key != (match.game.turn, seconds):
        return seconds
    return clock.seconds_left()
