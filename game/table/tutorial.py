"""Where a learner stands in a scenario's tutorial: the current step, worked out from the match.

Pure. The learner plays the match with its ordinary commands; :func:`progress` reads the match's command log and
state, and the learner's acknowledgements (the steps they read, the screens they opened, which the match never
sees), and says which step is current. The front ends only ask it (through a :class:`Coach`) and show that step.

The steps are done in order. A step waiting for a command is done by the first matching command the learner sent
after the previous step was done; a step waiting for a turn or for the end is done once the game has got there.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from game.engine import Choose, Commit, Counter, Propose, Respond
from game.engine.tutorial import Step, Tutorial, Until
from game.i18n import tr
from game.table.log import Done, TableCommand
from game.table.match import Match


@dataclass(frozen=True, slots=True)
class Progress:
    """Where the learner stands: ``index`` of the current step (``total`` when every step is done) and that step
    (``None`` then)."""

    index: int
    total: int
    step: Step | None

    @property
    def finished(self) -> bool:
        """Whether every step is done."""
        return self.step is None

    @property
    def label(self) -> str:
        """``Step 3 of 12`` (``Done`` once finished)."""
        return tr("Done") if self.step is None else tr("Step {step} of {total}", step=self.index + 1, total=self.total)


def progress(tutorial: Tutorial, match: Match, acknowledged: Mapping[int, int]) -> Progress:
    """The current step of ``tutorial`` in ``match``. ``acknowledged`` maps the index of each step the learner
    acknowledged (read it, opened the screen it asked for) to the length of the match's log at that moment.

    A step to acknowledge counts as done, too, once the learner has already done what the next step that waits
    for the match asks (they are ahead of the coach, or continue a saved tutorial whose acknowledgements are gone).
    """
    total = len(tutorial.steps)
    position = 0  # where in the log the current step began
    for index, step in enumerate(tutorial.steps):
        if step.acknowledged:
            if index in acknowledged:
                position = max(position, acknowledged[index])
            elif _next_done(tutorial, match, index + 1, position) is None:
                return Progress(index, total, step)
            continue
        done = _done_at(match, tutorial.role, step, position)
        if done is None:
            return Progress(index, total, step)
        position = done
    return Progress(total, total, None)


def _done_at(match: Match, role: str, step: Step, start: int) -> int | None:
    """Where in the log a step that waits for the match was done (the position just after the command that did
    it, or ``start`` for a turn or the end reached), or None while it is not."""
    if step.until is Until.TURN:
        return start if match.game.turn >= int(step.target) or match.is_over() else None
    if step.until is Until.END:
        return start if match.is_over() else None
    found = _first_match(match.log.commands, start, role, step)
    return None if found is None else found + 1


def _next_done(tutorial: Tutorial, match: Match, first: int, start: int) -> int | None:
    """Whether the first step from ``first`` on that waits for the match is done already (where, as
    :func:`_done_at`); None when it is not, or when no such step follows."""
    for step in tutorial.steps[first:]:
        if not step.acknowledged:
            return _done_at(match, tutorial.role, step, start)
    return None


def _first_match(commands: list[TableCommand], start: int, role: str, step: Step) -> int | None:
    """The index of the first command from ``start`` on that does what ``step`` waits for."""
    for index in range(start, len(commands)):
        if does(commands[index], role, step):
            return index
    return None


def does(command: TableCommand, role: str, step: Step) -> bool:
    """Whether ``command`` is ``role`` doing what ``step`` waits for (a step that waits for a command)."""
    until, target = step.until, step.target
    if until is Until.COMMIT:
        return isinstance(command, Commit) and command.role == role and target in ("", command.action)
    if until is Until.END_TURN:
        return isinstance(command, Done) and command.role == role
    if until is Until.CHOOSE:
        return isinstance(command, Choose) and command.role == role and target in ("", command.event)
    if until is Until.PROPOSE:
        return (isinstance(command, Propose) and command.sender == role) or (
            isinstance(command, Counter) and command.role == role
        )
    if until is Until.ANSWER:
        return isinstance(command, Respond | Counter) and command.role == role
    return False


@dataclass
class Coach:
    """A tutorial being followed in one match: the learner's acknowledgements, and the current step."""

    match: Match
    tutorial: Tutorial
    acknowledged: dict[int, int] = field(default_factory=dict)

    @property
    def role(self) -> str:
        """The role the learner plays."""
        return self.tutorial.role

    def current(self) -> Progress:
        """The current step."""
        return progress(self.tutorial, self.match, self.acknowledged)

    def read(self) -> bool:
        """The learner has read the current step (Continue): done if it waits for ``read``. Whether it was."""
        return self._acknowledge(Until.READ, "")

    def opened(self, screen: str) -> bool:
        """The learner opened ``screen`` (``negotiate``): done if the current step waits for it. Whether it was."""
        return self._acknowledge(Until.OPEN, screen)

    def _acknowledge(self, until: Until, target: str) -> bool:
        now = self.current()
        step = now.step
        if step is None or step.until is not until or step.target != target:
            return False
        self.acknowledged[now.index] = len(self.match.log.commands)
        return True


def coach_for(match: Match) -> Coach | None:
    """A coach for ``match`` when its scenario has a tutorial and one person plays, in the tutorial's role."""
    tutorial = match.scenario.tutorial
    if tutorial is None or match.persons != (tutorial.role,):
        return None
    return Coach(match, tutorial)
