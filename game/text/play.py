"""A whole game in the terminal: the human plays one role, the computer (greedy policy) plays the others.

The front end only reads the game and submits commands (:class:`Commit`, :class:`Withdraw`, :class:`Choose`,
:class:`EndTurn`) through :meth:`Game.apply`; what it prints comes from :mod:`game.text.views`.
"""

from __future__ import annotations

import random
import re
from collections.abc import Mapping, Sequence
from typing import TextIO

from game.ai import Policy, make_policy
from game.engine import Action, Choose, Commit, EndTurn, Game, Outcome, Scenario, TurnReport, Withdraw, localize
from game.text import deals, views
from game.text.console import Console, EndOfInput, QuitRequested, parse_number
from game.text.debrief import debrief_lines
from game.text.negotiate import NegotiationTable

EXIT_OK, EXIT_NO_ROLE = 0, 2

#: The policy that plays every role the human does not.
COMPUTER_POLICY = "greedy"

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
#: Menu answers that only mean something when the scenario has a negotiation section.
_NEGOTIATION_KINDS = frozenset({"negotiate", "agreements"})


def run(scenario: Scenario, *, role: str | None, seed: int, stdin: TextIO, stdout: TextIO, lang: str = "en") -> int:
    """Play ``scenario`` through ``stdin``/``stdout`` as ``role`` (asked with a menu when None).

    Every other role is played by the computer. Returns the exit status: 0 when the game ends, when the player
    quits (``q``) and at the end of input; 2 when ``role`` is not one of the scenario's roles.
    The same scenario, seed and input always give the same transcript.
    """
    console = Console(stdin, stdout)
    try:
        return _play(console, scenario, role, seed, lang)
    except (EndOfInput, QuitRequested):
        console.line("Goodbye.")
        return EXIT_OK


def computer_players(game: Game, human: str, seed: int) -> dict[str, Policy]:
    """A greedy policy for every role but ``human``, each with its own RNG derived from ``seed``."""
    return {
        role.id: make_policy(COMPUTER_POLICY, game, role.id, random.Random(seed + 1 + index))
        for index, role in enumerate(game.scenario.roles)
        if role.id != human
    }


def ask_role(console: Console, scenario: Scenario, lang: str) -> str:
    """Ask which role to play with a numbered menu of the roles' names."""
    console.line("Choose your side:")
    for number, role in enumerate(scenario.roles, 1):
        console.para(f"{number}. {localize(role.name, lang)}", indent="  ", hanging="     ")
    count = len(scenario.roles)
    index = console.pick(f"Your side (1-{count}, q to quit): ", count, what="your side")
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


def _play(console: Console, scenario: Scenario, role: str | None, seed: int, lang: str) -> int:
    console.lines(views.intro_lines(scenario, lang))
    console.line()
    if not scenario.roles:
        console.line("This scenario has no roles to play.")
        return EXIT_NO_ROLE
    if role is None:
        role = ask_role(console, scenario, lang)
    elif role not in {r.id for r in scenario.roles}:
        known = ", ".join(r.id for r in scenario.roles)
        console.para(f"Unknown role {role!r}; this scenario has: {known}.")
        return EXIT_NO_ROLE
    game = Game.new(scenario, seed, lang=lang)
    TextSession(game, role, console, computer_players(game, role, seed)).play()
    return EXIT_OK


