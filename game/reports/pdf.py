"""A :class:`~game.reports.document.Document` as a PDF, with fpdf2 and its text shaping (HarfBuzz, through
uharfbuzz), so that scripts that join or reorder their letters print right. Both install from wheels alone.

The type is Noto Sans (SIL Open Font License), the copy the pygame_gui package ships: it is found on disk without
importing pygame_gui (or in ``assets/fonts`` when a copy is placed there). Characters Noto Sans lacks are drawn from
the other Noto fonts shipped beside it (Arabic, Hebrew, Georgian, Japanese, Korean, Chinese) when present, and
from ``NotoSansKhmer-Regular.ttf`` (and ``-Bold``) in ``assets/fonts`` (pygame_gui ships no Khmer font).

fpdf2 breaks lines only at spaces, and Khmer writes none between its words: before a text is set, a zero-width space
(which fpdf2 breaks at, and which prints nothing) is put at every place inside Khmer text where ICU's line breaking
(:func:`game.i18n.lines.break_points`) allows a new line, so that Khmer lines end at word boundaries.
"""

from __future__ import annotations

import functools
import importlib.util
import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fontTools.ttLib import TTFont  # type: ignore[import-untyped]
from fpdf import FPDF
from fpdf.enums import Align, TableBordersLayout, TableCellFillMode, VAlign, XPos, YPos
from fpdf.fonts import FontFace

from game.i18n import tr
from game.i18n.lines import ZERO_WIDTH_SPACE, break_points, has_khmer, is_khmer
from game.reports.document import Block, Document, Entry, Heading, Items, PageBreak, Para, Table

#: The family name the fonts are registered under.
FAMILY = "noto"
#: The styles of Noto Sans: fpdf2 style -> file.
STYLES = {"": "NotoSans-Regular.ttf", "B": "NotoSans-Bold.ttf", "I": "NotoSans-Italic.ttf"}  # i18n: not shown
#: Fonts for the characters Noto Sans lacks, tried in this order, where present (pygame_gui ships all but Khmer).
FALLBACKS = (
    "NotoSansKhmer-Regular.ttf",  # i18n: not shown
    "NotoSansArabic-Regular.ttf",  # i18n: not shown
    "NotoSansHebrew-Regular.ttf",  # i18n: not shown
    "NotoSansGeorgian-Regular.ttf",  # i18n: not shown
    "NotoSansJP-Regular.otf",  # i18n: not shown
    "NotoSansKR-Regular.ttf",  # i18n: not shown
    "NotoSansSC-Regular.otf",  # i18n: not shown
)
#: Body type size in points, before a one-page document is made to fit.
BODY = 10.0
#: The smallest scale a one-page document is set at (7 points body type).
SMALLEST = 0.7
#: Colours (RGB).
INK, GREY, BLUE, RULE, SHADE, PRIVATE = (27, 27, 27), (85, 85, 85), (29, 66, 102), (43, 93, 138), (232, 238, 244), (
    251, 243, 243)  # fmt: skip


class FontsMissing(RuntimeError):
    """No Noto Sans was found (neither pygame_gui's copy nor ``assets/fonts``)."""


@dataclass(frozen=True, slots=True)
class Fonts:
    """Where the fonts are: the folder holding the Noto Sans files, and every folder fallbacks may come from."""

    folder: Path
    folders: tuple[Path, ...] = ()

    def path(self, name: str) -> Path:
        """The file ``name``: from the Noto Sans folder, else the first other folder that has it (so a script's
        font, say ``NotoSansKhmer-Regular.ttf``, can be added to ``assets/fonts`` alone)."""
        for folder in (self.folder, *self.folders):
            if (folder / name).is_file():
                return folder / name
        return self.folder / name


def font_folders() -> list[Path]:
    """Where Noto Sans may be, in order: the project's ``assets/fonts``, then pygame_gui's ``data`` folder (found
    from the package's location, without importing it)."""
    folders = [Path(__file__).resolve().parents[2] / "assets" / "fonts"]
    spec = importlib.util.find_spec("pygame_gui")
    if spec is not None and spec.submodule_search_locations:
        folders += [Path(location) / "data" for location in spec.submodule_search_locations]
    return folders


