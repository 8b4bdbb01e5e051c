"""Documents of an agreement: the agreement with each item's schedule, and what breaking one costs."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.engine import Agreement, AgreementItem, BreakForecast, ItemStatus
from game.i18n import tr
from game.i18n.formats import turn_date
from game.present import agreement_name, indicator_label, visible
from game.ui.screens.ingame import BODY, SMALL, GameScreen
from game.ui.screens.negotiate.words import Colour, agreement_status, dates, item_status, who
from game.ui.screens.wording import change_words, num
from game.ui.theme import Palette
from game.ui.widgets import Document, news_colour
from game.ui.widgets.schedule import timeline

Drawer = Callable[[pygame.Surface, pygame.Rect], None]


def add_agreement(doc: Document, screen: GameScreen, agreement: Agreement) -> None:
    """An agreement: with whom, when, its status, then each item with its giver, schedule, status and a bar."""
    palette, game = screen.palette, screen.game
    first_party, second_party = agreement.parties
    other = second_party if first_party == screen.role else first_party
    doc.heading(
        tr(
            "{agreement} with {name}",
            agreement=agreement_name(agreement.id).capitalize(),
            name=screen.match.role_name(other),
        ),
        colour=palette.text,
        size=BODY + 1,
        gap=2,
    )
    status, colour = agreement_status(screen, agreement)
    doc.para(
        [
            (
                tr(
                    "Made in turn {turn} ({label}) · ",
                    turn=agreement.turn,
                    label=turn_date(game.scenario.calendar, agreement.turn),
                ),
                palette.muted,
                False,
            ),
            (status, colour, True),
        ],
        size=SMALL + 1,
        gap=8,
    )
    first = min(p.start for p in agreement.items)
    last = max(p.end for p in agreement.items)
    for part in agreement.items:
        words, part_colour = item_status(screen, part)
        doc.para(
            [
                (screen.say(game.item(part.item).label), palette.text, True),
                (" · " + tr("by {who}", who=who(screen, part.giver)), palette.muted, False),
            ],
            size=BODY - 1,
            gap=1,
        )
        when = dates(screen, part.start, part.end)
        doc.para(
            [(when[:1].upper() + when[1:] + " · ", palette.muted, False), (words, part_colour, True)], size=SMALL, gap=2
        )
        doc.custom(10, _timeline_drawer(screen, first, last, part, part_colour), gap=8)


def _timeline_drawer(screen: GameScreen, first: int, last: int, part: AgreementItem, colour: Colour) -> Drawer:
    def draw(surface: pygame.Surface, rect: pygame.Rect) -> None:
        width = min(rect.width, screen.px(26) * (last - first + 1))
        timeline(
            surface,
            pygame.Rect(rect.left, rect.top, width, rect.height),
            first=first,
            last=last,
            start=part.start,
            end=part.end,
            now=screen.game.turn,
            colour=colour,
            palette=screen.palette,
            hatched=part.status is ItemStatus.BROKEN,
        )

    return draw


def add_break_cost(doc: Document, screen: GameScreen, agreement: Agreement) -> None:
    """What breaking ``agreement`` costs the player, as the engine forecasts it
    (:meth:`~game.engine.Game.forecast_break`): the items cancelled, trust before and after, the relations cost and
    the event it brings on."""
    palette, game = screen.palette, screen.game
    cost = game.forecast_break(screen.role, agreement.id)
    name = screen.match.role_name(cost.other)
    cancelled = [screen.say(game.item(item).label) for item in cost.cancelled]
    doc.para(tr("YOU STOP IMPLEMENTING"), colour=palette.muted, size=SMALL, bold=True, gap=3)
    for label in cancelled:
        doc.para(label, colour=palette.text, size=BODY - 1, bold=True, indent=8, gap=2)
    if cost.voided:
        doc.space(4)
        doc.para(
            tr("MADE THIS TURN, IT HAS NOT STARTED: {name}'S PART IS VOID TOO", name=name.upper()),
            colour=palette.muted,
            size=SMALL,
            bold=True,
            gap=3,
        )
        for item in cost.voided:
            doc.para(screen.say(game.item(item).label), colour=palette.text, size=BODY - 1, bold=True, indent=8, gap=2)
    doc.space(6)
    doc.para(tr("THE COST"), colour=palette.muted, size=SMALL, bold=True, gap=3)
    _trust_cost(doc, palette, name, cost)
    if visible(game, cost.effects.items):
        runs: list[tuple[str, Colour, bool]] = [(tr("At once: "), palette.text, False)]
        for index, effect in enumerate(visible(game, cost.effects.items)):
            colour = news_colour(effect.delta, screen.good_for_me(effect.indicator), palette)
            runs += [
                (("; " if index else "") + indicator_label(game, effect.indicator) + " ", palette.text, False),
                (change_words(effect), colour, True),
            ]
        doc.para(runs, size=BODY - 1, indent=8, gap=3)
    if cost.event:
        event = game.scenario.event(cost.event)
        doc.para(
            tr("Next turn it brings on: {say}.", say=screen.say(event.title)),
            colour=palette.text,
            size=BODY - 1,
            indent=8,
            gap=3,
        )
    doc.space(4)
    doc.para(
        tr("What {name} still owes you stays on its schedule unless {name} breaks it too.", name=name),
        colour=palette.muted,
        size=SMALL + 1,
        gap=4,
    )


def _trust_cost(doc: Document, palette: Palette, name: str, cost: BreakForecast) -> None:
    """How far trust with ``name`` falls if the agreement is broken: from what, to what, out of how much."""
    fall = tr("falls by {num}", num=num(-cost.trust_change)) if cost.trust_change else tr("stays where it is")
    doc.para(
        [
            (tr("Trust between you and {name} ", name=name), palette.text, False),
            (fall, palette.bad, True),
            (
                tr(
                    ": {num} to {num2} (of {num3}).",
                    num=num(cost.trust_before),
                    num2=num(cost.trust_after),
                    num3=num(cost.high),
                ),
                palette.text,
                False,
            ),
        ],
        size=BODY - 1,
        indent=8,
        gap=3,
    )
