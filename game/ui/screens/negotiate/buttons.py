"""The buttons of the negotiation table: Clear and Send (or Break) in the action row, Back in the header; Send and
Break enabled only when they can act (the status line says why not)."""

from __future__ import annotations

from collections.abc import Callable

import pygame
from pygame_gui.elements import UIButton

from game.i18n import tr
from game.ui.screens.ingame import GameScreen
from game.ui.screens.negotiate.layout import BACK_LABEL, TableLayout
from game.ui.screens.negotiate.shared import Table
from game.ui.widgets.gui import set_enabled


class ActionButtons:
    """Makes the buttons of ``table``'s view on ``screen`` (kept in ``table.send_button`` and the like) and keeps
    Send and Break enabled only while they can act."""

    def __init__(self, screen: GameScreen, table: Table) -> None:
        self.screen = screen
        self.table = table

    def make(
        self,
        place: TableLayout,
        *,
        clear: Callable[[], None],
        send: Callable[[], None],
        ask_break: Callable[[], None],
        back: Callable[[], None],
    ) -> UIButton:
        """The buttons in the order Tab visits them: the view's actions, then Back (returned)."""
        screen, table = self.screen, self.table
        rects, labels = place.actions.buttons, place.actions.labels
        table.send_button = table.clear_button = table.break_button = None
        if table.view == "proposal":
            table.clear_button = screen.button(rects[0], labels[0], clear, key=pygame.K_c)
            table.send_button = screen.button(rects[1], labels[1], send, key=pygame.K_s, object_id="#primary")
        else:
            table.break_button = screen.button(rects[0], labels[0], ask_break, key=pygame.K_b)
        return screen.button(place.back, tr(BACK_LABEL), back)

    def sync(self) -> None:
        """Enable Send and Break only when they can act (the reason is written beside them)."""
        table = self.table
        for button, problem in (
            (table.send_button, table.send_problem() if table.send_button else ""),
            (table.break_button, table.break_problem() if table.break_button else ""),
        ):
            if button is None:
                continue
            if bool(problem) == bool(button.is_enabled):
                set_enabled(button, not problem)
