"""The month report: one A4 PDF, ready to print, of a Dashboard record in the UI language.

Page 1 holds the month's key figures against the month before; then every chart, two to a
page, each with its definition below it; then the top products and categories as tables.
Every page is numbered. The fonts are embedded (Type 3: see `PDF_FONTTYPE`), so Chinese prints on
any printer, and the file is written beside the target and renamed, never left half done.

The report holds totals and product lists only, no customer's personal data. matplotlib is
imported when a report is written, never at module import.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from pharmadesk.io.charts import CHART_KINDS, atomic_path, definition_of, draw_into
from pharmadesk.io.charts.words import language, period_name, shorten, wrap, yuan
from pharmadesk.services.analytics.results import Dashboard, Kpis, RankedItem

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure, FigureBase, SubFigure

A4_PORTRAIT = (8.27, 11.69)  # inches
MARGIN = 0.6  # inches on every side, inside what printers can reach
CHARTS_PER_PAGE = 2
# matplotlib writes a CFF-flavoured OpenType font (the shipped one) as a TrueType font file
# when asked for Type 42, a mismatch PDF readers warn about and some printers refuse; Type 3
# embeds the glyphs as drawings, valid everywhere, with a ToUnicode map to search and copy.
PDF_FONTTYPE = 3
GREY = "#666666"
BAND = "#f2f5fa"

TEXT: dict[str, tuple[str, str]] = {
    "report": ("月度报告", "Month report"),
    "compared": ("与{month}相比", "Compared with {month}"),
    "partly": ("（仅部分有记录：销售记录自{day}起）", " (only partly on record: sales from {day})"),
    "figure": ("指标", "Figure"),
    "change": ("变化", "Change"),
    "page": ("第 {n} 页，共 {total} 页", "Page {n} of {total}"),
    "made": ("生成于 {day}", "Made on {day}"),
    "to_date": ("（本月尚未结束）", " (the month is not over yet)"),
    "top_products": ("销售额前十的商品", "Top 10 products"),
    "top_categories": ("销售额靠前的品类", "Top categories"),
    "product": ("商品", "Product"),
    "category": ("品类", "Category"),
    "revenue": ("销售额", "Revenue"),
    "quantity": ("数量", "Quantity"),
    "transactions": ("交易笔数", "Transactions"),
    "customers": ("顾客数", "Customers"),
    "none": ("本期没有数据", "No data for this period"),
    "points": ("{sign}{value:.1f} 个百分点", "{sign}{value:.1f} pts"),
    "definitions": ("口径", "Definitions"),
}
KPI_NAMES: dict[str, tuple[str, str]] = {
    "revenue_fen": ("销售额", "Revenue"),
    "transactions": ("交易笔数", "Transactions"),
    "customers_served": ("到店顾客", "Customers served"),
    "new_customers": ("新顾客", "New customers"),
    "returning_customers": ("老顾客", "Returning customers"),
    "average_basket_fen": ("客单价", "Average basket"),
    "repurchase_rate": ("复购率", "Repurchase rate"),
    "average_rating": ("平均评分（1-5）", "Average rating (1-5)"),
    "complaints": ("投诉", "Complaints"),
}
NOTES = (
    (
        "交易：一张小票；没有小票号的，同一顾客同一天的购买记为一笔。",
        "Transaction: a receipt; without a receipt number, one customer's lines on one day.",
    ),
    (
        "到店顾客：期间内有交易的顾客；新顾客：第一笔交易发生在期间内；老顾客：到店且不是新顾客。",
        "Served: a customer with a transaction in the period; new: their first transaction "
        "ever is in it; returning: served and not new.",
    ),
    (
        "复购率：到店顾客中，期间内在至少两个不同日子有交易的比例。",
        "Repurchase rate: the share of the customers served who have transactions on at "
        "least two different days in the period.",
    ),
    (
        "客单价：销售额除以交易笔数。平均评分：期间内有评分的沟通记录的平均分。",
        "Average basket: revenue divided by transactions. Average rating: of the "
        "interactions rated in the period.",
    ),
)


# What one page shows, drawn into a fresh figure when its turn comes.
Page = Callable[["Figure"], None]


def write_month_report(
    dash: Dashboard,
    path: Path | str,
    *,
    lang: str,
    pharmacy_name: str = "",
    made_on: date | None = None,
) -> Path:
    """Write the month report of `dash` to `path` (a PDF) in `lang`; returns the path."""
    from matplotlib import rc_context
    from matplotlib.backends.backend_pdf import PdfPages

    from pharmadesk.io.chart_fonts import ensure_configured

    ensure_configured()
    target = Path(path)
    pages = plan(dash, lang=lang, pharmacy_name=pharmacy_name, made_on=made_on)
    footer = _footer_text(dash, lang, pharmacy_name)
    with (
        rc_context({"pdf.fonttype": PDF_FONTTYPE}),
        atomic_path(target) as tmp,
        PdfPages(tmp, metadata=_meta(dash, lang)) as pdf,
    ):
        for number, page in enumerate(pages, start=1):
            figure = _blank_page()
            page(figure)
            _footer(figure, footer, _say("page", lang).format(n=number, total=len(pages)))
            pdf.savefig(figure)
    return target


def page_count() -> int:
    """Pages in every month report: the figures, the charts two a page, the top lists."""
    return 1 + math.ceil(len(CHART_KINDS) / CHARTS_PER_PAGE) + 1


def plan(
    dash: Dashboard, *, lang: str, pharmacy_name: str = "", made_on: date | None = None
) -> list[Page]:
    pages: list[Page] = [partial(_first_page, dash=dash, lang=lang, name=pharmacy_name,
                                 made_on=made_on)]  # fmt: skip
    for start in range(0, len(CHART_KINDS), CHARTS_PER_PAGE):
        kinds = CHART_KINDS[start : start + CHARTS_PER_PAGE]
        pages.append(partial(_chart_page, dash=dash, kinds=kinds, lang=lang))
    pages.append(partial(_lists_page, dash=dash, lang=lang))
    return pages


def _say(key: str, lang: str) -> str:
    return TEXT[key][language(lang)]


def _meta(dash: Dashboard, lang: str) -> dict[str, str]:
    """The PDF's own title (a viewer's window and tab show it) in the report's language."""
    title = f"PharmaDesk {_say('report', lang)} {dash.period.start:%Y-%m}"
    return {"Title": title, "Creator": "PharmaDesk"}


