"""The class server under load: a real ``main.py host`` process, tables of two scripted teams each and the
teacher's dashboard watching, every table playing a whole game over WebSockets on the loopback address.

Each team is a client that acts like a student: it waits a moment ("thinking"), then sends one of the options its
view offers (an event's choice, a few actions, then done for the turn). The time measured is from sending a command
to receiving the team's updated view: the ``view`` whose ``last_id`` is the command's id, which the server sends
after the command's ``result``. The server's CPU time and memory are read from ``/proc`` (Linux); elsewhere they are
``None``.

The clients use the ``websockets`` package (its asyncio client), which ``uvicorn[standard]`` needs anyway.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import math
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from websockets.asyncio.client import ClientConnection, connect

#: How long any one step may wait for the server before the measurement gives up, in seconds.
PATIENCE = 60.0
#: A team whose commands are refused more often than this stops the run (something is wrong, not slow).
REFUSALS = 20
#: At most this many tables are set up at once.
SET_UP_AT_ONCE = 4


class LoadError(RuntimeError):
    """The load measurement could not run (the server did not start, or stopped answering)."""


@dataclass(frozen=True, slots=True)
class LoadPlan:
    """What to measure: ``tables`` tables of two teams each, games of ``turns`` turns (``None``: the server's
    default length), teams thinking between ``think`` seconds (a pair: shortest, longest) before each command."""

    tables: int = 30
    turns: int | None = None
    think: tuple[float, float] = (0.3, 1.2)
    seed: int = 1


@dataclass(frozen=True, slots=True)
class LoadResult:
    """The figures of one run."""

    tables: int
    clients: int
    commands: int
    errors: int
    games_over: int
    dashboard_messages: int
    #: The tables the dashboard's last room message showed at their end.
    dashboard_tables_over: int
    p50_ms: float
    p95_ms: float
    max_ms: float
    cpu_percent: float | None
    rss_peak_mb: float | None
    rss_final_mb: float | None
    wall_seconds: float
    #: The machine's load average (over one minute) at the end of the games: how busy it was with everything
    #: else too (``None`` where the system does not tell).
    load_average: float | None


# ---------------------------------------------------------------------------------------------- the server process
@dataclass
class HostProcess:
    """A running ``main.py host``: its process, WebSocket address, room code and teacher's token."""

    process: subprocess.Popen[str]
    url: str
    code: str
    admin: str

    def cpu_seconds(self) -> float | None:
        """The process's user and system CPU time so far (``/proc/PID/stat``), or ``None`` without ``/proc``."""
        try:
            fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return None
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime (fields 14 and 15)

    def memory_mb(self, key: str) -> float | None:
        """A memory figure of ``/proc/PID/status`` (``VmHWM``: the peak resident size; ``VmRSS``: now) in MB."""
        try:
            status = Path(f"/proc/{self.process.pid}/status").read_text()
        except OSError:
            return None
        found = re.search(rf"^{key}:\s+(\d+) kB", status, re.MULTILINE)
        return None if found is None else int(found.group(1)) / 1024


