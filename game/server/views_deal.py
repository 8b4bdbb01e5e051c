"""The negotiation table in a seat's JSON: what the student's page needs to draw proposals and agreements.

Everything comes from what the seat may see (:func:`game.table.view`): the items either side may put on the table
now (and why the others may not), the proposals the seat sent or received with how each weighs for it, the
agreements with their schedules, and what breaking one would cost (:meth:`~game.engine.Game.forecast_break`).

While a proposal is built the page shows how it weighs before it is sent, from the parts of
:mod:`game.server.views_deal_weigh`: the seat's own, and the counterpart's only when the computer plays it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from game.engine import (
    Agreement,
    AgreementItem,
    BreakAgreement,
    Counter,
    Game,
    Item,
    ItemStatus,
    NegotiationError,
    Phase,
    ProposalStatus,
    Propose,
    Respond,
    implementation_effects,
)
from game.i18n import N_, language, tr, tr_reason
from game.present import (
    agreement_name,
    date_of,
    indicator_label,
    item_unavailable,
    num,
    possessive,
    proposal_name,
    role_name,
    say,
    signed,
    timing,
    turns_span,
    visible,
    who,
)
from game.server.views_deal_weigh import evaluation_json, weigh_parts
from game.table import Decision, DecisionKind, Match, SeatView, command_to_json, view

#: How the status of a proposal reads for the seat that sent or received it.
PROPOSAL_STATUS = {
    "open": N_("waiting for an answer"),
    "accepted": N_("accepted"),
    "refused": N_("refused"),
    "countered": N_("answered with a counter-proposal"),
    "withdrawn": N_("lapsed unanswered at the end of its turn"),
}
#: How the status of an agreement and of its items reads.
AGREEMENT_STATUS = {
    "broken": N_("broken"),
    "being implemented": N_("being implemented"),
    "fully implemented": N_("fully implemented"),
}


def whose_name(name: str) -> str:
    """``Cambodia's`` in English; the name itself in a language whose sentences put the owner elsewhere."""
    return possessive(name) if language() == "en" else name


def negotiation_json(match: Match, role: str, seat: SeatView | None = None) -> dict[str, Any]:
    """The negotiation table of the seat of ``role``: ``active`` (the scenario has one), ``moment`` (whether the
    seat may negotiate now, and if not why), the ``counterparts`` with the items on the table and the weighing
    parts, the seat's ``proposals`` and the ``agreements``. ``seat``: the seat's view when the caller has built it
    already (it is built otherwise)."""
    game = match.game
    if match.scenario.negotiation is None:
        return {"active": False, "moment": _moment(match, role, None), "counterparts": [], "proposals": [],
                "agreements": []}  # fmt: skip
    seat = view(match, role) if seat is None else seat
    moment = _moment(match, role, seat.decision)
    others = [r.id for r in match.scenario.roles if r.id != role]
    return {
        "active": True,
        "moment": moment,
        "answering": _answering(game, role, seat.decision),
        "counterparts": [_counterpart(match, role, other) for other in others],
        "proposals": [_proposal(match, seat, p.id, moment["now"]) for p in reversed(seat.proposals)],
        "agreements": [_agreement(game, role, a, moment["now"]) for a in reversed(seat.agreements)],
        "note": tr("A proposal cannot be taken back once sent: unanswered, it lapses when the turn ends."),
    }


def _answering(game: Game, role: str, decision: Decision | None) -> dict[str, str] | None:
    """The proposal the seat's decision answers, in one sentence (for the decision's own buttons), or ``None``."""
    if decision is None or decision.kind is not DecisionKind.ANSWER:
        return None
    proposal = game.proposal(decision.proposal)
    give = "; ".join(say(game, game.item(i).label) for i in proposal.ask) or tr("nothing")
    get = "; ".join(say(game, game.item(i).label) for i in proposal.give) or tr("nothing")
    name = _capital(proposal_name(game, proposal, role, terms=False))
    return {"proposal": proposal.id, "text": tr("{proposal}: you give {give}; you get {get}.", proposal=name,
                                                give=give, get=get)}  # fmt: skip


