"""The purchases and interactions sheets: every line of a date range, with its customer.

Both are read by key in pages (purchases by day then id, on the day index; interactions by
id), so millions of lines stream through one page of memory. Money leaves SQL as yuan
(integer fen / 100) and times as Excel serial days in the pharmacy's own wall-clock time.

A consultation's summary can reveal health, so the staff role, which may not see health
data, gets the interactions without their summaries (the header says so).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

from pharmadesk.io import export_labels as labels
from pharmadesk.io.export_customers import day_sql, instant_sql
from pharmadesk.io.xlsx_stream import Column
from pharmadesk.services.context import Context

PAGE = 5000
Step = Callable[[int], None]
Dates = tuple[date | None, date | None]

PURCHASE_COLUMNS = (
    ("purchased_at", "datetime"), ("receipt", "text"), ("customer_code", "text"),
    ("customer_name", "text"), ("product", "text"), ("specification", "text"),
    ("category", "text"), ("quantity", "int"), ("unit_price", "money"), ("amount", "money"),
    ("source", "text"),
)  # fmt: skip
INTERACTION_COLUMNS = (
    ("id", "int"), ("occurred_at", "datetime"), ("customer_code", "text"),
    ("customer_name", "text"), ("channel", "text"), ("kind", "text"), ("summary", "text"),
    ("rating", "int"), ("follow_up_status", "text"), ("follow_up_due", "date"),
    ("staff", "text"), ("corrects", "int"), ("done_at", "datetime"),
)  # fmt: skip


def purchase_columns(language: str) -> list[Column]:
    return [Column(labels.header(key, language), kind) for key, kind in PURCHASE_COLUMNS]


def interaction_columns(language: str, *, may_see_health: bool) -> list[Column]:
    out = []
    for key, kind in INTERACTION_COLUMNS:
        text = labels.header(key, language)
        if key == "summary" and not may_see_health:
            text = labels.restricted(text, language)
        out.append(Column(text, kind))
    return out


def _range(column: str, dates: Dates) -> tuple[str, list[object]]:
    start, end = dates
    sql, params = "", list[object]()
    if start:
        sql += f" AND {column} >= ?"
        params.append(start.isoformat())
    if end:
        sql += f" AND {column} <= ?"
        params.append(end.isoformat())
    return sql, params


def count_purchases(ctx: Context, dates: Dates) -> int:
    where, params = _range("purchased_on", dates)
    sql = f"SELECT count(*) FROM purchase WHERE 1 = 1{where}"
    return int(ctx.db.execute_sql(sql, params).fetchone()[0])


def purchase_rows(
    ctx: Context, language: str, dates: Dates, *, step: Step | None = None
) -> Iterator[tuple[Any, ...]]:
    """Lines oldest first; `step(n)` after each page of n lines."""
    where, params = _range("l.purchased_on", dates)
    sql = (
        f"SELECT l.purchased_on, l.id, {instant_sql('l.purchased_at')}, l.receipt, c.code, "
        "c.name, p.name, p.specification, p.category, l.quantity, l.unit_price_fen / 100.0, "
        "l.amount_fen / 100.0, l.source FROM purchase l INDEXED BY purchase_day "
        "JOIN product p ON p.id = l.product_id JOIN customer c ON c.id = l.customer_id "
        f"WHERE (l.purchased_on, l.id) > (?, ?){where} ORDER BY l.purchased_on, l.id LIMIT ?"
    )
    sources = labels.values("source", language)
    key: tuple[str, int] = ("", 0)
    while True:
        found = ctx.db.execute_sql(sql, [*key, *params, PAGE]).fetchall()
        if not found:
            return
        for row in found:
            yield (*row[2:12], sources.get(row[12], row[12]))
        key = (found[-1][0], found[-1][1])
        if step is not None:
            step(len(found))


def _local_day_range(dates: Dates) -> tuple[str, list[object]]:
    # occurred_at is local ISO text: its first ten characters are the pharmacy's own day.
    return _range("substr(i.occurred_at, 1, 10)", dates)


def count_interactions(ctx: Context, dates: Dates) -> int:
    where, params = _local_day_range(dates)
    sql = f"SELECT count(*) FROM interaction i WHERE 1 = 1{where}"
    return int(ctx.db.execute_sql(sql, params).fetchone()[0])


def interaction_rows(
    ctx: Context, language: str, dates: Dates, *, step: Step | None = None
) -> Iterator[tuple[Any, ...]]:
    """Entries in the order they were logged; `step(n)` after each page of n entries."""
    where, params = _local_day_range(dates)
    summary = "i.summary" if ctx.account.may_see_health_data else "NULL"
    sql = (
        f"SELECT i.id, {instant_sql('i.occurred_at')}, c.code, c.name, i.channel, i.kind, "
        f"{summary}, i.rating, i.status, {day_sql('i.follow_up_due')}, u.name, i.corrects_id, "
        f"{instant_sql('i.done_at')} FROM interaction i "
        "JOIN customer c ON c.id = i.customer_id LEFT JOIN user u ON u.id = i.user_id "
        f"WHERE i.id > ?{where} ORDER BY i.id LIMIT ?"
    )
    words = [labels.values(group, language) for group in ("channel", "kind", "follow_up_status")]
    last_id = 0
    while True:
        found = ctx.db.execute_sql(sql, [last_id, *params, PAGE]).fetchall()
        if not found:
            return
        for row in found:
            yield _interaction(row, words)
        last_id = found[-1][0]
        if step is not None:
            step(len(found))


def _interaction(row: tuple[Any, ...], words: list[dict[str, str]]) -> tuple[Any, ...]:
    channels, kinds, statuses = words
    values = list(row)
    values[4] = channels.get(values[4], values[4])
    values[5] = kinds.get(values[5], values[5])
    if values[8] is not None:
        values[8] = statuses.get(values[8], values[8])
    return tuple(values)
