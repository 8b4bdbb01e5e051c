"""The condensed turn review: the few moves that mattered most and their causes, what was left out, and the full list
one key away, in the terminal and on the desktop."""

from __future__ import annotations

import dataclasses
import io
from typing import Any

import pygame
import pytest
from test_cli import no_traceback, run
from test_text import play, section, small
from uikit import MakeApp, doc_text, frames, key, start, start_hotseat

from builders import scenario
from game.engine import Cause, Change, Scenario
from game.present.review import condense, indicator_order, left_out_words
from game.table import PERSON, Match
from game.text import run as run_text
from game.text import views
from game.ui.screens.board import BoardScreen
from game.ui.screens.event import EventScreen
from game.ui.screens.review import TOGGLE_LABELS, ReviewScreen


def ranged() -> Scenario:
    """Indicators x, y (0-100), s (0-10, listed last) and h (hidden), for the pure function."""
    sc = scenario(indicators={"x": 50.0, "y": 50.0, "s": 5.0, "h": 0.0})
    indicators = []
    for ind in sc.indicators:
        if ind.id == "s":
            ind = dataclasses.replace(ind, max=10.0)
        if ind.id == "h":
            ind = dataclasses.replace(ind, hidden=True)
        indicators.append(ind)
    return dataclasses.replace(sc, indicators=tuple(indicators))


def change(indicator: str, before: float, after: float, cause: str = "talk", **more: Any) -> Change:
    """A change of turn 2 made by role a's action ``cause`` (or, with ``kind``, by an event or a trend), decided in
    turn ``since`` (default: 2)."""
    kind = more.get("kind", Cause.ACTION)
    role = "a" if kind is Cause.ACTION else ""
    return Change(2, indicator, before, after, kind, cause, role, cause, more.get("since", 2))


# --------------------------------------------------------------------- the pure function
def test_the_biggest_net_moves_for_their_range_come_first_and_the_rest_are_counted() -> None:
    changes = [
        change("x", 50, 56),  # 6 of 100
        change("y", 50, 53),  # 3 of 100
        change("s", 5, 6),  # 1 of 10: the biggest for its range
        change("h", 0, 90),  # hidden: never counted
    ]
    condensed = condense(ranged(), changes, moves=2)
    assert [m.indicator for m in condensed.moves] == ["s", "x"]
    assert condensed.moves[0].size == pytest.approx(0.1)
    assert (condensed.left_out, condensed.other_moves, condensed.total) == (1, 1, 3)
    assert left_out_words(condensed) == "1 smaller change, 1 more indicator moved"


def test_several_changes_of_one_indicator_merge_into_its_net_move_with_its_biggest_causes() -> None:
    changes = [
        change("x", 50, 53, "talk"),
        change("x", 53, 45, "shock", kind=Cause.EVENT),
        change("x", 45, 47, "talk"),  # the same action again: one cause, +5 in all
        change("x", 47, 48, "drift", kind=Cause.DYNAMIC),
        change("x", 48, 58, "talk", since=1),  # taken last turn, falling due now: told apart from this turn's
    ]
    (move,) = condense(ranged(), changes, causes=2).moves
    assert (move.before, move.after, move.delta) == (50, 58, 8)
    assert [(share.first.cause_id, share.delta, len(share.changes)) for share in move.causes] == [
        ("talk", 10, 1),
        ("shock", -8, 1),
    ]
    assert move.more_causes == 2  # talk (+5, two changes) and drift (+1)
    condensed = condense(ranged(), changes, causes=3)
    assert [(s.first.cause_id, s.delta, len(s.changes)) for s in condensed.moves[0].causes][2] == ("talk", 5, 2)
    assert condensed.left_out == 1  # drift


def test_a_move_that_nets_to_nothing_shown_is_not_told_but_its_changes_are_counted() -> None:
    changes = [change("x", 50, 54), change("x", 54, 50.2), change("y", 50, 51)]
    condensed = condense(ranged(), changes)
    assert [m.indicator for m in condensed.moves] == ["y"]
    assert (condensed.left_out, condensed.other_moves, condensed.complete) == (2, 0, False)
    assert condense(ranged(), changes[2:]).complete and left_out_words(condense(ranged(), changes[2:])) == ""


def test_ties_go_by_the_review_s_order_of_indicators_whatever_the_order_of_the_changes() -> None:
    forward = [change("x", 50, 55), change("y", 50, 55)]
    for changes in (forward, forward[::-1]):
        assert [m.indicator for m in condense(ranged(), changes).moves] == ["x", "y"]
    assert indicator_order(ranged())[:3] == ["x", "y", "s"]


