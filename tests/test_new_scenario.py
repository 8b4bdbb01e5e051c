"""``python main.py new FILE``: a commented starter scenario that validates cleanly and plays to an ending."""

from __future__ import annotations

import io
import random
import re
from pathlib import Path

import pytest

from game.ai.policies import make_policy
from game.cli import main
from game.content.docs import schema_text
from game.content.loader import load_scenario
from game.content.problems import Problem
from game.content.starter import name_of, parse_roles, scenario_id, starter_text
from game.engine import Game
from game.new_scenario import schema_reference
from game.paths import SCENARIO_DIR
from game.table.match import Match
from game.text import run

GUIDE = SCENARIO_DIR / "README.md"
SCHEMA = SCENARIO_DIR / "scenario.schema.json"


def new(tmp_path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run ``new`` with ``args``; returns the exit status, stdout and stderr."""
    code = main(["new", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def modeline_target(path: Path) -> Path:
    """The schema file the first line of ``path`` names, resolved as an editor does: against the file's folder."""
    first = path.read_text(encoding="utf-8").splitlines()[0]
    match = re.fullmatch(r"# yaml-language-server: \$schema=(.+)", first)
    assert match is not None, first
    return (path.parent / match.group(1)).resolve()


def test_new_writes_a_scenario_that_validates_without_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "my_bay.yaml"
    code, out, err = new(tmp_path, capsys, str(path))
    assert (code, err) == (0, "")
    assert f"wrote {path}: a starter scenario for north, south" in out
    warnings: list[Problem] = []
    scenario = load_scenario(path, warnings=warnings)
    assert warnings == []
    assert [r.name for r in scenario.roles] == [{"en": "North"}, {"en": "South"}]
    assert scenario.id == "my_bay" and scenario.negotiation is not None
    assert main(["validate", str(path)]) == 0
    assert capsys.readouterr().out == f"{path}: ok (My Bay: 5 indicators, 2 roles, 6 actions, 2 events, 3 endings)\n"


@pytest.mark.parametrize("roles", ["north,south", "river_kingdom,hill_tribes,coast", "a,b,c,d,e,f"])
@pytest.mark.parametrize("policy", ["random", "greedy"])
def test_every_starter_plays_to_an_ending_with_computer_players(roles: str, policy: str) -> None:
    ids = parse_roles(roles)
    path = Path("starter.yaml")
    from game.content.loader import load_scenario_text

    scenario = load_scenario_text(starter_text(ids, schema="scenario.schema.json", stem="starter"), str(path))
    endings = set()
    for seed in range(6):
        game = Game.new(scenario, seed)
        players = {r: make_policy(policy, game, r, random.Random(seed)) for r in ids}
        Match.around(game, players).play()
        assert game.outcome is not None
        endings.add(game.outcome.ending)
    assert endings <= {"partnership", "clash_in_the_bay", "cold_peace"} and endings


def test_the_terminal_plays_a_starter_to_its_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bay.yaml"
    assert new(tmp_path, capsys, str(path))[0] == 0
    out = io.StringIO()
    code = run(load_scenario(path), role="north", seed=3, stdin=io.StringIO("1\ne\n" * 100), stdout=out)
    text = out.getvalue()
    assert code == 0 and "The game is over" in text and "Ending: " in text and "Traceback" not in text


def test_the_roles_come_from_the_command_line_with_names_made_from_their_ids(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "three.yaml"
    assert new(tmp_path, capsys, str(path), "--roles", "river_kingdom,hill_tribes,coast")[0] == 0
    scenario = load_scenario(path)
    assert [(r.id, r.name["en"]) for r in scenario.roles] == [
        ("river_kingdom", "River Kingdom"),
        ("hill_tribes", "Hill Tribes"),
        ("coast", "Coast"),
    ]
    assert len(scenario.actions) == 9
    assert {a.family for a in scenario.actions} == {"talk", "trade", "pressure"}


@pytest.mark.parametrize(
    ("roles", "message"),
    [
        ("North,south", "'North' is not an id"),
        ("a", "give 2 to 6 role ids, not 1"),
        ("a,b,c,d,e,f,g", "give 2 to 6 role ids, not 7"),
        ("a,a", "a given more than once"),
        ("a,,b", "an empty role id"),
        ("relations,b", "'relations' is a name the starter scenario already uses"),
        ("1st,b", "'1st' is not an id"),
    ],
)
def test_bad_role_ids_are_refused_with_exit_2_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], roles: str, message: str
) -> None:
    path = tmp_path / "x.yaml"
    code, out, err = new(tmp_path, capsys, str(path), "--roles", roles)
    assert code == 2 and out == ""
    assert err.startswith("common-ground: error: --roles") and message in err
    assert not path.exists()


