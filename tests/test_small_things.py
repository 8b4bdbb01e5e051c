"""The small things of issue 8 found while trying the game: quitting the terminal asks first, a proposal with
nothing to put on the table, who decides the news that asks a side for a choice, a window that fits the display,
and confirm buttons that always say what Enter does."""

from __future__ import annotations

import io
import json
import logging
import re
from collections.abc import Callable

import pygame
import pytest
from test_text import play, section, small
from uikit import MakeApp, doc_text, frames, key, start

from builders import effect, item, negotiation, scenario
from game.engine import Game, Scenario
from game.settings import Settings, load_settings, settings_path
from game.table import Match, view
from game.text import run
from game.text.console import QUIT_QUESTION, Console, EndOfInput, QuitRequested
from game.text.views import news_lines
from game.ui import app as app_module
from game.ui.app import MIN_SIZE, App, fit_window
from game.ui.screens.board import BoardScreen
from game.ui.screens.event import EventScreen
from game.ui.screens.proposal import ProposalScreen
from game.ui.screens.wording import news_entries

ACTION_PROMPT = "Action (1-3, d N details, e end turn, h help, q quit): "


# --------------------------------------------------------------------- quitting the terminal asks first
@pytest.mark.parametrize("answer", ["n", "no", "", "e", "maybe"])
def test_q_then_anything_but_yes_goes_back_to_the_same_prompt_and_the_game_goes_on(answer: str) -> None:
    code, out = play(["1", "q", answer, "e", "e", "e"])
    assert code == 0
    assert f"{ACTION_PROMPT}q\n{QUIT_QUESTION}{answer}\n{ACTION_PROMPT}e\n" in out
    assert "Ending: " in out and "Goodbye." not in out


@pytest.mark.parametrize("answer", ["y", "yes", "Y", " YES "])
def test_q_then_yes_quits_at_once(answer: str) -> None:
    code, out = play(["1", "q", answer, "e", "e", "e"])
    assert code == 0
    assert out.endswith(f"{ACTION_PROMPT}q\n{QUIT_QUESTION}{answer.strip()}\nGoodbye.\n")
    assert "Review of turn 1" not in out and "Ending: " not in out


def test_end_of_input_after_q_ends_quietly_without_a_traceback() -> None:
    code, out = play(["1", "q"])
    assert code == 0
    assert out.endswith(f"{ACTION_PROMPT}q\n{QUIT_QUESTION}\nGoodbye.\n")
    assert "Traceback" not in out


def test_the_quit_question_is_one_short_line() -> None:
    assert "\n" not in QUIT_QUESTION and len(QUIT_QUESTION) < 79
    assert "(y/n)" in QUIT_QUESTION


def test_console_ask_returns_the_answer_given_after_a_quit_refused() -> None:
    out = io.StringIO()
    console = Console(io.StringIO("quit\nn\nhello\n"), out, echo=False)
    assert console.ask("> ") == "hello"
    assert out.getvalue() == f"> {QUIT_QUESTION}> "


def test_console_ask_raises_quit_requested_only_after_yes_and_end_of_input_at_the_question() -> None:
    console = Console(io.StringIO("q\ny\n"), io.StringIO(), echo=False)
    with pytest.raises(QuitRequested):
        console.ask("> ")
    console = Console(io.StringIO("q\n"), io.StringIO(), echo=False)
    with pytest.raises(EndOfInput):
        console.ask("> ")


# --------------------------------------------------------------------- nothing to offer
def unreachable_table() -> Scenario:
    """:func:`table` with every item behind a condition that never holds (x stays within 0..100)."""
    items = negotiation(
        item("visit", "a", [effect("y += 2")], condition="x > 200"),
        item("market", "b", [effect("y += 3")], condition="x > 200"),
    )
    return scenario(
        turns=2, events_per_turn=0, actions=[{"id": "talk", "effects": [effect("x += 1")]}], negotiation=items
    )


def test_with_no_item_to_offer_or_ask_the_proposal_menu_says_so_and_does_not_ask() -> None:
    out = io.StringIO()
    code = run(unreachable_table(), role="a", seed=1, stdin=io.StringIO("n\ne\ne\n"), stdout=out)
    text = out.getvalue()
    assert code == 0
    assert "There is nothing to offer b or to ask for now" in text
    assert "from 1 to 0" not in text and "1-0" not in text
    assert "Proposal (" not in text, "no item prompt is shown"
    assert "Ending: " in text


