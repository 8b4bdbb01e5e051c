"""No interface string outside the catalogs: every literal that reads like words for people, in the parts of the game
that speak the player's language, goes through ``tr``/``tr_n``/``N_`` (JavaScript: ``t``/``tn``; HTML: ``data-i18n``),
and every string the catalogs hold is translated into Khmer."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.i18n import DOMAINS
from game.i18n import catalogs as cat
from game.i18n.coverage import MARK, looks_like_words, suspects

ROOT = Path(__file__).resolve().parent.parent

#: The files and folders whose strings are all in the catalogs.
ENFORCED: tuple[str, ...] = (
    "game/i18n/__init__.py",
    "game/i18n/formats.py",
    "game/i18n/lines.py",
    "game/content/languages.py",
    "game/server",
    "game/reports",
    "game/ui",
    "game/text",
    "game/ai",
    "game/present/__init__.py",
    "game/present/debriefs.py",
    "game/present/effects.py",
    "game/present/notes.py",
    "game/present/reference.py",
    "game/present/review.py",
    "game/present/words.py",
    "game/table/__init__.py",
    "game/table/facilitation.py",
    "game/table/log.py",
    "game/table/match.py",
    "game/table/public.py",
    "game/table/reference.py",
    "game/table/replay.py",
    "game/table/results.py",
    "game/table/seats.py",
    "game/table/teacher.py",
    "game/table/tutorial.py",
    "game/table/view.py",
    "game/table/reload.py",
    "game/saves.py",
    "game/persistence.py",
)


@pytest.mark.parametrize("place", ENFORCED)
def test_no_interface_string_outside_the_catalogs(place: str) -> None:
    found = [str(s) for s in suspects([ROOT / place])]
    assert found == [], f"{len(found)} strings outside the catalogs:\n" + "\n".join(found[:40])


@pytest.mark.parametrize("domain", DOMAINS)
def test_templates_hold_every_string_the_sources_mark(domain: str) -> None:
    on_disk = {m.id for m in cat._read_po(cat.pot_path(domain)) if m.id}
    extracted = {m.id for m in cat.extract(cat.COVERAGE[domain]) if m.id}
    assert extracted == on_disk, "run: python -m game.i18n.catalogs extract && python -m game.i18n.catalogs update"


def test_every_catalog_string_is_translated_into_khmer_and_compiled() -> None:
    findings = [str(f) for f in cat.check("km")]
    assert findings == [], "\n".join(findings[:40])


def test_the_checker_flags_words_and_leaves_ids_alone() -> None:
    assert looks_like_words("Turn {turn} of {turns}")
    assert looks_like_words("Board")
    assert looks_like_words("<b>Done</b> for this turn")
    for technical in ("relations", "trust_us_cambodia", "{name}: {value}", "<tr><td>", "%Y-%m-%d", "x", "PNG"):
        assert not looks_like_words(technical), technical


def test_a_marked_line_is_left_alone(tmp_path: Path) -> None:
    source = tmp_path / "mod.py"
    source.write_text(f'SHOWN = "Not translated"\nHIDDEN = "Not shown either"  {MARK}\n', encoding="utf-8")
    assert [s.text for s in suspects([source])] == ["Not translated"]