def find_fonts() -> Fonts:
    """The first folder that holds every style of Noto Sans; raises :class:`FontsMissing`."""
    folders = font_folders()
    for folder in folders:
        if all((folder / name).is_file() for name in STYLES.values()):
            return Fonts(folder, tuple(folders))
    raise FontsMissing(tr("cannot find the Noto Sans fonts (install pygame_gui, or put NotoSans-*.ttf in "
                          "assets/fonts)"))  # fmt: skip


def render(document: Document, fonts: Fonts | None = None) -> bytes:
    """The PDF of ``document``. A ``one_page`` document is set in smaller type until it fits one page (down to
    :data:`SMALLEST`; what still does not fit runs on)."""
    fonts = fonts or find_fonts()
    scale = 1.0
    while True:
        pdf = _draw(document, fonts, scale)
        if not document.one_page or pdf.pages_count <= 1 or scale <= SMALLEST:
            return bytes(pdf.output())
        scale = max(SMALLEST, scale * 0.92)


def page_count(document: Document, fonts: Fonts | None = None) -> int:
    """How many pages the PDF of ``document`` has."""
    pdf = _draw(document, fonts or find_fonts(), 1.0)
    return pdf.pages_count


class _Pdf(FPDF):
    """A page with a footer line: the document's footer and the page number."""

    footer_text = ""
    scale = 1.0

    def _render_styled_text_line(self, *args: Any, **kwargs: Any) -> Any:
        # fpdf2 sets the font of a line that starts in a fallback font (Khmer) inside the line's saved graphics state
        # (q ... Q), then believes the page has it: a later line in that font would be drawn with none (viewers show
        # nothing and complain). Each line sets its font itself.
        self.current_font_is_set_on_page = False
        return super()._render_styled_text_line(*args, **kwargs)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FAMILY, "", 7.5 * self.scale)
        self.set_text_color(*GREY)
        page = tr("page {number}", number=self.page_no())
        words = f"{self.footer_text}  ·  {page}" if self.footer_text else page
        room = self.w - self.l_margin - self.r_margin
        with _quiet():
            cut = len(self.footer_text)
            while cut > 0 and self.get_string_width(words) > room:  # one line, however long the title
                cut = cut * 3 // 4
                words = f"{self.footer_text[:cut].rstrip()}…  ·  {page}"
            self.cell(0, 5, words, align="C")


def _draw(document: Document, fonts: Fonts, scale: float) -> _Pdf:
    pdf = _Pdf(format="A4", unit="mm")
    pdf.footer_text, pdf.scale = document.footer, scale
    pdf.set_title(document.title)
    pdf.set_creator("Common Ground")  # i18n: not shown
    pdf.set_margins(16, 15, 16)
    pdf.set_auto_page_break(True, margin=16)
    _add_fonts(pdf, fonts, characters(document))
    pdf.add_page()
    writer = _Writer(pdf, scale)
    writer.title(document.kicker, document.title)
    for index, block in enumerate(document.blocks):
        writer.block(block, lead_in(document.blocks[index + 1 :]) if isinstance(block, Heading) else 0.0)
    return pdf


def lead_in(after: Sequence[Block]) -> float:
    """The room (mm) a heading needs below it so that it does not end a page: the headings and notes that follow
    it, and the start of the table or list they introduce."""
    room = 0.0
    for block in after:
        if isinstance(block, Heading):
            room += 12
        elif isinstance(block, Para) and block.style == "note":
            room += 10
        else:
            return room + (30 if isinstance(block, Table) else 12)
    return room


