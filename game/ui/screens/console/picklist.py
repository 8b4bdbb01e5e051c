"""A list the console's dialogs draw themselves and pick from with Up / Down, PgUp / PgDn, Home / End and clicks:
one line per row (a title, and a note in a muted or warning colour), the picked row highlighted, scrolled to stay
in view."""

from __future__ import annotations

import pygame

from game.ui.screens.base import Screen
from game.ui.screens.menu_common import blit_text, draw_panel

#: A row: its title, its note (``""``: none), and whether the note says why it cannot be picked.
Row = tuple[str, str, bool]

MOVES = {pygame.K_UP: -1, pygame.K_DOWN: 1, pygame.K_PAGEUP: -5, pygame.K_PAGEDOWN: 5}


class PickList:
    """The rows, which one is picked, and where the list was last drawn (for clicks)."""

    def __init__(self, screen: Screen) -> None:
        self.screen = screen
        self.picked = 0
        self.top = 0
        self.hits: list[tuple[pygame.Rect, int]] = []

    def key(self, key: int, count: int) -> bool:
        """Move the pick for ``key``; whether the key was one of the list's."""
        if key in MOVES:
            self.picked = max(0, min(count - 1, self.picked + MOVES[key]))
        elif key == pygame.K_HOME:
            self.picked = 0
        elif key == pygame.K_END:
            self.picked = max(0, count - 1)
        else:
            return False
        return True

    def click(self, pos: tuple[int, int]) -> bool:
        """Pick the row clicked; whether one was."""
        for rect, index in self.hits:
            if rect.collidepoint(pos):
                self.picked = index
                return True
        return False

    def row_height(self) -> int:
        """The height of one row (a title line and a note line)."""
        screen = self.screen
        return screen.font(15, bold=True).get_linesize() + screen.font(13).get_linesize() + screen.px(12)

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, rows: list[Row]) -> None:
        """The rows that fit in ``rect`` around the picked one."""
        screen, palette = self.screen, self.screen.palette
        draw_panel(surface, palette, rect, screen.px(8), alt=True)
        title_font, note_font = screen.font(15, bold=True), screen.font(13)
        pad = screen.px(8)
        row_h = self.row_height()
        fits = max(1, (rect.height - 2 * pad) // row_h)
        self.picked = max(0, min(self.picked, len(rows) - 1))
        self.top = max(0, min(self.top, self.picked, len(rows) - fits))
        if self.picked >= self.top + fits:
            self.top = self.picked - fits + 1
        self.hits = []
        y = rect.top + pad
        width = rect.width - 2 * pad - screen.px(8)
        for index in range(self.top, min(len(rows), self.top + fits)):
            title, note, refused = rows[index]
            row = pygame.Rect(rect.left + pad // 2, y, rect.width - pad - screen.px(8), row_h - screen.px(2))
            if index == self.picked:
                pygame.draw.rect(surface, palette.panel, row, border_radius=screen.px(6))
                pygame.draw.rect(surface, palette.accent, row, width=max(1, screen.px(2)), border_radius=screen.px(6))
            self.hits.append((row, index))
            blit_text(surface, title, title_font, palette.text, (row.left + pad, y + screen.px(4)), width=width)
            if note:
                blit_text(
                    surface,
                    note,
                    note_font,
                    palette.bad if refused else palette.muted,
                    (row.left + pad, y + screen.px(4) + title_font.get_linesize()),
                    width=width,
                )
            y += row_h
        screen_marks(screen, surface, rect, above=self.top > 0, below=self.top + fits < len(rows))


def screen_marks(screen: Screen, surface: pygame.Surface, rect: pygame.Rect, *, above: bool, below: bool) -> None:
    """Small triangles saying the list goes on above or below."""
    size, x = screen.px(5), rect.right - screen.px(10)
    colour = screen.palette.muted
    if above:
        y = rect.top + screen.px(4)
        pygame.draw.polygon(surface, colour, [(x - size, y + size), (x + size, y + size), (x, y)])
    if below:
        y = rect.bottom - screen.px(4)
        pygame.draw.polygon(surface, colour, [(x - size, y - size), (x + size, y - size), (x, y)])
