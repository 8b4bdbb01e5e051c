"""The weigh panel of the negotiation table: how the picked items weigh, live (the computer counterpart's own
breakdown and the player's view of it; facing a person, the player's own breakdown only), then the focused item in
full."""

from __future__ import annotations

import pygame

from game.i18n import tr
from game.present import points as points_text
from game.present import proposal_name
from game.ui.screens.ingame import BODY, SMALL
from game.ui.screens.negotiate.breakdown import add_breakdown, add_context, new_doc
from game.ui.screens.negotiate.item_detail import add_item_detail
from game.ui.screens.negotiate.shared import DocumentPanel
from game.ui.screens.negotiate.words import computer_counterpart, points_colour
from game.ui.widgets import Document, ScrollView
from game.ui.widgets import text as textlib


class WeighPanel(DocumentPanel):
    """The breakdown of the proposal being built on ``table``, in a scrolling panel; the document is kept until
    anything it shows changes (or :meth:`forget` is called)."""

    def title(self) -> str:
        """``How Cambodia weighs it`` for a computer counterpart; ``How it weighs for you`` facing a person."""
        screen, other = self.screen, self.table.other
        if computer_counterpart(screen, other):
            return tr("How {role_name} weighs it", role_name=screen.match.role_name(other))
        return tr("How it weighs for you")

    def draw(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """The panel, its title (with the scrolling hint when it fits) and the document scrolled."""
        screen, table = self.screen, self.table
        screen.panel(surface, rect, focused=table.zone == "weigh")
        pad = table.pad
        title = self.title()
        note = tr("Shift+Up/Down scrolls")
        needed = textlib.width_of(screen.font(SMALL + 1, bold=True), title.upper()) + screen.px(8)
        if needed + textlib.width_of(screen.font(SMALL), note) > rect.width - 2 * pad:
            note = ""  # the title first; the key hints say how to scroll
        top = (
            rect.top
            + pad
            + screen.panel_title(
                surface, pygame.Rect(rect.left + pad, rect.top + pad, rect.width - 2 * pad, 40), title, note=note
            )
        )
        view = pygame.Rect(rect.left + pad, top, rect.width - 2 * pad, max(1, rect.bottom - pad - top))
        bar = screen.px(5)
        width = ScrollView.content_width(view, bar)
        self.scroll.draw(
            surface, view, self.document().render(width), palette=screen.palette, bar=bar, fade=screen.palette.panel
        )

    def document(self) -> Document:
        """A computer counterpart's live breakdown and the player's own view; facing a person, the player's own
        breakdown only (how the other person values it stays theirs). Then the focused item in full."""
        screen, table = self.screen, self.table
        entry = table.focused_entry()
        key = (table.version, frozenset(table.chosen), table.other, table.reply_to, entry.item.id if entry else "")
        if self._doc is not None and self._doc[0] == key:
            return self._doc[1]
        doc = new_doc(screen)
        if table.reply_to is not None:
            answering = proposal_name(screen.game, screen.game.proposal(table.reply_to), screen.role)
            doc.para(
                tr("In answer to {answering}: sending this refuses it.", answering=answering),
                colour=screen.palette.accent,
                size=SMALL + 1,
                bold=True,
                gap=6,
            )
        if computer_counterpart(screen, table.other):
            self._add_computer_view(doc)
        else:
            self._add_own_view(doc)
        doc.rule(screen.palette.border, gap=4)
        if entry is not None:
            add_item_detail(doc, screen, entry.item, other=table.other, reason=entry.reason)
        self._doc = (key, doc)
        return doc

    def _add_own_view(self, doc: Document) -> None:
        """Facing a person: the player's own breakdown (or what to do first), and when the person answers."""
        screen, table, palette = self.screen, self.table, self.screen.palette
        name = screen.match.role_name(table.other)
        give, ask = table.bundle()
        if not give and not ask:
            doc.para(
                tr(
                    "Pick items to see how they weigh for your own objectives. {name} is played by a person, "
                    "who weighs a proposal by their own private objectives.",
                    name=name,
                ),
                colour=palette.muted,
                size=BODY - 1,
                gap=6,
            )
            return
        add_breakdown(
            doc,
            screen,
            table.own_view(),
            groups=((tr("You receive"), ask), (tr("You give"), give)),
            verdict=(tr("good for you on balance"), tr("not worth it for you on balance")),
        )
        doc.para(
            tr("{name} answers in their own part of this turn, by their own objectives.", name=name),
            colour=palette.muted,
            size=SMALL + 1,
            gap=8,
        )

    def _add_computer_view(self, doc: Document) -> None:
        """Facing the computer: its breakdown (or what it counts before any item), then the items' worth to the
        player's own objectives."""
        screen, table, palette = self.screen, self.table, self.screen.palette
        name = screen.match.role_name(table.other)
        give, ask = table.bundle()
        if not give and not ask:
            doc.para(
                tr("Pick items to see how {name} would weigh them. Before any item, {name} counts:", name=name),
                colour=palette.muted,
                size=BODY - 1,
                gap=4,
            )
            add_context(doc, screen, table.evaluation())
            doc.space(6)
            return
        add_breakdown(
            doc,
            screen,
            table.evaluation(),
            groups=((tr("You give"), give), (tr("You ask"), ask)),
            verdict=(tr("{name} would accept", name=name), tr("{name} would refuse", name=name)),
        )
        mine = table.own_view()
        items = sum(r.points for r in mine.reasons[: len(give) + len(ask)])
        doc.para(
            [
                (tr("For your own objectives the items are worth "), palette.muted, False),
                (points_text(items), points_colour(screen, items), True),
                (".", palette.muted, False),
            ],
            size=SMALL + 1,
            gap=8,
        )
