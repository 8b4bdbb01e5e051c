"""Two small drawings of one quantity: a horizontal gauge of a value in its range, and a sparkline of its history."""

from __future__ import annotations

from collections.abc import Sequence

import pygame

from game.ui.theme import Palette
from game.ui.widgets.charts.colours import Colour, mix, news_colour
from game.ui.widgets.charts.scale import finite, fraction, open_range


def _position(value: float, low: float, high: float, start: int, length: int) -> int:
    """The x of ``value`` on a gauge of ``low..high`` (an empty gauge for an empty range or NaN)."""
    share = fraction(value, low, high, reach=0.0) if high > low else None
    return start + round((share or 0.0) * length)


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

    ``low``/``high`` fix the vertical range (default: the values' own range, so small moves stay visible). A flat
    range is opened up and NaN is left out (see :mod:`.scale`).
    """
    if not values or rect.width < 4 or rect.height < 4:
        return
    shown = finite(values) or [0.0]
    bottom, top = open_range(min(shown) if low is None else low, max(shown) if high is None else high)
    dot = max(2, width + 1)
    inner = rect.inflate(-2 * dot, -2 * dot)
    count = len(values)
    step = inner.width / max(1, count - 1)
    points = []
    for i, v in enumerate(values):
        share = fraction(v, bottom, top, reach=0.0)
        if share is not None:
            points.append(
                (inner.left + round(i * step) if count > 1 else inner.right, inner.bottom - round(share * inner.height))
            )
    if len(points) > 1:
        pygame.draw.lines(surface, colour, False, points, width)
    if points:
        pygame.draw.circle(surface, colour, points[-1], dot)
