"""The negotiation table screen: it builds the panels (the two item lists, the weigh panel, the agreements and
the agreement in full, the header, the tabs and the status line), holds the state they share (the counterpart, the
picked items, the cursors, the panel with the keyboard), lays them out and routes the input."""

from __future__ import annotations

import pygame
from pygame_gui.elements import UIButton

from game.ai.negotiation import Evaluation
from game.engine import Agreement, Counter, ProposalStatus, Propose, RulesError
from game.i18n import tr
from game.table import ProposalSent, TableError
from game.table import view as seat_view
from game.ui.screens.base import Host
from game.ui.screens.ingame import GameScreen
from game.ui.screens.negotiate.agreement_list import AgreementList
from game.ui.screens.negotiate.agreement_panel import AgreementPanel
from game.ui.screens.negotiate.buttons import ActionButtons
from game.ui.screens.negotiate.focus import TAB_KEYS, KeyboardFocus
from game.ui.screens.negotiate.header import TableHeader
from game.ui.screens.negotiate.item_list import ItemList
from game.ui.screens.negotiate.layout import lay_out, visible_panels
from game.ui.screens.negotiate.picker import ProposalPicker
from game.ui.screens.negotiate.pointer import TablePointer
from game.ui.screens.negotiate.shared import SIDES, Entry, Hit, list_area, row_height
from game.ui.screens.negotiate.status_line import StatusLine
from game.ui.screens.negotiate.tabs import TableTabs
from game.ui.screens.negotiate.weigh_panel import WeighPanel
from game.ui.screens.negotiate.words import why_not_break
from game.ui.screens.results import AskBreak, Sent, TableClosed
from game.ui.widgets import Document
from game.ui.widgets.gui import set_selected


