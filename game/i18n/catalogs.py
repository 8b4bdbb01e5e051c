"""Keeping the interface's catalogs with Babel: extract the strings, update each language, compile, check.

::

    python -m game.i18n.catalogs extract          # the sources -> game/locale/<domain>.pot
    python -m game.i18n.catalogs update           # every language's .po follows its .pot (new strings, old ones kept)
    python -m game.i18n.catalogs init LANG        # start a new language
    python -m game.i18n.catalogs compile          # .po -> .mo (what the game reads)
    python -m game.i18n.catalogs check [--lang km] # what is missing, fuzzy, broken or stale; exit 1 if anything

Each part of the game has its own domain (one ``.pot``, one ``.po`` per language), so that the people translating
(or changing) the desktop and the reports never edit the same file. Python strings are found in calls of ``tr``,
``tr_n`` and ``N_``; the browser client's in calls of ``t`` and ``tn`` in its JavaScript, and in its HTML in the text
of elements marked ``data-i18n`` and in attributes marked ``data-i18n-<attribute>``.
"""

from __future__ import annotations

import argparse
import datetime
import io
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from game.i18n import DOMAINS, LOCALE_DIR, SOURCE_LANGUAGE

GAME_DIR = LOCALE_DIR.parent
PROJECT = "Common Ground"
#: Python keywords: function name -> the argument positions of the singular (and plural).
PY_KEYWORDS: dict[str, Any] = {"tr": None, "tr_n": (1, 2), "N_": None}
JS_KEYWORDS: dict[str, Any] = {"t": None, "tn": (1, 2)}


@dataclass(frozen=True)
class Domain:
    """One catalog: its name and the files its strings are extracted from (globs under ``game/``)."""

    name: str
    python: tuple[str, ...] = ()
    javascript: tuple[str, ...] = ()
    html: tuple[str, ...] = ()


#: What each domain covers. Anything a player, a teacher or a student reads belongs to one of them.
COVERAGE = {
    "common": Domain(
        "common",
        python=(
            "present/**.py",
            "table/**.py",
            "ai/**.py",
            "i18n/**.py",
            "settings.py",
            "saves.py",
            "persistence.py",
            "storage.py",
            "content/languages.py",
            "watch.py",
            "engine/**.py",
        ),
    ),
    "desktop": Domain("desktop", python=("ui/**.py",)),
    "terminal": Domain("terminal", python=("text/**.py", "cli.py")),
    "reports": Domain("reports", python=("reports/**.py",)),
    "server": Domain("server", python=("server/**.py",)),
    "client": Domain("client", javascript=("server/static/**.js",), html=("server/static/**.html",)),
}
assert tuple(COVERAGE) == DOMAINS


def pot_path(domain: str) -> Path:
    """The template of a domain: ``game/locale/<domain>.pot``."""
    return LOCALE_DIR / f"{domain}.pot"


def po_path(lang: str, domain: str) -> Path:
    """A language's catalog of a domain."""
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{domain}.po"


def languages() -> list[str]:
    """The languages with catalogs."""
    if not LOCALE_DIR.is_dir():
        return []
    return sorted(p.name for p in LOCALE_DIR.iterdir() if (p / "LC_MESSAGES").is_dir())


# ----------------------------------------------------------------------------------------------- extracting
_HTML_TEXT = re.compile(
    r"<(?P<tag>[a-zA-Z][\w-]*)(?P<attrs>[^>]*\bdata-i18n\b(?!-)[^>]*)>(?P<text>.*?)</(?P=tag)>", re.S
)
_HTML_ATTR_FLAG = re.compile(r"\bdata-i18n-(?P<attr>[a-z-]+)\b")
_HTML_TAG = re.compile(r"<[a-zA-Z][\w-]*(?P<attrs>[^>]*)>")


def extract_html(
    fileobj: Any, keywords: Any, comment_tags: Any, options: Any
) -> Iterator[tuple[int, str, str, list[str]]]:
    """Babel extraction method for the client's HTML: marked element text and marked attributes."""
    source = fileobj.read().decode("utf-8")
    for found in _HTML_TEXT.finditer(source):
        text = " ".join(found.group("text").split())
        if text:
            yield source.count("\n", 0, found.start()) + 1, "", text, []
    for tag in _HTML_TAG.finditer(source):
        attrs = tag.group("attrs")
        for flag in _HTML_ATTR_FLAG.finditer(attrs):
            value = re.search(rf'\b{re.escape(flag.group("attr"))}="([^"]*)"', attrs)
            if value and value.group(1).strip():
                yield source.count("\n", 0, tag.start()) + 1, "", value.group(1).strip(), []


def extract(domain: Domain) -> Catalog:
    """A domain's strings, from its files, as a template catalog."""
    catalog = _new_catalog(None, domain.name)
    runs: tuple[tuple[list[tuple[str, str]], dict[str, Any]], ...] = (
        ([(pattern, "python") for pattern in domain.python], PY_KEYWORDS),
        ([(pattern, "javascript") for pattern in domain.javascript], JS_KEYWORDS),
        ([(pattern, "game.i18n.catalogs:extract_html") for pattern in domain.html], {}),
    )
    for method_map, keywords in runs:
        if not method_map:
            continue
        for filename, lineno, message, comments, context in extract_from_dir(
            str(GAME_DIR), method_map, keywords=keywords, comment_tags=("TRANSLATORS:",), strip_comment_tags=True
        ):
            catalog.add(message, None, [(f"game/{filename}", lineno)], auto_comments=comments, context=context)
    return catalog


#: A fixed date in the catalogs' headers, so that extracting again changes a file only when its strings change.
_STAMP = datetime.datetime(2026, 12, 1, tzinfo=datetime.UTC)


