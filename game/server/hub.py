"""The connections of a room and their limits.

Every connection is limited: messages of at most :data:`MAX_MESSAGE` bytes and :data:`RATE` a second (a burst of
as many); a flood gets an error and the connection is closed. Malformed JSON gets an error; no traceback ever
reaches a client.

The room is reached only through :meth:`Hub.run`: one call at a time (so nothing else needs a lock), in a worker
thread (so a computer player thinking for a while, a strong one up to a few tenths of a second at a turn's end,
never stops the event loop from reading, limiting and answering the other connections). Tables still wait for one
another's calls; spreading them over processes is for later (several rooms or workers).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import anyio.to_thread
from starlette.websockets import WebSocket, WebSocketDisconnect

from game.server.room import RoomError
from game.server.service import ClassService

#: The largest message a client may send, in bytes.
MAX_MESSAGE = 16 * 1024
#: Messages a second a connection may send (and the burst it may send at once).
RATE = 20.0
#: The close code for a connection that broke the rules (RFC 6455: policy violation).
POLICY = 1008
#: What a page whose team came back on another device is told.
STALE = "your team came back on another device with a rejoin code: this page no longer speaks for it"
#: How often the turn timers are counted down, in seconds.
TICK = 0.5

T = TypeVar("T")
_log = logging.getLogger(__name__)


class Flood(Exception):
    """A connection sent more than it may."""


class Closed(Exception):
    """The server closed a connection (after telling it why)."""


class Limiter:
    """A token bucket: :data:`RATE` messages a second, bursts of as many."""

    def __init__(self, rate: float = RATE, clock: Callable[[], float] = time.monotonic) -> None:
        self.rate = rate
        self.clock = clock
        self.tokens = rate
        self.last = clock()

    def allow(self) -> bool:
        """Whether one more message may pass now."""
        now = self.clock()
        self.tokens = min(self.rate, self.tokens + (now - self.last) * self.rate)
        self.last = now
        if self.tokens < 1:
            return False
        self.tokens -= 1
        return True


class Hub:
    """The connections of a room (which team each student socket is, and the dashboards), and the one way to the
    room: :meth:`run`."""

    def __init__(self, service: ClassService) -> None:
        self.service = service
        #: Each student socket's team token (the room finds the team by its digest at every message).
        self.players: dict[WebSocket, str] = {}
        self.teachers: set[WebSocket] = set()
        self._lock = asyncio.Lock()
        self._timers: asyncio.Task[None] | None = None

    def start_timers(self) -> None:
        """Start counting the turn timers down, once (at the first connection: the app needs no start-up hook,
        whose cancellation at Ctrl+C the server would report as an error)."""
        if self._timers is None:
            self._timers = asyncio.create_task(self.count_down())

    async def run(self, call: Callable[[], T]) -> T:
        """Run ``call`` on the room: one call at a time, in a worker thread, so that a computer player thinking
        long never stops the server from reading, limiting and answering messages meanwhile."""
        async with self._lock:
            return await anyio.to_thread.run_sync(call)

    def _views(self, players: dict[WebSocket, str], teachers: list[WebSocket], table: str | None) -> list[_Out]:
        """What to send after a change at ``table`` (at every table when ``None``); called through :meth:`run`."""
        service = self.service
        counts: dict[str, int] = {}
        out: list[_Out] = []
        for socket, token in players.items():
            try:
                team = service.room.team(token)
            except RoomError:  # the team came back elsewhere with a rejoin code: this token no longer works
                out.append((socket, {"type": "error", "message": STALE}))
                continue
            counts[team.name] = counts.get(team.name, 0) + 1
            if table is None or team.table == table:
                out.append((socket, service.team_json(team)))
        room = service.room_json(counts)
        return out + [(socket, room) for socket in teachers]

    async def changed(self, table: str | None = None, *, teams: bool = True) -> None:
        """Send the new views: to the teams at ``table`` (every team when ``None``; none unless ``teams``) and to
        every dashboard."""
        players = dict(self.players) if teams else {}
        teachers = list(self.teachers)
        everybody = dict(self.players)
        for socket, data in await self.run(lambda: self._views(everybody, teachers, table)):
            if data.get("message") == STALE:
                self.players.pop(socket, None)
                await send(socket, data)
            elif socket in teachers or socket in players:
                await send(socket, data)

    async def dashboards(self) -> None:
        """Send the room to every dashboard (who is connected changed)."""
        await self.changed("", teams=False)

    async def count_down(self) -> None:
        """Count the turn timers down for as long as the server runs; a table whose time ran out ends its turn."""
        while True:
            await asyncio.sleep(TICK)
            try:
                for table in await self.run(lambda: self.service.tick(time.monotonic())):
                    await self.changed(table)
            except Exception:
                _log.exception("the turn timers could not be counted down")


#: A message to send, and the socket to send it to.
_Out = tuple[WebSocket, dict[str, Any]]


async def send(socket: WebSocket, data: dict[str, Any]) -> None:
    with contextlib.suppress(WebSocketDisconnect, RuntimeError, OSError):  # gone: its own loop ends
        await socket.send_text(json.dumps(data, separators=(",", ":")))


async def _messages(socket: WebSocket, limiter: Limiter) -> Any:
    """The next message as JSON, or raises :class:`WebSocketDisconnect` / :class:`Flood`; a message too large or
    not JSON is answered with an error here and skipped."""
    while True:
        text = await socket.receive_text()
        if not limiter.allow():
            raise Flood
        if len(text.encode("utf-8", "replace")) > MAX_MESSAGE:
            await send(socket, {"type": "error", "message": f"message too large (at most {MAX_MESSAGE} bytes)"})
            continue
        try:
            data = json.loads(text)
        except ValueError:
            await send(socket, {"type": "error", "message": "a message must be JSON"})
            continue
        if not isinstance(data, dict):
            await send(socket, {"type": "error", "message": "a message must be a JSON object"})
            continue
        return data


Handler = Callable[[WebSocket, dict[str, Any]], Awaitable[None]]


async def serve(socket: WebSocket, handle: Handler) -> None:
    """Accept ``socket`` and pass each message to ``handle`` until it closes or breaks the limits."""
    await socket.accept()
    limiter = Limiter()
    try:
        while True:
            data = await _messages(socket, limiter)
            try:
                await handle(socket, data)
            except (Closed, WebSocketDisconnect):
                raise
            except RoomError as exc:
                await send(socket, {"type": "error", "id": data.get("id"), "message": str(exc)})
            except Exception:
                _log.exception("a message could not be handled")
                await send(socket, {"type": "error", "id": data.get("id"), "message": "the server could not do that"})
    except Flood:
        await send(socket, {"type": "error", "message": f"too many messages (at most {RATE:g} a second)"})
        await socket.close(POLICY)
    except (Closed, WebSocketDisconnect, RuntimeError):
        pass  # the client went away (RuntimeError: a socket no longer connected), or the server closed it
