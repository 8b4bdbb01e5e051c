"""The trend chart: one or a few series with a dot at every point, an optional reference level and a selected
point whose values are written out (the end screen's willingness chart)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import pygame

from game.ui.theme import Palette
from game.ui.widgets.charts.axes import ChartStyle, Plot, axis_width, draw_axes, draw_grid, nice_ticks, value_text
from game.ui.widgets.charts.colours import Colour
from game.ui.widgets.charts.labels import level_label, value_label, x_labels_from_first
from game.ui.widgets.charts.legend import draw_top_legend
from game.ui.widgets.charts.lines import dashed_level, series_colours
from game.ui.widgets.charts.scale import finite


def trend_chart(
    surface: pygame.Surface,
    rect: pygame.Rect,
    series: Mapping[str, Sequence[float]],
    *,
    palette: Palette,
    font: pygame.font.Font,
    x_labels: Sequence[str] = (),
    colours: Mapping[str, Colour] | None = None,
    reference: float | None = None,
    reference_label: str = "",
    selected: int = -1,
    line_width: int = 2,
) -> list[int]:
    """A small chart of one or a few series (oldest first) with a dot at every point; returns each point's x.

    The y range covers the values and ``reference`` with a little room; ``reference`` draws a dashed level line
    labelled ``reference_label`` (a threshold, say). ``selected`` (an index) draws a guide at that x, rings its
    points and writes their values. With several series a legend runs along the top.
    """
    if rect.width < 60 or rect.height < 40 or not series:
        return []
    if not any(series.values()) and reference is None:
        return []
    every = finite([*(v for values in series.values() for v in values), *([] if reference is None else [reference])])
    ticks = nice_ticks(min(every, default=0.0), max(every, default=0.0))
    style = ChartStyle(palette, font)
    line_h, pad = style.line_h, style.pad
    names = list(series)
    legend_h = line_h + pad if len(names) > 1 else 0
    axis_w = axis_width(style, ticks)
    area = pygame.Rect(
        rect.left + axis_w,
        rect.top + legend_h + line_h // 2,
        rect.width - axis_w - pad,
        rect.height - legend_h - line_h // 2 - line_h - pad,
    )
    if area.height < 16 or area.width < 20:
        return []
    plot = Plot(area, ticks[0], ticks[-1])
    spacing = area.height / max(1, len(ticks) - 1)
    label_every = max(1, math.ceil(line_h / max(1.0, spacing)))  # short charts label every other line or fewer
    draw_grid(surface, plot, ticks, style, label_every=label_every)
    draw_axes(surface, area, palette)
    count = max(len(v) for v in series.values())
    step = area.width / max(1, count - 1)
    xs = [area.left + round(i * step) for i in range(count)]
    if x_labels and count:
        x_labels_from_first(surface, area, x_labels, xs, step, style)
    if reference is not None and plot.has(reference):
        _reference(
            surface, plot, reference, reference_label, style, at_left=selected >= count / 2 > 0, width=line_width
        )
    colour_of = series_colours(names, colours, palette)
    _points(surface, plot, series, xs, style, colour_of=colour_of, selected=selected, line_width=line_width)
    if legend_h:
        draw_top_legend(surface, rect, rect.left + axis_w, names, colour_of, style)
    return xs


def _reference(
    surface: pygame.Surface, plot: Plot, value: float, label: str, style: ChartStyle, *, at_left: bool, width: int
) -> None:
    """The dashed reference level and its label, at the end away from the selected point (whose value is written
    beside it)."""
    y = plot.y_of(value)
    dash = max(4, style.line_h // 2)
    dashed_level(surface, style.palette.neutral, plot.rect, y, dash=dash, width=max(1, width // 2))
    if label:
        level_label(surface, plot.rect, label, y, at_left=at_left, style=style)


def _points(
    surface: pygame.Surface,
    plot: Plot,
    series: Mapping[str, Sequence[float]],
    xs: Sequence[int],
    style: ChartStyle,
    *,
    colour_of: Mapping[str, Colour],
    selected: int,
    line_width: int,
) -> None:
    """A guide at the selected x, then each series as a line with a dot at every point; the selected points are
    ringed and their values written beside them."""
    palette, area, count = style.palette, plot.rect, len(xs)
    if 0 <= selected < count:
        pygame.draw.line(surface, palette.border, (xs[selected], area.top), (xs[selected], area.bottom), 1)
    dot = max(2, line_width + 1)
    for name, values in series.items():
        colour = colour_of[name]
        points = {i: (xs[i], plot.y_of(v)) for i, v in enumerate(values[:count]) if plot.has(v)}
        if len(points) > 1:
            pygame.draw.lines(surface, colour, False, list(points.values()), line_width)
        for point in points.values():
            pygame.draw.circle(surface, colour, point, dot)
        if selected in points:
            ring = max(1, line_width // 2 + 1)
            pygame.draw.circle(surface, palette.text, points[selected], dot + max(2, line_width), ring)
            on_right = selected < count / 2
            text = value_text(values[selected])
            value_label(surface, area, text, points[selected], dot=dot, on_right=on_right, style=style)
