"""Retention review: customers inactive for longer than the owner keeps data, and their
anonymisation in bulk.

"Inactive" is the customer's last activity (`last_active_on`: the last purchase or logged
contact, else the day the file was made) before the cut-off, which is today minus the
owner's number of years (default 3). The list is read once for the review; the erasure
checks each chosen customer again, so one who bought something meanwhile is left alone.
Each anonymisation is `erasure.erase_many` (reason "retention"), so it is the very same
erasure as on request, audited per customer.

A large pharmacy can have tens of thousands of inactive customers, so the list is one query
(the receipt count comes from the `customer_activity` summary, not a count per customer)
and the preview checks every chosen id again in one query too.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from pharmadesk.errors import OperationFailed
from pharmadesk.services import audit, erasure, settings
from pharmadesk.services.context import Context
from pharmadesk.services.erasure import ErasureResult
from pharmadesk.services.permissions import Operation, require
from pharmadesk.services.visible import VISIBLE

RETENTION_YEARS = "privacy.retention_years"
DEFAULT_YEARS = 3
YEARS_RANGE = (1, 30)

_LAST = "coalesce(c.last_active_on, substr(c.created_at, 1, 10))"
# `last_active_on < ?` is false for NULL, so the two branches never overlap; each one is a
# search of the `customer_last_active` index instead of a scan of every customer.
_INACTIVE = (
    "(c.last_active_on < :cutoff "
    "OR (c.last_active_on IS NULL AND substr(c.created_at, 1, 10) < :cutoff))"
)
# The summary `customer_activity` (kept by triggers) counts each customer's receipts.
_SELECT = (
    f"SELECT c.id, c.code, c.name, c.pinyin, {_LAST} AS last, coalesce(a.transactions, 0) "
    "FROM customer c LEFT JOIN customer_activity a ON a.customer_id = c.id "
    f"WHERE c.{VISIBLE} AND {_INACTIVE} "
)
_ORDER = "ORDER BY last, c.id"


@dataclass(frozen=True, slots=True)
class InactiveCustomer:
    id: int
    code: str | None
    name: str
    pinyin: str | None  # for sorting the list by name
    last_activity: date | None
    purchase_count: int  # receipts (transactions), as the customer list counts them


@dataclass(frozen=True)
class Preview:
    """What anonymising the chosen customers would do, checked again just now."""

    customers: list[InactiveCustomer]  # still inactive: these would be anonymised
    active_again: int  # chosen, but active since the list was made (or gone): left alone


def retention_years(ctx: Context) -> int:
    value = settings.get(ctx, RETENTION_YEARS, DEFAULT_YEARS)
    low, high = YEARS_RANGE
    return value if isinstance(value, int) and low <= value <= high else DEFAULT_YEARS


def set_retention_years(ctx: Context, years: int) -> None:
    """Owner only; audited like every setting."""
    require(ctx, Operation.MANAGE)
    low, high = YEARS_RANGE
    if not low <= years <= high:
        raise OperationFailed(f"customer data is kept {low} to {high} years")
    with ctx.db.atomic():
        settings.put(ctx, RETENTION_YEARS, years)
        audit.record(ctx, "settings.changed",
                     details={"setting": RETENTION_YEARS, "value": years})  # fmt: skip


def cutoff(ctx: Context, *, years: int | None = None) -> date:
    """Customers last active before this day are inactive too long: `years` (by default
    the owner's setting) before today."""
    today = ctx.today()
    years = retention_years(ctx) if years is None else years
    low, high = YEARS_RANGE
    if not low <= years <= high:  # 0 would make every customer inactive
        raise OperationFailed(f"customer data is kept {low} to {high} years")
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February, in a year that has none
        return today.replace(year=today.year - years, day=28)


def inactive_customers(ctx: Context, *, years: int | None = None) -> list[InactiveCustomer]:
    """Every customer last active before the cut-off (`cutoff`: `years`, by default the
    owner's setting), longest inactive first (owner only). The review's own choice of
    years changes no setting."""
    require(ctx, Operation.ERASE)
    since = cutoff(ctx, years=years).isoformat()
    rows = ctx.db.execute_sql(_SELECT + _ORDER, {"cutoff": since}).fetchall()
    return [_customer(row) for row in rows]


def _customer(row: tuple[Any, ...]) -> InactiveCustomer:
    customer_id, code, name, pinyin, last, count = row
    return InactiveCustomer(customer_id, code, name, pinyin,
                            date.fromisoformat(last) if last else None, count)  # fmt: skip


def preview(ctx: Context, customer_ids: Sequence[int], *, years: int | None = None) -> Preview:
    """The chosen customers who are still inactive (for `years`, as the list was read), and
    how many are not (owner only)."""
    require(ctx, Operation.ERASE)
    chosen = sorted(set(customer_ids))
    # One query for any number of ids: they travel as one JSON array, not as bound markers
    # (SQLite caps those) nor as chunks.
    rows = ctx.db.execute_sql(
        _SELECT + f"AND c.id IN (SELECT value FROM json_each(:ids)) {_ORDER}",
        {"cutoff": cutoff(ctx, years=years).isoformat(), "ids": json.dumps(chosen)},
    ).fetchall()
    found = [_customer(row) for row in rows]
    return Preview(found, len(chosen) - len(found))


def anonymise(
    ctx: Context,
    customer_ids: Sequence[int],
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    years: int | None = None,
) -> ErasureResult:
    """Anonymise those of the chosen customers who are still inactive for `years` (by
    default the owner's setting; owner only).

    Raises:
        PermissionRefused: only the owner may anonymise.
    """
    still = [c.id for c in preview(ctx, customer_ids, years=years).customers]
    return erasure.erase_many(ctx, still, reason="retention", progress=progress,
                              cancelled=cancelled)  # fmt: skip