def test_an_existing_file_is_kept_unless_force_is_given(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("my own work\n", encoding="utf-8")
    code, out, err = new(tmp_path, capsys, str(path))
    assert (code, out) == (1, "")
    assert err == f"common-ground: error: {path} already exists; choose another name, or add --force to overwrite it\n"
    assert path.read_text(encoding="utf-8") == "my own work\n"
    assert new(tmp_path, capsys, str(path), "--force")[0] == 0
    assert path.read_text(encoding="utf-8").startswith("# yaml-language-server:")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.yaml"]  # written in place, no temporary file left


def test_a_folder_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = new(tmp_path, capsys, str(tmp_path))
    assert code == 1 and "is a folder; give the name of the scenario file to write" in err


def test_the_modeline_reaches_the_games_schema_from_wherever_the_file_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for place in (tmp_path / "a.yaml", tmp_path / "deep" / "er" / "b.yaml"):
        assert new(tmp_path, capsys, str(place))[0] == 0
        assert modeline_target(place) == SCHEMA.resolve()


def test_a_file_beside_the_schema_names_it_plainly(tmp_path: Path) -> None:
    schema = tmp_path / "scenario.schema.json"
    assert schema_reference(tmp_path / "mine.yaml", schema) == "scenario.schema.json"
    assert schema_reference(tmp_path / "sub" / "mine.yaml", schema) == "../scenario.schema.json"


def test_schema_copy_writes_the_schema_beside_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "shared.yaml"
    code, out, _ = new(tmp_path, capsys, str(path), "--schema-copy")
    assert code == 0 and "a copy of the schema written beside it" in out
    assert (tmp_path / "scenario.schema.json").read_text(encoding="utf-8") == schema_text()
    assert modeline_target(path) == (tmp_path / "scenario.schema.json").resolve()
    assert load_scenario(path).id == "shared"


def test_schema_copy_keeps_a_different_file_of_that_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "scenario.schema.json").write_text("{}\n", encoding="utf-8")
    code, _, err = new(tmp_path, capsys, str(tmp_path / "s.yaml"), "--schema-copy")
    assert code == 1 and "is not this game's schema; add --force to overwrite it" in err
    assert (tmp_path / "scenario.schema.json").read_text(encoding="utf-8") == "{}\n"
    assert not (tmp_path / "s.yaml").exists()


def test_every_section_opens_with_a_comment_and_the_guide_has_the_sections_it_names() -> None:
    text = starter_text(["north", "south"], schema="scenario.schema.json", stem="bay")
    lines = text.splitlines()
    for key in ("sources", "indicators", "families", "roles", "actions", "events", "dynamics", "endings",
                "negotiation"):  # fmt: skip
        at = lines.index(f"{key}:")
        assert lines[at - 1].startswith("#"), key
    headings = {line.lstrip("#").strip() for line in GUIDE.read_text(encoding="utf-8").splitlines() if line[:2] == "##"}
    named = set(re.findall(r'"([^"]+)" in the guide', re.sub(r"\n\s*#\s*", " ", text)))
    assert named and named <= headings, named - headings


def test_the_starter_shows_a_readable_reason_for_its_closed_action() -> None:
    from game.content.loader import load_scenario_text

    text = starter_text(["north", "south"], schema="scenario.schema.json", stem="bay")
    game = Game.new(load_scenario_text(text.replace("initial: 45", "initial: 20"), "bay.yaml"))
    assert game.why_not("north", "north_trade_fair") == "needs relations of 40 or more"


def test_names_and_ids_are_derived_from_what_the_modder_typed() -> None:
    assert name_of("north_shore") == "North Shore"
    assert scenario_id("My Bay-2") == "my_bay_2"
    assert scenario_id("2024 talks") == "scenario_2024_talks"
