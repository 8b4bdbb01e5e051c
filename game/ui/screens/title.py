"""The title screen: New game, Continue (the latest save), Load, Settings, Quit."""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Any

import pygame

from game.saves import SaveError, SaveInfo, list_saves
from game.ui import theme
from game.ui.screens.base import Host
from game.ui.screens.menu_common import (
    BUTTON_SIZE,
    MenuScreen,
    blit_lines,
    blit_text,
    draw_backdrop,
    time_ago,
    with_key,
    wrap,
)
from game.ui.screens.results import Resume

GAME_NAME = "Common Ground"
TAGLINE = "A turn-based game of diplomacy, trade-offs and trust."
FALLBACK_CREDIT = (
    "Default scenario after “Cambodia-US Relations Obstacles and Future Directions” (Khmer Times), "
    "paraphrased; its numbers are a game model for discussion, not measurements."
)


@lru_cache(maxsize=1)
def credit_line() -> str:
    """Who the default scenario is based on, read from its ``sources`` (a fixed text if it cannot be read)."""
    from game.content.loader import load_scenario
    from game.content.problems import ScenarioError
    from game.paths import DEFAULT_SCENARIO

    try:
        scenario = load_scenario(DEFAULT_SCENARIO)
    except ScenarioError:
        return FALLBACK_CREDIT
    if not scenario.sources:
        return FALLBACK_CREDIT
    source = scenario.sources[0]
    publisher = f" ({source.publisher})" if source.publisher else ""
    return (
        f"Default scenario after “{source.title}”{publisher}, paraphrased; "
        "its numbers are a game model for discussion, not measurements."
    )


def continue_label(info: SaveInfo) -> tuple[str, str]:
    """Two short lines describing what Continue would load."""
    first = info.label
    if f"Turn {info.turn}" not in info.label:  # names made by the pause menu already say the turn
        first += f" · Turn {info.turn}" + (f", {info.date}" if info.date else "")
    second = f"saved {time_ago(info.saved_at)} · {info.scenario_title or info.scenario_id}"
    return first, second


