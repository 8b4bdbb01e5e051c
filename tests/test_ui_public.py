"""The public board (for a projector): public things only, both sides' objectives once revealed, F3 there and back
(back through a privacy screen), the turn timer, random keys and every window size. Driven headless through the real
App (see test_ui_game for the conventions)."""

from __future__ import annotations

import os
import random

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame
import pytest
from uikit import MOVE_KEYS, SIZES, MakeApp, frames, key, screens, size_ids, start, start_hotseat, widget_texts

from game.engine import Commit, Propose, Scenario, localize
from game.table import Match, teacher, view
from game.table.public import public_view
from game.ui import flow
from game.ui.app import App
from game.ui.screens.board import BoardScreen
from game.ui.screens.briefing import BriefingScreen
from game.ui.screens.menu_common import with_key
from game.ui.screens.pause import PauseScreen
from game.ui.screens.privacy import PrivacyScreen
from game.ui.screens.public import PublicScreen
from game.ui.screens.public.timer import clock_text
from game.ui.screens.wording import num
from game.ui.widgets import text as textlib


@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every piece of text rendered from now on (lines, document words, key hints), in order."""
    texts: list[str] = []
    original = textlib.render

    def recording(font: pygame.font.Font, text: str, colour: tuple[int, int, int]) -> pygame.Surface:
        texts.append(text)
        return original(font, text, colour)

    monkeypatch.setattr(textlib, "render", recording)
    return texts


def to_board(app: App) -> BoardScreen:
    """Enter through privacy screens, briefings and dialogs until a board is on top."""
    for _ in range(50):
        if isinstance(app.top, BoardScreen):
            return app.top
        key(app, pygame.K_RETURN)
    raise AssertionError("no board came")


def play_turns(app: App, match: Match, turns: int) -> None:
    """Play by keyboard (first action, end the turn) until ``turns`` turns are over, then stop at a board."""
    for _ in screens(app):
        if match.game.turn > turns and isinstance(app.top, BoardScreen):
            return


def shown_text(app: App, drawn: list[str]) -> str:
    """What one frame of the top screen draws, words and widget labels, as one string."""
    drawn.clear()
    frames(app, 1)
    top = app.top
    assert top is not None
    # A text is measured just before it is drawn: each once, so that a document's words read as its sentences.
    once = [text for index, text in enumerate(drawn) if index == 0 or drawn[index - 1] != text]
    return " ".join([*once, *widget_texts(top)])


def private_strings(match: Match) -> list[str]:
    """What only one side may see: its objectives (and long pieces of them) and its score as shown."""
    out = []
    for role in match.scenario.roles:
        seat = view(match, role.id)
        out += [seat.objectives, *(p.strip() for p in seat.objectives.split(",") if len(p.strip()) > 12)]
        out += [f"score {num(seat.score)}", f"Score {num(seat.score)}"]
    return out


# --------------------------------------------------------------------- what it shows
def test_the_public_board_mid_game_shows_public_things_and_nothing_private(
    make_app: MakeApp, scenario: Scenario, drawn: list[str]
) -> None:
    app = make_app((1920, 1080), 1.0)
    match = start_hotseat(app, scenario, seed=3)
    play_turns(app, match, 3)
    board = to_board(app)
    sender = board.role
    receiver = next(r for r in match.persons if r != sender)
    give, ask = match.game.legal_items(sender)[0], match.game.legal_items(receiver)[0]
    match.apply(sender, Propose(sender, receiver, (give.id,), (ask.id,)))  # a proposal still open
    committed = next(a for a in view(match, sender).actions if a.status == "available")
    match.apply(sender, Commit(sender, committed.id))  # committed this turn: private until the turn resolves
    key(app, pygame.K_F3)
    assert isinstance(app.top, PublicScreen) and app.viewer is None
    text = shown_text(app, drawn)
    for private in private_strings(match):
        assert private not in text, f"{private!r} is on the public board"
    for item in (give, ask):
        assert localize(item.label, match.game.lang) not in text, "an open proposal's terms are private"
    news = match.game.state.news
    last_turn = {localize(match.scenario.action(n.id).label, "en") for n in news if n.turn == 3 and n.kind == "action"}
    if committed.label not in last_turn:
        assert committed.label not in text, "this turn's committed action is private"
    assert "objective" not in text.lower() and "capital" not in text.lower()
    assert f"Turn 4 of {scenario.turns}" in text and scenario.calendar.label(4) in text
    assert f"{match.role_name(sender)}' part of the turn" in text or f"{match.role_name(sender)}'s part" in text
    for indicator in scenario.shown_indicators:
        assert localize(indicator.label, "en") in text, "every indicator, unshortened"


def test_the_agreements_in_force_are_on_the_public_board(
    make_app: MakeApp, scenario: Scenario, drawn: list[str]
) -> None:
    app = make_app()
    match = start(app, scenario, seed=5)
    play_turns(app, match, 3)
    game = match.game
    deals = [(g.id, a.id) for g in game.legal_items("us") for a in game.legal_items("cambodia")]
    for give, ask in deals:  # the computer answers at once: offer until it accepts one
        match.apply("us", Propose("us", "cambodia", (give,), (ask,)))
        if game.agreements():
            break
    (agreement,) = game.agreements()
    to_board(app)
    key(app, pygame.K_F3)
    text = shown_text(app, drawn)
    assert "Agreement 1, until" in text
    for item in agreement.items:
        assert localize(game.item(item.item).label, "en") in text
        assert f"{match.role_name(item.giver)}:" in text


def test_the_public_view_keeps_objectives_back_until_the_teacher_reveals_them(
    make_app: MakeApp, scenario: Scenario
) -> None:
    app = make_app()
    match = start(app, scenario)
    assert public_view(match).objectives == {}
    teacher.reveal(match)
    shown = public_view(match).objectives
    assert shown == {r.id: localize(r.objectives, "en") for r in scenario.roles}
    teacher.reveal(match, False)
    assert public_view(match).objectives == {}


def test_revealed_objectives_of_both_sides_are_on_the_public_board(
    make_app: MakeApp, scenario: Scenario, drawn: list[str]
) -> None:
    app = make_app()
    match = start(app, scenario)
    to_board(app)
    teacher.reveal(match)
    key(app, pygame.K_F3)
    text = shown_text(app, drawn)
    assert "shown by the teacher" in text.lower()
    for role in scenario.roles:
        words = localize(role.objectives, "en").split()
        assert " ".join(words[:8]) in text, f"{role.id}'s objectives are shown"
        assert match.role_name(role.id) in text


# --------------------------------------------------------------------- there and back
def test_f3_shows_the_public_board_and_f3_goes_back_through_a_privacy_screen(
    make_app: MakeApp, scenario: Scenario
) -> None:
    app = make_app()
    match = start(app, scenario)  # one person: no privacy screens in play, but after the public board
    board = to_board(app)
    assert ("F3", "public board") in board.hints
    role = board.role
    key(app, pygame.K_F3)
    assert isinstance(app.top, PublicScreen) and app.stack == [app.top] and app.viewer is None
    assert "Back to the players (F3)" in widget_texts(app.top)
    key(app, pygame.K_F3)
    privacy = app.top
    assert isinstance(privacy, PrivacyScreen) and privacy.role == role and app.viewer is None
    key(app, pygame.K_RETURN)
    back = app.top
    assert isinstance(back, BoardScreen) and back.role == role and app.viewer == role
    assert match.game.turn == 1, "switching changed nothing of the game"


def test_f3_on_a_privacy_screen_and_on_the_review_shows_the_public_board(make_app: MakeApp, scenario: Scenario) -> None:
    from game.ui.screens.review import ReviewScreen

    app = make_app()
    match = start_hotseat(app, scenario)
    assert isinstance(app.top, PrivacyScreen)
    key(app, pygame.K_F3)
    assert isinstance(app.top, PublicScreen)
    key(app, pygame.K_F3)
    assert isinstance(app.top, PrivacyScreen)
    for _ in screens(app):
        if isinstance(app.top, ReviewScreen):
            break
    assert isinstance(app.top, ReviewScreen)
    turn = match.game.turn
    key(app, pygame.K_F3)
    assert isinstance(app.top, PublicScreen) and app.viewer is None
    key(app, pygame.K_F3)
    assert isinstance(app.top, PrivacyScreen) and match.game.turn == turn


def test_a_briefing_left_for_the_public_board_comes_again_on_the_way_back(
    make_app: MakeApp, scenario: Scenario
) -> None:
    app = make_app()
    start(app, scenario)
    briefing = app.top
    assert isinstance(briefing, BriefingScreen)
    flow.show_public(app)  # what play --public does
    key(app, pygame.K_F3)
    key(app, pygame.K_RETURN)  # the privacy screen
    assert isinstance(app.top, BriefingScreen) and app.top.role == briefing.role


def test_the_pause_menu_switches_to_the_public_board_and_back(make_app: MakeApp, scenario: Scenario) -> None:
    app = make_app()
    start(app, scenario)
    to_board(app)
    key(app, pygame.K_ESCAPE)
    menu = app.top
    assert isinstance(menu, PauseScreen)
    assert with_key("Public board", "F3") in widget_texts(menu)
    key(app, pygame.K_F3)
    assert isinstance(app.top, PublicScreen)
    key(app, pygame.K_ESCAPE)
    menu = app.top
    assert isinstance(menu, PauseScreen) and with_key("Back to the players", "F3") in widget_texts(menu)
    key(app, pygame.K_F3)
    assert isinstance(app.top, PrivacyScreen)


def test_after_the_public_board_a_hotseat_game_goes_on_with_the_person_whose_part_it_is(
    make_app: MakeApp, scenario: Scenario
) -> None:
    app = make_app()
    match = start_hotseat(app, scenario, seed=3)
    board = to_board(app)
    key(app, pygame.K_F3)
    key(app, pygame.K_F3)
    privacy = app.top
    decision = match.decision()
    assert decision is not None and isinstance(privacy, PrivacyScreen) and privacy.role == decision.role
    key(app, pygame.K_RETURN)
    assert isinstance(app.top, BoardScreen | BriefingScreen) and app.top.role == board.role


def test_the_way_back_from_a_finished_game_is_the_end_screen(make_app: MakeApp, scenario: Scenario) -> None:
    app = make_app()
    match = start(app, scenario)
    to_board(app)
    teacher.end_now(match)
    flow.show_public(app)
    assert public_view(match).objectives, "the end reveals every side"
    key(app, pygame.K_F3)
    assert type(app.top).__name__ == "EndScreen"


# --------------------------------------------------------------------- the timer
class FixedCountdown:
    """A turn timer standing still at ``seconds``."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds

    def seconds_left(self) -> float | None:
        """The seconds it was given."""
        return self.seconds


