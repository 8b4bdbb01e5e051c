"""A turn: its news (events fire, some wait for their role's answer), the actions phase (commit, withdraw, what is
legal), and its resolution (committed effects together, the agreements made this turn, effects falling due, items
implemented and proposals lapsed, dynamics, every value clamped), then the end check."""

from __future__ import annotations

from typing import Literal, NamedTuple, overload

from game.engine import negotiation
from game.engine.context import Context
from game.engine.errors import N_, IllegalActionError, Why, WrongPhaseError
from game.engine.scenario import Action, Event, Op
from game.engine.state import (
    STAGES,
    Change,
    News,
    NewsKind,
    Outcome,
    PendingChoice,
    Phase,
    Stage,
    Termination,
)


class TurnReport(NamedTuple):
    """What one resolution did: the turn resolved, its changes, and the outcome if the game ended."""

    turn: int
    changes: tuple[Change, ...]
    outcome: Outcome | None


_ADD, _SUB = Op.ADD.value, Op.SUB.value
_new_change = tuple.__new__
# Enum members the hot paths use, bound once: a module global is read several times faster than a member.
_EVENT_NEWS, _CHOICE_NEWS, _ACTION_NEWS = NewsKind.EVENT, NewsKind.CHOICE, NewsKind.ACTION
_NEWS_PHASE, _ACTIONS_PHASE, _OVER_PHASE = Phase.NEWS, Phase.ACTIONS, Phase.OVER
# The numbers under which GameState.stage_starts records the stages.
_NEWS, _ACTIONS, _RESOLUTION = (STAGES.index(s) for s in (Stage.NEWS, Stage.ACTIONS, Stage.RESOLUTION))


def begin_turn(ctx: Context) -> None:
    """Start the turn: capital grows, queued and drawn events fire; the actions phase begins unless one waits
    for an answer."""
    state = ctx.state
    turn = state.turn
    state.stage_starts += (turn, _NEWS, len(state.history), len(state.news))
    ctx.globals["turn"] = turn
    state.previous = state.values.copy()
    capital = state.capital
    for role_id, gain, ceiling in ctx.rules.capital_rows:
        gained = capital[role_id] + gain
        capital[role_id] = gained if gained < ceiling else ceiling
    state.phase = _NEWS_PHASE
    if state.queued:
        queued, state.queued = state.queued, []
        for event_id in queued:
            _fire(ctx, ctx.events[event_id])
    for event in _events_to_fire(ctx):
        _fire(ctx, event)
    ctx.blocked = None
    if not state.pending:
        enter_actions(ctx)


def _events_to_fire(ctx: Context) -> list[Event]:
    state = ctx.state
    turn = state.turn
    rules = ctx.rules
    scripted = rules.scripted.get(turn)
    fired = [e for e in scripted if _allowed(ctx, e)] if scripted else []
    draws = ctx.scenario.events_per_turn
    if draws <= 0:
        return fired
    last_fired = state.event_fired
    failing = ctx.failing(rules.failing_events, rules.event_conditions)
    eligible = []
    weights = []
    for event, event_id, once, cooldown, weight in rules.events_in_window.get(turn, ()):
        if event_id in failing:
            continue
        previous = last_fired.get(event_id)
        if previous is not None and (once or turn - previous <= cooldown):
            continue
        eligible.append(event)
        weights.append(weight)
    rng = state.rng
    quiet = ctx.scenario.quiet_weight
    for _ in range(draws):
        if not eligible:
            break
        pick = rng.random() * (quiet + sum(weights))
        if pick < quiet:
            continue
        pick -= quiet
        for index, weight in enumerate(weights):
            pick -= weight
            if pick < 0:
                fired.append(eligible.pop(index))
                weights.pop(index)
                break
    return fired


def _allowed(ctx: Context, event: Event) -> bool:
    last = ctx.state.event_fired.get(event.id)
    if last is not None and (event.once or ctx.state.turn - last <= event.cooldown):
        return False
    return event.condition is None or ctx.check(event.condition, event.id)


def _fire(ctx: Context, event: Event) -> None:
    state = ctx.state
    state.event_fired[event.id] = state.turn
    state.news.append(_new_change(News, (state.turn, _EVENT_NEWS, event.id, event.role or "", "")))
    run = ctx.rules.event_runners[event.id]
    text = ctx.rules.event_texts[event.id]
    run(state.values, state.values, state.history, state.errors, state.turn, "", text, state.scheduled)
    if event.choices and event.role is not None:
        state.pending.append(_new_change(PendingChoice, (event.id, event.role)))


