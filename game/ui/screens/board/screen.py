"""The main board: indicators, your actions with their forecasts, details, news, capital, Negotiate and End turn.

The screen builds its components (header, indicator list, action list, details panel, news panel), holds the state
they share (:class:`BoardState`: the seat's view, the selection, the page, the focused list) and routes input.
Everything custom is drawn into one cached layer that is redrawn only when something it shows changes (the game,
the selection, the hover, a scroll position), so an ordinary frame is a single blit plus the few buttons.
"""

from __future__ import annotations

import random

import pygame
from pygame_gui.elements import UIButton

from game.ai import make_policy
from game.engine import Action, Commit, RulesError, Withdraw
from game.i18n import tr
from game.present import menu_actions
from game.table import DecisionKind, SeatView, TableError, view
from game.ui.screens.base import Host
from game.ui.screens.board.actions import ActionList
from game.ui.screens.board.coach import CoachPanel
from game.ui.screens.board.commit import CommitButton
from game.ui.screens.board.details import DetailsPanel
from game.ui.screens.board.header import Capital, Header
from game.ui.screens.board.indicators import IndicatorList
from game.ui.screens.board.layout import board_hints, layout_for, place_panels
from game.ui.screens.board.news import NewsPanel
from game.ui.screens.board.notice import draw_notice
from game.ui.screens.board.selection import TAB_NAMES, Selection
from game.ui.screens.board.state import BoardState, StateNames
from game.ui.screens.board.teacher_marks import (
    countdown_width,
    draw_countdown,
    draw_objectives,
    draw_warning,
)
from game.ui.screens.ingame import GameScreen
from game.ui.screens.results import EndTurn, OpenTable, ShowPublic, Stale


