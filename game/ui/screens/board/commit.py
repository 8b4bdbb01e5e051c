"""The Commit/Withdraw button at the bottom of the details panel, worded for the selected action."""

from __future__ import annotations

from collections.abc import Callable

import pygame
from pygame_gui.elements import UIButton

from game.i18n import tr
from game.ui.screens.board.state import BoardState, number_of
from game.ui.screens.ingame import GameScreen
from game.ui.widgets.gui import set_enabled, set_visible


class CommitButton:
    """Commits or withdraws the selected action; hidden unless the details panel shows an action."""

    def __init__(self, screen: GameScreen, state: BoardState) -> None:
        self.screen = screen
        self.state = state
        self.button: UIButton | None = None
        self.panel = pygame.Rect(0, 0, 0, 0)

    def build(self, panel: pygame.Rect, command: Callable[[], None]) -> UIButton:
        """Create the button at the bottom right of the details ``panel``, running ``command`` when pressed."""
        screen, pad = self.screen, self.state.pad
        self.panel = panel
        label = tr("Withdraw (9 or Enter)")
        rect = pygame.Rect(0, 0, min(panel.width - 2 * pad, screen.button_width(label)), screen.button_height())
        rect.bottomright = (panel.right - pad, panel.bottom - pad)
        self.button = screen.button(rect, tr("Commit (Enter)"), command, focusable=False)
        self.button.set_text("")  # set for the selected action by sync
        return self.button

    def sync(self, details_visible: bool) -> None:
        """Show the button for the selected action, with the right words (``details_visible``: the details panel
        is on screen)."""
        button, state = self.button, self.state
        if button is None:
            return
        action = state.action
        if state.zone != "actions" or action is None or not details_visible:
            set_visible(button, False)
            return
        set_visible(button, True)
        status = state.status.get(action.id, "")
        number = number_of(state.act_index)
        key = tr("{number} or Enter", number=number) if number else tr("Enter")
        if status == "committed":
            text, enabled = tr("Withdraw ({key})", key=key), True
        elif status == "available":
            text, enabled = tr("Commit ({key})", key=key), True
        else:
            text, enabled = tr("Not available now"), False
        if button.text != text:
            width = min(self.panel.width - 2 * state.pad, self.screen.button_width(text))
            button.set_dimensions((width, button.rect.height))
            button.set_relative_position((self.panel.right - state.pad - width, button.rect.top))
            button.set_text(text)
        if enabled != bool(button.is_enabled):
            set_enabled(button, enabled)
