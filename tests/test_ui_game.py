"""The in-game screens (briefing, board, event, review, end) driven headless through the real App.

Every test runs under SDL's dummy video driver with ``COMMON_GROUND_HOME`` in a temporary folder, posts events with
``app.dispatch`` and draws with ``app.draw``, the way a player's input and the main loop would.
"""

from __future__ import annotations

import io
import json
import math
import os
import random
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame
import pytest
from uikit import MOVE_KEYS, SIZES, MakeApp, doc_text, frames, ink, key, new_app, screens, size_ids, start

from game.content.loader import load_scenario
from game.engine import ForecastItem, Scenario
from game.paths import DEFAULT_SCENARIO
from game.table import PERSON, DecisionKind, Match, baseline_values
from game.ui import flow
from game.ui.app import App
from game.ui.screens.board import BoardScreen
from game.ui.screens.briefing import BriefingScreen
from game.ui.screens.end import EndScreen
from game.ui.screens.event import EventScreen
from game.ui.screens.proposal import ProposalScreen
from game.ui.screens.review import ReviewScreen
from game.ui.screens.wording import timing_phrase, turn_values

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def snapshot(match: Match) -> str:
    return json.dumps(match.to_dict(), sort_keys=True)


def go_to_board(app: App) -> BoardScreen:
    """From the briefing to the board, answering the turn's events with their first choice."""
    if isinstance(app.top, BriefingScreen):
        key(app, pygame.K_RETURN)
    while isinstance(app.top, EventScreen):
        key(app, pygame.K_1)
        key(app, pygame.K_RETURN)
    assert isinstance(app.top, BoardScreen)
    return app.top


def go_to_review(app: App) -> ReviewScreen:
    board = go_to_board(app)
    key(app, pygame.K_1)
    key(app, pygame.K_e)
    assert isinstance(app.top, ReviewScreen), board
    return app.top


def play_to_end(app: App) -> EndScreen:
    """Let each screen take its computer step until the end screen."""
    for _ in range(400):
        if isinstance(app.top, EndScreen):
            return app.top
        assert app.top is not None
        app.top.autoplay()
    raise AssertionError("the game did not end")


# --------------------------------------------------------------------- every screen renders
def keys_after(setup: Callable[[App], object], *codes: int) -> Callable[[App], None]:
    """A way to reach a screen: ``setup``, then a few keys."""

    def reach(app: App) -> None:
        setup(app)
        for code in codes:
            key(app, code)

    return reach


SCREENS: dict[str, Callable[[App], None]] = {
    "briefing": keys_after(lambda app: None),
    "board": keys_after(go_to_board),
    "board-indicators": keys_after(go_to_board, pygame.K_i, pygame.K_DOWN),
    "board-news": keys_after(go_to_board, pygame.K_n),
    "board-details": keys_after(go_to_board, pygame.K_d),
    "event": keys_after(lambda app: None, pygame.K_RETURN),
    "review": keys_after(go_to_review),
    "review-gauges": keys_after(go_to_review, pygame.K_g),
    "end": keys_after(lambda app: None),
    "end-chart": keys_after(lambda app: None, pygame.K_c),
}


@pytest.fixture(scope="module")
def finished_game(scenario: Scenario) -> dict[str, object]:
    """One game played through the screens to its end (the end screen's cases restore it at every size; whole
    games through the screens are tested below)."""
    app = new_app()
    start(app, scenario)
    play_to_end(app)
    assert app.match is not None
    return app.match.to_dict()


