"""The panel of setting rows: each setting's name, shortcut and explanation on the left, its choices as buttons on
the right (or under it on narrow windows); the rows that do not fit scroll."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pygame

from game.ui import theme
from game.ui.screens.menu_common import (
    BUTTON_SIZE,
    MenuScreen,
    blit_lines,
    blit_text,
    draw_panel,
    draw_scroll_marks,
    wrap,
)
from game.ui.screens.settings_screen.choices import Row

#: Makes the command of one choice: (row, option) and the settings it changes.
ChooserFactory = Callable[[tuple[int, int], dict[str, Any]], Callable[[], None]]


def fit_rows(heights: list[int], gap: int, available: int, first_row: int, focus_row: int) -> range:
    """The rows that fit, starting at ``first_row`` and moved so that the focused row is among them."""
    count = len(heights)

    def fitting_from(first: int) -> int:
        used, stop = 0, first
        while stop < count and used + heights[stop] + (gap if stop > first else 0) <= available:
            used += heights[stop] + (gap if stop > first else 0)
            stop += 1
        return max(stop, first + 1)

    first = max(0, min(first_row, count - 1))
    if focus_row >= 0 and focus_row < first:
        first = focus_row
    while focus_row >= 0 and focus_row >= fitting_from(first):
        first += 1
    while first > 0 and fitting_from(first - 1) >= fitting_from(first) and fitting_from(first - 1) == count:
        first -= 1  # a larger window shows the rows above again
    return range(first, fitting_from(first))


@dataclass
class RowSizes:
    """How the rows are measured: the label column, whether choices sit beside it, and each row's height."""

    label_w: int
    side_by_side: bool
    widths: dict[str, int]  # setting name -> width of its explanation
    lines: dict[str, int]  # setting name -> lines of its explanation shown
    heights: list[int]
    row_gap: int


