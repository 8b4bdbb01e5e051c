"""The negotiation table on the desktop: negotiating through the match, the negotiation screen, the agreements
panel, the proposal dialog and breaking an agreement, driven headless through the real App.

Like the other UI tests, everything runs under SDL's dummy video driver with ``COMMON_GROUND_HOME`` in a temporary
folder; input is posted with ``app.dispatch`` and frames drawn with ``app.draw``. Bundles the computer accepts or
counters are found with its own evaluator (on copies of the game), so the tests follow the scenario's numbers.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame
import pytest
from uikit import MOVE_KEYS, SIZES_AND_FULL_HD_150, MakeApp, doc_text, frames, ink, key, size_ids, start

from game.ai.negotiation import evaluate
from game.content.loader import load_scenario
from game.engine import BreakAgreement, Counter, Propose, Respond, Scenario
from game.paths import DEFAULT_SCENARIO
from game.table import PERSON, DecisionKind, Match, ProposalAnswered, Result
from game.ui import flow
from game.ui.app import App
from game.ui.screens.board import BoardScreen
from game.ui.screens.briefing import BriefingScreen
from game.ui.screens.event import EventScreen
from game.ui.screens.negotiate import NegotiationScreen, item_worth
from game.ui.screens.privacy import PrivacyScreen
from game.ui.screens.proposal import ANSWERS, DealDialog, ProposalScreen
from game.ui.screens.review import ReviewScreen

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SIZES = SIZES_AND_FULL_HD_150
#: The number key of each answer of the proposal dialog.
ANSWER_KEYS = {answer: getattr(pygame, f"K_{index + 1}") for index, answer in enumerate(ANSWERS)}


# --------------------------------------------------------------------- helpers
def snapshot(match: Match) -> str:
    return json.dumps(match.to_dict(), sort_keys=True)


def answer_events(app: App) -> None:
    """From the briefing (and privacy screens) past the turn's event dialogs (first choice), up to the board or a
    proposal dialog."""
    while isinstance(app.top, PrivacyScreen | BriefingScreen) or (
        isinstance(app.top, EventScreen) and not isinstance(app.top, ProposalScreen)
    ):
        if isinstance(app.top, EventScreen):
            key(app, pygame.K_1)
        key(app, pygame.K_RETURN)


def answer_proposal(app: App, answer: str) -> None:
    """Pick an answer on the proposal dialog with its number key and confirm it with Enter."""
    assert isinstance(app.top, ProposalScreen)
    key(app, ANSWER_KEYS[answer])
    key(app, pygame.K_RETURN)


def to_board(app: App) -> BoardScreen:
    """Past the events, refusing any proposal the computer sends, to the board."""
    answer_events(app)
    while isinstance(app.top, ProposalScreen):
        answer_proposal(app, "refuse")
    assert isinstance(app.top, BoardScreen)
    return app.top


def open_table(app: App) -> NegotiationScreen:
    key(app, pygame.K_p)
    assert isinstance(app.top, NegotiationScreen)
    return app.top


def pick_with_keys(app: App, table: NegotiationScreen, side: str, item_id: str) -> None:
    """Move the cursor of a list to an item with the arrow keys and add it (or take it out) with Space."""
    key(app, pygame.K_g if side == "give" else pygame.K_k)
    assert table.zone == side
    index = [e.item.id for e in table.entries[side]].index(item_id)
    key(app, pygame.K_HOME)
    for _ in range(index):
        key(app, pygame.K_DOWN)
    assert table.cursor[side] == index
    key(app, pygame.K_SPACE)


def fresh_match(scenario: Scenario, *, persons: tuple[str, ...] = ("us",), seed: int = 11) -> Match:
    """A match in its first actions phase: every event answered with its first choice."""
    match = Match.start(scenario, dict.fromkeys(persons, PERSON), seed, scenario_path=str(DEFAULT_SCENARIO))
    while (decision := match.decision()) is not None and decision.kind is DecisionKind.CHOOSE:
        match.apply(decision.role, decision.options[0])
    return match


def copy_of(match: Match) -> Match:
    """An independent copy (game and computer players) to try a move on."""
    return Match.from_dict(match.scenario, match.scenario_path, match.to_dict())


def answered(results: tuple[Result, ...], proposal_id: str) -> ProposalAnswered:
    """The answer to ``proposal_id`` among a command's results."""
    return next(r for r in results if isinstance(r, ProposalAnswered) and r.proposal.id == proposal_id)


