"""A catalogue of the negotiation rules (spec/negotiation.md). Each case quotes the rule it proves, then plays it."""

from __future__ import annotations

import json

import pytest

from builders import effect, item, negotiation, negotiation_scenario, play_negotiating, scenario
from game.engine import (
    BreakAgreement,
    Counter,
    EndTurn,
    Game,
    NegotiationError,
    Phase,
    Propose,
    Respond,
    Scenario,
    UnknownIdError,
)


def table_scenario(**kw: object) -> Scenario:
    """Two roles a, b; a gives ``visit`` (x += 4) and ``fund`` (y += 12 over 3 turns, y = 1 at the end of a
    2-turn ``reset``); b gives ``market`` (x += 6 over 2 turns) and ``release`` (only while x < 60)."""
    table = negotiation(
        item("visit", "a", [effect("x += 4")]),
        item("fund", "a", [effect("y += 12")], turns=3),
        item("market", "b", [effect("x += 6")], turns=2),
        item("release", "b", [effect("y += 2")], condition="x < 60"),
        item("reset", "a", [effect("y = 1"), effect("x += 2")], turns=2),
        **kw,  # type: ignore[arg-type]
    )
    return scenario(turns=8, quiet_weight=1.0, negotiation=table)


def new(sc: Scenario | None = None, seed: int = 0) -> Game:
    game = Game.new(sc or table_scenario(), seed)
    assert game.phase is Phase.ACTIONS
    return game


def agree(game: Game, give: tuple[str, ...], ask: tuple[str, ...]) -> str:
    """a proposes ``give`` for ``ask``; b accepts. Returns the agreement id."""
    proposal = game.propose("a", "b", give, ask)
    agreement = game.respond("b", proposal.id, True)
    assert agreement is not None
    return agreement.id


# --------------------------------------------------------------------------- proposals


def test_n01_given_items_must_be_the_senders() -> None:
    """Rule: items in `give` must have giver == sender."""
    game = new()
    assert game.why_not_propose("a", "b", ("market",)) == "item 'market' is given by b, so a cannot offer it"
    with pytest.raises(NegotiationError, match="a cannot offer it"):
        game.propose("a", "b", ("market",))
    assert game.state.proposals == []


def test_n02_asked_items_must_be_the_receivers() -> None:
    """Rule: items in `ask` must have giver == receiver."""
    game = new()
    assert game.why_not_propose("a", "b", (), ("visit",)) == "item 'visit' is given by a, so it cannot be asked of b"
    assert game.why_not_propose("a", "b", ("visit",), ("market",)) == ""


def test_n03_each_items_condition_must_hold() -> None:
    """Rule: each item's condition must hold (when proposed, and again when accepted)."""
    game = new(scenario(indicators={"x": 70.0, "y": 50.0}, negotiation=table_scenario().negotiation))
    assert game.why_not_propose("a", "b", (), ("release",)) == "item 'release': condition not met: x < 60"
    assert [i.id for i in game.legal_items("b")] == ["market"]


def test_n04_an_item_in_force_in_an_open_agreement_cannot_be_proposed_again() -> None:
    """Rule: no item already in force in an open agreement."""
    game = new()
    agree(game, ("fund",), ())
    assert game.why_not_propose("a", "b", ("fund",)) == "item 'fund' is already in force in an open agreement"
    assert "fund" not in [i.id for i in game.legal_items("a")]
    for _ in range(3):
        game.resolve_turn()
    assert game.agreements()[0].items[0].status == "implemented"
    assert game.why_not_propose("a", "b", ("fund",)) == ""  # the agreement is closed now


def test_n05_a_proposal_needs_at_least_one_item_known_and_listed_once() -> None:
    """Rule: at least one item; item ids must exist (with a suggestion) and appear once."""
    game = new()
    assert game.why_not_propose("a", "b") == "a proposal needs at least one item"
    assert game.why_not_propose("a", "b", ("vist",)) == "unknown item 'vist' (did you mean 'visit'?)"
    assert game.why_not_propose("a", "b", ("visit", "visit")) == "item 'visit' is listed twice"
    assert game.why_not_propose("a", "a", ("visit",)) == "a role cannot propose to itself"
    with pytest.raises(UnknownIdError):
        game.why_not_propose("a", "c", ("visit",))


