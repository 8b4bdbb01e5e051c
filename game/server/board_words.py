"""The public board's news and agreements in words, for the dashboard and the projector (the public JSON names
events, choices and actions by id; a browser has no scenario to look them up in).

Only what :func:`game.server.views.public_json` already holds: the same news and agreements, worded from it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from game.engine import Cause, News, NewsKind
from game.i18n import N_, tr
from game.present.words import agreement_name, role_name, say
from game.table import Match

#: An agreement item's status in words.
ITEM_STATUS = {"pending": N_("pending"), "implemented": N_("implemented"), "broken": N_("broken")}


def news_text(match: Match, news: News) -> str:
    """One public news item in a sentence."""
    game = match.game
    scenario = match.scenario
    who = _who(match, news.role)
    try:
        if news.kind is NewsKind.EVENT:
            return say(game, scenario.event(news.id).title)
        if news.kind is NewsKind.CHOICE:
            event = scenario.event(news.id)
            label = next((say(game, c.label) for c in event.choices if c.id == news.detail), news.detail)
            return tr("{side} answered {event}: {choice}", side=who, event=say(game, event.title), choice=label)
        if news.kind is NewsKind.ACTION:
            return tr("{side}: {action}", side=who, action=say(game, scenario.action(news.id).label))
    except KeyError:
        pass
    if news.kind is NewsKind.AGREEMENT:
        return _agreement_news(match, news, who)
    if news.kind is NewsKind.ENDING:
        return tr("The game is over")
    if news.kind is NewsKind.FACILITATOR:
        return _teacher_text(match, news)
    return f"{news.kind}: {news.id}"


def _agreement_news(match: Match, news: News, who: str) -> str:
    """``Agreement 1 made between United States and Cambodia``, ``Cambodia broke agreement 1``."""
    name = agreement_name(news.id)
    if news.detail == "made":
        try:
            first, second = (role_name(match.game, r) for r in match.game.agreement(news.id).parties)
            return tr("{agreement} made between {first} and {second}", agreement=name.capitalize(), first=first,
                      second=second)  # fmt: skip
        except (KeyError, ValueError):
            return tr("{agreement} made", agreement=name.capitalize())
    if news.detail == "broken":
        return (
            tr("{side} broke {agreement}", side=who, agreement=name)
            if who
            else tr("A party broke {agreement}", agreement=name)
        )
    if news.detail == "implemented":  # the id names the agreement and its item
        origin = match.game.origin(Cause.AGREEMENT, news.id)
        try:
            label = say(match.game, match.game.item(origin.part).label) if origin.part else ""
        except KeyError:
            label = ""
        of = agreement_name(origin.id)
        if label:
            if who:
                return tr("Carried out in full: {item} ({agreement}, by {side})", item=label, agreement=of, side=who)
            return tr("Carried out in full: {item} ({agreement})", item=label, agreement=of)
        if who:
            return tr("A part carried out in full ({agreement}, by {side})", agreement=of, side=who)
        return tr("A part carried out in full ({agreement})", agreement=of)
    return f"{name.capitalize()}: {news.detail}" + (f" ({who})" if who else "")


def _teacher_text(match: Match, news: News) -> str:
    """A facilitator's step in words: the event or indicator by its name, not its id."""
    game, scenario = match.game, match.scenario
    try:
        if news.id == "inject":
            return tr(
                "The teacher added the event {event} to the next news",
                event=say(game, scenario.event(news.detail).title),
            )
        if news.id == "adjust":
            return tr("The teacher set {indicator} by hand", indicator=say(game, scenario.indicator(news.detail).label))
    except KeyError:
        pass
    if news.id == "end":
        return tr("The teacher ended the game")
    return tr("The teacher: {step}", step=news.id + (f" ({news.detail})" if news.detail else ""))


def agreement_text(match: Match, agreement: Mapping[str, Any]) -> str:
    """``Agreement 1 (turn 2): Label (by United States, implemented); ...`` from an agreement of the public JSON."""
    game = match.game
    parts = []
    for item in agreement.get("items", ()):
        try:
            label = say(game, game.item(str(item["item"])).label)
        except KeyError:
            label = str(item.get("item", ""))
        giver = str(item.get("giver", ""))
        who = _who(match, giver) or giver
        status = str(item.get("status", ""))
        status = tr(ITEM_STATUS[status]) if status in ITEM_STATUS else status
        parts.append(tr("{item} (by {side}, {status})", item=label, side=who, status=status))
    name = agreement_name(str(agreement.get("id", ""))).capitalize()
    return tr("{agreement} (turn {turn}): {items}", agreement=name, turn=agreement.get("turn"), items="; ".join(parts))


def _who(match: Match, role: str) -> str:
    """A role's name ("" for none or an unknown one)."""
    return role_name(match.game, role) if any(r.id == role for r in match.scenario.roles) else ""


def board_words(match: Match, public: Mapping[str, Any]) -> dict[str, Any]:
    """The words of a public board (``public``: :func:`game.server.views.public_json`): its news and agreements."""
    news = [News(int(n["turn"]), NewsKind(n["kind"]), str(n["id"]), str(n["role"]), str(n["detail"]))
            for n in public["news"]]  # fmt: skip
    return {
        "news": [{"turn": n.turn, "kind": str(n.kind), "text": news_text(match, n)} for n in news],
        "agreements": [agreement_text(match, a) for a in public["agreements"]],
    }
