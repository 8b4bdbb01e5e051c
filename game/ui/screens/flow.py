"""How a game moves between the in-game screens: briefing -> board (with event dialogs) -> review -> ... -> end.

Every transition between the in-game screens lives here, so the screens themselves only say "I am done".
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from game.engine import Scenario, TurnReport
from game.ui.session import Session

if TYPE_CHECKING:
    from game.ui.app import App


def attach(app: App, session: Session) -> None:
    """Make ``session`` the running game: autosave after every turn, computer roles answer their events."""
    app.session = session
    session.on_turn_end = lambda s: app.autosave()
    session.let_computers_answer()


def start_game(app: App, scenario: Scenario, scenario_path: str, *, humans: Iterable[str], seed: int) -> Session:
    """Start a new game of ``scenario`` (``humans`` play their roles, the computer the others): the briefing."""
    from game.ui.screens.briefing import BriefingScreen

    session = Session.start(scenario, scenario_path, humans=tuple(humans), seed=seed)
    attach(app, session)
    app.message = ""
    app.reset(BriefingScreen(app, session.humans[0] if session.humans else None))
    return session


def resume_game(app: App, session: Session) -> None:
    """Continue a restored game where it stands: the board (with any pending event), or the end if it is over."""
    attach(app, session)
    app.message = ""
    if session.game.is_over():
        show_end(app)
    else:
        show_board(app)


def after_briefing(app: App, role: str) -> None:
    """The briefing of ``role`` was read: the next human's briefing (hot seat), or the board."""
    from game.ui.screens.briefing import BriefingScreen

    humans = _session(app).humans
    if role in humans and humans.index(role) + 1 < len(humans):
        app.replace(BriefingScreen(app, humans[humans.index(role) + 1]))
    else:
        show_board(app)


def show_board(app: App, role: str | None = None) -> None:
    """The main board (of ``role``, default the first human), with the next pending event dialog over it."""
    from game.ui.screens.board import BoardScreen

    app.reset(BoardScreen(app, role))
    open_next_event(app)


def open_next_event(app: App) -> bool:
    """Open the dialog of the next event waiting for a person's choice; returns whether there was one."""
    from game.ui.screens.event import EventScreen

    waiting = _session(app).waiting_choices()
    if not waiting:
        return False
    event_id, role = waiting[0]
    app.push(EventScreen(app, event_id, role))
    return True


def after_choice(app: App) -> None:
    """An event was answered: close its dialog and open the next one, if any."""
    app.pop()
    session = _session(app)
    session.let_computers_answer()
    open_next_event(app)


def finish_turn(app: App, role: str) -> TurnReport | None:
    """``role`` is done with its actions: the next human's board (hot seat), or resolve the turn and review it."""
    from game.ui.screens.board import BoardScreen
    from game.ui.screens.review import ReviewScreen

    session = _session(app)
    humans = session.humans
    if role in humans and humans.index(role) + 1 < len(humans):
        app.reset(BoardScreen(app, humans[humans.index(role) + 1]))
        return None
    report = session.end_turn()
    app.reset(ReviewScreen(app, report))
    return report


def after_review(app: App) -> None:
    """The review was read: the end screen if the game is over, else the next turn's board (and its events)."""
    if _session(app).game.is_over():
        show_end(app)
    else:
        show_board(app)


def show_end(app: App) -> None:
    """The end screen."""
    from game.ui.screens.end import EndScreen

    app.reset(EndScreen(app))


def back_to_title(app: App) -> None:
    """Leave the game for the title screen (the autosave keeps it)."""
    from game.ui.screens.title import TitleScreen

    app.session = None
    app.reset(TitleScreen(app))


def _session(app: App) -> Session:
    if app.session is None:
        raise RuntimeError("no game is running")
    return app.session
