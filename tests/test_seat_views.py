"""Each seat sees the game through its own view, and judges every move by its own objectives.

Two roles watch one indicator ``x`` (70 at the start): ``a`` scores ``x`` itself (higher is better), ``b`` scores
``100 - 2 * |x - 50|`` (best near 50, as Cambodia's tie with China in the default scenario). A fall of ``x`` is bad
news for ``a`` and good news for ``b``, until ``x`` passes 50.
"""

from __future__ import annotations

import dataclasses

import pygame
import pytest
from uikit import MakeApp, frames, key

from builders import effect, expr, scenario
from game.engine import Commit, Scenario
from game.table import PERSON, Done, Match, score_gain, view
from game.text import views
from game.ui import flow
from game.ui.screens.board import BoardScreen
from game.ui.screens.review import ReviewScreen
from game.ui.widgets import gain_colour


def two_minds() -> Scenario:
    base = scenario(
        indicators={"x": 70.0, "y": 50.0},
        actions=[{"id": "cut", "role": "a", "effects": [effect("x -= 10")]},
                 {"id": "wait", "role": "b", "effects": [effect("y += 0")]}],
    )  # fmt: skip
    a, b = base.roles
    return dataclasses.replace(base, roles=(a, dataclasses.replace(b, score=expr("100 - 2 * abs(x - 50)"))))


def cut_once(match: Match) -> None:
    match.apply("a", Commit("a", "cut"))
    match.apply("a", Done("a"))
    match.apply("b", Done("b"))


@pytest.fixture
def match() -> Match:
    return Match.start(two_minds(), {"a": PERSON, "b": PERSON}, seed=1)


def test_which_way_is_good_news_depends_on_the_seat_looking(match: Match) -> None:
    x_for = {role: next(i for i in view(match, role).indicators if i.id == "x") for role in ("a", "b")}
    assert (x_for["a"].yours, x_for["b"].yours) == ("high", "low")
    y_for_a = next(i for i in view(match, "a").indicators if i.id == "y")
    assert y_for_a.yours == "none"  # y is in nobody's score
    cut_once(match)
    cut_once(match)
    cut_once(match)  # x: 70 -> 40, past b's best
    assert next(i for i in view(match, "b").indicators if i.id == "x").yours == "high"


def test_a_fall_is_worse_for_one_side_and_better_for_the_other(match: Match) -> None:
    cut_once(match)
    mine = {i.id: i for i in view(match, "a").indicators}
    theirs = {i.id: i for i in view(match, "b").indicators}
    assert (mine["x"].before, mine["x"].value) == (70.0, 60.0)
    assert mine["x"].gain == pytest.approx(-10.0)
    assert theirs["x"].gain == pytest.approx(20.0)  # 100 - 2*10 = 80, from 100 - 2*20 = 60
    assert mine["y"].gain == 0.0
    assert "  x: 60 (down 10 since last turn, worse for you; range 0 to 100)" in views.indicator_lines(view(match, "a"))
    assert "  x: 60 (down 10 since last turn, better for you; range 0 to 100)" in views.indicator_lines(
        view(match, "b")
    )
    assert "  y: 50 (no change since last turn; range 0 to 100)" in views.indicator_lines(view(match, "b"))


def test_a_seat_compares_with_the_values_its_front_end_last_showed(match: Match) -> None:
    cut_once(match)
    cut_once(match)
    since = {"x": 70.0, "y": 50.0}  # a person who last looked two turns ago
    x = next(i for i in view(match, "b", since=since).indicators if i.id == "x")
    assert (x.before, x.value) == (70.0, 50.0) and x.gain == pytest.approx(40.0)


def test_the_review_judges_each_change_for_its_reader_and_none_for_a_shared_review(match: Match) -> None:
    cut_once(match)
    game = match.game
    changes = game.changes_in_turn(1)
    for_a = views.change_lines(game, changes, lambda i, b, a: score_gain(match, "a", i, b, a))
    for_b = views.change_lines(game, changes, lambda i, b, a: score_gain(match, "b", i, b, a))
    shared = views.change_lines(game, changes)
    assert "  x: 70 -> 60 (down 10, worse for you)" in for_a
    assert "  x: 70 -> 60 (down 10, better for you)" in for_b
    assert "  x: 70 -> 60 (down 10)" in shared


def test_the_board_shows_what_the_seat_s_view_holds_coloured_for_that_seat(make_app: MakeApp) -> None:
    app = make_app()
    sc = two_minds()
    flow.start_game(app, sc, "two_minds.yaml", seats={"a": PERSON}, seed=3)
    for _ in range(10):
        if isinstance(app.top, BoardScreen):
            break
        key(app, pygame.K_RETURN)
        frames(app, 1)
    board = app.top
    assert isinstance(board, BoardScreen)
    key(app, pygame.K_1)  # commit "cut"
    key(app, pygame.K_e)
    frames(app, 1)
    reviewed = False
    while not isinstance(app.top, BoardScreen):
        if isinstance(app.top, ReviewScreen):
            reviewed = True
            assert app.top.colour("x", 70.0, 60.0) == app.palette.bad  # a single person: judged for a
        key(app, pygame.K_RETURN)
        frames(app, 1)
    assert reviewed
    board = app.top
    frames(app, 1)
    seat = view(board.match, "a")
    assert board.shown == {i.id: i for i in seat.indicators}
    assert board.shown["x"].value == 60.0
    assert gain_colour(True, board.shown["x"].gain, app.palette) == app.palette.bad


def test_a_move_worth_a_fraction_of_a_point_is_still_better_or_worse() -> None:
    base = two_minds()
    a, b = base.roles
    sc = dataclasses.replace(base, roles=(dataclasses.replace(a, score=expr("0.05 * x")), b))
    match = Match.start(sc, {"a": PERSON, "b": PERSON}, seed=1)
    cut_once(match)  # x 70 -> 60: a's score falls by half a point
    lines = views.indicator_lines(view(match, "a"))
    assert "  x: 60 (down 10 since last turn, worse for you; range 0 to 100)" in lines
