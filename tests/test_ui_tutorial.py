"""Learn to play on the desktop: the title's button starts the tutorial, and the coach on the board shows the
current step, outlines what it points at and goes on when the learner does what it asks."""

from __future__ import annotations

from collections.abc import Callable

import pygame
import pytest
from uikit import SIZES, frames, key, size_ids

from game.engine.tutorial import PointAt, Pointer, Step, Tutorial, Until
from game.ui import flow
from game.ui.app import App
from game.ui.screens.board import BoardScreen
from game.ui.screens.board.coach import target_rect
from game.ui.screens.briefing import BriefingScreen
from game.ui.screens.event import EventScreen
from game.ui.screens.review import ReviewScreen
from game.ui.screens.title import TitleScreen


def open_tutorial(app: App) -> BoardScreen:
    """The title, T (Learn to play), then the briefing read: the learner's board."""
    flow.show_title(app)
    frames(app, 1)
    assert isinstance(app.top, TitleScreen)
    assert any("Learn to play" in b.text for b in app.top.focusables)
    key(app, pygame.K_t)
    assert isinstance(app.top, BriefingScreen)
    key(app, pygame.K_RETURN)
    assert isinstance(app.top, BoardScreen)
    return app.top


def test_learn_to_play_starts_the_tutorial_against_the_computer(make_app: Callable[..., App]) -> None:
    app = make_app()
    board = open_tutorial(app)
    match, coach = app.match, app.coach
    assert match is not None and coach is not None
    assert match.scenario.id == "tutorial" and match.persons == ("valdoria",) and board.role == "valdoria"
    assert coach.current().index == 0


def test_continue_goes_through_the_steps_to_read_and_the_board_moves_the_rest(make_app: Callable[..., App]) -> None:
    app = make_app()
    open_tutorial(app)
    coach = app.coach
    assert coach is not None
    for expected in range(1, 6):
        key(app, pygame.K_c)
        frames(app, 1)
        assert coach.current().index == expected
    key(app, pygame.K_c)  # step 6 waits for a commit: Continue is hidden and does nothing
    assert coach.current().index == 5
    board = app.top
    assert isinstance(board, BoardScreen) and board.coach.button is not None and not board.coach.button.visible
    key(app, pygame.K_1)  # commit Hold a summit, the first action
    assert coach.current().index == 6
    key(app, pygame.K_e)
    assert isinstance(app.top, ReviewScreen)
    key(app, pygame.K_RETURN)
    assert isinstance(app.top, EventScreen)  # turn 2's news asks: the step that waits for the answer
    assert coach.current().index == 7
    key(app, pygame.K_1)
    key(app, pygame.K_RETURN)
    assert isinstance(app.top, BoardScreen) and coach.current().index == 8


def test_opening_the_negotiation_table_is_told_to_the_coach(make_app: Callable[..., App]) -> None:
    app = make_app()
    open_tutorial(app)
    coach = app.coach
    assert coach is not None
    opening = Step({"en": "Open the negotiation table."}, Until.OPEN, "negotiate", Pointer(PointAt.NEGOTIATE))
    coach.tutorial = Tutorial(coach.tutorial.role, (opening, *coach.tutorial.steps))
    assert coach.current().index == 0
    key(app, pygame.K_p)
    assert coach.current().index == 1


@pytest.mark.parametrize(("size", "scale"), SIZES, ids=size_ids(SIZES))
def test_the_coach_strip_fits_and_every_pointer_has_a_place(
    make_app: Callable[..., App], size: tuple[int, int], scale: float
) -> None:
    app = make_app(size, scale)
    board = open_tutorial(app)
    frames(app, 2)
    strip = board.coach.rect
    assert strip.height > 0 and app.window.get_rect().contains(strip)
    assert not strip.colliderect(board.body)
    button = board.coach.button
    assert button is not None and button.visible and strip.contains(button.rect)
    pointers = [Pointer(at) for at in PointAt if at not in (PointAt.INDICATOR, PointAt.ACTION)]
    pointers += [Pointer(PointAt.INDICATOR, "tension"), Pointer(PointAt.ACTION, "v_summit")]
    for pointer in pointers:
        rect = target_rect(board, pointer, board)
        if pointer.at is PointAt.COMMIT and not board.commit_button.visible:
            continue
        assert rect is not None and rect.width > 0, pointer


def test_the_outline_is_drawn_around_what_the_step_points_at(make_app: Callable[..., App]) -> None:
    app = make_app()
    board = open_tutorial(app)
    key(app, pygame.K_c)  # step 2 points at the objectives: the indicator list
    frames(app, 2)
    accent = app.palette.accent
    rect = board.ind_rect.inflate(app.px(8), app.px(8))
    edge = [app.window.get_at((x, rect.top + 1))[:3] for x in range(rect.left + 20, rect.right - 20, 7)]
    assert all(tuple(c) == tuple(accent[:3]) for c in edge)
