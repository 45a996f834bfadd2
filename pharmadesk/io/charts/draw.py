"""One drawing function per chart kind, each filling a matplotlib figure (or a subfigure of
a report page) from a Dashboard record.

Only matplotlib's object API is used (no pyplot: the window embeds the same figures in Qt,
and pyplot's global state would tie them to a GUI backend). This module imports matplotlib
at import, so it is itself imported only when the first chart is drawn.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import date

from matplotlib.axes import Axes
from matplotlib.container import BarContainer
from matplotlib.figure import FigureBase
from matplotlib.patches import Rectangle
from matplotlib.ticker import Formatter, FuncFormatter, MaxNLocator

from pharmadesk.io.charts import words
from pharmadesk.io.charts.words import word
from pharmadesk.services.analytics.results import Dashboard, GroupShare, RankedItem

# One colour per meaning, the same on every chart and in the report.
REVENUE = "#3b7dd8"
REVENUE_LIGHT = "#a9c6ee"
TRANSACTIONS = "#e07b22"
NEW = "#55a868"
RETURNING = "#3b7dd8"
COMPLAINTS = "#e8a0a0"
RATING = "#2f4b7c"
MUTED = "#666666"
GROUP_COLOURS = {
    "high_value": "#2e8b57",
    "loyal": "#3b7dd8",
    "potential": "#8c6bc8",
    "at_risk": "#e6a117",
    "lost": "#c8453c",
    "regular": "#9a9a9a",
    "new": "#7fb3e8",
    "repeat": "#3b7dd8",
}
MONTH_FONT = 8
NAME_COLUMNS = 22  # a long product name is cut to about eleven Chinese characters

Drawer = Callable[[FigureBase, Dashboard, str], None]


def title_line(fig: FigureBase, title: str, detail: str) -> None:
    fig.suptitle(f"{title} · {detail}", fontsize=13)


def no_data(fig: FigureBase, lang: str) -> None:
    """What a new pharmacy sees instead of an empty or broken chart."""
    fig.text(0.5, 0.45, word("no_data", lang), ha="center", va="center", fontsize=14, color=MUTED)


def _axes(fig: FigureBase) -> Axes:
    ax = fig.add_subplot()
    _style(ax)
    return ax


def _style(ax: Axes) -> None:
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="y", color="#e4e4e4", linewidth=0.8)
    ax.set_axisbelow(True)
    ax.tick_params(labelsize=9)


def _money_axis(ax: Axes, which: str = "y") -> None:
    formatter = FuncFormatter(lambda value, _pos: f"{value:,.0f}")
    axis = ax.yaxis if which == "y" else ax.xaxis
    axis.set_major_formatter(formatter)
    axis.set_major_locator(MaxNLocator(nbins=6, steps=[1, 2, 2.5, 5, 10]))


def _count_axis(ax: Axes, which: str = "y") -> None:
    axis = ax.yaxis if which == "y" else ax.xaxis
    axis.set_major_locator(MaxNLocator(nbins=6, integer=True))
    axis.set_major_formatter(FuncFormatter(lambda value, _pos: f"{value:,.0f}"))


def _month_ticks(ax: Axes, months: Sequence[date], lang: str) -> None:
    """Short month names under the bars, and the year on a line of its own below them, in
    January and at the first month unless January is too close to leave room for both."""
    ax.set_xticks(range(len(months)))
    ax.xaxis.set_major_formatter(_MonthLabels(ax, months, lang))
    ax.tick_params(axis="x", labelsize=MONTH_FONT)
    ax.set_xlim(-0.6, len(months) - 0.4)
    years = [
        (index, month.year)
        for index, month in enumerate(months)
        if month.month == 1 or (index == 0 and month.month <= 10)
    ]
    below = ax.secondary_xaxis("bottom")
    below.set_xticks([i for i, _ in years], [words.year_tick(y, lang) for _, y in years])
    below.tick_params(length=0, pad=14, labelsize=MONTH_FONT)
    below.spines["bottom"].set_visible(False)
    below.set_xlabel(word("month", lang))  # below the years, where the axis' own would not be


class _MonthLabels(Formatter):
    """Names every month while they fit; on a narrow chart (a small window) every second or
    third one, January always among them. Worked out at each draw, from the axes' width."""

    def __init__(self, ax: Axes, months: Sequence[date], lang: str) -> None:
        self.ax, self.lang = ax, lang
        self.names = [words.month_tick(month, lang) for month in months]
        self.january = next((i for i, m in enumerate(months) if m.month == 1), 0)

    def __call__(self, x: float, pos: int | None = None) -> str:
        index = round(x)
        if not 0 <= index < len(self.names) or (index - self.january) % self._step():
            return ""
        return self.names[index]

    def _step(self) -> int:
        figure = self.ax.get_figure(root=True)
        slot = self.ax.bbox.width * 72 / (figure.dpi if figure else 72) / len(self.names)
        widest = max(words.display_width(name) for name in self.names)
        needed = MONTH_FONT * (0.6 * widest + 0.6)  # points: the text and a gap
        return max(1, math.ceil(needed / slot)) if slot > 0 else 1