class TitleScreen(MenuScreen):
    """The first screen: the game's name and its main menu."""

    def __init__(self, app: Host) -> None:
        super().__init__(app)
        self.latest: SaveInfo | None = None
        self.folder_problem = ""
        self.areas: dict[str, pygame.Rect] = {}
        self.continue_text: list[str] = []
        self.title_size = 54.0
        self.tagline_size = 17.0
        self.notice_lines = 2
        self.credit_lines = 2

    # ----------------------------------------------------------------- layout
    def build(self, rect: pygame.Rect) -> None:
        """Lay out the title, the menu and the notices; on small windows, step by step more compactly."""
        self._refresh_saves()
        width, height = rect.size
        x = max(self.px(24), round(width * 0.07))
        column = width - 2 * x
        items = [
            ("new", with_key("New game", "N"), self.new_game, pygame.K_n),
            ("continue", with_key("Continue", "C"), self.continue_game, pygame.K_c),
            ("load", with_key("Load", "L"), self.load_game, pygame.K_l),
            ("settings", with_key("Settings", "S"), self.open_settings, pygame.K_s),
            ("quit", with_key("Quit", "Q"), self.quit_game, pygame.K_q),
        ]
        button_font = theme.font(self.px(BUTTON_SIZE))
        line = button_font.get_linesize()
        text_w = max(button_font.size(text)[0] for _, text, _, _ in items)
        button_w = min(max(text_w + self.px(56), self.px(230)), column)
        small = self.font(14)
        if self.latest is not None:
            self.continue_text = list(continue_label(self.latest))
        else:
            self.continue_text = [self.folder_problem or "No saved game yet: start a new game first."]
        notice = self.app.message
        notice_font, credit_font = self.font(15), self.font(13)

        # Each step makes the layout more compact, until it fits above the credit line.
        steps = ["spacing", "title", "gaps", "credit", "notice", "tagline", "columns", "buttons"]
        options = {
            "title": 54.0,
            "spacing": self.px(30),
            "gap": self.px(10),
            "button_h": max(self.px(42), line + self.px(10)),
            "credit_lines": 2,
            "notice_lines": 2,
            "tagline": True,
            "columns": 1,
        }
        while True:
            layout = self._measure(options, column, button_w, width, height, x, small, notice, notice_font, credit_font)
            if layout["fits"] or not steps:
                break
            step = steps.pop(0)
            if step == "spacing":
                options["spacing"] = self.px(12)
            elif step == "title":
                options["title"] = 40.0
            elif step == "gaps":
                options["gap"] = self.px(5)
                options["button_h"] = line + self.px(8)
            elif step == "credit":
                options["credit_lines"] = 1
            elif step == "notice":
                options["notice_lines"] = 1
            elif step == "tagline":
                options["tagline"] = False
            elif step == "columns":
                narrow = min(column, text_w + self.px(40))
                if 2 * narrow + self.px(12) <= column:
                    options["columns"] = 2
                    button_w = narrow
            elif step == "buttons":
                options["title"] = 32.0
        self.title_size = layout["title_size"]
        self.tagline_size = 17.0 if options["tagline"] else 0.0
        self.areas = dict(layout["areas"])
        self.notice_lines = int(options["notice_lines"])
        self.credit_lines = int(options["credit_lines"])
        for name, text, command, key in items:
            widget = self.button(self.areas[name], text, command, key=key)
            if name == "continue" and self.latest is None:
                widget.disable()  # type: ignore[no-untyped-call]
        self.shortcuts[pygame.K_ESCAPE] = self.quit_game
        if self.focusables and not self.focusables[self.focus_index].is_enabled:
            self.focus_index = 0

    def detail_lines(self, font: pygame.font.Font, width: int) -> list[str]:
        """Continue's explanation wrapped to ``width``: every word shown, none cut off."""
        return [line for text in self.continue_text for line in wrap(text, font, width)]

    def _measure(
        self,
        options: dict[str, Any],
        column: int,
        button_w: int,
        width: int,
        height: int,
        x: int,
        small: pygame.font.Font,
        notice: str,
        notice_font: pygame.font.Font,
        credit_font: pygame.font.Font,
    ) -> dict[str, Any]:
        """Place everything with ``options``; says whether it fits."""
        title_size = float(options["title"])
        title_font = self.font(title_size, bold=True)
        while title_font.size(GAME_NAME)[0] > column and title_size > 20:
            title_size -= 2
            title_font = self.font(title_size, bold=True)
        tagline_font = self.font(17)
        tagline_h = tagline_font.get_linesize() if options["tagline"] else 0
        credit_lines = wrap(credit_line(), credit_font, column)[: options["credit_lines"]]
        credit_h = len(credit_lines) * credit_font.get_linesize()
        bottom = height - max(self.px(12), round(height * 0.03)) - credit_h
        button_h, gap, columns = int(options["button_h"]), int(options["gap"]), int(options["columns"])
        names = ["new", "continue", "load", "settings", "quit"]

        # Continue's explanation: beside the button when there is room, else under the menu.
        detail_w = min(self.px(260), width - x - (x + button_w * columns + gap * (columns - 1) + self.px(16)))
        beside = columns == 1 and detail_w >= self.px(170)
        if not beside:
            detail_w = column
        detail_lines = len(self.detail_lines(small, detail_w)) if beside else 1
        detail_h = detail_lines * small.get_linesize()
        rows = -(-len(names) // columns)
        menu_h = rows * button_h + (rows - 1) * gap + (0 if beside else gap + detail_h)
        notice_h = 0
        if notice:
            lines = len(wrap(notice, notice_font, column - self.px(28))[: options["notice_lines"]])
            notice_h = lines * notice_font.get_linesize() + self.px(14)
        total = title_font.get_linesize() + tagline_h + int(options["spacing"]) + menu_h
        total += self.px(12) + notice_h if notice else 0
        available = bottom - self.px(10)
        fits = total <= available - self.px(8)
        top = max(self.px(6), (available - total) // 2)

        areas: dict[str, pygame.Rect] = {}
        areas["title"] = pygame.Rect(x, top, column, title_font.get_linesize())
        areas["tagline"] = pygame.Rect(x, areas["title"].bottom, column, tagline_h)
        y = areas["tagline"].bottom + int(options["spacing"])
        for index, name in enumerate(names):
            col, row = index % columns, index // columns
            areas[name] = pygame.Rect(x + col * (button_w + gap), y + row * (button_h + gap), button_w, button_h)
        menu_bottom = y + rows * button_h + (rows - 1) * gap
        if beside:
            centre = areas["continue"].centery
            areas["detail"] = pygame.Rect(
                areas["continue"].right + self.px(16), centre - detail_h // 2, detail_w, detail_h
            )
        else:
            areas["detail"] = pygame.Rect(x, menu_bottom + gap, detail_w, detail_h)
            menu_bottom = areas["detail"].bottom
        if notice:
            areas["notice"] = pygame.Rect(x, menu_bottom + self.px(12), min(column, self.px(720)), notice_h)
        areas["credit"] = pygame.Rect(x, bottom, column, credit_h)
        # The emblem goes right of everything, above the notice if the notice reaches under it.
        right = max(
            x + title_font.size(GAME_NAME)[0],
            x + (tagline_font.size(TAGLINE)[0] if tagline_h else 0),
            areas["quit"].right,
            areas["settings"].right,
            areas["detail"].right if beside else 0,
        ) + self.px(24)
        free_bottom = bottom - self.px(8)
        if notice and areas["notice"].right > right:
            free_bottom = areas["notice"].top - self.px(8)
        areas["free"] = pygame.Rect(right, self.px(8), max(0, width - right - x // 2), max(0, free_bottom - self.px(8)))
        return {"fits": fits, "title_size": title_size, "areas": areas}

    def _refresh_saves(self) -> None:
        good, bad = list_saves()
        self.latest = good[0] if good else None
        folder_errors = [reason for path, reason in bad if not path.suffix]
        self.folder_problem = folder_errors[0] if folder_errors else ""

    # ----------------------------------------------------------------- commands
    def new_game(self) -> None:
        """Open the New game screen."""
        from game.ui.screens.newgame import NewGameScreen

        self.app.message = ""
        self.app.push(NewGameScreen(self.app))

    def continue_game(self) -> None:
        """Load the latest save (the autosave included) and resume it; a refused save is explained here."""
        from game.saves import latest_save

        info = latest_save()
        if info is None:
            self.app.message = "There is no saved game to continue yet."
            self.rebuild()
            return
        from game.persistence import load_match

        try:
            match = load_match(info.path)
        except SaveError as exc:
            self.app.message = f"Cannot continue “{info.label}”: {exc}. Choose another save under Load."
            self.rebuild()
            return
        except Exception as exc:  # a save that passes the checks but does not fit the game: refuse, never crash
            self.app.message = f"Cannot continue “{info.label}”: this save is damaged ({exc})."
            self.rebuild()
            return
        self.request(Resume(match))

    def load_game(self) -> None:
        """Open the list of saves."""
        from game.ui.screens.load import LoadScreen

        self.app.message = ""
        self.app.push(LoadScreen(self.app))

    def open_settings(self) -> None:
        """Open the settings."""
        from game.ui.screens.settings_screen import SettingsScreen

        self.app.message = ""
        self.app.push(SettingsScreen(self.app))

    def quit_game(self) -> None:
        """Close the game."""
        self.app.request_quit()

    # ----------------------------------------------------------------- drawing
    def draw_background(self, surface: pygame.Surface) -> None:
        """The backdrop, the emblem, the name, the tagline, Continue's explanation, the notice and the credit."""
        palette = self.palette
        draw_backdrop(surface, palette)
        self._draw_emblem(surface)
        areas = self.areas
        if not areas:
            return
        title = areas["title"]
        blit_text(
            surface, GAME_NAME, self.font(self.title_size, bold=True), palette.text, title.topleft, width=title.width
        )
        if self.tagline_size:
            blit_text(
                surface,
                TAGLINE,
                self.font(self.tagline_size),
                palette.muted,
                areas["tagline"].topleft,
                width=areas["tagline"].width,
            )

        detail = areas.get("detail")
        if detail is not None:
            small = self.font(14)
            texts = self.detail_lines(small, detail.width)
            if detail.height < len(texts) * small.get_linesize():  # one line under the menu
                texts = [" · ".join(self.continue_text)]
            first = len(wrap(self.continue_text[0], small, detail.width)) if self.continue_text else 0
            y = detail.top
            for index, text in enumerate(texts):
                colour = palette.text if self.latest is not None and index < first else palette.muted
                blit_text(surface, text, small, colour, (detail.left, y), width=detail.width)
                y += small.get_linesize()

        notice = areas.get("notice")
        if notice is not None and self.app.message:
            pygame.draw.rect(surface, palette.panel, notice, border_radius=self.px(6))
            pygame.draw.rect(
                surface, palette.bad, (notice.left, notice.top, self.px(4), notice.height), border_radius=self.px(2)
            )
            inner = notice.inflate(-self.px(24), -self.px(16))
            inner.left = notice.left + self.px(14)
            blit_lines(surface, self.app.message, self.font(15), palette.text, inner, max_lines=self.notice_lines)

        credit = areas["credit"]
        blit_lines(surface, credit_line(), self.font(13), palette.muted, credit, max_lines=self.credit_lines)

    def _draw_emblem(self, surface: pygame.Surface) -> None:
        """Two overlapping circles (the two sides) and the lens they share: the common ground."""
        free = self.areas.get("free")
        height = surface.get_height()
        if free is None:
            return
        radius = min((free.width - self.px(20)) / 3.2, (free.height - self.px(20)) / 2, height * 0.27)
        if radius < self.px(50):  # no room beside the menu: no emblem rather than one behind the text
            return
        centre = (
            free.centerx,
            max(free.top + radius + self.px(10), min(free.bottom - radius - self.px(10), height * 0.46)),
        )
        image = _emblem(round(radius), self.app.settings.palette, False)
        surface.blit(image, image.get_rect(center=(round(centre[0]), round(centre[1]))))


@lru_cache(maxsize=4)
def _emblem(radius: int, palette_name: str, faint: bool) -> pygame.Surface:
    """The emblem image (cached per size and palette)."""
    palette = theme.palette(palette_name)
    radius = max(8, radius)
    offset = round(radius * 0.55)
    size = (2 * (radius + offset) + 8, 2 * radius + 8)
    centre_y = size[1] // 2
    left = (size[0] // 2 - offset, centre_y)
    right = (size[0] // 2 + offset, centre_y)
    strength = 0.45 if faint else 1.0

    def disc(colour: tuple[int, int, int], centre: tuple[int, int], alpha: int) -> pygame.Surface:
        layer = pygame.Surface(size, pygame.SRCALPHA)
        pygame.draw.circle(layer, (*colour, alpha), centre, radius)
        return layer

    image = pygame.Surface(size, pygame.SRCALPHA)
    image.blit(disc(palette.accent, left, round(34 * strength)), (0, 0))
    image.blit(disc(palette.series[1], right, round(34 * strength)), (0, 0))
    lens = disc(palette.good, left, 255)
    lens.blit(disc(palette.good, right, 255), (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
    lens.fill((255, 255, 255, round(92 * strength)), special_flags=pygame.BLEND_RGBA_MULT)
    image.blit(lens, (0, 0))
    ring = max(2, radius // 60)
    pygame.draw.circle(image, (*palette.accent, round(200 * strength)), left, radius, ring)
    pygame.draw.circle(image, (*palette.series[1], round(200 * strength)), right, radius, ring)
    # small nodes around each circle, like meetings on a calendar
    for index in range(12):
        angle = math.tau * index / 12 + 0.26
        for (cx, cy), colour in ((left, palette.accent), (right, palette.series[1])):
            point = (round(cx + math.cos(angle) * radius), round(cy + math.sin(angle) * radius))
            inside_other = math.dist(point, right if (cx, cy) == left else left) < radius
            if not inside_other:
                pygame.draw.circle(image, (*colour, round(230 * strength)), point, max(2, radius // 32))
    return image
