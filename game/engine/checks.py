"""Whether a restored state fits its scenario: every id, value, phase and pending item checked before a game uses it.

A save is JSON a person can edit, damage or carry to another version of the game. Reading it only proves the types;
the ids it names, the numbers it holds and the phase it is in must also fit the scenario, or the game would stop
with a ``KeyError`` at some later moment (in the middle of a lesson). :func:`state_problems` lists what does not fit,
in words a player can pass on; :meth:`Game.from_dict <game.engine.Game.from_dict>` refuses such a state.
"""

from __future__ import annotations

from collections.abc import Iterable
from math import isfinite

from game.engine.scenario import Scenario
from game.engine.state import GameState, Phase

#: How far a saved value may sit outside its indicator's range (rounding in older saves).
SLACK = 1e-6


def state_problems(scenario: Scenario, state: GameState) -> list[str]:
    """What in ``state`` does not fit ``scenario`` (empty when everything does)."""
    problems: list[str] = []
    problems += _identity(scenario, state)
    problems += _phase(scenario, state)
    problems += _values(scenario, state)
    problems += _choices(scenario, state)
    problems += _negotiation(scenario, state)
    return problems


def _unknown(kind: str, ids: Iterable[str], known: Iterable[str]) -> list[str]:
    """``the save names an indicator 'x' that the scenario does not have`` for each id not in ``known``."""
    allowed = set(known)
    return [
        f"it names {kind} {name!r} that the scenario does not have"
        for name in dict.fromkeys(ids)
        if name not in allowed
    ]


def _identity(scenario: Scenario, state: GameState) -> list[str]:
    problems = []
    if state.scenario_id != scenario.id:
        problems.append(f"it is a game of the scenario {state.scenario_id!r}, not {scenario.id!r}")
    if scenario.fingerprint and state.fingerprint and state.fingerprint != scenario.fingerprint:
        problems.append("it was made with another version of the scenario")
    if not 1 <= state.turn <= scenario.turns:
        problems.append(f"its turn {state.turn} is not one of the scenario's turns 1 to {scenario.turns}")
    return problems


def _phase(scenario: Scenario, state: GameState) -> list[str]:
    problems = []
    over = state.phase is Phase.OVER
    if over != (state.outcome is not None):
        problems.append("it is over without an ending" if over else "it has an ending but is not over")
    if state.phase is Phase.NEWS and not state.pending:
        problems.append("it waits for an answer to an event but names none")
    if state.phase is not Phase.NEWS and state.pending:
        problems.append(f"it holds events to answer in the {state.phase.value} phase")
    if state.outcome is not None:
        problems += _unknown("an ending", [state.outcome.ending], (e.id for e in scenario.endings))
        problems += _unknown("a role", state.outcome.scores, (r.id for r in scenario.roles))
        if not all(isfinite(score) for score in state.outcome.scores.values()):
            problems.append("a final score is not a number")
    return problems


def _values(scenario: Scenario, state: GameState) -> list[str]:
    indicators = {i.id: i for i in scenario.indicators}
    problems = _unknown("an indicator", [*state.values, *state.previous], indicators)
    missing = [name for name in indicators if name not in state.values]
    if missing:
        problems.append(f"it has no value for {', '.join(repr(m) for m in missing[:3])}")
    for name, value in state.values.items():
        indicator = indicators.get(name)
        if not isfinite(value):
            problems.append(f"the value of {name!r} is not a number")
        elif indicator is not None and not indicator.min - SLACK <= value <= indicator.max + SLACK:
            problems.append(
                f"the value of {name!r} ({value:g}) is outside its range {indicator.min:g} to {indicator.max:g}"
            )
    if not all(isfinite(v) for v in state.previous.values()):
        problems.append("a value of the turn before is not a number")
    problems += _unknown("an indicator", (c.indicator for c in state.history), indicators)
    problems += _unknown("an indicator", (s.indicator for due in state.scheduled.values() for s in due), indicators)
    if not all(isfinite(s.amount) for due in state.scheduled.values() for s in due):
        problems.append("an effect waiting for a later turn is not a number")
    return problems


def _choices(scenario: Scenario, state: GameState) -> list[str]:
    roles = {r.id: r for r in scenario.roles}
    actions = {a.id: a for a in scenario.actions}
    events = {e.id: e for e in scenario.events}
    problems = _unknown("a role", [*state.capital, *state.committed], roles)
    for role, capital in state.capital.items():
        if role in roles and not 0 <= capital <= max(roles[role].capital, roles[role].capital_max):
            problems.append(f"the capital of {role!r} ({capital}) is more than it can hold")
    for role, committed in state.committed.items():
        problems += _unknown("an action", committed, actions)
        problems += [f"{role!r} has committed {a!r}, an action of another role" for a in committed
                     if a in actions and actions[a].role != role]  # fmt: skip
    problems += _unknown("an action", state.last_used, actions)
    problems += _unknown("an event", [*state.event_fired, *state.queued], events)
    problems += _unknown("an event", (p.event for p in state.pending), events)
    problems += _unknown("a role", (p.role for p in state.pending), roles)
    problems += [f"it waits for a choice in {p.event!r}, which has none" for p in state.pending
                 if p.event in events and not events[p.event].choices]  # fmt: skip
    return problems


def _negotiation(scenario: Scenario, state: GameState) -> list[str]:
    if not state.proposals and not state.agreements:
        return []
    if scenario.negotiation is None:
        return ["it holds proposals, but the scenario has no negotiation"]
    items = [i.id for i in scenario.negotiation.items]
    roles = [r.id for r in scenario.roles]
    problems = []
    for proposal in state.proposals:
        problems += _unknown("a role", [proposal.sender, proposal.receiver], roles)
        problems += _unknown("a negotiation item", [*proposal.give, *proposal.ask], items)
    for agreement in state.agreements:
        problems += _unknown("a role", agreement.parties, roles)
        problems += _unknown("a negotiation item", (i.item for i in agreement.items), items)
    return problems
