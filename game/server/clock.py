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
from game.table.countdown import Countdown


class TurnClock(Countdown):
    """The countdown of one table's turn."""

    def tick(self, match: Match, now: float) -> bool:
        """Count down to ``now``; whether the time of this turn has run out."""
        seconds = None if match.is_over() else match.teacher.turn_seconds
        running = not match.teacher.paused and match.game.phase is Phase.ACTIONS
        return self.count(match.game.turn, seconds, now, running=running)

    def seconds_left(self) -> int | None:
        """Whole seconds left in the running turn (``None``: no timer running)."""
        return None if self.left is None else max(0, round(self.left))
