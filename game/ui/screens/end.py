"""The end of the game: the ending, every side's score against its own side's usual range (never against the other
sides' scores), the private objectives (revealed now), a chart of every indicator, the key decisions, a debrief of
the computer counterpart, and what next."""

from __future__ import annotations

import functools
import random
import threading
import time
from pathlib import Path

import pygame

from game.ai.debrief import Debrief, MoodPoint, Stance, debrief
from game.engine import ScoreRange, Termination
from game.present import cause_text, decisions, indicator_label, per_point, visible
from game.present import points as points_text
from game.present import score as score_text
from game.present.reference import NOT_COMPARED, how_measured, no_reference, range_note, short_verdict, verdict
from game.table.reference import Found, Placement, ReferenceCache, find_reference, placement
from game.table.view import score_gain
from game.ui import theme
from game.ui.screens.base import Host
from game.ui.screens.ingame import BODY, HEADING, SMALL, TITLE, GameScreen
from game.ui.screens.results import NewGame, ToTitle
from game.ui.screens.wording import biggest_changes, cause_owner, signed, turn_values
from game.ui.widgets import Document, ScrollView, gain_colour, line_chart, mix
from game.ui.widgets import text as textlib
from game.ui.widgets.charts import trend_chart

#: Size of the chart saved as PNG (independent of the window).
CHART_SIZE = (1600, 900)
#: The pages: the ending (with the chart beside it in wide windows), the chart alone (narrow windows), the debrief.
ENDING, CHART, DEBRIEF = "ending", "chart", "debrief"