class SettingRows:
    """The rows of settings in their panel: it places their choice buttons and draws their names and explanations."""

    def __init__(self, screen: MenuScreen) -> None:
        self.screen = screen
        self.layout: list[tuple[Row, pygame.Rect, bool]] = []  # row, label area, show the palette swatches
        self.current_marks: list[pygame.Rect] = []
        self.panel = pygame.Rect(0, 0, 0, 0)
        self.visible_rows: range = range(0)
        self.button_h = 0

    # ----------------------------------------------------------------- sizes
    def options_width(self, row: Row) -> int:
        """The width of a row's choice buttons side by side."""
        button_font = theme.font(self.screen.px(BUTTON_SIZE))
        pad, gap = self.screen.px(28), self.screen.px(8)
        return sum(button_font.size(text)[0] + pad for text, _ in row.options) + gap * (len(row.options) - 1)

    def row_height(self, lines: int, side_by_side: bool) -> int:
        """The height of a row whose explanation shows ``lines`` lines."""
        screen = self.screen
        label_h = screen.font(17, bold=True).get_linesize() + lines * screen.font(14).get_linesize()
        if side_by_side:
            return max(label_h, self.button_h)
        return label_h + screen.px(6) + self.button_h

    def measure(self, rows: list[Row], inner: pygame.Rect, available: int, compact: bool) -> RowSizes:
        """Size the rows; too tall: tighten the gaps, shorten the explanations to one line, drop them."""
        px = self.screen.px
        text_font = self.screen.font(14)
        widest_options = max(self.options_width(row) for row in rows)
        label_w = min(max(px(220), inner.width - widest_options - px(24)), px(420))
        side_by_side = label_w + px(24) + widest_options <= inner.width

        def desc_width(row: Row) -> int:
            if not side_by_side:
                return inner.width
            return max(label_w, min(px(560), inner.width - self.options_width(row) - px(32)))

        widths = {row.name: desc_width(row) for row in rows}
        lines = {row.name: len(wrap(row.description, text_font, widths[row.name])) for row in rows}
        row_gap = px(18)
        for attempt in range(3):
            total = sum(self.row_height(lines[row.name], side_by_side) for row in rows) + row_gap * (len(rows) - 1)
            if total <= available:
                break
            if attempt == 0:
                row_gap = px(10)
            elif attempt == 1:
                lines = {name: min(1, count) for name, count in lines.items()}
                if compact:
                    lines = dict.fromkeys(lines, 0)
            else:
                lines = dict.fromkeys(lines, 0)
        heights = [self.row_height(lines[row.name], side_by_side) for row in rows]
        return RowSizes(label_w, side_by_side, widths, lines, heights, row_gap)

    # ----------------------------------------------------------------- widgets
    def build(
        self,
        rows: list[Row],
        content: pygame.Rect,
        panel_top: int,
        available: int,
        *,
        compact: bool,
        first_row: int,
        focus_row: int,
        choose: ChooserFactory,
        widget_keys: dict[tuple[int, int], int],
    ) -> None:
        """Fit the rows into ``available`` height from ``panel_top`` and make the choice buttons of those shown."""
        screen = self.screen
        self.button_h = theme.font(screen.px(BUTTON_SIZE)).get_linesize() + screen.px(12)
        inner = content.inflate(-2 * screen.px(16), 0)
        sizes = self.measure(rows, inner, available, compact)
        heights, row_gap = sizes.heights, sizes.row_gap
        self.visible_rows = fit_rows(heights, row_gap, available, first_row, focus_row)
        shown = sum(heights[i] for i in self.visible_rows) + row_gap * max(0, len(self.visible_rows) - 1)
        self.panel = pygame.Rect(content.left, panel_top, content.width, shown + 2 * screen.px(12))
        y = self.panel.top + screen.px(12)
        self.layout = []
        self.current_marks = []
        for row_index in self.visible_rows:
            self._build_row(rows[row_index], row_index, inner, y, heights[row_index], sizes, choose, widget_keys)
            y += heights[row_index] + row_gap

    def _build_row(
        self,
        row: Row,
        row_index: int,
        inner: pygame.Rect,
        y: int,
        row_h: int,
        sizes: RowSizes,
        choose: ChooserFactory,
        widget_keys: dict[tuple[int, int], int],
    ) -> None:
        """One row: its label area and its choice buttons (the current one marked)."""
        screen = self.screen
        button_font = theme.font(screen.px(BUTTON_SIZE))
        button_h, pad, gap = self.button_h, screen.px(28), screen.px(8)
        label_h = screen.font(17, bold=True).get_linesize() + sizes.lines[row.name] * screen.font(14).get_linesize()
        if sizes.side_by_side:
            label = pygame.Rect(inner.left, y + (row_h - label_h) // 2, sizes.widths[row.name], label_h)
            x = inner.right - self.options_width(row)
            button_y = y + (row_h - button_h) // 2
        else:
            label = pygame.Rect(inner.left, y, inner.width, label_h)
            x = inner.left
            button_y = y + label_h + screen.px(6)
        for index, (text, changes) in enumerate(row.options):
            button_w = button_font.size(text)[0] + pad
            button_rect = pygame.Rect(x, button_y, button_w, button_h)
            widget_keys[(row_index, index)] = len(screen.focusables)
            screen.button(
                button_rect,
                text,
                choose((row_index, index), changes),
                object_id="#primary" if index == row.current else None,
            )
            if index == row.current:
                self.current_marks.append(button_rect)
            x += button_w + gap
        self.layout.append((row, label, row.key == "palette"))

    # ----------------------------------------------------------------- drawing
    def draw(self, surface: pygame.Surface) -> None:
        """The panel, and each shown setting's name, shortcut, palette swatches and explanation."""
        screen = self.screen
        palette = screen.palette
        px = screen.px
        draw_panel(surface, palette, self.panel, px(8))
        name_font, text_font = screen.font(17, bold=True), screen.font(14)
        for row, label, swatches in self.layout:
            title = blit_text(surface, row.name, name_font, palette.text, label.topleft, width=label.width)
            hint = f"[{row.key_hint}]"
            if title.right + px(10) + text_font.size(hint)[0] <= label.right:
                blit_text(
                    surface, hint, text_font, palette.muted, (title.right + px(10), title.centery), anchor="midleft"
                )
                left = title.right + px(22) + text_font.size(hint)[0]
                if swatches and left + 3 * px(18) <= label.right:
                    for index, colour in enumerate((palette.good, palette.bad, palette.accent)):
                        box = pygame.Rect(left + index * px(18), title.centery - px(7), px(14), px(14))
                        pygame.draw.rect(surface, colour, box, border_radius=px(3))
            description = pygame.Rect(label.left, title.bottom, label.width, label.bottom - title.bottom)
            if description.height >= text_font.get_linesize():
                blit_lines(surface, row.description, text_font, palette.muted, description)

    def draw_scroll_marks(self, surface: pygame.Surface, *, above: bool, below: bool) -> None:
        """Tabs on the panel's edges when rows are scrolled out of view."""
        draw_scroll_marks(self.screen, surface, self.panel, above=above, below=below)

    def draw_marks(self, surface: pygame.Surface) -> None:
        """A bar under each current choice, so the choice shows even when the focus is elsewhere."""
        px = self.screen.px
        for rect in self.current_marks:
            bar = pygame.Rect(rect.left + px(10), rect.bottom + px(2), rect.width - px(20), max(2, px(3)))
            pygame.draw.rect(surface, self.screen.palette.accent, bar, border_radius=max(1, px(1)))
