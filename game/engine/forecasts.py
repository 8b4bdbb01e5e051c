"""Forecasts: what an action, an answer to an event, a list of effects or breaking an agreement is expected to do,
by the engine's own rules, on the current state (before dynamics and other players' moves). Asking never changes
the game."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from game.engine import negotiation
from game.engine.context import Context
from game.engine.scenario import Effect, Op
from game.engine.state import choice_key


@dataclass(frozen=True, slots=True)
class ForecastItem:
    """One expected change: ``delta`` on ``indicator``, ``delay`` turns from now, spread over ``duration`` turns."""

    indicator: str
    op: str
    amount: float
    delta: float
    delay: int
    duration: int

    @property
    def immediate(self) -> bool:
        """Whether (part of) it applies in the turn it is committed."""
        return self.delay == 0


@dataclass(frozen=True, slots=True)
class Forecast:
    """What an action or a choice is expected to do, before dynamics and other players' moves."""

    items: tuple[ForecastItem, ...]

    @property
    def immediate(self) -> tuple[ForecastItem, ...]:
        """The items that start this turn."""
        return tuple(i for i in self.items if i.delay == 0)

    @property
    def delayed(self) -> tuple[ForecastItem, ...]:
        """The items that start in a later turn."""
        return tuple(i for i in self.items if i.delay > 0)

    def totals(self) -> dict[str, float]:
        """Expected total change per indicator, all items together."""
        out: dict[str, float] = {}
        for item in self.items:
            out[item.indicator] = out.get(item.indicator, 0.0) + item.delta
        return out


@dataclass(frozen=True, slots=True)
class BreakForecast:
    """What breaking an agreement would do, by the engine's own rules (see :func:`forecast_break`).

    ``trust_before`` and ``trust_after`` are the pair's trust now and after the break, within its real range
    (``low`` to ``high``: the scenario's trust indicator's, or 0 to 100); ``effects`` are the scenario's break
    effects, applied at once after the trust falls; ``event`` is the event the break brings on next turn.
    """

    agreement: str
    role: str  # the role that would break it
    other: str  # the other party
    cancelled: tuple[str, ...]  # the items ``role`` would stop implementing
    indicator: str  # where the pair's trust is recorded
    trust_before: float
    trust_after: float
    low: float
    high: float
    effects: Forecast
    event: str | None
    #: The other party's items that would not be implemented either: all of them when the agreement was made this
    #: turn (it has not started, so breaking it voids it whole), else none (they go on).
    voided: tuple[str, ...] = ()

    @property
    def trust_change(self) -> float:
        """``trust_after - trust_before`` (never below the bottom of the range)."""
        return self.trust_after - self.trust_before


def forecast(ctx: Context, action_id: str) -> Forecast:
    """Expected immediate and delayed effects of an action, on the current state."""
    return forecast_effects(ctx, ctx.action(action_id).effects, action_id)


def forecast_choice(ctx: Context, event_id: str, choice_id: str) -> Forecast:
    """Expected effects of answering ``event_id`` with ``choice_id``."""
    event = ctx.event(event_id)
    return forecast_effects(ctx, ctx.choice(event, choice_id).effects, choice_key(event_id, choice_id))


def forecast_effects(ctx: Context, effects: Sequence[Effect], rule: str = "") -> Forecast:
    """Expected changes of a list of effects on the current state (no dynamics, no other players)."""
    return _forecast_on(ctx, effects, rule, ctx.state.values)


def forecast_break(ctx: Context, role: str, agreement_id: str) -> BreakForecast:
    """What ``role`` breaking ``agreement_id`` now would do: the items cancelled, the pair's trust before and
    after (clamped to its range, as :func:`negotiation.break_agreement` does), the break effects (on the values
    after the trust falls) and the event brought on; raises :class:`NegotiationError` if it may not break it now."""
    agreement = negotiation.breakable(ctx, role, agreement_id)
    rules = ctx.negotiation()
    first, second = agreement.parties
    other = second if first == role else first
    name, before, after = negotiation.trust_after(ctx, first, second, -rules.trust_broken)
    values = dict(ctx.state.values)
    values[name] = after
    low, high = ctx.rules.bounds[name]
    stopped = negotiation.stopped_by_break(ctx, role, agreement)
    return BreakForecast(
        agreement=agreement.id,
        role=role,
        other=other,
        cancelled=tuple(i.item for i in agreement.items if i.giver == role and i in stopped),
        indicator=name,
        trust_before=before,
        trust_after=after,
        low=low,
        high=high,
        effects=_forecast_on(ctx, rules.break_effects, agreement.id, values),
        event=rules.break_event,
        voided=tuple(i.item for i in agreement.items if i.giver != role and i in stopped),
    )


def _forecast_on(ctx: Context, effects: Sequence[Effect], rule: str, values: dict[str, float]) -> Forecast:
    """Expected changes of ``effects`` if the values were ``values``."""
    items = []
    for effect in effects:
        amount = ctx.eval(effect.value, rule, values)
        current = values[effect.indicator]
        if effect.op is Op.SET:
            target = amount
        elif effect.op is Op.ADD:
            target = current + amount
        else:
            target = current - amount
        if effect.delay == 0 and effect.duration == 1:
            low, high = ctx.bounds[effect.indicator]
            target = low if target < low else high if target > high else target
        items.append(
            ForecastItem(effect.indicator, effect.op.value, amount, target - current, effect.delay, effect.duration)
        )
    return Forecast(tuple(items))
