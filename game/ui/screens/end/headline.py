"""The top of the end screen: how the game ended, the ending's title, and a chip per side with its score."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.engine import Ending, Outcome
from game.i18n import tr
from game.present import how_it_ended
from game.present import score as score_text
from game.present.reference import short_verdict
from game.table.reference import Found
from game.ui.screens.ingame import BODY, SMALL, TITLE, GameScreen
from game.ui.widgets import mix
from game.ui.widgets import text as textlib


class Headline:
    """How the game ended (left out in small windows), the ending's title, and the scores: one chip per side, where
    its score falls in its own side's usual range when there is room."""

    def __init__(
        self, screen: GameScreen, outcome: Outcome, ending: Ending, reference: Callable[[], Found | None]
    ) -> None:
        self.screen = screen
        self.outcome = outcome
        self.ending = ending
        self.reference = reference
        self.tight = False
        self.when_h = 0
        self.score_h = 0

    def place(self, inner: pygame.Rect, *, tight: bool) -> pygame.Rect:
        """Lay the headline out at the top of ``inner`` (``tight``: a small window, where the line saying how the
        game ended is left out); returns the rect it needs."""
        screen = self.screen
        self.tight = tight
        self.when_h = 0 if tight else screen.font(SMALL, bold=True).get_linesize()
        self.score_h = screen.font(BODY, bold=True).get_linesize() + screen.px(8)
        height = self.when_h + self.title_font().get_linesize() + screen.px(6) + self.score_h
        return pygame.Rect(inner.left, inner.top, inner.width, height)

    def when_text(self) -> str:
        """``The game ended early, after turn 7 of 12`` / ``The game is over after all 12 turns``."""
        return how_it_ended(self.outcome, self.screen.game.scenario.turns)

    def title_font(self) -> pygame.font.Font:
        """The ending's title: large, a little less so in small windows."""
        return self.screen.font(TITLE if self.tight else TITLE + 6, bold=True)

    def draw(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """How it ended, the title and the score chips, in ``rect`` (as given by :meth:`place`)."""
        screen = self.screen
        palette = screen.palette
        if not self.tight:
            textlib.draw(
                surface,
                self.when_text().upper(),
                rect.topleft,
                font=screen.font(SMALL, bold=True),
                colour=palette.accent,
                max_width=rect.width,
            )
        textlib.draw(
            surface,
            screen.say(self.ending.title),
            (rect.left, rect.top + self.when_h),
            font=self.title_font(),
            colour=palette.text,
            max_width=rect.width,
        )
        self._draw_scores(surface, pygame.Rect(rect.left, rect.bottom - self.score_h, rect.width, self.score_h))

    def score_chips(self, width: int) -> list[str]:
        """The text of each role's chip in a header ``width`` pixels wide: name and score, and where the score falls
        in its own side's usual range when every chip fits with it (the story says it too)."""
        screen = self.screen
        match, font = screen.match, screen.font(BODY, bold=True)
        found = self.reference()
        reference = found.reference if found is not None else None
        chips: list[tuple[str, str]] = []
        for role in screen.game.scenario.roles:
            mine = role.id in match.persons
            name = match.role_name(role.id)
            if mine and len(match.persons) == 1:
                name = tr("{name} (you)", name=name)
            score = self.outcome.scores.get(role.id, 0.0)
            where = short_verdict(score, reference.roles.get(role.id)) if reference is not None else ""
            chips.append((f"{name}  {score_text(score)}", f" \u00b7 {where}" if where else ""))
        wide = sum(textlib.width_of(font, a + b) + screen.px(34) for a, b in chips) <= width + screen.px(10)
        return [a + b if wide else a for a, b in chips]

    def _draw_scores(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """One chip per role (:meth:`score_chips`); yours highlighted."""
        screen = self.screen
        palette, match = screen.palette, screen.match
        font = screen.font(BODY, bold=True)
        x = rect.left
        height = font.get_linesize() + screen.px(8)
        for role, text in zip(screen.game.scenario.roles, self.score_chips(rect.width), strict=True):
            mine = role.id in match.persons
            width = min(textlib.width_of(font, text) + screen.px(24), rect.right - x)
            if width < screen.px(60):
                break
            chip = pygame.Rect(x, rect.top, width, height)
            pygame.draw.rect(
                surface,
                mix(palette.panel, palette.accent, 0.25) if mine else palette.panel,
                chip,
                border_radius=height // 2,
            )
            pygame.draw.rect(
                surface,
                palette.accent if mine else palette.border,
                chip,
                width=max(1, screen.px(2) if mine else 1),
                border_radius=height // 2,
            )
            textlib.draw(
                surface,
                text,
                (chip.left + screen.px(12), chip.top + screen.px(4)),
                font=font,
                colour=palette.text if mine else palette.muted,
                max_width=chip.width - screen.px(24),
            )
            x = chip.right + screen.px(10)
