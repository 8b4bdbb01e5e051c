"""Two people on one machine (hot-seat) on the desktop: a privacy screen before each person's part, each person's own
briefing, events and proposals, a shared review, and an end that reveals both sides. Driven headless through the real
App (see test_ui_game for the conventions)."""

from __future__ import annotations

import io
import os
import re

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame
import pytest
from uikit import (
    SIZES,
    MakeApp,
    doc_text,
    drawn_text,
    frames,
    key,
    screens,
    size_ids,
    start,
    start_hotseat,
)

from game.ai.negotiation import evaluate
from game.content.loader import load_scenario
from game.engine import Propose, Scenario, localize
from game.paths import DEFAULT_SCENARIO
from game.persistence import load_match
from game.saves import autosave_path
from game.table import PERSON, DecisionKind, Match, view
from game.ui import flow
from game.ui.screens.board import BoardScreen
from game.ui.screens.briefing import BriefingScreen
from game.ui.screens.end import EndScreen
from game.ui.screens.event import EventScreen
from game.ui.screens.ingame import GameScreen
from game.ui.screens.negotiate import NegotiationScreen
from game.ui.screens.privacy import PrivacyScreen
from game.ui.screens.proposal import ProposalScreen
from game.ui.screens.review import ReviewScreen
from game.ui.screens.wording import num

#: The in-game screens that show one side's private things (its objectives, score, proposals or choices).
PRIVATE = (BriefingScreen, BoardScreen, EventScreen, NegotiationScreen)


def private_strings(match: Match) -> dict[str, list[str]]:
    """What only each side may see: its objectives (and pieces of them) and its score as shown."""
    out: dict[str, list[str]] = {}
    for role in match.persons:
        seat = view(match, role)
        pieces = [part.strip() for part in seat.objectives.split(",") if len(part.strip()) > 12]
        out[role] = [seat.objectives, *pieces, f"score {num(seat.score)}", f"score: {num(seat.score)}"]
    return out


