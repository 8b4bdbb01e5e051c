"""The details panel: the selected action's document (cost, status, forecast) or the selected indicator's (value
on its gauge, change, why it moved, its history over the game), scrolling inside the panel."""

from __future__ import annotations

import pygame

from game.engine import Action
from game.i18n import tr, tr_n
from game.present import cause_text, family_label, indicator_label, source_credit, visible
from game.table import IndicatorView
from game.ui.screens.board.layout import new_document
from game.ui.screens.board.state import BoardState, number_of
from game.ui.screens.ingame import BODY, HEADING, SMALL, GameScreen
from game.ui.screens.wording import cause_owner, change_words, num, signed, timing_phrase, yours, yours_words
from game.ui.widgets import Document, ScrollView, gain_colour, gauge, news_colour, sparkline
from game.ui.widgets import text as textlib


class DetailsPanel:
    """Shows the selected action when the action list has the keyboard, else the selected indicator.

    The document is built once per selection and game version (``cache``) and scrolls in ``scroll``.
    """

    def __init__(self, screen: GameScreen, state: BoardState) -> None:
        self.screen = screen
        self.state = state
        self.scroll = ScrollView()
        self.cache: tuple[tuple[object, ...], Document] | None = None

    def showing_action(self) -> bool:
        """Whether the panel shows an action (rather than an indicator)."""
        return self.state.zone == "actions" and self.state.action is not None

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, bottom: int) -> None:
        """The panel in ``rect``, its document scrolling above ``bottom`` (the Commit button's top, for an
        action)."""
        screen = self.screen
        screen.panel(surface, rect)
        pad = self.state.pad
        showing_action = self.showing_action()
        title = tr("Selected action") if showing_action else tr("Selected indicator")
        title_rect = pygame.Rect(rect.left + pad, rect.top + pad, rect.width - 2 * pad, 40)
        top = rect.top + pad + screen.panel_title(surface, title_rect, title, note=tr("Shift+Up/Down scrolls"))
        if not showing_action:
            bottom = rect.bottom - pad
        view = pygame.Rect(rect.left + pad, top, rect.width - 2 * pad, max(1, bottom - top))
        bar = screen.px(5)
        doc = self.action_doc() if showing_action else self.indicator_doc()
        self.scroll.draw(
            surface,
            view,
            doc.render(ScrollView.content_width(view, bar)),
            palette=screen.palette,
            bar=bar,
            fade=screen.palette.panel,
        )

    # ----------------------------------------------------------------- the selected action
    def action_doc(self) -> Document:
        """The selected action: its family and cost, whether it is open, what it does and what it is expected to
        change now and later, and its sources."""
        state = self.state
        action = state.action
        assert action is not None
        key = ("action", action.id, state.version, number_of(state.act_index))
        if self.cache is not None and self.cache[0] == key:
            return self.cache[1]
        doc = new_document(self.screen)
        self._action_head(doc, action)
        self._forecast(doc, action)
        if action.sources:
            game = self.screen.game
            credits = "; ".join(source_credit(game.scenario.source(s)) for s in action.sources)
            doc.para(tr("Source: {credits}", credits=credits), colour=self.screen.palette.muted, size=SMALL, gap=4)
        self.cache = (key, doc)
        return doc

    def _action_head(self, doc: Document, action: Action) -> None:
        """The action's name, family, cost, status, description and any dispute about it."""
        screen, palette = self.screen, self.screen.palette
        doc.heading(screen.say(action.label), colour=palette.text, size=HEADING - 1, gap=2)
        rest = (
            tr_n(" · rests {n} turn after use", " · rests {n} turns after use", action.cooldown)
            if action.cooldown
            else ""
        )
        doc.para(
            tr(
                "{family_label} · costs {cost} capital{rest}",
                family_label=family_label(screen.game, action.family),
                cost=action.cost,
                rest=rest,
            ),
            colour=palette.muted,
            size=SMALL,
            gap=6,
        )
        status = self.state.status.get(action.id, "")
        number = number_of(self.state.act_index)
        if status == "committed":
            text, colour = (
                tr("Committed for this turn. Press {number} or Enter to withdraw it.", number=number),
                palette.accent,
            )
        elif status == "available":
            text, colour = tr("Available. Press {number} or Enter to commit it.", number=number), palette.good
        else:
            text, colour = tr("Not available now: {status}.", status=status), palette.bad
        doc.para(text, colour=colour, size=SMALL + 1, bold=True, gap=8)
        doc.para(screen.say(action.description), colour=palette.text, size=BODY - 1, gap=10)
        if action.contested:
            doc.para(tr("A RULE PEOPLE DISPUTE"), colour=palette.focus, size=SMALL, bold=True, gap=3)
            doc.para(screen.say(action.contested), colour=palette.text, size=SMALL + 1, gap=10)

    def _forecast(self, doc: Document, action: Action) -> None:
        """What the action is expected to change now and later (as far as this seat sees)."""
        palette, game = self.screen.palette, self.screen.game
        forecast = self.state.forecasts[action.id]
        for title, items in (
            (tr("Expected now"), visible(game, forecast.immediate)),
            (tr("Expected later"), visible(game, forecast.delayed)),
        ):
            if not items:
                continue
            doc.para(title.upper(), colour=palette.muted, size=SMALL, bold=True, gap=3)
            for item in items:
                shown = self.state.shown[item.indicator]
                value = shown.value
                runs = [
                    (f"{indicator_label(game, item.indicator)} ", palette.text, False),
                    (change_words(item), news_colour(item.delta, yours(shown), palette), True),
                    (f" {timing_phrase(item, game.turn, game.scenario.turns)}", palette.muted, False),
                ]
                if item.delay == 0 and item.duration == 1:
                    runs.append(
                        (
                            " " + tr("({before} to {after})", before=num(value), after=num(value + item.delta)),
                            palette.muted,
                            False,
                        )
                    )
                doc.para(runs, size=BODY - 1, indent=8, gap=2)
            doc.space(6)
        if not visible(game, forecast.items):
            doc.para(tr("No direct effect."), colour=palette.muted, size=BODY - 1, gap=6)
        doc.para(
            tr("Forecasts leave out the currents and the other side's moves."), colour=palette.muted, size=SMALL, gap=6
        )

    # ----------------------------------------------------------------- the selected indicator
    def indicator_doc(self) -> Document:
        """The selected indicator: its value on its gauge, its change, why it moved, its history and what it
        means."""
        state, screen = self.state, self.screen
        indicator_id = screen.game.scenario.shown_indicators[state.ind_index].id
        key = ("indicator", indicator_id, state.version)
        if self.cache is not None and self.cache[0] == key:
            return self.cache[1]
        palette = screen.palette
        shown = state.shown[indicator_id]
        doc = new_document(screen)
        self._indicator_head(doc, shown)
        self._causes(doc, shown)
        self._history(doc, state.series[indicator_id])
        doc.para("ABOUT", colour=palette.muted, size=SMALL, bold=True, gap=3)
        doc.para(
            screen.say(screen.game.scenario.indicator(indicator_id).description),
            colour=palette.text,
            size=BODY - 1,
            gap=10,
        )
        self.cache = (key, doc)
        return doc

    def _indicator_head(self, doc: Document, shown: IndicatorView) -> None:
        """The indicator's name, value and scale, its gauge and its change since last turn."""
        palette, game = self.screen.palette, self.screen.game
        value, before, good = shown.value, shown.before, yours(shown)
        doc.heading(shown.label, colour=palette.text, size=HEADING - 1, gap=2)
        doc.para(
            [
                (num(value), palette.text, True),
                (
                    tr(
                        "  on a scale of {num} to {num2} · {yours_words}",
                        num=num(shown.low),
                        num2=num(shown.high),
                        yours_words=yours_words(shown.yours),
                    ),
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
        since = tr("since the start") if game.turn == 1 else tr("since last turn")
        if delta:
            doc.para(
                [
                    (signed(delta), gain_colour(bool(delta), shown.gain, palette), True),
                    (" " + tr("{since} (from {before})", since=since, before=num(before)), palette.muted, False),
                ],
                size=SMALL + 1,
                gap=6,
            )
        else:
            doc.para(tr("No change {since}.", since=since), colour=palette.muted, size=SMALL + 1, gap=6)

    def _causes(self, doc: Document, shown: IndicatorView) -> None:
        """The last six changes of the indicator this seat saw, newest first, with their causes."""
        screen, palette, game = self.screen, self.screen.palette, self.screen.game
        good = yours(shown)
        doc.para(tr("WHY DID THIS MOVE?"), colour=palette.muted, size=SMALL, bold=True, gap=3)
        causes = [c for c in reversed(self.state.seat.history) if c.indicator == shown.id][:6]
        if not causes:
            doc.para(tr("It has not moved yet."), colour=palette.muted, size=BODY - 1, gap=4)
        for change in causes:
            doc.para(
                [
                    (tr("Turn {turn}  ", turn=change.turn), palette.muted, False),
                    (signed(change.delta), news_colour(change.delta, good, palette), True),
                    (f"  {cause_text(game, change)}", palette.text, False),
                    (f" ({cause_owner(game, change, (screen.role,))})", palette.muted, False),
                ],
                size=BODY - 1,
                gap=3,
            )
        doc.space(8)

    def _history(self, doc: Document, history: list[float]) -> None:
        """The indicator over the game: a sparkline between its first and its latest value."""
        screen, palette = self.screen, self.screen.palette
        first, last = tr("Start {num}", num=num(history[0])), tr("Now {num}", num=num(history[-1]))

        def draw_history(surface: pygame.Surface, rect: pygame.Rect) -> None:
            font = screen.font(SMALL)
            first_w, last_w = textlib.width_of(font, first), textlib.width_of(font, last)
            gap = screen.px(8)
            line = pygame.Rect(
                rect.left + first_w + gap, rect.top, rect.width - first_w - last_w - 2 * gap, rect.height
            )
            y = rect.centery - font.get_linesize() // 2
            textlib.draw(surface, first, (rect.left, y), font=font, colour=palette.muted)
            textlib.draw(surface, last, (rect.right, y), font=font, colour=palette.muted, align="right")
            sparkline(surface, line, history, colour=palette.accent, width=2)

        doc.para(tr("OVER THE GAME"), colour=palette.muted, size=SMALL, bold=True, gap=2)
        doc.custom(34, draw_history, gap=8)
