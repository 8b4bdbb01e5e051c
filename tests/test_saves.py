"""Storage and saved games: the user folders, atomic JSON writes, the save format and every way a save is refused."""

from __future__ import annotations

import dataclasses
import errno
import json
import os
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import platformdirs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import game.storage
from builders import effect, scenario
from game.engine import Game
from game.saves import (
    SAVE_FORMAT,
    SAVE_KIND,
    SaveError,
    SaveInfo,
    autosave_path,
    delete_save,
    latest_save,
    list_saves,
    new_save_path,
    read_save,
    saves_dir,
    write_save,
)
from game.storage import (
    HOME_ENV,
    StorageError,
    StorageProblem,
    config_dir,
    data_dir,
    read_json,
    write_json_atomic,
)

FINGERPRINT = "ab" * 32
T0 = datetime(2025, 3, 1, 14, 0, tzinfo=UTC)

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=8), children, max_size=5),
    max_leaves=25,
)


def played_game() -> Game:
    sc = dataclasses.replace(
        scenario(
            turns=6,
            actions=[
                {"id": "talk", "effects": [effect("x += 4"), effect("y -= 1", delay=1)]},
                {"id": "press", "role": "b", "cost": 2, "effects": [effect("x -= 3", duration=2)]},
            ],
        ),
        fingerprint=FINGERPRINT,
    )
    game = Game.new(sc, seed=11)
    for _ in range(2):
        game.commit("a", "talk")
        game.commit("b", "press")
        game.resolve_turn()
    return game


def save_args(**overrides: Any) -> dict[str, Any]:
    args: dict[str, Any] = {
        "label": "Week 3, class B",
        "scenario_id": "test",
        "scenario_title": "Test Relations",
        "scenario_path": "scenarios/test.yaml",
        "fingerprint": FINGERPRINT,
        "turn": 3,
        "date": "Jul 2023",
        "roles": {"a": "human", "b": "greedy"},
        "session": {"game": {"turn": 3}},
        "saved_at": T0,
    }
    args.update(overrides)
    return args


def good_document(**overrides: Any) -> dict[str, Any]:
    document: dict[str, Any] = {
        "format": SAVE_FORMAT,
        "kind": SAVE_KIND,
        "saved_at": T0.isoformat(),
        "label": "Week 3",
        "scenario": {
            "id": "test",
            "title": "Test Relations",
            "path": "scenarios/test.yaml",
            "fingerprint": FINGERPRINT,
        },
        "turn": 3,
        "date": "Jul 2023",
        "roles": {"a": "human", "b": "greedy"},
        "session": {},
    }
    document.update(overrides)
    return document


