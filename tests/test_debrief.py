"""The debrief of a computer counterpart (game.ai.debrief) and its terminal form (game.text.debrief).

The past is rebuilt from the history, so the tests play games while recording what the game really held at each
moment (values, and the counterpart's evaluation when a proposal is sent) and compare with the reconstruction.
"""

from __future__ import annotations

import io
import itertools
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from test_text import small
from test_text_negotiation import table

from builders import effect, negotiation_scenario, scenario
from game.ai.debrief import Debrief, debrief, proposal_moment, turn_end_moment, values_at
from game.ai.negotiation import PROVOCATION_POINTS, PROVOCATION_TURNS, Evaluation, evaluate
from game.ai.negotiator import negotiate_turn
from game.ai.policies import GreedyPolicy
from game.content.loader import load_scenario
from game.engine import BreakAgreement, Command, Commit, Counter, EndTurn, Game, Phase, Propose, Scenario
from game.paths import DEFAULT_SCENARIO
from game.table.simulate import policies_for
from game.text import run
from game.text.debrief import debrief_lines


@pytest.fixture(scope="module")
def default() -> Scenario:
    return load_scenario(DEFAULT_SCENARIO)


def snapshot(game: Game) -> str:
    return json.dumps(game.to_dict(), sort_keys=True)


# --------------------------------------------------------------------- a recorded game
@dataclass
class Record:
    """What a game really held: values at the end of each turn, and at each proposal between the two sides the
    values and the counterpart's evaluation (its own valuation for the proposals it sent)."""

    game: Game
    ends: dict[int, dict[str, float]] = field(default_factory=dict)
    sent: dict[str, tuple[dict[str, float], Evaluation]] = field(default_factory=dict)
    breaks: list[tuple[int, str, str]] = field(default_factory=list)  # (turn, role, agreement), in order


def play_recorded(
    sc: Scenario,
    seed: int,
    player: str,
    counterpart: str,
    *,
    early_break: int = 0,
    late_break: int = 0,
    pressure: Callable[[Game], list[Command]] | None = None,
) -> Record:
    """Greedy players on both sides, negotiating. In turn ``early_break`` the player breaks an agreement before
    the turn's proposals; in turn ``late_break`` the counterpart breaks one after them."""
    game = Game.new(sc, seed)
    policies = policies_for(game, {r.id: "greedy" for r in sc.roles}, seed)
    record = Record(game)
    apply = game.apply

    def recording(command: Command) -> Any:
        result = apply(command)
        if isinstance(command, Propose | Counter):
            proposal = game.state.proposals[-1]
            if {proposal.sender, proposal.receiver} == {player, counterpart}:
                if proposal.receiver == counterpart:
                    seen = evaluate(game, proposal, counterpart)
                else:
                    seen = evaluate(game, Propose(player, counterpart, proposal.ask, proposal.give), counterpart)
                record.sent[proposal.id] = (dict(game.state.values), seen)
        return result

    game.apply = recording  # type: ignore[method-assign]

    def break_one(role: str) -> None:
        for agreement in game.agreements(role):
            if any(i.giver == role and i.status == "pending" for i in agreement.items):
                game.apply(BreakAgreement(role, agreement.id))
                record.breaks.append((game.turn, role, agreement.id))
                return

    while not game.is_over():
        while game.phase is Phase.NEWS:
            role = game.pending_choices()[0].role
            for command in policies[role].decide(game, role):
                game.apply(command)
        turn = game.turn
        if turn == early_break:
            break_one(player)
        negotiate_turn(game, policies)
        if turn == late_break:
            break_one(counterpart)
        if pressure is not None:
            for command in pressure(game):
                game.apply(command)
        for role, policy in policies.items():
            for command in policy.decide(game, role):
                game.apply(command)
        game.apply(EndTurn())
        record.ends[turn] = dict(game.state.values if game.is_over() else game.state.previous)
    return record


