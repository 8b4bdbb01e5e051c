"""Checks that look ahead: warnings about rules that a loaded scenario can never use, found without playing it.

With :mod:`game.content.intervals` every condition is read against the ranges its names can have: each indicator
lies in its ``min..max`` (a hidden flag that no rule ever changes keeps its ``initial`` value, since not even the
facilitator can set it), and ``turn`` in the turns at which the condition is checked, over every length a game of
the scenario can have. A warning is given only when it is certain:

- a condition of an ending, event, action, dynamic or negotiation item that can never be true, or is always true;
- a final ending that an earlier one, always true, keeps from ever being reached;
- an action that costs more capital than its role can ever hold (capital starts at 0, grows by ``capital`` each
  turn and is kept up to ``capital_max``; nothing else adds to it);
- an event that can never fire: random events are never drawn when ``events_per_turn`` is 0;
- an item off the table at the start that only events which can never fire would open;
- a negotiation item that, once implemented, can be agreed again: no later form replaces it, its condition, read
  just after its own effects, does not rule it out, and the game lasts long enough to agree it, implement it and
  come back to it.

The event that a broken agreement triggers (``break_event``) fires whatever its condition says, so its condition is
not checked. What a facilitator may do by hand (set an indicator players see, make an event fire) is outside the
rules and not counted.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from game.content.intervals import Interval, Truth, interval_of
from game.content.problems import Problem, ScenarioError
from game.content.yamlsafe import Document, NodePath, load_yaml_file
from game.engine.expr import Expr
from game.engine.lengths import MIN_TURNS, of_length
from game.engine.scenario import Effect, Item, Op, Scenario

__all__ = ["look_ahead", "look_ahead_file"]


def look_ahead_file(path: str | os.PathLike[str], scenario: Scenario) -> list[Problem]:
    """The look-ahead warnings of ``scenario``, loaded from the file at ``path`` (read again for positions)."""
    name = os.fspath(path)
    try:
        doc = load_yaml_file(name)
    except ScenarioError:  # the file changed or went away since it was loaded: nothing to place warnings in
        return []
    return look_ahead(scenario, doc, name)


def look_ahead(scenario: Scenario, doc: Document, path: str) -> list[Problem]:
    """The look-ahead warnings of ``scenario``, placed in ``doc`` (the file it was loaded from, named ``path``)."""
    checker = _Checker(scenario, _Places(doc, path))
    checker.run()
    return sorted(checker.warnings, key=lambda warning: (warning.line, warning.col))


@dataclass(frozen=True, slots=True)
class _Places:
    """Where each part of the scenario was written."""

    doc: Document
    path: str

    def find(self, section: NodePath, thing_id: str) -> NodePath:
        """The path of the entry with ``thing_id`` in the list at ``section``."""
        node = self.doc.data
        for part in section:
            node = node.get(part) if isinstance(node, dict) else None
        if isinstance(node, list):
            for index, entry in enumerate(node):
                if isinstance(entry, dict) and entry.get("id") == thing_id:
                    return (*section, index)
        return section

    def problem(self, at: NodePath, message: str, hint: str = "") -> Problem:
        """A warning at the value at ``at``, or at its nearest written ancestor."""
        values = self.doc.values
        while at and at not in values:
            at = at[:-1]
        line, col = values.get(at, (1, 1))
        return Problem(self.path, line, col, message, hint, severity="warning")


def _effects(scenario: Scenario) -> Iterator[Effect]:
    """Every effect any rule of the scenario can apply."""
    for action in scenario.actions:
        yield from action.effects
    for event in scenario.events:
        yield from event.effects
        for choice in event.choices:
            yield from choice.effects
    for dynamic in scenario.dynamics:
        yield from dynamic.effects
    negotiation = scenario.negotiation
    if negotiation is not None:
        yield from negotiation.break_effects
        for item in negotiation.items:
            yield from item.effects


def indicator_ranges(scenario: Scenario) -> dict[str, Interval]:
    """Indicator id -> the values it can take: its range, or its ``initial`` value for a hidden flag that no rule
    changes (a trust always moves with kept and broken agreements)."""
    changed = {effect.indicator for effect in _effects(scenario)}
    negotiation = scenario.negotiation
    if negotiation is not None and negotiation.trust_indicator is not None:
        changed.add(negotiation.trust_indicator)
    ranges = {}
    for indicator in scenario.indicators:
        fixed = indicator.hidden and indicator.trust_of is None and indicator.id not in changed
        ranges[indicator.id] = Interval.point(indicator.initial) if fixed else Interval(indicator.min, indicator.max)
    return ranges


def game_lengths(scenario: Scenario) -> list[int]:
    """Every number of turns a game of the scenario can last."""
    full = scenario.turns
    return sorted({*range(min(MIN_TURNS, full), full + 1), *(length.turns for length in scenario.lengths)})


def _event_turns(scenario: Scenario) -> dict[str, Interval]:
    """Event id -> the turns at which it can be checked, over every length of game."""
    lows: dict[str, float] = {}
    highs: dict[str, float] = {}
    for turns in game_lengths(scenario):
        for event in of_length(scenario, turns).events:
            if event.at_turn is not None:
                low, high = event.at_turn, event.at_turn
            else:
                low, high = event.first_turn, min(turns, event.last_turn or turns)
            lows[event.id] = min(lows.get(event.id, low), low)
            highs[event.id] = max(highs.get(event.id, high), high)
    return {event_id: Interval(lows[event_id], highs[event_id]) for event_id in lows}


class _Checker:
    """Collects the warnings of one scenario."""

    def __init__(self, scenario: Scenario, places: _Places) -> None:
        self.scenario = scenario
        self.places = places
        self.ranges = indicator_ranges(scenario)
        self.all_turns = Interval(1.0, float(scenario.turns))
        self.warnings: list[Problem] = []
        #: Events found to never fire (their answers are never given either).
        self.silent: set[str] = set()
        self.event_turns = _event_turns(scenario)
        self._first_turns: dict[str, int | None] = {}

    def run(self) -> None:
        """Every check, in file order of the sections."""
        self._endings()
        self._actions()
        self._events()
        self._dynamics()
        self._items()

    def _warn(self, at: NodePath, message: str, hint: str = "") -> None:
        problem = self.places.problem(at, message, hint)
        if problem not in self.warnings:
            self.warnings.append(problem)

    def _names(self, turns: Interval) -> dict[str, Interval]:
        return {**self.ranges, "turn": turns}

    def _truth(self, condition: Expr, names: Mapping[str, Interval]) -> Truth:
        return interval_of(condition.source, names).truth()

    def _condition(self, at: NodePath, what: str, condition: Expr, names: Mapping[str, Interval]) -> Truth:
        """Warn about a condition that is never or always true; return its truth."""
        truth = self._truth(condition, names)
        if truth is not Truth.MAYBE:
            word = "can never be true" if truth is Truth.NEVER else "is always true"
            consequence = _CONSEQUENCES.get((what.split(" ")[0], truth), "")
            message = f"{what}: its condition '{condition.source.strip()}' {word}{consequence}"
            self._warn((*at, "condition"), message, _ranges_hint(condition, names))
        return truth

    def _endings(self) -> None:
        scenario = self.scenario
        final_turns = Interval(float(game_lengths(scenario)[0]), float(scenario.turns))
        shadow = ""
        for ending in scenario.endings:
            at = self.places.find(("endings",), ending.id)
            if shadow and not ending.early:
                self._warn(at, f"ending '{ending.id}' can never be reached: ending '{shadow}' before it always holds")
                continue
            if ending.condition is None:
                continue
            names = self._names(self.all_turns if ending.early else final_turns)
            what = f"{'early ending' if ending.early else 'ending'} '{ending.id}'"
            truth = self._condition(at, what, ending.condition, names)
            if truth is Truth.ALWAYS and not ending.early:
                shadow = ending.id

    def _actions(self) -> None:
        scenario = self.scenario
        names = self._names(self.all_turns)
        for action in scenario.actions:
            at = self.places.find(("actions",), action.id)
            role = scenario.role(action.role)
            most = min(role.capital_max, role.capital * scenario.turns)
            if action.cost > most:
                self._warn(
                    (*at, "cost"),
                    f"action '{action.id}' can never be afforded: it costs {action.cost} capital and role "
                    f"'{role.id}' never holds more than {most}",
                    f"it gains {role.capital} a turn and keeps at most {role.capital_max}, over {scenario.turns} turns",
                )
            if action.condition is not None:
                self._condition(at, f"action '{action.id}'", action.condition, names)

    def _events(self) -> None:
        scenario = self.scenario
        turns = self.event_turns
        negotiation = scenario.negotiation
        after_break = negotiation.break_event if negotiation is not None else None
        for event in scenario.events:
            if event.id == after_break:
                continue  # it fires after a break, whatever its condition and window say
            at = self.places.find(("events",), event.id)
            if event.at_turn is None and scenario.events_per_turn <= 0:
                self._warn(
                    at,
                    f"event '{event.id}' can never fire: it has no at_turn and events_per_turn is 0, so it is "
                    "never drawn",
                )
                self.silent.add(event.id)
                continue
            if event.condition is not None:
                truth = self._condition(at, f"event '{event.id}'", event.condition, self._names(turns[event.id]))
                if truth is Truth.NEVER:
                    self.silent.add(event.id)

    def _dynamics(self) -> None:
        names = self._names(self.all_turns)
        for dynamic in self.scenario.dynamics:
            if dynamic.condition is not None:
                at = self.places.find(("dynamics",), dynamic.id)
                self._condition(at, f"dynamic '{dynamic.id}'", dynamic.condition, names)

    def _items(self) -> None:
        negotiation = self.scenario.negotiation
        if negotiation is None:
            return
        names = self._names(self.all_turns)
        earlier_forms = {item.follows for item in negotiation.items if item.follows is not None}
        for item in negotiation.items:
            at = self.places.find(("negotiation", "items"), item.id)
            truth = Truth.MAYBE
            if item.condition is not None:
                truth = self._condition(at, f"item '{item.id}'", item.condition, names)
            if truth is not Truth.NEVER and not item.on_table:
                truth = self._opened(at, item)
            if truth is not Truth.NEVER and item.id not in earlier_forms:
                self._again(at, item, names)

    def _opened(self, at: NodePath, item: Item) -> Truth:
        """Warn about an item off the table at the start that only events which can never fire would open."""
        openers = sorted(
            event.id
            for event in self.scenario.events
            if item.id in event.opens or any(item.id in choice.opens for choice in event.choices)
        )
        if not openers or any(event_id not in self.silent for event_id in openers):
            return Truth.MAYBE
        names = ", ".join(f"'{event_id}'" for event_id in openers)
        self._warn(
            (*at, "on_table"),
            f"item '{item.id}' can never be offered: it starts off the table, and the only events that open it "
            f"({names}) can never fire",
        )
        return Truth.NEVER

    def first_turn(self, item: Item) -> int | None:
        """The earliest turn at which ``item`` may be agreed (``None``: never): not before the news that opens it, nor
        before the turn after its earlier form can first be implemented, and at a turn its condition allows."""
        if item.id in self._first_turns:
            return self._first_turns[item.id]
        self._first_turns[item.id] = None  # a loop of forms (refused by the loader) never comes on
        earliest: int | None = 1
        if not item.on_table:
            opened = [
                int(self.event_turns[event.id].low)
                for event in self.scenario.events
                if event.id not in self.silent
                and (item.id in event.opens or any(item.id in choice.opens for choice in event.choices))
            ]
            earliest = min(opened) if opened else None
        negotiation = self.scenario.negotiation
        if earliest is not None and item.follows is not None and negotiation is not None:
            earlier = self.first_turn(negotiation.item(item.follows))
            earliest = None if earlier is None else max(earliest, earlier + negotiation.item(item.follows).turns)
        if earliest is not None and item.condition is not None:
            earliest = next(
                (turn for turn in range(earliest, self.scenario.turns + 1) if self._may_hold(item.condition, turn)),
                None,
            )
        self._first_turns[item.id] = earliest
        return earliest

    def _may_hold(self, condition: Expr, turn: int) -> bool:
        return self._truth(condition, self._names(Interval.point(float(turn)))) is not Truth.NEVER

    def _again(self, at: NodePath, item: Item, names: dict[str, Interval]) -> None:
        """Warn when an implemented item can be agreed again: its condition allows the state its effects leave, and
        the game lasts long enough to agree it, implement it and come back to it."""
        first = self.first_turn(item)
        if item.repeatable or first is None or first + item.turns > self.scenario.turns:
            return
        after = dict(names)
        for effect in item.effects:
            if effect.op is Op.SET:
                indicator = self.scenario.indicator(effect.indicator)
                value = interval_of(effect.value.source, names)
                low = min(max(value.low, indicator.min), indicator.max)
                high = max(min(value.high, indicator.max), indicator.min)
                after[effect.indicator] = Interval(low, high) if not value.unknown else names[effect.indicator]
        if item.condition is not None and self._truth(item.condition, after) is Truth.NEVER:
            return
        where = (*at, "condition") if item.condition is not None else (*at, "id")
        self._warn(
            where,
            f"item '{item.id}' can be agreed again after it is implemented: "
            + ("its condition does not rule it out" if item.condition is not None else "it has no condition"),
            "to allow it once, set a hidden flag in its effects and require it unset in its condition, or give it a "
            "later form with 'follows'; if agreeing it again is meant, say so with 'repeatable: true'",
        )


#: What a condition that is never or always true means, by the kind of rule it belongs to.
_CONSEQUENCES: dict[tuple[str, Truth], str] = {
    ("ending", Truth.NEVER): ", so the ending can never be reached",
    ("early", Truth.NEVER): ", so the ending can never be reached",
    ("early", Truth.ALWAYS): ", so every game ends after its first turn",
    ("event", Truth.NEVER): ", so the event can never fire",
    ("action", Truth.NEVER): ", so the action can never be taken",
    ("dynamic", Truth.NEVER): ", so the dynamic never applies",
    ("item", Truth.NEVER): ", so the item can never be offered",
}


def _ranges_hint(condition: Expr, names: Mapping[str, Interval]) -> str:
    """``relations is 0..100, turn is 1..12``: the ranges the verdict rests on."""
    read = sorted(name for name in condition.names if name in names)
    return ", ".join(f"{name} is {names[name].describe()}" for name in read)
