"""Whole journeys through the desktop game: keyboard only from the title to the end, and a monkey on every screen."""

from __future__ import annotations

import os
import random

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame
import pytest
import uikit

from game.ui.app import App
from game.ui.screens.console.dialog import ConsoleDialog
from game.ui.screens.end import EndScreen
from game.ui.screens.title import TitleScreen


def new_app(size: tuple[int, int] = (1280, 720), scale: float = 1.0) -> App:
    """The test kit's App (no animations, output kept in memory) on the title screen."""
    app = uikit.new_app(size, scale)
    pygame.event.get()
    app.push(TitleScreen(app))
    return app


def press(app: App, code: int, text: str = "") -> None:
    app.dispatch(pygame.event.Event(pygame.KEYDOWN, key=code, mod=0, unicode=text, scancode=0))
    pygame.event.pump()
    for event in pygame.event.get():  # let widgets deliver what they posted (button presses)
        app.dispatch(event)
    top = app.top
    if top is not None and top.manager is not None:
        top.manager.update(0.016)
        top.update(0.016)
    app.draw()


def test_keyboard_only_from_title_to_end_screen() -> None:
    app = new_app()
    press(app, pygame.K_n, "n")  # New game
    press(app, pygame.K_RETURN)  # Start with the default scenario and side
    assert app.match is not None
    match = app.match
    for _ in range(2000):
        if isinstance(app.top, EndScreen):
            break
        # Confirm whatever the screen offers; on the board, end the turn.
        press(app, pygame.K_e, "e")
        press(app, pygame.K_RETURN)
    assert isinstance(app.top, EndScreen)
    assert match.game.is_over() and match.game.outcome is not None
    ending = match.scenario.ending(match.game.outcome.ending)
    assert app.out.getvalue().count("Ending: ") == 1  # type: ignore[attr-defined]
    assert ending.title["en"] in app.out.getvalue()  # type: ignore[attr-defined]


KEYS = [
    pygame.K_TAB,
    pygame.K_RETURN,
    pygame.K_ESCAPE,
    pygame.K_UP,
    pygame.K_DOWN,
    pygame.K_LEFT,
    pygame.K_RIGHT,
    pygame.K_PAGEUP,
    pygame.K_PAGEDOWN,
    pygame.K_SPACE,
    pygame.K_BACKSPACE,
    pygame.K_DELETE,
    *range(pygame.K_0, pygame.K_9 + 1),
    *range(pygame.K_a, pygame.K_z + 1),
]
SIZES = [(1024, 600), (1280, 720), (1600, 900), (1920, 1080)]


@pytest.mark.parametrize("seed", range(3))
def test_monkey_keys_clicks_and_resizes_across_all_screens_raise_nothing(seed: int) -> None:
    rng = random.Random(seed)
    app = new_app()
    seen: set[str] = set()
    for _ in range(1500):
        roll = rng.random()
        width, height = app.window.get_size()
        if roll < 0.55:
            code = rng.choice(KEYS)
            text = chr(code) if pygame.K_0 <= code <= pygame.K_z else ""
            if code == pygame.K_q or (code == pygame.K_ESCAPE and isinstance(app.top, TitleScreen)):
                continue  # quitting would end the walk early
            app.dispatch(pygame.event.Event(pygame.KEYDOWN, key=code, mod=0, unicode=text, scancode=0))
        elif roll < 0.93:
            pos = (rng.randrange(width), rng.randrange(height))
            for kind in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
                app.dispatch(pygame.event.Event(kind, pos=pos, button=1))
        elif roll < 0.97:
            app.dispatch(
                pygame.event.Event(
                    pygame.MOUSEWHEEL, x=0, y=rng.choice((-1, 1)), precise_x=0.0, precise_y=0.0, flipped=False
                )
            )
        else:
            size = rng.choice(SIZES)
            app.window = pygame.display.set_mode(size, pygame.RESIZABLE)
            app.dispatch(pygame.event.Event(pygame.VIDEORESIZE, size=size, w=size[0], h=size[1]))
        pygame.event.pump()
        for event in pygame.event.get():
            if event.type != pygame.QUIT:
                app.dispatch(event)
        if not app.running or app.top is None:
            app.running = True
            app.reset(TitleScreen(app))
        # The teacher's console (reached from the pause menu) is the teacher's, away from the students' path: the
        # monkey leaves it, and lifts its pause, soon, or a walk spends itself there.
        if isinstance(app.top, ConsoleDialog) and rng.random() < 0.1:
            app.pop()
        if app.match is not None and app.match.teacher.paused and rng.random() < 0.05:
            app.match.teacher.paused = False
        top = app.top
        assert top is not None and top.manager is not None
        top.manager.update(0.016)
        top.update(0.016)
        app.draw()
        seen.add(type(top).__name__)
    assert {"TitleScreen", "BoardScreen"} <= seen, seen
    assert len(seen) >= 5, seen


def test_monkey_reaches_many_screens() -> None:
    """The monkey is not stuck on one screen: print which screens a walk visits (and prove there are many)."""
    rng = random.Random(7)
    app = new_app()
    seen: list[str] = []
    for _ in range(800):
        code = rng.choice(
            [
                pygame.K_RETURN,
                pygame.K_TAB,
                pygame.K_e,
                pygame.K_ESCAPE,
                pygame.K_1,
                pygame.K_n,
                pygame.K_s,
                pygame.K_l,
                pygame.K_DOWN,
            ]
        )
        if code == pygame.K_ESCAPE and isinstance(app.top, TitleScreen):
            continue
        press(app, code, chr(code) if pygame.K_0 <= code <= pygame.K_z else "")
        if not app.running or app.top is None:
            app.running = True
            app.reset(TitleScreen(app))
        name = type(app.top).__name__
        if name not in seen:
            seen.append(name)
    assert len(seen) >= 6, seen