def test_a_cause_too_small_to_show_is_left_out_unless_nothing_bigger_explains_the_move() -> None:
    changes = [change("x", 50, 54, "talk"), change("x", 54, 54.3, "drift", kind=Cause.DYNAMIC)]
    (move,) = condense(ranged(), changes).moves
    assert [s.first.cause_id for s in move.causes] == ["talk"] and move.more_causes == 1
    tiny = [change("x", 50, 50.4, "drift", kind=Cause.DYNAMIC), change("x", 50.4, 50.8, "fade", kind=Cause.DYNAMIC)]
    (move,) = condense(ranged(), tiny).moves
    assert [s.first.cause_id for s in move.causes] == ["drift"]


# --------------------------------------------------------------------- the terminal
def test_the_terminal_review_is_condensed_by_default_and_f_shows_the_full_list() -> None:
    _, out = play(["1", "1", "e", "", "e"])
    review = section(out, "--- Review of turn 1", "=== Turn 2")
    assert "What mattered most:\n  x: 50 -> 61 (up 11, better for you)\n" in review
    assert "    +5: crisis: calm (decision by a)\n    +4: talk (action by a)\n    and 1 smaller cause\n" in review
    assert "  Left out: 1 smaller change. Type f below for the full list.\n" in review
    assert "What changed and why:" not in out and "Every change of turn" not in out
    assert "Your score: 61.0 (up 11.0 this turn)." in review
    _, out = play(["1", "1", "e", "F", "e"])
    full = section(out, "Every change of turn 1 and why:", "=== Turn 2")
    assert "  x: 50 -> 61 (up 11, better for you)\n    +5: crisis: calm (decision by a)" in full
    assert "    +2: b_talk (action by b)\n" in full  # the cause the condensed review left out


def test_answers_typed_at_the_review_prompt_go_to_the_next_prompt_so_old_scripts_read_on() -> None:
    code, out = play(["1", "1", "e", "1", "e", "1", "e"])  # written without the review prompts
    assert code == 0 and "Ending: good" in out
    assert "Enter to go on to turn 2, f for the full list: \n" in out
    turn_2 = section(out, "=== Turn 2", "--- Review of turn 2")
    assert "quit): 1\nCommitted: talk." in turn_2


def test_quitting_at_the_review_prompt_asks_first() -> None:
    code, out = play(["1", "1", "e", "q", "y"])
    assert code == 0 and out.splitlines()[-1] == "Goodbye."
    assert "f for the full list: q\nQuit the game?" in out


def test_the_full_review_option_always_shows_the_full_list_and_asks_nothing() -> None:
    out = io.StringIO()
    stdin = io.StringIO("1\n1\ne\n1\ne\n1\ne\n")
    run_text(small(), role="a", seed=1, stdin=stdin, stdout=out, full_review=True)
    text = out.getvalue()
    assert text.count("What changed and why:") == 3 and "What mattered most:" not in text
    assert "f for the full list" not in text and "Ending: good" in text


def test_text_full_review_on_the_command_line() -> None:
    answers = "1\n1\ne\n" * 14
    short = run("text", "--role", "us", "--seed", "1", "--no-save", stdin=answers)
    full = run("text", "--role", "us", "--seed", "1", "--no-save", "--full-review", stdin=answers)
    assert short.returncode == full.returncode == 0 and no_traceback(short) and no_traceback(full)
    assert full.stdout.count("What changed and why:") == 12 and "What mattered most:" not in full.stdout
    assert short.stdout.count("What mattered most:") == 12 and "What changed and why:" not in short.stdout
    assert len(short.stdout.split()) < len(full.stdout.split()) * 0.85
    assert "Enter to see how it ended, f for the full list: " in short.stdout


def test_two_people_at_one_terminal_may_ask_for_the_full_list_at_the_next_privacy_line() -> None:
    out = io.StringIO()
    answers = ["", "1", "1", "e", "", "1", "e", "f", "", "e"]
    stdin = io.StringIO("".join(f"{line}\n" for line in answers))
    run_text(small(), role=None, seed=1, stdin=stdin, stdout=out, seats={"a": PERSON, "b": PERSON})
    text = out.getvalue()
    review = section(text, "--- Review of turn 1", "=== Turn 2")
    assert "What mattered most:" in review and "Your score" not in review and "better for you" not in review
    assert "at the keyboard (f: the full review first): f\n\nEvery change of turn 1 and why:\n" in review
    assert "Pass to b. Press Enter when b is at the keyboard: \n" in review  # then the privacy line as before


