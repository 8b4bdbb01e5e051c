"""Structure the engine records as data, so nothing reads the wording of causes.

Statuses, news kinds and causes are enums (equal to the strings saves hold); each turn records where its stages
begin (marks); every change says the turn of the decision that made it (``since``); cause ids are looked up, never
split; the cost of breaking an agreement and the values of the past come from the engine only. Several tests use a
scenario whose trust indicator's range starts at 20, where the front ends used to get the break cost wrong.
"""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import dataclasses
import json
import random
from types import SimpleNamespace
from typing import Any

import pytest

from builders import effect, item, negotiation, negotiation_scenario, play_negotiating, rich_scenario, scenario
from game.ai.debrief import debrief
from game.engine import (
    BreakForecast,
    Cause,
    Change,
    Game,
    GameState,
    ItemStatus,
    Mark,
    NegotiationError,
    NewsDetail,
    NewsKind,
    Origin,
    ProposalStatus,
    Scenario,
    Stage,
)

SEEDS = range(12)


# --------------------------------------------------------------------- scenarios
def ranged_trust_scenario(*, low: float = 20.0, initial: float = 31.0, broken: float = 20.0) -> Scenario:
    """Two roles whose trust is the indicator ``t`` with range ``low``..100 (not 0..100); a gives ``visit`` and
    ``fund`` (over 3 turns); breaking costs ``broken`` trust and x -6; a's action ``warm`` raises t by 10, b's
    ``cool`` lowers it by 8 a turn later."""
    base = scenario(
        turns=8,
        indicators={"x": 50.0, "y": 50.0, "t": initial},
        actions=[
            {"id": "warm", "role": "a", "effects": [effect("t += 10")]},
            {"id": "cool", "role": "b", "effects": [effect("t -= 8", delay=1)]},
        ],
        events=[{"id": "crisis", "role": "b", "choices": {"calm": [effect("y += 2")], "shout": [effect("t -= 3")]}}],
        negotiation=negotiation(
            item("visit", "a", [effect("x += 4")]),
            item("fund", "a", [effect("y += 12")], turns=3),
            broken=broken,
            break_effects=[effect("x -= 6")],
            trust_indicator="t",
        ),
    )
    indicators = tuple(dataclasses.replace(i, min=low) if i.id == "t" else i for i in base.indicators)
    return dataclasses.replace(base, indicators=indicators)


def agree(game: Game, give: tuple[str, ...] = ("fund",)) -> str:
    """a offers ``give`` to b, b accepts: the agreement's id."""
    for pending in game.pending_choices():
        game.choose(pending.role, pending.event, game.scenario.event(pending.event).choices[0].id)
    proposal = game.propose("a", "b", give)
    agreement = game.respond("b", proposal.id, True)
    assert agreement is not None
    return agreement.id


def play_random(sc: Scenario, seed: int) -> tuple[Game, dict[int, dict[str, float]]]:
    """A game of random actions and choices, with the values the game really held at the end of each turn."""
    game = Game.new(sc, seed)
    rng = random.Random(seed)
    ends: dict[int, dict[str, float]] = {0: dict(game.state.previous)}
    while not game.is_over():
        for pending in game.pending_choices():
            game.choose(pending.role, pending.event, rng.choice(sc.event(pending.event).choices).id)
        for role in (r.id for r in sc.roles):
            for action in game.legal_actions(role):
                if rng.random() < 0.5:
                    game.commit(role, action.id)
        turn = game.turn
        game.resolve_turn()
        ends[turn] = dict(game.state.values if game.is_over() else game.state.previous)
    return game, ends


def legacy(data: dict[str, Any]) -> dict[str, Any]:
    """A save as written before stages and ``since`` were recorded: no marks, 8-column history and scheduled rows."""
    old: dict[str, Any] = json.loads(json.dumps(data))
    del old["marks"]
    old["history"] = [row[:8] for row in old["history"]]
    old["scheduled"] = [row[:8] for row in old["scheduled"]]
    return old


