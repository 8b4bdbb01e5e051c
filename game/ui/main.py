"""``python main.py play ...``: open the desktop game (or drive it headless for tests, demos and screenshots)."""

from __future__ import annotations

import random
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TextIO

from game.content.loader import load_scenario
from game.engine import of_length
from game.i18n import tr
from game.paths import DEFAULT_SCENARIO
from game.settings import Settings, load_settings
from game.table import PERSON, Seat


def run_play(
    *,
    scenario_path: Path | None,
    role: str | None,
    seed: int | None,
    scale: float | None,
    autoplay: bool,
    frames: int | None,
    screenshot: Path | None,
    size: tuple[int, int] | None = None,
    out: TextIO = sys.stdout,
    seats: Mapping[str, Seat] | None = None,
    turns: int | None = None,
    pin: str = "",
    public: bool = False,
    watch: bool = False,
) -> int:
    """Open the game. With a scenario (or ``seats``) it starts a game at once (briefing first, or with ``public`` the
    public board); without, the title screen. ``seats`` (``--seat ROLE=WHO``) sets who plays each role; by default
    ``role`` (else the first) is played by a person and the others by the standard computer. ``turns``: a shorter
    game of that many turns (checked by the caller, see :func:`game.engine.of_length`). ``pin`` guards the teacher's
    console. With ``watch`` the game follows the scenario file as it is edited (see :mod:`game.ui.watching`)."""
    import pygame

    from game.ui import flow
    from game.ui.app import App

    settings, persist = _settings_for(scale, headless=autoplay or frames is not None)
    try:
        app = App(settings, size=size, autoplay=autoplay, max_frames=frames, screenshot=screenshot, out=out,
                  persist_settings=persist, router=flow.route)  # fmt: skip
    except pygame.error as exc:
        message = tr(
            "common-ground: error: cannot open a window ({exc}); the terminal version runs anywhere: "
            "python main.py text",
            exc=exc,
        )
        print(message, file=sys.stderr)
        return 1
    if scenario_path is None and not autoplay and not seats and not public:
        flow.show_title(app)
        return app.run()
    path = scenario_path or DEFAULT_SCENARIO
    scenario = load_scenario(path)
    scenario = scenario if turns is None else of_length(scenario, turns)
    seats = dict(seats) if seats else {role or scenario.roles[0].id: PERSON}
    seed = seed if seed is not None else random.randrange(10**6)
    flow.start_game(app, scenario, str(path), seats=seats, seed=seed, pin=pin)
    if watch:
        from game.ui.watching import watch_scenario

        watch_scenario(app, str(path), turns=turns)
    if public:
        flow.show_public(app)
    return app.run()


def _settings_for(scale: float | None, *, headless: bool) -> tuple[Settings, bool]:
    """The player's settings for this run, and whether changes made during it are saved: a one-off scale from the
    command line, or a run without a person (autoplay, a frame limit), leaves the player's settings alone."""
    settings = load_settings()
    persist = True
    if scale is not None:
        settings = settings.with_(ui_scale=scale)
        persist = False
    if headless:
        persist = False
        settings = _headless_settings(settings)
    return settings, persist


def _headless_settings(settings: Settings) -> Settings:
    return settings.with_(fullscreen=False)
