"""Where each rule of a scenario file is written, so a rule that failed at run time can be named with
``file:line:col``.

The engine records a failure with the rule's id (an action, event, choice, dynamic, ending or negotiation item, or
``ROLE.score``) and a message that starts with the expression's text quoted. :func:`rule_places` reads the file's
positions once; :meth:`RulePlaces.find` points at the expression that failed when its text is found inside the rule,
else at the rule's ``id``.
"""

from __future__ import annotations

import ast
import os
import re
from dataclasses import dataclass, field
from typing import Any

from game.content.problems import ScenarioError
from game.content.yamlsafe import Document, NodePath, Position, load_yaml_file
from game.engine.expr import one_line

__all__ = ["RulePlaces", "quoted_source", "rule_places"]

#: What comes before the amount in an effect's text: ``x += ``, ``trust -= ``, ``y = ``.
_EFFECT_HEAD = re.compile(r"\s*[A-Za-z_][A-Za-z0-9_]*\s*(\+=|-=|=)\s*")


@dataclass(frozen=True, slots=True)
class RulePlaces:
    """The positions of a file's rules: ``ids`` where each id is written, ``texts`` every text written inside each
    rule (not inside a rule nested in it), with its position."""

    path: str
    ids: dict[str, Position] = field(default_factory=dict)
    texts: dict[str, list[tuple[str, Position]]] = field(default_factory=dict)

    def find(self, rule: str, message: str = "") -> Position | None:
        """Where ``rule`` is written: the text inside it that holds the expression quoted at the start of
        ``message``, else its id; ``None`` for a rule the file does not name (an agreement made during a game)."""
        source = quoted_source(message)
        if source:
            wanted = one_line(source).strip()
            for text, position in self.texts.get(rule, []):
                if _written_as(one_line(text).strip(), wanted):
                    return position
        return self.ids.get(rule)

    def where(self, rule: str, message: str = "") -> str:
        """``file:line:col`` of :meth:`find`, or just the file's name when the rule is not found in it."""
        position = self.find(rule, message)
        return f"{self.path}:{position[0]}:{position[1]}" if position else self.path


def rule_places(path: str | os.PathLike[str]) -> RulePlaces:
    """The rules' positions in the scenario file at ``path`` (none at all when it cannot be read)."""
    name = os.fspath(path)
    try:
        doc = load_yaml_file(name)
    except ScenarioError:
        return RulePlaces(name)
    places = RulePlaces(name)
    _walk(doc, doc.data, (), places, None)
    return places


def _walk(doc: Document, node: Any, at: NodePath, places: RulePlaces, owner: str | None) -> None:
    """Record the rules under ``node``: each mapping with an ``id`` starts a rule; texts belong to the nearest."""
    if isinstance(node, dict):
        ident = node.get("id")
        if isinstance(ident, str) and (*at, "id") in doc.values:
            owner = ident
            places.ids.setdefault(ident, doc.values[(*at, "id")])
            score = (*at, "score")
            if score in doc.values:  # a role's score fails as ROLE.score
                places.ids.setdefault(f"{ident}.score", doc.values[score])
        for key, child in node.items():
            _walk(doc, child, (*at, key), places, owner)
    elif isinstance(node, list):
        for index, child in enumerate(node):
            _walk(doc, child, (*at, index), places, owner)
    elif isinstance(node, str | int | float) and not isinstance(node, bool) and owner is not None:
        position = doc.values.get(at)
        if position is not None:
            places.texts.setdefault(owner, []).append((str(node), position))


def _written_as(text: str, source: str) -> bool:
    """Whether ``text`` is the expression ``source`` itself, or an effect whose amount it is (``x += source``)."""
    if text == source:
        return True
    return text.endswith(source) and _EFFECT_HEAD.fullmatch(text[: len(text) - len(source)]) is not None


def quoted_source(message: str) -> str:
    """The expression text quoted at the start of a run-time failure's message (``'a / b': division by zero``),
    or ``""`` when it does not start with one."""
    if not message or message[0] not in "'\"":
        return ""
    end = message.find(message[0] + ": ", 1)
    while end != -1:
        try:
            value = ast.literal_eval(message[: end + 1])
        except (SyntaxError, ValueError):
            end = message.find(message[0] + ": ", end + 1)
            continue
        return value if isinstance(value, str) else ""
    return ""
