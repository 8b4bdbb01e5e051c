"""What a rule moves, said for someone reading about it before a game (a role card, a guide) rather than deciding
in a turn: ``Relations +3 (at once)``, ``Development +6 (spread over 3 turns, starting next turn)``.

Amounts are worked out by the engine's own forecast on the state at the start of a game (most amounts are plain
numbers; one that depends on the situation is marked ``about``)."""

from __future__ import annotations

from collections.abc import Sequence

from game.engine import Effect, ForecastItem, Game
from game.i18n import tr, tr_n
from game.present.words import indicator_label, num, signed


def lag(item: ForecastItem) -> str:
    """When a change comes, counted from the turn the rule applies: ``at once``, ``next turn``, ``after 2 turns``,
    ``spread over 3 turns``, ``spread over 3 turns, starting after 2 turns``."""
    if item.duration > 1:
        if item.delay == 0:
            return tr_n("spread over {n} turn", "spread over {n} turns", item.duration)
        if item.delay == 1:
            return tr_n(
                "spread over {n} turn, starting next turn", "spread over {n} turns, starting next turn", item.duration
            )
        return tr_n(
            "spread over {n} turn, starting after {later}",
            "spread over {n} turns, starting after {later}",
            item.duration,
            later=tr_n("{n} turn", "{n} turns", item.delay),
        )
    if item.delay == 0:
        return tr("at once")
    if item.delay == 1:
        return tr("next turn")
    return tr_n("after {n} turn", "after {n} turns", item.delay)


def step(item: ForecastItem) -> str:
    """The size of a change: ``+4``, ``-2``, ``set to 40`` (the amount of the rule, not clipped to the range)."""
    if item.op == "=":
        return tr("set to {value}", value=num(item.amount))
    return signed(item.amount if item.op == "+=" else -item.amount)


def effect_words(game: Game, effects: Sequence[Effect], rule: str = "") -> list[str]:
    """Each visible change a list of effects makes, in words: ``Relations +3 (at once)``; an amount that depends on
    the situation is ``about`` its value at the start of the game."""
    hidden = {i.id for i in game.scenario.indicators if i.hidden}
    items = game.forecast_effects(effects, rule).items
    out = []
    for effect, item in zip(effects, items, strict=True):
        if item.indicator in hidden:
            continue
        values = {"label": indicator_label(game, item.indicator), "change": step(item), "when": lag(item)}
        if effect.value.constant() is None:
            out.append(tr("{label} about {change} ({when})", **values))
        else:
            out.append(tr("{label} {change} ({when})", **values))
    return out