class NegotiationScreen(GameScreen):
    """The negotiation table of ``role`` with ``other``: a proposal (or a counter-proposal to ``reply_to``) and the
    agreements. Esc goes back to the board."""

    pausable = False

    def __init__(
        self, app: Host, role: str | None = None, *, reply_to: str | None = None, view: str = "proposal"
    ) -> None:
        super().__init__(app, role)
        self.seat = seat_view(self.match, self.role)
        self.others = [r.id for r in self.game.scenario.roles if r.id != self.role]
        self.other = self.others[0] if self.others else self.role
        self.reply_to: str | None = None
        self.chosen: set[str] = set()
        self.view = view  # "proposal" or "agreements"
        self.zone = "agreements" if view == "agreements" else "give"  # give | ask | weigh | agreements | buttons
        self.last_list = "give"
        self.cursor = {"give": 0, "ask": 0}
        self.first_row = {"give": 0, "ask": 0}
        self.agreement_index = max(0, len(self.agreements()) - 1)
        self.hover: tuple[str, int] | None = None
        self.hits: list[Hit] = []
        self.layout = "wide"
        self.pad = self.px(10)
        self.version: tuple[object, ...] | None = None
        self.entries: dict[str, list[Entry]] = {"give": [], "ask": []}
        self.send_button: UIButton | None = None
        self.clear_button: UIButton | None = None
        self.break_button: UIButton | None = None
        # The parts of the table: the proposal being built, the keyboard focus, and a component per panel.
        self.picker = ProposalPicker(self, self)
        self.keyboard = KeyboardFocus(self, self, show_focus=self._show_focus)
        self.heading = TableHeader(self, self)
        self.tab_bar = TableTabs(self, self)
        self.lists = {side: ItemList(self, self, side) for side in SIDES}
        self.weigh = WeighPanel(self, self)
        self.agreement_panel = AgreementPanel(self, self)
        self.agreement_list = AgreementList(self, self, self.agreement_panel)
        self.status_line = StatusLine(self, self)
        self.buttons = ActionButtons(self, self)
        self.pointer = TablePointer(
            self, self, tabs=self.tab_bar, weigh=self.weigh, agreement=self.agreement_panel, changed=self._changed
        )
        if reply_to is not None:
            self.load(reply_to)

    # ----------------------------------------------------------------- what the table shows
    def agreements(self) -> list[Agreement]:
        """The agreements the player is a party to, as its seat sees them."""
        return [a for a in self.seat.agreements if self.role in a.parties]

    def _refresh(self) -> None:
        """Recompute the item lists when the game has changed; drop picked items that can no longer be offered."""
        game = self.game
        version = (game.turn, game.phase, len(game.state.news), len(game.history), self.other)
        if version == self.version:
            return
        self.version = version
        self.seat = seat_view(self.match, self.role)
        self.picker.refresh()
        self.agreement_index = min(self.agreement_index, max(0, len(self.agreements()) - 1))
        if self.reply_to is not None and self._status(self.reply_to) is not ProposalStatus.OPEN:
            self.reply_to = None
        self.weigh.forget()
        self.agreement_panel.forget()

    def _status(self, proposal_id: str) -> ProposalStatus | None:
        """Where a proposal this seat sent or received stands, as its view shows it."""
        return next((p.status for p in self.seat.proposals if p.id == proposal_id), None)

    def bundle(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """``(give, ask)``: the picked items of each list, in list order."""
        return self.picker.bundle()

    def evaluation(self) -> Evaluation:
        """The counterpart's breakdown of the picked items (live: nothing is sent)."""
        return self.picker.weigh(self.other)

    def own_view(self) -> Evaluation:
        """The player's own breakdown of the picked items (what it receives and what it gives, for its
        objectives)."""
        return self.picker.weigh(self.role)

    def send_problem(self) -> str:
        """Why the picked items cannot be sent now, or ``""``."""
        self._refresh()
        return self.picker.problem()

    def focused_entry(self) -> Entry | None:
        """The item under the mouse, else the one under the list cursor."""
        return self.picker.focused()

    def selected_agreement(self) -> Agreement | None:
        """The agreement under the cursor of the agreements panel."""
        agreements = self.agreements()
        return agreements[self.agreement_index] if agreements else None

    def break_problem(self) -> str:
        """Why the selected agreement cannot be broken by the player, or ``""``."""
        return why_not_break(self, self.selected_agreement())

    # ----------------------------------------------------------------- commands
    def load(self, proposal_id: str) -> None:
        """Load a proposal addressed to the player into the picker, to change it and send it back: what it asks
        of the player is what the player gives, what it offers is what the player asks."""
        proposal = self.game.proposal(proposal_id)
        self.other = proposal.sender
        self.reply_to = proposal_id if proposal.status is ProposalStatus.OPEN else None
        self.chosen = set(proposal.give) | set(proposal.ask)
        self.version = None
        self._refresh()
        self.view, self.zone, self.last_list = "proposal", "give", "give"
        if self.manager is not None:
            self.rebuild()

    def toggle(self, side: str, index: int) -> None:
        """Add an item to the proposal or take it out; an item that cannot be offered now says why."""
        notice = self.picker.toggle(side, index)
        if notice is not None:
            self.show_notice(notice[0], bad=notice[1])
            self._changed()

    def clear(self) -> None:
        """Take every item out of the proposal."""
        self.chosen = set()
        self.show_notice(tr("The proposal is empty."))
        self._changed()

    def send(self) -> None:
        """Send the proposal (or the counter-proposal) through the match and show the answer (a computer answers
        at once; a person in their own part of the turn)."""
        problem = self.send_problem()
        if problem:
            self.show_notice(problem, bad=True)
            return
        give, ask = self.bundle()
        match = self.match
        try:
            if self.reply_to is not None and self._status(self.reply_to) is ProposalStatus.OPEN:
                results = match.apply(self.role, Counter(self.role, self.reply_to, give, ask))
            else:
                results = match.apply(self.role, Propose(self.role, self.other, give, ask))
        except (RulesError, TableError) as exc:
            self.show_notice(str(exc), bad=True)
            return
        sent = next(
            (r.proposal for r in results if isinstance(r, ProposalSent) and r.proposal.sender == self.role), None
        )
        self.reply_to = None
        self.seat = seat_view(match, self.role)
        if sent is not None and self._status(sent.id) in (ProposalStatus.ACCEPTED, ProposalStatus.OPEN):
            self.chosen = set()  # made, or waiting for a person's answer: nothing left to send
        self._changed()
        self.request(Sent(self.role, tuple(results)))

    def ask_break(self) -> None:
        """Open the confirmation of breaking the selected agreement (it states the cost first)."""
        problem = self.break_problem()
        agreement = self.selected_agreement()
        if problem or agreement is None:
            self.show_notice(problem, bad=True)
            return
        self.request(AskBreak(self.role, agreement.id))

    def back(self) -> None:
        """Back to the board (a proposal being built is dropped; nothing was sent)."""
        self.dismiss(TableClosed())

    def next_counterpart(self) -> None:
        """With several other roles: negotiate with the next one."""
        if len(self.others) < 2:
            return
        self.other = self.others[(self.others.index(self.other) + 1) % len(self.others)]
        self.chosen = set()
        self.reply_to = None
        self.version = None
        self.rebuild()

    def answered(self, message: str, *, bad: bool = False) -> None:
        """Back from a dialog that changed the game (an answer, a break): say what happened."""
        self.version = None
        self._refresh()
        self.show_notice(message, bad=bad)
        self._changed()

    def autoplay(self) -> None:
        """A computer player negotiates elsewhere: back to the board."""
        self.back()

    def _changed(self) -> None:
        self.weigh.forget()
        self.agreement_panel.forget()
        self._sync_buttons()
        self.app.dirty = True

    # ----------------------------------------------------------------- layout
    def build(self, rect: pygame.Rect) -> None:
        """Lay the table out (:func:`lay_out`) and make its buttons, in the order Tab visits them: the view's
        actions, then Back."""
        self._refresh()
        self.weigh.forget()
        self.agreement_panel.forget()
        self.place = place = lay_out(
            self, rect, view=self.view, replying=bool(self.reply_to), several=len(self.others) > 1
        )
        self.layout, self.pad, self.hints = place.layout, place.pad, place.hints
        self.header, self.tabs_rect, self.body = place.header, place.tabs, place.body
        self.actions_rect, self.footer = place.actions.rect, place.footer
        self.back_button = self.buttons.make(
            place, clear=self.clear, send=self.send, ask_break=self.ask_break, back=self.back
        )
        self._sync_buttons()

    def _sync_buttons(self) -> None:
        """Enable Send and Break only when they can act (the reason is written beside them)."""
        self.buttons.sync()
        self._show_focus()

    def _show_focus(self) -> None:
        """The buttons show the keyboard focus only while it is on them (not on a list)."""
        if getattr(self, "zone", "buttons") == "buttons":
            super()._show_focus()
            return
        for widget in self.focusables:
            if widget.is_enabled:
                set_selected(widget, False)

    def set_zone(self, zone: str) -> None:
        """Give the keyboard to a list, the breakdown, the agreements or the buttons (:meth:`KeyboardFocus.set`)."""
        self.keyboard.set(zone)

    # ----------------------------------------------------------------- input
    def handle(self, event: pygame.event.Event) -> bool:
        """Keys for the lists, tabs, scrolling and buttons; clicks, hover and the wheel on the drawn panels."""
        if event.type == pygame.KEYDOWN:
            return self._key(event)
        if event.type == pygame.MOUSEMOTION:
            self.pointer.move(event.pos)
            return False
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            return self.pointer.click(event.pos)
        if event.type == pygame.MOUSEWHEEL:
            return self.pointer.wheel(event, self.place.panels.weigh)
        return False

    def _key(self, event: pygame.event.Event) -> bool:
        key = event.key
        shift = bool(event.mod & pygame.KMOD_SHIFT)
        if key == pygame.K_ESCAPE:
            self.back()
            return True
        if key == pygame.K_TAB:
            self.keyboard.cycle(-1 if shift else 1)
            return True
        if key in TAB_KEYS:
            self.set_zone(TAB_KEYS[key])
            return True
        if key == pygame.K_o:
            self.next_counterpart()
            return True
        if (
            key in (pygame.K_UP, pygame.K_DOWN, pygame.K_PAGEUP, pygame.K_PAGEDOWN)
            and (shift or self.zone == "weigh")
            and self.zone != "buttons"
        ):
            self._scroll_detail(key)
            return True
        if self.zone == "buttons":
            return super().handle(event)
        if key in (pygame.K_LEFT, pygame.K_RIGHT):
            self._side_step(1 if key == pygame.K_RIGHT else -1)
            return True
        if self.zone in SIDES:
            return self._list_key(key) or super().handle(event)
        if self.zone == "weigh" and key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
            return True  # the breakdown only reads: Space and Enter act on a list or a button
        if self.zone == "agreements":
            if key in (pygame.K_UP, pygame.K_DOWN):
                self.select_agreement(self.agreement_index + (1 if key == pygame.K_DOWN else -1))
                return True
            if key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                self.set_zone("buttons")
                return True
        return super().handle(event)

    def _list_key(self, key: int) -> bool:
        side = self.zone
        if self.picker.move(side, key, self._visible_rows()):
            self._changed()
            return True
        if key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
            self.toggle(side, self.cursor[side])
            return True
        return False

    def _visible_rows(self) -> int:
        return max(1, list_area(self, self.pad, self.place.panels.give).height // row_height(self, self.pad))

    def _side_step(self, step: int) -> None:
        """Left/Right: between the lists (and the breakdown in the narrow layout); in the agreements, the
        previous or next agreement."""
        if self.view == "agreements":
            self.select_agreement(self.agreement_index + step)
            return
        self.keyboard.side_step(step)

    def select_agreement(self, index: int) -> None:
        """Put the agreements cursor on ``index`` (clamped)."""
        if self.agreement_list.select(index):
            self._changed()

    def _scroll_detail(self, key: int) -> None:
        view = self.agreement_panel.scroll if self.view == "agreements" else self.weigh.scroll
        step = self.px(40) if key in (pygame.K_UP, pygame.K_DOWN) else max(self.px(40), self.body.height - self.px(40))
        view.scroll(step if key in (pygame.K_DOWN, pygame.K_PAGEDOWN) else -step)
        self.app.dirty = True

    def on_enter(self) -> None:
        """Back from a dialog: the game may have changed."""
        self.version = None
        self._refresh()
        self._sync_buttons()

    # ----------------------------------------------------------------- drawing
    def draw_background(self, surface: pygame.Surface) -> None:
        """The header, the tabs, the panels of the view, the status of the action row and the key hints."""
        self._refresh()
        palette = self.palette
        surface.fill(palette.background)
        self.hits = []
        place, panels = self.place, self.place.panels
        self.heading.draw(surface, place.header, place.header_text_w)
        self.tab_bar.draw(surface, place.tabs)
        if self.view == "agreements":
            if self.layout != "narrow":
                self.agreement_list.draw(surface, panels.agreements)
            self.agreement_panel.draw(surface, panels.detail)
        else:
            visible = visible_panels(self.layout, self.zone, self.last_list)
            for side in SIDES:
                if side in visible:
                    self.lists[side].draw(surface, panels.give if side == "give" else panels.ask)
            if "weigh" in visible:
                self.weigh.draw(surface, panels.weigh)
        self.status_line.draw(surface, place.actions.status)
        self.draw_key_hints(surface, self.footer, self.hints)

    # ----------------------------------------------------------------- what the panels offer
    def weigh_title(self) -> str:
        """The title of the weigh panel (:meth:`WeighPanel.title`)."""
        return self.weigh.title()

    def weigh_document(self) -> Document:
        """The document of the weigh panel (:meth:`WeighPanel.document`)."""
        return self.weigh.document()

    def agreement_document(self) -> Document:
        """The document of the agreement panel (:meth:`AgreementPanel.document`)."""
        return self.agreement_panel.document()
