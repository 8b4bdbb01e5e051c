"""The dialogs of the negotiation: a proposal waiting for the player's answer, and the small dialogs for what the
counterpart answered, an agreement just made, and confirming a break.

A proposal is a decision like an event's, so :class:`ProposalScreen` is the event dialog with other contents: what
the other side gives and asks, how it weighs for the player's own objectives, and the answers (refuse, accept, or
counter at the negotiation table) as cards; the number keys or the arrows pick one, Enter confirms. It cannot be
dismissed unanswered (Esc opens the menu, as over an event), so no proposal lapses unseen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pygame

from game.ai.negotiation import Evaluation, evaluate
from game.engine import Choice, Event, Respond, RulesError
from game.present import agreement_name, proposal_name
from game.table import ProposalAnswered, Result, TableError
from game.ui.screens.base import Host
from game.ui.screens.event import EventScreen, set_label
from game.ui.screens.ingame import BODY, HEADING, SMALL, GameScreen
from game.ui.screens.negotiate import add_agreement, add_break_cost, add_breakdown, dates, new_doc
from game.ui.screens.results import Answered, BreakDecided, Closed, Countered, Outcome
from game.ui.widgets import Document, ScrollView
from game.ui.widgets import text as textlib

#: The answers, in card order (number keys 1-3), and the verb on the confirm button for each. Refusing comes first,
#: picked when the dialog opens: a stray Enter never binds the player to an agreement for several turns.
ANSWERS = ("refuse", "accept", "counter")
VERBS = {"accept": "Accept", "refuse": "Refuse", "counter": "Counter"}
#: The same for a counter-proposal (an answer to the player's own proposal).
COUNTER_VERBS = {"accept": "Accept counter", "refuse": "Refuse", "counter": "Edit"}


class ProposalScreen(EventScreen):
    """A modal dialog over the board (or the negotiation table) for one proposal addressed to ``role``."""

    def __init__(self, app: Host, proposal_id: str, role: str) -> None:
        GameScreen.__init__(self, app, role)  # not EventScreen's: there is no scenario event behind it
        game = self.game
        self.proposal = game.proposal(proposal_id)
        self.sender = self.match.role_name(self.proposal.sender)
        self.problem = game.why_not_accept(role, proposal_id)
        self.verbs = COUNTER_VERBS if self.proposal.reply_to else VERBS
        self.event = self._as_event()
        self.choice_index = 0
        self.scroll = ScrollView()
        self.card_rects: list[pygame.Rect] = []
        self._doc: tuple[tuple[int, int], Document] | None = None
        self.hover = -1
        self.tight = False

    def _as_event(self) -> Event:
        """The proposal as the event dialog reads an event: a title and the three answers as choices."""
        lang = self.game.lang
        proposal, name = self.proposal, self.sender
        title = f"{name} answers with a counter-proposal" if proposal.reply_to else f"{name} proposes a deal"
        turn = self.game.turn
        longest = max((self.game.item(i).turns for i in proposal.items()), default=1)
        if self.problem:
            accept = f"Not possible now: {self.problem}. Confirming this refuses it."
        else:
            accept = (
                f"Make the agreement. Its items are implemented over {dates(self, turn, turn + longest - 1)}, "
                "and trust grows as each is kept."
            )
        refuse = f"Say no. Nothing is implemented and trust does not move; {name} may propose again next turn."
        counter = "Open the negotiation table with this proposal loaded: change the items and send it back."
        descriptions = {"accept": accept, "refuse": refuse, "counter": counter}
        choices = tuple(Choice(a, {lang: self.verbs[a]}, {lang: descriptions[a]}) for a in ANSWERS)
        return Event(
            id=f"proposal.{proposal.id}", title={lang: title}, text={lang: ""}, choices=choices, role=self.role
        )

    # ----------------------------------------------------------------- layout and content
    def build(self, rect: pygame.Rect) -> None:
        """The event dialog's layout, its confirm button wide enough for the longest answer."""
        picked = self.choice_index
        self.choice_index = max(range(len(ANSWERS)), key=lambda i: self.button_width(self.verbs[ANSWERS[i]]))
        super().build(rect)
        self.choice_index = picked
        set_label(self.confirm, self._confirm_label())
        lines = len(self.key_hints(self.hints, self.hint_rect.width))  # the room the event dialog left for hints
        self.hints = self.fit_hints(
            [
                ("1", "refuse"),
                ("2", "accept"),
                ("3", self.verbs["counter"].lower()),
                ("Enter", "confirm"),
                ("PgUp/PgDn", "scroll"),
                ("Esc", "menu"),
            ],
            self.hint_rect.width,
            lines,
        )

    def _confirm_label(self) -> str:
        return f"{self.verbs[ANSWERS[self.choice_index]]} (Enter)"

    def document(self, width: int) -> Document:
        """What is on the table, how it weighs for the player, then the answers as cards."""
        key = (width, self.choice_index)
        if self._doc is not None and self._doc[0] == key:
            return self._doc[1]
        palette, proposal, name = self.palette, self.proposal, self.sender
        doc = self._new_doc()
        if proposal.reply_to:
            doc.para(
                f"{name} refused your proposal {proposal.reply_to} and offers this instead.",
                colour=palette.text,
                size=BODY,
                gap=8,
            )
        doc.para(
            "The points say how each part weighs for your own objectives: an item's value to your side plus "
            "the forecast change of your score. The threshold is the one a computer player in your place would "
            "use.",
            colour=palette.muted,
            size=SMALL,
            gap=8,
        )
        add_breakdown(
            doc,
            self,
            self.weighing(),
            groups=((f"{name} gives you", proposal.give), (f"{name} asks of you", proposal.ask)),
            verdict=("good for you on balance", "not worth it on balance"),
            effects=True,
        )
        doc.space(4)
        if self.problem:
            doc.para(f"It cannot be accepted now: {self.problem}.", colour=palette.bad, size=BODY - 1, bold=True, gap=8)
        doc.para("YOUR ANSWER", colour=palette.muted, size=SMALL, bold=True, gap=6)
        self.card_rects = []
        pad = self.px(12)
        number_w = self.px(40)
        for index, choice in enumerate(self.event.choices):
            card = self._new_doc()
            card.para(self.say(choice.label), colour=palette.text, size=BODY + 1, bold=True, gap=2)
            card.para(self.say(choice.description), colour=palette.text, size=BODY - 1, gap=0)
            surface = card.render(max(1, width - number_w - 2 * pad))
            doc.custom(
                surface.get_height() + 2 * pad, self._card_drawer(index, surface, number_w, pad), gap=8, pixels=True
            )
        self._doc = (key, doc)
        return doc

    def weighing(self) -> Evaluation:
        """How the proposal weighs for the player's own objectives: its seat's own view (never the sender's)."""
        found = self.seat_view().weighing(self.proposal.id)
        return found if found is not None else evaluate(self.game, self.proposal, self.role)

    # ----------------------------------------------------------------- answering
    def confirm_choice(self) -> None:
        """Answer with the picked card: accept or refuse through the match, or counter at the table."""
        answer = ANSWERS[self.choice_index]
        proposal, name = self.proposal, self.sender
        if answer == "counter":
            self.dismiss(Countered(self.role, proposal.id))
            return
        results: tuple[Result, ...] = ()
        bad = False
        try:
            if answer == "accept" and not self.problem:
                results = self.match.apply(self.role, Respond(self.role, proposal.id, True))
                agreement = next(
                    (r.agreement for r in results if isinstance(r, ProposalAnswered) and r.agreement), None
                )
                made = agreement_name(agreement.id) if agreement is not None else "an agreement"
                message = f"{made.capitalize()} made with {name}. Negotiate (P) shows its schedule."
            else:
                results = self.match.apply(self.role, Respond(self.role, proposal.id, False))
                if answer == "accept":
                    message, bad = f"It could not be accepted ({self.problem}), so it was refused.", True
                else:
                    message = f"You refused {proposal_name(self.game, proposal, self.role)}."
        except (RulesError, TableError) as exc:
            message, bad = str(exc), True
        self.dismiss(Answered(message, tuple(results), bad))

    def autoplay(self) -> None:
        """Answer as a computer player would: accept what its evaluator accepts, refuse the rest."""
        accept = self.weighing().accept and not self.problem
        self.choice_index = ANSWERS.index("accept" if accept else "refuse")
        self.confirm_choice()


