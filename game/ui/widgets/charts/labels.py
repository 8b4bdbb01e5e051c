"""The text a chart writes beside its data: the x axis' labels (thinned out to fit), a reference line's label, and
the value of a selected point."""

from __future__ import annotations

from collections.abc import Sequence

import pygame

from game.ui.widgets import text as textlib
from game.ui.widgets.charts.axes import ChartStyle


def _widest(labels: Sequence[str], style: ChartStyle) -> int:
    """The widest of ``labels``, with a gap."""
    return max(textlib.width_of(style.font, label) for label in labels) + style.pad


def half_last_label(labels: Sequence[str], style: ChartStyle) -> int:
    """Half the widest x label: the room a line chart leaves on its right for its last label, centred under its
    point like the others (0 without labels)."""
    return (max(textlib.width_of(style.font, label) for label in labels) + 1) // 2 if labels else 0


def x_labels_from_last(
    surface: pygame.Surface, plot: pygame.Rect, labels: Sequence[str], count: int, step: float, style: ChartStyle
) -> None:
    """A line chart's x labels under ``count`` points ``step`` apart, each with a tick: evenly spaced, counted
    back from the last (which always shows); one that would run into the y axis keeps only its tick."""
    palette, pad = style.palette, style.pad
    widest = _widest(labels, style)
    stride = max(1, int(widest // max(1.0, step)) + 1)
    for index, label in enumerate(labels[:count]):
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
            font=style.font,
            colour=palette.muted,
            align="center" if index else "left",
        )


def x_labels_from_first(
    surface: pygame.Surface, plot: pygame.Rect, labels: Sequence[str], xs: Sequence[int], step: float, style: ChartStyle
) -> None:
    """A trend chart's x labels under the points at ``xs``, each with a tick: evenly spaced from the first, and the
    last always; a label too close to the last one's keeps only its tick."""
    palette, pad = style.palette, style.pad
    count = len(xs)
    widest = _widest(labels, style)
    stride = max(1, int(widest // max(1.0, step)) + 1)
    for index, label in enumerate(labels[:count]):
        if index % stride and index != count - 1:
            continue
        x = xs[index]
        pygame.draw.line(surface, palette.border, (x, plot.bottom), (x, plot.bottom + pad // 2), 1)
        if index == count - 1 or (count - 1 - index) * step >= 1.5 * widest:
            align = "right" if index == count - 1 and index else "center" if index else "left"
            textlib.draw(
                surface, label, (x, plot.bottom + pad // 2), font=style.font, colour=palette.muted, align=align
            )


def level_label(
    surface: pygame.Surface, plot: pygame.Rect, text: str, y: int, *, at_left: bool, style: ChartStyle
) -> None:
    """The label of a reference line at ``y``: above it (below when there is no room), at the plot's left end or its
    right end."""
    line_h, pad = style.line_h, style.pad
    label_y = y - line_h if y - line_h >= plot.top else y + 2
    x = plot.left + pad if at_left else plot.right
    textlib.draw(
        surface,
        text,
        (x, label_y),
        font=style.font,
        colour=style.palette.neutral,
        align="left" if at_left else "right",
        max_width=plot.width // 2,
    )


def value_label(
    surface: pygame.Surface,
    plot: pygame.Rect,
    text: str,
    point: tuple[int, int],
    *,
    dot: int,
    on_right: bool,
    style: ChartStyle,
) -> None:
    """A selected point's value on a small plate beside the point: on its right (``on_right``) or its left, above it
    (below when there is no room)."""
    x, y = point
    line_h, pad, font = style.line_h, style.pad, style.font
    align = "left" if on_right else "right"
    offset = dot + pad if on_right else -(dot + pad)
    label_y = y - line_h - dot if y - line_h - dot >= plot.top else y + dot
    width = textlib.width_of(font, text)
    left = x + offset if on_right else x + offset - width
    pygame.draw.rect(surface, style.palette.panel_alt, (left - 2, label_y, width + 4, line_h), border_radius=3)
    textlib.draw(surface, text, (x + offset, label_y), font=font, colour=style.palette.text, align=align)
