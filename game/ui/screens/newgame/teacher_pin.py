"""The optional "Teacher's PIN" of the New game form: a short digits-only field beside the seed (or under it when
the row is full). With a PIN, F2 asks for it before the teacher's console opens, so students at the keyboard cannot
open it."""

from __future__ import annotations

import pygame

from game.ui import theme
from game.ui.screens.menu_common import BUTTON_SIZE, MenuScreen, blit_text

LABEL = "Teacher's PIN"
PIN_DIGITS = 8


def pin_problem(pin: str) -> str:
    """Why ``pin`` cannot guard the console (``""``: it can; an empty PIN means none)."""
    pin = pin.strip()
    if pin and not (pin.isdigit() and 4 <= len(pin) <= PIN_DIGITS):
        return f"A teacher's PIN is 4 to {PIN_DIGITS} digits (or none)."
    return ""


def pin_items(screen: MenuScreen, x: int, y: int, width: int, height: int) -> list[tuple[str, pygame.Rect, int]]:
    """The label and the field in a row ``width`` wide at (``x``, ``y``); nothing when they do not fit."""
    px = screen.px
    label_w = screen.font(15, bold=True).size(LABEL)[0] + px(10)
    field_w = theme.font(px(BUTTON_SIZE)).size("0" * PIN_DIGITS)[0] + px(30)
    if label_w + field_w > width:
        return []
    return [
        ("pin_label", pygame.Rect(x, y, label_w, height), 0),
        ("pin", pygame.Rect(x + label_w, y, field_w, height), 0),
    ]


def draw_pin_label(screen: MenuScreen, surface: pygame.Surface, rect: pygame.Rect | None, problem: str) -> None:
    """The field's label, or in the bad colour what is wrong with the PIN typed."""
    if rect is None:
        return
    palette = screen.palette
    if problem:
        blit_text(
            surface,
            "4-8 digits",
            screen.font(13, bold=True),
            palette.bad,
            (rect.left, rect.centery),
            width=rect.width - screen.px(6),
            anchor="midleft",
        )
        return
    blit_text(
        surface,
        LABEL,
        screen.font(15, bold=True),
        palette.text,
        (rect.left, rect.centery),
        width=rect.width - screen.px(6),
        anchor="midleft",
    )
