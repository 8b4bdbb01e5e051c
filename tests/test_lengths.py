"""Shorter games: the scenario of a length, ``--turns N``, saves of a shortened game, and a file whose ``turns`` a
modder lowered by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_cli import no_traceback, run, run_env
from test_loader import BASE, edit, place

from game.content.loader import load_scenario, load_scenario_text
from game.content.problems import Problem, ScenarioError
from game.engine import LengthError, Scenario, of_length
from game.engine.lengths import check_turns, length_fingerprint, map_turn
from game.paths import DEFAULT_SCENARIO
from game.persistence import load_match, save_match
from game.saves import SaveError
from game.table import Match, Seat

COMPUTERS = {"us": Seat("beginner"), "cambodia": Seat("beginner")}


def events(scenario: Scenario) -> dict[str, tuple[int | None, int, int | None]]:
    """Event id -> (at_turn, first turn of the window, last turn of the window)."""
    return {e.id: (e.at_turn, e.first_turn, e.last_turn) for e in scenario.events}


def shortened_copy(tmp_path: Path, turns: int = 8) -> Path:
    """A copy of the default scenario whose ``turns`` a modder lowered by hand (nothing else changed)."""
    text = DEFAULT_SCENARIO.read_text(encoding="utf-8")
    assert "\nturns: 12\n" in text
    path = tmp_path / "short.yaml"
    path.write_text(text.replace("\nturns: 12\n", f"\nturns: {turns}\n"), encoding="utf-8")
    return path


# --------------------------------------------------------------------------- the scenario of a length


def test_map_turn_keeps_the_first_and_last_turn_and_rounds_half_up() -> None:
    assert [map_turn(t, 12, 8) for t in (1, 3, 4, 10, 11, 12)] == [1, 2, 3, 7, 7, 8]
    assert map_turn(2, 3, 2) == 2  # 1.5 rounds up
    assert map_turn(5, 1, 1) == 1


def test_the_default_lesson_game_keeps_the_story_and_its_dates(scenario: Scenario) -> None:
    short = of_length(scenario, 8)
    assert (short.id, short.turns) == (scenario.id, 8)
    assert short.calendar.months_per_turn == 3 and short.calendar.record_until == 3
    assert short.calendar.label(3) == "Jul 2023" and short.calendar.end_label(8) == "Dec 2024"
    moved = events(short)
    # Placed by hand: the election and the new prime minister stay in July-September 2023.
    assert moved["general_election"][0] == moved["leadership_transition"][0] == 3
    assert moved["new_ambassador"][0] == 1
    assert moved["gsp_review"][1:] == (4, 7) and moved["trade_talks"][1:] == (4, 7)
    # Mapped at both ends from the full game's windows.
    assert moved["scs_incident"][1:] == (2, 8) and moved["media_outlet_closed"][1:] == (2, 5)
    assert short.score_reference is not None and short.score_reference != scenario.score_reference
    assert short.lengths == ()


def test_a_length_the_file_does_not_offer_is_mapped_proportionally(scenario: Scenario) -> None:
    short = of_length(scenario, 6)
    moved = events(short)
    assert moved["general_election"][0] == 2  # turn 3 of 12 -> 1 + 2 * 5 / 11 = 1.9 -> 2
    assert moved["gsp_review"][1:] == (2, 6)  # [4, 11] -> [2.4, 5.5] -> [2, 6]
    assert short.calendar.months_per_turn == 6  # 12 turns of 3 months: the same 36 months in 6 turns
    assert short.calendar.record_until == 2
    assert short.score_reference is None  # none measured for 6 turns: the game works one out itself


def test_a_length_has_a_deterministic_fingerprint_of_its_own(scenario: Scenario) -> None:
    again = load_scenario(DEFAULT_SCENARIO)
    assert of_length(scenario, 8).fingerprint == of_length(again, 8).fingerprint
    fingerprints = {scenario.fingerprint, *(of_length(scenario, n).fingerprint for n in (3, 6, 8, 11))}
    assert len(fingerprints) == 5
    assert of_length(scenario, 8).fingerprint == length_fingerprint(scenario.fingerprint, 8)
    assert of_length(scenario, 12) is scenario


@pytest.mark.parametrize("turns", [0, 2, 13, 100])
def test_a_length_outside_three_to_the_full_game_is_refused(scenario: Scenario, turns: int) -> None:
    with pytest.raises(LengthError, match=f"3 to 12 turns, not {turns}"):
        of_length(scenario, turns)


def test_an_offered_length_shorter_than_three_turns_is_allowed(tmp_path: Path) -> None:
    text = DEFAULT_SCENARIO.read_text(encoding="utf-8").replace(
        "\nlengths:\n", "\nlengths:\n  - turns: 2\n    name: Taster\n", 1
    )
    offered = load_scenario_text(text, "taster.yaml")
    check_turns(offered, 2)
    assert of_length(offered, 2).turns == 2


def test_an_eight_turn_game_of_computer_seats_ends_at_turn_eight(scenario: Scenario) -> None:
    match = Match.start(of_length(scenario, 8), COMPUTERS, 5)
    assert match.is_over()
    last = match.reports[-1].turn
    outcome = match.game.state.outcome
    assert outcome is not None
    early = scenario.ending(outcome.ending).early
    assert last == 8 or (early and last < 8)
    assert all(report.turn <= 8 for report in match.reports)


def test_several_eight_turn_games_end_at_turn_eight_and_use_the_lesson_calendar(scenario: Scenario) -> None:
    short = of_length(scenario, 8)
    ends = set()
    for seed in range(4):
        match = Match.start(short, COMPUTERS, seed)
        ends.add(match.reports[-1].turn)
        assert match.turn_label.startswith(f"Turn {match.game.turn} of 8")
    assert 8 in ends and max(ends) == 8


# --------------------------------------------------------------------------- saves


def test_a_shortened_game_saves_and_loads_as_the_same_length(scenario: Scenario, tmp_path: Path) -> None:
    short = of_length(scenario, 8)
    match = Match.start(short, {"us": Seat("person"), "cambodia": Seat("beginner")}, 9,
                        scenario_path=str(DEFAULT_SCENARIO))  # fmt: skip
    path = tmp_path / "save.json"
    save_match(match, path, "Lesson")
    saved = json.loads(path.read_text())
    assert saved["session"]["turns"] == 8 and saved["scenario"]["fingerprint"] == short.fingerprint
    loaded = load_match(path)
    assert loaded.scenario.turns == 8 and loaded.scenario.fingerprint == short.fingerprint
    assert events(loaded.scenario) == events(short)


def test_an_old_save_without_a_length_loads_as_the_full_game(scenario: Scenario, tmp_path: Path) -> None:
    match = Match.start(scenario, {"us": Seat("person"), "cambodia": Seat("beginner")}, 9,
                        scenario_path=str(DEFAULT_SCENARIO))  # fmt: skip
    path = tmp_path / "old.json"
    save_match(match, path, "Old")
    data = json.loads(path.read_text())
    del data["session"]["turns"]
    path.write_text(json.dumps(data))
    assert load_match(path).scenario.turns == 12


def test_a_save_whose_length_does_not_fit_is_refused_with_a_message(scenario: Scenario, tmp_path: Path) -> None:
    match = Match.start(scenario, {"us": Seat("person"), "cambodia": Seat("beginner")}, 9,
                        scenario_path=str(DEFAULT_SCENARIO))  # fmt: skip
    path = tmp_path / "bad.json"
    save_match(match, path, "Bad")
    data = json.loads(path.read_text())
    for turns, message in ((40, "no longer fits"), ("8", "damaged")):
        data["session"]["turns"] = turns
        path.write_text(json.dumps(data))
        with pytest.raises(SaveError, match=message):
            load_match(path)


# --------------------------------------------------------------------------- a modder lowers turns by hand


def test_a_copy_with_turns_lowered_by_hand_loads_with_warnings_and_plays_to_its_end(tmp_path: Path) -> None:
    warnings: list[Problem] = []
    short = load_scenario(shortened_copy(tmp_path), warnings=warnings)
    assert short.turns == 8
    assert all(e.last_turn is None or e.last_turn <= 8 for e in short.events)
    assert events(short)["gsp_review"][1:] == (4, 8)  # [4, 11]: its end read as the last turn
    assert short.lengths == ()  # its 8-turn length is no longer shorter than the game: left out
    texts = [w.format() for w in warnings]
    assert all(": warning: " in text for text in texts)
    assert any("window end 11 is after the last turn: read as 8" in text for text in texts)
    assert any("a length of 8 turns is not shorter than the full game" in text for text in texts)
    match = Match.start(short, COMPUTERS, 2)
    assert match.is_over() and match.reports[-1].turn <= 8


def test_scripted_turns_and_record_after_the_last_turn_are_read_as_the_last(tmp_path: Path) -> None:
    warnings: list[Problem] = []
    short = load_scenario(shortened_copy(tmp_path, turns=2), warnings=warnings)
    assert events(short)["general_election"][0] == 2 and short.calendar.record_until == 2
    assert events(short)["alumni_appointment"][1:] == (2, 2)  # [5, 12], all of it after the end
    assert any("at_turn 3 is after the last turn: read as 2" in w.message for w in warnings)


def test_validate_prints_the_warnings_and_says_ok(tmp_path: Path) -> None:
    result = run("validate", str(shortened_copy(tmp_path)))
    assert result.returncode == 0 and no_traceback(result)
    assert "warning: window end 12 is after the last turn: read as 8" in result.stdout
    assert result.stdout.rstrip().splitlines()[-1].endswith("5 endings)")


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("  - turns: 6\n    name: A\n    at_turn: {no_such_event: 2}\n", "unknown event 'no_such_event'"),
        ("  - turns: 6\n    name: A\n    at_turn: {floods: 2}\n", "event 'floods' is drawn at random"),
        (
            "  - turns: 6\n    name: A\n    windows: {general_election: [1, 2]}\n",
            "event 'general_election' is scripted",
        ),
        ("  - turns: 6\n    name: A\n    windows: {floods: [2, 7]}\n", "window end 7 is after the last turn"),
        ("  - turns: 6\n    name: A\n    windows: {floods: [4, 2]}\n", "window [4, 2] ends before it starts"),
        ("  - turns: 6\n    name: A\n    at_turn: {new_ambassador: 9}\n", "turn 9 is after the last turn"),
        ("  - turns: 6\n    name: A\n    record_until: 7\n", "record_until 7 is after the last turn of this length"),
        ("  - turns: 8\n    name: Again\n", "a length of 8 turns is already offered"),
    ],
)
def test_mistakes_in_a_length_are_errors_with_positions(entry: str, message: str) -> None:
    text = DEFAULT_SCENARIO.read_text(encoding="utf-8").replace("\nlengths:\n", "\nlengths:\n" + entry, 1)
    with pytest.raises(ScenarioError) as caught:
        load_scenario_text(text, "bad.yaml")
    problems = caught.value.problems
    assert len(problems) == 1 and message in problems[0].message and problems[0].line > 0


# --------------------------------------------------------------------------- the command line


@pytest.mark.parametrize(("command", "turns"), [("text", "2"), ("text", "13"), ("play", "0"), ("play", "40")])
def test_a_bad_number_of_turns_is_one_line_and_exit_2(home: Path, command: str, turns: str) -> None:
    result = run_env({"COMMON_GROUND_HOME": str(home)}, command, "--turns", turns)
    assert result.returncode == 2 and no_traceback(result)
    assert (
        result.stderr.strip()
        == f"common-ground: error: --turns: a game of this scenario lasts 3 to 12 turns, not {turns}"
    )


def test_continue_takes_no_turns(home: Path) -> None:
    result = run_env({"COMMON_GROUND_HOME": str(home)}, "text", "--continue", "--turns", "8")
    assert result.returncode == 2 and "leave out" in result.stderr and "--turns" in result.stderr


def test_text_plays_an_eight_turn_game_that_saves_continues_and_replays(home: Path) -> None:
    env = {"COMMON_GROUND_HOME": str(home)}
    first = run_env(env, "text", "--turns", "8", "--role", "us", "--seed", "3", stdin="1\ne\n" * 3)
    assert first.returncode == 0 and no_traceback(first)
    assert "=== Turn 1 of 8" in first.stdout
    autosave = home / "data" / "saves" / "autosave.json"
    assert json.loads(autosave.read_text())["session"]["turns"] == 8
    rest = run_env(env, "text", "--continue", stdin="1\n2\ne\n" * 40)
    assert rest.returncode == 0 and no_traceback(rest)
    assert "=== Turn 8 of 8" in rest.stdout and "of 12" not in rest.stdout and "=== Turn 9" not in rest.stdout
    replayed = run_env(env, "replay", str(autosave))
    assert replayed.returncode == 0 and replayed.stdout.rstrip().endswith("Replay: reproduced")
    assert "=== Turn 8 (Oct 2024) ===" in replayed.stdout and "Turn 9" not in replayed.stdout


def test_play_autoplays_an_eight_turn_game_to_its_end(home: Path, tmp_path: Path) -> None:
    shot = tmp_path / "end.png"
    args = ("play", "--turns", "8", "--autoplay", "--seed", "4", "--size", "1280x720", "--screenshot", str(shot))
    result = run_env({"COMMON_GROUND_HOME": str(home)}, *args, timeout=300)
    assert result.returncode == 0 and no_traceback(result)
    assert shot.is_file()
    autosave = json.loads((home / "data" / "saves" / "autosave.json").read_text())
    assert autosave["session"]["turns"] == 8 and autosave["turn"] <= 8


def test_simulate_plays_games_of_the_chosen_length(home: Path) -> None:
    result = run_env({"COMMON_GROUND_HOME": str(home)}, "simulate", "--turns", "8", "--games", "5",
                     "--policy", "us=standard", "--policy", "cambodia=standard")  # fmt: skip
    assert result.returncode == 0 and no_traceback(result)
    assert "5 games, seed 0" in result.stdout and "40 turns in" in result.stdout


def test_reference_for_a_length_prints_the_block_but_does_not_write_it(home: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.yaml"
    copy.write_text(DEFAULT_SCENARIO.read_text(encoding="utf-8"), encoding="utf-8")
    result = run_env({"COMMON_GROUND_HOME": str(home)}, "reference", str(copy), "--turns", "8", "--write")
    assert result.returncode == 2 and no_traceback(result)
    assert "paste the block printed for --turns" in result.stderr
    assert copy.read_text(encoding="utf-8") == DEFAULT_SCENARIO.read_text(encoding="utf-8")
    bad = run_env({"COMMON_GROUND_HOME": str(home)}, "simulate", "--turns", "1")
    assert bad.returncode == 2 and "--turns: a game of this scenario lasts 3 to 12 turns, not 1" in bad.stderr


@pytest.mark.parametrize(
    ("change", "message", "marker"),
    [
        (("at_turn: 2", "at_turn: 9"), "at_turn 9 is after the last turn: read as 5", ("at_turn: 9", "9")),
        (
            ("    at_turn: 2\n", "    window: [2, 9]\n"),
            "window end 9 is after the last turn: read as 5",
            ("window: [2, 9]", "9"),
        ),
    ],
)
def test_turns_after_the_last_are_warnings_at_their_place(
    change: tuple[str, str], message: str, marker: tuple[str, str]
) -> None:
    text = edit(BASE, change)
    warnings: list[Problem] = []
    load_scenario_text(text, "test.yaml", warnings=warnings)
    assert [w.message for w in warnings] == [message]
    assert (warnings[0].line, warnings[0].col) == place(text, *marker)
    assert warnings[0].hint.startswith("the scenario has 5 turns")
    assert warnings[0].format().startswith(f"test.yaml:{warnings[0].line}:{warnings[0].col}: warning: ")
