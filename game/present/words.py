"""Numbers, names and labels as people read them, the same in every front end."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Protocol, TypeVar

from game.engine import (
    Action,
    Agreement,
    Cause,
    Change,
    ForecastItem,
    Game,
    Item,
    ItemStatus,
    NewsDetail,
    NewsKind,
    Outcome,
    Phase,
    Proposal,
    Source,
    Termination,
    Text,
    localize,
)
from game.i18n import N_, tr, tr_n, tr_reason
from game.i18n.formats import number, turn_date
from game.table.view import menu_order


class _OnIndicator(Protocol):
    @property
    def indicator(self) -> str: ...


_On = TypeVar("_On", bound=_OnIndicator)


def visible(game: Game, items: Iterable[_On]) -> list[_On]:
    """The forecast items or changes of ``items`` that players may see: those of hidden indicators (the flags a
    story keeps for its conditions) left out."""
    hidden = {i.id for i in game.scenario.indicators if i.hidden}
    return [item for item in items if item.indicator not in hidden] if hidden else list(items)


# How numbers are shown, one rule for each kind, the same on every screen and in the terminal:
# - a level on an indicator's scale (a value, trust, a range) and a change to one: a whole number (``41``, ``+4``);
# - a score, a usual range of scores and the points of a weighing: always one decimal (``45.1``, ``+2.0``);
# - a score weight (points per point): two decimals at most (:func:`per_point`).


#: Shown for a number that is not one (NaN, an infinity): the engine keeps values finite, so only a fault gets here.
NOT_A_NUMBER = "?"
#: From this magnitude a number is written short (``2.5e16``): its digits would say nothing more and not fit.
LONGEST = 1e16


def _short(value: float) -> str:
    """A very large number, short and signed only when negative: ``2.5e16``, ``-1e17``."""
    mantissa, _, exponent = f"{value:.3g}".partition("e")
    return f"{mantissa}e{int(exponent)}" if exponent else mantissa


def _whole(value: float) -> int:
    """Rounded half away from zero (``0.5`` -> 1, ``-2.5`` -> -3), as people round (finite values only)."""
    return math.floor(abs(value) + 0.5) * (1 if value >= 0 else -1)


def _odd(value: float) -> str | None:
    """How a number that cannot be written the usual way is written: ``?`` for NaN or an infinity, the short form
    for a very large one; ``None`` for every other number."""
    if not math.isfinite(value):
        return NOT_A_NUMBER
    return _short(value) if abs(value) >= LONGEST else None


def _with_sign(text: str) -> str:
    return text if text.startswith("-") or text == NOT_A_NUMBER else f"+{text}"


def num(value: float) -> str:
    """A level for people: a whole number, ``57`` for 57.4, never ``-0`` (``?`` for no number, ``2.5e16`` for a
    very large one)."""
    odd = _odd(value)
    return odd if odd is not None else number(_whole(value) + 0, grouping=False)


def signed(value: float) -> str:
    """A change of a level for people: a signed whole number, ``+4``, ``-2``, ``+0``."""
    odd = _odd(value)
    if odd is not None:
        return _with_sign(odd)
    return number(_whole(value) + 0, signed=True, grouping=False)


def score(value: float) -> str:
    """A score (or one end of its usual range) for people: one decimal, ``45.1``, ``80.0``, never ``-0.0``."""
    odd = _odd(value)
    return odd if odd is not None else number(round(value, 1) + 0.0, 1, grouping=False)


def points(value: float) -> str:
    """Points of a weighing (a reason, a total, a threshold, a willingness): signed, one decimal, ``+2.0``."""
    return _with_sign(score(value))


def how_it_ended(outcome: Outcome, turns: int) -> str:
    """How and when a game of ``turns`` turns ended, without a full stop: ``The game ended early, after turn 7 of
    12``, ``The teacher ended the game in turn 5 of 8`` or ``The game is over after all 12 turns``."""
    if outcome.termination is Termination.EARLY:
        return tr("The game ended early, after turn {turn} of {turns}", turn=outcome.turn, turns=turns)
    if outcome.termination is Termination.STOPPED:
        return tr("The teacher ended the game in turn {turn} of {turns}", turn=outcome.turn, turns=turns)
    return tr_n("The game is over after its only turn", "The game is over after all {n} turns", turns)


def plural(count: int, word: str) -> str:
    """``1 turn``, ``2 turns`` (English only: a sentence shown to people says its count with ``tr_n``)."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"  # i18n: not shown


def say(game: Game, text: Text) -> str:
    """A scenario text in the game's language."""
    return localize(text, game.lang)


def role_name(game: Game, role_id: str) -> str:
    """The display name of a role."""
    return say(game, game.scenario.role(role_id).name)


def indicator_label(game: Game, indicator_id: str) -> str:
    """The display label of an indicator."""
    return say(game, game.scenario.indicator(indicator_id).label)


def date_of(game: Game, turn: int) -> str:
    """The calendar date of a turn, e.g. ``Apr 2023``, as the active language writes it."""
    return turn_date(game.scenario.calendar, turn)