def acceptable_gift(match: Match, role: str = "us", other: str = "cambodia") -> tuple[str, ...]:
    """Items of ``role`` that ``other`` would accept as a gift: the ones worth most to it, added until it accepts."""
    game = match.game
    ranked = sorted(game.legal_items(role), key=lambda i: -evaluate(game, Propose(role, other, (i.id,)), other).score)
    give: tuple[str, ...] = ()
    for item in ranked:
        give = (*give, item.id)
        if evaluate(game, Propose(role, other, give), other).accept:
            return give
    raise AssertionError("no gift the counterpart accepts")


def countered_ask(match: Match, role: str = "us", other: str = "cambodia") -> str:
    """An item of ``other`` that, asked for alone, gets a counter-proposal (tried on copies of the match)."""
    for item in match.game.legal_items(other):
        trial = copy_of(match)
        results = trial.apply(role, Propose(role, other, (), (item.id,)))
        if any(isinstance(r, ProposalAnswered) and r.counter is not None for r in results):
            return item.id
    raise AssertionError("no request is countered")


# --------------------------------------------------------------------- negotiating through the match
def test_a_computer_proposal_to_the_person_waits_and_is_the_next_decision(scenario: Scenario) -> None:
    match = fresh_match(scenario)
    waiting = match.open_proposals_for("us")
    assert waiting and all(p.receiver == "us" and p.status == "open" for p in waiting)
    assert match.open_proposals_for("cambodia") == []
    assert match.has_negotiation
    decision = match.decision()
    assert decision is not None and decision.kind is DecisionKind.ANSWER and decision.proposal == waiting[0].id


def test_respond_accepts_into_an_agreement_or_refuses(scenario: Scenario) -> None:
    match = fresh_match(scenario)
    proposal = match.open_proposals_for("us")[0]
    refused = copy_of(match)
    assert answered(refused.apply("us", Respond("us", proposal.id, False)), proposal.id).agreement is None
    assert refused.game.proposal(proposal.id).status == "refused" and not refused.game.agreements()
    agreement = answered(match.apply("us", Respond("us", proposal.id, True)), proposal.id).agreement
    assert agreement is not None and agreement.proposal == proposal.id
    assert {p.item for p in agreement.items} == set(proposal.items())
    assert match.open_proposals_for("us") == []


def test_a_counter_to_the_computer_is_answered_at_once(scenario: Scenario) -> None:
    match = fresh_match(scenario)
    proposal = match.open_proposals_for("us")[0]
    give = acceptable_gift(match)
    results = match.apply("us", Counter("us", proposal.id, give, ()))
    mine = answered(results, proposal.id).counter
    assert mine is not None and mine.sender == "us" and mine.give == give
    game = match.game
    assert game.proposal(proposal.id).status == "countered"
    assert answered(results, mine.id).by_computer, "the computer answered the counter-proposal"
    assert game.proposal(mine.id).status != "open"


def test_break_agreement_costs_the_scenario_s_trust(scenario: Scenario) -> None:
    match = fresh_match(scenario)
    proposal = match.open_proposals_for("us")[0]
    agreement = answered(match.apply("us", Respond("us", proposal.id, True)), proposal.id).agreement
    assert agreement is not None
    negotiation = scenario.negotiation
    assert negotiation is not None
    trust = match.game.trust("us", "cambodia")
    match.apply("us", BreakAgreement("us", agreement.id))
    assert match.game.agreement(agreement.id).broken
    assert match.game.trust("us", "cambodia") == max(0.0, trust - negotiation.trust_broken)


