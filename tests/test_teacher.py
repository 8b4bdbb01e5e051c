"""The teacher's console over a match (``game.table.teacher``): every control works, is recorded, survives a save,
and the controls that change the game are in the command log so a replay rebuilds them. Undo restores the exact
state."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from game.content.loader import load_scenario
from game.engine import Cause, NewsKind, Phase, RulesError, Termination
from game.paths import DEFAULT_SCENARIO
from game.persistence import load_match, save_match
from game.table import PERSON, Match, TableError, replay
from game.table import teacher as console
from game.table.facilitation import InterventionKind
from game.table.log import command_from_json, command_to_json
from tests.test_match_saves import person_turn

SCENARIO = load_scenario(DEFAULT_SCENARIO)


def start(persons: tuple[str, ...] = ("us",), seed: int = 7) -> Match:
    return Match.start(SCENARIO, dict.fromkeys(persons, PERSON), seed, scenario_path=str(DEFAULT_SCENARIO))


def kinds(match: Match) -> list[InterventionKind]:
    return [i.kind for i in match.teacher.interventions]


def test_adjust_is_a_change_caused_by_the_teacher_with_the_reason() -> None:
    match = start()
    before = match.game.value("relations")
    change = console.adjust(match, "relations", before + 10, "The class agreed the summit went well")
    assert (change.indicator, change.before, change.after) == ("relations", before, before + 10)
    assert change.cause is Cause.FACILITATOR and "The class agreed the summit went well" in change.text
    assert match.game.history[-1] == change and match.game.value("relations") == before + 10
    assert kinds(match) == [InterventionKind.ADJUST]
    assert "The class agreed" in match.teacher.interventions[0].detail
    assert [e.by for e in match.log][-1] == "teacher"


def test_an_adjustment_is_clamped_and_refused_without_a_reason_or_for_a_hidden_flag() -> None:
    match = start()
    top = SCENARIO.indicator("relations").max
    assert console.adjust(match, "relations", top + 500, "ceiling").after == top
    with pytest.raises(RulesError, match="reason"):
        console.adjust(match, "relations", 1, "   ")
    with pytest.raises(RulesError, match="already"):
        console.adjust(match, "relations", top, "same again")
    with pytest.raises(KeyError):
        console.adjust(match, "no_such_thing", 3, "x")
    hidden = [i.id for i in SCENARIO.indicators if i.hidden]
    for name in hidden[:1]:
        with pytest.raises(RulesError, match="hidden"):
            console.adjust(match, name, 1, "x")
    assert kinds(match) == [InterventionKind.ADJUST]


def test_an_injected_event_fires_at_the_next_news() -> None:
    match = start()
    event = next(e.id for e in SCENARIO.events if e.at_turn is None and not e.choices)
    console.inject(match, event)
    with pytest.raises(RulesError, match="already"):
        console.inject(match, event)
    turn = match.game.turn
    person_turn(match, random.Random(1))
    fired = [n.id for n in match.game.state.news if n.turn == turn + 1 and n.kind is NewsKind.EVENT]
    assert event in fired
    assert kinds(match) == [InterventionKind.INJECT]


def test_end_now_computes_the_ending_from_the_state_as_it_stands() -> None:
    match = start()
    person_turn(match, random.Random(2))
    console.end_now(match)
    outcome = match.game.outcome
    assert match.game.is_over() and outcome is not None
    assert outcome.termination is Termination.STOPPED and outcome.turn == 2
    assert outcome.ending in {e.id for e in SCENARIO.endings}
    assert match.decision() is None
    with pytest.raises(RulesError):
        console.end_now(match)


def test_pause_refuses_the_seats_commands_until_resumed() -> None:
    match = start()
    console.pause(match)
    decision = match.decision()
    assert decision is not None
    with pytest.raises(TableError, match="paused by the teacher"):
        match.apply(decision.role, decision.options[-1])
    console.resume(match)
    match.apply(decision.role, decision.options[-1])
    assert kinds(match) == [InterventionKind.PAUSE, InterventionKind.RESUME]


def test_time_up_ends_the_turn_with_what_was_committed() -> None:
    match = start(("us", "cambodia"))
    console.set_timer(match, 120)
    assert match.teacher.turn_seconds == 120
    while (decision := match.decision()) is not None and decision.kind.value == "choose":
        match.apply(decision.role, decision.options[0])
    assert decision is not None and decision.kind.value == "act"
    action = next(a for a in match.game.legal_actions(decision.role))
    match.apply(decision.role, next(c for c in decision.options if getattr(c, "action", "") == action.id))
    console.more_time(match, 30)
    turn = match.game.turn
    results = console.time_up(match)
    assert match.game.turn == turn + 1
    assert any(n.id == action.id for n in match.game.state.news if n.turn == turn and n.kind is NewsKind.ACTION)
    assert type(results[-1]).__name__ == "TurnResolved"
    assert kinds(match) == [InterventionKind.TIMER, InterventionKind.MORE_TIME, InterventionKind.TIME_UP]
    with pytest.raises(ValueError):
        console.set_timer(match, 3)


@pytest.mark.parametrize("persons", [("us",), ("us", "cambodia")], ids=["one person", "hot-seat"])
def test_undo_restores_the_exact_state_and_the_game_plays_on_identically(persons: tuple[str, ...]) -> None:
    match = start(persons, seed=11)
    rng = random.Random(5)
    person_turn(match, rng)
    person_turn(match, rng)
    assert match.game.turn == 3
    snapshot = json.dumps(match.game.to_dict(), sort_keys=True)
    log_length = len(match.log)
    state = rng.getstate()
    person_turn(match, rng)  # turn 3 played
    person_turn(match, rng)  # turn 4 played
    after = json.dumps(match.to_dict()["game"], sort_keys=True)
    console.undo(match)  # from the start of turn 5: the last turn (4) is undone
    assert match.game.turn == 4
    console.undo(match)
    assert match.game.turn == 3
    assert json.dumps(match.game.to_dict(), sort_keys=True) == snapshot
    assert len(match.log) == log_length
    rng.setstate(state)
    person_turn(match, rng)
    person_turn(match, rng)
    assert json.dumps(match.game.to_dict(), sort_keys=True) == after
    assert replay(match).reproduced
    assert kinds(match) == [InterventionKind.UNDO, InterventionKind.UNDO]


def test_there_is_nothing_to_undo_in_the_first_turn() -> None:
    match = start()
    assert console.undo_target(match) is None
    with pytest.raises(TableError, match="no turn to undo"):
        console.undo(match)


def test_undo_after_the_end_goes_back_to_the_last_turn_played() -> None:
    match = start()
    rng = random.Random(3)
    while not match.game.is_over():
        person_turn(match, rng)
    last = match.game.turn
    console.undo(match)
    assert not match.game.is_over() and match.game.turn == last
    assert match.decision() is not None


def test_the_console_is_in_the_log_the_replay_and_the_save(tmp_path: Path) -> None:
    match = start(("us",), seed=4)
    rng = random.Random(9)
    console.set_pin(match, "2468")
    console.adjust(match, "relations", 12, "a class vote")
    event = next(e.id for e in SCENARIO.events if e.at_turn is None)
    console.inject(match, event)
    console.reveal(match)
    person_turn(match, rng)
    person_turn(match, rng)
    console.undo(match)
    person_turn(match, rng)
    console.end_now(match)
    assert replay(match).reproduced
    path = tmp_path / "class.json"
    save_match(match, path, "Class")
    restored = load_match(path)
    assert restored.to_dict() == match.to_dict()
    assert restored.teacher.interventions == match.teacher.interventions
    assert console.pin_ok(restored, "2468") and not console.pin_ok(restored, "1111")
    assert '"2468"' not in path.read_text()
    assert replay(restored).reproduced
    teacher_rows = [e for e in restored.log if e.by == "teacher"]
    assert [type(e.command).__name__ for e in teacher_rows] == ["Adjust", "Inject", "EndNow"]
    for entry in teacher_rows:
        assert command_from_json(command_to_json(entry.command)) == entry.command


def test_a_pin_is_four_to_eight_digits() -> None:
    match = start()
    assert console.pin_ok(match, "anything")
    with pytest.raises(ValueError):
        console.set_pin(match, "12")
    with pytest.raises(ValueError):
        console.set_pin(match, "abcd")


def test_time_up_is_refused_while_the_news_waits_for_an_answer() -> None:
    match = start(("us", "cambodia"), seed=1)
    rng = random.Random(1)
    for _ in range(12):
        if match.game.phase is Phase.NEWS:
            with pytest.raises(TableError, match="news"):
                console.time_up(match)
            return
        person_turn(match, rng)
    pytest.skip("no choice came up in these turns")


def test_the_replay_prints_what_the_teacher_did(tmp_path: Path) -> None:
    import io

    from game.text.replay import run_replay

    match = start(("us",), seed=4)
    rng = random.Random(2)
    console.pause(match)
    console.resume(match)
    console.adjust(match, "relations", match.game.value("relations") + 5, "a class vote")
    person_turn(match, rng)
    console.adjust(match, "relations", match.game.value("relations") + 1, "taken back later")
    person_turn(match, rng)
    console.undo(match)
    console.end_now(match)
    path = tmp_path / "class.json"
    save_match(match, path, "Class")
    out, err = io.StringIO(), io.StringIO()
    assert run_replay(path, out, err) == 0, err.getvalue()
    text = out.getvalue()
    assert "The teacher (pause): The teacher paused the game" in text
    assert "The teacher (teacher): sets" in text and "a class vote" in text
    assert "undone with it: The teacher set" in text and "taken back later" in text
    assert "ended by the teacher" in text and "Replay: reproduced" in text
