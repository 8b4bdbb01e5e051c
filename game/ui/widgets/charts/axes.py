"""The frame of a chart: its style (font and spacing), the vertical range and its round tick values, the plot
area that maps values to pixels, and the grid and axes drawn in it."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pygame

from game.ui.theme import Palette
from game.ui.widgets import text as textlib
from game.ui.widgets.charts.scale import SHORT, finite, fraction, open_range


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
        """The window y of ``value`` (one far outside the plot is drawn a little beyond it; NaN, which has no
        place, at the bottom: callers leave it out with :meth:`has`)."""
        share = fraction(value, self.bottom, self.top)
        return self.rect.bottom - round((share or 0.0) * self.rect.height)

    @staticmethod
    def has(value: float) -> bool:
        """Whether ``value`` can be drawn at all (NaN cannot)."""
        return not math.isnan(value)


#: Beyond these magnitudes a tick is written short, ``2.5e16`` or ``5e-10``: its digits would not fit or say nothing.
_SMALLEST = 0.05


def tick_text(value: float) -> str:
    """A tick value as written beside the axis: whole numbers plain, small fractions with one decimal, very large
    or very small numbers in the short form ``2.5e16``; never ``nan`` or ``inf``."""
    if not math.isfinite(value):
        return "?"
    if value and not _SMALLEST <= abs(value) < SHORT:
        mantissa, _, exponent = f"{value:.3g}".partition("e")
        return f"{mantissa}e{int(exponent)}" if exponent else mantissa
    return f"{value:.0f}" if abs(value - round(value)) < 1e-9 or abs(value) >= 10 else f"{value:.1f}"


def value_text(value: float) -> str:
    """A selected point's value: signed with one decimal (``+2.5``), very large ones short (``+2.5e16``)."""
    if math.isfinite(value) and abs(value) >= SHORT:
        return tick_text(value) if value < 0 else f"+{tick_text(value)}"
    return f"{value:+.1f}" if math.isfinite(value) else "?"


def value_range(series: Mapping[str, Sequence[float]], low: float | None, high: float | None) -> tuple[float, float]:
    """The values at the bottom and top of a chart: ``low``/``high`` when given, else the series' own finite range
    (a flat range is opened up, see :func:`.scale.open_range`)."""
    every = finite(v for values in series.values() for v in values) or [0.0]
    bottom = min(every) if low is None else low
    top = max(every) if high is None else high
    return open_range(bottom, top)


def _tidy(value: float, step: float) -> float:
    """``value`` rounded a little finer than ``step`` (no ``0.30000000000000004``), at any magnitude."""
    return round(value, 3 - math.floor(math.log10(step))) + 0.0


def nice_ticks(low: float, high: float) -> list[float]:
    """Round tick values (steps of 1, 2, 2.5 or 5 times a power of ten) covering ``low..high`` in 3 to 6 steps,
    as tightly as possible; a flat or non-finite range is opened up first."""
    low, high = open_range(low, high)
    power = 10.0 ** math.floor(math.log10((high - low) / 4))
    best: tuple[float, int, float, float] | None = None
    for step in (m * power * scale for scale in (0.1, 1.0, 10.0) for m in (1, 2, 2.5, 5)):
        first = math.floor(low / step + 1e-9) * step
        last = math.ceil(high / step - 1e-9) * step
        count = round((last - first) / step)
        if 3 <= count <= 6 and (best is None or (last - first, count) < (best[0], best[1])):
            best = (last - first, count, first, step)
    if best is None:  # a step of (high - low) / 4 rounded up to 1, 2, 2.5 or 5 gives 3 to 6, unless floats fail
        return [low + (high - low) * i / 4 for i in range(5)]
    _, count, first, step = best
    return [_tidy(first + i * step, step) for i in range(count + 1)]


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
