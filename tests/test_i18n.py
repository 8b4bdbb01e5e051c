"""The interface's languages: translation with named placeholders and safe fallbacks, the active language per
process and per block, numbers and months by Babel, Khmer lines broken at word boundaries by ICU, the merged font,
and the language chosen on the command line remembered in Settings."""

from __future__ import annotations

import gettext
import threading
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from test_cli import no_traceback, run

from game.engine.scenario import Calendar
from game.i18n import catalogs as cat
from game.i18n import (
    interface_languages,
    language,
    language_name,
    reload_catalogs,
    set_language,
    tr,
    tr_n,
    use_language,
)
from game.i18n.fonts import merged_font
from game.i18n.formats import number, turn_date, turn_end_date
from game.i18n.lines import break_points, display_width, has_khmer, split_points, wrap

#: A Khmer sentence of eight words with no space between them ("relations between Cambodia and the United States
#: are improving"), and the words ICU's dictionary finds in it.
KHMER = "ទំនាក់ទំនងរវាងកម្ពុជានិងសហរដ្ឋអាមេរិកកំពុងប្រសើរឡើង"
KHMER_WORDS = ["ទំនាក់ទំនង", "រវាង", "កម្ពុជា", "និង", "សហរដ្ឋអាមេរិក", "កំពុង", "ប្រសើរ", "ឡើង"]


@pytest.fixture(autouse=True)
def _english_afterwards() -> object:
    yield
    set_language("en")


def test_english_is_the_source_and_always_there() -> None:
    assert interface_languages()[0] == "en"
    assert "km" in interface_languages()
    assert tr("Turn {turn} of {turns}", turn=3, turns=12) == "Turn 3 of 12"
    assert tr_n("{n} agreement", "{n} agreements", 1) == "1 agreement"
    assert tr_n("{n} agreement", "{n} agreements", 4) == "4 agreements"


def test_a_catalog_string_is_shown_in_the_active_language() -> None:
    english = tr("no {language} text in this scenario; showing English", language="X")
    set_language("km")
    khmer = tr("no {language} text in this scenario; showing English", language="X")
    assert khmer != english and has_khmer(khmer) and "X" in khmer
    assert language_name("km") == "ខ្មែរ" and language_name("km", native=True) == "ខ្មែរ"
    set_language("en")
    assert language_name("km") == "Khmer"


def test_a_language_without_catalogs_shows_english() -> None:
    set_language("fr")
    assert tr("Turn {turn} of {turns}", turn=1, turns=2) == "Turn 1 of 2"


def test_a_translation_with_a_wrong_placeholder_falls_back_to_english(monkeypatch: pytest.MonkeyPatch) -> None:
    broken = Catalog(locale="km")
    broken.add("Turn {turn} of {turns}", "វេន {tour}")
    chain = gettext.GNUTranslations(_as_mo(broken))
    monkeypatch.setattr("game.i18n._translations", lambda code: chain)
    set_language("km")
    assert tr("Turn {turn} of {turns}", turn=2, turns=8) == "Turn 2 of 8"


def _as_mo(catalog: Catalog) -> object:
    import io

    return io.BytesIO(cat.compiled(catalog))


def test_a_block_language_stays_in_its_block_and_thread() -> None:
    set_language("en")
    seen: list[str] = []
    with use_language("km"):
        assert language() == "km"
        worker = threading.Thread(target=lambda: seen.append(language()))
        worker.start()
        worker.join()
    assert language() == "en"
    assert seen == ["en"]  # a thread started inside the block has the process's language


def test_numbers_and_months_are_written_by_babel() -> None:
    calendar = Calendar(start_year=2023, start_month=1, months_per_turn=3)
    assert number(1234.5, 1) == "1,234.5"
    assert number(4, signed=True) == "+4" and number(-4, signed=True) == "-4"
    assert turn_date(calendar, 2) == calendar.label(2) == "Apr 2023"
    assert turn_end_date(calendar, 3) == calendar.end_label(3) == "Sep 2023"
    with use_language("km"):
        assert turn_date(calendar, 2) == "មេសា 2023"
        assert turn_end_date(calendar, 4) == "ធ្នូ 2023"