# --------------------------------------------------------------------- a small dialog
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

    def _closer(self, result: Outcome) -> Callable[[], None]:
        """What a button does: close the dialog with its result."""
        return lambda: self.dismiss(result)

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

    def autoplay(self) -> None:
        """Take the cancelling (or the only) button."""
        self.dismiss(self.specs[self.cancel if self.cancel is not None else 0].result)

    def draw_background(self, surface: pygame.Surface) -> None:
        """Only the dialog panel (the screen below shows dimmed around it)."""
        palette = self.palette
        self.panel(surface, self.dialog, colour=palette.background)
        small = self.font(SMALL, bold=True)
        textlib.draw(
            surface,
            self.kicker.upper(),
            self.inner.topleft,
            font=small,
            colour=palette.accent,
            max_width=self.inner.width,
        )
        textlib.draw_wrapped(
            surface,
            self.title,
            pygame.Rect(
                self.inner.left, self.inner.top + small.get_linesize() + self.px(2), self.inner.width, self.title_h
            ),
            font=self.font(HEADING + 4, bold=True),
            colour=palette.text,
        )
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
        title = f"{name} refused your proposal"
    elif person:
        title = f"Sent to {name}"
    else:
        title = f"{name} has not answered yet"

    def fill(doc: Document) -> None:
        palette = dialog.palette
        if refused and answer is not None and answer.by_computer:
            doc.para(f"How {name} weighed it:", colour=palette.muted, size=BODY - 1, gap=4)
            add_breakdown(
                doc,
                dialog,
                evaluate(dialog.game, proposal, proposal.receiver),
                groups=(("You gave", proposal.give), ("You asked", proposal.ask)),
                verdict=(f"{name} would accept", f"{name} would refuse"),
            )
            doc.para(
                "Change the items and send again: the breakdown shows what would tip the balance.",
                colour=palette.muted,
                size=SMALL + 1,
                gap=4,
            )
        elif person:
            doc.para(
                f"{name} answers it in their own part of this turn, before the turn ends: accept, refuse or "
                "counter. The review of the turn says what they answered.",
                colour=palette.muted,
                size=BODY - 1,
                gap=4,
            )
        else:
            doc.para(
                f"{name} has not answered; the proposal lapses at the end of the turn if nobody answers it.",
                colour=palette.muted,
                size=BODY - 1,
                gap=4,
            )

    dialog = DealDialog(
        app,
        role,
        kicker=f"Your proposal · {match.turn_label}",
        title=title,
        fill=fill,
        buttons=[DialogButton("OK (Enter)", Closed())],
        cancel=0,
    )
    return dialog