# --------------------------------------------------------------------- the seat's moment
def _moment(match: Match, role: str, decision: Decision | None) -> dict[str, Any]:
    """``now``: whether the seat may propose, answer and break agreements now; ``why`` it may not."""
    game = match.game
    if game.outcome is not None:
        return {"now": False, "why": tr("The game is over.")}
    if match.teacher.paused:
        return {"now": False, "why": tr("The teacher has paused the game.")}
    if decision is not None and decision.kind in (DecisionKind.ACT, DecisionKind.ANSWER):
        return {"now": True, "why": ""}
    if game.phase is not Phase.ACTIONS:
        if decision is not None:
            return {"now": False, "why": tr("Proposals are made in the actions phase, after the news. Answer the "
                                            "news first.")}  # fmt: skip
        return {"now": False, "why": tr("Proposals are made in the actions phase, after the news.")}
    current = match.waiting_for()
    if not current:
        return {"now": False, "why": tr("It is another side's moment to decide: you negotiate in your own part of "
                                        "the turn.")}  # fmt: skip
    return {
        "now": False,
        "why": tr(
            "It is {whose} moment to decide: you negotiate in your own part of the turn.",
            whose=whose_name(match.role_name(current)),
        ),
    }


# --------------------------------------------------------------------- building a proposal
def _counterpart(match: Match, role: str, other: str) -> dict[str, Any]:
    """One side the seat may negotiate with: the items each side may put on the table, and the weighing parts."""
    game = match.game
    computer = not match.seats[other].is_person
    gives, asks = game.legal_items(role), game.legal_items(other)
    legal = {i.id for i in (*gives, *asks)}
    items = (
        [i for i in match.scenario.negotiation.items if i.giver in (role, other)] if match.scenario.negotiation else []
    )
    return {
        "role": other,
        "name": role_name(game, other),
        "computer": computer,
        "trust": _trust_line(game, role, other),
        "blocked": _blocked(game, role, other),
        "command": propose_command(role, other, (), ()),
        "give": [item_json(game, i, role) for i in gives],
        "ask": [item_json(game, i, role) for i in asks],
        "unavailable": [
            {**item_json(game, i, role), "why_not": unavailable_reason(game, i, role, other)}
            for i in items
            if i.id not in legal
        ],
        "yours": weigh_parts(game, role, other, gives, asks, role),
        "theirs": weigh_parts(game, role, other, gives, asks, other) if computer else None,
    }


def _blocked(game: Game, role: str, other: str) -> str:
    """Why no proposal can go to ``other`` now, whatever its items (one open proposal at a time), or ``""``."""
    if game.phase is not Phase.ACTIONS:
        return tr("Proposals are made in the actions phase.")
    for proposal in game.state.proposals:
        if proposal.status is ProposalStatus.OPEN and proposal.sender == role and proposal.receiver == other:
            name = role_name(game, other)
            return tr(
                "Your proposal to {side} is waiting for an answer: one open proposal to a side at a time.", side=name
            )
    return ""


def item_json(game: Game, item: Item, role: str) -> dict[str, Any]:
    """One negotiation item: who gives it, when it would be implemented if agreed now, and what it does."""
    effects = _effect_groups(game, item)
    return {
        "id": item.id,
        "label": say(game, item.label),
        "description": say(game, item.description),
        "giver": item.giver,
        "giver_name": who(game, role, item.giver),
        "turns": item.turns,
        "when": tr("if agreed now: {when}", when=turns_span(game, game.turn, game.turn + item.turns - 1)),
        "effects": effects,
        "contested": say(game, item.contested) if item.contested else "",
    }


def _effect_groups(game: Game, item: Item) -> list[str]:
    """What implementing ``item`` does, grouped by when: ``over 3 turns from now: Development +8, Trust +2``."""
    turn, last = game.turn, game.scenario.turns
    groups: dict[str, list[str]] = {}
    for change in visible(game, game.forecast_effects(implementation_effects(item), item.id).items):
        words = f"{indicator_label(game, change.indicator)} {signed(change.delta)}"
        groups.setdefault(timing(change, turn, last), []).append(words)
    return [f"{_capital(when)}: {', '.join(changes)}" for when, changes in groups.items()]


def unavailable_reason(game: Game, item: Item, sender: str, receiver: str) -> str:
    """Why ``item`` cannot be put on the table now, for people (:func:`game.present.item_unavailable`)."""
    return item_unavailable(game, item, sender, receiver)


