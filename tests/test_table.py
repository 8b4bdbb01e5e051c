"""The table (game/table): seats, the one order of a turn, typed decisions and results, the command log and replay,
saves of matches, and what each seat may see."""

from __future__ import annotations

import json
import random
from typing import Any

import pytest

from builders import effect, item, negotiation, scenario
from game.engine import (
    BreakAgreement,
    Choose,
    Commit,
    Counter,
    IllegalActionError,
    NegotiationError,
    Propose,
    Respond,
    Scenario,
    UnknownIdError,
)
from game.table import (
    LEVELS,
    PERSON,
    ActionCommitted,
    Decision,
    DecisionKind,
    Done,
    Match,
    PartDone,
    ProposalAnswered,
    ProposalSent,
    Seat,
    SeatError,
    TableError,
    TurnResolved,
    parse_seat,
    rebuild,
    replay,
    seat_rng,
    view,
)
from game.table.log import command_from_json, command_to_json

COMPUTERS = ("random", "casual", "greedy", "cooperative")


def two_people(sc: Scenario, seed: int = 1) -> Match:
    return Match.start(sc, {role.id: PERSON for role in sc.roles}, seed)


def table_scenario() -> Scenario:
    """Roles a and b; each gives two items; a choice event for b in turn 1; one action each."""
    items = negotiation(
        item("visit", "a", [effect("y += 2")], value={"a": -1, "b": 3}),
        item("aid", "a", [effect("y += 4")], turns=2, value={"a": -2, "b": 4}),
        item("market", "b", [effect("y += 3")], turns=2, value={"a": 4, "b": -2}),
        item("release", "b", [effect("y += 1")], value={"a": 3, "b": -9}),
        threshold=1.0,
        break_effects=[effect("x -= 6")],
    )
    actions = [
        {"id": "talk", "effects": [effect("x += 1")]},
        {"id": "b_talk", "role": "b", "effects": [effect("y += 1")]},
    ]
    events = [
        {
            "id": "crisis",
            "at_turn": 1,
            "role": "a",
            "choices": {"calm": [effect("x += 2")], "shout": [effect("x -= 2")]},
        },
        {"id": "offer", "at_turn": 1, "role": "b", "choices": {"take": [effect("y += 1")], "leave": []}},
    ]
    return scenario(turns=3, events_per_turn=0, actions=actions, events=events, negotiation=items)


# --------------------------------------------------------------------------------------------- seats and levels
def test_seats_parse_person_levels_and_policies_and_refuse_anything_else() -> None:
    assert parse_seat("us=person") == ("us", PERSON)
    assert parse_seat("cambodia=Strong") == ("cambodia", Seat("strong"))
    assert parse_seat("us=greedy")[1].policy == "greedy"
    for bad in ("us", "=person", "us=", "us=genius"):
        with pytest.raises(SeatError):
            parse_seat(bad)


def test_every_level_names_a_policy_and_has_a_description() -> None:
    assert list(LEVELS) == ["beginner", "standard", "strong"]
    for level in LEVELS.values():
        assert Seat(level.id).policy == level.policy and level.description.endswith(".")


def test_every_computer_seat_s_generator_comes_from_the_match_seed_by_one_function() -> None:
    sc = table_scenario()
    match = Match.start(sc, {"a": PERSON, "b": Seat("greedy")}, 42)
    fresh = seat_rng(42, 1)
    # The computer has already drawn for its event; a generator from seat_rng, advanced alike, matches it.
    match_b = Match(sc, match.game.clone(), {"a": PERSON, "b": Seat("greedy")}, 42)
    assert match_b.players["b"].rng.getstate() == fresh.getstate()


