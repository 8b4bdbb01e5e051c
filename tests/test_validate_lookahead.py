"""`validate` looks ahead: conditions never or always true, actions never affordable, events that never fire and
negotiation items that can be agreed again, each warned about at its place in the file; and none wrongly."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from game.cli import main
from game.content.loader import load_scenario
from game.content.lookahead import look_ahead_file
from game.content.problems import Problem

ROOT = Path(__file__).resolve().parent.parent

BASE: dict[str, Any] = {
    "format": 1,
    "id": "small",
    "title": "Small",
    "description": "A purpose-made scenario.",
    "turns": 6,
    "indicators": [
        {"id": "relations", "label": "Relations", "description": "How well they get on.", "initial": 50},
        {
            "id": "signed",
            "label": "Signed",
            "description": "Whether the pact is signed.",
            "initial": 0,
            "max": 1,
            "hidden": True,
        },
    ],
    "families": [{"id": "talk", "label": "Talk"}],
    "roles": [
        {
            "id": "north",
            "name": "North",
            "brief": "North.",
            "objectives": "Relations.",
            "score": "relations",
            "capital": 2,
            "capital_max": 4,
        },
        {
            "id": "south",
            "name": "South",
            "brief": "South.",
            "objectives": "Relations.",
            "score": "relations",
            "capital": 2,
        },
    ],
    "actions": [
        {
            "id": "talk",
            "role": "north",
            "family": "talk",
            "label": "Talk",
            "description": "Talk.",
            "cost": 1,
            "effects": ["relations += 2"],
        },
    ],
    "events": [{"id": "storm", "title": "Storm", "text": "A storm.", "effects": ["relations -= 1"]}],
    "endings": [
        {"id": "friends", "title": "Friends", "text": "Friends.", "condition": "relations >= 70"},
        {"id": "strangers", "title": "Strangers", "text": "Strangers."},
    ],
}


def write(tmp_path: Path, data: dict[str, Any]) -> Path:
    path = tmp_path / "small.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, width=1000), encoding="utf-8")
    return path


def changed(**parts: Any) -> dict[str, Any]:
    data = copy.deepcopy(BASE)
    data.update(parts)
    return data


def warnings_of(path: Path) -> list[Problem]:
    return look_ahead_file(path, load_scenario(path))


def line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


def test_the_base_scenario_has_no_warning(tmp_path: Path) -> None:
    assert warnings_of(write(tmp_path, BASE)) == []


def test_an_ending_that_can_never_be_reached_is_warned_at_its_condition(tmp_path: Path) -> None:
    endings = copy.deepcopy(BASE["endings"])
    endings[0]["condition"] = "relations > 150 or turn > 6"
    path = write(tmp_path, changed(endings=endings))
    [warning] = warnings_of(path)
    assert warning.severity == "warning"
    assert "ending 'friends'" in warning.message and "can never be true" in warning.message
    assert "can never be reached" in warning.message
    assert warning.line == line_of(path, "relations > 150")
    assert warning.col > 1
    assert "relations is 0..100" in warning.hint and "turn is 3..6" in warning.hint


def test_an_ending_always_true_hides_the_endings_after_it(tmp_path: Path) -> None:
    endings = [
        {"id": "friends", "title": "Friends", "text": "Friends.", "condition": "relations <= 100"},
        {"id": "rivals", "title": "Rivals", "text": "Rivals.", "condition": "relations < 20"},
        {"id": "strangers", "title": "Strangers", "text": "Strangers."},
    ]
    path = write(tmp_path, changed(endings=endings))
    messages = [w.message for w in warnings_of(path)]
    assert messages == [
        "ending 'friends': its condition 'relations <= 100' is always true",
        "ending 'rivals' can never be reached: ending 'friends' before it always holds",
        "ending 'strangers' can never be reached: ending 'friends' before it always holds",
    ]


def test_an_early_ending_always_true_ends_every_game_at_once(tmp_path: Path) -> None:
    endings = [{"id": "walkout", "title": "Walkout", "text": "Gone.", "condition": "turn >= 1", "early": True},
               *BASE["endings"]]  # fmt: skip
    [warning] = warnings_of(write(tmp_path, changed(endings=endings)))
    assert warning.message == (
        "early ending 'walkout': its condition 'turn >= 1' is always true, so every game ends after its first turn"
    )
    assert warning.hint == "turn is 1..6"


def test_a_hidden_flag_no_rule_changes_keeps_its_initial_value(tmp_path: Path) -> None:
    actions = copy.deepcopy(BASE["actions"])
    actions[0]["condition"] = "signed == 1"
    path = write(tmp_path, changed(actions=actions))
    [warning] = warnings_of(path)
    assert warning.message == "action 'talk': its condition 'signed == 1' can never be true, so the action can " + (
        "never be taken"
    )
    assert warning.hint == "signed is 0"
    # Once a rule sets the flag, the condition may hold: no warning.
    events = [{**BASE["events"][0], "effects": ["signed = 1"]}]
    assert warnings_of(write(tmp_path, changed(actions=actions, events=events))) == []


def test_an_event_outside_its_turns_never_fires(tmp_path: Path) -> None:
    events = [{**BASE["events"][0], "window": [1, 3], "condition": "turn >= 4"}]
    path = write(tmp_path, changed(events=events))
    [warning] = warnings_of(path)
    assert warning.message.endswith("can never be true, so the event can never fire")
    assert warning.line == line_of(path, "turn >= 4")


def test_an_event_condition_that_holds_in_the_full_game_only_is_not_called_always_true(tmp_path: Path) -> None:
    """In a shorter game the scripted turn moves earlier, and `turn >= 6` no longer holds there."""
    events = [{**BASE["events"][0], "at_turn": 6, "condition": "turn >= 6"}]
    assert warnings_of(write(tmp_path, changed(events=events))) == []
    always = [{**BASE["events"][0], "at_turn": 6, "condition": "turn >= 3"}]
    [warning] = warnings_of(write(tmp_path, changed(events=always)))
    assert warning.message == "event 'storm': its condition 'turn >= 3' is always true"


def test_random_events_never_fire_without_draws(tmp_path: Path) -> None:
    events = [*BASE["events"], {"id": "visit", "title": "Visit", "text": "A visit.", "at_turn": 2}]
    path = write(tmp_path, changed(events=events, events_per_turn=0))
    [warning] = warnings_of(path)
    assert warning.message.startswith("event 'storm' can never fire: it has no at_turn and events_per_turn is 0")
    assert warning.line == line_of(path, "id: storm")


def test_an_action_its_role_can_never_afford(tmp_path: Path) -> None:
    actions = [*BASE["actions"], {**BASE["actions"][0], "id": "summit", "cost": 5}]
    path = write(tmp_path, changed(actions=actions))
    [warning] = warnings_of(path)
    assert warning.message == (
        "action 'summit' can never be afforded: it costs 5 capital and role 'north' never holds more than 4"
    )
    assert warning.line == line_of(path, "cost: 5")
    # A short game limits capital too: 2 a turn over 2 turns is 4 even when 10 could be kept.
    roles = copy.deepcopy(BASE["roles"])
    roles[0]["capital_max"] = 10
    two_turns = changed(actions=actions, roles=roles, turns=2)
    assert [w.message for w in warnings_of(write(tmp_path, two_turns))] == [warning.message]
    roles[0]["capital_max"] = 5
    assert warnings_of(write(tmp_path, changed(actions=actions, roles=roles))) == []


def _negotiation(*items: dict[str, Any], **more: Any) -> dict[str, Any]:
    return {"items": list(items), **more}


def _item(item_id: str, **parts: Any) -> dict[str, Any]:
    return {"id": item_id, "giver": "north", "label": "Give", "description": "Give it.", "effects": ["relations += 1"],
            **parts}  # fmt: skip


def test_an_item_that_can_be_agreed_again_after_it_is_implemented(tmp_path: Path) -> None:
    negotiation = _negotiation(
        _item("open_port"),
        _item("sign_pact", effects=["signed = 1", "relations += 3"], condition="signed == 0"),
        _item("first_loan"),
        _item("second_loan", follows="first_loan", condition="relations < 90"),
        _item("trade_round", condition="relations < 90", repeatable=True),  # meant to come round again: no warning
    )
    path = write(tmp_path, changed(negotiation=negotiation))
    warnings = warnings_of(path)
    assert [w.message for w in warnings] == [
        "item 'open_port' can be agreed again after it is implemented: it has no condition",
        "item 'second_loan' can be agreed again after it is implemented: its condition does not rule it out",
    ]
    assert warnings[0].line == line_of(path, "id: open_port")
    assert warnings[1].line == line_of(path, "relations < 90")
    assert "follows" in warnings[0].hint


def test_an_item_the_game_is_too_short_to_agree_twice(tmp_path: Path) -> None:
    """Agreed at turn 3 at the earliest and implemented over 4 turns, the item is done at the last turn (6)."""
    late = _item("late", condition="turn >= 3", turns=4)
    assert warnings_of(write(tmp_path, changed(negotiation=_negotiation(late)))) == []
    early = _item("early", condition="turn >= 2", turns=4)
    [warning] = warnings_of(write(tmp_path, changed(negotiation=_negotiation(early))))
    assert warning.message.startswith("item 'early' can be agreed again")
    # A later form comes on only the turn after its earlier form is implemented: first at 1 + 3 = 4, done at 6.
    first = _item("first", effects=["signed = 1"], condition="signed == 0", turns=3)
    second = _item("second", follows="first", turns=3)
    assert warnings_of(write(tmp_path, changed(negotiation=_negotiation(first, second)))) == []


def test_an_item_whose_condition_can_never_hold(tmp_path: Path) -> None:
    path = write(tmp_path, changed(negotiation=_negotiation(_item("pact", condition="signed > 1"))))
    [warning] = warnings_of(path)
    assert (
        warning.message == "item 'pact': its condition 'signed > 1' can never be true, so the item can never be offered"
    )


def test_an_item_only_events_that_never_fire_would_open(tmp_path: Path) -> None:
    never = {**BASE["events"][0], "condition": "relations > 100", "opens": ["pact"]}
    pact = _item("pact", on_table=False, effects=["signed = 1"], condition="signed == 0")
    path = write(tmp_path, changed(events=[never], negotiation=_negotiation(pact)))
    assert [w.message for w in warnings_of(path)] == [
        "event 'storm': its condition 'relations > 100' can never be true, so the event can never fire",
        "item 'pact' can never be offered: it starts off the table, and the only events that open it ('storm') can "
        "never fire",
    ]
    assert warnings_of(path)[1].line == line_of(path, "on_table: false")
    visit = {"id": "visit", "title": "Visit", "text": "A visit.", "at_turn": 2, "opens": ["pact"]}
    assert len(warnings_of(write(tmp_path, changed(events=[never, visit], negotiation=_negotiation(pact))))) == 1


def test_the_event_a_break_triggers_fires_whatever_its_condition(tmp_path: Path) -> None:
    events = [{**BASE["events"][0], "condition": "relations > 200"}]
    once = _item("pact", effects=["signed = 1"], condition="signed == 0")
    path = write(tmp_path, changed(events=events, negotiation=_negotiation(once, break_event="storm")))
    assert warnings_of(path) == []


def test_a_division_that_may_fail_gives_no_warning(tmp_path: Path) -> None:
    actions = copy.deepcopy(BASE["actions"])
    actions[0]["condition"] = "100 / (relations - 50) < 1000"
    assert warnings_of(write(tmp_path, changed(actions=actions))) == []


def test_a_file_gone_since_it_was_loaded_gets_no_look_ahead(tmp_path: Path) -> None:
    path = write(tmp_path, changed(negotiation=_negotiation(_item("open_port"))))
    scenario = load_scenario(path)
    assert len(look_ahead_file(path, scenario)) == 1
    path.unlink()
    assert look_ahead_file(path, scenario) == []


def test_validate_prints_the_warnings_and_strict_makes_them_fail(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    endings = copy.deepcopy(BASE["endings"])
    endings[0]["condition"] = "relations > 150"
    path = write(tmp_path, changed(endings=endings))
    assert main(["validate", str(path)]) == 0
    out = capsys.readouterr().out
    line = line_of(path, "relations > 150")
    assert f"{path}:{line}:" in out and ": warning: ending 'friends': its condition" in out
    assert f"{path}: ok (" in out
    assert main(["validate", "--strict", str(path)]) == 1
    assert "warning: ending 'friends'" in capsys.readouterr().out
    assert main(["validate", "--strict", str(write(tmp_path, BASE))]) == 0


def test_the_shipped_scenarios_give_no_warning() -> None:
    """Every condition of the shipped scenarios may or may not hold, every action can be afforded, and the items that
    can be agreed again say that they are meant to be (``repeatable``)."""
    for path in sorted((ROOT / "scenarios").glob("*.yaml")):
        assert [w.format() for w in warnings_of(path)] == []