def test_without_a_negotiation_section_nothing_waits() -> None:
    tiny = load_scenario(FIXTURES / "tiny.yaml")
    match = Match.start(tiny, {"alpha": PERSON}, 1, scenario_path=str(FIXTURES / "tiny.yaml"))
    assert not match.has_negotiation
    assert match.open_proposals_for("alpha") == []


def test_a_proposal_to_the_computer_is_answered_in_the_results(scenario: Scenario) -> None:
    match = fresh_match(scenario)
    for proposal in match.open_proposals_for("us"):
        match.apply("us", Respond("us", proposal.id, False))
    results = match.apply("us", Propose("us", "cambodia", acceptable_gift(match), ()))
    sent = results[0].proposal  # type: ignore[union-attr]
    answer = answered(results, sent.id)
    assert answer.by_computer and answer.agreement is not None
    assert match.game.agreements("us")


# --------------------------------------------------------------------- every screen renders
def reach_table(app: App, scenario: Scenario) -> None:
    start(app, scenario)
    board = to_board(app)
    table = open_table(app)
    give = acceptable_gift(board.match)
    for item_id in give:
        pick_with_keys(app, table, "give", item_id)


def reach_agreements(app: App, scenario: Scenario) -> None:
    start(app, scenario)
    answer_events(app)
    answer_proposal(app, "accept")
    open_table(app)
    key(app, pygame.K_a)


def reach_proposal_dialog(app: App, scenario: Scenario) -> None:
    start(app, scenario)
    answer_events(app)
    assert isinstance(app.top, ProposalScreen)


def reach_reply(app: App, scenario: Scenario) -> None:
    reach_table(app, scenario)
    key(app, pygame.K_s)
    assert isinstance(app.top, DealDialog)


def reach_break(app: App, scenario: Scenario) -> None:
    reach_agreements(app, scenario)
    key(app, pygame.K_b)
    assert isinstance(app.top, DealDialog)


def reach_weigh_tab(app: App, scenario: Scenario) -> None:
    reach_table(app, scenario)
    key(app, pygame.K_w)


SCREENS: dict[str, Callable[[App, Scenario], None]] = {
    "table": reach_table,
    "table-weigh": reach_weigh_tab,
    "agreements": reach_agreements,
    "proposal-dialog": reach_proposal_dialog,
    "reply": reach_reply,
    "break": reach_break,
}


@pytest.mark.parametrize(("size", "scale"), SIZES, ids=size_ids(SIZES))
@pytest.mark.parametrize("name", list(SCREENS))
def test_every_negotiation_screen_renders_a_full_frame_at_every_size_and_scale(
    make_app: MakeApp, scenario: Scenario, name: str, size: tuple[int, int], scale: float
) -> None:
    app = make_app(size, scale)
    SCREENS[name](app, scenario)
    frames(app)
    assert ink(app) > 0.15, f"{name} is (nearly) blank"
    window = app.window.get_rect()
    top = app.top
    assert top is not None and top.manager is not None
    buttons = [b for b in top.focusables if b.visible]
    assert buttons, "every screen has a button to go on"
    for button in buttons:
        assert window.contains(button.rect), f"{button.text!r} leaves the window"
    for index, first in enumerate(buttons):
        for second in buttons[index + 1 :]:
            assert not first.rect.colliderect(second.rect), f"{first.text!r} overlaps {second.text!r}"
    if isinstance(top, NegotiationScreen):
        panels = [top.header, top.tabs_rect, top.body, top.actions_rect, top.footer]
        for index, first in enumerate(panels):
            assert window.contains(first)
            for second in panels[index + 1 :]:
                assert not first.colliderect(second), "the table's parts do not overlap"
        assert all(not top.body.colliderect(b.rect) for b in buttons if b is not top.back_button)