@pytest.fixture(scope="module")
def recorded(default: Scenario) -> Record:
    """The default scenario, played to its end, with an agreement broken on each side."""
    return play_recorded(default, 2, "us", "cambodia", early_break=2, late_break=4)


@pytest.fixture(scope="module")
def recorded_pairs() -> Record:
    """A scenario whose trust is the pair's own ``trust_a_b`` (and whose dynamics and score read it)."""
    return play_recorded(negotiation_scenario(), 1, "a", "b", early_break=4, late_break=8)


RECORDS = ["recorded", "recorded_pairs"]
PLAYERS = {"recorded": ("us", "cambodia"), "recorded_pairs": ("a", "b")}


# --------------------------------------------------------------------- the reconstruction
@pytest.mark.parametrize("name", RECORDS)
def test_values_rebuilt_at_the_end_of_each_turn_are_the_values_the_game_had(
    name: str, request: pytest.FixtureRequest
) -> None:
    record: Record = request.getfixturevalue(name)
    game = record.game
    assert record.ends and game.is_over()
    for turn, real in record.ends.items():
        assert values_at(game, turn_end_moment(game, turn)) == pytest.approx(real, abs=1e-9)


@pytest.mark.parametrize("name", RECORDS)
def test_values_rebuilt_when_each_proposal_was_sent_are_the_values_the_game_had(
    name: str, request: pytest.FixtureRequest
) -> None:
    record: Record = request.getfixturevalue(name)
    game = record.game
    assert len(record.sent) >= 4
    breaks_turns = {turn for turn, _, _ in record.breaks}
    assert len(breaks_turns) == 2, "the game must break an agreement before and after some proposals"
    assert breaks_turns <= {game.proposal(p).turn for p in record.sent}
    for proposal_id, (real, _) in record.sent.items():
        rebuilt = values_at(game, proposal_moment(game, game.proposal(proposal_id)))
        assert rebuilt == pytest.approx(real, abs=1e-9), proposal_id


@pytest.mark.parametrize("name", RECORDS)
def test_each_stance_is_the_evaluation_the_counterpart_made_when_the_proposal_was_sent(
    name: str, request: pytest.FixtureRequest
) -> None:
    record: Record = request.getfixturevalue(name)
    player, counterpart = PLAYERS[name]
    report = debrief(record.game, counterpart, player)
    assert [s.proposal.id for s in report.stances] == list(record.sent)
    assert {s.by_counterpart for s in report.stances} == {True, False}
    for stance in report.stances:
        _, seen = record.sent[stance.proposal.id]
        assert stance.evaluation is not None
        assert stance.evaluation.score == pytest.approx(seen.score, abs=1e-9)
        assert stance.evaluation.accept == seen.accept
        assert [r.label for r in stance.evaluation.reasons] == [r.label for r in seen.reasons]
        assert [r.points for r in stance.evaluation.reasons] == pytest.approx([r.points for r in seen.reasons])
        assert stance.reasons and len(stance.reasons) <= 3
        biggest = max(abs(r.points) for r in seen.reasons)
        assert abs(stance.reasons[0].points) == pytest.approx(biggest)


def test_each_stance_says_how_the_proposal_ended(recorded: Record) -> None:
    report = debrief(recorded.game, "cambodia", "us")
    words = {"accepted": "accepted", "refused": "refused", "countered": "counter-proposal",
             "withdrawn": "lapsed"}  # fmt: skip
    for stance in report.stances:
        assert stance.outcome == stance.proposal.status
        assert words[stance.outcome] in stance.outcome_text
        if stance.outcome == "accepted":
            assert stance.agreement and f"agreement {stance.agreement.removeprefix('a')}," in stance.outcome_text
    broken = {agreement for _, _, agreement in recorded.breaks}
    assert any("later broken by" in s.outcome_text for s in report.stances if s.agreement in broken)


