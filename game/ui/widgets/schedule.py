"""An agreement item's implementation schedule as a bar on a track of turns (a one-row Gantt chart).

A pure drawing function with keyword-only options, like the charts: it draws what it is given into a rect and keeps
no state. The words (dates, status) are written next to it by the caller: the bar never carries meaning by colour
alone.
"""

from __future__ import annotations

import pygame

from game.ui.theme import Palette
from game.ui.widgets.charts import mix

Colour = tuple[int, int, int]


def timeline(
    surface: pygame.Surface,
    rect: pygame.Rect,
    *,
    first: int,
    last: int,
    start: int,
    end: int,
    now: int,
    colour: Colour,
    palette: Palette,
    hatched: bool = False,
) -> None:
    """One item on a track of turns ``first`` to ``last``: one cell per turn, the cells ``start`` to ``end``
    filled with ``colour`` (outlined only with ``hatched``, for broken items), a tick above the cell of ``now``."""
    count = max(1, last - first + 1)
    gap = 1 if rect.width // count > 4 else 0
    cell_w = max(1, (rect.width - gap * (count - 1)) // count)
    height = max(2, rect.height - 4)
    top = rect.top + (rect.height - height)
    for index in range(count):
        turn = first + index
        cell = pygame.Rect(rect.left + index * (cell_w + gap), top, cell_w, height)
        if start <= turn <= end:
            if hatched:
                pygame.draw.rect(surface, mix(palette.panel, colour, 0.25), cell)
                pygame.draw.rect(surface, colour, cell, width=1)
            else:
                pygame.draw.rect(surface, colour, cell)
        else:
            pygame.draw.rect(surface, palette.panel_alt, cell)
        if turn == now:
            pygame.draw.line(surface, palette.focus, (cell.left, rect.top), (cell.right - 1, rect.top), 2)
