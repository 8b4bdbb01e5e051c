"""Finds interface text outside the catalogs: string literals in Python sources that read like words for people and
are not passed to ``tr``, ``tr_n`` or ``N_``.

::

    python -m game.i18n.coverage game/ui game/text     # every suspect, as file:line: text; exit 1 if any

A literal counts as words for people when it has a word of two letters or more and either a space between words or
a capital letter starting a word (``"Board"``, ``"Turn {n}"``). Left alone, as not shown to people or not sentences:

- docstrings; the arguments of logging calls and ``warnings.warn``; argparse's ``help``, ``description`` and
  ``metavar`` (the command-line help is in English);
- dictionary keys and subscripts, comparisons (``kind == "Event"``), ``__all__``, ``__slots__``, type annotations;
- strings with no letters worth translating: ids, file names, format specs, CSS and HTML markup with no words;
- a line ending in the comment ``# i18n: not shown`` (say why nearby when it is not obvious).

The JavaScript and HTML of the browser client are checked by :func:`javascript_suspects` (string literals with a
space between words, outside ``t(...)``/``tn(...)`` and not CSS selectors or markup) and :func:`html_suspects`
(element text not marked ``data-i18n``).
"""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

TRANSLATING = {"tr", "tr_n", "N_", "t", "tn"}
_LOGGING = {"debug", "info", "warning", "error", "exception", "critical", "warn", "log"}
_ARGPARSE_KEYWORDS = {"help", "description", "metavar", "epilog", "prog", "usage", "dest"}
MARK = "# i18n: not shown"
_WORD = re.compile(r"[A-Za-z]{2,}")
_PROSE = re.compile(r"[A-Za-z]{2,}[,.;:!?')\]]*\s+[('\"\[]*[A-Za-z{]|(?<![A-Za-z_.\-/])[A-Z][a-z]+")


@dataclass(frozen=True, order=True)
class Suspect:
    """A literal that looks like interface text and is not in the catalogs."""

    path: str
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.text[:90]!r}"


def looks_like_words(text: str) -> bool:
    """Whether a literal reads like words for people (see the module's docstring)."""
    words = _strip_markup(text)
    return bool(_WORD.search(words) and _PROSE.search(words))


def _strip_markup(text: str) -> str:
    return re.sub(r"<[^<>]*>|\{[^{}]*\}|&\w+;", " ", text)


def python_suspects(path: Path, shown_as: str | None = None) -> list[Suspect]:
    """The suspects of one Python file."""
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    lines = source.splitlines()
    skip: set[int] = set()
    for node in ast.walk(tree):
        _mark_skipped(node, skip)
    found = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
        elif isinstance(node, ast.JoinedStr):
            text = "".join(str(p.value) if isinstance(p, ast.Constant) else "{}" for p in node.values)
            for part in node.values:  # the parts are judged as one string
                skip.add(id(part))
        else:
            continue
        line = node.lineno
        end = getattr(node, "end_lineno", line) or line
        if any(MARK in lines[n - 1] for n in range(line, min(end, len(lines)) + 1)):
            continue
        if looks_like_words(text):
            found.append(Suspect(shown_as or str(path), line, text))
    return found


def _mark_skipped(node: ast.AST, skip: set[int]) -> None:
    def all_under(tree: ast.AST | None) -> None:
        if tree is not None:
            skip.update(id(n) for n in ast.walk(tree))

    body = getattr(node, "body", None)
    if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and body:
        first = body[0]
        if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
            skip.add(id(first.value))
    if isinstance(node, ast.Call):
        name = _called(node.func)
        if name in TRANSLATING:
            all_under(node)
        elif name in _LOGGING and isinstance(node.func, ast.Attribute):
            for arg in node.args:
                all_under(arg)
        for keyword in node.keywords:
            if keyword.arg in _ARGPARSE_KEYWORDS:
                all_under(keyword.value)
    elif isinstance(node, ast.Subscript):
        all_under(node.slice)
    elif isinstance(node, ast.Compare):
        all_under(node)
    elif isinstance(node, ast.Dict):
        for key in node.keys:
            all_under(key)
    elif isinstance(node, ast.AnnAssign | ast.arg | ast.FunctionDef | ast.AsyncFunctionDef):
        all_under(getattr(node, "annotation", None))
        all_under(getattr(node, "returns", None))
    elif isinstance(node, ast.Assign) and any(
        isinstance(t, ast.Name) and t.id in ("__all__", "__slots__") for t in node.targets
    ):
        all_under(node.value)


def _called(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


_JS_STRING = re.compile(r"""(?P<q>["'`])(?P<body>(?:\\.|(?!(?P=q)).)*)(?P=q)""", re.S)
_JS_COMMENT = re.compile(r"//[^\n]*|/\*.*?\*/", re.S)


def javascript_suspects(path: Path, shown_as: str | None = None) -> list[Suspect]:
    """String literals of a JavaScript file that read like words and are not arguments of ``t``/``tn``."""
    raw = path.read_text(encoding="utf-8")
    source = _JS_COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), raw)
    lines = raw.splitlines()  # with the comments: a line's mark is one
    found = []
    for match in _JS_STRING.finditer(source):
        body = match.group("body")
        before = source[max(0, match.start() - 40) : match.start()]
        line = source.count("\n", 0, match.start()) + 1
        if (
            re.search(r"\btn?\(\s*(?:[\"'`][^\"'`]*[\"'`]\s*,\s*)?$", before)
            or MARK.replace("#", "//") in lines[line - 1]
        ):
            continue
        if match.group("q") == "`":
            body = re.sub(r"\$\{[^}]*\}", "{}", body)
        if re.search(r"querySelector|getElementById|classList|addEventListener|setAttribute\(\s*$", before):
            continue
        if looks_like_words(body) and " " in body.strip():
            found.append(Suspect(shown_as or str(path), line, body))
    return found


def html_suspects(path: Path, shown_as: str | None = None) -> list[Suspect]:
    """Text of an HTML file outside elements marked ``data-i18n`` (and outside ``<script>``/``<style>``)."""
    source = path.read_text(encoding="utf-8")
    source = re.sub(r"<(script|style)\b.*?</\1>", lambda m: re.sub(r"[^\n]", " ", m.group()), source, flags=re.S)
    marked = re.sub(
        r"<(?P<tag>[a-zA-Z][\w-]*)[^>]*\bdata-i18n\b(?!-)[^>]*>.*?</(?P=tag)>",
        lambda m: re.sub(r"[^\n]", " ", m.group()),
        source,
        flags=re.S,
    )
    found = []
    for match in re.finditer(r">([^<>]+)<", marked):
        text = " ".join(match.group(1).split())
        if text and looks_like_words(text):
            found.append(Suspect(shown_as or str(path), marked.count("\n", 0, match.start()) + 1, text))
    return found


def suspects(paths: Iterable[Path]) -> Iterator[Suspect]:
    """The suspects of every ``.py``, ``.js`` and ``.html`` file under ``paths``."""
    for root in paths:
        files = [root] if root.is_file() else sorted(root.rglob("*"))
        for path in files:
            if path.suffix == ".py":
                yield from python_suspects(path)
            elif path.suffix == ".js":
                yield from javascript_suspects(path)
            elif path.suffix == ".html":
                yield from html_suspects(path)


def main(argv: Sequence[str] | None = None) -> int:
    paths = [Path(p) for p in (argv if argv is not None else sys.argv[1:])]
    found = sorted(suspects(paths))
    for suspect in found:
        print(suspect)
    print(f"{len(found)} string{'s' if len(found) != 1 else ''} outside the catalogs")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
