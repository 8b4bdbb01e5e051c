"""The teacher's downloads: each table's debrief report, the class summary and a scenario's handouts, as HTML.

``GET /download/report/{table}``, ``GET /download/summary`` and ``GET /download/handouts/{scenario}`` answer only a
request carrying the teacher's token in an ``Authorization: Bearer TOKEN`` header (the dashboard fetches them and
saves the file): any other gets 403 with a plain sentence, and the token never appears in an address or a log.

A table is copied from the room in one short call (its match as :meth:`~game.table.Match.to_dict`), and its report
is written from the copy in a worker thread, so the tables go on meanwhile.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import anyio.to_thread
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from game.engine import Scenario, localize
from game.i18n import tr, use_language
from game.reports.class_summary import TableResult, summary_page
from game.reports.document import Document, Heading, PageBreak, Para
from game.reports.handouts import documents
from game.reports.html import page as handout_page
from game.reports.report_cli import usual_ranges
from game.reports.report_html import match_page
from game.server.hub import Hub
from game.server.room import RoomError, Table
from game.table import Match

_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:",  # i18n: not shown
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
#: A copy of a started table: its id, its name for the report, its scenario and file, and its match's data.
Copy = tuple[str, str, Scenario, str, dict[str, Any]]


def download_routes(hub: Hub) -> list[Route]:
    """The download routes of the room served by ``hub``."""
    return [
        Route("/download/report/{table}", _guarded(hub, _report)),
        Route("/download/summary", _guarded(hub, _summary)),
        Route("/download/handouts/{scenario}", _guarded(hub, _handouts)),
    ]


Handler = Callable[[Hub, Request], Awaitable[Response]]


def _guarded(hub: Hub, handler: Handler) -> Callable[[Request], Awaitable[Response]]:
    """``handler`` for requests with the teacher's token only; a refused request gets a plain 4xx sentence."""

    async def serve(request: Request) -> Response:
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not hub.service.room.is_admin(token.strip()):
            with use_language(hub.service.lang):
                return _plain(403, tr("Downloads need the teacher's token (an Authorization: Bearer header)."))
        try:
            return await handler(hub, request)
        except RoomError as exc:
            return _plain(404, str(exc))

    return serve


def _plain(status: int, text: str) -> Response:
    return PlainTextResponse(text + "\n", status_code=status, headers=_HEADERS)


def _file(html: str, name: str) -> Response:
    headers = dict(_HEADERS, **{"Content-Disposition": f'attachment; filename="{name}"'})  # i18n: not shown
    return Response(html, media_type="text/html; charset=utf-8", headers=headers)  # i18n: not shown


def report_name(code: str, table_id: str) -> str:
    """The file name of a table's report (the class summary links to it by this name)."""
    return f"common-ground-{code.lower()}-{table_id}.html"


# ----------------------------------------------------------------------------------------------- reports
def _copy(table: Table) -> Copy:
    """A started table's copy (raises :class:`RoomError` for one not started)."""
    if table.match is None:
        raise RoomError(tr("table {table} has not started: there is nothing to report yet", table=table.id))
    teams = [f"{table.team_at(role)} ({table.match.role_name(role)})" for role in table.seats if table.team_at(role)]
    if teams:
        name = tr("Table {table}: {teams}", table=table.id, teams=", ".join(teams))
    else:
        name = tr("Table {table}", table=table.id)
    return table.id, name, table.scenario, table.scenario_path, table.match.to_dict()


def _rebuilt(copy: Copy) -> Match:
    _, _, scenario, path, data = copy
    return Match.from_dict(scenario, path, data)


async def _report(hub: Hub, request: Request) -> Response:
    room = hub.service.room
    wanted = request.path_params["table"]
    copy = await hub.run(lambda: _copy(room.table(wanted)))

    def write() -> str:
        with use_language(hub.service.lang):
            match = _rebuilt(copy)
            return match_page(match, usual_ranges(match.scenario), name=copy[1])

    html = await anyio.to_thread.run_sync(write)
    return _file(html, report_name(room.code, copy[0]))


async def _summary(hub: Hub, request: Request) -> Response:
    room = hub.service.room
    copies = await hub.run(lambda: [_copy(t) for t in room.tables.values() if t.match is not None])

    def write() -> str:
        results = []
        with use_language(hub.service.lang):
            for copy in copies:
                match = _rebuilt(copy)
                files = (Path(report_name(room.code, copy[0])),)
                results.append(TableResult.of(match, usual_ranges(match.scenario), copy[1], files))
            return summary_page(results, [])

    html = await anyio.to_thread.run_sync(write)
    return _file(html, f"common-ground-{room.code.lower()}-summary.html")


# ----------------------------------------------------------------------------------------------- handouts
async def _handouts(hub: Hub, request: Request) -> Response:
    service = hub.service
    wanted = request.path_params["scenario"]
    path = service.scenario_file(wanted)
    turns = service.turns if path == service.scenario_path else None

    def write() -> str:
        with use_language(service.lang):
            return handout_page(handouts_document(service.loader(path, turns), service.lang), service.lang)

    html = await anyio.to_thread.run_sync(write)
    return _file(html, f"common-ground-handouts-{wanted}.html")


def handouts_document(scenario: Scenario, lang: str = "en") -> Document:
    """Every handout of ``scenario`` in one document, each starting on a new page, in ``lang``."""
    title = localize(scenario.title, lang)
    blocks: list[Any] = []
    for number, document in enumerate(documents(scenario, lang)):
        if number:
            blocks.append(PageBreak())
        heading = tr("{kind}: {title}", kind=document.kind, title=document.title) if document.kind else document.title
        blocks += [Heading(heading), Para(document.kicker, "note"), *document.blocks]
    return Document("handouts", tr("Handouts: {title}", title=title), tr("Every handout, to print"), tuple(blocks))
