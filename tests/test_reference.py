"""Scores a class cannot misread: each side's score against its own side's usual range (game.table.reference), in
the scenario file, the cache, the ``reference`` command, ``simulate``, the terminal and the desktop end screen."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from game.cli import main, reference_block, with_reference_block
from game.content.loader import load_scenario, load_scenario_text
from game.content.problems import ScenarioError
from game.engine import Scenario, ScoreRange, ScoreReference
from game.present.reference import NOT_COMPARED, range_note, score_sentence, short_verdict, verdict
from game.storage import read_json, write_json_atomic
from game.table import reference as ref
from game.table.reference import (
    Found,
    Placement,
    ReferenceCache,
    ReferenceOrigin,
    cache_name,
    compute_reference,
    find_reference,
    placement,
    score_range,
)
from game.table.simulate import simulate

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
TINY = FIXTURES / "tiny.yaml"

STORED_BLOCK = """
score_reference:
  policy: strong
  games: 12
  roles:
    alpha: {low: 40.0, typical: 50.0, high: 60.0}
    beta: {low: 30.5, typical: 31.0, high: 33.0}
"""


def tiny_text() -> str:
    return TINY.read_text(encoding="utf-8")


def cache_in(folder: Path) -> ReferenceCache:
    """The cache as the front ends make it (storage's reader and atomic writer), in ``folder``."""
    return ReferenceCache(lambda: folder, read_json, write_json_atomic)


@pytest.fixture
def no_computing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Computing a reference fails the test: what is asked for must come from the file or the cache."""

    def refuse(*args: object, **kwargs: object) -> ScoreReference:
        raise AssertionError("a reference was computed")

    monkeypatch.setattr(ref, "compute_reference", refuse)


# ----------------------------------------------------------------------------------------------- computing
def test_score_range_is_the_10th_50th_and_90th_percentile() -> None:
    assert score_range([float(v) for v in range(1, 12)]) == ScoreRange(2.0, 6.0, 10.0)
    assert score_range([7.25]) == ScoreRange(7.2, 7.2, 7.2)  # one game: one value, rounded like the others
    assert score_range([3.0, 1.0, 2.0]) == ScoreRange(1.2, 2.0, 2.8)  # order does not matter; interpolated
    with pytest.raises(ValueError, match="at least one game"):
        score_range([])


@pytest.mark.parametrize("name", ["tiny", "win", "defeat"])
def test_a_reference_is_computed_for_every_role_of_a_fixture_scenario(name: str) -> None:
    scenario = load_scenario(FIXTURES / f"{name}.yaml")
    reference = compute_reference(scenario, 15, "standard")
    assert reference.policy == "standard" and reference.games == 15 and reference.budget is None
    assert set(reference.roles) == {r.id for r in scenario.roles}
    for bounds in reference.roles.values():
        assert bounds.low <= bounds.typical <= bounds.high
    assert compute_reference(scenario, 15, "standard") == reference  # the same games every time


def test_a_reference_spans_the_games_it_comes_from() -> None:
    scenario = load_scenario(TINY)
    reference = compute_reference(scenario, 30, "random")
    result = simulate(scenario, 30, ref.SEED, {r.id: "random" for r in scenario.roles})  # the very same games
    for role, scores in result.scores.items():
        bounds = reference.roles[role]
        assert min(scores) <= bounds.low <= bounds.typical <= bounds.high <= max(scores)
        assert len(scores) == 30
    assert any(b.low < b.high for b in reference.roles.values()), "random play should spread the scores"


def test_computing_reports_progress_and_refuses_no_games() -> None:
    done: list[int] = []
    compute_reference(load_scenario(TINY), 4, "greedy", progress=done.append)
    assert done == [1, 2, 3, 4]
    with pytest.raises(ValueError, match="at least one game"):
        compute_reference(load_scenario(TINY), 0)


# ----------------------------------------------------------------------------------------------- placing
RANGE = ScoreRange(47.0, 51.0, 55.0)


@pytest.mark.parametrize(
    ("score", "where"),
    [(30.0, Placement.BELOW), (46.94, Placement.BELOW), (46.96, Placement.WITHIN), (47.0, Placement.WITHIN),
     (51.0, Placement.WITHIN), (55.0, Placement.WITHIN), (55.04, Placement.WITHIN), (55.06, Placement.ABOVE),
     (90.0, Placement.ABOVE)],
)  # fmt: skip
def test_a_score_is_below_within_or_above_its_sides_range_at_the_decimal_people_see(
    score: float, where: Placement
) -> None:
    assert placement(score, RANGE) is where
    assert verdict(score, RANGE) == f"{where.value} the usual range for this side"
    assert short_verdict(score, RANGE) == f"{where.value} its usual range"


def test_the_sentence_names_the_side_its_score_the_placement_and_who_set_the_range() -> None:
    reference = ScoreReference("strong", 40, {"us": RANGE})
    assert score_sentence("United States", 58.3, reference, "us") == (
        "United States 58.3: above the usual range for this side (strong computer players: 47.0 to 55.0, typically "
        "51.0)."
    )
    assert score_sentence("Cambodia", 80.0, reference, "cambodia") == (
        "Cambodia 80.0: no usual range known for this side."
    )
    assert range_note(ScoreReference("greedy", 10, {"a": ScoreRange(3, 3, 3)}), ScoreRange(3, 3, 3)) == (
        "computer players (greedy): 3.0"
    )
    assert "not compared" in NOT_COMPARED and "does not mean that side won" in NOT_COMPARED


# ----------------------------------------------------------------------------------------------- stored
def test_a_stored_reference_is_loaded_and_used_without_computing(no_computing: None, tmp_path: Path) -> None:
    scenario = load_scenario_text(tiny_text() + STORED_BLOCK, "tiny.yaml")
    assert scenario.score_reference == ScoreReference(
        "strong", 12, {"alpha": ScoreRange(40, 50, 60), "beta": ScoreRange(30.5, 31, 33)}
    )
    cache = cache_in(tmp_path / "cache")
    cache.save(scenario, ScoreReference("standard", 3, {"alpha": ScoreRange(1, 2, 3)}))  # the file comes first
    found = find_reference(scenario, cache)
    assert found == Found(scenario.score_reference, ReferenceOrigin.STORED)


@pytest.mark.parametrize(
    ("block", "message"),
    [
        ("    gamma: {low: 1, typical: 2, high: 3}\n", "unknown role 'gamma'"),
        ("    alpha: {low: 5, typical: 2, high: 3}\n", "low <= typical <= high, not 5, 2, 3"),
        ("    alpha: {low: 1, typical: 2}\n", "high"),
        ("    alpha: {low: 1, typical: 2, high: many}\n", "high"),
    ],
    ids=["unknown-role", "out-of-order", "missing-high", "not-a-number"],
)
def test_a_bad_stored_reference_is_a_validation_problem(block: str, message: str) -> None:
    text = tiny_text() + "score_reference:\n  policy: strong\n  games: 5\n  roles:\n" + block
    with pytest.raises(ScenarioError) as caught:
        load_scenario_text(text, "tiny.yaml")
    assert message in str(caught.value)


# ----------------------------------------------------------------------------------------------- cached
def test_a_computed_reference_is_cached_and_reused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "cache"
    first = find_reference(load_scenario(TINY), cache_in(folder))
    assert first is not None and first.origin is ReferenceOrigin.COMPUTED
    assert first.reference.policy == ref.QUICK_POLICY and first.reference.games == ref.QUICK_GAMES
    files = list(folder.iterdir())
    assert [f.name for f in files] == [cache_name(load_scenario(TINY))]
    data = json.loads(files[0].read_text(encoding="utf-8"))
    assert data["version"] == ref.VERSION and data["references"][ref.QUICK_POLICY]["games"] == ref.QUICK_GAMES

    monkeypatch.setattr(ref, "compute_reference", lambda *a, **k: pytest.fail("computed again"))
    again = find_reference(load_scenario(TINY), cache_in(folder))  # a fresh load: nothing remembered in memory
    assert again == Found(first.reference, ReferenceOrigin.CACHED)
    assert find_reference(load_scenario(TINY), cache_in(folder), compute=False) == again


def test_the_cache_is_keyed_by_the_scenarios_content_and_the_mechanisms_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cache"
    scenario = load_scenario(TINY)
    cache_in(folder).save(scenario, compute_reference(scenario, 3, "standard"))
    assert find_reference(load_scenario(TINY), cache_in(folder), compute=False) is not None
    edited = load_scenario_text(tiny_text().replace("initial: 50", "initial: 49", 1), "tiny.yaml")
    assert cache_name(edited) != cache_name(scenario)
    assert find_reference(edited, cache_in(folder), compute=False) is None
    before = cache_name(scenario)
    monkeypatch.setattr(ref, "VERSION", ref.VERSION + 1)
    assert cache_name(load_scenario(TINY)) != before
    assert find_reference(load_scenario(TINY), cache_in(folder), compute=False) is None


def test_the_strong_reference_is_preferred_in_the_cache_and_both_are_kept(tmp_path: Path) -> None:
    cache = cache_in(tmp_path / "cache")
    scenario = load_scenario(TINY)
    quick = ScoreReference("standard", 40, {"alpha": ScoreRange(1, 2, 3)})
    strong = ScoreReference("strong", 40, {"alpha": ScoreRange(4, 5, 6)})
    cache.save(scenario, quick)
    cache.save(scenario, strong)
    assert cache.load(scenario) == {"standard": quick, "strong": strong}
    assert find_reference(load_scenario(TINY), cache, compute=False) == Found(strong, ReferenceOrigin.CACHED)


@pytest.mark.parametrize(
    "damage",
    ["{not json", '{"version": 1}', "[]", '{"version": 1, "fingerprint": "x", "references": {}}', "WRONG"],
)
def test_a_damaged_cache_is_ignored_and_replaced(tmp_path: Path, damage: str) -> None:
    folder = tmp_path / "cache"
    folder.mkdir()
    scenario = load_scenario(TINY)
    name = cache_name(scenario)
    assert name is not None
    if damage == "WRONG":  # well-formed, but a range out of order and a role the scenario lacks
        damage = json.dumps(
            {
                "version": ref.VERSION,
                "fingerprint": scenario.fingerprint,
                "references": {
                    "strong": {"policy": "strong", "games": 4, "roles": {"alpha": {"low": 9, "typical": 2, "high": 3}}},
                    "standard": {
                        "policy": "standard",
                        "games": 4,
                        "roles": {"zeta": {"low": 1, "typical": 2, "high": 3}},
                    },
                },
            }
        )
    (folder / name).write_text(damage, encoding="utf-8")
    assert cache_in(folder).load(scenario) == {}
    found = find_reference(scenario, cache_in(folder))
    assert found is not None and found.origin is ReferenceOrigin.COMPUTED
    assert cache_in(folder).load(load_scenario(TINY)) == {ref.QUICK_POLICY: found.reference}


def test_an_unusable_cache_folder_only_costs_time(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    scenario = load_scenario(TINY)
    found = find_reference(scenario, cache_in(blocker / "cache"))
    assert found is not None and found.origin is ReferenceOrigin.COMPUTED

    def no_folder() -> Path:
        raise OSError("no data folder")

    assert ReferenceCache(no_folder, read_json, write_json_atomic).save(scenario, found.reference) is None


def test_a_scenario_built_in_code_has_no_cache_but_is_remembered(tmp_path: Path) -> None:
    from builders import scenario as build

    scenario: Scenario = build()
    assert cache_name(scenario) is None
    first = find_reference(scenario, cache_in(tmp_path / "cache"))
    assert first is not None and not (tmp_path / "cache").exists()
    assert find_reference(scenario, cache_in(tmp_path / "cache")) is first


# ----------------------------------------------------------------------------------------------- the command
def test_the_reference_command_prints_a_block_that_loads_back(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["reference", str(TINY), "--games", "6", "--policy", "random"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("# Each side's usual range of final scores") and "score_reference:" in out
    assert "Paste the block" in err and "Cached for this computer" in err
    scenario = load_scenario_text(tiny_text() + "\n" + out, "tiny.yaml")
    assert scenario.score_reference == compute_reference(load_scenario(TINY), 6, "random")


def test_reference_write_puts_the_block_in_the_file_and_replaces_an_old_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "tiny.yaml"
    path.write_text(tiny_text() + "\n# An old one:\n" + STORED_BLOCK.lstrip("\n") + "\n# the end\n", encoding="utf-8")
    assert main(["reference", str(path), "--games", "5", "--policy", "standard", "--write"]) == 0
    _, err = capsys.readouterr()
    assert "already stores a score_reference (strong, 12 games); --write replaces it" in err
    text = path.read_text(encoding="utf-8")
    assert text.count("score_reference:") == 1 and "# An old one:" not in text and text.endswith("# the end\n")
    stored = load_scenario(path).score_reference
    assert stored == compute_reference(load_scenario(TINY), 5, "standard")
    found = find_reference(load_scenario(path))
    assert found is not None and found.origin is ReferenceOrigin.STORED


def test_with_reference_block_appends_or_replaces_only_the_top_level_block() -> None:
    block = reference_block(ScoreReference("strong", 3, {"alpha": ScoreRange(1, 2, 3)}, budget=50))
    assert "  budget: 50\n" in block and "    alpha: {low: 1.0, typical: 2.0, high: 3.0}\n" in block
    text = "a: 1\nb:\n  score_reference: nested\n"
    assert with_reference_block(text, block) == text + "\n" + block
    crlf = "a: 1\r\nscore_reference:\r\n  policy: x\r\n\r\nc: 2\r\n"
    replaced = with_reference_block(crlf, block)
    assert replaced.startswith("a: 1\r\n# Each side") and replaced.endswith("\r\n\r\nc: 2\r\n")
    assert "policy: x" not in replaced and "\n" not in replaced.replace("\r\n", "")


@pytest.mark.parametrize(
    ("args", "status", "message"),
    [
        (["--games", "0"], 2, "--games must be at least 1"),
        (["--policy", "clever"], 2, "unknown policy 'clever'"),
        (["--budget", "0"], 2, "--budget must be at least 1"),
        (["--jobs", "0"], 2, "--jobs must be at least 1"),
    ],
    ids=["zero-games", "unknown-policy", "zero-budget", "zero-jobs"],
)
def test_reference_usage_errors_say_why_and_exit_2(
    args: list[str], status: int, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["reference", str(TINY), *args]) == status
    out, err = capsys.readouterr()
    assert message in err and out == ""


def test_reference_on_a_bad_file_says_why_and_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\nid: bad\n", encoding="utf-8")
    assert main(["reference", str(bad)]) == 1
    assert f"{bad}:" in capsys.readouterr().err
    assert main(["reference", str(tmp_path / "missing.yaml")]) == 1
    assert "missing.yaml" in capsys.readouterr().err


def test_reference_write_to_a_read_only_file_is_refused_before_playing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "tiny.yaml"
    path.write_text(tiny_text(), encoding="utf-8")
    path.chmod(0o444)
    if os.access(path, os.W_OK):  # root may write anything: make the file read-only for this command
        monkeypatch.setattr(os, "access", lambda p, mode: mode != os.W_OK)
    monkeypatch.setattr(ref, "compute_reference", lambda *a, **k: pytest.fail("played before refusing"))
    assert main(["reference", str(path), "--write"]) == 2
    out, err = capsys.readouterr()
    assert "read-only" in err and out == ""
    assert path.read_text(encoding="utf-8") == tiny_text()


def test_the_reference_command_runs_as_a_user_runs_it(tmp_path: Path) -> None:
    env = dict(os.environ, COMMON_GROUND_HOME=str(tmp_path / "home"), PYTHONIOENCODING="utf-8")
    command = [sys.executable, str(ROOT / "main.py"), "reference", str(TINY)]
    ok = subprocess.run([*command, "--games", "3", "--policy", "greedy"], capture_output=True, text=True,
                        timeout=120, cwd=ROOT, env=env)  # fmt: skip
    assert ok.returncode == 0 and "score_reference:" in ok.stdout
    bad = subprocess.run([*command, "--games", "x"], capture_output=True, text=True, timeout=120, cwd=ROOT,
                         env=env)  # fmt: skip
    assert bad.returncode == 2 and "invalid int value" in bad.stderr and "Traceback" not in bad.stderr


# ----------------------------------------------------------------------------------------------- simulate
def test_simulate_places_each_sides_mean_score_against_its_own_range(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["simulate", str(TINY), "--games", "5", "--policy", "alpha=greedy"]) == 0
    out = capsys.readouterr().out
    flat = " ".join(out.split())
    assert "Roles (each mean score against its own side's usual range)" in out
    assert "greedy mean score 70.00 above its usual range (63.0)" in flat  # Alpha scores 63 when both play standard
    assert NOT_COMPARED in flat and "when standard computer players play every side (40 games;" in flat
    assert main(["simulate", str(TINY), "--games", "5", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    placed = data["score_reference"]["mean_score_placement"]
    assert set(placed) == {"alpha", "beta"} and set(placed.values()) <= {"below", "within", "above"}
    assert data["score_reference"]["policy"] == ref.QUICK_POLICY


# ----------------------------------------------------------------------------------------------- the terminal
def test_the_terminal_end_places_each_score_against_its_own_range(tmp_path: Path) -> None:
    from game.text.play import run

    path = tmp_path / "tiny.yaml"
    path.write_text(tiny_text() + STORED_BLOCK, encoding="utf-8")
    out = io.StringIO()
    code = run(load_scenario(path), role="alpha", seed=3, stdin=io.StringIO("e\ne\ne\ne\n"), stdout=out)
    text = out.getvalue()
    assert code == 0
    flat = " ".join(text[text.index("How each side did") :].split())
    assert "How each side did, against its own usual range:" in flat and NOT_COMPARED in flat
    assert (
        "Alpha 30.0: below the usual range for this side (strong computer players: 40.0 to 60.0, typically 50.0)."
    ) in flat
    assert (
        "Beta 75.0: above the usual range for this side (strong computer players: 30.5 to 33.0, typically 31.0)."
    ) in flat
    assert "when strong computer players play every side (12 games; measured by the scenario's author)" in flat
    assert flat.index("How each side did") < flat.index("Your key decisions")


# ----------------------------------------------------------------------------------------------- the desktop
def finished_tiny(scenario: Scenario) -> Any:
    """A game of ``scenario`` (the tiny fixture) played to its end, Alpha by a person doing nothing."""
    from game.table import PERSON, DecisionKind, Done, Match

    match = Match.start(scenario, {"alpha": PERSON}, 3)
    while (decision := match.decision()) is not None:
        if decision.kind is DecisionKind.CHOOSE:
            match.apply("alpha", decision.options[0])
        else:
            match.apply("alpha", Done("alpha"))
    assert match.game.outcome is not None
    return match


def end_screen(scenario: Scenario, size: tuple[int, int] = (1280, 720)) -> tuple[Any, Any]:
    from uikit import frames, new_app

    from game.ui.screens.end import EndScreen

    app = new_app(size)
    app.match = finished_tiny(scenario)
    screen = EndScreen(app, "alpha")
    app.push(screen)
    frames(app, 2)
    return app, screen


def story_words(screen: Any) -> str:
    doc = screen.document()
    return " ".join(" ".join(text for block in doc.blocks for text, _, _ in block.runs).split())


def test_the_end_screen_places_each_score_against_its_own_range(no_computing: None, tmp_path: Path) -> None:
    from uikit import ink

    path = tmp_path / "tiny.yaml"
    path.write_text(tiny_text() + STORED_BLOCK, encoding="utf-8")
    app, screen = end_screen(load_scenario(path))
    assert screen.reference is not None and screen.reference.origin is ReferenceOrigin.STORED
    assert not screen.reference_pending()
    words = story_words(screen)
    assert "How each side did, against its own usual range" in words and NOT_COMPARED in words
    assert "Alpha 30.0 : below the usual range for this side" in words
    assert "Beta 75.0 : above the usual range for this side" in words
    assert "strong computer players: 40.0 to 60.0, typically 50.0" in words
    assert "measured by the scenario's author" in words
    assert words.index("How each side did") < words.index("Private objectives, revealed")
    assert ink(app) > 0.1


def test_without_a_stored_reference_the_end_screen_works_one_out_in_the_background(tmp_path: Path) -> None:
    from uikit import frames

    from game.storage import data_dir

    app, screen = end_screen(load_scenario(TINY))
    found = screen.wait_for_reference(60)
    assert found is not None and found.origin is ReferenceOrigin.COMPUTED
    frames(app, 1)
    words = story_words(screen)
    assert "Alpha 30.0 : " in words and "the usual range for this side" in words
    assert "standard computer players" in words and "worked out on this computer" in words
    assert (data_dir() / "cache" / str(cache_name(load_scenario(TINY)))).exists()  # the next game starts with it
    _, again = end_screen(load_scenario(TINY))
    assert again.reference is not None and again.reference.origin is ReferenceOrigin.CACHED


def test_while_the_ranges_are_worked_out_the_scores_stand_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    release = threading.Event()
    real = ref.compute_reference

    def slow(*args: object, **kwargs: object) -> ScoreReference:
        release.wait(30)
        return real(*args, **kwargs)

    monkeypatch.setattr(ref, "compute_reference", slow)
    _, screen = end_screen(load_scenario(TINY))
    assert screen.reference_pending()
    assert "Working out each side's usual range..." in story_words(screen)
    release.set()
    assert screen.wait_for_reference(60) is not None
    assert "Working out" not in story_words(screen) and "usual range for this side" in story_words(screen)


SIZES = [((1280, 720), 1.0), ((1280, 720), 2.0), ((1024, 600), 1.0), ((1024, 600), 2.0), ((1920, 1080), 1.5)]


@pytest.mark.parametrize(("size", "scale"), SIZES, ids=[f"{w}x{h}@{s}" for (w, h), s in SIZES])
def test_the_score_chips_always_fit_and_say_the_placement_when_there_is_room(
    size: tuple[int, int], scale: float, tmp_path: Path
) -> None:
    from uikit import frames, new_app

    from game.ui.screens.end import EndScreen
    from game.ui.widgets import text as textlib

    path = tmp_path / "tiny.yaml"
    path.write_text(tiny_text() + STORED_BLOCK, encoding="utf-8")
    app = new_app(size, scale)
    app.match = finished_tiny(load_scenario(path))
    screen = EndScreen(app, "alpha")
    app.push(screen)
    frames(app, 2)
    chips = screen.score_chips(screen.header.width)
    font = screen.font(15, bold=True)
    used = sum(textlib.width_of(font, chip) + screen.px(24) for chip in chips) + screen.px(10) * (len(chips) - 1)
    assert used <= screen.header.width, chips
    assert [chip.split("  ")[1].split(" ")[0] for chip in chips] == ["30.0", "75.0"]  # every score is shown
    if size == (1280, 720) and scale == 1.0:
        assert chips == ["Alpha (you)  30.0 \u00b7 below its usual range", "Beta  75.0 \u00b7 above its usual range"]
