"""Which texts of a scenario file have no version in a given language (``validate --lang km``).

Every field whose type is :data:`game.content.models.Text` (in the scenario models and in the lesson, tutorial and
lengths sections) is a text a player, a student or a teacher may read. A text written as a mapping has the
languages it names; a text written as a plain string is in the file's ``language`` (``en`` unless the file says
otherwise). Each text without the language asked for is reported where it is written, as a warning
``file:line:col: warning: no Khmer text (actions[3].description)``.
"""

from __future__ import annotations

import types
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any, Union, get_args, get_origin, get_type_hints

from pydantic import BaseModel

from game.content import models as m
from game.content.problems import Problem
from game.content.scenario_file import ScenarioFile
from game.content.yamlsafe import Document, NodePath

__all__ = ["TranslationReport", "texts", "untranslated"]


@dataclass(frozen=True)
class TranslationReport:
    """The texts of one file without a version in ``lang``, out of ``total`` texts."""

    lang: str
    total: int
    missing: tuple[Problem, ...]

    @property
    def complete(self) -> bool:
        """Whether every text has a version in the language."""
        return not self.missing


def texts(data: Any) -> Iterator[tuple[NodePath, Any]]:
    """Every text written in a scenario file's ``data`` (plain data as YAML gives it), with its path, in file
    order. Parts that are not shaped as the format says are skipped (the loader reports them)."""
    yield from _walk(ScenarioFile, data, ())


def untranslated(doc: Document, path: str, lang: str, *, name: str = "") -> TranslationReport:
    """The texts of the scenario file ``doc`` (labelled ``path``) that have no version in ``lang``, whose name
    (``Khmer``) the warnings say (default: the code, quoted)."""
    data = doc.data if isinstance(doc.data, dict) else {}
    written = data.get("language")
    plain = written if isinstance(written, str) else "en"
    missing: list[Problem] = []
    total = 0
    message = f"no {name or repr(lang)} text"
    for at, value in texts(data):
        total += 1
        languages = {plain} if isinstance(value, str) else set(value)
        if lang not in languages:
            line, col = _position(doc, at)
            missing.append(Problem(path, line, col, message, show_path(at), severity="warning"))
    return TranslationReport(lang, total, tuple(missing))


def show_path(at: NodePath) -> str:
    """``("actions", 3, "description")`` -> ``actions[3].description``."""
    shown = ""
    for part in at:
        shown += f"[{part}]" if isinstance(part, int) else (f".{part}" if shown else str(part))
    return shown


def _position(doc: Document, at: NodePath) -> tuple[int, int]:
    """Where the value at ``at`` was written (the nearest written ancestor's value when it was not)."""
    while at not in doc.values and at:
        at = at[:-1]
    return doc.values.get(at, (1, 1))


def _walk(hint: Any, value: Any, at: NodePath) -> Iterator[tuple[NodePath, Any]]:
    if value is None:
        return
    if hint == m.Text:
        if isinstance(value, str) or (isinstance(value, dict) and value):
            yield at, value
        return
    origin, args = get_origin(hint), get_args(hint)
    if origin is Annotated:
        yield from _walk(args[0], value, at)
    elif origin in (Union, types.UnionType):
        for arg in args:  # the first kind that holds texts (an optional model, an optional list of texts)
            found = list(_walk(arg, value, at)) if arg is not type(None) else []
            if found:
                yield from found
                return
    elif origin is list and isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(args[0], item, (*at, index))
    elif origin is dict and isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(args[1], item, (*at, key))
    elif isinstance(hint, type) and issubclass(hint, BaseModel) and isinstance(value, dict):
        hints = get_type_hints(hint, include_extras=True)
        for name in hint.model_fields:
            if name in value:
                yield from _walk(hints[name], value[name], (*at, name))
