"""The proposal being built on the negotiation table: the items of each list (those that can be offered now first),
the picked ones, how they weigh for each side, why they cannot be sent, and the cursor of each list."""

from __future__ import annotations

import pygame

from game.ai.negotiation import Evaluation, evaluate_for
from game.i18n import tr
from game.ui.screens.ingame import GameScreen
from game.ui.screens.negotiate.shared import SIDES, Entry, Table
from game.ui.screens.negotiate.words import effects_summary, unavailable_reason


class ProposalPicker:
    """Reads and changes the picked items and the list cursors kept in ``table`` (the screen shows the notices it
    returns and redraws)."""

    def __init__(self, screen: GameScreen, table: Table) -> None:
        self.screen = screen
        self.table = table

    def entries_of(self, side: str) -> list[Entry]:
        """The items of one list: those that may be offered now first (file order), then the others greyed."""
        screen, table = self.screen, self.table
        game = screen.game
        giver = screen.role if side == "give" else table.other
        negotiation = game.scenario.negotiation
        if negotiation is None:
            return []
        legal = {i.id for i in game.legal_items(giver)}
        items = [i for i in negotiation.items if i.giver == giver]
        open_ = [Entry(i, "", effects_summary(screen, i)) for i in items if i.id in legal]
        closed = [
            Entry(i, unavailable_reason(screen, i, screen.role, table.other), effects_summary(screen, i))
            for i in items
            if i.id not in legal
        ]
        return open_ + closed

    def refresh(self) -> None:
        """Recompute both lists; drop picked items that can no longer be offered; keep each cursor on a row."""
        table = self.table
        table.entries = {side: self.entries_of(side) for side in SIDES}
        legal = {e.item.id for side in SIDES for e in table.entries[side] if not e.reason}
        table.chosen &= legal
        for side in SIDES:
            table.cursor[side] = min(table.cursor[side], max(0, len(table.entries[side]) - 1))

    def bundle(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """``(give, ask)``: the picked items of each list, in list order."""
        table = self.table
        give = tuple(e.item.id for e in table.entries["give"] if e.item.id in table.chosen)
        ask = tuple(e.item.id for e in table.entries["ask"] if e.item.id in table.chosen)
        return give, ask

    def weigh(self, judge: str) -> Evaluation:
        """How the picked items weigh for ``judge`` (the counterpart or the player), live: nothing is sent."""
        give, ask = self.bundle()
        return evaluate_for(self.screen.game, self.screen.role, self.table.other, give, ask, judge)

    def problem(self) -> str:
        """Why the picked items cannot be sent now, or ``""``."""
        give, ask = self.bundle()
        if not give and not ask:
            return tr("Pick at least one item to give or to ask for.")
        problem = self.screen.game.why_not_propose(self.screen.role, self.table.other, give, ask)
        return tr("Cannot send: {problem}.", problem=problem) if problem else ""

    def focused(self) -> Entry | None:
        """The item under the mouse, else the one under the list cursor."""
        table = self.table
        if table.hover is not None and table.hover[0] in SIDES:
            side, index = table.hover
            if index < len(table.entries[side]):
                return table.entries[side][index]
        entries = table.entries[table.last_list]
        return entries[table.cursor[table.last_list]] if entries else None

    def toggle(self, side: str, index: int) -> tuple[str, bool] | None:
        """Put the cursor on item ``index`` of ``side`` and add it to the proposal or take it out; the notice to
        show (and whether it says why not), or ``None`` when there is no such item."""
        table = self.table
        entries = table.entries[side]
        if not 0 <= index < len(entries):
            return None
        table.cursor[side] = index
        table.last_list = side
        entry = entries[index]
        label = self.screen.say(entry.item.label)
        if entry.reason:
            return tr("{label}: not now, {reason}", label=label, reason=entry.reason), True
        if entry.item.id in table.chosen:
            table.chosen.discard(entry.item.id)
            return tr("Taken out: {label}", label=label), False
        table.chosen.add(entry.item.id)
        return tr("Added: {label}", label=label), False

    def move(self, side: str, key: int, page: int) -> bool:
        """Up/Down, PgUp/PgDn (``page`` rows), Home/End: move the cursor of ``side``; whether it moved."""
        table = self.table
        count = len(table.entries[side])
        steps = {pygame.K_UP: -1, pygame.K_DOWN: 1, pygame.K_PAGEUP: -page, pygame.K_PAGEDOWN: page}
        if key in steps and count:
            table.cursor[side] = max(0, min(count - 1, table.cursor[side] + steps[key]))
            table.hover = None
            return True
        if key in (pygame.K_HOME, pygame.K_END) and count:
            table.cursor[side] = 0 if key == pygame.K_HOME else count - 1
            return True
        return False