# --------------------------------------------------------------------- who decides, in the news
def to_board(app: App) -> BoardScreen:
    """From the briefing to the board: the first choice of each event, refusing each proposal (its first card)."""
    for _ in range(20):
        if isinstance(app.top, BoardScreen):
            return app.top
        if isinstance(app.top, EventScreen):
            key(app, pygame.K_1)
        key(app, pygame.K_RETURN)
    raise AssertionError(f"the board never came up (top: {type(app.top).__name__})")


def test_the_terminal_news_says_which_side_decides_a_choice_the_player_is_not_asked() -> None:
    code, out = play(["1", "e", "e", "e"])  # as a; b's event "offer" fires on turn 2
    assert code == 0
    news = section(out, "=== Turn 2 of 3", "Your actions")
    # b is the computer: whether it has answered by the time the news is shown, the news names b as the decider.
    assert re.search(r"News:\n- offer\n  offer\n  b (decides|chose: (take|refuse))\.\n", news), news
    turn_1 = section(out, "=== Turn 1 of 3", "Your actions")
    assert "decides" not in turn_1  # a's own decision is asked below instead
    assert "You are asked to decide on this below." in turn_1


def test_the_terminal_news_says_what_the_other_side_chose_once_it_has() -> None:
    sc = small()
    game = Game.new(sc, seed=1)
    game.choose("a", "crisis", "calm")
    game.resolve_turn()
    assert [p.event for p in game.pending_choices("b")] == ["offer"]
    match = Match.around(game, {})
    assert "  b decides." in news_lines(game, view(match, "a"))
    game.choose("b", "offer", "take")
    lines = news_lines(game, view(match, "a"))
    assert lines[lines.index("- offer") + 2] == "  b chose: take."


def test_the_desktop_news_says_the_computer_chose_under_the_event_it_answered(
    make_app: MakeApp, scenario: Scenario
) -> None:
    app = make_app()
    start(app, scenario, role="cambodia", seed=34823)
    board = to_board(app)
    frames(app, 1)
    text = " ".join(doc_text(board.news.document()).split())
    news = news_entries(board.game, board.seat.news, 1)
    entry = next(e for e in news if e.source == "new_ambassador" and e.kind == "event")
    assert entry.decider == "us" and entry.decision
    assert f"What should the ambassador lead with? United States chose: {entry.decision}" in text
    assert "answered:" not in text, "the choice is told once, under its event"


def test_the_desktop_news_says_you_decide_while_your_own_choice_waits(make_app: MakeApp, scenario: Scenario) -> None:
    app = make_app()
    start(app, scenario, role="us", seed=11)
    key(app, pygame.K_RETURN)
    assert isinstance(app.top, EventScreen) and app.top.event.id == "new_ambassador"
    board = next(screen for screen in app.stack if isinstance(screen, BoardScreen))
    assert "What should the ambassador lead with? You decide." in " ".join(doc_text(board.news.document()).split())


def test_news_entries_name_the_side_still_deciding_and_nothing_else_of_it(scenario: Scenario) -> None:
    game = Game.new(scenario, seed=11)
    entry = next(e for e in news_entries(game, game.state.news, 1) if e.source == "new_ambassador")
    assert (entry.kind, entry.decider, entry.decision) == ("event", "us", "")
    news = news_entries(game, game.state.news, 1)
    quiet = [e for e in news if e.kind == "event" and not scenario.event(e.source).choices]
    assert all(e.decider == "" for e in quiet)


# --------------------------------------------------------------------- the confirm button says what Enter does
def button_pixels(app: App, dialog: EventScreen) -> bytes:
    return pygame.image.tobytes(app.window.subsurface(dialog.confirm.rect), "RGB")


def click_card(app: App, dialog: EventScreen, index: int) -> None:
    """Click the middle of choice card ``index`` (it must be in view)."""
    card = dialog.card_rects[index]
    top = max(card.top, dialog.scroll.offset)
    bottom = min(card.bottom, dialog.scroll.offset + dialog.body.height)
    assert top < bottom, f"card {index + 1} is in view"
    pos = (dialog.body.left + card.centerx, dialog.body.top + (top + bottom) // 2 - dialog.scroll.offset)
    assert dialog._card_at(pos) == index
    app.dispatch(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))


