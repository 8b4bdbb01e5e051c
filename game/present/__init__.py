"""Wording shared by the front ends (desktop, terminal, and later the browser and the reports): numbers, names and
labels, source credits, what a role decided in a turn. Pure functions of a game or scenario; no drawing, no I/O."""

from game.present.words import (
    date_of,
    decisions,
    family_label,
    indicator_label,
    menu_actions,
    num,
    per_point,
    plural,
    role_name,
    say,
    signed,
    source_credit,
    visible,
)

__all__ = [
    "date_of",
    "decisions",
    "family_label",
    "indicator_label",
    "menu_actions",
    "num",
    "per_point",
    "plural",
    "role_name",
    "say",
    "signed",
    "source_credit",
    "visible",
]
