"""The story's section on how each side did: its score against its own side's usual range, in words and on a bar
with the range marked (never against the other sides' scores)."""

from __future__ import annotations

import functools
from collections.abc import Callable

import pygame

from game.engine import Outcome, ScoreRange
from game.i18n import tr
from game.present import score as score_text
from game.present.reference import NOT_COMPARED, how_measured, no_reference, range_note, verdict
from game.table.reference import Found, Placement, placement
from game.ui.screens.ingame import BODY, HEADING, SMALL, GameScreen
from game.ui.widgets import Document, mix
from game.ui.widgets import text as textlib

Colour = tuple[int, int, int]


class UsualRangeSection:
    """Each side's score against its own side's usual range, for the story of the ending. ``reference`` gives the
    ranges (None until they are known) and ``pending`` whether they are still being worked out."""

    def __init__(
        self,
        screen: GameScreen,
        outcome: Outcome,
        *,
        reference: Callable[[], Found | None],
        pending: Callable[[], bool],
    ) -> None:
        self.screen = screen
        self.outcome = outcome
        self.reference = reference
        self.pending = pending

    def add_to(self, doc: Document) -> None:
        """Each side's score against its own side's usual range: in words, and on a bar with the range marked."""
        screen = self.screen
        palette = screen.palette
        doc.heading(tr("How each side did, against its own usual range"), colour=palette.text, size=HEADING - 1, gap=4)
        doc.para(tr(NOT_COMPARED), colour=palette.muted, size=SMALL + 1, gap=8)
        found = self.reference()
        if found is None:
            waiting = tr("Working out each side's usual range...") if self.pending() else no_reference()
            doc.para(waiting, colour=palette.muted, size=SMALL + 1, gap=12)
            return
        for role in screen.game.scenario.roles:
            score = self.outcome.scores.get(role.id, 0.0)
            bounds = found.reference.roles.get(role.id)
            words = verdict(score, bounds)
            colour = self.placement_colour(placement(score, bounds)) if bounds is not None else palette.muted
            doc.para(
                [
                    (f"{screen.match.role_name(role.id)} ", palette.text, True),
                    (score_text(score), palette.text, True),
                    (f": {words}", colour, True),
                ],
                size=BODY - 1,
                gap=2,
            )
            if bounds is not None:
                doc.custom(34, functools.partial(self.draw_range, score=score, bounds=bounds), gap=2)
                doc.para(range_note(found.reference, bounds), colour=palette.muted, size=SMALL, gap=8)
        doc.para(how_measured(found, screen.game.outcome), colour=palette.muted, size=SMALL, gap=12)

    def placement_colour(self, where: Placement) -> Colour:
        """Good news above the range, bad news below it, plain text within it."""
        palette = self.screen.palette
        return {Placement.ABOVE: palette.good, Placement.WITHIN: palette.text, Placement.BELOW: palette.bad}[where]

    def draw_range(self, surface: pygame.Surface, rect: pygame.Rect, *, score: float, bounds: ScoreRange) -> None:
        """A side's usual range as a band on a line, its typical score as a tick, and the final score as a marker."""
        screen = self.screen
        palette, px = screen.palette, screen.px
        low, high = min(bounds.low, score), max(bounds.high, score)
        pad = max(1.0, (high - low) * 0.15)
        low, high = low - pad, high + pad
        left, width = rect.left + px(6), rect.width - px(12)

        def x_of(value: float) -> int:
            return left + round((value - low) / (high - low) * width)

        mid = rect.top + px(9)
        pygame.draw.line(surface, palette.border, (left, mid), (left + width, mid), max(1, px(2)))
        band = pygame.Rect(x_of(bounds.low), mid - px(5), max(px(3), x_of(bounds.high) - x_of(bounds.low)), px(10))
        pygame.draw.rect(surface, mix(palette.panel, palette.accent, 0.55), band, border_radius=px(3))
        typical = x_of(bounds.typical)
        pygame.draw.line(surface, palette.accent, (typical, band.top), (typical, band.bottom - 1), max(1, px(2)))
        colour = self.placement_colour(placement(score, bounds))
        marker = x_of(score)
        radius = px(6)
        pygame.draw.circle(surface, colour, (marker, mid), radius)
        pygame.draw.circle(surface, palette.panel, (marker, mid), radius, max(1, px(2)))
        labels = [
            (score_text(score), marker, colour, True),
            (score_text(bounds.low), band.left, palette.muted, False),
            (score_text(bounds.high), band.right, palette.muted, False),
        ]
        self._range_labels(surface, rect, band, labels)

    def _range_labels(
        self,
        surface: pygame.Surface,
        rect: pygame.Rect,
        band: pygame.Rect,
        labels: list[tuple[str, int, Colour, bool]],
    ) -> None:
        """Labels under the line: the final score (in its colour, bold), then the range's ends where they leave it
        room."""
        screen = self.screen
        label_y = band.bottom + screen.px(2)
        taken: list[pygame.Rect] = []
        for text, x, label_colour, bold in labels:
            label_font = screen.font(SMALL, bold=bold)
            width = textlib.width_of(label_font, text)
            box = pygame.Rect(0, label_y, width, label_font.get_linesize())
            box.centerx = x
            box.clamp_ip(rect)
            if any(box.inflate(screen.px(6), 0).colliderect(other) for other in taken):
                continue
            taken.append(box)
            textlib.draw(surface, text, box.topleft, font=label_font, colour=label_colour)
