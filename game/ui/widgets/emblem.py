"""The game's emblem: two overlapping circles (the two sides) and the lens they share, the common ground."""

from __future__ import annotations

import math
from functools import lru_cache

import pygame

from game.ui import theme


@lru_cache(maxsize=4)
def emblem(radius: int, palette_name: str, faint: bool) -> pygame.Surface:
    """The emblem image (cached per size and palette)."""
    palette = theme.palette(palette_name)
    radius = max(8, radius)
    offset = round(radius * 0.55)
    size = (2 * (radius + offset) + 8, 2 * radius + 8)
    centre_y = size[1] // 2
    left = (size[0] // 2 - offset, centre_y)
    right = (size[0] // 2 + offset, centre_y)
    strength = 0.45 if faint else 1.0

    def disc(colour: tuple[int, int, int], centre: tuple[int, int], alpha: int) -> pygame.Surface:
        layer = pygame.Surface(size, pygame.SRCALPHA)
        pygame.draw.circle(layer, (*colour, alpha), centre, radius)
        return layer

    image = pygame.Surface(size, pygame.SRCALPHA)
    image.blit(disc(palette.accent, left, round(34 * strength)), (0, 0))
    image.blit(disc(palette.series[1], right, round(34 * strength)), (0, 0))
    lens = disc(palette.good, left, 255)
    lens.blit(disc(palette.good, right, 255), (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
    lens.fill((255, 255, 255, round(92 * strength)), special_flags=pygame.BLEND_RGBA_MULT)
    image.blit(lens, (0, 0))
    ring = max(2, radius // 60)
    pygame.draw.circle(image, (*palette.accent, round(200 * strength)), left, radius, ring)
    pygame.draw.circle(image, (*palette.series[1], round(200 * strength)), right, radius, ring)
    # small nodes around each circle, like meetings on a calendar
    for index in range(12):
        angle = math.tau * index / 12 + 0.26
        for (cx, cy), colour in ((left, palette.accent), (right, palette.series[1])):
            point = (round(cx + math.cos(angle) * radius), round(cy + math.sin(angle) * radius))
            inside_other = math.dist(point, right if (cx, cy) == left else left) < radius
            if not inside_other:
                pygame.draw.circle(image, (*colour, round(230 * strength)), point, max(2, radius // 32))
    return image
