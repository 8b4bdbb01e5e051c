"""The teacher's console on the desktop: F2 (after the game's PIN, if any), each control through the flow into the
match's record (and, for the controls that change the game, its command log), what the students see (the pause, the
countdown, the objectives shown), the turn timer driven by a fake clock, undo, end now, and random keys. Driven
headless through the real App (see test_ui_game for the conventions)."""

from __future__ import annotations

import os
import random

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame
import pytest
import uikit
from uikit import MOVE_KEYS, MakeApp, doc_text, frames, key, widget_texts

from game.engine import Adjust, EndNow, Inject, Phase, Scenario, localize
from game.paths import DEFAULT_SCENARIO
from game.persistence import load_match
from game.saves import autosave_path
from game.table import PERSON, Match, teacher
from game.table.facilitation import InterventionKind
from game.ui import flow
from game.ui.app import App
from game.ui.screens.board import BoardScreen
from game.ui.screens.console import ConsoleScreen, PinDialog
from game.ui.screens.console.adjust import AdjustDialog
from game.ui.screens.console.confirm import ConfirmDialog
from game.ui.screens.console.dialog import ConsoleDialog
from game.ui.screens.console.inject import InjectDialog
from game.ui.screens.end import EndScreen
from game.ui.screens.event import EventScreen
from game.ui.screens.newgame import NewGameScreen
from game.ui.screens.pause import PauseScreen
from game.ui.screens.review import ReviewScreen