# --------------------------------------------------------------------- willingness
@pytest.mark.parametrize("name", RECORDS)
def test_willingness_is_the_evaluator_s_context_and_every_change_is_explained(
    name: str, request: pytest.FixtureRequest
) -> None:
    record: Record = request.getfixturevalue(name)
    player, counterpart = PLAYERS[name]
    game = record.game
    report = debrief(game, counterpart, player)
    points = report.willingness
    assert [p.turn for p in points] == list(range(game.outcome.turn + 1))  # type: ignore[union-attr]
    for previous, point in itertools.pairwise(points):
        assert point.mood == pytest.approx(sum(r.points for r in point.reasons))
        assert point.change == pytest.approx(point.mood - previous.mood)
        assert sum(s.points for s in point.shifts) == pytest.approx(point.change, abs=1e-6)
        assert all(s.kind != "other" for s in point.shifts), point.note  # nothing left unexplained
        assert point.note.startswith(f"Turn {point.turn} (")
    # The trust term at the end of each turn is the trust the game really had then.
    trust = next(r for r in points[-1].reasons if r.label.startswith("Trust in"))
    final = record.ends[game.outcome.turn]  # type: ignore[union-attr]
    trust_name = game.scenario.trust_indicator_id(player, counterpart)
    assert trust_name == ("trust" if name == "recorded" else "trust_a_b")  # both kinds of trust are covered
    assert trust.points == pytest.approx((final[trust_name] - 50.0) / 10.0)
    assert report.summary.startswith(report.name)
    assert "willing to deal" in report.summary


def test_the_moves_that_shifted_willingness_include_the_player_s_broken_agreement(recorded: Record) -> None:
    report = debrief(recorded.game, "cambodia", "us")
    turn, role, agreement = recorded.breaks[0]
    assert role == "us"
    point = report.willingness[turn]
    broke = [s for s in point.moves if s.kind == "break"]
    assert broke and broke[0].label == f"you broke agreement {agreement.removeprefix('a')}" and broke[0].points < 0
    assert f"you broke agreement {agreement.removeprefix('a')}" in point.note
    late_turn, late_role, late_agreement = recorded.breaks[1]
    assert late_role == "cambodia"
    theirs = [s for s in report.willingness[late_turn].shifts if s.kind == "break"]
    assert theirs and not theirs[0].mine
    assert theirs[0].label == f"they broke agreement {late_agreement.removeprefix('a')}"


def pressure_at(turn: int) -> Callable[[Game], list[Command]]:
    """The US takes its first legal action of the pressure family in ``turn``."""

    def commands(game: Game) -> list[Command]:
        if game.turn != turn:
            return []
        for action in game.legal_actions("us"):
            if action.family == "pressure":
                return [Commit("us", action.id)]
        raise AssertionError("no pressure action is open")

    return commands


def quiet_game(sc: Scenario, seed: int, pressure: Callable[[Game], list[Command]] | None) -> Game:
    """Nobody acts or negotiates except through ``pressure``; events answered with their first choice."""
    game = Game.new(sc, seed)
    while not game.is_over():
        for pending in game.pending_choices():
            game.choose(pending.role, pending.event, sc.event(pending.event).choices[0].id)
        if pressure is not None:
            for command in pressure(game):
                game.apply(command)
        game.resolve_turn()
    return game


def test_willingness_falls_after_the_player_s_pressure_and_recovers_when_it_wears_off(default: Scenario) -> None:
    calm = debrief(quiet_game(default, 8, None), "cambodia", "us")
    game = quiet_game(default, 8, pressure_at(2))
    pressed = debrief(game, "cambodia", "us")
    action = next(n.id for n in game.state.news if n.kind == "action" and n.role == "us")
    label = default.action(action).label["en"]
    point = pressed.willingness[2]
    assert point.change < 0 and point.change < calm.willingness[2].change
    assert point.mood < calm.willingness[2].mood
    assert calm.willingness[1].mood == pytest.approx(pressed.willingness[1].mood)  # identical until then
    move = point.moves[0]
    assert move.kind == "pressure" and move.label == f"you pressured them with {label}"
    assert move.points <= PROVOCATION_POINTS
    assert "willingness fell" in point.note
    assert f"you pressured them with {label}" in point.note
    faded = [s for s in pressed.willingness[2 + PROVOCATION_TURNS].moves if s.kind == "fade"]
    assert faded and faded[0].points == pytest.approx(-PROVOCATION_POINTS)