def _pick(bars: BarContainer, gids: Sequence[str]) -> None:
    """Bars the owner can click through to the customers behind them."""
    for bar, gid in zip(bars.patches, gids, strict=True):
        bar.set_picker(True)
        bar.set_gid(gid)


def _headroom(ax: Axes, top: float, *, axis: str = "y", factor: float = 1.15) -> None:
    """Room above the tallest bar for its value label."""
    limit = top * factor if top > 0 else 1
    if axis == "y":
        ax.set_ylim(0, limit)
    else:
        ax.set_xlim(0, limit)


def months_detail(dash: Dashboard, lang: str) -> str:
    if not dash.months:
        return words.period_name(dash.period, lang)
    first, last = dash.months[0].month, dash.months[-1].month
    return f"{words.short_month(first, lang)} – {words.short_month(last, lang)}"


def sales_by_month(fig: FigureBase, dash: Dashboard, lang: str) -> None:
    title_line(fig, words.TITLES["sales_by_month"][words.language(lang)], months_detail(dash, lang))
    points = dash.months
    if not any(p.revenue_fen or p.transactions for p in points):
        return no_data(fig, lang)
    ax = _axes(fig)
    x = range(len(points))
    inside = [dash.period.start <= p.month <= dash.period.end for p in points]
    revenue = [p.revenue_fen / 100 for p in points]
    bars = ax.bar(
        x, revenue, width=0.7, label=word("revenue", lang),
        color=[REVENUE if chosen else REVENUE_LIGHT for chosen in inside],
    )  # fmt: skip
    # Only a single chosen month is labelled: neighbouring labels of a quarter or a year
    # overlap at a window's width, and the KPI card already gives the period's total.
    if sum(inside) == 1:
        chosen = inside.index(True)
        _label_top(ax, bars.patches[chosen], words.yuan(points[chosen].revenue_fen),
                   last=chosen == len(points) - 1)  # fmt: skip
    # Bars in the lower part, the line above them: neither hides the other's values.
    _headroom(ax, max(revenue), factor=1.6)
    _money_axis(ax)
    ax.set_ylabel(word("revenue_axis", lang))
    _month_ticks(ax, [p.month for p in points], lang)
    line_ax = ax.twinx()
    line_ax.plot(
        list(x), [p.transactions for p in points], color=TRANSACTIONS, marker="o",
        markersize=3, linewidth=1.6, label=word("transactions", lang),
    )  # fmt: skip
    _headroom(line_ax, max(p.transactions for p in points), factor=1.08)
    _count_axis(line_ax)
    line_ax.spines[["top"]].set_visible(False)
    line_ax.tick_params(labelsize=9)
    line_ax.set_ylabel(word("transactions", lang), color=TRANSACTIONS)
    _legend(ax, [bars, *line_ax.get_lines()])


def _label_top(ax: Axes, bar: Rectangle, text: str, *, last: bool) -> None:
    # The last bar's label ends at the bar's right edge, clear of the right-hand axis.
    x = bar.get_x() + (bar.get_width() if last else bar.get_width() / 2)
    align = "right" if last else "center"
    ax.annotate(text, (x, bar.get_height()), xytext=(0, 2), textcoords="offset points",
                ha=align, va="bottom", fontsize=8, color=REVENUE)  # fmt: skip


def _legend(ax: Axes, handles: Sequence[object]) -> None:
    ax.legend(
        handles=handles, loc="lower right", bbox_to_anchor=(1.0, 1.0), ncol=len(handles),
        frameon=False, fontsize=9, borderaxespad=0.2,
    )  # fmt: skip


