"""The event dialog: news that asks for your decision, with each choice's forecast. Number keys pick, Enter confirms."""

from __future__ import annotations

import random
from collections.abc import Callable

import pygame
from pygame_gui.elements import UIButton

from game.ai import make_policy
from game.engine import Choose, RulesError
from game.i18n import tr
from game.present import indicator_label, source_credit, visible
from game.table import TableError
from game.ui.screens.base import Host
from game.ui.screens.ingame import BODY, HEADING, NUMBER_KEYS, SMALL, GameScreen
from game.ui.screens.results import Applied, Stale
from game.ui.screens.wording import change_words, timing_phrase
from game.ui.widgets import Document, ScrollView, mix, news_colour
from game.ui.widgets import text as textlib

Drawer = Callable[[pygame.Surface, pygame.Rect], None]


def set_label(button: UIButton, text: str) -> None:
    """Change a button's text so that the very next frame shows it.

    pygame_gui redraws a button's looks (normal, hovered, selected, ...) one per manager update after ``set_text``;
    the look on screen (the keyboard focus's "selected") would keep the old text for a few frames, and an idle main
    loop draws nothing more until the next input. Redrawing the look on screen now closes that gap.
    """
    button.set_text(text)
    shape = button.drawable_shape
    if shape is None:
        return
    state = shape.active_state.state_id
    if state in shape.states_to_redraw_queue:
        shape.states_to_redraw_queue.remove(state)
        shape.redraw_state(state)