def test_the_clock_reads_minutes_and_seconds_rounded_up() -> None:
    assert [clock_text(s) for s in (0, 0.2, 59.5, 60, 125, -3)] == ["0:00", "0:01", "1:00", "1:00", "2:05", "0:00"]


def test_the_public_board_draws_the_countdown_it_is_given(
    make_app: MakeApp, scenario: Scenario, drawn: list[str]
) -> None:
    app = make_app()
    match = start(app, scenario)
    to_board(app)
    app.timer.restart(match.game.turn, 95)  # the turn timer the console sets
    key(app, pygame.K_F3)
    screen = app.top
    assert isinstance(screen, PublicScreen)
    assert "1:35" in shown_text(app, drawn) and "TIME LEFT" in drawn
    screen.countdown = FixedCountdown(None)
    assert screen.update(0.05), "a clock that stops redraws the board"
    assert "TIME LEFT" not in shown_text(app, drawn)
    teacher.set_timer(match, 180)
    text = shown_text(app, drawn)
    assert "TIMER PER PART" in text and "3:00" in text, "a timer set but not running shows its length"


def test_a_paused_game_says_so_on_the_public_board(make_app: MakeApp, scenario: Scenario, drawn: list[str]) -> None:
    app = make_app()
    match = start(app, scenario)
    to_board(app)
    key(app, pygame.K_F3)
    teacher.pause(match)
    assert "Paused by the teacher" in shown_text(app, drawn)