# --------------------------------------------------------------------- enums
def test_statuses_kinds_and_causes_are_enums_equal_to_the_strings_saves_hold() -> None:
    assert [c.value for c in Cause] == [
        "action", "event", "choice", "dynamic", "agreement", "kept", "break", "facilitator",
    ]  # fmt: skip
    assert [s.value for s in ProposalStatus] == ["open", "accepted", "refused", "countered", "withdrawn"]
    assert [s.value for s in ItemStatus] == ["pending", "implemented", "broken"]
    assert [k.value for k in NewsKind] == [
        "event", "choice", "action", "ending", "proposal", "agreement", "facilitator",
    ]  # fmt: skip
    assert str.__eq__(Cause.KEPT, "kept") and json.dumps([Cause.BREAK, NewsDetail.SENT]) == '["break", "sent"]'


@pytest.mark.parametrize("seed", SEEDS)
def test_everything_the_engine_records_is_typed_and_survives_a_save_as_the_same_enums(seed: int) -> None:
    game = play_negotiating(negotiation_scenario(), seed)
    data = game.to_dict()
    assert {len(row) for row in data["history"]} == {9}
    restored = Game.from_dict(game.scenario, json.loads(json.dumps(data)))
    assert restored.to_dict() == data
    for state in (game.state, restored.state):
        assert all(type(c.cause) is Cause for c in state.history)
        assert all(type(n.kind) is NewsKind for n in state.news)
        assert all(type(p.status) is ProposalStatus for p in state.proposals)
        assert all(type(i.status) is ItemStatus for a in state.agreements for i in a.items)
        assert all(type(s.cause) is Cause for due in state.scheduled.values() for s in due)
    assert {Cause.ACTION, Cause.AGREEMENT} <= {c.cause for c in game.history}


def test_a_save_with_an_unknown_cause_is_refused() -> None:
    game = Game.new(rich_scenario(), 3)
    game.commit("a", "talk")
    game.resolve_turn()
    data = json.loads(json.dumps(game.to_dict()))
    data["history"][0][4] = "magic"
    with pytest.raises(ValueError, match="magic"):
        GameState.from_dict(data)


# --------------------------------------------------------------------- marks
def test_each_turn_records_where_its_news_actions_and_resolution_stages_began() -> None:
    """Rule: the news stage begins with the turn, the actions stage when the last choice is answered, the
    resolution when the turn is resolved; each mark holds the history and news counts at that moment."""
    sc = ranged_trust_scenario()
    game = Game.new(sc, 0)
    assert game.stage_start(1, Stage.NEWS) == Mark(1, Stage.NEWS, 0, 0)
    assert game.pending_choices() and game.stage_start(1, Stage.ACTIONS) is None  # still waiting for b's answer
    game.choose("b", "crisis", "shout")
    actions = game.stage_start(1, Stage.ACTIONS)
    assert actions == Mark(1, Stage.ACTIONS, len(game.history), len(game.state.news)) and actions.history == 1
    agreement = agree(game)
    game.break_agreement("a", agreement)
    game.commit("a", "warm")
    resolution_at = len(game.history)
    report = game.resolve_turn()
    resolution = game.stage_start(1, Stage.RESOLUTION)
    assert resolution is not None and resolution.history == resolution_at
    assert game.history[resolution.history : resolution.history + len(report.changes)] == list(report.changes)
    next_news = game.stage_start(2, Stage.NEWS)
    assert next_news is not None and next_news.history == resolution_at + len(report.changes)
    stages = [game.stage_of(i) for i in range(resolution_at)]
    assert stages == [Stage.NEWS] + [Stage.ACTIONS] * (resolution_at - 1)  # the answer, then the break's changes
    assert {game.history[i].cause for i in range(1, resolution_at)} == {Cause.BREAK}
    assert game.stage_start(2, Stage.RESOLUTION) is None and game.stage_start(5, Stage.NEWS) is None