def test_the_review_names_the_biggest_causes_of_a_real_game_in_words() -> None:
    """The default scenario: each condensed review names causes as the full list does, never an internal id."""
    from game.content.loader import load_scenario
    from game.paths import DEFAULT_SCENARIO

    sc = load_scenario(DEFAULT_SCENARIO)
    match = Match.start(sc, {"us": PERSON}, 5)
    game = match.game
    while not match.is_over():
        _end_turn(match)
    for turn in range(1, game.scenario.turns + 1):
        short = views.review_lines(game, "us", turn, full=False)
        full = views.review_lines(game, "us", turn, full=True)
        causes = [line.split(": ", 1)[1] for line in short if line.startswith("    ") and ": " in line]
        assert causes and all(any(cause in line for line in full) for cause in causes)


def _end_turn(match: Match) -> None:
    from game.engine import Choose
    from game.table import DecisionKind, Done

    decision = match.decision()
    assert decision is not None
    if decision.kind is DecisionKind.CHOOSE:
        event = match.game.scenario.event(decision.event)
        match.apply(decision.role, Choose(decision.role, event.id, event.choices[0].id))
    elif decision.kind is DecisionKind.ACT:
        match.apply(decision.role, Done(decision.role))
    else:
        match.apply(decision.role, decision.options[0])


# --------------------------------------------------------------------- the desktop
def reach_review(app: Any) -> ReviewScreen:
    for _ in range(30):
        if isinstance(app.top, ReviewScreen):
            return app.top
        if isinstance(app.top, EventScreen):
            key(app, pygame.K_1)
        if isinstance(app.top, BoardScreen):
            key(app, pygame.K_1)
            key(app, pygame.K_e)
            continue
        key(app, pygame.K_RETURN)
    raise AssertionError("no review")


def test_the_desktop_review_is_condensed_by_default_and_f_or_its_button_shows_the_full_list(
    make_app: MakeApp, scenario: Scenario
) -> None:
    app = make_app()
    match = start(app, scenario)
    review = reach_review(app)
    report = match.reports[-1]
    condensed = condense(match.scenario, report.changes)
    assert not review.full and condensed.moves and not condensed.complete
    text = " ".join(doc_text(review.document()).split())
    assert text.startswith("WHAT MATTERED MOST") and "WHAT CHANGED, CAUSE BY CAUSE" not in text
    for move in condensed.moves:
        assert match.scenario.indicator(move.indicator).label["en"] in text
        for share in move.causes:
            assert share.first.text in text
    assert f"And {left_out_words(condensed)}: press F for the full list." in text
    assert ("F", "full list") in review.hints and review.toggle_button.text == TOGGLE_LABELS[False]
    key(app, pygame.K_f)
    text = doc_text(review.document())
    assert review.full and "WHAT CHANGED, CAUSE BY CAUSE" in text
    assert all(change.text in text for change in report.changes)
    assert ("F", "short list") in review.hints and review.toggle_button.text == TOGGLE_LABELS[True]
    key(app, pygame.K_LEFT)  # the focus moves from Continue to the toggle; Enter presses it
    key(app, pygame.K_RETURN)
    assert not review.full and isinstance(app.top, ReviewScreen)
    pos = review.toggle_button.rect.center  # a click on the button
    for kind in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
        app.dispatch(pygame.event.Event(kind, button=1, pos=pos))
        frames(app, 1)
    assert review.full and app.top is review


def test_the_desktop_remembers_the_full_list_for_the_rest_of_the_session(make_app: MakeApp, scenario: Scenario) -> None:
    app = make_app()
    start(app, scenario)
    first = reach_review(app)
    key(app, pygame.K_f)
    key(app, pygame.K_RETURN)  # the focus stayed on Continue
    frames(app, 1)
    second = reach_review(app)
    assert second is not first and second.full and "WHAT CHANGED, CAUSE BY CAUSE" in doc_text(second.document())


def test_a_review_shared_by_two_people_is_condensed_and_judges_nothing(make_app: MakeApp, scenario: Scenario) -> None:
    app = make_app()
    match = start_hotseat(app, scenario, seed=3)
    for _ in range(200):
        if isinstance(app.top, ReviewScreen):
            break
        assert app.top is not None
        app.top.autoplay()
    review = app.top
    assert isinstance(review, ReviewScreen) and review.reader is None and not review.full
    assert "WHAT MATTERED MOST" in doc_text(review.document())
    assert {review.colour(m.indicator, m.before, m.after) for m in review.condensed.moves} == {app.palette.neutral}
    assert len(match.persons) == 2
