"""The menu screens (title, new game, settings, pause, load): they render at every size and scale, and work from the
keyboard. Driven headless through ``App.dispatch`` with real pygame events."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pygame
import pytest
from uikit import new_app

from game import persistence
from game.content.loader import find_scenarios, load_scenario
from game.paths import DEFAULT_SCENARIO, SCENARIO_DIR
from game.saves import list_saves
from game.settings import Settings, load_settings
from game.table import PERSON, DecisionKind, Match, Seat
from game.ui.app import App
from game.ui.screens.base import Screen
from game.ui.screens.load import LoadScreen
from game.ui.screens.newgame import NewGameScreen
from game.ui.screens.pause import PauseScreen
from game.ui.screens.settings_screen import SettingsScreen
from game.ui.screens.title import TitleScreen

FIXTURES = Path(__file__).resolve().parent / "fixtures"


# ----------------------------------------------------------------------------------------------- helpers
@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own COMMON_GROUND_HOME: nothing touches the real user folders."""
    monkeypatch.setenv("SDL_VIDEODRIVER", "dummy")
    monkeypatch.setenv("SDL_AUDIODRIVER", "dummy")
    folder = tmp_path / "home"
    monkeypatch.setenv("COMMON_GROUND_HOME", str(folder))
    return folder


@pytest.fixture
def make_app() -> Callable[..., App]:
    """Build an App (not ``pygame.quit()`` afterwards: ``theme.font`` caches fonts for the whole process)."""

    def make(size: tuple[int, int] = (1280, 720), scale: float = 1.0, *, persist: bool = False) -> App:
        return new_app(size, scale, animation=Settings().animation_speed, persist=persist)  # the menus animate

    return make


class Calls:
    """Records the calls the menus make into the in-game flow (the in-game screens are tested elsewhere)."""

    def __init__(self) -> None:
        self.started: list[dict[str, Any]] = []
        self.resumed: list[Match] = []

    def start_game(self, app: App, scenario: Any, scenario_path: str, *, seats: Any, seed: int, pin: str = "") -> None:
        self.started.append({"scenario": scenario, "path": scenario_path, "seats": dict(seats), "seed": seed})

    def resume_game(self, app: App, match: Match) -> None:
        self.resumed.append(match)


@pytest.fixture
def flow(monkeypatch: pytest.MonkeyPatch) -> Calls:
    """Replace ``flow.start_game`` / ``flow.resume_game`` with recorders."""
    from game.ui import flow as flow_module

    calls = Calls()
    monkeypatch.setattr(flow_module, "start_game", calls.start_game)
    monkeypatch.setattr(flow_module, "resume_game", calls.resume_game)
    return calls


def press(app: App, key: int, unicode: str = "", mod: int = 0) -> None:
    """One key press, as pygame posts it."""
    app.dispatch(pygame.event.Event(pygame.KEYDOWN, key=key, unicode=unicode, mod=mod, scancode=0))
    app.dispatch(pygame.event.Event(pygame.KEYUP, key=key, unicode=unicode, mod=mod, scancode=0))


def type_text(app: App, text: str) -> None:
    """Typing into the focused field (SDL sends the characters as TEXTINPUT events)."""
    for char in text:
        app.dispatch(pygame.event.Event(pygame.TEXTINPUT, text=char))


def run_frames(app: App, count: int = 3) -> None:
    """Let the main loop draw a few frames."""
    app.max_frames = app.frames + count
    app.run()


def distinct_colours(surface: pygame.Surface, step: int = 6) -> int:
    """How many colours a grid of sample pixels shows (a blank frame shows one)."""
    width, height = surface.get_size()
    return len({tuple(surface.get_at((x, y)))[:3] for x in range(0, width, step) for y in range(0, height, step)})


def new_match(
    seed: int = 1, persons: tuple[str, ...] = ("us",), turns: int = 0, path: Path = DEFAULT_SCENARIO
) -> Match:
    """A match of a scenario file (the default one), ``turns`` turns in (events answered with their first choice,
    proposals refused, no actions)."""
    scenario = load_scenario(path)
    match = Match.start(scenario, dict.fromkeys(persons, PERSON), seed, scenario_path=str(path))
    while match.game.turn <= turns and (decision := match.decision()) is not None:
        command = decision.options[-1] if decision.kind is not DecisionKind.CHOOSE else decision.options[0]
        match.apply(decision.role, command)  # Done, Refuse, or the first choice
    return match