def test_n06_one_open_proposal_per_sender_and_receiver() -> None:
    """Rule: one open proposal per (sender, receiver) at a time; the other direction is a different pair."""
    game = new()
    first = game.propose("a", "b", ("visit",))
    assert game.why_not_propose("a", "b", ("fund",)) == f"a already has an open proposal to b ({first.id})"
    assert game.why_not_propose("b", "a", ("market",)) == ""
    game.respond("b", first.id, False)
    assert game.why_not_propose("a", "b", ("fund",)) == ""


def test_n07_negotiation_happens_in_the_actions_phase_only() -> None:
    """Rule: the commands are allowed in the actions phase (negotiation and actions share it)."""
    sc = scenario(
        events=[{"id": "vote", "at_turn": 1, "role": "b", "choices": {"yes": [], "no": []}}],
        negotiation=table_scenario().negotiation,
    )
    game = Game.new(sc)
    assert game.phase is Phase.NEWS
    assert game.why_not_propose("a", "b", ("visit",)) == "proposals are made in the actions phase (now: news)"
    assert game.legal_items("a") == []
    game.choose("b", "vote", "yes")
    assert game.why_not_propose("a", "b", ("visit",)) == ""


def test_n08_proposal_ids_count_up_and_news_records_each_step() -> None:
    """Rule: news entries for proposals made/answered and agreements made."""
    game = new()
    p1 = game.propose("a", "b", ("visit",), ("market",))
    p2 = game.propose("b", "a", ("release",))
    game.respond("a", p2.id, False)
    game.respond("b", p1.id, True)
    assert (p1.id, p2.id) == ("p1", "p2")
    news = [(n.kind, n.id, n.role, n.detail) for n in game.state.news if n.kind in ("proposal", "agreement")]
    assert news == [
        ("proposal", "p1", "a", "sent"),
        ("proposal", "p2", "b", "sent"),
        ("proposal", "p2", "a", "refused"),
        ("proposal", "p1", "b", "accepted"),
        ("agreement", "a1", "b", "made"),
    ]
    assert [p.status for p in game.state.proposals] == ["accepted", "refused"]


# --------------------------------------------------------------------------- answers


def test_n09_only_the_receiver_answers_an_open_proposal() -> None:
    """Rule: Respond/Counter come from the proposal's receiver, while it is open."""
    game = new()
    proposal = game.propose("a", "b", ("visit",))
    with pytest.raises(NegotiationError, match="addressed to b, not a"):
        game.respond("a", proposal.id, True)
    game.respond("b", proposal.id, False)
    with pytest.raises(NegotiationError, match="not open \\(it was refused\\)"):
        game.respond("b", proposal.id, True)
    with pytest.raises(UnknownIdError, match="unknown proposal 'p9'"):
        game.respond("b", "p9", True)


def test_n10_accepting_makes_an_agreement_visible_to_both_sides() -> None:
    """Rule: Agreement(id, turn, parties (sender, receiver), items with giver, start, end, status "pending")."""
    game = new()
    game.resolve_turn()  # turn 2
    agreement_id = agree(game, ("fund",), ("market",))
    agreement = game.agreement(agreement_id)
    assert (agreement.id, agreement.turn, agreement.parties) == ("a1", 2, ("a", "b"))
    assert [(i.item, i.giver, i.start, i.end, i.status) for i in agreement.items] == [
        ("fund", "a", 2, 4, "pending"),
        ("market", "b", 2, 3, "pending"),
    ]
    assert game.agreements("a") == game.agreements("b") == [agreement]