def assert_label_drawn_now(app: App, dialog: EventScreen, label: str) -> None:
    """One frame after the input, the button reads ``label`` and looks as it does once everything has settled."""
    frames(app, 1)
    assert dialog.confirm.text == label
    shown = button_pixels(app, dialog)
    frames(app, 8)
    assert shown == button_pixels(app, dialog), f"the frame right after the input drew an old label, not {label!r}"


def test_the_event_dialog_s_button_changes_with_the_highlight_in_the_same_frame(
    make_app: MakeApp, scenario: Scenario
) -> None:
    app = make_app()
    start(app, scenario)
    key(app, pygame.K_RETURN)
    dialog = app.top
    assert isinstance(dialog, EventScreen) and len(dialog.event.choices) >= 3
    frames(app, 8)
    first = button_pixels(app, dialog)
    key(app, pygame.K_2)
    assert_label_drawn_now(app, dialog, "Confirm choice 2 (Enter)")
    assert button_pixels(app, dialog) != first
    key(app, pygame.K_DOWN)
    assert_label_drawn_now(app, dialog, "Confirm choice 3 (Enter)")
    click_card(app, dialog, 0)
    assert_label_drawn_now(app, dialog, "Confirm choice 1 (Enter)")
    assert button_pixels(app, dialog) == first
    click_card(app, dialog, 1)
    assert_label_drawn_now(app, dialog, "Confirm choice 2 (Enter)")
    key(app, pygame.K_RETURN)  # Enter does what the button says
    game = dialog.game
    answered = [n.detail for n in game.state.news if n.kind == "choice" and n.id == dialog.event.id]
    assert answered == [dialog.event.choices[1].id]


def test_the_proposal_dialog_s_button_changes_with_the_highlight_in_the_same_frame(
    make_app: MakeApp, scenario: Scenario
) -> None:
    app = make_app()
    start(app, scenario)
    key(app, pygame.K_RETURN)
    while isinstance(app.top, EventScreen) and not isinstance(app.top, ProposalScreen):
        key(app, pygame.K_1)
        key(app, pygame.K_RETURN)
    dialog = app.top
    assert isinstance(dialog, ProposalScreen)
    frames(app, 8)
    assert dialog.confirm.text == "Refuse (Enter)"
    key(app, pygame.K_2)
    assert_label_drawn_now(app, dialog, "Accept (Enter)")
    key(app, pygame.K_3)
    assert_label_drawn_now(app, dialog, "Counter (Enter)")
    click_card(app, dialog, 1)
    assert_label_drawn_now(app, dialog, "Accept (Enter)")
    click_card(app, dialog, 0)
    assert_label_drawn_now(app, dialog, "Refuse (Enter)")
    key(app, pygame.K_UP)
    assert_label_drawn_now(app, dialog, "Counter (Enter)")
    key(app, pygame.K_UP)
    assert_label_drawn_now(app, dialog, "Accept (Enter)")
    key(app, pygame.K_RETURN)
    status = dialog.game.proposal(dialog.proposal.id).status
    assert status == ("refused" if dialog.problem else "accepted")


# --------------------------------------------------------------------- a window that fits the display
@pytest.mark.parametrize(
    ("display", "opens"),
    [
        ((1920, 1080), (1280, 720)),  # room to spare: the remembered size
        ((1280, 800), (1264, 704)),  # room left for the title bar and the taskbar
        ((1366, 768), (1280, 672)),
        ((1024, 600), MIN_SIZE),  # never below the minimum ...
        ((800, 480), (800, 480)),  # ... unless the display is smaller
    ],
)
def test_the_window_opens_at_a_size_that_fits_the_display(display: tuple[int, int], opens: tuple[int, int]) -> None:
    assert fit_window((1280, 720), display) == opens
    width, height = opens
    assert width <= display[0] and height <= display[1]


def test_a_remembered_size_is_kept_where_it_fits_and_unknown_displays_change_nothing() -> None:
    assert fit_window((1600, 900), (1920, 1080)) == (1600, 900)
    assert fit_window((1920, 1200), (1920, 1080)) == (1904, 984)
    assert fit_window((1280, 720), None) == (1280, 720)