@pytest.mark.parametrize(("size", "scale"), SIZES, ids=size_ids(SIZES))
def test_the_board_s_negotiate_button_fits_beside_end_turn(
    make_app: MakeApp, scenario: Scenario, size: tuple[int, int], scale: float
) -> None:
    app = make_app(size, scale)
    start(app, scenario)
    board = to_board(app)
    frames(app)
    assert board.negotiate_button is not None and board.negotiate_button.visible
    assert app.window.get_rect().contains(board.negotiate_button.rect)
    assert not board.negotiate_button.rect.colliderect(board.end_button.rect)
    assert board.negotiate_button.text == "Negotiate (P)"


def test_without_a_negotiation_section_the_board_has_no_negotiate_button(make_app: MakeApp) -> None:
    tiny = load_scenario(FIXTURES / "tiny.yaml")
    app = make_app()
    flow.start_game(app, tiny, str(FIXTURES / "tiny.yaml"), seats={"alpha": PERSON}, seed=1)
    key(app, pygame.K_RETURN)
    board = app.top
    assert isinstance(board, BoardScreen)
    assert board.negotiate_button is None
    key(app, pygame.K_p)
    assert app.top is board
    frames(app)
    assert "NEGOTIATION" not in doc_text(board.news.document())


# --------------------------------------------------------------------- a whole proposal by keyboard
def test_a_whole_proposal_by_keyboard_ends_in_an_agreement_in_the_panel(make_app: MakeApp, scenario: Scenario) -> None:
    app = make_app()
    match = start(app, scenario)
    to_board(app)
    table = open_table(app)
    frames(app)
    assert table.send_button is not None and not table.send_button.is_enabled, "nothing picked: Send is disabled"
    assert "Pick at least one item" in table.send_problem()
    give = acceptable_gift(match)
    scores = [table.evaluation().score]
    for item_id in give:
        pick_with_keys(app, table, "give", item_id)
        frames(app, 1)
        scores.append(table.evaluation().score)
        text = doc_text(table.weigh_document())
        assert table.say(scenario.negotiation.item(item_id).label) in text  # type: ignore[union-attr]
    assert len(set(scores)) == len(scores), "the breakdown changes with every item"
    assert "would accept" in doc_text(table.weigh_document())
    assert table.send_button.is_enabled
    agreements = len(match.game.agreements("us"))
    key(app, pygame.K_s)
    assert isinstance(app.top, DealDialog) and "is made" in app.top.title
    assert len(match.game.agreements("us")) == agreements + 1
    made = match.game.agreements("us")[-1]
    assert {p.item for p in made.items} == set(give)
    assert "Turn" in doc_text(app.top.document())
    frames(app)
    key(app, pygame.K_RETURN)
    assert app.top is table and not table.chosen
    key(app, pygame.K_a)
    assert table.view == "agreements"
    table.select_agreement(len(match.game.agreements("us")) - 1)
    text = doc_text(table.agreement_document())
    assert f"Agreement {made.id.removeprefix('a')} with Cambodia" in text and "being implemented" in text
    assert made.id not in text.split(), "players read agreements by number, never by internal id"
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.top, BoardScreen)
    assert f"Agreement {made.id.removeprefix('a')}:" in doc_text(app.top.news.document())


def test_tab_moves_the_keyboard_from_the_lists_to_the_buttons(make_app: MakeApp, scenario: Scenario) -> None:
    app = make_app()
    match = start(app, scenario)
    to_board(app)
    table = open_table(app)
    assert table.zone == "give"
    key(app, pygame.K_TAB)
    assert table.zone == "ask"
    key(app, pygame.K_TAB)
    assert table.zone == "buttons"
    assert table.send_button is not None and not table.send_button.is_enabled
    assert table.focusables[table.focus_index] is table.clear_button, "Send is disabled: the focus skips it"
    key(app, pygame.K_TAB, mod=pygame.KMOD_SHIFT)
    assert table.zone == "ask"
    key(app, pygame.K_TAB, mod=pygame.KMOD_SHIFT)
    assert table.zone == "give"
    pick_with_keys(app, table, "give", acceptable_gift(match)[0])
    key(app, pygame.K_TAB)
    key(app, pygame.K_TAB)
    assert table.zone == "buttons" and table.focusables[table.focus_index] is table.send_button
    key(app, pygame.K_RETURN)
    assert isinstance(app.top, DealDialog | ProposalScreen), "Enter on the focused Send sent the proposal"


