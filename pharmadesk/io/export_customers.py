"""The customers sheet: every field, custom fields, consents, points and purchase summary.

Customers are read in pages of consecutive ids, straight from SQL (no ORM objects: 200,000
of them would cost more than writing the sheet). Each page's summaries come from id-range
queries on the covering purchase index, so a page costs the same at the end as at the start
and memory holds one page. Dates leave SQL as Excel serial days (`xlsx_stream`).

The staff role may not see health data: those columns are read as NULL and their headers
say so, as the JSON output gives null with "restricted": true.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from pharmadesk.io import export_labels as labels
from pharmadesk.io.xlsx_stream import Column
from pharmadesk.services import purchases
from pharmadesk.services.context import Context
from pharmadesk.services.custom_fields import FieldDef, list_fields
from pharmadesk.services.customer_input import HEALTH_FIELDS
from pharmadesk.services.visible import VISIBLE

PAGE = 5000
EXCEL_EPOCH_JULIAN = 2415018.5  # julianday('1899-12-30'), Excel's day 0
EXCEL_EPOCH_ORDINAL = date(1899, 12, 30).toordinal()
Step = Callable[[int], None]


def day_sql(column: str) -> str:
    return f"julianday({column}) - {EXCEL_EPOCH_JULIAN}"


def between(column: str, dates: tuple[date | None, date | None]) -> tuple[str, list[object]]:
    """SQL to append to a WHERE clause (" AND column >= ? AND column <= ?", each part only
    for a date given) and its ISO-date parameters: the export's dates, both ends included."""
    start, end = dates
    sql, params = "", list[object]()
    if start:
        sql += f" AND {column} >= ?"
        params.append(start.isoformat())
    if end:
        sql += f" AND {column} <= ?"
        params.append(end.isoformat())
    return sql, params


def instant_sql(column: str) -> str:
    # The first 19 characters are the pharmacy's own wall-clock time; julianday() of the
    # whole text would move it to UTC.
    return f"julianday(substr({column}, 1, 19)) - {EXCEL_EPOCH_JULIAN}"


# (key, kind, SQL) of the customer's own columns before the custom fields …
_HEAD = (
    ("id", "int", "c.id"),
    ("code", "text", "c.code"),
    ("name", "text", "c.name"),
    ("gender", "text", "c.gender"),
    ("birth_date", "date", day_sql("c.birth_date")),
    ("mobile", "text", "c.mobile"),
    ("birth_year", "int", "coalesce(c.birth_year, CAST(substr(c.birth_date, 1, 4) AS INTEGER))"),
    ("birth_date_approximate", "bool", "c.birth_date_approximate"),
    ("phone", "text", "c.phone"),
    ("email", "text", "c.email"),
    ("address", "text", "c.address"),
    ("postal_code", "text", "c.postal_code"),
    ("preferences", "text", "c.preferences"),
    ("allergies", "text", "c.allergies"),
    ("chronic_conditions", "text", "c.chronic_conditions"),
    ("notes", "text", "c.notes"),
    ("consent_data", "text", "c.consent_data"),
    ("consent_health", "text", "c.consent_health"),
    ("consent_marketing", "text", "c.consent_marketing"),
    # A child's guardian: who gave the consents (not health data, so every role sees it).
    ("guardian_name", "text", "c.guardian_name"),
    ("guardian_mobile", "text", "c.guardian_mobile"),
)
# … and after them (the JSON order of DESIGN.md, then the record's remaining fields).
_STATUS = ("status", "text", "c.status")
_SUMMARY = (("points", "int"), ("purchase_count", "int"), ("total_spend", "money"),
            ("last_purchase", "date"))  # fmt: skip
_TAIL = (
    ("source", "text", "c.source"),
    ("created_at", "datetime", instant_sql("c.created_at")),
    ("updated_at", "datetime", instant_sql("c.updated_at")),
    ("last_verified_at", "datetime", instant_sql("c.last_verified_at")),
    ("last_active_on", "date", day_sql("c.last_active_on")),
)
_MARKETING = [k for k, _, _ in _HEAD].index("consent_marketing")
_CODED = {"gender": "gender", "consent_data": "consent", "consent_health": "consent",
          "consent_marketing": "consent", "status": "status", "source": "source"}  # fmt: skip


