"""The negotiation table at the terminal: build and send proposals, answer those waiting, list and break agreements.

Every change goes through the match (:meth:`~game.table.Match.apply` with :class:`Propose`, :class:`Respond`,
:class:`Counter`, :class:`BreakAgreement`), which answers at once for a computer counterpart; what is shown comes
from :mod:`game.text.deals`. The counterpart's own weighing is shown only when the computer plays it; facing a
person, each side sees how a proposal weighs for itself.
"""

from __future__ import annotations

from collections.abc import Sequence

from game.ai.negotiation import evaluate_for
from game.engine import BreakAgreement, Counter, Item, ItemStatus, Proposal, ProposalStatus, Propose, Respond
from game.i18n import tr
from game.present import agreement_number, proposal_name, role_name
from game.table import Match, ProposalAnswered, ProposalSent, Result, view
from game.text import deals
from game.text.console import Console, parse_number


# --------------------------------------------------------------------- the player's side
class NegotiationTable:
    """The negotiation menus of one person's seat (``human``) in a match."""

    def __init__(self, match: Match, human: str, console: Console) -> None:
        self.match = match
        self.game = match.game
        self.human = human
        self.console = console

    @property
    def others(self) -> list[str]:
        """The roles the player can negotiate with, in scenario order."""
        return [r.id for r in self.game.scenario.roles if r.id != self.human]

    def is_computer(self, role: str) -> bool:
        """Whether the computer plays ``role`` (its weighing may be shown)."""
        return not self.match.seats[role].is_person

    # ----------------------------------------------------------------- a proposal waits for the player
    def answer(self, proposal: Proposal) -> None:
        """Show a proposal addressed to the player with the player's own breakdown; accept, refuse or counter."""
        console, game = self.console, self.game
        console.lines(deals.proposal_lines(game, self.human, proposal))
        mine = view(self.match, self.human).weighing(proposal.id)
        if mine is not None:
            console.lines(deals.breakdown_lines(game, tr("How it weighs for you (your objectives):"), mine))
        console.lines(
            ["  1. " + tr("Accept"), "  2. " + tr("Refuse"), "  3. " + tr("Counter: edit it and send it back")]
        )
        while True:
            choice = console.pick(tr("Your answer (1-3, q to quit): "), 3, what=tr("your answer"))
            if choice == 0:
                problem = game.why_not_accept(self.human, proposal.id)
                if problem:
                    console.para(tr("It cannot be accepted now: {reason}. It is refused.", reason=problem))
                    self.match.apply(self.human, Respond(self.human, proposal.id, False))
                    return
                results = self.match.apply(self.human, Respond(self.human, proposal.id, True))
                console.line(tr("You accepted."))
                agreement = next((r.agreement for r in results if isinstance(r, ProposalAnswered)), None)
                if agreement is not None:
                    console.lines(deals.agreement_lines(game, self.human, agreement))
                return
            if choice == 1:
                self.match.apply(self.human, Respond(self.human, proposal.id, False))
                console.line(tr("You refused."))
                return
            # The player's counter gives what was asked of them and asks what was offered.
            self.build(proposal.sender, set(proposal.ask) | set(proposal.give), reply_to=proposal)
            now = view(self.match, self.human).proposals
            if next(p.status for p in now if p.id == proposal.id) is not ProposalStatus.OPEN:
                return
            console.line(tr("The proposal is still waiting for your answer."))

    # ----------------------------------------------------------------- the player proposes
    def negotiate(self) -> None:
        """The ``n`` menu: choose a counterpart (when there are several), then build a proposal."""
        others = self.others
        if len(others) == 1:
            other = others[0]
        else:
            self.console.line(tr("Negotiate with:"))
            for number, role_id in enumerate(others, 1):
                self.console.para(f"{number}. {role_name(self.game, role_id)}", indent="  ", hanging="     ")
            count = len(others)
            other = others[
                self.console.pick(tr("Counterpart (1-{count}, q to quit): ", count=count), count, what=tr("a side"))
            ]
        self.build(other, set())

    def build(self, other: str, chosen: set[str], *, reply_to: Proposal | None = None) -> None:
        """The proposal builder: toggle items, see ``other``'s live breakdown, send (``s``) or go back (``b``).

        With no item either side may put on the table, it says so and returns without asking.
        """
        console, game = self.console, self.game
        gives, asks = game.legal_items(self.human), game.legal_items(other)
        items: list[Item] = [*gives, *asks]
        chosen &= {i.id for i in items}
        console.line()
        if not items:
            console.para(
                tr(
                    "There is nothing to offer {name} or to ask for now: every item is in an agreement in force or "
                    "not available yet.",
                    name=role_name(game, other),
                )
            )
            if reply_to is not None:
                console.line(tr("Nothing sent; the proposal stays open."))
            return
        console.lines(deals.table_lines(game, self.human, other, gives, asks, chosen))
        self.show_breakdown(other, chosen, items)
        count = len(items)
        prompt = tr("Proposal (1-{count} toggle, l list, s send, b back, q quit): ", count=count)
        while True:
            answer = console.ask(prompt).lower()
            index = parse_number(answer, count)
            if index is not None:
                chosen ^= {items[index].id}
                label = deals.item_label(game, items[index].id)
                added = items[index].id in chosen
                console.para(tr("Added: {item}.", item=label) if added else tr("Removed: {item}.", item=label))
                self.show_breakdown(other, chosen, items)
            elif answer in ("l", "list"):
                console.lines(deals.table_lines(game, self.human, other, gives, asks, chosen))
                self.show_breakdown(other, chosen, items)
            elif answer in ("b", "back"):
                console.line(tr("Nothing sent.") if reply_to is None else tr("Nothing sent; the proposal stays open."))
                return
            elif answer in ("s", "send"):
                if self.send(other, _pick(items, chosen, self.human), _pick(items, chosen, other), reply_to):
                    return
            else:
                console.para(
                    tr(
                        "Please type an item number from 1 to {count} to add or remove it, l to list the items, "
                        "s to send, b to go back, or q to quit.",
                        count=count,
                    )
                )

    def show_breakdown(self, other: str, chosen: set[str], items: Sequence[Item]) -> None:
        """The live breakdown of the items chosen so far: the computer counterpart's acceptance, or, facing a
        person, how it weighs for the player (never how the other person values it)."""
        if not chosen:
            self.console.para(tr("Choose at least one item to see how it would be received."))
            return
        give, ask = _pick(items, chosen, self.human), _pick(items, chosen, other)
        if self.is_computer(other):
            weigher, title = other, tr("How {name} weighs it:", name=role_name(self.game, other))
        else:
            weigher, title = self.human, tr("How it weighs for you (your objectives):")
        evaluation = evaluate_for(self.game, self.human, other, give, ask, weigher)
        self.console.lines(deals.breakdown_lines(self.game, title, evaluation))

    def send(self, other: str, give: tuple[str, ...], ask: tuple[str, ...], reply_to: Proposal | None) -> bool:
        """Send the proposal (or counter-proposal) and show the answer; False if the rules refuse it."""
        console, game = self.console, self.game
        problem = game.why_not_propose(self.human, other, give, ask)
        if problem:
            console.para(tr("It cannot be sent: {reason}.", reason=self.sending_problem(other, give, ask, problem)))
            return False
        if reply_to is None:
            results = self.match.apply(self.human, Propose(self.human, other, give, ask))
        else:
            results = self.match.apply(self.human, Counter(self.human, reply_to.id, give, ask))
        self.show_answer(other, results)
        return True

    def sending_problem(self, other: str, give: tuple[str, ...], ask: tuple[str, ...], problem: str) -> str:
        """Why the rules refuse a proposal, in the active language for the refusals a player meets at this table
        (nothing chosen, a proposal still waiting for the other side's answer), else the engine's own words."""
        if not give and not ask:
            return tr("a proposal needs at least one item")
        waiting = [p for p in self.game.state.proposals if p.status is ProposalStatus.OPEN]
        if any(p.sender == self.human and p.receiver == other for p in waiting):
            return tr("your proposal to {name} is still waiting for an answer", name=role_name(self.game, other))
        return problem

    def show_answer(self, other: str, results: Sequence[Result]) -> None:
        """What sending did: the counterpart's answer (the agreement, a refusal, or its counter-proposal, which the
        player answers now), or, for a person, that the proposal waits for their part of the turn."""
        console, game = self.console, self.game
        name = role_name(game, other)
        proposal = next(r.proposal for r in results if isinstance(r, ProposalSent))
        console.para(tr("Sent to {name}: {proposal}.", name=name, proposal=proposal_name(game, proposal, self.human)))
        for result in results:
            if isinstance(result, ProposalAnswered) and result.by_computer:
                if result.agreement is not None:
                    console.para(tr("{name} accepted.", name=name))
                    console.lines(deals.agreement_lines(game, self.human, result.agreement))
                elif result.counter is not None:
                    console.para(tr("{name} refused, and answers with a counter-proposal.", name=name))
                    self.answer(result.counter)
                else:
                    console.para(tr("{name} refused.", name=name))
                return
        if self.is_computer(other):
            console.para(tr("{name} has not answered yet; the proposal lapses at the end of the turn.", name=name))
        else:
            console.para(tr("{name} answers it in their part of the turn.", name=name))

    # ----------------------------------------------------------------- agreements
    def agreements(self) -> None:
        """The ``a`` menu: every agreement with its schedule, the trust between the sides, and breaking one."""
        console, game = self.console, self.game
        made = [a for a in view(self.match, self.human).agreements if self.human in a.parties]
        console.line()
        if not made:
            console.line(tr("No agreements yet. Type n to negotiate one."))
        for agreement in made:
            console.lines(deals.agreement_lines(game, self.human, agreement))
        for other in self.others:
            console.line(deals.trust_line(game, self.human, other))
        breakable = [a for a in made if any(p.giver == self.human and p.status is ItemStatus.PENDING for p in a.items)]
        if not breakable:
            return
        console.line(tr("You may break an agreement you are still implementing:"))
        for number, agreement in enumerate(breakable, 1):
            console.line(f"  {number}. " + tr("Break agreement {number}", number=agreement_number(agreement.id)))
        count = len(breakable)
        prompt = tr("Agreement to break (1-{count}, b back, q quit): ", count=count)
        while True:
            answer = console.ask(prompt).lower()
            if answer in ("b", "back"):
                return
            index = parse_number(answer, count)
            if index is not None:
                self.confirm_break(breakable[index].id)
                return
            console.para(
                tr("Please type a number from 1 to {count} to break that agreement, b to go back, or q.", count=count)
            )

    def confirm_break(self, agreement_id: str) -> None:
        """State what breaking costs, ask for confirmation, then break and show the new trust."""
        console, game = self.console, self.game
        agreement = next(a for a in view(self.match, self.human).agreements if a.id == agreement_id)
        console.lines(deals.break_cost_lines(game, self.human, agreement))
        while True:
            answer = console.ask(
                tr("Break agreement {number}? (y yes, n no, q quit): ", number=agreement_number(agreement_id))
            ).lower()
            if answer in ("n", "no"):
                console.line(tr("Kept."))
                return
            if answer in ("y", "yes"):
                break
            console.line(tr("Please type y to break the agreement or n to keep it."))
        self.match.apply(self.human, BreakAgreement(self.human, agreement_id))
        console.para(tr("You broke agreement {number}.", number=agreement_number(agreement_id)))
        first, second = agreement.parties
        console.line(deals.trust_line(game, self.human, second if first == self.human else first))


def _pick(items: Sequence[Item], chosen: set[str], giver: str) -> tuple[str, ...]:
    """The chosen items given by ``giver``, in menu order."""
    return tuple(i.id for i in items if i.id in chosen and i.giver == giver)
