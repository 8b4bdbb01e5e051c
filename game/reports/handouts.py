"""Lesson materials from any scenario (``python main.py handouts SCENARIO --out DIR``): a role card per role, a
one-page rules sheet, a facilitator guide and, when the scenario's ``lesson`` section has them, a sheet of what
actually happened and one of the main claims. Each as a self-contained HTML page and as a PDF, with an index page
that lists them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from game.engine import Game, Scenario, localize
from game.i18n import language, tr
from game.reports import html, pdf
from game.reports.document import Document
from game.reports.handouts_cards import role_card
from game.reports.handouts_guide import guide
from game.reports.handouts_lesson import claims_sheet, history_sheet
from game.reports.handouts_rules import rules_sheet
from game.storage import StorageError, write_bytes_atomic


class HandoutsError(ValueError):
    """The handouts could not be written (the folder, or the fonts); the message says why."""


@dataclass(frozen=True, slots=True)
class Written:
    """The files written for one document: its HTML page and its PDF."""

    document: Document
    html: Path
    pdf: Path


def documents(scenario: Scenario, lang: str | None = None) -> list[Document]:
    """Every handout of ``scenario``: the rules sheet, a role card per role, the guide, then the lesson sheets the
    scenario has material for; the scenario's texts in ``lang`` (default: the active language)."""
    game = Game.new(scenario, 0, lang=lang or language())
    out = [rules_sheet(game), *(role_card(game, role) for role in scenario.roles), guide(game)]
    out += [sheet for sheet in (history_sheet(game), claims_sheet(game)) if sheet is not None]
    return out


def write_handouts(scenario: Scenario, folder: Path, lang: str | None = None,
                   progress: Callable[[Path], None] | None = None) -> list[Path]:  # fmt: skip
    """Write every handout of ``scenario`` into ``folder`` (created if needed) as HTML and PDF, and ``index.html``;
    returns the paths written (the scenario's texts in ``lang``, default: the active language). Raises
    :class:`HandoutsError` when a file cannot be written or no font is found."""
    lang = lang or language()
    try:
        fonts = pdf.find_fonts()
    except pdf.FontsMissing as exc:
        raise HandoutsError(str(exc)) from None
    written: list[Path] = []

    def put(name: str, payload: bytes) -> None:
        path = folder / name
        try:
            write_bytes_atomic(path, payload)
        except StorageError as exc:
            raise HandoutsError(tr("cannot write the handouts into {folder}: {why}", folder=folder, why=exc)) from None
        written.append(path)
        if progress is not None:
            progress(path)

    links: list[tuple[str, tuple[tuple[str, str], ...]]] = []
    for document in documents(scenario, lang):
        put(f"{document.name}.html", html.page(document, lang).encode("utf-8"))
        put(f"{document.name}.pdf", pdf.render(document, fonts))
        label = tr("{kind}: {title}", kind=document.kind, title=document.title) if document.kind else document.title
        links.append((label, ((f"{document.name}.html", tr("web page")), (f"{document.name}.pdf", tr("PDF")))))
    title = localize(scenario.title, lang)
    put("index.html", html.index_page(title, tr("Handouts"), links, lang).encode("utf-8"))
    return written
