"""The optional "Teacher's PIN" of the New game form: a short digits-only field beside the seed (or under it when
the row is full). With a PIN, F2 asks for it before the teacher's console opens, so students at the keyboard cannot
open it."""

from __future__ import annotations

import pygame

from game.i18n import N_, tr
from game.ui import theme
from game.ui.screens.menu_common import BUTTON_SIZE, MenuScreen, blit_text

LABEL = N_("Teacher's PIN")
SHORT_LABEL = N_("PIN")
PIN_DIGITS = 8


def pin_problem(pin: str) -> str:
    """Why ``pin`` cannot guard the console (``""``: it can; an empty PIN means none)."""
    pin = pin.strip()
    if pin and not (pin.isdigit() and 4 <= len(pin) <= PIN_DIGITS):
        return tr("A teacher's PIN is 4 to {pin_digits} digits (or none).", pin_digits=PIN_DIGITS)
    return ""


def pin_items(screen: MenuScreen, x: int, y: int, width: int, height: int) -> list[tuple[str, pygame.Rect, int]]:
    """The label (``PIN`` alone when the whole label does not fit) and the field in a row ``width`` wide at
    (``x``, ``y``); nothing when they do not fit."""
    px = screen.px
    field_w = theme.font(px(BUTTON_SIZE)).size("0" * PIN_DIGITS)[0] + px(30)
    for label in (tr(LABEL), tr(SHORT_LABEL)):
        label_w = screen.font(15, bold=True).size(label)[0] + px(10)
        if label_w + field_w <= width:
            label_rect = pygame.Rect(x, y, label_w, height)
            return [("pin_label", label_rect, 0), ("pin", pygame.Rect(x + label_w, y, field_w, height), 0)]
    return []


def draw_pin_label(screen: MenuScreen, surface: pygame.Surface, rect: pygame.Rect | None, problem: str) -> None:
    """The field's label (``PIN`` alone where the whole label does not fit), or in the bad colour what is wrong
    with the PIN typed."""
    if rect is None:
        return
    room = rect.width - screen.px(6)
    font = screen.font(13 if problem else 15, bold=True)
    words = tr("4-8 digits") if problem else tr(LABEL)
    if font.size(words)[0] > room:
        words = tr(SHORT_LABEL)
    colour = screen.palette.bad if problem else screen.palette.text
    blit_text(surface, words, font, colour, (rect.left, rect.centery), width=room, anchor="midleft")
