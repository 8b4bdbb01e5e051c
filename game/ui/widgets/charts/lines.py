"""The plotted lines of a chart: each series' colour, which series are drawn dashed, and the lines themselves."""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence

import pygame

from game.ui.theme import Palette
from game.ui.widgets.charts.axes import ChartStyle, Plot
from game.ui.widgets.charts.colours import Colour, mix

Point = tuple[int, int]


def series_colours(names: Sequence[str], colours: Mapping[str, Colour] | None, palette: Palette) -> dict[str, Colour]:
    """Each series' colour: the one given in ``colours``, else the palette's series colours in turn."""
    colour_of = dict(colours or {})
    for index, name in enumerate(names):
        colour_of.setdefault(name, palette.series[index % len(palette.series)])
    return colour_of


def dashed_series(names: Sequence[str], colours: Mapping[str, Colour] | None, palette: Palette) -> set[str]:
    """The series drawn dashed: with more series than the palette has colours, the second round of colours."""
    return {name for index, name in enumerate(names) if index >= len(palette.series) and name not in (colours or {})}


def dashed_lines(surface: pygame.Surface, colour: Colour, points: Sequence[Point], width: int, *, dash: int) -> None:
    """A polyline drawn in dashes of ``dash`` pixels with gaps of the same length, the pattern running on across
    its corners."""
    drawing, left = True, float(dash)
    for (x1, y1), (x2, y2) in itertools.pairwise(points):
        length = math.hypot(x2 - x1, y2 - y1)
        done = 0.0
        while done < length:
            step = min(left, length - done)
            if drawing:
                a, b = done / length, (done + step) / length
                pygame.draw.line(
                    surface,
                    colour,
                    (x1 + (x2 - x1) * a, y1 + (y2 - y1) * a),
                    (x1 + (x2 - x1) * b, y1 + (y2 - y1) * b),
                    width,
                )
            done += step
            left -= step
            if left <= 0:
                drawing, left = not drawing, float(dash)


def dashed_level(surface: pygame.Surface, colour: Colour, rect: pygame.Rect, y: int, *, dash: int, width: int) -> None:
    """A horizontal dashed line at ``y`` across ``rect`` (a threshold, say)."""
    for x in range(rect.left, rect.right, 2 * dash):
        pygame.draw.line(surface, colour, (x, y), (min(x + dash, rect.right), y), width)


def draw_lines(
    surface: pygame.Surface,
    plot: Plot,
    series: Mapping[str, Sequence[float]],
    style: ChartStyle,
    *,
    colour_of: Mapping[str, Colour],
    dashed: set[str],
    highlight: str | None,
    line_width: int,
) -> None:
    """Every series as a line ending in a dot, spread evenly across the plot; ``highlight`` is drawn last and
    twice as thick, the others dimmed. A NaN has no place and is left out."""
    count = max((len(v) for v in series.values()), default=0)
    step = plot.rect.width / max(1, count - 1)
    names = list(series)
    order = [n for n in names if n != highlight] + [n for n in names if n == highlight]
    for name in order:
        colour = colour_of[name]
        if highlight is not None and name != highlight:
            colour = mix(style.palette.background, colour, 0.45)
        points = [(plot.rect.left + round(i * step), plot.y_of(v)) for i, v in enumerate(series[name]) if plot.has(v)]
        width = line_width * 2 if name == highlight else line_width
        if len(points) > 1 and name in dashed:
            dashed_lines(surface, colour, points, width, dash=max(4, style.line_h // 2))
        elif len(points) > 1:
            pygame.draw.lines(surface, colour, False, points, width)
        if points:
            pygame.draw.circle(surface, colour, points[-1], width + 1)
