"""Teams that pick their own seat when the teacher lets them, and a team that lost its token coming back with the
teacher's one-time rejoin code: checked in the room, kept in the store, and over the WebSocket protocol."""

from __future__ import annotations

import warnings
from contextlib import ExitStack
from pathlib import Path

import pytest
from server_kit import service_at
from test_server_app import join, request, teacher, until

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from game.server.app import create_app
from game.server.room import REJOIN_SECONDS, RoomError
from game.server.service import ClassService


@pytest.fixture
def service(tmp_path: Path) -> ClassService:
    return service_at(tmp_path / "class.sqlite3")[0]


def test_teams_pick_free_seats_only_when_the_teacher_lets_them(service: ClassService) -> None:
    table = service.add_table(seed=1)
    blue, _ = service.join(service.room.code, "Blue")
    gold, _ = service.join(service.room.code, "Gold")
    first, second = table.seats
    assert service.team_json(service.room.team(blue))["free_seats"] == []
    with pytest.raises(RoomError, match="the teacher seats the teams"):
        service.pick(blue, table.id, first)
    service.allow_picking(True)
    seats = service.team_json(service.room.team(blue))["free_seats"]
    assert [(s["table"], s["role"]) for s in seats] == [(table.id, first), (table.id, second)]
    assert seats[0]["role_name"] and seats[0]["turns"] == table.turns
    service.pick(blue, table.id, first)
    assert table.seats[first] == "team:Blue"
    with pytest.raises(RoomError, match="not free"):
        service.pick(gold, table.id, first)
    service.pick(blue, table.id, second)  # a team may change its mind before the start
    assert table.seats == {first: "", second: "team:Blue"}
    service.pick(gold, table.id, first)
    service.start(table.id)
    assert service.team_json(service.room.team(blue))["free_seats"] == []
    other = service.add_table(seed=2)
    with pytest.raises(RoomError, match="not free"):  # a team playing a started table stays there
        service.pick(blue, other.id, first)
    with pytest.raises(RoomError, match="no table"):
        service.pick(blue, "t99", first)
    with pytest.raises(RoomError, match="not free"):
        service.pick(blue, other.id, "nobody")


def test_the_picking_setting_and_picked_seats_survive_a_restart(tmp_path: Path) -> None:
    service, _ = service_at(tmp_path / "class.sqlite3")
    table = service.add_table(seed=1)
    token, _ = service.join(service.room.code, "Blue")
    service.allow_picking(True)
    service.pick(token, table.id, next(iter(table.seats)))
    service.store.close()
    again, _ = service_at(tmp_path / "class.sqlite3")
    assert again.room.picking is True
    assert again.room.team(token).table == table.id
    again.allow_picking(False)
    again.store.close()
    assert service_at(tmp_path / "class.sqlite3")[0].room.picking is False


def test_a_team_comes_back_with_a_one_time_rejoin_code(service: ClassService) -> None:
    code = service.room.code
    old, _ = service.join(code, "Blue")
    with pytest.raises(RoomError, match="ask the teacher for a rejoin code"):
        service.join(code, "blue")
    with pytest.raises(RoomError, match="no team called"):
        service.rejoin_code("Green", now=0)
    rejoin = service.rejoin_code("Blue", now=100)
    with pytest.raises(RoomError, match="not right"):
        service.rejoin(code, "Blue", "WRONG1", now=100)
    with pytest.raises(RoomError, match="not right"):
        service.rejoin(code, "Gold", rejoin, now=100)
    with pytest.raises(RoomError, match="wrong room code"):
        service.rejoin("XXXXXX", "Blue", rejoin, now=100)
    new, team = service.rejoin(code, " blue ", rejoin.lower(), now=100)
    assert team.name == "Blue" and new != old
    with pytest.raises(RoomError, match="unknown team token"):
        service.room.team(old)
    assert service.room.team(new) is team
    with pytest.raises(RoomError, match="not right"):  # used once
        service.rejoin(code, "Blue", rejoin, now=100)
    late = service.rejoin_code("Blue", now=100)
    with pytest.raises(RoomError, match="lapsed"):
        service.rejoin(code, "Blue", late, now=100 + REJOIN_SECONDS + 1)


def test_rejoining_and_picking_over_the_websockets(tmp_path: Path) -> None:
    service, admin = service_at(tmp_path / "class.sqlite3")
    with TestClient(create_app(service)) as client, ExitStack() as stack:
        desk = teacher(client, admin, stack)
        request(desk, type="create_table", id=1)
        assert request(desk, type="picking", id=2, allowed=True)["ok"]
        assert until(desk, "room")["picking"] is True
        lost, _ = join(client, service.room.code, "Blue", stack)
        lost.send_json({"type": "pick", "id": 1, "table": "t1", "role": "us"})
        assert until(lost, "result")["ok"]
        assert until(lost, "view")["role"] == "us"
        code = request(desk, type="rejoin", id=3, team="Blue")["code"]
        assert len(code) == 6
        again = stack.enter_context(client.websocket_connect("/ws"))
        again.send_json({"type": "hello", "room": service.room.code, "name": "Blue", "rejoin": code})
        assert until(again, "welcome")["token"]
        assert until(again, "view")["table"] == "t1"
        assert "another device" in until(lost, "error")["message"]  # the old page is told, and stops
        lost.send_json({"type": "command", "id": 5, "command": {"type": "done", "role": "us"}})
        assert "say hello" in until(lost, "error")["message"]