@pytest.mark.parametrize(("size", "scale"), SIZES, ids=size_ids(SIZES))
@pytest.mark.parametrize("name", list(SCREENS))
def test_every_in_game_screen_renders_a_full_frame_at_every_size_and_scale(
    make_app: MakeApp,
    scenario: Scenario,
    name: str,
    size: tuple[int, int],
    scale: float,
    request: pytest.FixtureRequest,
) -> None:
    app = make_app(size, scale)
    if name.startswith("end"):
        finished = request.getfixturevalue("finished_game")
        flow.resume_game(app, Match.from_dict(scenario, str(DEFAULT_SCENARIO), finished))
        assert isinstance(app.top, EndScreen)
    else:
        start(app, scenario)
    SCREENS[name](app)
    frames(app)
    assert ink(app) > 0.15, f"{name} is (nearly) blank"
    window = app.window.get_rect()
    top = app.top
    assert top is not None and top.manager is not None
    extra = [getattr(top, "commit_button", None), getattr(top, "end_button", None)]
    buttons = [b for b in [*top.focusables, *extra] if b is not None and b.visible]
    for button in buttons:
        assert window.contains(button.rect), f"{button.text!r} leaves the window"
    for index, first in enumerate(buttons):
        for second in buttons[index + 1 :]:
            assert not first.rect.colliderect(second.rect), f"{first.text!r} overlaps {second.text!r}"


def test_the_event_dialog_is_drawn_over_the_dimmed_board(make_app: MakeApp, scenario: Scenario) -> None:
    app = make_app()
    start(app, scenario)
    key(app, pygame.K_RETURN)
    assert isinstance(app.top, EventScreen) and app.top.modal
    assert isinstance(app.stack[-2], BoardScreen)
    frames(app)
    dialog = app.top.dialog
    corner = app.window.get_at((2, app.window.get_height() - 3))[:3]
    assert sum(corner) < sum(app.palette.background), "the board around the dialog is dimmed"
    assert app.window.get_at(dialog.center)[:3] != corner


# --------------------------------------------------------------------- whole games
def test_a_keyboard_only_game_goes_from_the_briefing_to_the_engine_s_ending(
    make_app: MakeApp, scenario: Scenario
) -> None:
    out = io.StringIO()
    app = make_app(out=out)
    match = start(app, scenario, seed=4)
    assert isinstance(app.top, BriefingScreen)
    seen: set[str] = set()
    for _ in range(300):
        top = app.top
        seen.add(type(top).__name__)
        if isinstance(top, EndScreen):
            break
        if isinstance(top, BoardScreen):
            key(app, pygame.K_1)
            key(app, pygame.K_DOWN)
            key(app, pygame.K_RETURN)
            key(app, pygame.K_e)
        elif isinstance(top, EventScreen):
            key(app, pygame.K_2)
            key(app, pygame.K_RETURN)
        else:
            key(app, pygame.K_RETURN)
        frames(app, 1)
    assert isinstance(app.top, EndScreen)
    assert {"BriefingScreen", "BoardScreen", "EventScreen", "ReviewScreen", "EndScreen"} <= seen
    outcome = match.game.outcome
    assert outcome is not None
    assert app.top.ending.id == outcome.ending
    title = scenario.ending(outcome.ending).title["en"]
    assert out.getvalue().count(f"Ending: {title}\n") == 1
    human_moves = [n for n in match.game.state.news if n.kind == "action" and n.role == "us"]
    assert human_moves, "the number keys committed actions"


def test_autoplay_plays_through_the_real_screens_and_prints_the_ending(make_app: MakeApp, tmp_path: Path) -> None:
    from game.ui.main import run_play

    out = io.StringIO()
    shot = tmp_path / "end.png"
    code = run_play(
        scenario_path=DEFAULT_SCENARIO,
        role=None,
        seed=9,
        scale=None,
        autoplay=True,
        frames=None,
        screenshot=shot,
        size=(1280, 720),
        out=out,
    )
    assert code == 0
    assert out.getvalue().startswith("Ending: ")
    image = pygame.image.load(str(shot))
    assert image.get_size() == (1280, 720)
    background = pygame.mask.from_threshold(image, (24, 30, 38), (2, 2, 2, 255)).count()
    assert background < 0.85 * 1280 * 720


