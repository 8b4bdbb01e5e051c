"""The status line beside the action buttons of the negotiation table: what a key just did (or why it could not),
else why Send (or Break) is disabled, or what pressing it will do."""

from __future__ import annotations

import pygame

from game.i18n import tr
from game.present import agreement_name
from game.ui.screens.ingame import SMALL, GameScreen
from game.ui.screens.negotiate.shared import Table
from game.ui.screens.negotiate.words import Colour, computer_counterpart
from game.ui.widgets import mix
from game.ui.widgets import text as textlib


class StatusLine:
    """The line of words beside the buttons of ``table``; never drawn over the panels, however small."""

    def __init__(self, screen: GameScreen, table: Table) -> None:
        self.screen = screen
        self.table = table

    def answer_words(self) -> str:
        """When the counterpart answers a proposal: at once (the computer), or in their own part (a person)."""
        name = self.screen.match.role_name(self.table.other)
        if computer_counterpart(self.screen, self.table.other):
            return tr("{name} answers at once.", name=name)
        return tr("{name} answers in their own part of the turn.", name=name)

    def text(self) -> tuple[str, bool]:
        """The words shown when there is no notice, and whether they say why the button is disabled."""
        table = self.table
        if table.view == "agreements":
            problem = table.break_problem()
            agreement = table.selected_agreement()
            text = problem or (
                tr(
                    "Breaking {agreement_name} costs trust: the next step states the cost.",
                    agreement_name=agreement_name(agreement.id),
                )
                if agreement
                else ""
            )
        else:
            problem = table.send_problem()
            give, ask = table.bundle()
            text = problem or (
                tr(
                    "Ready: you give {count}, you ask {count2}. {answer_words}",
                    count=len(give),
                    count2=len(ask),
                    answer_words=self.answer_words(),
                )
            )
        return text, bool(problem)

    def draw(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """The notice while there is one (with a coloured edge), else :meth:`text`, in ``rect``."""
        screen, palette = self.screen, self.screen.palette
        if screen.notice:
            edge = palette.bad if screen.notice_bad else palette.accent
            bar = pygame.Rect(rect.left, rect.top + screen.px(4), screen.px(4), max(1, rect.height - screen.px(8)))
            pygame.draw.rect(surface, edge, bar, border_radius=screen.px(2))
            inner = rect.copy()
            inner.width -= screen.px(12)
            inner.left += screen.px(12)
            draw_lines(surface, inner, screen.notice, screen.font(SMALL + 1, bold=True), palette.text)
            return
        text, problem = self.text()
        colour = mix(palette.muted, palette.bad, 0.6) if problem else palette.muted
        draw_lines(surface, rect, text, screen.font(SMALL + 1, bold=problem), colour)


def draw_lines(surface: pygame.Surface, rect: pygame.Rect, text: str, font: pygame.font.Font, colour: Colour) -> None:
    """``text`` wrapped into as many lines as ``rect`` holds, centred vertically; the last one shortened."""
    lines = textlib.wrap(font, text, max(1, rect.width))
    line_h = font.get_linesize()
    room = max(1, rect.height // line_h)
    shown = list(lines[:room])
    if len(lines) > room:
        shown[-1] = textlib.fit(font, shown[-1] + " " + " ".join(lines[room:]), rect.width)
    y = rect.centery - len(shown) * line_h // 2
    for line in shown:
        textlib.draw(surface, line, (rect.left, y), font=font, colour=colour, max_width=rect.width)
        y += line_h
