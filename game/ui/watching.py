"""``play --scenario FILE --watch``: the desktop follows the scenario file as it is edited (see :mod:`game.watch`).

Once a frame the app asks :class:`DesktopWatch` to look (the file itself is looked at about twice a second). A new
version that replays the game takes its place, every screen built afresh at the same moment of the game; a file
that does not load, or a game the new version cannot replay, is said in a dialog over the game
(:mod:`game.ui.screens.watch_dialogs`), which goes on with the version loaded before.
"""

from __future__ import annotations

from game.i18n import tr
from game.ui import flow
from game.ui.app import App
from game.ui.screens.ingame import GameScreen
from game.ui.screens.watch_dialogs import problems_dialog, replay_dialog
from game.watch import POLL_SECONDS, FileBroken, FileWatcher, Reloaded, reload_from_file


class DesktopWatch:
    """Watches the scenario file ``path`` of the app's running game (a game of ``turns`` turns, when shorter)."""

    def __init__(self, app: App, path: str, *, turns: int | None = None, interval: float = POLL_SECONDS) -> None:
        self.app = app
        self.path = path
        self.turns = turns
        self.watcher = FileWatcher(path, interval=interval)

    def install(self) -> None:
        """Look once a frame."""
        self.app.on_frame = self.poll

    def poll(self) -> None:
        """Carry the game over to the file's new version, or say why not, when the file has changed."""
        app = self.app
        if not self.watcher.poll():
            return
        match = app.match
        if match is None or match.scenario_path != self.path:
            return  # no game, or another one (loaded from the title screen): nothing to carry over
        outcome = reload_from_file(self.path, match, turns=self.turns)
        app.dirty = True
        if isinstance(outcome, FileBroken):
            app.push(problems_dialog(app, self.path, outcome.lines()))
        elif isinstance(outcome, Reloaded):
            flow.attach(app, outcome.match, briefed=app.briefed)
            flow.restart(app)
            top = app.top
            if isinstance(top, GameScreen):
                top.show_notice(
                    tr(
                        "Reloaded {file}: the game is replayed on it, {turn}.",
                        file=self.path,
                        turn=outcome.match.turn_label,
                    )
                )
        else:
            app.push(replay_dialog(app, self.path, outcome))


def watch_scenario(app: App, path: str, *, turns: int | None = None, interval: float = POLL_SECONDS) -> DesktopWatch:
    """Follow ``path`` while the app runs (looking at it every ``interval`` seconds)."""
    watch = DesktopWatch(app, path, turns=turns, interval=interval)
    watch.install()
    return watch
