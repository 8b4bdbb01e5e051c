"""The action list: your actions by family, in pages that fit, each with its number key, cost and forecast in short.

Each action keeps its number in the menu on every page (the terminal's numbering), so a number key always means the
same action; past nine the number is shown without a key's box and Enter commits the selected action.
"""

from __future__ import annotations

import pygame

from game.engine import Action
from game.i18n import tr
from game.present import family_label, indicator_label, visible
from game.ui.screens.board.layout import list_area
from game.ui.screens.board.state import PAGE_SIZE, BoardState, Row
from game.ui.screens.ingame import BODY, SMALL, GameScreen
from game.ui.screens.wording import change_words
from game.ui.widgets import mix
from game.ui.widgets import text as textlib
from game.ui.widgets.charts import Colour


class ActionList:
    """The list of the seat's actions: splits them into pages, draws the page in view and records hit areas (a
    row selects its action, its number box commits or withdraws it, the arrows turn the page)."""

    def __init__(self, screen: GameScreen, state: BoardState) -> None:
        self.screen = screen
        self.state = state

    # ----------------------------------------------------------------- texts
    def summary(self, action: Action) -> str:
        """What an action does at a glance: its first three forecast changes."""
        game = self.screen.game
        items = visible(game, self.state.forecasts[action.id].items)[:3]
        return ", ".join(f"{indicator_label(game, i.indicator)} {change_words(i)}" for i in items) or tr(
            "no direct effect"
        )

    def second_line(self, index: int) -> tuple[str, Colour]:
        """The line under an action's name: committed, its forecast in short, or why it is not open now."""
        state = self.state
        action = state.actions[index]
        status = state.status.get(action.id, "")
        palette = self.screen.palette
        if status == "committed":
            number = index + 1
            how = tr("press {number} to withdraw", number=number) if number <= PAGE_SIZE else tr("Enter withdraws it")
            return tr("Committed · {how}", how=how), palette.accent
        if status == "available":
            return state.summaries[action.id], palette.muted  # drawn in short by second_lines
        return tr("Not now: {status}", status=status), mix(palette.muted, palette.bad, 0.45)

    def second_lines(self, index: int, rect: pygame.Rect) -> tuple[str, ...]:
        """The line under an action's name in the list ``rect``, never cut off: its forecast in short keeps the
        changes that fit on one line and says how many more the details show; why it is not open now wraps onto up
        to three lines."""
        screen = self.screen
        width = max(1, self.area(rect).width - screen.px(46))
        font = screen.font(SMALL)
        action = self.state.actions[index]
        if self.state.status.get(action.id, "") == "available":
            return (self._fitting_summary(action, font, width),)
        lines = textlib.wrap(font, self.second_line(index)[0], width)
        return lines[:3] if lines else ("",)

    def _fitting_summary(self, action: Action, font: pygame.font.Font, width: int) -> str:
        """As many of the action's forecast changes as fit whole on one line, then ``and 2 more``."""
        game = self.screen.game
        parts = [
            f"{indicator_label(game, i.indicator)} {change_words(i)}"
            for i in visible(game, self.state.forecasts[action.id].items)
        ]
        return textlib.fit_parts(font, parts, width) if parts else tr("no direct effect")

    # ----------------------------------------------------------------- pages
    def _family_height(self) -> int:
        return self.screen.font(SMALL, bold=True).get_linesize() + self.screen.px(8)

    def _action_height(self, index: int, rect: pygame.Rect) -> int:
        """The height of one action's row: its name and its wrapped second line."""
        screen = self.screen
        lines = len(self.second_lines(index, rect))
        return screen.font(BODY).get_linesize() + self.state.pad + lines * screen.font(SMALL).get_linesize()

    def paginate(self, rect: pygame.Rect) -> list[list[Row]]:
        """Split the actions into pages that fit the list ``rect``, each family under its heading."""
        height = self.area(rect).height
        family_h = self._family_height()
        pages: list[list[Row]] = [[]]
        used = 0
        family = None
        for index, action in enumerate(self.state.actions):
            page = pages[-1]
            action_h = self._action_height(index, rect)
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

    # ----------------------------------------------------------------- drawing
    def area(self, rect: pygame.Rect) -> pygame.Rect:
        """The part of the panel ``rect`` that holds the rows (under the title)."""
        return list_area(self.screen, self.state.pad, rect)

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, title: str) -> None:
        """The panel with ``title``, the page navigation and the rows of the page showing the selected action."""
        screen, state = self.screen, self.state
        screen.panel(surface, rect, focused=state.zone == "actions" and state.layout == "wide")
        pad = state.pad
        page_index = state.page_of(state.act_index)
        title_rect = pygame.Rect(rect.left + pad, rect.top + pad, rect.width - 2 * pad, 40)
        nav_w = self._draw_page_nav(surface, title_rect, page_index)
        screen.panel_title(
            surface, pygame.Rect(title_rect.left, title_rect.top, title_rect.width - nav_w, title_rect.height), title
        )
        area = self.area(rect)
        family_h = self._family_height()
        family_font = screen.font(SMALL, bold=True)
        y = area.top
        for row in state.pages[page_index] if state.pages else []:
            if row.action < 0:
                textlib.draw(
                    surface,
                    family_label(screen.game, row.family).upper(),
                    (area.left + screen.px(4), y + screen.px(4)),
                    font=family_font,
                    colour=screen.palette.accent,
                    max_width=area.width,
                )
                y += family_h
                continue
            action_h = self._action_height(row.action, rect)
            box = pygame.Rect(area.left, y, area.width, action_h - screen.px(2))
            self._draw_row(surface, box, row, rect)
            state.add_hit(box, "act", row.action)
            y += action_h

    def _draw_row(self, surface: pygame.Surface, box: pygame.Rect, row: Row, rect: pygame.Rect) -> None:
        """One action: its number box, name, cost and second line, on a background telling its state."""
        screen, state, palette = self.screen, self.state, self.screen.palette
        px = screen.px
        action = state.actions[row.action]
        status = state.status.get(action.id, "")
        if status == "committed":
            pygame.draw.rect(surface, mix(palette.panel, palette.accent, 0.18), box, border_radius=px(5))
        if row.action == state.act_index:
            pygame.draw.rect(
                surface,
                palette.panel_alt if status != "committed" else mix(palette.panel, palette.accent, 0.3),
                box,
                border_radius=px(5),
            )
            if state.zone == "actions":
                pygame.draw.rect(surface, palette.focus, box, width=max(1, px(2)), border_radius=px(5))
        elif state.hover == ("act", row.action):
            pygame.draw.rect(surface, mix(palette.panel, palette.panel_alt, 0.6), box, border_radius=px(5))
        open_ = status in ("available", "committed")
        text_colour = palette.text if open_ else palette.muted
        key_box = pygame.Rect(box.left + px(6), box.top + px(6), px(24), px(24))
        self._draw_number_box(surface, key_box, row, status == "committed", open_)
        num_font, label_font, small = screen.font(SMALL + 1, bold=True), screen.font(BODY), screen.font(SMALL)
        cost_w = textlib.width_of(num_font, f"{action.cost}") + px(18)
        text_x = key_box.right + px(8)
        textlib.draw(
            surface,
            screen.say(action.label),
            (text_x, box.top + px(3)),
            font=label_font,
            colour=text_colour,
            max_width=box.right - cost_w - text_x - px(6),
        )
        self._draw_cost(
            surface,
            pygame.Rect(box.right - cost_w - px(4), box.top + px(5), cost_w, num_font.get_linesize()),
            action.cost,
            open_,
        )
        colour = self.second_line(row.action)[1]
        line_y = box.top + px(3) + label_font.get_linesize()
        for line in self.second_lines(row.action, rect):
            textlib.draw(
                surface, line, (text_x, line_y), font=small, colour=colour, max_width=box.right - text_x - px(8)
            )
            line_y += small.get_linesize()

    def _draw_number_box(
        self, surface: pygame.Surface, key_box: pygame.Rect, row: Row, committed: bool, open_: bool
    ) -> None:
        """The action's number key, as a box that is ticked when committed (a click on it commits or withdraws)."""
        screen, palette = self.screen, self.screen.palette
        px = screen.px
        if committed:
            pygame.draw.rect(surface, palette.accent, key_box, border_radius=px(4))
            screen.check_mark(surface, key_box.inflate(-px(6), -px(6)), palette.background)
        else:
            border = palette.accent if open_ else palette.border
            if self.state.hover == ("num", row.action) and open_:
                pygame.draw.rect(surface, palette.panel_alt, key_box, border_radius=px(4))
            if row.number <= PAGE_SIZE:  # a number key; past nine the number is shown without a key's box
                pygame.draw.rect(surface, border, key_box, width=max(1, px(1)), border_radius=px(4))
            textlib.draw(
                surface,
                str(row.number),
                (key_box.centerx, key_box.top + px(2)),
                font=screen.font(SMALL + 1, bold=True),
                colour=palette.text if open_ else palette.muted,
                align="center",
            )
        self.state.add_hit(key_box.inflate(px(6), px(6)), "num", row.action)

    def _draw_page_nav(self, surface: pygame.Surface, rect: pygame.Rect, page_index: int) -> int:
        """``< 1 / 3 > PgUp/PgDn`` at the top right of the action list; returns the width it takes."""
        pages = self.state.pages
        if len(pages) < 2:
            return 0
        screen, palette = self.screen, self.screen.palette
        font = screen.font(SMALL + 1, bold=True)
        hint_font = screen.font(SMALL)
        line = font.get_linesize()
        text = f"{page_index + 1} / {len(pages)}"
        hint = tr("PgUp/PgDn")
        arrow = line
        text_w = textlib.width_of(font, text)
        hint_w = textlib.width_of(hint_font, hint) + screen.px(8)
        width = 2 * arrow + text_w + screen.px(12)
        show_hint = width + hint_w <= rect.width // 2
        x = rect.right - width - (hint_w if show_hint else 0)
        for step in (-1, 1):
            box = pygame.Rect(x, rect.top, arrow, line)
            enabled = 0 <= page_index + step < len(pages)
            self._draw_arrow(surface, box, step, enabled)
            if step < 0:
                textlib.draw(surface, text, (box.right + screen.px(6), rect.top), font=font, colour=palette.text)
                x = box.right + text_w + screen.px(12)
        if show_hint:
            textlib.draw(
                surface,
                hint,
                (rect.right, rect.top + font.get_ascent() - hint_font.get_ascent()),
                font=hint_font,
                colour=palette.muted,
                align="right",
            )
        return width + (hint_w if show_hint else 0) + screen.px(8)

    def _draw_arrow(self, surface: pygame.Surface, box: pygame.Rect, step: int, enabled: bool) -> None:
        """A page arrow (left for the previous page, right for the next), clickable when that page exists."""
        palette = self.screen.palette
        hover = self.state.hover == ("page", step)
        colour = (palette.text if hover else palette.accent) if enabled else palette.border
        mid, half = box.centery, box.height // 4
        if step < 0:
            points = [(box.right - half, mid - half), (box.left + half, mid), (box.right - half, mid + half)]
        else:
            points = [(box.left + half, mid - half), (box.right - half, mid), (box.left + half, mid + half)]
        pygame.draw.polygon(surface, colour, points)
        if enabled:
            self.state.add_hit(box.inflate(self.screen.px(8), self.screen.px(8)), "page", step)

    def _draw_cost(self, surface: pygame.Surface, rect: pygame.Rect, cost: int, open_: bool) -> None:
        """The capital an action costs, in a pill."""
        screen, palette = self.screen, self.screen.palette
        font = screen.font(SMALL + 1, bold=True)
        colour = palette.neutral if open_ else palette.muted
        pill = pygame.Rect(rect.left, rect.top, rect.width, rect.height)
        pygame.draw.rect(surface, mix(palette.panel, colour, 0.15), pill, border_radius=rect.height // 2)
        pygame.draw.circle(surface, colour, (pill.left + screen.px(8), pill.centery), screen.px(3))
        textlib.draw(surface, str(cost), (pill.right - screen.px(6), pill.top), font=font, colour=colour, align="right")
