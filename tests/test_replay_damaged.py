"""``replay`` and loading a match never end in a traceback, whatever a well-formed JSON save holds: mutated saves
are refused as damaged (exit 1) or replayed (exit 0 or 1)."""

from __future__ import annotations

import copy
import io
import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from game.content.loader import load_scenario
from game.paths import DEFAULT_SCENARIO
from game.persistence import save_match
from game.table import Match, Seat
from game.text.replay import run_replay

VALUES: list[Any] = [None, 0, -1, 10**9, "x", "", [], {}, True, 1.5, ["a"], {"type": "commit"}, {"turn": "x"}]


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every place in a JSON value (the first 30 items of long lists)."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield (*prefix, key)
            yield from paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value[:30]):
            yield (*prefix, index)
            yield from paths(item, (*prefix, index))


MUTATIONS, CHUNKS = 250, 5


@pytest.fixture(scope="module")
def mutated_saves(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    """A save of a computer game, and 250 copies with one to three places set to odd values (always the same)."""
    scenario = load_scenario(DEFAULT_SCENARIO)
    match = Match.start(scenario, {"us": Seat("greedy"), "cambodia": Seat("casual")}, 3,
                        scenario_path=str(DEFAULT_SCENARIO))  # fmt: skip
    path = tmp_path_factory.mktemp("save") / "save.json"
    save_match(match, path, "fuzz")
    base = json.loads(path.read_text())
    assert run_replay(path, io.StringIO(), io.StringIO()) == 0
    places = [p for p in paths(base) if p[0] == "session"]
    rng = random.Random(8)
    mutated = []
    for _ in range(MUTATIONS):
        data = copy.deepcopy(base)
        for _ in range(rng.randint(1, 3)):
            place = rng.choice(places)
            target = data
            try:
                for key in place[:-1]:
                    target = target[key]
                target[place[-1]] = rng.choice(VALUES)
            except (KeyError, IndexError, TypeError):
                continue
        mutated.append(data)
    return mutated


@pytest.mark.parametrize("chunk", range(CHUNKS))
def test_mutated_saves_are_replayed_or_refused_never_a_traceback(
    tmp_path: Path, mutated_saves: list[dict[str, Any]], chunk: int
) -> None:
    """Each fifth of the mutated saves (the parts run side by side) is refused or replayed, and both happen."""
    path = tmp_path / "save.json"
    seen = set()
    size = MUTATIONS // CHUNKS
    for data in mutated_saves[chunk * size : (chunk + 1) * size]:
        path.write_text(json.dumps(data))
        out, err = io.StringIO(), io.StringIO()
        code = run_replay(path, out, err)
        if err.getvalue():
            assert code == 1 and err.getvalue().startswith("common-ground: error:")
            seen.add("refused")
        else:
            text = out.getvalue()
            assert ("Replay: reproduced" in text) if code == 0 else ("Replay: diverged at turn" in text)
            seen.add("reproduced" if code == 0 else "diverged")
    assert {"refused", "diverged"} <= seen
