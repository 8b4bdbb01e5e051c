"""The news panel: this turn's news (and who decides what it asks), the negotiation in short, and what each side
did last turn, scrolling inside the panel."""

from __future__ import annotations

import pygame

from game.engine import ItemStatus, NewsKind
from game.i18n import tr, tr_n
from game.i18n.formats import turn_date
from game.present import agreement_name
from game.ui.screens.board.layout import new_document
from game.ui.screens.board.state import BoardState
from game.ui.screens.ingame import BODY, SMALL, GameScreen
from game.ui.screens.wording import NewsEntry, news_entries, num
from game.ui.widgets import Document, ScrollView


class NewsPanel:
    """The news as this seat sees it, built once per game version (``cache``) and scrolling in ``scroll``."""

    def __init__(self, screen: GameScreen, state: BoardState) -> None:
        self.screen = screen
        self.state = state
        self.scroll = ScrollView()
        self.cache: tuple[tuple[object, ...], Document] | None = None

    def draw(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """The panel with its title and the news document."""
        screen = self.screen
        screen.panel(surface, rect)
        pad = self.state.pad
        title_rect = pygame.Rect(rect.left + pad, rect.top + pad, rect.width - 2 * pad, 40)
        top = rect.top + pad + screen.panel_title(surface, title_rect, tr("News"))
        view = pygame.Rect(rect.left + pad, top, rect.width - 2 * pad, max(1, rect.bottom - pad - top))
        bar = screen.px(5)
        self.scroll.draw(
            surface,
            view,
            self.document().render(ScrollView.content_width(view, bar)),
            palette=screen.palette,
            bar=bar,
            fade=screen.palette.panel,
        )

    def document(self) -> Document:
        """This turn's news, the negotiation in short and, after the first turn, what each side did last turn."""
        key = ("news", self.state.version)
        if self.cache is not None and self.cache[0] == key:
            return self.cache[1]
        doc = new_document(self.screen)
        self._this_turn(doc)
        self._negotiation(doc)
        if self.screen.game.turn > 1:
            self._last_turn(doc)
        self.cache = (key, doc)
        return doc

    def _this_turn(self, doc: Document) -> None:
        """The events of this turn (with who decides what they ask) and the choices answered apart from them."""
        screen, palette, game = self.screen, self.screen.palette, self.screen.game
        turn = game.turn
        calendar = game.scenario.calendar
        doc.para(
            tr("THIS TURN · {date}", date=turn_date(calendar, turn).upper()),
            colour=palette.muted,
            size=SMALL,
            bold=True,
            gap=4,
        )
        events = news_entries(game, self.state.seat.news, turn, kinds=(NewsKind.EVENT, NewsKind.CHOICE))
        if not events:
            doc.para(tr("A quiet quarter: no news."), colour=palette.muted, size=BODY - 1, gap=8)
        asked = {entry.source for entry in events if entry.kind is NewsKind.EVENT and entry.decider}
        for entry in events:
            if entry.kind is NewsKind.EVENT:
                doc.para(entry.title, colour=palette.text, size=BODY, bold=True, gap=2)
                doc.para(entry.text, colour=palette.muted, size=SMALL + 1, gap=2 if entry.decider else 4)
                if entry.decider:
                    self._decider_line(doc, entry)
            elif entry.source not in asked:  # a choice shows under its event, when the event is in this list
                who = tr("You") if entry.role == screen.role else screen.match.role_name(entry.role)
                doc.para(
                    [(tr("{who} answered: ", who=who), palette.muted, False), (entry.title, palette.text, True)],
                    size=SMALL + 1,
                    gap=6,
                )

    def _last_turn(self, doc: Document) -> None:
        """What each other side did last turn (actions and answers), then what you did."""
        screen, palette, game = self.screen, self.screen.palette, self.screen.game
        news, turn = self.state.seat.news, game.turn
        doc.space(6)
        for role in game.scenario.roles:
            if role.id == screen.role:
                continue
            name = screen.match.role_name(role.id).upper()
            doc.para(tr("LAST TURN · {name}", name=name), colour=palette.muted, size=SMALL, bold=True, gap=4)
            moves = news_entries(game, news, turn - 1, roles=(role.id,), kinds=(NewsKind.ACTION, NewsKind.CHOICE))
            if not moves:
                doc.para(tr("No action."), colour=palette.muted, size=BODY - 1, gap=6)
            for entry in moves:
                if entry.kind is NewsKind.ACTION:
                    doc.para(entry.title, colour=palette.text, size=BODY - 1, bold=True, gap=4)
                else:
                    doc.para(
                        [
                            (tr("Answered "), palette.muted, False),
                            (entry.text, palette.text, False),
                            (": ", palette.muted, False),
                            (entry.title, palette.text, True),
                        ],
                        size=BODY - 1,
                        gap=4,
                    )
            doc.space(4)
        mine = news_entries(game, news, turn - 1, roles=(screen.role,), kinds=(NewsKind.ACTION,))
        doc.para(tr("LAST TURN · YOU"), colour=palette.muted, size=SMALL, bold=True, gap=4)
        doc.para(
            ", ".join(e.title for e in mine) if mine else tr("No action."), colour=palette.muted, size=BODY - 1, gap=4
        )

    def _decider_line(self, doc: Document, entry: NewsEntry) -> None:
        """Under news that asks a side for a choice: who decides, or what they chose (public news only)."""
        screen, palette = self.screen, self.screen.palette
        mine = entry.decider == screen.role
        who = tr("You") if mine else screen.match.role_name(entry.decider)
        if entry.decision:
            doc.para(
                [(tr("{who} chose: ", who=who), palette.muted, False), (entry.decision, palette.text, True)],
                size=SMALL + 1,
                gap=6,
            )
        else:
            doc.para(
                tr("{who} decide.", who=who) if mine else tr("{who} decides.", who=who),
                colour=palette.text,
                size=SMALL + 1,
                bold=True,
                gap=6,
            )

    def _negotiation(self, doc: Document) -> None:
        """A compact summary of the negotiation: the agreements and their status, trust with each other side."""
        screen, palette, game, match = self.screen, self.screen.palette, self.screen.game, self.screen.match
        if not match.has_negotiation:
            return
        agreements = self.state.my_agreements()
        in_force = [a for a in agreements if a.open and not a.broken]
        broken = sum(1 for a in agreements if a.broken)
        done = sum(1 for a in agreements if not a.open and not a.broken)
        doc.space(4)
        doc.para(tr("NEGOTIATION · P OPENS THE TABLE"), colour=palette.muted, size=SMALL, bold=True, gap=4)
        counts = tr_n("{n} agreement in force", "{n} agreements in force", len(in_force))
        if done:
            counts += tr(", {done} fully implemented", done=done)
        if broken:
            counts += tr(", {broken} broken", broken=broken)
        doc.para(counts + ".", colour=palette.text, size=BODY - 1, gap=3)
        for agreement in in_force:
            pending = [p for p in agreement.items if p.status is ItemStatus.PENDING]
            end = max(p.end for p in pending)
            doc.para(
                [
                    (tr("{agreement}: ", agreement=agreement_name(agreement.id).capitalize()), palette.text, True),
                    (
                        tr_n(
                            "{n} item still to implement, until {label}",
                            "{n} items still to implement, until {label}",
                            len(pending),
                            label=turn_date(game.scenario.calendar, end),
                        ),
                        palette.muted,
                        False,
                    ),
                ],
                size=SMALL + 1,
                indent=8,
                gap=2,
            )
        for role in game.scenario.roles:
            if role.id != screen.role:
                doc.para(
                    tr(
                        "Trust with {role_name}: {num} of 100.",
                        role_name=match.role_name(role.id),
                        num=num(self.state.seat.trust[role.id]),
                    ),
                    colour=palette.muted,
                    size=SMALL + 1,
                    gap=2,
                )
        doc.space(4)
