"""The question asked before the console undoes a turn or ends the game: the answer that changes nothing has the
focus, so a stray Enter never loses a turn."""

from __future__ import annotations

import pygame

from game.i18n import tr
from game.ui.screens.base import Host
from game.ui.screens.console.dialog import ConsoleDialog
from game.ui.screens.menu_common import blit_lines
from game.ui.screens.results import Teach


class ConfirmDialog(ConsoleDialog):
    """``question`` with a button for ``yes`` (its words and key) that hands on ``result``, and Keep playing."""

    def __init__(self, app: Host, title: str, question: str, yes: tuple[str, str], result: Teach) -> None:
        super().__init__(app)
        self.title = title
        self.question = question
        self.yes = yes
        self.result = result

    def build(self, rect: pygame.Rect) -> None:
        """The question and the two buttons (Keep playing focused)."""
        inner = self.frame(rect, 560, 250)
        words, key_name = self.yes
        self.areas["question"] = self.button_row(
            inner,
            [(words, key_name, pygame.K_y, self.confirm), (tr("Keep playing"), "N", pygame.K_n, self.close)],
        )
        self.shortcuts[pygame.K_ESCAPE] = self.close
        self.focus(self.focusables[-1])

    def confirm(self) -> None:
        """Yes: close and hand the result on."""
        self.dismiss(self.result)

    def draw_body(self, surface: pygame.Surface) -> None:
        """The question."""
        blit_lines(surface, self.question, self.font(16), self.palette.text, self.areas["question"])
