"""Lesson materials from any scenario (``python main.py handouts``): a role card per role naming each of its actions,
a one-page rules sheet, a facilitator guide listing every scripted event, and the lesson sheets only when the
scenario's lesson section has their material; as escaped, self-contained HTML and as PDF."""

from __future__ import annotations

import dataclasses
import io
import re
import tempfile
from collections.abc import Iterator
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from campaign import load, scenario_files
from hypothesis import HealthCheck, given, reject, seed, settings
from pypdf import PdfReader

from builders import effect, item, negotiation, scenario
from game import cli
from game.engine import Claim, Happened, Lesson, Question, Scenario, Source, Term, Timing, localize
from game.i18n import set_language
from game.reports import html, pdf
from game.reports.handouts import documents, write_handouts
from game.storage import HOME_ENV

LESSON = Lesson(
    objectives=({"en": "Explain why trust takes turns to build."},),
    questions=(
        Question({"en": "Why did trust rise or fall?"}, {"en": "Point at the kept and broken agreements."}),
        Question({"en": "What would have avoided the collapse?"}, ending="collapse"),
    ),
    glossary=(Term({"en": "Preference scheme"}, {"en": "Lower duties for some countries' goods."}, ("src",)),),
    timings=(Timing(10, {"en": "Read the cards"}), Timing(30, {"en": "Play six turns"}), Timing(10, {"en": "Talk"})),
    timeline=(Happened("2017-11", {"en": "The court dissolved the opposition party."}, ("src",)),),
    claims=(Claim({"en": "Sanctions never work."}, {"en": "The government"}, ("src",), {"en": "Critics disagree."}),),
)


def plain(text: str) -> str:
    """Text with every run of white space made one space (a PDF breaks lines where it likes)."""
    return " ".join(text.split())


def pdf_text(path: Path) -> tuple[int, str]:
    """The number of pages of a PDF and its text."""
    reader = PdfReader(path)
    return len(reader.pages), plain(" ".join(page.extract_text() for page in reader.pages))


def page_text(path: Path) -> str:
    """The text a reader sees in an HTML page: tags dropped, entities undone."""
    import html as stdlib_html

    return plain(stdlib_html.unescape(re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8"))))


def teaching(sc: Scenario) -> Scenario:
    """``sc`` with a source ``src`` and the lesson section above."""
    return dataclasses.replace(sc, sources=(*sc.sources, Source("src", "A report", "A publisher", date="2020")),
                               lesson=LESSON)  # fmt: skip


def small_negotiating(**overrides: object) -> Scenario:
    """Two roles with actions in two families, a scripted event with a choice, a random event and a negotiation."""
    options: dict[str, object] = {
        "turns": 4,
        "actions": [
            {"id": "talk", "effects": [effect("x += 4"), effect("y -= 2", delay=2)]},
            {"id": "invest", "family": "push", "cost": 2, "effects": [effect("y += 9", delay=1, duration=3)]},
            {"id": "b_talk", "role": "b", "effects": [effect("x += 2")]},
        ],
        "events": [
            {"id": "vote", "at_turn": 2, "role": "a", "choices": {"yes": [effect("y += 5")], "no": []}},
            {"id": "storm", "effects": [effect("x -= 3")]},
        ],
        "endings": [{"id": "collapse", "condition": "x < 5", "early": True}, {"id": "fine"}],
        "negotiation": negotiation(
            item("aid", "a", [effect("y += 6")], turns=2), item("visit", "b", [effect("x += 3")])
        ),
    }
    options.update(overrides)
    return scenario(**options)  # type: ignore[arg-type]


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    """The command line sets the process's language (``--lang``, else the one in Settings): each test ends in
    English again."""
    yield
    set_language("en")


@pytest.fixture(scope="module")
def default_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[int, str, Path]]:
    """The command line writing the default scenario's handouts: exit status, what it printed, the folder (with a
    home of its own: the user's Settings may have a language chosen)."""
    folder = tmp_path_factory.mktemp("handouts")
    out, err = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as patch, redirect_stdout(out), redirect_stderr(err):
        patch.setenv(HOME_ENV, str(tmp_path_factory.mktemp("home")))
        status = cli.main(["handouts", "--out", str(folder)])
    set_language("en")
    yield status, out.getvalue() + err.getvalue(), folder


@pytest.fixture(scope="module")
def lesson_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Scenario, Path]:
    sc = teaching(small_negotiating())
    folder = tmp_path_factory.mktemp("lesson")
    write_handouts(sc, folder)
    return sc, folder


