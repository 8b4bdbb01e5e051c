"""The PIN asked before the teacher's console opens (when the game was set up with one)."""

from __future__ import annotations

import pygame

from game.i18n import N_, tr
from game.ui.screens.console.dialog import ConsoleDialog
from game.ui.screens.menu_common import blit_lines
from game.ui.screens.results import PinEntered

PIN_DIGITS = 8


class PinDialog(ConsoleDialog):
    """A field for the PIN; Enter tries it (the flow checks it), Esc goes back to the game."""

    title = N_("Teacher's console")

    def build(self, rect: pygame.Rect) -> None:
        """The explanation, the PIN field (being edited) and Open / Cancel."""
        inner = self.frame(rect, 480, 250)
        above = self.button_row(
            inner,
            [
                (tr("Open"), tr("Enter"), pygame.K_RETURN, self.submit),
                (tr("Cancel"), tr("Esc"), pygame.K_ESCAPE, self.close),
            ],
        )
        field_h = self.button_h()
        self.areas["text"] = pygame.Rect(above.left, above.top, above.width, above.height - field_h - self.px(8))
        field_w = min(above.width, self.button_w("0" * (PIN_DIGITS + 4)))
        field = pygame.Rect(above.left, above.bottom - field_h, field_w, field_h)
        widget = self.field("pin", field, self.submit, placeholder=tr("PIN"), digits_only=True, limit=PIN_DIGITS)
        widget.set_text_hidden(True)  # type: ignore[no-untyped-call]  # students behind the teacher see dots
        self.escape_focus = self.close
        self.focus(widget)  # type: ignore[arg-type]  # a field takes the focus like a button
        widget.select()

    def subtitle(self) -> str:
        """What the dialog asks."""
        return tr("This game's console is guarded by a PIN.")

    def submit(self) -> None:
        """Try the PIN typed."""
        self.dismiss(PinEntered(self.text_of("pin")))

    def draw_body(self, surface: pygame.Surface) -> None:
        """What to type."""
        blit_lines(
            surface, tr("Type the teacher's PIN, then Enter."), self.font(16), self.palette.text, self.areas["text"]
        )
