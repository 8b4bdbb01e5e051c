"""One item list of the negotiation table (what you give, or what you ask): a check box, the label and what
implementing it does for each item; the items that cannot be offered now greyed with the reason."""

from __future__ import annotations

import pygame

from game.i18n import tr
from game.ui.screens.ingame import BODY, SMALL, GameScreen
from game.ui.screens.negotiate.shared import Entry, Table, first_visible, list_area, row_height
from game.ui.screens.negotiate.words import effects_parts
from game.ui.widgets import mix
from game.ui.widgets import text as textlib


class ItemList:
    """The list of one ``side`` (``give`` or ``ask``) of the proposal being built on ``table``, drawn by
    ``screen``'s helpers; each row drawn is recorded in ``table.hits`` for clicks and hover."""

    def __init__(self, screen: GameScreen, table: Table, side: str) -> None:
        self.screen = screen
        self.table = table
        self.side = side

    def title(self) -> str:
        """``You give`` or ``You ask of Cambodia``."""
        return (
            tr("You give")
            if self.side == "give"
            else tr("You ask of {role_name}", role_name=self.screen.match.role_name(self.table.other))
        )

    def draw(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """The panel, its title with how many items are picked and open, and the rows that fit around the cursor."""
        screen, table, side = self.screen, self.table, self.side
        focused = table.zone == side
        screen.panel(surface, rect, focused=focused)
        pad = table.pad
        entries = table.entries[side]
        picked = sum(1 for e in entries if e.item.id in table.chosen)
        open_count = sum(1 for e in entries if not e.reason)
        screen.panel_title(
            surface,
            pygame.Rect(rect.left + pad, rect.top + pad, rect.width - 2 * pad, 40),
            self.title(),
            note=tr("{picked} picked · {open_count} open", picked=picked, open_count=open_count),
        )
        area = list_area(screen, pad, rect)
        row_h = row_height(screen, pad)
        visible = max(1, area.height // row_h)
        first = first_visible(table.cursor[side], table.first_row[side], visible, len(entries))
        table.first_row[side] = first
        if not entries:
            textlib.draw_wrapped(
                surface,
                tr("No items of this side in the scenario."),
                area,
                font=screen.font(BODY),
                colour=screen.palette.muted,
            )
        for row, entry in enumerate(entries[first : first + visible]):
            box = pygame.Rect(area.left, area.top + row * row_h, area.width, row_h - screen.px(2))
            self._draw_row(surface, box, first + row, entry)
            table.hits.append((box, side, first + row))
        screen.more_marks(surface, area, first > 0, first + visible < len(entries))

    def _draw_row(self, surface: pygame.Surface, box: pygame.Rect, index: int, entry: Entry) -> None:
        """One item: its background, its check box, its label and one line of effects (or why not now)."""
        screen, palette = self.screen, self.screen.palette
        chosen = entry.item.id in self.table.chosen
        self._draw_background(surface, box, index, chosen)
        open_ = not entry.reason
        check = pygame.Rect(box.left + screen.px(6), box.top + screen.px(6), screen.px(22), screen.px(22))
        if chosen:
            pygame.draw.rect(surface, palette.accent, check, border_radius=screen.px(4))
            screen.check_mark(surface, check.inflate(-screen.px(6), -screen.px(6)), palette.background)
        else:
            pygame.draw.rect(
                surface,
                palette.accent if open_ else palette.border,
                check,
                width=max(1, screen.px(1)),
                border_radius=screen.px(4),
            )
        text_x = check.right + screen.px(8)
        width = box.right - text_x - screen.px(6)
        label_font, small = screen.font(BODY), screen.font(SMALL)
        textlib.draw(
            surface,
            screen.say(entry.item.label),
            (text_x, box.top + screen.px(3)),
            font=screen.font(BODY, bold=True) if chosen else label_font,
            colour=palette.text if open_ else palette.muted,
            max_width=width,
        )
        if open_:  # shortened by whole changes to fit: the details show them all
            head, parts = effects_parts(screen, entry.item)
            line = textlib.fit_parts(small, parts, width, head=head) if parts else entry.summary
            colour = palette.muted
        else:
            line, colour = tr("Not now: {reason}", reason=entry.reason), mix(palette.muted, palette.bad, 0.45)
        textlib.draw(
            surface,
            line,
            (text_x, box.top + screen.px(3) + label_font.get_linesize()),
            font=small,
            colour=colour,
            max_width=width,
        )

    def _draw_background(self, surface: pygame.Surface, box: pygame.Rect, index: int, chosen: bool) -> None:
        """A picked item tinted; the cursor's row highlighted (framed while the list has the keyboard); the row
        under the mouse lightly shaded."""
        screen, table, side, palette = self.screen, self.table, self.side, self.screen.palette
        focused = table.zone == side
        radius = screen.px(5)
        if chosen:
            pygame.draw.rect(surface, mix(palette.panel, palette.accent, 0.18), box, border_radius=radius)
        if index == table.cursor[side] and (focused or table.layout != "wide" or table.last_list == side):
            if not chosen:
                pygame.draw.rect(surface, palette.panel_alt, box, border_radius=radius)
            if focused:
                pygame.draw.rect(surface, palette.focus, box, width=max(1, screen.px(2)), border_radius=radius)
        elif table.hover == (side, index):
            pygame.draw.rect(surface, mix(palette.panel, palette.panel_alt, 0.6), box, border_radius=radius)
