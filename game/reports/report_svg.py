"""A small line chart as inline SVG: one indicator's value at the start and after each turn, on its own scale.
Pure text, so a report opens offline and prints without scripts or images."""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape

from game.i18n import tr
from game.present import num

WIDTH, HEIGHT = 320, 150
_LEFT, _RIGHT, _TOP, _BOTTOM = 34, 10, 12, 24


def _finite(value: float, fallback: float) -> float:
    return value if math.isfinite(value) else fallback


def line_chart(label: str, values: Sequence[float], low: float, high: float) -> str:
    """An SVG of ``values`` (index 0 the start, index ``t`` the end of turn ``t``) between ``low`` and ``high``,
    titled ``label`` for screen readers; the axis shows the range's ends and the turns."""
    low, high = _finite(low, 0.0), _finite(high, 100.0)
    points = [_finite(v, low) for v in values] or [low]
    low, high = min(low, *points), max(high, *points)
    if high - low < 1e-9:
        high = low + 1.0
    plot_w, plot_h = WIDTH - _LEFT - _RIGHT, HEIGHT - _TOP - _BOTTOM
    steps = max(1, len(points) - 1)

    def x_of(index: int) -> float:
        return _LEFT + plot_w * index / steps

    def y_of(value: float) -> float:
        return _TOP + plot_h * (1 - (value - low) / (high - low))

    coords = " ".join(f"{x_of(i):.1f},{y_of(v):.1f}" for i, v in enumerate(points))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" class="chart">',
        "<title>"
        + escape(
            tr(
                "{indicator}: {start} at the start, {end} at the end",
                indicator=label,
                start=num(points[0]),
                end=num(points[-1]),
            )
        )
        + "</title>",
        f'<rect x="{_LEFT}" y="{_TOP}" width="{plot_w}" height="{plot_h}" class="plot"/>',
        f'<text x="{_LEFT - 4}" y="{_TOP + 4}" class="axis" text-anchor="end">{escape(num(high))}</text>',
        f'<text x="{_LEFT - 4}" y="{_TOP + plot_h}" class="axis" text-anchor="end">{escape(num(low))}</text>',
    ]
    every = max(1, math.ceil(len(points) / 12))
    for index in range(0, len(points), every):
        parts.append(f'<text x="{x_of(index):.1f}" y="{HEIGHT - 8}" class="axis" text-anchor="middle">{index}</text>')
    parts.append(f'<polyline points="{coords}" class="line"/>')
    for index, value in enumerate(points):
        parts.append(f'<circle cx="{x_of(index):.1f}" cy="{y_of(value):.1f}" r="2.5" class="dot"/>')
    parts.append("</svg>")
    return "".join(parts)
