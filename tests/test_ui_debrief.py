"""The end screen's debrief page, driven headless through the real App (see test_ui_game for the conventions)."""

from __future__ import annotations

import json
import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame
import pytest
from uikit import SIZES_AND_FULL_HD_150, frames, key, new_app, size_ids

from game.ai.negotiator import make_proposal
from game.content.loader import load_scenario
from game.engine import Commit, Respond
from game.paths import DEFAULT_SCENARIO
from game.table import PERSON, DecisionKind, Done, Match
from game.ui.app import App
from game.ui.screens.end import DEBRIEF, ENDING, EndScreen
from game.ui.widgets import Document

SIZES = SIZES_AND_FULL_HD_150


def finished_match() -> Match:
    """A default game played to its end as the US: it proposes, answers Cambodia's proposals and applies pressure
    twice; the computer plays Cambodia."""
    scenario = load_scenario(DEFAULT_SCENARIO)
    match = Match.start(scenario, {"us": PERSON}, 5, scenario_path=str(DEFAULT_SCENARIO))
    game = match.game
    proposed: set[int] = set()
    while (decision := match.decision()) is not None:
        if decision.kind is DecisionKind.CHOOSE:
            match.apply("us", decision.options[0])
        elif decision.kind is DecisionKind.ANSWER:
            match.apply("us", Respond("us", decision.proposal, not game.why_not_accept("us", decision.proposal)))
        elif game.turn not in proposed:
            proposed.add(game.turn)
            command = make_proposal(game, "us", "cambodia")
            if command is not None:
                match.apply("us", command)
        else:
            pressure = [a for a in game.legal_actions("us") if a.family == "pressure"]
            if game.turn in (3, 6) and pressure:
                match.apply("us", Commit("us", pressure[0].id))
            match.apply("us", Done("us"))
    return match


@pytest.fixture(scope="module")
def match() -> Match:
    return finished_match()


def end_app(match: Match, size: tuple[int, int], scale: float) -> tuple[App, EndScreen]:
    app = new_app(size, scale)
    app.match = match
    screen = EndScreen(app, "us")
    app.push(screen)
    app.draw()
    return app, screen


def ink(surface: pygame.Surface, rect: pygame.Rect, colour: tuple[int, int, int]) -> float:
    """The share of ``rect`` that is not ``colour``."""
    area = surface.subsurface(rect.clip(surface.get_rect()))
    mask = pygame.mask.from_threshold(area, colour, (2, 2, 2, 255))
    width, height = area.get_size()
    return 1.0 - mask.count() / max(1, width * height)


def words(doc: Document) -> str:
    return " ".join(text for block in doc.blocks for text, _, _ in block.runs)


@pytest.mark.parametrize(("size", "scale"), SIZES, ids=size_ids(SIZES))
def test_the_debrief_page_renders_at_every_size_and_scale_without_overlaps(
    match: Match, size: tuple[int, int], scale: float
) -> None:
    app, screen = end_app(match, size, scale)
    key(app, pygame.K_d)
    frames(app)
    assert app.top is screen and screen.page == DEBRIEF
    window = app.window.get_rect()
    palette = app.palette
    assert ink(app.window, window, palette.background) > 0.15
    assert window.contains(screen.debrief_rect)
    assert ink(app.window, screen.debrief_rect.inflate(-8, -8), palette.panel) > 0.03, "the debrief is blank"
    if not screen.narrow:
        assert window.contains(screen.mood_rect) and not screen.mood_rect.colliderect(screen.debrief_rect)
        assert ink(app.window, screen.mood_rect.inflate(-8, -8), palette.panel) > 0.03, "the chart is blank"
    buttons = [b for b in screen.focusables if b.visible]
    assert len(buttons) == 5  # play again, the other side, save chart, export report, title
    for button in buttons:
        assert window.contains(button.rect), f"{button.text!r} leaves the window"
        for rect in (screen.debrief_rect, screen.mood_rect, screen.tabs_rect):
            assert not button.rect.colliderect(rect), f"{button.text!r} overlaps the debrief"
    for index, first in enumerate(buttons):
        for second in buttons[index + 1 :]:
            assert not first.rect.colliderect(second.rect), f"{first.text!r} overlaps {second.text!r}"
    tabs = screen.tab_rects
    assert len(tabs) == (3 if screen.narrow else 2)
    assert all(window.contains(tab) for tab in tabs)