class GameStandIn(Screen):
    """Stands in for the in-game screen under the pause dialog."""

    pausable = True

    def draw_background(self, surface: pygame.Surface) -> None:
        surface.fill((40, 70, 60))


def corrupt_save(folder: Path, name: str = "broken.json") -> Path:
    """A save file cut off in the middle."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text('{"format": 1, "kind": "common-ground-save", "label": "Cut o', encoding="utf-8")
    return path


def widget_rects(screen: Screen) -> list[pygame.Rect]:
    """Where the screen's widgets are drawn."""
    assert screen.manager is not None
    root: Any = screen.manager.get_root_container()
    return [pygame.Rect(widget.get_abs_rect()) for widget in root.elements]


def saves_folder() -> Path:
    from game.saves import saves_dir

    return saves_dir()


def open_screen(app: App, name: str) -> Screen:
    """Push one of the menu screens (the pause dialog over a game screen with a running match)."""
    if name == "title":
        app.push(TitleScreen(app))
    elif name == "newgame":
        app.push(TitleScreen(app))
        app.push(NewGameScreen(app))
    elif name == "settings":
        app.push(SettingsScreen(app))
    elif name == "load":
        app.push(LoadScreen(app))
    elif name == "pause":
        app.match = new_match()
        app.push(GameStandIn(app))
        app.push(PauseScreen(app))
    top = app.top
    assert top is not None
    return top


# ----------------------------------------------------------------------------------------------- rendering
SIZES = [((1280, 720), 1.0), ((1280, 720), 1.5), ((1280, 720), 2.0), ((1024, 600), 1.0), ((1024, 600), 2.0)]


@pytest.mark.parametrize("size,scale", SIZES, ids=[f"{w}x{h}@{s}" for (w, h), s in SIZES])
@pytest.mark.parametrize("name", ["title", "newgame", "settings", "load", "pause"])
def test_every_menu_screen_renders_a_non_blank_frame(
    make_app: Callable[..., App], name: str, size: tuple[int, int], scale: float
) -> None:
    persistence.save_new(new_match(turns=1), "Class B, week 3")
    corrupt_save(saves_folder())
    app = make_app(size, scale)
    app.message = "This save is damaged (not valid JSON)"
    screen = open_screen(app, name)
    run_frames(app)
    assert app.top is screen
    assert app.window.get_size() == size
    assert distinct_colours(app.window) >= 8
    # every widget lies inside the window
    window = app.window.get_rect()
    for rect in widget_rects(screen):
        assert window.contains(rect), (name, rect)
    # no two controls overlap
    controls = [pygame.Rect(widget.get_abs_rect()) for widget in screen.focusables]
    for index, rect in enumerate(controls):
        assert rect.collidelist(controls[index + 1 :]) == -1, (name, rect)


def test_screens_rebuild_after_a_resize(make_app: Callable[..., App]) -> None:
    app = make_app((1280, 720))
    screen = open_screen(app, "newgame")
    pygame.display.set_mode((1024, 600), pygame.RESIZABLE)
    app.dispatch(pygame.event.Event(pygame.VIDEORESIZE, size=(1024, 600), w=1024, h=600))
    run_frames(app)
    assert app.top is screen
    assert all(app.window.get_rect().contains(rect) for rect in widget_rects(screen))


# ----------------------------------------------------------------------------------------------- title
def test_title_n_opens_new_game_and_esc_returns(make_app: Callable[..., App]) -> None:
    app = make_app()
    title = open_screen(app, "title")
    press(app, pygame.K_n, "n")
    run_frames(app)
    assert isinstance(app.top, NewGameScreen)
    press(app, pygame.K_ESCAPE)
    run_frames(app)
    assert app.top is title