def write_bytes(path: Path, content: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path


def leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


# ---------------------------------------------------------------------------- folders
def test_data_and_config_dirs_live_under_common_ground_home_and_are_created(home: Path) -> None:
    assert data_dir() == home / "data" and (home / "data").is_dir()
    assert config_dir() == home / "config" and (home / "config").is_dir()
    assert saves_dir() == home / "data" / "saves" and saves_dir().is_dir()
    assert autosave_path() == home / "data" / "saves" / "autosave.json"


def test_without_common_ground_home_the_platform_folders_are_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(HOME_ENV)
    calls: list[tuple[str, object]] = []

    def fake(kind: str) -> Callable[..., str]:
        def folder(appname: str, appauthor: object = None) -> str:
            calls.append((appname, appauthor))
            return str(tmp_path / kind)

        return folder

    monkeypatch.setattr(platformdirs, "user_data_dir", fake("platform-data"))
    monkeypatch.setattr(platformdirs, "user_config_dir", fake("platform-config"))
    assert data_dir() == tmp_path / "platform-data" and data_dir().is_dir()
    assert config_dir() == tmp_path / "platform-config" and config_dir().is_dir()
    assert set(calls) == {("common-ground", False)}


def test_a_folder_that_cannot_be_created_is_a_storage_error(home: Path) -> None:
    write_bytes(home / "data", b"a file where the folder should be")
    with pytest.raises(StorageError) as caught:
        data_dir()
    assert caught.value.problem is StorageProblem.UNWRITABLE
    with pytest.raises(SaveError, match="The saves folder cannot be created"):
        saves_dir()
    good, bad = list_saves()
    assert good == [] and len(bad) == 1 and "cannot be created" in bad[0][1]


# ---------------------------------------------------------------------------- atomic writes
def test_write_json_atomic_round_trips_unicode_and_leaves_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "folder" / "file.json"
    data = {"label": "សួស្តី Cambodia", "values": [1, 2.5, None, True], "nested": {"k": "v"}}
    write_json_atomic(target, data)
    assert read_json(target) == data
    assert "សួស្តី" in target.read_text(encoding="utf-8")
    assert leftovers(target.parent) == []


def test_write_json_atomic_replaces_the_old_content(tmp_path: Path) -> None:
    target = tmp_path / "file.json"
    write_json_atomic(target, {"version": 1})
    write_json_atomic(target, {"version": 2})
    assert read_json(target) == {"version": 2}


@pytest.mark.parametrize(
    "bad",
    [{"x": object()}, {"x": float("nan")}, {"x": [1, 2, {3, 4}]}, {(1, 2): "tuple key"}],
    ids=["object", "nan", "set-inside-a-list", "tuple-key"],
)
def test_a_failed_serialisation_leaves_the_old_file_intact(tmp_path: Path, bad: Any) -> None:
    target = tmp_path / "file.json"
    write_json_atomic(target, {"old": True})
    before = target.read_bytes()
    with pytest.raises(StorageError) as caught:
        write_json_atomic(target, bad)
    assert caught.value.problem is StorageProblem.NOT_SERIALISABLE
    assert target.read_bytes() == before
    assert leftovers(tmp_path) == []


def test_a_failed_rename_leaves_the_old_file_intact_and_removes_the_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "file.json"
    write_json_atomic(target, {"old": True})
    before = target.read_bytes()

    def refuse(src: object, dst: object) -> None:
        raise OSError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(StorageError, match="Permission denied") as caught:
        write_json_atomic(target, {"new": True})
    assert caught.value.problem is StorageProblem.UNWRITABLE
    assert isinstance(caught.value.__cause__, OSError)
    assert target.read_bytes() == before
    assert leftovers(tmp_path) == []


def test_a_failed_write_midway_leaves_the_old_file_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "file.json"
    write_json_atomic(target, {"old": True})
    before = target.read_bytes()

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(StorageError, match="No space left"):
        write_json_atomic(target, {"new": "x" * 10_000})
    assert target.read_bytes() == before
    assert leftovers(tmp_path) == []


def test_a_string_with_a_lone_surrogate_is_written_escaped_and_reads_back(tmp_path: Path) -> None:
    target = tmp_path / "file.json"
    write_json_atomic(target, {"s": "a\ud800b", "k": "ក"})
    assert read_json(target) == {"s": "a\ud800b", "k": "ក"}


# ---------------------------------------------------------------------------- reading JSON
@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", StorageProblem.EMPTY),
        (b"  \n\t ", StorageProblem.EMPTY),
        (b"\xff\xfe{\x00}\x00", StorageProblem.NOT_UTF8),
        (b'{"a": 1]', StorageProblem.NOT_JSON),
        (b"[1 2]", StorageProblem.NOT_JSON),
        (b'{"a": tru ', StorageProblem.NOT_JSON),
        (b'"bad \\x escape"', StorageProblem.NOT_JSON),
        (b'{"a": 1} trailing', StorageProblem.NOT_JSON),
        (b'{"a": NaN}', StorageProblem.NOT_JSON),
        (b"[Infinity]", StorageProblem.NOT_JSON),
        (b"[" * 100_000 + b"]" * 100_000, StorageProblem.NOT_JSON),
        (b'{"a": [1, 2', StorageProblem.TRUNCATED),
        (b'{"a": tr', StorageProblem.TRUNCATED),
        (b'{"a": 1.', StorageProblem.TRUNCATED),
        (b'{"a": 1.5e+', StorageProblem.TRUNCATED),
        (b'{"a": -', StorageProblem.TRUNCATED),
        (b'{"a": "x\\u12', StorageProblem.TRUNCATED),
        (b'{"a": "x\\', StorageProblem.TRUNCATED),
        ('{"a": "ក'.encode()[:-1], StorageProblem.TRUNCATED),
        ('{"a": 1}ក'.encode()[:-1], StorageProblem.NOT_UTF8),
    ],
)
def test_read_json_names_the_problem(tmp_path: Path, content: bytes, problem: StorageProblem) -> None:
    path = write_bytes(tmp_path / "file.json", content)
    with pytest.raises(StorageError) as caught:
        read_json(path)
    assert caught.value.problem is problem
    assert caught.value.path == path
    assert str(path) in str(caught.value)


