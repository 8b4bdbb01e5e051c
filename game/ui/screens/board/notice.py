"""The notice over the bottom of the board: what a key just did, or why it could not."""

from __future__ import annotations

import pygame

from game.ui.screens.ingame import BODY, GameScreen
from game.ui.widgets import text as textlib


def draw_notice(screen: GameScreen, surface: pygame.Surface, body: pygame.Rect, notice: str, *, bad: bool) -> None:
    """``notice`` in a box centred at the bottom of ``body``, every word on up to three lines, edged in the bad
    colour when ``bad`` (something was refused) and in the accent colour otherwise."""
    edge = screen.palette.bad if bad else screen.palette.accent
    draw_box(screen, surface, body, notice, edge=edge, lines=3, top=False)


def draw_box(
    screen: GameScreen,
    surface: pygame.Surface,
    body: pygame.Rect,
    text: str,
    *,
    edge: tuple[int, int, int],
    lines: int,
    top: bool,
) -> pygame.Rect:
    """``text`` in a box edged in ``edge``, centred at the top (``top``) or the bottom of ``body``, on up to
    ``lines`` lines; returns the box."""
    palette, px = screen.palette, screen.px
    font = screen.font(BODY, bold=True)
    width = min(body.width - px(40), textlib.width_of(font, text) + px(32))
    wrapped = textlib.wrap(font, text, width - px(24))[:lines]
    box = pygame.Rect(0, 0, width, len(wrapped) * font.get_linesize() + px(16))
    if top:
        box.midtop = (body.centerx, body.top + px(8))
    else:
        box.midbottom = (body.centerx, body.bottom - px(12))
    pygame.draw.rect(surface, palette.background, box, border_radius=px(8))
    pygame.draw.rect(surface, edge, box, width=max(1, px(2)), border_radius=px(8))
    y = box.top + px(8)
    for line in wrapped:
        textlib.draw(
            surface,
            line,
            (box.centerx, y),
            font=font,
            colour=palette.text,
            align="center",
            max_width=box.width - px(24),
        )
        y += font.get_linesize()
    return box
