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
from collections import Counter
from collections.abc import Awaitable, Callable
from functools import partial
from typing import Any, TypeVar

import anyio.to_thread
from starlette.websockets import WebSocket, WebSocketDisconnect

from game.i18n import N_, tr, use_language
from game.server.boards import encode
from game.server.room import RoomError
from game.server.service import ClassService

#: The largest message a client may send, in bytes.
MAX_MESSAGE = 16 * 1024
#: Messages a second a connection may send (and the burst it may send at once).
RATE = 20.0
#: The close code for a connection that broke the rules (RFC 6455: policy violation).
POLICY = 1008
#: What a page whose team came back on another device is told.
STALE = N_("your team came back on another device with a rejoin code: this page no longer speaks for it")
#: A stale page's message, in the room's language (the same object for each, so that it can be told apart).
STALE_TEXT = "stale"  # i18n: not shown
#: How often the turn timers are counted down, in seconds.
TICK = 0.5
#: The least time between two room messages to the dashboards, in seconds (changes meanwhile go together).
ROOM_EVERY = 0.25

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
        #: Whether the dashboards have a room message to get, the task sending them and when it last did.
        self._room_due = False
        self._room_sender: asyncio.Task[None] | None = None
        self._room_sent = 0.0

    def start_timers(self) -> None:
        """Start counting the turn timers down, once (at the first connection: the app needs no start-up hook,
        whose cancellation at Ctrl+C the server would report as an error)."""
        if self._timers is None:
            self._timers = asyncio.create_task(self.count_down())

    async def run(self, call: Callable[[], T]) -> T:
        """Run ``call`` on the room: one call at a time, in a worker thread, so that a computer player thinking
        long never stops the server from reading, limiting and answering messages meanwhile."""
        lang = self.service.lang

        def in_language() -> T:  # the worker thread speaks the room's language, whatever the process speaks
            with use_language(lang):
                return call()

        async with self._lock:
            return await anyio.to_thread.run_sync(in_language)

    def _views(self, players: dict[WebSocket, str], table: str | None) -> list[_Out]:
        """The new views of the teams at ``table`` (every team when ``None``); called through :meth:`run`."""
        service = self.service
        out: list[_Out] = []
        for socket, token in players.items():
            team = service.room.holder(token)
            if team is None:  # the team came back elsewhere with a rejoin code: this token no longer works
                out.append((socket, STALE_TEXT))
                continue
            if table is None or team.table == table:
                out.append((socket, encode(service.team_json(team))))
        return out

    def _room(self, players: dict[WebSocket, str]) -> str:
        """The room message, encoded once for every dashboard; called through :meth:`run`."""
        service = self.service
        holders = map(service.room.holder, players.values())
        connected = Counter(team.name for team in holders if team is not None)
        return service.boards.room_text(service.room_json(connected))

    async def changed(self, table: str | None = None, *, teams: bool = True) -> None:
        """Send the new views: to the teams at ``table`` (every team when ``None``; none unless ``teams``) now, and
        the room to every dashboard soon (see :meth:`dashboards`)."""
        players = dict(self.players) if teams else {}
        if players:
            for socket, text in await self.run(lambda: self._views(players, table)):
                if text is STALE_TEXT:
                    self.players.pop(socket, None)
                    text = self.stale_text()
                await send(socket, text)
        await self.dashboards()

    async def forget_stale(self) -> None:
        """Tell the pages whose team came back elsewhere with a rejoin code that they no longer speak for it, and
        stop sending them views."""
        room = self.service.room
        stale = await self.run(lambda: [s for s, token in self.players.items() if room.holder(token) is None])
        for socket in stale:
            self.players.pop(socket, None)
            await send(socket, self.stale_text())

    def stale_text(self) -> str:
        """What a page whose team came back on another device is told, in the room's language."""
        with use_language(self.service.lang):
            return encode({"type": "error", "message": tr(STALE), "reason": "stale"})

    async def dashboards(self) -> None:
        """Send the room to every dashboard soon: at once when none was sent in the last :data:`ROOM_EVERY`
        seconds, else at the end of that time with every change made meanwhile (a busy room of many tables would
        otherwise send the whole room after each of its changes)."""
        self._room_due = True
        if self._room_sender is None or self._room_sender.done():
            self._room_sender = asyncio.create_task(self._send_rooms())

    async def _send_rooms(self) -> None:
        while self._room_due:
            await asyncio.sleep(max(0.0, self._room_sent + ROOM_EVERY - time.monotonic()))
            self._room_due = False  # a change from now on sends the room once more
            teachers, players = list(self.teachers), dict(self.players)
            try:
                text = await self.run(partial(self._room, players)) if teachers else ""
            except Exception:
                _log.exception("the room could not be sent to the dashboards")
                continue
            for socket in teachers:
                await send(socket, text)
            self._room_sent = time.monotonic()

    async def count_down(self) -> None:
        """Count the turn timers down for as long as the server runs; a table whose time ran out ends its turn."""
        while True:
            await asyncio.sleep(TICK)
            try:
                for table in await self.run(lambda: self.service.tick(time.monotonic())):
                    await self.changed(table)
            except Exception:
                _log.exception("the turn timers could not be counted down")


#: A message to send (as JSON text), and the socket to send it to.
_Out = tuple[WebSocket, str]


async def send(socket: WebSocket, data: dict[str, Any] | str) -> None:
    """Send a message (a dict, or JSON text already encoded); a socket gone meanwhile is skipped."""
    with contextlib.suppress(WebSocketDisconnect, RuntimeError, OSError):  # gone: its own loop ends
        await socket.send_text(data if isinstance(data, str) else encode(data))


async def _messages(socket: WebSocket, limiter: Limiter) -> Any:
    """The next message as JSON, or raises :class:`WebSocketDisconnect` / :class:`Flood`; a message too large or
    not JSON is answered with an error here and skipped."""
    while True:
        text = await socket.receive_text()
        if not limiter.allow():
            raise Flood
        if len(text.encode("utf-8", "replace")) > MAX_MESSAGE:
            message = tr("message too large (at most {n} bytes)", n=MAX_MESSAGE)
            await send(socket, {"type": "error", "message": message})
            continue
        try:
            data = json.loads(text)
        except ValueError:
            await send(socket, {"type": "error", "message": tr("a message must be JSON")})
            continue
        if not isinstance(data, dict):
            await send(socket, {"type": "error", "message": tr("a message must be a JSON object")})
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
                refused = {"type": "error", "id": data.get("id"), "message": str(exc)}
                await send(socket, {**refused, "reason": exc.reason} if exc.reason else refused)
            except Exception:
                _log.exception("a message could not be handled")
                message = tr("the server could not do that")
                await send(socket, {"type": "error", "id": data.get("id"), "message": message})
    except Flood:
        await send(
            socket, {"type": "error", "message": tr("too many messages (at most {n} a second)", n=format(RATE, "g"))}
        )
        await socket.close(POLICY)
    except (Closed, WebSocketDisconnect, RuntimeError):
        pass  # the client went away (RuntimeError: a socket no longer connected), or the server closed it
