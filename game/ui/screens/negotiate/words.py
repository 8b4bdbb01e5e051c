"""The words and colours of the negotiation table: dates, who, statuses, why an item is not available now, what
implementing an item does, and what it is worth to each side."""

from __future__ import annotations

from game.ai.negotiation import evaluate_for
from game.engine import Agreement, AgreementItem, Item, ItemStatus, Phase
from game.i18n import tr
from game.present import agreement_name, indicator_label, item_unavailable, turns_span
from game.ui.screens.ingame import GameScreen
from game.ui.screens.wording import signed

Colour = tuple[int, int, int]


def dates(screen: GameScreen, start: int, end: int) -> str:
    """``turn 3 (Jul 2023)`` or ``turns 3–5 (Jul 2023 – Jan 2024)``, by the scenario calendar."""
    return turns_span(screen.game, start, end)


def who(screen: GameScreen, role: str) -> str:
    """``you`` for the screen's player, the role's name otherwise."""
    return tr("you") if role == screen.role else screen.match.role_name(role)


def item_status(screen: GameScreen, part: AgreementItem) -> tuple[str, Colour]:
    """What an agreement item's status means now, and its colour (words always come with it)."""
    palette, turn = screen.palette, screen.game.turn
    if part.status is ItemStatus.IMPLEMENTED:
        return tr("implemented"), palette.good
    if part.status is ItemStatus.BROKEN:
        return tr("broken"), palette.bad
    if turn < part.start:
        return tr("pending: starts later"), palette.accent
    total = part.end - part.start + 1
    step = (
        tr(", step {value} of {total} this turn", value=turn - part.start + 1, total=total)
        if total > 1 and turn <= part.end
        else ""
    )
    return tr("pending: being implemented{step}", step=step), palette.accent


def agreement_status(screen: GameScreen, agreement: Agreement) -> tuple[str, Colour]:
    """``broken``, ``being implemented`` or ``fully implemented``, with its colour."""
    palette = screen.palette
    if agreement.broken:
        return tr("broken"), palette.bad
    if agreement.open:
        return tr("being implemented"), palette.accent
    return tr("fully implemented"), palette.good


def unavailable_reason(screen: GameScreen, item: Item, sender: str, receiver: str) -> str:
    """Why ``item`` cannot be put on the table now, with the values a failing condition reads
    (:func:`game.present.item_unavailable`)."""
    return item_unavailable(screen.game, item, sender, receiver, with_values=True)


def points_colour(screen: GameScreen, points: float) -> Colour:
    """Good for positive points, bad for negative ones, muted for none."""
    palette = screen.palette
    return palette.good if points > 0 else palette.bad if points < 0 else palette.muted


def effects_parts(screen: GameScreen, item: Item) -> tuple[str, list[str]]:
    """``Over 3 turns: `` and ``["Development +6", "Trust +2"]``: when and what implementing the item does."""
    game = screen.game
    totals = game.forecast_effects(item.effects, item.id).totals()
    parts = [f"{indicator_label(game, k)} {signed(v)}" for k, v in totals.items() if round(v, 1)]
    when = tr("Over {turns} turns", turns=item.turns) if item.turns > 1 else tr("In one turn")
    return f"{when}: ", parts


def effects_summary(screen: GameScreen, item: Item) -> str:
    """``Over 3 turns: Development +6, Trust +2``: what implementing the item does, in one line."""
    head, parts = effects_parts(screen, item)
    return head + (", ".join(parts) if parts else tr("no direct effect"))


def computer_counterpart(screen: GameScreen, other: str) -> bool:
    """Whether the computer plays ``other``: only then may the screen show how ``other`` weighs things (a person's
    valuation comes from their private objectives)."""
    return not screen.match.seats[other].is_person


def item_worth(screen: GameScreen, item: Item, other: str) -> tuple[float, float]:
    """(worth to the player, worth to ``other``) of one item on its own, by the evaluator."""
    game, role = screen.game, screen.role
    give, ask = ((item.id,), ()) if item.giver == role else ((), (item.id,))
    mine = evaluate_for(game, role, other, give, ask, role)
    theirs = evaluate_for(game, role, other, give, ask, other)
    return mine.reasons[0].points, theirs.reasons[0].points


def why_not_break(screen: GameScreen, agreement: Agreement | None) -> str:
    """Why the player cannot break ``agreement`` now (``None``: there is none yet), or ``""``."""
    if agreement is None:
        return tr("No agreement yet.")
    if screen.game.phase is not Phase.ACTIONS:
        return tr("Agreements can only be broken in the actions phase.")
    if not any(p.giver == screen.role and p.status is ItemStatus.PENDING for p in agreement.items):
        return tr(
            "You have nothing left to implement in {agreement_name}.", agreement_name=agreement_name(agreement.id)
        )
    return ""
