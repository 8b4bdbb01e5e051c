"""Where a number falls on a chart or a gauge, for any numbers at all: flat series, ranges far too wide or too
narrow to write out, values outside the range, infinities and NaN never make a drawing fail.

A chart's range is opened up when it is flat (or narrower than floating point can tell apart at its size), its
ends are kept finite, and a value's place in it is kept within a few lengths of the range, so pixel coordinates
stay small whole numbers. NaN has no place: :func:`fraction` says so with ``None`` and the drawings leave it out.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

#: The largest magnitude a chart works with; beyond it values are drawn at this edge (so the distance between any
#: two values is still a finite float).
EDGE = 1e300
#: A range narrower than this share of its magnitude reads as flat (floats cannot place points apart in it).
FLAT = 1e-6
#: From this magnitude numbers are written in the short form (``2.5e16``) beside an axis.
SHORT = 1e6
#: How far outside its range a value is still placed, in lengths of the range (further ones are drawn there).
REACH = 2.0


def finite(values: Iterable[float]) -> list[float]:
    """The finite numbers of ``values``, in order (NaN and the infinities left out)."""
    return [v for v in values if math.isfinite(v)]


def _edge(value: float) -> float:
    """``value`` limited to ``-EDGE..EDGE`` (NaN becomes 0)."""
    if math.isnan(value):
        return 0.0
    return max(-EDGE, min(EDGE, value))


def open_range(low: float, high: float) -> tuple[float, float]:
    """Finite ends ``bottom < top`` for a chart of ``low..high``: a flat range is opened up by 1 either way, or by
    a tenth of its size for one written in the short form (``5e16``: its ticks then read apart), so there is
    always room to place values."""
    low, high = sorted((_edge(low), _edge(high)))
    size = max(abs(low), abs(high))
    if high - low <= size * FLAT or high - low <= 0:
        pad = 1.0 if size < SHORT else size / 10
        low, high = _edge(low - pad), _edge(high + pad)
    return low, high


def fraction(value: float, low: float, high: float, *, reach: float = REACH) -> float | None:
    """How far ``value`` lies from ``low`` toward ``high`` (0 at ``low``, 1 at ``high``), kept within ``reach``
    lengths of the range either side; ``None`` for NaN, which has no place on a chart."""
    if math.isnan(value):
        return None
    low, high = open_range(low, high)
    share = (_edge(value) - low) / (high - low)
    return max(-reach, min(1.0 + reach, share))
