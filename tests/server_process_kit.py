"""A real class server for tests: ``python main.py host`` in a subprocess with its own data folder, its printed
room code and teacher's token, and helpers that speak its WebSocket protocol as a team or the dashboard."""

from __future__ import annotations

import json
import os
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from websockets.sync.client import ClientConnection, connect

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Server:
    """``main.py host`` in a subprocess; its printed lines are read as they come."""

    def __init__(self, home: Path, port: int, turns: int = 3, lang: str = "en") -> None:
        env = dict(os.environ, COMMON_GROUND_HOME=str(home), SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
        command = [sys.executable, "main.py", "host", "--port", str(port), "--bind", "127.0.0.1", "--turns", str(turns),
                   "--lang", lang]  # fmt: skip
        self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                        text=True, encoding="utf-8")  # fmt: skip
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.url = f"ws://127.0.0.1:{port}"
        printed = self._until("teacher#")  # the dashboard's address, in every language
        self.code = re.search(r"[:៖]\s+([A-Z0-9]{6})\s*$", printed, re.M).group(1)  # type: ignore[union-attr]
        self.admin = printed.rsplit("#", 1)[1].strip()
        self._ready()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line)

    def _until(self, words: str) -> str:
        seen = ""
        while words not in seen:
            seen += self.lines.get(timeout=30)
        return seen

    def _ready(self) -> None:
        deadline = time.monotonic() + 20
        while True:
            try:
                with connect(self.url + "/ws", open_timeout=2):
                    return
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise
                time.sleep(0.05)

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)


@contextmanager
def hosting(home: Path, port: int, lang: str = "en") -> Iterator[Server]:
    server = Server(home, port, lang=lang)
    try:
        yield server
    finally:
        if server.process.poll() is None:
            server.kill()


def until(socket: ClientConnection, kind: str) -> dict[str, Any]:
    for _ in range(30):
        message: dict[str, Any] = json.loads(socket.recv(timeout=20))
        if message["type"] == kind:
            return message
    raise AssertionError(f"no {kind} message")


def resumed(socket: ClientConnection, token: str) -> dict[str, Any]:
    """Resume a team on ``socket``: the view it gets."""
    socket.send(json.dumps({"type": "resume", "token": token}))
    until(socket, "welcome")
    return until(socket, "view")


def resume(server: Server, token: str) -> dict[str, Any]:
    """The view a team gets when it comes back with its token."""
    with connect(server.url + "/ws") as socket:
        return resumed(socket, token)


def set_up(server: Server) -> dict[str, str]:
    """The dashboard makes a table, seats two teams that joined and starts it: each role's token."""
    tokens = {}
    with connect(server.url + "/ws/teacher") as desk:
        desk.send(json.dumps({"type": "hello", "admin": server.admin}))
        until(desk, "room")
        desk.send(json.dumps({"type": "create_table", "id": 1}))
        until(desk, "result")
        for role, name in (("us", "Blue"), ("cambodia", "Gold")):
            with connect(server.url + "/ws") as team:
                team.send(json.dumps({"type": "hello", "room": server.code, "name": name}))
                tokens[role] = until(team, "welcome")["token"]
            desk.send(json.dumps({"type": "seat", "id": 2, "table": "t1", "role": role, "who": f"team:{name}"}))
            assert until(desk, "result")["ok"]
        desk.send(json.dumps({"type": "start", "id": 3, "table": "t1"}))
        assert until(desk, "result")["ok"]
    return tokens
