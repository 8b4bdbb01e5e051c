"""The class server's pages work with no internet: every page, script and style sheet it serves names only files
the game itself serves (no CDN, no web fonts, no script from elsewhere), and every file they name is there."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from game.server.app import STATIC

#: The SVG namespace is a name, not a place the browser fetches.
NAMESPACES = {"http://www.w3.org/2000/svg"}


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.links += [value for name, value in attrs if name in ("src", "href") and value]


def _local(link: str) -> Path | None:
    """The served file a link names (``None`` for an in-page anchor or inline data)."""
    if link.startswith(("#", "data:")):
        return None
    assert link.startswith(("/static/", "./")), f"{link!r} is not a file the game serves"
    return STATIC / link.removeprefix("/static/").removeprefix("./")


def test_the_pages_name_only_files_the_game_serves() -> None:
    pages = sorted(STATIC.glob("*.html"))
    assert {p.name for p in pages} >= {"student.html", "teacher.html"}
    for page in pages:
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        assert parser.links, page.name
        for link in parser.links:
            target = _local(link)
            assert target is None or target.is_file(), f"{page.name} names {link}, which is missing"


def test_scripts_and_styles_fetch_nothing_from_elsewhere() -> None:
    for path in sorted([*STATIC.glob("*.js"), *STATIC.glob("*.css")]):
        text = path.read_text(encoding="utf-8")
        for address in re.findall(r"(?:https?:)?//[\w.-]+\.[a-z]{2,}[^\s\"')]*", text):
            assert address in NAMESPACES, f"{path.name} names {address}"
        assert "@import" not in text and "url(http" not in text, path.name
        for module in re.findall(r"""^\s*(?:import|export)\b[^;]*?\bfrom\s+["']([^"']+)["']""", text, re.M):
            target = _local(module)
            assert target is not None and target.is_file(), f"{path.name} imports {module}, which is missing"
