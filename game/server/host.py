"""``python main.py host``: start the class server for a room and print how to reach it.

It prints the address students type (the machine's address on the local network when it can find one), the room
code, a QR code of the address for phones, and the dashboard's address with the teacher's token (printed once, here
only: the token sits after ``#`` in the address, which browsers never send to a server, so it appears in no log).
Ctrl+C stops the server; every table is kept in the data folder and resumes at the next start.
"""

from __future__ import annotations

import socket
import sys
from pathlib import Path
from typing import TextIO

from game.content.loader import load_scenario
from game.engine import Scenario, of_length
from game.i18n import tr, tr_n, use_language
from game.server.store import FILE_NAME, SqliteStore, archive
from game.storage import StorageError, data_dir

#: The largest WebSocket frame the server reads at all (larger ones close the connection); the app answers
#: messages above its own, smaller limit with an error.
FRAME_LIMIT = 64 * 1024
#: How an error begins (the command's name and the word that scripts look for stay English).
ERROR = "common-ground: error: "  # i18n: not shown


def load_at_length(path: str, turns: int | None) -> Scenario:
    """A scenario file at a length (``None``: the full game); raises the loader's and the lengths' errors."""
    scenario = load_scenario(Path(path))
    return scenario if turns is None else of_length(scenario, turns)


def lan_address() -> str:
    """This machine's address on its local network, or ``127.0.0.1`` when it has none (no packet is sent)."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("192.0.2.1", 9))  # a documentation address: connecting a UDP socket only picks a route
        address = str(probe.getsockname()[0])
    except OSError:
        return "127.0.0.1"
    finally:
        probe.close()
    return "127.0.0.1" if address.startswith("0.") else address


def port_free(bind: str, port: int) -> bool:
    """Whether a server could listen on ``bind``:``port`` now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((bind, port))
        except OSError:
            return False
    return True


def run_host(
    scenario_path: Path,
    turns: int | None,
    bind: str,
    port: int,
    out: TextIO,
    err: TextIO,
    *,
    new: bool = False,
    lang: str | None = None,
) -> int:
    """Open the room (kept in the data folder; ``new``: put the last class aside and start a new room), print its
    addresses and serve until Ctrl+C; returns the exit status. ``lang``: the room's language (kept for the next
    start; ``None``: the one kept, else English)."""
    import segno
    import uvicorn

    from game.server.app import create_app
    from game.server.service import ClassService

    if not 1 <= port <= 65535:
        print(ERROR + tr("--port {port}: choose a port from 1 to 65535", port=port), file=err)
        return 2
    if not port_free(bind, port):
        problem = tr("cannot listen on {address} (in use, or not this machine's address): choose another --port or "
                     "--bind", address=bind + ":" + str(port))  # fmt: skip
        print(ERROR + problem, file=err)
        return 1
    load_at_length(str(scenario_path), turns)  # a bad file or length stops here, before anything is written
    try:
        if new:
            kept = archive(data_dir() / FILE_NAME)
            if kept is not None:
                print(tr("The last class is kept in {file}; a new room starts.", file=kept), file=out)
        store = SqliteStore()
        service = ClassService(store, load_at_length, str(scenario_path.resolve()), turns, lang)
        admin = service.open()
    except (StorageError, OSError, ValueError) as exc:
        print(ERROR + tr("the class cannot be opened: {problem}", problem=exc), file=err)
        return 1
    host = bind if bind not in ("0.0.0.0", "::", "") else lan_address()
    address = f"http://{host}:{port}/"
    with use_language(service.lang):
        print(tr("Students open: {address}", address=address), file=out)
        print(tr("Room code:     {code}", code=service.room.code), file=out)
    out.flush()
    # The QR code's address carries the room code, which the student page fills in.
    segno.make(f"{address}?room={service.room.code}", error="m").terminal(out=sys.stdout, compact=True)
    with use_language(service.lang):
        dashboard = f"{address}teacher#{admin}"
        print(tr("Teacher's dashboard (keep this address to yourself): {address}", address=dashboard), file=out)
        kept_tables = tr_n("{n} table kept in {file}.", "{n} tables kept in {file}.", len(service.room.tables),
                           file=store.path)  # fmt: skip
        print(kept_tables, tr("Ctrl+C stops the server."), file=out, flush=True)
    try:
        uvicorn.run(create_app(service), host=bind, port=port, log_level="warning", access_log=False, lifespan="off",
                    ws_max_size=FRAME_LIMIT, ws_ping_interval=20.0, ws_ping_timeout=20.0)  # fmt: skip
    finally:
        store.close()
    with use_language(service.lang):
        print(tr("The class server stopped; every table is kept for the next start."), file=out)
    return 0
