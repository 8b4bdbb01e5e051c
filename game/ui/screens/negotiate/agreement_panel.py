"""The agreement panel of the negotiation table: the selected agreement with its schedule, and the trust between
the player and each other side."""

from __future__ import annotations

import pygame

from game.i18n import tr
from game.ui.screens.ingame import BODY, SMALL
from game.ui.screens.negotiate.agreement_docs import add_agreement
from game.ui.screens.negotiate.breakdown import new_doc
from game.ui.screens.negotiate.shared import DocumentPanel
from game.ui.screens.wording import num
from game.ui.widgets import Document, ScrollView


class AgreementPanel(DocumentPanel):
    """The selected agreement of ``table`` in a scrolling panel; the document is kept until the agreement or the
    game changes (or :meth:`forget` is called)."""

    def draw(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """The panel, its title (in the narrow layout, which agreement of how many) and the document scrolled."""
        screen, table = self.screen, self.table
        narrow = table.layout == "narrow"
        screen.panel(surface, rect, focused=narrow and table.zone == "agreements")
        pad = table.pad
        agreements = table.agreements()
        note = (
            tr("{value} of {count} · Up/Down", value=table.agreement_index + 1, count=len(agreements))
            if narrow and agreements
            else tr("Shift+Up/Down scrolls")
        )
        top = (
            rect.top
            + pad
            + screen.panel_title(
                surface,
                pygame.Rect(rect.left + pad, rect.top + pad, rect.width - 2 * pad, 40),
                tr("Agreement and schedule"),
                note=note,
            )
        )
        view = pygame.Rect(rect.left + pad, top, rect.width - 2 * pad, max(1, rect.bottom - pad - top))
        bar = screen.px(5)
        width = ScrollView.content_width(view, bar)
        self.scroll.draw(
            surface,
            view,
            self.document().render(width),
            palette=screen.palette,
            bar=bar,
            fade=screen.palette.panel,
        )

    def document(self) -> Document:
        """The selected agreement with its schedule, and the trust between the sides."""
        screen, table = self.screen, self.table
        agreement = table.selected_agreement()
        key = (table.version, agreement.id if agreement else "")
        if self._doc is not None and self._doc[0] == key:
            return self._doc[1]
        palette, game = screen.palette, screen.game
        doc = new_doc(screen)
        if agreement is None:
            doc.para(
                tr(
                    "No agreements yet. An accepted proposal becomes an agreement: its items are implemented over "
                    "the following turns, and trust grows as each is kept."
                ),
                colour=palette.muted,
                size=BODY - 1,
                gap=6,
            )
        else:
            add_agreement(doc, screen, agreement)
        doc.rule(palette.border, gap=4)
        negotiation = game.scenario.negotiation
        for other in table.others:
            doc.para(
                tr(
                    "Trust between you and {role_name}: {num} of 100.",
                    role_name=screen.match.role_name(other),
                    num=num(table.seat.trust[other]),
                ),
                colour=palette.text,
                size=SMALL + 1,
                gap=2,
            )
        if negotiation is not None:
            doc.para(
                tr(
                    "Each item kept raises trust by {num}; breaking an agreement costs {num2}.",
                    num=num(negotiation.trust_kept),
                    num2=num(negotiation.trust_broken),
                ),
                colour=palette.muted,
                size=SMALL,
                gap=4,
            )
        self._doc = (key, doc)
        return doc
