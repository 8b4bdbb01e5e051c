"""Handouts and debrief reports in Khmer: the interface's words from the reports catalog, the scenario's own Khmer
texts, ``<html lang="km">`` with the Khmer fonts carried inside the page, and PDFs whose Khmer is shaped, extractable
and broken into lines at word boundaries (Khmer writes no spaces between words). English output stays as it was."""

from __future__ import annotations

import dataclasses
import io
import random
import shutil
import subprocess
import unicodedata
from collections.abc import Iterator
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from fpdf.enums import MethodReturnValue
from pypdf import PdfReader

from builders import negotiation_scenario
from game import cli
from game.content.loader import load_scenario
from game.engine import Scenario
from game.i18n import language, set_language, tr, use_language
from game.i18n.lines import ZERO_WIDTH_SPACE, break_points
from game.paths import DEFAULT_SCENARIO
from game.persistence import save_match
from game.reports import html, pdf
from game.reports.document import Document, Entry, Heading, Items, Para, Table
from game.reports.handouts import documents, write_handouts
from game.reports.report import write_match_report
from game.reports.report_html import match_page
from game.table import PERSON, Match
from game.table.reference import find_reference
from tests.test_match_saves import person_turn

#: A Khmer paragraph long enough to wrap several times (no spaces inside its phrases).
KHMER = (
    "ភាគីនីមួយៗត្រូវបានលេងដោយក្រុមមួយ។ ហ្គេមមានរយៈពេលដប់ពីរវេន ដែលវេននីមួយៗមានបីខែ។ "
    "លេខនីមួយៗនៅលើផ្ទាំងផ្លាស់ប្តូរដោយមានមូលហេតុដែលអ្នកអាចមើលឃើញ។ "
    "សកម្មភាពនីមួយៗត្រូវចំណាយដើមទុននយោបាយ ហើយភាគីនីមួយៗទទួលបានចំនួនរបស់ខ្លួនក្នុងវេននីមួយៗ។"
)
TITLE_KM = "កិច្ចចរចាសាកល្បង"


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    """The command line sets the process's language: every test ends in English again."""
    yield
    set_language("en")


def khmer_scenario() -> Scenario:
    """A small negotiating scenario whose title and first role's name have Khmer texts."""
    sc = negotiation_scenario()
    first = dataclasses.replace(sc.roles[0], name={**sc.roles[0].name, "km": "ភាគីក"})
    return dataclasses.replace(sc, title={**sc.title, "km": TITLE_KM}, roles=(first, *sc.roles[1:]))


def visible(text: str) -> str:
    """Text as read: without the zero-width spaces set between Khmer words, white space, or the control characters
    a PDF's text extraction puts for glyphs that shaping added (a Khmer vowel drawn before its consonant)."""
    return "".join(c for c in text.replace(ZERO_WIDTH_SPACE, "") if not c.isspace() and unicodedata.category(c) != "Cc")


def pdf_text(path: Path) -> str:
    return visible(" ".join(page.extract_text() for page in PdfReader(path).pages))


@pytest.fixture(scope="module")
def khmer_handouts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("handouts-km")
    with use_language("km"):
        write_handouts(khmer_scenario(), folder, "km")
    return folder


def in_khmer(message: str) -> str:
    with use_language("km"):
        return tr(message)


# --------------------------------------------------------------------- handouts
def test_khmer_handouts_are_khmer_pages_with_khmer_headings_and_the_scenarios_khmer_texts(
    khmer_handouts: Path,
) -> None:
    rules = (khmer_handouts / "rules.html").read_text(encoding="utf-8")
    card = (khmer_handouts / "role-a.html").read_text(encoding="utf-8")
    index = (khmer_handouts / "index.html").read_text(encoding="utf-8")
    for page in (rules, card, index, (khmer_handouts / "guide.html").read_text(encoding="utf-8")):
        assert '<html lang="km">' in page
        assert "@font-face" in page and "Common Ground Khmer" in page  # the Khmer fonts travel inside the page
    assert in_khmer("How to play") == "របៀបលេង"
    assert "<h1>របៀបលេង</h1>" in rules
    assert f"<h2>{in_khmer('How a turn works')}</h2>" in rules
    assert f"<h2>{in_khmer('Your private objectives')}</h2>" in card
    assert "<h1>ភាគីក</h1>" in card and TITLE_KM in card  # the scenario's own Khmer texts
    assert in_khmer("Handouts") in index and TITLE_KM in index
    assert "How to play" not in rules and "Your private objectives" not in card


def test_khmer_pdfs_hold_extractable_khmer_and_render_without_errors(khmer_handouts: Path) -> None:
    rules, card = pdf_text(khmer_handouts / "rules.pdf"), pdf_text(khmer_handouts / "role-a.pdf")
    assert "របៀបលេង" in rules and "សន្លឹកច្បាប់" in rules and TITLE_KM in rules
    assert "ភាគីក" in card and "ប័ណ្ណភាគី" in card
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in PdfReader(khmer_handouts / "rules.pdf").pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert any(name.endswith("+NotoSansKhmer") for name in fonts)
    assert any(name.endswith("+NotoSansKhmerBold") for name in fonts)  # bold headings in a bold Khmer face
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm is not installed")
    for name in ("rules.pdf", "role-a.pdf"):
        done = subprocess.run(["pdftoppm", "-r", "20", "-png", str(khmer_handouts / name), str(khmer_handouts / "x")],
                              capture_output=True, text=True, check=True)  # fmt: skip
        assert "Error" not in done.stderr, done.stderr  # every text drawn with a font


