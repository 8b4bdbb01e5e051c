"""The notice over the bottom of the board: what a key just did, or why it could not."""

from __future__ import annotations

import pygame

from game.ui.screens.ingame import BODY, GameScreen
from game.ui.widgets import text as textlib


def draw_notice(screen: GameScreen, surface: pygame.Surface, body: pygame.Rect, notice: str, *, bad: bool) -> None:
    """``notice`` in a box centred at the bottom of ``body``, every word on up to three lines, edged in the bad
    colour when ``bad`` (something was refused) and in the accent colour otherwise."""
    palette, px = screen.palette, screen.px
    font = screen.font(BODY, bold=True)
    width = min(body.width - px(40), textlib.width_of(font, notice) + px(32))
    lines = textlib.wrap(font, notice, width - px(24))[:3]
    box = pygame.Rect(0, 0, width, len(lines) * font.get_linesize() + px(16))
    box.midbottom = (body.centerx, body.bottom - px(12))
    edge = palette.bad if bad else palette.accent
    pygame.draw.rect(surface, palette.background, box, border_radius=px(8))
    pygame.draw.rect(surface, edge, box, width=max(1, px(2)), border_radius=px(8))
    y = box.top + px(8)
    for line in lines:
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
