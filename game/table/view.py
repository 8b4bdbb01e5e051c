"""What one seat may see: :func:`view` gives a seat's :class:`SeatView`.

A view holds the public state (indicators, news, agreements, the history of changes, every role's public brief),
the seat's own brief, private objectives and score, the proposals it sent or received, its own pending choices and
its own "how it weighs for you" panels. Never another seat's objectives, score formula, score, pending choices or
weigh panels, until the game is over (the end reveals every side's objectives and score).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from game.ai.negotiation import Evaluation, evaluate_for
from game.engine import (
    Action,
    Agreement,
    Change,
    Forecast,
    News,
    NewsKind,
    Proposal,
    ProposalStatus,
    Scenario,
    localize,
)
from game.table.match import Decision, Match


@dataclass(frozen=True, slots=True)
class IndicatorView:
    """One indicator as everybody sees it."""

    id: str
    label: str
    value: float
    low: float
    high: float


@dataclass(frozen=True, slots=True)
class ActionView:
    """One of the seat's own actions, in menu order: ``status`` is ``available``, ``committed`` or why it cannot
    be taken now; ``forecast`` what it is expected to do."""

    id: str
    label: str
    family: str
    cost: int
    status: str
    forecast: Forecast


@dataclass(frozen=True, slots=True)
class RoleView:
    """A role as everybody sees it: its name, its public brief, and who plays it."""

    id: str
    name: str
    brief: str
    seat: str


@dataclass(frozen=True, slots=True)
class Weighing:
    """How a proposal weighs for the seat looking at it (its own evaluation, never the other side's)."""

    proposal: str
    evaluation: Evaluation


@dataclass(frozen=True, slots=True)
class Ending:
    """The end of the game, once it is over: the ending, and every role's score and objectives (revealed)."""

    ending: str
    title: str
    turn: int
    scores: dict[str, float]
    objectives: dict[str, str]


@dataclass(frozen=True, slots=True)
class SeatView:
    """Everything the seat of ``role`` may see now."""

    role: str
    turn: int
    turns: int
    date: str
    phase: str
    indicators: tuple[IndicatorView, ...]
    roles: tuple[RoleView, ...]
    news: tuple[News, ...]
    history: tuple[Change, ...]
    agreements: tuple[Agreement, ...]
    objectives: str
    score: float
    capital: int
    actions: tuple[ActionView, ...]
    committed: tuple[str, ...]
    pending: tuple[str, ...]
    proposals: tuple[Proposal, ...]
    weighings: tuple[Weighing, ...]
    decision: Decision | None
    ending: Ending | None

    def weighing(self, proposal: str) -> Evaluation | None:
        """How an open proposal this seat sent or received weighs for it (``None`` for any other)."""
        return next((w.evaluation for w in self.weighings if w.proposal == proposal), None)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-compatible dict (what a browser would receive)."""
        data = asdict(self)
        data["news"] = [list(n) for n in self.news]
        data["history"] = [list(c) for c in self.history]
        if self.decision is not None:
            data["decision"] = {
                "role": self.decision.role,
                "kind": str(self.decision.kind),
                "event": self.decision.event,
                "proposal": self.decision.proposal,
                "options": [repr(o) for o in self.decision.options],
            }
        plain: dict[str, Any] = _plain(data)
        return plain


def view(match: Match, role: str) -> SeatView:
    """What the seat of ``role`` may see now."""
    game = match.game
    scenario = match.scenario
    lang = game.lang
    state = game.state
    mine = {p.id for p in state.proposals if role in (p.sender, p.receiver)}
    news = tuple(n for n in state.news if n.kind != NewsKind.PROPOSAL or n.id in mine)
    proposals = tuple(p for p in state.proposals if p.id in mine)
    weighings: list[Weighing] = []
    if scenario.negotiation is not None:
        for proposal in proposals:
            if proposal.status != ProposalStatus.OPEN:
                continue
            evaluation = evaluate_for(game, proposal.sender, proposal.receiver, proposal.give, proposal.ask, role)
            weighings.append(Weighing(proposal.id, evaluation))
    decision = match.decision()
    ending = None
    if game.outcome is not None:
        outcome = game.outcome
        ending = Ending(
            outcome.ending,
            localize(scenario.ending(outcome.ending).title, lang),
            outcome.turn,
            dict(outcome.scores),
            {r.id: localize(r.objectives, lang) for r in scenario.roles},
        )
    return SeatView(
        role=role,
        turn=game.turn,
        turns=scenario.turns,
        date=scenario.calendar.label(game.turn),
        phase=game.phase.value,
        indicators=tuple(
            IndicatorView(i.id, localize(i.label, lang), game.value(i.id), float(i.min), float(i.max))
            for i in scenario.indicators
        ),
        roles=tuple(
            RoleView(r.id, localize(r.name, lang), localize(r.brief, lang), match.seats[r.id].describe())
            for r in scenario.roles
        ),
        news=news,
        history=tuple(game.history),
        agreements=tuple(game.agreements()),
        objectives=localize(scenario.role(role).objectives, lang),
        score=game.score(role),
        capital=game.capital(role),
        actions=tuple(_action(match, role, action) for action in menu_order(match.scenario, role)),
        committed=tuple(game.committed(role)),
        pending=tuple(p.event for p in game.pending_choices(role)),
        proposals=proposals,
        weighings=tuple(weighings),
        decision=decision if decision is not None and decision.role == role else None,
        ending=ending,
    )


def menu_order(scenario: Scenario, role: str) -> list[Action]:
    """A role's actions grouped by strategy family in scenario order (the order menus number them)."""
    order = {family.id: index for index, family in enumerate(scenario.families)}
    return sorted(scenario.actions_for(role), key=lambda a: order.get(a.family, len(order)))


def _action(match: Match, role: str, action: Action) -> ActionView:
    game = match.game
    status = "committed" if action.id in game.committed(role) else game.why_not(role, action.id) or "available"
    label = localize(action.label, game.lang)
    return ActionView(action.id, label, action.family, action.cost, status, game.forecast(action.id))


def _plain(value: Any) -> Any:
    """Tuples to lists, enums to their values: something ``json.dumps`` takes as it is."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if hasattr(value, "value") and not isinstance(value, int | float | str):
        return value.value
    return value
