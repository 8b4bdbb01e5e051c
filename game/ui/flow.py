"""How a game moves between screens: every transition lives here, and reads top to bottom in :func:`route`.

Screens never open the screen that comes after them. Each ends with a typed result
(:mod:`game.ui.screens.results`), and the app hands every result to :func:`route`, which decides what comes next.

:func:`advance` asks :meth:`Match.decision <game.table.Match.decision>` what comes next and shows it: an event's
dialog (``CHOOSE``), a proposal's dialog (``ANSWER``) or the board (``ACT``) of the role that must act, the end
screen once the game is over. A :class:`~game.table.TurnResolved` among the results of a command brings the review
(shared by everybody at the table), then the next decision.

With two or more people at one machine (hot-seat), a privacy screen ("Pass to <role>") comes before every decision
of a role whose private things are not on screen, and each person's briefing comes after their own first privacy
screen; the app remembers whose things are on screen (:attr:`App.viewer`) and who has read their briefing
(:attr:`App.briefed`). With one person there are no privacy screens, but for one: F3 shows the public board (for a
projector, :mod:`game.ui.screens.public`), and the way back to anybody's private screen passes a privacy screen.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import assert_never

from game.content.loader import load_scenario
from game.content.problems import ScenarioError
from game.engine import BreakAgreement, Scenario
from game.i18n import language, tr
from game.paths import TUTORIAL_SCENARIO
from game.present import agreement_name
from game.table import (
    PERSON,
    AgreementBroken,
    DecisionKind,
    Done,
    Match,
    ProposalAnswered,
    ProposalSent,
    Result,
    Seat,
    TurnResolved,
    teacher,
)
from game.table.tutorial import coach_for
from game.ui.app import App
from game.ui.screens.board import BoardScreen
from game.ui.screens.briefing import BriefingScreen
from game.ui.screens.end import EndScreen
from game.ui.screens.event import EventScreen
from game.ui.screens.negotiate import NegotiationScreen
from game.ui.screens.pause import PauseScreen
from game.ui.screens.privacy import PrivacyScreen
from game.ui.screens.proposal import ProposalScreen, agreement_dialog, break_dialog, reply_dialog
from game.ui.screens.public import PublicScreen
from game.ui.screens.results import (
    Answered,
    Applied,
    AskBreak,
    AtKeyboard,
    BreakDecided,
    BriefingRead,
    Closed,
    CoachRead,
    Countered,
    EndTurn,
    LearnToPlay,
    LeavePublic,
    NewGame,
    OpenTable,
    Outcome,
    Pause,
    PinEntered,
    Resume,
    ReviewRead,
    Sent,
    ShowPublic,
    Stale,
    TableClosed,
    Teach,
    TeacherConsole,
    ToTitle,
)
from game.ui.screens.review import ReviewScreen
from game.ui.screens.title import TitleScreen
from game.ui.screens.wording import num
from game.ui.teaching import Aftermath, Next, carry_out, open_console, pin_entered


def route(app: App, result: Outcome) -> None:
    """What comes after a screen ends with ``result``: the whole flow between screens, in one place."""
    match result:
        # ---- the moments of a turn
        case AtKeyboard(role):
            app.viewer = role
            advance(app)
        case BriefingRead(role):
            app.briefed.add(role)
            advance(app)
        case Applied(results):
            carry_on(app, results)
        case Stale():
            advance(app)
        case EndTurn(role):
            carry_on(app, _match(app).apply(role, Done(role)))
        case ReviewRead():
            after_review(app)
        # ---- negotiation
        case OpenTable() | TableClosed() | Sent() | Answered() | Countered() | AskBreak() | BreakDecided() | Closed():
            route_negotiation(app, result)
        # ---- the teacher's console
        case TeacherConsole():
            open_console(app)
        case PinEntered(pin):
            pin_entered(app, pin)
        case Teach(action):
            after_teaching(app, carry_out(app, action))
        # ---- the public board (a projector)
        case ShowPublic():
            show_public(app)
        case LeavePublic():
            leave_public(app)
        # ---- menus and between games
        case Pause():
            app.push(PauseScreen(app))
        case CoachRead():
            if app.coach is not None:
                app.coach.read()
        case NewGame(scenario, path, seats, seed, pin):
            start_game(app, scenario, path, seats=seats, seed=seed, pin=pin)
        case LearnToPlay():
            start_tutorial(app)
        case Resume(match):
            resume_game(app, match)
        case ToTitle():
            show_title(app)
        case _:
            assert_never(result)


def route_negotiation(
    app: App, result: OpenTable | TableClosed | Sent | Answered | Countered | AskBreak | BreakDecided | Closed
) -> None:
    """What comes after a moment of the negotiation (part of :func:`route`)."""
    match result:
        case OpenTable(role, view):
            if app.coach is not None:
                app.coach.opened("negotiate")
            app.push(NegotiationScreen(app, role, view=view))
        case TableClosed():
            if isinstance(app.top, BoardScreen):
                advance(app)  # the board opens a proposal still waiting (a counter left unanswered)
        case Sent(role, results):
            show_reply(app, role, results)
        case Answered():
            after_answer(app, result)
        case Countered(role, proposal_id):
            counter_at_table(app, role, proposal_id)
        case AskBreak(role, agreement_id):
            app.push(break_dialog(app, role, agreement_id))
        case BreakDecided(role, agreement_id, confirmed):
            if confirmed:
                break_agreement(app, role, agreement_id)
        case Closed():
            pass
        case _:
            assert_never(result)


def attach(app: App, match: Match, *, briefed: Iterable[str] = ()) -> None:
    """Make ``match`` the running game: autosave after every turn; nobody's private things are on screen yet."""
    app.match = match
    app.viewer = None
    app.briefed = set(briefed)
    app.coach = coach_for(match)  # the tutorial's steps, when the match is one
    match.on_turn_end = lambda m: app.autosave()


