"""Build small engine scenarios in Python, without the YAML loader, for rules tests."""

from __future__ import annotations

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
    Indicator,
    Op,
    Role,
    Scenario,
)


def expr(source: str | float) -> Expr:
    """Compile a trusted test expression directly (the loader's checks are tested elsewhere)."""
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
) -> Scenario:
    """A scenario with indicators in 0..100 and roles that score ``score``."""
    inds = indicators if indicators is not None else {"x": 50.0, "y": 50.0}
    return Scenario(
        id="test",
        title=t("Test"),
        description=t("A test scenario"),
        turns=turns,
        indicators=tuple(Indicator(k, t(k), t(k), 0.0, 100.0, v) for k, v in inds.items()),
        roles=tuple(
            Role(r, t(r), t("brief"), t("objectives"), expr(score), capital, capital_max or capital) for r in roles
        ),
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
                choices=tuple(
                    Choice(cid, t(cid), t(cid), tuple(ceff)) for cid, ceff in e.get("choices", {}).items()
                ),
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
            Ending(e["id"], t(e["id"]), t(e["id"]), expr(e["condition"]) if "condition" in e else None,
                   e.get("early", False))
            for e in (endings or [{"id": "end"}])
        ),
        events_per_turn=events_per_turn,
        quiet_weight=quiet_weight,
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
            {"id": "crisis", "role": "b", "weight": 2.0, "cooldown": 1,
             "choices": {"calm": [effect("x += 3")], "escalate": [effect("x -= 9", duration=2)]}},
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