def _add_fonts(pdf: FPDF, fonts: Fonts, characters: frozenset[str]) -> None:
    for style, name in STYLES.items():
        pdf.add_font(FAMILY, style, str(fonts.path(name)))
    fallbacks = []
    for index, name in enumerate(needed_fallbacks(fonts, characters)):
        pdf.add_font(f"fallback{index}", "", str(fonts.path(name)))
        bold = fonts.path(name.replace("-Regular", "-Bold"))
        if bold.is_file() and bold != fonts.path(name):  # bold headings in that script too (Khmer has one)
            pdf.add_font(f"fallback{index}", "B", str(bold))
        fallbacks.append(f"fallback{index}")
    if fallbacks:
        pdf.set_fallback_fonts(fallbacks, exact_match=False)
    pdf.set_text_shaping(True)


def needed_fallbacks(fonts: Fonts, characters: frozenset[str]) -> list[str]:
    """The fallback fonts that draw some of ``characters`` that Noto Sans lacks (each font costs time to load and
    to embed, so only those needed)."""
    missing = {c for c in characters if ord(c) not in _cmap(fonts.path(STYLES[""])) and not c.isspace()}
    out = []
    for name in FALLBACKS:
        path = fonts.path(name)
        if not missing or not path.is_file():
            continue
        drawn = {c for c in missing if ord(c) in _cmap(path)}
        if drawn:
            out.append(name)
            missing -= drawn
    return out


@functools.lru_cache(maxsize=16)
def _cmap(path: Path) -> frozenset[int]:
    """The code points a font file draws."""
    with TTFont(path, lazy=True) as font:
        return frozenset(font.getBestCmap() or {})


def characters(document: Document) -> frozenset[str]:
    """Every character the document's texts hold."""
    parts: list[str] = [document.title, document.kicker, document.footer]
    for block in document.blocks:
        if isinstance(block, Heading | Para):
            parts.append(block.text)
        elif isinstance(block, Items):
            parts += [text for e in block.entries for text in (e.lead, e.text, *e.detail)]
        elif isinstance(block, Table):
            parts += [*block.head, *(cell for row in block.rows for cell in row)]
    return frozenset("".join(parts))


#: What never starts a line: the repetition sign (ICU's dictionary may put a break before it), a break already there.
_NO_BREAK_BEFORE = ("\u17d7", ZERO_WIDTH_SPACE)


def breakable(text: str) -> str:
    """``text`` with a zero-width space at every place inside Khmer text where a line may break (fpdf2 breaks
    lines at it); text without Khmer as it is."""
    if not has_khmer(text):
        return text
    out, last = [], 0
    for point in break_points(text, "km"):
        before, after = text[point - 1], text[point]
        if (is_khmer(before) or is_khmer(after)) and not before.isspace() and after not in _NO_BREAK_BEFORE:
            out += [text[last:point], ZERO_WIDTH_SPACE]
            last = point
    out.append(text[last:])
    return "".join(out)


@contextmanager
def _quiet() -> Iterator[None]:
    """fpdf2 logs every character no font has (a scenario may hold any); the page shows a blank there instead."""
    logger = logging.getLogger("fpdf")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


