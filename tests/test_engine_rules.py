"""A catalogue of the engine's rules. Each case quotes the rule it proves, then plays it out."""

from __future__ import annotations

import pytest

from builders import effect, scenario
from game.engine import (
    Choose,
    Commit,
    EndTurn,
    Game,
    IllegalActionError,
    Phase,
    Termination,
    UnknownIdError,
    Withdraw,
    WrongPhaseError,
)


def test_r01_committed_effects_apply_together_against_the_start_of_resolution() -> None:
    """Rule: all committed effects apply together; their values are read from the state before resolution."""
    sc = scenario(
        actions=[
            {"id": "double", "effects": [effect("x += x")]},
            {"id": "copy", "role": "b", "effects": [effect("y = x")]},
        ]
    )
    game = Game.new(sc)
    game.commit("a", "double")
    game.commit("b", "copy")
    game.resolve_turn()
    assert game.value("x") == 100.0
    assert game.value("y") == 50.0  # read x before "double" applied


def test_r02_values_are_clamped_to_their_range() -> None:
    """Rule: every value is clamped to its indicator's range."""
    sc = scenario(actions=[{"id": "big", "effects": [effect("x += 500"), effect("y -= 500")]}])
    game = Game.new(sc)
    game.commit("a", "big")
    report = game.resolve_turn()
    assert (game.value("x"), game.value("y")) == (100.0, 0.0)
    assert {(c.indicator, c.after) for c in report.changes} == {("x", 100.0), ("y", 0.0)}


def test_r03_every_change_is_recorded_with_its_cause() -> None:
    """Rule: the history records (turn, indicator, before, after, cause kind, cause id, role, text)."""
    sc = scenario(actions=[{"id": "talk", "effects": [effect("x += 5")]}])
    game = Game.new(sc)
    game.commit("a", "talk")
    game.resolve_turn()
    change = game.history[-1]
    assert (change.turn, change.indicator, change.before, change.after) == (1, "x", 50.0, 55.0)
    assert (change.cause, change.cause_id, change.role, change.text) == ("action", "talk", "a", "talk")


def test_r04_cost_is_paid_from_capital_and_refunded_on_withdraw() -> None:
    """Rule: committing an action pays its cost now; withdrawing it gives the capital back."""
    sc = scenario(capital=3, actions=[{"id": "talk", "cost": 2, "effects": [effect("x += 1")]}])
    game = Game.new(sc)
    game.apply(Commit("a", "talk"))
    assert game.capital("a") == 1
    game.apply(Withdraw("a", "talk"))
    assert game.capital("a") == 3 and game.committed("a") == []


def test_r05_an_action_costing_more_than_the_capital_left_is_illegal() -> None:
    """Rule: actions are committed within the role's political capital."""
    sc = scenario(capital=2, actions=[{"id": "summit", "cost": 3, "effects": [effect("x += 1")]}])
    game = Game.new(sc)
    assert game.legal_actions("a") == []
    with pytest.raises(IllegalActionError, match="costs 3 capital, 2 left"):
        game.commit("a", "summit")


def test_r06_unspent_capital_carries_over_up_to_capital_max() -> None:
    """Rule: capital is gained each turn; what is unspent carries over up to capital_max."""
    sc = scenario(capital=3, capital_max=5, actions=[{"id": "talk", "effects": [effect("x += 1")]}])
    game = Game.new(sc)
    assert game.capital("a") == 3
    game.resolve_turn()
    assert game.capital("a") == 5
    game.resolve_turn()
    assert game.capital("a") == 5


def test_r07_an_action_cannot_be_taken_twice_in_a_turn() -> None:
    """Rule: an action is committed at most once per turn."""
    sc = scenario(actions=[{"id": "talk", "effects": [effect("x += 1")]}])
    game = Game.new(sc)
    game.commit("a", "talk")
    with pytest.raises(IllegalActionError, match="already committed"):
        game.commit("a", "talk")


