"""The column of words on the public board: the objectives once the teacher reveals them, the news of the turn, what
each side did last turn and the agreements in force, in large type, scrolling inside the column."""

from __future__ import annotations

import pygame

from game.engine import Agreement, ItemStatus, NewsKind
from game.i18n import tr
from game.i18n.formats import turn_date
from game.present import agreement_name, item_names
from game.table.public import PublicView
from game.ui.screens.ingame import GameScreen
from game.ui.screens.wording import NewsEntry, news_entries
from game.ui.widgets import Document, ScrollView

#: Design font sizes: section headings, titles, text.
HEAD, TITLE, TEXT = 17, 22, 19


class NewsColumn:
    """The public words, built once per version of the game (``cache``), scrolling in ``scroll``."""

    def __init__(self, screen: GameScreen) -> None:
        self.screen = screen
        self.scroll = ScrollView()
        self.cache: tuple[object, Document] | None = None

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, board: PublicView, version: object) -> None:
        """The panel with the document scrolling inside it."""
        screen = self.screen
        screen.panel(surface, rect)
        pad = screen.px(14)
        view = rect.inflate(-2 * pad, -2 * pad)
        bar = screen.px(6)
        doc = self.document(board, version)
        self.scroll.draw(surface, view, doc.render(ScrollView.content_width(view, bar)), palette=screen.palette,
                         bar=bar, fade=screen.palette.panel)  # fmt: skip

    def document(self, board: PublicView, version: object) -> Document:
        """The objectives (when revealed), this turn's news, last turn's moves and the agreements in force."""
        if self.cache is not None and self.cache[0] == version:
            return self.cache[1]
        screen = self.screen
        doc = Document(lambda size, bold: screen.font(size, bold=bold), screen.px)
        if board.objectives:
            self._objectives(doc, board)
        self._this_turn(doc, board)
        if board.turn > 1:
            self._last_turn(doc, board)
        self._agreements(doc, board)
        self.cache = (version, doc)
        return doc

    def _heading(self, doc: Document, text: str) -> None:
        doc.para(text.upper(), colour=self.screen.palette.accent, size=HEAD, bold=True, gap=6)

    def _objectives(self, doc: Document, board: PublicView) -> None:
        """Every side's objectives, shown because the teacher revealed them (or the game is over)."""
        palette = self.screen.palette
        self._heading(doc, tr("Objectives of each side") + ("" if board.over else tr(" · shown by the teacher")))
        for role in board.roles:
            doc.para(role.name, colour=palette.text, size=TITLE, bold=True, gap=2)
            doc.para(board.objectives.get(role.id, ""), colour=palette.text, size=TEXT, gap=10)
        doc.rule(palette.border, gap=10)

    def _this_turn(self, doc: Document, board: PublicView) -> None:
        """The events of this turn, who decides what they ask, and what was decided."""
        screen, palette = self.screen, self.screen.palette
        self._heading(doc, tr("News · {date}", date=board.date))
        events = news_entries(screen.game, board.news, board.turn, kinds=(NewsKind.EVENT,))
        if not events:
            doc.para(tr("A quiet quarter: no news."), colour=palette.muted, size=TEXT, gap=10)
        for entry in events:
            doc.para(entry.title, colour=palette.text, size=TITLE, bold=True, gap=3)
            doc.para(entry.text, colour=palette.muted, size=TEXT, gap=4 if entry.decider else 10)
            if entry.decider:
                self._decider(doc, entry)

    def _decider(self, doc: Document, entry: NewsEntry) -> None:
        palette, name = self.screen.palette, self.screen.match.role_name(entry.decider)
        if entry.decision:
            doc.para([(tr("{name} chose: ", name=name), palette.muted, False), (entry.decision, palette.text, True)],
                     size=TEXT, gap=10)  # fmt: skip
        else:
            doc.para(tr("{who} decides.", who=name), colour=palette.text, size=TEXT, bold=True, gap=10)

    def _last_turn(self, doc: Document, board: PublicView) -> None:
        """What each side did last turn: its actions."""
        screen, palette = self.screen, self.screen.palette
        doc.space(6)
        self._heading(doc, tr("Last turn"))
        for role in board.roles:
            moves = news_entries(screen.game, board.news, board.turn - 1, roles=(role.id,), kinds=(NewsKind.ACTION,))
            done = ", ".join(entry.title for entry in moves) if moves else tr("no action")
            doc.para([(f"{role.name}: ", palette.text, True), (done, palette.muted, False)], size=TEXT, gap=8)

    def _agreements(self, doc: Document, board: PublicView) -> None:
        """The agreements still being implemented: who gives what, until when."""
        if not self.screen.match.has_negotiation:
            return
        palette = self.screen.palette
        in_force = [a for a in board.agreements if a.open and not a.broken]
        doc.space(6)
        self._heading(doc, tr("Agreements in force"))
        if not in_force:
            doc.para(tr("None yet."), colour=palette.muted, size=TEXT, gap=8)
        for agreement in in_force:
            self._terms(doc, agreement)

    def _terms(self, doc: Document, agreement: Agreement) -> None:
        """``Agreement 1, until Apr 2024``, then what each side still gives: ``United States: Fund rural ...``."""
        screen, palette = self.screen, self.screen.palette
        game = screen.game
        pending = [item for item in agreement.items if item.status is ItemStatus.PENDING]
        until = turn_date(game.scenario.calendar, max(item.end for item in pending))
        heading = tr("{agreement}, until {until}", agreement=agreement_name(agreement.id).capitalize(), until=until)
        doc.para(heading, colour=palette.text, size=TEXT, bold=True, gap=3)
        for role in agreement.parties:
            items = [item.item for item in pending if item.giver == role]
            if items:
                name = screen.match.role_name(role)
                doc.para([(f"{name}: ", palette.muted, False), (item_names(game, items), palette.text, False)],
                         size=TEXT, indent=12, gap=3)  # fmt: skip
        doc.space(6)
