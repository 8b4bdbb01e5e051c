"""The terminal in Khmer: a whole scripted game with ``--lang km`` speaks Khmer, Khmer paragraphs break at ICU's word
boundaries within the console width, and English output is as it was."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from test_text import small

from builders import effect, scenario
from game.engine import Commit
from game.i18n import language, tr, use_language
from game.i18n.lines import break_points, display_width, has_khmer
from game.present import num, points, score, signed
from game.table import PERSON, Done, Match, view
from game.text import run
from game.text.console import wrap

ROOT = Path(__file__).resolve().parent.parent

#: Interface sentences of a whole game, as (English, Khmer) pairs: the Khmer must show and the English must not.
SHOWN = [
    ("Choose your side:", "សូមជ្រើសរើសភាគីរបស់អ្នក៖"),
    ("Indicators:", "សូចនាករ៖"),
    ("What mattered most:", "អ្វីដែលសំខាន់បំផុត៖"),
    ("=== Game over ===", "=== ហ្គេមបានបញ្ចប់ ==="),
    ("Your key decisions:", "ការសម្រេចចិត្តសំខាន់ៗរបស់អ្នក៖"),
    ("How each side did, against its own usual range:", "លទ្ធផលរបស់ភាគីនីមួយៗ ធៀបនឹងចន្លោះធម្មតារបស់ខ្លួន៖"),
    ("Thanks for playing.", "សូមអរគុណសម្រាប់ការលេង។"),
]


def play_khmer(answers: list[str]) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "text", "--lang", "km", "--seed", "8", "--no-save"],
        input="".join(f"{answer}\n" for answer in answers),
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
        env=env,
    )


def test_a_whole_scripted_game_with_lang_km_speaks_khmer_and_no_english_interface_sentence() -> None:
    result = play_khmer(["2"] + ["1", "n", "1", "s", "e", "", "a", "b"] * 40)
    out = result.stdout
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in out + result.stderr
    for english, khmer in SHOWN:
        assert khmer in out, khmer
        assert english not in out, english
    assert sum(line.startswith("លទ្ធផលបញ្ចប់៖") for line in out.splitlines()) == 1  # "Ending: ..."
    # Dates are the language's: the first turn of the default scenario is in January 2023.
    assert "មករា 2023" in out and "Jan 2023" not in out


def test_every_line_of_a_khmer_game_fits_the_console_width() -> None:
    result = play_khmer(["1"] + ["1", "d 1", "e", "", "1"] * 40)
    too_wide = [line for line in result.stdout.splitlines() if has_khmer(line) and display_width(line) > 80]
    assert too_wide == []


def test_khmer_paragraphs_wrap_at_icu_word_boundaries_within_the_width() -> None:
    with use_language("km"):
        paragraph = " ".join(
            tr(text)
            for text in (
                "The turn is over: everybody may look at the review.",
                "The proposal is still waiting for your answer.",
                "Choose at least one item to see how it would be received.",
            )
        )
        lines = wrap(paragraph, 24, indent="  ", hanging="    ")
    assert has_khmer(paragraph) and len(lines) > 3
    assert all(display_width(line) <= 24 for line in lines)
    joined = "".join(line.strip() for line in lines).replace(" ", "")
    assert joined == paragraph.replace(" ", "")
    # Each line ends where ICU's line breaker allows a break (Khmer has no spaces between its words).
    allowed = set(break_points(paragraph, "km")) | {len(paragraph)}
    position = 0
    for line in lines:
        body = line.strip()
        position = paragraph.index(body, position) + len(body)
        rest = paragraph[position:]
        assert position in allowed or position + (len(rest) - len(rest.lstrip())) in allowed, line


def test_a_khmer_line_never_starts_with_a_vowel_sign_or_a_mark() -> None:
    with use_language("km"):
        text = tr("The numbers are a simplified model meant for discussion, not measurements.")
        lines = wrap(text, 20)
    assert len(lines) > 2
    for line in lines:
        assert not "\u17b6" <= line[0] <= "\u17d3", line  # a dependent vowel or sign belongs to the letter before


def test_english_paragraphs_wrap_as_before() -> None:
    text = "How to play: type the number of an option and press Enter. " * 4
    expected = textwrap.wrap(text, 30, initial_indent="  ", subsequent_indent="    ", break_on_hyphens=False,
                             break_long_words=False)  # fmt: skip
    assert wrap(text, 30, indent="  ", hanging="    ") == expected


def test_english_games_are_unchanged_and_the_language_is_english_by_default() -> None:
    assert language() == "en"
    out = io.StringIO()
    code = run(small(), role="a", seed=1, stdin=io.StringIO("1\n1\ne\ne\n1\ne\n"), stdout=out)
    assert code == 0 and "Thanks for playing." in out.getvalue() and not has_khmer(out.getvalue())


def test_numbers_keep_their_digits_and_decimals_in_every_language() -> None:
    for lang in ("en", "km"):
        with use_language(lang):
            assert (num(57.4), signed(4), signed(-2.5), score(45.06), points(2)) == ("57", "+4", "-3", "45.1", "+2.0")


def test_why_an_action_is_closed_is_said_in_the_active_language() -> None:
    sc = scenario(
        turns=4,
        actions=[
            {"id": "talk", "cost": 1, "cooldown": 1, "effects": [effect("x += 1")]},
            {"id": "summit", "cost": 9, "effects": [effect("x += 5")]},
        ],
        events_per_turn=0,
    )
    match = Match.start(sc, {"a": PERSON}, 1)
    match.apply("a", Commit("a", "talk"))
    match.apply("a", Done("a"))
    statuses = {a.id: a.status for a in view(match, "a").actions}
    assert statuses == {"talk": "cooling down until turn 3", "summit": "costs 9 capital, 3 left"}
    with use_language("km"):
        statuses = {a.id: a.status for a in view(match, "a").actions}
    assert statuses == {"talk": "កំពុងរង់ចាំ រហូតដល់វេនទី 3", "summit": "ត្រូវការដើមទុន 9 ប៉ុន្តែនៅសល់តែ 3"}
