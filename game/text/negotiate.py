"""The negotiation table at the terminal: build and send proposals, answer the computer's, list and break agreements.

Every change goes through :meth:`Game.apply` (:class:`Propose`, :class:`Respond`, :class:`Counter`,
:class:`BreakAgreement`); what is shown comes from :mod:`game.text.deals`. The computer's side is asked through
:func:`computer_answers` and :func:`computer_proposal` (the computer negotiator of :mod:`game.ai.negotiator`).
"""

from __future__ import annotations

from collections.abc import Sequence

from game.ai import negotiator
from game.ai.negotiation import evaluate
from game.engine import BreakAgreement, Command, Counter, Game, Item, Proposal, Propose, Respond
from game.text import deals
from game.text.console import Console, parse_number
from game.text.views import role_name


# --------------------------------------------------------------------- the computer's side
def computer_answers(game: Game, role: str) -> list[Command]:
    """The computer's answers (Respond / Counter) to the proposals waiting for ``role``."""
    return negotiator.answer_proposals(game, role)


def computer_proposal(game: Game, role: str, other: str) -> Propose | None:
    """The proposal ``role`` (played by the computer) makes to ``other`` now, if any."""
    return negotiator.make_proposal(game, role, other)


# --------------------------------------------------------------------- the player's side
class NegotiationTable:
    """The negotiation menus of one player (``human``) in one game."""

    def __init__(self, game: Game, human: str, console: Console) -> None:
        self.game = game
        self.human = human
        self.console = console

    @property
    def others(self) -> list[str]:
        """The roles the player can negotiate with, in scenario order."""
        return [r.id for r in self.game.scenario.roles if r.id != self.human]

    # ----------------------------------------------------------------- the computer proposes
    def receive_proposals(self) -> None:
        """At the start of the actions phase: at most one proposal from each computer role, each answered."""
        for other in self.others:
            command = computer_proposal(self.game, other, self.human)
            if command is None or self.game.why_not_propose(command.sender, command.receiver, command.give,
                                                            command.ask):  # fmt: skip
                continue
            self.game.apply(command)
            proposal = self.game.open_proposals(self.human)[-1]
            self.console.line()
            self.answer(proposal)

    def answer(self, proposal: Proposal) -> None:
        """Show a proposal addressed to the player with the player's own breakdown; accept, refuse or counter."""
        console, game = self.console, self.game
        console.lines(deals.proposal_lines(game, self.human, proposal))
        mine = evaluate(game, proposal, self.human)
        console.lines(deals.breakdown_lines(game, "How it weighs for you (your objectives):", mine))
        console.lines(["  1. Accept", "  2. Refuse", "  3. Counter: edit it and send it back"])
        choice = console.pick("Your answer (1-3, q to quit): ", 3, what="your answer")
        if choice == 0:
            problem = game.why_not_accept(self.human, proposal.id)
            if problem:
                console.para(f"It cannot be accepted now: {problem}. It is refused.")
                game.apply(Respond(self.human, proposal.id, False))
                return
            game.apply(Respond(self.human, proposal.id, True))
            console.line("You accepted.")
            agreement = next(a for a in game.agreements(self.human) if a.proposal == proposal.id)
            console.lines(deals.agreement_lines(game, self.human, agreement))
        elif choice == 1:
            game.apply(Respond(self.human, proposal.id, False))
            console.line("You refused.")
        else:
            # The player's counter gives what was asked of them and asks what was offered.
            self.build(proposal.sender, set(proposal.ask) | set(proposal.give), reply_to=proposal)

    # ----------------------------------------------------------------- the player proposes
    def negotiate(self) -> None:
        """The ``n`` menu: choose a counterpart (when there are several), then build a proposal."""
        others = self.others
        if len(others) == 1:
            other = others[0]
        else:
            self.console.line("Negotiate with:")
            for number, role_id in enumerate(others, 1):
                self.console.para(f"{number}. {role_name(self.game, role_id)}", indent="  ", hanging="     ")
            count = len(others)
            other = others[self.console.pick(f"Counterpart (1-{count}, q to quit): ", count, what="a side")]
        self.build(other, set())

    def build(self, other: str, chosen: set[str], *, reply_to: Proposal | None = None) -> None:
        """The proposal builder: toggle items, see ``other``'s live breakdown, send (``s``) or go back (``b``)."""
        console, game = self.console, self.game
        gives, asks = game.legal_items(self.human), game.legal_items(other)
        items: list[Item] = [*gives, *asks]
        chosen &= {i.id for i in items}
        console.line()
        console.lines(deals.table_lines(game, self.human, other, gives, asks, chosen))
        self.show_breakdown(other, chosen, items)
        count = len(items)
        prompt = f"Proposal (1-{count} toggle, l list, s send, b back, q quit): "
        while True:
            answer = console.ask(prompt).lower()
            index = parse_number(answer, count)
            if index is not None:
                chosen ^= {items[index].id}
                verb = "Added" if items[index].id in chosen else "Removed"
                console.para(f"{verb}: {deals.item_label(game, items[index].id)}.")
                self.show_breakdown(other, chosen, items)
            elif answer in ("l", "list"):
                console.lines(deals.table_lines(game, self.human, other, gives, asks, chosen))
                self.show_breakdown(other, chosen, items)
            elif answer in ("b", "back"):
                console.line("Nothing sent." if reply_to is None else "Nothing sent; the proposal stays open.")
                return
            elif answer in ("s", "send"):
                if self.send(other, _pick(items, chosen, self.human), _pick(items, chosen, other), reply_to):
                    return
            else:
                console.para(
                    f"Please type an item number from 1 to {count} to add or remove it, l to list the items, "
                    "s to send, b to go back, or q to quit."
                )

    def show_breakdown(self, other: str, chosen: set[str], items: Sequence[Item]) -> None:
        """The counterpart's live acceptance breakdown of the items chosen so far."""
        if not chosen:
            self.console.para("Choose at least one item to see how it would be received.")
            return
        bundle = (_pick(items, chosen, self.human), _pick(items, chosen, other))
        command = Propose(self.human, other, *bundle)
        title = f"How {role_name(self.game, other)} weighs it:"
        self.console.lines(deals.breakdown_lines(self.game, title, evaluate(self.game, command, other)))

    def send(self, other: str, give: tuple[str, ...], ask: tuple[str, ...], reply_to: Proposal | None) -> bool:
        """Send the proposal (or counter-proposal) and show the answer; False if the rules refuse it."""
        console, game = self.console, self.game
        problem = game.why_not_propose(self.human, other, give, ask)
        if problem:
            console.para(f"It cannot be sent: {problem}.")
            return False
        if reply_to is None:
            game.apply(Propose(self.human, other, give, ask))
        else:
            game.apply(Counter(self.human, reply_to.id, give, ask))
        sent = next(p for p in reversed(game.state.proposals) if p.sender == self.human and p.receiver == other)
        console.para(f"Sent to {role_name(game, other)} ({sent.id}).")
        for command in computer_answers(game, other):
            game.apply(command)
        self.show_answer(sent)
        return True

    def show_answer(self, sent: Proposal) -> None:
        """What the counterpart answered to ``sent``: the agreement, a refusal, or its counter-proposal."""
        console, game = self.console, self.game
        name = role_name(game, sent.receiver)
        status = game.proposal(sent.id).status
        if status == "accepted":
            console.para(f"{name} accepted.")
            agreement = next(a for a in game.agreements(self.human) if a.proposal == sent.id)
            console.lines(deals.agreement_lines(game, self.human, agreement))
        elif status == "refused":
            console.para(f"{name} refused.")
        elif status == "countered":
            console.para(f"{name} refused, and answers with a counter-proposal.")
            reply = next(p for p in game.open_proposals(self.human) if p.reply_to == sent.id)
            self.answer(reply)
        else:
            console.para(f"{name} has not answered yet; the proposal lapses at the end of the turn.")

    # ----------------------------------------------------------------- agreements
    def agreements(self) -> None:
        """The ``a`` menu: every agreement with its schedule, the trust between the sides, and breaking one."""
        console, game = self.console, self.game
        made = game.agreements(self.human)
        console.line()
        if not made:
            console.line("No agreements yet. Type n to negotiate one.")
        for agreement in made:
            console.lines(deals.agreement_lines(game, self.human, agreement))
        for other in self.others:
            console.line(deals.trust_line(game, self.human, other))
        breakable = [a for a in made if any(p.giver == self.human and p.status == "pending" for p in a.items)]
        if not breakable:
            return
        console.line("You may break an agreement you are still implementing:")
        for number, agreement in enumerate(breakable, 1):
            console.line(f"  {number}. Break {agreement.id}")
        count = len(breakable)
        prompt = f"Agreement to break (1-{count}, b back, q quit): "
        while True:
            answer = console.ask(prompt).lower()
            if answer in ("b", "back"):
                return
            index = parse_number(answer, count)
            if index is not None:
                self.confirm_break(breakable[index].id)
                return
            console.para(f"Please type a number from 1 to {count} to break that agreement, b to go back, or q.")

    def confirm_break(self, agreement_id: str) -> None:
        """State what breaking costs, ask for confirmation, then break and show the new trust."""
        console, game = self.console, self.game
        agreement = game.agreement(agreement_id)
        console.lines(deals.break_cost_lines(game, self.human, agreement))
        while True:
            answer = console.ask(f"Break {agreement_id}? (y yes, n no, q quit): ").lower()
            if answer in ("n", "no"):
                console.line("Kept.")
                return
            if answer in ("y", "yes"):
                break
            console.line("Please type y to break the agreement or n to keep it.")
        game.apply(BreakAgreement(self.human, agreement_id))
        console.para(f"You broke agreement {agreement_id}.")
        first, second = agreement.parties
        console.line(deals.trust_line(game, self.human, second if first == self.human else first))


def _pick(items: Sequence[Item], chosen: set[str], giver: str) -> tuple[str, ...]:
    """The chosen items given by ``giver``, in menu order."""
    return tuple(i.id for i in items if i.id in chosen and i.giver == giver)