def test_n11_accepting_checks_the_items_again() -> None:
    """Rule: an item whose condition stopped holding (or that came into force) cannot be accepted."""
    game = new()
    stale = game.propose("b", "a", ("release",))
    agree(game, ("visit",), ("release",))
    with pytest.raises(NegotiationError, match="already in force"):
        game.respond("a", stale.id, True)
    assert game.proposal(stale.id).status == "open"


def test_n12_counter_refuses_and_sends_a_proposal_back() -> None:
    """Rule: Counter(role, proposal, give, ask) refuses the original and sends a new proposal back."""
    game = new()
    original = game.propose("a", "b", ("visit",), ("market",))
    answer = game.counter("b", original.id, ("release",), ("fund",))
    assert game.proposal(original.id).status == "countered"
    assert (answer.sender, answer.receiver, answer.give, answer.ask) == ("b", "a", ("release",), ("fund",))
    assert (answer.status, answer.reply_to) == ("open", original.id)
    assert game.open_proposals("a") == [answer] and game.open_proposals("b") == []


def test_n13_an_invalid_counter_leaves_the_original_open() -> None:
    """Rule: a counter-proposal obeys the proposal rules; if it breaks one, nothing changes."""
    game = new()
    original = game.propose("a", "b", ("visit",))
    with pytest.raises(NegotiationError, match="b cannot offer it"):
        game.counter("b", original.id, ("fund",))
    assert game.proposal(original.id).status == "open" and len(game.state.proposals) == 1


def test_n14_unanswered_proposals_lapse_when_the_turn_resolves() -> None:
    """Rule: a proposal is answered in the turn it is made; unanswered, it is withdrawn at resolution."""
    game = new()
    proposal = game.propose("a", "b", ("visit",))
    game.resolve_turn()
    assert game.proposal(proposal.id).status == "withdrawn"
    assert game.open_proposals() == []
    assert ("proposal", "p1", "a", "withdrawn") in [(n.kind, n.id, n.role, n.detail) for n in game.state.news]


# --------------------------------------------------------------------------- implementation


def test_n15_implementation_spreads_amounts_over_the_items_turns() -> None:
    """Rule: implementation starts at the resolution of the turn the agreement is made and runs `turns` turns;
    each `+=`/`-=` amount split evenly, with cause "agreement" and cause_id "a1.item_id"."""
    game = new()
    agree(game, ("fund",), ())
    seen = []
    for _ in range(4):
        report = game.resolve_turn()
        seen.append([(c.indicator, c.delta, c.cause, c.cause_id, c.role) for c in report.changes if c.indicator == "y"])
    assert seen == [[("y", 4.0, "agreement", "a1.fund", "a")]] * 3 + [[]]


def test_n16_a_set_change_applies_in_the_last_turn() -> None:
    """Rule: `=` at the last turn of implementation."""
    game = new()
    agree(game, ("reset",), ())
    first = game.resolve_turn()
    assert game.value("y") == 50.0 and game.value("x") == 51.0
    second = game.resolve_turn()
    assert game.value("y") == 1.0 and game.value("x") == 52.0
    moved = [(c.indicator, c.cause_id) for c in first.changes + second.changes if c.indicator != "trust_a_b"]
    assert moved == [("x", "a1.reset"), ("y", "a1.reset"), ("x", "a1.reset")]


def test_n17_an_implemented_item_raises_the_pairs_trust_by_kept() -> None:
    """Rule: when an item's last portion applies it is "implemented" and trust of the pair rises by `kept`,
    recorded as a Change on the indicator trust_a_b with cause "kept"."""
    game = new(table_scenario(initial=30.0, kept=4.0))
    agree(game, ("visit",), ("market",))
    report = game.resolve_turn()  # visit done (1 turn); market has one turn left
    assert [i.status for i in game.agreements()[0].items] == ["implemented", "pending"]
    trust = [c for c in report.changes if c.indicator == "trust_a_b"]
    assert [(c.before, c.after, c.cause, c.cause_id, c.role) for c in trust] == [(30.0, 34.0, "kept", "a1.visit", "a")]
    game.resolve_turn()
    assert game.trust("a", "b") == game.trust("b", "a") == 38.0
    assert game.value("trust_a_b") == 38.0 and game.scenario.indicator("trust_a_b").trust_of == ("a", "b")
    implemented = [(n.id, n.role) for n in game.state.news if n.detail == "implemented"]
    assert implemented == [("a1.visit", "a"), ("a1.market", "b")]


