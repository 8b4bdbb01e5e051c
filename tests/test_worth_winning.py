"""Worth winning (issue 9): a passive policy for balance checks, agreements broken in the turn they were made, a
counterpart that adapts after a refusal and accepts only what it really values, and an agenda that follows the
story (items that news puts on the table, items that come back in a new form)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from builders import effect, item, negotiation, scenario
from game.ai import POLICIES, make_policy
from game.ai.debrief import debrief
from game.ai.negotiation import bundle_key, counter, evaluate
from game.ai.negotiator import (
    CONCESSION,
    MATERIAL_CHANGE,
    REFUSAL_MEMORY,
    SWEETEN,
    answer_proposals,
    make_proposal,
    turned_down,
)
from game.cli import main
from game.content.loader import load_scenario, load_scenario_text
from game.content.problems import ScenarioError
from game.engine import (
    Choose,
    Commit,
    Counter,
    Game,
    NegotiationError,
    Propose,
    Respond,
    Scenario,
)
from game.paths import DEFAULT_SCENARIO
from game.table import PERSON, Match, ProposalAnswered, Seat, parse_seat

AGENDA = Path(__file__).resolve().parent / "fixtures" / "agenda.yaml"


@pytest.fixture(scope="module")
def default() -> Scenario:
    return load_scenario(DEFAULT_SCENARIO)


# --------------------------------------------------------------------------- the passive policy
def test_passive_is_a_policy_a_seat_and_a_simulate_name(default: Scenario) -> None:
    assert "passive" in POLICIES
    assert parse_seat("us=passive") == ("us", Seat("passive"))
    game = Game.new(default, 3)
    assert make_policy("passive", game, "us", random.Random(0)).name == "passive"


def test_passive_answers_first_choices_commits_nothing_proposes_nothing_and_refuses_everything(
    default: Scenario,
) -> None:
    match = Match.start(default, {"us": Seat("passive"), "cambodia": Seat("greedy")}, 4)
    game = match.game
    assert game.is_over()
    mine = [c for c in match.log.commands if getattr(c, "role", getattr(c, "sender", None)) == "us"]
    assert mine and all(isinstance(c, Choose | Respond) for c in mine)
    for command in mine:
        if isinstance(command, Choose):
            assert command.choice == default.event(command.event).choices[0].id
        else:
            assert command.accept is False
    assert not any(n.kind == "action" and n.role == "us" for n in game.state.news)
    assert not any(p.sender == "us" for p in game.state.proposals)
    assert any(p.receiver == "us" for p in game.state.proposals)  # greedy tried
    assert all(p.status == "refused" for p in game.state.proposals if p.receiver == "us")
    assert game.state.agreements == []


def test_a_person_s_proposal_to_a_passive_seat_is_refused_at_once(default: Scenario) -> None:
    match = Match.start(default, {"us": PERSON, "cambodia": Seat("passive")}, 5)
    game = match.game
    for pending in game.pending_choices("us"):
        match.apply("us", Choose("us", pending.event, default.event(pending.event).choices[0].id))
    give = game.legal_items("us")[0].id
    results = match.apply("us", Propose("us", "cambodia", (give,), ()))
    answered = [r for r in results if isinstance(r, ProposalAnswered)]
    assert answered and answered[0].proposal.status == "refused" and answered[0].by_computer


def test_simulate_takes_passive_on_either_side(capsys: pytest.CaptureFixture[str]) -> None:
    for us, cambodia in (("passive", "greedy"), ("greedy", "passive")):
        code = main(["simulate", "--games", "2", "--seed", "1", "--policy", f"us={us}", "--policy",
                     f"cambodia={cambodia}", "--json"])  # fmt: skip
        assert code == 0
        result = json.loads(capsys.readouterr().out)
        assert result["roles"]["us"]["policy"] == us and result["agreements"]["made"] == 0


# --------------------------------------------------------------------------- breaking in the turn it was made
def break_table() -> Scenario:
    """a gives ``fund`` (y += 12 over 3 turns), b gives ``market`` (x += 6 over 2 turns)."""
    table = negotiation(
        item("fund", "a", [effect("y += 12")], turns=3),
        item("market", "b", [effect("x += 6")], turns=2),
        initial=50.0,
        broken=15.0,
    )
    return scenario(turns=6, quiet_weight=1.0, events_per_turn=0, negotiation=table)


@pytest.mark.parametrize("breaker", ["a", "b"])
def test_an_agreement_broken_in_the_turn_it_was_made_delivers_nothing_to_either_side(breaker: str) -> None:
    game = Game.new(break_table())
    proposal = game.propose("a", "b", ("fund",), ("market",))
    agreement = game.respond("b", proposal.id, True)
    assert agreement is not None
    forecast = game.forecast_break(breaker, agreement.id)
    other_item = "market" if breaker == "a" else "fund"
    assert forecast.voided == (other_item,)
    game.break_agreement(breaker, agreement.id)
    assert [i.status for i in game.agreement(agreement.id).items] == ["broken", "broken"]
    assert game.trust("a", "b") == 35.0
    for _ in range(3):
        game.resolve_turn()
    assert (game.value("x"), game.value("y")) == (50.0, 50.0)  # no instalment of either item
    assert not any(c.cause == "agreement" for c in game.history)
    assert game.state.scheduled == {} or not any(
        s.cause == "agreement" for due in game.state.scheduled.values() for s in due
    )
    # Both items may be put on the table again, and neither side has anything left to break.
    assert {i.id for i in game.legal_items("a")} == {"fund"} and {i.id for i in game.legal_items("b")} == {"market"}
    with pytest.raises(NegotiationError, match="nothing left to implement"):
        game.break_agreement("b" if breaker == "a" else "a", agreement.id)


def test_an_agreement_broken_a_turn_later_still_lets_the_other_side_s_items_go_on() -> None:
    game = Game.new(break_table())
    proposal = game.propose("a", "b", ("fund",), ("market",))
    agreement = game.respond("b", proposal.id, True)
    assert agreement is not None
    game.resolve_turn()  # fund 4 of 12, market 3 of 6
    assert game.forecast_break("a", agreement.id).voided == ()
    game.break_agreement("a", agreement.id)
    assert [i.status for i in game.agreement(agreement.id).items] == ["broken", "pending"]
    game.resolve_turn()
    assert (game.value("x"), game.value("y")) == (56.0, 54.0)


def test_the_debrief_names_who_broke_an_agreement_voided_by_its_receiver() -> None:
    game = Game.new(break_table())
    proposal = game.propose("a", "b", ("fund",), ("market",))
    agreement = game.respond("b", proposal.id, True)
    assert agreement is not None
    game.break_agreement("b", agreement.id)  # a's item comes first in the agreement, and is broken too
    while not game.is_over():
        game.resolve_turn()
    stance = next(s for s in debrief(game, "b", "a").stances if s.proposal.id == proposal.id)
    assert "later broken by they" in stance.outcome_text  # b, the counterpart debriefed: not a


# --------------------------------------------------------------------------- adapting after a refusal
def offers_table(*, min_gain: float = 0.5) -> Scenario:
    """Both roles score ``y``. a gives g1, g2, g3 (worth 2, 4, 6 to b; costing a 1, 2, 3), b gives k (worth 9 to a,
    costing b 1). g1 also raises y by z / 10, nothing while z is 0; b's action ``grow`` raises z by 20 (and so what
    g1 brings), ``warm`` raises relations by 20 (and so b's readiness to deal, not what any item is worth)."""
    table = negotiation(
        item("g1", "a", [effect("y += z / 10")], value={"a": -1, "b": 2}),
        item("g2", "a", [effect("x += 1")], value={"a": -2, "b": 4}),
        item("g3", "a", [effect("x += 1")], value={"a": -3, "b": 6}),
        item("k", "b", [effect("x += 1")], value={"a": 9, "b": -1}),
        threshold=0.0,
        min_gain=min_gain,
    )
    actions = [
        {"id": "grow", "role": "b", "effects": [effect("z += 20")]},
        {"id": "warm", "role": "b", "effects": [effect("relations += 20")]},
    ]
    indicators = {"x": 50.0, "y": 50.0, "z": 0.0, "relations": 50.0}
    return scenario(turns=12, indicators=indicators, actions=actions, score="y", capital=2, events_per_turn=0,
                    negotiation=table)  # fmt: skip


def a_gain(game: Game, command: Propose) -> float:
    """What the items of ``command`` (a's offer) are worth to a: what it gets less what it gives."""
    return evaluate(game, Propose("b", "a", command.ask, command.give), "a").gain


def b_worth(game: Game, command: Propose) -> float:
    """What the items of ``command`` are worth to b (its evaluation without the context)."""
    return evaluate(game, command, "b").gain


def test_a_refused_offer_is_not_sent_again_and_each_new_one_is_sweeter_until_it_waits() -> None:
    game = Game.new(offers_table())
    sent: list[tuple[int, Propose, float]] = []
    while not game.is_over():
        command = make_proposal(game, "a", "b")
        if command is not None:
            sent.append((game.turn, command, b_worth(game, command)))
            proposal = game.propose(command.sender, command.receiver, command.give, command.ask)
            game.respond("b", proposal.id, False)
        game.resolve_turn()
    keys = [bundle_key(c.give, c.ask) for _, c, _ in sent]
    assert len(keys) == len(set(keys)) >= 4  # never the same offer twice
    assert keys[0] == bundle_key(("g1",), ("k",))  # the best for a, first
    for index, (turn, _, score) in enumerate(sent):
        for earlier_turn, _, earlier in sent[:index]:
            if turn - earlier_turn < REFUSAL_MEMORY:
                assert score >= earlier + SWEETEN  # sweeter than every recent refusal
    gains = [a_gain(game, c) for _, c, _ in sent]
    assert gains[0] == 8.0 and min(gains) >= CONCESSION * gains[0]  # it concedes, but only so far
    assert len(sent) < 12  # and when nothing is left that it would offer, it waits


def test_a_refused_offer_comes_back_only_once_its_items_are_worth_materially_more_to_the_receiver() -> None:
    game = Game.new(offers_table())
    first = make_proposal(game, "a", "b")
    assert first is not None and bundle_key(first.give, first.ask) == bundle_key(("g1",), ("k",))
    game.respond("b", game.propose("a", "b", first.give, first.ask).id, False)
    game.resolve_turn()
    (refused,) = turned_down(game, "a", "b")
    assert refused.standing and refused.now == pytest.approx(refused.then) == pytest.approx(1.0)
    game.commit("b", "warm")  # relations 50 -> 70: b is readier to deal (+2), but the items are worth the same
    game.resolve_turn()
    (refused,) = turned_down(game, "a", "b")
    assert refused.standing
    again = make_proposal(game, "a", "b")
    assert again is not None and bundle_key(again.give, again.ask) != bundle_key(first.give, first.ask)
    game.commit("b", "grow")  # z 0 -> 20: g1 now also raises y by 2, so the refused offer is worth 2 more to b
    game.resolve_turn()
    (refused,) = turned_down(game, "a", "b")
    assert refused.now - refused.then == pytest.approx(2.0) and MATERIAL_CHANGE <= 2.0
    assert not refused.standing
    back = make_proposal(game, "a", "b")
    assert back is not None and bundle_key(back.give, back.ask) == bundle_key(first.give, first.ask)


def test_a_refused_counter_is_not_made_again_to_the_same_demand() -> None:
    game = Game.new(offers_table())
    demand = game.propose("a", "b", (), ("k",))  # worth -1 to b
    (first,) = answer_proposals(game, "b")
    assert isinstance(first, Counter) and (first.give, first.ask) == (("k",), ("g3",))  # the one b likes best
    game.apply(first)
    game.respond("a", game.state.proposals[-1].id, False)  # a refuses b's counter
    game.resolve_turn()
    assert demand.id != game.propose("a", "b", (), ("k",)).id
    (second,) = answer_proposals(game, "b")
    assert isinstance(second, Counter)
    assert bundle_key(second.give, second.ask) != bundle_key(first.give, first.ask)
    assert evaluate(game, Propose("a", "b", second.ask, second.give), "b").accept


def test_offers_between_computer_players_are_unchanged_when_nobody_refuses() -> None:
    game = Game.new(offers_table())
    assert turned_down(game, "a", "b") == []
    command = make_proposal(game, "a", "b")
    assert command is not None and evaluate(game, command, "b").accept


# --------------------------------------------------------------------------- accepting only a real gain
def lopsided_table() -> Scenario:
    """Trust 90 and relations 90: b's context is worth +8 before any item. a gives ``g`` (worth 2 to b) and asks
    ``k1``..``k4`` (each costing b 1.5)."""
    table = negotiation(
        item("g", "a", [effect("y += 1")], value={"a": -1, "b": 2}),
        *(item(f"k{n}", "b", [effect("y += 1")], value={"a": 3, "b": -1.5}) for n in range(1, 5)),
        initial=90.0,
        threshold=1.0,
    )
    return scenario(turns=4, indicators={"x": 50.0, "y": 50.0, "relations": 90.0}, events_per_turn=0,
                    negotiation=table)  # fmt: skip


def test_a_lopsided_package_is_refused_however_well_disposed_the_receiver_is() -> None:
    game = Game.new(lopsided_table())
    proposal = game.propose("a", "b", ("g",), ("k1", "k2", "k3", "k4"))  # one item given for four asked
    evaluation = evaluate(game, proposal, "b")
    assert evaluation.score == pytest.approx(2 - 6 + 4 + 4)  # above the threshold of 1 ...
    assert evaluation.gain == pytest.approx(-4.0) and evaluation.min_gain == 0.5
    assert not evaluation.accept  # ... but the items alone cost b more than they bring
    assert evaluation.reasons[-1].points == 0.0 and "short of the +0.5 a deal must gain" in evaluation.reasons[-1].label
    answers = answer_proposals(game, "b")
    assert not any(isinstance(a, Respond) and a.accept for a in answers)
    fair = evaluate(game, Propose("a", "b", ("g",), ("k1",)), "b")  # 2 - 1.5 = +0.5: a real gain
    assert fair.accept and fair.gain == pytest.approx(0.5)
    assert all(r.points != 0.0 for r in fair.reasons)  # no refusal reason when it accepts


def test_a_lopsided_counter_from_a_person_is_not_accepted_by_the_computer() -> None:
    sc = lopsided_table()
    match = Match.start(sc, {"a": PERSON, "b": Seat("greedy")}, 2)
    game = match.game
    waiting = game.open_proposals("a")
    assert waiting, "the computer opens with a proposal of its own"
    results = match.apply("a", Counter("a", waiting[0].id, ("g",), ("k1", "k2", "k3", "k4")))
    answers = [r for r in results if isinstance(r, ProposalAnswered) and r.by_computer]
    assert answers and answers[0].proposal.status != "accepted"
    assert not any({"k1", "k2", "k3", "k4"} <= {i.item for i in a.items} for a in game.state.agreements)


def test_a_counter_asks_for_a_real_gain_too() -> None:
    game = Game.new(lopsided_table())
    demand = game.propose("a", "b", (), ("k1", "k2"))
    found = counter(game, demand)
    assert found is not None
    give, ask = found
    assert evaluate(game, Propose("a", "b", ask, give), "b").gain >= 0.5


# --------------------------------------------------------------------------- the agenda
@pytest.fixture(scope="module")
def agenda() -> Scenario:
    return load_scenario(AGENDA)


def legal(game: Game, role: str) -> list[str]:
    return [i.id for i in game.legal_items(role)]


def test_items_off_the_table_come_with_the_news_that_opens_them(agenda: Scenario) -> None:
    game = Game.new(agenda, 1)
    assert legal(game, "north") == ["restore"]
    assert not game.on_table("summit") and not game.on_table("aid")
    assert game.why_not_item("summit") == "item 'summit' is not on the table yet: it comes with later news"
    with pytest.raises(NegotiationError, match="not on the table yet"):
        game.propose("north", "south", ("summit",), ())
    game.resolve_turn()  # turn 2: summit_called fires and opens the summit, whatever anyone does
    assert legal(game, "north") == ["restore", "summit"] and game.why_not_item("summit") == ""
    game.resolve_turn()  # turn 3: aid_offer waits for South's answer
    assert not game.on_table("aid")
    game.choose("south", "aid_offer", "welcome")
    assert legal(game, "north") == ["restore", "summit", "aid"]
    game.resolve_turn()
    assert game.on_table("aid") and game.on_table("summit")  # from then on


def test_an_answer_that_does_not_open_an_item_leaves_it_off_the_table(agenda: Scenario) -> None:
    game = Game.new(agenda, 1)
    game.resolve_turn()
    game.resolve_turn()
    game.choose("south", "aid_offer", "decline")
    game.resolve_turn()
    assert "aid" not in legal(game, "north") and not game.on_table("aid")


def test_a_later_form_comes_once_the_earlier_one_is_implemented_and_takes_its_place(agenda: Scenario) -> None:
    game = Game.new(agenda, 1)
    assert not game.on_table("renew")
    assert "comes onto the table only once 'Restore access' has been fully implemented" in game.why_not_item("renew")
    with pytest.raises(NegotiationError, match="fully implemented"):
        game.propose("south", "north", ("reform",), ("renew",))
    agreement = game.respond("south", game.propose("north", "south", ("restore",), ("reform",)).id, True)
    assert agreement is not None
    assert not game.on_table("renew")  # agreed, not yet implemented
    game.resolve_turn()
    assert game.agreement(agreement.id).items[0].status == "implemented"
    assert game.on_table("renew") and "renew" in legal(game, "north")
    assert not game.on_table("restore") and "restore" not in legal(game, "north")
    assert game.why_not_item("restore") == (
        "item 'restore' has been implemented and has given way to its later form ('Renew and widen access')"
    )


def test_a_broken_earlier_form_does_not_bring_its_later_form(agenda: Scenario) -> None:
    game = Game.new(agenda, 1)
    agreement = game.respond("south", game.propose("north", "south", ("restore",), ("reform",)).id, True)
    assert agreement is not None
    game.break_agreement("north", agreement.id)
    game.resolve_turn()
    assert not game.on_table("renew") and "restore" in legal(game, "north")


def test_an_item_s_condition_still_applies_on_the_table(agenda: Scenario) -> None:
    sc = load_scenario_text(AGENDA.read_text().replace("condition: y < 90", "condition: y < 55"), "agenda.yaml")
    game = Game.new(sc, 1)
    game.respond("south", game.propose("north", "south", ("restore",), ("reform",)).id, True)
    game.resolve_turn()  # y 50 -> 54
    assert "renew" in legal(game, "north")
    game.commit("south", "south_talk")
    game.resolve_turn()  # y 55
    game.choose("south", "aid_offer", "decline")
    assert game.on_table("renew") and "renew" not in legal(game, "north")
    assert "condition not met" in game.why_not_item("renew")


def test_the_agenda_survives_a_save_and_the_computer_bargains_with_what_news_opened(agenda: Scenario) -> None:
    game = Game.new(agenda, 1)
    game.resolve_turn()
    game.resolve_turn()
    game.choose("south", "aid_offer", "welcome")
    restored = Game.from_dict(agenda, json.loads(json.dumps(game.to_dict())))
    assert legal(restored, "north") == legal(game, "north") == ["restore", "summit", "aid"]
    offer = make_proposal(restored, "south", "north")
    assert offer is not None and "aid" in offer.ask  # what South wants most, once it is on the table


def test_games_with_an_agenda_are_deterministic(agenda: Scenario) -> None:
    def play() -> str:
        match = Match.start(agenda, {"north": Seat("greedy"), "south": Seat("greedy")}, 9)
        return json.dumps(match.game.to_dict(), sort_keys=True)

    assert play() == play()


AGENDA_PROBLEMS = [
    ("    opens: [summit]\n", "    opens: [sumit]\n", "unknown negotiation item 'sumit'"),
    ("        opens: [aid]\n", "        opens: [reform]\n", "item 'reform' is on the table from the start"),
    ("        opens: [aid]\n", "", "item 'aid' starts off the table and no event or answer opens it"),
    ("      follows: restore\n", "      follows: restor\n", "unknown negotiation item 'restor'"),
    ("      follows: restore\n", "      follows: renew\n", "item 'renew' cannot follow itself"),
    ("      follows: restore\n", "      follows: reform\n", "cannot be a later form of 'reform'"),
    ("      condition: y < 60\n", "      condition: y < 60\n      follows: renew\n", "follow each other in a circle"),
]


@pytest.mark.parametrize(("old", "new", "message"), AGENDA_PROBLEMS)
def test_the_loader_checks_the_agenda(old: str, new: str, message: str) -> None:
    text = AGENDA.read_text()
    assert old in text
    with pytest.raises(ScenarioError) as caught:
        load_scenario_text(text.replace(old, new, 1), "agenda.yaml")
    assert any(message in p.message for p in caught.value.problems), caught.value.problems


def test_an_event_cannot_open_items_without_a_negotiation_section() -> None:
    text = AGENDA.read_text()
    text = text[: text.index("negotiation:")]
    with pytest.raises(ScenarioError) as caught:
        load_scenario_text(text, "agenda.yaml")
    assert any("there is no negotiation section" in p.message for p in caught.value.problems)


def test_the_fixture_s_actions_play(agenda: Scenario) -> None:
    game = Game.new(agenda, 1)
    game.apply(Commit("north", "north_talk"))
    game.resolve_turn()
    assert game.value("x") == 51.0