def test_continue_without_saves_is_disabled_and_says_why(make_app: Callable[..., App], flow: Calls) -> None:
    app = make_app()
    title = open_screen(app, "title")
    assert isinstance(title, TitleScreen)
    button = next(b for b in title.focusables if "Continue" in b.text)
    assert not button.is_enabled
    assert "No saved game yet" in " ".join(title.continue_text)
    press(app, pygame.K_c, "c")
    run_frames(app)
    assert app.top is title
    assert flow.resumed == []


def test_continue_resumes_the_latest_save(make_app: Callable[..., App], flow: Calls) -> None:
    persistence.save_new(new_match(seed=5, turns=1), "Older")
    match = new_match(seed=6, turns=2)
    persistence.autosave_match(match)
    app = make_app()
    title = open_screen(app, "title")
    assert isinstance(title, TitleScreen)
    assert title.latest is not None and title.latest.label == "Autosave"
    press(app, pygame.K_c, "c")
    assert len(flow.resumed) == 1
    assert flow.resumed[0].game.turn == match.game.turn
    assert flow.resumed[0].seed == 6


def test_continue_with_a_refused_save_stays_on_the_title_with_a_message(
    make_app: Callable[..., App], flow: Calls, tmp_path: Path
) -> None:
    scenario_copy = tmp_path / "copy.yaml"
    shutil.copy(DEFAULT_SCENARIO, scenario_copy)
    persistence.save_new(new_match(seed=2, path=scenario_copy), "Edited later")
    scenario_copy.write_text(scenario_copy.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    app = make_app()
    title = open_screen(app, "title")
    press(app, pygame.K_c, "c")
    run_frames(app)
    assert app.top is title
    assert flow.resumed == []
    assert "different version" in app.message
    assert distinct_colours(app.window) >= 8


def test_title_q_quits(make_app: Callable[..., App]) -> None:
    app = make_app()
    open_screen(app, "title")
    press(app, pygame.K_q, "q")
    assert not app.running


# ----------------------------------------------------------------------------------------------- settings
def test_settings_scale_changes_apply_at_once_and_persist(make_app: Callable[..., App]) -> None:
    app = make_app(persist=True)
    open_screen(app, "title")
    press(app, pygame.K_s, "s")
    settings_screen = app.top
    assert isinstance(settings_screen, SettingsScreen)
    press(app, pygame.K_EQUALS, "=")  # one step larger
    assert app.settings.ui_scale == 1.25
    assert load_settings().ui_scale == 1.25
    # by focus: the scale buttons come first; Right twice from 125% reaches 175%, Enter chooses it
    press(app, pygame.K_RIGHT)
    press(app, pygame.K_RIGHT)
    press(app, pygame.K_RETURN)
    run_frames(app)
    assert app.settings.ui_scale == 1.75
    assert load_settings().ui_scale == 1.75
    assert app.top is settings_screen
    press(app, pygame.K_ESCAPE)
    assert isinstance(app.top, TitleScreen)


def test_settings_palette_fullscreen_and_animation_keys(make_app: Callable[..., App]) -> None:
    app = make_app(persist=True)
    open_screen(app, "settings")
    press(app, pygame.K_p, "p")
    press(app, pygame.K_f, "f")
    press(app, pygame.K_a, "a")
    run_frames(app)
    saved = load_settings()
    assert app.settings.palette == saved.palette == "colourblind"
    assert app.settings.fullscreen and saved.fullscreen
    assert app.settings.animation_speed == saved.animation_speed == 2.0  # Normal -> Fast


def test_settings_rows_scroll_with_the_focus_on_a_small_window(make_app: Callable[..., App]) -> None:
    app = make_app((1024, 600), 2.0)
    screen = open_screen(app, "settings")
    assert isinstance(screen, SettingsScreen)
    assert len(screen.visible_rows) < 4  # not every row fits at 200 % on 1024x600
    for _ in range(3):
        press(app, pygame.K_DOWN)
    assert screen.focus_key[0] == 3
    assert 3 in screen.visible_rows
    press(app, pygame.K_RETURN)  # the current animation speed: nothing changes
    assert app.settings.animation_speed == 1.0
    run_frames(app)
    assert distinct_colours(app.window) >= 8


# ----------------------------------------------------------------------------------------------- pause
def test_pause_dialog_saves_a_file_that_list_saves_lists(make_app: Callable[..., App]) -> None:
    app = make_app()
    app.match = new_match(turns=1)
    app.push(GameStandIn(app))
    press(app, pygame.K_ESCAPE)
    pause = app.top
    assert isinstance(pause, PauseScreen)
    press(app, pygame.K_s, "s")
    good, bad = list_saves()
    assert [info.label for info in good] == [pause.default_label()]
    assert bad == []
    assert pause.status_good and "Saved as" in pause.status
    # a name typed in the field: Up from Resume reaches Save, then the field
    press(app, pygame.K_UP)
    press(app, pygame.K_UP)
    assert pause.editing() is not None
    pause.set_text_of("label", "")
    type_text(app, "Class B: q")  # "q" and ":" are text here, not shortcuts
    press(app, pygame.K_RETURN)
    run_frames(app)
    assert app.running
    good, _ = list_saves()
    assert {info.label for info in good} == {pause.default_label(), "Class B: q"}
    press(app, pygame.K_ESCAPE)
    assert isinstance(app.top, GameStandIn)


def test_pause_quit_to_title_autosaves(make_app: Callable[..., App]) -> None:
    app = make_app()
    open_screen(app, "pause")
    press(app, pygame.K_t, "t")
    assert app.match is None
    assert isinstance(app.top, TitleScreen) and len(app.stack) == 1
    good, _ = list_saves()
    assert [info.label for info in good] == ["Autosave"]


def test_pause_opens_load_and_settings_and_comes_back(make_app: Callable[..., App]) -> None:
    app = make_app()
    pause = open_screen(app, "pause")
    press(app, pygame.K_l, "l")
    assert isinstance(app.top, LoadScreen)
    press(app, pygame.K_ESCAPE)
    assert app.top is pause
    press(app, pygame.K_o, "o")
    assert isinstance(app.top, SettingsScreen)
    press(app, pygame.K_ESCAPE)
    assert app.top is pause
    run_frames(app)
    assert distinct_colours(app.window) >= 8


# ----------------------------------------------------------------------------------------------- load
def test_load_lists_a_corrupt_file_apart_and_still_loads_a_good_save(make_app: Callable[..., App], flow: Calls) -> None:
    match = new_match(seed=9, turns=2)
    persistence.save_new(match, "Good one")
    corrupt_save(saves_folder())
    app = make_app()
    screen = open_screen(app, "load")
    assert isinstance(screen, LoadScreen)
    assert [info.label for info in screen.saves] == ["Good one"]
    assert [path.name for path, _ in screen.refused] == ["broken.json"]
    assert "incomplete" in screen.refused[0][1]
    run_frames(app)
    press(app, pygame.K_1, "1")
    assert len(flow.resumed) == 1
    assert flow.resumed[0].game.turn == match.game.turn
    assert flow.resumed[0].seed == 9


def test_load_shows_a_refused_save_on_the_screen(make_app: Callable[..., App], flow: Calls, tmp_path: Path) -> None:
    scenario_copy = tmp_path / "copy.yaml"
    shutil.copy(DEFAULT_SCENARIO, scenario_copy)
    persistence.save_new(new_match(seed=2, path=scenario_copy), "Stale")
    scenario_copy.write_text("format: 1\n", encoding="utf-8")  # the scenario is now broken
    app = make_app()
    screen = open_screen(app, "load")
    assert isinstance(screen, LoadScreen)
    press(app, pygame.K_RETURN)  # the focus starts on the first save
    run_frames(app)
    assert app.top is screen
    assert flow.resumed == []
    assert "cannot be loaded" in screen.error


def test_load_deletes_only_after_confirmation(make_app: Callable[..., App]) -> None:
    info = persistence.save_new(new_match(), "Delete me")
    app = make_app()
    screen = open_screen(app, "load")
    assert isinstance(screen, LoadScreen)
    press(app, pygame.K_DELETE)
    assert screen.confirming is not None
    run_frames(app)
    press(app, pygame.K_n, "n")
    assert screen.confirming is None and info.path.exists()
    press(app, pygame.K_DELETE)
    press(app, pygame.K_y, "y")
    assert not info.path.exists()
    assert screen.saves == []
    run_frames(app)
    assert distinct_colours(app.window) >= 8


def test_load_scrolls_with_the_focus(make_app: Callable[..., App]) -> None:
    for index in range(12):
        persistence.save_new(new_match(seed=index), f"Save {index}")
    app = make_app((1024, 600), 1.5)
    screen = open_screen(app, "load")
    assert isinstance(screen, LoadScreen)
    shown = len(screen.rows)
    assert 0 < shown < 12
    for _ in range(shown + 1):
        press(app, pygame.K_DOWN)
    assert screen.focus_key == ("row", shown + 1)
    assert screen.first > 0
    assert any(index == shown + 1 for index, _ in screen.rows)


# ----------------------------------------------------------------------------------------------- new game
def test_new_game_starts_with_the_chosen_side_and_seed(make_app: Callable[..., App], flow: Calls) -> None:
    app = make_app()
    screen = open_screen(app, "newgame")
    assert isinstance(screen, NewGameScreen)
    press(app, pygame.K_r, "r")  # the other side
    assert screen.players == ["standard", "person"]
    press(app, pygame.K_TAB)  # from Start, around to the first control
    while screen.editing() is None:
        press(app, pygame.K_TAB)
    type_text(app, "4x2")  # digits only
    assert screen.text_of("seed") == "42"
    press(app, pygame.K_RETURN)
    assert flow.started == [
        {
            "scenario": screen.scenario,
            "path": str(DEFAULT_SCENARIO),
            "seats": {"us": Seat("standard"), "cambodia": PERSON},
            "seed": 42,
        }
    ]


def test_new_game_enter_starts_one_person_against_the_standard_computer(
    make_app: Callable[..., App], flow: Calls
) -> None:
    app = make_app()
    screen = open_screen(app, "newgame")
    assert isinstance(screen, NewGameScreen)
    assert screen.status_text()[0][0] == "You play United States; the computer plays Cambodia (Standard)."
    press(app, pygame.K_RETURN)
    assert len(flow.started) == 1
    assert flow.started[0]["seats"] == {"us": PERSON, "cambodia": Seat("standard")}
    assert isinstance(flow.started[0]["seed"], int)


def focus_on(app: App, screen: NewGameScreen, key: tuple[str, int]) -> None:
    """Tab round the screen until ``key``'s control has the keyboard focus."""
    for _ in range(len(screen.focusables) + 1):
        screen._sync_focus_key()
        if screen.focus_key == key:
            return
        press(app, pygame.K_TAB)
    raise AssertionError(f"{key} cannot be reached with Tab")


def test_new_game_seats_are_chosen_from_the_keyboard_with_each_level_described(
    make_app: Callable[..., App], flow: Calls
) -> None:
    from game.table import LEVELS

    app = make_app()
    screen = open_screen(app, "newgame")
    assert isinstance(screen, NewGameScreen)
    focus_on(app, screen, ("seat", 1))
    seen = []
    for _ in range(4):  # Enter cycles: Strong, Person, Beginner, back to Standard
        press(app, pygame.K_RETURN)
        run_frames(app, 1)
        seen.append(screen.players[1])
        assert screen.focus_key == ("seat", 1)  # the focus stays on the seat being changed
        if screen.players[1] in LEVELS:
            level = LEVELS[screen.players[1]]
            assert level.name in screen.seat_text(1)
            assert screen.seat_note(1) == level.description and "seat_note1" in screen.areas
    assert seen == ["strong", "person", "beginner", "standard"]
    press(app, pygame.K_RETURN)  # Strong
    focus_on(app, screen, ("start", 0))
    press(app, pygame.K_RETURN)
    assert flow.started[0]["seats"] == {"us": PERSON, "cambodia": Seat("strong")}


def test_new_game_with_two_people_and_with_nobody(make_app: Callable[..., App], flow: Calls) -> None:
    app = make_app()
    screen = open_screen(app, "newgame")
    assert isinstance(screen, NewGameScreen)
    screen.next_player(1)
    screen.next_player(1)  # Cambodia: a person too
    assert screen.players == ["person", "person"]
    assert "take turns at this machine" in screen.status_text()[0][0]
    screen.next_player(0)  # United States: the computer (Beginner)
    screen.next_player(1)  # Cambodia: the computer too: nobody left to play
    assert screen.players == ["beginner", "beginner"]
    assert not screen.can_start()
    assert "at least one side a person" in screen.status_text()[0][0]
    start = screen.focusables[screen.widget_keys[("start", 0)]]
    assert not start.is_enabled
    assert screen.focus_key[0] == "seat"  # the focus waits on the seats, not on Back
    press(app, pygame.K_RETURN)  # the focused seat becomes Standard: still nobody
    screen.next_player(0)
    screen.next_player(0)
    screen.next_player(0)  # United States: a person again
    assert screen.players[0] == "person" and screen.can_start()
    screen.start()
    assert flow.started[0]["seats"]["us"] == PERSON


def test_new_game_lists_an_invalid_scenario_with_its_first_problem(
    make_app: Callable[..., App], flow: Calls, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "scenarios"
    folder.mkdir()
    shutil.copy(FIXTURES / "tiny.yaml", folder / "a_tiny.yaml")
    (folder / "b_broken.yaml").write_text("format: 1\nid: broken\ntitle: Broken\nturns: 3\n", encoding="utf-8")
    monkeypatch.setattr("game.ui.screens.newgame.screen.SCENARIO_DIR", folder)
    app = make_app()
    screen = open_screen(app, "newgame")
    assert isinstance(screen, NewGameScreen)
    assert [entry.title for entry in screen.entries] == ["Tiny fixture", "b_broken.yaml"]
    broken = screen.entries[1]
    assert broken.scenario is None
    assert broken.problems[0].startswith(f"{folder / 'b_broken.yaml'}:1:1: error:")
    press(app, pygame.K_2, "2")
    assert screen.entry is broken
    assert "error:" in screen.details_html()
    press(app, pygame.K_RETURN)
    run_frames(app)
    assert flow.started == []
    press(app, pygame.K_1, "1")
    press(app, pygame.K_RETURN)
    assert flow.started[0]["seats"]["alpha"] == PERSON


@pytest.mark.parametrize("content", [None, "format: 1\nid: [unclosed\n", "turns: 3\n"])
def test_new_game_invalid_path_shows_an_error_line(
    make_app: Callable[..., App], flow: Calls, tmp_path: Path, content: str | None
) -> None:
    path = tmp_path / "mine.yaml"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    app = make_app()
    screen = open_screen(app, "newgame")
    assert isinstance(screen, NewGameScreen)
    press(app, pygame.K_o, "", pygame.KMOD_CTRL)
    assert screen.editing() is not None
    type_text(app, str(path))
    press(app, pygame.K_RETURN)
    run_frames(app)
    assert app.top is screen
    assert screen.path_error.startswith(f"{path}:")
    assert ": error: " in screen.path_error
    assert "error" in screen.areas
    assert flow.started == []
    assert len(screen.entries) == len(find_scenarios(SCENARIO_DIR))  # the shipped ones only: nothing was added


def test_new_game_opens_a_valid_scenario_by_path(make_app: Callable[..., App], flow: Calls) -> None:
    app = make_app()
    screen = open_screen(app, "newgame")
    assert isinstance(screen, NewGameScreen)
    press(app, pygame.K_o, "", pygame.KMOD_CTRL)
    type_text(app, str(FIXTURES / "win.yaml"))
    press(app, pygame.K_RETURN)
    assert screen.path_error == ""
    assert screen.entry is not None and screen.entry.opened
    assert len(screen.entries) == len(find_scenarios(SCENARIO_DIR)) + 1  # the shipped ones and the file opened
    press(app, pygame.K_RETURN)  # the focus went to Start
    assert flow.started[0]["path"] == str(FIXTURES / "win.yaml")


def test_new_game_digit_keys_type_into_fields_not_shortcuts(make_app: Callable[..., App], flow: Calls) -> None:
    app = make_app()
    screen = open_screen(app, "newgame")
    assert isinstance(screen, NewGameScreen)
    press(app, pygame.K_o, "", pygame.KMOD_CTRL)
    press(app, pygame.K_r, "r")  # a shortcut elsewhere, a letter here
    type_text(app, "r")
    assert screen.players == ["person", "standard"]
    assert screen.text_of("path") == "r"
    press(app, pygame.K_ESCAPE)  # leaves the field, not the screen
    assert app.top is screen and screen.editing() is None
    press(app, pygame.K_ESCAPE)
    assert isinstance(app.top, TitleScreen)


# ----------------------------------------------------------------------------------------------- robustness
KEYS = [
    pygame.K_TAB,
    pygame.K_UP,
    pygame.K_DOWN,
    pygame.K_LEFT,
    pygame.K_RIGHT,
    pygame.K_RETURN,
    pygame.K_SPACE,
    pygame.K_ESCAPE,
    pygame.K_BACKSPACE,
    pygame.K_DELETE,
    pygame.K_PAGEUP,
    pygame.K_PAGEDOWN,
    pygame.K_MINUS,
    pygame.K_EQUALS,
    *range(pygame.K_0, pygame.K_9 + 1),
    *range(pygame.K_a, pygame.K_z + 1),
]


@pytest.mark.parametrize("name", ["title", "newgame", "settings", "load", "pause"])
def test_random_input_on_the_menus_raises_nothing(
    make_app: Callable[..., App], flow: Calls, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import random

    persistence.save_new(new_match(turns=1), "Kept")
    corrupt_save(saves_folder())
    monkeypatch.setattr(App, "request_quit", lambda self: None)  # keep going after Q
    app = make_app()
    open_screen(app, name)
    rng = random.Random(f"menus-{name}")
    sizes = [(1024, 600), (1280, 720), (1600, 900)]
    for step in range(400):
        roll = rng.random()
        if roll < 0.6:
            key = rng.choice(KEYS)
            mod = pygame.KMOD_SHIFT if rng.random() < 0.1 else (pygame.KMOD_CTRL if rng.random() < 0.05 else 0)
            char = chr(key) if 32 <= key < 127 else ""
            press(app, key, char, mod)
            if char:
                type_text(app, char)
        elif roll < 0.95:
            pos = (rng.randrange(app.window.get_width()), rng.randrange(app.window.get_height()))
            app.dispatch(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
            app.dispatch(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
        else:
            size = rng.choice(sizes)
            pygame.display.set_mode(size, pygame.RESIZABLE)
            app.dispatch(pygame.event.Event(pygame.VIDEORESIZE, size=size, w=size[0], h=size[1]))
        if not app.stack:  # Back from the first screen: start again
            open_screen(app, name)
        if step % 25 == 0:
            app.settings = app.settings.with_(ui_scale=rng.choice([1.0, 1.5, 2.0]))
            app.rebuild_all()
            run_frames(app, 1)
    run_frames(app, 2)
    assert app.stack


@pytest.mark.parametrize(("size", "scale"), [((1280, 720), 1.0), ((1280, 720), 1.5), ((1920, 1080), 1.0)])
def test_the_title_screen_shows_every_word_of_its_texts(
    make_app: Callable[..., App], monkeypatch: pytest.MonkeyPatch, size: tuple[int, int], scale: float
) -> None:
    """Without a saved game, Continue's explanation is wrapped beside (or under) the button, never cut off."""
    from game.ui.screens import title as title_module
    from game.ui.screens.menu_common import ellipsize

    cut: list[str] = []
    original = title_module.blit_text

    def recording(surface, text, font, colour, pos, *, width=None, anchor="topleft"):  # type: ignore[no-untyped-def]
        if width is not None and ellipsize(text, font, width) != text:
            cut.append(text)
        return original(surface, text, font, colour, pos, width=width, anchor=anchor)

    monkeypatch.setattr(title_module, "blit_text", recording)
    app = make_app(size=size, scale=scale)
    app.push(TitleScreen(app))
    app.draw()
    assert app.top.continue_text == ["No saved game yet: start a new game first."]  # type: ignore[union-attr]
    assert not cut, cut
