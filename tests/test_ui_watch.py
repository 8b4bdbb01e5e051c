"""``play --scenario FILE --watch`` on the desktop: an edit replays the game on the new version with every screen
built afresh; a file with errors and a game the new version cannot replay are said in a dialog over the game."""

from __future__ import annotations

from pathlib import Path

import pygame
from test_watch import BROKEN, RENAMED, STRONGER, TINY, write
from uikit import MakeApp, doc_text, frames, key

from game.content.loader import load_scenario
from game.engine import Commit
from game.table import PERSON, Done
from game.ui import flow
from game.ui.app import App
from game.ui.screens.board import BoardScreen
from game.ui.screens.deal_dialogs import DealDialog
from game.ui.watching import DesktopWatch, watch_scenario


def started(make_app: MakeApp, tmp_path: Path) -> tuple[App, DesktopWatch, Path]:
    """A game of a copy of the tiny fixture, alpha played by a person, at alpha's board in turn 2, watched."""
    path = write(tmp_path / "tiny.yaml", TINY)
    app = make_app()
    match = flow.start_game(app, load_scenario(path), str(path), seats={"alpha": PERSON}, seed=5)
    app.briefed.add("alpha")
    match.apply("alpha", Commit("alpha", "alpha_build"))
    match.apply("alpha", Done("alpha"))
    flow.restart(app)
    watch = watch_scenario(app, str(path), interval=0)
    assert isinstance(app.top, BoardScreen)
    return app, watch, path


def test_an_edit_replays_the_game_on_the_new_version_at_the_same_turn(make_app: MakeApp, tmp_path: Path) -> None:
    app, _, path = started(make_app, tmp_path)
    old = app.match
    assert old is not None and app.on_frame is not None
    write(path, STRONGER)
    app.on_frame()  # what the main loop does each frame
    new = app.match
    assert new is not None and new is not old
    assert (new.game.turn, len(new.log)) == (old.game.turn, len(old.log))
    assert new.game.state.values["x"] == old.game.state.values["x"] + 10
    top = app.top
    assert isinstance(top, BoardScreen) and "Reloaded" in top.notice
    frames(app, 2)


def test_a_broken_edit_shows_its_problems_over_the_game_which_goes_on(make_app: MakeApp, tmp_path: Path) -> None:
    app, watch, path = started(make_app, tmp_path)
    old = app.match
    write(path, BROKEN)
    watch.poll()
    dialog = app.top
    assert isinstance(dialog, DealDialog) and "1 problem" in dialog.title
    line = BROKEN.splitlines().index("      - z += 10") + 1
    assert f"{path}:{line}:" in doc_text(dialog.document())
    frames(app, 2)
    key(app, pygame.K_RETURN)
    frames(app, 1)
    assert app.match is old and isinstance(app.top, BoardScreen)


def test_a_game_the_new_version_cannot_replay_offers_to_restart(make_app: MakeApp, tmp_path: Path) -> None:
    app, watch, path = started(make_app, tmp_path)
    old = app.match
    write(path, RENAMED)
    watch.poll()
    dialog = app.top
    assert isinstance(dialog, DealDialog) and "past turn 1" in dialog.title
    assert "alpha_build" in doc_text(dialog.document())
    frames(app, 2)
    key(app, pygame.K_r)
    new = app.match
    assert new is not None and new is not old and new.game.turn == 1
    assert "alpha_grow" in {a.id for a in new.scenario.actions}


def test_keeping_the_old_version_closes_the_dialog(make_app: MakeApp, tmp_path: Path) -> None:
    app, watch, path = started(make_app, tmp_path)
    old = app.match
    write(path, RENAMED)
    watch.poll()
    frames(app, 1)
    key(app, pygame.K_ESCAPE)
    assert app.match is old and isinstance(app.top, BoardScreen)


def test_play_watch_on_the_command_line_follows_the_file(tmp_path: Path, monkeypatch: object) -> None:
    from game.cli import main

    path = write(tmp_path / "tiny.yaml", TINY)
    seen: list[DesktopWatch] = []
    import game.ui.watching as watching

    real = watching.watch_scenario

    def spy(app: App, name: str, **options: object) -> DesktopWatch:
        watch = real(app, name, **options)  # type: ignore[arg-type]
        seen.append(watch)
        return watch

    monkeypatch.setattr(watching, "watch_scenario", spy)  # type: ignore[attr-defined]
    assert main(["play", "--scenario", str(path), "--watch", "--frames", "3", "--size", "1024x600"]) == 0
    assert [w.path for w in seen] == [str(path)]
