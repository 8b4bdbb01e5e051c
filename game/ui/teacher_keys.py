"""The app's keys for the teacher over a game: F2 asks for the teacher's console, and while the teacher has paused
the game the students' keys and clicks do nothing and "Paused by the teacher" covers their screen."""

from __future__ import annotations

from typing import Protocol

import pygame

from game.table import Match
from game.ui.screens.base import Screen
from game.ui.screens.ingame import GameScreen
from game.ui.screens.paused import draw_paused
from game.ui.screens.results import Outcome, TeacherConsole


class _App(Protocol):
    """What :func:`teacher_keys` needs of the app."""

    match: Match | None

    @property
    def top(self) -> Screen | None: ...

    def request(self, result: Outcome) -> None: ...


#: What a game paused by the teacher ignores on the students' screens.
STUDENT_INPUT = (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.TEXTINPUT)


def teacher_keys(app: _App, top: Screen, event: pygame.event.Event) -> bool:
    """The app's keys for the teacher over an in-game screen (``top``, one where Esc opens the pause menu): F2 asks
    for the teacher's console; while the game is paused, the students' keys and clicks do nothing (Esc still opens
    the menu). Returns whether ``event`` was taken."""
    if app.match is None or not top.pausable:
        return False
    if event.type == pygame.KEYDOWN and event.key == pygame.K_F2:
        app.request(TeacherConsole())
        return True
    return app.match.teacher.paused and event.type in STUDENT_INPUT


def draw_paused_over(app: _App, surface: pygame.Surface) -> None:
    """While the game is paused, "Paused by the teacher" over the in-game screen on top (not over the menus and the
    console's dialogs)."""
    top = app.top
    if app.match is not None and app.match.teacher.paused and isinstance(top, GameScreen) and top.pausable:
        draw_paused(top, surface)
