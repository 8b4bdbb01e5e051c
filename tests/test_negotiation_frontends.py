"""Front ends keep working when the history holds negotiation changes (agreements kept and broken, trust moving)."""

from __future__ import annotations

import os
import re

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")


from uikit import new_app

from game.content.loader import load_scenario
from game.paths import DEFAULT_SCENARIO
from game.table import PERSON, DecisionKind, Done, Match
from game.text import views
from game.ui.screens.end import EndScreen
from game.ui.screens.review import ReviewScreen


def end_turn(match: Match) -> None:
    """The person (the US) answers what waits (first choice; refuse), then ends its part: the turn resolves."""
    turn = match.game.turn
    while match.game.turn == turn and (decision := match.decision()) is not None:
        if decision.kind is DecisionKind.CHOOSE:
            match.apply("us", decision.options[0])
        elif decision.kind is DecisionKind.ANSWER:
            match.apply("us", decision.options[-1])
        else:
            match.apply("us", Done("us"))


def negotiated_match() -> Match:
    """A default game in which a deal is made, partly implemented, then broken (the computer's Cambodia is made to
    do both through the game itself), and the game played to its end."""
    scenario = load_scenario(DEFAULT_SCENARIO)
    assert scenario.negotiation is not None
    match = Match.start(scenario, {"us": PERSON}, 5, scenario_path=str(DEFAULT_SCENARIO))
    game = match.game
    while game.pending_choices():
        pending = game.pending_choices()[0]
        game.choose(pending.role, pending.event, scenario.event(pending.event).choices[0].id)
    give = [game.legal_items("us")[0].id]
    ask = [game.legal_items("cambodia")[0].id]
    proposal = game.propose("us", "cambodia", give, ask)
    agreement = game.respond("cambodia", proposal.id, accept=True)
    assert agreement is not None
    end_turn(match)
    while game.pending_choices():
        pending = game.pending_choices()[0]
        game.choose(pending.role, pending.event, scenario.event(pending.event).choices[0].id)
    game.break_agreement("cambodia", agreement.id)
    while not game.is_over():
        end_turn(match)
    return match


def test_the_history_records_trust_changes_with_their_causes() -> None:
    match = negotiated_match()
    scenario = match.scenario
    name = scenario.trust_indicator_id("us", "cambodia")
    assert name == "trust"  # the default scenario's board trust is its negotiation trust
    trust = [c for c in match.game.history if c.indicator == name and c.cause in ("kept", "break")]
    assert {c.cause for c in trust} == {"kept", "break"}
    assert scenario.indicator(trust[0].indicator).label["en"] == "Mutual trust"


def test_terminal_views_describe_a_negotiated_game() -> None:
    match = negotiated_match()
    game = match.game
    lines = [
        line for turn in range(1, game.turn + 1) for line in views.review_lines(game, "us", turn, 0.0, 0.0, full=True)
    ]
    lines += views.ending_lines(game, game.outcome) if game.outcome is not None else []
    assert any(line.lstrip().startswith("Mutual trust:") for line in lines)
    assert any("Kept:" in line and "(kept)" in line for line in lines)
    assert any("broke agreement" in line and "(break)" in line for line in lines)


def test_review_and_end_screens_draw_a_negotiated_game() -> None:
    match = negotiated_match()
    app = new_app()
    app.match = match
    for report in match.reports[:3]:
        app.push(ReviewScreen(app, report, "us"))
        app.draw()
        app.pop()
    app.push(EndScreen(app, "us"))
    app.draw()
    assert app.out.getvalue().count("Ending: ") == 1  # type: ignore[attr-defined]


def test_decisions_name_the_proposals_sent_and_answered_and_the_agreements_broken() -> None:
    match = negotiated_match()
    game = match.game
    assert any(line.startswith("proposed a deal to Cambodia (") for line in views.decisions(game, "us", 1))
    answered = views.decisions(game, "cambodia", 1)
    assert any(line.startswith("accepted United States' proposal of Jan 2023 (") for line in answered)
    assert "broke agreement 1" in views.decisions(game, "cambodia", 2)
    assert not any("agreement 1" in line for line in views.decisions(game, "us", 2))  # the victim did nothing


def test_players_read_proposals_and_agreements_in_words_never_by_internal_id() -> None:
    """A whole negotiated game, as the terminal tells it (reviews, news, recap, debrief) and as the desktop's review
    groups its causes: no ``a1`` or ``p3``, no "proposal proposal", no "United States's", no "by You"."""
    from game.text import deals
    from game.text.debrief import debrief_lines
    from game.ui.screens.wording import group_causes

    match = negotiated_match()
    game = match.game
    lines: list[str] = []
    for turn in range(1, game.turn + 1):
        for full in (False, True):
            lines += views.review_lines(game, "us", turn, 0.0, 0.0, full=full)
            lines += views.review_lines(game, "cambodia", turn, 0.0, 0.0, full=full)
        lines += deals.news_lines(game, game.state.news, "us", turn)
        lines += [
            c
            for group in group_causes(game, [ch for ch in game.history if ch.turn == turn], ["us"])
            for c, _ in group.causes
        ]
        for role in ("us", "cambodia"):
            lines += views.decisions(game, role, turn)
    lines += views.recap_lines(game, "us") + views.recap_lines(game, "cambodia")
    lines += debrief_lines(game, "cambodia", "us")
    lines += [line for a in game.state.agreements for line in deals.agreement_lines(game, "us", a)]
    text = "\n".join(lines)
    assert "agreement 1" in text.lower() and "broke agreement 1" in text
    assert not re.search(r"\b[ap]\d+\b", text), re.search(r".{40}\b[ap]\d+\b.{10}", text)
    assert "proposal proposal" not in text and "United States's" not in text and "by You" not in text
    assert "given by you" in text


def test_a_proposal_is_named_by_its_sender_date_and_terms() -> None:
    from game.engine import Proposal
    from game.present import agreement_name, possessive, proposal_name

    game = load_scenario(DEFAULT_SCENARIO)
    match = Match.start(game, {"us": PERSON}, 5, scenario_path=str(DEFAULT_SCENARIO))
    items = match.game.scenario.negotiation.items  # type: ignore[union-attr]
    mine = next(i for i in items if i.giver == "us")
    theirs = next(i for i in items if i.giver == "cambodia")
    proposal = Proposal("p9", 3, "us", "cambodia", (mine.id,), (theirs.id,))
    name = proposal_name(match.game, proposal, "us")
    assert name.startswith("your proposal of Jul 2023 (") and " for " in name and "p9" not in name
    assert proposal_name(match.game, proposal, "cambodia").startswith("United States' proposal of Jul 2023")
    assert possessive("Cambodia") == "Cambodia's" and possessive("United States") == "United States'"
    assert agreement_name("a12") == "agreement 12"
