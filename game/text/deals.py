"""What the text front end shows about negotiation: pure functions from a game to lines of plain text.

Items on the table, a counterpart's acceptance breakdown, proposals, agreements with their schedules, what breaking
one costs, and the negotiation news of a turn. Nothing here reads input or changes the game.
"""

from __future__ import annotations

from collections.abc import Sequence

from game.ai.negotiation import Evaluation
from game.engine import (
    Agreement,
    AgreementItem,
    Cause,
    Game,
    Item,
    ItemStatus,
    News,
    NewsDetail,
    NewsKind,
    Proposal,
    ProposalStatus,
)
from game.i18n import N_, tr
from game.present import (
    agreement_name,
    agreement_number,
    date_of,
    num,
    points,
    possessive,
    proposal_name,
    role_name,
    say,
    score,
    who,
)
from game.text.console import wrap
from game.text.views import forecast_text

#: How the status of an answered proposal reads in the news (``{who}`` answered ``{whose}`` proposal).
ANSWERS: dict[str, str] = {
    ProposalStatus.ACCEPTED: N_("{who} accepted {proposal}."),
    ProposalStatus.REFUSED: N_("{who} refused {proposal}."),
    ProposalStatus.COUNTERED: N_("{who} answered {proposal} with a counter-proposal."),
    ProposalStatus.WITHDRAWN: N_("{proposal_cap} lapsed unanswered."),
}


def item_label(game: Game, item_id: str) -> str:
    """The display label of a negotiation item."""
    return say(game, game.item(item_id).label)


def item_summary(game: Game, item: Item) -> str:
    """``Label (over 2 turns): Trade access +12``: label, implementation time and the effects in total."""
    forecast = game.forecast_effects(item.effects, item.id)
    label, effects = say(game, item.label), forecast_text(game, forecast.items)
    if item.turns > 1:
        return tr("{label} (over {turns} turns): {effects}", label=label, turns=item.turns, effects=effects)
    return tr("{label} (1 turn): {effects}", label=label, effects=effects)


def table_lines(
    game: Game, human: str, other: str, gives: Sequence[Item], asks: Sequence[Item], chosen: set[str]
) -> list[str]:
    """The numbered items of the proposal being built: what you may give, then what you may ask; ``[x]`` marks
    the chosen ones. Numbering runs on from the first list into the second."""
    name = role_name(game, other)
    out = wrap(tr("Proposal to {name}: type a number to add or remove an item.", name=name))
    number = 0
    for title, items in ((tr("You give:"), gives), (tr("You ask of {name}:", name=name), asks)):
        out += wrap(title, hanging="  ")
        if not items:
            out.append("  " + tr("(nothing can be put on the table now)"))
        for item in items:
            number += 1
            mark = "x" if item.id in chosen else " "
            out += wrap(f"{number}. [{mark}] {item_summary(game, item)}", indent="  ", hanging="         ")
            if item.contested:
                out += wrap(tr("Note on this rule: {text}", text=say(game, item.contested)), indent="         ")
    return out


def breakdown_lines(game: Game, title: str, evaluation: Evaluation) -> list[str]:
    """Each labelled reason with its points, then the total against the threshold and the verdict."""
    out = wrap(title)
    for reason in evaluation.reasons:
        out += wrap(
            tr("{reason}: {points}", reason=reason.label, points=points(reason.points)), indent="  ", hanging="    "
        )
    values = {"total": score(evaluation.score), "threshold": score(evaluation.threshold)}
    if evaluation.accept:
        total = tr("Total {total} against a threshold of {threshold}: would accept.", **values)
    else:
        total = tr("Total {total} against a threshold of {threshold}: would refuse.", **values)
    out += wrap(total, indent="  ", hanging="    ")
    return out


def proposal_lines(game: Game, human: str, proposal: Proposal) -> list[str]:
    """A proposal addressed to the player, from its sender's point of view."""
    sender = role_name(game, proposal.sender)
    if proposal.reply_to:
        answered = proposal_name(game, game.proposal(proposal.reply_to), human)
        head = tr("{name} proposes, in answer to {proposal}:", name=sender, proposal=answered)
    else:
        head = tr("{name} proposes:", name=sender)
    out = wrap(head)
    gives = tr("{name} gives you: {items}.", name=sender, items=_labels(game, proposal.give))
    out += wrap(gives, indent="  ", hanging="    ")
    asks = tr("{name} asks of you: {items}.", name=sender, items=_labels(game, proposal.ask))
    out += wrap(asks, indent="  ", hanging="    ")
    return out


def agreement_lines(game: Game, human: str, agreement: Agreement) -> list[str]:
    """One agreement: parties, status, each item with its giver and status, then the schedule turn by turn."""
    first, second = agreement.parties
    other = second if first == human else first
    status = (
        tr("broken") if agreement.broken else tr("being implemented") if agreement.open else tr("fully implemented")
    )
    out = wrap(
        tr(
            "Agreement {number} with {name}, made in turn {turn} ({date}): {status}.",
            number=agreement_number(agreement.id),
            name=role_name(game, other),
            turn=agreement.turn,
            date=date_of(game, agreement.turn),
            status=status,
        )
    )
    for part in agreement.items:
        text = tr(
            "- {item}, given by {who}: {status}.",
            item=item_label(game, part.item),
            who=who(game, human, part.giver),
            status=item_status(part.status),
        )
        out += wrap(text, indent="  ", hanging="    ")
    out += wrap(tr("Schedule:"), indent="  ")
    for turn in range(min(p.start for p in agreement.items), max(p.end for p in agreement.items) + 1):
        due = [
            tr("{item} ({step})", item=item_label(game, part.item), step=_step(part, turn))
            for part in agreement.items
            if part.start <= turn <= part.end
        ]
        if due:
            text = tr("Turn {turn} ({date}): {items}", turn=turn, date=date_of(game, turn), items="; ".join(due))
            out += wrap(text, indent="    ", hanging="      ")
    return out


