"""A :class:`~game.reports.document.Document` as one self-contained HTML page: inline CSS with print styles, no
script, no request to anywhere (it opens offline and prints as it shows). Every text is escaped."""

from __future__ import annotations

import base64
from collections.abc import Iterable, Sequence
from functools import cache
from html import escape
from pathlib import Path

from game.i18n import language, tr
from game.i18n.lines import has_khmer
from game.reports.document import Block, Document, Entry, Heading, Items, PageBreak, Para, Table

#: The page's style: readable on screen, compact on paper (A4 or Letter), sections kept whole where they fit.
CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: "Common Ground Khmer", "Noto Sans", "Segoe UI", Arial, "Noto Sans Khmer", "Khmer OS", sans-serif;
  color: #1b1b1b; background: #f4f4f1; margin: 0; line-height: 1.45; font-size: 15px; }
main { max-width: 52rem; margin: 1.5rem auto; background: #fff; padding: 2rem 2.5rem; box-shadow: 0 1px 4px #0002; }
.kicker { text-transform: uppercase; letter-spacing: .06em; font-size: .8rem; color: #555; margin: 0; }
h1 { font-size: 1.7rem; margin: .2rem 0 1rem; line-height: 1.2; }
h2 { font-size: 1.2rem; margin: 1.4rem 0 .5rem; padding-bottom: .15rem; border-bottom: 2px solid #2b5d8a;
  color: #1d4266; }
h3 { font-size: 1.02rem; margin: 1rem 0 .35rem; color: #1d4266; }
h2, h3, h2 + p.note, h3 + p.note { break-after: avoid; page-break-after: avoid; }
p { margin: .35rem 0 .6rem; }
p.lead { font-size: 1.08rem; }
p.note, .detail { font-size: .86rem; color: #4a4a4a; }
p.private { border: 2px dashed #8a2b2b; background: #fbf3f3; padding: .5rem .75rem; }
ul, ol { margin: .3rem 0 .8rem; padding-left: 1.4rem; }
li { margin: .2rem 0; break-inside: avoid; page-break-inside: avoid; }
.detail { display: block; margin-top: .1rem; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; font-size: .92rem; }
th, td { border: 1px solid #c9c9c4; padding: .3rem .45rem; text-align: left; vertical-align: top; }
th { background: #e8eef4; }
tr { break-inside: avoid; page-break-inside: avoid; }
td, th, p, li { overflow-wrap: anywhere; }
.page-break { break-before: page; page-break-before: always; height: 0; }
footer { margin-top: 1.5rem; font-size: .8rem; color: #666; border-top: 1px solid #ddd; padding-top: .4rem; }
@media print {
  @page { margin: 14mm 14mm 16mm; }
  body { background: #fff; font-size: 10.5pt; }
  main { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  a { color: inherit; text-decoration: none; }
}
body.one-page { font-size: 14px; }
@media print { body.one-page { font-size: 9.5pt; } body.one-page h2 { margin-top: .8rem; } }
"""  # i18n: not shown


#: Where the Khmer fonts a page may carry are.
FONTS = Path(__file__).resolve().parents[2] / "assets" / "fonts"
#: The Khmer fonts, by CSS weight (SIL Open Font License: they may travel inside the page).
KHMER_FONTS = {400: "NotoSansKhmer-Regular.ttf", 700: "NotoSansKhmer-Bold.ttf"}  # i18n: not shown


def embedded_fonts(page_text: str) -> str:
    """The CSS that carries the Khmer fonts inside a page that holds Khmer (most computers have no Khmer font, and
    the page must open offline); ``""`` for any other page. The face is named ``Common Ground Khmer`` and covers only
    Khmer letters (so the page's own fonts set everything else); it comes first in the pages' font lists, because a
    browser that meets a Khmer letter in a font further down while the face is still loading may keep a blank box."""
    if not has_khmer(page_text):
        return ""
    return "".join(_font_face(weight, name) for weight, name in KHMER_FONTS.items())


@cache
def _font_face(weight: int, name: str) -> str:
    path = FONTS / name
    if not path.is_file():
        return ""
    data = base64.b64encode(path.read_bytes()).decode("ascii")
    return (
        f'@font-face {{ font-family: "Common Ground Khmer"; font-weight: {weight}; font-style: normal; '
        "unicode-range: U+1780-17FF, U+19E0-19FF, U+200B-200D, U+25CC; "
        f'src: url(data:font/ttf;base64,{data}) format("truetype"); }}\n'  # i18n: not shown
    )


def text(value: str) -> str:
    """Plain text made safe in HTML (``<``, ``&`` and quotes escaped); line breaks kept as ``<br>``."""
    return "<br>".join(escape(line, quote=True) for line in value.split("\n"))


def page(document: Document, lang: str | None = None) -> str:
    """The whole HTML page of ``document``, marked as written in ``lang`` (default: the active language)."""
    lang = lang or language()
    body_class = ' class="one-page"' if document.one_page else ""
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(lang, quote=True)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{text(document.title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        f"<body{body_class}>",
        "<main>",
        f'<p class="kicker">{text(document.kicker)}</p>',
        f"<h1>{text(document.title)}</h1>",
        *blocks(document.blocks),
    ]
    if document.footer:
        parts.append(f"<footer>{text(document.footer)}</footer>")
    parts += ["</main>", "</body>", "</html>", ""]
    out = "\n".join(parts)
    return out.replace(f"<style>{CSS}</style>", f"<style>{embedded_fonts(out)}{CSS}</style>", 1)


def blocks(items: Iterable[Block]) -> list[str]:
    """Each block as HTML."""
    return [block(item) for item in items]


def block(item: Block) -> str:
    """One block as HTML."""
    if isinstance(item, Heading):
        level = min(max(item.level, 2), 3)
        return f"<h{level}>{text(item.text)}</h{level}>"
    if isinstance(item, Para):
        style = f' class="{item.style}"' if item.style else ""
        return f"<p{style}>{text(item.text)}</p>"
    if isinstance(item, Items):
        tag = "ol" if item.numbered else "ul"
        return f"<{tag}>" + "".join(entry(e) for e in item.entries) + f"</{tag}>"
    if isinstance(item, Table):
        return table(item.head, item.rows, item.widths, item.strong)
    if isinstance(item, PageBreak):
        return '<div class="page-break"></div>'
    raise TypeError(f"not a block: {item!r}")  # i18n: not shown


def entry(item: Entry) -> str:
    """A list item: bold lead, text, smaller detail lines."""
    lead = f"<strong>{text(item.lead)}</strong> " if item.lead else ""
    detail = "".join(f'<span class="detail">{text(line)}</span>' for line in item.detail)
    return f"<li>{lead}{text(item.text)}{detail}</li>"


def table(head: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float], strong: int = 0) -> str:
    """A table with its header row and column widths; the first ``strong`` columns in bold."""
    cols = "".join(f'<col style="width:{share * 100:.1f}%">' for share in widths)
    header = "".join(f"<th>{text(cell)}</th>" for cell in head)

    def cell(index: int, value: str) -> str:
        return f"<td><strong>{text(value)}</strong></td>" if index < strong else f"<td>{text(value)}</td>"

    body = "".join("<tr>" + "".join(cell(i, value) for i, value in enumerate(row)) + "</tr>" for row in rows)
    return f"<table><colgroup>{cols}</colgroup><thead><tr>{header}</tr></thead><tbody>{body}</tbody></table>"


def index_page(
    title: str, kicker: str, entries: Sequence[tuple[str, Sequence[tuple[str, str]]]], lang: str | None = None
) -> str:
    """A page that lists the documents written together: each entry is a label and its files (file name and what
    kind it is, ``("guide.pdf", "PDF")``); marked as written in ``lang`` (default: the active language)."""
    lang = lang or language()

    def item(label: str, files: Sequence[tuple[str, str]]) -> str:
        links = " · ".join(f'<a href="{escape(href, quote=True)}">{text(kind)}</a>' for href, kind in files)
        return f"<li>{text(tr('{name}:', name=label))} {links}</li>"

    items = "".join(item(label, files) for label, files in entries)
    fonts = embedded_fonts(title + kicker + items)
    return "\n".join([
        "<!DOCTYPE html>",
        f'<html lang="{escape(lang, quote=True)}">',
        '<head><meta charset="utf-8">',
        f"<title>{text(title)}</title><style>{fonts}{CSS}</style></head>",
        f'<body><main><p class="kicker">{text(kicker)}</p><h1>{text(title)}</h1><ul>{items}</ul></main></body>',
        "</html>",
        "",
    ])  # fmt: skip