# --------------------------------------------------------------------- robustness and sizes
def test_random_keys_on_the_public_board_raise_nothing(make_app: MakeApp, scenario: Scenario) -> None:
    app = make_app((1280, 720), 2.0)
    match = start(app, scenario)
    play_turns(app, match, 2)
    key(app, pygame.K_F3)
    rng = random.Random(4)
    own = [pygame.K_PAGEUP, pygame.K_PAGEDOWN, pygame.K_TAB, pygame.K_a, pygame.K_e, pygame.K_1]  # F2: the console
    for _ in range(150):
        key(app, rng.choice(MOVE_KEYS + own))
        frames(app, 1)
        assert isinstance(app.top, PublicScreen), "only F3 and Esc leave the public board"
    key(app, pygame.K_F3)
    assert isinstance(app.top, PrivacyScreen)


@pytest.mark.parametrize(("size", "scale"), SIZES, ids=size_ids(SIZES))
def test_the_public_board_draws_at_every_size_with_every_indicator_whole(
    make_app: MakeApp, scenario: Scenario, drawn: list[str], size: tuple[int, int], scale: float
) -> None:
    app = make_app(size, scale)
    match = start(app, scenario)
    play_turns(app, match, 1)
    teacher.set_timer(match, 120)
    key(app, pygame.K_F3)
    screen = app.top
    assert isinstance(screen, PublicScreen)
    seen = shown_text(app, drawn)
    for _ in range(screen.tiles.pages - 1):
        key(app, pygame.K_PAGEDOWN)
        seen += shown_text(app, drawn)
    for indicator in scenario.shown_indicators:
        assert localize(indicator.label, "en") in seen, f"{indicator.id} is shown whole on some page"
    assert f"Turn 2 of {scenario.turns}" in seen and "2:00" in seen
    window = app.window.get_rect()
    (button,) = [w for w in screen.manager.get_root_container().elements]  # type: ignore[union-attr]
    assert window.contains(button.rect) and not screen.footer.colliderect(button.rect)
    assert window.contains(screen.body) and screen.header.bottom <= screen.body.top


def test_play_public_starts_a_game_on_the_public_board(monkeypatch: pytest.MonkeyPatch) -> None:
    from game import cli

    seen: list[object] = []

    def first_screen(self: App) -> int:
        seen.append(self.top)
        return 0

    monkeypatch.setattr(App, "run", first_screen)
    assert cli.main(["play", "--public", "--seed", "4", "--frames", "2", "--size", "1280x720"]) == 0
    (screen,) = seen
    assert isinstance(screen, PublicScreen) and screen.app.viewer is None
