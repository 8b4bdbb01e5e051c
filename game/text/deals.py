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
from game.present import (
    agreement_name,
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
    ProposalStatus.ACCEPTED: "{who} accepted {proposal}.",
    ProposalStatus.REFUSED: "{who} refused {proposal}.",
    ProposalStatus.COUNTERED: "{who} answered {proposal} with a counter-proposal.",
    ProposalStatus.WITHDRAWN: "{proposal_cap} lapsed unanswered.",
}


def item_label(game: Game, item_id: str) -> str:
    """The display label of a negotiation item."""
    return say(game, game.item(item_id).label)


def item_summary(game: Game, item: Item) -> str:
    """``Label (over 2 turns): Trade access +12``: label, implementation time and the effects in total."""
    forecast = game.forecast_effects(item.effects, item.id)
    when = f"over {item.turns} turns" if item.turns > 1 else "1 turn"
    return f"{say(game, item.label)} ({when}): {forecast_text(game, forecast.items)}"


def table_lines(
    game: Game, human: str, other: str, gives: Sequence[Item], asks: Sequence[Item], chosen: set[str]
) -> list[str]:
    """The numbered items of the proposal being built: what you may give, then what you may ask; ``[x]`` marks
    the chosen ones. Numbering runs on from the first list into the second."""
    out = wrap(f"Proposal to {role_name(game, other)}: type a number to add or remove an item.")
    number = 0
    for title, items in (("You give:", gives), (f"You ask of {role_name(game, other)}:", asks)):
        out += wrap(title, hanging="  ")
        if not items:
            out.append("  (nothing can be put on the table now)")
        for item in items:
            number += 1
            mark = "x" if item.id in chosen else " "
            out += wrap(f"{number}. [{mark}] {item_summary(game, item)}", indent="  ", hanging="         ")
            if item.contested:
                out += wrap(f"Note on this rule: {say(game, item.contested)}", indent="         ")
    return out


def breakdown_lines(game: Game, title: str, evaluation: Evaluation) -> list[str]:
    """Each labelled reason with its points, then the total against the threshold and the verdict."""
    out = wrap(title)
    for reason in evaluation.reasons:
        out += wrap(f"{reason.label}: {points(reason.points)}", indent="  ", hanging="    ")
    verdict = "would accept" if evaluation.accept else "would refuse"
    out.append(f"  Total {score(evaluation.score)} against a threshold of {score(evaluation.threshold)}: {verdict}.")
    return out


def proposal_lines(game: Game, human: str, proposal: Proposal) -> list[str]:
    """A proposal addressed to the player, from its sender's point of view."""
    sender = role_name(game, proposal.sender)
    head = f"{sender} proposes"
    head += (
        f", in answer to {proposal_name(game, game.proposal(proposal.reply_to), human)}:" if proposal.reply_to else ":"
    )
    out = wrap(head)
    out += wrap(f"{sender} gives you: " + _labels(game, proposal.give) + ".", indent="  ", hanging="    ")
    out += wrap(f"{sender} asks of you: " + _labels(game, proposal.ask) + ".", indent="  ", hanging="    ")
    return out


def agreement_lines(game: Game, human: str, agreement: Agreement) -> list[str]:
    """One agreement: parties, status, each item with its giver and status, then the schedule turn by turn."""
    first, second = agreement.parties
    other = second if first == human else first
    status = "broken" if agreement.broken else "being implemented" if agreement.open else "fully implemented"
    out = wrap(
        f"{agreement_name(agreement.id).capitalize()} with {role_name(game, other)}, made in turn {agreement.turn} "
        f"({date_of(game, agreement.turn)}): {status}."
    )
    for part in agreement.items:
        text = f"- {item_label(game, part.item)}, given by {who(game, human, part.giver)}: {part.status}."
        out += wrap(text, indent="  ", hanging="    ")
    out += wrap("Schedule:", indent="  ")
    for turn in range(min(p.start for p in agreement.items), max(p.end for p in agreement.items) + 1):
        due = [
            f"{item_label(game, part.item)} ({_step(part, turn)})"
            for part in agreement.items
            if part.start <= turn <= part.end
        ]
        if due:
            text = f"Turn {turn} ({date_of(game, turn)}): " + "; ".join(due)
            out += wrap(text, indent="    ", hanging="      ")
    return out


