"""The line chart: several series over one x axis, with a grid, labelled axes and a legend (the end screen's chart
of every indicator)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pygame

from game.ui.theme import Palette
from game.ui.widgets.charts.axes import ChartStyle, Plot, axis_width, draw_axes, draw_grid, value_range
from game.ui.widgets.charts.colours import Colour
from game.ui.widgets.charts.labels import half_last_label, x_labels_from_last
from game.ui.widgets.charts.legend import draw_legend, plan_legend
from game.ui.widgets.charts.lines import dashed_series, draw_lines, series_colours


def line_chart(
    surface: pygame.Surface,
    rect: pygame.Rect,
    series: Mapping[str, Sequence[float]],
    *,
    palette: Palette,
    font: pygame.font.Font,
    low: float | None = None,
    high: float | None = None,
    x_labels: Sequence[str] = (),
    colours: Mapping[str, Colour] | None = None,
    highlight: str | None = None,
    legend: bool = True,
    line_width: int = 2,
) -> None:
    """A line chart of several series sharing one x axis (index) and one y range, with axes and a legend.

    ``x_labels`` name the x positions (thinned out to fit); the legend below the plot lists every series in its
    colour. ``highlight`` draws one series thicker and the others dimmed.
    """
    if rect.width < 60 or rect.height < 60 or not series:
        return
    style = ChartStyle(palette, font)
    line_h, pad = style.line_h, style.pad
    names = list(series)
    bottom, top = value_range(series, low, high)
    key = plan_legend(names, rect, style, shown=legend)
    ticks = [bottom + (top - bottom) * i / 4 for i in range(5)]
    axis_w = axis_width(style, ticks)
    area = pygame.Rect(
        rect.left + axis_w,
        rect.top + line_h // 2,
        rect.width - axis_w - max(pad, half_last_label(x_labels, style)) - key.right,
        rect.height - key.height - line_h - pad - line_h // 2,
    )
    if area.height < 20 or area.width < 20:
        return
    plot = Plot(area, bottom, top)
    draw_grid(surface, plot, ticks, style)
    draw_axes(surface, area, palette)
    if x_labels:
        count = max(len(v) for v in series.values())
        x_labels_from_last(surface, area, x_labels, count, area.width / max(1, count - 1), style)
    colour_of = series_colours(names, colours, palette)
    dashed = dashed_series(names, colours, palette)
    draw_lines(
        surface, plot, series, style, colour_of=colour_of, dashed=dashed, highlight=highlight, line_width=line_width
    )
    draw_legend(surface, key, rect, area, style, colour_of=colour_of, dashed=dashed, highlight=highlight)