def commit(ctx: Context, role: str, action_id: str) -> None:
    """Commit an action for this turn and pay its cost; raises :class:`IllegalActionError` if not allowed."""
    state = ctx.state
    action = ctx.actions.get(action_id)
    # Fast path: an open action of this role (right phase, condition holds, not cooling down), affordable, new.
    if (
        action is None
        or state.phase is not _ACTIONS_PHASE
        or action.role != role
        or action_id in (ctx.blocked or ctx.unavailable())[1]
        or action.cost > state.capital[role]
        or action_id in state.committed[role]
    ):
        reason = why_not(ctx, role, action_id) or "not allowed now"
        raise IllegalActionError(
            Why(N_("{role} cannot take {action!r}: {reason}"), role=role, action=action_id, reason=reason)
        )
    state.capital[role] -= action.cost
    state.committed[role].append(action_id)


def withdraw(ctx: Context, role: str, action_id: str) -> None:
    """Take back a committed action and refund its cost."""
    ctx.role(role)
    if ctx.state.phase is not Phase.ACTIONS:
        raise WrongPhaseError(f"cannot withdraw in the {ctx.state.phase.value} phase")
    committed = ctx.state.committed[role]
    if action_id not in committed:
        raise IllegalActionError(f"{role} has not committed {action_id!r}")
    committed.remove(action_id)
    ctx.state.capital[role] += ctx.actions[action_id].cost


def choose(ctx: Context, role: str, event_id: str, choice_id: str) -> None:
    """Answer a pending event; the choice's effects apply at once."""
    rules = ctx.rules
    key = (event_id, choice_id)
    if key not in rules.choice_runners:
        ctx.choice(ctx.event(event_id), choice_id)  # raises UnknownIdError naming what is unknown
    state = ctx.state
    pending = _new_change(PendingChoice, (event_id, role))
    if pending not in state.pending:
        raise WrongPhaseError(f"no choice of {role!r} is pending for event {event_id!r}")
    state.pending.remove(pending)
    state.news.append(_new_change(News, (state.turn, _CHOICE_NEWS, event_id, role, choice_id)))
    run, text = rules.choice_runners[key], rules.choice_texts[key]
    run(state.values, state.values, state.history, state.errors, state.turn, role, text, state.scheduled)
    ctx.blocked = None
    if not state.pending and state.phase is _NEWS_PHASE:
        enter_actions(ctx)


def resolve_turn(ctx: Context) -> TurnReport:
    """Resolve the turn: committed actions together, then due effects, then dynamics; then the end check."""
    state = ctx.state
    if state.phase is not _ACTIONS_PHASE:
        if state.phase is _NEWS_PHASE:
            waiting = ", ".join(f"{p.role} on {p.event}" for p in state.pending)
            raise WrongPhaseError(f"choices are still pending: {waiting}")
        raise WrongPhaseError("the game is over")
    turn = state.turn
    start = len(state.history)
    snapshot = dict(state.values)
    rules = ctx.rules
    values, history, errors, scheduled = state.values, state.history, state.errors, state.scheduled
    last_used, news, runners, texts = state.last_used, state.news, rules.action_runners, rules.action_texts
    state.stage_starts += (turn, _RESOLUTION, start, len(news))
    for role_id, committed in state.committed.items():
        if not committed:
            continue
        for action_id in committed:
            last_used[action_id] = turn
            news.append(_new_change(News, (turn, _ACTION_NEWS, action_id, role_id, "")))
            runners[action_id](snapshot, values, history, errors, turn, role_id, texts[action_id], scheduled)
        state.committed[role_id] = []
    dealing = rules.negotiation is not None and (state.agreements or state.proposals)
    if dealing:
        negotiation.start_agreements(ctx, turn, snapshot)
    if turn in scheduled:
        _apply_due(ctx, turn)
    if dealing:
        negotiation.close_turn(ctx, turn)
    if rules.run_dynamics is not None:
        rules.run_dynamics(state.values, state.history, state.errors, turn, state.scheduled)
    else:
        _apply_dynamics(ctx, turn)
    _end_check(ctx)
    report = _new_change(TurnReport, (turn, tuple(history[start:]), state.outcome))
    if state.outcome is None:
        state.turn += 1
        begin_turn(ctx)
    return report