def free_port() -> int:
    """A TCP port free on the loopback address now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _host_command(port: int, turns: int | None) -> list[str]:
    """``main.py host`` when the game runs from its folder, else the same command through :mod:`game.cli`."""
    main = Path(__file__).resolve().parents[2] / "main.py"
    run_cli = "import sys; from game.cli import main; sys.exit(main())"  # i18n: not shown
    start = [str(main)] if main.exists() else ["-c", run_cli]
    length = [] if turns is None else ["--turns", str(turns)]
    return [sys.executable, *start, "host", "--port", str(port), "--bind", "127.0.0.1", "--lang", "en", *length]


@contextmanager
def hosting(turns: int | None = None) -> Iterator[HostProcess]:
    """A class server in a subprocess with a data folder of its own (removed afterwards), on a free port of
    127.0.0.1; stopped with Ctrl+C's signal at the end (killed if it does not stop)."""
    with tempfile.TemporaryDirectory(prefix="common-ground-load-") as home:
        port = free_port()
        env = dict(os.environ, COMMON_GROUND_HOME=home, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
        process = subprocess.Popen(_host_command(port, turns), env=env, stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT, text=True, encoding="utf-8")  # fmt: skip
        try:
            yield _started(process, port)
        finally:
            _stop(process)


def _started(process: subprocess.Popen[str], port: int) -> HostProcess:
    """Read the server's printed lines up to the dashboard's address: the room code and the teacher's token."""
    assert process.stdout is not None
    printed = ""
    for line in process.stdout:
        printed += line
        if "Teacher's dashboard" in line:
            break
    code = re.search(r"Room code:\s+(\w+)", printed)  # i18n: not shown
    if code is None or "#" not in printed:
        raise LoadError(f"the class server did not start: {printed.strip()[-500:]}")  # i18n: not shown
    admin = printed.rsplit("#", 1)[1].split()[0]
    return HostProcess(process, f"ws://127.0.0.1:{port}", code.group(1), admin)


def _stop(process: subprocess.Popen[str]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
    if process.stdout is not None:
        process.stdout.close()


# ---------------------------------------------------------------------------------------------- the clients
async def _open(url: str, attempts: int = 100) -> ClientConnection:
    """A WebSocket connection, retried while the server is still starting to listen."""
    for _ in range(attempts):
        try:
            return await connect(url, open_timeout=PATIENCE, max_size=None)
        except OSError:
            await asyncio.sleep(0.05)
    raise LoadError(f"cannot connect to {url}")  # i18n: not shown


async def _receive(socket: ClientConnection) -> dict[str, Any]:
    try:
        data: dict[str, Any] = json.loads(await asyncio.wait_for(socket.recv(), PATIENCE))
    except TimeoutError:
        raise LoadError(f"the server sent nothing for {PATIENCE:g} s") from None  # i18n: not shown
    return data


async def _until(socket: ClientConnection, kind: str, **match: object) -> dict[str, Any]:
    """The next message of type ``kind`` (with these values); an error for this client stops the run."""
    while True:
        data = await _receive(socket)
        if data["type"] == "error" and data.get("id") in (None, match.get("id")):
            raise LoadError(f"the server refused a set-up step: {data.get('message')}")  # i18n: not shown
        if data["type"] == kind and all(data.get(k) == v for k, v in match.items()):
            return data


@dataclass
class Team:
    """A scripted team: its connection, name and the views it receives (read as they come)."""

    socket: ClientConnection
    name: str
    rng: random.Random
    think: tuple[float, float]
    last_id: int = 0
    view: dict[str, Any] = field(default_factory=dict)
    times_ms: list[float] = field(default_factory=list)
    errors: int = 0
    fresh: asyncio.Event = field(default_factory=asyncio.Event)
    answers: dict[int, float] = field(default_factory=dict)

    async def read(self) -> None:
        """Keep the latest view; time each command's answer (its view: ``last_id`` reached the command's id)."""
        async for text in self.socket:
            data = json.loads(text)
            if data["type"] == "view":
                self.view = data
                self.fresh.set()
                for sent in [i for i in self.answers if i <= data["last_id"]]:
                    self.times_ms.append((time.perf_counter() - self.answers.pop(sent)) * 1000)
            elif data["type"] == "error":
                self.errors += 1
                self.answers.pop(data.get("id") or -1, None)
                self.fresh.set()

    async def play(self) -> None:
        """Act on every decision the view offers until the game is over."""
        while not self.over:
            if self.errors > REFUSALS:
                raise LoadError(f"the server refused {self.errors} commands of {self.name}")  # i18n: not shown
            decision = (self.view.get("view") or {}).get("decision")
            if decision is None or self.answers:
                await self._wait()
                continue
            await asyncio.sleep(self.rng.uniform(*self.think))
            decision = (self.view.get("view") or {}).get("decision")
            if decision is None:
                continue
            self.last_id += 1
            self.answers[self.last_id] = time.perf_counter()
            command = {"type": "command", "id": self.last_id, "command": self.choose(decision)}
            await self.socket.send(json.dumps(command))

    async def _wait(self) -> None:
        self.fresh.clear()
        try:
            await asyncio.wait_for(self.fresh.wait(), PATIENCE)
        except TimeoutError:
            raise LoadError(f"{self.name} waited {PATIENCE:g} s for its view") from None  # i18n: not shown

    @property
    def over(self) -> bool:
        """Whether the team's game has ended."""
        return bool((self.view.get("view") or {}).get("over"))

    def choose(self, decision: dict[str, Any]) -> dict[str, Any]:
        """What a student would press: any choice or answer; in the actions phase one to three actions (never
        taking one back), then done."""
        commands = [option["command"] for option in decision["options"]]
        if decision["kind"] != "act":
            return dict(self.rng.choice(commands))
        commits = [c for c in commands if c["type"] == "commit"]
        committed = len((self.view.get("view") or {}).get("committed") or ())
        if commits and committed < self.rng.randint(1, 3):
            return dict(self.rng.choice(commits))
        return dict(next(c for c in commands if c["type"] == "done"))


async def _join(host: HostProcess, name: str, plan: LoadPlan, rng: random.Random) -> Team:
    socket = await _open(host.url + "/ws")
    await socket.send(json.dumps({"type": "hello", "room": host.code, "name": name}))
    await _until(socket, "welcome")
    return Team(socket, name, random.Random(rng.random()), plan.think)


async def _set_up_table(host: HostProcess, pair: tuple[Team, Team], turns: int | None) -> None:
    """A teacher's connection of its own (each connection has its own rate limit) makes a table, seats the two
    teams in its two roles and starts it."""
    async with await _open(host.url + "/ws/teacher") as desk:
        await desk.send(json.dumps({"type": "hello", "admin": host.admin}))
        await desk.send(json.dumps({"type": "create_table", "id": 1, "turns": turns}))
        table = (await _until(desk, "result", id=1))["table"]
        room = await _until(desk, "room")
        while table not in [t["id"] for t in room["tables"]]:
            room = await _until(desk, "room")
        roles = list(next(t for t in room["tables"] if t["id"] == table)["seats"])
        for number, (role, team) in enumerate(zip(roles, pair, strict=False), start=2):
            who = f"team:{team.name}"
            await desk.send(json.dumps({"type": "seat", "id": number, "table": table, "role": role, "who": who}))
            await _until(desk, "result", id=number)
        await desk.send(json.dumps({"type": "start", "id": 9, "table": table}))
        await _until(desk, "result", id=9)


@dataclass
class Dashboard:
    """The teacher's dashboard: reads every room message (counting them) and keeps how many tables the last one
    showed at their end."""

    socket: ClientConnection
    messages: int = 0
    tables_over: int = 0
    fresh: asyncio.Event = field(default_factory=asyncio.Event)

    async def watch(self) -> None:
        """Read until the connection closes."""
        async for text in self.socket:
            room = json.loads(text)
            if room["type"] == "room":
                self.messages += 1
                self.tables_over = sum(bool(t["public"] and t["public"]["over"]) for t in room["tables"])
                self.fresh.set()

    async def until_over(self, tables: int) -> None:
        """Wait (a while at most) until the dashboard shows ``tables`` tables at their end."""
        deadline = time.monotonic() + PATIENCE
        while self.tables_over < tables and time.monotonic() < deadline:
            self.fresh.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.fresh.wait(), 1.0)


async def _set_up(host: HostProcess, plan: LoadPlan) -> list[Team]:
    rng = random.Random(plan.seed)
    teams = [await _join(host, f"{colour} {n}", plan, rng) for n in range(1, plan.tables + 1)
             for colour in ("Blue", "Gold")]  # i18n: not shown  # fmt: skip
    limit = asyncio.Semaphore(SET_UP_AT_ONCE)

    async def one(pair: tuple[Team, Team]) -> None:
        async with limit:
            await _set_up_table(host, pair, plan.turns)

    await asyncio.gather(*(one((teams[i], teams[i + 1])) for i in range(0, len(teams), 2)))
    return teams


async def _run(host: HostProcess, plan: LoadPlan) -> LoadResult:
    socket = await _open(host.url + "/ws/teacher")
    await socket.send(json.dumps({"type": "hello", "admin": host.admin}))
    await _until(socket, "room")
    desk = Dashboard(socket)
    watcher = asyncio.create_task(desk.watch())
    teams = await _set_up(host, plan)
    readers = [asyncio.create_task(team.read()) for team in teams]
    await asyncio.sleep(0.5)  # the views of the set-up arrive
    desk.messages = 0
    cpu_before, started = host.cpu_seconds(), time.perf_counter()
    await asyncio.gather(*(team.play() for team in teams))
    wall = time.perf_counter() - started
    cpu_after = host.cpu_seconds()
    await desk.until_over(plan.tables)
    for team in teams:
        await team.socket.close()
    await socket.close()
    await asyncio.gather(watcher, *readers, return_exceptions=True)
    cpu = None if cpu_before is None or cpu_after is None else 100 * (cpu_after - cpu_before) / wall
    return _result(host, plan, teams, desk, cpu, wall)


def _result(host: HostProcess, plan: LoadPlan, teams: list[Team], desk: Dashboard, cpu: float | None,
            wall: float) -> LoadResult:  # fmt: skip
    times = sorted(t for team in teams for t in team.times_ms)
    if not times:
        raise LoadError("no command was answered")  # i18n: not shown
    return LoadResult(
        tables=plan.tables,
        clients=len(teams) + 1,
        commands=len(times),
        errors=sum(t.errors for t in teams),
        games_over=sum(a.over and b.over for a, b in zip(teams[::2], teams[1::2], strict=True)),
        dashboard_messages=desk.messages,
        dashboard_tables_over=desk.tables_over,
        p50_ms=statistics.median(times),
        p95_ms=percentile(times, 95),
        max_ms=times[-1],
        cpu_percent=cpu,
        rss_peak_mb=host.memory_mb("VmHWM"),  # i18n: not shown
        rss_final_mb=host.memory_mb("VmRSS"),  # i18n: not shown
        wall_seconds=wall,
        load_average=os.getloadavg()[0] if hasattr(os, "getloadavg") else None,
    )


def percentile(ordered: list[float], percent: float) -> float:
    """The value below which ``percent`` % of ``ordered`` (sorted, not empty) lies: the nearest rank."""
    return ordered[max(0, math.ceil(percent / 100 * len(ordered)) - 1)]


def measure_class_server(plan: LoadPlan) -> LoadResult:
    """Start a class server, play ``plan`` against it and return the figures; raises :class:`LoadError`."""
    with hosting(plan.turns) as host:
        return asyncio.run(_run(host, plan))
