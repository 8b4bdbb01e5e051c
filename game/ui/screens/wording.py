"""What the in-game screens say: pure functions from a game to words and numbers (no pygame).

Numbers are written as the terminal front end writes them (:mod:`game.text.views`), so both front ends agree.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from game.engine import Cause, Change, Event, ForecastItem, Game, News, NewsKind, localize
from game.i18n import N_, SOURCE_LANGUAGE, language, tr
from game.present import cause_text, num, plural, say, signed, timing
from game.present import possessive as english_possessive
from game.table import IndicatorView

__all__ = [
    "CauseGroup",
    "NewsEntry",
    "biggest_changes",
    "group_causes",
    "news_entries",
    "num",
    "plural",
    "signed",
    "timing_phrase",
    "turn_values",
    "values_after",
    "yours",
    "yours_words",
]


def yours(shown: IndicatorView) -> str:
    """Which way is good news for the seat looking at an indicator (``high``, ``low`` or ``neutral``), from its own
    score, for colouring gauges and forecasts."""
    return shown.yours if shown.yours in ("high", "low") else "neutral"


def yours_words(direction: str) -> str:
    """What a seat's own score wants of an indicator now (:attr:`game.table.IndicatorView.yours`) in words."""
    return {
        "high": tr("higher is better for you"),
        "low": tr("lower is better for you"),
        "here": tr("best for you about where it is"),
    }.get(direction, tr("does not count in your score now"))


# --------------------------------------------------------------------- forecasts
def timing_phrase(item: ForecastItem, turn: int, last: int | None = None) -> str:
    """When a forecast item applies, said for a player deciding in ``turn`` of a game whose last turn is ``last``
    (:func:`game.present.timing`, the terminal's words too): ``now``, ``in turn 5``, ``after the game ends``..."""
    return timing(item, turn, last)


def change_words(item: ForecastItem) -> str:
    """``+4`` or ``set to 40``."""
    return tr("set to {num}", num=num(item.amount)) if item.op == "=" else signed(item.delta)


# --------------------------------------------------------------------- values over time
def values_after(game: Game, count: int) -> dict[str, float]:
    """Every value after the first ``count`` changes of the history (0 = the initial values), by the engine."""
    return game.values_after(count)


def turn_values(game: Game) -> dict[str, list[float]]:
    """Each indicator's value per turn (the engine's :meth:`~game.engine.Game.values_by_turn`): index 0 is the start,
    index ``t`` the end of turn ``t``; the last entry is the current value (for a running game: the current turn so
    far). The trust between roles is charted elsewhere."""
    return game.values_by_turn([i.id for i in game.scenario.shown_indicators])


def biggest_changes(changes: Iterable[Change], count: int) -> list[Change]:
    """The ``count`` single changes that moved an indicator most, biggest first (ties: earliest first)."""
    return sorted(changes, key=lambda c: -abs(c.delta))[:count]


def possessive(name: str) -> str:
    """A name as the owner in ``tr("{possessive} decisions", possessive=...)``: ``Cambodia's`` in English, the bare
    name in any other language (whose translation puts its own word for "of" around the placeholder)."""
    return english_possessive(name) if language() == SOURCE_LANGUAGE else name


# --------------------------------------------------------------------- causes
#: The causes that are a role's decision.
_DECISIONS = (Cause.ACTION, Cause.CHOICE)
#: How the other causes are named in a few words.
_CAUSE_WORDS = {Cause.EVENT: N_("event"), Cause.DYNAMIC: N_("trend"), Cause.FACILITATOR: N_("facilitator")}


@dataclass(frozen=True)
class CauseGroup:
    """Changes of one kind of cause (``title``), split by the single cause (text) that made them."""

    title: str
    kind: str  # yours | theirs | event | dynamic | other
    causes: tuple[tuple[str, tuple[Change, ...]], ...]


