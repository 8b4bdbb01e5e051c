"""Build small engine scenarios in Python, without the YAML loader, for rules tests."""

from __future__ import annotations

import random
from typing import Any

from game.engine import (
    Action,
    Choice,
    Dynamic,
    Effect,
    Ending,
    Event,
    Expr,
    Family,
    Game,
    Indicator,
    Item,
    Negotiation,
    Op,
    Role,
    Scenario,
    trust_indicators,
)


def expr(source: str | float | Expr) -> Expr:
    """Compile a trusted test expression directly (the loader's checks are tested elsewhere); an Expr is kept."""
    if isinstance(source, Expr):
        return source
    text = str(source)
    return Expr(text, compile(text, "<test>", "eval"), frozenset())


def effect(text: str, *, delay: int = 0, duration: int = 1) -> Effect:
    """``"x += 3"`` -> Effect."""
    for op in (Op.ADD, Op.SUB, Op.SET):
        if f" {op.value} " in f" {text} ":
            target, value = text.split(f" {op.value} ", 1)
            return Effect(target.strip(), op, expr(value.strip()), delay, duration)
    raise ValueError(text)


def t(text: str) -> dict[str, str]:
    return {"en": text}


def item(
    item_id: str,
    giver: str,
    effects: list[Effect] | None = None,
    *,
    turns: int = 1,
    condition: str | None = None,
    value: dict[str, float] | None = None,
) -> Item:
    """A negotiation item (label and description are its id)."""
    return Item(
        item_id, giver, t(item_id), t(item_id), tuple(effects or []), turns,
        expr(condition) if condition is not None else None, value or {},
    )  # fmt: skip


def negotiation(
    *items: Item,
    initial: float = 50.0,
    kept: float = 3.0,
    broken: float = 15.0,
    break_effects: list[Effect] | None = None,
    break_event: str | None = None,
    threshold: float = 0.0,
    trust_indicator: str | None = None,
    min_gain: float = 0.5,
) -> Negotiation:
    """A negotiation section with the contract's defaults."""
    return Negotiation(
        items, initial, kept, broken, tuple(break_effects or []), break_event, threshold, trust_indicator, min_gain
    )


def scenario(
    *,
    turns: int = 5,
    indicators: dict[str, float] | None = None,
    actions: list[dict[str, Any]] | None = None,
    events: list[dict[str, Any]] | None = None,
    dynamics: list[dict[str, Any]] | None = None,
    endings: list[dict[str, Any]] | None = None,
    capital: int = 3,
    capital_max: int | None = None,
    roles: tuple[str, ...] = ("a", "b"),
    events_per_turn: int = 1,
    quiet_weight: float = 1.0,
    score: str = "x",
    negotiation: Negotiation | None = None,
) -> Scenario:
    """A scenario with indicators in 0..100 and roles that score ``score``."""
    inds = indicators if indicators is not None else {"x": 50.0, "y": 50.0}
    made = tuple(
        Role(r, t(r), t("brief"), t("objectives"), expr(score), capital, capital_max or capital) for r in roles
    )
    return Scenario(
        id="test",
        title=t("Test"),
        description=t("A test scenario"),
        turns=turns,
        indicators=(
            *(Indicator(k, t(k), t(k), 0.0, 100.0, v) for k, v in inds.items()),
            *trust_indicators(made, negotiation),  # as the loader does
        ),
        roles=made,
        families=(Family("talk", t("Talk")), Family("push", t("Push"))),
        actions=tuple(
            Action(
                id=a["id"],
                role=a.get("role", roles[0]),
                family=a.get("family", "talk"),
                label=t(a["id"]),
                description=t(a["id"]),
                cost=a.get("cost", 1),
                effects=tuple(a["effects"]),
                cooldown=a.get("cooldown", 0),
                condition=expr(a["condition"]) if "condition" in a else None,
            )
            for a in (actions or [])
        ),
        events=tuple(
            Event(
                id=e["id"],
                title=t(e["id"]),
                text=t(e["id"]),
                effects=tuple(e.get("effects", ())),
                choices=tuple(Choice(cid, t(cid), t(cid), tuple(ceff)) for cid, ceff in e.get("choices", {}).items()),
                role=e.get("role"),
                condition=expr(e["condition"]) if "condition" in e else None,
                first_turn=e.get("first_turn", 1),
                last_turn=e.get("last_turn"),
                at_turn=e.get("at_turn"),
                weight=e.get("weight", 1.0),
                cooldown=e.get("cooldown", 0),
                once=e.get("once", False),
            )
            for e in (events or [])
        ),
        dynamics=tuple(
            Dynamic(d["id"], t(d["id"]), tuple(d["effects"]), expr(d["condition"]) if "condition" in d else None)
            for d in (dynamics or [])
        ),
        endings=tuple(
            Ending(
                e["id"],
                t(e["id"]),
                t(e["id"]),
                expr(e["condition"]) if "condition" in e else None,
                e.get("early", False),
            )
            for e in (endings or [{"id": "end"}])
        ),
        events_per_turn=events_per_turn,
        quiet_weight=quiet_weight,
        negotiation=negotiation,
    )


