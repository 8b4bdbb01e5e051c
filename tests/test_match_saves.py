"""Saving and restoring a running match (``game.persistence``): exact, and refused with a message when it cannot be
trusted. Both front ends save through it."""

from __future__ import annotations

import json
import random
import shutil
import sys
from pathlib import Path

import pytest

from game.ai import GreedyPolicy
from game.content.loader import load_scenario
from game.engine import Respond
from game.paths import DEFAULT_SCENARIO
from game.persistence import load_match, save_match
from game.saves import SaveError
from game.table import PERSON, DecisionKind, Done, Match, ProposalAnswered


def person_turn(match: Match, rng: random.Random) -> None:
    """The people play like a greedy player (so two copies can be driven identically) until the turn resolves:
    choices as the player decides, proposals refused, the player's actions, then Done."""
    player = GreedyPolicy(rng)
    turn = match.game.turn
    while match.game.turn == turn and (decision := match.decision()) is not None:
        role = decision.role
        if decision.kind is DecisionKind.CHOOSE:
            command = next(c for c in player.decide(match.game, role) if getattr(c, "event", "") == decision.event)
            match.apply(role, command)
        elif decision.kind is DecisionKind.ANSWER:
            match.apply(role, Respond(role, decision.proposal, False))
        else:
            for command in player.decide(match.game, role):
                match.apply(role, command)
            match.apply(role, Done(role))


def play_to_end(match: Match, seed: int) -> None:
    rng = random.Random(seed)
    while not match.game.is_over():
        person_turn(match, rng)


def start(path: Path = DEFAULT_SCENARIO, *, persons: tuple[str, ...] = ("us",), seed: int = 3) -> Match:
    return Match.start(load_scenario(path), dict.fromkeys(persons, PERSON), seed, scenario_path=str(path))


@pytest.mark.parametrize("persons", [("cambodia",), ("us", "cambodia")], ids=["one person", "hot-seat"])
def test_a_saved_match_restores_exactly_and_plays_on_identically(tmp_path: Path, persons: tuple[str, ...]) -> None:
    match = start(persons=persons, seed=21)
    rng = random.Random(1)
    for _ in range(4):
        person_turn(match, rng)
    path = tmp_path / "mid.json"
    save_match(match, path, "Mid-game")
    restored = load_match(path)
    assert restored.to_dict() == match.to_dict()
    assert restored.persons == persons and restored.seats == match.seats
    play_to_end(match, 99)
    play_to_end(restored, 99)
    assert restored.game.outcome == match.game.outcome
    assert restored.game.history == match.game.history


def test_a_save_of_a_changed_scenario_is_refused(tmp_path: Path) -> None:
    copy = tmp_path / "scenario.yaml"
    shutil.copy(DEFAULT_SCENARIO, copy)
    save_match(start(copy), tmp_path / "save.json", "Before the edit")
    copy.write_text(copy.read_text(encoding="utf-8").replace("initial: 30", "initial: 31", 1), encoding="utf-8")
    with pytest.raises(SaveError, match="the scenario file has changed since"):
        load_match(tmp_path / "save.json")


def test_a_save_whose_scenario_is_gone_is_refused_with_a_message(tmp_path: Path) -> None:
    copy = tmp_path / "scenario.yaml"
    shutil.copy(DEFAULT_SCENARIO, copy)
    save_match(start(copy), tmp_path / "save.json", "Orphan")
    copy.unlink()
    with pytest.raises(SaveError, match="cannot be loaded"):
        load_match(tmp_path / "save.json")


@pytest.mark.parametrize("cut", [0.1, 0.5, 0.99])
def test_a_truncated_save_is_refused(tmp_path: Path, cut: float) -> None:
    path = tmp_path / "save.json"
    save_match(start(), path, "Whole")
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * cut)])
    with pytest.raises(SaveError):
        load_match(path)


def test_a_tampered_match_inside_a_valid_save_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "save.json"
    save_match(start(), path, "Tampered")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["session"]["seats"] = {"martians": "person"}
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SaveError, match="damaged"):
        load_match(path)


def test_saving_imports_no_pygame() -> None:
    import subprocess

    code = "import sys, game.persistence, game.table; print('pygame' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_proposal_waiting_for_a_person_survives_saving_and_is_still_open(tmp_path: Path) -> None:
    match = start(seed=11)
    while (decision := match.decision()) is not None and decision.kind is DecisionKind.CHOOSE:
        match.apply(decision.role, decision.options[0])
    waiting = match.open_proposals_for("us")
    assert waiting, "the computer proposed something to the person"
    path = tmp_path / "open.json"
    save_match(match, path, "waiting")
    restored = load_match(path)
    assert restored.open_proposals_for("us") == waiting
    decision = restored.decision()
    assert decision is not None and decision.kind is DecisionKind.ANSWER and decision.proposal == waiting[0].id
    results = restored.apply("us", Respond("us", waiting[0].id, True))
    answer = next(r for r in results if isinstance(r, ProposalAnswered))
    assert answer.agreement is not None and answer.agreement.proposal == waiting[0].id