def _ranked(fig: FigureBase, items: Sequence[RankedItem], gid: str, lang: str) -> None:
    """Horizontal bars, the first item on top, its revenue at the end of its bar."""
    ax = _axes(fig)
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", color="#e4e4e4", linewidth=0.8)
    shown = list(items)[:10]
    y = range(len(shown))
    bars = ax.barh(y, [item.revenue_fen / 100 for item in shown], color=REVENUE, height=0.65)
    _pick(bars, [f"{gid}:{item.key}" for item in shown])
    ax.bar_label(bars, labels=[words.yuan(item.revenue_fen) for item in shown], padding=3,
                 fontsize=8)  # fmt: skip
    ax.set_yticks(list(y), [words.shorten(item.label, NAME_COLUMNS) for item in shown])
    ax.invert_yaxis()
    _headroom(ax, max(item.revenue_fen / 100 for item in shown), axis="x", factor=1.22)
    _money_axis(ax, "x")
    ax.set_xlabel(word("revenue_axis", lang))


def top_products(fig: FigureBase, dash: Dashboard, lang: str) -> None:
    title_line(fig, words.TITLES["top_products"][words.language(lang)],
               words.period_name(dash.period, lang))  # fmt: skip
    if not dash.top_products:
        return no_data(fig, lang)
    _ranked(fig, dash.top_products, "product", lang)


def top_categories(fig: FigureBase, dash: Dashboard, lang: str) -> None:
    title_line(fig, words.TITLES["top_categories"][words.language(lang)],
               words.period_name(dash.period, lang))  # fmt: skip
    if not dash.top_categories:
        return no_data(fig, lang)
    _ranked(fig, dash.top_categories, "category", lang)


def new_vs_returning(fig: FigureBase, dash: Dashboard, lang: str) -> None:
    title_line(fig, words.TITLES["new_vs_returning"][words.language(lang)],
               months_detail(dash, lang))  # fmt: skip
    points = dash.months
    if not any(p.new_customers or p.returning_customers for p in points):
        return no_data(fig, lang)
    ax = _axes(fig)
    x = list(range(len(points)))
    returning = [p.returning_customers for p in points]
    back = ax.bar(x, returning, width=0.7, color=RETURNING, label=word("returning", lang))
    new = ax.bar(x, [p.new_customers for p in points], width=0.7, bottom=returning, color=NEW,
                 label=word("new", lang))  # fmt: skip
    _headroom(ax, max(p.new_customers + p.returning_customers for p in points), factor=1.1)
    _count_axis(ax)
    ax.set_ylabel(word("customers_axis", lang))
    _month_ticks(ax, [p.month for p in points], lang)
    _legend(ax, [new, back])


def _groups(
    fig: FigureBase, groups: Sequence[GroupShare], gid: str, lang: str,
    name: Callable[[str, str], str],
) -> None:  # fmt: skip
    """Two panels side by side: customers in each group, and their share of revenue."""
    count_ax, share_ax = fig.subplots(1, 2, sharey=True, width_ratios=[3, 2])
    y = list(range(len(groups)))
    colours = [GROUP_COLOURS.get(group.key, MUTED) for group in groups]
    gids = [f"{gid}:{group.key}" for group in groups]
    counts = count_ax.barh(y, [group.customers for group in groups], color=colours, height=0.65)
    shares = share_ax.barh(y, [100 * group.revenue_share for group in groups], color=colours,
                           height=0.65, alpha=0.75)  # fmt: skip
    _pick(counts, gids)
    _pick(shares, gids)
    count_ax.bar_label(counts, labels=[f"{group.customers:,}" for group in groups], padding=3,
                       fontsize=8)  # fmt: skip
    share_ax.bar_label(shares, labels=[_percent(group.revenue_share) for group in groups],
                       padding=3, fontsize=8)  # fmt: skip
    count_ax.set_yticks(y, [name(group.key, lang) for group in groups])
    count_ax.invert_yaxis()
    for ax, title in ((count_ax, "customers_axis"), (share_ax, "revenue_share")):
        _style(ax)
        ax.grid(axis="y", visible=False)
        ax.grid(axis="x", color="#e4e4e4", linewidth=0.8)
        ax.set_xlabel(word(title, lang))
    _headroom(count_ax, max(group.customers for group in groups), axis="x", factor=1.25)
    _count_axis(count_ax, "x")
    _headroom(share_ax, max(100 * group.revenue_share for group in groups), axis="x",
              factor=1.35)  # fmt: skip
    share_ax.tick_params(left=False)


