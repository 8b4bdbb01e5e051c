"""Saving and restoring a running session: exact, and refused with a message when it cannot be trusted."""

from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

import pytest

from game.ai import GreedyPolicy
from game.content.loader import load_scenario
from game.paths import DEFAULT_SCENARIO
from game.saves import SaveError
from game.ui.persistence import load_session, save_session
from game.ui.session import Session


def human_turn(session: Session, rng: random.Random) -> None:
    """The human side plays like a greedy player (so both copies can be driven identically)."""
    player = GreedyPolicy(rng)
    for role in session.humans:
        while session.game.pending_choices(role):
            for command in player.decide(session.game, role):
                session.submit(command)
    session.let_computers_answer()
    for role in session.humans:
        for command in player.decide(session.game, role):
            session.submit(command)
    session.end_turn()


def play_to_end(session: Session, seed: int) -> None:
    rng = random.Random(seed)
    while not session.game.is_over():
        human_turn(session, rng)


def test_a_saved_session_restores_exactly_and_plays_on_identically(tmp_path: Path) -> None:
    scenario = load_scenario(DEFAULT_SCENARIO)
    session = Session.start(scenario, str(DEFAULT_SCENARIO), humans=("cambodia",), seed=21)
    session.let_computers_answer()
    rng = random.Random(1)
    for _ in range(4):
        human_turn(session, rng)
    path = tmp_path / "mid.json"
    save_session(session, path, "Mid-game")
    restored = load_session(path)
    assert restored.to_dict() == session.to_dict()
    play_to_end(session, 99)
    play_to_end(restored, 99)
    assert restored.game.outcome == session.game.outcome
    assert restored.game.history == session.game.history


def test_a_save_of_a_changed_scenario_is_refused(tmp_path: Path) -> None:
    copy = tmp_path / "scenario.yaml"
    shutil.copy(DEFAULT_SCENARIO, copy)
    session = Session.start(load_scenario(copy), str(copy), humans=("us",), seed=3)
    save_session(session, tmp_path / "save.json", "Before the edit")
    copy.write_text(copy.read_text(encoding="utf-8").replace("initial: 30", "initial: 31", 1), encoding="utf-8")
    with pytest.raises(SaveError, match="the scenario file has changed since"):
        load_session(tmp_path / "save.json")


def test_a_save_whose_scenario_is_gone_is_refused_with_a_message(tmp_path: Path) -> None:
    copy = tmp_path / "scenario.yaml"
    shutil.copy(DEFAULT_SCENARIO, copy)
    session = Session.start(load_scenario(copy), str(copy), humans=("us",), seed=3)
    save_session(session, tmp_path / "save.json", "Orphan")
    copy.unlink()
    with pytest.raises(SaveError, match="cannot be loaded"):
        load_session(tmp_path / "save.json")


@pytest.mark.parametrize("cut", [0.1, 0.5, 0.99])
def test_a_truncated_save_is_refused(tmp_path: Path, cut: float) -> None:
    session = Session.start(load_scenario(DEFAULT_SCENARIO), str(DEFAULT_SCENARIO), humans=("us",), seed=3)
    path = tmp_path / "save.json"
    save_session(session, path, "Whole")
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * cut)])
    with pytest.raises(SaveError):
        load_session(path)


def test_a_tampered_session_inside_a_valid_save_is_refused(tmp_path: Path) -> None:
    import json

    session = Session.start(load_scenario(DEFAULT_SCENARIO), str(DEFAULT_SCENARIO), humans=("us",), seed=3)
    path = tmp_path / "save.json"
    save_session(session, path, "Tampered")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["session"]["players"] = {"martians": "human"}
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SaveError, match="damaged"):
        load_session(path)


def test_saving_imports_no_pygame() -> None:
    import subprocess

    code = "import sys, game.ui.persistence, game.ui.session; print('pygame' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_proposal_waiting_for_a_person_survives_saving_and_is_still_open(tmp_path: Path) -> None:
    scenario = load_scenario(DEFAULT_SCENARIO)
    session = Session.start(scenario, str(DEFAULT_SCENARIO), humans=("us",), seed=11)
    session.let_computers_answer()
    rng = random.Random(1)
    player = GreedyPolicy(rng)
    while session.game.pending_choices("us"):
        for command in player.decide(session.game, "us"):
            session.submit(command)
    waiting = session.open_proposals_for("us")
    assert waiting, "the computer proposed something to the person"
    path = tmp_path / "open.json"
    save_session(session, path, "waiting")
    restored = load_session(path)
    assert restored.open_proposals_for("us") == waiting
    agreement = restored.respond("us", waiting[0].id, True)
    assert agreement is not None and restored.agreement_from(waiting[0].id) == agreement