def test_play_autoplay_on_the_command_line_saves_the_end_screen_and_exits_0(tmp_path: Path) -> None:
    shot = tmp_path / "end.png"
    env = dict(
        os.environ,
        SDL_VIDEODRIVER="dummy",
        SDL_AUDIODRIVER="dummy",
        COMMON_GROUND_HOME=str(tmp_path),
        PYGAME_HIDE_SUPPORT_PROMPT="1",
    )
    result = subprocess.run(
        [
            sys.executable,
            "main.py",
            "play",
            "--scenario",
            str(DEFAULT_SCENARIO),
            "--seed",
            "5",
            "--autoplay",
            "--screenshot",
            str(shot),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Ending: " in result.stdout
    assert shot.stat().st_size > 10_000


def test_an_early_ending_shows_on_the_end_screen(make_app: MakeApp) -> None:
    defeat = load_scenario(FIXTURES / "defeat.yaml")
    out = io.StringIO()
    app = make_app(out=out)
    match = flow.start_game(app, defeat, str(FIXTURES / "defeat.yaml"), seats={"player": PERSON}, seed=1)
    key(app, pygame.K_RETURN)  # briefing
    for _ in range(2):
        key(app, pygame.K_e)  # no repair: stability decays
        key(app, pygame.K_RETURN)  # review
    assert isinstance(app.top, EndScreen)
    assert match.game.outcome is not None and match.game.outcome.ending == "collapse"
    assert "ended early, after turn 2 of 3" in app.top.when_text()
    assert out.getvalue() == "Ending: Collapse\n"
    frames(app)
    assert ink(app) > 0.15


# --------------------------------------------------------------------- the board
def test_number_keys_and_enter_commit_and_withdraw_through_the_match(make_app: MakeApp, scenario: Scenario) -> None:
    app = make_app()
    match = start(app, scenario)
    board = go_to_board(app)
    game = match.game
    first_page = [r for r in board.pages[0] if r.action >= 0]
    number_one = board.actions[first_page[0].action].id
    assert game.committed("us") == []
    capital = game.capital("us")
    key(app, pygame.K_1)
    assert game.committed("us") == [number_one]
    assert game.capital("us") == capital - scenario.action(number_one).cost
    key(app, pygame.K_1)
    assert game.committed("us") == []
    assert game.capital("us") == capital
    board.act_index = first_page[0].action
    key(app, pygame.K_RETURN)
    assert game.committed("us") == [number_one]
    frames(app)
    assert board.commit_button.text.startswith("Withdraw")


def test_a_number_key_means_the_same_action_on_every_page(make_app: MakeApp, scenario: Scenario) -> None:
    """The actions keep their menu numbers (the terminal's) on every page: on the last page, 1 still commits
    action 1 (and shows its page); numbers past nine have no key and say so."""
    app = make_app()
    match = start(app, scenario)
    board = go_to_board(app)
    assert len(board.pages) > 1, "the default scenario's actions take more than one page at 1280x720"
    numbers = [r.number for page in board.pages for r in page if r.action >= 0]
    assert numbers == list(range(1, len(board.actions) + 1))
    game = match.game
    first = board.actions[0].id
    board.turn_page(len(board.pages))
    assert board.page_of(board.act_index) == len(board.pages) - 1
    if game.why_not("us", first):  # make sure action 1 can be committed
        pytest.skip("action 1 is not open in this game")
    key(app, pygame.K_1)
    assert game.committed("us") == [first]
    assert board.page_of(board.act_index) == 0, "the action the key committed is in view"
    board.act_index = len(board.actions) - 1
    board._sync_widgets()
    assert "Enter" in board.commit_button.text and "10" not in board.commit_button.text


def test_action_rows_show_every_word_of_their_second_line(make_app: MakeApp, scenario: Scenario) -> None:
    """Why an action is not open wraps instead of being cut; a forecast in short keeps whole changes."""
    from game.ui.screens.ingame import SMALL
    from game.ui.widgets import text as textlib

    for size, scale in (((1280, 720), 1.0), ((1280, 720), 1.5), ((1920, 1080), 1.0)):
        app = make_app(size=size, scale=scale)
        start(app, scenario)
        board = go_to_board(app)
        width = board.action_list.area(board.act_rect).width - board.px(46)
        font = board.font(SMALL)
        closed = 0
        for index, action in enumerate(board.actions):
            lines = board.action_list.second_lines(index, board.act_rect)
            assert all(textlib.width_of(font, line) <= width for line in lines), lines
            if board.status[action.id] != "available":
                closed += 1
                assert " ".join(lines).split() == board.action_list.second_line(index)[0].split(), lines
        assert closed, "some actions are closed at the start, with their reasons"


def test_a_click_on_an_action_s_number_box_commits_it(make_app: MakeApp, scenario: Scenario) -> None:
    app = make_app()
    match = start(app, scenario)
    board = go_to_board(app)
    frames(app)
    box, _, index = next(
        hit
        for hit in board.hits
        if hit[1] == "num" and not board.status.get(board.actions[hit[2]].id, "x").startswith(("cool", "cond", "cost"))
    )
    app.dispatch(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=box.center))
    assert match.game.committed("us") == [board.actions[index].id]


def test_an_unavailable_action_is_refused_with_the_engine_s_reason(make_app: MakeApp, scenario: Scenario) -> None:
    app = make_app()
    match = start(app, scenario)
    board = go_to_board(app)
    closed = next(i for i, a in enumerate(board.actions) if match.game.why_not("us", a.id))
    reason = match.game.why_not("us", board.actions[closed].id)
    board.toggle(closed)
    assert match.game.committed("us") == []
    assert reason in board.notice
    assert board.status[board.actions[closed].id] == reason


def test_selecting_an_indicator_explains_why_it_moved(make_app: MakeApp, scenario: Scenario) -> None:
    app = make_app()
    match = start(app, scenario)
    go_to_board(app)
    key(app, pygame.K_e)
    key(app, pygame.K_RETURN)  # review -> next board
    board = go_to_board(app)
    key(app, pygame.K_i)
    moved = next(i for i, ind in enumerate(scenario.indicators) if match.game.causes(ind.id))
    for _ in range(moved):
        key(app, pygame.K_DOWN)
    assert board.zone == "indicators" and board.indicator_id == scenario.indicators[moved].id
    frames(app)
    text = doc_text(board.details.indicator_doc())
    assert "WHY DID THIS MOVE?" in text
    for change in match.game.causes(scenario.indicators[moved].id, last=6):
        assert change.text in text and f"Turn {change.turn}" in text


def test_the_selected_action_shows_its_forecast_now_and_later(make_app: MakeApp, scenario: Scenario) -> None:
    app = make_app()
    start(app, scenario)
    board = go_to_board(app)
    delayed = next(i for i, a in enumerate(board.actions) if any(e.delay for e in a.effects))
    board.act_index = delayed
    board._changed()
    text = doc_text(board.details.action_doc())
    assert "EXPECTED LATER" in text
    assert "in turn" in text or "from turn" in text


def test_end_turn_with_e_resolves_the_turn_and_shows_its_review(make_app: MakeApp, scenario: Scenario) -> None:
    app = make_app()
    match = start(app, scenario)
    go_to_board(app)
    key(app, pygame.K_e)
    assert isinstance(app.top, ReviewScreen)
    assert app.top.report is match.reports[-1] and match.game.turn == 2


def test_the_board_keeps_up_with_a_new_window_size_and_scale(make_app: MakeApp, scenario: Scenario) -> None:
    app = make_app()
    start(app, scenario)
    board = go_to_board(app)
    key(app, pygame.K_DOWN)
    selected = board.act_index
    app.window = pygame.display.set_mode((1024, 600), pygame.RESIZABLE)
    app.dispatch(pygame.event.Event(pygame.WINDOWSIZECHANGED, x=1024, y=600))
    app.apply_settings(app.settings.with_(ui_scale=2.0))
    frames(app)
    assert board.layout == "narrow" and board.act_index == selected
    assert ink(app) > 0.15


def test_drawing_and_browsing_never_change_the_game(make_app: MakeApp, scenario: Scenario) -> None:
    app = make_app()
    match = start(app, scenario)
    before = snapshot(match)
    frames(app)
    key(app, pygame.K_DOWN)
    assert snapshot(match) == before, "briefing"
    key(app, pygame.K_RETURN)  # -> board with the event dialog
    for code in (pygame.K_DOWN, pygame.K_2, pygame.K_PAGEDOWN, pygame.K_UP):
        key(app, code)
        frames(app, 2)
    assert snapshot(match) == before, "event dialog"
    key(app, pygame.K_RETURN)  # the choice: a change through the match
    before = snapshot(match)
    for code in (pygame.K_DOWN, pygame.K_TAB, pygame.K_DOWN, pygame.K_i, pygame.K_n, pygame.K_a, pygame.K_PAGEDOWN):
        key(app, code)
        app.dispatch(pygame.event.Event(pygame.MOUSEMOTION, pos=(400, 300), rel=(1, 1), buttons=(0, 0, 0)))
        frames(app, 2)
    assert snapshot(match) == before, "board"
    key(app, pygame.K_e)
    before = snapshot(match)
    for code in (pygame.K_DOWN, pygame.K_TAB, pygame.K_PAGEDOWN):
        key(app, code)
        frames(app, 2)
    assert snapshot(match) == before, "review"
    end = play_to_end(app)
    before = snapshot(match)
    for code in (pygame.K_RIGHT, pygame.K_DOWN, pygame.K_c, pygame.K_TAB):
        key(app, code)
        frames(app, 2)
    assert snapshot(match) == before, "end"
    assert end is app.top


# --------------------------------------------------------------------- the review
def test_the_review_lists_every_cause_of_the_last_report(make_app: MakeApp, scenario: Scenario) -> None:
    app = make_app()
    match = start(app, scenario)
    review = go_to_review(app)
    report = match.reports[-1]
    assert report.changes
    assert not review.full, "condensed by default"
    key(app, pygame.K_f)
    assert review.full and app.review_full
    text = doc_text(review.document())
    for change in report.changes:
        assert change.text in text
    titles = [group.title for group in review.groups]
    assert "Your decisions" in titles and "Cambodia's decisions" in titles
    assert titles.index("Cambodia's decisions") < titles.index("Your decisions")
    assert titles[-1].startswith("Currents")
    assert {c for g in review.groups for _, changes in g.causes for c in changes} == set(report.changes)


def test_review_gauges_move_from_old_to_new_values_at_the_animation_speed(
    make_app: MakeApp, scenario: Scenario
) -> None:
    app = make_app(animation=2.0)
    start(app, scenario)
    review = go_to_review(app)
    assert review.progress == 0.0
    assert review.update(0.3) is True
    assert 0 < review.progress < 1
    assert review.update(5.0) is True and review.progress == 1.0
    assert review.update(0.1) is False
    still = make_app(animation=0.0)
    start(still, scenario)
    assert go_to_review(still).progress == 1.0


# --------------------------------------------------------------------- the end
def test_save_chart_writes_a_png_in_the_data_folder_and_shows_where(
    make_app: MakeApp, scenario: Scenario, home: Path
) -> None:
    app = make_app()
    start(app, scenario)
    end = play_to_end(app)
    key(app, pygame.K_s)
    path = end.saved_path
    assert path is not None and path.parent == home / "data" / "charts" and path.suffix == ".png"
    image = pygame.image.load(str(path))
    assert image.get_size() == (1600, 900)
    colours = {tuple(image.get_at((x, y))) for x in range(0, 1600, 37) for y in range(0, 900, 29)}
    assert len(colours) > 8, "the chart is not blank"
    frames(app)
    assert str(path) in f"Chart saved to {path}"


def test_the_chart_holds_every_indicator_turn_by_turn(make_app: MakeApp, scenario: Scenario) -> None:
    app = make_app()
    match = start(app, scenario)
    end = play_to_end(app)
    game = match.game
    assert len(end.series) == len(scenario.shown_indicators)  # the hidden flags are never charted
    for indicator in scenario.shown_indicators:
        values = end.series[indicator.label["en"]]
        assert values[0] == indicator.initial
        assert values[-1] == game.state.values[indicator.id]
        assert len(values) == game.outcome.turn + 1  # type: ignore[union-attr]


def test_play_the_other_side_keeps_the_seed_and_play_again_keeps_the_role(
    make_app: MakeApp, scenario: Scenario
) -> None:
    app = make_app()
    first = start(app, scenario, seed=123)
    play_to_end(app)
    key(app, pygame.K_o)
    other = app.match
    assert other is not None and other is not first
    assert other.persons == ("cambodia",) and other.seed == 123
    assert other.seats["us"] == first.seats["cambodia"]  # the computer, at the same level
    assert isinstance(app.top, BriefingScreen) and app.top.role == "cambodia"
    play_to_end(app)
    key(app, pygame.K_p)
    again = app.match
    assert again is not None and again is not other and again.persons == ("cambodia",)
    assert again.game.turn == 1


# --------------------------------------------------------------------- flow
def test_resume_goes_to_the_board_the_pending_event_or_the_end(make_app: MakeApp, scenario: Scenario) -> None:
    app = make_app()
    match = start(app, scenario)
    restored = Match.from_dict(scenario, match.scenario_path, match.to_dict())
    flow.resume_game(app, restored)
    assert isinstance(app.top, EventScreen) and isinstance(app.stack[0], BoardScreen)  # turn 1's decision waits
    key(app, pygame.K_RETURN)
    # Once the events are answered, a proposal the computer made this turn opens as a dialog too (it must not
    # lapse unseen); resuming shows it again until it is answered.
    proposal_waits = bool(restored.open_proposals_for("us"))
    assert isinstance(app.top, ProposalScreen) if proposal_waits else isinstance(app.top, BoardScreen)
    flow.resume_game(app, Match.from_dict(scenario, match.scenario_path, restored.to_dict()))
    assert isinstance(app.stack[0], BoardScreen)
    assert isinstance(app.top, ProposalScreen) if proposal_waits else len(app.stack) == 1
    while isinstance(app.top, EventScreen):  # refuse it (the dialog's default answer)
        key(app, pygame.K_RETURN)
    assert isinstance(app.top, BoardScreen)
    play_to_end(app)
    assert app.match is not None
    flow.resume_game(app, Match.from_dict(scenario, match.scenario_path, app.match.to_dict()))
    assert isinstance(app.top, EndScreen)


def test_every_finished_turn_is_autosaved(make_app: MakeApp, scenario: Scenario, home: Path) -> None:
    from game.saves import autosave_path, read_save

    app = make_app()
    start(app, scenario)
    go_to_review(app)
    info, data = read_save(autosave_path())
    assert info.turn == 2 and data["game"]["turn"] == 2


def test_random_input_on_the_in_game_screens_raises_nothing(make_app: MakeApp, scenario: Scenario) -> None:
    rng = random.Random(2024)
    app = make_app((1024, 600), 1.5)
    start(app, scenario)
    keys = [
        *MOVE_KEYS,
        pygame.K_e,
        pygame.K_i,
        pygame.K_a,
        pygame.K_n,
        pygame.K_d,
        pygame.K_c,
        pygame.K_g,
        pygame.K_1,
        pygame.K_2,
        pygame.K_3,
        pygame.K_5,
        pygame.K_9,
        pygame.K_x,
    ]
    visited: set[str] = set()
    for _ in range(1500):
        if not isinstance(app.top, (BriefingScreen, BoardScreen, EventScreen, ReviewScreen, EndScreen)):
            break  # a click reached the title screen (not an in-game screen)
        visited.add(type(app.top).__name__)
        roll = rng.random()
        if roll < 0.7:
            key(app, rng.choice(keys), mod=pygame.KMOD_SHIFT if rng.random() < 0.1 else 0)
        elif roll < 0.85:
            pos = (rng.randrange(1024), rng.randrange(600))
            app.dispatch(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=pos))
            app.dispatch(pygame.event.Event(pygame.MOUSEBUTTONUP, button=1, pos=pos))
        else:
            app.dispatch(
                pygame.event.Event(
                    pygame.MOUSEWHEEL, x=0, y=rng.choice((-1, 1)), flipped=False, precise_x=0.0, precise_y=1.0
                )
            )
        frames(app, 1)
    assert {"BriefingScreen", "BoardScreen", "EventScreen", "ReviewScreen"} <= visited