# --------------------------------------------------------------------------------------------- the order of a turn
def test_people_answer_their_events_in_scenario_order_then_play_their_parts_in_turn() -> None:
    match = two_people(table_scenario())
    first = match.decision()
    assert first is not None and (first.role, first.kind, first.event) == ("a", DecisionKind.CHOOSE, "crisis")
    with pytest.raises(TableError, match="moment"):
        match.apply("b", Choose("b", "offer", "take"))
    match.apply("a", Choose("a", "crisis", "calm"))
    second = match.decision()
    assert second is not None and (second.role, second.kind) == ("b", DecisionKind.CHOOSE)
    match.apply("b", Choose("b", "offer", "take"))
    act = match.decision()
    assert act is not None and (act.role, act.kind) == ("a", DecisionKind.ACT)
    assert Commit("a", "talk") in act.options and act.options[-1] == Done("a")
    assert match.apply("a", Commit("a", "talk")) == (ActionCommitted("a", "talk"),)
    assert match.apply("a", Done("a")) == (PartDone("a"),)
    assert match.waiting_for() == "b"
    results = match.apply("b", Done("b"))
    assert isinstance(results[-1], TurnResolved) and results[-1].report.turn == 1
    assert match.game.turn == 2 and match.waiting_for() == "a"


def test_a_proposal_to_a_person_who_is_done_brings_them_back_and_must_be_answered_first() -> None:
    match = two_people(table_scenario())
    match.apply("a", Choose("a", "crisis", "calm"))
    match.apply("b", Choose("b", "offer", "take"))
    match.apply("a", Done("a"))
    sent = match.apply("b", Propose("b", "a", ("market",), ("visit",)))
    assert isinstance(sent[0], ProposalSent) and sent[0].proposal.receiver == "a"
    assert not match.done("a")
    match.apply("b", Done("b"))
    decision = match.decision()
    assert decision is not None and (decision.role, decision.kind) == ("a", DecisionKind.ANSWER)
    assert decision.proposal == sent[0].proposal.id
    with pytest.raises(TableError, match="answer proposal"):
        match.apply("a", Done("a"))
    answered = match.apply("a", Respond("a", decision.proposal, True))
    assert isinstance(answered[0], ProposalAnswered) and answered[0].agreement is not None
    assert match.game.turn == 1  # a must still say it is done
    resolved = match.apply("a", Done("a"))
    assert any(isinstance(r, TurnResolved) for r in resolved) and match.game.turn == 2


def test_a_counter_between_two_people_goes_back_to_the_first_sender() -> None:
    match = two_people(table_scenario())
    match.apply("a", Choose("a", "crisis", "calm"))
    match.apply("b", Choose("b", "offer", "take"))
    sent = match.apply("a", Propose("a", "b", ("visit",), ("release",)))[0]
    assert isinstance(sent, ProposalSent)
    match.apply("a", Done("a"))
    decision = match.decision()
    assert decision is not None and (decision.role, decision.kind) == ("b", DecisionKind.ANSWER)
    results = match.apply("b", Counter("b", sent.proposal.id, ("market",), ("visit",)))
    answered = results[0]
    assert isinstance(answered, ProposalAnswered) and answered.proposal.status == "countered"
    assert answered.counter is not None and answered.counter.receiver == "a"
    match.apply("b", Done("b"))
    back = match.decision()
    assert back is not None and (back.role, back.kind, back.proposal) == ("a", DecisionKind.ANSWER, answered.counter.id)


def test_a_proposal_to_the_computer_is_answered_at_once_in_the_results() -> None:
    match = Match.start(table_scenario(), {"a": PERSON, "b": Seat("greedy")}, 3)
    match.apply("a", Choose("a", "crisis", "calm"))
    for proposal in match.open_proposals_for("a"):  # the computer may have proposed first
        match.apply("a", Respond("a", proposal.id, False))
    results = match.apply("a", Propose("a", "b", ("aid",), ("market",)))
    assert isinstance(results[0], ProposalSent)
    answer = results[1]
    assert isinstance(answer, ProposalAnswered) and answer.by_computer
    assert answer.proposal.status == "accepted" and answer.agreement is not None
    assert answer.agreement.proposal == results[0].proposal.id


def test_the_table_refuses_commands_from_the_wrong_seat_and_the_engine_refuses_illegal_ones() -> None:
    match = Match.start(table_scenario(), {"a": PERSON, "b": Seat("random")}, 3)
    with pytest.raises(TableError, match="computer"):
        match.apply("b", Choose("b", "offer", "take"))
    with pytest.raises(TableError, match="cannot come from"):
        match.apply("a", Choose("b", "offer", "take"))
    with pytest.raises(TableError, match="unknown role"):
        match.apply("z", Done("z"))
    with pytest.raises(TableError, match="answer the news"):
        match.apply("a", Commit("a", "talk"))
    match.apply("a", Choose("a", "crisis", "calm"))
    with pytest.raises(IllegalActionError):
        match.apply("a", Commit("a", "b_talk"))
    with pytest.raises(UnknownIdError):
        match.apply("a", BreakAgreement("a", "a1"))
    with pytest.raises(NegotiationError):
        match.apply("a", Propose("a", "b", (), ()))
    log = len(match.log)
    with pytest.raises(UnknownIdError):
        match.apply("a", Commit("a", "nope"))
    assert len(match.log) == log  # nothing refused is logged


