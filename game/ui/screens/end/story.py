"""The story of the ending, beside the chart: the ending's text, how each side did against its usual range, the
private objectives revealed, the key decisions and the biggest changes, in a scrolling panel."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

import pygame

from game.engine import Outcome
from game.table.reference import Found
from game.ui.screens.end.changes import BiggestChanges, KeyDecisions
from game.ui.screens.end.objectives import ObjectivesSection
from game.ui.screens.end.scores import UsualRangeSection
from game.ui.screens.ingame import BODY, SMALL, GameScreen
from game.ui.widgets import Document, ScrollView


class Section(Protocol):
    """A part of the story: it adds its headings and paragraphs to a document."""

    def add_to(self, doc: Document) -> None:
        """Add this section to ``doc``."""


class EndingStory:
    """The ending's story (``text``, then each side against its usual range, given by ``reference`` and still being
    worked out while ``pending``) as a document (built once, until :meth:`forget`), drawn in a scrolling panel."""

    def __init__(
        self,
        screen: GameScreen,
        text: str,
        outcome: Outcome,
        *,
        reference: Callable[[], Found | None],
        pending: Callable[[], bool],
    ) -> None:
        self.screen = screen
        self.text = text
        self.sections: tuple[Section, ...] = (
            UsualRangeSection(screen, outcome, reference=reference, pending=pending),
            ObjectivesSection(screen),
            KeyDecisions(screen, outcome),
            BiggestChanges(screen),
        )
        self.scroll = ScrollView()
        self._doc: Document | None = None

    def forget(self) -> None:
        """Drop the built document: it is built again, with what has changed, when next shown."""
        self._doc = None

    def document(self, when: str | None = None) -> Document:
        """The ending's text, your key decisions turn by turn, and the biggest single causes of change; ``when``
        (how the game ended) goes first, for small windows whose headline leaves it out."""
        if self._doc is not None:
            return self._doc
        screen = self.screen
        palette = screen.palette
        doc = Document(lambda size, bold: screen.font(size, bold=bold), screen.px)
        if when is not None:
            doc.para(when + ".", colour=palette.accent, size=SMALL + 1, bold=True, gap=6)
        doc.para(self.text, colour=palette.text, size=BODY, gap=12)
        for section in self.sections:
            section.add_to(doc)
        self._doc = doc
        return doc

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, *, when: str | None = None) -> None:
        """The story in a panel filling ``rect``, scrolled by :attr:`scroll`."""
        screen = self.screen
        palette = screen.palette
        screen.panel(surface, rect)
        view = rect.inflate(-2 * screen.px(12), -2 * screen.px(12))
        bar = screen.px(6)
        self.scroll.draw(
            surface,
            view,
            self.document(when).render(ScrollView.content_width(view, bar)),
            palette=palette,
            bar=bar,
            fade=palette.panel,
        )