def why_not(ctx: Context, role: str, action_id: str) -> str:
    """Why ``role`` cannot commit ``action_id`` now, or ``""`` if it can."""
    action = ctx.action(action_id)
    state = ctx.state
    if action.role != ctx.role(role).id:
        return Why(N_("action {action!r} belongs to role {owner!r}, not {role!r}"), action=action_id, owner=action.role,
                   role=role)  # fmt: skip
    if state.phase is not Phase.ACTIONS:
        return Why(N_("actions can only be committed in the actions phase (now: {phase})"), phase=state.phase.value)
    if action_id in state.committed[role]:
        return Why(N_("already committed this turn"))
    last = state.last_used.get(action_id)
    if last is not None and state.turn - last <= action.cooldown:
        ready = last + action.cooldown + 1
        if ready > ctx.scenario.turns:
            return Why(N_("cooling down until after the game ends"))
        return Why(N_("cooling down until turn {turn}"), turn=ready)
    if action.cost > state.capital[role]:
        return Why(N_("costs {cost} capital, {left} left"), cost=action.cost, left=state.capital[role])
    if action.condition is not None and action_id in ctx.unavailable()[0]:
        return ctx.unmet(action.condition, action.condition_reason)
    return ""


def legal_actions(ctx: Context, role: str) -> list[Action]:
    """The actions ``role`` may commit now, in scenario order."""
    state = ctx.state
    if state.phase is not _ACTIONS_PHASE:
        return []
    capital = state.capital[role]
    committed = state.committed[role]
    unavailable = (ctx.blocked or ctx.unavailable())[1]
    return [
        action
        for action, action_id, cost, _ in ctx.rules.role_action_rows[role]
        if cost <= capital and action_id not in unavailable and action_id not in committed
    ]


def _apply_due(ctx: Context, turn: int) -> None:
    due = ctx.state.scheduled.pop(turn, None)
    if not due:
        return
    values, history, bounds, record = ctx.state.values, ctx.state.history, ctx.bounds, ctx.rules.record
    for _, indicator, op, amount, cause, cause_id, role, text, since in due:
        before = values[indicator]
        after = before + amount if op == _ADD else before - amount if op == _SUB else amount
        low, high = bounds[indicator]
        after = low if after < low else high if after > high else after
        if after != before:
            values[indicator] = after
            if record:  # the fast path keeps no history
                row = (turn, indicator, before, after, cause, cause_id, role, text, since)
                history.append(_new_change(Change, row))


def _apply_dynamics(ctx: Context, turn: int) -> None:
    """The generic (not generated) path: every dynamic in file order."""
    state = ctx.state
    for dynamic_id, condition, run, text in ctx.rules.dynamics:
        if condition is not None and not ctx.check(condition, dynamic_id):
            continue
        run(state.values, state.values, state.history, state.errors, turn, "", text, state.scheduled)


def _end_check(ctx: Context) -> None:
    found = ending_now(ctx, final=ctx.state.turn >= ctx.scenario.turns)
    if found is not None:
        finish(ctx, *found)


@overload
def ending_now(ctx: Context, *, final: Literal[True]) -> tuple[str, Termination]: ...
@overload
def ending_now(ctx: Context, *, final: bool) -> tuple[str, Termination] | None: ...
def ending_now(ctx: Context, *, final: bool) -> tuple[str, Termination] | None:
    """The ending the state reaches now: an early ending whose condition holds; else, when ``final``, the first
    final ending whose condition holds (``None`` when neither)."""
    rules = ctx.rules
    if rules.ending is not None:
        state = ctx.state
        return rules.ending(state.values, state.errors, state.turn, final)
    for ending in rules.early_endings:
        if ending.condition is not None and ctx.check(ending.condition, ending.id):
            return ending.id, Termination.EARLY
    if not final:
        return None
    for ending in ctx.rules.final_endings:
        if ending.condition is None or ctx.check(ending.condition, ending.id):
            return ending.id, Termination.FINAL
    # Unreachable for validated scenarios (the last ending has no condition); end anyway.
    return (ctx.rules.final_endings[-1].id if ctx.rules.final_endings else ""), Termination.FINAL


def finish(ctx: Context, ending_id: str, how: Termination) -> None:
    """End the game in ``ending_id``: every role's score, the outcome, the ending's news."""
    state = ctx.state
    scores = {r: ctx.score_on(r, state.values, record=True) for r in ctx.roles}
    state.outcome = Outcome(ending_id, state.turn, how, scores)
    state.phase = Phase.OVER
    state.pending = []
    state.news.append(News(state.turn, NewsKind.ENDING, ending_id, "", how.value))


def enter_actions(ctx: Context) -> None:
    """Start the actions phase. Action conditions are tested here, once, as part of the turn (so a failing
    one is recorded deterministically, never because somebody looked at the legal actions)."""
    state = ctx.state
    state.phase = _ACTIONS_PHASE
    state.stage_starts += (state.turn, _ACTIONS, len(state.history), len(state.news))
    ctx.blocked = ctx.compute_unavailable(state.errors)