def turns_span(game: Game, start: int, end: int) -> str:
    """``turn 3 (Jul 2023)`` or ``turns 3–5 (Jul 2023 – Jan 2024)``, by the scenario's calendar."""
    if start == end:
        return tr("turn {turn} ({date})", turn=start, date=date_of(game, start))
    return tr(
        "turns {start}–{end} ({first} – {last})",
        start=start,
        end=end,
        first=date_of(game, start),
        last=date_of(game, end),
    )


def source_credit(source: Source) -> str:
    """A short credit: ``Title (Publisher, 2023)``."""
    detail = ", ".join(part for part in (source.publisher, source.date) if part)
    return f"{source.title} ({detail})" if detail else source.title


def menu_actions(game: Game, role_id: str) -> list[Action]:
    """Every action of a role, grouped by strategy family in scenario order: the menus' numbering."""
    return menu_order(game.scenario, role_id)


def family_label(game: Game, family_id: str) -> str:
    """The display label of a strategy family (its id if the scenario has none)."""
    try:
        return say(game, game.scenario.family(family_id).label)
    except KeyError:
        return family_id


def per_point(value: float) -> str:
    """A score weight: two decimals at most (``+0.15``, ``-0.2``, ``+1``), as score formulas are written."""
    odd = _odd(value)
    if odd is not None:
        return _with_sign(odd)
    text = number(round(value, 2) + 0.0, 2, signed=True, grouping=False).rstrip("0").rstrip(".")
    return number(0, signed=True) if text in ("+0", "-0") else text


def possessive(name: str) -> str:
    """``Cambodia's``, ``the United States'`` style: a name that ends in s takes only the apostrophe."""
    return tr("{name}'", name=name) if name.endswith("s") else tr("{name}'s", name=name)


def whose(game: Game, viewer: str | None, role_id: str) -> str:
    """``your`` for the seat reading, ``Cambodia's`` (``United States'``) for another side."""
    return tr("your") if role_id == viewer else possessive(role_name(game, role_id))


def who(game: Game, viewer: str | None, role_id: str, *, start: bool = False) -> str:
    """``you`` for the seat reading (``You`` at the ``start`` of a sentence), the role's name otherwise."""
    if role_id == viewer:
        return tr("You") if start else tr("you")
    return role_name(game, role_id)


def item_names(game: Game, item_ids: Iterable[str]) -> str:
    """Negotiation items by their labels, in lower case after the first: ``A, B and C``."""
    labels = [say(game, game.item(i).label) for i in item_ids]
    labels = labels[:1] + [label[:1].lower() + label[1:] for label in labels[1:]]
    if len(labels) <= 1:
        return "".join(labels) or tr("nothing")
    return tr("{items} and {last}", items=", ".join(labels[:-1]), last=labels[-1])


def deal_terms(give: str, ask: str) -> str:
    """What a deal trades: ``A for B``, or only one side when the other is empty."""
    if give == tr("nothing"):
        return tr("asking {ask}", ask=ask)
    return give if ask == tr("nothing") else tr("{give} for {ask}", give=give, ask=ask[:1].lower() + ask[1:])


def proposal_name(game: Game, proposal: Proposal, viewer: str | None = None, *, terms: bool = True) -> str:
    """A proposal as players know it (never its internal id): ``your proposal of Jul 2023 (Trade mission for
    labour standards)``; ``Cambodia's proposal of ...`` when another side sent it. Without ``terms`` only who
    and when, where the terms were just on screen."""
    when = date_of(game, proposal.turn)
    if proposal.sender == viewer:
        name = tr("your proposal of {date}", date=when)
    else:
        name = tr("{owner} proposal of {date}", owner=possessive(role_name(game, proposal.sender)), date=when)
    if not terms:
        return name
    terms_text = deal_terms(item_names(game, proposal.give), item_names(game, proposal.ask))
    return tr("{proposal} ({terms})", proposal=name, terms=terms_text)


def agreement_number(agreement_id: str) -> str:
    """The number players know an agreement by (agreements are counted from 1 as they are made)."""
    digits = agreement_id.lstrip("a")
    return digits if digits.isdigit() else agreement_id


def agreement_name(agreement_id: str) -> str:
    """``agreement 3``: an agreement as players know it (never its internal id)."""
    return tr("agreement {number}", number=agreement_number(agreement_id))


def agreement_in_force_until(game: Game, agreement: Agreement) -> int:
    """The last turn of an agreement: its items stay off the table until every unbroken one is implemented."""
    return max((i.end for i in agreement.items if i.status is not ItemStatus.BROKEN), default=agreement.turn)


