"""The browser client's words in a language, as JSON for ``static/i18n.js``: the compiled ``client`` catalog.

``{"lang": "km", "messages": {msgid: msgstr}, "plurals": {singular: [form, ...]}, "plural_index": [...]}``:
``plural_index[n]`` is the plural form of the count ``n`` (for 0 to 199; the page uses the last entries' rule,
``n % 100 + 100``, for larger counts), empty when the language has one form. English sends empty tables: the page
shows its own msgids.
"""

from __future__ import annotations

import gettext
from functools import cache
from typing import Any

from game.i18n import LOCALE_DIR, SOURCE_LANGUAGE

#: The counts whose plural form is sent.
COUNTS = 200


@cache
def client_catalog(lang: str) -> dict[str, Any]:
    """The ``client`` domain's translations into ``lang`` (empty for English or a language without them)."""
    data: dict[str, Any] = {"lang": lang, "messages": {}, "plurals": {}, "plural_index": []}
    if lang == SOURCE_LANGUAGE:
        return data
    try:
        translations = gettext.translation("client", LOCALE_DIR, languages=[lang])
    except OSError:
        return data
    assert isinstance(translations, gettext.GNUTranslations)
    table: dict[Any, str] = translations._catalog  # type: ignore[attr-defined]
    forms: dict[str, dict[int, str]] = {}
    for key, text in table.items():
        if isinstance(key, tuple):
            forms.setdefault(key[0], {})[key[1]] = text
        elif key and text:
            data["messages"][key] = text
    data["plurals"] = {msgid: [found[i] for i in sorted(found)] for msgid, found in forms.items() if msgid}
    plural = translations.plural  # type: ignore[attr-defined]
    indexes = [int(plural(n)) for n in range(COUNTS)]
    data["plural_index"] = indexes if any(indexes) else []
    return data
