"""What one seat may see: :func:`view` gives a seat's :class:`SeatView`.

A view holds the public state (indicators, news, agreements, the history of changes, every role's public brief),
the seat's own brief, private objectives and score, the proposals it sent or received, its own pending choices and
its own "how it weighs for you" panels. Never another seat's objectives, score formula, score, pending choices or
weigh panels, until the game is over (the end reveals every side's objectives and score).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from game.ai.negotiation import Evaluation, evaluate_for
from game.engine import (
    Action,
    Agreement,
    Change,
    Forecast,
    Game,
    News,
    NewsKind,
    Proposal,
    ProposalStatus,
    Scenario,
    Stage,
    localize,
)
from game.i18n import tr_reason
from game.i18n.formats import turn_date
from game.table.match import Decision, Match


@dataclass(frozen=True, slots=True)
class IndicatorView:
    """One indicator as the seat sees it: its value, range and values per turn (public), and what a move means for
    this seat's own score.

    ``series`` holds the value at the start (index 0), at the end of each turn played, and now (last). ``before`` is
    the value the seat compares with (what it saw last turn, or the values the front end passed to :func:`view`).
    ``good`` is the scenario's public direction (``high``, ``low`` or ``neutral``); ``yours`` is how the seat's own
    score answers a move from the current value: ``high`` (a rise helps it), ``low`` (a fall helps it), ``here``
    (either move hurts it: it is best where it is) or ``none`` (neither counts). ``gain`` is how much the move since
    ``before`` alone changed the seat's score: positive is better for this seat, whatever the public direction.
    """

    id: str
    label: str
    value: float
    low: float
    high: float
    series: tuple[float, ...] = ()
    before: float = 0.0
    good: str = "neutral"
    yours: str = "none"
    gain: float = 0.0


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
    trust: dict[str, float]
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


def view(match: Match, role: str, *, since: Mapping[str, float] | None = None) -> SeatView:
    """What the seat of ``role`` may see now; indicators compare with ``since`` (by default: the values the seat saw
    on its board last turn, see :func:`baseline_values`)."""
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
        date=turn_date(scenario.calendar, game.turn),
        phase=game.phase.value,
        indicators=_indicators(match, role, baseline_values(match) if since is None else since),
        roles=tuple(
            RoleView(r.id, localize(r.name, lang), localize(r.brief, lang), match.seats[r.id].describe())
            for r in scenario.roles
        ),
        news=news,
        history=tuple(game.history),
        agreements=tuple(game.agreements()),
        trust={r.id: game.trust(role, r.id) for r in scenario.roles if r.id != role} if scenario.negotiation else {},
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


#: The step by which an indicator is nudged to see which way the seat's score answers.
_NUDGE = 1.0


def _indicators(match: Match, role: str, since: Mapping[str, float]) -> tuple[IndicatorView, ...]:
    game = match.game
    values = dict(game.state.values)
    shown = match.scenario.shown_indicators
    series = game.values_by_turn([i.id for i in shown])
    score = game.score_of(role, values)
    out = []
    for ind in shown:
        value = values[ind.id]
        before = since.get(ind.id, value)
        was = game.score_of(role, {**values, ind.id: before})
        out.append(IndicatorView(
            ind.id, localize(ind.label, game.lang), value, float(ind.min), float(ind.max),
            series=tuple(series[ind.id]), before=before, good=ind.good,
            yours=_yours(game, role, values, score, ind.id), gain=score - was,
        ))  # fmt: skip
    return tuple(out)


def directions(match: Match, role: str) -> dict[str, str]:
    """Which way is good news for ``role``'s own score on each indicator now: ``high``, ``low`` or ``neutral`` (best
    where it is, or not counted), for colouring forecasts and gauges (see :attr:`IndicatorView.yours`)."""
    game = match.game
    values = dict(game.state.values)
    score = game.score_of(role, values)
    out = {}
    for ind in match.scenario.shown_indicators:
        found = _yours(game, role, values, score, ind.id)
        out[ind.id] = found if found in ("high", "low") else "neutral"
    return out


def _yours(game: Game, role: str, values: dict[str, float], score: float, indicator: str) -> str:
    """``high``, ``low``, ``here`` or ``none``: what nudging ``indicator`` up and down from ``values`` does to
    ``role``'s ``score`` there."""
    value = values[indicator]
    up = game.score_of(role, {**values, indicator: value + _NUDGE}) - score
    down = game.score_of(role, {**values, indicator: value - _NUDGE}) - score
    tiny = 1e-9
    if up > tiny and down <= tiny:
        return "high"
    if down > tiny and up <= tiny:
        return "low"
    if up < -tiny and down < -tiny:
        return "here"
    if up > tiny and down > tiny:  # a trough: either way helps; the steeper side decides
        return "high" if up >= down else "low"
    return "none"


def score_gain(
    match: Match, role: str, indicator: str, before: float, after: float, values: Mapping[str, float] | None = None
) -> float | None:
    """How much moving ``indicator`` from ``before`` to ``after`` alone changes ``role``'s own score, the other
    indicators as in ``values`` (by default: now); ``None`` for a value that is not an indicator (a pair's trust)."""
    game = match.game
    base = dict(game.state.values if values is None else values)
    if indicator not in base:
        return None
    return game.score_of(role, {**base, indicator: after}) - game.score_of(role, {**base, indicator: before})


def baseline_values(match: Match) -> dict[str, float]:
    """The values a person saw on the board last turn (before it resolved), to show what changed since.

    On turn 1 these are the initial values. Otherwise: the values when last turn's resolution began (where the engine
    recorded it; for a turn played before it did, the start of last turn's report, else the end of the turn before).
    """
    game = match.game
    turn = game.turn
    if turn <= 1:
        return game.values_after(0)
    start = game.stage_start(turn - 1, Stage.RESOLUTION)
    if start is not None:
        return game.values_after(start.history)
    report = next((r for r in reversed(match.reports) if r.turn == turn - 1), None)
    before_now = sum(1 for c in game.history if c.turn < turn)
    if report is not None and len(report.changes) <= before_now:
        return game.values_after(before_now - len(report.changes))
    return game.values_at(turn - 2)


def menu_order(scenario: Scenario, role: str) -> list[Action]:
    """A role's actions grouped by strategy family in scenario order (the order menus number them)."""
    order = {family.id: index for index, family in enumerate(scenario.families)}
    return sorted(scenario.actions_for(role), key=lambda a: order.get(a.family, len(order)))


def _action(match: Match, role: str, action: Action) -> ActionView:
    game = match.game
    if action.id in game.committed(role):
        status = "committed"
    else:
        reason = game.why_not(role, action.id)  # the engine's reason, said in the active language
        status = tr_reason(reason) if reason else "available"
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
