"""One item of the negotiation in full: who gives it, when, whether it can be offered now, its effects and worth."""

from __future__ import annotations

from game.engine import Item, implementation_effects
from game.i18n import tr
from game.present import indicator_label, source_credit, visible
from game.present import points as points_text
from game.ui.screens.ingame import BODY, SMALL, GameScreen
from game.ui.screens.negotiate.words import computer_counterpart, dates, item_worth, points_colour, who
from game.ui.screens.wording import change_words, timing_phrase
from game.ui.widgets import Document, news_colour


def add_item_detail(doc: Document, screen: GameScreen, item: Item, *, other: str, reason: str) -> None:
    """One item in full: who gives it, when, whether it can be offered now, its description, effects and worth."""
    palette, game = screen.palette, screen.game
    doc.heading(screen.say(item.label), colour=palette.text, size=BODY + 1, gap=2)
    turn = game.turn
    doc.para(
        tr(
            "Given by {who} · if agreed now, implemented over {dates}",
            who=who(screen, item.giver),
            dates=dates(screen, turn, turn + item.turns - 1),
        ),
        colour=palette.muted,
        size=SMALL,
        gap=4,
    )
    if reason:
        doc.para(tr("Not now: {reason}.", reason=reason), colour=palette.bad, size=SMALL + 1, bold=True, gap=6)
    else:
        doc.para(tr("Can be put on the table now."), colour=palette.good, size=SMALL + 1, bold=True, gap=6)
    doc.para(screen.say(item.description), colour=palette.text, size=BODY - 1, gap=6)
    if item.contested:
        doc.para(
            [(tr("Note on this rule: "), palette.focus, True), (screen.say(item.contested), palette.muted, False)],
            size=SMALL + 1,
            gap=6,
        )
    add_item_effects(doc, screen, item)
    add_item_worth(doc, screen, item, other)
    if item.sources:
        credits = "; ".join(source_credit(game.scenario.source(s)) for s in item.sources)
        doc.para(tr("Source: {credits}", credits=credits), colour=palette.muted, size=SMALL, gap=4)


def add_item_effects(doc: Document, screen: GameScreen, item: Item) -> None:
    """What implementing ``item`` does once agreed, change by change with its timing (nothing when it has no
    visible effect)."""
    palette, game, turn = screen.palette, screen.game, screen.game.turn
    forecast = game.forecast_effects(implementation_effects(item), item.id)
    if visible(game, forecast.items):
        doc.para(tr("ONCE AGREED"), colour=palette.muted, size=SMALL, bold=True, gap=3)
        for effect in visible(game, forecast.items):
            colour = news_colour(effect.delta, screen.good_for_me(effect.indicator), palette)
            doc.para(
                [
                    (f"{indicator_label(game, effect.indicator)} ", palette.text, False),
                    (change_words(effect), colour, True),
                    (f" {timing_phrase(effect, turn, game.scenario.turns)}", palette.muted, False),
                ],
                size=BODY - 1,
                indent=8,
                gap=2,
            )
        doc.space(4)


def add_item_worth(doc: Document, screen: GameScreen, item: Item, other: str) -> None:
    """What ``item`` is worth to ``other`` and to the player facing the computer; to the player only facing a
    person (a person's valuation is their own private business)."""
    palette = screen.palette
    mine, theirs = item_worth(screen, item, other)
    if computer_counterpart(screen, other):
        doc.para(
            [
                (tr("Worth to "), palette.muted, False),
                (screen.match.role_name(other), palette.muted, False),
                (": ", palette.muted, False),
                (points_text(theirs), points_colour(screen, theirs), True),
                (tr("  ·  to you: "), palette.muted, False),
                (points_text(mine), points_colour(screen, mine), True),
            ],
            size=SMALL + 1,
            gap=4,
        )
    else:
        doc.para(
            [(tr("Worth to you: "), palette.muted, False), (points_text(mine), points_colour(screen, mine), True)],
            size=SMALL + 1,
            gap=4,
        )
