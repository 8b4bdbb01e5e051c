"""The mutable game state and the values recorded in it. Everything here is JSON-compatible via ``to_dict``."""

from __future__ import annotations

import enum
import random
from collections.abc import Iterable, Sequence
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
    STOPPED = "stopped"  # a facilitator ended the game before its last turn (:class:`~game.engine.EndNow`)


class Cause(enum.StrEnum):
    """What made a recorded change. Equal to its string value, which is what saves hold."""

    ACTION = "action"  # a committed action (``cause_id``: the action)
    EVENT = "event"  # an event firing (the event)
    CHOICE = "choice"  # an answer to an event (``choice_key(event, choice)``)
    DYNAMIC = "dynamic"  # a per-turn rule (the dynamic)
    AGREEMENT = "agreement"  # an agreement item being implemented (``item_key(agreement, item)``)
    KEPT = "kept"  # the trust earned when an item is fully implemented (``item_key(agreement, item)``)
    BREAK = "break"  # the trust lost and the break effects when an agreement is broken (the agreement)
    FACILITATOR = "facilitator"  # a number set by hand by a facilitator


class NewsKind(enum.StrEnum):
    """What a news entry reports."""

    EVENT = "event"  # an event fired (``id``: the event)
    CHOICE = "choice"  # a role answered an event (``id``: the event, ``detail``: the choice)
    ACTION = "action"  # a role's committed action resolved (``id``: the action)
    ENDING = "ending"  # the game ended (``id``: the ending, ``detail``: the :class:`Termination` value)
    PROPOSAL = "proposal"  # ``detail``: ``sent`` or the proposal's new :class:`ProposalStatus`
    AGREEMENT = "agreement"  # ``detail``: ``made`` or ``broken`` (``id``: the agreement), or ``implemented``
    # (``id``: ``item_key(agreement, item)``, see :meth:`game.engine.Game.origin`)
    FACILITATOR = "facilitator"  # a facilitator's command: ``id`` ``adjust`` (``detail``: the indicator), ``inject``
    # (``detail``: the event, which fires at the next news) or ``end``


class NewsDetail(enum.StrEnum):
    """The ``detail`` of proposal and agreement news that is not a status: a proposal sent, an agreement made.

    The other details of negotiation news are a :class:`ProposalStatus` (a proposal answered or lapsed) or an
    :class:`ItemStatus` (an item implemented, an agreement broken).
    """

    SENT = "sent"
    MADE = "made"


class ProposalStatus(enum.StrEnum):
    """Where a proposal stands (see :class:`Proposal`)."""

    OPEN = "open"
    ACCEPTED = "accepted"
    REFUSED = "refused"
    COUNTERED = "countered"
    WITHDRAWN = "withdrawn"


class ItemStatus(enum.StrEnum):
    """Where an agreement item stands (see :class:`AgreementItem`)."""

    PENDING = "pending"
    IMPLEMENTED = "implemented"
    BROKEN = "broken"


_PENDING, _BROKEN = ItemStatus.PENDING, ItemStatus.BROKEN  # read in hot properties: a global is faster than a member


class Stage(enum.StrEnum):
    """A stage of a turn, in order: where each begins is recorded as a :class:`Mark`.

    Inside the resolution, what a change is tells its step: its :class:`Cause` (``dynamic`` for the per-turn rules,
    ``kept`` for items completed) and whether it :attr:`Change.fell_due` (an effect of an earlier decision).
    """

    NEWS = "news"  # events fire; roles answer their choices
    ACTIONS = "actions"  # roles commit actions and negotiate (agreements broken here change values at once)
    RESOLUTION = "resolution"  # committed actions and new agreements, then due effects, kept items, dynamics, the
    # end check


#: The stages in order; ``GameState.stage_starts`` records a stage by its number here.
STAGES: tuple[Stage, ...] = tuple(Stage)