def agreement_dialog(app: Host, role: str, agreement_id: str) -> DealDialog:
    """An agreement just made, with its schedule. OK closes it."""
    assert app.match is not None
    match = app.match
    agreement = match.game.agreement(agreement_id)

    def fill(doc: Document) -> None:
        doc.para(
            "Its items start at the end of this turn, each on its schedule. Trust grows as they are kept.",
            colour=dialog.palette.muted,
            size=BODY - 1,
            gap=8,
        )
        add_agreement(doc, dialog, agreement)

    dialog = DealDialog(
        app,
        role,
        kicker=f"{agreement_name(agreement_id).capitalize()} · {match.turn_label}",
        title=f"{agreement_name(agreement_id).capitalize()} is made",
        fill=fill,
        buttons=[DialogButton("OK (Enter)", Closed())],
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
        DialogButton("Keep it (N)", BreakDecided(role, agreement_id, False), pygame.K_n),
        DialogButton("Break agreement (Y)", BreakDecided(role, agreement_id, True), pygame.K_y),
    ]
    dialog = DealDialog(
        app,
        role,
        kicker=f"Break {agreement_name(agreement_id)}?",
        title="What breaking it costs",
        fill=fill,
        buttons=buttons,
        cancel=0,
        focus=0,
    )
    return dialog
