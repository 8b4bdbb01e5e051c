"""The smaller cases of issue 11: a long game's save, settings that are not a file, a screenshot path that is a
folder, a huge simulate run, and the temporary files of interrupted saves."""

from __future__ import annotations

import json
import logging
import os
import random
import threading
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest

import game.storage
from builders import effect, scenario
from game.cli import main
from game.engine import Scenario
from game.engine.commands import Commit
from game.persistence import autosave_match, save_match
from game.saves import SaveError, autosave_path, list_saves, read_save, saves_dir, write_save
from game.settings import Settings, load_settings, settings_path
from game.storage import STALE_TEMP_SECONDS, StorageError, StorageProblem, read_json, write_json_atomic
from game.table import Match
from game.table import simulate as simulate_module
from game.table.log import Done
from game.table.seats import Seat
from game.table.simulate import MAX_GAMES, game_seeds, simulate

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="this system has no named pipes")


def free_actions_scenario(actions: int = 40, turns: int = 200) -> Scenario:
    """One role with many actions that cost nothing, over many turns: the shape of scenario whose saves grow most."""
    made = [{"id": f"act{i}", "cost": 0, "effects": [effect("x += 0")]} for i in range(actions)]
    return scenario(turns=turns, actions=made, roles=("a",))


def played(sc: Scenario, turns: int) -> Match:
    """A match of ``sc`` in which the person commits every action they may, for ``turns`` turns."""
    match = Match.start(sc, {"a": Seat("person")}, 3)
    for _ in range(turns):
        for action in match.game.legal_actions("a"):
            match.apply("a", Commit("a", action.id))
        match.apply("a", Done("a"))
    return match