class Change(NamedTuple):
    """One recorded change of an indicator, with its cause.

    ``since`` is the turn of the decision that made it: ``turn`` for an immediate change, earlier for a delayed or
    spread effect falling due (whose ``text`` then ends with `` (from turn N)``, for people). A change restored from
    a row saved before ``since`` was recorded has ``since == 0`` (not known).
    """

    turn: int
    indicator: str
    before: float
    after: float
    cause: Cause
    cause_id: str  # what made it (see :class:`Cause`); :meth:`game.engine.Game.origin` gives its parts
    role: str  # the role whose decision caused it, or "" for events and dynamics
    text: str  # a short description of the cause, for people
    since: int = 0

    @property
    def delta(self) -> float:
        """``after - before``."""
        return self.after - self.before

    @property
    def fell_due(self) -> bool:
        """Whether it is a delayed or spread effect of an earlier turn's decision (False when not known)."""
        return 0 < self.since < self.turn

    @classmethod
    def from_row(cls, row: Any) -> Change:
        """A change from its saved row (``list(change)``, or the 8 columns saved before ``since`` was recorded);
        raises ``ValueError`` (an unknown cause, a row of the wrong length) or ``TypeError``."""
        t, i, b, a, c, ci, r, x, *since = _row(row, 8)
        return cls(int(t), str(i), float(b), float(a), Cause(c), str(ci), str(r), str(x), _since(since))


class Scheduled(NamedTuple):
    """A portion of a delayed or spread effect, decided in turn ``since``, waiting for the resolution of turn
    ``due`` (``since == 0``: restored from a save that did not record it)."""

    due: int
    indicator: str
    op: str
    amount: float
    cause: Cause
    cause_id: str
    role: str
    text: str
    since: int = 0


class News(NamedTuple):
    """Something that happened, for the news feed: an event firing or a role's decision."""

    turn: int
    kind: NewsKind
    id: str
    role: str
    detail: str  # what happened to it (see :class:`NewsKind`), or ""


class Mark(NamedTuple):
    """Where ``stage`` of ``turn`` began: how many history entries and news entries there were then."""

    turn: int
    stage: Stage
    history: int
    news: int


class Origin(NamedTuple):
    """What a cause id refers to: ``id`` the action, event, dynamic or agreement, ``part`` the choice or the item
    within it ("" for none). See :meth:`game.engine.Game.origin`."""

    cause: Cause
    id: str
    part: str


def choice_key(event_id: str, choice_id: str) -> str:
    """The cause id of an answer to an event (ids are identifiers, so the key is unambiguous)."""
    return f"{event_id}.{choice_id}"


def item_key(agreement_id: str, item_id: str) -> str:
    """The cause id of an agreement item (its implementation, and the trust earned when it is kept)."""
    return f"{agreement_id}.{item_id}"


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


@dataclass(frozen=True, slots=True)
class Proposal:
    """An offer from ``sender`` to ``receiver``: the items the sender gives and those it asks for.

    ``status`` is ``open`` until the receiver answers (``accepted``, ``refused``, or ``countered`` when it
    answers with a proposal of its own, whose ``reply_to`` is this one's id), or ``withdrawn`` when the turn
    resolves unanswered.
    """

    id: str
    turn: int
    sender: str
    receiver: str
    give: tuple[str, ...]
    ask: tuple[str, ...]
    status: ProposalStatus = ProposalStatus.OPEN
    reply_to: str | None = None

    def items(self) -> tuple[str, ...]:
        """Every item id in the proposal: given first, then asked."""
        return self.give + self.ask


@dataclass(frozen=True, slots=True)
class AgreementItem:
    """One item of an agreement: implemented by ``giver`` from the resolution of turn ``start`` to ``end``.

    ``status`` is ``pending`` until its last turn resolves (``implemented``), or ``broken`` if its giver broke
    the agreement first, or if either party broke it in the turn it was made (before anything of it started).
    """

    item: str
    giver: str
    start: int
    end: int
    status: ItemStatus = ItemStatus.PENDING