@pytest.mark.parametrize("seed", SEEDS)
def test_in_every_game_the_stages_hold_what_the_rules_say_they_hold(seed: int) -> None:
    """News stage: events and answers of this turn; actions stage: agreements broken; resolution: the rest, and
    every effect falling due."""
    game = play_negotiating(negotiation_scenario(), seed)
    marks = game.marks()
    assert marks == sorted(marks, key=lambda m: (m.turn, list(Stage).index(m.stage)))
    assert [m.stage for m in marks[:3]] == [Stage.NEWS, Stage.ACTIONS, Stage.RESOLUTION]
    for index, change in enumerate(game.history):
        stage = game.stage_of(index)
        if stage is Stage.NEWS:
            assert change.cause in (Cause.EVENT, Cause.CHOICE) and not change.fell_due
        elif stage is Stage.ACTIONS:
            assert change.cause is Cause.BREAK and not change.fell_due
        else:
            assert stage is Stage.RESOLUTION
    for mark in marks:
        assert game.stage_start(mark.turn, mark.stage) == mark


def test_some_games_break_agreements_in_their_actions_stage() -> None:
    """(So that the test above covers the actions stage.)"""
    games = [play_negotiating(negotiation_scenario(), seed) for seed in SEEDS]
    assert any(g.stage_of(i) is Stage.ACTIONS for g in games for i in range(len(g.history)))


def test_marks_round_trip_through_saves_and_clones_and_older_saves_load_without_them() -> None:
    game = Game.new(ranged_trust_scenario(), 4)
    agree(game)
    game.resolve_turn()
    data = game.to_dict()
    assert [row[:2] for row in data["marks"]] == [[1, "news"], [1, "actions"], [1, "resolution"], [2, "news"],
                                                  [2, "actions"]]  # fmt: skip
    assert data["marks"] == [[m.turn, m.stage.value, m.history, m.news] for m in game.marks()]
    assert Game.from_dict(game.scenario, json.loads(json.dumps(data))).marks() == game.marks()
    copy = game.clone()
    copy.resolve_turn()
    assert len(copy.marks()) > len(game.marks()) == 5
    old = Game.from_dict(game.scenario, legacy(data))
    assert old.marks() == [] and old.stage_start(1, Stage.NEWS) is None and old.stage_of(0) is None
    old.resolve_turn()  # an older save plays on, and records stages from then on
    assert old.stage_start(2, Stage.RESOLUTION) is not None and old.stage_of(len(old.history) - 1) is Stage.RESOLUTION


# --------------------------------------------------------------------- since
@pytest.mark.parametrize("seed", SEEDS)
def test_every_change_says_the_turn_of_the_decision_that_made_it(seed: int) -> None:
    """Rule: an immediate change has ``since == turn``; a delayed or spread effect falls due with the turn it was
    decided in (its text still ends with `` (from turn N)`` for people)."""
    game = play_negotiating(negotiation_scenario(), seed)
    due = [c for c in game.history if c.fell_due]
    assert due, "the scenario has delayed and spread effects"
    for change in game.history:
        assert 1 <= change.since <= change.turn
        assert change.fell_due == (change.since < change.turn)
        assert change.text.endswith(f" (from turn {change.since})") == change.fell_due
    for turn, portions in game.state.scheduled.items():
        assert all(p.due == turn and 1 <= p.since < turn for p in portions)


def test_a_delayed_effect_remembers_its_turn_and_an_older_save_loads_with_it_unknown() -> None:
    sc = ranged_trust_scenario()
    game = Game.new(sc, 0)
    game.choose("b", "crisis", "calm")
    game.commit("b", "cool")
    game.resolve_turn()
    (waiting,) = game.state.scheduled[2]
    assert (waiting.cause, waiting.cause_id, waiting.since) == (Cause.ACTION, "cool", 1)
    old = Game.from_dict(sc, legacy(game.to_dict()))
    assert old.state.scheduled[2][0].since == 0 and {c.since for c in old.history} == {0}
    assert not any(c.fell_due for c in old.history)
    for copy, since in ((game, 1), (old, 0)):
        for pending in copy.pending_choices():
            copy.choose(pending.role, pending.event, "calm")
        copy.resolve_turn()
        fell = [c for c in copy.history if c.cause_id == "cool"]
        assert [(c.turn, c.since, c.delta) for c in fell] == [(2, since, -8.0)]
    assert Change(2, "t", 1.0, 2.0, Cause.ACTION, "warm", "a", "warm").since == 0  # rows built without it