def test_read_json_refuses_missing_unreadable_and_too_large_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(StorageError) as missing:
        read_json(tmp_path / "nowhere.json")
    assert missing.value.problem is StorageProblem.MISSING
    (tmp_path / "folder.json").mkdir()
    with pytest.raises(StorageError) as unreadable:
        read_json(tmp_path / "folder.json")
    assert unreadable.value.problem is StorageProblem.UNREADABLE
    monkeypatch.setattr(game.storage, "MAX_JSON_BYTES", 100)
    path = write_bytes(tmp_path / "big.json", json.dumps(["x" * 200]).encode())
    with pytest.raises(StorageError, match="larger than 100 bytes") as big:
        read_json(path)
    assert big.value.problem is StorageProblem.TOO_LARGE


def test_read_json_accepts_a_byte_order_mark(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "file.json", b'\xef\xbb\xbf{"a": "\xe1\x9e\x80"}')
    assert read_json(path) == {"a": "ក"}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=JSON, data=st.data(), indent=st.sampled_from([None, 1]))
def test_every_cut_off_json_file_is_reported_as_truncated(
    tmp_path: Path, value: Any, data: st.DataObject, indent: int | None
) -> None:
    encoded = json.dumps(value, ensure_ascii=False, indent=indent).encode()
    cut = data.draw(st.integers(min_value=0, max_value=len(encoded) - 1))
    path = write_bytes(tmp_path / "cut.json", encoded[:cut])
    try:
        read_json(path)  # a prefix may itself be valid JSON ("12" cut to "1")
    except StorageError as exc:
        expected = StorageProblem.EMPTY if not encoded[:cut].strip() else StorageProblem.TRUNCATED
        assert exc.problem is expected, (encoded[:cut], str(exc))


# ---------------------------------------------------------------------------- save round trip
def test_a_real_game_session_round_trips_through_a_save(home: Path) -> None:
    game = played_game()
    assert game.turn == 3 and game.history
    path = new_save_path("Before the vote")
    written = write_save(
        path,
        label="Before the vote",
        scenario_id=game.scenario.id,
        scenario_title="Test",
        scenario_path=Path("scenarios/test.yaml"),
        fingerprint=game.scenario.fingerprint,
        turn=game.turn,
        date=game.scenario.calendar.label(game.turn),
        roles={"a": "human", "b": "greedy"},
        session={"game": game.to_dict(), "facilitator": {"paused": False}},
    )
    info, session = read_save(path, fingerprint=game.scenario.fingerprint)
    assert info == written
    assert info.path == path and path.parent == home / "data" / "saves"
    assert (info.label, info.turn, info.date) == ("Before the vote", 3, "Jul 2023")
    assert (info.scenario_id, info.scenario_title, info.scenario_path) == ("test", "Test", "scenarios/test.yaml")
    assert info.fingerprint == FINGERPRINT
    assert info.roles == {"a": "human", "b": "greedy"}
    assert info.saved_at.tzinfo is not None
    assert abs(info.saved_at - datetime.now(UTC)) < timedelta(minutes=5)
    assert session["facilitator"] == {"paused": False}
    restored = Game.from_dict(game.scenario, session["game"])
    assert restored.to_dict() == game.to_dict()
    assert restored.history == game.history
    # Both continue identically.
    for copy in (game, restored):
        copy.commit("a", "talk")
        copy.resolve_turn()
    assert restored.to_dict() == game.to_dict()