def test_the_app_fits_its_window_to_the_display_and_an_explicit_size_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(app_module, "desktop_size", lambda: (1280, 800))
    fitted = App(Settings(), persist_settings=False)
    assert fitted.window.get_size() == (1264, 704)
    explicit = App(Settings(), size=(1280, 720), persist_settings=False)
    assert explicit.window.get_size() == (1280, 720)


def test_the_last_window_size_is_remembered_and_the_next_window_opens_at_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(app_module, "desktop_size", lambda: (1920, 1080))
    app = App(load_settings(), persist_settings=True)
    assert app.window.get_size() == (1280, 720)
    pygame.display.set_mode((1100, 650), pygame.RESIZABLE)  # what the window manager does on a resize
    app.dispatch(pygame.event.Event(pygame.VIDEORESIZE, size=(1100, 650), w=1100, h=650))
    app.request_quit()
    assert json.loads(settings_path().read_text(encoding="utf-8"))["window_size"] == [1100, 650]
    assert load_settings().window_size == (1100, 650)
    assert App(load_settings(), persist_settings=False).window.get_size() == (1100, 650)


def test_a_settings_file_without_a_window_size_still_loads(caplog: pytest.LogCaptureFixture) -> None:
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text(json.dumps({"format": 1, "ui_scale": 1.5, "palette": "colourblind"}), encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        loaded = load_settings()
    assert loaded == Settings(ui_scale=1.5, palette="colourblind")
    assert loaded.window_size == (1280, 720)
    assert not caplog.records


@pytest.mark.parametrize(
    ("turn", "delay", "duration", "words"),
    [
        (3, 2, 1, "in turn 5"),
        (11, 1, 1, "in turn 12"),
        (12, 1, 1, "after the game ends"),
        (11, 2, 1, "after the game ends"),
        (11, 0, 3, "over 3 turns from now, only 2 before the game ends"),
        (10, 1, 2, "over 2 turns from turn 11"),
        (12, 0, 1, "now"),
    ],
)
def test_forecast_timing_never_names_a_turn_after_the_last(turn: int, delay: int, duration: int, words: str) -> None:
    """A 12-turn game: what falls after turn 12 is said to come after the game ends, on both front ends."""
    from game.engine import ForecastItem
    from game.present import timing
    from game.ui.screens.wording import timing_phrase

    item = ForecastItem("trust", "+=", 6.0, 6.0, delay, duration)
    assert timing(item, turn, 12) == words
    assert timing_phrase(item, turn, 12) == words


def test_an_item_already_agreed_is_off_the_table_until_its_agreement_ends_and_says_that_date() -> None:
    """A one-turn item agreed in Jan 2023 beside a three-turn one stays off the table while the agreement runs: the
    reason names the agreement in words and the agreement's last turn, never the item's own past end."""
    from types import SimpleNamespace

    from game.ui.screens.negotiate import unavailable_reason

    items = negotiation(item("visit", "a", [effect("y += 2")]), item("market", "b", [effect("y += 3")], turns=3))
    game = Game.new(scenario(turns=6, events_per_turn=0, negotiation=items))
    proposal = game.propose("a", "b", ["visit"], ["market"])
    agreement = game.respond("b", proposal.id, accept=True)
    assert agreement is not None
    game.resolve_turn()
    game.resolve_turn()  # Jul 2023: visit was implemented in Jan, market runs until Jul
    visit = game.item("visit")
    assert visit.id not in {i.id for i in game.legal_items("a")}
    reason = unavailable_reason(SimpleNamespace(game=game), visit, "a", "b")  # type: ignore[arg-type]
    assert reason == "already agreed in agreement 1, in force until Jul 2023"
    assert game.scenario.calendar.label(max(p.end for p in agreement.items)) == "Jul 2023"
    assert game.scenario.calendar.label(next(p.end for p in agreement.items if p.item == "visit")) == "Jan 2023"


def test_screens_do_not_pile_up_translation_folders(make_app: Callable[..., App]) -> None:
    """pygame_gui adds its translations folder at every new manager; a long game must not keep each copy (every
    button's text is looked up in each of them)."""
    import i18n  # type: ignore[import-untyped]

    app = make_app()
    for _ in range(20):
        app.new_manager()
    assert len(i18n.load_path) == len(set(i18n.load_path)) >= 1
