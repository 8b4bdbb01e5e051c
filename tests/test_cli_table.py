"""Seats, saves and replay from the command line, run as a user runs them (``python main.py ...`` in a subprocess):
``text --seat``, ``text --continue`` and ``replay``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_cli import no_traceback, run_env

from game.content.loader import load_scenario
from game.paths import DEFAULT_SCENARIO

#: Enter at each privacy line, the first choice of each event, then end the turn; repeated.
TWO_PEOPLE = "\n".join(["", "1", "e"] * 300) + "\n"


def autosave(home: Path) -> Path:
    return home / "data" / "saves" / "autosave.json"


def test_two_people_play_a_whole_game_in_the_terminal_with_a_privacy_line_before_each_part(home: Path) -> None:
    result = run_env({"COMMON_GROUND_HOME": str(home)}, "text", "--seat", "us=person", "--seat", "cambodia=person",
                     "--seed", "4", stdin=TWO_PEOPLE)  # fmt: skip
    out = result.stdout
    assert result.returncode == 0 and no_traceback(result)
    assert out.count("Pass to United States.") >= 12 and out.count("Pass to Cambodia.") >= 12
    assert "The turn is over: everybody may look at the review." in out
    assert "Every side's private objectives:" in out and "Thanks for playing." in out
    # Each person's objectives are printed once, after their own privacy line, until the end reveals both.
    first_us, first_kh = out.index("Pass to United States."), out.index("Pass to Cambodia.")
    us_objectives = out.index("Your private objectives", first_us)
    kh_objectives = out.index("Your private objectives", first_kh)
    assert first_us < us_objectives < first_kh < kh_objectives


def test_the_terminal_saves_every_turn_and_continue_picks_the_game_up(home: Path) -> None:
    env = {"COMMON_GROUND_HOME": str(home)}
    first = run_env(env, "text", "--role", "cambodia", "--seed", "8", stdin="1\ne\n1\ne\n1\ne\n")
    assert first.returncode == 0 and no_traceback(first)
    saved = json.loads(autosave(home).read_text())
    assert saved["roles"] == {"us": "standard", "cambodia": "person"}
    turn = saved["turn"]
    assert turn >= 2
    later = run_env(env, "text", "--continue", stdin="1\ne\n" * 3)
    assert later.returncode == 0 and no_traceback(later)
    assert "Continuing: Cambodia and the United States" in later.stdout
    assert f"=== Turn {turn} of 12" in later.stdout
    assert json.loads(autosave(home).read_text())["turn"] > turn


def test_continue_without_a_save_says_so(home: Path) -> None:
    result = run_env({"COMMON_GROUND_HOME": str(home)}, "text", "--continue")
    assert result.returncode == 2 and no_traceback(result)
    assert "no saved game to continue" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--seat", "us"), "expected ROLE=WHO"),
        (("--seat", "us=genius"), "unknown player 'genius'"),
        (("--seat", "mars=person"), "unknown role 'mars'"),
    ],
)
def test_bad_seats_are_usage_errors(home: Path, args: tuple[str, ...], message: str) -> None:
    result = run_env({"COMMON_GROUND_HOME": str(home)}, "text", *args)
    assert result.returncode == 2 and no_traceback(result) and message in result.stderr


def test_replay_prints_the_game_and_says_it_reproduced(home: Path) -> None:
    env = {"COMMON_GROUND_HOME": str(home)}
    played = run_env(env, "text", "--seat", "us=person", "--seat", "cambodia=beginner", "--seed", "5",
                     stdin="1\n2\ne\n" * 40)  # fmt: skip
    assert played.returncode == 0
    result = run_env(env, "replay", str(autosave(home)))
    assert result.returncode == 0 and no_traceback(result)
    out = result.stdout
    assert "United States: person" in out and "Cambodia: computer (Beginner)" in out
    assert "=== Turn 1 (Jan 2023) ===" in out and "United States (person): " in out and "Cambodia (computer): " in out
    assert out.rstrip().endswith("Replay: reproduced")


def test_replay_of_a_tampered_save_says_where_it_diverged(home: Path) -> None:
    env = {"COMMON_GROUND_HOME": str(home)}
    run_env(env, "text", "--role", "us", "--seed", "6", stdin="1\n2\ne\n" * 40)
    path = autosave(home)
    data = json.loads(path.read_text())
    log = data["session"]["log"]
    # The log holds the commands in order, each turn closed by its resolution ("end_turn").
    turn_of = [1 + sum(r["type"] == "end_turn" for r in log[:i]) for i in range(len(log))]
    # Take out a commit of turn 2 whose action changes something at once, so turn 2 itself comes out differently.
    scenario = load_scenario(DEFAULT_SCENARIO)
    at_once = {a.id for a in scenario.actions if any(e.delay == 0 for e in a.effects)}
    index = next(i for i, row in enumerate(log)
                 if turn_of[i] == 2 and row["type"] == "commit" and row["action"] in at_once)  # fmt: skip
    del log[index]
    path.write_text(json.dumps(data))
    result = run_env(env, "replay", str(path))
    assert result.returncode == 1 and no_traceback(result)
    assert "Replay: diverged at turn 2" in result.stdout


@pytest.mark.parametrize("content", ["", "{}", "[1, 2]", '{"kind": "common-ground-save"}', "\u0000\u0001"])
def test_replay_refuses_bad_files_with_a_message(home: Path, tmp_path: Path, content: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content)
    result = run_env({"COMMON_GROUND_HOME": str(home)}, "replay", str(path))
    assert result.returncode == 1 and no_traceback(result)
    assert result.stderr.startswith("common-ground: error:")


def test_replay_of_a_missing_file_is_an_error(home: Path, tmp_path: Path) -> None:
    result = run_env({"COMMON_GROUND_HOME": str(home)}, "replay", str(tmp_path / "nothing.json"))
    assert result.returncode == 1 and no_traceback(result) and "common-ground: error:" in result.stderr
