"""The story's section revealing every side's private objectives and final score, now that the game is over."""

from __future__ import annotations

from game.i18n import tr
from game.present import score as score_text
from game.ui.screens.ingame import BODY, HEADING, SMALL, GameScreen
from game.ui.widgets import Document


class ObjectivesSection:
    """Every side's private objectives, who played it and its final score."""

    def __init__(self, screen: GameScreen) -> None:
        self.screen = screen

    def add_to(self, doc: Document) -> None:
        """Every side's private objectives and final score, revealed now that the game is over."""
        screen = self.screen
        palette, match = screen.palette, screen.match
        ending = screen.seat_view().ending
        if ending is None:
            return
        persons = match.persons
        doc.heading(tr("Private objectives, revealed"), colour=palette.text, size=HEADING - 1, gap=4)
        for role in match.scenario.roles:
            name = match.role_name(role.id)
            if role.id in persons and len(persons) == 1:
                name = tr("{name} (you)", name=name)
            played = (
                tr(" · played by a person · final score ")
                if role.id in persons
                else tr(" · played by the computer · final score ")
            )
            doc.para(
                [
                    (name, palette.text, True),
                    (played, palette.muted, False),
                    (score_text(ending.scores.get(role.id, 0.0)), palette.text, True),
                ],
                size=BODY - 1,
                gap=2,
            )
            doc.para(ending.objectives.get(role.id, ""), colour=palette.text, size=SMALL + 1, indent=8, gap=8)
        doc.space(4)
