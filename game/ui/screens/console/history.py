"""The console's list of what the teacher did so far (``match.teacher.interventions``), newest first."""

from __future__ import annotations

import pygame

from game.i18n import tr
from game.table import Match
from game.ui.screens.base import Screen
from game.ui.screens.menu_common import blit_text, draw_panel, wrap


def history_lines(match: Match) -> list[str]:
    """One line per intervention, newest first: ``Turn 3 · The teacher paused the game``."""
    return [tr("Turn {turn} · {detail}", turn=i.turn, detail=i.detail) for i in reversed(match.teacher.interventions)]


def draw_history(screen: Screen, surface: pygame.Surface, rect: pygame.Rect, match: Match) -> None:
    """The list in ``rect``: a heading, then as many lines (wrapped) as fit; what does not fit is counted. Where
    even that does not fit, one line: the newest and how many there are."""
    if rect.height <= 0 or rect.width <= 0:
        return
    palette = screen.palette
    draw_panel(surface, palette, rect, screen.px(8), alt=True)
    pad = screen.px(10)
    heading, small = screen.font(15, bold=True), screen.font(14)
    line_h = small.get_linesize()
    x, width, lines = rect.left + pad, rect.width - 2 * pad, history_lines(match)
    if rect.height < heading.get_linesize() + 2 * line_h + 2 * pad:
        newest = (
            tr("Newest of {count}: {lines}", count=len(lines), lines=lines[0])
            if lines
            else tr("The teacher has done nothing yet.")
        )
        blit_text(surface, newest, small, palette.text, (x, rect.centery), width=width, anchor="midleft")
        return
    y = rect.top + pad
    blit_text(surface, tr("What the teacher did (newest first)"), heading, palette.text, (x, y), width=width)
    y += heading.get_linesize() + screen.px(4)
    if not lines:
        blit_text(surface, tr("Nothing yet."), small, palette.muted, (x, y), width=width)
        return
    bottom = rect.bottom - pad
    for index, line in enumerate(lines):
        wrapped = wrap(line, small, width - screen.px(12))
        if y + line_h * (len(wrapped) + 1) > bottom and index < len(lines) - 1:
            blit_text(
                surface,
                tr("… and {value} earlier", value=len(lines) - index),
                small,
                palette.muted,
                (x, y),
                width=width,
            )
            return
        for number, part in enumerate(wrapped):
            if y + line_h > bottom:
                return
            colour = palette.text if index == 0 else palette.muted
            blit_text(surface, part, small, colour, (x + (screen.px(12) if number else 0), y), width=width)
            y += line_h