class EventScreen(GameScreen):
    """A modal dialog over the board for one event waiting for ``role``'s choice."""

    modal = True
    pausable = True

    def __init__(self, app: Host, event_id: str, role: str) -> None:
        super().__init__(app, role)
        self.event = self.game.scenario.event(event_id)
        self.choice_index = 0
        self.scroll = ScrollView()
        self.card_rects: list[pygame.Rect] = []  # in document coordinates
        self._doc: tuple[tuple[int, int], Document] | None = None
        self.hover = -1
        self.tight = False

    # ----------------------------------------------------------------- layout
    def build(self, rect: pygame.Rect) -> None:
        """The dialog panel, its scrolling body and the Confirm button."""
        self._doc = None
        self.tight = rect.height / self.app.scale < 480
        margin = self.px(8) if self.tight else min(self.px(40), rect.width // 24, rect.height // 16)
        width = min(rect.width - 2 * margin, self.px(860))
        self.dialog = pygame.Rect(0, 0, width, rect.height - 2 * margin)
        self.dialog.center = rect.center
        pad = self.px(12 if self.tight else 20)
        inner = self.dialog.inflate(-2 * pad, -2 * pad)
        self.inner = inner
        title_font = self.font(HEADING + 4, bold=True)
        self.title_h = (
            self.font(SMALL).get_linesize()
            + textlib.wrapped_height(title_font, self.say(self.event.title), inner.width)
            + self.px(8)
        )
        label = self._confirm_label()
        button = self.flow_buttons([label + "  "], inner)[0]
        hints_w = inner.width - button.width - self.px(16)
        self.hints = self.fit_hints(
            [
                ("1-9", tr("pick")),
                (tr("Enter"), tr("confirm")),
                (tr("PgUp/PgDn"), tr("scroll")),
                (tr("Esc"), tr("menu")),
            ],
            hints_w,
            1 if self.tight else 2,
        )
        hints_h = self.key_hints_height(self.hints, hints_w)
        footer_h = max(button.height, hints_h)
        self.hint_rect = pygame.Rect(inner.left, inner.bottom - footer_h + (footer_h - hints_h) // 2, hints_w, hints_h)
        self.body = pygame.Rect(
            inner.left,
            inner.top + self.title_h,
            inner.width,
            inner.bottom - footer_h - self.px(12) - inner.top - self.title_h,
        )
        # Shrink the dialog to its content when that is shorter than the window allows.
        bar = self.px(6)
        content_h = (
            self.document(ScrollView.content_width(self.body, bar))
            .render(ScrollView.content_width(self.body, bar))
            .get_height()
        )
        spare = self.body.height - content_h
        if spare > 0:
            self.dialog.height -= spare
            self.dialog.centery = rect.centery
            shift = self.dialog.top + pad - inner.top
            inner = self.dialog.inflate(-2 * pad, -2 * pad)
            self.inner = inner
            self.body = pygame.Rect(inner.left, inner.top + self.title_h, inner.width, content_h)
            button.move_ip(0, shift - spare)
            self.hint_rect.move_ip(0, shift - spare)
        self.confirm = self.button(button, label, self.confirm_choice, object_id="#primary")

    def _confirm_label(self) -> str:
        if self.tight:
            return tr("Confirm (Enter)")
        return tr("Confirm choice {value} (Enter)", value=self.choice_index + 1)

    # ----------------------------------------------------------------- content
    def document(self, width: int) -> Document:
        """The event's text, sources and the choice cards (rebuilt when the pick or the width changes)."""
        key = (width, self.choice_index)
        if self._doc is not None and self._doc[0] == key:
            return self._doc[1]
        palette, game = self.palette, self.game
        doc = self._new_doc()
        doc.para(self.say(self.event.text), colour=palette.text, size=BODY, gap=6)
        if self.event.sources:
            credits = "; ".join(source_credit(game.scenario.source(s)) for s in self.event.sources)
            doc.para(tr("Source: {credits}", credits=credits), colour=palette.muted, size=SMALL, gap=12)
        doc.para(tr("YOUR OPTIONS"), colour=palette.muted, size=SMALL, bold=True, gap=6)
        self.card_rects = []
        pad = self.px(12)
        for index, choice in enumerate(self.event.choices):
            card = self._new_doc()
            card.para(self.say(choice.label), colour=palette.text, size=BODY + 1, bold=True, gap=2)
            if choice.description:
                card.para(self.say(choice.description), colour=palette.text, size=BODY - 1, gap=4)
            if choice.contested:
                note = self.say(choice.contested)
                card.para(
                    [(tr("Note on this rule: "), palette.focus, True), (note, palette.muted, False)], size=SMALL, gap=4
                )
            forecast = game.forecast_choice(self.event.id, choice.id)
            runs: list[tuple[str, tuple[int, int, int], bool]] = [(tr("Forecast: "), palette.muted, True)]
            for number, item in enumerate(visible(game, forecast.items)):
                colour = news_colour(item.delta, self.good_for_me(item.indicator), palette)
                runs += [
                    (("; " if number else "") + indicator_label(game, item.indicator) + " ", palette.text, False),
                    (change_words(item), colour, True),
                    (" " + timing_phrase(item, game.turn, game.scenario.turns), palette.muted, False),
                ]
            if not visible(game, forecast.items):
                runs.append((tr("no direct effect"), palette.muted, False))
            card.para(runs, size=SMALL + 1, gap=0)
            number_w = self.px(40)
            surface = card.render(max(1, width - number_w - 2 * pad))
            height = surface.get_height() + 2 * pad
            doc.custom(height, self._card_drawer(index, surface, number_w, pad), gap=8, pixels=True)
        doc.para(
            tr("Forecasts leave out the currents and the other side's moves."), colour=palette.muted, size=SMALL, gap=2
        )
        self._doc = (key, doc)
        return doc

    def _new_doc(self) -> Document:
        return Document(lambda size, bold: self.font(size, bold=bold), self.px)

    def _card_drawer(self, index: int, content: pygame.Surface, number_w: int, pad: int) -> Drawer:
        def draw(surface: pygame.Surface, rect: pygame.Rect) -> None:
            palette = self.palette
            picked = index == self.choice_index
            background = mix(palette.panel, palette.accent, 0.16) if picked else palette.panel_alt
            pygame.draw.rect(surface, background, rect, border_radius=self.px(8))
            pygame.draw.rect(
                surface,
                palette.focus if picked else palette.border,
                rect,
                width=max(1, self.px(2) if picked else 1),
                border_radius=self.px(8),
            )
            key = pygame.Rect(rect.left + pad, rect.top + pad, self.px(26), self.px(26))
            pygame.draw.rect(
                surface,
                palette.accent if picked else palette.border,
                key,
                border_radius=self.px(4),
                width=0 if picked else max(1, self.px(1)),
            )
            font = self.font(SMALL + 1, bold=True)
            textlib.draw(
                surface,
                str(index + 1),
                (key.centerx, key.top + self.px(3)),
                font=font,
                colour=palette.background if picked else palette.text,
                align="center",
            )
            surface.blit(content, (rect.left + pad + number_w, rect.top + pad))
            self.card_rects.append(rect.copy())

        return draw

    # ----------------------------------------------------------------- input
    def pick(self, index: int) -> None:
        """Pick a choice (not yet confirmed) and bring its card into view."""
        if not 0 <= index < len(self.event.choices):
            return
        self.choice_index = index
        set_label(self.confirm, self._confirm_label())  # what the button says is always what Enter does
        if len(self.card_rects) > index:
            card = self.card_rects[index]
            self.scroll.reveal(card.top, card.bottom)

    def confirm_choice(self) -> None:
        """Answer the event with the picked choice."""
        choice = self.event.choices[self.choice_index]
        try:
            results = self.match.apply(self.role, Choose(self.role, self.event.id, choice.id))
        except (RulesError, TableError):  # no longer this seat's moment (never expected): show what the match asks
            self.dismiss(Stale())
            return
        self.dismiss(Applied(tuple(results)))

    def handle(self, event: pygame.event.Event) -> bool:
        """Number keys and arrows pick, Enter confirms; the wheel and PgUp/PgDn scroll; clicks pick a card."""
        if event.type == pygame.KEYDOWN:
            if event.key in NUMBER_KEYS:
                self.pick(NUMBER_KEYS[event.key] - 1)
                return True
            if event.key in (pygame.K_UP, pygame.K_DOWN, pygame.K_TAB):
                back = event.key == pygame.K_UP or (event.key == pygame.K_TAB and event.mod & pygame.KMOD_SHIFT)
                self.pick((self.choice_index + (-1 if back else 1)) % len(self.event.choices))
                return True
            page = max(self.px(40), self.body.height - self.px(40))
            if event.key in (pygame.K_PAGEUP, pygame.K_PAGEDOWN):
                self.scroll.scroll(page if event.key == pygame.K_PAGEDOWN else -page)
                return True
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                self.confirm_choice()
                return True
            return super().handle(event)
        if event.type == pygame.MOUSEWHEEL:
            self.scroll.scroll(-event.y * self.px(40))
            return True
        if event.type in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEMOTION):
            index = self._card_at(event.pos)
            if event.type == pygame.MOUSEMOTION:
                self.hover = index
                return False
            if event.button == 1 and index >= 0:
                self.pick(index)
                return True
        return False

    def _card_at(self, pos: tuple[int, int]) -> int:
        if not self.body.collidepoint(pos):
            return -1
        y = pos[1] - self.body.top + self.scroll.offset
        x = pos[0] - self.body.left
        for index, card in enumerate(self.card_rects):
            if card.collidepoint(x, y):
                return index
        return -1

    def autoplay(self) -> None:
        """Answer as the greedy computer player would."""
        game = self.game
        policy = make_policy("greedy", game, self.role, random.Random(f"{self.match.seed}:{self.event.id}"))
        for command in policy.decide(game, self.role):
            if isinstance(command, Choose) and command.event == self.event.id:
                self.choice_index = [c.id for c in self.event.choices].index(command.choice)
                break
        self.confirm_choice()

    # ----------------------------------------------------------------- drawing
    def draw_background(self, surface: pygame.Surface) -> None:
        """Only the dialog panel (the board shows dimmed around it)."""
        palette = self.palette
        self.panel(surface, self.dialog, colour=palette.background)
        who = self.match.role_name(self.role)
        kicker = tr("Decision for {who} · {turn_label}", who=who, turn_label=self.match.turn_label)
        self.dialog_heading(surface, self.inner, kicker, self.say(self.event.title), self.title_h)
        bar = self.px(6)
        width = ScrollView.content_width(self.body, bar)
        content = self.document(width).render(width)  # rendering records where the cards are
        self.scroll.draw(surface, self.body, content, palette=palette, bar=bar, fade=palette.background)
        self.draw_key_hints(surface, self.hint_rect, self.hints)
