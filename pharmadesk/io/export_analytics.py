"""The analytics part of the workbook: KPIs against the previous period, the 24 months,
segments and lifecycle stages, top products and categories.

Every figure comes from the analytics service's `Dashboard` record, the same numbers the
dashboard, the charts and the month report show; nothing is computed here but the layout.
These sheets hold figures, not people, but are audited with the rest of the export.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from pharmadesk.io import export_labels as labels
from pharmadesk.io.export_customers import EXCEL_EPOCH_ORDINAL
from pharmadesk.io.xlsx_stream import Cell
from pharmadesk.services.analytics.results import Dashboard, GroupShare, Kpis, RankedItem

ANALYTICS_SHEETS = ("kpis", "months", "segments", "stages", "top_products", "top_categories")


@dataclass(frozen=True)
class Table:
    key: str
    headers: list[str]
    rows: list[list[Cell]]


def tables(board: Dashboard, language: str) -> list[Table]:
    """The analytics sheets, in ANALYTICS_SHEETS order."""
    return [
        _kpi_table(board, language),
        _month_table(board, language),
        _group_table("segments", "segment", board.segments, language),
        _group_table("stages", "stage", board.stages, language),
        _ranked_table("top_products", "product", board.top_products, language),
        _ranked_table("top_categories", "category", board.top_categories, language),
    ]


def _serial(day: date) -> int:
    return day.toordinal() - EXCEL_EPOCH_ORDINAL


def _headers(keys: Sequence[str], language: str) -> list[str]:
    return [labels.header(k, language) for k in keys]


def _fen(value: int | None) -> float | None:
    return None if value is None else value / 100


# (key, kind, value) of each KPI row; money in fen is turned into yuan.
_KPIS: tuple[tuple[str, str, Callable[[Kpis], int | float | None]], ...] = (
    ("revenue", "money", lambda k: _fen(k.revenue_fen)),
    ("transactions", "int", lambda k: k.transactions),
    ("customers_served", "int", lambda k: k.customers_served),
    ("new_customers", "int", lambda k: k.new_customers),
    ("returning_customers", "int", lambda k: k.returning_customers),
    ("average_basket", "money", lambda k: _fen(k.average_basket_fen)),
    ("repurchase_rate", "percent", lambda k: k.repurchase_rate),
    ("average_rating", "number", lambda k: _rounded(k.average_rating)),
    ("complaints", "int", lambda k: k.complaints),
)


def _rounded(rating: float | None) -> float | None:
    return None if rating is None else round(rating, 2)


def _change(kind: str, now: int | float | None, before: int | float | None, language: str) -> Cell:
    """Against the previous period, as the dashboard shows it: a rate by its difference in
    percentage points, a rating by its difference, everything else relatively."""
    if now is None or before is None:
        return (None, "text")
    if kind == "percent":
        points = f"{(now - before) * 100:+.1f} {labels.header('percentage_points', language)}"
        return (points, "text")
    if kind == "number":  # a rating: between the figures as shown (4.38 and 4.31: 0.07)
        return (round(round(now, 2) - round(before, 2), 2), "number")
    if not before:
        return (None, "percent")
    return ((now - before) / before, "percent")


def _period_text(start: date, end: date) -> str:
    return f"{start.isoformat()} – {end.isoformat()}"


def _kpi_table(board: Dashboard, language: str) -> Table:
    headers = _headers(("kpi", "this_period", "previous_period", "change"), language)
    rows: list[list[Cell]] = [[
        (labels.header("period", language), "text"),
        (_period_text(board.period.start, board.period.end), "text"),
        (_period_text(board.previous.start, board.previous.end), "text"),
        (None, "text"),
    ]]  # fmt: skip
    for key, kind, pick in _KPIS:
        now, before = pick(board.kpis), pick(board.previous_kpis)
        rows.append([(labels.header(key, language), "text"), (now, kind), (before, kind),
                     _change(kind, now, before, language)])  # fmt: skip
    return Table("kpis", headers, rows)


_MONTH_KEYS = (
    "month", "revenue", "transactions", "customers_served", "new_customers",
    "returning_customers", "repurchase_rate", "average_rating", "complaints",
)  # fmt: skip


def _month_table(board: Dashboard, language: str) -> Table:
    rows: list[list[Cell]] = [
        [(_serial(m.month), "month"), (_fen(m.revenue_fen), "money"), (m.transactions, "int"),
         (m.customers_served, "int"), (m.new_customers, "int"), (m.returning_customers, "int"),
         (m.repurchase_rate, "percent"), (_rounded(m.average_rating), "number"),
         (m.complaints, "int")]
        for m in board.months
    ]  # fmt: skip
    return Table("months", _headers(_MONTH_KEYS, language), rows)


def _group_table(key: str, group: str, shares: Sequence[GroupShare], language: str) -> Table:
    headers = _headers((group, "customers", "revenue", "revenue_share"), language)
    rows: list[list[Cell]] = [
        [(labels.value_word(group, s.key, language), "text"), (s.customers, "int"),
         (_fen(s.revenue_fen), "money"), (s.revenue_share, "percent")]
        for s in shares
    ]  # fmt: skip
    return Table(key, headers, rows)


def _ranked_table(key: str, what: str, items: Sequence[RankedItem], language: str) -> Table:
    headers = _headers(("rank", what, "revenue", "quantity", "transactions", "customers"), language)
    rows: list[list[Cell]] = [
        [(rank, "int"), (item.label, "text"), (_fen(item.revenue_fen), "money"),
         (item.quantity, "int"), (item.transactions, "int"), (item.customers, "int")]
        for rank, item in enumerate(items, start=1)
    ]  # fmt: skip
    return Table(key, headers, rows)
