"""The title screen: New game, Learn to play, Continue (the latest save), Load, Settings, Quit.

Where its parts go is worked out by :mod:`game.ui.screens.title_layout`; the emblem is drawn by
:mod:`game.ui.widgets.emblem`. The screen draws the texts and runs the menu's commands."""

from __future__ import annotations

from functools import lru_cache

import pygame

from game.content.loader import load_scenario
from game.content.problems import ScenarioError
from game.i18n import N_, language, tr
from game.paths import DEFAULT_SCENARIO
from game.persistence import load_match
from game.saves import SaveError, SaveInfo, is_autosave, latest_save, list_saves
from game.ui.screens.base import Host
from game.ui.screens.load import LoadScreen
from game.ui.screens.menu_common import (
    MenuScreen,
    blit_lines,
    blit_text,
    draw_backdrop,
    time_ago,
    with_key,
    wrap,
)
from game.ui.screens.newgame import NewGameScreen
from game.ui.screens.results import LearnToPlay, Resume
from game.ui.screens.settings_screen import SettingsScreen
from game.ui.screens.title_layout import GAME_NAME, TAGLINE, TitleLayout, detail_lines
from game.ui.widgets.emblem import emblem
from game.ui.widgets.gui import set_enabled

FALLBACK_CREDIT = N_(
    "Default scenario after “Cambodia-US Relations Obstacles and Future Directions” (Khmer Times), "
    "paraphrased; its numbers are a game model for discussion, not measurements."
)


def credit_line() -> str:
    """Who the default scenario is based on, read from its ``sources`` (a fixed text if it cannot be read)."""
    return _credit_line(language())


@lru_cache(maxsize=4)
def _credit_line(lang: str) -> str:
    try:
        scenario = load_scenario(DEFAULT_SCENARIO)
    except ScenarioError:
        return tr(FALLBACK_CREDIT)
    if not scenario.sources:
        return tr(FALLBACK_CREDIT)
    source = scenario.sources[0]
    publisher = f" ({source.publisher})" if source.publisher else ""
    return tr(
        "Default scenario after “{title}”{publisher}, paraphrased; its numbers are a game model "
        "for discussion, not measurements.",
        title=source.title,
        publisher=publisher,
    )


def continue_label(info: SaveInfo) -> tuple[str, str]:
    """Two short lines describing what Continue would load."""
    first = info.label
    if (
        f"Turn {info.turn}" not in info.label and tr("Turn {turn}", turn=info.turn) not in info.label
    ):  # names made by the pause menu already say the turn
        first += tr(" · Turn {turn}", turn=info.turn) + (f", {info.date}" if info.date else "")
    second = tr(
        "saved {ago} · {scenario}", ago=time_ago(info.saved_at), scenario=info.scenario_title or info.scenario_id
    )
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
        items = [
            ("new", with_key(tr("New game"), "N"), self.new_game, pygame.K_n),
            ("tutorial", with_key(tr("Learn to play"), "T"), self.learn_to_play, pygame.K_t),
            ("continue", with_key(tr("Continue"), "C"), self.continue_game, pygame.K_c),
            ("load", with_key(tr("Load"), "L"), self.load_game, pygame.K_l),
            ("settings", with_key(tr("Settings"), "S"), self.open_settings, pygame.K_s),
            ("quit", with_key(tr("Quit"), "Q"), self.quit_game, pygame.K_q),
        ]
        if self.latest is not None:
            self.continue_text = list(continue_label(self.latest))
        else:
            self.continue_text = [self.folder_problem or tr("No saved game yet: start a new game first.")]
        texts = [text for _, text, _, _ in items]
        layout = TitleLayout(self, rect.size, texts, self.continue_text, credit_line(), self.app.message)
        placement = layout.fit()
        self.title_size = placement.title_size
        self.tagline_size = 17.0 if layout.options.tagline else 0.0
        self.areas = dict(placement.areas)
        self.notice_lines = layout.options.notice_lines
        self.credit_lines = layout.options.credit_lines
        for name, text, command, key in items:
            widget = self.button(self.areas[name], text, command, key=key)
            if name == "continue" and self.latest is None:
                set_enabled(widget, False)
        self.shortcuts[pygame.K_ESCAPE] = self.quit_game
        if self.focusables and not self.focusables[self.focus_index].is_enabled:
            self.focus_index = 0

    def detail_lines(self, font: pygame.font.Font, width: int) -> list[str]:
        """Continue's explanation wrapped to ``width``: every word shown, none cut off."""
        return detail_lines(self.continue_text, font, width)

    def _refresh_saves(self) -> None:
        good, bad = list_saves()
        self.latest = good[0] if good else None
        folder_errors = [reason for path, reason in bad if not path.suffix]
        self.folder_problem = folder_errors[0] if folder_errors else ""
        damaged = [reason for path, reason in bad if is_autosave(path)]
        if not good and damaged and not self.folder_problem:
            # not "no saved game yet": there is one, and the player should hear why it cannot go on
            self.folder_problem = tr(
                "Your last game cannot be continued: {damaged}. Start a new game.", damaged=damaged[0]
            )

    # ----------------------------------------------------------------- commands
    def new_game(self) -> None:
        """Open the New game screen."""
        self.app.message = ""
        self.app.push(NewGameScreen(self.app))

    def learn_to_play(self) -> None:
        """Start the tutorial: a short game that teaches itself."""
        self.app.message = ""
        self.request(LearnToPlay())

    def continue_game(self) -> None:
        """Load the latest save (the autosave included) and resume it; a refused save is explained here."""
        info = latest_save()
        if info is None:
            self.app.message = tr("There is no saved game to continue yet.")
            self.rebuild()
            return
        try:
            match = load_match(info.path)
        except SaveError as exc:
            self.app.message = tr(
                "Cannot continue “{label}”: {exc}. Choose another save under Load.", label=info.label, exc=exc
            )
            self.rebuild()
            return
        except Exception as exc:  # a save that passes the checks but does not fit the game: refuse, never crash
            self.app.message = tr("Cannot continue “{label}”: this save is damaged ({exc}).", label=info.label, exc=exc)
            self.rebuild()
            return
        self.request(Resume(match))

    def load_game(self) -> None:
        """Open the list of saves."""
        self.app.message = ""
        self.app.push(LoadScreen(self.app))

    def open_settings(self) -> None:
        """Open the settings."""
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
            surface,
            tr(GAME_NAME),
            self.font(self.title_size, bold=True),
            palette.text,
            title.topleft,
            width=title.width,
        )
        if self.tagline_size:
            blit_text(
                surface,
                tr(TAGLINE),
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
        image = emblem(round(radius), self.app.settings.palette, False)
        surface.blit(image, image.get_rect(center=(round(centre[0]), round(centre[1]))))
