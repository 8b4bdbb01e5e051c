"""The turn timer on the public board: what the board asks of a running countdown, and how it is drawn.

The board does not count time itself. Whatever runs the turn timer (the teacher's console) hands the board a
:class:`Countdown`, which says how many seconds are left of the running part of the turn, or ``None`` when no timer
runs; the board only draws it, in :class:`TimerDisplay`.
"""

from __future__ import annotations

import math
from typing import Protocol, runtime_checkable

import pygame

from game.i18n import tr
from game.ui.screens.ingame import GameScreen
from game.ui.widgets import text as textlib

#: Under this many seconds left the clock turns to the warning colour.
WARNING_SECONDS = 30
#: Design font sizes of the caption and the clock.
CAPTION, CLOCK = 16, 44


@runtime_checkable
class Countdown(Protocol):
    """A running turn timer, as the public board reads it."""

    def seconds_left(self) -> float | None:
        """Seconds left of the current part of the turn; ``None`` when no timer runs."""
        ...


class Stopped:
    """The countdown of a board with no timer running."""

    def seconds_left(self) -> float | None:
        """Always ``None``: no timer runs."""
        return None


def clock_text(seconds: float) -> str:
    """``2:05`` (whole seconds, rounded up, so the clock shows 0:00 only when time is up)."""
    whole = max(0, math.ceil(seconds))
    minutes, rest = divmod(whole, 60)
    return f"{minutes}:{rest:02d}"


class TimerDisplay:
    """The clock in the board's header: ``2:05`` large, with a small caption above it."""

    def __init__(self, screen: GameScreen) -> None:
        self.screen = screen

    def text(self, seconds: float | None, turn_seconds: int | None) -> tuple[str, str]:
        """The caption and the clock: the time left when a timer runs, the length of a part when one is set but
        does not run now, nothing without a timer."""
        if seconds is not None:
            return tr("TIME LEFT"), clock_text(seconds)
        if turn_seconds is not None:
            return tr("TIMER PER PART"), clock_text(turn_seconds)
        return "", ""

    def width(self, seconds: float | None, turn_seconds: int | None) -> int:
        """How wide the clock is drawn (0 without a timer)."""
        caption, clock = self.text(seconds, turn_seconds)
        if not clock:
            return 0
        return max(
            textlib.width_of(self.screen.font(CAPTION, bold=True), caption),
            textlib.width_of(self.screen.font(CLOCK, bold=True), clock),
        )

    def draw(
        self,
        surface: pygame.Surface,
        right: int,
        top: int,
        *,
        seconds: float | None,
        turn_seconds: int | None,
    ) -> None:
        """The caption and the clock, right-aligned at ``right``; red in the last :data:`WARNING_SECONDS`."""
        caption, clock = self.text(seconds, turn_seconds)
        if not clock:
            return
        palette = self.screen.palette
        small, big = self.screen.font(CAPTION, bold=True), self.screen.font(CLOCK, bold=True)
        textlib.draw(surface, caption, (right, top), font=small, colour=palette.muted, align="right")
        warn = seconds is not None and seconds <= WARNING_SECONDS
        colour = palette.bad if warn else palette.text if seconds is not None else palette.muted
        textlib.draw(surface, clock, (right, top + small.get_linesize()), font=big, colour=colour, align="right")

    def height(self) -> int:
        """The height the caption and the clock take."""
        return self.screen.font(CAPTION, bold=True).get_linesize() + self.screen.font(CLOCK, bold=True).get_linesize()
