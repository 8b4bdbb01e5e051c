"""The public board's news and agreements in words, for the dashboard and the projector (the public JSON names
events, choices and actions by id; a browser has no scenario to look them up in).

Only what :func:`game.server.views.public_json` already holds: the same news and agreements, worded from it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from game.engine import Cause, News, NewsKind
from game.present.words import agreement_name, role_name, say
from game.table import Match


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
            return f"{who} answered {say(game, event.title)}: {label}"
        if news.kind is NewsKind.ACTION:
            return f"{who}: {say(game, scenario.action(news.id).label)}"
    except KeyError:
        pass
    if news.kind is NewsKind.AGREEMENT:
        return _agreement_news(match, news, who)
    if news.kind is NewsKind.ENDING:
        return "The game is over"
    if news.kind is NewsKind.FACILITATOR:
        return _teacher_text(match, news)
    return f"{news.kind}: {news.id}"


def _agreement_news(match: Match, news: News, who: str) -> str:
    """``Agreement 1 made between United States and Cambodia``, ``Cambodia broke agreement 1``."""
    name = agreement_name(news.id)
    if news.detail == "made":
        try:
            parties = " and ".join(role_name(match.game, r) for r in match.game.agreement(news.id).parties)
            return f"{name.capitalize()} made between {parties}"
        except KeyError:
            return f"{name.capitalize()} made"
    if news.detail == "broken":
        return f"{who or 'A party'} broke {name}"
    if news.detail == "implemented":  # the id names the agreement and its item
        origin = match.game.origin(Cause.AGREEMENT, news.id)
        try:
            label = say(match.game, match.game.item(origin.part).label) if origin.part else ""
        except KeyError:
            label = ""
        done = f"Carried out in full: {label}" if label else "A part carried out in full"
        return f"{done} ({agreement_name(origin.id)}" + (f", by {who})" if who else ")")
    return f"{name.capitalize()}: {news.detail}" + (f" ({who})" if who else "")


def _teacher_text(match: Match, news: News) -> str:
    """A facilitator's step in words: the event or indicator by its name, not its id."""
    game, scenario = match.game, match.scenario
    try:
        if news.id == "inject":
            return f"The teacher added the event {say(game, scenario.event(news.detail).title)} to the next news"
        if news.id == "adjust":
            return f"The teacher set {say(game, scenario.indicator(news.detail).label)} by hand"
    except KeyError:
        pass
    if news.id == "end":
        return "The teacher ended the game"
    return f"The teacher: {news.id}" + (f" ({news.detail})" if news.detail else "")


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
        parts.append(f"{label} (by {who}, {item.get('status', '')})")
    name = agreement_name(str(agreement.get("id", ""))).capitalize()
    return f"{name} (turn {agreement.get('turn')}): {'; '.join(parts)}"


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