def trust_line(game: Game, human: str, other: str) -> str:
    """``Trust between you and Cambodia: 42 (of 100).`` (the top of the trust's own range)."""
    top = game.scenario.indicator(game.scenario.trust_indicator_id(human, other)).max
    return f"Trust between you and {role_name(game, other)}: {num(game.trust(human, other))} (of {num(top)})."


def break_cost_lines(game: Game, human: str, agreement: Agreement) -> list[str]:
    """What breaking ``agreement`` costs, as the engine forecasts it (:meth:`~game.engine.Game.forecast_break`): the
    items cancelled, trust before and after, the break effects and the event it brings on."""
    cost = game.forecast_break(human, agreement.id)
    cancelled = [item_label(game, item) for item in cost.cancelled]
    out = wrap(f"Breaking {agreement_name(agreement.id)} cancels what you still owe: " + "; ".join(cancelled) + ".")
    name = role_name(game, cost.other)
    if cost.voided:
        void = "; ".join(item_label(game, item) for item in cost.voided)
        out += wrap(f"It was made this turn and has not started, so {possessive(name)} part is void too: {void}.")
    if cost.trust_change:
        out += wrap(
            f"Trust between you and {name} falls by {num(-cost.trust_change)}: "
            f"{num(cost.trust_before)} -> {num(cost.trust_after)}."
        )
    else:
        out += wrap(f"Trust between you and {name} stays at {num(cost.trust_before)}.")
    if cost.effects.items:
        out += wrap(f"Relations cost, at once: {forecast_text(game, cost.effects.items)}.")
    if cost.event:
        event = game.scenario.event(cost.event)
        out += wrap(f"It will also bring on next turn: {say(game, event.title)}.")
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
    return ["Negotiation:", *out] if out else []


def _news_text(game: Game, human: str, kind: NewsKind, news_id: str, role: str, detail: str) -> str:
    if kind is NewsKind.PROPOSAL:
        proposal = game.proposal(news_id)
        if detail == NewsDetail.SENT:
            return (
                f"{who(game, human, role, start=True)} proposed a deal to {who(game, human, proposal.receiver)}"
                f": gives {_labels(game, proposal.give)}; asks {_labels(game, proposal.ask)}."
            )
        name = proposal_name(game, proposal, human)
        template = ANSWERS.get(detail, "{proposal_cap}: " + detail + ".")
        return template.format(who=who(game, human, role, start=True), proposal=name,
                               proposal_cap=name[:1].upper() + name[1:])  # fmt: skip
    if detail == NewsDetail.MADE:
        agreement = game.agreement(news_id)
        items = "; ".join(f"{item_label(game, p.item)} (by {who(game, human, p.giver)})" for p in agreement.items)
        return f"{agreement_name(news_id).capitalize()} made: {items}."
    if detail == ItemStatus.IMPLEMENTED:  # the id names the item of the agreement
        origin = game.origin(Cause.KEPT, news_id)
        label = item_label(game, origin.part) if origin.part else news_id
        return f"Implemented: {label}, by {who(game, human, role)} ({agreement_name(origin.id)})."
    if detail == ItemStatus.BROKEN:
        return f"{who(game, human, role, start=True)} broke {agreement_name(news_id)}."
    return ""


def _labels(game: Game, items: Sequence[str]) -> str:
    return "; ".join(item_label(game, i) for i in items) or "nothing"


def _step(part: AgreementItem, turn: int) -> str:
    """Where one agreement item stands in ``turn`` of its schedule: ``1 of 2``, ``in full``; ``broken`` items
    say so (what was implemented before the break stays in the history)."""
    total = part.end - part.start + 1
    step = f"{turn - part.start + 1} of {total}" if total > 1 else "in full"
    return f"{step}, broken" if part.status is ItemStatus.BROKEN else step