def test_a_match_without_people_plays_itself_to_the_end() -> None:
    sc = table_scenario()
    match = Match.start(sc, {"a": Seat("greedy"), "b": Seat("random")}, 5)
    assert match.is_over() and match.decision() is None
    assert len(match.reports) == sc.turns


# --------------------------------------------------------------------------------------------- log and replay
def random_person_move(match: Match, decision: Decision, rng: random.Random) -> None:
    """A person who presses buttons at random, proposals, counters and breaks included."""
    game, role = match.game, decision.role
    if decision.kind is not DecisionKind.ACT:
        options: list[Any] = list(decision.options)
        if decision.kind is DecisionKind.ANSWER and rng.random() < 0.3:
            proposal = game.proposal(decision.proposal)
            mine = [i.id for i in game.legal_items(role)][:1]
            theirs = [i.id for i in game.legal_items(proposal.sender)][:1]
            if (mine or theirs) and not game.why_not_propose(role, proposal.sender, mine, theirs):
                options = [Counter(role, proposal.id, tuple(mine), tuple(theirs))]
        match.apply(role, rng.choice(options))
        return
    draw = rng.random()
    others = [r.id for r in game.scenario.roles if r.id != role]
    if match.has_negotiation and draw < 0.15:
        other = rng.choice(others)
        give = tuple(i.id for i in game.legal_items(role) if rng.random() < 0.4)
        ask = tuple(i.id for i in game.legal_items(other) if rng.random() < 0.4)
        if (give or ask) and not game.why_not_propose(role, other, give, ask):
            match.apply(role, Propose(role, other, give, ask))
            return
    if match.has_negotiation and draw < 0.2:
        breakable = [
            a for a in game.agreements(role) if any(i.giver == role and i.status == "pending" for i in a.items)
        ]
        if breakable:
            match.apply(role, BreakAgreement(role, rng.choice(breakable).id))
            return
    choice = rng.choice(decision.options)
    if isinstance(choice, Done) or rng.random() < 0.25:
        match.apply(role, Done(role))
    else:
        match.apply(role, choice)


def random_match(sc: Scenario, seed: int) -> Match:
    rng = random.Random(seed)
    seats = {r.id: (PERSON if rng.random() < 0.6 else Seat(rng.choice(COMPUTERS))) for r in sc.roles}
    match = Match.start(sc, seats, seed)
    moves = 0
    while (decision := match.decision()) is not None:
        random_person_move(match, decision, rng)
        moves += 1
        assert moves < 5000, "a match never ended"
    return match


@pytest.mark.parametrize("batch", range(6))
def test_the_log_rebuilds_random_mixed_seat_matches_exactly(scenario: Scenario, batch: int) -> None:
    """300 matches in all (50 a batch) of the default scenario and a small one, mixed seats, random people."""
    small = table_scenario()
    for seed in range(batch * 50, batch * 50 + 50):
        sc = scenario if seed % 2 else small
        match = random_match(sc, seed)
        log = [command_from_json(json.loads(json.dumps(command_to_json(e.command)))) for e in match.log]
        assert log == [e.command for e in match.log]
        rebuilt = rebuild(sc, seed, match.log)
        assert rebuilt.to_dict() == match.game.to_dict(), f"seed {seed}"
        assert replay(match).reproduced


def test_a_saved_match_continues_exactly_as_the_uninterrupted_one(scenario: Scenario) -> None:
    for seed in range(6):
        rng = random.Random(seed)
        seats = {"us": PERSON, "cambodia": Seat("greedy" if seed % 2 else "casual")}
        whole = Match.start(scenario, seats, seed)
        stopped = Match.start(scenario, seats, seed)
        moves = rng.randrange(5, 40)
        rngs = [random.Random(seed + 1000), random.Random(seed + 1000)]
        for step in range(10_000):
            for index, match in enumerate((whole, stopped)):
                decision = match.decision()
                if decision is not None:
                    random_person_move(match, decision, rngs[index])
            if step == moves:
                data = json.loads(json.dumps(stopped.to_dict()))
                stopped = Match.from_dict(scenario, "", data)
                assert stopped.to_dict() == whole.to_dict()
            if whole.is_over() and stopped.is_over():
                break
        assert stopped.to_dict() == whole.to_dict()
        assert replay(stopped).reproduced