@dataclass(frozen=True, slots=True)
class Agreement:
    """An accepted proposal: its items and their implementation schedule, visible to both parties."""

    id: str
    turn: int
    parties: tuple[str, str]
    items: tuple[AgreementItem, ...]
    proposal: str = ""

    @property
    def open(self) -> bool:
        """Whether any item is still being implemented."""
        return any(i.status is _PENDING for i in self.items)

    @property
    def broken(self) -> bool:
        """Whether one party broke it."""
        return any(i.status is _BROKEN for i in self.items)


class PendingChoice(NamedTuple):
    """An event that waits for its role's answer."""

    event: str
    role: str


class Unrecorded(list[Change]):
    """The history of a game on the fast path (rollouts, ``simulate``): it keeps nothing, so appending costs almost
    nothing and the game's past cannot be asked about. Everything else about the state is the same as on the full
    path, turn by turn (tests play both side by side)."""

    __slots__ = ()

    def append(self, change: Change, /) -> None:
        """Forget ``change``."""

    def extend(self, changes: Iterable[Change], /) -> None:
        """Forget ``changes``."""


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
    proposals: list[Proposal] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    proposal_serial: int = 0  # proposals made so far (the next id is "p<serial + 1>")
    agreement_serial: int = 0  # agreements made so far
    queued: list[str] = field(default_factory=list)  # event ids that fire at the start of the next turn
    # Where each stage of each turn began, in order: four ints per stage (turn, the stage's number in STAGES, history
    # count, news count), flat so that recording one allocates nothing the garbage collector tracks (see marks()).
    stage_starts: list[int] = field(default_factory=list)
    # The fast path only (a state that keeps no history): the values and the news count when each proposal was sent,
    # which the full path reads from its history (``queries.when_sent``). Never saved: a fast-path state cannot be.
    sent: dict[str, tuple[dict[str, float], int]] = field(default_factory=dict)

    @property
    def recorded(self) -> bool:
        """Whether the history is kept (the full path) or not (:class:`Unrecorded`, the fast path)."""
        return not isinstance(self.history, Unrecorded)

    def clone(self, *, record: bool | None = None, reseed: int | None = None) -> GameState:
        """An independent copy (for lookahead and forecasts); ``record=False`` drops the history (a fast-path copy),
        ``None`` keeps this state's way. A fast-path state cannot be copied into a full one: its past is gone.
        ``reseed`` gives the copy a random generator seeded afresh instead of a copy of this one's (a rollout that
        must not know the real game's future draws)."""
        if record is None:
            record = self.recorded
        elif record and not self.recorded:
            raise ValueError("a state that keeps no history cannot be copied into one that does")  # i18n: not shown
        if reseed is not None:
            rng = random.Random(reseed)
        else:
            rng = random.Random.__new__(random.Random)  # not seeded (Random() reads urandom): the state is set next
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
            history=list(self.history) if record else Unrecorded(),
            news=list(self.news),
            errors=list(self.errors),
            outcome=self.outcome,
            proposals=list(self.proposals),
            agreements=list(self.agreements),
            proposal_serial=self.proposal_serial,
            agreement_serial=self.agreement_serial,
            queued=list(self.queued),
            stage_starts=list(self.stage_starts),
            sent=dict(self.sent),
        )

    def marks(self) -> list[Mark]:
        """Where each stage of each turn began, in order (none for turns played before they were recorded)."""
        flat = self.stage_starts
        return [Mark(flat[i], STAGES[flat[i + 1]], flat[i + 2], flat[i + 3]) for i in range(0, len(flat), 4)]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-compatible dict; :meth:`from_dict` restores an equal state. A fast-path state (no history) cannot
        be saved."""
        if not self.recorded:
            raise ValueError("a game that keeps no history cannot be saved")  # i18n: not shown (a programming error)
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
            "proposals": [
                [p.id, p.turn, p.sender, p.receiver, list(p.give), list(p.ask), p.status, p.reply_to]
                for p in self.proposals
            ],
            "agreements": [
                [a.id, a.turn, list(a.parties), [list(i) for i in map(_item_row, a.items)], a.proposal]
                for a in self.agreements
            ],
            "proposal_serial": self.proposal_serial,
            "agreement_serial": self.agreement_serial,
            "queued": list(self.queued),
            "marks": [[m.turn, m.stage.value, m.history, m.news] for m in self.marks()],
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
        for row in data["scheduled"]:
            d, i, o, a, c, ci, r, t, *since = _row(row, 8)
            scheduled.setdefault(int(d), []).append(
                Scheduled(int(d), str(i), str(o), float(a), Cause(c), str(ci), str(r), str(t), _since(since))
            )
        return cls(
            scenario_id=str(data["scenario_id"]),
            fingerprint=str(data["fingerprint"]),
            seed=int(data["seed"]),
            rng=rng,
            turn=int(data["turn"]),
            phase=Phase(data["phase"]),
            values=_values(data),
            previous={str(k): float(v) for k, v in data["previous"].items()},
            capital={str(k): int(v) for k, v in data["capital"].items()},
            committed={str(k): [str(a) for a in v] for k, v in data["committed"].items()},
            last_used={str(k): int(v) for k, v in data["last_used"].items()},
            event_fired={str(k): int(v) for k, v in data["event_fired"].items()},
            pending=[PendingChoice(str(e), str(r)) for e, r in data["pending"]],
            scheduled=scheduled,
            history=[Change.from_row(row) for row in data["history"]],
            news=[News(int(t), NewsKind(k), str(i), str(r), str(d)) for t, k, i, r, d in data["news"]],
            errors=[RuleError(int(t), str(r), str(m)) for t, r, m in data["errors"]],
            outcome=outcome,
            proposals=[
                Proposal(
                    str(i),
                    int(t),
                    str(s),
                    str(r),
                    _ids(g),
                    _ids(a),
                    ProposalStatus(st),
                    None if rt is None else str(rt),
                )
                for i, t, s, r, g, a, st, rt in data.get("proposals", [])
            ],
            agreements=[
                Agreement(
                    str(i),
                    int(t),
                    _pair(parties),
                    tuple(AgreementItem(str(it), str(g), int(b), int(e), ItemStatus(st)) for it, g, b, e, st in items),
                    str(proposal),
                )
                for i, t, parties, items, proposal in data.get("agreements", [])
            ],
            proposal_serial=int(data.get("proposal_serial", 0)),
            agreement_serial=int(data.get("agreement_serial", 0)),
            queued=[str(e) for e in data.get("queued", [])],
            stage_starts=[int(x) for t, s, h, n in data.get("marks", []) for x in (t, STAGES.index(Stage(s)), h, n)],
        )


def _values(data: dict[str, Any]) -> dict[str, float]:
    """The saved values. Saves made before trust was always an indicator also keep each pair's trust under
    ``trust`` (``"a|b"``, role ids sorted), mirrored in the values as ``trust_a_b``: that indicator it is now."""
    values = {str(k): float(v) for k, v in data["values"].items()}
    for key, value in data.get("trust", {}).items():
        first, second = str(key).split("|")
        values.setdefault(f"trust_{first}_{second}", float(value))
    return values


def _row(row: Any, columns: int) -> Sequence[Any]:
    """A saved row with ``columns`` columns, or one more (a field added later; older saves lack it)."""
    if not isinstance(row, list | tuple) or len(row) not in (columns, columns + 1):
        raise ValueError(f"expected a row of {columns} or {columns + 1} values, not {row!r}")
    return row


def _since(rest: Sequence[Any]) -> int:
    """The ``since`` column of a row, or 0 (not known) for a row saved before it was recorded."""
    return int(rest[0]) if rest else 0


def _item_row(item: AgreementItem) -> tuple[str, str, int, int, str]:
    return (item.item, item.giver, item.start, item.end, item.status)


def _pair(values: Any) -> tuple[str, str]:
    first, second = values  # ValueError unless exactly two
    return (str(first), str(second))


def _ids(values: Any) -> tuple[str, ...]:
    if not isinstance(values, list):
        raise TypeError(f"expected a list of ids, not {values!r}")
    return tuple(str(v) for v in values)
