"""Common Ground Sans: Noto Sans (Latin, Greek, Cyrillic) and Noto Sans Khmer merged into one font file per style,
so that a line mixing Khmer and Latin letters (a Khmer sentence naming ``GSP`` or ``42%``) is drawn by one font.
pygame draws a string with one font and has no fallback, and Noto Sans Khmer has no Latin letters.

Both fonts are under the SIL Open Font License 1.1 (``assets/fonts/OFL.txt``), which allows merging them. The
merged files are in ``assets/fonts``; this module rebuilds them::

    python -m game.i18n.fonts

It reads Noto Sans from the pygame_gui package and Noto Sans Khmer from ``assets/fonts``, drops the hinting (the two
fonts are hinted differently and cannot be merged with it), keeps every glyph and every layout feature (the Khmer
shaping rules HarfBuzz needs), and names the result *Common Ground Sans*.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

#: The project's fonts folder.
FONT_DIR = Path(__file__).resolve().parent.parent.parent / "assets" / "fonts"
#: The merged files, by style.
MERGED = {"Regular": FONT_DIR / "CommonGroundSans-Regular.ttf", "Bold": FONT_DIR / "CommonGroundSans-Bold.ttf"}
#: The family name the merged font carries.
FAMILY = "Common Ground Sans"


def merged_font(bold: bool = False) -> Path:
    """The merged font file for a style."""
    return MERGED["Bold" if bold else "Regular"]


def build(out_dir: Path = FONT_DIR) -> list[Path]:  # pragma: no cover - a maintainer's tool, run by hand
    """Write the merged fonts into ``out_dir``; returns their paths."""
    import pygame_gui
    from fontTools import subset  # type: ignore[import-untyped]
    from fontTools.merge import Merger  # type: ignore[import-untyped]

    latin_dir = Path(pygame_gui.__file__).resolve().parent / "data"
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        for style in ("Regular", "Bold"):
            parts = []
            for source in (latin_dir / f"NotoSans-{style}.ttf", FONT_DIR / f"NotoSansKhmer-{style}.ttf"):
                options = subset.Options()
                options.hinting = False
                options.layout_features = ["*"]
                options.name_IDs = ["*"]
                options.notdef_outline = True
                options.glyph_names = True
                options.drop_tables += ["DSIG", "STAT"]
                font = subset.load_font(str(source), options)
                subsetter = subset.Subsetter(options)
                subsetter.populate(unicodes=font.getBestCmap().keys())
                subsetter.subset(font)
                part = Path(tmp) / source.name
                subset.save_font(font, str(part), options)
                parts.append(str(part))
            merged = Merger().merge(parts)
            _rename(merged, style)
            target = out_dir / f"CommonGroundSans-{style}.ttf"
            merged.save(str(target))
            written.append(target)
    return written


def _rename(font: object, style: str) -> None:  # pragma: no cover - part of the builder
    names = font["name"]  # type: ignore[index]
    full = f"{FAMILY} {style}" if style != "Regular" else FAMILY
    postscript = f"CommonGroundSans-{style}"
    for record in list(names.names):
        if record.nameID in (16, 17, 21, 22):
            names.removeNames(nameID=record.nameID)
    for name_id, value in ((1, FAMILY), (2, style), (3, f"{postscript};merged"), (4, full), (6, postscript)):
        names.setName(value, name_id, 3, 1, 0x409)
        names.setName(value, name_id, 1, 0, 0)


if __name__ == "__main__":  # pragma: no cover
    for path in build():
        print(path.name, path.stat().st_size, "bytes")
    sys.exit(0)
