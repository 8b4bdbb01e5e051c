"""The legends of the charts: which series each colour is, below the plot or in columns on its right (the line
chart), or in one row along the top (the trend chart)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pygame

from game.ui.widgets import text as textlib
from game.ui.widgets.charts.axes import ChartStyle
from game.ui.widgets.charts.colours import Colour


@dataclass(frozen=True)
class Legend:
    """Where a line chart's legend goes: its entries' labels and widths, and its rows (or, when ``right`` is set,
    its columns on the plot's right, ``right`` pixels wide). ``height`` is the room it takes below the plot (none
    when it sits on the right, or is not shown)."""

    labels: dict[str, str]
    entry_w: dict[str, int]
    rows: list[list[str]]
    right: int
    height: int


def _rows(names: Sequence[str], entry_w: Mapping[str, int], width: int) -> list[list[str]]:
    """The entries in rows that fit ``width``, in order."""
    rows: list[list[str]] = []
    row: list[str] = []
    used = 0
    for name in names:
        if row and used + entry_w[name] > width:
            rows.append(row)
            row, used = [], 0
        row.append(name)
        used += entry_w[name]
    if row:
        rows.append(row)
    return rows


def plan_legend(names: Sequence[str], rect: pygame.Rect, style: ChartStyle, *, shown: bool) -> Legend:
    """The legend of a line chart filling ``rect``: below the plot, or in columns on its right when below would
    squash the plot; none when not ``shown``, or when it fits neither beside nor below without flattening the plot
    (whoever draws the chart then names the highlighted series elsewhere, as the end screen does)."""
    font, line_h, pad = style.font, style.line_h, style.pad
    swatch = line_h
    labels = {name: textlib.fit(font, name, max(1, rect.width // 2 - swatch - pad)) for name in names}
    entry_w = {name: swatch + pad // 2 + textlib.width_of(font, labels[name]) + 2 * pad for name in names}
    rows: list[list[str]] = []
    right = 0
    if shown:
        rows = _rows(names, entry_w, rect.width)
        below = len(rows) * line_h + pad
        if rect.height - below - 3 * line_h < rect.height * 0.5:
            per_column = max(1, (rect.height - pad) // line_h)
            columns = -(-len(names) // per_column)
            column_w = max(entry_w.values())
            if rect.width - columns * column_w >= rect.width * 0.45:
                right = columns * column_w
                rows = [list(names[i : i + per_column]) for i in range(0, len(names), per_column)]
            elif rect.height - below - 3 * line_h < rect.height * 0.35:
                rows = []  # no room beside or below: a plot squashed flat says nothing, so it keeps the room
    height = 0 if right or not rows else len(rows) * line_h + pad
    return Legend(labels, entry_w, rows, right, height)


def _entry(
    surface: pygame.Surface,
    legend: Legend,
    name: str,
    at: tuple[int, int],
    style: ChartStyle,
    *,
    colour: Colour,
    dashed: bool,
    strong: bool,
) -> None:
    """One legend entry: a swatch (two short dashes for a dashed line) and the series' name."""
    x, y = at
    line_h, pad, swatch = style.line_h, style.pad, style.line_h
    box = pygame.Rect(x, y + line_h // 4, swatch, line_h // 2)
    if dashed:  # two short dashes, as the line is drawn
        third = max(1, swatch // 3)
        for left in (box.left, box.right - third):
            pygame.draw.rect(surface, colour, (left, box.top, third, box.height), border_radius=1)
    else:
        pygame.draw.rect(surface, colour, box, border_radius=2)
    textlib.draw(
        surface,
        legend.labels[name],
        (box.right + pad // 2, y),
        font=style.font,
        colour=style.palette.text if strong else style.palette.muted,
    )


def draw_legend(
    surface: pygame.Surface,
    legend: Legend,
    rect: pygame.Rect,
    plot: pygame.Rect,
    style: ChartStyle,
    *,
    colour_of: Mapping[str, Colour],
    dashed: set[str],
    highlight: str | None,
) -> None:
    """A line chart's legend: in columns on the right, top to bottom, or in rows below the plot."""

    def entry(name: str, x: int, y: int) -> None:
        strong = highlight is None or name == highlight
        _entry(surface, legend, name, (x, y), style, colour=colour_of[name], dashed=name in dashed, strong=strong)

    line_h, pad = style.line_h, style.pad
    if legend.right:
        x = rect.right - legend.right
        for column in legend.rows:
            for index, name in enumerate(column):
                entry(name, x + pad, rect.top + index * line_h)
            x += max(legend.entry_w.values())
    else:
        y = plot.bottom + line_h + pad
        for row in legend.rows:
            x = rect.left
            for name in row:
                entry(name, x, y)
                x += legend.entry_w[name]
            y += line_h


def draw_top_legend(
    surface: pygame.Surface,
    rect: pygame.Rect,
    left: int,
    names: Sequence[str],
    colour_of: Mapping[str, Colour],
    style: ChartStyle,
) -> None:
    """A trend chart's legend: one row along the top of ``rect`` from ``left``, a swatch and a name per series."""
    line_h, pad = style.line_h, style.pad
    x = left
    for name in names:
        box = pygame.Rect(x, rect.top + line_h // 4, line_h, line_h // 2)
        pygame.draw.rect(surface, colour_of[name], box, border_radius=2)
        drawn = textlib.draw(
            surface,
            name,
            (box.right + pad // 2, rect.top),
            font=style.font,
            colour=style.palette.text,
            max_width=max(1, rect.right - box.right - pad),
        )
        x = drawn.right + 2 * pad