def _new_catalog(lang: str | None, domain: str) -> Catalog:
    return Catalog(
        locale=lang,
        domain=domain,
        project=PROJECT,
        version="1",
        copyright_holder="the Common Ground authors",
        msgid_bugs_address="",
        creation_date=_STAMP,
        revision_date=_STAMP,
        last_translator="the Common Ground authors",
        language_team="Common Ground",
        header_comment=f"# {PROJECT}: the {domain} strings of the interface.\n# Same licence as the project (MIT).",
        charset="utf-8",
        fuzzy=False,
    )


def _write_po(path: Path, catalog: Catalog, **options: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=120, sort_output=False, omit_header=False, **options)
    data = buffer.getvalue()
    if not path.exists() or path.read_bytes() != data:
        path.write_bytes(data)


def _read_po(path: Path, lang: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=lang, domain=path.stem)


def run_extract() -> None:
    """Write every domain's template."""
    for name, domain in COVERAGE.items():
        catalog = extract(domain)
        _write_po(pot_path(name), catalog, ignore_obsolete=True, include_lineno=False)
        print(f"{pot_path(name).relative_to(GAME_DIR.parent)}: {len(catalog)} strings")


def run_update(langs: Iterable[str]) -> None:
    """Bring each language's catalogs up to their templates (a new language gets empty ones)."""
    for lang in langs:
        for name in DOMAINS:
            template = _read_po(pot_path(name))
            path = po_path(lang, name)
            if path.exists():
                catalog = _read_po(path, lang)
                catalog.update(template, update_header_comment=False, update_creation_date=False)
            else:
                catalog = _new_catalog(lang, name)
                catalog.update(template)
            catalog.obsolete.clear()
            _write_po(path, catalog, include_lineno=False)
        print(f"{lang}: updated")


def compiled(catalog: Catalog) -> bytes:
    """A catalog's ``.mo`` bytes (fuzzy translations left out)."""
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def run_compile(langs: Iterable[str]) -> None:
    """Compile every catalog of each language."""
    for lang in langs:
        for name in DOMAINS:
            path = po_path(lang, name)
            if path.exists():
                target = path.with_suffix(".mo")
                data = compiled(_read_po(path, lang))
                if not target.exists() or target.read_bytes() != data:
                    target.write_bytes(data)
        print(f"{lang}: compiled")


# ----------------------------------------------------------------------------------------------- checking
_PLACEHOLDER = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)[^{}]*\}(?!\})")


def placeholders(text: str) -> set[str]:
    """The ``{name}`` placeholders of a message."""
    return set(_PLACEHOLDER.findall(text))


@dataclass(frozen=True)
class Finding:
    """One problem with a catalog: which language and domain, which message, and what is wrong."""

    lang: str
    domain: str
    message: str
    problem: str

    def __str__(self) -> str:
        return f"{self.lang}/{self.domain}: {self.problem}: {self.message[:70]!r}"


def check(lang: str) -> list[Finding]:
    """Everything wrong with a language's catalogs: strings of a template missing or untranslated or fuzzy,
    translations whose placeholders differ from the English, and ``.mo`` files older than their ``.po``."""
    findings: list[Finding] = []
    for name in DOMAINS:
        template = _read_po(pot_path(name)) if pot_path(name).exists() else Catalog()
        path = po_path(lang, name)
        if not path.exists():
            if len(template):
                findings.append(Finding(lang, name, str(path.name), "no catalog"))
            continue
        catalog = _read_po(path, lang)
        for wanted in template:
            if not wanted.id:
                continue
            findings.extend(_check_message(lang, name, wanted, catalog.get(wanted.id, wanted.context)))
        mo = path.with_suffix(".mo")
        if not mo.exists() or mo.read_bytes() != compiled(catalog):
            findings.append(Finding(lang, name, str(mo.name), "not compiled from the current .po"))
    return findings


def _check_message(lang: str, domain: str, wanted: Message, have: Message | None) -> list[Finding]:
    shown = wanted.id if isinstance(wanted.id, str) else wanted.id[0]
    if have is None:
        return [Finding(lang, domain, shown, "missing")]
    strings = have.string if isinstance(have.string, list | tuple) else [have.string]
    if not all(strings):
        return [Finding(lang, domain, shown, "untranslated")]
    if have.fuzzy:
        return [Finding(lang, domain, shown, "fuzzy")]
    ids = wanted.id if isinstance(wanted.id, list | tuple) else [wanted.id]
    expected = set().union(*(placeholders(i or "") for i in ids))
    for string in strings:
        if not placeholders(string or "") <= expected:
            return [Finding(lang, domain, shown, f"unknown placeholder in {string!r}")]
    return []


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m game.i18n.catalogs", description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("extract", "update", "init", "compile", "check"))
    parser.add_argument("lang", nargs="?", help="init: the new language's code")
    parser.add_argument("--lang", dest="only", help="update, compile, check: only this language")
    args = parser.parse_args(argv)
    langs = [args.only] if args.only else [code for code in languages() if code != SOURCE_LANGUAGE]
    if args.command == "extract":
        run_extract()
    elif args.command == "init":
        if not args.lang:
            parser.error("init needs the new language's code, e.g. init km")
        run_update([args.lang])
    elif args.command == "update":
        run_update(langs)
    elif args.command == "compile":
        run_compile(langs)
    else:
        findings = [finding for lang in langs for finding in check(lang)]
        for finding in findings:
            print(finding)
        print(f"{len(findings)} problem{'s' if len(findings) != 1 else ''} in {', '.join(langs) or 'no language'}")
        return 1 if findings else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
