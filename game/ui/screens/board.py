"""The main board: indicators, your actions with their forecasts, details, news, capital, Negotiate and End turn.

Everything custom is drawn into one cached layer that is redrawn only when something it shows changes (the game,
the selection, the hover, a scroll position), so an ordinary frame is a single blit plus the few buttons.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import pygame
from pygame_gui.elements import UIButton

from game.ai import make_policy
from game.engine import Action, Agreement, Commit, ItemStatus, NewsKind, RulesError, Withdraw
from game.present import agreement_name, cause_text, family_label, indicator_label, menu_actions, source_credit, visible
from game.table import DecisionKind, TableError, view
from game.ui.screens.base import Host
from game.ui.screens.ingame import BODY, HEADING, NUMBER_KEYS, SMALL, GameScreen
from game.ui.screens.results import EndTurn, OpenTable, Stale
from game.ui.screens.wording import (
    NewsEntry,
    cause_owner,
    change_words,
    news_entries,
    num,
    plural,
    signed,
    timing_phrase,
    yours,
    yours_words,
)
from game.ui.widgets import Document, ScrollView, gain_colour, gauge, mix, news_colour, sparkline
from game.ui.widgets import text as textlib
from game.ui.widgets.charts import Colour

PAGE_SIZE = 9
TAB_NAMES = ("indicators", "actions", "news", "details")


@dataclass(frozen=True)
class Row:
    """One line of the action list: a family heading (``action`` = -1) or an action (index into the menu)."""

    family: str
    action: int
    number: int  # the action's number in the menu, as the terminal numbers it (0 for headings)


class BoardScreen(GameScreen):
    """The screen of a turn: read the situation, commit actions, end the turn."""

    pausable = True

    def __init__(self, app: Host, role: str | None = None) -> None:
        super().__init__(app, role)
        self.actions: list[Action] = menu_actions(self.game, self.role)
        self.zone = "actions"  # which list has the keyboard: "indicators" or "actions"
        self.ind_index = 0
        self.ind_top = 0  # first indicator row in view
        self.act_index = self._first_open_action()
        self.tab = "list"  # medium/narrow layouts: "list" (the zone's list), "news" or "details" (narrow only)
        self.detail_scroll = ScrollView()
        self.news_scroll = ScrollView()
        self.hover: tuple[str, int] | None = None
        self.pad = self.px(10)
        self.pages: list[list[Row]] = []
        self.hits: list[tuple[pygame.Rect, str, int]] = []
        self._layer: pygame.Surface | None = None
        self._layer_dirty = True
        self._version: tuple[object, ...] | None = None
        self._detail_doc: tuple[tuple[object, ...], Document] | None = None
        self._news_doc: tuple[tuple[object, ...], Document] | None = None
        self.layout = "wide"
        self.negotiate_button: UIButton | None = None
        self.buttons_left = 0

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
        if version == self._version:
            return
        self._version = version
        # Everything the board shows of the game comes from what this seat may see.
        self.seat = seat = view(self.match, self.role)
        self.shown = {i.id: i for i in seat.indicators}
        self.series = {i.id: list(i.series) for i in seat.indicators}
        self.baseline = {i.id: i.before for i in seat.indicators}
        self.status = {a.id: a.status for a in seat.actions}
        self.forecasts = {a.id: a.forecast for a in seat.actions}
        # One line per action under its label: what it does at a glance.
        self.summaries = {a.id: self._summary(a) for a in self.actions}
        if self.pages:  # a row's height follows its second line, which follows its status
            self.pages = self._paginate()
        self._layer_dirty = True
        self._sync_widgets()

    def _summary(self, action: Action) -> str:
        game = self.game
        items = visible(game, self.forecasts[action.id].items)[:3]
        return ", ".join(f"{indicator_label(game, i.indicator)} {change_words(i)}" for i in items) or "no direct effect"

    def _first_open_action(self) -> int:
        status = {a.id: a.status for a in view(self.match, self.role).actions}
        for index, action in enumerate(self.actions):
            if status.get(action.id) in ("available", "committed"):
                return index
        return 0

    @property
    def action(self) -> Action | None:
        """The selected action."""
        return self.actions[self.act_index] if self.actions else None

    @property
    def indicator_id(self) -> str:
        """The selected indicator."""
        return self.game.scenario.shown_indicators[self.ind_index].id

    # ----------------------------------------------------------------- layout
    def build(self, rect: pygame.Rect) -> None:
        """Place the header, the panels and the buttons.

        Wide windows show indicators, actions, details and news side by side; medium ones a tabbed list
        (indicators, actions, news) beside the details; narrow ones (small windows at a large UI scale) one tab at
        a time, details included. Text never shrinks: lists page or scroll instead.
        """
        self._layer = None
        self._layer_dirty = True
        self._version = None
        self._detail_doc = self._news_doc = None
        design_width = rect.width / self.app.scale
        design_height = rect.height / self.app.scale
        self.layout = "wide" if design_width >= 980 else "medium" if design_width >= 600 else "narrow"
        tight = design_height < 420
        margin = self.px(8 if tight else 12)
        gap = self.px(6 if tight else 10)
        self.pad = self.px(6 if tight else 10)
        inner = rect.inflate(-2 * margin, -2 * margin)

        # Header: turn and date (and who you are), capital when there is room, End turn.
        end_label = "End turn (E)"
        end_w = self.button_width(end_label)
        big = self.font(HEADING + 2, bold=True)
        header_h = max(self.button_height(), big.get_linesize())
        self.header = pygame.Rect(inner.left, inner.top, inner.width, header_h)
        end_rect = pygame.Rect(0, 0, end_w, self.button_height())
        end_rect.midright = (inner.right, self.header.centery)
        self.end_button = self.button(
            end_rect, end_label, self.end_turn, key=pygame.K_e, focusable=False, object_id="#primary"
        )
        # Negotiate, left of End turn, when the scenario has a negotiation section.
        self.negotiate_button = None
        buttons_left = end_rect.left
        if self.match.has_negotiation:
            label = "Negotiate (P)"
            negotiate_rect = pygame.Rect(0, 0, self.button_width(label), self.button_height())
            negotiate_rect.midright = (end_rect.left - gap, self.header.centery)
            self.negotiate_button = self.button(negotiate_rect, label, self.negotiate, key=pygame.K_p, focusable=False)
            buttons_left = negotiate_rect.left
        self.buttons_left = buttons_left
        self.capital_w = self._capital_width()
        turn_w = textlib.width_of(big, self.match.turn_label)
        self.capital_in_header = buttons_left - inner.left >= turn_w + self.capital_w + 2 * gap + self.px(24)
        self.header_text_w = buttons_left - inner.left - gap - (self.capital_w + gap if self.capital_in_header else 0)

        # Footer: the most useful key hints that fit (the others are shown where they apply).
        lines = 1 if design_height < 560 or self.layout != "wide" else 2
        self.hints = self._fitting_hints(inner.width, lines)
        hints_h = self.key_hints_height(self.hints, inner.width)
        self.footer = pygame.Rect(inner.left, inner.bottom - hints_h, inner.width, hints_h)

        body = pygame.Rect(
            inner.left, self.header.bottom + gap, inner.width, self.footer.top - gap - self.header.bottom - gap
        )
        self.body = body
        self.tabs_rect = pygame.Rect(0, 0, 0, 0)
        if self.layout == "wide":
            w1 = round(body.width * 0.34)
            w2 = round(body.width * 0.32)
            self.ind_rect = pygame.Rect(body.left, body.top, w1, body.height)
            self.act_rect = pygame.Rect(self.ind_rect.right + gap, body.top, w2, body.height)
            right = pygame.Rect(
                self.act_rect.right + gap, body.top, body.right - self.act_rect.right - gap, body.height
            )
            detail_h = round(right.height * 0.62)
            self.detail_rect = pygame.Rect(right.left, right.top, right.width, detail_h)
            self.news_rect = pygame.Rect(
                right.left, right.top + detail_h + gap, right.width, right.height - detail_h - gap
            )
        elif self.layout == "medium":
            left = pygame.Rect(body.left, body.top, round(body.width * 0.5), body.height)
            tab_h = self.tab_height()
            self.tabs_rect = pygame.Rect(left.left, left.top, left.width, tab_h)
            lists = pygame.Rect(left.left, left.top + tab_h, left.width, left.height - tab_h)
            self.ind_rect = self.act_rect = self.news_rect = lists
            self.detail_rect = pygame.Rect(left.right + gap, body.top, body.right - left.right - gap, body.height)
        else:
            tab_h = self.tab_height()
            self.tabs_rect = pygame.Rect(body.left, body.top, body.width, tab_h)
            rest = pygame.Rect(body.left, body.top + tab_h, body.width, body.height - tab_h)
            self.ind_rect = self.act_rect = self.news_rect = self.detail_rect = rest

        # The Commit/Withdraw button sits at the bottom of the details panel.
        pad = self.pad
        commit_label = "Withdraw (9 or Enter)"
        commit_rect = pygame.Rect(
            0, 0, min(self.detail_rect.width - 2 * pad, self.button_width(commit_label)), self.button_height()
        )
        commit_rect.bottomright = (self.detail_rect.right - pad, self.detail_rect.bottom - pad)
        self.commit_button = self.button(commit_rect, "Commit (Enter)", self.toggle_selected, focusable=False)
        self.commit_button.set_text("")  # set for the selected action by _sync_widgets
        self._refresh()
        self.pages = self._paginate()
        self._sync_widgets()

    def _fitting_hints(self, width: int, lines: int) -> list[tuple[str, str]]:
        """Key hints in order of importance, as many as fit on ``lines`` lines."""
        wanted = [
            ("Up/Down", "choose"),
            ("1-9", "commit / withdraw"),
            ("E", "end turn"),
            ("Tab", "switch list"),
            ("Esc", "menu"),
            ("Enter", "commit / withdraw"),
            ("PgUp/PgDn", "more actions"),
            ("Shift+Up/Down", "scroll details"),
        ]
        if self.layout == "narrow":
            wanted[3] = ("I A D N", "tabs")
        if self.match.has_negotiation:
            wanted.insert(3, ("P", "negotiate"))
        return self.fit_hints(wanted, width, lines)

    def _capital_width(self) -> int:
        role = self.game.scenario.role(self.role)
        text = f"Capital {role.capital_max} left of {role.capital_max}"
        pips = role.capital_max * self.px(12)
        return textlib.width_of(self.font(BODY, bold=True), text) + pips + self.px(12)

    def _row_heights(self) -> tuple[int, int]:
        action = self.font(BODY).get_linesize() + self.font(SMALL).get_linesize() + self.pad
        family = self.font(SMALL, bold=True).get_linesize() + self.px(8)
        return action, family

    def _list_area(self, rect: pygame.Rect) -> pygame.Rect:
        """The part of a list panel under its title (and above the page line for actions)."""
        pad = self.pad
        title_h = self.font(SMALL + 1, bold=True).get_linesize() + self.px(6)
        return pygame.Rect(
            rect.left + pad, rect.top + pad + title_h, rect.width - 2 * pad, rect.height - 2 * pad - title_h
        )

    def _paginate(self) -> list[list[Row]]:
        """Split the actions into pages that fit the list. Each action keeps its number in the menu on every page
        (the terminal's numbering), so a number key always means the same action."""
        area = self._list_area(self.act_rect)
        height = area.height
        _, family_h = self._row_heights()
        pages: list[list[Row]] = [[]]
        used = 0
        family = None
        for index, action in enumerate(self.actions):
            page = pages[-1]
            action_h = self._action_height(index)
            need = action_h + (family_h if action.family != family or not page else 0)
            if page and used + need > height:
                pages.append([])
                page, used = pages[-1], 0
            if not page or action.family != family:
                page.append(Row(action.family, -1, 0))
                used += family_h
                family = action.family
            page.append(Row(action.family, index, index + 1))
            used += action_h
        return pages

    def _second_line(self, index: int) -> tuple[str, Colour]:
        """The line under an action's name: committed, its forecast in short, or why it is not open now."""
        action = self.actions[index]
        status = self.status.get(action.id, "")
        palette = self.palette
        if status == "committed":
            number = index + 1
            how = f"press {number} to withdraw" if number <= PAGE_SIZE else "Enter withdraws it"
            return f"Committed · {how}", palette.accent
        if status == "available":
            return self.summaries[action.id], palette.muted  # drawn in short by _second_lines
        return f"Not now: {status}", mix(palette.muted, palette.bad, 0.45)

    def _second_lines(self, index: int) -> tuple[str, ...]:
        """The line under an action's name, never cut off: its forecast in short keeps the changes that fit on one
        line and says how many more the details show; why it is not open now wraps onto up to three lines."""
        width = max(1, self._list_area(self.act_rect).width - self.px(46))
        font = self.font(SMALL)
        action = self.actions[index]
        if self.status.get(action.id, "") == "available":
            return (self._fitting_summary(action, font, width),)
        lines = textlib.wrap(font, self._second_line(index)[0], width)
        return lines[:3] if lines else ("",)

    def _fitting_summary(self, action: Action, font: pygame.font.Font, width: int) -> str:
        """As many of the action's forecast changes as fit whole on one line, then ``and 2 more``."""
        game = self.game
        parts = [
            f"{indicator_label(game, i.indicator)} {change_words(i)}"
            for i in visible(game, self.forecasts[action.id].items)
        ]
        return textlib.fit_parts(font, parts, width) if parts else "no direct effect"

    def _action_height(self, index: int) -> int:
        """The height of one action's row: its name and its wrapped second line."""
        return (
            self.font(BODY).get_linesize() + self.pad + len(self._second_lines(index)) * self.font(SMALL).get_linesize()
        )

    def page_of(self, action_index: int) -> int:
        """The page showing an action."""
        for number, page in enumerate(self.pages):
            if any(r.action == action_index for r in page):
                return number
        return 0

    # ----------------------------------------------------------------- widgets state
    def details_visible(self) -> bool:
        """Whether the details panel is on screen."""
        return self.layout != "narrow" or self.tab == "details"

    def _sync_widgets(self) -> None:
        """Show the Commit/Withdraw button for the selected action, with the right words."""
        if not hasattr(self, "commit_button"):
            return
        button = self.commit_button
        action = self.action
        if self.zone != "actions" or action is None or not self.details_visible():
            button.hide()
            return
        button.show()
        status = self.status.get(action.id, "")
        number = self._number_of(self.act_index)
        key = f"{number} or Enter" if number else "Enter"
        if status == "committed":
            text, enabled = f"Withdraw ({key})", True
        elif status == "available":
            text, enabled = f"Commit ({key})", True
        else:
            text, enabled = "Not available now", False
        if button.text != text:
            width = min(self.detail_rect.width - 2 * self.pad, self.button_width(text))
            button.set_dimensions((width, button.rect.height))
            button.set_relative_position((self.detail_rect.right - self.pad - width, button.rect.top))
            button.set_text(text)
        if enabled and not button.is_enabled:
            button.enable()
        elif not enabled and button.is_enabled:
            button.disable()

    def _number_of(self, action_index: int) -> int:
        """The number key of an action (its number in the menu), or 0 for one past nine (Enter only)."""
        return action_index + 1 if 0 <= action_index < PAGE_SIZE else 0

    # ----------------------------------------------------------------- commands
    def toggle(self, action_index: int) -> None:
        """Commit the action, or withdraw it if it is committed; explain when it cannot be taken."""
        if not 0 <= action_index < len(self.actions):
            return
        if self.zone != "actions" or self.act_index != action_index:
            self.detail_scroll.offset = 0
        self.act_index = action_index
        self.zone = "actions"
        if self.tab == "news":
            self.tab = "list"
        action = self.actions[action_index]
        name = self.say(action.label)
        bad = False
        self._refresh()
        status = self.status.get(action.id, "available")
        try:
            if status == "committed":
                self.match.apply(self.role, Withdraw(self.role, action.id))
                message = f"Withdrawn: {name} (+{action.cost} capital back)"
            else:
                reason = "" if status == "available" else status
                if reason:
                    message, bad = f"Cannot commit {name}: {reason}", True
                else:
                    self.match.apply(self.role, Commit(self.role, action.id))
                    message = f"Committed: {name} (-{action.cost} capital)"
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

    def select_zone(self, zone: str) -> None:
        """Give the keyboard to the indicator list or the action list (and show that list)."""
        if zone != self.zone:
            self.detail_scroll.offset = 0
        self.zone = zone
        self.tab = "list"
        self._changed()

    def show_tab(self, tab: str) -> None:
        """Medium and narrow layouts: show the news, the details (narrow) or the focused list."""
        if tab == "details" and self.layout != "narrow":
            tab = "list"
        if tab == "news" and self.layout == "wide":
            return
        self.tab = tab
        self._changed()

    def move(self, step: int) -> None:
        """Move the selection in the focused list."""
        if self.zone == "indicators":
            count = len(self.game.scenario.shown_indicators)
            self.ind_index = (self.ind_index + step) % count
        elif self.actions:
            self.act_index = (self.act_index + step) % len(self.actions)
        self.detail_scroll.offset = 0
        self._changed()

    def turn_page(self, step: int) -> None:
        """Show the previous or next page of actions (selecting its first action)."""
        if not self.pages:
            return
        page = max(0, min(len(self.pages) - 1, self.page_of(self.act_index) + step))
        first = next((r.action for r in self.pages[page] if r.action >= 0), self.act_index)
        self.act_index = first
        self.zone = "actions"
        if self.tab == "news":
            self.tab = "list"
        self.detail_scroll.offset = 0
        self._changed()

    # ----------------------------------------------------------------- input
    def handle(self, event: pygame.event.Event) -> bool:
        """Keys for lists, numbers, pages and tabs; clicks and the wheel on the custom-drawn panels."""
        if event.type == pygame.KEYDOWN:
            return self._key(event)
        if event.type == pygame.MOUSEMOTION:
            hit = self._hit(event.pos, ("num", "ind", "act", "tab", "page"))
            hover = (hit[1], hit[2]) if hit else None
            if hover != self.hover:
                self.hover = hover
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
            zone = "indicators" if kind == "ind" else "actions"
            again = self.zone == zone and value == (self.ind_index if kind == "ind" else self.act_index)
            if kind == "ind":
                self.ind_index = value
            else:
                self.act_index = value
            if not again:
                self.detail_scroll.offset = 0
            self.zone = zone
            if again and self.layout == "narrow":
                self.tab = "details"  # a second click on the selected row opens its details
            self._changed()
        elif kind == "tab":
            self._tab(TAB_NAMES[value])
        elif kind == "page":
            self.turn_page(value)
        return True

    def _key(self, event: pygame.event.Event) -> bool:
        key = event.key
        shift = bool(event.mod & pygame.KMOD_SHIFT)
        if key in (pygame.K_UP, pygame.K_DOWN) and (shift or self.tab == "news"):
            view = self.news_scroll if self.tab == "news" else self.detail_scroll
            view.scroll(self.px(40) * (1 if key == pygame.K_DOWN else -1))
            self._layer_dirty = True
            return True
        if key in (pygame.K_UP, pygame.K_DOWN):
            self.move(1 if key == pygame.K_DOWN else -1)
            return True
        if key in (pygame.K_TAB, pygame.K_LEFT, pygame.K_RIGHT):
            self.select_zone("indicators" if self.zone == "actions" else "actions")
            return True
        if key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):
            self.turn_page(1 if key == pygame.K_PAGEDOWN else -1)
            return True
        if key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
            if self.zone == "actions":
                self.toggle_selected()
            else:
                self.select_zone("actions")
            return True
        if key in NUMBER_KEYS:
            index = NUMBER_KEYS[key] - 1  # the same action on every page
            if index < len(self.actions):
                self.toggle(index)
            return True
        tab = {pygame.K_i: "indicators", pygame.K_a: "actions", pygame.K_n: "news", pygame.K_d: "details"}.get(key)
        if tab is not None:
            self._tab(tab)
            return True
        return super().handle(event)

    def _tab(self, name: str) -> None:
        if name in ("indicators", "actions"):
            self.select_zone(name)
        else:
            self.show_tab(name)

    def _wheel(self, event: pygame.event.Event) -> bool:
        pos = pygame.mouse.get_pos()
        step = self.px(40)
        if self.tab == "news" or (self.layout == "wide" and self.news_rect.collidepoint(pos)):
            self.news_scroll.scroll(-event.y * step)
        elif self.details_visible() and self.detail_rect.collidepoint(pos):
            self.detail_scroll.scroll(-event.y * step)
        elif self.zone == "actions" and self.act_rect.collidepoint(pos):
            self.turn_page(-event.y)
        elif self.ind_rect.collidepoint(pos):
            count = len(self.game.scenario.shown_indicators)
            self.ind_top = max(0, min(count - 1, self.ind_top - event.y))
        self._layer_dirty = True
        return True

    def _hit(self, pos: tuple[int, int], kinds: tuple[str, ...]) -> tuple[pygame.Rect, str, int] | None:
        for kind in kinds:
            for rect, hit_kind, value in self.hits:
                if hit_kind == kind and rect.collidepoint(pos):
                    return rect, hit_kind, value
        return None

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

    def _paint(self, surface: pygame.Surface) -> None:
        palette = self.palette
        surface.fill(palette.background)
        self.hits = []
        self._draw_header(surface)
        if self.layout == "wide":
            self._draw_indicators(surface, self.ind_rect)
            self._draw_actions(surface, self.act_rect)
            self._draw_detail(surface, self.detail_rect)
            self._draw_news(surface, self.news_rect)
        else:
            self._draw_tabs(surface)
            if self.tab == "news":
                self._draw_news(surface, self.news_rect)
            elif self.tab == "details":
                self._draw_detail(surface, self.detail_rect)
            elif self.zone == "indicators":
                self._draw_indicators(surface, self.ind_rect)
            else:
                self._draw_actions(surface, self.act_rect)
            if self.layout == "medium":
                self._draw_detail(surface, self.detail_rect)
        self.draw_key_hints(surface, self.footer, self.hints)

    def draw_overlay(self, surface: pygame.Surface) -> None:
        """The notice (what a key just did, or why it could not) over the bottom of the board."""
        notice = self.app.message or self.notice
        if not notice:
            return
        palette = self.palette
        font = self.font(BODY, bold=True)
        width = min(self.body.width - self.px(40), textlib.width_of(font, notice) + self.px(32))
        lines = textlib.wrap(font, notice, width - self.px(24))[:3]  # every word, on up to three lines
        box = pygame.Rect(0, 0, width, len(lines) * font.get_linesize() + self.px(16))
        box.midbottom = (self.body.centerx, self.body.bottom - self.px(12))
        bad = self.notice_bad or bool(self.app.message)
        edge = palette.bad if bad else palette.accent
        pygame.draw.rect(surface, palette.background, box, border_radius=self.px(8))
        pygame.draw.rect(surface, edge, box, width=max(1, self.px(2)), border_radius=self.px(8))
        y = box.top + self.px(8)
        for line in lines:
            textlib.draw(
                surface,
                line,
                (box.centerx, y),
                font=font,
                colour=palette.text,
                align="center",
                max_width=box.width - self.px(24),
            )
            y += font.get_linesize()

    def _draw_header(self, surface: pygame.Surface) -> None:
        palette = self.palette
        match = self.match
        rect = self.header
        big = self.font(HEADING + 2, bold=True)
        y = rect.centery - big.get_linesize() // 2
        drawn = textlib.draw(
            surface, match.turn_label, (rect.left, y), font=big, colour=palette.text, max_width=self.header_text_w
        )
        small = self.font(BODY)
        x, baseline = drawn.right, y + big.get_ascent() - small.get_ascent()
        parts = [f"  ·  You play {match.role_name(self.role)}"]
        if match.has_negotiation:
            in_force = sum(1 for a in self._my_agreements() if a.open and not a.broken)
            parts.append(f"  ·  {plural(in_force, 'agreement')} in force")
        for part in parts:  # whole parts only, while they fit
            if x + textlib.width_of(small, part) >= rect.left + self.header_text_w:
                break
            x = textlib.draw(surface, part, (x, baseline), font=small, colour=palette.muted).right
        if self.capital_in_header:
            self._draw_capital(
                surface,
                (
                    self.buttons_left - self.px(10) - self.capital_w,
                    rect.centery - self.font(BODY, bold=True).get_linesize() // 2,
                ),
                self.capital_w,
            )

    def _my_agreements(self) -> list[Agreement]:
        """The agreements this seat is a party to."""
        return [a for a in self.seat.agreements if self.role in a.parties]

    def _capital(self) -> tuple[int, int]:
        """(capital left, capital spent on the actions committed this turn)."""
        seat = self.seat
        return seat.capital, sum(self.game.scenario.action(a).cost for a in seat.committed)

    def capital_text(self) -> str:
        """``Capital 3 left of 5`` (5 = what there was to spend this turn)."""
        left, spent = self._capital()
        return f"Capital {left} left of {left + spent}"

    def _draw_capital(self, surface: pygame.Surface, pos: tuple[int, int], width: int) -> None:
        """``Capital 3 left of 5`` with one pip per point (filled = still to spend)."""
        palette = self.palette
        left, spent = self._capital()
        font = self.font(BODY, bold=True)
        drawn = textlib.draw(surface, self.capital_text(), pos, font=font, colour=palette.text, max_width=width)
        size = self.px(10)
        x = drawn.right + self.px(8)
        y = pos[1] + font.get_linesize() // 2
        for index in range(left + spent):
            if x + size > pos[0] + width:
                break
            centre = (x + size // 2, y)
            if index < left:
                pygame.draw.circle(surface, palette.accent, centre, size // 2)
            else:
                pygame.draw.circle(surface, palette.border, centre, size // 2, width=max(1, self.px(2)))
            x += size + self.px(4)

    def _draw_tabs(self, surface: pygame.Surface) -> None:
        names = [("Indicators", "I"), ("Actions", "A"), ("News", "N")]
        if self.layout == "narrow":
            names.append(("Details", "D"))
        active = {"news": 2, "details": 3}.get(self.tab, 0 if self.zone == "indicators" else 1)
        hover = self.hover[1] if self.hover and self.hover[0] == "tab" else -1
        for index, tab in enumerate(self.draw_tabs(surface, self.tabs_rect, names, active=active, hover=hover)):
            self.hits.append((tab, "tab", index))

    def _draw_indicators(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        palette, game = self.palette, self.game
        focused = self.zone == "indicators"
        self.panel(surface, rect, focused=focused and self.layout == "wide")
        pad = self.pad
        since = "since the start" if game.turn == 1 else "since last turn"
        self.panel_title(
            surface,
            pygame.Rect(rect.left + pad, rect.top + pad, rect.width - 2 * pad, 40),
            "Indicators",
            note=f"change {since}",
        )
        area = self._list_area(rect)
        indicators = game.scenario.shown_indicators
        row_h = self.font(BODY).get_linesize() + self.px(14)
        note_font = self.font(SMALL)
        # Room to spare (a tall window): each row also says what the seat's score wants of the indicator.
        noted = area.height // len(indicators) >= round((row_h + note_font.get_linesize()) * 1.15)
        if noted:
            row_h += note_font.get_linesize()
        row_h = max(row_h, min(round(row_h * 1.3), area.height // len(indicators)))  # use the room there is
        visible = max(1, area.height // row_h)
        if self.ind_index < self.ind_top:
            self.ind_top = self.ind_index
        elif self.ind_index >= self.ind_top + visible:
            self.ind_top = self.ind_index - visible + 1
        self.ind_top = max(0, min(self.ind_top, len(indicators) - visible))
        label_font = self.font(BODY)
        value_font = self.font(BODY + 1, bold=True)
        delta_font = self.font(SMALL + 1, bold=True)
        delta_w = textlib.width_of(delta_font, "+00.0") + self.px(4)
        value_w = textlib.width_of(value_font, "100") + self.px(6)
        spark_w = self.px(64) if area.width >= self.px(330) else self.px(40)
        for row, indicator in enumerate(indicators[self.ind_top : self.ind_top + visible]):
            index = self.ind_top + row
            box = pygame.Rect(area.left, area.top + row * row_h, area.width, row_h - self.px(2))
            selected = index == self.ind_index
            if selected:
                pygame.draw.rect(surface, palette.panel_alt, box, border_radius=self.px(5))
                if focused:
                    pygame.draw.rect(surface, palette.focus, box, width=max(1, self.px(2)), border_radius=self.px(5))
            elif self.hover == ("ind", index):
                pygame.draw.rect(surface, mix(palette.panel, palette.panel_alt, 0.6), box, border_radius=self.px(5))
            shown = self.shown[indicator.id]
            value = shown.value
            inner = box.inflate(-self.px(12), 0)
            x_delta = inner.right - delta_w
            x_value = x_delta - value_w
            x_spark = x_value - spark_w - self.px(8)
            # Label with its gauge underneath, centred in the row; numbers on the label's line.
            gauge_h = self.px(4)
            note_h = note_font.get_linesize() + self.px(2) if noted else 0
            block = label_font.get_linesize() + self.px(2) + gauge_h + note_h
            text_y = box.centery - block // 2
            textlib.draw(
                surface,
                self.say(indicator.label),
                (inner.left, text_y),
                font=label_font,
                colour=palette.text,
                max_width=x_spark - inner.left - self.px(8),
            )
            if noted:
                textlib.draw(
                    surface,
                    yours_words(shown.yours),
                    (inner.left, text_y + block - note_h + self.px(2)),
                    font=note_font,
                    colour=palette.muted,
                    max_width=x_spark - inner.left - self.px(8),
                )
            gauge(
                surface,
                pygame.Rect(inner.left, text_y + block - gauge_h - note_h, x_spark - inner.left - self.px(8), gauge_h),
                value=value,
                low=indicator.min,
                high=indicator.max,
                palette=palette,
                good=yours(shown),
            )
            spark_h = min(box.height - self.px(10), self.px(26))
            sparkline(
                surface,
                pygame.Rect(x_spark, box.centery - spark_h // 2, spark_w, spark_h),
                self.series[indicator.id],
                colour=mix(palette.muted, palette.accent, 0.6),
            )
            textlib.draw(
                surface,
                num(value),
                (x_value + value_w - self.px(4), text_y - self.px(1)),
                font=value_font,
                colour=palette.text,
                align="right",
            )
            delta = float(num(value)) - float(num(shown.before))  # as shown: the numbers add up
            delta_text = signed(delta) if delta else "–"
            textlib.draw(
                surface,
                delta_text,
                (inner.right, text_y + self.px(1)),
                font=delta_font,
                colour=gain_colour(bool(delta), shown.gain, palette),
                align="right",
            )
            self.hits.append((box, "ind", index))
        self.more_marks(surface, area, self.ind_top > 0, self.ind_top + visible < len(indicators))

    def _draw_actions(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        palette, game = self.palette, self.game
        focused = self.zone == "actions"
        self.panel(surface, rect, focused=focused and self.layout == "wide")
        pad = self.pad
        page_index = self.page_of(self.act_index)
        title_rect = pygame.Rect(rect.left + pad, rect.top + pad, rect.width - 2 * pad, 40)
        nav_w = self._draw_page_nav(surface, title_rect, page_index)
        title = "Your actions" if self.capital_in_header else self.capital_text()
        self.panel_title(
            surface, pygame.Rect(title_rect.left, title_rect.top, title_rect.width - nav_w, title_rect.height), title
        )
        area = self._list_area(rect)
        _, family_h = self._row_heights()
        label_font, small = self.font(BODY), self.font(SMALL)
        family_font = self.font(SMALL, bold=True)
        num_font = self.font(SMALL + 1, bold=True)
        y = area.top
        for row in self.pages[page_index] if self.pages else []:
            if row.action < 0:
                textlib.draw(
                    surface,
                    family_label(game, row.family).upper(),
                    (area.left + self.px(4), y + self.px(4)),
                    font=family_font,
                    colour=palette.accent,
                    max_width=area.width,
                )
                y += family_h
                continue
            action = self.actions[row.action]
            status = self.status.get(action.id, "")
            action_h = self._action_height(row.action)
            box = pygame.Rect(area.left, y, area.width, action_h - self.px(2))
            selected = row.action == self.act_index
            if status == "committed":
                pygame.draw.rect(surface, mix(palette.panel, palette.accent, 0.18), box, border_radius=self.px(5))
            if selected:
                pygame.draw.rect(
                    surface,
                    palette.panel_alt if status != "committed" else mix(palette.panel, palette.accent, 0.3),
                    box,
                    border_radius=self.px(5),
                )
                if focused:
                    pygame.draw.rect(surface, palette.focus, box, width=max(1, self.px(2)), border_radius=self.px(5))
            elif self.hover == ("act", row.action):
                pygame.draw.rect(surface, mix(palette.panel, palette.panel_alt, 0.6), box, border_radius=self.px(5))
            open_ = status in ("available", "committed")
            text_colour = palette.text if open_ else palette.muted
            # The number key, as a box that is ticked when committed.
            key_box = pygame.Rect(box.left + self.px(6), box.top + self.px(6), self.px(24), self.px(24))
            if status == "committed":
                pygame.draw.rect(surface, palette.accent, key_box, border_radius=self.px(4))
                self.check_mark(surface, key_box.inflate(-self.px(6), -self.px(6)), palette.background)
            else:
                border = palette.accent if open_ else palette.border
                if self.hover == ("num", row.action) and open_:
                    pygame.draw.rect(surface, palette.panel_alt, key_box, border_radius=self.px(4))
                if row.number <= PAGE_SIZE:  # a number key; past nine the number is shown without a key's box
                    pygame.draw.rect(surface, border, key_box, width=max(1, self.px(1)), border_radius=self.px(4))
                textlib.draw(
                    surface,
                    str(row.number),
                    (key_box.centerx, key_box.top + self.px(2)),
                    font=num_font,
                    colour=text_colour,
                    align="center",
                )
            self.hits.append((key_box.inflate(self.px(6), self.px(6)), "num", row.action))
            cost_text = f"{action.cost}"
            cost_w = textlib.width_of(num_font, cost_text) + self.px(18)
            text_x = key_box.right + self.px(8)
            textlib.draw(
                surface,
                self.say(action.label),
                (text_x, box.top + self.px(3)),
                font=label_font,
                colour=text_colour,
                max_width=box.right - cost_w - text_x - self.px(6),
            )
            self._draw_cost(
                surface,
                pygame.Rect(box.right - cost_w - self.px(4), box.top + self.px(5), cost_w, num_font.get_linesize()),
                action.cost,
                open_,
            )
            colour = self._second_line(row.action)[1]
            line_y = box.top + self.px(3) + label_font.get_linesize()
            for line in self._second_lines(row.action):
                textlib.draw(
                    surface,
                    line,
                    (text_x, line_y),
                    font=small,
                    colour=colour,
                    max_width=box.right - text_x - self.px(8),
                )
                line_y += small.get_linesize()
            self.hits.append((box, "act", row.action))
            y += action_h

    def _draw_page_nav(self, surface: pygame.Surface, rect: pygame.Rect, page_index: int) -> int:
        """``< 1 / 3 > PgUp/PgDn`` at the top right of the action list; returns the width it takes."""
        if len(self.pages) < 2:
            return 0
        palette = self.palette
        font = self.font(SMALL + 1, bold=True)
        hint_font = self.font(SMALL)
        line = font.get_linesize()
        text = f"{page_index + 1} / {len(self.pages)}"
        hint = "PgUp/PgDn"
        arrow = line
        text_w = textlib.width_of(font, text)
        hint_w = textlib.width_of(hint_font, hint) + self.px(8)
        width = 2 * arrow + text_w + self.px(12)
        show_hint = width + hint_w <= rect.width // 2
        x = rect.right - width - (hint_w if show_hint else 0)
        for step in (-1, 1):
            box = pygame.Rect(x, rect.top, arrow, line)
            enabled = 0 <= page_index + step < len(self.pages)
            hover = self.hover == ("page", step)
            colour = (palette.text if hover else palette.accent) if enabled else palette.border
            mid, half = box.centery, box.height // 4
            if step < 0:
                points = [(box.right - half, mid - half), (box.left + half, mid), (box.right - half, mid + half)]
            else:
                points = [(box.left + half, mid - half), (box.right - half, mid), (box.left + half, mid + half)]
            pygame.draw.polygon(surface, colour, points)
            if enabled:
                self.hits.append((box.inflate(self.px(8), self.px(8)), "page", step))
            if step < 0:
                textlib.draw(surface, text, (box.right + self.px(6), rect.top), font=font, colour=palette.text)
                x = box.right + text_w + self.px(12)
        if show_hint:
            textlib.draw(
                surface,
                hint,
                (rect.right, rect.top + font.get_ascent() - hint_font.get_ascent()),
                font=hint_font,
                colour=palette.muted,
                align="right",
            )
        return width + (hint_w if show_hint else 0) + self.px(8)

    def _draw_cost(self, surface: pygame.Surface, rect: pygame.Rect, cost: int, open_: bool) -> None:
        palette = self.palette
        font = self.font(SMALL + 1, bold=True)
        colour = palette.neutral if open_ else palette.muted
        pill = pygame.Rect(rect.left, rect.top, rect.width, rect.height)
        pygame.draw.rect(surface, mix(palette.panel, colour, 0.15), pill, border_radius=rect.height // 2)
        pygame.draw.circle(surface, colour, (pill.left + self.px(8), pill.centery), self.px(3))
        textlib.draw(surface, str(cost), (pill.right - self.px(6), pill.top), font=font, colour=colour, align="right")

    # ----------------------------------------------------------------- details and news
    def _draw_detail(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        self.panel(surface, rect)
        pad = self.pad
        showing_action = self.zone == "actions" and self.action is not None
        title = "Selected action" if showing_action else "Selected indicator"
        top = (
            rect.top
            + pad
            + self.panel_title(
                surface,
                pygame.Rect(rect.left + pad, rect.top + pad, rect.width - 2 * pad, 40),
                title,
                note="Shift+Up/Down scrolls",
            )
        )
        bottom = rect.bottom - pad
        if showing_action:
            bottom = self.commit_button.rect.top - self.px(6)
        view = pygame.Rect(rect.left + pad, top, rect.width - 2 * pad, max(1, bottom - top))
        bar = self.px(5)
        doc = self._action_doc() if showing_action else self._indicator_doc()
        self.detail_scroll.draw(
            surface,
            view,
            doc.render(ScrollView.content_width(view, bar)),
            palette=self.palette,
            bar=bar,
            fade=self.palette.panel,
        )

    def _doc(self) -> Document:
        return Document(lambda size, bold: self.font(size, bold=bold), self.px)

    def _action_doc(self) -> Document:
        action = self.action
        assert action is not None
        key = ("action", action.id, self._version, self._number_of(self.act_index))
        if self._detail_doc is not None and self._detail_doc[0] == key:
            return self._detail_doc[1]
        palette, game = self.palette, self.game
        doc = self._doc()
        doc.heading(self.say(action.label), colour=palette.text, size=HEADING - 1, gap=2)
        rest = (
            f" · rests {action.cooldown} turn{'s' if action.cooldown > 1 else ''} after use" if action.cooldown else ""
        )
        doc.para(
            f"{family_label(game, action.family)} · costs {action.cost} capital{rest}",
            colour=palette.muted,
            size=SMALL,
            gap=6,
        )
        status = self.status.get(action.id, "")
        number = self._number_of(self.act_index)
        if status == "committed":
            doc.para(
                f"Committed for this turn. Press {number} or Enter to withdraw it.",
                colour=palette.accent,
                size=SMALL + 1,
                bold=True,
                gap=8,
            )
        elif status == "available":
            doc.para(
                f"Available. Press {number} or Enter to commit it.",
                colour=palette.good,
                size=SMALL + 1,
                bold=True,
                gap=8,
            )
        else:
            doc.para(f"Not available now: {status}.", colour=palette.bad, size=SMALL + 1, bold=True, gap=8)
        doc.para(self.say(action.description), colour=palette.text, size=BODY - 1, gap=10)
        if action.contested:
            doc.para("A RULE PEOPLE DISPUTE", colour=palette.focus, size=SMALL, bold=True, gap=3)
            doc.para(self.say(action.contested), colour=palette.text, size=SMALL + 1, gap=10)
        forecast = self.forecasts[action.id]
        for title, items in (
            ("Expected now", visible(game, forecast.immediate)),
            ("Expected later", visible(game, forecast.delayed)),
        ):
            if not items:
                continue
            doc.para(title.upper(), colour=palette.muted, size=SMALL, bold=True, gap=3)
            for item in items:
                shown = self.shown[item.indicator]
                value = shown.value
                runs = [
                    (f"{indicator_label(game, item.indicator)} ", palette.text, False),
                    (change_words(item), news_colour(item.delta, yours(shown), palette), True),
                    (f" {timing_phrase(item, game.turn, game.scenario.turns)}", palette.muted, False),
                ]
                if item.delay == 0 and item.duration == 1:
                    runs.append((f" ({num(value)} to {num(value + item.delta)})", palette.muted, False))
                doc.para(runs, size=BODY - 1, indent=8, gap=2)
            doc.space(6)
        if not visible(game, forecast.items):
            doc.para("No direct effect.", colour=palette.muted, size=BODY - 1, gap=6)
        doc.para(
            "Forecasts leave out the currents and the other side's moves.", colour=palette.muted, size=SMALL, gap=6
        )
        if action.sources:
            credits = "; ".join(source_credit(game.scenario.source(s)) for s in action.sources)
            doc.para(f"Source: {credits}", colour=palette.muted, size=SMALL, gap=4)
        self._detail_doc = (key, doc)
        return doc

    def _indicator_doc(self) -> Document:
        indicator_id = self.indicator_id
        key = ("indicator", indicator_id, self._version)
        if self._detail_doc is not None and self._detail_doc[0] == key:
            return self._detail_doc[1]
        palette, game = self.palette, self.game
        indicator = game.scenario.indicator(indicator_id)
        shown = self.shown[indicator_id]
        value, before, good = shown.value, shown.before, yours(shown)
        doc = self._doc()
        doc.heading(shown.label, colour=palette.text, size=HEADING - 1, gap=2)
        doc.para(
            [
                (num(value), palette.text, True),
                (
                    f"  on a scale of {num(shown.low)} to {num(shown.high)} · {yours_words(shown.yours)}",
                    palette.muted,
                    False,
                ),
            ],
            size=BODY,
            gap=4,
        )

        def draw_gauge(surface: pygame.Surface, rect: pygame.Rect) -> None:
            gauge(
                surface, rect, value=value, low=shown.low, high=shown.high, previous=before, palette=palette, good=good
            )

        doc.custom(9, draw_gauge, gap=6)
        delta = float(num(value)) - float(num(before))
        since = "since the start" if game.turn == 1 else "since last turn"
        if delta:
            doc.para(
                [
                    (signed(delta), gain_colour(bool(delta), shown.gain, palette), True),
                    (f" {since} (from {num(before)})", palette.muted, False),
                ],
                size=SMALL + 1,
                gap=6,
            )
        else:
            doc.para(f"No change {since}.", colour=palette.muted, size=SMALL + 1, gap=6)
        doc.para("WHY DID THIS MOVE?", colour=palette.muted, size=SMALL, bold=True, gap=3)
        causes = [c for c in reversed(self.seat.history) if c.indicator == indicator_id][:6]
        if not causes:
            doc.para("It has not moved yet.", colour=palette.muted, size=BODY - 1, gap=4)
        for change in causes:
            doc.para(
                [
                    (f"Turn {change.turn}  ", palette.muted, False),
                    (signed(change.delta), news_colour(change.delta, good, palette), True),
                    (f"  {cause_text(game, change)}", palette.text, False),
                    (f" ({cause_owner(game, change, (self.role,))})", palette.muted, False),
                ],
                size=BODY - 1,
                gap=3,
            )
        doc.space(8)
        history = self.series[indicator_id]
        first, last = f"Start {num(history[0])}", f"Now {num(history[-1])}"

        def draw_history(surface: pygame.Surface, rect: pygame.Rect) -> None:
            font = self.font(SMALL)
            first_w, last_w = textlib.width_of(font, first), textlib.width_of(font, last)
            line = pygame.Rect(
                rect.left + first_w + self.px(8), rect.top, rect.width - first_w - last_w - 2 * self.px(8), rect.height
            )
            y = rect.centery - font.get_linesize() // 2
            textlib.draw(surface, first, (rect.left, y), font=font, colour=palette.muted)
            textlib.draw(surface, last, (rect.right, y), font=font, colour=palette.muted, align="right")
            sparkline(surface, line, history, colour=palette.accent, width=2)

        doc.para("OVER THE GAME", colour=palette.muted, size=SMALL, bold=True, gap=2)
        doc.custom(34, draw_history, gap=8)
        doc.para("ABOUT", colour=palette.muted, size=SMALL, bold=True, gap=3)
        doc.para(self.say(indicator.description), colour=palette.text, size=BODY - 1, gap=10)
        self._detail_doc = (key, doc)
        return doc

    def _draw_news(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        self.panel(surface, rect)
        pad = self.pad
        top = (
            rect.top
            + pad
            + self.panel_title(surface, pygame.Rect(rect.left + pad, rect.top + pad, rect.width - 2 * pad, 40), "News")
        )
        view = pygame.Rect(rect.left + pad, top, rect.width - 2 * pad, max(1, rect.bottom - pad - top))
        bar = self.px(5)
        self.news_scroll.draw(
            surface,
            view,
            self._news().render(ScrollView.content_width(view, bar)),
            palette=self.palette,
            bar=bar,
            fade=self.palette.panel,
        )

    def _news(self) -> Document:
        key = ("news", self._version)
        if self._news_doc is not None and self._news_doc[0] == key:
            return self._news_doc[1]
        palette, game, match = self.palette, self.game, self.match
        doc = self._doc()
        turn = game.turn
        calendar = game.scenario.calendar
        doc.para(f"THIS TURN · {calendar.label(turn).upper()}", colour=palette.muted, size=SMALL, bold=True, gap=4)
        news = self.seat.news
        events = news_entries(game, news, turn, kinds=(NewsKind.EVENT, NewsKind.CHOICE))
        if not events:
            doc.para("A quiet quarter: no news.", colour=palette.muted, size=BODY - 1, gap=8)
        asked = {entry.source for entry in events if entry.kind is NewsKind.EVENT and entry.decider}
        for entry in events:
            if entry.kind is NewsKind.EVENT:
                doc.para(entry.title, colour=palette.text, size=BODY, bold=True, gap=2)
                doc.para(entry.text, colour=palette.muted, size=SMALL + 1, gap=2 if entry.decider else 4)
                if entry.decider:
                    self._decider_line(doc, entry)
            elif entry.source not in asked:  # a choice shows under its event, when the event is in this list
                who = "You" if entry.role == self.role else match.role_name(entry.role)
                doc.para(
                    [(f"{who} answered: ", palette.muted, False), (entry.title, palette.text, True)],
                    size=SMALL + 1,
                    gap=6,
                )
        self._negotiation_news(doc)
        if turn > 1:
            doc.space(6)
            for role in game.scenario.roles:
                if role.id == self.role:
                    continue
                doc.para(
                    f"LAST TURN · {match.role_name(role.id).upper()}",
                    colour=palette.muted,
                    size=SMALL,
                    bold=True,
                    gap=4,
                )
                moves = news_entries(game, news, turn - 1, roles=(role.id,), kinds=(NewsKind.ACTION, NewsKind.CHOICE))
                if not moves:
                    doc.para("No action.", colour=palette.muted, size=BODY - 1, gap=6)
                for entry in moves:
                    if entry.kind is NewsKind.ACTION:
                        doc.para(entry.title, colour=palette.text, size=BODY - 1, bold=True, gap=4)
                    else:
                        doc.para(
                            [
                                ("Answered ", palette.muted, False),
                                (entry.text, palette.text, False),
                                (": ", palette.muted, False),
                                (entry.title, palette.text, True),
                            ],
                            size=BODY - 1,
                            gap=4,
                        )
                doc.space(4)
            mine = news_entries(game, news, turn - 1, roles=(self.role,), kinds=(NewsKind.ACTION,))
            doc.para("LAST TURN · YOU", colour=palette.muted, size=SMALL, bold=True, gap=4)
            doc.para(
                ", ".join(e.title for e in mine) if mine else "No action.", colour=palette.muted, size=BODY - 1, gap=4
            )
        self._news_doc = (key, doc)
        return doc

    def _decider_line(self, doc: Document, entry: NewsEntry) -> None:
        """Under news that asks a side for a choice: who decides, or what they chose (public news only)."""
        palette = self.palette
        mine = entry.decider == self.role
        who = "You" if mine else self.match.role_name(entry.decider)
        if entry.decision:
            doc.para(
                [(f"{who} chose: ", palette.muted, False), (entry.decision, palette.text, True)], size=SMALL + 1, gap=6
            )
        else:
            doc.para(
                f"{who} decide." if mine else f"{who} decides.", colour=palette.text, size=SMALL + 1, bold=True, gap=6
            )

    def _negotiation_news(self, doc: Document) -> None:
        """A compact summary of the negotiation: the agreements and their status, trust with each other side."""
        game, match, palette = self.game, self.match, self.palette
        if not match.has_negotiation:
            return
        agreements = self._my_agreements()
        in_force = [a for a in agreements if a.open and not a.broken]
        broken = sum(1 for a in agreements if a.broken)
        done = sum(1 for a in agreements if not a.open and not a.broken)
        doc.space(4)
        doc.para("NEGOTIATION · P OPENS THE TABLE", colour=palette.muted, size=SMALL, bold=True, gap=4)
        counts = f"{plural(len(in_force), 'agreement')} in force"
        if done:
            counts += f", {done} fully implemented"
        if broken:
            counts += f", {broken} broken"
        doc.para(counts + ".", colour=palette.text, size=BODY - 1, gap=3)
        for agreement in in_force:
            pending = [p for p in agreement.items if p.status is ItemStatus.PENDING]
            end = max(p.end for p in pending)
            doc.para(
                [
                    (f"{agreement_name(agreement.id).capitalize()}: ", palette.text, True),
                    (
                        f"{plural(len(pending), 'item')} still to implement, until {game.scenario.calendar.label(end)}",
                        palette.muted,
                        False,
                    ),
                ],
                size=SMALL + 1,
                indent=8,
                gap=2,
            )
        for role in game.scenario.roles:
            if role.id != self.role:
                doc.para(
                    f"Trust with {match.role_name(role.id)}: {num(self.seat.trust[role.id])} of 100.",
                    colour=palette.muted,
                    size=SMALL + 1,
                    gap=2,
                )
        doc.space(4)