def temp_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# ---------------------------------------------------------------------------- 1. the write and read limits agree
def test_a_save_too_large_to_read_back_is_refused_when_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    match = played(free_actions_scenario(), 3)
    first = tmp_path / "first.json"
    save_match(match, first, "long game")
    size = first.stat().st_size
    session = read_save(first)[1]

    # At the limit exactly: written, and read back.
    monkeypatch.setattr(game.storage, "MAX_JSON_BYTES", size)
    exact = tmp_path / "exact.json"
    save_match(match, exact, "long game")
    assert read_save(exact)[1] == session

    # One byte over: refused when written, with the reason, and nothing (not even a temporary file) is left.
    monkeypatch.setattr(game.storage, "MAX_JSON_BYTES", size - 1)
    over = tmp_path / "over.json"
    with pytest.raises(SaveError, match=r"^Could not save the game: the save is too large \(it would take .* MB"):
        save_match(match, over, "long game")
    assert not over.exists()
    assert temp_files(tmp_path) == []
    with pytest.raises(StorageError) as caught:
        write_json_atomic(over, session)
    assert caught.value.problem is StorageProblem.TOO_LARGE

    # The autosave says so on the screen instead of leaving a file that Continue cannot load.
    monkeypatch.setattr(game.storage, "MAX_JSON_BYTES", size // 2)
    message = autosave_match(match)
    assert message.startswith("Autosave failed: Could not save the game: the save is too large")
    assert not autosave_path().exists()


def test_a_long_games_autosave_of_about_30_mb_is_written_and_read_back(tmp_path: Path) -> None:
    # The scenario (200 turns, thousands of free actions) writes about 29 MB; its session is made here by
    # repeating the log of a short game of a generated scenario of that shape, which is much quicker to play.
    match = played(free_actions_scenario(actions=200), 2)
    session = match.to_dict()
    row_bytes = len(json.dumps(session["log"]))
    session["log"] = session["log"] * (30 * 1024 * 1024 // row_bytes + 1)
    path = autosave_path()
    write_save(
        path, label="Autosave", scenario_id="test", scenario_title="Test", scenario_path="test.yaml",
        fingerprint="f", turn=200, date="turn 200", roles={"a": "person"}, session=session,
    )  # fmt: skip
    assert path.stat().st_size > 29 * 1024 * 1024
    info, restored = read_save(path)
    assert info.turn == 200 and len(restored["log"]) == len(session["log"])


# ---------------------------------------------------------------------------- 2. only regular files are read
def _in_thread_or_release(fifo: Path, work: object) -> list[object]:
    """Run ``work`` in a thread; if it is still waiting on ``fifo`` after a few seconds, open the other end so the
    thread can finish, and fail."""
    results: list[object] = []
    thread = threading.Thread(target=lambda: results.append(work()), daemon=True)  # type: ignore[operator]
    thread.start()
    thread.join(5)
    if thread.is_alive():
        fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        os.close(fd)
        thread.join(5)
        pytest.fail(f"reading {fifo.name} waited for a writer instead of refusing a file that is not regular")
    return results


@needs_fifo
def test_a_settings_file_that_is_a_fifo_gives_the_defaults_at_once(caplog: pytest.LogCaptureFixture) -> None:
    fifo = settings_path()
    os.mkfifo(fifo)
    with caplog.at_level(logging.WARNING, logger="game.settings"):
        results = _in_thread_or_release(fifo, load_settings)
    assert results == [Settings()]
    assert "not a regular file" in caplog.text
    with pytest.raises(StorageError, match="not a regular file") as caught:
        read_json(fifo)
    assert caught.value.problem is StorageProblem.UNREADABLE


@needs_fifo
def test_a_save_that_is_a_fifo_is_refused_at_once() -> None:
    fifo = saves_dir() / "pipe.json"
    os.mkfifo(fifo)

    def read() -> str:
        try:
            read_save(fifo)
        except SaveError as exc:
            return str(exc)
        return "read"

    [message] = _in_thread_or_release(fifo, read)
    assert isinstance(message, str) and message.startswith("This save could not be read (")
    assert list_saves() == ([], [])  # the Load screen lists files only


# ---------------------------------------------------------------------------- 3. --screenshot
def test_play_refuses_a_screenshot_path_that_is_a_folder_before_starting(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["play", "--screenshot", str(tmp_path), "--frames", "2"]) == 2
    err = capsys.readouterr().err
    assert err == (
        f"common-ground: error: --screenshot expects the name of a PNG file, but {tmp_path} is a folder "
        f"(try {tmp_path / 'shot.png'})\n"
    )
    a_file = tmp_path / "notes.txt"
    a_file.write_text("x")
    assert main(["play", "--screenshot", str(a_file / "shot.png"), "--frames", "2"]) == 2
    assert f"{a_file} is not a folder" in capsys.readouterr().err


def test_a_screenshot_that_cannot_be_written_is_reported_not_raised(
    tmp_path: Path, make_app: object, capsys: pytest.CaptureFixture[str]
) -> None:
    app = make_app()  # type: ignore[operator]
    a_file = tmp_path / "notes.txt"
    a_file.write_text("x")
    for target in (tmp_path, a_file / "shot.png"):
        app.screenshot = target
        app.exit_code = 0
        app.save_screenshot()
        assert app.exit_code == 1
        err = capsys.readouterr().err
        assert err.startswith(f"common-ground: the screenshot could not be saved to {target}: ")
    app.screenshot = tmp_path / "shot.png"
    app.exit_code = 0
    app.save_screenshot()
    assert app.exit_code == 0 and app.screenshot.stat().st_size > 0


# ---------------------------------------------------------------------------- 4. simulate's seeds
def test_the_seeds_of_a_run_are_made_one_at_a_time_and_are_the_same_as_before() -> None:
    seeds = game_seeds(7, 5)
    assert isinstance(seeds, Iterator) and not isinstance(seeds, list | tuple)
    rng = random.Random(7)
    assert list(seeds) == [rng.randrange(2**31) for _ in range(5)]


def _memory_at_first_game(monkeypatch: pytest.MonkeyPatch, games: int) -> int:
    """Bytes allocated by ``simulate`` when it starts its first game (the game itself is not played)."""

    class Stop(Exception):
        pass

    seen: list[int] = []

    def first_game(self: object, game_seed: int) -> object:
        seen.append(tracemalloc.get_traced_memory()[0])
        raise Stop

    monkeypatch.setattr(simulate_module._Job, "run", first_game)
    tracemalloc.start()
    try:
        with pytest.raises(Stop):
            simulate(free_actions_scenario(actions=1, turns=1), games)
    finally:
        tracemalloc.stop()
    return seen[0]


def test_simulate_does_not_build_up_memory_before_playing_however_many_games(monkeypatch: pytest.MonkeyPatch) -> None:
    few = _memory_at_first_game(monkeypatch, 10)
    many = _memory_at_first_game(monkeypatch, MAX_GAMES)
    assert many - few < 256 * 1024  # a million seeds made up front took tens of megabytes


def test_simulate_refuses_an_absurd_number_of_games(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["simulate", "--games", "1000000000"]) == 2
    assert capsys.readouterr().err == (
        "common-ground: error: --games must be at most 1,000,000 (one run of that many takes days), got 1,000,000,000\n"
    )
    with pytest.raises(ValueError, match="between 1 and 1,000,000"):
        simulate(free_actions_scenario(actions=1, turns=1), MAX_GAMES + 1)


# ---------------------------------------------------------------------------- 5. temporary files of interrupted saves
def _temp(folder: Path, name: str, age: float) -> Path:
    path = folder / name
    path.write_bytes(b'{"half a save')
    when = time.time() - age
    os.utime(path, (when, when))
    return path


def test_stale_temporary_files_of_interrupted_saves_are_removed_and_fresh_ones_kept() -> None:
    folder = saves_dir()
    old = STALE_TEMP_SECONDS + 60
    stale = [
        _temp(folder, ".autosave.json.k3j9x0a_.tmp", old),
        _temp(folder, ".20250301-140211-week-3.json.abcdefgh.tmp", old * 10),
    ]
    # Another process writing its save right now: its temporary file is recent, so it stays.
    being_written = _temp(folder, ".autosave.json.zz11yy22.tmp", 1)
    # Files that are not a write's temporary file stay whatever their age.
    others = [_temp(folder, name, old) for name in ("notes.tmp", ".autosave.json.tmp", "a.json.abcdefgh.tmp")]
    folder_like = folder / ".old.json.aaaabbbb.tmp"
    folder_like.mkdir()
    os.utime(folder_like, (time.time() - old, time.time() - old))

    assert list_saves() == ([], [])
    assert not any(path.exists() for path in stale)
    assert being_written.exists() and all(path.exists() for path in others) and folder_like.is_dir()


def test_a_write_removes_the_stale_temporary_files_of_its_own_file_only(tmp_path: Path) -> None:
    old = STALE_TEMP_SECONDS + 60
    mine = _temp(tmp_path, ".settings.json.abcd1234.tmp", old)
    fresh = _temp(tmp_path, ".settings.json.efgh5678.tmp", 5)
    other = _temp(tmp_path, ".other.json.abcd1234.tmp", old)
    write_json_atomic(tmp_path / "settings.json", {"ui_scale": 1.0})
    assert not mine.exists() and fresh.exists() and other.exists()
    assert read_json(tmp_path / "settings.json") == {"ui_scale": 1.0}
