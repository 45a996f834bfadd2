"""The owner's charts as matplotlib figures, without Qt: the dashboard window embeds them
(FigureCanvasQTAgg), the month report prints them, and any of them saves as PNG or PDF.

    figure = figure_for("segments", dashboard, lang="zh_CN")
    save_figure(figure, Path("segments.png"))

Bars that stand for customers the owner can list are pickable and carry a gid:
"segment:<key>", "stage:<key>", "product:<product id>" or "category:<category>".

matplotlib is imported when the first figure is made, never when this module is imported
(the app's cold start must stay under a second).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from pharmadesk.io import staged_files
from pharmadesk.io.charts import words

if TYPE_CHECKING:
    from matplotlib.figure import Figure, FigureBase

    from pharmadesk.services.analytics.results import Dashboard

CHART_KINDS = (
    "sales_by_month",
    "top_products",
    "top_categories",
    "new_vs_returning",
    "segments",
    "stages",
    "satisfaction",
    "weekdays",
)
GID_KINDS = ("segment", "stage", "product", "category")
FIGURE_SIZE = (8.0, 4.5)  # inches: a 16:9 chart, also half an A4 page in the report
SAVE_FORMATS = {".png": "png", ".pdf": "pdf"}
PNG_DPI = 150


def title_of(kind: str, lang: str) -> str:
    """The chart's title in `lang` ("zh_CN" or "en")."""
    return words.TITLES[_known(kind)][words.language(lang)]


def definition_of(kind: str, lang: str, *, clickable: bool = True) -> str:
    """What the chart counts, in one or two sentences: the chart's tooltip (which says that
    its bars can be clicked, unless `clickable` is False, as on paper)."""
    text = words.DEFINITIONS[_known(kind)][words.language(lang)]
    if clickable and kind in words.CLICKABLE:
        text += ("" if words.language(lang) == 0 else " ") + words.CLICK_HINT[words.language(lang)]
    return text


def figure_for(kind: str, dash: Dashboard, *, lang: str, figure: Figure | None = None) -> Figure:
    """The chart `kind` of `dash` in `lang`, drawn into `figure` (cleared first) when given,
    else into a new figure. An empty period draws "no data for this period"."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    _known(kind)
    if figure is None:
        figure = Figure(figsize=FIGURE_SIZE, layout="constrained")
        FigureCanvasAgg(figure)  # so figure.canvas.draw() renders outside a window
    else:
        figure.clear()
        figure.set_layout_engine("constrained")
    draw_into(figure, kind, dash, lang=lang)
    return figure


def draw_into(fig: FigureBase, kind: str, dash: Dashboard, *, lang: str) -> None:
    """Draw chart `kind` into a figure or a subfigure (a report page holds two)."""
    from pharmadesk.io.chart_fonts import ensure_configured
    from pharmadesk.io.charts.draw import DRAWERS

    ensure_configured()
    fig.set_facecolor("white")
    DRAWERS[_known(kind)](fig, dash, lang)


def save_figure(figure: Figure, path: Path | str) -> Path:
    """Write `figure` as PNG or PDF, chosen by the suffix; written to a temporary file beside
    the target, then renamed, so a failed save never leaves half a file."""
    from matplotlib import rc_context

    target = Path(path)
    fmt = SAVE_FORMATS.get(target.suffix.lower())
    if fmt is None:
        raise ValueError(f"cannot save a chart as {target.suffix or 'a file without a suffix'}")
    # Type 3 embeds the glyphs matplotlib draws (see month_report for why not Type 42).
    with rc_context({"pdf.fonttype": 3}), atomic_path(target) as tmp:
        figure.savefig(tmp, format=fmt, dpi=PNG_DPI, facecolor="white")
    return target


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """A temporary path beside `target`, renamed over it on success (also for the month
    report); nothing is left behind on failure.

    Raises:
        OperationFailed: the target cannot be replaced or its folder written.
    """
    with staged_files.staged(target) as (partial, _):
        yield partial
        staged_files.replace(partial, target)


def _known(kind: str) -> str:
    if kind not in CHART_KINDS:
        raise ValueError(f"unknown chart kind {kind!r}; one of {', '.join(CHART_KINDS)}")
    return kind