def test_r08_cooldown_blocks_an_action_for_that_many_turns_after_use() -> None:
    """Rule: after use, an action with cooldown N is unavailable for the next N turns."""
    sc = scenario(turns=6, actions=[{"id": "summit", "cooldown": 2, "effects": [effect("x += 1")]}])
    game = Game.new(sc)
    game.commit("a", "summit")
    game.resolve_turn()
    available = []
    for _ in range(3):
        available.append(bool(game.legal_actions("a")))
        assert game.why_not("a", "summit") == ("" if available[-1] else "cooling down until turn 4")
        game.resolve_turn()
    assert available == [False, False, True]


def test_a_cooldown_that_outlasts_the_game_says_so_rather_than_naming_a_turn_after_the_last() -> None:
    sc = scenario(turns=3, actions=[{"id": "summit", "cooldown": 2, "effects": [effect("x += 1")]}])
    game = Game.new(sc)
    game.resolve_turn()
    game.commit("a", "summit")
    game.resolve_turn()  # used in turn 2 of 3: it would be ready again in turn 5
    assert game.why_not("a", "summit") == "cooling down until after the game ends"


def test_r09_a_precondition_must_hold_to_take_an_action() -> None:
    """Rule: an action's condition must hold when it is committed."""
    sc = scenario(actions=[{"id": "deal", "condition": "y > 60", "effects": [effect("x += 1")]}])
    game = Game.new(sc)
    assert "condition not met: y > 60" in game.why_not("a", "deal")


def test_r10_a_role_can_only_commit_its_own_actions() -> None:
    """Rule: each action belongs to one role."""
    sc = scenario(actions=[{"id": "talk", "role": "b", "effects": [effect("x += 1")]}])
    game = Game.new(sc)
    with pytest.raises(IllegalActionError, match="belongs to role 'b'"):
        game.commit("a", "talk")
    with pytest.raises(UnknownIdError, match="unknown action 'nope'"):
        game.commit("a", "nope")


def test_r11_delayed_effects_apply_at_the_resolution_n_turns_later() -> None:
    """Rule: an effect with delay N applies in the resolution N turns after it was committed."""
    sc = scenario(actions=[{"id": "invest", "effects": [effect("x += 10", delay=2)]}])
    game = Game.new(sc)
    game.commit("a", "invest")
    seen = []
    for _ in range(3):
        game.resolve_turn()
        seen.append(game.value("x"))
    assert seen == [50.0, 50.0, 60.0]
    assert game.history[-1].turn == 3 and "from turn 1" in game.history[-1].text


def test_r12_duration_spreads_an_amount_evenly_over_turns() -> None:
    """Rule: an effect with duration N spreads its amount over N turns, starting after its delay."""
    sc = scenario(actions=[{"id": "exchange", "effects": [effect("x += 9", delay=1, duration=3)]}])
    game = Game.new(sc)
    game.commit("a", "exchange")
    seen = []
    for _ in range(5):
        game.resolve_turn()
        seen.append(game.value("x"))
    assert seen == [50.0, 53.0, 56.0, 59.0, 59.0]


def test_r13_dynamics_apply_after_player_effects_and_see_their_result() -> None:
    """Rule: per-turn dynamics apply after the committed and delayed effects, in file order."""
    sc = scenario(
        actions=[{"id": "raise", "effects": [effect("x += 20")]}],
        dynamics=[{"id": "drift", "condition": "x > 60", "effects": [effect("y += 5")]}],
    )
    game = Game.new(sc)
    game.resolve_turn()
    assert game.value("y") == 50.0
    game.commit("a", "raise")
    report = game.resolve_turn()
    assert game.value("y") == 55.0
    assert [c.cause for c in report.changes] == ["action", "dynamic"]


def test_r14_scripted_events_fire_at_their_turn() -> None:
    """Rule: a scripted event fires at its turn; its effects apply when it fires."""
    sc = scenario(events=[{"id": "election", "at_turn": 2, "effects": [effect("x -= 10")]}], events_per_turn=0)
    game = Game.new(sc)
    assert game.value("x") == 50.0
    game.resolve_turn()
    assert game.value("x") == 40.0
    assert game.history[-1].cause == "event" and game.history[-1].turn == 2