def test_khmer_breaks_at_the_words_icu_finds() -> None:
    starts = [0, *break_points(KHMER, "km")]
    assert [KHMER[a:b] for a, b in zip(starts, [*starts[1:], len(KHMER)], strict=True)] == KHMER_WORDS
    assert split_points(KHMER) == list(break_points(KHMER, "km"))


def test_a_wrapped_khmer_paragraph_breaks_only_between_words() -> None:
    text = (KHMER + " ") * 3 + "Relations 42%។"
    lines = wrap(text, 20, display_width, "km")
    assert len(lines) > 3
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    boundaries = {0, len(text), *break_points(text, "km")}
    position = 0
    for line in lines:
        assert display_width(line) <= 20
        start = text.index(line, position)
        assert start in boundaries and start + len(line) in boundaries | {i for i, c in enumerate(text) if c == " "}
        position = start + len(line)


def test_english_wraps_at_spaces_as_before() -> None:
    assert wrap("The quick brown fox jumps over the lazy dog", 16) == [
        "The quick brown",
        "fox jumps over",
        "the lazy dog",
    ]


def test_the_merged_font_has_latin_and_khmer_letters() -> None:
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

    for bold in (False, True):
        letters = TTFont(str(merged_font(bold=bold))).getBestCmap()
        assert all(ord(c) in letters for c in "Aa1%" + KHMER)


def test_the_catalog_tools_round_trip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """update on a template makes a catalog; check lists what is untranslated; compile makes what the game reads."""
    locale = tmp_path / "locale"
    (locale / "xx" / "LC_MESSAGES").mkdir(parents=True)
    monkeypatch.setattr(cat, "LOCALE_DIR", locale)
    monkeypatch.setattr(cat, "DOMAINS", ("common",))
    template = Catalog()
    template.add("Hello {name}")
    cat._write_po(locale / "common.pot", template)
    cat.run_update(["xx"])
    assert [f.problem for f in cat.check("xx")] == ["untranslated", "not compiled from the current .po"]
    po = cat.po_path("xx", "common")
    untranslated = 'msgid "Hello {name}"\nmsgstr ""'
    text = po.read_text(encoding="utf-8").replace(untranslated, 'msgid "Hello {name}"\nmsgstr "Salut {nom}"')
    po.write_text(text, encoding="utf-8")
    cat.run_compile(["xx"])
    assert [f.problem.split(" in ")[0] for f in cat.check("xx")] == ["unknown placeholder"]
    po.write_text(text.replace("Salut {nom}", "Salut {name}"), encoding="utf-8")
    cat.run_compile(["xx"])
    assert cat.check("xx") == []
    with (po.with_suffix(".mo")).open("rb") as handle:
        assert gettext.GNUTranslations(handle).gettext("Hello {name}") == "Salut {name}"
    reload_catalogs()


def test_lang_on_the_command_line_is_remembered_and_a_bad_code_refused(home: Path) -> None:
    first = run("text", "--lang", "km", "--seed", "1", stdin="q\n")
    assert first.returncode == 0 and no_traceback(first)
    assert '"language": "km"' in (home / "config" / "settings.json").read_text(encoding="utf-8")
    bad = run("text", "--lang", "Khmer!", "--seed", "1", stdin="q\n")
    assert bad.returncode == 2 and no_traceback(bad)
    assert "--lang expects a language code" in bad.stderr


def test_the_engines_reasons_are_said_in_the_players_language(scenario: object) -> None:
    """The engine stays language-free: its reasons are English strings that carry their template and values
    (``Why``), and ``tr_reason`` says them, nested reasons included, in the active language."""
    from game.engine import Game, Why
    from game.i18n import tr_reason

    game = Game.new(scenario, 1)  # type: ignore[arg-type]
    closed = game.why_not("us", "us_high_level_meeting")  # the news phase: actions are not open yet
    assert isinstance(closed, Why) and closed == "actions can only be committed in the actions phase (now: news)"
    assert tr_reason(closed) == closed  # English: the engine's own words
    nested = Why("{role} cannot take {action!r}: {reason}", role="us", action="x", reason=closed)
    with use_language("km"):
        said = tr_reason(nested)
    assert has_khmer(said) and "actions phase" not in said and "'x'" in said
    with use_language("km"):  # a reason filling another sentence is said in the same language
        inside = tr("no {language} text in this scenario; showing English", language=closed)
    assert has_khmer(inside) and "actions phase" not in inside
    assert tr_reason("plain text") == "plain text"
