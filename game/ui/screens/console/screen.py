"""The teacher's console (F2 over a game): pause, the turn timer, add news, adjust an indicator, undo the last
turn, end the game now, show both sides' objectives, and the list of what the teacher did.

The console changes nothing itself: each control hands a typed result (:class:`~game.ui.screens.results.Teach`) to
the flow, which carries it out through :mod:`game.table.teacher` and autosaves."""

from __future__ import annotations

from collections.abc import Callable

import pygame
from pygame_gui.elements import UIButton

from game.i18n import tr
from game.table import teacher
from game.ui.screens.base import Host
from game.ui.screens.console.adjust import AdjustDialog
from game.ui.screens.console.confirm import ConfirmDialog
from game.ui.screens.console.dialog import ConsoleDialog
from game.ui.screens.console.history import draw_history
from game.ui.screens.console.inject import InjectDialog
from game.ui.screens.menu_common import with_key
from game.ui.screens.results import (
    EndGame,
    MoreTime,
    PauseGame,
    ResumeGame,
    Reveal,
    SetTimer,
    Teach,
    TeacherAction,
    UndoTurn,
)
from game.ui.widgets.gui import set_enabled

#: The turn timer's choices, in the order T goes through them (``None``: off).
TIMER_CHOICES: tuple[int | None, ...] = (None, 120, 180, 300, 480)
#: What "+1 minute" adds.
MORE_SECONDS = 60

#: A control: its label, key name, key code, command, and whether it can be used now.
Control = tuple[str, str, int, Callable[[], None], bool]


