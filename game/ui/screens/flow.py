"""How a game moves between the in-game screens: briefing -> board (with event and proposal dialogs) -> review ->
... -> end, and from the board to the negotiation table and its dialogs.

Every transition between the in-game screens lives here, so the screens themselves only say "I am done".
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from game.engine import Scenario, TurnReport
from game.text.views import num
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
    open_next_decision(app)


def open_next_decision(app: App) -> bool:
    """Open the next dialog that waits for a person: an event's choice first, then a proposal to the board's
    player; returns whether there was one."""
    return open_next_event(app) or open_next_proposal(app)


def open_next_event(app: App) -> bool:
    """Open the dialog of the next event waiting for a person's choice; returns whether there was one."""
    from game.ui.screens.event import EventScreen

    waiting = _session(app).waiting_choices()
    if not waiting:
        return False
    event_id, role = waiting[0]
    app.push(EventScreen(app, event_id, role))
    return True


def open_next_proposal(app: App) -> bool:
    """Over the board: open the dialog of the oldest proposal waiting for its player's answer (so none lapses
    unseen); returns whether there was one."""
    from game.ui.screens.board import BoardScreen
    from game.ui.screens.proposal import ProposalScreen

    board = app.top
    if not isinstance(board, BoardScreen):
        return False
    waiting = _session(app).open_proposals_for(board.role)
    if not waiting:
        return False
    app.push(ProposalScreen(app, waiting[0].id, board.role))
    return True


def after_choice(app: App) -> None:
    """An event was answered: close its dialog and open the next one (event or proposal), if any."""
    app.pop()
    session = _session(app)
    session.let_computers_answer()
    open_next_decision(app)


# --------------------------------------------------------------------- negotiation
def open_negotiation(app: App, role: str, *, view: str = "proposal") -> None:
    """The negotiation table of ``role`` over the board (``view``: ``proposal`` or ``agreements``)."""
    from game.ui.screens.negotiate import NegotiationScreen

    app.push(NegotiationScreen(app, role, view=view))


def close_negotiation(app: App) -> None:
    """Back from the table to the board, which opens a proposal still waiting (a counter left unanswered)."""
    from game.ui.screens.board import BoardScreen

    app.pop()
    if isinstance(app.top, BoardScreen):
        open_next_decision(app)


def show_reply(app: App, role: str, proposal_id: str) -> None:
    """The counterpart answered the player's proposal: its counter-proposal's dialog, or what it answered."""
    from game.ui.screens.proposal import ProposalScreen, reply_dialog

    session = _session(app)
    if session.game.proposal(proposal_id).status == "countered":
        reply = next((p for p in session.open_proposals_for(role) if p.reply_to == proposal_id), None)
        if reply is not None:
            app.push(ProposalScreen(app, reply.id, role))
            return
    app.push(reply_dialog(app, role, proposal_id, close=lambda: close_dialog(app)))


def after_answer(app: App, message: str, *, agreement_id: str | None = None, bad: bool = False) -> None:
    """A proposal's dialog was answered: close it. The board shows ``message`` and opens the next decision; the
    negotiation table shows the agreement made, if any."""
    from game.ui.screens.board import BoardScreen
    from game.ui.screens.negotiate import NegotiationScreen
    from game.ui.screens.proposal import agreement_dialog

    app.pop()
    top = app.top
    if isinstance(top, NegotiationScreen):
        top.answered(message, bad=bad)
        if agreement_id is not None:
            app.push(agreement_dialog(app, top.role, agreement_id, close=lambda: close_dialog(app)))
    elif isinstance(top, BoardScreen):
        top.show_notice(message, bad=bad)
        open_next_decision(app)


def counter_at_table(app: App, role: str, proposal_id: str) -> None:
    """Answer a proposal with a counter-proposal: close its dialog and load it into the negotiation table (the
    one below, or a new one over the board)."""
    from game.ui.screens.negotiate import NegotiationScreen

    app.pop()
    top = app.top
    if isinstance(top, NegotiationScreen):
        top.load(proposal_id)
    else:
        app.push(NegotiationScreen(app, role, reply_to=proposal_id))


def confirm_break(app: App, role: str, agreement_id: str) -> None:
    """Ask before ``role`` breaks ``agreement_id``: the dialog states the cost; Keep is the default."""
    from game.ui.screens.proposal import break_dialog

    app.push(break_dialog(app, role, agreement_id, confirm=lambda: break_agreement(app, role, agreement_id),
                          keep=lambda: close_dialog(app)))


def break_agreement(app: App, role: str, agreement_id: str) -> None:
    """Confirmed: break the agreement through the session, close the dialog and say what it cost."""
    from game.ui.screens.negotiate import NegotiationScreen

    session = _session(app)
    agreement = session.game.agreement(agreement_id)
    other = next(r for r in agreement.parties if r != role)
    session.break_agreement(role, agreement_id)
    app.pop()
    if isinstance(app.top, NegotiationScreen):
        trust = session.game.trust(role, other)
        app.top.answered(f"You broke agreement {agreement_id}. Trust with {session.role_name(other)} is now "
                         f"{num(trust)} of 100.", bad=True)


def close_dialog(app: App) -> None:
    """Close a dialog that only informed (or was declined)."""
    app.pop()


def finish_turn(app: App, role: str) -> TurnReport | None:
    """``role`` is done with its actions: the next human's board (hot seat), or resolve the turn and review it.

    In hot seat, a proposal made to a player who has already finished would lapse unseen when the turn resolves:
    that player's board comes back first, with the proposal's dialog.
    """
    from game.ui.screens.board import BoardScreen
    from game.ui.screens.review import ReviewScreen

    session = _session(app)
    humans = session.humans
    if role in humans and humans.index(role) + 1 < len(humans):
        app.reset(BoardScreen(app, humans[humans.index(role) + 1]))
        open_next_proposal(app)  # a proposal from the previous player waits for this one
        return None
    waiting = next((h for h in humans if h != role and session.open_proposals_for(h)), None)
    if waiting is not None:
        app.reset(BoardScreen(app, waiting))
        open_next_proposal(app)
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
