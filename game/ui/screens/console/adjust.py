"""Adjust an indicator: pick it (Up / Down), set the new value (Left / Right by 1, Shift by 10, or the buttons),
type the reason (required: it is recorded with the change) and Set. Why it cannot be set is shown, and Set is
greyed, until it can."""

from __future__ import annotations

from collections.abc import Callable

import pygame
from pygame_gui.elements import UIButton

from game.engine import Indicator, localize
from game.i18n import N_, tr, tr_reason
from game.ui.screens.base import Host
from game.ui.screens.console.dialog import ConsoleDialog
from game.ui.screens.console.picklist import PickList, Row
from game.ui.screens.menu_common import blit_lines, blit_text
from game.ui.screens.results import AdjustIndicator, Teach
from game.ui.widgets.gui import set_enabled

REASON_LIMIT = 200
#: The steps of the value buttons: label, key, step.
STEPS = (
    ("−10", "[", pygame.K_LEFTBRACKET, -10.0),
    ("−1", "−", pygame.K_MINUS, -1.0),
    ("+1", "+", pygame.K_EQUALS, 1.0),
    ("+10", "]", pygame.K_RIGHTBRACKET, 10.0),
)


class AdjustDialog(ConsoleDialog):
    """Pick an indicator, set its new value and give a reason."""

    title = N_("Adjust an indicator")

    def __init__(self, app: Host) -> None:
        super().__init__(app)
        self.indicators: list[Indicator] = list(self.match.scenario.shown_indicators)
        self.list = PickList(self)
        self.values = {i.id: self.match.game.state.values[i.id] for i in self.indicators}
        self.set_button: UIButton | None = None

    @property
    def picked(self) -> Indicator:
        """The indicator being adjusted."""
        return self.indicators[self.list.picked]

    def why_not(self) -> str:
        """Why the new value cannot be set now (``""``: it can)."""
        picked = self.picked
        return tr_reason(self.match.game.why_not_adjust(picked.id, self.values[picked.id], self.text_of("reason")))

    def rows(self) -> list[Row]:
        """Each indicator with its value now (and the new one, when changed)."""
        rows: list[Row] = []
        lang, values = self.match.game.lang, self.match.game.state.values
        for indicator in self.indicators:
            now, new = values[indicator.id], self.values[indicator.id]
            note = tr("now {now:g}", now=now) + (tr(", new value {new:g}", new=new) if new != now else "")
            rows.append((localize(indicator.label, lang), note, False))
        return rows

    # ----------------------------------------------------------------- layout
    def build(self, rect: pygame.Rect) -> None:
        """The list, the value with its step buttons, the reason field, Set and Back."""
        inner = self.frame(rect, 960, 640)
        area = self.button_row(
            inner,
            [
                (tr("Set"), tr("Enter"), pygame.K_RETURN, self.submit),
                (tr("Back"), tr("Esc"), pygame.K_ESCAPE, self.close),
            ],
        )
        self.set_button = self.focusables[0]
        gap, height = self.px(14), self.button_h()
        wide = area.width >= self.px(640)
        left = area.width * 4 // 10 if wide else area.width
        small, value_h = self.font(14).get_linesize(), self.font(17, bold=True).get_linesize()
        needed = value_h + 2 * height + gap + small * 2 + self.px(16)  # the value, its steps, the reason, why not
        list_h = area.height if wide else max(self.list.row_height() + self.px(16), area.height - needed - gap)
        self.areas["list"] = pygame.Rect(area.left, area.top, left, max(height, list_h))
        side = (
            pygame.Rect(area.left + left + gap, area.top, area.width - left - gap, area.height)
            if wide
            else pygame.Rect(area.left, area.top + list_h + gap, area.width, area.height - list_h - gap)
        )
        self._controls(side, height, gap)
        self.focus(self.set_button)
        self._sync()

    def _controls(self, side: pygame.Rect, height: int, gap: int) -> None:
        """The value line, its step buttons, the reason's label and field, and the line saying why not."""
        small = self.font(14)
        self.areas["value"] = pygame.Rect(side.left, side.top, side.width, self.font(17, bold=True).get_linesize())
        y = self.areas["value"].bottom + self.px(6)
        x = side.left
        for label, key_name, key, step in STEPS:
            text = f"{label} ({key_name})"
            width = self.button_w(text)
            self.button(pygame.Rect(x, y, width, height), text, self._stepper(step), key=key)
            x += width + self.px(6)
        y += height + gap
        self.areas["reason_label"] = pygame.Rect(side.left, y, side.width, small.get_linesize())
        y += small.get_linesize() + self.px(4)
        self.field(
            "reason",
            pygame.Rect(side.left, y, side.width, height),
            self.submit,
            placeholder=tr("Why (required)"),
            limit=REASON_LIMIT,
        )
        y += height + self.px(6)
        self.areas["why"] = pygame.Rect(side.left, y, side.width, max(0, side.bottom - y))
        self.shortcuts[pygame.K_KP_PLUS] = self._stepper(1.0)
        self.shortcuts[pygame.K_KP_MINUS] = self._stepper(-1.0)

    # ----------------------------------------------------------------- commands
    def _stepper(self, step: float) -> Callable[[], None]:
        return lambda: self.step(step)

    def step(self, amount: float) -> None:
        """Move the new value by ``amount`` (kept in the indicator's range)."""
        picked = self.picked
        self.values[picked.id] = min(picked.max, max(picked.min, round(self.values[picked.id] + amount, 6)))
        self._sync()

    def _sync(self) -> None:
        if self.set_button is not None:
            set_enabled(self.set_button, not self.why_not())
        self.app.dirty = True

    def submit(self) -> None:
        """Set the value (or say why not)."""
        why = self.why_not()
        if why:
            self.say(tr("Cannot set it: {why}.", why=why), bad=True)
            if not self.text_of("reason").strip() and "reason" in self.fields:
                self.focus(self.fields["reason"])  # type: ignore[arg-type]  # a field takes the focus like a button
                self.fields["reason"].select()
            return
        picked = self.picked
        self.dismiss(Teach(AdjustIndicator(picked.id, self.values[picked.id], self.text_of("reason").strip())))

    def handle(self, event: pygame.event.Event) -> bool:
        """Up / Down pick an indicator, Left / Right change the value (Shift: by 10); typing goes to the reason."""
        if self.editing() is not None:
            handled = super().handle(event)
            self._sync()
            return handled
        if event.type == pygame.KEYDOWN:
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER) and self.focused_on(self.set_button):
                self.submit()  # also when Set is greyed: it says why
                return True
            if event.key in (pygame.K_LEFT, pygame.K_RIGHT):
                size = 10.0 if event.mod & pygame.KMOD_SHIFT else 1.0
                self.step(size if event.key == pygame.K_RIGHT else -size)
                return True
            if self.list.key(event.key, len(self.indicators)):
                self._sync()
                return True
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and self.list.click(event.pos):
            self._sync()
            return True
        if event.type == pygame.TEXTINPUT and "reason" in self.fields and event.text.isalpha():  # not + - [ ]
            field = self.fields["reason"]
            self.focus(field)  # type: ignore[arg-type]  # a field takes the focus like a button
            field.select()  # typing anywhere in the dialog writes the reason
            if self.editing() is not None:
                return self.handle(event)
        return super().handle(event)

    # ----------------------------------------------------------------- drawing
    def draw_body(self, surface: pygame.Surface) -> None:
        """The list, the value line, the reason's label and why it cannot be set yet."""
        palette = self.palette
        self.list.draw(surface, self.areas["list"], self.rows())
        picked = self.picked
        now, new = self.match.game.state.values[picked.id], self.values[picked.id]
        label = localize(picked.label, self.match.game.lang)
        value = self.areas["value"]
        blit_text(
            surface,
            tr(
                "{label}: {now:g} now, new value {new:g}  (range {min:g} to {max:g})",
                label=label,
                now=now,
                new=new,
                min=picked.min,
                max=picked.max,
            ),
            self.font(17, bold=True),
            palette.text,
            value.topleft,
            width=value.width,
        )
        reason = self.areas["reason_label"]
        blit_text(
            surface,
            tr("Reason (recorded with the change, shown to the students):"),
            self.font(14),
            palette.muted,
            reason.topleft,
            width=reason.width,
        )
        why, small = self.why_not(), self.font(14)
        room = self.areas["why"]
        if why and room.height < small.get_linesize():  # no room under the field: beside the buttons
            room = self.areas["status"] if not self.status else pygame.Rect(0, 0, 0, 0)
        if why and room.height >= small.get_linesize():
            blit_lines(surface, tr("Not yet: {why}.", why=why), small, palette.muted, room, max_lines=3)
