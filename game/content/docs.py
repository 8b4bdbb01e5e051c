"""Generate the modder's reference from the format models.

``python -m game.content.docs`` rewrites the part of ``scenarios/README.md`` between the reference markers and
``scenarios/scenario.schema.json``, so both always say what :mod:`game.content.models` checks.
"""

from __future__ import annotations

import dataclasses
import json
import sys
import types
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin, get_type_hints

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from game.content import models as m
from game.content.loader import json_schema
from game.content.scenario_file import model_places

SCENARIO_DIR = Path(__file__).resolve().parents[2] / "scenarios"
README = SCENARIO_DIR / "README.md"
SCHEMA = SCENARIO_DIR / "scenario.schema.json"
START = "<!-- reference:start -->"
END = "<!-- reference:end -->"


def schema_text() -> str:
    """The JSON Schema file's contents: pretty-printed, keys sorted, ending with a newline."""
    return json.dumps(json_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def reference_markdown() -> str:
    """The generated reference: the value types, then one table per part of the file."""
    lines = [
        "## Reference",
        "",
        "Generated from the models in `game/content/` by `python -m game.content.docs`; do not edit by hand.",
        "",
        "### Value types",
        "",
    ]
    lines += [f"- **{name}**: {text}" for _, name, text in m.VALUE_TYPES]
    places: dict[type[BaseModel], list[str]] = {}
    for place, model in model_places():
        places.setdefault(model, []).append(".".join(name + "[]" * is_list for name, is_list in place))
    for model, written in places.items():
        where = ", ".join(f"`{p}`" for p in written if p) or "the top level of the file"
        lines += ["", *_model_section(model, where)]
    return "\n".join(lines) + "\n"


def with_reference(readme: str) -> str:
    """``readme`` with the text between the reference markers replaced (markers appended if missing)."""
    block = f"{START}\n\n{reference_markdown()}\n{END}"
    start, end = readme.find(START), readme.find(END)
    if start < 0 or end < start:
        return readme.rstrip("\n") + "\n\n" + block + "\n"
    return readme[:start] + block + readme[end + len(END) :]


def main(argv: Sequence[str] | None = None) -> int:
    """Rewrite ``scenarios/README.md``'s reference and ``scenarios/scenario.schema.json``; print what changed."""
    del argv
    readme = README.read_text(encoding="utf-8") if README.exists() else ""
    for path, text in ((README, with_reference(readme)), (SCHEMA, schema_text())):
        old = path.read_text(encoding="utf-8") if path.exists() else None
        if old != text:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path}")
    return 0


# --------------------------------------------------------------------------- models -> markdown


def _model_section(model: type[BaseModel], where: str) -> list[str]:
    doc = " ".join((model.__doc__ or "").split())
    hints = get_type_hints(model, include_extras=True)
    lines = [
        f"### {model.__name__}",
        "",
        f"{doc} Where: {where}.",
        "",
        "| Key | Type | Default | Allowed | Meaning |",
        "|---|---|---|---|---|",
    ]
    for name, info in model.model_fields.items():
        hint = hints[name]
        cells = (f"`{name}`", _type_name(hint), _default(info), _allowed(hint), info.description or "")
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return lines


def _named(hint: Any) -> str | None:
    return next((name for alias, name, _ in m.VALUE_TYPES if alias == hint), None)


def _type_name(hint: Any) -> str:
    """A type as the reference names it: ``Text``, ``list of Effect``, ``whole number``, ..."""
    named = _named(hint)
    if named is not None:
        return named
    origin, args = get_origin(hint), get_args(hint)
    if origin is Annotated:
        return _type_name(args[0])
    if origin in (Union, types.UnionType):
        return " or ".join(_type_name(arg) for arg in args if arg is not type(None))
    if origin is list:
        return f"list of {_type_name(args[0])}"
    if origin is dict:
        return f"mapping of {_type_name(args[0])} to {_type_name(args[1])}"
    if origin is Literal:
        return " or ".join(f"`{arg}`" for arg in args)
    if isinstance(hint, type) and issubclass(hint, BaseModel):
        return f"[{hint.__name__}](#{hint.__name__.lower()})"
    return {int: "whole number", float: "number", str: "string", bool: "`true` or `false`"}.get(hint, str(hint))


def _default(info: FieldInfo) -> str:
    if info.is_required():
        return "required"
    value = info.get_default(call_default_factory=True)
    if value is None or value == [] or value == {}:
        return "none"
    if isinstance(value, BaseModel):
        return "see below"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, str):
        return f"`{value}`" if value else '`""`'
    return f"`{value}`"


def _allowed(hint: Any) -> str:
    """The limits written into a type: ``1..200``, ``> 0``, ``2..6 items``, ``each 0..10``."""
    origin, args = get_origin(hint), get_args(hint)
    if origin in (Union, types.UnionType):
        return "; ".join(filter(None, (_allowed(arg) for arg in args)))
    if _named(hint) is not None:
        return ""
    base, limits = (args[0], _limits(args[1:])) if origin is Annotated else (hint, {})
    if get_origin(base) in (list, dict):
        each = _allowed(get_args(base)[-1])
        parts = [_size(limits.get("min_length"), limits.get("max_length")), f"each {each}" if each else ""]
        return "; ".join(filter(None, parts))
    if "pattern" in limits:
        return _PATTERN_NAMES.get(limits["pattern"], f"`{limits['pattern']}`")
    return _range(limits.get("ge"), limits.get("le"), limits.get("gt"))


_PATTERN_NAMES = {m.COLOR_PATTERN: "`#rrggbb`"}


def _size(least: int | None, most: int | None) -> str:
    if least is not None and least == most:
        return f"exactly {least} items"
    if least is not None and most is not None:
        return f"{least}..{most} items"
    if least is not None:
        return f"at least {least} item" + ("s" if least != 1 else "")
    return f"at most {most} items" if most is not None else ""


def _limits(metadata: Sequence[Any]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for item in metadata:
        if isinstance(item, FieldInfo):
            found.update(_limits(item.metadata))
        elif dataclasses.is_dataclass(item) and not isinstance(item, type):  # Ge(ge=1), MinLen(min_length=2), ...
            found.update((f.name, getattr(item, f.name)) for f in dataclasses.fields(item))
        elif getattr(item, "pattern", None) is not None:
            found["pattern"] = item.pattern
    return found


def _range(low: Any, high: Any, above: Any = None) -> str:
    if low is not None and high is not None:
        return f"{low}" if low == high else f"{low}..{high}"
    if low is not None:
        return f">= {low}"
    if above is not None:
        return f"> {above}"
    return f"<= {high}" if high is not None else ""


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