def trust_line(game: Game, human: str, other: str) -> str:
    """``Trust between you and Cambodia: 42 (of 100).`` (the top of the trust's own range)."""
    top = game.scenario.indicator(game.scenario.trust_indicator_id(human, other)).max
    return tr(
        "Trust between you and {name}: {trust} (of {top}).",
        name=role_name(game, other),
        trust=num(game.trust(human, other)),
        top=num(top),
    )


def break_cost_lines(game: Game, human: str, agreement: Agreement) -> list[str]:
    """What breaking ``agreement`` costs, as the engine forecasts it (:meth:`~game.engine.Game.forecast_break`): the
    items cancelled, trust before and after, the break effects and the event it brings on."""
    cost = game.forecast_break(human, agreement.id)
    cancelled = [item_label(game, item) for item in cost.cancelled]
    out = wrap(
        tr(
            "Breaking agreement {number} cancels what you still owe: {items}.",
            number=agreement_number(agreement.id),
            items="; ".join(cancelled),
        )
    )
    name = role_name(game, cost.other)
    if cost.voided:
        void = "; ".join(item_label(game, item) for item in cost.voided)
        out += wrap(
            tr(
                "It was made this turn and has not started, so {owner} part is void too: {items}.",
                owner=possessive(name),
                items=void,
            )
        )
    if cost.trust_change:
        out += wrap(
            tr(
                "Trust between you and {name} falls by {amount}: {before} -> {after}.",
                name=name,
                amount=num(-cost.trust_change),
                before=num(cost.trust_before),
                after=num(cost.trust_after),
            )
        )
    else:
        out += wrap(tr("Trust between you and {name} stays at {trust}.", name=name, trust=num(cost.trust_before)))
    if cost.effects.items:
        out += wrap(tr("Relations cost, at once: {effects}.", effects=forecast_text(game, cost.effects.items)))
    if cost.event:
        event = game.scenario.event(cost.event)
        out += wrap(tr("It will also bring on next turn: {title}.", title=say(game, event.title)))
    return out


def news_lines(game: Game, seen: Sequence[News], human: str, turn: int) -> list[str]:
    """The negotiation news of ``turn`` among the news ``seen`` (what the readers' seats may see): proposals made and
    answered, agreements made, implemented and broken; ``human`` is the reader ("" for a review shared by several)."""
    out: list[str] = []
    for news in seen:
        if news.turn != turn or news.kind not in (NewsKind.PROPOSAL, NewsKind.AGREEMENT):
            continue
        text = _news_text(game, human, news.kind, news.id, news.role, news.detail)
        if text:
            out += wrap(text, indent="  ", hanging="    ")
    return [tr("Negotiation:"), *out] if out else []


def _news_text(game: Game, human: str, kind: NewsKind, news_id: str, role: str, detail: str) -> str:
    if kind is NewsKind.PROPOSAL:
        proposal = game.proposal(news_id)
        if detail == NewsDetail.SENT:
            return tr(
                "{who} proposed a deal to {other}: gives {give}; asks {ask}.",
                who=who(game, human, role, start=True),
                other=who(game, human, proposal.receiver),
                give=_labels(game, proposal.give),
                ask=_labels(game, proposal.ask),
            )
        name = proposal_name(game, proposal, human)
        values = {
            "who": who(game, human, role, start=True),
            "proposal": name,
            "proposal_cap": name[:1].upper() + name[1:],
        }
        if detail in ANSWERS:
            return tr(ANSWERS[detail], **values)
        return tr("{proposal_cap}: {status}.", status=detail, **values)
    if detail == NewsDetail.MADE:
        agreement = game.agreement(news_id)
        items = "; ".join(
            tr("{item} (by {who})", item=item_label(game, p.item), who=who(game, human, p.giver))
            for p in agreement.items
        )
        return tr("Agreement {number} made: {items}.", number=agreement_number(news_id), items=items)
    if detail == ItemStatus.IMPLEMENTED:  # the id names the item of the agreement
        origin = game.origin(Cause.KEPT, news_id)
        label = item_label(game, origin.part) if origin.part else news_id
        return tr(
            "Implemented: {item}, by {who} ({agreement}).",
            item=label,
            who=who(game, human, role),
            agreement=agreement_name(origin.id),
        )
    if detail == ItemStatus.BROKEN:
        return tr(
            "{who} broke agreement {number}.", who=who(game, human, role, start=True), number=agreement_number(news_id)
        )
    return ""


def _labels(game: Game, items: Sequence[str]) -> str:
    return "; ".join(item_label(game, i) for i in items) or tr("nothing")


def _step(part: AgreementItem, turn: int) -> str:
    """Where one agreement item stands in ``turn`` of its schedule: ``1 of 2``, ``in full``; ``broken`` items
    say so (what was implemented before the break stays in the history)."""
    total = part.end - part.start + 1
    step = tr("{step} of {total}", step=turn - part.start + 1, total=total) if total > 1 else tr("in full")
    return tr("{step}, broken", step=step) if part.status is ItemStatus.BROKEN else step


#: How the status of an item of an agreement reads.
ITEM_STATUS: dict[str, str] = {
    ItemStatus.PENDING: N_("pending"),
    ItemStatus.IMPLEMENTED: N_("implemented"),
    ItemStatus.BROKEN: N_("broken"),
}


def item_status(status: str) -> str:
    """The status of an agreement's item in words (``pending``, ``implemented``, ``broken``)."""
    return tr(ITEM_STATUS[status]) if status in ITEM_STATUS else status
