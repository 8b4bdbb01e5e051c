"""The mutable game state and the values recorded in it. Everything here is JSON-compatible via ``to_dict``."""

from __future__ import annotations

import enum
import random
from dataclasses import dataclass, field
from typing import Any, NamedTuple


class Phase(enum.Enum):
    """Where the current turn stands."""

    NEWS = "news"  # events have fired; some roles still owe an answer to an event's choices
    ACTIONS = "actions"  # roles commit actions; then the turn is resolved
    OVER = "over"  # the game has ended


class Termination(enum.Enum):
    """How the game ended."""

    EARLY = "early"  # an early ending's condition held after a turn
    FINAL = "final"  # the last turn was played


class Change(NamedTuple):
    """One recorded change of an indicator, with its cause."""

    turn: int
    indicator: str
    before: float
    after: float
    cause: str  # action | event | choice | dynamic | facilitator
    cause_id: str
    role: str  # the role whose decision caused it, or "" for events and dynamics
    text: str  # a short description of the cause, for people

    @property
    def delta(self) -> float:
        """``after - before``."""
        return self.after - self.before


class Scheduled(NamedTuple):
    """A portion of a delayed or spread effect waiting for the resolution of turn ``due``."""

    due: int
    indicator: str
    op: str
    amount: float
    cause: str
    cause_id: str
    role: str
    text: str


class News(NamedTuple):
    """Something that happened, for the news feed: an event firing or a role's decision."""

    turn: int
    kind: str  # event | choice | action | ending
    id: str
    role: str
    detail: str  # for choices: the choice id; otherwise ""


class RuleError(NamedTuple):
    """A scenario rule that failed at run time (for example a division by zero) and was skipped."""

    turn: int
    rule: str
    message: str


@dataclass(frozen=True, slots=True)
class Outcome:
    """How a finished game ended: the ending reached, when, and every role's score."""

    ending: str
    turn: int
    termination: Termination
    scores: dict[str, float]


class PendingChoice(NamedTuple):
    """An event that waits for its role's answer."""

    event: str
    role: str


@dataclass(slots=True)
class GameState:
    """Everything that changes during a game. The scenario itself is not part of it."""

    scenario_id: str
    fingerprint: str
    seed: int
    rng: random.Random
    turn: int
    phase: Phase
    values: dict[str, float]
    previous: dict[str, float]
    capital: dict[str, int]
    committed: dict[str, list[str]]
    last_used: dict[str, int] = field(default_factory=dict)  # action id -> turn it was last used
    event_fired: dict[str, int] = field(default_factory=dict)  # event id -> turn it last fired
    pending: list[PendingChoice] = field(default_factory=list)
    scheduled: dict[int, list[Scheduled]] = field(default_factory=dict)  # due turn -> effects waiting for it
    history: list[Change] = field(default_factory=list)
    news: list[News] = field(default_factory=list)
    errors: list[RuleError] = field(default_factory=list)
    outcome: Outcome | None = None

    def clone(self) -> GameState:
        """An independent copy (for lookahead and forecasts)."""
        rng = random.Random()
        rng.setstate(self.rng.getstate())
        return GameState(
            scenario_id=self.scenario_id,
            fingerprint=self.fingerprint,
            seed=self.seed,
            rng=rng,
            turn=self.turn,
            phase=self.phase,
            values=dict(self.values),
            previous=dict(self.previous),
            capital=dict(self.capital),
            committed={role: list(ids) for role, ids in self.committed.items()},
            last_used=dict(self.last_used),
            event_fired=dict(self.event_fired),
            pending=list(self.pending),
            scheduled={due: list(items) for due, items in self.scheduled.items()},
            history=list(self.history),
            news=list(self.news),
            errors=list(self.errors),
            outcome=self.outcome,
        )

    def to_dict(self) -> dict[str, Any]:
        """A JSON-compatible dict; :meth:`from_dict` restores an equal state."""
        version, internal, gauss = self.rng.getstate()
        outcome = None
        if self.outcome is not None:
            outcome = {
                "ending": self.outcome.ending,
                "turn": self.outcome.turn,
                "termination": self.outcome.termination.value,
                "scores": dict(self.outcome.scores),
            }
        return {
            "scenario_id": self.scenario_id,
            "fingerprint": self.fingerprint,
            "seed": self.seed,
            "rng": [version, list(internal), gauss],
            "turn": self.turn,
            "phase": self.phase.value,
            "values": dict(self.values),
            "previous": dict(self.previous),
            "capital": dict(self.capital),
            "committed": {role: list(ids) for role, ids in self.committed.items()},
            "last_used": dict(self.last_used),
            "event_fired": dict(self.event_fired),
            "pending": [[p.event, p.role] for p in self.pending],
            "scheduled": [list(s) for items in self.scheduled.values() for s in items],
            "history": [list(c) for c in self.history],
            "news": [list(n) for n in self.news],
            "errors": [list(e) for e in self.errors],
            "outcome": outcome,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> GameState:
        """Rebuild a state from :meth:`to_dict` output; raises ``KeyError``, ``TypeError`` or ``ValueError``."""
        version, internal, gauss = data["rng"]
        rng = random.Random()
        rng.setstate((int(version), tuple(int(x) for x in internal), gauss))
        raw_outcome = data["outcome"]
        outcome = None
        if raw_outcome is not None:
            outcome = Outcome(
                ending=str(raw_outcome["ending"]),
                turn=int(raw_outcome["turn"]),
                termination=Termination(raw_outcome["termination"]),
                scores={str(k): float(v) for k, v in raw_outcome["scores"].items()},
            )
        scheduled: dict[int, list[Scheduled]] = {}
        for d, i, o, a, c, ci, r, t in data["scheduled"]:
            scheduled.setdefault(int(d), []).append(
                Scheduled(int(d), str(i), str(o), float(a), str(c), str(ci), str(r), str(t))
            )
        return cls(
            scenario_id=str(data["scenario_id"]),
            fingerprint=str(data["fingerprint"]),
            seed=int(data["seed"]),
            rng=rng,
            turn=int(data["turn"]),
            phase=Phase(data["phase"]),
            values={str(k): float(v) for k, v in data["values"].items()},
            previous={str(k): float(v) for k, v in data["previous"].items()},
            capital={str(k): int(v) for k, v in data["capital"].items()},
            committed={str(k): [str(a) for a in v] for k, v in data["committed"].items()},
            last_used={str(k): int(v) for k, v in data["last_used"].items()},
            event_fired={str(k): int(v) for k, v in data["event_fired"].items()},
            pending=[PendingChoice(str(e), str(r)) for e, r in data["pending"]],
            scheduled=scheduled,
            history=[
                Change(int(t), str(i), float(b), float(a), str(c), str(ci), str(r), str(x))
                for t, i, b, a, c, ci, r, x in data["history"]
            ],
            news=[News(int(t), str(k), str(i), str(r), str(d)) for t, k, i, r, d in data["news"]],
            errors=[RuleError(int(t), str(r), str(m)) for t, r, m in data["errors"]],
            outcome=outcome,
        )
