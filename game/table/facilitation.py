"""What a match keeps of its facilitator (a teacher): what they did, the controls they set, and where each turn's
part for the people began (so a turn can be undone exactly). Plain data, saved with the match.

The teacher's commands that change the game (:class:`~game.engine.Adjust`, :class:`~game.engine.Inject`,
:class:`~game.engine.EndNow`) are also in the match's command log, so a replay rebuilds them; the rest (pause, turn
timer, reveal, undo) change no number and are kept here only. :mod:`game.table.teacher` carries them out.
"""

from __future__ import annotations

import enum
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple


class InterventionKind(enum.StrEnum):
    """What the teacher did."""

    PAUSE = "pause"
    RESUME = "resume"
    TIMER = "timer"  # set (or cleared) the turn timer
    MORE_TIME = "more_time"
    TIME_UP = "time_up"  # the turn timer ran out: the turn ended with what was committed
    INJECT = "inject"
    ADJUST = "adjust"
    UNDO = "undo"
    END = "end"
    REVEAL = "reveal"  # both sides' objectives shown on screen
    HIDE = "hide"


class Intervention(NamedTuple):
    """One thing the teacher did: in which turn, what, a line for people, and ``at``: how many commands the log held
    then (where it sits among the players' moves)."""

    turn: int
    kind: InterventionKind
    detail: str
    at: int


class TurnStart(NamedTuple):
    """Where a turn's part for the people began: the log's length then, the computer seats' generator states, the
    turn whose opening negotiation they had had, and how many turn reports there were. Enough to go back there."""

    turn: int
    at: int
    rngs: Mapping[str, Any]
    negotiated: int
    reports: int


def pin_digest(pin: str, salt: str) -> str:
    """What a save keeps of a console PIN (never the PIN itself)."""
    return hashlib.sha256(f"{salt}:{pin}".encode()).hexdigest()


@dataclass(slots=True)
class Facilitation:
    """The teacher's side of a match."""

    interventions: list[Intervention] = field(default_factory=list)
    starts: list[TurnStart] = field(default_factory=list)
    paused: bool = False
    revealed: bool = False
    #: Seconds each turn's part lasts when the turn timer is on (``None``: no timer).
    turn_seconds: int | None = None
    #: The digest of the console's PIN (``""``: no PIN), see :func:`pin_digest`.
    pin: str = ""

    def record(self, turn: int, kind: InterventionKind, detail: str, at: int) -> Intervention:
        """Add an intervention and return it."""
        done = Intervention(turn, kind, detail, at)
        self.interventions.append(done)
        return done

    def to_dict(self) -> dict[str, Any]:
        """JSON-compatible."""
        return {
            "interventions": [[i.turn, i.kind.value, i.detail, i.at] for i in self.interventions],
            "starts": [[s.turn, s.at, dict(s.rngs), s.negotiated, s.reports] for s in self.starts],
            "paused": self.paused,
            "revealed": self.revealed,
            "turn_seconds": self.turn_seconds,
            "pin": self.pin,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> Facilitation:
        """Read :meth:`to_dict` output (``None``: a match saved before facilitation was kept). Raises ``ValueError``,
        ``KeyError`` or ``TypeError`` when it is not one."""
        if data is None:
            return cls()
        seconds = data.get("turn_seconds")
        return cls(
            interventions=[
                Intervention(int(t), InterventionKind(str(k)), str(d), int(a)) for t, k, d, a in data["interventions"]
            ],
            starts=[TurnStart(int(t), int(a), dict(r), int(n), int(p)) for t, a, r, n, p in data["starts"]],
            paused=bool(data.get("paused", False)),
            revealed=bool(data.get("revealed", False)),
            turn_seconds=None if seconds is None else int(seconds),
            pin=str(data.get("pin", "")),
        )