# --------------------------------------------------------------------- origins
def test_cause_ids_are_looked_up_into_their_parts_never_split() -> None:
    sc = negotiation_scenario()
    game = Game.new(sc, 5)
    for pending in game.pending_choices():
        game.choose(pending.role, pending.event, "escalate")
    game.propose("a", "b", ("visit",))
    game.respond("b", "p1", True)
    game.resolve_turn()
    assert game.origin(Cause.CHOICE, "crisis.escalate") == Origin(Cause.CHOICE, "crisis", "escalate")
    assert game.origin(Cause.AGREEMENT, "a1.visit") == Origin(Cause.AGREEMENT, "a1", "visit")
    assert game.origin(Cause.KEPT, "a1.visit") == Origin(Cause.KEPT, "a1", "visit")
    assert game.origin(Cause.ACTION, "talk") == Origin(Cause.ACTION, "talk", "")
    assert game.origin(Cause.CHOICE, "gone.away") == Origin(Cause.CHOICE, "gone.away", "")  # an id no longer known
    kept = next(n for n in game.state.news if n.kind is NewsKind.AGREEMENT and n.detail == ItemStatus.IMPLEMENTED)
    assert game.origin(Cause.KEPT, kept.id) == Origin(Cause.KEPT, "a1", "visit")
    for change in game.history:
        origin = game.origin(change.cause, change.cause_id)
        if change.cause in (Cause.CHOICE, Cause.AGREEMENT, Cause.KEPT):
            assert origin.part, change


def test_the_terminal_names_an_implemented_item_from_the_engine_s_lookup() -> None:
    from game.text.deals import news_lines

    game = Game.new(negotiation_scenario(), 5)
    agree(game, ("visit",))
    game.resolve_turn()
    lines = " ".join(news_lines(game, game.state.news, "a", 1))
    assert "Agreement 1 made: visit (by you)." in lines and "Implemented: visit, by you (agreement 1)." in lines


# --------------------------------------------------------------------- the cost of breaking
def test_the_break_forecast_keeps_trust_within_the_trust_indicator_s_range_as_the_engine_does() -> None:
    """31 - 20 would be 11, but trust cannot fall below the indicator's 20: the forecast says 31 -> 20, and the
    break does exactly that."""
    game = Game.new(ranged_trust_scenario(), 0)
    agreement = agree(game)
    cost = game.forecast_break("a", agreement)
    assert isinstance(cost, BreakForecast)
    assert (cost.trust_before, cost.trust_after, cost.low, cost.high) == (31.0, 20.0, 20.0, 100.0)
    assert (cost.indicator, cost.other, cost.cancelled, cost.event) == ("t", "b", ("fund",), None)
    assert cost.trust_change == -11.0
    assert [(i.indicator, i.delta, i.immediate) for i in cost.effects.items] == [("x", -6.0, True)]
    x = game.value("x")
    game.break_agreement("a", agreement)
    assert game.value("t") == cost.trust_after and game.value("x") == x + cost.effects.items[0].delta
    with pytest.raises(NegotiationError):
        game.forecast_break("a", agreement)  # nothing left to break


def test_the_break_forecast_of_a_pair_s_own_trust_and_its_refusals() -> None:
    sc = negotiation_scenario()  # trust_a_b, 0..100 from 45; breaking costs 20 and brings on "boom"
    game = Game.new(sc, 2)
    agreement = agree(game, ("visit",))
    cost = game.forecast_break("a", agreement)
    assert (cost.indicator, cost.trust_before, cost.trust_after, cost.low) == ("trust_a_b", 45.0, 25.0, 0.0)
    assert cost.event == "boom"
    with pytest.raises(NegotiationError, match="nothing left"):
        game.forecast_break("b", agreement)
    before = game.to_dict()
    game.forecast_break("a", agreement)
    assert game.to_dict() == before  # a forecast changes nothing


