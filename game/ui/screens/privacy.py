"""The privacy screen of a hot-seat game: "Pass to <role>" between two people's parts of a turn.

It covers the whole window with a plain backdrop and says only public things (whose part comes next, the turn and
the date): no board, no objectives, no scores, no proposals. Enter (or the button) lets the named person in.
"""

from __future__ import annotations

import pygame

from game.i18n import tr
from game.ui.screens.base import Host
from game.ui.screens.ingame import BODY, SMALL, TITLE, GameScreen
from game.ui.screens.menu_common import draw_backdrop
from game.ui.screens.results import AtKeyboard, ShowPublic
from game.ui.screens.wording import possessive
from game.ui.widgets import text as textlib


class PrivacyScreen(GameScreen):
    """Hand the machine to ``role``'s player; nothing private of any side is drawn."""

    pausable = True

    def __init__(self, app: Host, role: str) -> None:
        super().__init__(app, role)
        self.block = pygame.Rect(0, 0, 0, 0)
        self.hint_rect = pygame.Rect(0, 0, 0, 0)

    # ----------------------------------------------------------------- words
    def title(self) -> str:
        """``Pass to Cambodia``."""
        return tr("Pass to {role_name}", role_name=self.match.role_name(self.role))

    def kicker(self) -> str:
        """The scenario and where the game stands (public)."""
        return f"{self.say(self.match.scenario.title)} · {self.match.turn_label}"

    def lines(self) -> list[str]:
        """What to do, in words: who comes to the keyboard and who looks away."""
        match = self.match
        name = match.role_name(self.role)
        others = [match.role_name(r) for r in match.persons if r != self.role]
        away = (
            tr("{first} and {last}", first=", ".join(others[:-1]), last=others[-1])
            if len(others) > 1
            else "".join(others)
        )
        text = [
            tr(
                "Next comes {possessive} part of the turn, for {name} alone at the keyboard.",
                possessive=possessive(name),
                name=name,
            )
        ]
        if away:
            text.append(
                tr("{away}, please look away until {name} has finished: what follows is private.", away=away, name=name)
            )
        return text

    def button_label(self) -> str:
        """The button, which is what Enter does."""
        return tr("I am {role_name}: continue (Enter)", role_name=self.match.role_name(self.role))

    # ----------------------------------------------------------------- layout
    def build(self, rect: pygame.Rect) -> None:
        """The words centred, the button under them, the key hints at the bottom."""
        margin = self.px(12)
        width = min(rect.width - 2 * self.px(24), self.px(760))
        label = self.button_label()
        button_w = min(width, self.button_width(label))
        height = self._text_height(width) + self.px(28) + self.button_height()
        hints = [(tr("Enter"), tr("continue")), ("F3", tr("public board")), (tr("Esc"), tr("menu"))]
        self.shortcuts[pygame.K_F3] = lambda: self.request(ShowPublic())  # the projector, between two parts
        room = rect.width - 2 * self.px(24)
        lines = self.key_hints(hints, room)
        hints_w = min(room, max(sum(item for _, _, item in line) + self.px(16) * (len(line) - 1) for line in lines))
        hints_h = self.key_hints_height(hints, hints_w)
        if height + hints_h + 3 * margin > rect.height:
            hints, hints_h = [], 0  # no room: the button says what Enter does
        self.hints = hints
        self.hint_rect = pygame.Rect(rect.centerx - hints_w // 2, rect.bottom - margin - hints_h, hints_w, hints_h)
        above = self.hint_rect.top - margin if hints else rect.bottom
        top = max(margin, min(rect.centery - height // 2 - self.px(20), above - margin - height))
        self.block = pygame.Rect(rect.centerx - width // 2, top, width, height)
        button = pygame.Rect(0, 0, button_w, self.button_height())
        button.midbottom = self.block.midbottom
        self.button(button, label, self.done, object_id="#primary")

    def _text_height(self, width: int) -> int:
        small, title, body = self.font(SMALL, bold=True), self.font(TITLE + 10, bold=True), self.font(BODY + 1)
        height = textlib.wrapped_height(small, self.kicker().upper(), width) + self.px(8)
        height += textlib.wrapped_height(title, self.title(), width)
        for line in self.lines():
            height += self.px(10) + textlib.wrapped_height(body, line, width)
        return height

    # ----------------------------------------------------------------- input
    def done(self) -> None:
        """The named person is at the keyboard: their briefing or their part of the turn."""
        self.dismiss(AtKeyboard(self.role))

    def autoplay(self) -> None:
        """Pass the machine on."""
        self.done()

    # ----------------------------------------------------------------- drawing
    def draw_background(self, surface: pygame.Surface) -> None:
        """A plain backdrop and the public words; nothing of either side's own."""
        palette = self.palette
        draw_backdrop(surface, palette)
        block = self.block
        small, title, body = self.font(SMALL, bold=True), self.font(TITLE + 10, bold=True), self.font(BODY + 1)
        y = block.top
        for line in textlib.wrap(small, self.kicker().upper(), block.width):
            textlib.draw(surface, line, (block.centerx, y), font=small, colour=palette.accent, align="center")
            y += small.get_linesize()
        y += self.px(8)
        for line in textlib.wrap(title, self.title(), block.width):
            textlib.draw(surface, line, (block.centerx, y), font=title, colour=palette.text, align="center")
            y += title.get_linesize()
        for index, text in enumerate(self.lines()):
            y += self.px(10)
            colour = palette.text if index == 0 else palette.muted
            for line in textlib.wrap(body, text, block.width):
                textlib.draw(surface, line, (block.centerx, y), font=body, colour=colour, align="center")
                y += body.get_linesize()
        if self.hints:
            self.draw_key_hints(surface, self.hint_rect, self.hints)