def rich_scenario() -> Scenario:
    """Two roles, delayed and spread effects, events with choices, dynamics and an early ending."""
    return scenario(
        turns=12,
        capital=4,
        capital_max=6,
        actions=[
            {"id": "talk", "cost": 1, "effects": [effect("x += 4"), effect("y -= 1", delay=1)]},
            {"id": "invest", "cost": 3, "cooldown": 1, "effects": [effect("y += 12", delay=1, duration=3)]},
            {"id": "press", "role": "b", "cost": 2, "effects": [effect("x -= 7"), effect("y = y * 0.9")]},
            {"id": "reset", "role": "b", "cost": 2, "condition": "x < 30", "effects": [effect("x = 45")]},
        ],
        events=[
            {
                "id": "crisis",
                "role": "b",
                "weight": 2.0,
                "cooldown": 1,
                "choices": {"calm": [effect("x += 3")], "escalate": [effect("x -= 9", duration=2)]},
            },
            {"id": "boom", "once": True, "effects": [effect("y += 20")]},
            {"id": "vote", "at_turn": 3, "role": "a", "choices": {"yes": [effect("y += 5")], "no": []}},
        ],
        dynamics=[
            {"id": "drift", "condition": "x < 40", "effects": [effect("y -= 2")]},
            {"id": "pull", "effects": [effect("x += (50 - x) / 10")]},
        ],
        endings=[
            {"id": "collapse", "condition": "x <= 0", "early": True},
            {"id": "great", "condition": "x > 70 and y > 70"},
            {"id": "ok"},
        ],
    )


def negotiation_scenario() -> Scenario:
    """The rich scenario's rules plus a negotiation table whose conditions, dynamics and score read trust."""
    base = rich_scenario()
    table = negotiation(
        item("open_market", "b", [effect("y += 9"), effect("x = x + 1")], turns=3, value={"a": 6, "b": -2}),
        item("visit", "a", [effect("x += 4")], value={"a": -1, "b": 4}),
        item("aid", "a", [effect("y += 6", delay=1)], turns=2, condition="trust_a_b >= 40", value={"b": 5}),
        item("release", "b", [effect("x += 5")], condition="x < 90", value={"a": 7, "b": -5}),
        initial=45.0,
        kept=5.0,
        broken=20.0,
        break_effects=[effect("x -= 6")],
        break_event="boom",
    )
    return scenario(
        turns=base.turns,
        capital=4,
        capital_max=6,
        actions=[
            {"id": "talk", "cost": 1, "effects": [effect("x += 4"), effect("y -= 1", delay=1)]},
            {"id": "press", "role": "b", "cost": 2, "effects": [effect("x -= 7"), effect("y = y * 0.9")]},
        ],
        events=[
            {"id": "boom", "effects": [effect("y += 3")], "weight": 0.5},
            {"id": "crisis", "role": "b", "choices": {"calm": [effect("x += 3")], "escalate": [effect("x -= 9")]}},
        ],
        dynamics=[{"id": "goodwill", "condition": "trust_a_b > 50", "effects": [effect("x += (trust_a_b - 50) / 10")]}],
        endings=[{"id": "great", "condition": "x > 70 and y > 70"}, {"id": "ok"}],
        negotiation=table,
    )


def play_negotiating(sc: Scenario, seed: int, *, compiled: bool = True, record: bool = True) -> Game:
    """A game in which both roles negotiate at random (proposals, answers, counters, breaks) and act (on the
    engine's fast path without ``record``)."""
    game = Game.new(sc, seed, compiled=compiled, record=record)
    rng = random.Random(seed)
    roles = [r.id for r in sc.roles]
    while not game.is_over():
        for pending in game.pending_choices():
            event = sc.event(pending.event)
            game.choose(pending.role, pending.event, rng.choice(event.choices).id)
        for sender in roles:
            receiver = next(r for r in roles if r != sender)
            for proposal in game.open_proposals(sender):
                roll = rng.random()
                if roll < 0.5 and not game.why_not_accept(sender, proposal.id):
                    game.respond(sender, proposal.id, True)
                elif roll < 0.7 and game.legal_items(sender):
                    offer = (game.legal_items(sender)[0].id,)
                    if not game.why_not_propose(sender, proposal.sender, offer):
                        game.counter(sender, proposal.id, offer)
                else:
                    game.respond(sender, proposal.id, False)
            give = tuple(i.id for i in rng.sample(game.legal_items(sender), min(1, len(game.legal_items(sender)))))
            ask = tuple(i.id for i in game.legal_items(receiver) if rng.random() < 0.4)
            if not game.why_not_propose(sender, receiver, give, ask):
                game.propose(sender, receiver, give, ask)
            for agreement in game.agreements(sender):
                if rng.random() < 0.1 and any(i.giver == sender and i.status == "pending" for i in agreement.items):
                    game.break_agreement(sender, agreement.id)
            for action in game.legal_actions(sender):
                if rng.random() < 0.5 and not game.why_not(sender, action.id):
                    game.commit(sender, action.id)
        game.resolve_turn()
    return game
