"""The public board's news and agreements in words, for the dashboard and the projector (the public JSON names
events, choices and actions by id; a browser has no scenario to look them up in).

Only what :func:`game.table.public.public_view` already shows: the same news and agreements, worded.
"""

from __future__ import annotations

from typing import Any

from game.engine import Agreement, News, NewsKind
from game.present.words import agreement_name, role_name, say
from game.table import Match
from game.table.public import PublicView


def news_text(match: Match, news: News) -> str:
    """One public news item in a sentence."""
    game = match.game
    scenario = match.scenario
    who = role_name(game, news.role) if news.role else ""
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
        return f"{agreement_name(news.id).capitalize()}: {news.detail}" + (f" ({who})" if who else "")
    if news.kind is NewsKind.ENDING:
        return "The game is over"
    if news.kind is NewsKind.FACILITATOR:
        return f"The teacher: {news.id}" + (f" ({news.detail})" if news.detail else "")
    return f"{news.kind}: {news.id}"


def agreement_text(match: Match, agreement: Agreement) -> str:
    """``Agreement 1 (turn 2): Label (by United States, implemented); ...``."""
    game = match.game
    parts = []
    for item in agreement.items:
        try:
            label = say(game, game.item(item.item).label)
        except KeyError:
            label = item.item
        parts.append(f"{label} (by {role_name(game, item.giver)}, {item.status})")
    return f"{agreement_name(agreement.id).capitalize()} (turn {agreement.turn}): {'; '.join(parts)}"


def board_words(match: Match, board: PublicView) -> dict[str, Any]:
    """The words of a public board: this turn's and last turn's news, and every agreement."""
    return {
        "news": [{"turn": n.turn, "kind": str(n.kind), "text": news_text(match, n)} for n in board.news],
        "agreements": [agreement_text(match, a) for a in board.agreements],
    }