class EndScreen(GameScreen):
    """Shown once the game is over. Announces the ending (``Ending: <title>`` on stdout) when it appears."""

    pausable = False

    def __init__(self, app: Host, role: str | None = None) -> None:
        super().__init__(app, role)
        game = self.game
        outcome = game.outcome
        if outcome is None:
            raise RuntimeError("the end screen needs a finished game")
        self.outcome = outcome
        self.ending = game.scenario.ending(outcome.ending)
        self.series = {
            self.say(i.label): values
            for i, values in zip(game.scenario.shown_indicators, turn_values(game).values(), strict=True)
        }
        self.highlight = -1  # index of the highlighted line, -1 = none
        self.narrow = False
        self.tight = False
        self.page = ENDING
        self.tabs: list[tuple[str, str]] = []
        self.tab_pages: list[str] = []
        self.tab_rects: list[pygame.Rect] = []
        self.scroll = ScrollView()
        self.debrief_scroll = ScrollView()
        self.mood_turn = -1  # the turn picked on the willingness chart (-1: the last)
        self.mood_xs: list[int] = []  # where the chart's points are drawn (window x), for clicks
        self.debrief_rect = self.mood_rect = pygame.Rect(0, 0, 0, 0)
        self._debriefs: list[Debrief] | None = None
        self._debrief_doc: Document | None = None
        self._mood_chart: tuple[tuple[object, ...], pygame.Surface, list[int]] | None = None
        self.saved_path: Path | None = None
        self.save_error = ""
        self._doc: Document | None = None
        self._chart: tuple[tuple[object, ...], pygame.Surface] | None = None
        # Each side's usual range: stored in the scenario or cached, at once; else worked out in the background
        # (about a second of standard-level games), so the screen never waits for it.
        self._cache = self._reference_cache()
        self.reference: Found | None = find_reference(game.scenario, self._cache, compute=False)
        self._worked_out: list[Found | None] = []
        self._reference_thread: threading.Thread | None = None
        if self.reference is None:
            self._reference_thread = threading.Thread(
                target=self._work_out_reference, name="score-reference", daemon=True
            )
            self._reference_thread.start()

    @staticmethod
    def _reference_cache() -> ReferenceCache | None:
        """The cache of usual ranges in the user's data folder, found now (the background thread must not look
        for the folder later, when it may have changed); None if there is no data folder."""
        from game.storage import StorageError, data_dir, read_json, write_json_atomic

        try:
            folder = data_dir() / "cache"
        except StorageError:
            return None
        return ReferenceCache(lambda: folder, read_json, write_json_atomic)

    def _work_out_reference(self) -> None:
        """In the background thread: the scenario's reference, computed now and cached (None if that fails)."""
        try:
            self._worked_out.append(find_reference(self.game.scenario, self._cache))
        except Exception:  # the scores then stand alone: the game must not fall over for this
            self._worked_out.append(None)

    def reference_pending(self) -> bool:
        """Whether the usual ranges are still being worked out (once they are, the story is rebuilt with them)."""
        thread = self._reference_thread
        if thread is not None and not thread.is_alive():
            self.reference = self._worked_out[0] if self._worked_out else None
            self._reference_thread = None
            self._doc = None  # the story shows the ranges now
        return self._reference_thread is not None

    def wait_for_reference(self, timeout: float | None = None) -> Found | None:
        """Wait (at most ``timeout`` seconds) for the usual ranges being worked out; returns them (None if none)."""
        if self._reference_thread is not None:
            self._reference_thread.join(timeout)
        self.reference_pending()
        return self.reference

    def on_enter(self) -> None:
        """Print ``Ending: <title>`` (once per game; autoplay stops there)."""
        self.app.announce_ending(self.say(self.ending.title))

    # ----------------------------------------------------------------- layout
    def build(self, rect: pygame.Rect) -> None:
        """Header with the ending and scores; a row of page tabs; the page (wide windows: chart and story side by
        side, or the debrief's story beside its willingness chart; narrow ones: one at a time); the four buttons."""
        self._doc = None
        self._chart = None
        self._debrief_doc = None
        self._mood_chart = None
        margin = min(self.px(24), rect.width // 30)
        inner = rect.inflate(-2 * margin, -2 * margin)
        gap = self.px(12)
        design_w, design_h = rect.width / self.app.scale, rect.height / self.app.scale
        self.tight = design_h < 480
        self.narrow = design_w < 1000 or design_h < 560
        # Header: how it ended (left out when tight), the ending's title, the scores.
        title_font = self.title_font()
        self.when_h = 0 if self.tight else self.font(SMALL, bold=True).get_linesize()
        self.score_h = self.font(BODY, bold=True).get_linesize() + self.px(8)
        self.header = pygame.Rect(
            inner.left, inner.top, inner.width, self.when_h + title_font.get_linesize() + self.px(6) + self.score_h
        )
        # Footer: the buttons, with key hints beside them when there is room (or above, unless tight).
        if self.tight:
            labels = ["Again (P)", "Other side (O)", "Save chart (S)", "Title (T)"]
        else:
            labels = ["Play again (P)", "Play the other side (O)", "Save chart as PNG (S)", "Back to title (T)"]
        if self.narrow:
            self.tabs = [("Ending", "E"), ("Chart", "C"), ("Debrief", "D")]
            self.tab_pages = [ENDING, CHART, DEBRIEF]
        else:
            self.tabs = [("Ending and chart", "E"), ("Debrief", "D")]
            self.tab_pages = [ENDING, DEBRIEF]
        if self.page not in self.tab_pages:
            self.page = ENDING
        arrows = "pick a turn" if self.page == DEBRIEF else "highlight a line"
        hints = [("Up/Down", "scroll"), ("Left/Right", arrows), ("Tab", "buttons"), ("Enter", "press")]
        if self.page == DEBRIEF and self.narrow:
            hints.pop(1)  # no chart of its own to pick on: Left/Right move between the buttons
        if self.narrow:  # wide windows show the pages' keys on their tabs, with room to spare
            hints.insert(0, ("E / C / D", "pages"))
        buttons_h = self.buttons_height(labels, inner.width)
        row_w = sum(self.button_width(t) for t in labels) + self.px(10) * (len(labels) - 1)
        beside_w = inner.width - row_w - self.px(24)
        beside = self.fit_hints(hints, beside_w, 1) if buttons_h <= self.button_height() and beside_w > 0 else []
        if len(beside) == len(hints) or self.tight:
            self.hints = beside
            hints_h = self.key_hints_height(beside, beside_w) if beside else 0
            footer_h = buttons_h
            self.hint_rect = pygame.Rect(
                inner.left, inner.bottom - (footer_h + hints_h) // 2, max(0, beside_w), hints_h
            )
        else:
            self.hints = hints
            hints_h = self.key_hints_height(hints, inner.width)
            footer_h = buttons_h + hints_h + self.px(8)
            self.hint_rect = pygame.Rect(inner.left, inner.bottom - footer_h, inner.width, hints_h)
        rects = self.flow_buttons(labels, inner)
        message_h = self.font(SMALL + 1).get_linesize() + self.px(6)
        self.message_rect = pygame.Rect(inner.left, inner.bottom - footer_h - message_h, inner.width, message_h)
        # Body: chart and story.
        body = pygame.Rect(
            inner.left,
            self.header.bottom + gap,
            inner.width,
            self.message_rect.top - self.px(4) - self.header.bottom - gap,
        )
        tab_h = self.tab_height()
        self.tabs_rect = pygame.Rect(body.left, body.top, body.width, tab_h)
        page = pygame.Rect(body.left, body.top + tab_h, body.width, body.height - tab_h)
        if not self.narrow:
            chart_w = round(page.width * 0.58)
            self.chart_rect = pygame.Rect(page.left, page.top, chart_w, page.height)
            self.story_rect = pygame.Rect(page.left + chart_w + gap, page.top, page.width - chart_w - gap, page.height)
            # The debrief: its story on the left, the willingness chart and the picked turn's causes on the right.
            self.debrief_rect = pygame.Rect(page.left, page.top, chart_w, page.height)
            self.mood_rect = pygame.Rect(page.left + chart_w + gap, page.top, page.width - chart_w - gap, page.height)
        else:  # one at a time, in tabs; the debrief's chart goes inside its story
            self.chart_rect = self.story_rect = self.debrief_rect = page
            self.mood_rect = pygame.Rect(0, 0, 0, 0)
        keys = [pygame.K_p, pygame.K_o, pygame.K_s, pygame.K_t]
        commands = [self.play_again, self.play_other_side, self.save_chart, self.back_to_title]
        for label_text, button_rect, key, command in zip(labels, rects, keys, commands, strict=True):
            self.button(button_rect, label_text, command, key=key)

    # ----------------------------------------------------------------- content
    def document(self) -> Document:
        """The ending's text, your key decisions turn by turn, and the biggest single causes of change."""
        if self._doc is not None:
            return self._doc
        palette, game, match = self.palette, self.game, self.match
        doc = Document(lambda size, bold: self.font(size, bold=bold), self.px)
        if self.tight:
            doc.para(self.when_text() + ".", colour=palette.accent, size=SMALL + 1, bold=True, gap=6)
        doc.para(self.say(self.ending.text), colour=palette.text, size=BODY, gap=12)
        self._reference_section(doc)
        self._objectives_section(doc)
        persons = match.persons
        for role in persons:
            mine = len(persons) == 1
            doc.heading(
                "Your key decisions" if mine else f"Key decisions: {match.role_name(role)}",
                colour=palette.text,
                size=HEADING - 1,
                gap=4,
            )
            calendar = game.scenario.calendar
            for turn in range(1, self.outcome.turn + 1):
                done = decisions(game, role, turn)
                doc.para(
                    [
                        (f"Turn {turn} · {calendar.label(turn)}: ", palette.muted, True),
                        ("; ".join(done) if done else "no action", palette.text if done else palette.muted, False),
                    ],
                    size=SMALL + 1,
                    gap=3,
                )
            doc.space(10)
        doc.heading("The biggest single changes", colour=palette.text, size=HEADING - 1, gap=4)
        reader = persons[0] if len(persons) == 1 else None  # good news is judged for one reader, by their score
        for change in biggest_changes(visible(game, game.history), 8):
            gain = score_gain(match, reader, change.indicator, change.before, change.after) if reader else None
            colour = gain_colour(True, gain, palette)
            doc.para(
                [
                    (f"Turn {change.turn} · ", palette.muted, False),
                    (f"{indicator_label(game, change.indicator)} ", palette.text, False),
                    (signed(change.delta), colour, True),
                    (f" · {cause_text(game, change)} ({cause_owner(game, change, persons)})", palette.muted, False),
                ],
                size=SMALL + 1,
                gap=3,
            )
        self._doc = doc
        return doc

    def _reference_section(self, doc: Document) -> None:
        """Each side's score against its own side's usual range: in words, and on a bar with the range marked."""
        palette = self.palette
        doc.heading("How each side did, against its own usual range", colour=palette.text, size=HEADING - 1, gap=4)
        doc.para(NOT_COMPARED, colour=palette.muted, size=SMALL + 1, gap=8)
        found = self.reference
        if found is None:
            waiting = "Working out each side's usual range..." if self.reference_pending() else no_reference()
            doc.para(waiting, colour=palette.muted, size=SMALL + 1, gap=12)
            return
        for role in self.game.scenario.roles:
            score = self.outcome.scores.get(role.id, 0.0)
            bounds = found.reference.roles.get(role.id)
            words = verdict(score, bounds)
            colour = self._placement_colour(placement(score, bounds)) if bounds is not None else palette.muted
            doc.para(
                [
                    (f"{self.match.role_name(role.id)} ", palette.text, True),
                    (score_text(score), palette.text, True),
                    (f": {words}", colour, True),
                ],
                size=BODY - 1,
                gap=2,
            )
            if bounds is not None:
                doc.custom(34, functools.partial(self._draw_range, score=score, bounds=bounds), gap=2)
                doc.para(range_note(found.reference, bounds), colour=palette.muted, size=SMALL, gap=8)
        doc.para(how_measured(found), colour=palette.muted, size=SMALL, gap=12)

    def _placement_colour(self, where: Placement) -> tuple[int, int, int]:
        palette = self.palette
        return {Placement.ABOVE: palette.good, Placement.WITHIN: palette.text, Placement.BELOW: palette.bad}[where]

    def _draw_range(self, surface: pygame.Surface, rect: pygame.Rect, *, score: float, bounds: ScoreRange) -> None:
        """A side's usual range as a band on a line, its typical score as a tick, and the final score as a marker."""
        palette = self.palette
        font = self.font(SMALL)
        low, high = min(bounds.low, score), max(bounds.high, score)
        pad = max(1.0, (high - low) * 0.15)
        low, high = low - pad, high + pad
        left, width = rect.left + self.px(6), rect.width - self.px(12)

        def x_of(value: float) -> int:
            return left + round((value - low) / (high - low) * width)

        mid = rect.top + self.px(9)
        pygame.draw.line(surface, palette.border, (left, mid), (left + width, mid), max(1, self.px(2)))
        band = pygame.Rect(
            x_of(bounds.low), mid - self.px(5), max(self.px(3), x_of(bounds.high) - x_of(bounds.low)), self.px(10)
        )
        pygame.draw.rect(surface, mix(palette.panel, palette.accent, 0.55), band, border_radius=self.px(3))
        typical = x_of(bounds.typical)
        pygame.draw.line(surface, palette.accent, (typical, band.top), (typical, band.bottom - 1), max(1, self.px(2)))
        colour = self._placement_colour(placement(score, bounds))
        marker = x_of(score)
        radius = self.px(6)
        pygame.draw.circle(surface, colour, (marker, mid), radius)
        pygame.draw.circle(surface, palette.panel, (marker, mid), radius, max(1, self.px(2)))
        # Labels under the line: the final score (in its colour), then the range's ends where they leave it room.
        label_y = band.bottom + self.px(2)
        taken: list[pygame.Rect] = []
        labels = [(score_text(score), marker, colour, self.font(SMALL, bold=True)), (score_text(bounds.low), band.left,
                  palette.muted, font), (score_text(bounds.high), band.right, palette.muted, font)]  # fmt: skip
        for text, x, label_colour, label_font in labels:
            width = textlib.width_of(label_font, text)
            box = pygame.Rect(0, label_y, width, label_font.get_linesize())
            box.centerx = x
            box.clamp_ip(rect)
            if any(box.inflate(self.px(6), 0).colliderect(other) for other in taken):
                continue
            taken.append(box)
            textlib.draw(surface, text, box.topleft, font=label_font, colour=label_colour)

    def _objectives_section(self, doc: Document) -> None:
        """Every side's private objectives and final score, revealed now that the game is over."""
        palette, match = self.palette, self.match
        ending = self.seat_view().ending
        if ending is None:
            return
        persons = match.persons
        doc.heading("Private objectives, revealed", colour=palette.text, size=HEADING - 1, gap=4)
        for role in match.scenario.roles:
            name = match.role_name(role.id)
            you = " (you)" if role.id in persons and len(persons) == 1 else ""
            who = "person" if role.id in persons else "computer"
            doc.para(
                [
                    (f"{name}{you}", palette.text, True),
                    (f" · played by a {who} · final score ", palette.muted, False),
                    (score_text(ending.scores.get(role.id, 0.0)), palette.text, True),
                ],
                size=BODY - 1,
                gap=2,
            )
            doc.para(ending.objectives.get(role.id, ""), colour=palette.text, size=SMALL + 1, indent=8, gap=8)
        doc.space(4)

    def chart_surface(self, size: tuple[int, int], *, font: pygame.font.Font) -> pygame.Surface:
        """The chart of every indicator over the game, drawn on its own surface."""
        palette = self.palette
        surface = pygame.Surface((max(1, size[0]), max(1, size[1])))
        surface.fill(palette.panel)
        calendar = self.game.scenario.calendar
        x_labels = ["Start"] + [calendar.label(t) for t in range(1, self.outcome.turn + 1)]
        names = list(self.series)
        highlight = names[self.highlight] if 0 <= self.highlight < len(names) else None
        indicators = self.game.scenario.shown_indicators
        low = min(i.min for i in indicators)
        high = max(i.max for i in indicators)
        line_chart(
            surface,
            surface.get_rect().inflate(-2 * font.get_linesize() // 2, -font.get_linesize()),
            self.series,
            palette=palette,
            font=font,
            low=low,
            high=high,
            x_labels=x_labels,
            highlight=highlight,
            line_width=max(1, round(font.get_linesize() / 10)),
        )
        return surface

    # ----------------------------------------------------------------- the debrief
    def debriefs(self) -> list[Debrief]:
        """The debrief of each computer counterpart for each person playing (computed once).

        In a game with no computer player, each person gets the debriefs of the other sides; with nobody playing
        (autoplay), the other roles' debriefs for the first role."""
        if self._debriefs is None:
            roles = [r.id for r in self.game.scenario.roles]
            humans = [h for h in self.match.persons if h in roles] or roles[:1]
            computers = [r for r in roles if r not in self.match.persons]
            pairs = [
                (other, human)
                for human in humans
                for other in (computers or [r for r in roles if r != human])
                if other != human
            ]
            self._debriefs = [debrief(self.game, other, human) for other, human in pairs]
        return self._debriefs

    def _mood_name(self, report: Debrief) -> str:
        """A series' name on the willingness chart."""
        if len({d.player for d in self.debriefs()}) > 1:
            return f"{report.name} towards {report.player_name}"
        return report.name

    def mood_surface(
        self, size: tuple[int, int], *, font: pygame.font.Font, picked: int = -1
    ) -> tuple[pygame.Surface, list[int]]:
        """The willingness chart (one line per counterpart) on its own surface, and the x of each turn's point."""
        palette = self.palette
        surface = pygame.Surface((max(1, size[0]), max(1, size[1])))
        surface.fill(palette.panel)
        reports = self.debriefs()
        if not reports:
            return surface, []
        calendar = self.game.scenario.calendar
        count = len(reports[0].willingness)
        x_labels = ["Start"] + [calendar.label(t) for t in range(1, count)]
        series = {self._mood_name(d): [p.mood for p in d.willingness] for d in reports}
        colours = {name: palette.accent for name in series} if len(series) == 1 else None
        first = reports[0]
        reference = first.threshold if first.negotiation else None
        label = f"threshold {score_text(first.threshold)}" if reference is not None else ""
        xs = trend_chart(
            surface,
            surface.get_rect().inflate(-font.get_linesize(), -font.get_linesize() // 2),
            series,
            palette=palette,
            font=font,
            x_labels=x_labels,
            colours=colours,
            reference=reference,
            reference_label=label,
            selected=picked,
            line_width=max(2, round(font.get_linesize() / 9)),
        )
        return surface, xs

    def debrief_document(self) -> Document:
        """Each counterpart's debrief: summary, willingness turn by turn, its stance on each proposal, and what it
        cared about. In narrow windows the willingness chart comes first, inside the story."""
        if self._debrief_doc is not None:
            return self._debrief_doc
        palette = self.palette
        doc = Document(lambda size, bold: self.font(size, bold=bold), self.px)
        reports = self.debriefs()
        if not reports:
            doc.para("There is nobody to debrief in this game.", colour=palette.muted, size=BODY)
        for index, report in enumerate(reports):
            if index:
                doc.rule(palette.border, gap=10)
            title = f"How {report.name} saw the game"
            if len({d.player for d in reports}) > 1:
                title += f", facing {report.player_name}"
            doc.heading(title, colour=palette.text, size=HEADING, gap=4)
            doc.para(report.summary, colour=palette.text, size=BODY, gap=6)
            if self.narrow and index == 0 and report.measured:
                height = max(self.px(90), min(self.px(200), round(self.debrief_rect.height * 0.7)))
                doc.custom(height, self._draw_chart_block, gap=6, pixels=True)
            if report.measured:
                doc.para(self._willingness_words(report), colour=palette.muted, size=SMALL, gap=10)
            self._mood_section(doc, report)
            self._stance_section(doc, report)
            self._priority_section(doc, report)
        self._debrief_doc = doc
        return doc

    @staticmethod
    def _willingness_words(report: Debrief) -> str:
        if report.negotiation:
            return (
                "Willingness is the part of its judgement that does not depend on what is offered: trust, "
                "current relations and your recent pressure. A proposal passed when the worth of its items to "
                f"{report.name} plus this reached its threshold of {score_text(report.threshold)}."
            )
        return (
            "This scenario has no negotiation table. Willingness here is what a counterpart would weigh before "
            "any offer: current relations and your recent pressure."
        )

    def _draw_chart_block(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """The willingness chart inside the story (narrow windows)."""
        pygame.draw.rect(surface, self.palette.panel_alt, rect, width=1, border_radius=self.px(6))
        chart, _ = self.mood_surface((rect.width - 2, rect.height - 2), font=self.font(SMALL))
        chart.set_colorkey(self.palette.panel)
        surface.blit(chart, (rect.left + 1, rect.top + 1))

    def _mood_section(self, doc: Document, report: Debrief) -> None:
        palette = self.palette
        doc.heading("How your moves shifted its willingness", colour=palette.text, size=HEADING - 1, gap=4)
        points = report.willingness
        if not report.measured:
            doc.para(
                "Nothing in this scenario measures it (no negotiation table and no relations indicator).",
                colour=palette.muted,
                size=SMALL + 1,
                gap=10,
            )
            return
        start = points[0]
        terms = "; ".join(f"{r.label} {points_text(r.points)}" for r in start.reasons)
        doc.para(
            [
                ("At the start: ", palette.muted, True),
                (points_text(start.mood), palette.text, True),
                (f" ({terms})" if terms else "", palette.muted, False),
            ],
            size=SMALL + 1,
            gap=4,
        )
        for point in points[1:]:
            self._mood_point(doc, point)
        doc.space(8)

    def _mood_point(self, doc: Document, point: MoodPoint) -> None:
        """One turn: how far willingness moved (in words and colour), then the causes, the player's first."""
        palette = self.palette
        calendar = self.game.scenario.calendar
        if abs(point.change) < 0.05:
            move, colour = "held", palette.muted
        elif point.change > 0:
            move, colour = f"rose {score_text(point.change)}", palette.good
        else:
            move, colour = f"fell {score_text(-point.change)}", palette.bad
        doc.para(
            [
                (f"Turn {point.turn} · {calendar.label(point.turn)}: ", palette.muted, True),
                (move, colour, True),
                (f", to {score_text(point.mood)}", palette.text, False),
            ],
            size=SMALL + 1,
            gap=1,
        )
        mine = [s for s in point.shifts if s.mine and abs(s.points) >= 0.05][:3]
        others = [s for s in point.shifts if not s.mine and abs(s.points) >= 0.05][:2]
        runs: list[tuple[str, tuple[int, int, int], bool]] = []
        if mine:
            runs.append(("You: ", palette.text, True))
            runs.append(("; ".join(f"{s.label} ({points_text(s.points)})" for s in mine) + ". ", palette.text, False))
        if others:
            runs.append(("Also: ", palette.muted, True))
            runs.append(("; ".join(f"{s.label} ({points_text(s.points)})" for s in others) + ".", palette.muted, False))
        if runs:
            doc.para(runs, size=SMALL, indent=14, gap=5)
        else:
            doc.space(4)

    def _stance_section(self, doc: Document, report: Debrief) -> None:
        palette = self.palette
        doc.heading("Where it stood on each proposal", colour=palette.text, size=HEADING - 1, gap=4)
        if not report.negotiation:
            doc.para(
                "There were no proposals: this scenario has no negotiation table.",
                colour=palette.muted,
                size=SMALL + 1,
                gap=10,
            )
            return
        if not report.stances:
            doc.para(
                f"No proposals passed between you and {report.name}.", colour=palette.muted, size=SMALL + 1, gap=10
            )
            return
        doc.para(
            f"Its score against its threshold of {score_text(report.threshold)}, as things stood when each "
            "proposal was made.",
            colour=palette.muted,
            size=SMALL,
            gap=6,
        )
        for stance in report.stances:
            self._stance(doc, report, stance)
        doc.space(6)

    def _stance(self, doc: Document, report: Debrief, stance: Stance) -> None:
        palette = self.palette
        proposal = stance.proposal
        calendar = self.game.scenario.calendar
        give, ask = ", ".join(stance.give) or "nothing", ", ".join(stance.ask) or "nothing"
        if stance.by_counterpart:
            sender = f"from {report.name}" + (", a counter-proposal" if proposal.reply_to else "")
            items = f"it gives {give}; it asks {ask}"
        else:
            sender = "from you" + (", a counter-proposal" if proposal.reply_to else "")
            items = f"you give {give}; you ask {ask}"
        doc.para(
            [
                (f"Turn {proposal.turn} · {calendar.label(proposal.turn)} · {sender}: ", palette.muted, True),
                (items, palette.text, False),
            ],
            size=SMALL + 1,
            gap=2,
        )
        evaluation = stance.evaluation
        runs: list[tuple[str, tuple[int, int, int], bool]] = []
        if evaluation is None:
            runs.append(("Its view can no longer be worked out. ", palette.muted, True))
        else:
            margin = stance.margin
            gap = ("at the threshold" if abs(margin) < 0.05
                   else f"{score_text(abs(margin))} {'above' if margin > 0 else 'below'}")  # fmt: skip
            if stance.by_counterpart:
                runs.append(("Its own offer", palette.accent, True))
                worth, bar = points_text(evaluation.score), score_text(evaluation.threshold)
                runs.append((f": valued at {worth} against {bar} ({gap}). ", palette.text, False))
            else:
                verdict = "Would accept" if evaluation.accept else "Would refuse"
                runs.append((verdict, palette.good if evaluation.accept else palette.bad, True))
                worth, bar = points_text(evaluation.score), score_text(evaluation.threshold)
                runs.append((f": score {worth} against {bar} ({gap}). ", palette.text, False))
        runs.append((stance.outcome_text, palette.text, True))
        doc.para(runs, size=SMALL + 1, indent=14, gap=2)
        if stance.reasons:
            reasons = "; ".join(f"{r.label} {points_text(r.points)}" for r in stance.reasons)
            doc.para(f"Main reasons: {reasons}.", colour=palette.muted, size=SMALL, indent=14, gap=8)
        else:
            doc.space(6)

    def _priority_section(self, doc: Document, report: Debrief) -> None:
        palette = self.palette
        priorities = report.priorities
        doc.heading("What it cared about", colour=palette.text, size=HEADING - 1, gap=4)
        rows: list[tuple[str, str]] = []
        if priorities.weights:
            rows.append(
                (
                    "Worth to its score, per point at the end: ",
                    ", ".join(f"{w.label} {per_point(w.points)}" for w in priorities.weights),
                )
            )
        if priorities.personality:
            rows.append(
                (
                    "How it weighed its own moves (1 = neutral): ",
                    ", ".join(f"{le.label} {score_text(le.weight)}" for le in priorities.personality),
                )
            )
        if priorities.wants:
            rows.append(
                (
                    "Wanted most from a deal: ",
                    "; ".join(f"{w.label} ({points_text(w.value)})" for w in priorities.wants),
                )
            )
        if priorities.costs:
            rows.append(
                ("Least willing to give: ", "; ".join(f"{w.label} ({points_text(w.value)})" for w in priorities.costs))
            )
        for head, text in rows:
            doc.para([(head, palette.muted, True), (text, palette.text, False)], size=SMALL + 1, gap=4)
        if priorities.objectives:
            doc.para(
                [
                    ("Its private objectives, as its own player read them: ", palette.muted, True),
                    (priorities.objectives, palette.muted, False),
                ],
                size=SMALL,
                gap=10,
            )

    # ----------------------------------------------------------------- commands
    def play_again(self) -> None:
        """The same scenario and seats with a new seed."""
        match = self.match
        seed = random.Random().randrange(10**6)
        self.request(NewGame(match.scenario, match.scenario_path, dict(match.seats), seed))

    def play_other_side(self) -> None:
        """The same scenario and seed, each seat moved on to the next role (the person plays the other side)."""
        match = self.match
        roles = [r.id for r in match.scenario.roles]
        seats = {roles[(index + 1) % len(roles)]: match.seats[role] for index, role in enumerate(roles)}
        self.request(NewGame(match.scenario, match.scenario_path, seats, match.seed))

    def save_chart(self) -> None:
        """Save the chart as a PNG in the data folder's ``charts``; the path (or the problem) is shown."""
        self.export_chart()

    def export_chart(self) -> Path | None:
        """Write the chart PNG; returns its path, or None (with :attr:`save_error` set) if it cannot be saved."""
        from game.storage import StorageError, data_dir

        match = self.match
        try:
            folder = data_dir() / "charts"
            folder.mkdir(parents=True, exist_ok=True)
            stamp = time.strftime("%Y%m%d-%H%M%S")
            role = "-".join(match.persons) or "computer"
            path = folder / f"{match.scenario.id}-{role}-seed{match.seed}-{stamp}.png"
            pygame.image.save(self.export_surface(), str(path))
        except (OSError, StorageError, pygame.error) as exc:
            self.save_error = f"Could not save the chart: {exc}"
            self.saved_path = None
            return None
        self.saved_path, self.save_error = path, ""
        return path

    def export_surface(self) -> pygame.Surface:
        """The chart as saved: a title line and the chart at :data:`CHART_SIZE`."""
        width, height = CHART_SIZE
        font = theme.font(20)
        title_font = theme.font(30, bold=True)
        surface = pygame.Surface(CHART_SIZE)
        palette = self.palette
        surface.fill(palette.panel)
        match = self.match
        title = f"{self.say(match.scenario.title)}: {self.say(self.ending.title)}"
        textlib.draw(surface, title, (30, 20), font=title_font, colour=palette.text, max_width=width - 60)
        who = ", ".join(match.role_name(r) for r in match.persons) or "computer players"
        sub = f"Played as {who} · seed {match.seed} · every indicator at the end of each turn"
        textlib.draw(
            surface, sub, (30, 20 + title_font.get_linesize()), font=font, colour=palette.muted, max_width=width - 60
        )
        top = 30 + title_font.get_linesize() + font.get_linesize()
        surface.blit(self.chart_surface((width - 40, height - top - 20), font=font), (20, top))
        return surface

    def back_to_title(self) -> None:
        """Leave for the title screen."""
        self.request(ToTitle())

    # ----------------------------------------------------------------- input
    def show(self, page: str) -> None:
        """Turn to a page (``ending``, ``chart`` in narrow windows, ``debrief``); the key hints follow it."""
        if page == CHART and not self.narrow:
            page = ENDING  # the chart is beside the ending
        if page != self.page:
            self.page = page
            self.rebuild()

    def handle(self, event: pygame.event.Event) -> bool:
        """E, C and D turn the pages; Up/Down scroll the page's story; Left/Right highlight one line of the chart
        (or, on the debrief, pick a turn of the willingness chart); Tab/Enter for the buttons."""
        step = self.px(40)
        scroll = self.debrief_scroll if self.page == DEBRIEF else self.scroll
        view = self.debrief_rect if self.page == DEBRIEF else self.story_rect
        if event.type == pygame.MOUSEWHEEL:
            scroll.scroll(-event.y * step)
            return True
        if event.type == pygame.KEYDOWN:
            moves = {
                pygame.K_DOWN: step,
                pygame.K_UP: -step,
                pygame.K_PAGEDOWN: view.height - step,
                pygame.K_PAGEUP: step - view.height,
            }
            if event.key in moves:
                scroll.scroll(moves[event.key])
                return True
            pages = {pygame.K_e: ENDING, pygame.K_c: CHART, pygame.K_d: DEBRIEF}
            if event.key in pages:
                self.show(pages[event.key])
                return True
            if event.key in (pygame.K_LEFT, pygame.K_RIGHT) and self.page == DEBRIEF and not self.narrow:
                self.pick_turn(1 if event.key == pygame.K_RIGHT else -1)
                return True
            if event.key in (pygame.K_LEFT, pygame.K_RIGHT) and self.page != DEBRIEF:
                count = len(self.series)
                step_ = 1 if event.key == pygame.K_RIGHT else -1
                self.highlight = (self.highlight + 1 + step_) % (count + 1) - 1  # -1 = all lines equal
                self._chart = None
                return True
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            for tab, page in zip(self.tab_rects, self.tab_pages, strict=False):
                if tab.collidepoint(event.pos):
                    self.show(page)
                    return True
            if self.page == DEBRIEF and self.mood_rect.collidepoint(event.pos) and self.mood_xs:
                nearest = min(range(len(self.mood_xs)), key=lambda i: abs(self.mood_xs[i] - event.pos[0]))
                self.mood_turn = nearest
                self._mood_chart = None
                return True
            if self.page != DEBRIEF and self.chart_rect.collidepoint(event.pos):
                self.highlight = -1
                self._chart = None
                return True
        return super().handle(event)

    def pick_turn(self, step: int) -> None:
        """Move the picked turn of the willingness chart (wrapping around)."""
        points = len(self.debriefs()[0].willingness) if self.debriefs() else 0
        if not points:
            return
        current = self.mood_turn if 0 <= self.mood_turn < points else points - 1
        self.mood_turn = (current + step) % points
        self._mood_chart = None

    # ----------------------------------------------------------------- drawing
    def draw_background(self, surface: pygame.Surface) -> None:
        """Header and scores, chart, story, the saved-chart message and key hints."""
        palette = self.palette
        self.reference_pending()  # picks up the usual ranges once they are worked out
        surface.fill(palette.background)
        rect = self.header
        title_font = self.title_font()
        if not self.tight:
            textlib.draw(
                surface,
                self.when_text().upper(),
                rect.topleft,
                font=self.font(SMALL, bold=True),
                colour=palette.accent,
                max_width=rect.width,
            )
        textlib.draw(
            surface,
            self.say(self.ending.title),
            (rect.left, rect.top + self.when_h),
            font=title_font,
            colour=palette.text,
            max_width=rect.width,
        )
        self._draw_scores(surface, pygame.Rect(rect.left, rect.bottom - self.score_h, rect.width, self.score_h))
        self.tab_rects = self.draw_tabs(surface, self.tabs_rect, self.tabs, active=self.tab_pages.index(self.page))
        if self.page == CHART or (self.page == ENDING and not self.narrow):
            self._draw_chart(surface)
        if self.page == ENDING:
            self.panel(surface, self.story_rect)
            view = self.story_rect.inflate(-2 * self.px(12), -2 * self.px(12))
            bar = self.px(6)
            self.scroll.draw(
                surface,
                view,
                self.document().render(ScrollView.content_width(view, bar)),
                palette=palette,
                bar=bar,
                fade=palette.panel,
            )
        if self.page == DEBRIEF:
            self.panel(surface, self.debrief_rect)
            view = self.debrief_rect.inflate(-2 * self.px(12), -2 * self.px(12))
            bar = self.px(6)
            content = self.debrief_document().render(ScrollView.content_width(view, bar))
            self.debrief_scroll.draw(surface, view, content, palette=palette, bar=bar, fade=palette.panel)
            if not self.narrow:
                self._draw_mood(surface)
        # Message and hints.
        font = self.font(SMALL + 1)
        if self.saved_path is not None:
            textlib.draw(
                surface,
                f"Chart saved to {self.saved_path}",
                self.message_rect.topleft,
                font=font,
                colour=palette.good,
                max_width=self.message_rect.width,
            )
        elif self.save_error or self.app.message:
            textlib.draw(
                surface,
                self.save_error or self.app.message,
                self.message_rect.topleft,
                font=font,
                colour=palette.bad,
                max_width=self.message_rect.width,
            )
        self.draw_key_hints(surface, self.hint_rect, self.hints)

    def _draw_chart(self, surface: pygame.Surface) -> None:
        self.panel(surface, self.chart_rect)
        pad = self.px(10)
        title_h = self.panel_title(
            surface,
            pygame.Rect(self.chart_rect.left + pad, self.chart_rect.top + pad, self.chart_rect.width - 2 * pad, 40),
            "Every indicator, turn by turn",
            note=self._chart_note(),
        )
        chart_area = pygame.Rect(
            self.chart_rect.left + pad,
            self.chart_rect.top + pad + title_h,
            self.chart_rect.width - 2 * pad,
            self.chart_rect.height - 2 * pad - title_h,
        )
        key = (chart_area.size, self.highlight, self.app.scale, self.app.settings.palette)
        if self._chart is None or self._chart[0] != key:
            self._chart = (key, self.chart_surface(chart_area.size, font=self.font(SMALL)))
        surface.blit(self._chart[1], chart_area.topleft)

    def _draw_mood(self, surface: pygame.Surface) -> None:
        """Wide windows: the willingness chart, then what moved it in the picked turn."""
        rect = self.mood_rect
        self.panel(surface, rect)
        pad = self.px(10)
        inner = rect.inflate(-2 * pad, -2 * pad)
        reports = self.debriefs()
        measured = bool(reports) and reports[0].measured
        title_h = self.panel_title(
            surface,
            pygame.Rect(inner.left, inner.top, inner.width, 40),
            "Willingness to deal",
            note="Left/Right picks a turn" if measured else "",
        )
        if not measured:
            textlib.draw_wrapped(
                surface,
                "Nothing in this scenario measures a counterpart's willingness to deal: it "
                "has no negotiation table and no relations indicator.",
                pygame.Rect(inner.left, inner.top + title_h, inner.width, inner.height - title_h),
                font=self.font(SMALL + 1),
                colour=self.palette.muted,
            )
            return
        points = reports[0].willingness
        picked = self.mood_turn if 0 <= self.mood_turn < len(points) else len(points) - 1
        chart_h = max(self.px(80), round((inner.height - title_h) * 0.55))
        area = pygame.Rect(inner.left, inner.top + title_h, inner.width, chart_h)
        key = (area.size, picked, self.app.scale, self.app.settings.palette)
        if self._mood_chart is None or self._mood_chart[0] != key:
            chart, xs = self.mood_surface(area.size, font=self.font(SMALL), picked=picked)
            self._mood_chart = (key, chart, xs)
        surface.blit(self._mood_chart[1], area.topleft)
        self.mood_xs = [area.left + x for x in self._mood_chart[2]]
        # The picked turn, in words: how far it moved, then its causes (the player's first).
        palette = self.palette
        y = area.bottom + self.px(8)
        bold, font = self.font(SMALL + 1, bold=True), self.font(SMALL)
        for report in reports:
            point = report.willingness[min(picked, len(report.willingness) - 1)]
            lines: list[tuple[str, pygame.font.Font, tuple[int, int, int]]] = []
            who = f"{self._mood_name(report)}: " if len(reports) > 1 else ""
            if point.turn == 0:
                terms = "; ".join(f"{r.label} {points_text(r.points)}" for r in point.reasons)
                lines.append((f"{who}At the start: {points_text(point.mood)}", bold, palette.text))
                if terms:
                    lines.append((terms, font, palette.muted))
            else:
                head = f"{who}Turn {point.turn} · {self.game.scenario.calendar.label(point.turn)}: "
                if abs(point.change) < 0.05:
                    head += f"held at {score_text(point.mood)}"
                    colour = palette.muted
                else:
                    way = "rose" if point.change > 0 else "fell"
                    head += f"{way} {score_text(abs(point.change))}, to {score_text(point.mood)}"
                    colour = palette.good if point.change > 0 else palette.bad
                lines.append((head, bold, colour))
                shown = [s for s in point.shifts if abs(s.points) >= 0.05][:5]
                for shift in sorted(shown, key=lambda s: (not s.mine, -abs(s.points))):
                    prefix = "You: " if shift.mine else ""
                    lines.append(
                        (
                            f"{prefix}{shift.label} ({points_text(shift.points)})",
                            font,
                            palette.text if shift.mine else palette.muted,
                        )
                    )
                if not shown:
                    lines.append(("Nothing moved it this turn.", font, palette.muted))
            for text, line_font, colour in lines:
                for part in textlib.wrap(line_font, text, inner.width):
                    if y + line_font.get_linesize() > inner.bottom:
                        return
                    textlib.draw(surface, part, (inner.left, y), font=line_font, colour=colour)
                    y += line_font.get_linesize()
            y += self.px(6)

    def when_text(self) -> str:
        """``The game ended early, after turn 7 of 12`` / ``The game is over after all 12 turns``."""
        turns = self.game.scenario.turns
        if self.outcome.termination is Termination.EARLY:
            return f"The game ended early, after turn {self.outcome.turn} of {turns}"
        return f"The game is over after all {turns} turns"

    def title_font(self) -> pygame.font.Font:
        """The ending's title: large, a little less so in small windows."""
        return self.font(TITLE if self.tight else TITLE + 6, bold=True)

    def _chart_note(self) -> str:
        names = list(self.series)
        if 0 <= self.highlight < len(names):
            return f"{names[self.highlight]} (Left/Right: next)"
        return "Left/Right highlights a line"

    def score_chips(self, width: int) -> list[str]:
        """The text of each role's chip in a header ``width`` pixels wide: name and score, and where the score falls
        in its own side's usual range when every chip fits with it (the story says it too)."""
        match, font = self.match, self.font(BODY, bold=True)
        reference = self.reference.reference if self.reference is not None else None
        chips: list[tuple[str, str]] = []
        for role in self.game.scenario.roles:
            mine = role.id in match.persons
            name = match.role_name(role.id) + (" (you)" if mine and len(match.persons) == 1 else "")
            score = self.outcome.scores.get(role.id, 0.0)
            where = short_verdict(score, reference.roles.get(role.id)) if reference is not None else ""
            chips.append((f"{name}  {score_text(score)}", f" \u00b7 {where}" if where else ""))
        wide = sum(textlib.width_of(font, a + b) + self.px(34) for a, b in chips) <= width + self.px(10)
        return [a + b if wide else a for a, b in chips]

    def _draw_scores(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """One chip per role (:meth:`score_chips`); yours highlighted."""
        palette, match = self.palette, self.match
        font = self.font(BODY, bold=True)
        x = rect.left
        height = font.get_linesize() + self.px(8)
        for role, text in zip(self.game.scenario.roles, self.score_chips(rect.width), strict=True):
            mine = role.id in match.persons
            width = min(textlib.width_of(font, text) + self.px(24), rect.right - x)
            if width < self.px(60):
                break
            chip = pygame.Rect(x, rect.top, width, height)
            pygame.draw.rect(
                surface,
                mix(palette.panel, palette.accent, 0.25) if mine else palette.panel,
                chip,
                border_radius=height // 2,
            )
            pygame.draw.rect(
                surface,
                palette.accent if mine else palette.border,
                chip,
                width=max(1, self.px(2) if mine else 1),
                border_radius=height // 2,
            )
            textlib.draw(
                surface,
                text,
                (chip.left + self.px(12), chip.top + self.px(4)),
                font=font,
                colour=palette.text if mine else palette.muted,
                max_width=chip.width - self.px(24),
            )
            x = chip.right + self.px(10)
