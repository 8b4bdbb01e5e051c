"""What the modder's guide (scenarios/README.md) says about scores, break events, the computer players, comparisons
used as numbers, and anchors and aliases, checked against the game."""

from __future__ import annotations

import random

import pytest

from game.ai.lookahead import LookaheadPolicy
from game.ai.negotiation import evaluate
from game.ai.policies import make_policy
from game.content.loader import load_scenario_text
from game.content.problems import ScenarioError
from game.content.starter import starter_text
from game.engine import Commit, Game, ItemStatus, NewsKind, Scenario
from game.table.match import Match

STARTER = starter_text(["north", "south"], schema="scenario.schema.json", stem="bay")

SMALL = """\
format: 1
id: small
title: Small
description: One number, two families.
turns: 2
events_per_turn: 0
indicators:
  - {id: x, label: X, description: The number., initial: 20}
  - {id: y, label: Y, description: The other number., initial: 60}
families:
  - {id: first, label: First}
  - {id: second, label: Second}
roles:
  - {id: a, name: A, brief: A., objectives: X., score: x, capital: 1, personality: PERSONALITY}
actions:
  - {id: now, role: a, family: first, label: Now, description: Now., cost: 1, effects: [x += 5]}
  - {id: soon, role: a, family: second, label: Soon, description: Soon., cost: 1, effects: [x += 5]}
  - {id: later, role: a, family: first, label: Later, description: Later., cost: 1,
     effects: [{change: x += 10, delay: 1}]}
dynamics:
  - {id: bonus, description: A bonus while y is high., effects: ["x += (y > 50) * 3"]}
endings:
  - {id: end, title: End, text: The end.}
"""


LATER = """\
  - {id: later, role: a, family: first, label: Later, description: Later., cost: 1,
     effects: [{change: x += 10, delay: 1}]}
"""


def small(personality: str = "{}", *, later: bool = True) -> Scenario:
    """The small scenario, with ``personality`` for its one role (and without the delayed action unless
    ``later``)."""
    text = SMALL.replace("PERSONALITY", personality)
    if not later:
        text = text.replace(LATER, "")
    return load_scenario_text(text, "small.yaml")


def play_greedy(scenario: Scenario, seed: int) -> Game:
    """A whole game with the standard level on every side."""
    game = Game.new(scenario, seed)
    players = {r.id: make_policy("greedy", game, r.id, random.Random(seed)) for r in scenario.roles}
    Match.around(game, players).play()
    return game


# ----------------------------------------------------------------------------------------- when scores are counted
def test_a_score_is_the_formula_on_the_final_values_and_a_delayed_payoff_after_the_end_never_counts() -> None:
    game = Game.new(small())
    game.resolve_turn()
    game.apply(Commit("a", "later"))  # due in turn 3, after the last turn
    game.resolve_turn()
    assert game.outcome is not None
    assert game.state.values["x"] == 20 + 3 + 3  # the dynamic's two bonuses, not the delayed 10
    assert game.outcome.scores == {"a": 26.0}


# ----------------------------------------------------------------------------------------- comparisons as numbers
def test_a_comparison_in_arithmetic_counts_as_one_or_zero() -> None:
    game = Game.new(small())
    game.resolve_turn()
    assert game.state.values["x"] == 23  # (y > 50) * 3 with y at 60
    low = load_scenario_text(SMALL.replace("PERSONALITY", "{}").replace("initial: 60", "initial: 40"), "s.yaml")
    game = Game.new(low)
    game.resolve_turn()
    assert game.state.values["x"] == 20


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("(y > 50) * 3", 3),
        ("y > 50 * 3", 0),  # comparisons bind more loosely than arithmetic
        ("not (y > 50)", 0),
        ("0 and 7", 0),
        ("2 and 7", 7),  # `and` gives an operand, not 1
        ("0 or 7", 7),
        ("max(y > 50, y < 10)", 1),
        ("(y > 50) * (y < 70)", 1),
        ("20 <= y < 70", 1),
    ],
)
def test_the_expression_values_the_guide_gives(expression: str, expected: float) -> None:
    text = SMALL.replace("PERSONALITY", "{}").replace('"x += (y > 50) * 3"', f'"x = {expression}"')
    game = Game.new(load_scenario_text(text, "s.yaml"))
    game.resolve_turn()
    assert game.state.values["x"] == expected


# ----------------------------------------------------------------------------------------- events a break brings on
def test_the_break_event_never_fires_without_a_break() -> None:
    scenario = load_scenario_text(STARTER.replace("quiet_weight: 2", "quiet_weight: 0"), "bay.yaml")
    for seed in range(20):
        game = play_greedy(scenario, seed)
        assert game.state.agreements  # deals were made, and none broken
        assert all(part.status is not ItemStatus.BROKEN for deal in game.state.agreements for part in deal.items)
        assert all(n.id != "deal_broken" for n in game.state.news if n.kind is NewsKind.EVENT)