def test_the_file_is_the_documented_format(tmp_path: Path) -> None:
    path = tmp_path / "save.json"
    write_save(path, **save_args())
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document == {
        "format": 1,
        "kind": "common-ground-save",
        "saved_at": "2025-03-01T14:00:00+00:00",
        "label": "Week 3, class B",
        "scenario": {
            "id": "test",
            "title": "Test Relations",
            "path": "scenarios/test.yaml",
            "fingerprint": FINGERPRINT,
        },
        "turn": 3,
        "date": "Jul 2023",
        "roles": {"a": "human", "b": "greedy"},
        "session": {"game": {"turn": 3}},
    }


def test_save_info_is_hashable_and_frozen(tmp_path: Path) -> None:
    info = write_save(tmp_path / "save.json", **save_args())
    assert hash(info) == hash(dataclasses.replace(info))
    with pytest.raises(dataclasses.FrozenInstanceError):
        info.label = "other"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"turn": -1}, "'turn' should be a whole number of 0 or more, not -1"),
        ({"turn": True}, "'turn' should be a whole number of 0 or more, not true"),
        ({"label": None}, "'label' should be text, not null"),
        ({"roles": {"a": 3}}, "'roles.a' should be 'person' or a computer level, not 3"),
        ({"session": [1]}, "'session' should be an object, not a list"),
        ({"saved_at": datetime(2025, 1, 1)}, "saved_at must be timezone-aware"),
    ],
)
def test_write_save_refuses_bad_arguments_before_touching_the_file(
    tmp_path: Path, overrides: dict[str, Any], message: str
) -> None:
    path = tmp_path / "save.json"
    with pytest.raises(ValueError) as caught:
        write_save(path, **save_args(**overrides))
    assert message in str(caught.value)
    assert not path.exists()


def test_write_save_of_data_that_is_not_json_is_a_save_error_and_keeps_the_old_save(tmp_path: Path) -> None:
    path = tmp_path / "save.json"
    write_save(path, **save_args(label="old"))
    with pytest.raises(SaveError, match="Could not save the game"):
        write_save(path, **save_args(label="new", session={"game": object()}))
    assert read_save(path)[0].label == "old"