def test_items_that_cannot_be_offered_are_greyed_with_their_reason(make_app: MakeApp, scenario: Scenario) -> None:
    app = make_app()
    match = start(app, scenario)
    to_board(app)
    table = open_table(app)
    closed = [(side, index, e) for side in ("give", "ask") for index, e in enumerate(table.entries[side]) if e.reason]
    assert closed, "the default scenario has items whose condition fails at the start"
    side, index, entry = closed[0]
    assert entry.item.id not in {i.id for i in match.game.legal_items(entry.item.giver)}
    assert entry.reason.startswith(("needs", "already agreed", "this item"))
    before = snapshot(match)
    table.toggle(side, index)
    assert entry.item.id not in table.chosen
    assert entry.reason in table.notice and table.notice_bad
    table.hover = (side, index)
    assert f"Not now: {entry.reason}." in doc_text(table.weigh_document())
    assert snapshot(match) == before


def send_countered(app: App, scenario: Scenario) -> tuple[Match, NegotiationScreen]:
    """A new game, on the board: send, from the table by keyboard, a demand the computer answers with a
    counter-proposal (its dialog is then on top, over the table)."""
    match = start(app, scenario)
    to_board(app)
    ask = countered_ask(match)
    table = open_table(app)
    pick_with_keys(app, table, "ask", ask)
    key(app, pygame.K_s)
    return match, table


def test_a_countered_proposal_shows_the_counter_with_the_player_s_own_breakdown(
    make_app: MakeApp, scenario: Scenario
) -> None:
    app = make_app()
    match, table = send_countered(app, scenario)
    dialog = app.top
    assert isinstance(dialog, ProposalScreen) and dialog.proposal.reply_to is not None
    assert app.stack[-2] is table
    text = doc_text(dialog.document(600))
    assert "for your own objectives" in text and "refused your proposal" in text
    mine = evaluate(match.game, dialog.proposal, "us")
    assert "against a threshold of" in text and ("good for you" in text) == mine.accept
    # Counter: the counter-proposal is loaded into the table, to be changed and sent back.
    answer_proposal(app, "counter")
    assert app.top is table and table.reply_to == dialog.proposal.id
    assert table.chosen == set(dialog.proposal.items()) & {
        e.item.id for s in ("give", "ask") for e in table.entries[s] if not e.reason
    }
    frames(app)
    assert table.send_button is not None and table.send_button.text.startswith("Send counter-proposal")


def test_accepting_the_counter_makes_the_agreement(make_app: MakeApp, scenario: Scenario) -> None:
    app = make_app()
    match, table = send_countered(app, scenario)
    dialog = app.top
    assert isinstance(dialog, ProposalScreen)
    answer_proposal(app, "accept")
    agreement = next((a for a in match.game.agreements() if a.proposal == dialog.proposal.id), None)
    assert agreement is not None
    assert isinstance(app.top, DealDialog) and app.top.title == f"Agreement {agreement.id.removeprefix('a')} is made"
    key(app, pygame.K_RETURN)
    assert app.top is table


def test_leaving_a_counter_unanswered_brings_it_back_over_the_board(make_app: MakeApp, scenario: Scenario) -> None:
    app = make_app()
    send_countered(app, scenario)
    answer_proposal(app, "counter")  # to the table with the counter loaded...
    key(app, pygame.K_ESCAPE)  # ... and back to the board without sending
    assert isinstance(app.top, ProposalScreen), "the counter-proposal still waits: its dialog opens again"
    assert isinstance(app.stack[-2], BoardScreen)


