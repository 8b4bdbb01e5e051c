"""The dialogs of the negotiation: a proposal waiting for the player's answer here, and (re-exported from
:mod:`game.ui.screens.deal_dialogs`) the small dialogs for what the counterpart answered, an agreement just made,
and confirming a break.

A proposal is a decision like an event's, so :class:`ProposalScreen` is the event dialog with other contents: what
the other side gives and asks, how it weighs for the player's own objectives, and the answers (refuse, accept, or
counter at the negotiation table) as cards; the number keys or the arrows pick one, Enter confirms. It cannot be
dismissed unanswered (Esc opens the menu, as over an event), so no proposal lapses unseen.
"""

from __future__ import annotations

import pygame

from game.ai.negotiation import Evaluation, evaluate
from game.engine import Choice, Event, Respond, RulesError
from game.i18n import N_, tr
from game.present import agreement_name, proposal_name
from game.table import ProposalAnswered, Result, TableError
from game.ui.screens.base import Host
from game.ui.screens.deal_dialogs import DealDialog, DialogButton, agreement_dialog, break_dialog, reply_dialog
from game.ui.screens.event import EventScreen, set_label
from game.ui.screens.ingame import BODY, SMALL, GameScreen
from game.ui.screens.negotiate import add_breakdown, dates
from game.ui.screens.results import Answered, Countered
from game.ui.widgets import Document, ScrollView

#: The answers, in card order (number keys 1-3), and the verb on the confirm button for each. Refusing comes first,
#: picked when the dialog opens: a stray Enter never binds the player to an agreement for several turns.
ANSWERS = ("refuse", "accept", "counter")
VERBS = {"accept": N_("Accept"), "refuse": N_("Refuse"), "counter": N_("Counter")}
#: The same for a counter-proposal (an answer to the player's own proposal).
COUNTER_VERBS = {"accept": N_("Accept counter"), "refuse": N_("Refuse"), "counter": N_("Edit")}
#: What the points of the breakdown mean.
POINTS_NOTE = N_(
    "The points say how each part weighs for your own objectives: an item's value to your side plus "
    "the forecast change of your score. The threshold is the one a computer player in your place would use."
)


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
        title = (
            tr("{name} answers with a counter-proposal", name=name)
            if proposal.reply_to
            else tr("{name} proposes a deal", name=name)
        )
        turn = self.game.turn
        longest = max((self.game.item(i).turns for i in proposal.items()), default=1)
        if self.problem:
            accept = tr("Not possible now: {problem}. Confirming this refuses it.", problem=self.problem)
        else:
            accept = tr(
                "Make the agreement. Its items are implemented over {dates}, and trust grows as each is kept.",
                dates=dates(self, turn, turn + longest - 1),
            )
        refuse = tr(
            "Say no. Nothing is implemented and trust does not move; {name} may propose again next turn.", name=name
        )
        counter = tr("Open the negotiation table with this proposal loaded: change the items and send it back.")
        descriptions = {"accept": accept, "refuse": refuse, "counter": counter}
        choices = tuple(Choice(a, {lang: tr(self.verbs[a])}, {lang: descriptions[a]}) for a in ANSWERS)
        return Event(
            id=f"proposal.{proposal.id}", title={lang: title}, text={lang: ""}, choices=choices, role=self.role
        )

    # ----------------------------------------------------------------- layout and content
    def build(self, rect: pygame.Rect) -> None:
        """The event dialog's layout, its confirm button wide enough for the longest answer."""
        picked = self.choice_index
        self.choice_index = max(range(len(ANSWERS)), key=lambda i: self.button_width(tr(self.verbs[ANSWERS[i]])))
        super().build(rect)
        self.choice_index = picked
        set_label(self.confirm, self._confirm_label())
        lines = len(self.key_hints(self.hints, self.hint_rect.width))  # the room the event dialog left for hints
        self.hints = self.fit_hints(
            [
                ("1", tr("refuse")),
                ("2", tr("accept")),
                ("3", tr(self.verbs["counter"]).lower()),
                (tr("Enter"), tr("confirm")),
                (tr("PgUp/PgDn"), tr("scroll")),
                (tr("Esc"), tr("menu")),
            ],
            self.hint_rect.width,
            lines,
        )

    def _confirm_label(self) -> str:
        return tr("{verb} (Enter)", verb=tr(self.verbs[ANSWERS[self.choice_index]]))

    def document(self, width: int) -> Document:
        """What is on the table, how it weighs for the player, then the answers as cards."""
        key = (width, self.choice_index)
        if self._doc is not None and self._doc[0] == key:
            return self._doc[1]
        palette, proposal, name = self.palette, self.proposal, self.sender
        doc = self._new_doc()
        if proposal.reply_to:
            doc.para(
                tr(
                    "{name} refused your proposal {reply_to} and offers this instead.",
                    name=name,
                    reply_to=proposal.reply_to,
                ),
                colour=palette.text,
                size=BODY,
                gap=8,
            )
        doc.para(tr(POINTS_NOTE), colour=palette.muted, size=SMALL, gap=8)
        add_breakdown(
            doc,
            self,
            self.weighing(),
            groups=(
                (tr("{name} gives you", name=name), proposal.give),
                (tr("{name} asks of you", name=name), proposal.ask),
            ),
            verdict=(tr("good for you on balance"), tr("not worth it on balance")),
            effects=True,
        )
        doc.space(4)
        if self.problem:
            doc.para(
                tr("It cannot be accepted now: {problem}.", problem=self.problem),
                colour=palette.bad,
                size=BODY - 1,
                bold=True,
                gap=8,
            )
        doc.para(tr("YOUR ANSWER"), colour=palette.muted, size=SMALL, bold=True, gap=6)
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
                made = agreement_name(agreement.id) if agreement is not None else tr("an agreement")
                message = tr(
                    "{agreement} made with {name}. Negotiate (P) shows its schedule.",
                    agreement=made.capitalize(),
                    name=name,
                )
            else:
                results = self.match.apply(self.role, Respond(self.role, proposal.id, False))
                if answer == "accept":
                    message, bad = (
                        tr("It could not be accepted ({problem}), so it was refused.", problem=self.problem),
                        True,
                    )
                else:
                    # its terms were on screen a moment ago: the notice stays one short line over the board
                    message = tr(
                        "You refused {proposal_name}.",
                        proposal_name=proposal_name(self.game, proposal, self.role, terms=False),
                    )
        except (RulesError, TableError) as exc:
            message, bad = str(exc), True
        self.dismiss(Answered(message, tuple(results), bad))

    def autoplay(self) -> None:
        """Answer as a computer player would: accept what its evaluator accepts, refuse the rest."""
        accept = self.weighing().accept and not self.problem
        self.choice_index = ANSWERS.index("accept" if accept else "refuse")
        self.confirm_choice()


__all__ = [
    "ANSWERS",
    "COUNTER_VERBS",
    "VERBS",
    "DealDialog",
    "DialogButton",
    "ProposalScreen",
    "agreement_dialog",
    "break_dialog",
    "reply_dialog",
]
