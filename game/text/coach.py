"""The tutorial's coach in the terminal: each step's text printed before the prompt where the learner acts.

What the current step is comes from :mod:`game.table.tutorial`; this module only prints it, says what it points
at in the terminal's words, and waits for Enter on steps the learner only has to read.
"""

from __future__ import annotations

from game.engine import localize
from game.engine.tutorial import PointAt, Pointer, Until
from game.i18n import N_, tr
from game.table import Match
from game.table.tutorial import Coach, coach_for
from game.text.console import Console

#: Where the terminal shows each part of the board a step may point at.
_WHERE = {
    PointAt.INDICATORS: N_("Look at the indicators (type s to see them again)."),
    PointAt.OBJECTIVES: N_("Look at the indicators and what your score wants of each (type s)."),
    PointAt.ACTIONS: N_("Look at the action menu (type l to list it again)."),
    PointAt.FORECAST: N_("Look at an action's details and forecast (type d and its number, for example d 1)."),
    PointAt.CAPITAL: N_("Look at your capital, at the top of the action menu."),
    PointAt.NEWS: N_("Look at the news, under the indicators at the start of the turn."),
    PointAt.COMMIT: N_("Look at committing: type an action's number."),
    PointAt.END_TURN: N_("Look at ending the turn: type e."),
    PointAt.NEGOTIATE: N_("Look at the negotiation table: type n."),
    PointAt.TURN: N_("Look at the turn and the date, at the top of the turn."),
}


class TextCoach:
    """Prints the tutorial's steps to one learner as the match reaches them."""

    def __init__(self, coach: Coach, console: Console) -> None:
        self.coach = coach
        self.console = console
        self.shown = -1
        self.lang = coach.match.game.lang

    @classmethod
    def for_match(cls, match: Match, console: Console) -> TextCoach | None:
        """A coach when ``match`` is a tutorial played by its one learner, else None."""
        coach = coach_for(match)
        return None if coach is None else cls(coach, console)

    def show(self) -> None:
        """Print the current step if it is new; on a step to read, wait for Enter and go on to the next."""
        while True:
            now = self.coach.current()
            step = now.step
            if step is None:
                if self.shown != now.index:
                    self.shown = now.index
                    self.console.line()
                    self.console.para(tr("Tutorial: that was the last step. Well played!"))
                return
            if now.index != self.shown:
                self.shown = now.index
                self.console.line()
                self.console.para(
                    tr("Tutorial, {step}: {text}", step=now.label.lower(), text=localize(step.say, self.lang))
                )
                if step.point is not None:
                    self.console.para(self.where(step.point), indent="  ")
            if step.until is not Until.READ:
                return
            self.console.ask(tr("Press Enter to go on: "))
            self.coach.read()

    def opened(self, screen: str) -> None:
        """The learner opened ``screen`` (``negotiate``)."""
        self.coach.opened(screen)

    def where(self, pointer: Pointer) -> str:
        """Where to look for what a pointer points at, in the terminal's words."""
        scenario = self.coach.match.scenario
        if pointer.at is PointAt.INDICATOR:
            label = localize(scenario.indicator(pointer.target).label, self.lang)
            return tr("Look at the indicator {label} (type s).", label=label)
        if pointer.at is PointAt.ACTION:
            actions = scenario.actions_for(self.coach.role)
            number = next(i for i, a in enumerate(actions, 1) if a.id == pointer.target)
            label = localize(scenario.action(pointer.target).label, self.lang)
            return tr("Look at action {number}, {label}.", number=number, label=label)
        return tr(_WHERE[pointer.at])
