"""What the charts and the month report say, in Simplified Chinese and English, and how
they write money, counts, months and long names.

The words follow the definitions of the owner's figures (issue #5, item 0): a transaction is
a receipt; served, new and returning customers; repurchase rate; RFM segments; lifecycle
stages. The exact rules live in the analytics service; these are their short forms.
"""

from __future__ import annotations

import unicodedata
from datetime import date

from pharmadesk.services.analytics.results import Period

LANGUAGES = ("zh_CN", "en")

TITLES: dict[str, tuple[str, str]] = {
    "sales_by_month": ("月度销售额", "Sales by month"),
    "top_products": ("销售额前十的商品", "Top 10 products"),
    "top_categories": ("销售额靠前的品类", "Top categories"),
    "new_vs_returning": ("新顾客与老顾客", "New and returning customers"),
    "segments": ("客户分群（RFM）", "Customer segments (RFM)"),
    "stages": ("客户生命周期", "Customer lifecycle stages"),
    "satisfaction": ("满意度", "Satisfaction"),
    "weekdays": ("一周中最忙的日子", "Busiest weekdays"),
}

_TRANSACTION = (
    "一笔交易即一张小票（没有小票号的，同一顾客同一天的购买记为一笔）。",
    "A transaction is a receipt (without a receipt number: one customer's lines on one day).",
)
DEFINITIONS: dict[str, tuple[str, str]] = {
    "sales_by_month": (
        "截至所选期间最后一个月的24个月，每月销售额（柱，元）和交易笔数（线）。" + _TRANSACTION[0],
        "Revenue (bars, ¥) and transactions (line) in each of the 24 months ending with the "
        "period's last month. " + _TRANSACTION[1],
    ),
    "top_products": (
        "所选期间销售额最高的10种商品。",
        "The period's 10 products with the highest revenue.",
    ),
    "top_categories": (
        "所选期间销售额最高的品类。",
        "The period's categories with the highest revenue.",
    ),
    "new_vs_returning": (
        "每月到店（当月有交易）的顾客：新顾客是第一笔交易发生在当月的顾客，其余为老顾客。",
        "Customers served each month (a transaction in it): new if their first transaction "
        "ever is in that month, returning otherwise.",
    ),
    "segments": (
        "截至期末，按最近一次交易距期末的天数（R，越近越好）、此前12个月的交易笔数（F）和消费额"
        "（M）各按五分位打1-5分（5分最好），取第一个符合的：已流失 = R分为1；高价值 = R、F、M"
        "分都≥4；流失风险 = R分≤2且F或M分≥4；忠诚 = F分≥4；潜力 = R分≥4且F分≤2；其余为一般。"
        "左为人数，右为占本期销售额的比例。",
        "As of the period's last day, recency (days since the last transaction; fewer is "
        "better), frequency (transactions in the 12 months before) and monetary value (spend "
        "in them) are each scored 1-5 by quintile (5 is best); the first rule that applies: "
        "lost = R score 1; high value = R, F and M scores all 4 or more; at risk = R score 2 "
        "or less with an F or M score of 4 or more; loyal = F score 4 or more; potential = R "
        "score 4 or more with an F score of 2 or less; regular = the rest. Bars: customers, "
        "and their share of the period's revenue.",
    ),
    "stages": (
        "截至期末，按每位顾客自己的购买节奏（不同购买日之间的间隔），取第一个符合的："
        "已流失 = 距上次交易超过其间隔中位数的3倍或超过180天；"
        "有流失风险 = 超过1.5倍，或尚无间隔时超过90天；"
        "忠实 = 近12个月4笔以上；回头客 = 累计2笔以上；新客 = 只有1笔。",
        "As of the period's last day, from each customer's own rhythm (intervals between "
        "distinct purchase days), the "
        "first that applies: lost = more than 3 times their median interval since the last "
        "transaction, or over 180 days; at risk = over 1.5 times, or over 90 days without an "
        "interval yet; loyal = 4+ transactions in 12 months; repeat = 2+ ever; new = one.",
    ),
    "satisfaction": (
        "每月有评分的沟通记录的平均评分（1-5分，线）和当月记录的投诉次数（柱）。",
        "Average rating (1-5, line) of the interactions rated in each month, and the "
        "complaints logged in it (bars).",
    ),
    "weekdays": (
        "所选期间每周各天的交易笔数。" + _TRANSACTION[0],
        "Transactions on each day of the week in the period. " + _TRANSACTION[1],
    ),
}

# Said after the definition in the window's tooltip, where a bar can be clicked.
CLICK_HINT = ("点击柱子查看这些顾客。", "Click a bar for these customers.")
CLICKABLE = ("top_products", "top_categories", "segments", "stages")

