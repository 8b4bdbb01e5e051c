"""The colours of the charts and gauges: a blend of two colours, and the colour of good, bad or neutral news."""

from __future__ import annotations

from game.ui.theme import Palette

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
