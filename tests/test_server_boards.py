"""The dashboard's room message is cheap to build for many tables: each table's public board is built (and encoded)
once per change of that table, never served stale, the spliced text is exactly the message encoded whole, and
changes close together reach the dashboards in one room message that holds them all."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest
from server_kit import play_once, seated, service_at

with warnings.catch_warnings():  # this Starlette's test client prefers a renamed httpx; the one installed works
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from game.server.app import create_app
from game.server.room import Table
from game.server.service import ClassService
from game.server.views import plain, public_json
from game.table import DecisionKind


@pytest.fixture
def service(tmp_path: Path) -> ClassService:
    return service_at(tmp_path / "class.sqlite3")[0]


def second_table(service: ClassService) -> tuple[Table, dict[str, str]]:
    """Another started table, of the teams Red and Green: the table and each role's token."""
    table = service.add_table(seed=11)
    tokens = {}
    for role, name in zip(table.seats, ("Red", "Green"), strict=False):
        tokens[role], _ = service.join(service.room.code, name)
        service.seat(table.id, role, f"team:{name}")
    service.start(table.id)
    return table, tokens


def boards(room: dict[str, object]) -> dict[str, object]:
    return {t["id"]: t["public"] for t in room["tables"]}  # type: ignore[attr-defined]


def test_a_board_is_built_once_and_built_again_after_its_table_changes(service: ClassService) -> None:
    first, tokens = seated(service)
    other, _ = second_table(service)
    before = boards(service.room_json({}))
    again = boards(service.room_json({}))
    assert again[first.id] is before[first.id] and again[other.id] is before[other.id]
    play_once(service, first, tokens)
    after = boards(service.room_json({}))
    assert after[other.id] is before[other.id]
    assert after[first.id] is not before[first.id]
    assert first.match is not None and after[first.id] == public_json(first.match) != before[first.id]
    service.control(other.id, "pause", {})
    paused = boards(service.room_json({}))
    assert paused[other.id]["paused"] is True and before[other.id]["paused"] is False  # type: ignore[index]


def test_the_spliced_room_text_is_the_room_encoded_whole(service: ClassService) -> None:
    first, tokens = seated(service)
    second_table(service)
    service.add_table()  # not started: no board
    play_once(service, first, tokens)
    for _ in range(2):  # the second time from the kept texts
        room = service.room_json({"Blue": 1})
        text = service.boards.room_text(room)
        assert text == json.dumps(room, separators=(",", ":"))
        assert json.loads(text)["tables"][0]["public"]["turn"] == room["tables"][0]["public"]["turn"]


def test_a_table_written_again_gets_a_new_text_too(service: ClassService) -> None:
    first, tokens = seated(service)
    old = service.boards.room_text(service.room_json({}))
    play_once(service, first, tokens)
    new = service.boards.room_text(service.room_json({}))
    assert first.match is not None
    assert json.loads(new)["tables"][0]["public"] == json.loads(json.dumps(public_json(first.match)))
    assert new != old


def test_plain_keeps_plain_values_and_still_turns_enums_into_their_values() -> None:
    assert plain({"a": (1, 2.5, "x", None, True)}) == {"a": [1, 2.5, "x", None, True]}
    kind = plain(DecisionKind.ACT)
    assert kind == "act" and type(kind) is str


def test_changes_close_together_reach_the_dashboard_together_and_the_last_room_holds_them_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("game.server.hub.ROOM_EVERY", 2.0)
    service, admin = service_at(tmp_path / "class.sqlite3")
    with TestClient(create_app(service)) as client, client.websocket_connect("/ws/teacher") as desk:
        desk.send_json({"type": "hello", "admin": admin})
        assert desk.receive_json()["type"] == "room"
        for number in range(1, 6):
            desk.send_json({"type": "create_table", "id": number})
        results, rooms = 0, []
        while results < 5 or not rooms or len(rooms[-1]["tables"]) < 5:
            message = desk.receive_json()
            results += message["type"] == "result"
            rooms += [message] if message["type"] == "room" else []
        assert [t["id"] for t in rooms[-1]["tables"]] == ["t1", "t2", "t3", "t4", "t5"]
        assert len(rooms) == 1  # the hello's room was sent just before: the five changes waited and went together
    service.store.close()