def test_an_interrupted_save_keeps_the_previous_save(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "save.json"
    write_save(path, **save_args(label="old"))

    def crash(src: object, dst: object) -> None:
        raise OSError(errno.EIO, "Input/output error")

    with monkeypatch.context() as patch, pytest.raises(SaveError, match=r"Could not save the game: Input/output error"):
        patch.setattr(os, "replace", crash)
        write_save(path, **save_args(label="new"))
    assert read_save(path)[0].label == "old"
    assert leftovers(tmp_path) == []


# ---------------------------------------------------------------------------- refused saves
def valid_bytes() -> bytes:
    return json.dumps(good_document(label="សួស្តី"), ensure_ascii=False).encode()


CATALOGUE: list[tuple[str, bytes | Callable[[], bytes], str]] = [
    ("corrupt bytes", b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe", "This save is damaged (not valid JSON)"),
    ("plain text", b"my notes about the game", "This save is damaged (not valid JSON)"),
    ("garbage after the save", lambda: valid_bytes() + b"}", "This save is damaged (not valid JSON)"),
    (
        "NaN in the session",
        lambda: valid_bytes().replace(b'"session": {}', b'"session": {"x": NaN}'),
        "This save is damaged (not valid JSON)",
    ),
    ("truncated JSON", lambda: valid_bytes()[:60], "This save is incomplete (it was cut off)"),
    (
        "truncated inside a Khmer character",
        lambda: valid_bytes()[: valid_bytes().index("ស".encode()) + 2],
        "This save is incomplete (it was cut off)",
    ),
    ("empty file", b"", "This save is empty (nothing was written to it)"),
    (
        "wrong kind",
        lambda: json.dumps(good_document(kind="common-ground-settings")).encode(),
        "This is not a Common Ground save",
    ),
    ("no kind", b'{"format": 1, "turn": 3}', "This is not a Common Ground save"),
    ("a list", b"[1, 2, 3]", "This is not a Common Ground save"),
    ("a string", b'"common-ground-save"', "This is not a Common Ground save"),
    (
        "newer format",
        lambda: json.dumps(good_document(format=3)).encode(),
        "This save was made by a newer version of Common Ground (format 3)",
    ),
    ("format zero", lambda: json.dumps(good_document(format=0)).encode(), "This save has an unknown format number (0)"),
    (
        "format as text",
        lambda: json.dumps(good_document(format="1")).encode(),
        "This save has no valid format number ('1')",
    ),
    (
        "format missing",
        lambda: json.dumps({k: v for k, v in good_document().items() if k != "format"}).encode(),
        "This save has no valid format number (null)",
    ),
    (
        "missing turn",
        lambda: json.dumps({k: v for k, v in good_document().items() if k != "turn"}).encode(),
        "This save is damaged: 'turn' is missing",
    ),
    (
        "missing several fields",
        lambda: json.dumps(
            {k: v for k, v in good_document().items() if k not in ("label", "session", "roles")}
        ).encode(),
        "This save is damaged: 'label' is missing; 'roles' is missing; 'session' is missing",
    ),
    (
        "missing scenario fingerprint",
        lambda: json.dumps(good_document(scenario={"id": "t", "title": "T", "path": "t.yaml"})).encode(),
        "This save is damaged: 'scenario.fingerprint' is missing",
    ),
    (
        "turn as text",
        lambda: json.dumps(good_document(turn="3")).encode(),
        "This save is damaged: 'turn' should be a whole number of 0 or more, not '3'",
    ),
    (
        "turn as a fraction",
        lambda: json.dumps(good_document(turn=2.5)).encode(),
        "This save is damaged: 'turn' should be a whole number of 0 or more, not 2.5",
    ),
    (
        "label as a number",
        lambda: json.dumps(good_document(label=7)).encode(),
        "This save is damaged: 'label' should be text, not 7",
    ),
    (
        "scenario as text",
        lambda: json.dumps(good_document(scenario="cambodia_us")).encode(),
        "This save is damaged: 'scenario' should be an object, not 'cambodia_us'",
    ),
    (
        "roles as a list",
        lambda: json.dumps(good_document(roles=["us"])).encode(),
        "This save is damaged: 'roles' should be an object, not a list",
    ),
    (
        "role played by null",
        lambda: json.dumps(good_document(roles={"us": None})).encode(),
        "This save is damaged: 'roles.us' should be 'person' or a computer level, not null",
    ),
    (
        "session as text",
        lambda: json.dumps(good_document(session="x")).encode(),
        "This save is damaged: 'session' should be an object, not 'x'",
    ),
    (
        "saved_at not a date",
        lambda: json.dumps(good_document(saved_at="last Tuesday")).encode(),
        "This save is damaged: 'saved_at' should be a date and time, not 'last Tuesday'",
    ),
    (
        "several wrong types",
        lambda: json.dumps(good_document(turn=None, date=False)).encode(),
        "This save is damaged: 'turn' should be a whole number of 0 or more, not null; "
        "'date' should be text, not false",
    ),
]


@pytest.mark.parametrize(("content", "message"), [c[1:] for c in CATALOGUE], ids=[c[0] for c in CATALOGUE])
def test_a_bad_save_is_refused_with_a_message_for_the_player(
    tmp_path: Path, content: bytes | Callable[[], bytes], message: str
) -> None:
    path = write_bytes(tmp_path / "save.json", content() if callable(content) else content)
    with pytest.raises(SaveError) as caught:
        read_save(path)
    assert str(caught.value) == message
    assert caught.value.path == path


def test_a_save_of_a_changed_scenario_is_refused_when_the_fingerprint_is_given(tmp_path: Path) -> None:
    path = tmp_path / "save.json"
    write_save(path, **save_args())
    with pytest.raises(SaveError) as caught:
        read_save(path, fingerprint="cd" * 32)
    assert str(caught.value) == (
        "This save belongs to a different version of the scenario 'Test Relations': the scenario file has changed since"
    )
    assert read_save(path, fingerprint=FINGERPRINT)[0].fingerprint == FINGERPRINT
    assert read_save(path)[0].fingerprint == FINGERPRINT  # no fingerprint given: not checked


def test_missing_too_large_and_unreadable_saves_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(SaveError, match=r"^This save no longer exists$"):
        read_save(tmp_path / "gone.json")
    (tmp_path / "folder.json").mkdir()
    with pytest.raises(SaveError, match=r"^This save could not be read \("):
        read_save(tmp_path / "folder.json")
    path = tmp_path / "save.json"
    write_save(path, **save_args(session={"big": "x" * 1000}))
    monkeypatch.setattr(game.storage, "MAX_JSON_BYTES", 500)
    with pytest.raises(SaveError, match=r"^This save is too large to be a Common Ground save$"):
        read_save(path)


def test_a_hand_written_save_without_a_time_zone_is_read_as_utc(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "save.json", json.dumps(good_document(saved_at="2025-03-01T14:00:00")).encode())
    assert read_save(path)[0].saved_at == T0


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.binary(max_size=300))
def test_random_bytes_are_refused_with_a_save_error_only(tmp_path: Path, content: bytes) -> None:
    path = write_bytes(tmp_path / "fuzz.json", content)
    with pytest.raises(SaveError):
        read_save(path)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=JSON)