# --------------------------------------------------------------------- the default scenario, through the CLI
def test_the_command_writes_every_handout_and_says_where(default_run: tuple[int, str, Path]) -> None:
    status, printed, folder = default_run
    assert status == 0
    names = {"rules", "role-us", "role-cambodia", "guide"}
    for name in names:
        for suffix in (".html", ".pdf"):
            path = folder / f"{name}{suffix}"
            assert path.stat().st_size > 1000
            assert str(path) in printed
    index = (folder / "index.html").read_text(encoding="utf-8")
    assert 'href="role-us.pdf"' in index and 'href="guide.html"' in index and "Role card: United States" in index
    assert not list(folder.glob(".*.tmp"))  # written atomically: nothing left behind


def test_each_role_card_of_the_default_scenario_names_each_of_its_actions(
    scenario: Scenario, default_run: tuple[int, str, Path]
) -> None:
    folder = default_run[2]
    for role in scenario.roles:
        _, text = pdf_text(folder / f"role-{role.id}.pdf")
        page = page_text(folder / f"role-{role.id}.html")
        assert plain(localize(role.objectives)) in page
        for action in scenario.actions_for(role.id):
            label = plain(localize(action.label))
            assert label in text, (role.id, label)
            assert label in page, (role.id, label)


def test_the_guide_lists_every_scripted_event_and_every_event_to_inject(
    scenario: Scenario, default_run: tuple[int, str, Path]
) -> None:
    _, text = pdf_text(default_run[2] / "guide.pdf")
    for event in scenario.events:
        assert plain(localize(event.title)) in text
        assert plain(localize(event.text))[:60] in text
    scripted = [e for e in scenario.events if e.at_turn is not None]
    assert scripted  # the default scenario scripts its first turns
    assert "Scripted news, turn by turn" in text and "Events you can inject" in text


def test_the_rules_sheet_is_one_page(default_run: tuple[int, str, Path]) -> None:
    pages, text = pdf_text(default_run[2] / "rules.pdf")
    assert pages == 1
    assert "How a turn works" in text and "Negotiation and trust" in text


def test_without_a_lesson_there_are_no_lesson_sheets_but_a_default_plan(
    scenario: Scenario, default_run: tuple[int, str, Path]
) -> None:
    folder = default_run[2]
    if scenario.lesson is not None:  # the default scenario may carry one: take it away
        names = {d.name for d in documents(dataclasses.replace(scenario, lesson=None))}
    else:
        names = {p.stem for p in folder.glob("*.pdf")}
        assert "General questions" in page_text(folder / "guide.html")
        assert "A plan for a 50-minute lesson" in page_text(folder / "guide.html")
    assert "what-happened" not in names and "claims" not in names


# --------------------------------------------------------------------- a scenario with a lesson section
def test_a_lesson_section_adds_its_sheets_and_fills_the_guide(lesson_run: tuple[Scenario, Path]) -> None:
    _, folder = lesson_run
    _, history = pdf_text(folder / "what-happened.pdf")
    assert "The court dissolved the opposition party." in history and "A report (A publisher, 2020)" in history
    _, claims = pdf_text(folder / "claims.pdf")
    assert "Sanctions never work." in claims and "The government" in claims and "Critics disagree." in claims
    guide = page_text(folder / "guide.html")
    for words in ("Explain why trust takes turns to build.", "Why did trust rise or fall?",
                  "Point at the kept and broken agreements.", "After the ending collapse",
                  "What would have avoided the collapse?", "Preference scheme", "Play six turns"):  # fmt: skip
        assert words in guide
    assert "General questions" not in guide
    assert pdf_text(folder / "rules.pdf")[0] == 1
    assert {p.stem for p in folder.glob("*.html")} == {
        "index", "rules", "role-a", "role-b", "guide", "what-happened", "claims"
    }  # fmt: skip


def test_a_role_card_says_what_it_can_give_and_ask_and_what_each_action_moves(
    lesson_run: tuple[Scenario, Path],
) -> None:
    _, folder = lesson_run
    card = page_text(folder / "role-a.html")
    assert "You can offer" in card and "aid:" in card
    assert "You can ask b for" in card and "visit:" in card
    assert "x +4 (at once)" in card and "y -2 (after 2 turns)" in card
    assert "y +9 (spread over 3 turns, starting next turn)" in card
    assert "vote:" in card and "yes / no" in card  # the news that asks this side to decide
    other = page_text(folder / "role-b.html")
    assert "b_talk" in other and "invest" not in other


def test_the_guide_lists_the_scripted_event_with_its_turn(lesson_run: tuple[Scenario, Path]) -> None:
    _, folder = lesson_run
    _, guide = pdf_text(folder / "guide.pdf")
    assert "2 Apr 2023 vote" in guide  # turn, date, event
    assert "Can come by chance in turns 1 to 4." in guide  # the random event, to inject


