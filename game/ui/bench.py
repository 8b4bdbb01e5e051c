"""UI figures for ``python main.py bench``: frame time on the main board, start-up time, idle CPU."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the app is imported once the headless drivers are set (see _board_app)
    from game.ui.app import App

MAIN = Path(__file__).resolve().parent.parent.parent / "main.py"


def _headless_env(home: str) -> dict[str, str]:
    return dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", COMMON_GROUND_HOME=home)


def _board_app(scale: float, home: str, *, blocking: bool = False, max_seconds: float | None = None) -> App:
    """An App showing the main board of a fresh default game (headless)."""
    os.environ.update(_headless_env(home))
    from game.content.loader import load_scenario
    from game.paths import DEFAULT_SCENARIO
    from game.settings import Settings
    from game.table import PERSON, DecisionKind, Match
    from game.ui import flow
    from game.ui.app import App

    scenario = load_scenario(DEFAULT_SCENARIO)
    app = App(
        Settings(ui_scale=scale),
        size=(1280, 720),
        persist_settings=False,
        blocking=blocking,
        max_seconds=max_seconds,
        router=flow.route,
    )
    match = Match.start(scenario, {"us": PERSON}, 7, scenario_path=str(DEFAULT_SCENARIO))
    # Answer the opening news with its first choice and refuse the computer's opening offer: the bare board.
    while (decision := match.decision()) is not None and decision.kind is not DecisionKind.ACT:
        command = decision.options[-1] if decision.kind is DecisionKind.ANSWER else decision.options[0]
        match.apply(decision.role, command)
    flow.resume_game(app, match)
    return app


def frame_ms_median(scale: float, frames: int = 200) -> float:
    """Median milliseconds to update and draw one frame of the main board at 1280x720."""
    with tempfile.TemporaryDirectory() as home:
        app = _board_app(scale, home)
        for _ in range(10):
            app.measure_frame()
        times = [app.measure_frame() for _ in range(frames)]
    return statistics.median(times) * 1000.0


def first_frame_seconds() -> float:
    """Wall time of ``python main.py play --frames 1`` (process start to first frame, and exit: an upper bound)."""
    with tempfile.TemporaryDirectory() as home:
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, str(MAIN), "play", "--frames", "1"],
            env=_headless_env(home),
            check=True,
            capture_output=True,
        )
        return time.perf_counter() - started


def idle_cpu_percent(seconds: float = 3.0) -> float:
    """CPU used by the main loop while the main board waits for input, in percent of one core."""
    with tempfile.TemporaryDirectory() as home:
        app = _board_app(1.0, home, blocking=True, max_seconds=seconds)
        app.draw()
        cpu, wall = time.process_time(), time.perf_counter()
        app.run()
        return 100.0 * (time.process_time() - cpu) / (time.perf_counter() - wall)