# --------------------------------------------------------------------- words and numbers
@pytest.mark.parametrize(
    ("delay", "duration", "words"),
    [(0, 1, "now"), (2, 1, "in turn 5"), (2, 3, "over 3 turns from turn 5"), (0, 2, "over 2 turns from now")],
)
def test_forecast_timing_is_said_in_turns(delay: int, duration: int, words: str) -> None:
    item = ForecastItem("trust", "+=", 6.0, 6.0, delay, duration)
    assert timing_phrase(item, 3) == words


def test_values_per_turn_are_rebuilt_from_the_history(scenario: Scenario) -> None:
    match = Match.start(scenario, {"us": PERSON}, 8, scenario_path=str(DEFAULT_SCENARIO))
    while match.game.turn <= 3:
        decision = match.decision()
        assert decision is not None
        if decision.kind is DecisionKind.ACT:
            match.apply("us", decision.options[-1])  # Done
        else:
            match.apply("us", decision.options[0])  # the first choice; accept a proposal
    game = match.game
    series = turn_values(game)
    assert set(series) == {i.id for i in scenario.shown_indicators}
    for indicator in scenario.shown_indicators:
        values = series[indicator.id]
        assert len(values) == game.turn + 1
        assert values[0] == indicator.initial and values[-1] == game.state.values[indicator.id]
    baseline = baseline_values(match)
    resolved = match.reports[-1]
    for change in resolved.changes:
        first = next(c for c in resolved.changes if c.indicator == change.indicator)
        assert baseline[change.indicator] == first.before


