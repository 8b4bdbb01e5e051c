"""The words of the review screen's causes panel: who did what, then the moves that mattered most with their biggest
causes (condensed, :func:`game.present.review.condense`), or every change grouped by cause (the full list)."""

from __future__ import annotations

from collections.abc import Callable

from game.engine import Action, Cause, Change, Dynamic, Game, Text
from game.i18n import tr, tr_n
from game.present import cause_text, decisions, indicator_label
from game.present.review import Condensed, Move, left_out_words
from game.table import Match
from game.ui.screens.ingame import BODY, HEADING, SMALL
from game.ui.screens.wording import CauseGroup, cause_owner, num, signed
from game.ui.theme import Palette
from game.ui.widgets import Document
from game.ui.widgets.charts import Colour

#: The colour of a move for the reader: ``colour(indicator, before, after)``.
MoveColour = Callable[[str, float, float], Colour]
#: The causes named by their owner after their text (the others say who in their text: an agreement, a break).
_OWNED = (Cause.ACTION, Cause.CHOICE, Cause.EVENT, Cause.DYNAMIC, Cause.FACILITATOR)


class ReviewText:
    """Writes the causes panel of one turn's review into a :class:`Document`."""

    def __init__(self, match: Match, palette: Palette, colour: MoveColour, say: Callable[[Text], str]) -> None:
        self.match = match
        self.game: Game = match.game
        self.palette = palette
        self.colour = colour
        self.say = say

    def sides(self, doc: Document, turn: int) -> None:
        """What each side did in ``turn``."""
        palette, game, match = self.palette, self.game, self.match
        doc.para(tr("WHAT EACH SIDE DID"), colour=palette.muted, size=SMALL, bold=True, gap=4)
        for role in game.scenario.roles:
            done = decisions(game, role.id, turn)
            who = tr("You") if role.id in match.persons and len(match.persons) == 1 else match.role_name(role.id)
            doc.para(
                [
                    (f"{who}: ", palette.text, True),
                    ("; ".join(done) if done else tr("no action"), palette.text if done else palette.muted, False),
                ],
                size=BODY,
                gap=4,
            )
        doc.space(8)

    # ----------------------------------------------------------------- condensed
    def condensed(self, doc: Document, condensed: Condensed) -> None:
        """The moves that mattered most, each with its biggest causes, and what was left out (F for all)."""
        palette = self.palette
        doc.para(tr("WHAT MATTERED MOST"), colour=palette.muted, size=SMALL, bold=True, gap=6)
        if not condensed.total:
            doc.para(tr("Nothing changed this turn."), colour=palette.muted, size=BODY, gap=4)
        elif not condensed.moves:
            doc.para(tr("No indicator moved by a whole point."), colour=palette.muted, size=BODY, gap=4)
        for move in condensed.moves:
            self._move(doc, move)
        left_out = left_out_words(condensed)
        if left_out:
            doc.para(
                [
                    (tr("And {left_out}: ", left_out=left_out), palette.muted, False),
                    (tr("press F for the full list."), palette.text, True),
                ],
                size=BODY - 1,
                gap=4,
            )
        doc.space(8)

    def _move(self, doc: Document, move: Move) -> None:
        palette, game = self.palette, self.game
        shown = float(num(move.after)) - float(num(move.before))  # as shown, so that the numbers add up
        doc.para(
            [
                (f"{indicator_label(game, move.indicator)} ", palette.text, True),
                (signed(shown), self.colour(move.indicator, move.before, move.after), True),
                (
                    "  " + tr("({before} to {after})", before=num(move.before), after=num(move.after)),
                    palette.muted,
                    False,
                ),
            ],
            size=BODY,
            gap=2,
        )
        for share in move.causes:
            change = share.first
            owner = cause_owner(game, change, self.match.persons) if change.cause in _OWNED else ""
            doc.para(
                [
                    (f"{signed(share.delta)}  ", palette.text, True),
                    (cause_text(game, change), palette.text, False),
                    (f" ({owner})" if owner else "", palette.muted, False),
                ],
                size=BODY - 1,
                indent=16,
                gap=2,
            )
        if move.more_causes:
            doc.para(
                tr_n("and {n} smaller cause", "and {n} smaller causes", move.more_causes),
                colour=palette.muted,
                size=SMALL,
                indent=16,
            )
        doc.space(6)

    # ----------------------------------------------------------------- full
    def full(self, doc: Document, groups: list[CauseGroup]) -> None:
        """Every change of the turn grouped by cause, each with its numbers before and after."""
        palette = self.palette
        doc.para(tr("WHAT CHANGED, CAUSE BY CAUSE"), colour=palette.muted, size=SMALL, bold=True, gap=6)
        if not groups:
            doc.para(tr("Nothing changed this turn."), colour=palette.muted, size=BODY, gap=4)
        colours = {"yours": palette.accent, "theirs": palette.neutral, "event": palette.focus, "dynamic": palette.muted}
        for group in groups:
            doc.heading(group.title, colour=colours.get(group.kind, palette.text), size=HEADING - 1, gap=4)
            for text, changes in group.causes:
                doc.para(text, colour=palette.text, size=BODY, bold=True, indent=8, gap=2)
                note = self.disputed(changes[0])
                if note:
                    doc.para(
                        [(tr("Note on this rule: "), palette.focus, True), (note, palette.muted, False)],
                        size=SMALL,
                        indent=8,
                        gap=3,
                    )
                for change in changes:
                    self._change(doc, change)
                doc.space(6)
            doc.space(4)

    def _change(self, doc: Document, change: Change) -> None:
        palette = self.palette
        doc.para(
            [
                (f"{indicator_label(self.game, change.indicator)} ", palette.text, False),
                (
                    signed(float(num(change.after)) - float(num(change.before))),
                    self.colour(change.indicator, change.before, change.after),
                    True,
                ),
                (
                    "  " + tr("({before} to {after})", before=num(change.before), after=num(change.after)),
                    palette.muted,
                    False,
                ),
            ],
            size=BODY - 1,
            indent=20,
            gap=2,
        )

    def disputed(self, change: Change) -> str:
        """The note of a disputed rule behind a change (a current, or an action), else ``""``."""
        scenario = self.game.scenario
        rule: Dynamic | Action | None = None
        if change.cause is Cause.DYNAMIC:
            rule = next((d for d in scenario.dynamics if d.id == change.cause_id), None)
        elif change.cause is Cause.ACTION:
            rule = next((a for a in scenario.actions if a.id == change.cause_id), None)
        return self.say(rule.contested) if rule is not None and rule.contested else ""