# --------------------------------------------------------------------- the computer's proposals
def test_a_computer_proposal_arrives_as_a_dialog_and_accepting_makes_an_agreement(
    make_app: MakeApp, scenario: Scenario
) -> None:
    app = make_app()
    match = start(app, scenario)
    answer_events(app)
    dialog = app.top
    assert isinstance(dialog, ProposalScreen) and dialog.modal
    assert isinstance(app.stack[-2], BoardScreen)
    proposal = dialog.proposal
    assert proposal.sender == "cambodia" and proposal.receiver == "us"
    frames(app)
    text = doc_text(dialog.document(600))
    for item_id in proposal.items():
        assert dialog.say(scenario.negotiation.item(item_id).label) in text  # type: ignore[union-attr]
    assert "for your own objectives" in text and "CAMBODIA GIVES YOU" in text and "CAMBODIA ASKS OF YOU" in text
    answer_proposal(app, "accept")
    board = app.top
    assert isinstance(board, BoardScreen)
    agreement = next((a for a in match.game.agreements() if a.proposal == proposal.id), None)
    assert agreement is not None and f"Agreement {agreement.id.removeprefix('a')} made" in board.notice
    assert match.open_proposals_for("us") == []
    frames(app)
    assert "1 agreement in force" in doc_text(board.news.document())


def test_refusing_a_computer_proposal_makes_no_agreement(make_app: MakeApp, scenario: Scenario) -> None:
    app = make_app()
    match = start(app, scenario)
    answer_events(app)
    assert isinstance(app.top, ProposalScreen)
    proposal = app.top.proposal
    answer_proposal(app, "refuse")
    assert isinstance(app.top, BoardScreen)
    assert match.game.proposal(proposal.id).status == "refused" and not match.game.agreements()


def test_countering_a_computer_proposal_opens_the_table_preloaded(make_app: MakeApp, scenario: Scenario) -> None:
    app = make_app()
    match = start(app, scenario)
    answer_events(app)
    proposal = app.top.proposal  # type: ignore[union-attr]
    answer_proposal(app, "counter")
    table = app.top
    assert isinstance(table, NegotiationScreen) and table.reply_to == proposal.id and table.other == "cambodia"
    give, ask = table.bundle()
    assert set(give) <= set(proposal.ask) and set(ask) <= set(proposal.give) and (give or ask)
    assert match.game.proposal(proposal.id).status == "open", "nothing is answered before Send"
    key(app, pygame.K_s)
    assert match.game.proposal(proposal.id).status == "countered"
    assert isinstance(app.top, DealDialog | ProposalScreen)


def test_end_turn_first_opens_a_proposal_still_waiting(make_app: MakeApp, scenario: Scenario) -> None:
    app = make_app()
    match = start(app, scenario)
    answer_events(app)
    proposal = app.top.proposal  # type: ignore[union-attr]
    answer_proposal(app, "counter")
    key(app, pygame.K_ESCAPE)  # back to the board: the proposal's dialog opens again
    assert isinstance(app.top, ProposalScreen)
    app.pop()  # suppose it were closed some other way: End turn still does not let it lapse unseen
    assert isinstance(app.top, BoardScreen)
    key(app, pygame.K_e)
    assert isinstance(app.top, ProposalScreen) and match.game.turn == 1
    answer_proposal(app, "refuse")
    key(app, pygame.K_e)
    assert isinstance(app.top, ReviewScreen)
    assert match.game.proposal(proposal.id).status == "refused"


def test_next_turn_s_proposal_opens_after_the_review(make_app: MakeApp, scenario: Scenario) -> None:
    app = make_app()
    match = start(app, scenario)
    for _ in range(3):
        to_board(app)
        key(app, pygame.K_e)
        assert isinstance(app.top, ReviewScreen)
        key(app, pygame.K_RETURN)
        answer_events(app)
        waiting = match.open_proposals_for("us")
        if waiting:
            assert isinstance(app.top, ProposalScreen) and app.top.proposal == waiting[0]
        else:
            assert isinstance(app.top, BoardScreen)
    lapsed = [p for p in match.game.state.proposals if p.receiver == "us" and p.status == "withdrawn"]
    assert lapsed == [], "no proposal to the player lapsed unseen"


