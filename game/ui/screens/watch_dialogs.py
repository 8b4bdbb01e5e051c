"""The dialogs of ``play --scenario FILE --watch`` when the edited file cannot carry the game on: its problems (OK:
the game goes on with the version loaded before), or the turn at which the replay stopped (Restart on the new
version, or keep playing the old one). Each is a :class:`~game.ui.screens.deal_dialogs.DealDialog`."""

from __future__ import annotations

import pygame

from game.i18n import tr, tr_n
from game.table.reload import ReplayFailed
from game.ui.screens.base import Host
from game.ui.screens.deal_dialogs import DealDialog, DialogButton
from game.ui.screens.ingame import BODY, SMALL
from game.ui.screens.results import Closed, NewGame
from game.ui.widgets import Document

#: How many of a broken file's problems the dialog lists (the rest are counted; ``validate`` lists them all).
SHOWN_PROBLEMS = 12


def problems_dialog(app: Host, path: str, lines: list[str]) -> DealDialog:
    """The edited file at ``path`` does not load: its problems, each ``file:line:col: message``. OK closes it."""

    def fill(doc: Document) -> None:
        doc.para(tr("{file} does not load. The game goes on with the version loaded before: fix the file and save it "
                    "again.", file=path),
                 colour=dialog.palette.muted, size=BODY - 1, gap=8)  # fmt: skip
        for line in lines[:SHOWN_PROBLEMS]:
            doc.para(line, colour=dialog.palette.bad, size=SMALL + 1, gap=4)
        if len(lines) > SHOWN_PROBLEMS:
            more = len(lines) - SHOWN_PROBLEMS
            doc.para(tr("... and {more} more (python main.py validate {file} lists them all).", more=more, file=path),
                     colour=dialog.palette.muted, size=SMALL + 1, gap=4)  # fmt: skip

    count = len(lines)
    dialog = DealDialog(
        app,
        _anybody(app),
        kicker=tr("The scenario file was saved again"),
        title=tr_n("The edited scenario has {n} problem", "The edited scenario has {n} problems", count),
        fill=fill,
        buttons=[DialogButton(tr("OK (Enter)"), Closed())],
        cancel=0,
    )
    return dialog


def replay_dialog(app: Host, path: str, failed: ReplayFailed) -> DealDialog:
    """The game cannot be replayed on the edited file past ``failed.turn``: Restart (a new game of the new version,
    same seats and seed) or Keep playing the old version (the default)."""
    assert app.match is not None
    match = app.match

    def fill(doc: Document) -> None:
        reason = f"{failed.reason[:1].upper()}{failed.reason[1:]}"
        doc.para(tr("{file}: {reason}.", file=path, reason=reason), colour=dialog.palette.text, size=BODY, gap=8)
        doc.para(tr("Restart to play the new version from its first turn, or keep playing this game on the version "
                    "loaded before."), colour=dialog.palette.muted, size=BODY - 1, gap=4)  # fmt: skip

    restart = NewGame(failed.scenario, match.scenario_path, dict(match.seats), match.seed)
    buttons = [
        DialogButton(tr("Keep playing the old version (K)"), Closed(), pygame.K_k),
        DialogButton(tr("Restart (R)"), restart, pygame.K_r),
    ]
    dialog = DealDialog(
        app,
        _anybody(app),
        kicker=tr("The scenario file was saved again"),
        title=tr("The edited scenario cannot replay this game past turn {turn}", turn=failed.turn),
        fill=fill,
        buttons=buttons,
        cancel=0,
    )
    return dialog


def _anybody(app: Host) -> str:
    """The role the dialog is drawn for: it shows nothing private, so the first person's (or the first role's)."""
    assert app.match is not None
    match = app.match
    return match.persons[0] if match.persons else match.scenario.roles[0].id