def group_causes(game: Game, changes: Sequence[Change], humans: Sequence[str]) -> list[CauseGroup]:
    """Group a turn's changes by cause: the other sides' decisions, yours, events, then the currents (dynamics).

    Inside a group each cause (an action, a choice, an event, a dynamic rule) lists its changes in order.
    """
    groups: dict[tuple[int, int, str], dict[str, list[Change]]] = {}
    titles: dict[tuple[int, int, str], tuple[str, str]] = {}
    role_order = {r.id: i for i, r in enumerate(game.scenario.roles)}
    for change in changes:
        key: tuple[int, int, str]
        if change.cause in _DECISIONS and change.role:
            mine = change.role in humans
            order = role_order.get(change.role, 0)
            if mine and len(humans) == 1:
                key, title, kind = (1, order, "you"), tr("Your decisions"), "yours"
            else:
                name = localize(game.scenario.role(change.role).name, game.lang)
                key, title, kind = (
                    (1 if mine else 0, order, change.role),
                    tr("{possessive} decisions", possessive=possessive(name)),
                    ("yours" if mine else "theirs"),
                )
        elif change.cause == Cause.EVENT:
            key, title, kind = (2, 0, "event"), tr("Events"), "event"
        elif change.cause == Cause.DYNAMIC:
            key, title, kind = (3, 0, "dynamic"), tr("Currents (trends that run by themselves)"), "dynamic"
        else:
            key, title, kind = (
                (4, 0, change.cause),
                tr(_CAUSE_WORDS.get(change.cause, change.cause)).capitalize(),
                "other",
            )
        titles[key] = (title, kind)
        groups.setdefault(key, {}).setdefault(cause_text(game, change), []).append(change)
    out = []
    for key in sorted(groups):
        title, kind = titles[key]
        out.append(CauseGroup(title, kind, tuple((text, tuple(items)) for text, items in groups[key].items())))
    return out


def cause_owner(game: Game, change: Change, humans: Sequence[str]) -> str:
    """Who or what caused a change, in a few words: ``your action``, ``Cambodia's action``, ``event``, ``trend``."""
    if change.cause in _DECISIONS and change.role:
        action = change.cause == Cause.ACTION
        if change.role in humans and len(humans) == 1:
            return tr("your action") if action else tr("your decision")
        name = localize(game.scenario.role(change.role).name, game.lang)
        if action:
            return tr("{possessive} action", possessive=possessive(name))
        return tr("{possessive} decision", possessive=possessive(name))
    return tr(_CAUSE_WORDS.get(change.cause, change.cause))


# --------------------------------------------------------------------- news
@dataclass(frozen=True)
class NewsEntry:
    """One line of the news feed: a heading (event title, action label), optional text and who did it.

    On an event that asks a side for a choice, ``decider`` is the id of the role deciding and ``decision`` the label
    of its choice once made (``""`` while it waits). ``source`` is the id of the event or action.
    """

    turn: int
    kind: NewsKind  # EVENT, CHOICE or ACTION
    title: str
    text: str
    role: str
    decider: str = ""
    decision: str = ""
    source: str = ""


def news_entries(
    game: Game,
    news: Sequence[News],
    turn: int,
    *,
    roles: Iterable[str] | None = None,
    kinds: Iterable[NewsKind] = (NewsKind.EVENT, NewsKind.CHOICE, NewsKind.ACTION),
) -> list[NewsEntry]:
    """The news of ``turn`` (events fired, choices made, actions taken) among ``news`` (what a seat may see), for
    ``roles`` if given."""
    wanted_roles = set(roles) if roles is not None else None
    wanted = set(kinds)
    answered = {n.id: n.detail for n in news if n.kind is NewsKind.CHOICE and n.turn == turn}
    out = []
    for item in news:
        if item.turn != turn or item.kind not in wanted:
            continue
        if wanted_roles is not None and item.kind is not NewsKind.EVENT and item.role not in wanted_roles:
            continue
        if item.kind is NewsKind.EVENT:
            event = game.scenario.event(item.id)
            decider = event.role if event.choices and event.role else ""
            decision = _choice_label(game, event, answered[event.id]) if decider and event.id in answered else ""
            out.append(
                NewsEntry(
                    turn,
                    NewsKind.EVENT,
                    say(game, event.title),
                    say(game, event.text),
                    item.role,
                    decider=decider,
                    decision=decision,
                    source=event.id,
                )
            )
        elif item.kind is NewsKind.CHOICE:
            event = game.scenario.event(item.id)
            out.append(
                NewsEntry(
                    turn,
                    NewsKind.CHOICE,
                    _choice_label(game, event, item.detail),
                    say(game, event.title),
                    item.role,
                    source=event.id,
                )
            )
        elif item.kind is NewsKind.ACTION:
            action = game.scenario.action(item.id)
            out.append(
                NewsEntry(
                    turn,
                    NewsKind.ACTION,
                    say(game, action.label),
                    say(game, action.description),
                    item.role,
                    source=action.id,
                )
            )
    return out


def _choice_label(game: Game, event: Event, choice_id: str) -> str:
    """The label of one of ``event``'s choices (its id if the event has no such choice)."""
    return next((say(game, c.label) for c in event.choices if c.id == choice_id), choice_id)