def test_random_json_is_refused_with_a_save_error_only(tmp_path: Path, value: Any) -> None:
    path = write_bytes(tmp_path / "fuzz.json", json.dumps(value).encode())
    with pytest.raises(SaveError):
        read_save(path)


def _mutations() -> st.SearchStrategy[dict[str, Any]]:
    keys = st.sampled_from(sorted(good_document()))
    replace = st.tuples(keys, JSON).map(lambda kv: good_document(**{kv[0]: kv[1]}))
    drop = keys.map(lambda k: {key: v for key, v in good_document().items() if key != k})
    inner = st.tuples(st.sampled_from(["id", "title", "path", "fingerprint"]), JSON).map(
        lambda kv: good_document(scenario={**good_document()["scenario"], kv[0]: kv[1]})
    )
    return st.one_of(replace, drop, inner)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(document=_mutations(), fingerprint=st.none() | st.just(FINGERPRINT) | st.text(max_size=4))
def test_a_damaged_save_document_gives_a_save_error_or_a_well_typed_save(
    tmp_path: Path, document: dict[str, Any], fingerprint: str | None
) -> None:
    path = write_bytes(tmp_path / "fuzz.json", json.dumps(document).encode())
    try:
        info, session = read_save(path, fingerprint=fingerprint)
    except SaveError as exc:
        assert str(exc).startswith("This ")
        return
    assert isinstance(info, SaveInfo) and isinstance(session, dict)
    assert isinstance(info.turn, int) and not isinstance(info.turn, bool) and info.turn >= 0
    assert all(isinstance(v, str) for v in (info.label, info.scenario_id, info.scenario_title, info.date))
    assert fingerprint is None or info.fingerprint == fingerprint


# ---------------------------------------------------------------------------- file names
def test_new_save_paths_are_safe_unique_and_in_the_saves_folder(home: Path) -> None:
    first = new_save_path("Week 3: class B / test?")
    assert first.parent == home / "data" / "saves"
    assert first.suffix == ".json"
    assert first.name.endswith("-week-3-class-b-test.json")
    assert not set(first.name) & set('<>:"/\\|?*')
    first.write_text("{}")
    second = new_save_path("Week 3: class B / test?")
    assert second != first and second.name.endswith("-2.json")
    assert new_save_path("").name.endswith("-save.json")
    assert new_save_path("../../etc/passwd").parent == home / "data" / "saves"
    assert new_save_path("ការចរចា ២").name.endswith("-ការចរចា-២.json")  # Khmer letters, vowel signs and digits kept
    assert len(new_save_path("x" * 500).name) < 80


