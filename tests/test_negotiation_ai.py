"""The counterpart's evaluator: a score made of labelled reasons, and the nearest bundle it would accept."""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

import pytest

from builders import effect, item, negotiation, scenario
from game.ai.negotiation import Evaluation, Reason, counter, evaluate
from game.content.loader import load_scenario
from game.engine import Game, NegotiationError, Propose, Scenario

ROOT = Path(__file__).resolve().parent.parent


def table(*, initial: float = 50.0, threshold: float = 0.0, relations: bool = False, min_gain: float = 0.5) -> Scenario:
    """Both roles score ``x``. For b: ``gift`` is worth 8 + 2, ``token`` 1 + 0, ``ask_big`` (b gives) -6 - 3,
    ``ask_small`` (b gives) -2 + 0."""
    indicators = {"x": 50.0, "y": 50.0, **({"relations": 70.0} if relations else {})}
    return scenario(
        indicators=indicators,
        actions=[{"id": "squeeze", "family": "pressure", "effects": [effect("y -= 1")]}],
        negotiation=negotiation(
            item("gift", "a", [effect("x += 2")], value={"a": -3, "b": 8}),
            item("token", "a", [effect("y += 1")], value={"b": 1}),
            item("ask_big", "b", [effect("x -= 3")], value={"a": 9, "b": -6}),
            item("ask_small", "b", [effect("y += 4")], value={"a": 2, "b": -2}),
            initial=initial,
            threshold=threshold,
            min_gain=min_gain,
        ),
    )


def points(evaluation: Evaluation) -> dict[str, float]:
    return {r.label: r.points for r in evaluation.reasons}


def test_reasons_sum_to_the_score() -> None:
    game = Game.new(table(initial=62.0, relations=True))
    evaluation = evaluate(game, Propose("a", "b", ("gift", "token"), ("ask_big",)), "b")
    assert points(evaluation) == {
        "gift (they give)": 10.0,
        "token (they give)": 1.0,
        "ask_big (we give)": -9.0,
        "Trust in a": pytest.approx(1.2),
        "Current relations": 2.0,
    }
    assert evaluation.score == pytest.approx(sum(r.points for r in evaluation.reasons))
    assert (evaluation.threshold, evaluation.accept) == (0.0, True)


def test_reasons_sum_to_the_score_on_the_default_scenario() -> None:
    sc = load_scenario(ROOT / "scenarios" / "cambodia_us.yaml")
    game = Game.new(sc, 5)
    for pending in game.pending_choices():
        game.choose(pending.role, pending.event, sc.event(pending.event).choices[0].id)
    give = tuple(i.id for i in game.legal_items("us")[:2])
    ask = tuple(i.id for i in game.legal_items("cambodia")[:1])
    evaluation = evaluate(game, (give, ask), "cambodia")
    assert len(evaluation.reasons) >= 4  # three items, trust, relations
    assert evaluation.score == pytest.approx(sum(r.points for r in evaluation.reasons))
    assert evaluation.accept == (evaluation.score >= sc.negotiation.threshold)  # type: ignore[union-attr]


def test_better_trust_raises_the_score() -> None:
    bundle = (("token",), ("ask_small",))
    low = evaluate(Game.new(table(initial=30.0)), bundle, "b")
    high = evaluate(Game.new(table(initial=80.0)), bundle, "b")
    assert high.score - low.score == pytest.approx(5.0)
    assert points(low)["Trust in a"] == -2.0 and points(high)["Trust in a"] == 3.0


def test_an_item_the_receiver_values_highly_flips_refuse_to_accept() -> None:
    game = Game.new(table())
    refused = evaluate(game, (("token",), ("ask_big",)), "b")
    accepted = evaluate(game, (("token", "gift"), ("ask_big",)), "b")
    assert (refused.accept, accepted.accept) == (False, True)
    assert accepted.score - refused.score == 10.0


def test_recent_pressure_counts_against_the_sender() -> None:
    game = Game.new(table())
    game.commit("a", "squeeze")
    game.resolve_turn()
    evaluation = evaluate(game, (("token",), ()), "b")
    assert points(evaluation)["Recent pressure from a (1 action)"] == -2.0
    for _ in range(2):
        game.resolve_turn()
    assert not any("pressure" in r.label for r in evaluate(game, (("token",), ()), "b").reasons)