@dataclass(frozen=True)
class CustomerFilter:
    """Which customers: a segment, a last visit (last purchase day) on or after / on or
    before a date, a category bought (within the export's dates, when it has them); and
    `for_contact`: the list is for contacting people, so only those who gave contact
    (marketing) consent are in it."""

    segment: str | None = None
    visited_after: date | None = None
    visited_before: date | None = None
    category: str | None = None
    for_contact: bool = False

    def is_empty(self) -> bool:
        return not (
            self.segment
            or self.visited_after
            or self.visited_before
            or self.category
            or self.for_contact
        )


@dataclass(frozen=True)
class CustomerSheet:
    """The columns of the sheet and how to read its rows."""

    columns: list[Column]
    fields: list[FieldDef]
    may_see_health: bool
    language: str


def sheet_for(ctx: Context, language: str) -> CustomerSheet:
    fields = list_fields(ctx, include_retired=True)
    may_see = ctx.account.may_see_health_data
    columns = [_column(key, kind, language, may_see) for key, kind, _ in _HEAD]
    for field in fields:
        text = labels.retired(field.label, language) if field.retired else field.label
        columns.append(Column(text, _custom_kind(field.kind)))
    columns.append(_column(_STATUS[0], _STATUS[1], language, may_see))
    columns += [_column(key, kind, language, may_see) for key, kind in _SUMMARY]
    columns += [_column(key, kind, language, may_see) for key, kind, _ in _TAIL]
    return CustomerSheet(columns, fields, may_see, language)


def _column(key: str, kind: str, language: str, may_see_health: bool) -> Column:
    text = labels.header(key, language)
    if key in HEALTH_FIELDS and not may_see_health:
        text = labels.restricted(text, language)
    return Column(text, kind)


def _custom_kind(kind: str) -> str:
    return {"number": "number", "date": "date"}.get(kind, "text")


def count(ctx: Context) -> int:
    """Customers a full export would scan (the progress bar's length)."""
    sql = f"SELECT count(*) FROM customer WHERE {VISIBLE}"
    return int(ctx.db.execute_sql(sql).fetchone()[0])


def _select(sheet: CustomerSheet) -> str:
    def sql(key: str, expression: str) -> str:
        return "NULL" if key in HEALTH_FIELDS and not sheet.may_see_health else expression

    parts = [sql(k, e) for k, _, e in (*_HEAD, _STATUS, *_TAIL)]
    return (
        f"SELECT {', '.join(parts)} FROM customer c "
        f"WHERE c.id > ? AND c.{VISIBLE} ORDER BY c.id LIMIT ?"
    )


def row_of(ctx: Context, sheet: CustomerSheet, customer_id: int) -> tuple[Any, ...] | None:
    """One customer's row exactly as `rows` writes it in `sheet` (no filter), read by id
    rather than by a scan; None when there is no such customer or they were anonymised."""
    found = ctx.db.execute_sql(_select(sheet), (customer_id - 1, 1)).fetchall()
    if not found or found[0][0] != customer_id:
        return None
    page = _Page(ctx, sheet, CustomerFilter(), None, (None, None))
    return next(page.rows(found), None)


def rows(
    ctx: Context,
    sheet: CustomerSheet,
    selection: CustomerFilter,
    *,
    only_ids: frozenset[int] | None = None,
    bought_between: tuple[date | None, date | None] = (None, None),
    step: Step | None = None,
    left_out: Callable[[], None] | None = None,
) -> Iterator[tuple[Any, ...]]:
    """The sheet's rows in id order; `step(n)` after each page of n customers scanned;
    `left_out()` for each customer the other filters chose but who gave no contact consent
    (a `for_contact` selection)."""
    page = _Page(ctx, sheet, selection, only_ids, bought_between, left_out)
    last_id = 0
    while True:
        found = ctx.db.execute_sql(_select(sheet), (last_id, PAGE)).fetchall()
        if not found:
            return
        yield from page.rows(found)
        last_id = found[-1][0]
        if step is not None:
            step(len(found))