def propose_command(role: str, other: str, give: Sequence[str], ask: Sequence[str]) -> dict[str, Any]:
    """The command the page sends for a proposal (as the command log writes it)."""
    return command_to_json(Propose(role, other, tuple(give), tuple(ask)))


# --------------------------------------------------------------------- proposals
def _proposal(match: Match, seat: SeatView, proposal_id: str, now: bool) -> dict[str, Any]:
    """One proposal the seat sent or received, from its own side, with how it weighs for it while it is open and,
    received and open, the answers it may give (those of its decision when it is this proposal's moment)."""
    game, role = match.game, seat.role
    proposal = game.proposal(proposal_id)
    sent = proposal.sender == role
    other = proposal.receiver if sent else proposal.sender
    mine, theirs = (proposal.give, proposal.ask) if sent else (proposal.ask, proposal.give)
    weighing = seat.weighing(proposal_id)
    status = str(proposal.status)
    data: dict[str, Any] = {
        "id": proposal.id,
        "name": proposal_name(game, proposal, role, terms=False),
        "sent": sent,
        "other": other,
        "other_name": role_name(game, other),
        "turn": proposal.turn,
        "status": status,
        "status_words": tr(PROPOSAL_STATUS[status]) if status in PROPOSAL_STATUS else status,
        "you_give": [say(game, game.item(i).label) for i in mine],
        "you_get": [say(game, game.item(i).label) for i in theirs],
        "reply_to": proposal_name(game, game.proposal(proposal.reply_to), role) if proposal.reply_to else "",
        "weighing": None if weighing is None else evaluation_json(game, role, role, weighing),
        "answers": [],
        "answer_note": "",
        "counter": None,
    }
    if not sent and status == "open":
        data["answers"], data["answer_note"] = _answers(match, seat, proposal_id, now)
        if data["answers"]:  # a counter-proposal gives what was asked and asks what was offered, to start from
            counter = command_to_json(Counter(role, proposal.id))
            data["counter"] = {"command": counter, "items": [*proposal.ask, *proposal.give]}
    return data


def _answers(match: Match, seat: SeatView, proposal_id: str, now: bool) -> tuple[list[dict[str, Any]], str]:
    """The answers the seat may give to a proposal it received, and a note when it may not answer now."""
    decision = seat.decision
    if decision is not None and decision.kind is DecisionKind.ANSWER and decision.proposal == proposal_id:
        options = [{"label": tr("Accept") if o.accept else tr("Refuse"), "command": command_to_json(o)}
                   for o in decision.options if isinstance(o, Respond)]  # fmt: skip
        problem = match.game.why_not_accept(seat.role, proposal_id)
        return options, tr("It cannot be accepted now: {problem}.", problem=problem) if problem else ""
    if now:
        return [], tr("Answer the proposal above first; this one comes next.")
    return [], tr("You answer it in your own part of the turn.")


# --------------------------------------------------------------------- agreements
def _agreement(game: Game, role: str, agreement: Agreement, now: bool) -> dict[str, Any]:
    """One agreement: its sides, status, items with their schedule and status, and breaking it."""
    first, second = agreement.parties
    ongoing = "being implemented" if agreement.open else "fully implemented"  # i18n: not shown
    status = "broken" if agreement.broken else ongoing
    mine = role in agreement.parties
    return {
        "id": agreement.id,
        "name": agreement_name(agreement.id).capitalize(),
        "mine": mine,
        "with": role_name(game, second if first == role else first) if mine else _pair(game, first, second),
        "made": tr("turn {turn} ({date})", turn=agreement.turn, date=date_of(game, agreement.turn)),
        "status": status,
        "status_words": tr(AGREEMENT_STATUS[status]),
        "items": [_agreement_item(game, role, part) for part in agreement.items],
        "schedule": _schedule(game, agreement),
        "break": _break(game, role, agreement, now) if mine else None,
    }


def _agreement_item(game: Game, role: str, part: AgreementItem) -> dict[str, Any]:
    turn = game.turn
    if part.status is ItemStatus.IMPLEMENTED:
        status = tr("implemented")
    elif part.status is ItemStatus.BROKEN:
        status = tr("broken")
    elif turn < part.start:
        status = tr("pending: starts later")
    elif (total := part.end - part.start + 1) > 1 and turn <= part.end:
        status = tr("pending: being implemented, step {step} of {total} this turn", step=turn - part.start + 1,
                    total=total)  # fmt: skip
    else:
        status = tr("pending: being implemented")
    return {"label": say(game, game.item(part.item).label), "giver": who(game, role, part.giver),
            "status": status, "when": turns_span(game, part.start, part.end)}  # fmt: skip


