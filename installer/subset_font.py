"""Make the Chinese font PharmaDesk ships: a GBK subset of Noto Sans CJK SC, renamed.

The app uses the system's CJK font when there is one; this file is the fallback for a PC
without (see pharmadesk/ui/fonts.py). Run it with `make font`, or:

    .venv/bin/python installer/subset_font.py /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc

Needs fontTools (in the `dev` extra). The source may be the Debian collection (.ttc, the
"Noto Sans CJK SC" face is picked from it) or a single NotoSansCJKsc-Regular.otf.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
DEFAULT_OUTPUT = REPO / "resources" / "fonts" / "PharmaDeskSansSC-Regular.otf"
SOURCE_FAMILY = "Noto Sans CJK SC"
FAMILY = "PharmaDesk Sans SC"
POSTSCRIPT_NAME = "PharmaDeskSansSC-Regular"

# Beyond GBK: what the UI and the data can hold besides hanzi (prices, times, full-width
# digits typed by an input method, quotes and dashes pasted from Word).
EXTRA_RANGES = (
    (0x0020, 0x007E),  # ASCII printable
    (0x00A0, 0x00FF),  # Latin-1 printable: ¥ × · ÷ °
    (0x2010, 0x205E),  # general punctuation: — ‘ ’ “ ” … ‰ •
    (0x3000, 0x303F),  # CJK symbols and punctuation: 、。《》【】〇
    (0xFF00, 0xFFEF),  # full-width and half-width forms: （ ） ， ： ￥
)
EXTRA_CHARACTERS = "€℃№™・"
# Layout features worth their bytes in a horizontal UI; the vertical and CJK-spacing ones
# (vert, palt, halt, locl) are left out, and with them the vertical metrics tables.
LAYOUT_FEATURES = ["kern", "liga"]
DROPPED_TABLES = ["vhea", "vmtx", "VORG", "BASE"]
# Copyright, names, version, description, vendor URL, licence text and URL.
NAME_IDS = [0, 1, 2, 3, 4, 5, 6, 10, 11, 13, 14]


def gbk_code_points() -> set[int]:
    """Every character Python's `gbk` codec decodes from one or two bytes."""
    points: set[int] = set()
    for lead in range(0x81, 0xFF):
        for trail in (*range(0x40, 0x7F), *range(0x80, 0xFF)):
            try:
                text = bytes((lead, trail)).decode("gbk")
            except UnicodeDecodeError:
                continue
            points.update(map(ord, text))
    return points


def wanted_code_points() -> set[int]:
    points = gbk_code_points()
    for first, last in EXTRA_RANGES:
        points.update(range(first, last + 1))
    points.update(map(ord, EXTRA_CHARACTERS))
    return points


def open_face(source: Path, family: str) -> TTFont:
    """The face named `family` (Regular) from a collection, or the font file itself."""
    if source.suffix.lower() not in (".ttc", ".otc"):
        return TTFont(source)
    for number in range(len(TTCollection(source, lazy=True).fonts)):
        font = TTFont(source, fontNumber=number)
        names = font["name"]
        if names.getDebugName(1) == family and names.getDebugName(2) == "Regular":
            return font
        font.close()
    raise SystemExit(f"{source}: no face named {family!r}")


def subset_options() -> subset.Options:
    options = subset.Options()
    options.hinting = False
    options.layout_features = LAYOUT_FEATURES
    options.drop_tables = [*options.drop_tables, *DROPPED_TABLES]
    options.name_IDs = NAME_IDS
    options.name_languages = [0x0409]  # English; the localised names are Noto's
    options.notdef_outline = True
    return options


def rename(font: TTFont, *, source_version: str) -> None:
    """Give the subset its own names (name table and CFF) so it never passes for Noto."""
    names = font["name"]
    names.names = [record for record in names.names if record.nameID in (0, 5, 11, 13, 14)]
    new = {
        1: FAMILY,
        2: "Regular",
        3: f"{source_version};{POSTSCRIPT_NAME}",
        4: f"{FAMILY} Regular",
        6: POSTSCRIPT_NAME,
        10: f"GBK subset of {SOURCE_FAMILY} ({source_version}), renamed for PharmaDesk.",
    }
    for name_id, text in new.items():
        names.setName(text, name_id, 3, 1, 0x0409)
    cff = font["CFF "].cff
    old_name = cff.fontNames[0]
    cff.fontNames = [POSTSCRIPT_NAME]
    top = cff.topDictIndex[0]
    top.FullName = f"{FAMILY} Regular"
    top.FamilyName = FAMILY
    for private_font in getattr(top, "FDArray", []):
        private_font.FontName = private_font.FontName.replace(old_name, POSTSCRIPT_NAME)


def make_font(source: Path, output: Path) -> None:
    font = open_face(source, SOURCE_FAMILY)
    version = font["name"].getDebugName(5) or "unknown version"
    source_version = version.split(";")[0]
    wanted = wanted_code_points()
    missing = sorted(wanted - set(font.getBestCmap()))
    subsetter = subset.Subsetter(subset_options())
    subsetter.populate(unicodes=wanted)
    subsetter.subset(font)
    rename(font, source_version=source_version)
    output.parent.mkdir(parents=True, exist_ok=True)
    font.recalcTimestamp = False  # the source's date: the same source gives the same bytes
    font.save(output)
    hanzi = sum(1 for point in font.getBestCmap() if 0x4E00 <= point <= 0x9FFF)
    print(f"{output}: {output.stat().st_size:,} bytes, {len(font.getGlyphOrder()):,} glyphs,")
    print(f"  {len(font.getBestCmap()):,} characters ({hanzi:,} hanzi), from {version}")
    if missing:
        print(f"  {len(missing)} wanted characters are not in the source (mostly unassigned)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Make the Chinese font PharmaDesk ships.")
    parser.add_argument(
        "source",
        nargs="?",
        type=Path,
        default=DEFAULT_SOURCE,
        help=f"Noto Sans CJK collection or SC font (default: {DEFAULT_SOURCE})",
    )
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        default=DEFAULT_OUTPUT,
        help="where to write the subset (default: resources/fonts/PharmaDeskSansSC-Regular.otf)",
    )
    args = parser.parse_args(argv)
    if not args.source.is_file():
        parser.error(f"{args.source} not found (Debian: apt-get install fonts-noto-cjk)")
    make_font(args.source, args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