class TextSession:
    """One game played at the terminal: turn after turn of news, decisions, actions and review."""

    def __init__(self, game: Game, human: str, console: Console, computers: Mapping[str, Policy]) -> None:
        self.game = game
        self.human = human
        self.console = console
        self.computers = dict(computers)
        self.actions: Sequence[Action] = views.menu_actions(game, human)
        self.table = NegotiationTable(game, human, console) if game.scenario.negotiation is not None else None
        self._score_before = 0.0
        # The indicators are shown with their change since the previous turn's header (at turn 1: since the
        # start values). The engine's ``state.previous`` holds the values before this turn's news only.
        self._since: dict[str, float] = dict(game.state.previous)
        self._shown: dict[str, float] = dict(game.state.previous)

    def play(self) -> None:
        """Introduce the player's side, then play turns until the game ends."""
        self.introduce()
        while True:
            self.start_turn()
            self.answer_events()
            self.choose_actions()
            report = self.end_turn()
            if report.outcome is not None:
                self.finish(report.outcome)
                return

    # ----------------------------------------------------------------- phases of a turn
    def introduce(self) -> None:
        """The player's brief and objectives, who the computer plays, and how to answer."""
        console, game = self.console, self.game
        console.lines(views.role_lines(game, self.human))
        others = ", ".join(views.role_name(game, r) for r in self.computers) or "nobody"
        console.para(f"The computer plays: {others}.")
        console.line()
        console.lines(views.help_lines(negotiation=self.table is not None))

    def start_turn(self) -> None:
        """The turn header, the indicators and the news."""
        game = self.game
        self._score_before = game.score_of(self.human, dict(game.state.previous))
        self._since, self._shown = self._shown, dict(game.state.values)
        self.console.line()
        self.console.line(views.turn_header(game))
        self.console.lines(views.indicator_lines(game, self._since))
        self.console.line()
        asked = [p.event for p in game.pending_choices(self.human)]
        self.console.lines(views.news_lines(game, game.turn, asked=asked))

    def answer_events(self) -> None:
        """Ask the player about each event waiting for them; the computer answers its own."""
        for pending in self.game.pending_choices(self.human):
            self.ask_choice(pending.event)
        for role_id, policy in self.computers.items():
            if self.game.pending_choices(role_id):
                for command in policy.decide(self.game, role_id):
                    self.game.apply(command)

    def ask_choice(self, event_id: str) -> None:
        """One event's numbered choices with their forecasts; the answer is applied at once."""
        game = self.game
        event = game.scenario.event(event_id)
        self.console.line()
        self.console.lines(views.choice_lines(game, event))
        count = len(event.choices)
        index = self.console.pick(f"Your decision (1-{count}, q to quit): ", count, what="your answer")
        choice = event.choices[index]
        game.apply(Choose(self.human, event_id, choice.id))
        self.console.para(f"You chose: {views.say(game, choice.label)}.")

    def choose_actions(self) -> None:
        """The computer's proposals to the player, then the action menu until the player ends the turn."""
        if self.table is not None:
            self.table.receive_proposals()
        self.console.line()
        self.console.lines(views.menu_lines(self.game, self.human, self.actions))
        count = len(self.actions)
        if self.table is not None:
            prompt = f"Action (1-{count}, d N, n negotiate, a agreements, e end, h help, q quit): "
            if not count:
                prompt = "n negotiate, a agreements, e end the turn, h help, q quit: "
        elif count:
            prompt = f"Action (1-{count}, d N details, e end turn, h help, q quit): "
        else:
            prompt = "e to end the turn: "
        while True:
            kind, index = parse_menu_answer(self.console.ask(prompt), count)
            if kind == "end":
                return
            self.handle(kind, index)

    def handle(self, kind: str, index: int) -> None:
        """Carry out one menu answer other than ending the turn."""
        console, game = self.console, self.game
        if kind in _NEGOTIATION_KINDS and self.table is None:
            kind = "invalid"
        if kind == "negotiate" and self.table is not None:
            self.table.negotiate()
        elif kind == "agreements" and self.table is not None:
            self.table.agreements()
        elif kind == "toggle":
            self.toggle(index)
        elif kind == "details":
            console.lines(views.detail_lines(game, self.human, index + 1, self.actions[index]))
        elif kind == "list":
            console.lines(views.menu_lines(game, self.human, self.actions))
        elif kind == "status":
            console.lines(views.indicator_lines(game, self._since))
        elif kind == "help":
            console.lines(views.help_lines(negotiation=self.table is not None))
        else:
            console.para(self.menu_hint())

    def menu_hint(self) -> str:
        """What the action menu expects, after an answer it could not read."""
        count = len(self.actions)
        talks = ", n to negotiate, a for your agreements" if self.table is not None else ""
        if not count:
            return f"You have no actions in this scenario. Type e to end the turn{talks}, or q to quit."
        return (
            f"Please type an action number from 1 to {count} to commit or withdraw it, d and a number for "
            f"details (for example d 1){talks}, e to end the turn, h for help, or q to quit."
        )

    def toggle(self, index: int) -> None:
        """Commit the action, or withdraw it if it is committed; say why not if it is unavailable."""
        game, action = self.game, self.actions[index]
        label = views.say(game, action.label)
        status = views.action_status(game, self.human, action)
        if status == "committed":
            game.apply(Withdraw(self.human, action.id))
            self.console.para(f"Withdrawn: {label}. Capital left: {game.capital(self.human)}.")
        elif status == "available":
            game.apply(Commit(self.human, action.id))
            self.console.para(f"Committed: {label}. Capital left: {game.capital(self.human)}.")
        else:
            self.console.para(f"Not available: {label}: {status}. Type d {index + 1} for details.")

    def end_turn(self) -> TurnReport:
        """The computer commits its actions, the turn is resolved, and the review is shown."""
        game = self.game
        for role_id, policy in self.computers.items():
            for command in policy.decide(game, role_id):
                game.apply(command)
        report = game.apply(EndTurn())
        if report is None:  # pragma: no cover - EndTurn always reports
            raise RuntimeError("ending the turn gave no report")
        # After resolution the next turn's news has already happened; its ``previous`` values are this turn's end.
        end_values = game.state.values if report.outcome is not None else game.state.previous
        score_after = game.score_of(self.human, dict(end_values))
        self.console.line()
        talks = deals.news_lines(game, self.human, report.turn) if self.table is not None else []
        review = views.review_lines(game, self.human, report.turn, self._score_before, score_after, talks=talks)
        self.console.lines(review)
        return report

    def finish(self, outcome: Outcome) -> None:
        """The ending, every role's score, a recap of the player's decisions, and a debrief of each computer
        counterpart."""
        self.console.line()
        self.console.lines(views.ending_lines(self.game, outcome))
        self.console.line()
        self.console.lines(views.recap_lines(self.game, self.human))
        for role_id in self.computers:
            self.console.line()
            self.console.lines(debrief_lines(self.game, role_id, self.human))
        self.console.line()
        self.console.line("Thanks for playing.")