def _schedule(game: Game, agreement: Agreement) -> list[str]:
    """The agreement turn by turn: ``Turn 3 (Jul 2023): Label (1 of 2); Other (in full)``."""
    out = []
    for turn in range(min(p.start for p in agreement.items), max(p.end for p in agreement.items) + 1):
        due = []
        for part in agreement.items:
            if part.start <= turn <= part.end:
                total = part.end - part.start + 1
                label = say(game, game.item(part.item).label)
                broken = part.status is ItemStatus.BROKEN
                if total > 1:
                    step, of = turn - part.start + 1, total
                    due.append(tr("{item} ({step} of {total}, broken)", item=label, step=step, total=of) if broken
                               else tr("{item} ({step} of {total})", item=label, step=step, total=of))  # fmt: skip
                else:
                    due.append(tr("{item} (in full, broken)", item=label) if broken
                               else tr("{item} (in full)", item=label))  # fmt: skip
        if due:
            out.append(tr("Turn {turn} ({date}): {items}", turn=turn, date=date_of(game, turn), items="; ".join(due)))
    return out


def _break(game: Game, role: str, agreement: Agreement, now: bool) -> dict[str, Any]:
    """Whether the seat may break the agreement now, what it would cost (the engine's forecast) and the command."""
    refused = {"allowed": False, "forecast": [], "command": None}
    if game.phase is not Phase.ACTIONS:
        return {**refused, "why_not": tr("Agreements can only be broken in the actions phase.")}
    if not any(p.giver == role and p.status is ItemStatus.PENDING for p in agreement.items):
        return {**refused, "why_not": tr("You have nothing left to implement in {agreement}.",
                                         agreement=agreement_name(agreement.id))}  # fmt: skip
    try:
        cost = game.forecast_break(role, agreement.id)
    except NegotiationError as exc:  # pragma: no cover - the two rules above are the engine's
        return {
            **refused,
            "why_not": _capital(tr_reason(exc.args[0] if exc.args and isinstance(exc.args[0], str) else str(exc)))
            + ".",
        }
    name = role_name(game, cost.other)
    owed = "; ".join(say(game, game.item(i).label) for i in cost.cancelled)
    lines = [tr("It cancels what you still owe: {items}.", items=owed)]
    if cost.voided:
        void = "; ".join(say(game, game.item(i).label) for i in cost.voided)
        lines.append(tr("It was made this turn and has not started, so {whose} part is void too: {items}.",
                        whose=whose_name(name), items=void))  # fmt: skip
    if cost.trust_change:
        lines.append(
            tr(
                "Trust between you and {side} falls by {fall}: {before} → {after}.",
                side=name,
                fall=num(-cost.trust_change),
                before=num(cost.trust_before),
                after=num(cost.trust_after),
            )
        )
    else:
        lines.append(tr("Trust between you and {side} stays at {level}.", side=name, level=num(cost.trust_before)))
    moves = [f"{indicator_label(game, f.indicator)} {signed(f.delta)}" for f in visible(game, cost.effects.items)]
    if moves:
        lines.append(tr("At once: {changes}.", changes=", ".join(moves)))
    if cost.event:
        lines.append(
            tr("Next turn it also brings on: {event}.", event=say(game, game.scenario.event(cost.event).title))
        )
    why = "" if now else tr("You may break it in your own part of the turn.")
    command = command_to_json(BreakAgreement(role, agreement.id))
    return {"allowed": now, "why_not": why, "forecast": lines, "command": command}


def _trust_line(game: Game, role: str, other: str) -> str:
    top = game.scenario.indicator(game.scenario.trust_indicator_id(role, other)).max
    return tr(
        "Trust between you and {side}: {level} (of {top}).",
        side=role_name(game, other),
        level=num(game.trust(role, other)),
        top=num(top),
    )


def _pair(game: Game, first: str, second: str) -> str:
    return tr("{first} and {second}", first=role_name(game, first), second=role_name(game, second))


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