def test_r15_an_event_with_choices_waits_for_its_role() -> None:
    """Rule: an event with choices waits for the affected role; the turn cannot resolve until it answers."""
    sc = scenario(
        events=[
            {
                "id": "crisis",
                "at_turn": 1,
                "role": "b",
                "choices": {"talk": [effect("x += 5")], "shout": [effect("x -= 5")]},
            }
        ],
        events_per_turn=0,
    )
    game = Game.new(sc)
    assert game.phase is Phase.NEWS
    with pytest.raises(WrongPhaseError, match="b on crisis"):
        game.resolve_turn()
    with pytest.raises(WrongPhaseError):
        game.choose("a", "crisis", "talk")
    game.apply(Choose("b", "crisis", "shout"))
    assert game.phase is Phase.ACTIONS and game.value("x") == 45.0
    assert game.history[-1].cause == "choice" and game.history[-1].cause_id == "crisis.shout"


def test_r16_once_only_events_fire_once() -> None:
    """Rule: a once-only event never fires twice."""
    sc = scenario(
        turns=10, events=[{"id": "ambassador", "once": True, "effects": [effect("x += 1")]}], quiet_weight=0.0
    )
    game = Game.new(sc)
    for _ in range(9):
        game.resolve_turn()
    assert sum(1 for n in game.state.news if n.kind == "event") == 1


def test_r17_event_cooldown_spaces_out_repeats() -> None:
    """Rule: an event with cooldown N cannot fire again in the N turns after it fired."""
    sc = scenario(turns=10, events=[{"id": "report", "cooldown": 2, "effects": [effect("x += 1")]}], quiet_weight=0.0)
    game = Game.new(sc)
    for _ in range(9):
        game.resolve_turn()
    turns = [n.turn for n in game.state.news if n.kind == "event"]
    assert turns == [1, 4, 7, 10]


def test_r18_random_events_respect_their_window_and_condition() -> None:
    """Rule: a random event can only fire inside its turn window and while its condition holds."""
    sc = scenario(
        turns=10,
        events=[{"id": "late", "first_turn": 4, "last_turn": 6, "condition": "x >= 50"}],
        quiet_weight=0.0,
    )
    game = Game.new(sc)
    for _ in range(9):
        game.resolve_turn()
    assert [n.turn for n in game.state.news if n.kind == "event"] == [4, 5, 6]


def test_r19_weights_make_heavier_events_more_likely() -> None:
    """Rule: random events are drawn by weight, against the weight of a quiet turn."""
    sc = scenario(turns=50, events=[{"id": "common", "weight": 8.0}, {"id": "rare", "weight": 1.0}], quiet_weight=1.0)
    counts = {"common": 0, "rare": 0, "quiet": 0}
    for seed in range(40):
        game = Game.new(sc, seed)
        while not game.is_over():
            fired = [n.id for n in game.state.news if n.kind == "event" and n.turn == game.turn]
            counts[fired[0] if fired else "quiet"] += 1
            game.resolve_turn()
    assert counts["common"] > 4 * counts["rare"] > 0
    assert counts["quiet"] > 0


def test_r20_early_endings_end_the_game_as_soon_as_they_hold() -> None:
    """Rule: early endings are checked after every turn's resolution."""
    sc = scenario(
        turns=10,
        actions=[{"id": "break", "effects": [effect("x -= 25")]}],
        endings=[{"id": "rupture", "condition": "x < 10", "early": True}, {"id": "fine"}],
    )
    game = Game.new(sc)
    game.commit("a", "break")
    game.resolve_turn()
    assert not game.is_over()
    game.commit("a", "break")
    report = game.resolve_turn()
    assert report.outcome is not None and game.outcome == report.outcome
    assert (report.outcome.ending, report.outcome.turn, report.outcome.termination) == ("rupture", 2, Termination.EARLY)
    assert game.phase is Phase.OVER


def test_r21_final_ending_is_the_first_that_holds_best_first() -> None:
    """Rule: at the last turn the first ending (best first) whose condition holds is reached."""
    sc = scenario(
        turns=2,
        actions=[{"id": "up", "effects": [effect("x += 20")]}],
        endings=[{"id": "best", "condition": "x >= 90"}, {"id": "good", "condition": "x >= 60"}, {"id": "meh"}],
    )
    game = Game.new(sc)
    game.commit("a", "up")
    game.resolve_turn()
    game.resolve_turn()
    assert game.outcome is not None
    assert (game.outcome.ending, game.outcome.termination) == ("good", Termination.FINAL)
    assert game.outcome.scores == {"a": 70.0, "b": 70.0}