# --------------------------------------------------------------------- the privacy screen
def test_the_privacy_screen_comes_first_and_draws_nothing_private(
    make_app: MakeApp, scenario: Scenario, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    match = start_hotseat(app, scenario, seed=3)
    screen = app.top
    first = match.decision()
    assert first is not None
    assert isinstance(screen, PrivacyScreen) and screen.role == first.role
    assert app.stack == [screen] and not screen.modal, "nothing under it is drawn: no board, no dialog"
    frames(app)
    text = drawn_text(app, monkeypatch)
    name = match.role_name(first.role)
    assert f"Pass to {name}" in text and "(Enter)" in text
    for role, strings in private_strings(match).items():
        for private in strings:
            assert private not in text, f"{role}'s {private!r} is on the privacy screen"
    assert "score" not in text.lower() and "objective" not in text.lower()


@pytest.mark.parametrize(("size", "scale"), SIZES, ids=size_ids(SIZES))
def test_the_privacy_screen_fits_every_size_and_scale(
    make_app: MakeApp, scenario: Scenario, size: tuple[int, int], scale: float
) -> None:
    app = make_app(size, scale)
    start_hotseat(app, scenario)
    frames(app)
    screen = app.top
    assert isinstance(screen, PrivacyScreen)
    window = app.window.get_rect()
    (button,) = screen.focusables
    assert window.contains(screen.block) and window.contains(button.rect)
    assert not screen.hints or not screen.hint_rect.colliderect(button.rect)
    assert button.text == screen.button_label() and button.text.endswith("(Enter)")


def test_a_privacy_screen_stands_between_the_two_people_s_parts(
    make_app: MakeApp, scenario: Scenario, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    match = start_hotseat(app, scenario, seed=3)
    owner: str | None = None  # whose private things may be on screen now
    privacy = 0
    for screen in screens(app):
        if match.game.turn > 3:
            break
        if isinstance(screen, PrivacyScreen):
            privacy += 1
            text = drawn_text(app, monkeypatch)
            for strings in private_strings(match).values():
                assert not any(private in text for private in strings)
            owner = screen.role  # Enter passes the machine to this role
        elif isinstance(screen, ReviewScreen):
            owner = None  # shared by both
            assert "score" not in screen.score_line().lower(), "no score while both look"
        elif isinstance(screen, PRIVATE):
            assert screen.role == owner, f"{type(screen).__name__} of {screen.role} without its privacy screen"
    assert privacy >= 6, "at least two per turn: each person's part"


def test_each_person_reads_their_own_briefing_after_their_own_privacy_screen(
    make_app: MakeApp, scenario: Scenario
) -> None:
    app = make_app()
    match = start_hotseat(app, scenario, seed=3)
    briefed: list[str] = []
    previous: GameScreen | None = None
    for screen in screens(app):
        if match.game.turn > 1:
            break
        if isinstance(screen, BriefingScreen) and screen.role not in briefed:
            assert isinstance(previous, PrivacyScreen) and previous.role == screen.role
            text = doc_text(screen.document())
            own = view(match, screen.role).objectives
            assert own in text
            for other in match.persons:
                if other != screen.role:
                    assert view(match, other).objectives not in text
            briefed.append(screen.role)
        previous = screen
    assert sorted(briefed) == sorted(match.persons)


def test_one_person_against_the_computer_never_sees_a_privacy_screen(make_app: MakeApp, scenario: Scenario) -> None:
    app = make_app()
    match = start(app, scenario, seed=3)
    assert isinstance(app.top, BriefingScreen)
    for screen in screens(app):
        assert not isinstance(screen, PrivacyScreen)
        if match.game.turn > 3:
            break


# --------------------------------------------------------------------- a proposal between two people
def test_a_proposal_between_two_people_waits_for_the_receiver_who_sees_their_own_weighing(
    make_app: MakeApp, scenario: Scenario
) -> None:
    app = make_app()
    match = start_hotseat(app, scenario, seed=3)
    for screen in screens(app):
        if isinstance(screen, BoardScreen):
            break
    board = app.top
    assert isinstance(board, BoardScreen)
    sender = board.role
    receiver = next(r for r in match.persons if r != sender)
    # The sender builds it at the table: their own weighing only, never the receiver's.
    key(app, pygame.K_p)
    table = app.top
    assert isinstance(table, NegotiationScreen) and table.other == receiver
    give = match.game.legal_items(sender)[0].id
    ask = match.game.legal_items(receiver)[0].id
    table.chosen = {give, ask}
    table._changed()
    frames(app)
    assert table.weigh_title() == "How it weighs for you"
    weighing = doc_text(table.weigh_document())
    name = match.role_name(receiver)
    assert f"{name} would accept" not in weighing and f"{name} would refuse" not in weighing
    assert f"Worth to {name}" not in weighing and "Worth to you" in weighing
    mine = evaluate(match.game, Propose(receiver, sender, (ask,), (give,)), sender)
    assert f"against a threshold of {num(mine.threshold)}" in weighing
    key(app, pygame.K_s)
    proposal = next(p for p in match.game.state.proposals if p.sender == sender)
    assert proposal.status == "open", "a person answers in their own part"
    assert f"Sent to {name}" in app.top.title  # type: ignore[union-attr]
    key(app, pygame.K_RETURN)  # OK
    key(app, pygame.K_ESCAPE)  # back to the board
    key(app, pygame.K_e)  # the sender's part is over
    while not isinstance(app.top, ProposalScreen):
        # The receiver's privacy screen, then their briefing (if they have not seen it yet) and their events.
        assert isinstance(app.top, PrivacyScreen | BriefingScreen | EventScreen) and app.top.role == receiver
        key(app, pygame.K_RETURN)
    dialog = app.top
    assert dialog.role == receiver and dialog.proposal.id == proposal.id
    theirs = evaluate(match.game, proposal, receiver)
    own = next(w.evaluation for w in view(match, receiver).weighings if w.proposal == proposal.id)
    assert dialog.weighing() == theirs == own
    text = doc_text(dialog.document(700))
    assert "for your own objectives" in text and f"against a threshold of {num(theirs.threshold)}" in text
    key(app, pygame.K_2)  # accept
    key(app, pygame.K_RETURN)
    if not dialog.problem:
        assert any(a.proposal == proposal.id for a in match.game.agreements())


# --------------------------------------------------------------------- a whole game, saves
def test_a_keyboard_only_hot_seat_game_reaches_the_end_which_reveals_both_sides(
    make_app: MakeApp, scenario: Scenario
) -> None:
    out = io.StringIO()
    app = make_app(out=out)
    match = start_hotseat(app, scenario, seed=5)
    seen: dict[str, set[str]] = {}
    for screen in screens(app):
        seen.setdefault(type(screen).__name__, set()).add(screen.role)
    end = app.top
    assert isinstance(end, EndScreen)
    outcome = match.game.outcome
    assert outcome is not None and out.getvalue().count("Ending: ") == 1
    for kind in ("PrivacyScreen", "BriefingScreen", "BoardScreen", "EventScreen"):
        assert seen[kind] == {"us", "cambodia"}, (kind, seen.get(kind))
    assert "ReviewScreen" in seen
    text = doc_text(end.document())
    assert "Private objectives, revealed" in text
    for role in scenario.roles:
        assert localize(role.objectives, "en") in text
        assert re.search(rf"{match.role_name(role.id)} .*final score\s+{re.escape(num(outcome.scores[role.id]))}", text)
    actions = {n.role for n in match.game.state.news if n.kind == "action"}
    assert {"us", "cambodia"} <= actions, "both people committed actions with the number keys"


def test_continue_on_a_hot_seat_game_starts_with_a_privacy_screen(make_app: MakeApp, scenario: Scenario) -> None:
    app = make_app()
    match = start_hotseat(app, scenario, seed=3)
    for screen in screens(app):
        if isinstance(screen, ReviewScreen):
            break  # turn 1 resolved: the autosave holds turn 2
    restored = load_match(autosave_path())
    assert restored.seats == match.seats and restored.persons == ("us", "cambodia")
    assert restored.to_dict() == match.to_dict()
    other = make_app()
    flow.resume_game(other, restored)
    decision = restored.decision()
    assert decision is not None
    assert isinstance(other.top, PrivacyScreen) and other.top.role == decision.role and len(other.stack) == 1
    key(other, pygame.K_RETURN)
    top = other.top
    assert isinstance(top, BoardScreen | EventScreen) and top.role == decision.role  # no second briefing


# --------------------------------------------------------------------- no proposal lapses unseen
def test_every_computer_proposal_is_put_to_the_person_before_it_can_lapse(make_app: MakeApp) -> None:
    """Cambodia, seed 34823: the United States' first proposal used to lapse without ever being shown."""
    scenario = load_scenario(DEFAULT_SCENARIO)
    app = make_app()
    match = flow.start_game(app, scenario, str(DEFAULT_SCENARIO), seats={"cambodia": PERSON}, seed=34823)
    shown: set[str] = set()
    for screen in screens(app):
        if isinstance(screen, ProposalScreen):
            shown.add(screen.proposal.id)
        if match.game.turn > 4:
            break
    to_cambodia = [p for p in match.game.state.proposals if p.receiver == "cambodia" and p.turn <= 3]
    assert to_cambodia and to_cambodia[0].turn == 1, "the US proposed in turn 1"
    assert {p.id for p in to_cambodia} <= shown
    assert all(p.status in ("accepted", "refused", "countered") for p in to_cambodia), "none lapsed"


def test_decisions_come_from_the_match_in_its_order(make_app: MakeApp, scenario: Scenario) -> None:
    """What the flow shows is what ``match.decision()`` asks for: the role, and an event or a proposal dialog."""
    app = make_app()
    match = start_hotseat(app, scenario, seed=8)
    checked = 0
    for screen in screens(app):
        if match.game.turn > 3:
            break
        decision = match.decision()
        assert decision is not None
        if isinstance(screen, ProposalScreen):
            assert decision.kind is DecisionKind.ANSWER and decision.proposal == screen.proposal.id
        elif isinstance(screen, EventScreen):
            assert decision.kind is DecisionKind.CHOOSE and decision.event == screen.event.id
        elif isinstance(screen, BoardScreen):
            assert decision.kind is DecisionKind.ACT
        else:
            continue
        assert screen.role == decision.role
        checked += 1
    assert checked >= 6
