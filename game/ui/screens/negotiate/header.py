"""The header line of the negotiation table: with whom (or a counter-proposal to whom), the trust between the
sides and the date, as much as fits beside the Back button."""

from __future__ import annotations

import pygame

from game.i18n import tr
from game.ui.screens.ingame import BODY, HEADING, GameScreen
from game.ui.screens.negotiate.shared import Table
from game.ui.screens.wording import num
from game.ui.widgets import text as textlib


class TableHeader:
    """The title of ``table`` and, in whole parts only, the trust then the date."""

    def __init__(self, screen: GameScreen, table: Table) -> None:
        self.screen = screen
        self.table = table

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, text_width: int) -> None:
        """The title in ``rect`` (at most ``text_width`` wide, the rest is the Back button's), then the parts that
        fit."""
        screen, table, palette = self.screen, self.table, self.screen.palette
        big = screen.font(HEADING + 2, bold=True)
        y = rect.centery - big.get_linesize() // 2
        name = screen.match.role_name(table.other)
        title = (
            tr("Counter-proposal to {name}", name=name) if table.reply_to else tr("Negotiate with {name}", name=name)
        )
        drawn = textlib.draw(surface, title, (rect.left, y), font=big, colour=palette.text, max_width=text_width)
        small = screen.font(BODY)
        x, baseline = drawn.right, y + big.get_ascent() - small.get_ascent()
        for part in (
            tr("  ·  trust {num} of 100", num=num(table.seat.trust[table.other])),
            f"  ·  {screen.match.turn_label}",
        ):
            width = textlib.width_of(small, part)
            if x + width > rect.left + text_width:
                break  # whole parts only: the trust first, then the date
            x = textlib.draw(surface, part, (x, baseline), font=small, colour=palette.muted).right
