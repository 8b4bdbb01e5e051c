"""`validate --lang CODE` lists each text of a scenario file that has no version in that language, where it is
written (exit 0; with --strict, exit 1 when any is missing)."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.cli import main
from game.content.translations import show_path, untranslated
from game.content.yamlsafe import load_yaml_file

#: A small scenario: every text in English and Khmer but three (the description, the action's description and the
#: lesson's question), each a different way of lacking Khmer.
HALF = """\
format: 1
id: half
title: {en: Half, km: ពាក់កណ្តាល}
description: A purpose-made scenario.
turns: 3
indicators:
  - id: relations
    label: {en: Relations, km: ទំនាក់ទំនង}
    description: {en: How well they get on., km: ទំនាក់ទំនង។}
    initial: 50
families:
  - {id: talk, label: {en: Talk, km: និយាយ}}
roles:
  - id: north
    name: {en: North, km: ខាងជើង}
    brief: {en: North., km: ខាងជើង។}
    objectives: {en: Relations., km: ទំនាក់ទំនង។}
    score: relations
    capital: 2
actions:
  - id: talk
    role: north
    family: talk
    label: {en: Talk, km: និយាយ}
    description:
      en: Talk.
      fr: Parler.
    cost: 1
    effects: [relations += 2]
endings:
  - {id: friends, title: {en: Friends, km: មិត្ត}, text: {en: Friends., km: មិត្ត។}, condition: relations >= 70}
  - {id: strangers, title: {en: Strangers, km: មិនស្គាល់}, text: {en: Strangers., km: មិនស្គាល់។}}
lesson:
  questions:
    - text: Why?
"""


def write(tmp_path: Path, text: str, name: str = "half.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def translated(text: str) -> str:
    """``HALF`` with the three missing Khmer texts added."""
    text = text.replace("description: A purpose-made scenario.", "description: {en: Made for a test., km: សាកល្បង។}")
    text = text.replace("      fr: Parler.", "      km: និយាយ។")
    return text.replace("    - text: Why?", "    - text: {en: Why?, km: ហេតុអ្វី?}")


def test_each_text_without_the_language_is_listed_with_its_place_in_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, HALF)
    report = untranslated(load_yaml_file(path), str(path), "km", name="Khmer")
    assert [p.format() for p in report.missing] == [
        f"{path}:4:14: warning: no Khmer text (description)",
        f"{path}:26:7: warning: no Khmer text (actions[0].description)",
        f"{path}:35:13: warning: no Khmer text (lesson.questions[0].text)",
    ]
    assert report.total == 15 and not report.complete


def test_a_plain_string_is_in_the_language_the_file_says(tmp_path: Path) -> None:
    """A plain string counts as the file's ``language`` (English by default): untranslated for Khmer, but Khmer in
    a file written in Khmer."""
    path = write(tmp_path, HALF)
    assert [p.hint for p in untranslated(load_yaml_file(path), str(path), "en").missing] == []
    khmer = write(tmp_path, "language: km\n" + HALF, "khmer.yaml")
    missing = untranslated(load_yaml_file(khmer), str(khmer), "km").missing
    assert [p.hint for p in missing] == ["actions[0].description"]


def test_any_language_code_works_and_is_named(tmp_path: Path) -> None:
    path = write(tmp_path, HALF)
    report = untranslated(load_yaml_file(path), str(path), "fr", name="French")
    assert "actions[0].description" not in [p.hint for p in report.missing]
    assert len(report.missing) == report.total - 1
    assert report.missing[0].message == "no French text"
    assert untranslated(load_yaml_file(path), str(path), "de").missing[0].message == "no 'de' text"


def test_validate_names_the_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, HALF)
    assert main(["validate", "--lang", "fr", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"{path}:4:14: warning: no French text (description)" in out
    assert main(["validate", "--lang", "de", str(path)]) == 0
    assert "warning: no 'de' text (description)" in capsys.readouterr().out


def test_paths_are_written_as_a_modder_reads_them() -> None:
    assert show_path(("actions", 3, "description")) == "actions[3].description"
    assert show_path(("negotiation", "items", 0, "label")) == "negotiation.items[0].label"
    assert show_path(("title",)) == "title"


def test_validate_lang_lists_and_counts_and_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, HALF)
    assert main(["validate", "--lang", "km", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"{path}:26:7: warning: no Khmer text (actions[0].description)" in out
    assert f"{path}: 3 of 15 texts have no Khmer version" in out
    assert f"{path}: ok (" in out


def test_validate_lang_strict_fails_on_a_missing_text_and_passes_a_translated_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", "--lang", "km", "--strict", str(write(tmp_path, HALF))]) == 1
    capsys.readouterr()
    done = write(tmp_path, translated(HALF), "done.yaml")
    assert main(["validate", "--lang", "km", "--strict", str(done)]) == 0
    out = capsys.readouterr().out
    assert "warning" not in out
    assert f"{done}: every text has a Khmer version (15 texts)" in out


def test_validate_lang_refuses_what_is_no_language_code(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--lang", "Khmer!", str(write(tmp_path, HALF))]) == 2
    assert "--lang expects a language code" in capsys.readouterr().err


def test_the_shipped_tutorial_is_listed_text_by_text(capsys: pytest.CaptureFixture[str]) -> None:
    root = Path(__file__).resolve().parent.parent
    path = root / "scenarios" / "tutorial.yaml"
    report = untranslated(load_yaml_file(path), str(path), "km")
    assert report.total > 50
    assert all(p.line > 0 and p.col > 0 for p in report.missing)
    assert any(p.hint.startswith("tutorial.steps[") for p in report.missing) or report.complete
