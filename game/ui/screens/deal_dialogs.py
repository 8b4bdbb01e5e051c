"""The small dialogs of the negotiation: what the counterpart answered to the player's proposal, an agreement just
made with its schedule, and the confirmation of breaking one (its cost first). Each is a :class:`DealDialog`: a
kicker, a title, a scrolling document and a row of buttons."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pygame

from game.ai.negotiation import evaluate
from game.engine import Proposal
from game.i18n import tr
from game.present import agreement_name
from game.table import ProposalAnswered
from game.ui.screens.base import Host
from game.ui.screens.ingame import BODY, HEADING, SMALL, GameScreen
from game.ui.screens.negotiate import add_agreement, add_break_cost, add_breakdown, new_doc
from game.ui.screens.results import BreakDecided, Closed, Outcome
from game.ui.widgets import Document, ScrollView
from game.ui.widgets import text as textlib


@dataclass(frozen=True)
class DialogButton:
    """A button of :class:`DealDialog`: its label, the result it closes the dialog with, and its shortcut key."""

    label: str
    result: Outcome
    key: int | None = None


class DealDialog(GameScreen):
    """A modal dialog over the table or the board: a kicker, a title, a scrolling document and a row of buttons.
    Esc runs the ``cancel`` button (when there is one)."""

    modal = True
    pausable = False

    def __init__(
        self,
        app: Host,
        role: str,
        *,
        kicker: str,
        title: str,
        fill: Callable[[Document], None],
        buttons: Sequence[DialogButton],
        cancel: int | None = None,
        focus: int = 0,
    ) -> None:
        super().__init__(app, role)
        self.kicker = kicker
        self.title = title
        self.fill = fill
        self.specs = list(buttons)
        self.cancel = cancel
        self.focus_index = focus
        self.scroll = ScrollView()
        self._doc: Document | None = None

    def document(self) -> Document:
        """The dialog's body (built once per layout)."""
        if self._doc is None:
            self._doc = new_doc(self)
            self.fill(self._doc)
        return self._doc

    def build(self, rect: pygame.Rect) -> None:
        """The panel sized to its content (at most the window), the body scrolling, the buttons at the bottom."""
        self._doc = None
        tight = rect.height / self.app.scale < 480
        margin = self.px(8) if tight else min(self.px(40), rect.width // 24, rect.height // 16)
        width = min(rect.width - 2 * margin, self.px(720))
        self.dialog = pygame.Rect(0, 0, width, rect.height - 2 * margin)
        self.dialog.center = rect.center
        pad = self.px(12 if tight else 20)
        inner = self.dialog.inflate(-2 * pad, -2 * pad)
        title_font = self.font(HEADING + 4, bold=True)
        self.title_h = (
            self.font(SMALL).get_linesize()
            + self.px(2)
            + textlib.wrapped_height(title_font, self.title, inner.width)
            + self.px(8)
        )
        labels = [b.label for b in self.specs]
        buttons_h = self.buttons_height(labels, inner.width)
        bar = self.px(6)
        self.body = pygame.Rect(
            inner.left, inner.top + self.title_h, inner.width, inner.height - self.title_h - buttons_h - self.px(12)
        )
        content_h = self.document().render(ScrollView.content_width(self.body, bar)).get_height()
        spare = self.body.height - content_h
        if spare > 0:
            self.dialog.height -= spare
            self.dialog.center = rect.center
            inner = self.dialog.inflate(-2 * pad, -2 * pad)
            self.body = pygame.Rect(inner.left, inner.top + self.title_h, inner.width, content_h)
        self.inner = inner
        rects = self.flow_buttons(labels, inner)
        for spec, button_rect in zip(self.specs, rects, strict=True):
            self.button(button_rect, spec.label, self._closer(spec.result), key=spec.key)

    def handle(self, event: pygame.event.Event) -> bool:
        """Esc cancels; Up/Down and PgUp/PgDn scroll; Tab and Left/Right move between buttons; Enter presses."""
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE:
                if self.cancel is not None:
                    self.dismiss(self.specs[self.cancel].result)
                return True
            steps = {
                pygame.K_UP: -self.px(40),
                pygame.K_DOWN: self.px(40),
                pygame.K_PAGEUP: -max(self.px(40), self.body.height - self.px(40)),
                pygame.K_PAGEDOWN: max(self.px(40), self.body.height - self.px(40)),
            }
            if event.key in steps:
                self.scroll.scroll(steps[event.key])
                return True
            return super().handle(event)
        if event.type == pygame.MOUSEWHEEL:
            self.scroll.scroll(-event.y * self.px(40))
            return True
        return False

    def _closer(self, result: Outcome) -> Callable[[], None]:
        """What a button does: close the dialog with its result."""
        return lambda: self.dismiss(result)

    def autoplay(self) -> None:
        """Take the cancelling (or the only) button."""
        self.dismiss(self.specs[self.cancel if self.cancel is not None else 0].result)

    def draw_background(self, surface: pygame.Surface) -> None:
        """Only the dialog panel (the screen below shows dimmed around it)."""
        palette = self.palette
        self.panel(surface, self.dialog, colour=palette.background)
        self.dialog_heading(surface, self.inner, self.kicker, self.title, self.title_h)
        bar = self.px(6)
        width = ScrollView.content_width(self.body, bar)
        self.scroll.draw(
            surface, self.body, self.document().render(width), palette=palette, bar=bar, fade=palette.background
        )


def reply_dialog(app: Host, role: str, proposal_id: str, answer: ProposalAnswered | None) -> DealDialog:
    """What came of the player's ``proposal_id`` (``answer``: the receiver's answer among the results of sending
    it, ``None`` while nobody has answered): accepted (the agreement and its schedule), refused by the computer (its
    breakdown), or waiting for a person's answer. OK closes it."""
    assert app.match is not None
    match = app.match
    proposal = match.game.proposal(proposal_id)
    if answer is not None and answer.agreement is not None:
        return agreement_dialog(app, role, answer.agreement.id)
    name = match.role_name(proposal.receiver)
    person = match.seats[proposal.receiver].is_person
    refused = answer is not None and proposal.status == "refused"
    if refused:
        title = tr("{name} refused your proposal", name=name)
    elif person:
        title = tr("Sent to {name}", name=name)
    else:
        title = tr("{name} has not answered yet", name=name)

    weighed = refused and answer is not None and answer.by_computer

    def fill(doc: Document) -> None:
        add_reply(doc, dialog, proposal, weighed=weighed, person=person)

    dialog = DealDialog(
        app,
        role,
        kicker=tr("Your proposal · {turn_label}", turn_label=match.turn_label),
        title=title,
        fill=fill,
        buttons=[DialogButton(tr("OK (Enter)"), Closed())],
        cancel=0,
    )
    return dialog


def add_reply(doc: Document, screen: GameScreen, proposal: Proposal, *, weighed: bool, person: bool) -> None:
    """The body of :func:`reply_dialog`: how the computer weighed the refused ``proposal`` (``weighed``), when a
    person answers it (``person``), or that nobody has answered yet."""
    palette = screen.palette
    name = screen.match.role_name(proposal.receiver)
    if weighed:
        doc.para(tr("How {name} weighed it:", name=name), colour=palette.muted, size=BODY - 1, gap=4)
        add_breakdown(
            doc,
            screen,
            evaluate(screen.game, proposal, proposal.receiver),
            groups=((tr("You gave"), proposal.give), (tr("You asked"), proposal.ask)),
            verdict=(tr("{name} would accept", name=name), tr("{name} would refuse", name=name)),
        )
        doc.para(
            tr("Change the items and send again: the breakdown shows what would tip the balance."),
            colour=palette.muted,
            size=SMALL + 1,
            gap=4,
        )
    elif person:
        doc.para(
            tr(
                "{name} answers it in their own part of this turn, before the turn ends: accept, refuse "
                "or counter. The review of the turn says what they answered.",
                name=name,
            ),
            colour=palette.muted,
            size=BODY - 1,
            gap=4,
        )
    else:
        doc.para(
            tr("{name} has not answered; the proposal lapses at the end of the turn if nobody answers it.", name=name),
            colour=palette.muted,
            size=BODY - 1,
            gap=4,
        )


def agreement_dialog(app: Host, role: str, agreement_id: str) -> DealDialog:
    """An agreement just made, with its schedule. OK closes it."""
    assert app.match is not None
    match = app.match
    agreement = match.game.agreement(agreement_id)

    def fill(doc: Document) -> None:
        doc.para(
            tr("Its items start at the end of this turn, each on its schedule. Trust grows as they are kept."),
            colour=dialog.palette.muted,
            size=BODY - 1,
            gap=8,
        )
        add_agreement(doc, dialog, agreement)

    dialog = DealDialog(
        app,
        role,
        kicker=f"{agreement_name(agreement_id).capitalize()} · {match.turn_label}",
        title=tr("{agreement} is made", agreement=agreement_name(agreement_id).capitalize()),
        fill=fill,
        buttons=[DialogButton(tr("OK (Enter)"), Closed())],
        cancel=0,
    )
    return dialog


def break_dialog(app: Host, role: str, agreement_id: str) -> DealDialog:
    """The confirmation of breaking ``agreement_id``: its cost first; Keep (the default) or Break."""
    assert app.match is not None
    agreement = app.match.game.agreement(agreement_id)

    def fill(doc: Document) -> None:
        add_break_cost(doc, dialog, agreement)

    buttons = [
        DialogButton(tr("Keep it (N)"), BreakDecided(role, agreement_id, False), pygame.K_n),
        DialogButton(tr("Break agreement (Y)"), BreakDecided(role, agreement_id, True), pygame.K_y),
    ]
    dialog = DealDialog(
        app,
        role,
        kicker=tr("Break {agreement_name}?", agreement_name=agreement_name(agreement_id)),
        title=tr("What breaking it costs"),
        fill=fill,
        buttons=buttons,
        cancel=0,
        focus=0,
    )
    return dialog