def test_a_hot_seat_proposal_waits_for_the_other_player_s_board(make_app: MakeApp, scenario: Scenario) -> None:
    app = make_app()
    match = flow.start_game(app, scenario, str(DEFAULT_SCENARIO), seats={"us": PERSON, "cambodia": PERSON}, seed=3)
    answer_events(app)
    board = app.top
    assert isinstance(board, BoardScreen) and board.role == "us"
    give = acceptable_gift(match)
    results = match.apply("us", Propose("us", "cambodia", give, ()))
    assert not any(isinstance(r, ProposalAnswered) for r in results), "a person answers later"
    key(app, pygame.K_e)
    assert isinstance(app.top, PrivacyScreen) and app.top.role == "cambodia"
    answer_events(app)
    dialog = app.top
    assert isinstance(dialog, ProposalScreen) and dialog.role == "cambodia" and dialog.proposal.sender == "us"
    answer_proposal(app, "accept")
    assert isinstance(app.top, BoardScreen) and app.top.role == "cambodia"
    assert match.game.agreements("cambodia")


# --------------------------------------------------------------------- breaking
def test_breaking_asks_first_states_the_cost_and_keep_changes_nothing(make_app: MakeApp, scenario: Scenario) -> None:
    app = make_app()
    match = start(app, scenario)
    answer_events(app)
    answer_proposal(app, "accept")
    agreement = match.game.agreements("us")[-1]
    table = open_table(app)
    key(app, pygame.K_a)
    table.select_agreement(len(match.game.agreements("us")) - 1)
    before = snapshot(match)
    key(app, pygame.K_b)
    dialog = app.top
    assert isinstance(dialog, DealDialog)
    text = doc_text(dialog.document())
    negotiation = scenario.negotiation
    assert negotiation is not None
    trust = match.game.trust("us", "cambodia")
    assert f"falls by {negotiation.trust_broken:g}" in text
    assert f"{trust:g} to {max(0.0, trust - negotiation.trust_broken):g}" in text
    assert "YOU STOP IMPLEMENTING" in text
    frames(app)
    key(app, pygame.K_ESCAPE)  # Esc keeps it
    assert app.top is table and snapshot(match) == before
    key(app, pygame.K_b)
    key(app, pygame.K_n)  # N keeps it
    assert app.top is table and snapshot(match) == before
    key(app, pygame.K_b)
    key(app, pygame.K_y)  # Y breaks it
    assert app.top is table
    assert match.game.agreement(agreement.id).broken
    assert match.game.trust("us", "cambodia") == max(0.0, trust - negotiation.trust_broken)
    assert table.notice_bad and "broke" in table.notice
    frames(app)
    assert table.break_button is not None and not table.break_button.is_enabled
    assert "nothing left to implement" in table.break_problem()


# --------------------------------------------------------------------- looking changes nothing
def test_drawing_and_browsing_the_table_never_change_the_game(make_app: MakeApp, scenario: Scenario) -> None:
    app = make_app((1280, 720), 1.5)
    match = start(app, scenario)
    answer_events(app)
    assert isinstance(app.top, ProposalScreen)
    before = snapshot(match)
    for code in (pygame.K_DOWN, pygame.K_2, pygame.K_3, pygame.K_PAGEDOWN, pygame.K_UP, pygame.K_e):
        key(app, code)
        frames(app, 1)
    assert snapshot(match) == before, "proposal dialog"
    answer_proposal(app, "refuse")
    before = snapshot(match)
    table = open_table(app)
    codes = (
        pygame.K_DOWN,
        pygame.K_SPACE,
        pygame.K_RIGHT,
        pygame.K_DOWN,
        pygame.K_SPACE,
        pygame.K_w,
        pygame.K_DOWN,
        pygame.K_TAB,
        pygame.K_TAB,
        pygame.K_LEFT,
        pygame.K_k,
        pygame.K_PAGEDOWN,
        pygame.K_a,
        pygame.K_DOWN,
        pygame.K_UP,
        pygame.K_g,
        pygame.K_c,
        pygame.K_HOME,
    )
    for code in codes:
        key(app, code)
        app.dispatch(pygame.event.Event(pygame.MOUSEMOTION, pos=(400, 300), rel=(1, 1), buttons=(0, 0, 0)))
        app.dispatch(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-1, flipped=False, precise_x=0.0, precise_y=-1.0))
        frames(app, 1)
    assert snapshot(match) == before, "negotiation table"
    assert app.top is table


