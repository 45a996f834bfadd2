"""The Chinese font for charts: matplotlib draws its own text, so it is told which font
to use, the same family the widgets use, with the shipped font as the fallback behind it.

matplotlib is imported here, when the first chart is made, never at start-up (the unlock
dialog must appear within a second).
"""

from __future__ import annotations

from pharmadesk.ui.fonts import BUNDLED_FAMILY, bundled_font_file


def configure_matplotlib(family: str | None = None) -> list[str]:
    """Make matplotlib draw Chinese with `family` (the widgets' CJK family) where it knows
    it, else with the shipped font. Returns the sans-serif list it set, first choice first."""
    from matplotlib import font_manager, rcParams

    shipped = bundled_font_file()
    if shipped is not None:
        known = {entry.fname for entry in font_manager.fontManager.ttflist}
        if str(shipped) not in known:
            font_manager.fontManager.addfont(str(shipped))
    names = {entry.name for entry in font_manager.fontManager.ttflist}
    chosen = [name for name in (family, BUNDLED_FAMILY) if name and name in names]
    rest = [name for name in rcParams["font.sans-serif"] if name not in chosen]
    rcParams["font.sans-serif"] = [*chosen, *rest]
    rcParams["font.family"] = "sans-serif"
    # The ASCII hyphen, not U+2212, for negative numbers: not every CJK font has U+2212.
    rcParams["axes.unicode_minus"] = False
    return list(rcParams["font.sans-serif"])
