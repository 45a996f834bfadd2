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
from pharmadesk.io.export_customers import between, day_sql, instant_sql
from pharmadesk.io.xlsx_stream import Column, Row
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


# A purchases line's cells in the columns' order, and the tables they come from.
_PURCHASE_CELLS = (
    f"{instant_sql('l.purchased_at')}, l.receipt, c.code, c.name, p.name, p.specification, "
    "p.category, l.quantity, l.unit_price_fen / 100.0, l.amount_fen / 100.0, l.source"
)
_PURCHASE_JOINS = "JOIN product p ON p.id = l.product_id JOIN customer c ON c.id = l.customer_id"


def _interaction_query(summary: str) -> str:
    """An entry's cells (the summary as `summary` says) and the tables they come from."""
    return (
        f"i.id, {instant_sql('i.occurred_at')}, c.code, c.name, i.channel, i.kind, {summary}, "
        f"i.rating, i.status, {day_sql('i.follow_up_due')}, u.name, i.corrects_id, "
        f"{instant_sql('i.done_at')} FROM interaction i "
        "JOIN customer c ON c.id = i.customer_id LEFT JOIN user u ON u.id = i.user_id"
    )


def count_purchases(ctx: Context, dates: Dates) -> int:
    where, params = between("purchased_on", dates)
    sql = f"SELECT count(*) FROM purchase WHERE 1 = 1{where}"
    return int(ctx.db.execute_sql(sql, params).fetchone()[0])


def purchase_rows(
    ctx: Context, language: str, dates: Dates, *, step: Step | None = None
) -> Iterator[tuple[Any, ...]]:
    """Lines oldest first; `step(n)` after each page of n lines."""
    where, params = between("l.purchased_on", dates)
    sql = (
        f"SELECT l.purchased_on, l.id, {_PURCHASE_CELLS} FROM purchase l "
        f"INDEXED BY purchase_day {_PURCHASE_JOINS} "
        f"WHERE (l.purchased_on, l.id) > (?, ?){where} ORDER BY l.purchased_on, l.id LIMIT ?"
    )
    sources = labels.values("source", language)
    key: tuple[str, int] = ("", 0)
    while True:
        found = ctx.db.execute_sql(sql, [*key, *params, PAGE]).fetchall()
        if not found:
            return
        for row in found:
            yield _purchase(row[2:], sources)
        key = (found[-1][0], found[-1][1])
        if step is not None:
            step(len(found))


def customer_purchase_rows(ctx: Context, language: str, customer_id: int) -> Iterator[Row]:
    """One customer's lines as the purchases sheet has them, in the order they were made."""
    sql = (
        f"SELECT {_PURCHASE_CELLS} FROM purchase l {_PURCHASE_JOINS} "
        "WHERE l.customer_id = ? ORDER BY l.purchased_at, l.id"
    )
    sources = labels.values("source", language)
    for row in ctx.db.execute_sql(sql, (customer_id,)).fetchall():
        yield _purchase(row, sources)


def _purchase(row: tuple[Any, ...], sources: dict[str, str]) -> tuple[Any, ...]:
    return (*row[:10], sources.get(row[10], row[10]))


def _local_day_range(dates: Dates) -> tuple[str, list[object]]:
    # occurred_at is local ISO text: its first ten characters are the pharmacy's own day.
    return between("substr(i.occurred_at, 1, 10)", dates)


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
    sql = f"SELECT {_interaction_query(summary)} WHERE i.id > ?{where} ORDER BY i.id LIMIT ?"
    words = _interaction_words(language)
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


def customer_interaction_rows(ctx: Context, language: str, customer_id: int) -> Iterator[Row]:
    """One customer's entries as the interactions sheet has them, summaries included (their
    own data: the caller has checked the account may see it), in the order they were
    logged."""
    sql = f"SELECT {_interaction_query('i.summary')} WHERE i.customer_id = ? ORDER BY i.id"
    words = _interaction_words(language)
    for row in ctx.db.execute_sql(sql, (customer_id,)).fetchall():
        yield _interaction(row, words)


def _interaction_words(language: str) -> list[dict[str, str]]:
    return [labels.values(group, language) for group in ("channel", "kind", "follow_up_status")]


def _interaction(row: tuple[Any, ...], words: list[dict[str, str]]) -> tuple[Any, ...]:
    channels, kinds, statuses = words
    values = list(row)
    values[4] = channels.get(values[4], values[4])
    values[5] = kinds.get(values[5], values[5])
    if values[8] is not None:
        values[8] = statuses.get(values[8], values[8])
    return tuple(values)
