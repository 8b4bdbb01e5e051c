"""The New game screen's choice of length: the full game first, then the scenario's shorter games; L or Enter on the
Length button moves on, and Start starts the chosen length."""

from __future__ import annotations

from typing import Any

import pygame
import pytest
from uikit import frames, new_app

from game.ui.app import App
from game.ui.screens.newgame import NewGameScreen


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """The games the New game screen starts (``flow.start_game`` recorded instead of run)."""
    from game.ui import flow

    calls: list[dict[str, Any]] = []

    def record(app: App, scenario: Any, scenario_path: str, *, seats: Any, seed: int, pin: str = "") -> None:
        calls.append({"scenario": scenario, "path": scenario_path, "seed": seed})

    monkeypatch.setattr(flow, "start_game", record)
    return calls


def press(app: App, key: int, unicode: str = "") -> None:
    app.dispatch(pygame.event.Event(pygame.KEYDOWN, key=key, unicode=unicode, mod=0, scancode=0))
    app.dispatch(pygame.event.Event(pygame.KEYUP, key=key, unicode=unicode, mod=0, scancode=0))


def open_new_game(size: tuple[int, int] = (1280, 720), scale: float = 1.0) -> tuple[App, NewGameScreen]:
    app = new_app(size, scale)
    screen = NewGameScreen(app)
    app.push(screen)
    frames(app, 2)
    return app, screen


def button_texts(screen: NewGameScreen) -> list[str]:
    return [getattr(widget, "text", "") for widget in screen.focusables]


def test_the_full_game_is_chosen_first_and_l_then_enter_starts_the_lesson_game(started: list[dict[str, Any]]) -> None:
    app, screen = open_new_game()
    assert any(text.startswith("Full game (12 turns)") for text in button_texts(screen))
    press(app, pygame.K_l, "l")
    frames(app, 1)
    assert any(text.startswith("Lesson game (8 turns, 2023-2024)") for text in button_texts(screen))
    press(app, pygame.K_RETURN)
    assert len(started) == 1
    chosen = started[0]["scenario"]
    assert chosen.turns == 8 and chosen.id == "cambodia_us" and chosen.calendar.end_label(8) == "Dec 2024"


def test_the_length_button_is_reached_with_tab_and_enter_cycles_back_to_the_full_game(
    started: list[dict[str, Any]],
) -> None:
    app, screen = open_new_game()
    for _ in range(len(screen.focusables) + 1):
        screen._sync_focus_key()
        if screen.focus_key == ("length", 0):
            break
        press(app, pygame.K_TAB)
    assert screen.focus_key == ("length", 0)
    press(app, pygame.K_RETURN)
    assert screen.length == 1 and screen.focus_key == ("length", 0)
    press(app, pygame.K_RETURN)
    assert screen.length == 0 and not started  # round again to the full game; nothing started yet
    screen.start()
    assert started[0]["scenario"].turns == 12


@pytest.mark.parametrize(("size", "scale"), [((1280, 720), 1.0), ((1280, 720), 2.0), ((1024, 600), 1.0)])
def test_the_length_choice_fits_on_screen(size: tuple[int, int], scale: float) -> None:
    _app, screen = open_new_game(size, scale)
    index = screen.widget_keys[("length", 0)]
    rect = screen.focusables[index].get_abs_rect()
    assert pygame.Rect((0, 0), size).contains(rect)
    start = screen.focusables[screen.widget_keys[("start", 0)]].get_abs_rect()
    assert not rect.colliderect(start)
