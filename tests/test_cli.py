"""The command line, run as a user runs it: ``python main.py ...`` in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "scenarios" / "cambodia_us.yaml"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def run(*args: str, stdin: str = "", timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
        env=env,
    )


def run_env(
    extra: dict[str, str], *args: str, timeout: float = 180, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYTHONIOENCODING="utf-8", **extra)
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
        env=env,
        input=stdin,
    )


def no_traceback(result: subprocess.CompletedProcess[str]) -> bool:
    return "Traceback" not in result.stdout + result.stderr


def test_validate_accepts_the_shipped_and_fixture_scenarios() -> None:
    paths = [str(DEFAULT), *(str(p) for p in sorted(FIXTURES.glob("*.yaml")))]
    result = run("validate", *paths)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count(": ok (") == len(paths)


def test_validate_reports_every_problem_with_positions_and_exits_1(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    text = (
        (FIXTURES / "win.yaml")
        .read_text()
        .replace("label: Push", "lable: Push")
        .replace("score: progress", "score: progres")
    )
    broken.write_text(text)
    result = run("validate", str(broken))
    assert result.returncode == 1
    lines = [line for line in result.stdout.splitlines() if ": error: " in line]
    assert len(lines) >= 2
    assert all(line.startswith(f"{broken}:") for line in lines)
    assert "did you mean 'label'" in result.stdout
    assert "did you mean 'progress'" in result.stdout
    assert no_traceback(result)


@pytest.mark.parametrize(
    "content",
    [b"", b"\x00\x01\x02\xff\xfe", b"[" * 30000, b"a: &a [*a]", b"- just\n- a list\n", b"key: [unclosed"],
    ids=["empty", "binary", "deep", "recursive-alias", "a-list", "syntax"],
)
def test_validate_never_shows_a_traceback_for_junk(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "junk.yaml"
    path.write_bytes(content)
    result = run("validate", str(path))
    assert result.returncode == 1
    assert f"{path}:" in result.stdout
    assert no_traceback(result)


def test_validate_missing_file_and_directory_exit_1(tmp_path: Path) -> None:
    result = run("validate", str(tmp_path / "nope.yaml"), str(tmp_path))
    assert result.returncode == 1
    assert "nope.yaml" in result.stdout and no_traceback(result)


def test_validate_without_paths_is_a_usage_error() -> None:
    result = run("validate")
    assert result.returncode == 2
    assert "usage" in result.stderr.lower()


def test_schema_prints_json_schema() -> None:
    result = run("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert "indicators" in schema["properties"] and "roles" in schema["properties"]


def test_simulate_json_has_the_promised_fields_and_is_reproducible() -> None:
    args = ("simulate", str(DEFAULT), "--games", "30", "--seed", "4", "--policy", "us=greedy", "--json")
    first, second = run(*args), run(*args)
    assert first.returncode == 0, first.stderr
    a, b = json.loads(first.stdout), json.loads(second.stdout)
    for key in ("games", "turns", "seconds", "turns_per_second", "endings", "roles", "actions"):
        assert key in a
    assert a["games"] == 30 and sum(a["endings"].values()) == 30
    assert a["roles"]["us"]["policy"] == "greedy" and a["roles"]["cambodia"]["policy"] == "random"
    for timing in ("seconds", "turns_per_second"):
        a.pop(timing), b.pop(timing)
    assert a == b
    shared = run(*args, "--jobs", "2")  # the same games, shared between two processes
    assert shared.returncode == 0, shared.stderr
    c = json.loads(shared.stdout)
    c.pop("seconds"), c.pop("turns_per_second")
    assert c == a


def test_simulate_prints_a_readable_table() -> None:
    result = run("simulate", str(FIXTURES / "win.yaml"), "--games", "10")
    assert result.returncode == 0
    assert "Endings" in result.stdout and "Victory" in result.stdout and "mean score" in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ("--policy", "us=clever"),
        ("--policy", "nobody=random"),
        ("--policy", "usgreedy"),
        ("--games", "0"),
        ("--games", "many"),
        ("--jobs", "0"),
    ],
    ids=["unknown-policy", "unknown-role", "no-equals", "zero-games", "not-a-number", "zero-jobs"],
)
def test_simulate_usage_errors_exit_2(args: tuple[str, ...]) -> None:
    result = run("simulate", str(DEFAULT), *args)
    assert result.returncode == 2
    assert result.stderr.strip() and no_traceback(result)


def test_simulate_invalid_scenario_exits_1(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("format: 1\nid: bad\n")
    result = run("simulate", str(path), "--games", "2")
    assert result.returncode == 1
    assert f"{path}:" in result.stderr and no_traceback(result)


def test_text_plays_a_whole_game_from_piped_input() -> None:
    # End every turn at once; answer any event with its first choice.
    answers = "\n".join(["1"] * 0 + ["e", "1"] * 40) + "\n"
    result = run("text", "--scenario", str(FIXTURES / "win.yaml"), "--role", "player", "--seed", "3", stdin=answers)
    assert result.returncode == 0, result.stderr
    assert "Ending: Defeat" in result.stdout
    assert no_traceback(result)


def test_text_default_scenario_to_the_end_as_cambodia() -> None:
    answers = "\n".join(["e", "1", "1"] * 60) + "\n"
    result = run("text", "--role", "cambodia", "--seed", "8", stdin=answers)
    assert result.returncode == 0, result.stderr
    endings = [line for line in result.stdout.splitlines() if line.startswith("Ending: ")]
    assert len(endings) == 1
    assert "Score" in result.stdout


def test_text_end_of_input_exits_cleanly() -> None:
    result = run("text", "--seed", "1", stdin="")
    assert result.returncode == 0
    assert no_traceback(result)


def test_text_quit_word_exits_0() -> None:
    result = run("text", "--role", "us", "--seed", "1", stdin="q\n")
    assert result.returncode == 0 and no_traceback(result)


def test_text_unknown_role_is_a_usage_error() -> None:
    result = run("text", "--role", "france", stdin="")
    assert result.returncode == 2
    assert "unknown role 'france'" in result.stderr


def test_text_missing_scenario_file_exits_1_with_a_message(tmp_path: Path) -> None:
    result = run("text", "--scenario", str(tmp_path / "missing.yaml"), stdin="")
    assert result.returncode == 1
    assert "missing.yaml" in result.stderr and no_traceback(result)


def test_bench_json_prints_the_figures() -> None:
    result = run("bench", "--json", "--quick", timeout=300)
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    for key in (
        "turns_per_second",
        "load_default_ms",
        "load_1mb_ms",
        "frame_ms_median",
        "frame_ms_median_scale150",
        "first_frame_seconds",
        "class_p50_ms",
        "class_p95_ms",
        "class_cpu_percent",
        "class_rss_mb",
        "lookahead_game_seconds",
        "simulate_games_per_second_1_jobs",
        "simulate_games_per_second_2_jobs",
        "simulate_speedup",
    ):
        assert figures[key] > 0
    assert 0 <= figures["idle_cpu_percent"] < 100


def test_play_autoplay_reaches_the_end_prints_the_ending_and_saves_a_screenshot(tmp_path: Path) -> None:
    shot = tmp_path / "end.png"
    env_home = {"COMMON_GROUND_HOME": str(tmp_path / "home")}
    result = run_env(env_home, "play", "--autoplay", "--seed", "5", "--screenshot", str(shot))
    assert result.returncode == 0, result.stderr
    endings = [line for line in result.stdout.splitlines() if line.startswith("Ending: ")]
    assert len(endings) == 1 and result.stdout.startswith("Ending: ")
    assert shot.stat().st_size > 10_000


def test_play_frames_without_scenario_shows_the_title_and_exits_0(tmp_path: Path) -> None:
    shot = tmp_path / "title.png"
    result = run_env({"COMMON_GROUND_HOME": str(tmp_path / "home")}, "play", "--frames", "3", "--screenshot", str(shot))
    assert result.returncode == 0, result.stderr
    assert shot.exists() and "Ending" not in result.stdout


@pytest.mark.parametrize(
    "args",
    [("--scale", "3"), ("--frames", "0"), ("--size", "big"), ("--role", "france"), ("--pin", "12a"), ("--pin", "1234")],
    ids=["scale", "frames", "size", "role", "pin-digits", "pin-without-a-game"],
)
def test_play_usage_errors_exit_2(args: tuple[str, ...], tmp_path: Path) -> None:
    result = run_env({"COMMON_GROUND_HOME": str(tmp_path / "home")}, "play", *args)
    assert result.returncode == 2 and no_traceback(result)


def test_broken_pipe_is_not_a_traceback() -> None:
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "simulate", str(DEFAULT), "--games", "50"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert "Traceback" not in err


def test_main_explains_missing_packages_instead_of_a_traceback() -> None:
    """A newcomer who runs ``main.py`` with a Python lacking the game's packages (``-S``: no site-packages, as a
    system Python without the virtual environment) is told what is missing and how to start it; exit 1."""
    result = subprocess.run(
        [sys.executable, "-S", str(ROOT / "main.py"), "text"], capture_output=True, text=True, timeout=60, cwd=ROOT
    )
    assert result.returncode == 1
    assert no_traceback(result)
    assert "lacks" in result.stderr and "pygame-ce" in result.stderr
    assert ".venv/bin/python main.py" in result.stderr and "activate" in result.stderr
