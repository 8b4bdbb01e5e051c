"""The seat chooser: one button per side saying who plays it (a person, or the computer at a level); Enter or a
click moves it on to the next choice. Under each button, what sits in that seat."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.i18n import tr
from game.table import LEVELS, PERSON
from game.ui import theme
from game.ui.screens.menu_common import BUTTON_SIZE, MenuScreen, blit_lines, ellipsize

#: What a seat button cycles through (Enter or a click): a person, then the computer's levels, weakest first.
SEAT_CHOICES = (PERSON.player, *LEVELS)


def next_choice(player: str) -> str:
    """The seat choice after ``player`` (round again after the strongest level)."""
    position = SEAT_CHOICES.index(player) if player in SEAT_CHOICES else -1
    return SEAT_CHOICES[(position + 1) % len(SEAT_CHOICES)]


def seat_text(name: str, player: str) -> str:
    """``United States: Person`` or ``Cambodia: Computer · Standard``."""
    level = LEVELS.get(player)
    who = (
        tr("Person") if player == PERSON.player else tr("Computer · {value}", value=tr(level.name) if level else player)
    )
    return f"{name}:  {who}"


def seat_note(player: str, persons: int) -> str:
    """The one-line description of what sits in a seat (a computer level's own description); ``persons`` is how
    many seats people play."""
    level = LEVELS.get(player)
    if level is not None:
        return tr(level.description)
    return tr("A person at this machine") + (tr(" (the game asks to pass it between people).") if persons > 1 else ".")


class SeatChooser:
    """The seat buttons and the descriptions under them."""

    def __init__(self, screen: MenuScreen) -> None:
        self.screen = screen

    def build_seat(self, rect: pygame.Rect, text: str, player: str, command: Callable[[], None]) -> None:
        """One seat's button (in the primary colours when a person plays it)."""
        screen = self.screen
        button_font = theme.font(screen.px(BUTTON_SIZE))
        label = ellipsize(text + "  ›", button_font, rect.width - screen.px(24))
        chosen = player == PERSON.player
        screen.button(rect, label, command, object_id=screen.list_item_id(chosen=chosen))

    def draw_notes(self, surface: pygame.Surface, notes: list[str], areas: dict[str, pygame.Rect]) -> None:
        """Each seat's description in its ``seat_note<index>`` area, where the form had room for it."""
        small = self.screen.font(13)
        for index, note in enumerate(notes):
            rect = areas.get(f"seat_note{index}")
            if rect is not None:
                blit_lines(surface, note, small, self.screen.palette.muted, rect)