# --------------------------------------------------------------------- priorities
def test_priorities_say_what_the_counterpart_cares_about(recorded_pairs: Record) -> None:
    report = debrief(recorded_pairs.game, "b", "a")  # b scores x; items worth to b: aid 5, visit 4, market -2, ...
    priorities = report.priorities
    assert priorities.objectives == "objectives"
    assert [(w.indicator, w.points) for w in priorities.weights] == [("x", pytest.approx(1.0))]
    assert [(w.item, w.value) for w in priorities.wants] == [("aid", 5.0), ("visit", 4.0)]
    assert [(w.item, w.value) for w in priorities.costs] == [("release", -5.0), ("open_market", -2.0)]
    assert priorities.personality == ()


def test_priorities_of_the_default_scenario_follow_its_score_personality_and_items(
    recorded: Record, default: Scenario
) -> None:
    report = debrief(recorded.game, "cambodia", "us")
    priorities = report.priorities
    role = default.role("cambodia")
    assert priorities.objectives == role.objectives["en"]
    sizes = [abs(w.points) for w in priorities.weights]
    assert sizes == sorted(sizes, reverse=True) and all(size > 0 for size in sizes)
    weights = {w.indicator: w.points for w in priorities.weights}
    assert weights["trade_access"] > 0 and "human_rights" not in weights  # human rights is not in its score
    assert [le.weight for le in priorities.personality] == sorted(role.personality.values(), reverse=True)
    assert default.negotiation is not None
    best = max(default.negotiation.items, key=lambda i: i.value.get("cambodia", 0.0))
    assert priorities.wants[0].item == best.id
    assert all(w.value < 0 for w in priorities.costs) and len(priorities.costs) == 3
    assert priorities.costs == tuple(sorted(priorities.costs, key=lambda w: w.value))


# --------------------------------------------------------------------- other scenarios and guarantees
def test_a_scenario_without_negotiation_gets_priorities_and_a_willingness_without_stances() -> None:
    sc = scenario(
        turns=4,
        indicators={"relations": 50.0, "x": 50.0},
        actions=[{"id": "shout", "family": "pressure", "effects": [effect("relations -= 5")]},
                 {"id": "talk", "role": "b", "effects": [effect("relations += 1")]}],
        score="x + 0.5 * relations",
        events_per_turn=0,
    )  # fmt: skip
    assert sc.negotiation is None
    game = Game.new(sc, 1)
    game.commit("a", "shout")
    game.resolve_turn()
    while not game.is_over():
        game.resolve_turn()
    report = debrief(game, "b", "a")
    assert not report.negotiation and report.stances == ()
    assert [w.indicator for w in report.priorities.weights] == ["x", "relations"]
    assert report.priorities.wants == report.priorities.costs == ()
    first = report.willingness[1]
    assert first.change == pytest.approx(-0.5 + PROVOCATION_POINTS)  # relations -5 / 10, and the pressure
    assert first.moves[0].label == "you pressured them with shout"
    assert report.willingness[1 + PROVOCATION_TURNS].change == pytest.approx(-PROVOCATION_POINTS)
    text = " ".join(" ".join(debrief_lines(game, "b", "a")).split())
    assert "This scenario has no negotiation table, so there were no proposals to weigh." in text
    assert "Turn 1 (Jan 2023): willingness fell 2.5, to -2.5: you pressured them with shout (-2.5)." in text
    assert "Turn 3 (Jul 2023): willingness rose 2.0, to -0.5: your pressure of turn 1 wore off (+2.0)." in text