def test_the_debrief_says_where_the_counterpart_stood_in_words_and_how_its_willingness_moved(
    match: Match,
) -> None:
    app, screen = end_app(match, (1280, 720), 1.0)
    key(app, pygame.K_d)
    frames(app, 1)
    text = words(screen.debrief_document())
    assert "How Cambodia saw the game" in text
    assert "Where it stood on each proposal" in text and "How your moves shifted its willingness" in text
    assert "Would accept" in text or "Would refuse" in text  # in words, not colour alone
    assert "Its own offer" in text and "Main reasons:" in text
    assert "you pressured them with" in text
    assert "What it cared about" in text and "Wanted most from a deal:" in text
    report = screen.debriefs()[0]
    assert report.counterpart == "cambodia" and report.player == "us"
    assert len(report.willingness) == match.game.outcome.turn + 1  # type: ignore[union-attr]


def test_pages_turn_with_their_keys_and_clicks_and_left_right_pick_a_turn(match: Match) -> None:
    app, screen = end_app(match, (1280, 720), 1.0)
    assert screen.page == ENDING and not screen.narrow
    key(app, pygame.K_d)
    frames(app, 1)
    assert screen.page == DEBRIEF
    assert ("Left/Right", "pick a turn") in screen.hints
    last = len(screen.debriefs()[0].willingness) - 1
    key(app, pygame.K_LEFT)
    assert screen.mood_turn == last - 1
    key(app, pygame.K_RIGHT)
    key(app, pygame.K_RIGHT)
    assert screen.mood_turn == 0  # wraps round to the start
    frames(app, 1)
    assert len(screen.mood_xs) == last + 1
    click = (screen.mood_xs[3], screen.mood_rect.centery)
    app.dispatch(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=click))
    assert screen.mood_turn == 3
    offset = screen.debrief_scroll.offset
    key(app, pygame.K_PAGEDOWN)
    assert screen.debrief_scroll.offset > offset
    key(app, pygame.K_e)
    assert screen.page == ENDING and ("Left/Right", "highlight a line") in screen.hints
    frames(app, 1)
    app.dispatch(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=screen.tab_rects[1].center))
    assert screen.page == DEBRIEF
    # Narrow windows: three pages, the chart among them; their keys are on the tabs (and in the hints if room).
    for size, scale in (((1280, 720), 1.5), ((1024, 600), 2.0)):
        app, screen = end_app(match, size, scale)
        assert screen.narrow
        for code, page in ((pygame.K_c, "chart"), (pygame.K_d, DEBRIEF), (pygame.K_e, ENDING)):
            key(app, code)
            assert screen.page == page
        assert [name for name, _ in screen.tabs] == ["Ending", "Chart", "Debrief"]
        assert [k for _, k in screen.tabs] == ["E", "C", "D"]
        assert ("E / C / D", "pages") in screen.hints if size == (1280, 720) else screen.tight


def test_showing_the_debrief_never_changes_the_game(match: Match) -> None:
    before = json.dumps(match.to_dict(), sort_keys=True)
    app, _ = end_app(match, (1280, 720), 1.5)
    for code in (pygame.K_d, pygame.K_DOWN, pygame.K_LEFT, pygame.K_e, pygame.K_c, pygame.K_d):
        key(app, code)
        frames(app, 1)
    assert json.dumps(match.to_dict(), sort_keys=True) == before
    assert app.out.getvalue().count("Ending: ") == 1  # type: ignore[attr-defined]
