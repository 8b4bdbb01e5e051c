"""The story's sections on what happened: each person's key decisions turn by turn, and the biggest single causes
of change (coloured by what they did to the reader's score)."""

from __future__ import annotations

from game.engine import Outcome
from game.i18n import tr
from game.i18n.formats import turn_date
from game.present import cause_text, decisions, indicator_label, visible
from game.table.view import score_gain
from game.ui.screens.ingame import HEADING, SMALL, GameScreen
from game.ui.screens.wording import biggest_changes, cause_owner, signed
from game.ui.widgets import Document, gain_colour


class KeyDecisions:
    """What each person did, turn by turn (``no action`` for a turn they let pass)."""

    def __init__(self, screen: GameScreen, outcome: Outcome) -> None:
        self.screen = screen
        self.outcome = outcome

    def add_to(self, doc: Document) -> None:
        """A heading per person (``Your key decisions`` when only one plays), then a line per turn."""
        screen = self.screen
        palette, game, match = screen.palette, screen.game, screen.match
        persons = match.persons
        for role in persons:
            mine = len(persons) == 1
            doc.heading(
                tr("Your key decisions") if mine else tr("Key decisions: {role_name}", role_name=match.role_name(role)),
                colour=palette.text,
                size=HEADING - 1,
                gap=4,
            )
            calendar = game.scenario.calendar
            for turn in range(1, self.outcome.turn + 1):
                done = decisions(game, role, turn)
                doc.para(
                    [
                        (
                            tr("Turn {turn} · {label}: ", turn=turn, label=turn_date(calendar, turn)),
                            palette.muted,
                            True,
                        ),
                        ("; ".join(done) if done else tr("no action"), palette.text if done else palette.muted, False),
                    ],
                    size=SMALL + 1,
                    gap=3,
                )
            doc.space(10)


class BiggestChanges:
    """The eight biggest single changes of the game, each with its cause and whose it was."""

    def __init__(self, screen: GameScreen) -> None:
        self.screen = screen

    def add_to(self, doc: Document) -> None:
        """A heading, then a line per change; good or bad news is judged for one reader, by their score."""
        screen = self.screen
        palette, game, match = screen.palette, screen.game, screen.match
        persons = match.persons
        doc.heading(tr("The biggest single changes"), colour=palette.text, size=HEADING - 1, gap=4)
        reader = persons[0] if len(persons) == 1 else None  # good news is judged for one reader, by their score
        for change in biggest_changes(visible(game, game.history), 8):
            gain = score_gain(match, reader, change.indicator, change.before, change.after) if reader else None
            colour = gain_colour(True, gain, palette)
            doc.para(
                [
                    (tr("Turn {turn} · ", turn=change.turn), palette.muted, False),
                    (f"{indicator_label(game, change.indicator)} ", palette.text, False),
                    (signed(change.delta), colour, True),
                    (f" · {cause_text(game, change)} ({cause_owner(game, change, persons)})", palette.muted, False),
                ],
                size=SMALL + 1,
                gap=3,
            )