def test_n18_trust_stays_within_0_and_100() -> None:
    """Rule: trust is 0..100."""
    game = new(table_scenario(initial=98.0, kept=5.0))
    agree(game, ("visit",), ())
    game.resolve_turn()
    assert game.trust("a", "b") == 100.0


def test_n19_expressions_read_trust_by_pair_name() -> None:
    """Rule: the engine exposes each pair's trust to expressions as trust_<a>_<b> (role ids sorted)."""
    sc = scenario(
        turns=8,
        dynamics=[{"id": "warm", "condition": "trust_a_b > 50", "effects": [effect("y += trust_a_b - 50")]}],
        negotiation=negotiation(
            item("visit", "a", [effect("x += 1")]), item("gift", "b", [effect("x += 1")], condition="trust_a_b >= 55"),
            initial=50.0, kept=5.0,
        ),
    )  # fmt: skip
    for compiled in (True, False):
        game = Game.new(sc, compiled=compiled)
        assert (
            game.why_not_propose("a", "b", (), ("gift",))
            == "item 'gift': condition not met: trust between a and b >= 55"
        )
        game.propose("a", "b", ("visit",))
        game.respond("b", "p1", True)
        game.resolve_turn()
        assert game.value("y") == 55.0  # the dynamic saw trust 55 after the item was kept
        assert game.why_not_propose("a", "b", (), ("gift",)) == ""


def bound_trust_scenario(**kw: object) -> Scenario:
    """Two roles whose trust is the indicator ``t`` (starting at 30, range 0..100); a gives ``visit``; a's action
    ``warm`` raises t by 10."""
    return scenario(
        turns=8,
        quiet_weight=1.0,
        indicators={"x": 50.0, "y": 50.0, "t": 30.0},
        actions=[{"id": "warm", "role": "a", "effects": [effect("t += 10")]}],
        negotiation=negotiation(
            item("visit", "a", [effect("x += 4")]), item("fund", "a", [effect("y += 12")], turns=3),
            trust_indicator="t", **kw,  # type: ignore[arg-type]
        ),
    )  # fmt: skip


def test_n26_a_trust_indicator_is_the_pairs_trust_and_kept_items_raise_it() -> None:
    """Rule: with `trust.indicator`, that indicator is the two roles' trust: Game.trust reads it, a kept item
    raises it by `kept` (a Change on the indicator, cause "kept"), and there is no trust_a_b."""
    sc = bound_trust_scenario(kept=4.0)
    assert sc.trust_names() == {} and sc.trust_indicator_id("b", "a") == "t"
    for compiled in (True, False):
        game = Game.new(sc, compiled=compiled)
        assert game.trust("a", "b") == 30.0 and "trust_a_b" not in game.state.values
        agree(game, ("visit",), ())
        report = game.resolve_turn()
        kept = [(c.indicator, c.before, c.after, c.cause, c.cause_id) for c in report.changes if c.cause == "kept"]
        assert kept == [("t", 30.0, 34.0, "kept", "a1.visit")]
        assert game.trust("a", "b") == game.trust("b", "a") == game.value("t") == 34.0


def test_n27_actions_move_a_trust_indicator_and_the_counterpart_sees_it() -> None:
    """Rule: a trust indicator moves with actions like any indicator, and that is the trust negotiation reads."""
    game = Game.new(bound_trust_scenario())
    game.commit("a", "warm")
    game.resolve_turn()
    assert game.trust("a", "b") == game.value("t") == 40.0


