"""The class server's web app in process (Starlette's test client): the pages, the students' and the dashboard's
WebSocket protocol, and the limits (the teacher's token, malformed and oversized JSON, a flood of messages)."""

from __future__ import annotations

import json
import time
import warnings
from contextlib import ExitStack
from typing import Any

import pytest
from starlette.websockets import WebSocketDisconnect

with warnings.catch_warnings():  # this Starlette's test client prefers a renamed httpx; the one installed works
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from game.server.hub import MAX_MESSAGE, Limiter
from game.server.service import ClassService


def until(socket: Any, kind: str) -> dict[str, Any]:
    """The next message of type ``kind`` (the others before it are skipped)."""
    for _ in range(20):
        message: dict[str, Any] = socket.receive_json()
        if message["type"] == kind:
            return message
    raise AssertionError(f"no {kind} message")


def teacher(client: TestClient, admin: str, stack: ExitStack) -> Any:
    socket = stack.enter_context(client.websocket_connect("/ws/teacher"))
    socket.send_json({"type": "hello", "admin": admin})
    assert until(socket, "room")["tables"] == []
    return socket


def join(client: TestClient, code: str, name: str, stack: ExitStack) -> tuple[Any, str]:
    socket = stack.enter_context(client.websocket_connect("/ws"))
    socket.send_json({"type": "hello", "room": code, "name": name})
    token = until(socket, "welcome")["token"]
    assert until(socket, "view")["started"] is False
    return socket, token


def request(socket: Any, **data: Any) -> dict[str, Any]:
    socket.send_json(data)
    return until(socket, "result")


def test_the_pages_are_served_with_a_strict_policy(class_app: tuple[TestClient, ClassService, str]) -> None:
    client, _, admin = class_app
    for path, words in (("/", "Room code"), ("/teacher", "The class")):
        page = client.get(path)
        assert page.status_code == 200 and words in page.text
        assert "default-src 'self'" in page.headers["content-security-policy"]
        assert admin not in page.text
    assert "WebSocket" in client.get("/static/student.js").text
    assert client.get("/static/../room.py").status_code == 404
    icon = client.get("/favicon.ico")  # every browser asks for it: an icon, not a 404 in the console
    assert icon.status_code == 200 and icon.headers["content-type"].startswith("image/svg+xml")


def test_the_dashboard_refuses_a_wrong_token(class_app: tuple[TestClient, ClassService, str]) -> None:
    client, _, _ = class_app
    for hello in ({"type": "hello", "admin": "guess"}, {"type": "create_table"}):
        with client.websocket_connect("/ws/teacher") as socket:
            socket.send_json(hello)
            assert "teacher's token" in socket.receive_json()["message"]
            with pytest.raises(WebSocketDisconnect):
                socket.receive_json()


def test_two_teams_join_are_seated_started_and_play(class_app: tuple[TestClient, ClassService, str]) -> None:
    client, service, admin = class_app
    with ExitStack() as stack:
        _play_a_command(client, service, admin, stack)


def _play_a_command(client: TestClient, service: ClassService, admin: str, stack: ExitStack) -> None:
    desk = teacher(client, admin, stack)
    assert request(desk, type="create_table", id=1)["table"] == "t1"
    blue, _ = join(client, service.room.code, "Blue", stack)
    gold, _ = join(client, service.room.code, "Gold", stack)
    request(desk, type="seat", id=2, table="t1", role="us", who="team:Blue")
    request(desk, type="seat", id=3, table="t1", role="cambodia", who="team:Gold")
    request(desk, type="start", id=4, table="t1")
    room = until(desk, "room")
    assert room["tables"][0]["started"] and all(t["connected"] for t in room["teams"])
    assert room["tables"][0]["roles"]["us"] and {"id", "title"} == set(room["tables"][0]["events"][0])
    seen = until(blue, "view")
    while not seen["started"]:
        seen = until(blue, "view")
    option = seen["view"]["decision"]["options"][0]["command"]
    blue.send_json({"type": "command", "id": 1, "command": option})
    assert until(blue, "result") == {"type": "result", "id": 1, "ok": True}
    assert until(blue, "view")["last_id"] == 1
    match = service.room.tables["t1"].match
    assert match is not None and len(match.log) >= 1
    blue.send_json({"type": "command", "id": 1, "command": option})
    assert "already received" in until(blue, "error")["message"]
    request(desk, type="control", id=5, table="t1", action="pause")
    gold_view = until(gold, "view")
    while not (gold_view["view"] or {}).get("paused"):
        gold_view = until(gold, "view")
    assert gold_view["view"]["role"] == "cambodia" and gold_view["team"] == "Gold"


def test_bad_messages_get_errors_and_the_connection_goes_on(class_app: tuple[TestClient, ClassService, str]) -> None:
    client, service, _ = class_app
    with client.websocket_connect("/ws") as socket:
        for text, words in (("{not json", "must be JSON"), ("[1, 2]", "JSON object"),
                            (json.dumps({"type": "x", "pad": "a" * MAX_MESSAGE}), "too large"),
                            ('{"type": "command", "id": 1, "command": {}}', "say hello"),
                            ('{"type": "resume", "token": "forged"}', "unknown team token"),
                            ('{"type": "dance"}', "unknown message type")):  # fmt: skip
            socket.send_text(text)
            reply = socket.receive_json()
            assert reply["type"] == "error" and words in reply["message"]
            assert "Traceback" not in reply["message"]
        socket.send_json({"type": "hello", "room": service.room.code, "name": "Still here"})
        assert until(socket, "welcome")["team"] == "Still here"


def test_a_flood_closes_that_connection_and_others_are_still_answered(
    class_app: tuple[TestClient, ClassService, str],
) -> None:
    client, service, admin = class_app
    with ExitStack() as stack:
        desk = teacher(client, admin, stack)
        calm, _ = join(client, service.room.code, "Calm", stack)
        _flood(client)
        assert request(desk, type="create_table", id=1)["ok"] is True
        calm.send_json({"type": "dance"})
        assert "unknown message type" in until(calm, "error")["message"]


def _flood(client: TestClient) -> None:
    with client.websocket_connect("/ws") as noisy:
        for _ in range(40):
            noisy.send_text('{"type": "dance"}')
        replies = []
        with pytest.raises(WebSocketDisconnect) as closed:
            while True:
                replies.append(noisy.receive_json())
        assert closed.value.code == 1008
        assert "too many messages" in replies[-1]["message"]


def test_the_limiter_lets_a_steady_rate_through() -> None:
    now = [0.0]
    limiter = Limiter(rate=20.0, clock=lambda: now[0])
    assert all(limiter.allow() for _ in range(20)) and not limiter.allow()
    now[0] += 0.1
    assert [limiter.allow() for _ in range(3)] == [True, True, False]


def test_a_slow_command_does_not_stop_the_server_answering_others(
    class_app: tuple[TestClient, ClassService, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    client, service, _ = class_app
    command = service.command

    def slow(*args: Any) -> Any:
        time.sleep(0.8)  # a computer player thinking long
        return command(*args)

    monkeypatch.setattr(service, "command", slow)
    with ExitStack() as stack:
        busy, _ = join(client, service.room.code, "Busy", stack)
        other, _ = join(client, service.room.code, "Other", stack)
        busy.send_json({"type": "command", "id": 1, "command": {"type": "done", "role": "us"}})
        time.sleep(0.1)
        started = time.monotonic()
        other.send_text("{not json")
        assert "must be JSON" in other.receive_json()["message"]
        assert time.monotonic() - started < 0.5
        assert "no seat yet" in until(busy, "error")["message"]