class _Page:
    """Turns one page of customer rows into sheet rows, with its summaries and filters."""

    def __init__(
        self,
        ctx: Context,
        sheet: CustomerSheet,
        selection: CustomerFilter,
        only_ids: frozenset[int] | None,
        bought_between: tuple[date | None, date | None],
        left_out: Callable[[], None] | None = None,
    ) -> None:
        self.ctx, self.sheet, self.selection = ctx, sheet, selection
        self.left_out = left_out
        self.only_ids, self.bought_between = only_ids, bought_between
        self.field_ids = [f.id for f in sheet.fields]
        self.converters = {f.id: _converter(f.kind) for f in sheet.fields}
        self.coded = [
            (i, labels.values(_CODED[key], sheet.language))
            for i, key in enumerate([k for k, _, _ in (*_HEAD, _STATUS, *_TAIL)])
            if key in _CODED and sheet.language == "zh_CN"
        ]
        self.head = len(_HEAD)

    def rows(self, found: list[tuple[Any, ...]]) -> Iterator[tuple[Any, ...]]:
        first, last = found[0][0], found[-1][0]
        summaries = _summaries(self.ctx, first, last)
        points = _points(self.ctx, first, last)
        custom = _custom_values(self.ctx, first, last) if self.field_ids else {}
        buyers = self._buyers(first, last)
        head, field_ids, converters = self.head, self.field_ids, self.converters
        for raw in found:
            customer_id = raw[0]
            summary = summaries.get(customer_id, _NO_SUMMARY)
            if not self._keep(customer_id, summary[3], buyers):
                continue
            if self.selection.for_contact and raw[_MARKETING] != "given":
                if self.left_out is not None:
                    self.left_out()
                continue
            values = self._words(raw) if self.coded else raw
            mine = custom.get(customer_id, _NO_VALUES)
            extra = [
                converters[f](mine[f]) if f in mine else None for f in field_ids
            ]  # fmt: skip
            yield (*values[:head], *extra, values[head], points.get(customer_id, 0),
                   *summary[:3], *values[head + 1 :])  # fmt: skip

    def _words(self, raw: tuple[Any, ...]) -> list[Any]:
        values = list(raw)
        for i, words in self.coded:
            code = values[i]
            if code is not None:
                values[i] = words.get(code, code)
        return values

    def _keep(self, customer_id: int, last_day: str | None, buyers: set[int] | None) -> bool:
        selection = self.selection
        if self.only_ids is not None and customer_id not in self.only_ids:
            return False
        if buyers is not None and customer_id not in buyers:
            return False
        if selection.visited_after and (not last_day or last_day < _iso(selection.visited_after)):
            return False
        return not (
            selection.visited_before and (not last_day or last_day > _iso(selection.visited_before))
        )

    def _buyers(self, first: int, last: int) -> set[int] | None:
        category = self.selection.category
        if not category:
            return None
        where, dates = between("purchased_on", self.bought_between)
        sql = (
            "SELECT DISTINCT customer_id FROM purchase WHERE customer_id BETWEEN ? AND ? "
            f"AND product_id IN (SELECT id FROM product WHERE category = ?){where}"
        )
        params = [first, last, category, *dates]
        return {r[0] for r in self.ctx.db.execute_sql(sql, params)}


_NO_SUMMARY: tuple[Any, ...] = (0, 0.0, None, None)
_NO_VALUES: dict[int, str] = {}


def _iso(day: date) -> str:
    return day.isoformat()


def _summaries(ctx: Context, first: int, last: int) -> dict[int, tuple[Any, ...]]:
    """Receipts, spend (yuan) and last purchase (serial day and ISO text) per customer."""
    sql = (
        f"SELECT customer_id, {purchases.TRANSACTIONS_SQL}, sum(amount_fen), "
        "max(purchased_on) FROM purchase WHERE customer_id BETWEEN ? AND ? GROUP BY customer_id"
    )
    out = {}
    for customer_id, receipts, spend, last_day in ctx.db.execute_sql(sql, (first, last)):
        serial = date.fromisoformat(last_day).toordinal() - EXCEL_EPOCH_ORDINAL
        out[customer_id] = (receipts, (spend or 0) / 100, serial, last_day)
    return out


def _points(ctx: Context, first: int, last: int) -> dict[int, int]:
    sql = (
        "SELECT customer_id, sum(points) FROM points_entry "
        "WHERE customer_id BETWEEN ? AND ? GROUP BY customer_id"
    )
    return dict(ctx.db.execute_sql(sql, (first, last)).fetchall())


def _custom_values(ctx: Context, first: int, last: int) -> dict[int, dict[int, str]]:
    sql = "SELECT customer_id, field_id, value FROM custom_value WHERE customer_id BETWEEN ? AND ?"
    out: dict[int, dict[int, str]] = {}
    for customer_id, field_id, value in ctx.db.execute_sql(sql, (first, last)):
        out.setdefault(customer_id, {})[field_id] = value
    return out


def _converter(kind: str) -> Callable[[str], Any]:
    if kind == "number":
        return _number
    if kind == "date":
        return _serial_day
    return str


def _number(stored: str) -> int | float:
    number = Decimal(stored)
    return int(number) if number == number.to_integral_value() else float(number)


def _serial_day(stored: str) -> int:
    return date.fromisoformat(stored).toordinal() - EXCEL_EPOCH_ORDINAL