def test_new_save_path_starts_with_a_timestamp() -> None:
    name = new_save_path("a").name
    stamp = datetime.strptime(name[:15], "%Y%m%d-%H%M%S")
    assert abs(stamp - datetime.now()) < timedelta(minutes=5)


# ---------------------------------------------------------------------------- listing
def test_list_saves_returns_good_saves_newest_first_and_reports_the_bad_ones(tmp_path: Path) -> None:
    folder = tmp_path / "saves"
    for label, hours in (("middle", 1), ("oldest", 0), ("newest", 5)):
        write_save(folder / f"{label}.json", **save_args(label=label, saved_at=T0 + timedelta(hours=hours)))
    write_bytes(folder / "a-corrupt.json", b"\x00\xffnot json")
    write_bytes(folder / "b-cut.json", valid_bytes()[:40])
    write_bytes(folder / "c-future.json", json.dumps(good_document(format=3)).encode())
    write_bytes(folder / "notes.txt", b"not a save, not listed")
    write_bytes(folder / ".newest.json.abc123.tmp", b"{half a save")
    (folder / "folder.json").mkdir()

    good, bad = list_saves(folder)
    assert [info.label for info in good] == ["newest", "middle", "oldest"]
    assert bad == [
        (folder / "a-corrupt.json", "This save is damaged (not valid JSON)"),
        (folder / "b-cut.json", "This save is incomplete (it was cut off)"),
        (folder / "c-future.json", "This save was made by a newer version of Common Ground (format 3)"),
    ]


def test_list_saves_defaults_to_the_saves_folder_and_handles_a_missing_folder(tmp_path: Path) -> None:
    assert list_saves() == ([], [])
    assert list_saves(tmp_path / "does-not-exist") == ([], [])
    write_save(new_save_path("one"), **save_args(label="one"))
    good, bad = list_saves()
    assert [info.label for info in good] == ["one"] and bad == []


def test_latest_save_includes_the_autosave() -> None:
    assert latest_save() is None
    write_save(new_save_path("manual"), **save_args(label="manual", saved_at=T0))
    assert (latest := latest_save()) is not None and latest.label == "manual"
    write_save(autosave_path(), **save_args(label="Autosave", saved_at=T0 + timedelta(minutes=1)))
    assert (latest := latest_save()) is not None and latest.path == autosave_path()
    write_save(autosave_path(), **save_args(label="Autosave", saved_at=T0 - timedelta(days=1)))
    assert (latest := latest_save()) is not None and latest.label == "manual"


def test_latest_save_skips_unreadable_saves(tmp_path: Path) -> None:
    write_bytes(autosave_path(), valid_bytes()[:30])
    assert latest_save() is None
    write_save(new_save_path("ok"), **save_args(label="ok"))
    assert (latest := latest_save()) is not None and latest.label == "ok"


def test_delete_save_removes_the_file_and_tolerates_a_missing_one() -> None:
    path = new_save_path("doomed")
    write_save(path, **save_args())
    delete_save(path)
    assert not path.exists()
    delete_save(path)
    assert list_saves() == ([], [])


def test_delete_save_that_fails_is_a_save_error(tmp_path: Path) -> None:
    (tmp_path / "folder.json").mkdir()
    (tmp_path / "folder.json" / "inside").write_text("x")
    with pytest.raises(SaveError, match="This save could not be deleted"):
        delete_save(tmp_path / "folder.json")


# ---------------------------------------------------------------------------- purity
def test_storage_modules_never_load_pygame() -> None:
    code = "import sys; import game.storage, game.saves, game.settings; print('pygame' in sys.modules)"
    env = {**os.environ, HOME_ENV: "/nonexistent-common-ground-home"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    assert result.stdout.strip() == "False"
