"""A whole game in the terminal: any mix of people and computer seats, two people taking turns at one keyboard.

The front end drives a :class:`~game.table.Match`: it asks the match who must act now (:meth:`Match.decision`) and
sends that person's commands (:meth:`Match.apply`); the computer seats move by themselves. A person's private things
(objectives, score, how a proposal weighs for them) come from their seat's view (:func:`~game.table.view`). What it
prints comes from :mod:`game.text.views`. With two or more people, each person's part of a turn begins with a line
``Pass to <role name>`` and waits for Enter, and nothing private of the other side is printed after it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import TextIO

from game import present
from game.engine import Choose, Commit, News, Scenario, Withdraw, localize
from game.i18n import tr
from game.table import PERSON, Decision, DecisionKind, Done, Match, Seat, TurnResolved, score_gain, view
from game.text import deals, views
from game.text.coach import TextCoach
from game.text.console import Console, EndOfInput, QuitRequested, parse_number
from game.text.debrief import debrief_lines, reference_lines, score_reference
from game.text.negotiate import NegotiationTable

EXIT_OK, EXIT_NO_ROLE = 0, 2

_DETAILS = re.compile(r"^(?:d|details?|\?)\s*(\d+)$")
_WORDS = {
    "e": "end",
    "end": "end",
    "h": "help",
    "help": "help",
    "?": "help",
    "l": "list",
    "list": "list",
    "s": "status",
    "status": "status",
    "n": "negotiate",
    "negotiate": "negotiate",
    "a": "agreements",
    "agreements": "agreements",
}
#: The answers that ask for a review's full list.
FULL_WORDS = frozenset({"f", "full"})
#: Menu answers that only mean something when the scenario has a negotiation section.
_NEGOTIATION_KINDS = frozenset({"negotiate", "agreements"})


def run(
    scenario: Scenario,
    *,
    role: str | None,
    seed: int,
    stdin: TextIO,
    stdout: TextIO,
    lang: str = "en",
    seats: Mapping[str, Seat] | None = None,
    scenario_path: str = "",
    match: Match | None = None,
    save: Callable[[Match], str] | None = None,
    full_review: bool = False,
    watch: str | None = None,
    turns: int | None = None,
) -> int:
    """Play ``scenario`` through ``stdin``/``stdout``.

    ``seats`` names who plays which role (``person`` or a computer level); roles not named are played by the
    computer at the standard level. Without any person among them, ``role`` (asked with a menu when None) is the
    person's. ``match`` continues a saved match instead. ``save`` is called after every turn (and on quitting) with
    the match, and returns an error message or ``""``. Each turn's review is condensed, with the full list on the
    f key, unless ``full_review`` asks for the full list every time. Returns the exit status: 0 when the game ends,
    when the player quits (``q``, confirmed) and at the end of input; 2 when ``role`` is not one of the scenario's
    roles. With ``watch`` (the scenario's file, of ``turns`` turns when the game is a shorter one), the game follows
    the file as it is edited (see :mod:`game.text.watching`).
    The same scenario, seed and input always give the same transcript.
    """
    console = Console(stdin, stdout)
    game_in_play: list[Match] = []
    try:
        return _play(console, scenario, role, seed, lang, seats or {}, scenario_path, match, save, game_in_play,
                     full_review, (watch, turns))  # fmt: skip
    except (EndOfInput, QuitRequested):
        if save is not None and game_in_play and not game_in_play[0].is_over():
            problem = save(game_in_play[0])
            console.line(problem or tr("Your game is saved: python main.py text --continue picks it up."))
        console.line(tr("Goodbye."))
        return EXIT_OK


def ask_role(console: Console, scenario: Scenario, lang: str) -> str:
    """Ask which role to play with a numbered menu of the roles' names."""
    console.line(tr("Choose your side:"))
    for number, role in enumerate(scenario.roles, 1):
        console.para(f"{number}. {localize(role.name, lang)}", indent="  ", hanging="     ")
    count = len(scenario.roles)
    index = console.pick(tr("Your side (1-{count}, q to quit): ", count=count), count, what=tr("your side"))
    return scenario.roles[index].id


def parse_menu_answer(answer: str, count: int) -> tuple[str, int]:
    """Read an answer to the action menu as ``(kind, index)``.

    Kinds: ``toggle`` (a number), ``details`` (``d 3``), ``end``, ``help``, ``list``, ``status``, ``negotiate``,
    ``agreements``, or ``invalid``;
    ``index`` is the 0-based action number, or -1.
    """
    lower = answer.lower()
    if lower in _WORDS:
        return _WORDS[lower], -1
    index = parse_number(answer, count)
    if index is not None:
        return "toggle", index
    match = _DETAILS.match(lower)
    if match is not None:
        index = parse_number(match.group(1), count)
        if index is not None:
            return "details", index
    return "invalid", -1


def _play(
    console: Console,
    scenario: Scenario,
    role: str | None,
    seed: int,
    lang: str,
    seats: Mapping[str, Seat],
    scenario_path: str,
    match: Match | None,
    save: Callable[[Match], str] | None,
    in_play: list[Match],
    full_review: bool = False,
    watch: tuple[str | None, int | None] = (None, None),
) -> int:
    if match is None:
        console.lines(views.intro_lines(scenario, lang))
        console.line()
        if not scenario.roles:
            console.line(tr("This scenario has no roles to play."))
            return EXIT_NO_ROLE
        if role is not None and role not in {r.id for r in scenario.roles}:
            known = ", ".join(r.id for r in scenario.roles)
            console.para(tr("Unknown role {role}; this scenario has: {known}.", role=repr(role), known=known))
            return EXIT_NO_ROLE
        chosen = dict(seats)
        if role is not None and role not in chosen:
            chosen[role] = PERSON
        if role is None and not chosen and scenario.tutorial is not None:
            role = scenario.tutorial.role  # a tutorial teaches its own role
        if not any(seat.is_person for seat in chosen.values()):
            if role is None:
                role = ask_role(console, scenario, lang)
            chosen[role] = PERSON
        match = Match.start(scenario, chosen, seed, scenario_path=scenario_path, lang=lang)
    else:
        console.para(tr("Continuing: {title}, {turn}.", title=localize(scenario.title, lang), turn=match.turn_label))
    if save is not None:
        match.on_turn_end = lambda m: _report_problem(console, save(m))
    in_play.append(match)
    path, turns = watch
    if path is None:
        TextTable(match, console, full_review=full_review).play()
        return EXIT_OK
    from game.text.watching import MatchReplaced, TextWatch

    TextWatch(path, match, console, turns=turns).install()
    table = TextTable(match, console, full_review=full_review)
    while True:
        try:
            table.play()
            return EXIT_OK
        except MatchReplaced as replaced:
            match = replaced.match
            if save is not None:
                match.on_turn_end = lambda m: _report_problem(console, save(m))
            in_play[:] = [match]
            table = TextTable(match, console, full_review=full_review)
            if not replaced.restarted:  # the same game: its people know their brief, the turn is shown again
                for seat in table.seats.values():
                    seat.introduced = True


def _report_problem(console: Console, problem: str) -> None:
    if problem:
        console.para(problem)


class TextSeat:
    """What the terminal remembers for one person's seat: the values it last showed them, how many actions its menu
    numbers, and its negotiation table."""

    def __init__(self, match: Match, role: str, console: Console) -> None:
        game = match.game
        self.role = role
        self.action_count = len(game.scenario.actions_for(role))
        self.table = NegotiationTable(match, role, console) if match.has_negotiation else None
        # The indicators are shown with their change since this person's previous turn header (at turn 1: since
        # the start values). The engine's ``state.previous`` holds the values before this turn's news only.
        self.since: dict[str, float] = dict(game.state.previous)
        self.shown: dict[str, float] = dict(game.state.previous)
        self.score_shown = game.score_of(role, dict(game.state.previous))
        self.turn_shown = 0
        self.introduced = False


class TextTable:
    """One match played at the terminal: each person's decisions in the order the match asks for them, the shared
    review after every turn (condensed, the full list on the f key, unless ``full_review``), and the end."""

    def __init__(self, match: Match, console: Console, *, full_review: bool = False) -> None:
        self.match = match
        self.game = match.game
        self.console = console
        self.seats = {role: TextSeat(match, role, console) for role in match.persons}
        self.hot_seat = len(match.persons) > 1
        self.at_keyboard: str | None = None
        self.full_review = full_review
        #: The turn whose condensed review was shown to several people and whose full list may still be asked for
        #: at the next ``Pass to`` line (0: none).
        self.unread = 0
        #: What a move of the last review meant for its one reader's score (None: a review shared by several).
        self.judge: views.Judge | None = None
        self.coach = TextCoach.for_match(match, console)  # the tutorial's steps, when this is one

    def play(self) -> None:
        """Ask each decision of the match until the game ends."""
        while True:
            decision = self.match.decision()
            if decision is None:
                break
            self.take(decision)
        if self.game.outcome is not None:
            self.finish()

    def take(self, decision: Decision) -> None:
        """One decision of one person: the privacy line when the keyboard changes hands, then the decision."""
        seat = self.seats[decision.role]
        if decision.role != self.at_keyboard:
            if self.hot_seat:
                self.pass_to(decision.role)
            self.at_keyboard = decision.role
        if not seat.introduced:
            self.introduce(seat)
        if seat.turn_shown != self.game.turn:
            self.start_turn(seat)
        if self.coach is not None:
            self.coach.show()
        if decision.kind is DecisionKind.CHOOSE:
            self.ask_choice(seat, decision.event)
        elif decision.kind is DecisionKind.ANSWER and seat.table is not None:
            self.console.line()
            seat.table.answer(self.game.proposal(decision.proposal))
        else:
            self.choose_actions(seat)

    # ----------------------------------------------------------------- the privacy line
    def pass_to(self, role: str) -> None:
        """``Pass to <role name>``: the next lines are for that person only. Right after a condensed review the
        line offers its full list first (f), to everybody still looking."""
        name = present.role_name(self.game, role)
        self.console.line()
        turn, self.unread = self.unread, 0
        if turn:
            prompt = tr(
                "Pass to {name}. Press Enter when {name} is at the keyboard (f: the full review first): ", name=name
            )
            if self.console.ask(prompt).lower() in FULL_WORDS:
                self.full_list(turn)
                self.console.line()
            else:
                return
        self.console.ask(tr("Pass to {name}. Press Enter when {name} is at the keyboard: ", name=name))

    # ----------------------------------------------------------------- phases of a turn
    def introduce(self, seat: TextSeat) -> None:
        """The person's brief and objectives, who plays the other sides, and how to answer."""
        console, game, match = self.console, self.game, self.match
        seat.introduced = True
        console.lines(views.role_lines(game, view(match, seat.role)))
        others = [r for r in match.seats if r != seat.role]
        people = [present.role_name(game, r) for r in others if match.seats[r].is_person]
        computers = [
            tr("{name} ({level})", name=present.role_name(game, r), level=tr(match.seats[r].level_name))
            for r in others
            if not match.seats[r].is_person
        ]
        if people:
            console.para(tr("Another person plays: {names}.", names=", ".join(people)))
        if computers:
            console.para(tr("The computer plays: {names}.", names=", ".join(computers)))
        console.line()
        console.lines(views.help_lines(negotiation=seat.table is not None))

    def start_turn(self, seat: TextSeat) -> None:
        """The turn header, the indicators, the news, and (with several people) the person's own score."""
        game = self.game
        first = seat.turn_shown == 0
        seat.turn_shown = game.turn
        seat.since = seat.shown
        looking = view(self.match, seat.role, since=seat.since)
        seat.shown = {i.id: i.value for i in looking.indicators}
        self.console.line()
        self.console.line(views.turn_header(game))
        self.console.lines(views.indicator_lines(looking))
        self.console.line()
        self.console.lines(views.news_lines(game, looking, asked=looking.pending))
        if self.hot_seat:
            score = looking.score
            if first:
                self.console.line(tr("Your score: {score}.", score=present.score(score)))
            else:
                change = views.movement(views.shown_change(seat.score_shown, score, present.score), shown=present.score)
                self.console.line(
                    tr(
                        "Your score: {score} ({change} since your last turn).",
                        score=present.score(score),
                        change=change,
                    )
                )
            seat.score_shown = score

    def ask_choice(self, seat: TextSeat, event_id: str) -> None:
        """One event's numbered choices with their forecasts; the answer is applied at once."""
        game = self.game
        event = game.scenario.event(event_id)
        self.console.line()
        self.console.lines(views.choice_lines(game, event))
        count = len(event.choices)
        index = self.console.pick(
            tr("Your decision (1-{count}, q to quit): ", count=count), count, what=tr("your answer")
        )
        choice = event.choices[index]
        self.match.apply(seat.role, Choose(seat.role, event_id, choice.id))
        self.console.para(tr("You chose: {choice}.", choice=present.say(game, choice.label)))

    def choose_actions(self, seat: TextSeat) -> None:
        """The action menu until the person ends their part of the turn (or a proposal arrives for them)."""
        self.console.line()
        self.console.lines(views.menu_lines(self.game, view(self.match, seat.role)))
        count = seat.action_count
        if seat.table is not None:
            prompt = tr("Action (1-{count}, d N, n negotiate, a agreements, e end, h help, q quit): ", count=count)
            if not count:
                prompt = tr("n negotiate, a agreements, e end the turn, h help, q quit: ")
        elif count:
            prompt = tr("Action (1-{count}, d N details, e end turn, h help, q quit): ", count=count)
        else:
            prompt = tr("e to end the turn: ")
        while True:
            if self.coach is not None:
                self.coach.show()
            kind, index = parse_menu_answer(self.console.ask(prompt), count)
            if kind == "end":
                self.end_part(seat)
                return
            self.handle(seat, kind, index)
            decision = self.match.decision()
            if decision is None or decision.role != seat.role or decision.kind is not DecisionKind.ACT:
                return  # a counter-proposal waits for an answer, or the turn moved on

    def handle(self, seat: TextSeat, kind: str, index: int) -> None:
        """Carry out one menu answer other than ending the turn."""
        console, game = self.console, self.game
        if kind in _NEGOTIATION_KINDS and seat.table is None:
            kind = "invalid"
        if kind == "negotiate" and seat.table is not None:
            if self.coach is not None:
                self.coach.opened("negotiate")
            seat.table.negotiate()
        elif kind == "agreements" and seat.table is not None:
            seat.table.agreements()
        elif kind == "toggle":
            self.toggle(seat, index)
        elif kind == "details":
            console.lines(views.detail_lines(game, index + 1, view(self.match, seat.role).actions[index]))
        elif kind == "list":
            console.lines(views.menu_lines(game, view(self.match, seat.role)))
        elif kind == "status":
            console.lines(views.indicator_lines(view(self.match, seat.role, since=seat.since)))
        elif kind == "help":
            console.lines(views.help_lines(negotiation=seat.table is not None))
        else:
            console.para(self.menu_hint(seat))

    def menu_hint(self, seat: TextSeat) -> str:
        """What the action menu expects, after an answer it could not read."""
        count = seat.action_count
        if not count:
            if seat.table is not None:
                return tr(
                    "You have no actions in this scenario. Type e to end the turn, n to negotiate, a for your "
                    "agreements, or q to quit."
                )
            return tr("You have no actions in this scenario. Type e to end the turn, or q to quit.")
        if seat.table is not None:
            return tr(
                "Please type an action number from 1 to {count} to commit or withdraw it, d and a number for "
                "details (for example d 1), n to negotiate, a for your agreements, e to end the turn, h for help, "
                "or q to quit.",
                count=count,
            )
        return tr(
            "Please type an action number from 1 to {count} to commit or withdraw it, d and a number for "
            "details (for example d 1), e to end the turn, h for help, or q to quit.",
            count=count,
        )

    def toggle(self, seat: TextSeat, index: int) -> None:
        """Commit the action, or withdraw it if it is committed; say why not if it is unavailable."""
        action, role = view(self.match, seat.role).actions[index], seat.role
        if action.status == "committed":
            self.match.apply(role, Withdraw(role, action.id))
            self.console.para(
                tr(
                    "Withdrawn: {action}. Capital left: {capital}.",
                    action=action.label,
                    capital=present.num(self.game.capital(role)),
                )
            )
        elif action.status == "available":
            self.match.apply(role, Commit(role, action.id))
            self.console.para(
                tr(
                    "Committed: {action}. Capital left: {capital}.",
                    action=action.label,
                    capital=present.num(self.game.capital(role)),
                )
            )
        else:
            self.console.para(
                tr(
                    "Not available: {action}: {reason}. Type d {number} for details.",
                    action=action.label,
                    reason=action.status,
                    number=index + 1,
                )
            )

    def end_part(self, seat: TextSeat) -> None:
        """The person is done: the next person's part, or (the last one) the turn resolves and is reviewed."""
        game = self.game
        score_before = game.score_of(seat.role, dict(game.state.previous))
        results = self.match.apply(seat.role, Done(seat.role))
        for result in results:
            if isinstance(result, TurnResolved):
                self.review(result.report.turn, result.report.outcome is not None, seat, score_before)

    def review(self, turn: int, over: bool, seat: TextSeat, score_before: float) -> None:
        """The review of a resolved turn: shared with everybody at the table (no score) when several people play;
        a single person also sees their score. Condensed unless the full review was asked for: its full list comes
        on f, at a prompt after it (with several people, at the next ``Pass to`` line)."""
        game = self.game
        # After resolution the next turn's news has already happened; its ``previous`` values are this turn's end.
        end_values = game.state.values if over else game.state.previous
        full = self.full_review
        self.console.line()
        if self.hot_seat:
            if self.at_keyboard is not None:
                self.console.line(tr("The turn is over: everybody may look at the review."))
            self.at_keyboard = None
            self.judge = None
            talks = deals.news_lines(game, self.shared_news(), "", turn) if self.match.has_negotiation else []
            self.console.lines(views.review_lines(game, None, turn, talks=talks, full=full))
        else:
            score_after = game.score_of(seat.role, dict(end_values))
            seen = view(self.match, seat.role).news
            talks = deals.news_lines(game, seen, seat.role, turn) if seat.table is not None else []

            def judge(indicator: str, before: float, after: float) -> float | None:
                return score_gain(self.match, seat.role, indicator, before, after, end_values)

            self.judge = judge
            self.console.lines(views.review_lines(game, seat.role, turn, score_before, score_after, talks=talks,
                                                  judge=judge, full=full))  # fmt: skip
        if full or views.review_complete(game, turn):
            return
        if self.hot_seat and not over:
            self.unread = turn
        else:
            if over:
                prompt = tr("Enter to see how it ended, f for the full list: ")
            else:
                prompt = tr("Enter to go on to turn {turn}, f for the full list: ", turn=game.turn)
            if self.console.glance(prompt, FULL_WORDS):
                self.full_list(turn)

    def full_list(self, turn: int) -> None:
        """Every change of ``turn``, indicator by indicator and cause by cause (the review's full list)."""
        game = self.game
        self.console.line()
        self.console.line(tr("Every change of turn {turn} and why:", turn=turn))
        self.console.lines(views.change_lines(game, game.changes_in_turn(turn), self.judge))

    def shared_news(self) -> list[News]:
        """The news every person at the keyboard may see (a review shared by several people shows no more)."""
        seen = [view(self.match, role).news for role in self.match.persons]
        if not seen:
            return []
        common = set.intersection(*(set(news) for news in seen))
        return [n for n in seen[0] if n in common]

    def finish(self) -> None:
        """The ending and every role's score, each against its own side's usual range; each person's recap; each
        computer counterpart's debrief; and, with several people, every side's objectives (revealed now)."""
        game, console = self.game, self.console
        outcome = game.outcome
        if outcome is None:  # pragma: no cover - only called once the game is over
            return
        console.line()
        console.lines(views.ending_lines(game, outcome))
        console.line()
        console.lines(reference_lines(game, score_reference(game.scenario)))
        for role in self.match.persons:
            console.line()
            console.lines(views.recap_lines(game, role))
        if self.hot_seat:
            console.line()
            console.line(tr("Every side's private objectives:"))
            for side in game.scenario.roles:
                text = tr("{name}: {text}", name=present.say(game, side.name), text=present.say(game, side.objectives))
                console.para(text, indent="  ", hanging="    ")
        for computer in self.match.players:
            for person in self.match.persons:
                console.line()
                console.lines(debrief_lines(game, computer, person))
        if self.coach is not None:
            self.coach.show()
        console.line()
        console.line(tr("Thanks for playing."))