PIN = "2468"


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def drawn_text(app: App, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every piece of text one frame draws (custom text and the widgets' labels), the boards' cached layers painted
    again so that their text is drawn too."""
    for screen in app.stack:
        if isinstance(screen, BoardScreen):
            screen.on_enter()  # its cached layer is painted again, through the text helpers
    return uikit.drawn_text(app, monkeypatch)


def to_board(app: App) -> BoardScreen:
    """Enter through the briefing and the news (their first answers) to the board of a turn."""
    for _ in range(20):
        top = app.top
        if isinstance(top, BoardScreen):
            return top
        key(app, pygame.K_RETURN)
        frames(app, 1)
    raise AssertionError(f"no board: {app.top}")


def play_turn(app: App) -> None:
    """Commit the first action, end the turn, read the review: the next turn's board."""
    key(app, pygame.K_1)
    key(app, pygame.K_e)
    frames(app, 1)
    assert isinstance(app.top, ReviewScreen)
    key(app, pygame.K_RETURN)
    to_board(app)


def started(app: App, scenario: Scenario, *, pin: str = "") -> Match:
    """A new game (one person, the United States) at its first board."""
    match = flow.start_game(app, scenario, str(DEFAULT_SCENARIO), seats={"us": PERSON}, seed=11, pin=pin)
    to_board(app)
    return match


def console(app: App) -> ConsoleScreen:
    """F2 over the game: the console (the game has no PIN)."""
    key(app, pygame.K_F2)
    frames(app, 1)
    top = app.top
    assert isinstance(top, ConsoleScreen)
    return top


def type_text(app: App, text: str) -> None:
    """Type ``text`` into the field being edited."""
    for char in text:
        app.dispatch(pygame.event.Event(pygame.TEXTINPUT, text=char, window=None))
    frames(app, 1)


def kinds(match: Match) -> list[InterventionKind]:
    """What the teacher did, oldest first."""
    return [i.kind for i in match.teacher.interventions]


# --------------------------------------------------------------------- opening it
def test_f2_opens_the_console_and_the_key_is_shown(make_app: MakeApp, scenario: Scenario) -> None:
    app = make_app()
    match = started(app, scenario)
    board = app.top
    assert isinstance(board, BoardScreen)
    assert ("F2", "teacher") in board.hints, "the board's key hints name F2"
    screen = console(app)
    assert app.stack == [board, screen] and screen.modal
    assert any("Pause the game" in text for text in widget_texts(screen))
    key(app, pygame.K_ESCAPE)
    assert app.top is board and match.teacher.interventions == [], "opening and closing it does nothing"
    key(app, pygame.K_ESCAPE)
    pause = app.top
    assert isinstance(pause, PauseScreen)
    assert any("Teacher's console" in text and "F2" in text for text in widget_texts(pause))
    key(app, pygame.K_F2)
    assert isinstance(app.top, ConsoleScreen) and app.stack[-2] is board, "from the pause menu, over the board"


def test_a_pin_guards_the_console(make_app: MakeApp, scenario: Scenario, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app()
    match = started(app, scenario, pin=PIN)
    assert match.teacher.pin and match.teacher.pin != PIN, "only a digest is kept"
    key(app, pygame.K_F2)
    assert isinstance(app.top, PinDialog)
    type_text(app, "1111")
    key(app, pygame.K_RETURN)
    board = app.top
    assert isinstance(board, BoardScreen), "a wrong PIN opens nothing"
    assert "Wrong PIN" in drawn_text(app, monkeypatch)
    key(app, pygame.K_F2)
    type_text(app, PIN)
    key(app, pygame.K_RETURN)
    assert isinstance(app.top, ConsoleScreen)


def test_the_new_game_screen_sets_the_pin(make_app: MakeApp) -> None:
    app = make_app()
    app.push(NewGameScreen(app))
    screen = app.top
    assert isinstance(screen, NewGameScreen) and "pin" in screen.fields
    screen.set_text_of("pin", "12")
    screen.start()
    assert app.top is screen and app.match is None, "a PIN of two digits is refused"
    screen.set_text_of("pin", PIN)
    screen.start()
    assert app.match is not None and app.match.teacher.pin
    assert teacher.pin_ok(app.match, PIN) and not teacher.pin_ok(app.match, "1357")


# --------------------------------------------------------------------- each control
def test_pause_timer_and_reveal_are_recorded_and_autosaved(make_app: MakeApp, scenario: Scenario) -> None:
    app = make_app()
    match = started(app, scenario)
    console(app)
    for code in (pygame.K_p, pygame.K_t, pygame.K_m, pygame.K_r, pygame.K_p, pygame.K_r):
        key(app, code)
    assert kinds(match) == [
        InterventionKind.PAUSE,
        InterventionKind.TIMER,
        InterventionKind.MORE_TIME,
        InterventionKind.REVEAL,
        InterventionKind.RESUME,
        InterventionKind.HIDE,
    ]
    assert match.teacher.turn_seconds == 120 and app.timer.left == 180
    saved = load_match(autosave_path())
    assert [i.kind for i in saved.teacher.interventions] == kinds(match), "autosaved after each action"


def test_inject_from_the_list_lands_in_the_log(make_app: MakeApp, scenario: Scenario) -> None:
    app = make_app()
    match = started(app, scenario)
    console(app)
    key(app, pygame.K_i)
    dialog = app.top
    assert isinstance(dialog, InjectDialog)
    key(app, pygame.K_DOWN)
    chosen = dialog.events[dialog.list.picked]
    key(app, pygame.K_RETURN)
    assert isinstance(app.top, ConsoleScreen)
    assert kinds(match) == [InterventionKind.INJECT]
    assert Inject(chosen.id) in match.log.commands and chosen.id in match.game.state.queued
    key(app, pygame.K_i)
    dialog = app.top
    assert isinstance(dialog, InjectDialog)
    dialog.list.picked = dialog.events.index(chosen)
    key(app, pygame.K_RETURN)
    assert app.top is dialog and dialog.status_bad and "already" in dialog.status, "why it cannot, and no change"
    assert kinds(match) == [InterventionKind.INJECT]


def test_adjust_needs_a_reason_and_shows_on_the_board(make_app: MakeApp, scenario: Scenario) -> None:
    app = make_app()
    match = started(app, scenario)
    console(app)
    key(app, pygame.K_a)
    dialog = app.top
    assert isinstance(dialog, AdjustDialog)
    indicator = dialog.picked
    before = match.game.state.values[indicator.id]
    for _ in range(3):
        key(app, pygame.K_RIGHT)
    key(app, pygame.K_RETURN)
    assert app.top is dialog and "reason" in dialog.status, "no reason: refused"
    assert dialog.editing() is not None, "the focus went to the reason"
    type_text(app, "Class vote")
    key(app, pygame.K_RETURN)
    assert isinstance(app.top, ConsoleScreen)
    assert match.game.state.values[indicator.id] == before + 3
    assert kinds(match) == [InterventionKind.ADJUST]
    assert Adjust(indicator.id, before + 3, "Class vote") in match.log.commands
    key(app, pygame.K_ESCAPE)
    board = app.top
    assert isinstance(board, BoardScreen)
    board.selection.select_row("ind", scenario.shown_indicators.index(indicator))
    frames(app, 1)
    why = doc_text(board.details.indicator_doc())
    assert "Class vote" in why, "the board's why-did-this-move shows the teacher's reason"


def test_typing_in_the_adjust_dialog_writes_the_reason(make_app: MakeApp, scenario: Scenario) -> None:
    app = make_app()
    match = started(app, scenario)
    console(app)
    key(app, pygame.K_a)
    dialog = app.top
    assert isinstance(dialog, AdjustDialog)
    key(app, pygame.K_RIGHT)
    type_text(app, "Summit")
    assert dialog.text_of("reason") == "Summit", "letters typed anywhere in the dialog go to the reason"
    key(app, pygame.K_RETURN)
    assert isinstance(app.top, ConsoleScreen) and kinds(match) == [InterventionKind.ADJUST]


def test_the_paused_board_refuses_input_and_says_so(
    make_app: MakeApp, scenario: Scenario, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    match = started(app, scenario)
    console(app)
    key(app, pygame.K_p)
    key(app, pygame.K_ESCAPE)
    board = app.top
    assert isinstance(board, BoardScreen) and match.teacher.paused
    turn, log = match.game.turn, len(match.log)
    for code in (pygame.K_1, pygame.K_2, pygame.K_RETURN, pygame.K_e, pygame.K_p):
        key(app, code)
    assert app.top is board and match.game.turn == turn and len(match.log) == log
    assert not match.game.committed("us")
    assert "Paused by the teacher" in drawn_text(app, monkeypatch)
    console(app)
    key(app, pygame.K_p)
    key(app, pygame.K_ESCAPE)
    key(app, pygame.K_1)
    assert match.game.committed("us"), "after Resume the students act again"
    assert "Paused by the teacher" not in drawn_text(app, monkeypatch)


def test_reveal_shows_both_sides_objectives(
    make_app: MakeApp, scenario: Scenario, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    match = started(app, scenario)
    other = next(r for r in scenario.roles if r.id != "us")
    secret = localize(other.objectives, match.game.lang)[:25]
    assert secret not in drawn_text(app, monkeypatch)
    console(app)
    key(app, pygame.K_r)
    key(app, pygame.K_ESCAPE)
    text = drawn_text(app, monkeypatch)
    assert secret in text and localize(scenario.role("us").objectives, match.game.lang)[:25] in text
    console(app)
    key(app, pygame.K_r)
    key(app, pygame.K_ESCAPE)
    assert secret not in drawn_text(app, monkeypatch)


# --------------------------------------------------------------------- the turn timer
def test_the_timer_counts_down_warns_and_ends_the_turn(
    make_app: MakeApp, scenario: Scenario, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    clock = FakeClock()
    app.timer.clock = clock
    match = started(app, scenario)
    key(app, pygame.K_1)  # something committed: the turn ends with it
    committed = match.game.committed("us")
    console(app)
    key(app, pygame.K_t)  # 2 minutes
    clock.now += 1000  # time spent in the console does not count
    key(app, pygame.K_ESCAPE)
    frames(app, 1)
    assert app.timer.left == 120
    clock.now += 60
    frames(app, 1)
    assert app.timer.label() == "1:00" and "Time left 1:00" in drawn_text(app, monkeypatch)
    clock.now += 40
    frames(app, 1)
    text = drawn_text(app, monkeypatch)
    assert app.timer.warning() and "Less than 30 seconds left" in text and "Time left 0:20" in text
    console(app)
    key(app, pygame.K_p)  # paused: the timer stands still
    key(app, pygame.K_ESCAPE)
    frames(app, 1)
    clock.now += 500
    frames(app, 1)
    assert app.timer.left == 20
    console(app)
    key(app, pygame.K_p)
    key(app, pygame.K_ESCAPE)
    frames(app, 1)
    turn = match.game.turn
    clock.now += 21
    frames(app, 1)
    review = app.top
    assert isinstance(review, ReviewScreen) and review.report.turn == turn
    assert match.game.turn == turn + 1 and InterventionKind.TIME_UP in kinds(match)
    assert committed and all(
        any(c.cause_id == action for c in match.game.history if c.turn == turn) for action in committed
    ), "the turn resolved with what was committed"
    key(app, pygame.K_RETURN)
    to_board(app)
    frames(app, 1)
    assert app.timer.left == 120, "the next turn gets the whole time again"


# --------------------------------------------------------------------- undo and end
def test_undo_restores_the_previous_turn_s_board(
    make_app: MakeApp, scenario: Scenario, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    match = started(app, scenario)
    values = dict(match.game.state.values)
    label = match.turn_label
    play_turn(app)
    assert match.game.turn == 2
    screen = console(app)
    key(app, pygame.K_u)
    confirm = app.top
    assert isinstance(confirm, ConfirmDialog)
    key(app, pygame.K_RETURN)  # the focus is on Keep playing
    assert app.top is screen and match.game.turn == 2
    key(app, pygame.K_u)
    key(app, pygame.K_y)
    top = app.top
    assert isinstance(top, (BoardScreen, EventScreen)) and app.stack[0] is not screen
    assert match.game.turn == 1 and match.game.phase in (Phase.NEWS, Phase.ACTIONS)
    assert kinds(match)[-1] is InterventionKind.UNDO
    to_board(app)
    assert match.game.state.values == values and label in drawn_text(app, monkeypatch)


def test_end_now_opens_the_end_screen(make_app: MakeApp, scenario: Scenario) -> None:
    app = make_app()
    match = started(app, scenario)
    console(app)
    key(app, pygame.K_x)
    assert isinstance(app.top, ConfirmDialog)
    key(app, pygame.K_y)
    assert isinstance(app.top, EndScreen) and len(app.stack) == 1
    assert match.is_over() and EndNow() in match.log.commands and kinds(match) == [InterventionKind.END]
    key(app, pygame.K_F2)
    assert isinstance(app.top, EndScreen), "no console after the end"


# --------------------------------------------------------------------- sizes and random keys
@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_every_dialog_fits_1280x720(make_app: MakeApp, scenario: Scenario, scale: float) -> None:
    app = make_app((1280, 720), scale)
    match = started(app, scenario, pin=PIN)
    key(app, pygame.K_F2)
    dialogs: list[ConsoleDialog] = []
    pin = app.top
    assert isinstance(pin, PinDialog)
    dialogs.append(pin)
    teacher.set_pin(match, "")
    app.pop()
    screen = console(app)
    dialogs.append(screen)
    for code in (pygame.K_i, pygame.K_a, pygame.K_x):
        key(app, code)
        top = app.top
        assert isinstance(top, ConsoleDialog)
        dialogs.append(top)
        frames(app, 1)
        app.pop()
    window = app.window.get_rect()
    for dialog in dialogs:
        app.push(dialog)
        frames(app, 1)
        panel = dialog.areas["panel"]
        assert window.contains(panel), type(dialog).__name__
        for widget in dialog.focusables:
            assert panel.contains(pygame.Rect(widget.get_abs_rect())), (type(dialog).__name__, widget)
        for name, area in dialog.areas.items():
            assert area.height >= 0 and panel.contains(area), (type(dialog).__name__, name)
        app.pop()


def test_random_keys_on_the_console_raise_nothing(make_app: MakeApp, scenario: Scenario) -> None:
    app = make_app()
    clock = FakeClock()
    app.timer.clock = clock
    match = started(app, scenario)
    rng = random.Random("console")
    keys = [*MOVE_KEYS, pygame.K_ESCAPE, pygame.K_F2, pygame.K_y, pygame.K_n, pygame.K_LEFTBRACKET, pygame.K_MINUS]
    keys += [pygame.K_p, pygame.K_t, pygame.K_m, pygame.K_i, pygame.K_a, pygame.K_r, pygame.K_u, pygame.K_x, pygame.K_1]
    for _ in range(400):
        if match.is_over():
            break
        if not isinstance(app.top, ConsoleDialog):
            key(app, pygame.K_F2)
        if rng.random() < 0.1:
            type_text(app, str(rng.randrange(100)))
        else:
            key(app, rng.choice(keys), mod=pygame.KMOD_SHIFT if rng.random() < 0.1 else 0)
        clock.now += rng.choice([0, 5, 40])
        frames(app, 1)
    assert match.teacher.interventions, "the keys did something"


@pytest.mark.parametrize(("size", "scale", "buttons"), [((1280, 720), 1.5, True), ((1024, 600), 2.0, False)])
def test_the_pause_menu_shows_the_console_as_a_button_or_names_its_key(
    make_app: MakeApp, scenario: Scenario, size: tuple[int, int], scale: float, buttons: bool
) -> None:
    app = make_app(size, scale)
    started(app, scenario)
    key(app, pygame.K_ESCAPE)
    menu = app.top
    assert isinstance(menu, PauseScreen)
    assert any("Teacher's console" in text for text in widget_texts(menu)) is buttons
    assert menu.keys_in_header is not buttons
    key(app, pygame.K_F2)
    assert isinstance(app.top, ConsoleScreen), "F2 on the pause menu opens the console either way"
