"""Computer players negotiate: answers to proposals, proposals of their own, and negotiation in simulate."""

from __future__ import annotations

import contextlib
import json
import random
from io import StringIO
from pathlib import Path

import pytest

from game.ai.negotiation import evaluate
from game.ai.negotiator import answer_proposals, make_proposal, negotiate_turn
from game.ai.policies import GreedyPolicy, RandomPolicy
from game.cli import main
from game.content.loader import load_scenario
from game.engine import Choose, Counter, Game, Phase, Propose, Respond, Scenario
from game.table import PERSON, Done, Match, ProposalAnswered
from game.table.simulate import simulate

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "scenarios" / "cambodia_us.yaml"


@pytest.fixture(scope="module")
def default() -> Scenario:
    return load_scenario(DEFAULT)


def at_actions(scenario: Scenario, seed: int = 1) -> Game:
    """A new game of ``scenario`` in its first actions phase (event choices answered greedily)."""
    game = Game.new(scenario, seed)
    policy = GreedyPolicy(random.Random(seed))
    while game.phase is Phase.NEWS:
        role = game.pending_choices()[0].role
        for command in policy.decide(game, role):
            game.apply(command)
    return game


def test_make_proposal_is_legal_accepted_by_the_other_side_and_gains_the_proposer(default: Scenario) -> None:
    game = at_actions(default)
    for role, other in (("us", "cambodia"), ("cambodia", "us")):
        proposal = make_proposal(game, role, other)
        assert proposal is not None
        assert proposal.sender == role and proposal.receiver == other
        assert game.why_not_propose(role, other, proposal.give, proposal.ask) == ""
        assert evaluate(game, proposal, other).accept
        # Its own view of the deal (what it receives against what it gives, the context aside) is a gain.
        mine = evaluate(game, Propose(other, role, proposal.ask, proposal.give), role)
        items = len(proposal.give) + len(proposal.ask)
        assert sum(r.points for r in mine.reasons[:items]) > 0


def test_make_proposal_changes_nothing_and_gives_the_same_proposal_again(default: Scenario) -> None:
    # How fast an evaluation is is measured by ``python main.py bench`` (proposal_eval_ms), not here.
    game = at_actions(default)
    before = game.to_dict()
    first = make_proposal(game, "us", "cambodia")
    assert first is not None
    assert all(make_proposal(game, "us", "cambodia") == first for _ in range(5))
    assert game.to_dict() == before


def test_make_proposal_is_none_when_a_proposal_is_already_open(default: Scenario) -> None:
    game = at_actions(default)
    proposal = make_proposal(game, "us", "cambodia")
    assert proposal is not None
    game.apply(proposal)
    assert make_proposal(game, "us", "cambodia") is None


def test_an_attractive_proposal_is_accepted(default: Scenario) -> None:
    game = at_actions(default)
    offer = make_proposal(game, "us", "cambodia")
    assert offer is not None
    sent = game.propose("us", "cambodia", offer.give, offer.ask)
    answers = answer_proposals(game, "cambodia")
    assert answers == [Respond("cambodia", sent.id, True)]
    for command in answers:
        game.apply(command)
    assert len(game.agreements()) == 1


def test_an_insulting_proposal_is_refused_or_countered(default: Scenario) -> None:
    game = at_actions(default)
    asked = tuple(i.id for i in game.legal_items("cambodia"))[:4]
    sent = game.propose("us", "cambodia", (), asked)
    assert not evaluate(game, sent, "cambodia").accept
    (answer,) = answer_proposals(game, "cambodia")
    assert isinstance(answer, Respond | Counter)
    assert answer.proposal == sent.id
    if isinstance(answer, Respond):
        assert not answer.accept
    else:  # the counter is a bundle Cambodia itself would accept, had the United States sent it
        assert evaluate(game, Propose("us", "cambodia", answer.ask, answer.give), "cambodia").accept
    game.apply(answer)  # a legal command
    assert game.proposal(sent.id).status in ("refused", "countered")
    assert not game.agreements()