class _Writer:
    """Draws blocks one after another down the pages."""

    def __init__(self, pdf: _Pdf, scale: float) -> None:
        self.pdf = pdf
        self.scale = scale

    def size(self, points: float) -> float:
        return points * self.scale

    def font(self, style: str = "", points: float = BODY, color: tuple[int, int, int] = INK) -> None:
        self.pdf.set_font(FAMILY, style, self.size(points))
        self.pdf.set_text_color(*color)

    def line_height(self, points: float = BODY) -> float:
        return self.size(points) * 0.5

    def lines(self, text: str, points: float = BODY, style: str = "", color: tuple[int, int, int] = INK) -> None:
        self.font(style, points, color)
        with _quiet():
            self.pdf.multi_cell(0, self.line_height(points), breakable(text), align=Align.L, new_x=XPos.LMARGIN,
                                new_y=YPos.NEXT)  # fmt: skip

    def gap(self, millimetres: float) -> None:
        self.pdf.ln(millimetres * self.scale)

    def keep_room(self, millimetres: float) -> None:
        """Start a new page unless ``millimetres`` are left on this one (a heading never ends a page)."""
        if self.pdf.get_y() + millimetres * self.scale > self.pdf.page_break_trigger:
            self.pdf.add_page()

    def title(self, kicker: str, title: str) -> None:
        self.lines(kicker.upper(), 8, color=GREY)
        self.gap(1)
        self.lines(title, 17, "B")
        self.gap(3)

    def block(self, block: Block, lead_in: float = 0.0) -> None:
        """Draw ``block``; a heading keeps ``lead_in`` millimetres below it on its page (:func:`lead_in`)."""
        if isinstance(block, Heading):
            self.heading(block, lead_in)
        elif isinstance(block, Para):
            self.para(block)
        elif isinstance(block, Items):
            self.items(block.entries, numbered=block.numbered)
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, PageBreak):
            self.pdf.add_page()

    def heading(self, heading: Heading, lead_in: float = 0.0) -> None:
        top = heading.level <= 2
        self.keep_room((14 if top else 10) + lead_in)
        self.gap(3 if top else 2)
        self.lines(heading.text, 12.5 if top else 10.5, "B", BLUE)
        if top:
            pdf = self.pdf
            pdf.set_draw_color(*RULE)
            pdf.set_line_width(0.5)
            pdf.line(pdf.l_margin, pdf.get_y() + 0.3, pdf.w - pdf.r_margin, pdf.get_y() + 0.3)
            self.gap(1.8)
        else:
            self.gap(0.8)

    def para(self, para: Para) -> None:
        if para.style == "note":
            self.lines(para.text, 8.5, color=GREY)
        elif para.style == "lead":
            self.lines(para.text, 11)
        elif para.style == "private":
            self.font("", BODY)
            self.pdf.set_fill_color(*PRIVATE)
            self.pdf.set_draw_color(138, 43, 43)
            self.pdf.set_line_width(0.4)
            with _quiet():
                self.pdf.multi_cell(0, self.line_height(), breakable(para.text), border=1, fill=True, padding=2,
                                    align=Align.L, new_x=XPos.LMARGIN, new_y=YPos.NEXT)  # fmt: skip
            self.pdf.set_fill_color(255, 255, 255)
        else:
            self.lines(para.text)
        self.gap(1.5)

    def items(self, entries: Sequence[Entry], *, numbered: bool) -> None:
        pdf = self.pdf
        indent = 6 * self.scale
        for number, entry in enumerate(entries, 1):
            self.keep_room(8)
            left = pdf.l_margin
            self.font()
            pdf.set_x(left)
            pdf.cell(indent, self.line_height(), f"{number}." if numbered else "•")
            pdf.set_left_margin(left + indent)
            try:
                with _quiet():
                    if entry.lead:
                        self.font("B")
                        pdf.write(self.line_height(), breakable(entry.lead))
                    self.font()
                    pdf.write(self.line_height(), (" " if entry.lead else "") + breakable(entry.text))
                    pdf.ln(self.line_height())
                    for line in entry.detail:
                        self.lines(line, 8.5, color=GREY)
            finally:
                pdf.set_left_margin(left)
            self.gap(1)
        self.gap(1)

    def table(self, table: Table) -> None:
        pdf = self.pdf
        self.keep_room(20)
        self.font("", 9)
        pdf.set_draw_color(201, 201, 196)
        pdf.set_line_width(0.2)
        heading = FontFace(family=FAMILY, emphasis="BOLD", color=BLUE, fill_color=SHADE, size_pt=self.size(9))
        with (
            _quiet(),
            pdf.table(
                col_widths=tuple(max(share, 0.01) for share in table.widths),
                headings_style=heading,
                line_height=self.line_height(9),
                padding=1.2,
                borders_layout=TableBordersLayout.ALL,
                text_align="LEFT",
                first_row_as_headings=True,
                v_align=VAlign.T,
                cell_fill_mode=TableCellFillMode.NONE,
            ) as grid,
        ):
            grid.row(tuple(breakable(cell) for cell in table.head))
            bold = FontFace(family=FAMILY, emphasis="BOLD", size_pt=self.size(9))
            for cells in table.rows:
                row = grid.row()
                for index, cell in enumerate(cells):
                    row.cell(breakable(cell), style=bold if index < table.strong else None)
        self.gap(2)