def test_r22_nothing_can_be_done_after_the_end() -> None:
    """Rule: a finished game accepts no more commands."""
    sc = scenario(turns=1, actions=[{"id": "up", "effects": [effect("x += 1")]}])
    game = Game.new(sc)
    game.resolve_turn()
    assert game.is_over() and game.legal_actions("a") == []
    with pytest.raises(WrongPhaseError, match="over"):
        game.apply(EndTurn())
    with pytest.raises(IllegalActionError):
        game.commit("a", "up")


def test_r23_a_division_by_zero_is_reported_with_the_rule_id_and_skipped() -> None:
    """Rule: a run-time error in a formula is recorded with the rule's id and does not crash the game."""
    sc = scenario(
        indicators={"x": 50.0, "y": 0.0},
        actions=[{"id": "ratio", "effects": [effect("x += 10 / y"), effect("x += 1")]}],
        dynamics=[{"id": "bad_dyn", "condition": "x / y > 1", "effects": [effect("x += 1")]}],
    )
    game = Game.new(sc)
    game.commit("a", "ratio")
    game.resolve_turn()
    assert game.value("x") == 51.0
    assert [e.rule for e in game.state.errors] == ["ratio", "bad_dyn"]
    assert "division by zero" in game.state.errors[0].message


def test_r24_forecast_shows_immediate_and_delayed_effects_without_changing_the_game() -> None:
    """Rule: a forecast shows an action's expected immediate and delayed effects, and changes nothing."""
    sc = scenario(actions=[{"id": "plan", "effects": [effect("x += 60"), effect("y -= 4", delay=2)]}])
    game = Game.new(sc)
    before = game.to_dict()
    forecast = game.forecast("plan")
    assert [(i.indicator, i.delta) for i in forecast.immediate] == [("x", 50.0)]  # clamped at 100
    assert [(i.indicator, i.delta, i.delay) for i in forecast.delayed] == [("y", -4.0, 2)]
    assert game.to_dict() == before


def test_r25_the_turn_variable_is_available_to_formulas() -> None:
    """Rule: expressions may read ``turn``, the current turn."""
    sc = scenario(dynamics=[{"id": "clock", "effects": [effect("y = turn * 10")]}])
    game = Game.new(sc)
    game.resolve_turn()
    game.resolve_turn()
    assert game.value("y") == 20.0


def test_r26_scores_follow_each_roles_formula() -> None:
    """Rule: each role's score is its own formula over the indicators."""
    sc = scenario(score="x - y / 2")
    game = Game.new(sc)
    assert game.scores() == {"a": 25.0, "b": 25.0}
    assert game.score_of("a", {"x": 200.0, "y": -10.0}) == 100.0  # clamped to the ranges first


def test_r27_causes_answer_why_did_this_move_newest_first() -> None:
    """Rule: the recent causes of an indicator come from the history, newest first."""
    sc = scenario(actions=[{"id": "one", "effects": [effect("x += 1")]}, {"id": "two", "effects": [effect("x += 2")]}])
    game = Game.new(sc)
    game.commit("a", "one")
    game.resolve_turn()
    game.commit("a", "two")
    game.resolve_turn()
    assert [c.cause_id for c in game.causes("x")] == ["two", "one"]


def test_r28_looking_at_the_game_never_changes_it() -> None:
    """Rule: queries (forecast, scores, legal actions, why not) leave the state as it was, even when a rule fails."""
    sc = scenario(
        indicators={"x": 50.0, "y": 0.0},
        score="x / y",
        actions=[{"id": "odd", "condition": "x / y > 1", "effects": [effect("x += 1 / y")]}],
    )
    game = Game.new(sc)
    before = game.to_dict()
    game.forecast("odd")
    game.scores()
    game.score_of("a", {"x": 1.0, "y": 0.0})
    game.legal_actions("a")
    assert game.to_dict()["errors"] == before["errors"]
    game.resolve_turn()
    assert game.state.errors == [e for e in game.state.errors if e.rule == "odd"]