def test_a_break_brings_the_event_on_in_the_next_turns_news_once() -> None:
    game = Game.new(load_scenario_text(STARTER, "bay.yaml"), 1)
    proposal = game.propose("south", "north", (), ("north_open_market",))
    agreement = game.respond("north", proposal.id, True)
    assert agreement is not None
    game.resolve_turn()
    game.break_agreement("north", agreement.id)
    turn = game.turn
    game.resolve_turn()
    fired = [n for n in game.state.news if n.kind is NewsKind.EVENT and n.id == "deal_broken"]
    assert [n.turn for n in fired] == [turn + 1]


# ----------------------------------------------------------------------------------------- what the computer reads
@pytest.mark.parametrize("level", ["casual", "greedy"])
def test_beginner_and_standard_follow_the_personality(level: str) -> None:
    for personality, chosen in (("{first: 3}", "now"), ("{second: 3}", "soon")):
        game = Game.new(small(personality, later=False))
        player = make_policy(level, game, "a", random.Random(0))
        assert [c.action for c in player.decide(game, "a") if isinstance(c, Commit)] == [chosen]


def test_strong_gives_a_bonus_to_a_favoured_family() -> None:
    game = Game.new(small("{first: 3}"))
    policy = LookaheadPolicy(random.Random(0), {"first": 3.0})
    assert policy.personality_bonus(game, ["now"]) > 0 == policy.personality_bonus(game, ["soon"])


def test_target_changes_nothing_in_a_game() -> None:
    without = load_scenario_text("\n".join(x for x in STARTER.splitlines() if "target:" not in x), "bay.yaml")
    assert all(a.target is None for a in without.actions)
    with_target = load_scenario_text(STARTER, "bay.yaml")
    for seed in range(5):
        one, two = play_greedy(without, seed), play_greedy(with_target, seed)
        assert one.state.values == two.state.values and one.state.news == two.state.news


def test_the_negotiator_reads_relations_and_the_pressure_family_by_name() -> None:
    game = Game.new(load_scenario_text(STARTER, "bay.yaml"), 1)
    game.apply(Commit("south", "south_patrol"))
    game.resolve_turn()
    labels = [r.label for r in evaluate(game, ((), ("south_joint_patrols",)), "south").reasons]
    assert "Current relations" in labels
    renamed = STARTER.replace("relations", "goodwill").replace("pressure", "coercion")
    game = Game.new(load_scenario_text(renamed, "bay.yaml"), 1)
    game.apply(Commit("north", "north_patrol"))
    game.resolve_turn()
    reasons = [r.label for r in evaluate(game, ((), ("south_joint_patrols",)), "south").reasons]
    assert "Current relations" not in reasons and not any("pressure" in r for r in reasons)


def test_pressure_actions_count_against_the_proposer() -> None:
    game = Game.new(load_scenario_text(STARTER, "bay.yaml"), 1)
    game.apply(Commit("north", "north_patrol"))
    game.resolve_turn()
    reasons = evaluate(game, ((), ("south_joint_patrols",)), "south").reasons
    assert [r.points for r in reasons if r.label.startswith("Recent pressure from North")] == [-2.0]


# ----------------------------------------------------------------------------------------- anchors and aliases
def test_an_alias_repeats_its_anchored_part() -> None:
    anchored = "    effects: &warm [relations += 5, prosperity += 1]\n"
    text = STARTER.replace("    effects: [relations += 5]\n", anchored, 1)
    text = text.replace("    effects: [relations += 5]\n", "    effects: *warm\n", 1)
    scenario = load_scenario_text(text, "bay.yaml")
    assert scenario.action("south_summit").effects == scenario.action("north_summit").effects
    assert len(scenario.action("south_summit").effects) == 2


def test_a_mistake_in_an_anchored_part_is_reported_once_at_the_anchor() -> None:
    text = STARTER.replace("    effects: [relations += 5]\n", "    effects: &warm [relation += 5]\n", 1)
    text = text.replace("    effects: [relations += 5]\n", "    effects: *warm\n", 1)
    with pytest.raises(ScenarioError) as caught:
        load_scenario_text(text, "bay.yaml")
    [problem] = caught.value.problems
    anchor_line = next(n for n, line in enumerate(text.splitlines(), 1) if "&warm" in line)
    assert problem.line == anchor_line and "unknown indicator 'relation'" in problem.message


def test_merge_keys_are_refused_where_they_are_written() -> None:
    text = STARTER.replace("  - id: north_summit\n", "  - &base\n    id: north_summit\n", 1)
    text = text.replace("  - id: north_trade_fair\n    role: north\n", "  - <<: *base\n    id: north_trade_fair\n", 1)
    with pytest.raises(ScenarioError) as caught:
        load_scenario_text(text, "bay.yaml")
    [problem] = caught.value.problems
    merge_line = next(n for n, line in enumerate(text.splitlines(), 1) if "<<:" in line)
    assert problem.line == merge_line and "merge keys (<<) are not supported" in problem.message