def start_game(
    app: App, scenario: Scenario, scenario_path: str, *, seats: Mapping[str, Seat], seed: int, pin: str = ""
) -> Match:
    """Start a new game of ``scenario`` with ``seats`` (the roles not named get the standard computer): the first
    person's briefing (after a privacy screen with two people or more). ``pin`` guards the teacher's console."""
    match = Match.start(scenario, seats, seed, scenario_path=scenario_path, lang=language())
    if pin:
        teacher.set_pin(match, pin)
    attach(app, match)
    app.message = ""
    advance(app)
    return match


def start_tutorial(app: App) -> Match | None:
    """Start the tutorial, the learner against the computer; a tutorial that cannot be read is said on the title."""
    try:
        scenario = load_scenario(TUTORIAL_SCENARIO)
    except ScenarioError as exc:
        app.message = tr("The tutorial cannot be opened: {value}", value=exc.problems[0] if exc.problems else exc)
        show_title(app)
        return None
    if scenario.tutorial is None:
        app.message = tr("The tutorial cannot be opened: its file has no tutorial section.")
        show_title(app)
        return None
    return start_game(app, scenario, str(TUTORIAL_SCENARIO), seats={scenario.tutorial.role: PERSON}, seed=1)


def resume_game(app: App, match: Match) -> None:
    """Continue a restored game where it stands (a privacy screen first with two people or more), or its end."""
    attach(app, match, briefed=match.persons)
    app.message = ""
    advance(app)


def hotseat(match: Match) -> bool:
    """Whether two people or more share this machine (privacy screens between their parts)."""
    return len(match.persons) > 1


def advance(app: App) -> None:
    """Show what the match waits for now: a privacy screen when it is another person's moment, their briefing the
    first time, then their board with the event or proposal to answer over it; the end screen once it is over."""
    match = _match(app)
    decision = match.decision()
    if decision is None:
        show_end(app)
        return
    role = decision.role
    if hotseat(match) and role != app.viewer:
        app.viewer = None
        app.reset(PrivacyScreen(app, role))
        return
    app.viewer = role
    if role not in app.briefed:
        app.briefed.add(role)
        app.reset(BriefingScreen(app, role))
        return
    top = app.top
    if not (isinstance(top, BoardScreen) and top.role == role):
        app.reset(BoardScreen(app, role))
    if decision.kind is DecisionKind.CHOOSE:
        app.push(EventScreen(app, decision.event, role))
    elif decision.kind is DecisionKind.ANSWER:
        app.push(ProposalScreen(app, decision.proposal, role))


def carry_on(app: App, results: Iterable[Result]) -> None:
    """After a command: the review when it resolved the turn, else whatever the match waits for next."""
    resolved = [r for r in results if isinstance(r, TurnResolved)]
    if resolved:
        show_review(app, resolved[-1])
    else:
        advance(app)


