"""What the whole room may see: :func:`public_view` gives the :class:`PublicView` of a match, for a projector.

It holds only what every seat's view shares (see :mod:`game.table.view`): the indicators with their values per turn,
the news of the game that concerns no seat in private (never a proposal being negotiated), the agreements, the turn
and date, whose part of the turn it is and whether the teacher paused the game. Never a seat's objectives, score,
forecasts, capital or proposals; the objectives of every side only once the teacher reveals them
(``match.teacher.revealed``) or the game is over.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.engine import Agreement, News, NewsKind, localize
from game.table.match import DecisionKind, Match
from game.table.view import RoleView, view


@dataclass(frozen=True, slots=True)
class PublicIndicator:
    """One indicator as the room sees it: the value, its range, the scenario's public direction and ``series``, the
    value at the start, at the end of each turn played and now (last)."""

    id: str
    label: str
    value: float
    low: float
    high: float
    good: str
    series: tuple[float, ...]


@dataclass(frozen=True, slots=True)
class Moment:
    """Whose part of the turn it is: ``role`` (its name in ``name``) and what it does (``kind``)."""

    role: str
    name: str
    kind: DecisionKind


@dataclass(frozen=True, slots=True)
class PublicView:
    """Everything the room may see of a match now."""

    title: str
    turn: int
    turns: int
    date: str
    indicators: tuple[PublicIndicator, ...]
    roles: tuple[RoleView, ...]
    news: tuple[News, ...]
    agreements: tuple[Agreement, ...]
    moment: Moment | None
    paused: bool
    over: bool
    #: Each role's objectives (by role id) when the teacher revealed them or the game is over; empty otherwise.
    objectives: dict[str, str]


def public_view(match: Match) -> PublicView:
    """What everybody in the room may see of ``match`` now (built from a seat's view, keeping its public parts)."""
    scenario = match.scenario
    game = match.game
    seat = view(match, scenario.roles[0].id)
    decision = match.decision()
    moment = None if decision is None else Moment(decision.role, match.role_name(decision.role), decision.kind)
    shown = match.teacher.revealed or game.outcome is not None
    return PublicView(
        title=localize(scenario.title, game.lang),
        turn=seat.turn,
        turns=seat.turns,
        date=seat.date,
        indicators=tuple(
            PublicIndicator(i.id, i.label, i.value, i.low, i.high, i.good, i.series) for i in seat.indicators
        ),
        roles=seat.roles,
        news=tuple(n for n in seat.news if n.kind is not NewsKind.PROPOSAL),
        agreements=seat.agreements,
        moment=moment,
        paused=match.teacher.paused,
        over=game.outcome is not None,
        objectives={r.id: localize(r.objectives, game.lang) for r in scenario.roles} if shown else {},
    )
