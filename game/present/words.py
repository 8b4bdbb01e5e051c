"""Numbers, names and labels as people read them, the same in every front end."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, TypeVar

from game.engine import Action, Game, ItemStatus, NewsDetail, NewsKind, Source, Text, localize
from game.table.view import menu_order


class _OnIndicator(Protocol):
    @property
    def indicator(self) -> str: ...


_On = TypeVar("_On", bound=_OnIndicator)


def visible(game: Game, items: Iterable[_On]) -> list[_On]:
    """The forecast items or changes of ``items`` that players may see: those of hidden indicators (the flags a
    story keeps for its conditions) left out."""
    hidden = {i.id for i in game.scenario.indicators if i.hidden}
    return [item for item in items if item.indicator not in hidden] if hidden else list(items)


def num(value: float) -> str:
    """A value for people: one decimal at most, ``57`` rather than ``57.0``, never ``-0``."""
    text = f"{round(value, 1) + 0.0:.1f}"  # adding 0.0 turns -0.0 into 0.0
    return text[:-2] if text.endswith(".0") else text


def signed(value: float) -> str:
    """A change for people: ``+4``, ``-2.5``, ``+0``."""
    text = num(value)
    return text if text.startswith("-") else f"+{text}"


def plural(count: int, word: str) -> str:
    """``1 turn``, ``2 turns``."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def say(game: Game, text: Text) -> str:
    """A scenario text in the game's language."""
    return localize(text, game.lang)


def role_name(game: Game, role_id: str) -> str:
    """The display name of a role."""
    return say(game, game.scenario.role(role_id).name)


def indicator_label(game: Game, indicator_id: str) -> str:
    """The display label of an indicator."""
    return say(game, game.scenario.indicator(indicator_id).label)


def date_of(game: Game, turn: int) -> str:
    """The calendar date of a turn, e.g. ``Apr 2023``."""
    return game.scenario.calendar.label(turn)


def source_credit(source: Source) -> str:
    """A short credit: ``Title (Publisher, 2023)``."""
    detail = ", ".join(part for part in (source.publisher, source.date) if part)
    return f"{source.title} ({detail})" if detail else source.title


def menu_actions(game: Game, role_id: str) -> list[Action]:
    """Every action of a role, grouped by strategy family in scenario order: the menus' numbering."""
    return menu_order(game.scenario, role_id)


def family_label(game: Game, family_id: str) -> str:
    """The display label of a strategy family (its id if the scenario has none)."""
    try:
        return say(game, game.scenario.family(family_id).label)
    except KeyError:
        return family_id


def per_point(value: float) -> str:
    """A score weight: two decimals at most (``+0.15``, ``-0.2``, ``+1``), as score formulas are written."""
    text = f"{round(value, 2) + 0.0:+.2f}".rstrip("0").rstrip(".")
    return "+0" if text in ("+0", "-0") else text


#: How an answer to a proposal is told among a role's decisions.
ANSWERED = {"accepted": "accepted", "refused": "refused", "countered": "answered with a counter-proposal"}


def decisions(game: Game, role_id: str, turn: int) -> list[str]:
    """What ``role_id`` decided in ``turn``, in order: its event answers, the proposals it sent and answered, the
    agreements it broke, and the actions it took."""
    out = []
    proposals = {p.id: p for p in game.state.proposals}
    for news in game.state.news:
        if news.turn != turn or news.role != role_id:
            continue
        if news.kind == NewsKind.ACTION:
            out.append(say(game, game.scenario.action(news.id).label))
        elif news.kind == NewsKind.CHOICE:
            event = game.scenario.event(news.id)
            answer = next((say(game, c.label) for c in event.choices if c.id == news.detail), news.detail)
            out.append(f"answered '{say(game, event.title)}' with '{answer}'")
        elif news.kind == NewsKind.PROPOSAL and news.id in proposals:
            proposal = proposals[news.id]
            if news.detail == NewsDetail.SENT and proposal.reply_to is None:
                out.append(f"proposed a deal to {role_name(game, proposal.receiver)} ({proposal.id})")
            elif news.detail in ANSWERED:
                out.append(f"{ANSWERED[news.detail]} proposal {proposal.id} from {role_name(game, proposal.sender)}")
        elif news.kind == NewsKind.AGREEMENT and news.detail == ItemStatus.BROKEN:
            out.append(f"broke agreement {news.id}")
    return out
