"""The frame of a chart: its style (font and spacing), the vertical range and its round tick values, the plot
area that maps values to pixels, and the grid and axes drawn in it."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pygame

from game.ui.theme import Palette
from game.ui.widgets import text as textlib


@dataclass(frozen=True)
class ChartStyle:
    """The palette and font a chart is drawn with, and the spacing that follows from the font."""

    palette: Palette
    font: pygame.font.Font

    @property
    def line_h(self) -> int:
        """The height of one line of the chart's text."""
        return self.font.get_linesize()

    @property
    def pad(self) -> int:
        """The small gap between a chart's parts (a third of a line, at least 4 pixels)."""
        return max(4, self.line_h // 3)


@dataclass(frozen=True)
class Plot:
    """The area where the data is drawn, with the values at its bottom and top edges."""

    rect: pygame.Rect
    bottom: float
    top: float

    def y_of(self, value: float) -> int:
        """The window y of ``value``."""
        return self.rect.bottom - round((value - self.bottom) / (self.top - self.bottom) * self.rect.height)


def tick_text(value: float) -> str:
    """A tick value as written beside the axis: whole numbers plain, small fractions with one decimal."""
    return f"{value:.0f}" if abs(value - round(value)) < 1e-9 or abs(value) >= 10 else f"{value:.1f}"


def value_range(series: Mapping[str, Sequence[float]], low: float | None, high: float | None) -> tuple[float, float]:
    """The values at the bottom and top of a chart: ``low``/``high`` when given, else the series' own range (a
    flat range is opened up by one either way)."""
    every = [v for values in series.values() for v in values]
    bottom = min(every) if low is None else low
    top = max(every) if high is None else high
    if top - bottom < 1e-9:
        bottom, top = bottom - 1, top + 1
    return bottom, top


def nice_ticks(low: float, high: float) -> list[float]:
    """Round tick values (steps of 1, 2, 2.5 or 5 times a power of ten) covering ``low..high`` in 3 to 6 steps,
    as tightly as possible."""
    if high - low < 1e-9:
        low, high = low - 1, high + 1
    power = 10.0 ** math.floor(math.log10((high - low) / 4))
    best: tuple[float, int, float, float] | None = None
    for step in (m * power * scale for scale in (0.1, 1.0, 10.0) for m in (1, 2, 2.5, 5)):
        first = math.floor(low / step + 1e-9) * step
        last = math.ceil(high / step - 1e-9) * step
        count = round((last - first) / step)
        if 3 <= count <= 6 and (best is None or (last - first, count) < (best[0], best[1])):
            best = (last - first, count, first, step)
    assert best is not None  # a step of (high - low) / 4 rounded up to 1, 2, 2.5 or 5 always gives 3 to 6
    _, count, first, step = best
    return [round(first + i * step, 10) + 0.0 for i in range(count + 1)]


def axis_width(style: ChartStyle, ticks: Sequence[float]) -> int:
    """The width of the y axis' labels, with a gap before the plot."""
    return max(textlib.width_of(style.font, tick_text(v)) for v in ticks) + style.pad


def draw_grid(
    surface: pygame.Surface, plot: Plot, ticks: Sequence[float], style: ChartStyle, *, label_every: int = 1
) -> None:
    """A faint horizontal line at each tick value, labelled on the left (every ``label_every``-th one)."""
    rect, palette, line_h, pad = plot.rect, style.palette, style.line_h, style.pad
    for index, value in enumerate(ticks):
        y = plot.y_of(value)
        pygame.draw.line(surface, palette.panel_alt, (rect.left, y), (rect.right, y), 1)
        if index % label_every == 0:
            textlib.draw(
                surface,
                tick_text(value),
                (rect.left - pad // 2, y - line_h // 2),
                font=style.font,
                colour=palette.muted,
                align="right",
            )


def draw_axes(surface: pygame.Surface, rect: pygame.Rect, palette: Palette) -> None:
    """The x axis along the plot's bottom and the y axis along its left."""
    pygame.draw.line(surface, palette.border, rect.bottomleft, rect.bottomright, 1)
    pygame.draw.line(surface, palette.border, rect.topleft, rect.bottomleft, 1)