def test_random_input_on_the_table_raises_nothing(make_app: MakeApp, scenario: Scenario) -> None:
    import random

    rng = random.Random(7)
    app = make_app((1024, 600), 1.5)
    start(app, scenario)
    to_board(app)
    open_table(app)
    keys = [
        *MOVE_KEYS,
        pygame.K_a,
        pygame.K_g,
        pygame.K_k,
        pygame.K_w,
        pygame.K_p,
        pygame.K_c,
        pygame.K_s,
        pygame.K_b,
        pygame.K_o,
        pygame.K_1,
        pygame.K_2,
        pygame.K_3,
        pygame.K_n,
        pygame.K_y,
    ]
    seen: set[str] = set()
    for _ in range(600):
        top = app.top
        if isinstance(top, BoardScreen):
            open_table(app)
            continue
        if not isinstance(top, NegotiationScreen | DealDialog | ProposalScreen):
            key(app, pygame.K_RETURN)
            continue
        seen.add(type(top).__name__)
        roll = rng.random()
        if roll < 0.75:
            key(app, rng.choice(keys), mod=pygame.KMOD_SHIFT if rng.random() < 0.1 else 0)
        else:
            pos = (rng.randrange(1024), rng.randrange(600))
            app.dispatch(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=pos))
            app.dispatch(pygame.event.Event(pygame.MOUSEBUTTONUP, button=1, pos=pos))
        frames(app, 1)
    assert {"NegotiationScreen", "DealDialog"} <= seen


def test_an_item_s_worth_is_the_evaluator_s(scenario: Scenario, make_app: MakeApp) -> None:
    app = make_app()
    match = start(app, scenario)
    to_board(app)
    table = open_table(app)
    item = table.entries["give"][0].item
    mine, theirs = item_worth(table, item, "cambodia")
    game = match.game
    assert theirs == evaluate(game, Propose("us", "cambodia", (item.id,)), "cambodia").reasons[0].points
    assert mine == evaluate(game, Propose("cambodia", "us", (), (item.id,)), "us").reasons[0].points


def test_in_hot_seat_a_proposal_to_a_player_who_has_finished_brings_their_board_back(
    make_app: MakeApp, scenario: Scenario
) -> None:
    app = make_app()
    match = flow.start_game(app, scenario, str(DEFAULT_SCENARIO), seats={"us": PERSON, "cambodia": PERSON}, seed=3)
    answer_events(app)
    key(app, pygame.K_e)  # the United States is done: Cambodia's board
    answer_events(app)
    board = app.top
    assert isinstance(board, BoardScreen) and board.role == "cambodia"
    give = acceptable_gift(match, "cambodia", "us")
    match.apply("cambodia", Propose("cambodia", "us", give, ()))
    key(app, pygame.K_e)
    assert isinstance(app.top, PrivacyScreen) and app.top.role == "us"
    key(app, pygame.K_RETURN)
    dialog = app.top
    assert isinstance(dialog, ProposalScreen) and dialog.role == "us", "the United States answers before it lapses"
    assert match.game.turn == 1
    answer_proposal(app, "refuse")
    assert isinstance(app.top, BoardScreen) and app.top.role == "us"
    key(app, pygame.K_e)  # both are done now: the turn resolves
    assert isinstance(app.top, ReviewScreen) and match.game.turn == 2