def test_answers_are_legal_commands_over_whole_games(default: Scenario) -> None:
    for seed in range(3):
        game = Game.new(default, seed)
        policies = {
            "us": GreedyPolicy(random.Random(seed)),
            "cambodia": RandomPolicy(random.Random(seed + 1)),
        }
        while not game.is_over():
            while game.phase is Phase.NEWS:
                role = game.pending_choices()[0].role
                for command in policies[role].decide(game, role):
                    game.apply(command)
            # Proposals from both sides, then every answer must apply without error.
            for command in negotiate_turn(game, policies):
                assert isinstance(command, Propose | Respond | Counter)
            for role, policy in policies.items():
                for command in policy.decide(game, role):
                    game.apply(command)
            game.resolve_turn()
        assert not game.state.errors


def test_simulate_with_negotiation_makes_agreements_and_without_makes_none(default: Scenario) -> None:
    greedy = {"us": "greedy", "cambodia": "greedy"}
    with_negotiation = simulate(default, 10, 1, greedy)
    without = simulate(default, 10, 1, greedy, negotiate=False)
    assert with_negotiation.agreements_made > 0
    assert with_negotiation.agreements_kept <= with_negotiation.agreements_made
    assert without.agreements_made == without.agreements_kept == without.agreements_broken == 0


def run_cli(*args: str) -> dict[str, object]:
    out = StringIO()
    with contextlib.redirect_stdout(out):
        assert main(list(args)) == 0
    data = json.loads(out.getvalue())
    assert isinstance(data, dict)
    for timing in ("seconds", "turns_per_second"):
        data.pop(timing)
    return data


def test_simulate_json_has_agreements_and_balance_and_is_reproducible() -> None:
    args = ("simulate", str(DEFAULT), "--games", "4", "--seed", "2", "--policy", "us=greedy", "--policy",
            "cambodia=greedy", "--balance", "--json")  # fmt: skip
    first, second = run_cli(*args), run_cli(*args)
    assert first == second
    agreements = first["agreements"]
    assert isinstance(agreements, dict) and set(agreements) == {"made", "kept", "broken"}
    assert agreements["made"] > 0
    balance = first["balance"]
    assert isinstance(balance, dict) and set(balance) == {"families", "unrestricted"}
    assert set(balance["unrestricted"]) == {"us", "cambodia"}
    assert balance["families"] and all(set(v) <= {"us", "cambodia"} for v in balance["families"].values())
    off = run_cli("simulate", str(DEFAULT), "--games", "4", "--seed", "2", "--policy", "us=greedy",
                  "--no-negotiation", "--json")  # fmt: skip
    assert off["agreements"] == {"made": 0, "kept": 0, "broken": 0}
    assert "balance" not in off


def test_lookahead_considers_the_make_proposal_bundle(default: Scenario) -> None:
    from game.ai.lookahead import LookaheadPolicy

    game = at_actions(default)
    policy = LookaheadPolicy(random.Random(0), default.role("us").personality, budget=12, depth=2)
    assert make_proposal(game, "us", "cambodia") in policy.candidate_proposals(game, "us")
    commands = policy.propose(game, "us")
    assert len(commands) <= 1 and all(isinstance(c, Propose) for c in commands)
    assert policy.last_search is not None and policy.last_search.candidates[0].label == "(no proposal)"
    policy.negotiate = False
    assert policy.candidate_proposals(game, "us") == [] and policy.propose(game, "us") == []


def test_a_human_proposal_to_the_computer_is_answered_at_once(default: Scenario) -> None:
    match = Match.start(default, {"us": PERSON}, 5, scenario_path=str(DEFAULT))
    game = match.game
    while game.phase is Phase.NEWS:
        pending = game.pending_choices("us")[0]
        match.apply("us", Choose("us", pending.event, default.event(pending.event).choices[0].id))
    for proposal in game.open_proposals("us"):  # the computer's own proposal, if any, waits for the human
        assert proposal.sender == "cambodia"
        match.apply("us", Respond("us", proposal.id, False))
    offer = make_proposal(game, "us", "cambodia")
    assert offer is not None
    results = match.apply("us", offer)
    sent = [p for p in game.state.proposals if p.sender == "us"][-1]
    answer = next(r for r in results if isinstance(r, ProposalAnswered) and r.proposal.id == sent.id)
    assert answer.by_computer and answer.agreement is not None
    assert game.proposal(sent.id).status == "accepted"
    assert game.agreements()
    match.apply("us", Done("us"))
    assert game.turn == 2
