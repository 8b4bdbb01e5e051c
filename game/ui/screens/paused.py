"""What the students see while the teacher has paused the game: "Paused by the teacher" over everything."""

from __future__ import annotations

import pygame

from game.i18n import tr
from game.ui.screens.ingame import HEADING, GameScreen
from game.ui.widgets import text as textlib


def draw_paused(screen: GameScreen, surface: pygame.Surface) -> None:
    """A veil over the whole window and "Paused by the teacher" in large type."""
    palette, px = screen.palette, screen.px
    veil = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
    veil.fill((0, 0, 0, 170))
    surface.blit(veil, (0, 0))
    big, small = screen.font(44, bold=True), screen.font(HEADING)
    window = surface.get_rect()
    width = min(window.width - px(24), textlib.width_of(big, tr("Paused by the teacher")) + px(80))
    box = pygame.Rect(0, 0, width, big.get_linesize() + small.get_linesize() + px(48))
    box.center = window.center
    pygame.draw.rect(surface, palette.panel, box, border_radius=px(14))
    pygame.draw.rect(surface, palette.accent, box, width=max(2, px(3)), border_radius=px(14))
    y = box.top + px(20)
    textlib.draw(
        surface,
        tr("Paused by the teacher"),
        (box.centerx, y),
        font=big,
        colour=palette.text,
        align="center",
        max_width=box.width - px(24),
    )
    textlib.draw(
        surface,
        tr("Wait for the teacher to let the game go on."),
        (box.centerx, y + big.get_linesize()),
        font=small,
        colour=palette.muted,
        align="center",
        max_width=box.width - px(24),
    )
