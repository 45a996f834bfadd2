"""The Chinese font for charts: matplotlib draws its own text, so it is told which font
to use, the same family the widgets use, with the shipped font as the fallback behind it.

The Qt-free part (finding the shipped font, registering it with matplotlib) lives in
`pharmadesk.io.chart_fonts`, which the month report and saved charts use without a window.
matplotlib is imported there, when the first chart is made, never at start-up (the unlock
dialog must appear within a second).
"""

from __future__ import annotations

from pharmadesk.io import chart_fonts


def configure_matplotlib(family: str | None = None) -> list[str]:
    """Make matplotlib draw Chinese with `family` (the widgets' CJK family) where it knows
    it, else with the shipped font. Returns the sans-serif list it set, first choice first."""
    return chart_fonts.configure_matplotlib(family)
