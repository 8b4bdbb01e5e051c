"""Check a scenario's ``tutorial`` section against the rest of the file, and build the engine's Tutorial.

The models (:mod:`game.content.tutorial_models`) check the shape; this module checks what the steps name: the
learner's role, the kinds of ``point`` and ``until`` (with "did you mean" for a misspelt kind), the indicators,
actions and events they name (an action must be one of the learner's), the turn of ``turn:<n>``, and that steps
about proposals come only in a scenario with a negotiation section. Every problem is reported with its position.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from typing import Any, Protocol

from game.content import tutorial_models as tm
from game.content.yamlsafe import NodePath
from game.engine import tutorial as engine


class Reporter(Protocol):
    """Where problems go (the loader's report): a message at a document path, with an optional hint."""

    def add(self, at: NodePath, message: str, hint: str = "", *, key: bool = False) -> None: ...


def check_tutorial(report: Reporter, data: Any, ids: Mapping[str, frozenset[str]], turns: int | None) -> None:
    """Report every problem of the raw ``tutorial`` section of ``data`` (a file's top-level mapping)."""
    section = data.get("tutorial") if isinstance(data, dict) else None
    if not isinstance(section, dict):
        return
    role = section.get("role")
    if isinstance(role, str) and role not in ids["roles"]:
        report.add(("tutorial", "role"), f"unknown role '{role}'", _hint(role, ids["roles"], "roles"))
    checker = _StepChecker(report, data, ids, turns, role if isinstance(role, str) else "")
    steps = section.get("steps")
    for index, step in enumerate(steps if isinstance(steps, list) else ()):
        if not isinstance(step, dict):
            continue
        at: NodePath = ("tutorial", "steps", index)
        point, until = step.get("point"), step.get("until")
        if isinstance(point, str) and tm.POINT_TEXT.match(point):
            checker.point((*at, "point"), point)
        if isinstance(until, str) and tm.UNTIL_TEXT.match(until):
            checker.until((*at, "until"), until)


def build_tutorial(model: tm.Tutorial | None, language: str) -> engine.Tutorial | None:
    """The engine's Tutorial of a valid file's ``tutorial`` section (None when it has none)."""
    if model is None:
        return None
    return engine.Tutorial(model.role, tuple(_step(step, language) for step in model.steps))


def _step(step: tm.TutorialStep, language: str) -> engine.Step:
    say = {language: step.say} if isinstance(step.say, str) else dict(step.say)
    until, _, target = step.until.partition(":")
    pointer = None
    if step.point is not None:
        at, _, what = step.point.partition(":")
        pointer = engine.Pointer(engine.PointAt(at), what)
    return engine.Step(say, engine.Until(until), target, pointer)


class _StepChecker:
    """Checks one step's ``point`` and ``until`` texts against the ids the file declares."""

    def __init__(self, report: Reporter, data: Any, ids: Mapping[str, frozenset[str]], turns: int | None,
                 role: str) -> None:  # fmt: skip
        self.report = report
        self.ids = ids
        self.turns = turns
        self.role = role
        actions = data.get("actions")
        self.owners = {
            a["id"]: a.get("role")
            for a in (actions if isinstance(actions, list) else ())
            if isinstance(a, dict) and isinstance(a.get("id"), str)
        }
        self.negotiation = "negotiation" in data

    def point(self, at: NodePath, text: str) -> None:
        kind, colon, target = text.partition(":")
        if kind not in tm.POINTS:
            self.report.add(at, f"unknown point '{kind}'", _hint(kind, tm.POINTS, "points"))
            return
        wanted = tm.POINTS[kind]
        if self._arity(at, "point", kind, bool(colon), wanted, f"{kind}:<{wanted} id>") and wanted:
            self._id(at, target, wanted)
        if kind == "negotiate" and not self.negotiation:
            self.report.add(at, "the scenario has no negotiation section: there is no Negotiate button to point at")

    def until(self, at: NodePath, text: str) -> None:
        kind, colon, target = text.partition(":")
        if kind not in tm.UNTILS:
            self.report.add(at, f"unknown until '{kind}'", _hint(kind, tm.UNTILS, "kinds of until"))
            return
        wanted = tm.UNTILS[kind]
        optional = wanted.endswith("?")
        wanted = wanted.rstrip("?")
        if not self._arity(at, "until", kind, bool(colon) or optional, wanted, f"{kind}:<{wanted}>"):
            return
        if kind in ("propose", "answer", "open") and not self.negotiation:
            self.report.add(at, f"'{text}' needs a negotiation section, which the scenario does not have")
        if not colon:
            return
        if wanted in ("action", "event"):
            self._id(at, target, wanted)
        elif wanted == "screen" and target not in tm.SCREENS:
            self.report.add(at, f"unknown screen '{target}'", _hint(target, tm.SCREENS, "screens"))
        elif wanted == "turn":
            self._turn(at, target)

    def _arity(self, at: NodePath, field: str, kind: str, given: bool, wanted: str, form: str) -> bool:
        """Whether an id (or number) follows the kind exactly when it takes one; reports it when not."""
        if wanted and not given:
            article = "an" if wanted[0] in "aeiou" else "a"
            self.report.add(at, f"{field} '{kind}' needs {article} {wanted}", f"write {form}")
            return False
        if not wanted and given:
            self.report.add(at, f"{field} '{kind}' takes nothing after it", f"write just '{kind}'")
            return False
        return True

    def _id(self, at: NodePath, ident: str, noun: str) -> None:
        kind = {"indicator": "indicators", "action": "actions", "event": "events"}[noun]
        if ident not in self.ids[kind]:
            self.report.add(at, f"unknown {noun} '{ident}'", _hint(ident, self.ids[kind], kind))
        elif noun == "action" and self.role and self.owners.get(ident) != self.role:
            mine = sorted(a for a, owner in self.owners.items() if owner == self.role)
            self.report.add(at, f"action '{ident}' is not one of the learner's ('{self.role}')",
                            _hint(ident, mine, f"actions of '{self.role}'"))  # fmt: skip

    def _turn(self, at: NodePath, target: str) -> None:
        if not target.isdigit() or int(target) < 1:
            self.report.add(at, f"'turn:{target}' needs a turn number from 1", "for example turn:2")
        elif self.turns is not None and int(target) > self.turns:
            self.report.add(at, f"turn {int(target)} is after the last turn", f"the scenario has {self.turns} turns")


def _hint(word: str, candidates: Iterable[str], kind: str) -> str:
    """``did you mean 'x'?`` for the closest candidate, else the list of what there is."""
    names = sorted(candidates)
    close = difflib.get_close_matches(word, names, n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    return f"{kind}: {', '.join(names[:12])}" if names else f"no {kind} are declared"