def _percent(share: float) -> str:
    return f"{100 * share:.1f}%"


def segments(fig: FigureBase, dash: Dashboard, lang: str) -> None:
    title_line(fig, words.TITLES["segments"][words.language(lang)],
               words.period_name(dash.period, lang))  # fmt: skip
    if not any(group.customers for group in dash.segments):
        return no_data(fig, lang)
    _groups(fig, dash.segments, "segment", lang, words.segment_name)


def stages(fig: FigureBase, dash: Dashboard, lang: str) -> None:
    title_line(fig, words.TITLES["stages"][words.language(lang)],
               words.period_name(dash.period, lang))  # fmt: skip
    if not any(group.customers for group in dash.stages):
        return no_data(fig, lang)
    _groups(fig, dash.stages, "stage", lang, words.stage_name)


def satisfaction(fig: FigureBase, dash: Dashboard, lang: str) -> None:
    title_line(fig, words.TITLES["satisfaction"][words.language(lang)],
               months_detail(dash, lang))  # fmt: skip
    points = dash.months
    if not any(p.average_rating is not None or p.complaints for p in points):
        return no_data(fig, lang)
    rating_ax = _axes(fig)
    x = list(range(len(points)))
    bars_ax = rating_ax.twinx()
    bars = bars_ax.bar(x, [p.complaints for p in points], width=0.6, color=COMPLAINTS,
                       label=word("complaints", lang))  # fmt: skip
    ratings = [math.nan if p.average_rating is None else p.average_rating for p in points]
    line = rating_ax.plot(x, ratings, color=RATING, marker="o", markersize=4, linewidth=1.8,
                          label=word("rating", lang))  # fmt: skip
    # The rating line is drawn over the complaint bars of the twin axes.
    rating_ax.set_zorder(bars_ax.get_zorder() + 1)
    rating_ax.patch.set_visible(False)
    rating_ax.grid(visible=False)  # grid lines on top would cross the bars
    rating_ax.set_ylim(0, 5.4)
    rating_ax.set_yticks([1, 2, 3, 4, 5])
    rating_ax.set_ylabel(word("rating", lang), color=RATING)
    _headroom(bars_ax, max(p.complaints for p in points), factor=2.0)
    _count_axis(bars_ax)
    bars_ax.spines[["top"]].set_visible(False)
    bars_ax.tick_params(labelsize=9)
    bars_ax.set_ylabel(word("complaints", lang), color="#b05050")
    _month_ticks(rating_ax, [p.month for p in points], lang)
    _legend(rating_ax, [*line, bars])


def weekdays(fig: FigureBase, dash: Dashboard, lang: str) -> None:
    title_line(fig, words.TITLES["weekdays"][words.language(lang)],
               words.period_name(dash.period, lang))  # fmt: skip
    points = sorted(dash.weekdays, key=lambda p: p.weekday)
    if not any(p.transactions for p in points):
        return no_data(fig, lang)
    ax = _axes(fig)
    busiest = max(p.transactions for p in points)
    colours = [REVENUE if p.transactions == busiest else REVENUE_LIGHT for p in points]
    bars = ax.bar(range(len(points)), [p.transactions for p in points], color=colours, width=0.6)
    ax.bar_label(bars, labels=[f"{p.transactions:,}" for p in points], padding=2, fontsize=9)
    ax.set_xticks(range(len(points)), [words.weekday_name(p.weekday, lang) for p in points])
    _headroom(ax, busiest, factor=1.15)
    _count_axis(ax)
    ax.set_ylabel(word("transactions", lang))
    ax.set_xlabel(word("weekday", lang))


DRAWERS: dict[str, Drawer] = {
    "sales_by_month": sales_by_month,
    "top_products": top_products,
    "top_categories": top_categories,
    "new_vs_returning": new_vs_returning,
    "segments": segments,
    "stages": stages,
    "satisfaction": satisfaction,
    "weekdays": weekdays,
}
