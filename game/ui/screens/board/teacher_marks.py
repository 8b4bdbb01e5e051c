"""What the teacher's console puts on the board: the turn timer's countdown in the header (in the warning colour,
with a message, in its last seconds), and every side's objectives while the teacher shows them."""

from __future__ import annotations

import pygame

from game.engine import localize
from game.i18n import N_, tr
from game.ui.screens.board.notice import draw_box
from game.ui.screens.ingame import BODY, SMALL, GameScreen
from game.ui.turn_timer import WARNING_SECONDS
from game.ui.widgets import text as textlib

COUNTDOWN_SAMPLE = N_("Time left 88:88")


def countdown_width(screen: GameScreen) -> int:
    """The room the countdown takes in the header (0 without a turn timer)."""
    if screen.match.teacher.turn_seconds is None:
        return 0
    return textlib.width_of(screen.font(BODY, bold=True), tr(COUNTDOWN_SAMPLE)) + screen.px(24)


def draw_countdown(screen: GameScreen, surface: pygame.Surface, rect: pygame.Rect) -> None:
    """``Time left 2:05`` in a pill (the warning colour in the last seconds; ``Paused`` while paused)."""
    timer = screen.app.timer
    if rect.width <= 0 or not timer.on:
        return
    palette, px = screen.palette, screen.px
    warning = timer.warning()
    paused = screen.match.teacher.paused
    colour = palette.bad if warning and not paused else palette.accent
    pygame.draw.rect(surface, palette.panel, rect, border_radius=px(8))
    pygame.draw.rect(surface, colour, rect, width=max(1, px(2)), border_radius=px(8))
    text = tr("Paused {label}", label=timer.label()) if paused else tr("Time left {label}", label=timer.label())
    textlib.draw(
        surface,
        text,
        (rect.centerx, rect.centery - screen.font(BODY, bold=True).get_linesize() // 2),
        font=screen.font(BODY, bold=True),
        colour=colour,
        align="center",
        max_width=rect.width - px(8),
    )


def warning_text(screen: GameScreen) -> str:
    """The message of the turn timer's last seconds (``""`` before them)."""
    timer = screen.app.timer
    if not timer.warning() or screen.match.teacher.paused:
        return ""
    if timer.left is not None and timer.left <= 0:
        return tr("Time is up: the turn ends with what was committed.")
    return tr(
        "Less than {warning_seconds} seconds left: the turn ends with what is committed when time runs out.",
        warning_seconds=WARNING_SECONDS,
    )


def draw_warning(screen: GameScreen, surface: pygame.Surface, body: pygame.Rect) -> int:
    """The turn timer's warning in a box at the top of the board, edged in the warning colour; returns where the
    board shows again under it (the top of ``body`` when there is no warning)."""
    text = warning_text(screen)
    if not text:
        return body.top
    box = draw_box(screen, surface, body, text, edge=screen.palette.bad, lines=2, top=True)
    return box.bottom


def draw_objectives(screen: GameScreen, surface: pygame.Surface, body: pygame.Rect, top: int) -> None:
    """Every side's objectives in a box over the board from ``top`` (the teacher shows them), each side's cut to
    its share of the room."""
    palette, px = screen.palette, screen.px
    match = screen.match
    lang = match.game.lang
    heading, font = screen.font(BODY, bold=True), screen.font(SMALL + 1)
    line_h = font.get_linesize()
    box = pygame.Rect(body.left + px(20), top + px(8), body.width - px(40), body.bottom - top - px(16))
    inner = box.width - px(28)
    roles = match.scenario.roles
    share = max(1, (box.height - heading.get_linesize() - px(24) - px(6) * len(roles)) // line_h // len(roles))
    blocks: list[list[str]] = []
    for role in roles:
        lines = list(textlib.wrap(font, f"{match.role_name(role.id)}: {localize(role.objectives, lang)}", inner))
        if len(lines) > share:  # the rest of the text ellipsized on the last line of the role's share
            lines = [*lines[: share - 1], textlib.fit(font, " ".join(lines[share - 1 :]), inner)]
        blocks.append(lines)
    box.height = min(box.height, heading.get_linesize() + sum(map(len, blocks)) * line_h + px(24) + px(6) * len(roles))
    pygame.draw.rect(surface, palette.background, box, border_radius=px(8))
    pygame.draw.rect(surface, palette.accent, box, width=max(1, px(2)), border_radius=px(8))
    x, y = box.left + px(14), box.top + px(10)
    textlib.draw(
        surface,
        tr("Both sides' objectives (shown by the teacher)"),
        (x, y),
        font=heading,
        colour=palette.text,
        max_width=inner,
    )
    y += heading.get_linesize() + px(4)
    for lines in blocks:
        for line in lines:
            if y + line_h > box.bottom - px(4):
                return
            textlib.draw(surface, line, (x, y), font=font, colour=palette.text, max_width=inner)
            y += line_h
        y += px(6)
