"""Charts draw Chinese names and labels with real glyphs, like the widgets."""

from __future__ import annotations

import warnings

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from pharmadesk.ui.chart_fonts import configure_matplotlib
from pharmadesk.ui.fonts import BUNDLED_FAMILY

RARE_NAMES = "张喆 王堃 李赟 慢病用药 ¥-12.50"


def _draw(text: str) -> list[str]:
    figure = Figure()
    FigureCanvasAgg(figure)  # a bare Figure's canvas draws nothing
    figure.text(0.1, 0.5, text)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        figure.canvas.draw()
    return [str(w.message) for w in caught if "missing from" in str(w.message)]


def test_without_a_system_cjk_font_the_shipped_font_draws_chinese() -> None:
    chosen = configure_matplotlib("No Such Family")
    assert chosen[0] == BUNDLED_FAMILY
    assert _draw(RARE_NAMES) == []


def test_the_control_a_latin_only_font_misses_the_glyphs() -> None:
    # Shows the check above can fail: DejaVu Sans (matplotlib's own) has no hanzi.
    from matplotlib import rcParams

    saved = list(rcParams["font.sans-serif"])
    rcParams["font.sans-serif"] = ["DejaVu Sans"]
    try:
        assert _draw(RARE_NAMES) != []
    finally:
        rcParams["font.sans-serif"] = saved
