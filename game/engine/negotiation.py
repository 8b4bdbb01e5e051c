"""Negotiation: proposals and their answers, agreements and their schedules, breaking one, and the trust between
each pair of roles (always an indicator: :meth:`Scenario.trust_indicator_id`), which kept items raise and broken
agreements cut. What may be offered now is the agenda's business (:mod:`game.engine.agenda`)."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import replace

from game.engine import agenda
from game.engine.context import Context
from game.engine.errors import N_, NegotiationError, UnknownIdError, Why
from game.engine.rules import apply_plan
from game.engine.scenario import localize, trust_pair
from game.engine.state import (
    Agreement,
    AgreementItem,
    Cause,
    Change,
    ItemStatus,
    News,
    NewsDetail,
    NewsKind,
    Phase,
    Proposal,
    ProposalStatus,
    item_key,
)

_OPEN, _PENDING = ProposalStatus.OPEN, ItemStatus.PENDING


def trust(ctx: Context, first: str, second: str) -> float:
    """Trust between two roles (within its indicator's range); raises :class:`NegotiationError` without a
    negotiation section."""
    ctx.role(first)
    ctx.role(second)
    name = ctx.rules.trust.get(trust_pair(first, second))
    if name is None:
        raise NegotiationError(f"there is no trust between {first!r} and {second!r} in this scenario")
    return ctx.state.values[name]


def open_proposals(ctx: Context, role: str | None = None) -> list[Proposal]:
    """Open proposals, oldest first; with ``role``, only those waiting for its answer."""
    return [p for p in ctx.state.proposals if p.status is _OPEN and (role is None or p.receiver == role)]


def find_proposal(ctx: Context, proposal_id: str) -> Proposal:
    """The proposal with this id (any status)."""
    for proposal in ctx.state.proposals:
        if proposal.id == proposal_id:
            return proposal
    raise UnknownIdError(f"unknown proposal {proposal_id!r}")


def agreements(ctx: Context, role: str | None = None) -> list[Agreement]:
    """Every agreement made so far (of ``role``, if given), oldest first, with each item's schedule."""
    return [a for a in ctx.state.agreements if role is None or role in a.parties]


def find_agreement(ctx: Context, agreement_id: str) -> Agreement:
    """The agreement with this id."""
    for agreement in ctx.state.agreements:
        if agreement.id == agreement_id:
            return agreement
    raise UnknownIdError(f"unknown agreement {agreement_id!r}")


def why_not_propose(ctx: Context, sender: str, receiver: str, give: Sequence[str] = (), ask: Sequence[str] = ()) -> str:
    """Why ``sender`` cannot propose ``give`` for ``ask`` to ``receiver`` now, or ``""`` if it can."""
    return _proposal_problem(ctx, sender, receiver, tuple(give), tuple(ask), check_open=True)


def propose(ctx: Context, sender: str, receiver: str, give: Sequence[str] = (), ask: Sequence[str] = ()) -> Proposal:
    """Send a proposal; raises :class:`NegotiationError` (with the reason) if the rules do not allow it."""
    give, ask = tuple(give), tuple(ask)
    problem = _proposal_problem(ctx, sender, receiver, give, ask, check_open=True)
    if problem:
        raise NegotiationError(
            Why(
                N_("{sender} cannot propose to {receiver}: {problem}"),
                sender=sender,
                receiver=receiver,
                problem=problem,
            )
        )
    return _send(ctx, sender, receiver, give, ask, None)


def why_not_accept(ctx: Context, role: str, proposal_id: str) -> str:
    """Why ``role`` cannot accept the proposal now (its items changed state since it was sent, it is not
    addressed to ``role``, it is closed, ...), or ``""`` if it can."""
    try:
        proposal = _answerable(ctx, role, proposal_id)
    except NegotiationError as exc:
        return exc.args[0] if exc.args and isinstance(exc.args[0], str) else str(exc)
    return _proposal_problem(ctx, proposal.sender, proposal.receiver, proposal.give, proposal.ask, check_open=False)


def respond(ctx: Context, role: str, proposal_id: str, accept: bool) -> Agreement | None:
    """Accept (returning the agreement made) or refuse a proposal addressed to ``role``."""
    proposal = _answerable(ctx, role, proposal_id)
    if not accept:
        _answer(ctx, proposal, ProposalStatus.REFUSED)
        return None
    problem = _proposal_problem(ctx, proposal.sender, proposal.receiver, proposal.give, proposal.ask, check_open=False)
    if problem:
        raise NegotiationError(
            Why(N_("{role} cannot accept {proposal}: {problem}"), role=role, proposal=proposal_id, problem=problem)
        )
    _answer(ctx, proposal, ProposalStatus.ACCEPTED)
    return _make_agreement(ctx, proposal)


def counter(ctx: Context, role: str, proposal_id: str, give: Sequence[str] = (), ask: Sequence[str] = ()) -> Proposal:
    """Refuse a proposal addressed to ``role`` and send its sender ``give`` for ``ask`` instead."""
    proposal = _answerable(ctx, role, proposal_id)
    give, ask = tuple(give), tuple(ask)
    problem = _proposal_problem(ctx, role, proposal.sender, give, ask, check_open=True)
    if problem:
        raise NegotiationError(
            Why(N_("{role} cannot counter {proposal}: {problem}"), role=role, proposal=proposal_id, problem=problem)
        )
    _answer(ctx, proposal, ProposalStatus.COUNTERED)
    return _send(ctx, role, proposal.sender, give, ask, proposal.id)


def break_agreement(ctx: Context, role: str, agreement_id: str) -> None:
    """``role`` stops implementing its pending items of an agreement: they are cancelled, the pair's trust falls
    by the scenario's ``broken``, the break effects apply at once and the break event fires next turn.

    An agreement broken in the turn it was made has not started (its first portions apply at this turn's
    resolution): it is void, so the other party's items are cancelled too and nothing of it is implemented (the
    breaker gets nothing for the trust it loses). Broken later, the other party's items go on."""
    agreement = breakable(ctx, role, agreement_id)
    state = ctx.state
    negotiation = ctx.negotiation()
    stopped = stopped_by_break(ctx, role, agreement)
    cancelled = {item_key(agreement_id, i.item) for i in stopped}
    items = tuple(replace(i, status=ItemStatus.BROKEN) if i in stopped else i for i in agreement.items)
    state.agreements[state.agreements.index(agreement)] = replace(agreement, items=items)
    for due, portions in list(state.scheduled.items()):
        kept = [p for p in portions if not (p.cause is Cause.AGREEMENT and p.cause_id in cancelled)]
        if len(kept) != len(portions):
            if kept:
                state.scheduled[due] = kept
            else:
                del state.scheduled[due]
    turn = state.turn
    state.news.append(News(turn, NewsKind.AGREEMENT, agreement_id, role, ItemStatus.BROKEN))
    text = f"{localize(ctx.roles[role].name, ctx.lang)} broke agreement {agreement_id}"
    first, second = agreement.parties
    _move_trust(ctx, first, second, -negotiation.trust_broken, Cause.BREAK, agreement_id, role, text)
    apply_plan(
        ctx.rules.break_plan, Cause.BREAK, agreement_id, state.values, state.values, state.history, state.errors,
        turn, role, text, state.scheduled,
    )  # fmt: skip
    if negotiation.break_event is not None and negotiation.break_event not in state.queued:
        state.queued.append(negotiation.break_event)
    ctx.blocked = None


def stopped_by_break(ctx: Context, role: str, agreement: Agreement) -> list[AgreementItem]:
    """The items ``role`` breaking ``agreement`` now would cancel: its own pending ones, and the other party's
    too when the agreement was made this turn (it has not started: breaking it voids it whole)."""
    void = agreement.turn == ctx.state.turn
    return [i for i in agreement.items if i.status is ItemStatus.PENDING and (void or i.giver == role)]


def breakable(ctx: Context, role: str, agreement_id: str) -> Agreement:
    """The agreement ``role`` may break now; raises :class:`NegotiationError` (or :class:`UnknownIdError`)."""
    ctx.role(role)
    ctx.negotiation()
    agreement = find_agreement(ctx, agreement_id)
    phase = ctx.state.phase
    if phase is not Phase.ACTIONS:
        raise NegotiationError(
            Why(N_("agreements can only be broken in the actions phase (now: {phase})"), phase=phase.value)
        )
    if role not in agreement.parties:
        raise NegotiationError(Why(N_("{role} is not a party to {agreement}"), role=role, agreement=agreement_id))
    if not any(i.giver == role and i.status is ItemStatus.PENDING for i in agreement.items):
        raise NegotiationError(
            Why(N_("{role} has nothing left to implement in {agreement}"), role=role, agreement=agreement_id)
        )
    return agreement


def _answerable(ctx: Context, role: str, proposal_id: str) -> Proposal:
    """The open proposal to ``role`` it may answer now; raises :class:`NegotiationError`."""
    ctx.role(role)
    ctx.negotiation()
    proposal = find_proposal(ctx, proposal_id)
    if ctx.state.phase is not Phase.ACTIONS:
        raise NegotiationError(
            Why(N_("proposals are answered in the actions phase (now: {phase})"), phase=ctx.state.phase.value)
        )
    if proposal.status is not ProposalStatus.OPEN:
        raise NegotiationError(
            Why(
                N_("proposal {proposal} is not open (it was {status})"),
                proposal=proposal_id,
                status=str(proposal.status),
            )
        )
    if proposal.receiver != role:
        raise NegotiationError(
            Why(
                N_("proposal {proposal} is addressed to {receiver}, not {role}"),
                proposal=proposal_id,
                receiver=proposal.receiver,
                role=role,
            )
        )
    return proposal


def _send(
    ctx: Context, sender: str, receiver: str, give: tuple[str, ...], ask: tuple[str, ...], reply_to: str | None
) -> Proposal:
    state = ctx.state
    state.proposal_serial += 1
    proposal = Proposal(
        f"p{state.proposal_serial}", state.turn, sender, receiver, give, ask, ProposalStatus.OPEN, reply_to
    )
    state.proposals.append(proposal)
    if not state.recorded:  # the fast path remembers what the full path's history would tell of this moment
        state.sent[proposal.id] = (dict(state.values), len(state.news))
    state.news.append(News(state.turn, NewsKind.PROPOSAL, proposal.id, sender, NewsDetail.SENT))
    return proposal


def _answer(ctx: Context, proposal: Proposal, status: ProposalStatus) -> None:
    state = ctx.state
    state.proposals[state.proposals.index(proposal)] = replace(proposal, status=status)
    role = proposal.sender if status is ProposalStatus.WITHDRAWN else proposal.receiver
    state.news.append(News(state.turn, NewsKind.PROPOSAL, proposal.id, role, status))


def _make_agreement(ctx: Context, proposal: Proposal) -> Agreement:
    state = ctx.state
    state.agreement_serial += 1
    turn = state.turn
    items = ctx.rules.items
    agreement = Agreement(
        id=f"a{state.agreement_serial}",
        turn=turn,
        parties=(proposal.sender, proposal.receiver),
        items=tuple(AgreementItem(i, items[i].giver, turn, turn + items[i].turns - 1) for i in proposal.items()),
        proposal=proposal.id,
    )
    state.agreements.append(agreement)
    state.news.append(News(turn, NewsKind.AGREEMENT, agreement.id, proposal.receiver, NewsDetail.MADE))
    return agreement


def start_agreements(ctx: Context, turn: int, basis: dict[str, float]) -> None:
    """Resolution: the items of agreements made this turn start; their effects are read from ``basis``."""
    state = ctx.state
    rules = ctx.rules
    for agreement in state.agreements:
        if agreement.turn != turn:
            continue
        for part in agreement.items:
            if part.status is not _PENDING:
                continue
            cause_id = item_key(agreement.id, part.item)
            text = f"Agreement {agreement.id}: {rules.item_texts[part.item]}"
            apply_plan(
                rules.item_plans[part.item], Cause.AGREEMENT, cause_id, basis, state.values, state.history,
                state.errors, turn, part.giver, text, state.scheduled,
            )  # fmt: skip


def close_turn(ctx: Context, turn: int) -> None:
    """Resolution: items whose last turn this is are implemented (trust rises); unanswered proposals lapse."""
    state = ctx.state
    negotiation = ctx.negotiation()
    for index, agreement in enumerate(state.agreements):
        for part in agreement.items:
            if part.end == turn and part.status is _PENDING:
                break
        else:
            continue  # nothing of it ends this turn
        items = []
        for part in agreement.items:
            if part.end == turn and part.status is ItemStatus.PENDING:
                part = replace(part, status=ItemStatus.IMPLEMENTED)
                cause_id = item_key(agreement.id, part.item)
                state.news.append(News(turn, NewsKind.AGREEMENT, cause_id, part.giver, ItemStatus.IMPLEMENTED))
                text = f"Kept: {ctx.rules.item_texts[part.item]} ({agreement.id})"
                first, second = agreement.parties
                _move_trust(ctx, first, second, negotiation.trust_kept, Cause.KEPT, cause_id, part.giver, text)
            items.append(part)
        state.agreements[index] = replace(agreement, items=tuple(items))
    for proposal in state.proposals:
        if proposal.status is _OPEN:
            _answer(ctx, proposal, ProposalStatus.WITHDRAWN)


def _move_trust(
    ctx: Context, first: str, second: str, delta: float, cause: Cause, cause_id: str, role: str, text: str
) -> None:
    """Change a pair's trust indicator within its range, recorded."""
    state = ctx.state
    name, before, after = trust_after(ctx, first, second, delta)
    if after != before:
        state.values[name] = after
        state.history.append(Change(state.turn, name, before, after, cause, cause_id, role, text, state.turn))


def trust_after(ctx: Context, first: str, second: str, delta: float) -> tuple[str, float, float]:
    """The pair's trust indicator, its value now, and its value after moving by ``delta`` within its range: the
    one rule :func:`_move_trust` and :func:`forecasts.forecast_break` share."""
    name = ctx.rules.trust[trust_pair(first, second)]
    before = ctx.state.values[name]
    low, high = ctx.rules.bounds[name]
    return name, before, min(max(before + delta, low), high)


def _proposal_problem(
    ctx: Context, sender: str, receiver: str, give: tuple[str, ...], ask: tuple[str, ...], *, check_open: bool
) -> str:
    """The first rule a proposal breaks, or ``""``."""
    ctx.role(sender)
    ctx.role(receiver)
    state = ctx.state
    if ctx.rules.negotiation is None:
        return Why(N_("this scenario has no negotiation"))
    if state.phase is not Phase.ACTIONS:
        return Why(N_("proposals are made in the actions phase (now: {phase})"), phase=state.phase.value)
    if sender == receiver:
        return Why(N_("a role cannot propose to itself"))
    if not give and not ask:
        return Why(N_("a proposal needs at least one item"))
    items = ctx.rules.items
    seen: set[str] = set()
    in_force = agenda.in_force_items(ctx)
    for side, owner in ((give, sender), (ask, receiver)):
        for item_id in side:
            item = items.get(item_id)
            if item is None:
                hint = difflib.get_close_matches(item_id, list(items), n=1)
                if hint:
                    return Why(N_("unknown item {item!r} (did you mean {hint!r}?)"), item=item_id, hint=hint[0])
                return Why(N_("unknown item {item!r}"), item=item_id)
            if item_id in seen:
                return Why(N_("item {item!r} is listed twice"), item=item_id)
            seen.add(item_id)
            if item.giver != owner:
                if side is give:
                    return Why(N_("item {item!r} is given by {giver}, so {sender} cannot offer it"), item=item_id,
                               giver=item.giver, sender=sender)  # fmt: skip
                return Why(N_("item {item!r} is given by {giver}, so it cannot be asked of {receiver}"), item=item_id,
                           giver=item.giver, receiver=receiver)  # fmt: skip
            if item_id in in_force:
                return Why(N_("item {item!r} is already in force in an open agreement"), item=item_id)
            off = agenda.off_table(ctx, item) if ctx.rules.agenda else ""
            if off:
                return Why(N_("item {item!r} {reason}"), item=item_id, reason=off)
            if item.condition is not None and not agenda.condition_holds(ctx, item):
                return Why(
                    N_("item {item!r}: {reason}"), item=item_id, reason=ctx.unmet(item.condition, item.condition_reason)
                )
    if check_open:
        for proposal in state.proposals:
            if proposal.status is not _OPEN:
                continue
            if proposal.sender == sender and proposal.receiver == receiver:
                return Why(N_("{sender} already has an open proposal to {receiver} ({proposal})"), sender=sender,
                           receiver=receiver, proposal=proposal.id)  # fmt: skip
    return ""
