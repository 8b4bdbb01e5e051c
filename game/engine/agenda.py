"""The negotiation agenda: which items may be put in a proposal now. An item is off the table until the news that
opens it; a later form of an item comes on once the earlier one is implemented, and the earlier form gives way; an
item in force in an open agreement, or whose condition fails, may not be offered either."""

from __future__ import annotations

from game.engine.context import Context
from game.engine.errors import N_, Why
from game.engine.scenario import Item
from game.engine.state import ItemStatus, NewsKind, Phase

_BROKEN = ItemStatus.BROKEN
_EVENT_NEWS, _CHOICE_NEWS = NewsKind.EVENT, NewsKind.CHOICE


def legal_items(ctx: Context, role: str) -> list[Item]:
    """The items ``role`` gives that may be put in a proposal now (in either side's proposal), in file order:
    they are on the table (:func:`on_table`), their condition holds and they are not in force in an open
    agreement."""
    ctx.role(role)
    if ctx.state.phase is not Phase.ACTIONS or ctx.rules.negotiation is None:
        return []
    in_force = in_force_items(ctx)
    agenda = ctx.rules.agenda
    return [
        item
        for item in ctx.rules.negotiation.items
        if item.giver == role
        and item.id not in in_force
        and (not agenda or not off_table(ctx, item))
        and condition_holds(ctx, item)
    ]


def on_table(ctx: Context, item_id: str) -> bool:
    """Whether an item is on the negotiation agenda now, its condition aside: an item with ``on_table`` false
    once an event or answer that ``opens`` it has happened; an item that ``follows`` another once that one has
    been fully implemented; the earlier form no longer once it has (it gives way to its later forms)."""
    return not off_table(ctx, ctx.item(item_id))


def why_not_item(ctx: Context, item_id: str) -> str:
    """Why an item cannot be put in a proposal now (by either side), or ``""`` if it can."""
    item = ctx.item(item_id)
    if ctx.rules.negotiation is None:  # pragma: no cover - an item implies a negotiation section
        return Why(N_("this scenario has no negotiation"))
    if ctx.state.phase is not Phase.ACTIONS:
        return Why(N_("proposals are made in the actions phase (now: {phase})"), phase=ctx.state.phase.value)
    if item_id in in_force_items(ctx):
        return Why(N_("item {item!r} is already in force in an open agreement"), item=item_id)
    off = off_table(ctx, item)
    if off:
        return Why(N_("item {item!r} {reason}"), item=item_id, reason=off)
    if item.condition is not None and not condition_holds(ctx, item):
        return Why(N_("item {item!r}: {reason}"), item=item_id, reason=ctx.unmet(item.condition, item.condition_reason))
    return ""


def off_table_reason(ctx: Context, item_id: str) -> str:
    """Why an item is off the agenda now (the rest of a sentence that starts with the item), or ``""``."""
    return off_table(ctx, ctx.item(item_id))


def in_force_items(ctx: Context) -> set[str]:
    """Items that are part of an open agreement (and not broken)."""
    return {i.item for a in ctx.state.agreements if a.open for i in a.items if i.status is not _BROKEN}


def off_table(ctx: Context, item: Item) -> str:
    """Why ``item`` is off the agenda now (the rest of a sentence that starts with the item), or ``""``."""
    rules = ctx.rules
    if not rules.agenda:
        return ""
    if not item.on_table and item.id not in _opened_items(ctx):
        return Why(N_("is not on the table yet: it comes with later news"))
    if item.follows is not None or item.id in rules.followers:
        implemented = _implemented(ctx)
        if item.follows is not None and item.follows not in implemented:
            earlier = rules.item_texts.get(item.follows, item.follows)
            return Why(N_("comes onto the table only once {earlier!r} has been fully implemented"), earlier=earlier)
        if item.id in implemented and item.id in rules.followers:
            later = ", ".join(repr(rules.item_texts.get(i, i)) for i in rules.followers[item.id])
            return Why(N_("has been implemented and has given way to its later form ({later})"), later=later)
    return ""


def _implemented(ctx: Context) -> set[str]:
    """Items fully implemented in some agreement."""
    return {i.item for a in ctx.state.agreements for i in a.items if i.status is ItemStatus.IMPLEMENTED}


def _opened_items(ctx: Context) -> set[str]:
    """Items put on the table by an event that fired or an answer given so far (read from the news, where both
    are recorded; the news only grows, so each entry is read once per game object)."""
    rules = ctx.rules
    news = ctx.state.news
    read_list, read = ctx.opened_read
    if read_list != id(news) or read > len(news):
        ctx.opened, read = set(), 0
    opened = ctx.opened
    for entry in news[read:]:
        if entry.kind is _EVENT_NEWS:
            opened.update(rules.event_opens.get(entry.id, ()))
        elif entry.kind is _CHOICE_NEWS:
            opened.update(rules.choice_opens.get((entry.id, entry.detail), ()))
    ctx.opened_read = (id(news), len(news))
    return opened


def condition_holds(ctx: Context, item: Item) -> bool:
    """Whether an item's condition holds now (a failing one is not recorded: asking never changes the game)."""
    return item.condition is None or ctx.check(item.condition, item.id, [])
