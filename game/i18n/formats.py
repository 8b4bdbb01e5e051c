"""Numbers and dates as the active language writes them, with Babel (CLDR data): digits, separators, month names.

The rules for how many decimals each kind of number gets stay in :mod:`game.present.words`; this module only says
how a number with those decimals, or a month, is written in the active language.
"""

from __future__ import annotations

import datetime
from functools import cache, lru_cache
from typing import Protocol

from babel import Locale, UnknownLocaleError
from babel.dates import format_skeleton
from babel.numbers import format_decimal

from game.i18n import SOURCE_LANGUAGE, language


@cache
def _locale(code: str) -> Locale:
    try:
        return Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return Locale.parse(SOURCE_LANGUAGE)


def number(value: float, decimals: int = 0, *, signed: bool = False, grouping: bool = True) -> str:
    """``value`` with exactly ``decimals`` decimals (``1,234.5``), with a ``+`` before a positive one when
    ``signed``; the minus, separators and digits of the active language."""
    return _number(value + 0.0, decimals, signed, grouping, language())  # + 0.0: -0.0 is written as 0


@lru_cache(maxsize=8192)
def _number(value: float, decimals: int, signed: bool, grouping: bool, lang: str) -> str:
    """:func:`number`, remembered: every screen writes the same few numbers again and again."""
    digits = "0" * decimals
    body = ("#,##0" if grouping else "0") + (f".{digits}" if decimals else "")
    pattern = f"+{body};-{body}" if signed else body
    return str(format_decimal(value, format=pattern, locale=_locale(lang)))


def month(year: int, month_number: int, *, long: bool = False) -> str:
    """A month and year: ``Apr 2023`` (``April 2023`` with ``long``), as the active language writes them."""
    when = datetime.date(year, month_number, 1)
    return str(format_skeleton("yMMMM" if long else "yMMM", when, locale=_locale(language())))


def turn_month(start_year: int, start_month: int, offset: int, *, long: bool = False) -> str:
    """The month ``offset`` months after ``start_month`` of ``start_year``."""
    months = (start_month - 1) + offset
    return month(start_year + months // 12, months % 12 + 1, long=long)


class _Calendar(Protocol):
    @property
    def start_year(self) -> int: ...
    @property
    def start_month(self) -> int: ...
    @property
    def months_per_turn(self) -> int: ...


def turn_date(calendar: _Calendar, turn: int) -> str:
    """The month a turn (1-based) starts in: ``Apr 2023`` (the engine's ``Calendar.label``, in the active language)."""
    return turn_month(calendar.start_year, calendar.start_month, (turn - 1) * calendar.months_per_turn)


def turn_end_date(calendar: _Calendar, turn: int) -> str:
    """The month a turn ends in: ``Sep 2023`` for a quarter that starts in July (``Calendar.end_label``)."""
    return turn_month(calendar.start_year, calendar.start_month, turn * calendar.months_per_turn - 1)
