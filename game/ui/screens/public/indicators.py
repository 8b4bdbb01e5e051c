"""The indicators on the public board: one tile each, in a grid, with the value large, the move over the last turn
and a small trend line, in pages when they do not all fit.

A move is drawn in a neutral colour: the room shares one screen, and whether a move is good news depends on each
side's private objectives (see docs/architecture.md, "The table").
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.i18n import tr
from game.table.public import PublicIndicator
from game.ui.screens.ingame import GameScreen
from game.ui.screens.wording import num, signed
from game.ui.widgets import gauge, mix, sparkline
from game.ui.widgets import text as textlib

#: Design font sizes: an indicator's name, its value and its move.
LABEL, VALUE, MOVE, NOTE = 20, 32, 20, 16
#: The narrowest tile, in design pixels (a compact tile holds its name and its numbers on one line).
TILE_WIDTH, COMPACT_WIDTH = 225, 330


@dataclass(frozen=True)
class Grid:
    """How the tiles sit in their area: ``columns`` by ``rows`` tiles of ``tile`` size per page."""

    columns: int
    rows: int
    tile: tuple[int, int]
    gap: int

    @property
    def per_page(self) -> int:
        """How many tiles one page shows."""
        return self.columns * self.rows


class IndicatorTiles:
    """The indicator tiles of the public board, and which page of them shows (``page``)."""

    def __init__(self, screen: GameScreen) -> None:
        self.screen = screen
        self.page = 0
        self.pages = 1
        #: Low windows: one line a tile (the name left, the value right, no trend line).
        self.compact = False

    def tile_height(self) -> int:
        """A tile's height: the name, then the value line (one line when compact), with padding."""
        screen = self.screen
        value = screen.font(VALUE, bold=True).get_linesize()
        if self.compact:
            return value + screen.px(12)
        return screen.font(LABEL).get_linesize() + value + screen.px(14)

    def grid(self, area: pygame.Rect, count: int) -> Grid:
        """As many columns as fit at :data:`TILE_WIDTH` (no more than needed), as many rows as fit."""
        gap = self.screen.px(10)
        narrowest = self.screen.px(COMPACT_WIDTH if self.compact else TILE_WIDTH)
        columns = max(1, min(count, (area.width + gap) // (narrowest + gap)))
        height = self.tile_height()
        rows = max(1, (area.height + gap) // (height + gap))
        if rows * columns < count:  # pages: leave room for the line that says so
            rows = max(1, (area.height - self.note_height() + gap) // (height + gap))
        rows = min(rows, -(-count // columns))
        width = (area.width - gap * (columns - 1)) // columns
        return Grid(columns, rows, (width, height), gap)

    def note_height(self) -> int:
        """The height of the line under paged tiles."""
        return self.screen.font(NOTE).get_linesize() + self.screen.px(4)

    def turn_page(self, step: int) -> bool:
        """Show the next (or previous) page of tiles, round the end; returns whether there is more than one."""
        if self.pages <= 1:
            return False
        self.page = (self.page + step) % self.pages
        return True

    def draw(self, surface: pygame.Surface, area: pygame.Rect, indicators: tuple[PublicIndicator, ...]) -> None:
        """The tiles of the current page filling ``area`` from the top, and ``2 / 3`` under them when paged."""
        screen = self.screen
        grid = self.grid(area, len(indicators))
        self.pages = max(1, -(-len(indicators) // grid.per_page))
        self.page = min(self.page, self.pages - 1)
        first = self.page * grid.per_page
        width, height = grid.tile
        for index, indicator in enumerate(indicators[first : first + grid.per_page]):
            row, column = divmod(index, grid.columns)
            x = area.left + column * (width + grid.gap)
            y = area.top + row * (height + grid.gap)
            self.draw_tile(surface, pygame.Rect(x, y, width, height), indicator)
        if self.pages > 1:
            note = tr("Indicators {value} / {pages} · PgDn for more", value=self.page + 1, pages=self.pages)
            font = screen.font(NOTE)
            textlib.draw(
                surface,
                note,
                (area.right, area.bottom - font.get_linesize()),
                font=font,
                colour=screen.palette.muted,
                align="right",
            )

    def draw_tile(self, surface: pygame.Surface, box: pygame.Rect, indicator: PublicIndicator) -> None:
        """One tile: the name on top, the value large under it with its move, the trend line on the right (when
        compact: the name left, the value and its move right)."""
        screen, palette, px = self.screen, self.screen.palette, self.screen.px
        screen.panel(surface, box)
        inner = box.inflate(-px(16), -px(10))
        label_font, value_font = screen.font(LABEL), screen.font(VALUE, bold=True)
        if self.compact:
            right = self.draw_numbers(surface, (inner.right, inner.top), indicator, align="right")
            label_y = inner.top + value_font.get_ascent() - label_font.get_ascent()
            textlib.draw(surface, indicator.label, (inner.left, label_y), font=label_font, colour=palette.text,
                         max_width=right.left - inner.left - px(10))  # fmt: skip
        else:
            textlib.draw(surface, indicator.label, inner.topleft, font=label_font, colour=palette.text,
                         max_width=inner.width)  # fmt: skip
            y = inner.top + label_font.get_linesize()
            numbers = self.draw_numbers(surface, (inner.left, y), indicator, align="left")
            spark = pygame.Rect(numbers.right + px(14), y + px(8), 0, value_font.get_linesize() - px(16))
            spark.width = min(px(120), inner.right - spark.left)
            if spark.width >= px(40):
                sparkline(surface, spark, indicator.series, colour=mix(palette.muted, palette.accent, 0.6),
                          width=px(2))  # fmt: skip
        bar = pygame.Rect(inner.left, box.bottom - px(6), inner.width, px(3))
        gauge(surface, bar, value=indicator.value, low=indicator.low, high=indicator.high, palette=palette,
              good="neutral")  # fmt: skip

    def draw_numbers(
        self, surface: pygame.Surface, at: tuple[int, int], indicator: PublicIndicator, *, align: str
    ) -> pygame.Rect:
        """The value, large, and beside it its move since the start of the last turn played (that turn's
        resolution and this turn's news: what the room has just seen happen), from ``at`` (its top-left, or its
        top-right with ``align="right"``); returns the rect they take."""
        screen, palette, px = self.screen, self.screen.palette, self.screen.px
        value_font, move_font = screen.font(VALUE, bold=True), screen.font(MOVE)
        series = indicator.series
        start = series[-3] if len(series) > 2 else series[0]  # the series ends with the value now
        move = float(num(indicator.value)) - float(num(start))
        move_text = signed(move) if move else ("–" if self.compact else tr("no change"))
        value_text = num(indicator.value)
        gap = px(10)
        width = textlib.width_of(value_font, value_text) + gap + textlib.width_of(move_font, move_text)
        left = at[0] - width if align == "right" else at[0]
        top = at[1]
        value = textlib.draw(surface, value_text, (left, top), font=value_font, colour=palette.text)
        move_y = top + value_font.get_ascent() - move_font.get_ascent()
        moved = textlib.draw(surface, move_text, (value.right + gap, move_y), font=move_font,
                             colour=palette.accent if move else palette.muted)  # fmt: skip
        return value.union(moved)