# --------------------------------------------------------------------- texts are text
def test_scenario_text_is_escaped_in_every_page(tmp_path: Path) -> None:
    evil = "<script>alert(1)</script> & <b>"
    sc = small_negotiating()
    roles = tuple(dataclasses.replace(r, name={"en": evil}) if r.id == "a" else r for r in sc.roles)
    sc = dataclasses.replace(sc, roles=roles, title={"en": evil})
    written = write_handouts(sc, tmp_path)
    pages = [p for p in written if p.suffix == ".html"]
    assert pages
    for page in pages:
        source = page.read_text(encoding="utf-8")
        assert "<script" not in source and "<b>" not in source
        assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;" in source
    _, text = pdf_text(tmp_path / "role-a.pdf")
    assert "<script>alert(1)</script>" in text  # the PDF prints it as it is written


def test_html_pages_ask_for_nothing_outside_themselves(lesson_run: tuple[Scenario, Path]) -> None:
    _, folder = lesson_run
    for page in folder.glob("*.html"):
        source = page.read_text(encoding="utf-8")
        assert "@media print" in source or page.name == "index.html"
        assert not re.search(r"(src|href)=\"(https?:)?//", source)
        assert "<link" not in source and "<script" not in source


# --------------------------------------------------------------------- generated scenarios
@seed(12)
@settings(
    max_examples=2,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
@given(scenario_files(most_actions=6))  # fmt: skip
def test_handouts_of_generated_scenarios(file: dict[str, object]) -> None:
    sc = load(file)
    if sc is None:
        reject()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        write_handouts(sc, folder)
        for role in sc.roles:
            card = page_text(folder / f"role-{role.id}.html")
            for action in sc.actions_for(role.id):
                assert plain(localize(action.label)) in card
        guide = page_text(folder / "guide.html")
        for event in sc.events:
            assert plain(localize(event.title)) in guide
        assert pdf_text(folder / "rules.pdf")[0] == 1
        assert not (folder / "what-happened.html").exists()


# --------------------------------------------------------------------- failures
def run(*args: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = cli.main(["handouts", *args])
    return status, out.getvalue() + err.getvalue()


def test_a_missing_scenario_is_a_message_and_a_failure(tmp_path: Path) -> None:
    status, said = run(str(tmp_path / "nowhere.yaml"), "--out", str(tmp_path / "out"))
    assert status != 0
    assert "nowhere.yaml" in said and "Traceback" not in said
    assert not (tmp_path / "out").exists()


def test_a_folder_that_cannot_be_written_is_a_message_and_a_failure(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    status, said = run("--out", str(blocker / "handouts"))
    assert status != 0
    assert "cannot" in said and str(blocker) in said and "Traceback" not in said
    status, said = run("--out", str(blocker))
    assert status != 0 and "is a file, not a folder" in said
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_the_fonts_are_found_without_loading_the_desktop_toolkit() -> None:
    import subprocess
    import sys

    code = ("import sys; from game.reports import pdf; pdf.find_fonts(); "
            "print('pygame_gui' in sys.modules, 'pygame' in sys.modules)")  # fmt: skip
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "False"]


def test_html_and_pdf_draw_the_same_blocks() -> None:
    from game.reports.document import Document, Entry, Heading, Items, Para, Table

    doc = Document("x", "Title & more", "Kicker", (Heading("Head"), Para("Body <p>"), Items((Entry("one", lead="A:"),)),
                                                  Table(("c1", "c2"), (("r1", "r2"),), (0.5, 0.5))))  # fmt: skip
    page = html.page(doc)
    assert "<h2>Head</h2>" in page and "<p>Body &lt;p&gt;</p>" in page and "<strong>A:</strong> one" in page
    assert "<td>r2</td>" in page and "<title>Title &amp; more</title>" in page
    path = Path(tempfile.mkdtemp()) / "x.pdf"
    path.write_bytes(pdf.render(doc))
    pages, text = pdf_text(path)
    assert pages == 1
    for words in ("Title & more", "Head", "Body <p>", "A: one", "r1", "r2"):
        assert words in text


def test_a_script_font_can_be_added_to_a_folder_of_its_own(tmp_path: Path) -> None:
    main, extra = tmp_path / "main", tmp_path / "extra"
    main.mkdir()
    extra.mkdir()
    (extra / "NotoSansKhmer-Regular.ttf").write_bytes(b"")
    fonts = pdf.Fonts(main, (main, extra))
    assert fonts.path("NotoSansKhmer-Regular.ttf") == extra / "NotoSansKhmer-Regular.ttf"
    assert fonts.path("NotoSans-Regular.ttf") == main / "NotoSans-Regular.ttf"  # none anywhere: the main folder's
