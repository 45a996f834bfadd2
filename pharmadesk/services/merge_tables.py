"""What a merge touches: the fields chosen, the tables whose rows move, and the SQL helpers
the preview, the merge, the unmerge and the history share.

A table whose rows belong to a customer and must follow them into the survivor (and back on
an unmerge) goes in MOVING; the merge, the unmerge, the history and the snapshot of the
highest row ids all walk that tuple.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from pharmadesk.services.context import Context

# A field as the person choosing sees it, and the customer columns it stands for.
FIELD_COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("name",),
    "code": ("code",),
    "gender": ("gender",),
    "birth": ("birth_date", "birth_year", "birth_date_approximate"),
    "mobile": ("mobile",),
    "phone": ("phone",),
    "email": ("email",),
    "address": ("address",),
    "postal_code": ("postal_code",),
    "preferences": ("preferences",),
    "allergies": ("allergies",),
    "chronic_conditions": ("chronic_conditions",),
    "notes": ("notes",),
    "guardian": ("guardian_name", "guardian_mobile"),
}
COMBINABLE = ("allergies", "chronic_conditions")
JOINER = "；"
PURPOSES = ("data", "health", "marketing")
# The rows that move to the survivor, in the order they move (and move back).
MOVING = (
    "purchase", "interaction", "points_entry", "consent_record", "reminder_state",
    "card_page",  # schema 14: the scanned card pages a record came from
)  # fmt: skip
Choice = int | str | None  # a source record's id, or the value itself (a single text field)


def survivor_of(ctx: Context, customer_id: int) -> int | None:
    """The record a merged-away customer now lives in (following merges of merges); the
    customer itself when not merged; None when that record is erased or missing."""
    current: int | None = customer_id
    for _ in range(100):  # a chain longer than this is not one a pharmacy makes
        row = ctx.db.execute_sql(
            "SELECT status, merged_into_id FROM customer WHERE id = ?", (current,)
        ).fetchone()
        if row is None or row[0] == "anonymised":
            return None
        if row[0] != "merged" or row[1] is None:
            return current
        current = int(row[1])
    return None


def marks(ids: Sequence[int]) -> str:
    return ",".join("?" * len(ids))


def rows(ctx: Context, sql: str, params: Sequence[Any]) -> list[dict[str, Any]]:
    cursor = ctx.db.execute_sql(sql, tuple(params))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def customers(ctx: Context, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    found = rows(ctx, f"SELECT * FROM customer WHERE id IN ({marks(ids)})", ids)
    return {r["id"]: r for r in found}


def custom_values(ctx: Context, ids: Sequence[int]) -> dict[int, dict[int, str]]:
    out: dict[int, dict[int, str]] = {i: {} for i in ids}
    sql = (
        f"SELECT customer_id, field_id, value FROM custom_value WHERE customer_id IN ({marks(ids)})"
    )
    for customer_id, field_id, value in ctx.db.execute_sql(sql, tuple(ids)):
        out[customer_id][field_id] = value
    return out


def count(ctx: Context, table: str, customer_id: int) -> int:
    sql = f"SELECT count(*) FROM {table} WHERE customer_id = ?"
    return int(ctx.db.execute_sql(sql, (customer_id,)).fetchone()[0])


def instant(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


def apply_columns(ctx: Context, customer_id: int, columns: Mapping[str, Any]) -> None:
    names = list(columns)
    sql = f"UPDATE customer SET {', '.join(f'{n} = ?' for n in names)} WHERE id = ?"
    ctx.db.execute_sql(sql, (*[columns[n] for n in names], customer_id))


def move_rows(ctx: Context, table: str, *, from_id: int, to_id: int, ids: Sequence[int]) -> int:
    """Rows `ids` of `table` that still belong to `from_id` handed to `to_id`, 500 at a
    time (SQLite's parameter limit); the number of rows that moved."""
    moved = 0
    for start in range(0, len(ids), 500):
        part = list(ids[start : start + 500])
        cursor = ctx.db.execute_sql(
            f"UPDATE {table} SET customer_id = ? WHERE customer_id = ? AND id IN ({marks(part)})",
            (to_id, from_id, *part),
        )
        moved += cursor.rowcount
    return moved
