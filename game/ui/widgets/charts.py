"""Gauges, sparklines and line charts: pure drawing functions of their data, with keyword-only options.

Each function draws into ``rect`` of ``surface`` and nothing else; none keeps state between calls (text goes
through the caches of :mod:`game.ui.widgets.text`).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence

import pygame

from game.ui.theme import Palette
from game.ui.widgets import text as textlib

Colour = tuple[int, int, int]


def mix(a: Colour, b: Colour, amount: float) -> Colour:
    """The colour ``amount`` of the way from ``a`` to ``b`` (0..1)."""
    return (
        round(a[0] + (b[0] - a[0]) * amount),
        round(a[1] + (b[1] - a[1]) * amount),
        round(a[2] + (b[2] - a[2]) * amount),
    )


def news_colour(delta: float, good: str, palette: Palette) -> Colour:
    """The colour of a change: good news, bad news, or neutral (``good`` is ``high``, ``low`` or ``neutral``)."""
    if delta == 0 or good not in ("high", "low"):
        return palette.neutral if delta else palette.muted
    better = delta > 0 if good == "high" else delta < 0
    return palette.good if better else palette.bad


def gain_colour(moved: bool, gain: float | None, palette: Palette) -> Colour:
    """The colour of a move judged for the person reading, by what it did to their own score (``gain``): muted when
    nothing moved, neutral when the move leaves their score alone or nobody's is judged (``None``), else good or
    bad news."""
    if not moved:
        return palette.muted
    if gain is None or not round(gain, 2):
        return palette.neutral
    return palette.good if gain > 0 else palette.bad


def _position(value: float, low: float, high: float, start: int, length: int) -> int:
    span = high - low
    fraction = 0.0 if span <= 0 else min(1.0, max(0.0, (value - low) / span))
    return start + round(fraction * length)


def gauge(
    surface: pygame.Surface,
    rect: pygame.Rect,
    *,
    value: float,
    low: float,
    high: float,
    previous: float | None = None,
    palette: Palette,
    good: str = "high",
) -> None:
    """A horizontal gauge of ``value`` in ``low..high``.

    With ``previous`` the stretch between the old and the new value is drawn in the good-news or bad-news colour
    (by ``good``) and a tick marks where the value was.
    """
    if rect.width <= 2 or rect.height <= 0:
        return
    radius = rect.height // 2
    pygame.draw.rect(surface, palette.panel_alt, rect, border_radius=radius)
    x_value = _position(value, low, high, rect.left, rect.width)
    fill = pygame.Rect(rect.left, rect.top, max(0, x_value - rect.left), rect.height)
    base = palette.accent if good in ("high", "low") else palette.neutral
    if previous is None or previous == value:
        if fill.width:
            pygame.draw.rect(surface, mix(palette.panel_alt, base, 0.75), fill, border_radius=radius)
    else:
        x_prev = _position(previous, low, high, rect.left, rect.width)
        steady = pygame.Rect(rect.left, rect.top, max(0, min(x_prev, x_value) - rect.left), rect.height)
        if steady.width:
            pygame.draw.rect(surface, mix(palette.panel_alt, base, 0.75), steady, border_radius=radius)
        moved = pygame.Rect(min(x_prev, x_value), rect.top, max(1, abs(x_value - x_prev)), rect.height)
        pygame.draw.rect(surface, news_colour(value - previous, good, palette), moved)
        tick = max(1, rect.height // 4)
        pygame.draw.line(surface, palette.text, (x_prev, rect.top - tick), (x_prev, rect.bottom + tick - 1), 1)
    pygame.draw.rect(surface, palette.border, rect, width=1, border_radius=radius)


def sparkline(
    surface: pygame.Surface,
    rect: pygame.Rect,
    values: Sequence[float],
    *,
    colour: Colour,
    low: float | None = None,
    high: float | None = None,
    width: int = 1,
) -> None:
    """A small line of ``values`` (oldest first) filling ``rect``; the last point is marked with a dot.

    ``low``/``high`` fix the vertical range (default: the values' own range, so small moves stay visible).
    """
    if not values or rect.width < 4 or rect.height < 4:
        return
    bottom = min(values) if low is None else low
    top = max(values) if high is None else high
    if top - bottom < 1e-9:
        bottom, top = bottom - 1, top + 1
    dot = max(2, width + 1)
    inner = rect.inflate(-2 * dot, -2 * dot)
    count = len(values)
    step = inner.width / max(1, count - 1)
    points = [
        (
            inner.left + round(i * step) if count > 1 else inner.right,
            inner.bottom - round((v - bottom) / (top - bottom) * inner.height),
        )
        for i, v in enumerate(values)
    ]
    if len(points) > 1:
        pygame.draw.lines(surface, colour, False, points, width)
    pygame.draw.circle(surface, colour, points[-1], dot)


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
    names = list(series)
    colour_of = dict(colours or {})
    for index, name in enumerate(names):
        colour_of.setdefault(name, palette.series[index % len(palette.series)])
    # More series than the palette has colours: the second round of colours is drawn dashed.
    dashed = {name for index, name in enumerate(names) if index >= len(palette.series) and name not in (colours or {})}
    every = [v for values in series.values() for v in values]
    bottom = min(every) if low is None else low
    top = max(every) if high is None else high
    if top - bottom < 1e-9:
        bottom, top = bottom - 1, top + 1

    line_h = font.get_linesize()
    pad = max(4, line_h // 3)
    swatch = line_h
    labels = {name: textlib.fit(font, name, max(1, rect.width // 2 - swatch - pad)) for name in names}
    entry_w = {name: swatch + pad // 2 + textlib.width_of(font, labels[name]) + 2 * pad for name in names}
    # The legend goes below the plot, or in columns on its right when below would squash the plot.
    legend_rows: list[list[str]] = []
    legend_right = 0
    if legend:
        row: list[str] = []
        used = 0
        for name in names:
            if row and used + entry_w[name] > rect.width:
                legend_rows.append(row)
                row, used = [], 0
            row.append(name)
            used += entry_w[name]
        if row:
            legend_rows.append(row)
        below = len(legend_rows) * line_h + pad
        if rect.height - below - 3 * line_h < rect.height * 0.5:
            per_column = max(1, (rect.height - pad) // line_h)
            columns = -(-len(names) // per_column)
            column_w = max(entry_w.values())
            if rect.width - columns * column_w >= rect.width * 0.45:
                legend_right = columns * column_w
                legend_rows = [names[i : i + per_column] for i in range(0, len(names), per_column)]
    legend_h = 0 if legend_right or not legend_rows else len(legend_rows) * line_h + pad

    y_labels = [bottom + (top - bottom) * i / 4 for i in range(5)]
    axis_w = max(textlib.width_of(font, _tick(v)) for v in y_labels) + pad
    # Room on the right for half of the last x label, which is centred under its point like the others.
    half_label = (max(textlib.width_of(font, label) for label in x_labels) + 1) // 2 if x_labels else 0
    plot = pygame.Rect(
        rect.left + axis_w,
        rect.top + line_h // 2,
        rect.width - axis_w - max(pad, half_label) - legend_right,
        rect.height - legend_h - line_h - pad - line_h // 2,
    )
    if plot.height < 20 or plot.width < 20:
        return
    for value in y_labels:
        y = plot.bottom - round((value - bottom) / (top - bottom) * plot.height)
        pygame.draw.line(surface, palette.panel_alt, (plot.left, y), (plot.right, y), 1)
        textlib.draw(
            surface,
            _tick(value),
            (plot.left - pad // 2, y - line_h // 2),
            font=font,
            colour=palette.muted,
            align="right",
        )
    pygame.draw.line(surface, palette.border, plot.bottomleft, plot.bottomright, 1)
    pygame.draw.line(surface, palette.border, plot.topleft, plot.bottomleft, 1)

    count = max(len(v) for v in series.values())
    step = plot.width / max(1, count - 1)
    if x_labels:
        widest = max(textlib.width_of(font, label) for label in x_labels) + pad
        stride = max(1, int(widest // max(1.0, step)) + 1)
        for index, label in enumerate(x_labels[:count]):
            if (count - 1 - index) % stride:  # evenly spaced, counted back from the last, which always shows
                continue
            x = plot.left + round(index * step)
            pygame.draw.line(surface, palette.border, (x, plot.bottom), (x, plot.bottom + pad // 2), 1)
            if index and index * step < widest / 2 + pad:  # would run into the y axis: only its tick
                continue
            textlib.draw(
                surface,
                label,
                (x, plot.bottom + pad // 2),
                font=font,
                colour=palette.muted,
                align="center" if index else "left",
            )

    order = [n for n in names if n != highlight] + [n for n in names if n == highlight]
    for name in order:
        values = series[name]
        colour = colour_of[name]
        if highlight is not None and name != highlight:
            colour = mix(palette.background, colour, 0.45)
        points = [
            (plot.left + round(i * step), plot.bottom - round((v - bottom) / (top - bottom) * plot.height))
            for i, v in enumerate(values)
        ]
        width = line_width * 2 if name == highlight else line_width
        if len(points) > 1 and name in dashed:
            _dashed_lines(surface, colour, points, width, dash=max(4, line_h // 2))
        elif len(points) > 1:
            pygame.draw.lines(surface, colour, False, points, width)
        if points:
            pygame.draw.circle(surface, colour, points[-1], width + 1)

    def legend_entry(name: str, x: int, y: int) -> None:
        box = pygame.Rect(x, y + line_h // 4, swatch, line_h // 2)
        if name in dashed:  # two short dashes, as the line is drawn
            third = max(1, swatch // 3)
            for left in (box.left, box.right - third):
                pygame.draw.rect(surface, colour_of[name], (left, box.top, third, box.height), border_radius=1)
        else:
            pygame.draw.rect(surface, colour_of[name], box, border_radius=2)
        strong = highlight is None or name == highlight
        textlib.draw(
            surface,
            labels[name],
            (box.right + pad // 2, y),
            font=font,
            colour=palette.text if strong else palette.muted,
        )

    if legend_right:  # columns on the right, top to bottom
        x = rect.right - legend_right
        for column in legend_rows:
            for index, name in enumerate(column):
                legend_entry(name, x + pad, rect.top + index * line_h)
            x += max(entry_w.values())
    else:
        y = plot.bottom + line_h + pad
        for row in legend_rows:
            x = rect.left
            for name in row:
                legend_entry(name, x, y)
                x += entry_w[name]
            y += line_h


def _dashed_lines(
    surface: pygame.Surface, colour: Colour, points: Sequence[tuple[int, int]], width: int, *, dash: int
) -> None:
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


def _tick(value: float) -> str:
    return f"{value:.0f}" if abs(value - round(value)) < 1e-9 or abs(value) >= 10 else f"{value:.1f}"


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
    names = list(series)
    colour_of = dict(colours or {})
    for index, name in enumerate(names):
        colour_of.setdefault(name, palette.series[index % len(palette.series)])
    every = [v for values in series.values() for v in values]
    if reference is not None:
        every.append(reference)
    if not every:
        return []
    y_labels = _nice_ticks(min(every), max(every))
    bottom, top = y_labels[0], y_labels[-1]

    line_h = font.get_linesize()
    pad = max(4, line_h // 3)
    legend_h = line_h + pad if len(names) > 1 else 0
    axis_w = max(textlib.width_of(font, _tick(v)) for v in y_labels) + pad
    plot = pygame.Rect(
        rect.left + axis_w,
        rect.top + legend_h + line_h // 2,
        rect.width - axis_w - pad,
        rect.height - legend_h - line_h // 2 - line_h - pad,
    )
    if plot.height < 16 or plot.width < 20:
        return []

    def y_of(value: float) -> int:
        return plot.bottom - round((value - bottom) / (top - bottom) * plot.height)

    spacing = plot.height / max(1, len(y_labels) - 1)
    label_every = max(1, math.ceil(line_h / max(1.0, spacing)))  # short charts label every other line or fewer
    for index, value in enumerate(y_labels):
        y = y_of(value)
        pygame.draw.line(surface, palette.panel_alt, (plot.left, y), (plot.right, y), 1)
        if index % label_every == 0:
            textlib.draw(
                surface,
                _tick(value),
                (plot.left - pad // 2, y - line_h // 2),
                font=font,
                colour=palette.muted,
                align="right",
            )
    pygame.draw.line(surface, palette.border, plot.bottomleft, plot.bottomright, 1)
    pygame.draw.line(surface, palette.border, plot.topleft, plot.bottomleft, 1)

    count = max(len(v) for v in series.values())
    step = plot.width / max(1, count - 1)
    xs = [plot.left + round(i * step) for i in range(count)]
    if x_labels and count:
        widest = max(textlib.width_of(font, label) for label in x_labels) + pad
        stride = max(1, int(widest // max(1.0, step)) + 1)
        for index, label in enumerate(x_labels[:count]):
            if index % stride and index != count - 1:
                continue
            x = xs[index]
            pygame.draw.line(surface, palette.border, (x, plot.bottom), (x, plot.bottom + pad // 2), 1)
            if index == count - 1 or (count - 1 - index) * step >= 1.5 * widest:
                align = "right" if index == count - 1 and index else "center" if index else "left"
                textlib.draw(surface, label, (x, plot.bottom + pad // 2), font=font, colour=palette.muted, align=align)

    if reference is not None:
        y = y_of(reference)
        dash = max(4, line_h // 2)
        for x in range(plot.left, plot.right, 2 * dash):
            pygame.draw.line(surface, palette.neutral, (x, y), (min(x + dash, plot.right), y), max(1, line_width // 2))
        if reference_label:  # at the end away from the selected point, whose value is written beside it
            label_y = y - line_h if y - line_h >= plot.top else y + 2
            left = selected >= count / 2 > 0
            x = plot.left + pad if left else plot.right
            textlib.draw(
                surface,
                reference_label,
                (x, label_y),
                font=font,
                colour=palette.neutral,
                align="left" if left else "right",
                max_width=plot.width // 2,
            )

    if 0 <= selected < count:
        pygame.draw.line(surface, palette.border, (xs[selected], plot.top), (xs[selected], plot.bottom), 1)
    dot = max(2, line_width + 1)
    for name in names:
        values = series[name]
        colour = colour_of[name]
        points = [(xs[i], y_of(v)) for i, v in enumerate(values)]
        if len(points) > 1:
            pygame.draw.lines(surface, colour, False, points, line_width)
        for point in points:
            pygame.draw.circle(surface, colour, point, dot)
        if 0 <= selected < len(points):
            x, y = points[selected]
            pygame.draw.circle(surface, palette.text, (x, y), dot + max(2, line_width), max(1, line_width // 2 + 1))
            text = f"{values[selected]:+.1f}"
            align = "left" if selected < count / 2 else "right"
            offset = dot + pad if align == "left" else -(dot + pad)
            label_y = y - line_h - dot if y - line_h - dot >= plot.top else y + dot
            width = textlib.width_of(font, text)
            left = x + offset if align == "left" else x + offset - width
            pygame.draw.rect(surface, palette.panel_alt, (left - 2, label_y, width + 4, line_h), border_radius=3)
            textlib.draw(surface, text, (x + offset, label_y), font=font, colour=palette.text, align=align)

    if legend_h:
        x = rect.left + axis_w
        for name in names:
            box = pygame.Rect(x, rect.top + line_h // 4, line_h, line_h // 2)
            pygame.draw.rect(surface, colour_of[name], box, border_radius=2)
            drawn = textlib.draw(
                surface,
                name,
                (box.right + pad // 2, rect.top),
                font=font,
                colour=palette.text,
                max_width=max(1, rect.right - box.right - pad),
            )
            x = drawn.right + 2 * pad
    return xs


def _nice_ticks(low: float, high: float) -> list[float]:
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