def test_the_terminal_states_the_engine_s_break_cost() -> None:
    from game.text.deals import break_cost_lines

    game = Game.new(ranged_trust_scenario(), 0)
    agreement = game.agreement(agree(game))
    text = " ".join(break_cost_lines(game, "a", agreement))
    assert "Trust between you and b falls by 11: 31 -> 20." in text
    assert "Relations cost, at once: x -6." in text


def test_the_desktop_states_the_engine_s_break_cost() -> None:
    from game.engine import localize
    from game.ui.screens.negotiate import add_break_cost
    from game.ui.theme import palette
    from game.ui.widgets import Document

    game = Game.new(ranged_trust_scenario(), 0)
    agreement = game.agreement(agree(game))
    screen: Any = SimpleNamespace(palette=palette("standard"), game=game, role="a", say=localize,
                                  match=SimpleNamespace(role_name=lambda role: role.upper()),
                                  good_for_me=lambda indicator: "high")  # fmt: skip
    doc = Document(lambda size, bold: None, lambda value: int(value))  # type: ignore[arg-type,return-value]
    add_break_cost(doc, screen, agreement)
    text = " ".join(text for block in doc.blocks for text, _, _ in block.runs)
    assert "falls by 11" in text and "31 to 20 (of 100)" in text
    assert "11 (of" not in text


# --------------------------------------------------------------------- the past
@pytest.mark.parametrize("seed", SEEDS)
def test_the_value_of_anything_at_any_turn_is_what_the_game_held(seed: int) -> None:
    sc = ranged_trust_scenario()
    game, ends = play_random(sc, seed)
    last = max(ends)
    by_turn = game.values_by_turn()
    assert set(by_turn) == set(game.state.values)
    for name in game.state.values:
        series = game.value_series(name)
        assert series == by_turn[name] and len(series) == last + 1
        for turn, real in ends.items():
            assert game.value_at(name, turn) == series[turn] == real[name]
    for turn, real in ends.items():
        assert game.values_at(turn) == real
    assert min(game.value_series("t")) >= 20.0  # within the trust indicator's own range
    assert game.values_after(len(game.history)) == game.state.values
    assert game.values_after_each([0, len(game.history)]) == [ends[0], game.state.values]
    with pytest.raises(KeyError):
        game.value_series("nothing")


def test_the_board_s_baseline_is_the_value_when_last_turn_s_resolution_began() -> None:
    from game.table import Match, baseline_values
    from game.ui.screens.wording import turn_values

    sc = ranged_trust_scenario()
    game = Game.new(sc, 0)
    game.choose("b", "crisis", "shout")  # t 31 -> 28 in the news stage
    game.commit("a", "warm")  # t 28 -> 38 at the resolution
    report = game.resolve_turn()
    baseline = baseline_values(Match.around(game, {}))
    assert baseline["t"] == 28.0 and report.changes[0].before == 28.0
    assert turn_values(game)["t"][:2] == [31.0, game.value_at("t", 1)]
    old = Game.from_dict(sc, legacy(game.to_dict()))  # no marks: the report says where the resolution began
    old_match = Match.around(old, {})
    old_match.reports.append(report)
    assert baseline_values(old_match) == baseline


# --------------------------------------------------------------------- the debrief reads structure
@pytest.mark.parametrize("seed", range(6))
def test_the_debrief_never_reads_the_wording_of_causes(seed: int) -> None:
    game = play_negotiating(negotiation_scenario(), seed)
    report = debrief(game, "b", "a")
    assert report.stances and any(p.shifts for p in report.willingness)
    reworded = Game.from_dict(game.scenario, game.to_dict())
    reworded.state.history = [c._replace(text=f"words (from turn {c.turn + 7})") for c in reworded.history]
    assert debrief(reworded, "b", "a") == report


@pytest.mark.parametrize("seed", range(6))
def test_proposal_moments_from_marks_match_those_found_in_an_older_save_without_them(seed: int) -> None:
    game = play_negotiating(negotiation_scenario(), seed)
    old = Game.from_dict(game.scenario, legacy(game.to_dict()))
    proposals = game.state.proposals
    assert proposals
    assert old.proposal_moments(proposals) == game.proposal_moments(proposals)
