"""Front ends keep working when the history holds negotiation changes (agreements kept and broken, trust moving)."""

from __future__ import annotations

import io
import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame

from game.content.loader import load_scenario
from game.paths import DEFAULT_SCENARIO
from game.settings import Settings
from game.text import views
from game.ui.app import App
from game.ui.screens.end import EndScreen
from game.ui.screens.review import ReviewScreen
from game.ui.session import Session


def negotiated_session() -> Session:
    """A default game in which a deal is made, partly implemented, then broken, and the game played to its end."""
    scenario = load_scenario(DEFAULT_SCENARIO)
    assert scenario.negotiation is not None
    session = Session.start(scenario, str(DEFAULT_SCENARIO), humans=("us",), seed=5)
    game = session.game
    session.let_computers_answer()
    while game.pending_choices():
        pending = game.pending_choices()[0]
        game.choose(pending.role, pending.event, scenario.event(pending.event).choices[0].id)
    give = [game.legal_items("us")[0].id]
    ask = [game.legal_items("cambodia")[0].id]
    proposal = game.propose("us", "cambodia", give, ask)
    agreement = game.respond("cambodia", proposal.id, accept=True)
    assert agreement is not None
    session.end_turn()
    while game.pending_choices():
        pending = game.pending_choices()[0]
        game.choose(pending.role, pending.event, scenario.event(pending.event).choices[0].id)
    game.break_agreement("cambodia", agreement.id)
    while not game.is_over():
        while game.pending_choices():
            pending = game.pending_choices()[0]
            game.choose(pending.role, pending.event, scenario.event(pending.event).choices[0].id)
        session.end_turn()
    return session


def test_the_history_records_trust_changes_with_their_causes() -> None:
    session = negotiated_session()
    scenario = session.scenario
    name = scenario.trust_indicator_id("us", "cambodia")
    assert name == "trust"  # the default scenario's board trust is its negotiation trust
    trust = [c for c in session.game.history if c.indicator == name and c.cause in ("kept", "break")]
    assert {c.cause for c in trust} == {"kept", "break"}
    assert scenario.indicator(trust[0].indicator).label["en"] == "Mutual trust"


def test_terminal_views_describe_a_negotiated_game() -> None:
    session = negotiated_session()
    game = session.game
    lines = [line for turn in range(1, game.turn + 1) for line in views.review_lines(game, "us", turn, 0.0, 0.0)]
    lines += views.ending_lines(game, game.outcome) if game.outcome is not None else []
    assert any(line.lstrip().startswith("Mutual trust:") for line in lines)
    assert any("Kept:" in line and "(kept)" in line for line in lines)
    assert any("broke agreement" in line and "(break)" in line for line in lines)


def test_review_and_end_screens_draw_a_negotiated_game() -> None:
    session = negotiated_session()
    app = App(Settings(), size=(1280, 720), persist_settings=False, out=io.StringIO())
    pygame.event.clear()
    app.session = session
    for report in session.reports[:3]:
        app.push(ReviewScreen(app, report, "us"))
        app.draw()
        app.pop()
    app.push(EndScreen(app, "us"))
    app.draw()
    assert app.out.getvalue().count("Ending: ") == 1  # type: ignore[attr-defined]


def test_decisions_name_the_proposals_sent_and_answered_and_the_agreements_broken() -> None:
    session = negotiated_session()
    game = session.game
    assert "proposed a deal to Cambodia (p1)" in views.decisions(game, "us", 1)
    assert "accepted proposal p1 from United States" in views.decisions(game, "cambodia", 1)
    assert "broke agreement a1" in views.decisions(game, "cambodia", 2)
    assert not any("a1" in line for line in views.decisions(game, "us", 2))  # the victim of a break did nothing
