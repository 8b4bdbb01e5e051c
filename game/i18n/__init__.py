"""The interface's words in the player's language: gettext catalogs (kept with Babel), one active language.

Every sentence the interface shows goes through :func:`tr` (or :func:`tr_n` when it depends on a count)::

    tr("Turn {turn} of {turns}", turn=3, turns=12)
    tr_n("{n} agreement", "{n} agreements", count)

Placeholders are named so that a translation can put them in its own order. A string defined before a language is
chosen (a module constant, a table of labels) is marked with :func:`N_` where it is written and translated with
:func:`tr` where it is shown. Scenario texts are not translated here: they carry their own languages
(``{en: ..., km: ...}``, see :func:`game.engine.localize`).

The catalogs are ``game/locale/<lang>/LC_MESSAGES/<domain>.po``, one domain per part of the game (see
:mod:`game.i18n.catalogs`, which extracts, updates, compiles and checks them). The active language is one per
process (:func:`set_language`, chosen with ``--lang`` or in Settings), overridden for a block with
:func:`use_language` (the class server builds each room's pages in its own language). A translation that is missing
or broken (a placeholder it does not have) falls back to English; :func:`tr` never raises for a catalog's sake.
"""

from __future__ import annotations

import contextlib
import contextvars
import gettext
import logging
from collections.abc import Iterator
from functools import cache
from pathlib import Path

log = logging.getLogger(__name__)

#: Where the catalogs are.
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
#: The language the interface is written in.
SOURCE_LANGUAGE = "en"
#: The catalogs' domains: one per part of the game (see :mod:`game.i18n.catalogs` for what each one covers).
DOMAINS = ("common", "desktop", "terminal", "reports", "server", "client")
_process_language = SOURCE_LANGUAGE
_block_language: contextvars.ContextVar[str | None] = contextvars.ContextVar("language", default=None)


def language() -> str:
    """The active language's code: the block's (:func:`use_language`), else the process's."""
    return _block_language.get() or _process_language


def set_language(code: str) -> None:
    """Make ``code`` the process's language (a language without a catalog shows English)."""
    global _process_language
    _process_language = code or SOURCE_LANGUAGE


@contextlib.contextmanager
def use_language(code: str) -> Iterator[None]:
    """Show ``code`` inside the block (this thread or task only), then the language before it again."""
    token = _block_language.set(code or SOURCE_LANGUAGE)
    try:
        yield
    finally:
        _block_language.reset(token)


def interface_languages() -> tuple[str, ...]:
    """The languages the interface has catalogs for, English first."""
    found = sorted(p.name for p in LOCALE_DIR.iterdir() if (p / "LC_MESSAGES").is_dir()) if LOCALE_DIR.is_dir() else []
    return (SOURCE_LANGUAGE, *(code for code in found if code != SOURCE_LANGUAGE))


def has_interface(code: str) -> bool:
    """Whether the interface is translated into ``code`` (English always is)."""
    return code in interface_languages()


def language_name(code: str, *, native: bool = False) -> str:
    """``Khmer`` (or ``ខ្មែរ`` with ``native``) for ``km``; the code in quotes for a language without a name."""
    names = NAMES.get(code)
    if names is None:
        return f"'{code}'"
    return names[1] if native else tr(names[0])


def N_(message: str) -> str:
    """Mark ``message`` for the catalogs where it is written; :func:`tr` translates it where it is shown."""
    return message


#: Names of languages: in English (translated where shown) and in the language itself (the code for any other).
#: A language's own name is never translated.
NAMES = {
    "en": (N_("English"), "English"),  # i18n: not shown
    "km": (N_("Khmer"), "ខ្មែរ"),
    "fr": (N_("French"), "Français"),  # i18n: not shown
    "zh": (N_("Chinese"), "中文"),
    "vi": (N_("Vietnamese"), "Tiếng Việt"),  # i18n: not shown
    "th": (N_("Thai"), "ไทย"),
}


def tr(message: str, /, **values: object) -> str:
    """``message`` in the active language, with ``{name}`` placeholders filled from ``values``."""
    translated = _translations(language()).gettext(message)
    return _fill(translated, message, values)


def tr_n(singular: str, plural: str, n: int, /, **values: object) -> str:
    """The singular or plural form for ``n`` in the active language; ``{n}`` is filled with ``n``."""
    translated = _translations(language()).ngettext(singular, plural, n)
    return _fill(translated, singular if n == 1 else plural, {"n": n, **values})


def tr_reason(text: str) -> str:
    """A reason made by the engine (``game.engine.Why``: an English template and its values) in the active
    language, its values said the same way (by :func:`tr`); any other text as it is."""
    if not _is_reason(text):
        return text
    return tr(text.template, **text.values)  # type: ignore[attr-defined]


def _is_reason(value: object) -> bool:
    return isinstance(value, str) and isinstance(getattr(value, "template", None), str)


def _fill(translated: str, source: str, values: dict[str, object]) -> str:
    if not values:
        return translated
    if any(_is_reason(value) for value in values.values()):  # an engine reason filling a sentence: said here too
        values = {name: tr_reason(value) if _is_reason(value) else value for name, value in values.items()}  # type: ignore[arg-type]
    try:
        return translated.format(**values)
    except (KeyError, IndexError, ValueError, AttributeError):
        if translated is source:
            raise
        log.warning("the %s translation of %r does not fit its placeholders; showing English", language(), source)
        return source.format(**values)


@cache
def _translations(code: str) -> gettext.NullTranslations:
    """Every domain's compiled catalog for ``code``, chained (English, or a language without catalogs: none)."""
    chain: gettext.NullTranslations = gettext.NullTranslations()
    if code == SOURCE_LANGUAGE:
        return chain
    for domain in DOMAINS:
        path = LOCALE_DIR / code / "LC_MESSAGES" / f"{domain}.mo"
        if not path.is_file():
            continue
        try:
            with path.open("rb") as handle:
                catalog = gettext.GNUTranslations(handle)
        except (OSError, ValueError) as error:  # a damaged catalog: that part stays in English
            log.warning("cannot read %s: %s", path, error)
            continue
        catalog.add_fallback(chain)
        chain = catalog
    return chain


def reload_catalogs() -> None:
    """Forget the loaded catalogs (after :mod:`game.i18n.catalogs` compiled new ones)."""
    _translations.cache_clear()