def test_a_debrief_never_changes_the_game(recorded: Record) -> None:
    game = recorded.game
    before = snapshot(game)
    report = debrief(game, "cambodia", "us")
    debrief_lines(game, "cambodia", "us")
    for point in report.willingness:
        values_at(game, turn_end_moment(game, point.turn))
    assert snapshot(game) == before


def test_a_debrief_of_a_running_game_covers_the_turns_played(default: Scenario) -> None:
    game = quiet_game(default, 2, None)
    assert isinstance(debrief(game, "cambodia", "us"), Debrief)
    running = Game.new(default, 2)
    for pending in running.pending_choices():
        running.choose(pending.role, pending.event, default.event(pending.event).choices[0].id)
    running.resolve_turn()
    report = debrief(running, "cambodia", "us")
    assert [p.turn for p in report.willingness] == [0, 1]
    with pytest.raises(ValueError, match="unknown role"):
        debrief(running, "nobody", "us")
    with pytest.raises(ValueError, match="itself"):
        debrief(running, "us", "us")


# --------------------------------------------------------------------- the terminal game
def play_text(sc: Scenario, lines: list[str], role: str) -> str:
    out = io.StringIO()
    stdin = io.StringIO("".join(f"{line}\n" for line in lines))
    assert run(sc, role=role, seed=1, stdin=stdin, stdout=out) == 0
    return out.getvalue()


def test_the_end_of_a_terminal_game_prints_the_counterpart_s_debrief(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(GreedyPolicy, "propose", lambda self, game, role: [])  # it only answers
    out = play_text(table(), ["n", "2", "3", "s", "e", "e", "e"], "a")
    lines = out.splitlines()
    assert lines[-1] == "Thanks for playing."
    start = lines.index("=== Debrief: how b saw the game ===")
    assert start > next(i for i, line in enumerate(lines) if line.startswith("Ending: "))
    debriefed = "\n".join(lines[start:])
    flat = " ".join(debriefed.split())
    assert "b ended more willing to deal than it began (+0.6); it accepted 1 of your 1 proposal." in flat
    assert "What b cared about:" in debriefed
    assert "  Your proposal of Jan 2023, turn 1: you give aid; you ask market." in debriefed
    assert ("Its score: +2.0 against 1.0, so it would accept (1.0 above it). They accepted: agreement 1, carried "
            "out in full.") in flat  # fmt: skip
    assert "How your moves shifted b's willingness to deal." in flat
    assert "  At the start: +0.0 (Trust in a +0.0)." in debriefed
    assert "Turn 2 (Apr 2023): willingness rose 0.6, to 0.6: you carried out aid (agreement 1) (+0.3)" in flat
    assert max(len(line) for line in lines) <= 80 and out.isascii()


def test_a_terminal_game_without_negotiation_debriefs_too() -> None:
    out = play_text(small(), ["1", "1", "e", "e", "1", "e"], "a")
    debriefed = out[out.index("=== Debrief: how b saw the game ===") :]
    assert "This scenario has no negotiation table" in debriefed
    assert "Nothing in this scenario measures b's willingness" in debriefed
    assert debriefed.rstrip().endswith("Thanks for playing.")
    assert max(len(line) for line in out.splitlines()) <= 80 and out.isascii()


def test_the_default_scenario_s_debrief_reads_in_80_columns(recorded: Record) -> None:
    lines = debrief_lines(recorded.game, "cambodia", "us")
    text = "\n".join(lines)
    assert lines[0] == "=== Debrief: how Cambodia saw the game ==="
    assert "Where Cambodia stood on each proposal" in text and "Main reasons:" in text
    assert "Its own valuation of the deal" in text and "Its score:" in text
    assert text.count("  Turn ") == recorded.game.outcome.turn  # type: ignore[union-attr]
    assert max(len(line) for line in lines) <= 80
