"""The Chinese font for matplotlib, without Qt: the charts, the saved PNG/PDF files and the
month report draw Chinese with the font PharmaDesk ships (or a family the caller prefers).

matplotlib draws its own text, so it is told which font to use: the shipped font
resources/fonts/PharmaDeskSansSC-Regular.otf is registered with matplotlib's font manager
and put in the sans-serif list. matplotlib is imported inside the functions, never at
module import (the unlock dialog must appear within a second of start-up).
"""

from __future__ import annotations

from pathlib import Path

from pharmadesk.paths import resources_dir

BUNDLED_FAMILY = "PharmaDesk Sans SC"
BUNDLED_FILE = "PharmaDeskSansSC-Regular.otf"


def bundled_font_file() -> Path | None:
    """The shipped Chinese font file, or None when it is missing."""
    path = resources_dir() / "fonts" / BUNDLED_FILE
    return path if path.is_file() else None


def register_bundled_font() -> bool:
    """Tell matplotlib about the shipped font (once); False when the file is missing."""
    from matplotlib import font_manager

    shipped = bundled_font_file()
    if shipped is None:
        return False
    known = {entry.fname for entry in font_manager.fontManager.ttflist}
    if str(shipped) not in known:
        font_manager.fontManager.addfont(str(shipped))
    return True


def configure_matplotlib(family: str | None = None) -> list[str]:
    """Make matplotlib draw Chinese with `family` where it knows it, else with the shipped
    font. Returns the sans-serif list it set, first choice first."""
    from matplotlib import font_manager, rcParams

    register_bundled_font()
    names = {entry.name for entry in font_manager.fontManager.ttflist}
    chosen = [name for name in (family, BUNDLED_FAMILY) if name and name in names]
    rest = [name for name in rcParams["font.sans-serif"] if name not in chosen]
    rcParams["font.sans-serif"] = [*chosen, *rest]
    rcParams["font.family"] = "sans-serif"
    # The ASCII hyphen, not U+2212, for negative numbers: not every CJK font has U+2212.
    rcParams["axes.unicode_minus"] = False
    return list(rcParams["font.sans-serif"])


def ensure_configured() -> None:
    """Configure matplotlib once, keeping a family the window already put first."""
    from matplotlib import rcParams

    if BUNDLED_FAMILY in rcParams["font.sans-serif"] and not rcParams["axes.unicode_minus"]:
        return
    configure_matplotlib()