def test_evaluating_leaves_the_game_unchanged_and_values_are_frozen() -> None:
    game = Game.new(table())
    before = game.to_dict()
    evaluation = evaluate(game, (("gift",), ("ask_big",)), "b")
    assert game.to_dict() == before
    with pytest.raises(dataclasses.FrozenInstanceError):
        evaluation.score = 99.0  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        Reason("x", 1.0).points = 2.0  # type: ignore[misc]


def test_a_sent_proposal_is_evaluated_like_its_bundle() -> None:
    game = Game.new(table())
    proposal = game.propose("a", "b", ("token",), ("ask_small",))
    assert evaluate(game, proposal, "b") == evaluate(game, (("token",), ("ask_small",)), "b")


@pytest.mark.parametrize(
    ("threshold", "min_gain", "nearest"),
    [
        (0.0, 0.0, (("ask_big", "ask_small"), ("token", "gift"))),  # one change: add the item b wants most (0)
        (0.0, 0.5, (("ask_small",), ("token", "gift"))),  # 0 is no real gain: two changes, the best for b (9)
        (1.0, 0.5, (("ask_small",), ("token", "gift"))),  # two changes; of those, the best for b (9, not 1)
    ],
)
def test_counter_returns_the_nearest_acceptable_bundle(
    threshold: float, min_gain: float, nearest: tuple[object, object]
) -> None:
    game = Game.new(table(threshold=threshold, min_gain=min_gain))
    proposal = game.propose("a", "b", ("token",), ("ask_big", "ask_small"))  # worth 1 - 9 - 2 = -10 to b
    assert not evaluate(game, proposal, "b").accept
    found = counter(game, proposal)
    assert found == nearest
    assert found is not None
    give, ask = found  # from b's side: b gives ``give`` and asks ``ask``
    assert evaluate(game, Propose("a", "b", ask, give), "b").accept
    assert game.why_not_propose("b", "a", give, ask) == ""


def test_counter_returns_an_acceptable_proposal_unchanged_and_completes_a_bare_demand() -> None:
    game = Game.new(table(threshold=0.5))
    generous = game.propose("a", "b", ("gift", "token"), ("ask_big",))  # 10 + 1 - 9 = 2 for b
    assert counter(game, generous) == (("ask_big",), ("gift", "token"))
    game.respond("b", generous.id, False)
    demand = game.propose("a", "b", (), ("ask_big",))  # -9 for b
    assert counter(game, demand) == (("ask_big",), ("gift",))  # 1 >= 0.5; token alone would give -8


def test_counter_returns_none_when_no_bundle_is_acceptable() -> None:
    game = Game.new(table(threshold=100.0))
    proposal = game.propose("a", "b", ("token",), ("ask_small",))
    assert counter(game, proposal) is None


def test_evaluate_refuses_a_scenario_without_negotiation() -> None:
    game = Game.new(scenario(actions=[{"id": "talk", "effects": [effect("x += 1")]}]))
    with pytest.raises(NegotiationError, match="no negotiation"):
        evaluate(game, Propose("a", "b", (), ()), "b")


def test_evaluation_speed_on_the_default_scenario() -> None:
    """Must take < 1 ms per evaluation on the default scenario: measured and printed, not asserted."""
    sc = load_scenario(ROOT / "scenarios" / "cambodia_us.yaml")
    game = Game.new(sc, 2)
    for pending in game.pending_choices():
        game.choose(pending.role, pending.event, sc.event(pending.event).choices[0].id)
    bundle = (tuple(i.id for i in game.legal_items("us")[:2]), tuple(i.id for i in game.legal_items("cambodia")[:2]))
    runs = 500
    start = time.perf_counter()
    for _ in range(runs):
        result = evaluate(game, bundle, "cambodia")
    elapsed_ms = (time.perf_counter() - start) / runs * 1000
    print(f"\nproposal evaluation: {elapsed_ms:.3f} ms ({len(result.reasons)} reasons)")
    assert result.reasons
