"""The desktop in the player's language: the Language row of Settings (remembered, and every screen re-labelled at
once), a whole game in Khmer drawn headless, and Khmer paragraphs broken only at word boundaries."""

from __future__ import annotations

import pygame
import pytest
from pygame_gui.elements import UITextBox
from uikit import MakeApp, frames, ink, key, start, widget_texts

from game.engine import Scenario
from game.i18n import interface_languages, language, language_name, set_language, tr, use_language
from game.i18n.lines import break_points
from game.settings import load_settings
from game.ui import theme
from game.ui.screens.board import BoardScreen
from game.ui.screens.briefing import BriefingScreen
from game.ui.screens.end import EndScreen
from game.ui.screens.event import EventScreen
from game.ui.screens.negotiate import NegotiationScreen
from game.ui.screens.proposal import ProposalScreen
from game.ui.screens.settings_screen import SettingsScreen, rows_for
from game.ui.screens.title import TitleScreen
from game.ui.widgets import text as textlib

#: A Khmer paragraph with no spaces inside its sentences (Khmer writes none between words).
KHMER = (
    "ភាគីទាំងពីរបានយល់ព្រមលើកិច្ចព្រមព្រៀងពាណិជ្ជកម្មថ្មីមួយដែលនឹងជួយដល់កសិករនៅតាមជនបទ។ "
    "ទំនុកចិត្តរវាងរដ្ឋាភិបាលទាំងពីរកើនឡើងបន្តិចម្តងៗនៅពេលដែលចំណុចនីមួយៗត្រូវបានគោរព។"
)


def press(app: MakeApp, code: int, char: str = "") -> None:
    app.dispatch(pygame.event.Event(pygame.KEYDOWN, key=code, unicode=char, mod=0, scancode=0))
    app.dispatch(pygame.event.Event(pygame.KEYUP, key=code, unicode=char, mod=0, scancode=0))


def test_khmer_is_offered_by_its_own_name_beside_english() -> None:
    assert interface_languages()[0] == "en" and "km" in interface_languages()
    row = next(r for r in rows_for(load_settings()) if r.key == "language")
    names = [name for name, _ in row.options]
    assert names[:1] == ["English"] and language_name("km", native=True) in names
    assert [changes["language"] for _, changes in row.options] == list(interface_languages())


def test_choosing_khmer_in_settings_is_remembered_and_relabels_every_screen(make_app: MakeApp) -> None:
    app = make_app(persist=True)
    app.push(TitleScreen(app))
    press(app, pygame.K_s, "s")
    settings_screen = app.top
    assert isinstance(settings_screen, SettingsScreen)
    english = widget_texts(settings_screen)
    press(app, pygame.K_l, "l")  # English -> Khmer
    assert language() == "km" and app.settings.language == "km"
    assert load_settings().language == "km", "kept in settings.json for the next start"
    assert app.top is settings_screen and widget_texts(settings_screen) != english, "rebuilt in Khmer at once"
    press(app, pygame.K_ESCAPE)
    title = app.top
    assert isinstance(title, TitleScreen)
    frames(app)
    texts = " ".join(widget_texts(title))
    with use_language("km"):
        new_game, settings_word = tr("New game"), tr("Settings")
    assert new_game == "ហ្គេមថ្មី" and new_game in texts and settings_word in texts
    assert "New game" not in texts


def test_choosing_english_again_brings_the_english_labels_back(make_app: MakeApp) -> None:
    set_language("km")
    app = make_app(persist=True)
    app.push(TitleScreen(app))
    app.push(SettingsScreen(app))
    settings_screen = app.top
    assert isinstance(settings_screen, SettingsScreen)
    row = next(i for i, r in enumerate(rows_for(app.settings)) if r.key == "language")
    settings_screen.focus_key = (row, 0)  # English, the first choice
    settings_screen.rebuild()
    press(app, pygame.K_RETURN)
    assert language() == "en" and load_settings().language == "en"
    press(app, pygame.K_ESCAPE)
    assert isinstance(app.top, TitleScreen)
    texts = " ".join(widget_texts(app.top))
    assert "New game" in texts and "ហ្គេមថ្មី" not in texts


def test_a_new_game_takes_the_active_language(make_app: MakeApp, scenario: Scenario) -> None:
    set_language("km")
    app = make_app()
    match = start(app, scenario)
    assert match.game.lang == "km"