def _blank_page() -> Figure:
    from matplotlib.figure import Figure

    width, height = A4_PORTRAIT
    rect = (MARGIN / width, MARGIN / height, 1 - 2 * MARGIN / width, 1 - 2 * MARGIN / height)
    figure = Figure(figsize=A4_PORTRAIT, layout="constrained", facecolor="white")
    figure.get_layout_engine().set(rect=rect, h_pad=0.08)  # type: ignore[union-attr, call-arg]
    return figure


def _footer_text(dash: Dashboard, lang: str, pharmacy_name: str) -> str:
    title = f"{_say('report', lang)} · {period_name(dash.period, lang)}"
    return " · ".join(part for part in ("PharmaDesk", pharmacy_name, title) if part)


def _footer(figure: Figure, left: str, right: str) -> None:
    y = 0.4 / A4_PORTRAIT[1]
    x = MARGIN / A4_PORTRAIT[0]
    figure.text(x, y, left, fontsize=8, color=GREY, ha="left", va="bottom")
    figure.text(1 - x, y, right, fontsize=8, color=GREY, ha="right", va="bottom")


def _first_page(
    fig: Figure, *, dash: Dashboard, lang: str, name: str, made_on: date | None
) -> None:
    head, table, notes = _stack(fig, [1.1, 4.2, 2.2])
    _heading(head, dash, lang, name, made_on)
    ax = table.add_subplot()
    headers = [
        _say("figure", lang), period_name(dash.period, lang),
        period_name(dash.previous, lang), _say("change", lang),
    ]  # fmt: skip
    _table(
        ax, headers, kpi_rows(dash, lang), widths=[0.34, 0.24, 0.24, 0.18], right_from=1, font=11
    )
    _notes(notes, lang)


def _heading(
    fig: FigureBase, dash: Dashboard, lang: str, pharmacy_name: str, made_on: date | None
) -> None:
    title = f"{_say('report', lang)} · {period_name(dash.period, lang)}"
    running = made_on is not None and made_on <= dash.period.end
    fig.text(0.0, 0.78, pharmacy_name or "PharmaDesk", fontsize=13, color=GREY, va="top")
    fig.text(0.0, 0.5, title, fontsize=22, va="top")
    compared = _say("compared", lang).format(month=period_name(dash.previous, lang))
    if dash.previous_partly_recorded and dash.records_from is not None:
        compared += _say("partly", lang).format(day=_day(dash.records_from, lang))
    made = _say("made", lang).format(day=_day(made_on, lang)) if made_on else ""
    if running:  # its figures are compared with a whole month: say so where they are read
        made += _say("to_date", lang)
    fig.text(0.0, 0.08, "    ".join(p for p in (compared, made) if p), fontsize=10, color=GREY)


def _day(day: date, lang: str) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if language(lang) == 0 else day.isoformat()


def kpi_rows(dash: Dashboard, lang: str) -> list[list[str]]:
    """The first page's table: each figure, this period, the one before, the change."""
    return [
        [KPI_NAMES[field][language(lang)], *_kpi_cells(field, dash.kpis, dash.previous_kpis, lang)]
        for field in KPI_NAMES
    ]


def _kpi_cells(field: str, now: Kpis, before: Kpis, lang: str) -> list[str]:
    current, previous = getattr(now, field), getattr(before, field)
    return [_kpi_value(field, current), _kpi_value(field, previous), _change(field, current,
            previous, lang)]  # fmt: skip