def timer_text(seconds: int | None) -> str:
    """``Turn timer: off`` or ``Turn timer: 3 min``."""
    return tr("Turn timer: off") if seconds is None else tr("Turn timer: {value} min", value=seconds // 60)


def next_timer(seconds: int | None) -> int | None:
    """The timer choice after ``seconds`` (round again after the longest)."""
    if seconds not in TIMER_CHOICES:
        return TIMER_CHOICES[1]
    return TIMER_CHOICES[(TIMER_CHOICES.index(seconds) + 1) % len(TIMER_CHOICES)]


class ConsoleScreen(ConsoleDialog):
    """The console's main dialog."""

    def __init__(self, app: Host) -> None:
        super().__init__(app)
        self.seen = len(self.match.teacher.interventions)
        self.controls: list[UIButton] = []
        self.placed = False

    # ----------------------------------------------------------------- layout
    def controls_now(self) -> list[Control]:
        """Every control, with its words as things stand."""
        facilitation = self.match.teacher
        return [
            (tr("Resume the game") if facilitation.paused else tr("Pause the game"), "P", pygame.K_p, self.pause, True),
            (timer_text(facilitation.turn_seconds), "T", pygame.K_t, self.cycle_timer, True),
            (tr("+1 minute"), "M", pygame.K_m, self.more_time, facilitation.turn_seconds is not None),
            (tr("Add news…"), "I", pygame.K_i, self.inject, True),
            (tr("Adjust an indicator…"), "A", pygame.K_a, self.adjust, True),
            (
                tr("Hide objectives") if facilitation.revealed else tr("Show objectives"),
                "R",
                pygame.K_r,
                self.reveal,
                True,
            ),
            (tr("Undo the last turn…"), "U", pygame.K_u, self.undo, teacher.undo_target(self.match) is not None),
            (tr("End the game now…"), "X", pygame.K_x, self.end, True),
        ]

    def build(self, rect: pygame.Rect) -> None:
        """The controls (a column beside the list of what was done, or a grid above it) and Close."""
        inner = self.frame(rect, 980, 640)
        area = self.button_row(inner, [(tr("Close"), tr("Esc"), pygame.K_ESCAPE, self.close)])
        controls = self.controls_now()
        labels = [with_key(text, key) for text, key, _, _, _ in controls]
        widest = max(self.button_w(label) for label in labels)
        height, gap = self.button_h(), self.px(8)
        columns = self._columns(len(labels), widest, area, beside=True)
        beside = area.width - columns * (widest + gap) >= self.px(320)  # room for the list beside the controls
        if not beside:
            columns = self._columns(len(labels), widest, area, beside=False)
        rows = -(-len(labels) // columns)
        width = widest if beside else (area.width - (columns - 1) * gap) // columns
        self.controls = []
        for index, (label, (_, _, key, command, usable)) in enumerate(zip(labels, controls, strict=True)):
            column, row = (index // rows, index % rows) if beside else (index % columns, index // columns)
            place = pygame.Rect(area.left + column * (width + gap), area.top + row * (height + gap), width, height)
            widget = self.button(place, label, command, key=key)
            set_enabled(widget, usable)
            self.controls.append(widget)
        grid_w = columns * width + (columns - 1) * gap
        grid_h = rows * height + (rows - 1) * gap
        if beside:
            self.areas["history"] = pygame.Rect(
                area.left + grid_w + self.px(16), area.top, area.width - grid_w - self.px(16), area.height
            )
        else:
            top = area.top + grid_h + self.px(12)
            self.areas["history"] = pygame.Rect(area.left, top, area.width, area.bottom - top)
        if not self.placed:  # the focus starts on the first control, not on Close
            self.placed = True
            self.focus(self.controls[0])

    def _columns(self, count: int, widest: int, area: pygame.Rect, *, beside: bool) -> int:
        """How many columns of controls: as few as fit the height (beside the list: at most two)."""
        height, gap = self.button_h(), self.px(8)
        room = area.height if beside else area.height * 0.6
        limit = 2 if beside else max(1, (area.width + gap) // (widest + gap))
        for columns in range(1, limit + 1):
            rows = -(-count // columns)
            if rows * height + (rows - 1) * gap <= room:
                return columns
        return limit

    # ----------------------------------------------------------------- commands
    def act(self, action: TeacherAction) -> None:
        """Hand ``action`` to the flow (which refreshes the console after it)."""
        self.request(Teach(action))

    def refresh(self) -> None:
        """Say what was done (the newest intervention) and redo the buttons' words."""
        done = self.match.teacher.interventions
        if len(done) > self.seen:
            self.say(tr("Done: {detail}.", detail=done[-1].detail))
        self.seen = len(done)
        self.rebuild()

    def pause(self) -> None:
        """Pause the game, or let it go on."""
        self.act(ResumeGame() if self.match.teacher.paused else PauseGame())

    def cycle_timer(self) -> None:
        """The next turn timer: off, 2, 3, 5, 8 minutes."""
        self.act(SetTimer(next_timer(self.match.teacher.turn_seconds)))

    def more_time(self) -> None:
        """Add a minute to the running turn timer."""
        if self.match.teacher.turn_seconds is not None:
            self.act(MoreTime(MORE_SECONDS))

    def reveal(self) -> None:
        """Show both sides' objectives on screen, or hide them again."""
        self.act(Reveal(not self.match.teacher.revealed))

    def inject(self) -> None:
        """The list of the scenario's events, to add one at the next news."""
        self.app.push(InjectDialog(self.app))

    def adjust(self) -> None:
        """The dialog that sets an indicator, with a reason."""
        self.app.push(AdjustDialog(self.app))

    def undo(self) -> None:
        """Ask, then undo the last turn."""
        start = teacher.undo_target(self.match)
        if start is None:
            self.say(tr("There is no turn to undo yet."), bad=True)
            return
        question = tr(
            "Undo the last turn? The game goes back to the start of turn {turn}; everything done "
            "since is lost (what the teacher did is still listed).",
            turn=start.turn,
        )
        self.app.push(ConfirmDialog(self.app, tr("Undo the last turn"), question, (tr("Undo"), "Y"), Teach(UndoTurn())))

    def end(self) -> None:
        """Ask, then end the game now."""
        question = tr(
            "End the game now? Its ending is worked out from the situation as it stands, and everyone "
            "sees the end screen."
        )
        self.app.push(
            ConfirmDialog(self.app, tr("End the game now"), question, (tr("End the game"), "Y"), Teach(EndGame()))
        )

    # ----------------------------------------------------------------- drawing
    def subtitle(self) -> str:
        """Where the game stands: the turn, paused or not, the timer, objectives shown."""
        parts = [self.match.turn_label]
        if self.match.teacher.paused:
            parts.append("paused")
        if self.app.timer.on:
            parts.append(tr("{label} left of the turn", label=self.app.timer.label()))
        if self.match.teacher.revealed:
            parts.append(tr("objectives shown"))
        return " · ".join(parts)

    def draw_body(self, surface: pygame.Surface) -> None:
        """The list of what the teacher did."""
        history = self.areas.get("history")
        if history is not None:
            draw_history(self, surface, history, self.match)