@pytest.mark.parametrize("scale", [1.0, 1.5])
def test_a_khmer_game_draws_the_board_the_negotiation_table_and_the_end(
    make_app: MakeApp, scenario: Scenario, scale: float
) -> None:
    set_language("km")
    app = make_app((1280, 720), scale)
    start(app, scenario)
    seen: set[type] = set()
    for _ in range(600):
        top = app.top
        assert top is not None
        frames(app, 1)
        seen.add(type(top))
        if isinstance(top, EndScreen):
            break
        if isinstance(top, BoardScreen) and NegotiationScreen not in seen and app.match.has_negotiation:
            key(app, pygame.K_p)
            table = app.top
            assert isinstance(table, NegotiationScreen)
            frames(app)
            assert ink(app) > 0.15
            assert tr("Send proposal (S)") in widget_texts(table)
            seen.add(NegotiationScreen)
            key(app, pygame.K_ESCAPE)
            continue
        top.autoplay()
    end = app.top
    assert isinstance(end, EndScreen)
    for page in ("E", "C", "D"):  # the ending, the chart and the debrief
        key(app, getattr(pygame, f"K_{page.lower()}"))
        frames(app)
        assert ink(app) > 0.15
    assert {BriefingScreen, EventScreen, BoardScreen, NegotiationScreen, EndScreen} <= seen | {ProposalScreen}
    assert tr("Play again (P)") == "លេងម្តងទៀត (P)" and tr("Play again (P)") in widget_texts(end)


@pytest.mark.parametrize("width", [120, 200, 320])
def test_a_khmer_paragraph_breaks_only_at_word_boundaries_and_fits_its_width(width: int) -> None:
    pygame.font.init()
    with use_language("km"):
        font = theme.font(18)  # Common Ground Sans, shaped as Khmer
    lines = textlib.wrap(font, KHMER, width)
    assert len(lines) > 2 and "".join(lines).replace(" ", "") == KHMER.replace(" ", "")
    allowed = set(break_points(KHMER, "km"))
    position = 0
    for line in lines[:-1]:
        position = KHMER.index(line, position) + len(line)
        while position < len(KHMER) and KHMER[position] == " ":
            position += 1
        assert position in allowed, f"a break inside a word after {line!r}"
    for line in lines:
        assert textlib.width_of(font, line) <= width, f"{line!r} is wider than {width}"


def test_a_khmer_paragraph_in_a_narrow_text_box_breaks_at_word_boundaries(make_app: MakeApp) -> None:
    set_language("km")
    app = make_app()
    app.push(TitleScreen(app))
    frames(app)
    manager = app.top.manager
    width = 180
    box = UITextBox(KHMER, pygame.Rect(10, 10, width, 400), manager)
    manager.update(0.05)
    rows = box.text_box_layout.layout_rows
    texts = ["".join(chunk.text for chunk in row.items if hasattr(chunk, "text")) for row in rows]
    texts = [t for t in texts if t]
    assert len(texts) > 2
    assert "".join(texts).replace(" ", "") == KHMER.replace(" ", "")
    allowed = set(break_points(KHMER, "km"))
    position = 0
    for text in texts[:-1]:
        position = KHMER.index(text.rstrip(" "), position) + len(text.rstrip(" "))
        while position < len(KHMER) and KHMER[position] == " ":
            position += 1
        assert position in allowed, f"the box broke a word after {text!r}"
    inner = box.text_box_layout.view_rect.width
    for row in rows:
        assert row.width <= inner, f"a row of {row.width}px in a box {inner}px wide"


def test_a_document_breaks_a_khmer_phrase_only_where_icu_allows() -> None:
    from game.ui.widgets.document import _words

    phrase = KHMER.split(" ")[0]
    pieces = [(word, joined) for _, word, joined in _words(phrase)]
    assert len(pieces) > 3 and "".join(word for word, _ in pieces) == phrase
    allowed = set(break_points(phrase, "km"))
    start = 0
    for word, joined in pieces:
        assert joined == (start > 0) and (start == 0 or start in allowed)
        start += len(word)
    assert [word for _, word, joined in _words("Trust grows slowly") if not joined] == ["Trust", "grows", "slowly"]