def test_n28_breaking_cuts_a_trust_indicator_within_its_range() -> None:
    """Rule: breaking lowers the trust indicator by `broken`, clamped to the indicator's range."""
    game = Game.new(bound_trust_scenario(broken=45.0))
    agreement_id = agree(game, ("fund",), ())
    start = len(game.history)
    game.break_agreement("a", agreement_id)
    changes = [(c.indicator, c.before, c.after, c.cause) for c in game.history[start:]]
    assert changes == [("t", 30.0, 0.0, "break")]
    assert game.trust("a", "b") == 0.0
    with pytest.raises(NegotiationError):
        game.trust("a", "a")


# --------------------------------------------------------------------------- breaking


def test_n20_breaking_cancels_the_breakers_pending_items_only() -> None:
    """Rule: breaking: the breaker's pending items are cancelled (status "broken"); the rest go on."""
    game = new()
    agreement_id = agree(game, ("fund",), ("market",))
    game.resolve_turn()  # fund 4 of 12 applied, market 3 of 6
    game.break_agreement("a", agreement_id)
    assert [i.status for i in game.agreement(agreement_id).items] == ["broken", "pending"]
    game.resolve_turn()
    game.resolve_turn()
    assert game.value("y") == 54.0  # no further portion of "fund"
    assert game.value("x") == 56.0  # "market" completed
    assert not any(s.cause_id == "a1.fund" for due in game.state.scheduled.values() for s in due)


def test_n21_breaking_costs_trust_applies_break_effects_and_queues_the_event() -> None:
    """Rule: trust of the pair -= `broken`, `break_effects` apply at once (cause "break", cause_id the agreement
    id), `break_event` is queued to fire next turn."""
    sc = scenario(
        turns=6,
        quiet_weight=0.0,
        events=[{"id": "outcry", "at_turn": 6, "effects": [effect("y -= 5")]}],
        negotiation=negotiation(
            item("fund", "a", [effect("y += 12")], turns=3), initial=40.0, broken=15.0,
            break_effects=[effect("x -= 6")], break_event="outcry",
        ),
    )  # fmt: skip
    game = Game.new(sc)
    agreement_id = agree(game, ("fund",), ())
    start = len(game.history)
    game.apply(BreakAgreement("a", agreement_id))
    changes = [(c.indicator, c.before, c.after, c.cause, c.cause_id, c.role) for c in game.history[start:]]
    assert changes == [("trust_a_b", 40.0, 25.0, "break", "a1", "a"), ("x", 50.0, 44.0, "break", "a1", "a")]
    assert game.state.queued == ["outcry"]
    game.resolve_turn()
    fired = [n.id for n in game.state.news if n.turn == 2 and n.kind == "event"]
    assert fired == ["outcry"] and game.value("y") == 45.0
    assert ("agreement", "a1", "a", "broken") in [(n.kind, n.id, n.role, n.detail) for n in game.state.news]


def test_n22_only_a_party_with_pending_items_can_break() -> None:
    """Rule: a role breaks its own pending commitments; with nothing left to implement there is nothing to break."""
    game = new(scenario(roles=("a", "b", "c"), negotiation=table_scenario().negotiation))
    agreement_id = agree(game, ("visit",), ("market",))
    with pytest.raises(NegotiationError, match="c is not a party to a1"):
        game.break_agreement("c", agreement_id)
    game.resolve_turn()  # visit implemented
    with pytest.raises(NegotiationError, match="a has nothing left to implement in a1"):
        game.break_agreement("a", agreement_id)
    game.break_agreement("b", agreement_id)
    with pytest.raises(UnknownIdError, match="unknown agreement 'a7'"):
        game.break_agreement("b", "a7")


# --------------------------------------------------------------------------- commands, queries, scenarios without it


def test_n23_game_apply_carries_out_the_four_commands() -> None:
    """Rule: Propose, Respond, Counter and BreakAgreement are commands in Game.apply."""
    game = new()
    game.apply(Propose("a", "b", ("visit",), ("market",)))
    game.apply(Counter("b", "p1", ("market",), ("fund",)))
    game.apply(Respond("a", "p2", True))
    game.apply(BreakAgreement("b", "a1"))
    assert [p.status for p in game.state.proposals] == ["countered", "accepted"]
    # Broken in the turn it was made: void, so a's item ("fund") is cancelled as well as b's ("market").
    assert [i.status for i in game.agreement("a1").items] == ["broken", "broken"]
    report = game.apply(EndTurn())
    assert report is not None and report.turn == 1


