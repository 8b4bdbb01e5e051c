"""The words drawn around the New game form's controls: the section labels with their key hints, and what the
seed does."""

from __future__ import annotations

import pygame

from game.i18n import N_, tr
from game.ui.screens.menu_common import MenuScreen, blit_text, wrap

SEED_HINT = N_("Empty: random. The same seed brings the same events.")
SEED_HINT_SHORT = N_("Empty: random.")


def draw_labels(screen: MenuScreen, surface: pygame.Surface, labels: list[tuple[pygame.Rect, str, str]]) -> None:
    """The form's section labels (rect, text, key hint), with their key hints where there is room."""
    palette, px = screen.palette, screen.px
    label_font, small = screen.font(15, bold=True), screen.font(13)
    for rect, text, hint in labels:
        drawn = blit_text(
            surface, text, label_font, palette.text, (rect.left, rect.centery), width=rect.width, anchor="midleft"
        )
        if hint and drawn.right + px(10) < rect.right:
            blit_text(
                surface,
                f"[{hint}]",
                small,
                palette.muted,
                (drawn.right + px(8), rect.centery),
                width=rect.right - drawn.right - px(8),
                anchor="midleft",
            )


def draw_seed_hint(screen: MenuScreen, surface: pygame.Surface, rect: pygame.Rect | None) -> None:
    """What the seed does, beside its field (shortened when it would take more than two lines)."""
    if rect is None:
        return
    small = screen.font(13)
    text = tr(SEED_HINT)
    if len(wrap(text, small, rect.width)) > 2:
        text = tr(SEED_HINT_SHORT)
    lines = wrap(text, small, rect.width, 2)
    y = rect.centery - len(lines) * small.get_linesize() // 2
    for line in lines:
        blit_text(surface, line, small, screen.palette.muted, (rect.left, y))
        y += small.get_linesize()