SEGMENT_NAMES: dict[str, tuple[str, str]] = {
    "high_value": ("高价值", "High value"),
    "loyal": ("忠诚", "Loyal"),
    "potential": ("潜力", "Potential"),
    "at_risk": ("流失风险", "At risk"),
    "lost": ("已流失", "Lost"),
    "regular": ("一般", "Regular"),
}
# As in the analytics definitions: a stage is worded apart from the segment of the same key
# (忠诚 segment, 忠实 stage), and 回头客 is the repeat stage, so a returning customer of the
# month is a 老顾客.
STAGE_NAMES: dict[str, tuple[str, str]] = {
    "new": ("新客", "New"),
    "repeat": ("回头客", "Repeat"),
    "loyal": ("忠实", "Loyal"),
    "at_risk": ("有流失风险", "At risk"),
    "lost": ("已流失", "Lost"),
}
WEEKDAYS = (
    ("周一", "周二", "周三", "周四", "周五", "周六", "周日"),
    ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
)
# Not strftime: its month names follow the PC's locale, not the language asked for.
_MONTHS_FULL = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

WORDS: dict[str, tuple[str, str]] = {
    "no_data": ("本期没有数据", "No data for this period"),
    "revenue_axis": ("销售额（元）", "Revenue (¥)"),
    "revenue": ("销售额", "Revenue"),
    "transactions": ("交易笔数", "Transactions"),
    "month": ("月份", "Month"),
    "customers_axis": ("顾客数（人）", "Customers"),
    "customers": ("顾客数", "Customers"),
    "new": ("新顾客", "New"),
    "returning": ("老顾客", "Returning"),
    "revenue_share": ("占销售额（%）", "Share of revenue (%)"),
    "rating": ("平均评分（1-5）", "Average rating (1-5)"),
    "complaints": ("投诉（次）", "Complaints"),
    "weekday": ("星期", "Day of the week"),
    "people": ("{n:,} 人", "{n:,}"),
}


def language(lang: str) -> int:
    """0 for Chinese, 1 for English: the index into the word tables above."""
    return 0 if lang.startswith("zh") else 1


def word(key: str, lang: str) -> str:
    return WORDS[key][language(lang)]


def segment_name(key: str, lang: str) -> str:
    return SEGMENT_NAMES.get(key, (key, key))[language(lang)]


def stage_name(key: str, lang: str) -> str:
    return STAGE_NAMES.get(key, (key, key))[language(lang)]


def weekday_name(weekday: int, lang: str) -> str:
    return WEEKDAYS[language(lang)][weekday]


def yuan(fen: int, *, decimals: int = 0) -> str:
    """Money for display: ¥ with thousands separators (whole yuan on charts)."""
    sign = "-" if fen < 0 else ""
    return f"{sign}¥{abs(fen) / 100:,.{decimals}f}"


def month_name(month: date, lang: str) -> str:
    """A month in full: 2026年10月, October 2026."""
    if language(lang) == 0:
        return f"{month.year}年{month.month}月"
    return f"{_MONTHS_FULL[month.month - 1]} {month.year}"


def short_month(month: date, lang: str) -> str:
    """A month in a range of months: 2024年11月, Nov 2024."""
    if language(lang) == 0:
        return month_name(month, lang)
    return f"{_MONTHS_EN[month.month - 1]} {month.year}"


def month_tick(month: date, lang: str) -> str:
    """A month under a bar: 10 (the axis says 月份, and 24 of "10月" do not fit), Oct."""
    return str(month.month) if language(lang) == 0 else _MONTHS_EN[month.month - 1]


def year_tick(year: int, lang: str) -> str:
    return f"{year}年" if language(lang) == 0 else str(year)


def period_name(period: Period, lang: str) -> str:
    """The period a chart shows, as the owner chose it."""
    zh = language(lang) == 0
    if period.kind == "month":
        return month_name(period.start, lang)
    if period.kind == "quarter":
        quarter = (period.start.month - 1) // 3 + 1
        return f"{period.start.year}年第{quarter}季度" if zh else f"Q{quarter} {period.start.year}"
    if period.kind == "year":
        return f"{period.start.year}年" if zh else str(period.start.year)
    return f"{period.start.isoformat()} – {period.end.isoformat()}"


def display_width(text: str) -> int:
    """Columns the text takes: a Chinese character is as wide as two Latin ones."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def shorten(text: str, width: int) -> str:
    """At most `width` columns, cut with an ellipsis (long product names on a bar chart)."""
    if display_width(text) <= width:
        return text
    out, used = "", 1
    for ch in text:
        used += display_width(ch)
        if used > width:
            break
        out += ch
    return out.rstrip() + "…"


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most `width` columns, broken between words in English and anywhere in
    Chinese (which has no spaces), never before closing punctuation."""
    lines: list[str] = []
    line, used = "", 0
    for token in _tokens(text):
        size = display_width(token)
        if used + size > width and line.strip():
            lines.append(line.rstrip())
            line, used = token.lstrip(), display_width(token.lstrip())
            continue
        line += token
        used += size
    if line.strip():
        lines.append(line.rstrip())
    return lines


_CLOSING = "，。；：、）」』！？,.;:)!?%"


def _tokens(text: str) -> list[str]:
    """Words with their leading space, single Chinese characters, punctuation kept on the
    token before it."""
    tokens: list[str] = []
    for ch in text:
        wide = display_width(ch) == 2
        if tokens and ch in _CLOSING:
            tokens[-1] += ch
        elif not tokens or wide or ch == " " or display_width(tokens[-1][-1]) == 2:
            tokens.append(ch)
        else:
            tokens[-1] += ch
    return tokens