def test_n24_legal_items_are_the_roles_own_items_that_may_be_put_on_the_table() -> None:
    """Rule: Game.legal_items(role): the items role gives whose condition holds and which are not in force."""
    game = new()
    assert [i.id for i in game.legal_items("a")] == ["visit", "fund", "reset"]
    assert [i.id for i in game.legal_items("b")] == ["market", "release"]
    agree(game, ("visit",), ())
    assert [i.id for i in game.legal_items("a")] == ["fund", "reset"]


def test_n25_a_scenario_without_negotiation_refuses_it_and_keeps_its_state_as_before() -> None:
    """Rule: scenarios without the section behave exactly as before (no trust, no names, no commands)."""
    sc = scenario(actions=[{"id": "talk", "effects": [effect("x += 1")]}])
    game = Game.new(sc)
    assert set(game.state.values) == {"x", "y"}
    assert game.why_not_propose("a", "b", ("visit",)) == "this scenario has no negotiation"
    assert game.legal_items("a") == []
    with pytest.raises(NegotiationError, match="no negotiation"):
        game.apply(Propose("a", "b", ("visit",)))
    with pytest.raises(NegotiationError, match="no trust"):
        game.trust("a", "b")


# --------------------------------------------------------------------------- saves and determinism


def test_save_round_trip_keeps_open_proposals_and_agreements_mid_implementation() -> None:
    sc = table_scenario()
    game = new(sc, seed=4)
    agree(game, ("fund",), ("market",))
    game.resolve_turn()
    game.break_agreement("b", "a1")
    game.propose("a", "b", ("visit",))
    data = json.loads(json.dumps(game.to_dict()))
    restored = Game.from_dict(sc, data)
    assert restored.to_dict() == game.to_dict()
    assert restored.state.proposals == game.state.proposals and restored.state.agreements == game.state.agreements
    assert restored.state.values == game.state.values and restored.state.queued == game.state.queued
    for played in (game, restored):
        played.respond("b", "p2", True)
        while not played.is_over():
            played.resolve_turn()
    assert restored.to_dict() == game.to_dict()


def test_old_saves_without_negotiation_state_still_load() -> None:
    sc = scenario(actions=[{"id": "talk", "effects": [effect("x += 1")]}])
    data = Game.new(sc, 3).to_dict()
    for key in ("proposals", "agreements", "proposal_serial", "agreement_serial", "queued"):
        del data[key]
    assert Game.from_dict(sc, data).to_dict() == Game.new(sc, 3).to_dict()


@pytest.mark.parametrize("seed", range(5))
def test_negotiating_games_are_deterministic(seed: int) -> None:
    sc = negotiation_scenario()
    first, second = play_negotiating(sc, seed), play_negotiating(sc, seed)
    assert first.to_dict() == second.to_dict()
    assert first.state.agreements, "the scripted players should reach agreements"


def test_saves_from_when_trust_was_kept_apart_load_with_trust_as_its_indicator() -> None:
    """Saves made before trust was always an indicator keep each pair's trust in a ``trust`` dict too ("a|b"),
    mirrored in the values: they load, trust is read from the indicator, and the game plays on the same."""
    sc = negotiation_scenario()
    game = Game.new(sc, seed=5)
    old = json.loads(json.dumps(game.to_dict()))
    assert "trust" not in old
    old["trust"] = {"a|b": old["values"]["trust_a_b"]}
    restored = Game.from_dict(sc, old)
    assert restored.to_dict() == game.to_dict() and restored.trust("a", "b") == 45.0
    del old["values"]["trust_a_b"]  # a value the dict alone held still comes back
    assert Game.from_dict(sc, old).to_dict()["values"] == game.to_dict()["values"]
