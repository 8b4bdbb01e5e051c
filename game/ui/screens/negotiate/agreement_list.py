"""The list of the player's agreements on the negotiation table: each with its counterpart, its status, its number
of items and its dates."""

from __future__ import annotations

import pygame

from game.engine import Agreement
from game.i18n import tr, tr_n
from game.present import agreement_name
from game.ui.screens.ingame import BODY, SMALL, GameScreen
from game.ui.screens.negotiate.agreement_panel import AgreementPanel
from game.ui.screens.negotiate.shared import Table, list_area, row_height
from game.ui.screens.negotiate.words import agreement_status, dates
from game.ui.widgets import mix
from game.ui.widgets import text as textlib


class AgreementList:
    """The agreements of ``table`` as rows around the agreements cursor (the selected one shown in full by
    ``panel``); each row drawn is recorded in ``table.hits`` for clicks and hover."""

    def __init__(self, screen: GameScreen, table: Table, panel: AgreementPanel) -> None:
        self.screen = screen
        self.table = table
        self.panel = panel

    def select(self, index: int) -> bool:
        """Put the cursor on agreement ``index`` (clamped), the agreement panel back at its top when the agreement
        changes; whether there is any agreement to select."""
        count = len(self.table.agreements())
        if not count:
            return False
        index = max(0, min(count - 1, index))
        if index != self.table.agreement_index:
            self.panel.scroll.offset = 0
        self.table.agreement_index = index
        return True

    def draw(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """The panel, its title with how many agreements are in force, and the rows that fit around the cursor."""
        screen, table = self.screen, self.table
        screen.panel(surface, rect, focused=table.zone == "agreements")
        pad = table.pad
        agreements = table.agreements()
        screen.panel_title(
            surface,
            pygame.Rect(rect.left + pad, rect.top + pad, rect.width - 2 * pad, 40),
            tr("Agreements"),
            note=tr("{count} in force", count=sum(1 for a in agreements if a.open and not a.broken)),
        )
        area = list_area(screen, pad, rect)
        row_h = row_height(screen, pad)
        visible = max(1, area.height // row_h)
        first = max(0, min(table.agreement_index - visible + 1, len(agreements) - visible))
        first = max(0, min(first, table.agreement_index))
        if not agreements:
            textlib.draw_wrapped(
                surface,
                tr("No agreements yet. Press P to build a proposal."),
                area,
                font=screen.font(BODY),
                colour=screen.palette.muted,
            )
        for row, agreement in enumerate(agreements[first : first + visible]):
            box = pygame.Rect(area.left, area.top + row * row_h, area.width, row_h - screen.px(2))
            self._draw_row(surface, box, first + row, agreement)
            table.hits.append((box, "agreement", first + row))
        screen.more_marks(surface, area, first > 0, first + visible < len(agreements))

    def _draw_row(self, surface: pygame.Surface, box: pygame.Rect, index: int, agreement: Agreement) -> None:
        """One agreement: highlighted under the cursor, its name, counterpart and status, then its items and dates."""
        screen, table, palette = self.screen, self.table, self.screen.palette
        if index == table.agreement_index:
            pygame.draw.rect(surface, palette.panel_alt, box, border_radius=screen.px(5))
            if table.zone == "agreements":
                pygame.draw.rect(surface, palette.focus, box, width=max(1, screen.px(2)), border_radius=screen.px(5))
        elif table.hover == ("agreement", index):
            pygame.draw.rect(surface, mix(palette.panel, palette.panel_alt, 0.6), box, border_radius=screen.px(5))
        label_font = screen.font(BODY, bold=True)
        first_party, second_party = agreement.parties
        other = second_party if first_party == screen.role else first_party
        status, colour = agreement_status(screen, agreement)
        x = box.left + screen.px(8)
        width = box.width - screen.px(16)
        heading = f"{agreement_name(agreement.id).capitalize()} · {screen.match.role_name(other)} · "
        drawn = textlib.draw(
            surface, heading, (x, box.top + screen.px(3)), font=label_font, colour=palette.text, max_width=width
        )
        textlib.draw(
            surface,
            status,
            (drawn.right, box.top + screen.px(3)),
            font=label_font,
            colour=colour,
            max_width=max(0, box.right - screen.px(8) - drawn.right),
        )
        start = min(p.start for p in agreement.items)
        end = max(p.end for p in agreement.items)
        textlib.draw(
            surface,
            tr_n("{n} item", "{n} items", len(agreement.items)) + " · " + dates(screen, start, end),
            (x, box.top + screen.px(3) + label_font.get_linesize()),
            font=screen.font(SMALL),
            colour=palette.muted,
            max_width=width,
        )
