"""A student's messages: joining or resuming a team, and the team's commands (see :mod:`game.server.app` for the
protocol)."""

from __future__ import annotations

import time
from typing import Any

from starlette.websockets import WebSocket

from game.i18n import tr
from game.server.hub import Hub, send
from game.server.room import RoomError
from game.server.service import ClassService


async def player_message(hub: Hub, socket: WebSocket, data: dict[str, Any]) -> None:
    service = hub.service
    kind = data.get("type")
    if kind in ("hello", "resume"):
        if socket in hub.players:
            raise RoomError(tr("this connection already speaks for a team"))
        token, welcome, view = await hub.run(lambda: _arrive(service, data))
        hub.players[socket] = token
        await send(socket, welcome)
        await send(socket, view)
        if data.get("rejoin"):
            await hub.forget_stale()
        await hub.dashboards()
        return
    if kind not in ("command", "pick"):
        raise RoomError(tr("unknown message type: send hello, resume, pick or command"))
    if socket not in hub.players:
        raise RoomError(tr("say hello (or resume) before sending commands"))
    if kind == "pick":
        token = hub.players[socket]
        await hub.run(lambda: service.pick(token, data.get("table"), data.get("role")))
        await send(socket, {"type": "result", "id": data.get("id"), "ok": True})
        await hub.changed(None)
        return
    token, message_id = hub.players[socket], data.get("id")
    team, _ = await hub.run(lambda: service.command(token, data.get("table"), message_id, data.get("command")))
    await send(socket, {"type": "result", "id": message_id, "ok": True})
    await hub.changed(team.table)


def _arrive(service: ClassService, data: dict[str, Any]) -> tuple[str, dict[str, Any], dict[str, Any]]:
    """A team says hello (joins) or resumes: its token, the welcome and its first view."""
    if data.get("type") != "hello":
        team = service.room.team(data.get("token"))
        return (
            str(data.get("token")),
            {"type": "welcome", "team": team.name, "lang": service.lang},
            service.team_json(team),
        )
    if data.get("rejoin"):
        token, team = service.rejoin(data.get("room"), data.get("name"), data.get("rejoin"), time.time())
    else:
        token, team = service.join(data.get("room"), data.get("name"))
    return token, {"type": "welcome", "token": token, "team": team.name, "lang": service.lang}, service.team_json(team)
