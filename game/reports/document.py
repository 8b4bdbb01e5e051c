"""A printed document as plain values: headings, paragraphs, lists, tables and page breaks.

Handouts and reports build a :class:`Document` once; :mod:`game.reports.html` and :mod:`game.reports.pdf` each draw
it. Every text here is plain text (never markup): the renderers escape it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Heading:
    """A section heading; ``level`` 2 is a section, 3 a subsection (the document's title is level 1)."""

    text: str
    level: int = 2


@dataclass(frozen=True, slots=True)
class Para:
    """A paragraph. ``style``: ``""`` (body), ``"lead"`` (larger, for an opening), ``"note"`` (smaller, grey),
    ``"private"`` (set off in a box: what only one side may read)."""

    text: str
    style: str = ""


@dataclass(frozen=True, slots=True)
class Entry:
    """A line of a list: an optional bold ``lead`` (a name, a date, a term), then ``text``, then optional smaller
    ``detail`` lines below it."""

    text: str
    lead: str = ""
    detail: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Items:
    """A bulleted list (``numbered``: 1., 2., ...)."""

    entries: tuple[Entry, ...]
    numbered: bool = False


@dataclass(frozen=True, slots=True)
class Table:
    """A table with a header row. ``widths``: each column's share of the width (they sum to about 1). A cell is
    plain text; a line break in it starts a new line. The first ``strong`` columns are set in bold (the names the
    rows are about)."""

    head: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]
    strong: int = 0


@dataclass(frozen=True, slots=True)
class PageBreak:
    """Start a new page here."""


Block = Heading | Para | Items | Table | PageBreak


@dataclass(frozen=True, slots=True)
class Document:
    """One printable document. ``name``: the file name without extension (``role-us``, ``rules``); ``kicker``: the
    small line above the title (what kind of document, for which scenario); ``one_page``: the PDF must fit one page
    (its type is made smaller until it does); ``footer``: a line at the foot of every page."""

    name: str
    title: str
    kicker: str
    blocks: tuple[Block, ...]
    one_page: bool = False
    footer: str = ""
    #: What kind of document it is, where documents are listed (``Role card``); ``""``: the title says it.
    kind: str = ""
