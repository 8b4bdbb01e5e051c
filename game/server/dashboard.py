"""The teacher's messages: the dashboard's token, tables, seats, the start and the controls (see
:mod:`game.server.app` for the protocol)."""

from __future__ import annotations

import time
from typing import Any

from starlette.websockets import WebSocket

from game.i18n import tr
from game.server.hub import POLICY, Closed, Hub, send
from game.server.room import RoomError
from game.server.service import ClassService


async def teacher_message(hub: Hub, socket: WebSocket, data: dict[str, Any]) -> None:
    service = hub.service
    if socket not in hub.teachers:
        if data.get("type") != "hello" or not service.room.is_admin(data.get("admin")):
            await send(
                socket, {"type": "error", "message": tr("the dashboard needs the teacher's token"), "reason": "admin"}
            )
            await socket.close(POLICY)
            raise Closed
        hub.teachers.add(socket)
        await hub.dashboards()
        return
    if data.get("type") == "rejoin":
        code = await hub.run(lambda: service.rejoin_code(data.get("team"), time.time()))
        await send(socket, {"type": "result", "id": data.get("id"), "ok": True, "code": code})
        await hub.dashboards()  # the team's rejoin code now waits (the dashboard hides it once used)
        return
    table = await hub.run(lambda: _request(service, data))
    await send(socket, {"type": "result", "id": data.get("id"), "ok": True, "table": table or data.get("table")})
    await hub.changed(table)


def _request(service: ClassService, data: dict[str, Any]) -> str | None:
    """Carry out one of the teacher's requests: the table that changed (``None``: a seat may move teams, so every
    page may change)."""
    kind = data.get("type")
    if kind == "create_table":
        return service.add_table(data.get("turns"), data.get("seed"), data.get("scenario")).id
    if kind == "seat":
        service.seat(data.get("table"), data.get("role"), data.get("who"))
        return None
    if kind == "picking":
        service.allow_picking(data.get("allowed"))
        return None
    if kind == "start":
        return service.start(data.get("table")).id
    if kind == "control" and data.get("table") == "*" and data.get("action") in ("pause", "resume"):
        service.pause_all(data.get("action") == "pause")
        return None
    if kind == "control":
        return service.control(data.get("table"), str(data.get("action")), data).id
    raise RoomError(tr("unknown request: create_table, seat, picking, rejoin, start or control"))