class BoardScreen(GameScreen, StateNames):
    """The screen of a turn: read the situation, commit actions, end the turn."""

    pausable = True

    def __init__(self, app: Host, role: str | None = None) -> None:
        super().__init__(app, role)
        actions = menu_actions(self.game, self.role)
        seat = view(self.match, self.role)
        self.state = BoardState(actions, seat, act_index=self._first_open_action(actions, seat), pad=self.px(10))
        self.capital = Capital(self, self.state)
        self.header_strip = Header(self, self.state, self.capital)
        self.indicator_list = IndicatorList(self, self.state)
        self.action_list = ActionList(self, self.state)
        self.details = DetailsPanel(self, self.state)
        self.news = NewsPanel(self, self.state)
        self.commit = CommitButton(self, self.state)
        self.selection = Selection(self, self.state, self.details, self.news, self._changed, self.toggle)
        self._layer: pygame.Surface | None = None
        self._layer_dirty = True
        self.negotiate_button: UIButton | None = None
        self.coach = CoachPanel(self)  # the tutorial's steps, when this board is the learner's in one
        self.countdown = pygame.Rect(0, 0, 0, 0)

    # ----------------------------------------------------------------- the selection
    @property
    def indicator_id(self) -> str:
        """The selected indicator."""
        return self.game.scenario.shown_indicators[self.state.ind_index].id

    # ----------------------------------------------------------------- derived game data
    def _state_version(self) -> tuple[object, ...]:
        game = self.game
        return (
            game.turn,
            game.phase,
            len(game.history),
            tuple(game.committed(self.role)),
            game.capital(self.role),
            len(game.state.news),
        )

    def _refresh(self) -> None:
        """Recompute what the board shows from the game when the game has changed."""
        version = self._state_version()
        state = self.state
        if version == state.version:
            return
        state.version = version
        # Everything the board shows of the game comes from what this seat may see.
        state.read(view(self.match, self.role))
        state.summaries = {a.id: self.action_list.summary(a) for a in state.actions}
        if state.pages:  # a row's height follows its second line, which follows its status
            state.pages = self.action_list.paginate(self.act_rect)
        self._layer_dirty = True
        self._sync_widgets()

    @staticmethod
    def _first_open_action(actions: list[Action], seat: SeatView) -> int:
        status = {a.id: a.status for a in seat.actions}
        for index, action in enumerate(actions):
            if status.get(action.id) in ("available", "committed"):
                return index
        return 0

    # ----------------------------------------------------------------- layout
    def build(self, rect: pygame.Rect) -> None:
        """Place the header, the panels and the buttons.

        Wide windows show indicators, actions, details and news side by side; medium ones a tabbed list
        (indicators, actions, news) beside the details; narrow ones (small windows at a large UI scale) one tab at
        a time, details included. Text never shrinks: lists page or scroll instead.
        """
        state = self.state
        self._layer = None
        self._layer_dirty = True
        state.version = None
        self.details.cache = self.news.cache = None
        design_height = rect.height / self.app.scale
        state.layout = layout_for(rect.width / self.app.scale)
        tight = design_height < 420
        margin = self.px(8 if tight else 12)
        gap = self.px(6 if tight else 10)
        state.pad = self.px(6 if tight else 10)
        inner = rect.inflate(-2 * margin, -2 * margin)
        self._build_header(inner, gap)

        # Footer: the most useful key hints that fit (the others are shown where they apply).
        lines = 1 if design_height < 560 or state.layout != "wide" else 2
        self.hints = self.fit_hints(board_hints(state.layout, self.match.has_negotiation), inner.width, lines)
        hints_h = self.key_hints_height(self.hints, inner.width)
        self.footer = pygame.Rect(inner.left, inner.bottom - hints_h, inner.width, hints_h)

        body = pygame.Rect(
            inner.left, self.header.bottom + gap, inner.width, self.footer.top - gap - self.header.bottom - gap
        )
        coach_h = self.coach.height()  # the tutorial's strip, under the panels
        body.height -= coach_h + gap if coach_h else 0
        self.coach.build(pygame.Rect(inner.left, body.bottom + gap, inner.width, coach_h))
        self.body = body
        panels = place_panels(self, state.layout, body, gap)
        self.ind_rect, self.act_rect, self.detail_rect = panels.indicators, panels.actions, panels.details
        self.news_rect, self.tabs_rect = panels.news, panels.tabs

        # The Commit/Withdraw button sits at the bottom of the details panel.
        self.commit_button = self.commit.build(self.detail_rect, self.toggle_selected)
        self._refresh()
        state.pages = self.action_list.paginate(self.act_rect)
        self._sync_widgets()

    def _build_header(self, inner: pygame.Rect, gap: int) -> None:
        """Header: turn and date (and who you are), capital when there is room, Negotiate and End turn."""
        end_label = tr("End turn (E)")
        end_w = self.button_width(end_label)
        self.header = pygame.Rect(inner.left, inner.top, inner.width, self.header_strip.height())
        end_rect = pygame.Rect(0, 0, end_w, self.button_height())
        end_rect.midright = (inner.right, self.header.centery)
        self.end_button = self.button(
            end_rect, end_label, self.end_turn, key=pygame.K_e, focusable=False, object_id="#primary"
        )
        # Negotiate, left of End turn, when the scenario has a negotiation section.
        self.negotiate_button = None
        buttons_left = end_rect.left
        if self.match.has_negotiation:
            label = tr("Negotiate (P)")
            negotiate_rect = pygame.Rect(0, 0, self.button_width(label), self.button_height())
            negotiate_rect.midright = (end_rect.left - gap, self.header.centery)
            self.negotiate_button = self.button(negotiate_rect, label, self.negotiate, key=pygame.K_p, focusable=False)
            buttons_left = negotiate_rect.left
        clock_w = countdown_width(self)  # the turn timer's countdown, left of the buttons
        self.countdown = pygame.Rect(buttons_left - gap - clock_w, end_rect.top, clock_w, end_rect.height)
        self.header_strip.place(self.header, buttons_left - (clock_w + gap if clock_w else 0), gap)
        self.shortcuts[pygame.K_F3] = self.show_public

    # ----------------------------------------------------------------- widgets state
    def details_visible(self) -> bool:
        """Whether the details panel is on screen."""
        return self.state.layout != "narrow" or self.state.tab == "details"

    def _sync_widgets(self) -> None:
        """Show the Commit/Withdraw button for the selected action, with the right words."""
        self.commit.sync(self.details_visible())

    # ----------------------------------------------------------------- commands
    def toggle(self, action_index: int) -> None:
        """Commit the action, or withdraw it if it is committed; explain when it cannot be taken."""
        state = self.state
        if not 0 <= action_index < len(state.actions):
            return
        self.selection.focus_action(action_index)
        action = state.actions[action_index]
        name = self.say(action.label)
        bad = False
        self._refresh()
        status = state.status.get(action.id, "available")
        try:
            if status == "committed":
                self.match.apply(self.role, Withdraw(self.role, action.id))
                message = tr("Withdrawn: {name} (+{cost} capital back)", name=name, cost=action.cost)
            else:
                reason = "" if status == "available" else status
                if reason:
                    message, bad = tr("Cannot commit {name}: {reason}", name=name, reason=reason), True
                else:
                    self.match.apply(self.role, Commit(self.role, action.id))
                    message = tr("Committed: {name} (-{cost} capital)", name=name, cost=action.cost)
        except (RulesError, TableError) as exc:
            message, bad = str(exc), True
        self.show_notice(message, bad=bad)
        self._changed()

    def toggle_selected(self) -> None:
        """Commit or withdraw the selected action."""
        self.toggle(self.act_index)

    def negotiate(self) -> None:
        """Open the negotiation table (proposals and agreements)."""
        if self.match.has_negotiation:
            self.request(OpenTable(self.role))

    def show_public(self) -> None:
        """Switch to the public board, for a projector (F3)."""
        self.request(ShowPublic())

    def my_moment(self) -> bool:
        """Whether the match waits for this board's role to act (nothing to answer first)."""
        decision = self.match.decision()
        return decision is not None and decision.role == self.role and decision.kind is DecisionKind.ACT

    def end_turn(self) -> None:
        """End this role's part of the turn (answer any waiting event or proposal first: none lapses unseen)."""
        if not self.my_moment():
            self.request(Stale())
            return
        self.request(EndTurn(self.role))

    def autoplay(self) -> None:
        """Commit what the greedy computer player would, then end the turn."""
        if not self.my_moment():
            self.request(Stale())
            return
        game = self.game
        rng = random.Random(f"{self.match.seed}:{self.role}:{game.turn}")
        policy = make_policy("greedy", game, self.role, rng)
        for command in policy.decide(game, self.role):
            self.match.apply(self.role, command)
        self.end_turn()

    # ----------------------------------------------------------------- selection
    def _changed(self) -> None:
        self._layer_dirty = True
        self._refresh()
        self._sync_widgets()

    def turn_page(self, step: int) -> None:
        """Show the previous or next page of actions (selecting its first action)."""
        self.selection.turn_page(step)

    # ----------------------------------------------------------------- input
    def handle(self, event: pygame.event.Event) -> bool:
        """Keys for lists, numbers, pages and tabs; clicks and the wheel on the custom-drawn panels."""
        if event.type == pygame.KEYDOWN:
            return self.selection.key(event) or super().handle(event)
        if event.type == pygame.MOUSEMOTION:
            hit = self._hit(event.pos, ("num", "ind", "act", "tab", "page"))
            hover = (hit[1], hit[2]) if hit else None
            if hover != self.state.hover:
                self.state.hover = hover
                self._layer_dirty = True
                self.app.dirty = True
            return False
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            return self._click(event.pos)
        if event.type == pygame.MOUSEWHEEL:
            return self._wheel(event)
        return False

    def _click(self, pos: tuple[int, int]) -> bool:
        hit = self._hit(pos, ("num", "ind", "act", "tab", "page"))
        if hit is None:
            return False
        _, kind, value = hit
        if kind == "num":
            self.toggle(value)
        elif kind in ("ind", "act"):
            self.selection.select_row(kind, value)
        elif kind == "tab":
            self.selection.tab(TAB_NAMES[value])
        elif kind == "page":
            self.selection.turn_page(value)
        return True

    def _wheel(self, event: pygame.event.Event) -> bool:
        state = self.state
        pos = pygame.mouse.get_pos()
        step = self.px(40)
        if state.tab == "news" or (state.layout == "wide" and self.news_rect.collidepoint(pos)):
            self.news.scroll.scroll(-event.y * step)
        elif self.details_visible() and self.detail_rect.collidepoint(pos):
            self.details.scroll.scroll(-event.y * step)
        elif state.zone == "actions" and self.act_rect.collidepoint(pos):
            self.turn_page(-event.y)
        elif self.ind_rect.collidepoint(pos):
            count = len(self.game.scenario.shown_indicators)
            state.ind_top = max(0, min(count - 1, state.ind_top - event.y))
        self._layer_dirty = True
        return True

    def _hit(self, pos: tuple[int, int], kinds: tuple[str, ...]) -> tuple[pygame.Rect, str, int] | None:
        for kind in kinds:
            for rect, hit_kind, value in self.state.hits:
                if hit_kind == kind and rect.collidepoint(pos):
                    return rect, hit_kind, value
        return None

    # ----------------------------------------------------------------- drawing
    def on_enter(self) -> None:
        """Coming back from a dialog: the game may have changed."""
        self._layer_dirty = True

    def draw_background(self, surface: pygame.Surface) -> None:
        """Blit the cached layer, redrawing it first if anything it shows has changed."""
        self._refresh()
        size = surface.get_size()
        if self._layer is None or self._layer.get_size() != size:
            self._layer = pygame.Surface(size).convert()
            self._layer_dirty = True
        if self._layer_dirty:
            self._paint(self._layer)
            self._layer_dirty = False
        surface.blit(self._layer, (0, 0))
        self.coach.draw_strip(surface)

    def _paint(self, surface: pygame.Surface) -> None:
        state = self.state
        surface.fill(self.palette.background)
        state.hits = []
        self.header_strip.draw(surface)
        if state.layout == "wide":
            self.indicator_list.draw(surface, self.ind_rect)
            self._draw_actions(surface)
            self._draw_details(surface)
            self.news.draw(surface, self.news_rect)
        else:
            self._draw_tabs(surface)
            if state.tab == "news":
                self.news.draw(surface, self.news_rect)
            elif state.tab == "details":
                self._draw_details(surface)
            elif state.zone == "indicators":
                self.indicator_list.draw(surface, self.ind_rect)
            else:
                self._draw_actions(surface)
            if state.layout == "medium":
                self._draw_details(surface)
        self.draw_key_hints(surface, self.footer, self.hints)

    def _draw_actions(self, surface: pygame.Surface) -> None:
        title = tr("Your actions") if self.header_strip.capital_in_header else self.capital.text()
        self.action_list.draw(surface, self.act_rect, title)

    def _draw_details(self, surface: pygame.Surface) -> None:
        self.details.draw(surface, self.detail_rect, self.commit_button.rect.top - self.px(6))

    def _draw_tabs(self, surface: pygame.Surface) -> None:
        state = self.state
        names = [(tr("Indicators"), "I"), (tr("Actions"), "A"), (tr("News"), "N")]
        if state.layout == "narrow":
            names.append((tr("Details"), "D"))
        active = {"news": 2, "details": 3}.get(state.tab, 0 if state.zone == "indicators" else 1)
        hover = state.hover[1] if state.hover and state.hover[0] == "tab" else -1
        for index, tab in enumerate(self.draw_tabs(surface, self.tabs_rect, names, active=active, hover=hover)):
            state.add_hit(tab, "tab", index)

    def draw_overlay(self, surface: pygame.Surface) -> None:
        """The notice (what a key just did, or why it could not) over the bottom of the board; what the teacher's
        console puts on the board (the countdown, every side's objectives); the tutorial's outline."""
        self.coach.draw_outline(surface, self)
        draw_countdown(self, surface, self.countdown)
        top = draw_warning(self, surface, self.body)
        if self.match.teacher.revealed:
            draw_objectives(self, surface, self.body, top)
        notice = self.app.message or self.notice
        if notice:
            draw_notice(self, surface, self.body, notice, bad=self.notice_bad or bool(self.app.message))