def show_reply(app: App, role: str, results: Iterable[Result]) -> None:
    """``role`` sent a proposal (``results`` of the command): a computer's counter-proposal opens in its dialog; an
    acceptance, a refusal or no answer yet (a person answers in their own part of the turn) is told in a dialog."""
    results = tuple(results)
    sent = next((r.proposal for r in results if isinstance(r, ProposalSent) and r.proposal.sender == role), None)
    if sent is None:
        return
    answer = next((r for r in results if isinstance(r, ProposalAnswered) and r.proposal.id == sent.id), None)
    if answer is not None and answer.counter is not None and answer.counter.receiver == role:
        app.push(ProposalScreen(app, answer.counter.id, role))
        return
    app.push(reply_dialog(app, role, sent.id, answer))


def after_answer(app: App, answered: Answered) -> None:
    """A proposal's dialog was answered (and closed). The board shows the message and goes on; the negotiation
    table shows the agreement made, if any."""
    top = app.top
    agreement = next((r.agreement for r in answered.results if isinstance(r, ProposalAnswered) and r.agreement), None)
    if isinstance(top, NegotiationScreen):
        top.answered(answered.message, bad=answered.bad)
        if agreement is not None:
            app.push(agreement_dialog(app, top.role, agreement.id))
        return
    if isinstance(top, BoardScreen):
        top.show_notice(answered.message, bad=answered.bad)
    carry_on(app, answered.results)


def counter_at_table(app: App, role: str, proposal_id: str) -> None:
    """Answer a proposal with a counter-proposal (its dialog is closed): load it into the negotiation table (the
    one below, or a new one over the board)."""
    top = app.top
    if isinstance(top, NegotiationScreen):
        top.load(proposal_id)
    else:
        app.push(NegotiationScreen(app, role, reply_to=proposal_id))


def break_agreement(app: App, role: str, agreement_id: str) -> None:
    """Confirmed (the dialog is closed): break the agreement through the match and say what it cost."""
    match = _match(app)
    results = match.apply(role, BreakAgreement(role, agreement_id))
    broken = next((r.agreement for r in results if isinstance(r, AgreementBroken)), None)
    if broken is not None and isinstance(app.top, NegotiationScreen):
        other = next(r for r in broken.parties if r != role)
        trust = match.game.trust(role, other)
        app.top.answered(
            tr(
                "You broke {agreement_name}. Trust with {role_name} is now {num} of 100.",
                agreement_name=agreement_name(agreement_id),
                role_name=match.role_name(other),
                num=num(trust),
            ),
            bad=True,
        )


def after_teaching(app: App, after: Aftermath) -> None:
    """After a teacher's action: the review when it ended the turn, the restored turn after an undo (every screen
    built afresh: the game is a new one), the end screen when the game was ended; else the console stays."""
    if after.next is Next.RESOLVED:
        carry_on(app, after.results)
    elif after.next is Next.RESTORED:
        restart(app)
    elif after.next is Next.OVER:
        show_end(app)


def restart(app: App) -> None:
    """Show what the match waits for on screens built afresh (none kept from before)."""
    app.viewer = None if hotseat(_match(app)) else app.viewer
    while app.stack:
        app.stack.pop().on_exit()
    advance(app)


def show_review(app: App, resolved: TurnResolved) -> None:
    """The review of a resolved turn, shared by everybody at the table (nobody's private things on screen)."""
    app.viewer = None
    app.reset(ReviewScreen(app, resolved.report))


def after_review(app: App) -> None:
    """The review was read: the end screen if the game is over, else whatever the next turn asks first."""
    if _match(app).is_over():
        show_end(app)
    else:
        advance(app)


def show_end(app: App) -> None:
    """The end screen (it reveals every side's objectives and score)."""
    app.viewer = None
    app.reset(EndScreen(app))


def show_public(app: App) -> None:
    """The public board in place of everything on screen: nobody's private things are on screen any more. The turn
    timer shows on it (it stands still while the public board is up: nobody can act then)."""
    if isinstance(app.top, BriefingScreen):
        app.briefed.discard(app.top.role)  # not read yet: it comes again after the public board
    app.viewer = None
    app.reset(PublicScreen(app, app.timer))


def leave_public(app: App) -> None:
    """Back from the public board: always a privacy screen first (the room is looking), then whatever the match
    waits for; the end screen once the game is over."""
    match = _match(app)
    decision = match.decision()
    app.viewer = None
    if decision is None:
        show_end(app)
    else:
        app.reset(PrivacyScreen(app, decision.role))


def show_title(app: App) -> None:
    """The title screen, with no game running (when leaving a game, its autosave keeps it)."""
    app.match = None
    app.viewer = None
    app.reset(TitleScreen(app))


def _match(app: App) -> Match:
    if app.match is None:
        raise RuntimeError(tr("no game is running"))
    return app.match