def test_on_a_large_screen_the_indicator_list_fills_its_column(
    make_app: MakeApp, scenario: Scenario, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 1920x1080 and 100% the indicator rows spread over their column, each saying what the player's score
    wants of it, instead of leaving half of it empty."""
    from game.ui.widgets import text as textlib

    drawn: list[str] = []
    original = textlib.draw

    def recording(surface, text, *args, **kwargs):  # type: ignore[no-untyped-def]
        drawn.append(text)
        return original(surface, text, *args, **kwargs)

    app = make_app(size=(1920, 1080))
    start(app, scenario)
    board = go_to_board(app)
    monkeypatch.setattr(textlib, "draw", recording)
    board._layer_dirty = True
    frames(app, 1)
    area = board.indicator_list.area(board.ind_rect)
    rows = [box for box, kind, _ in board.hits if kind == "ind"]
    assert len(rows) == len(scenario.shown_indicators)
    assert max(box.bottom for box in rows) >= area.top + 0.85 * area.height
    assert "higher is better for you" in drawn


def _lab(colour: tuple[int, int, int]) -> tuple[float, float, float]:
    """CIE L*a*b* of an sRGB colour (D65), to measure how different two colours look."""

    def linear(u: float) -> float:
        u /= 255
        return ((u + 0.055) / 1.055) ** 2.4 if u > 0.04045 else u / 12.92

    r, g, b = (linear(c) for c in colour)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def test_chart_colours_are_clearly_different_and_the_colour_blind_ones_stay_okabe_ito() -> None:
    import itertools

    from game.ui import theme

    standard = theme.STANDARD.series
    assert len(standard) >= 12, "every indicator of the default scenario has its own colour"
    closest = min(math.dist(_lab(a), _lab(b)) for a, b in itertools.combinations(standard, 2))
    assert closest >= 25, "no two chart colours look alike (CIE76 difference of 25 or more)"
    okabe_ito = {
        (86, 180, 233),
        (230, 159, 0),
        (0, 158, 115),
        (240, 228, 66),
        (0, 114, 178),
        (213, 94, 0),
        (204, 121, 167),
        (235, 235, 235),
    }
    assert set(theme.COLOURBLIND.series) <= okabe_ito


def test_a_chart_with_more_lines_than_colours_draws_the_second_round_dashed(make_app: MakeApp) -> None:
    from game.ui import theme
    from game.ui.widgets import line_chart

    make_app()  # fonts and a display
    palette = theme.COLOURBLIND
    count = len(palette.series) + 1
    surface = pygame.Surface((800, 600))
    surface.fill(palette.panel)
    series = {f"s{i}": [10.0 * i + 5] * 5 for i in range(count)}  # flat lines, one above the other
    line_chart(
        surface,
        surface.get_rect(),
        series,
        palette=palette,
        font=theme.font(18),
        low=0,
        high=10.0 * count,
        legend=False,
    )
    colour = palette.series[0]  # the first line's colour, and the last one's again
    rows = [y for y in range(600) if sum(surface.get_at((x, y))[:3] == colour for x in range(200, 600)) > 40]
    lowest, highest = max(rows), min(rows)  # s0 at the bottom, the last series at the top

    def share(y: int) -> float:
        return sum(surface.get_at((x, y))[:3] == colour for x in range(200, 600)) / 400

    assert share(lowest) > 0.95, "the first line is solid"
    assert 0.3 < share(highest) < 0.7, "the line that reuses its colour is dashed"


@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every text the screens draw through ``widgets.text.draw`` from now on, in order."""
    from game.ui.widgets import text as textlib

    texts: list[str] = []
    original = textlib.draw

    def recording(surface, text, *args, **kwargs):  # type: ignore[no-untyped-def]
        texts.append(text)
        return original(surface, text, *args, **kwargs)

    monkeypatch.setattr(textlib, "draw", recording)
    return texts


def test_the_exported_chart_names_every_turn_including_the_last(
    make_app: MakeApp, scenario: Scenario, drawn: list[str]
) -> None:
    app = make_app()
    match = start(app, scenario)
    end = play_to_end(app)
    drawn.clear()  # only what the export draws
    end.export_surface()
    calendar = scenario.calendar
    labels = [calendar.label(turn) for turn in range(1, match.game.turn + 1)]
    assert labels[-1] in drawn and labels[-2] in drawn, "the last turns keep their labels"
    assert [label for label in labels if label in drawn] == labels, "the wide export names every turn"


def test_the_review_s_numbers_add_up_as_shown(make_app: MakeApp, scenario: Scenario, drawn: list[str]) -> None:
    """Whole numbers beside whole numbers: every "+N (A to B)" cause line and every gauge row has N = B - A, and a
    row whose shown numbers did not move says "no change" (never "65 to 65 +0"), in every review of a game."""
    import re

    app = make_app()
    start(app, scenario)
    reviews = 0
    for screen in screens(app):
        if not isinstance(screen, ReviewScreen):
            continue
        reviews += 1
        for block in screen.document().blocks:
            words = "".join(text for text, _, _ in block.runs)
            found = re.search(r" ([+-]\d+)\s+\((\d+) to (\d+)\)", words)
            if found:
                change, before, after = (int(g) for g in found.groups())
                assert change == after - before, words
        screen.gauge_top = 0
        screen.rebuild()
        frames(app, 1)
    rows = [text for text in drawn if re.fullmatch(r"\d+ to \d+", text)]
    assert reviews >= 12 and rows
    unmoved = [row for row in rows if len(set(row.split(" to "))) == 1]
    assert not unmoved, unmoved
