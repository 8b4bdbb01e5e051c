"""Check a scenario's ``lesson`` section against the rest of the file, and build the engine's Lesson from it.

:func:`check_lesson` reads the file as written, so it reports what the section refers to (sources, endings,
indicators, families, actions), its dates and the length of its lesson plan even when other parts of the file
have problems of structure; :func:`build_lesson` turns a valid section into :class:`game.engine.lesson.Lesson`.
"""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Iterable, Mapping
from typing import Any, Protocol

from game.content import lesson_models as lm
from game.content.yamlsafe import NodePath
from game.engine import lesson as engine

__all__ = ["Reporter", "build_lesson", "check_lesson"]

_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")

#: What each kind of id is called in a message.
_NOUNS = {
    "sources": "source",
    "endings": "ending",
    "indicators": "indicator",
    "families": "family",
    "actions": "action",
}
Kinds = tuple[str, ...]
#: The kinds of id a question may be ``about``.
_ABOUT: Kinds = ("indicators", "families", "actions")
#: The lists of the section whose items cite sources.
_CITING = ("glossary", "timeline", "claims")


class Reporter(Protocol):
    """Where problems go: a problem at the value (or, with ``key``, the key) at a document path."""

    def add(self, at: NodePath, message: str, hint: str = "", *, key: bool = False) -> None:
        """Report one problem."""


def check_lesson(data: Any, ids: Mapping[str, frozenset[str]], report: Reporter) -> None:
    """Report every problem of the ``lesson`` section that its models cannot see: unknown sources, endings and
    ``about`` ids, dates that are not dates, and a lesson plan longer than :data:`lm.MOST_PLAN_MINUTES` minutes.

    ``ids`` holds the ids the file declares, by list (``"sources"``, ``"endings"``, ...). Values of the wrong type
    are skipped: the models report them.
    """
    section = data.get("lesson") if isinstance(data, dict) else None
    if not isinstance(section, dict):
        return
    at: NodePath = ("lesson",)
    for index, question in _items(section, "questions"):
        where = (*at, "questions", index)
        _refer(report, (*where, "ending"), question.get("ending"), ids, ("endings",))
        for number, ident in _strings(question.get("about")):
            _refer(report, (*where, "about", number), ident, ids, _ABOUT)
    for key in _CITING:
        for index, item in _items(section, key):
            for number, ident in _strings(item.get("sources")):
                _refer(report, (*at, key, index, "sources", number), ident, ids, ("sources",))
    for index, entry in _items(section, "timeline"):
        _date(report, (*at, "timeline", index, "date"), entry.get("date"))
    _plan_length(report, (*at, "timings"), section.get("timings"))


def build_lesson(model: lm.Lesson | None, language: str) -> engine.Lesson | None:
    """The engine's Lesson of a valid file's ``lesson`` section (None when it has none); plain strings are in the
    file's ``language``."""
    if model is None:
        return None

    def text(value: str | dict[str, str] | None) -> engine.Text:
        if value is None:
            return {}
        return {language: value} if isinstance(value, str) else dict(value)

    return engine.Lesson(
        objectives=tuple(text(o) for o in model.objectives),
        questions=tuple(
            engine.Question(text(q.text), text(q.notes), q.ending or "", tuple(q.about)) for q in model.questions
        ),
        glossary=tuple(engine.Term(text(t.term), text(t.meaning), tuple(t.sources)) for t in model.glossary),
        timings=tuple(engine.Timing(t.minutes, text(t.activity)) for t in model.timings),
        timeline=tuple(engine.Happened(h.date.strip(), text(h.text), tuple(h.sources)) for h in model.timeline),
        claims=tuple(
            engine.Claim(text(c.claim), text(c.who), tuple(c.sources), text(c.response)) for c in model.claims
        ),
    )


# --------------------------------------------------------------------------- the checks


def _items(section: dict[Any, Any], key: str) -> Iterable[tuple[int, dict[Any, Any]]]:
    """The items of the list ``key`` that are mappings, with their indexes."""
    items = section.get(key)
    return [(i, item) for i, item in enumerate(items) if isinstance(item, dict)] if isinstance(items, list) else []


def _strings(values: Any) -> Iterable[tuple[int, str]]:
    """The strings of a list, with their indexes."""
    return [(i, v) for i, v in enumerate(values) if isinstance(v, str)] if isinstance(values, list) else []


def _refer(report: Reporter, at: NodePath, ident: Any, ids: Mapping[str, frozenset[str]], kinds: Kinds) -> None:
    """Report ``ident`` unless an item of one of ``kinds`` declares it, suggesting the closest declared id."""
    if not isinstance(ident, str):
        return
    declared = sorted(frozenset().union(*(ids.get(kind, frozenset()) for kind in kinds)))
    if ident in declared:
        return
    close = difflib.get_close_matches(ident, declared, n=1, cutoff=0.6)
    lists = _either(kinds, "and")
    if close:
        hint = f"did you mean '{close[0]}'?"
    elif declared:
        more = f", ... ({len(declared)} in all)" if len(declared) > 8 else ""
        hint = f"declared {lists}: " + ", ".join(declared[:8]) + more
    else:
        hint = f"no {lists} are declared"
    report.add(at, f"unknown {_either([_NOUNS[kind] for kind in kinds], 'or')} '{ident}'", hint)


def _either(words: Iterable[str], joint: str) -> str:
    """``a``, ``a or b``, ``a, b or c``."""
    listed = list(words)
    return listed[0] if len(listed) == 1 else ", ".join(listed[:-1]) + f" {joint} " + listed[-1]


def _date(report: Reporter, at: NodePath, value: Any) -> None:
    """Report a timeline date that is not written ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, or that does not exist."""
    if not isinstance(value, str) or not value.strip():
        return
    written = value.strip()
    found = _DATE.fullmatch(written)
    if found is None:
        report.add(at, f"the date '{written}' must be written YYYY, YYYY-MM or YYYY-MM-DD", "e.g. '2017-11'")
        return
    year, month, day = (int(part) if part else 1 for part in found.groups())
    try:
        datetime.date(year, month, day)
    except ValueError:
        report.add(at, f"the date '{written}' does not exist", "months run 01..12, and days to the month's end")


def _plan_length(report: Reporter, at: NodePath, timings: Any) -> None:
    """Report a lesson plan whose steps add up to more than :data:`lm.MOST_PLAN_MINUTES` minutes."""
    steps = timings if isinstance(timings, list) else []
    minutes = [s.get("minutes") for s in steps if isinstance(s, dict)]
    total = sum(m for m in minutes if type(m) is int and 1 <= m <= lm.MOST_MINUTES)
    if total > lm.MOST_PLAN_MINUTES:
        report.add(
            at,
            f"the lesson plan adds up to {total} minutes, more than {lm.MOST_PLAN_MINUTES}",
            "shorten its steps, or split the plan over two lessons",
            key=True,
        )