def test_khmer_pdf_lines_end_at_word_boundaries() -> None:
    document = Document("t", "T", "K", (Para(KHMER),))
    fonts = pdf.find_fonts()
    writer = pdf._Pdf(format="A4", unit="mm")
    pdf._add_fonts(writer, fonts, pdf.characters(document))
    writer.add_page()
    writer.set_font(pdf.FAMILY, "", 10)
    lines = writer.multi_cell(60, 5, pdf.breakable(KHMER), dry_run=True, output=MethodReturnValue.LINES)
    assert len(lines) > 3
    assert visible("".join(lines)) == visible(KHMER)
    allowed = set(break_points(KHMER, "km"))
    position = 0
    for line in lines[:-1]:
        position += len(line.replace(ZERO_WIDTH_SPACE, ""))
        while KHMER[position : position + 1] == " ":  # the space a line ended at is dropped
            position += 1
        assert position in allowed, (line, KHMER[position : position + 10])


def test_zero_width_spaces_go_between_khmer_words_only() -> None:
    assert pdf.breakable("Each side is played by a team.") == "Each side is played by a team."
    marked = pdf.breakable("ភាគីនីមួយៗ United States ៖ ហ្គេមមានរយៈពេល")
    assert marked.replace(ZERO_WIDTH_SPACE, "") == "ភាគីនីមួយៗ United States ៖ ហ្គេមមានរយៈពេល"
    assert marked.startswith(f"ភាគី{ZERO_WIDTH_SPACE}នី{ZERO_WIDTH_SPACE}មួយៗ United States ៖ ហ្គេម{ZERO_WIDTH_SPACE}")
    assert f" {ZERO_WIDTH_SPACE}" not in marked and f"{ZERO_WIDTH_SPACE}ៗ" not in marked  # never before the sign ៗ


def test_a_khmer_pdf_with_every_kind_of_block_renders() -> None:
    document = Document(
        "t", "ការណែនាំ", "សន្លឹកច្បាប់",
        (Heading("របៀបដែលវេនមួយដំណើរការ"), Para(KHMER, "lead"), Para(KHMER, "private"),
         Items((Entry(KHMER, lead="ព័ត៌មាន។"), Entry("English", lead="Lead:"))),
         Table(("សកម្មភាព", "អ្វីដែលវាធ្វើ"), (("ដើមទុន", KHMER),), (0.3, 0.7), strong=1)),
        footer="កម្ពុជា · សន្លឹកច្បាប់",
    )  # fmt: skip
    data = pdf.render(document)
    reader = PdfReader(io.BytesIO(data))
    assert "ការណែនាំ" in visible(reader.pages[0].extract_text())


# --------------------------------------------------------------------- debrief reports
@pytest.fixture(scope="module")
def finished() -> Match:
    """A match of the default scenario, played to its end (in English)."""
    match = Match.start(load_scenario(DEFAULT_SCENARIO), {"us": PERSON}, 4, scenario_path=str(DEFAULT_SCENARIO))
    rng = random.Random(4)
    while not match.game.is_over():
        person_turn(match, rng)
    return match


def test_a_report_in_khmer_has_khmer_headings_and_leaves_the_match_as_it_was(finished: Match, tmp_path: Path) -> None:
    found = find_reference(finished.scenario, None, compute=False)
    with use_language("km"):
        result = write_match_report(finished, found, tmp_path, "Table 1")
    page = result.files[0].read_text(encoding="utf-8")
    assert page.startswith('<!DOCTYPE html>\n<html lang="km">')
    assert f"<h2>{in_khmer('Turning points')}</h2>" in page
    assert in_khmer("How each side did, against its own usual range") in page
    assert "@font-face" in page
    assert finished.game.lang == "en"  # reported in Khmer, played in English


def test_a_report_in_english_is_english_without_embedded_fonts(finished: Match, tmp_path: Path) -> None:
    found = find_reference(finished.scenario, None, compute=False)
    page = write_match_report(finished, found, tmp_path, "Table 1").files[0].read_text(encoding="utf-8")
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert "<h2>Turning points</h2>" in page and "@font-face" not in page


def test_the_report_command_with_lang_km_writes_khmer_reports(finished: Match, tmp_path: Path) -> None:
    saves = []
    for index in (1, 2):
        path = tmp_path / f"table{index}.json"
        save_match(finished, path, f"Table {index}")
        saves.append(str(path))
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = cli.main(["report", *saves, "--lang", "km", "--out", str(tmp_path / "out")])
    assert status == 0, err.getvalue()
    assert language() == "km"
    summary = (tmp_path / "out" / "class-summary.html").read_text(encoding="utf-8")
    assert '<html lang="km">' in summary and in_khmer("Endings and scores") in summary
    table = (tmp_path / "out" / "table-1.html").read_text(encoding="utf-8")
    assert '<html lang="km">' in table and in_khmer("The indicators, turn by turn") in table
    assert in_khmer("Class summary") in out.getvalue()
    header = (tmp_path / "out" / "table-1-changes.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header == "turn,date,indicator,before,after,cause,cause_kind,cause_id,role"  # data stays English


def test_the_index_page_of_english_handouts_carries_no_font() -> None:
    page = html.index_page("Title", "Handouts", [("Rules sheet: How to play", (("rules.html", "web page"),))])
    assert '<html lang="en">' in page and "@font-face" not in page


def test_pages_built_without_a_language_speak_the_active_one(finished: Match) -> None:
    """The class server builds pages inside a room's language block, without naming the language."""
    with use_language("km"):
        rules = html.page(documents(khmer_scenario())[0])
        report = match_page(finished, None, name="Table 1")
    assert rules.startswith('<!DOCTYPE html>\n<html lang="km">') and "<h1>របៀបលេង</h1>" in rules
    assert TITLE_KM in rules  # the scenario's Khmer title, in the kicker
    assert '<html lang="km">' in report and f"<h2>{in_khmer('Turning points')}</h2>" in report