def test_replay_names_the_turn_where_a_tampered_log_diverges(scenario: Scenario) -> None:
    match = Match.start(scenario, {"us": Seat("greedy"), "cambodia": Seat("greedy")}, 11)
    commits = [i for i, e in enumerate(match.log) if e.turn == 4 and isinstance(e.command, Commit)]
    del match.log[commits[0]]
    result = replay(match)
    assert not result.reproduced and result.turn == 4 and result.differences


def test_a_save_of_the_single_person_format_still_loads_and_continues(scenario: Scenario) -> None:
    match = Match.start(scenario, {"us": PERSON, "cambodia": Seat("greedy")}, 9)
    old = {
        "format": 1, "seed": 9, "players": {"us": "human", "cambodia": "greedy"},
        "policy_rngs": match.to_dict()["policy_rngs"], "lang": "en", "negotiate": True,
        "game": match.game.to_dict(), "reports": [],
    }  # fmt: skip
    restored = Match.from_dict(scenario, "", json.loads(json.dumps(old)))
    assert restored.seats == {"us": PERSON, "cambodia": Seat("greedy")}
    assert restored.game.to_dict() == match.game.to_dict() and restored.origin is not None
    while (decision := restored.decision()) is not None:
        restored.apply(decision.role, decision.options[0] if decision.kind is not DecisionKind.ACT else Done("us"))
    assert restored.is_over() and replay(restored).reproduced


# --------------------------------------------------------------------------------------------- what a seat may see
def private_strings(sc: Scenario, role: str, match: Match) -> list[str]:
    r = sc.role(role)
    texts = [str(r.objectives) if isinstance(r.objectives, str) else next(iter(dict(r.objectives).values())),
             r.score.source]  # fmt: skip
    return [t for t in texts if len(t) > 12]


def test_a_seat_s_view_never_holds_the_other_side_s_private_strings_or_numbers(scenario: Scenario) -> None:
    for seed in range(40):
        match = random_match(scenario, 1000 + seed) if seed % 2 else Match.start(
            scenario, {"us": PERSON, "cambodia": PERSON}, seed)  # fmt: skip
        rng = random.Random(seed)
        # Stop somewhere in the middle of the match (replaying its log): the end reveals everything.
        cut = rng.randrange(1, max(2, len(match.log)))
        mid = Match(scenario, rebuild(scenario, match.seed, match.log[:cut]), match.seats, match.seed)
        if mid.is_over():
            continue
        for role, other in (("us", "cambodia"), ("cambodia", "us")):
            shown = view(mid, role)
            text = json.dumps(shown.to_dict())
            for secret in private_strings(scenario, other, mid):
                assert secret not in text, f"{role} sees {other}'s {secret[:30]!r}"
            # The other side's score never appears, unless it happens to equal a public number the view holds.
            public = {n for i in shown.indicators for n in (i.value, i.before, i.low, i.high, i.gain, *i.series)}
            public |= {n for c in shown.history for n in (c.before, c.after, c.delta)}
            public |= {*shown.trust.values(), shown.score, float(shown.capital)}
            if mid.game.score(other) not in public:
                assert repr(mid.game.score(other)) not in text
            assert all(w.proposal in {p.id for p in shown.proposals} for w in shown.weighings)
            assert all(p.event not in shown.pending for p in mid.game.pending_choices(other))
            assert repr(mid.game.score(role)) in text  # its own score is there


def test_the_end_reveals_every_side_s_objectives_and_scores(scenario: Scenario) -> None:
    match = Match.start(scenario, {"us": Seat("greedy"), "cambodia": Seat("greedy")}, 2)
    shown = view(match, "us")
    assert shown.ending is not None and set(shown.ending.scores) == {"us", "cambodia"}
    assert set(shown.ending.objectives) == {"us", "cambodia"}
