"""The indicator list: each indicator's name, gauge, sparkline, value and change since last turn."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.engine import Indicator
from game.i18n import tr
from game.ui.screens.board.layout import list_area
from game.ui.screens.board.state import BoardState
from game.ui.screens.ingame import BODY, SMALL, GameScreen
from game.ui.screens.wording import num, signed, yours, yours_words
from game.ui.widgets import gain_colour, gauge, mix, sparkline
from game.ui.widgets import text as textlib


@dataclass(frozen=True)
class Columns:
    """Where a row's parts go, left to right: the label (with its gauge), the sparkline, the value, the change."""

    spark_w: int
    value_w: int
    delta_w: int
    noted: bool  # each row also says what the seat's score wants of the indicator


class IndicatorList:
    """The list of the scenario's shown indicators; the selected one is detailed in the details panel.

    It keeps the selected row in view (writing the first row shown back to ``state.ind_top``) and records a hit
    area per row, so a click selects that indicator.
    """

    def __init__(self, screen: GameScreen, state: BoardState) -> None:
        self.screen = screen
        self.state = state

    def area(self, rect: pygame.Rect) -> pygame.Rect:
        """The part of the panel ``rect`` that holds the rows (under the title)."""
        return list_area(self.screen, self.state.pad, rect)

    def draw(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """The panel with its title and the rows that fit, with marks when the list goes on above or below."""
        screen, state, game = self.screen, self.state, self.screen.game
        focused = state.zone == "indicators"
        screen.panel(surface, rect, focused=focused and state.layout == "wide")
        pad = state.pad
        since = tr("since the start") if game.turn == 1 else tr("since last turn")
        screen.panel_title(
            surface,
            pygame.Rect(rect.left + pad, rect.top + pad, rect.width - 2 * pad, 40),
            tr("Indicators"),
            note=tr("change {since}", since=since),
        )
        area = self.area(rect)
        indicators = game.scenario.shown_indicators
        row_h, noted = self._row_height(area, len(indicators))
        visible = max(1, area.height // row_h)
        self._keep_in_view(visible, len(indicators))
        columns = Columns(
            spark_w=screen.px(64) if area.width >= screen.px(330) else screen.px(40),
            value_w=textlib.width_of(screen.font(BODY + 1, bold=True), "100") + screen.px(6),
            delta_w=textlib.width_of(screen.font(SMALL + 1, bold=True), "+00.0") + screen.px(4),
            noted=noted,
        )
        for row, indicator in enumerate(indicators[state.ind_top : state.ind_top + visible]):
            index = state.ind_top + row
            box = pygame.Rect(area.left, area.top + row * row_h, area.width, row_h - screen.px(2))
            self._draw_row(surface, box, index, indicator, columns)
            state.add_hit(box, "ind", index)
        screen.more_marks(surface, area, state.ind_top > 0, state.ind_top + visible < len(indicators))

    def _row_height(self, area: pygame.Rect, count: int) -> tuple[int, bool]:
        """A row's height, and whether there is room for each row's note (a tall window)."""
        row_h = self.screen.font(BODY).get_linesize() + self.screen.px(14)
        note_line = self.screen.font(SMALL).get_linesize()
        noted = area.height // count >= round((row_h + note_line) * 1.15)
        if noted:
            row_h += note_line
        return max(row_h, min(round(row_h * 1.3), area.height // count)), noted  # use the room there is

    def _keep_in_view(self, visible: int, count: int) -> None:
        """Scroll the list so the selected row shows."""
        state = self.state
        if state.ind_index < state.ind_top:
            state.ind_top = state.ind_index
        elif state.ind_index >= state.ind_top + visible:
            state.ind_top = state.ind_index - visible + 1
        state.ind_top = max(0, min(state.ind_top, count - visible))

    def _draw_row(
        self, surface: pygame.Surface, box: pygame.Rect, index: int, indicator: Indicator, columns: Columns
    ) -> None:
        """One indicator: its label with its gauge underneath, centred in the row; numbers on the label's line."""
        screen, state, palette = self.screen, self.state, self.screen.palette
        px = screen.px
        if index == state.ind_index:
            pygame.draw.rect(surface, palette.panel_alt, box, border_radius=px(5))
            if state.zone == "indicators":
                pygame.draw.rect(surface, palette.focus, box, width=max(1, px(2)), border_radius=px(5))
        elif state.hover == ("ind", index):
            pygame.draw.rect(surface, mix(palette.panel, palette.panel_alt, 0.6), box, border_radius=px(5))
        shown = state.shown[indicator.id]
        label_font, note_font = screen.font(BODY), screen.font(SMALL)
        inner = box.inflate(-px(12), 0)
        x_delta = inner.right - columns.delta_w
        x_value = x_delta - columns.value_w
        x_spark = x_value - columns.spark_w - px(8)
        gauge_h = px(4)
        note_h = note_font.get_linesize() + px(2) if columns.noted else 0
        block = label_font.get_linesize() + px(2) + gauge_h + note_h
        text_y = box.centery - block // 2
        label_w = x_spark - inner.left - px(8)
        textlib.draw(
            surface,
            screen.say(indicator.label),
            (inner.left, text_y),
            font=label_font,
            colour=palette.text,
            max_width=label_w,
        )
        if columns.noted:
            textlib.draw(
                surface,
                yours_words(shown.yours),
                (inner.left, text_y + block - note_h + px(2)),
                font=note_font,
                colour=palette.muted,
                max_width=label_w,
            )
        gauge(
            surface,
            pygame.Rect(inner.left, text_y + block - gauge_h - note_h, label_w, gauge_h),
            value=shown.value,
            low=indicator.min,
            high=indicator.max,
            palette=palette,
            good=yours(shown),
        )
        spark_h = min(box.height - px(10), px(26))
        sparkline(
            surface,
            pygame.Rect(x_spark, box.centery - spark_h // 2, columns.spark_w, spark_h),
            state.series[indicator.id],
            colour=mix(palette.muted, palette.accent, 0.6),
        )
        self._draw_numbers(surface, inner.right, x_value + columns.value_w - px(4), text_y, indicator.id)

    def _draw_numbers(self, surface: pygame.Surface, right: int, value_right: int, text_y: int, ind: str) -> None:
        """The indicator's value and its change since last turn, both right-aligned."""
        screen, palette = self.screen, self.screen.palette
        shown = self.state.shown[ind]
        value = shown.value
        textlib.draw(
            surface,
            num(value),
            (value_right, text_y - screen.px(1)),
            font=screen.font(BODY + 1, bold=True),
            colour=palette.text,
            align="right",
        )
        delta = float(num(value)) - float(num(shown.before))  # as shown: the numbers add up
        textlib.draw(
            surface,
            signed(delta) if delta else "–",
            (right, text_y + screen.px(1)),
            font=screen.font(SMALL + 1, bold=True),
            colour=gain_colour(bool(delta), shown.gain, palette),
            align="right",
        )