def item_unavailable(game: Game, item: Item, sender: str, receiver: str, *, with_values: bool = False) -> str:
    """Why ``item`` cannot be put on the table now, for people (the engine's reason as a last resort); with
    ``with_values`` a failing condition is followed by the values it reads (``(now Relations 41)``)."""
    if game.phase is not Phase.ACTIONS:
        return tr("proposals are made in the actions phase")
    for agreement in game.state.agreements:
        if agreement.open and any(p.item == item.id and p.status is not ItemStatus.BROKEN for p in agreement.items):
            end = agreement_in_force_until(game, agreement)
            return tr(
                "already agreed in {agreement}, in force until {date}",
                agreement=agreement_name(agreement.id),
                date=date_of(game, end),
            )
    if not game.on_table(item.id):
        return tr("this item {reason}", reason=game.off_table_reason(item.id))
    if item.condition is not None:
        needs = (
            localize(item.condition_reason, game.lang).rstrip(". ")
            if item.condition_reason
            else tr("needs {condition}", condition=game.readable(item.condition))
        )
        now = ", ".join(
            f"{indicator_label(game, n)} {num(game.value(n))}"
            for n in sorted(item.condition.names)
            if n in game.state.values
        )
        return tr("{needs} (now {now})", needs=needs, now=now) if with_values and now else needs
    side = {"give": (item.id,)} if item.giver == sender else {"ask": (item.id,)}
    return tr_reason(game.why_not_propose(sender, receiver, **side)) or tr("not available now")


def cause_text(game: Game, change: Change) -> str:
    """What caused a change, for people: the engine's own words, except that an agreement is named as players
    know it (``agreement 1``) where the recorded text carries its internal id."""
    if change.cause is Cause.BREAK:
        name, number = role_name(game, change.role), agreement_number(change.cause_id)
        return tr("{name} broke agreement {number}", name=name, number=number)
    if change.cause is Cause.AGREEMENT or change.cause is Cause.KEPT:
        origin = game.origin(change.cause, change.cause_id)
        label = say(game, game.item(origin.part).label) if origin.part else change.text
        if change.cause is Cause.KEPT:
            return tr("Kept: {item} ({agreement})", item=label, agreement=agreement_name(origin.id))
        values = {"number": agreement_number(origin.id), "item": label}
        if change.text.endswith(f" (from turn {change.since})"):  # i18n: not shown (the engine's words)
            return tr("Agreement {number}: {item} (from turn {turn})", turn=change.since, **values)
        return tr("Agreement {number}: {item}", **values)
    if change.cause is Cause.FACILITATOR:  # the engine records "Set by the teacher: <the teacher's reason>"
        return tr("Set by the teacher: {reason}", reason=change.text.partition(": ")[2] or change.text)
    return change.text


def timing(item: ForecastItem, turn: int, last: int | None = None) -> str:
    """When a forecast item applies, for a player deciding in ``turn`` of a game whose last turn is ``last``.

    ``now`` (at the end of this turn), ``in turn 5``, ``over 3 turns from turn 5``, ``over 2 turns from now``;
    ``after the game ends`` for what starts after the last turn, and ``over 3 turns from turn 11, only 2 before the
    game ends`` for a spread that runs past it.
    """
    start = turn + item.delay
    if last is not None and start > last:
        return tr("after the game ends")
    if item.duration > 1:
        if item.delay == 0:
            words = tr("over {duration} turns from now", duration=item.duration)
        else:
            words = tr("over {duration} turns from turn {turn}", duration=item.duration, turn=start)
        if last is not None and start + item.duration - 1 > last:
            words = tr("{when}, only {left} before the game ends", when=words, left=last - start + 1)
        return words
    return tr("now") if item.delay == 0 else tr("in turn {turn}", turn=start)


#: How an answer to a proposal is told among a role's decisions (``{proposal}`` names the proposal).
ANSWERED = {
    "accepted": N_("accepted {proposal}"),
    "refused": N_("refused {proposal}"),
    "countered": N_("answered {proposal} with a counter-proposal"),
}


def decisions(game: Game, role_id: str, turn: int) -> list[str]:
    """What ``role_id`` decided in ``turn``, in order: its event answers, the proposals it sent and answered, the
    agreements it broke, and the actions it took."""
    out = []
    proposals = {p.id: p for p in game.state.proposals}
    for news in game.state.news:
        if news.turn != turn or news.role != role_id:
            continue
        if news.kind == NewsKind.ACTION:
            out.append(say(game, game.scenario.action(news.id).label))
        elif news.kind == NewsKind.CHOICE:
            event = game.scenario.event(news.id)
            answer = next((say(game, c.label) for c in event.choices if c.id == news.detail), news.detail)
            out.append(tr("answered '{title}' with '{choice}'", title=say(game, event.title), choice=answer))
        elif news.kind == NewsKind.PROPOSAL and news.id in proposals:
            proposal = proposals[news.id]
            if news.detail == NewsDetail.SENT and proposal.reply_to is None:
                terms = deal_terms(item_names(game, proposal.give), item_names(game, proposal.ask))
                name = role_name(game, proposal.receiver)
                out.append(tr("proposed a deal to {name} ({terms})", name=name, terms=terms))
            elif news.detail in ANSWERED:
                out.append(tr(ANSWERED[news.detail], proposal=proposal_name(game, proposal, role_id)))
        elif news.kind == NewsKind.AGREEMENT and news.detail == ItemStatus.BROKEN:
            out.append(tr("broke agreement {number}", number=agreement_number(news.id)))
    return out