def _kpi_value(field: str, value: float | None) -> str:
    if value is None:
        return "—"
    if field.endswith("_fen"):
        return yuan(int(value), decimals=2)
    if field == "repurchase_rate":
        return f"{100 * value:.1f}%"
    if field == "average_rating":
        return f"{value:.2f}"
    return f"{int(value):,}"


def _change(field: str, current: float | None, previous: float | None, lang: str) -> str:
    """Change against the month before: a percentage for amounts and counts, points for a
    rate, the difference for a rating and for complaints (small numbers)."""
    if current is None or previous is None:
        return "—"
    difference = current - previous
    sign = "+" if difference > 0 else ""
    if field == "repurchase_rate":
        return _say("points", lang).format(sign=sign, value=100 * difference)
    if field == "average_rating":  # between the figures as shown (4.38 and 4.31: +0.07)
        shown = round(round(current, 2) - round(previous, 2), 2)
        return f"{'+' if shown > 0 else ''}{shown:.2f}"
    if field == "complaints":
        return f"{sign}{int(difference):,}"
    if previous == 0:
        return "—"
    return f"{sign}{100 * difference / previous:.1f}%"


def _notes(fig: FigureBase, lang: str) -> None:
    lines = [_say("definitions", lang)]
    for note in NOTES:
        lines.extend(wrap(note[language(lang)], 116))
    fig.text(0.0, 0.95, "\n".join(lines), fontsize=8.5, color=GREY, va="top", linespacing=1.6)


def _stack(fig: FigureBase, heights: Sequence[float]) -> list[SubFigure]:
    """Subfigures one above the other, `heights` in proportion."""
    grid = fig.subfigures(len(heights), 1, height_ratios=heights, squeeze=False)
    return [row[0] for row in grid]


def _chart_page(fig: Figure, *, dash: Dashboard, kinds: Sequence[str], lang: str) -> None:
    for sub, kind in zip(_stack(fig, [1] * len(kinds)), kinds, strict=True):
        draw_into(sub, kind, dash, lang=lang)
        caption = "\n".join(wrap(definition_of(kind, lang, clickable=False), 118))
        sub.supxlabel(caption, fontsize=7.5, color=GREY, x=0.0, ha="left", multialignment="left")


def _lists_page(fig: Figure, *, dash: Dashboard, lang: str) -> None:
    products, categories = _stack(fig, [11, 8])
    _ranked_table(products, dash.top_products, "top_products", "product", dash, lang)
    _ranked_table(categories, dash.top_categories, "top_categories", "category", dash, lang)


def _ranked_table(
    fig: FigureBase, items: Sequence[RankedItem], title: str, what: str, dash: Dashboard,
    lang: str,
) -> None:  # fmt: skip
    fig.suptitle(f"{_say(title, lang)} · {period_name(dash.period, lang)}", fontsize=13,
                 x=0.0, ha="left")  # fmt: skip
    ax = fig.add_subplot()
    headers = ["#", _say(what, lang), _say("revenue", lang), _say("quantity", lang),
               _say("transactions", lang), _say("customers", lang)]  # fmt: skip
    rows = [
        [str(rank), shorten(item.label, 36), yuan(item.revenue_fen, decimals=2),
         f"{item.quantity:,}", f"{item.transactions:,}", f"{item.customers:,}"]
        for rank, item in enumerate(items, start=1)
    ]  # fmt: skip
    if not rows:
        ax.set_axis_off()
        ax.text(0.5, 0.6, _say("none", lang), ha="center", fontsize=12, color=GREY)
        return
    _table(ax, headers, rows, widths=[0.05, 0.39, 0.17, 0.12, 0.14, 0.13], right_from=2,
           font=9.5, slots=max(len(rows), 10))  # fmt: skip


def _table(
    ax: Axes, headers: Sequence[str], rows: Sequence[Sequence[str]], *, widths: Sequence[float],
    right_from: int, font: float, slots: int | None = None,
) -> None:  # fmt: skip
    """A plain printed table: a header row over a rule, banded rows, numbers right-aligned."""
    ax.set_axis_off()
    ax.set_xlim(0, 1)
    count = (slots or len(rows)) + 1
    ax.set_ylim(count, 0)
    edges = [sum(widths[:i]) for i in range(len(widths) + 1)]
    for index, cells in enumerate([headers, *rows]):
        if index % 2 == 0 and index:
            ax.axhspan(index, index + 1, color=BAND, linewidth=0)
        for column, text in enumerate(cells):
            right = column >= right_from
            x = edges[column + 1] - 0.01 if right else edges[column] + 0.01
            ax.text(x, index + 0.5, text, ha="right" if right else "left", va="center",
                    fontsize=font, color=GREY if index == 0 else "black")  # fmt: skip
    ax.axhline(1, color="#333333", linewidth=0.8)
    ax.axhline(len(rows) + 1, color="#bbbbbb", linewidth=0.6)
