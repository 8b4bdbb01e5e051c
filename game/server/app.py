"""The class server's web app (Starlette): the pages, and the WebSocket protocol of students and the teacher.

Students (``WS /ws``) send JSON messages: ``{"type": "hello", "room": CODE, "name": TEAM}`` (answered with
``{"type": "welcome", "token": ..., "team": ...}``; the token is shown once and resumes the team later) or
``{"type": "resume", "token": ...}``, or, for a team that lost its token, ``hello`` with ``rejoin``: the teacher's
one-time code (a new token; the old one stops working). When the teacher lets teams pick, ``{"type": "pick",
"table": T, "role": R}`` takes a free seat (listed in the view's ``free_seats``). Then ``{"type": "command", "id":
n, "command": {...}}`` in the command log's format, answered by ``{"type": "result", "id": n, "ok": true}`` or
``{"type": "error", "id": n, "message": ...}``. After every change at its table each connected team gets ``{"type":
"view", ...}`` (see :meth:`~game.server.service.ClassService.team_json`).

The teacher (``WS /ws/teacher``) first sends ``{"type": "hello", "admin": TOKEN}``, then requests with an ``id``:
``create_table`` (``turns``, ``seed``), ``seat`` (``table``, ``role``, ``who``), ``picking`` (``allowed``: teams
may take free seats themselves), ``rejoin`` (``team``: answered with a one-time ``code`` for a team that lost its
token), ``start`` (``table``) and
``control`` (``table``, ``action``: pause, resume, timer, more_time, time_up, inject, reveal, end; ``table`` ``*``
pauses or resumes every table). After every change the dashboard gets ``{"type": "room", ...}`` with every team
and table (changes within :data:`~game.server.hub.ROOM_EVERY` seconds of the last room message go in one).

``create_table`` may name a ``scenario`` (an id of the room message's ``scenarios``; see
:mod:`game.server.room_view`). The downloads (a table's report, the class summary, a scenario's handouts) are HTTP
``GET`` routes that need the teacher's token in an ``Authorization: Bearer`` header: see
:mod:`game.server.downloads`.

The room has a language (``host --lang``, kept in the room's settings): the views, refusals, dashboard and downloads
speak it, and the welcome and the room message carry it as ``lang``. The pages translate their own words with the
catalog of ``GET /i18n.json`` (the room's language; ``/i18n/<lang>.json`` for another, see
:mod:`game.server.client_catalog`), and load Khmer glyphs from ``/fonts/`` when the device has none. An error a page
must act on carries a ``reason`` besides its words: ``token`` (join again), ``stale`` (the team came back elsewhere),
``name_taken`` (the rejoin code is needed), ``admin`` (the dashboard's token was refused).

The connections, their limits and the one way to the room are in :mod:`game.server.hub`; students' messages
are handled in :mod:`game.server.players`, the teacher's in :mod:`game.server.dashboard`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Mount, Route, WebSocketRoute
from starlette.staticfiles import StaticFiles
from starlette.websockets import WebSocket

from game.i18n import has_interface, use_language
from game.i18n.fonts import FONT_DIR
from game.server.client_catalog import client_catalog
from game.server.dashboard import teacher_message
from game.server.downloads import download_routes
from game.server.hub import Hub, serve
from game.server.players import player_message
from game.server.service import ClassService

STATIC = Path(__file__).resolve().parent / "static"
#: The fonts the pages may load (for scripts a phone or computer may have no font for: Khmer).
FONTS = {name: FONT_DIR / name for name in ("NotoSansKhmer-Regular.ttf", "NotoSansKhmer-Bold.ttf")}  # i18n: not shown
_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; connect-src 'self'; img-src 'self' data:; "
    "frame-ancestors 'none'",  # i18n: not shown
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


def create_app(service: ClassService) -> Starlette:
    """The web app of a room."""
    hub = Hub(service)

    async def player(socket: WebSocket) -> None:
        hub.start_timers()
        try:
            with use_language(service.lang):  # the room's refusals and errors speak its language
                await serve(socket, lambda s, d: player_message(hub, s, d))
        finally:
            if hub.players.pop(socket, None) is not None:
                await hub.dashboards()

    async def teacher(socket: WebSocket) -> None:
        hub.start_timers()
        try:
            with use_language(service.lang):
                await serve(socket, lambda s, d: teacher_message(hub, s, d))
        finally:
            hub.teachers.discard(socket)

    def page(name: str) -> Callable[[Request], Awaitable[Response]]:
        async def serve(request: Request) -> Response:
            return FileResponse(STATIC / name, headers=_HEADERS)

        return serve

    async def catalog(request: Request) -> Response:
        """The client's words in a language (``/i18n/km.json``), or in the room's (``/i18n.json``)."""
        wanted = request.path_params.get("lang", service.lang)
        if not has_interface(wanted):
            wanted = "en"
        return JSONResponse(client_catalog(wanted), headers=_HEADERS)

    async def font(request: Request) -> Response:
        path = FONTS.get(request.path_params["name"])
        if path is None or not path.is_file():
            return Response(status_code=404, headers=_HEADERS)
        headers = dict(_HEADERS, **{"Cache-Control": "max-age=86400"})
        return FileResponse(path, media_type="font/ttf", headers=headers)

    async def icon(request: Request) -> Response:
        return FileResponse(STATIC / "favicon.svg", media_type="image/svg+xml", headers=_HEADERS)

    app = Starlette(
        routes=[
            Route("/", page("student.html")),
            Route("/teacher", page("teacher.html")),
            Route("/favicon.ico", icon),
            Route("/i18n.json", catalog),
            Route("/i18n/{lang}.json", catalog),
            Route("/fonts/{name}", font),
            Mount("/static", StaticFiles(directory=STATIC), name="static"),
            WebSocketRoute("/ws", player),
            WebSocketRoute("/ws/teacher", teacher),
            *download_routes(hub),
        ],
    )
    app.state.hub = hub
    return app
