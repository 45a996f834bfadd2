"""Stale customer records: who should be asked to confirm their details, and the review list.

A record is stale when its details were last confirmed longer ago than the owner's setting
(default 12 months), or never confirmed and created before that. The counter asks a stale
customer who came in recently (last activity within `RECENT_DAYS`) to confirm their mobile
and address. The review list holds every stale customer, those who came most recently first;
from it staff confirm, update, or mark someone as moved away or deceased, which stops contact
and reminders (`consents.may_contact` leaves out anyone with a `left_reason`).
"""

from __future__ import annotations

import calendar
import json
from dataclasses import dataclass
from datetime import date, datetime

from pharmadesk.db.models import AuditEvent, Customer
from pharmadesk.errors import NotFound, OperationFailed, ValidationError
from pharmadesk.services import audit, customers, settings
from pharmadesk.services.context import Context
from pharmadesk.services.permissions import Operation, require
from pharmadesk.services.visible import HIDDEN_STATUSES, VISIBLE

VERIFY_MONTHS = "customers.verify_after_months"
DEFAULT_VERIFY_MONTHS = 12
VERIFY_MONTHS_RANGE = (1, 60)
RECENT_DAYS = 30
LEFT_REASONS = ("moved", "deceased")

# Not confirmed since the cutoff day: two parameters, both the cutoff as a local ISO date.
STALE_SQL = (
    "(substr(last_verified_at, 1, 10) < ? "
    "OR (last_verified_at IS NULL AND substr(created_at, 1, 10) < ?))"
)
# Whom the review looks at: the pharmacy's own records, not those who left.
REVIEWED_SQL = f"{VISIBLE} AND left_reason IS NULL"


@dataclass(frozen=True)
class ReviewRow:
    """One stale customer as the review list shows them."""

    id: int
    code: str | None
    name: str
    mobile: str | None
    address: str | None
    last_verified_on: date | None
    last_visit: date | None
    created_on: date


def verify_after_months(ctx: Context) -> int:
    """Months after which a customer's details count as unconfirmed (the owner's setting)."""
    value = settings.get(ctx, VERIFY_MONTHS, DEFAULT_VERIFY_MONTHS)
    low, high = VERIFY_MONTHS_RANGE
    if isinstance(value, int) and not isinstance(value, bool):
        return min(max(value, low), high)
    return DEFAULT_VERIFY_MONTHS


def set_verify_after_months(ctx: Context, months: int) -> None:
    """Owner only: 1 to 60 months. Audited.

    Raises:
        OperationFailed: the number is out of range.
    """
    require(ctx, Operation.MANAGE)
    low, high = VERIFY_MONTHS_RANGE
    if not low <= months <= high:
        raise OperationFailed(f"the verification interval must be {low} to {high} months")
    with ctx.db.atomic():
        settings.put(ctx, VERIFY_MONTHS, months)
        audit.record(ctx, "settings.changed", details={"setting": VERIFY_MONTHS, "value": months})


def months_before(day: date, months: int) -> date:
    """The same day `months` calendar months earlier (the month's last day where it is short)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def cutoff(ctx: Context) -> date:
    """Details confirmed before this day are stale."""
    return months_before(ctx.today(), verify_after_months(ctx))


def is_stale(*, last_verified_at: datetime | None, created_at: datetime, before: date) -> bool:
    """Not confirmed since `before` (never confirmed: created before it)."""
    if last_verified_at is not None:
        return last_verified_at.date() < before
    return created_at.date() < before


def flagged(record: customers.CustomerRecord, *, before: date, today: date) -> bool:
    """The counter's question for a customer already loaded: stale and came in recently."""
    if record.status in HIDDEN_STATUSES or _left(record.id):
        return False
    recent = record.last_active_on is not None and (today - record.last_active_on).days <= (
        RECENT_DAYS
    )
    stale = is_stale(
        last_verified_at=record.last_verified_at, created_at=record.created_at, before=before
    )
    return recent and stale


def _left(customer_id: int) -> bool:
    row = Customer.select(Customer.left_reason).where(Customer.id == customer_id).first()
    return row is not None and row.left_reason is not None


def needs_check(ctx: Context, customer_id: int) -> bool:
    """Should the counter ask this customer to confirm their mobile and address?

    True when the details are stale (see the module) and the customer came in within the
    last `RECENT_DAYS` days (today's visit included). Never for someone who left.
    """
    require(ctx, Operation.COUNTER)
    return flagged(customers.get(ctx, customer_id), before=cutoff(ctx), today=ctx.today())


def stale_where(ctx: Context) -> tuple[str, list[object]]:
    """The WHERE clause (columns of `customer`, unprefixed) and its parameters."""
    day = cutoff(ctx).isoformat()
    return f"{REVIEWED_SQL} AND {STALE_SQL}", [day, day]


def stale_ids(ctx: Context) -> list[int]:
    """Every stale customer's id, those who came most recently first (the review's order)."""
    where, params = stale_where(ctx)
    sql = f"SELECT id FROM customer WHERE {where} {_ORDER}"
    return [row[0] for row in ctx.db.execute_sql(sql, params)]


def count_stale(ctx: Context) -> int:
    where, params = stale_where(ctx)
    sql = f"SELECT count(*) FROM customer WHERE {where}"
    return int(ctx.db.execute_sql(sql, params).fetchone()[0])


_ORDER = "ORDER BY last_active_on IS NULL, last_active_on DESC, id DESC"
_COLUMNS = "id, code, name, mobile, address, last_verified_at, last_active_on, created_at"


def review_list(ctx: Context, *, limit: int | None = None) -> list[ReviewRow]:
    """Every stale customer (see the module), those who came most recently first, with their
    last confirmation, last visit, mobile and address. `limit`: only the first so many."""
    require(ctx, Operation.EDIT_CUSTOMERS)
    where, params = stale_where(ctx)
    sql = f"SELECT {_COLUMNS} FROM customer WHERE {where} {_ORDER}"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return [_review_row(row) for row in ctx.db.execute_sql(sql, params)]


def review_rows(ctx: Context, ids: list[int]) -> list[ReviewRow]:
    """The review's columns for these customers, in the order of `ids` (hidden ones left out)."""
    if not ids:
        return []
    found: dict[int, ReviewRow] = {}
    for start in range(0, len(ids), 500):
        part = ids[start : start + 500]
        sql = (f"SELECT {_COLUMNS} FROM customer WHERE {VISIBLE} "
               f"AND id IN ({','.join('?' * len(part))})")  # fmt: skip
        found.update((row[0], _review_row(row)) for row in ctx.db.execute_sql(sql, part))
    return [found[i] for i in ids if i in found]


def _review_row(row: tuple[object, ...]) -> ReviewRow:
    verified, active, created = row[5], row[6], row[7]
    return ReviewRow(
        id=int(str(row[0])),
        code=_text(row[1]),
        name=str(row[2]),
        mobile=_text(row[3]),
        address=_text(row[4]),
        last_verified_on=date.fromisoformat(str(verified)[:10]) if verified else None,
        last_visit=date.fromisoformat(str(active)[:10]) if active else None,
        created_on=date.fromisoformat(str(created)[:10]),
    )


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def confirm(ctx: Context, customer_id: int) -> None:
    """The customer confirmed their details today (audited as `customer.verified`)."""
    customers.verify(ctx, customer_id)


def _row(customer_id: int) -> Customer:
    row = Customer.get_or_none(Customer.id == customer_id)
    if row is None or row.status in HIDDEN_STATUSES:
        raise NotFound(f"no customer {customer_id}")
    return row


def mark_left(ctx: Context, customer_id: int, *, reason: str, on: date) -> None:
    """The customer moved away or died on `on`: no more contact, reminders or follow-ups.
    The record counts as reviewed (verified now); the confirmation it had before is kept in
    the audit event, so that `undo_left` can put it back. Audited with the reason, by id only.

    Raises:
        ValidationError: an unknown reason, or a day in the future.
        NotFound: no such customer.
    """
    require(ctx, Operation.EDIT_CUSTOMERS)
    if reason not in LEFT_REASONS:
        raise ValidationError({"left_reason": f"must be one of {', '.join(LEFT_REASONS)}"})
    if on > ctx.today():
        raise ValidationError({"left_on": "cannot be in the future"})
    row = _row(customer_id)
    now = ctx.now()
    details = {"reason": reason, "on": on.isoformat(), "verified_at": _instant(now),
               "verified_before": _instant(row.last_verified_at)}  # fmt: skip
    with ctx.db.atomic():
        row.left_reason, row.left_on, row.updated_at = reason, on, now
        row.last_verified_at = now
        row.save()
        audit.record(ctx, "customer.left", customer_id=row.id, details=details)
        audit.record(ctx, "customer.verified", customer_id=row.id)


def undo_left(ctx: Context, customer_id: int) -> None:
    """Take back a "moved" or "deceased" mark: the customer may be contacted again (as their
    consents allow), and their details count as confirmed when they were before the mark,
    unless someone confirmed them again since. Audited.

    Raises:
        OperationFailed: the customer was not marked as having left.
    """
    require(ctx, Operation.EDIT_CUSTOMERS)
    row = _row(customer_id)
    if row.left_reason is None:
        raise OperationFailed("this customer is not marked as moved or deceased")
    marked = _mark_details(row.id)
    restored = _instant(row.last_verified_at) == marked.get("verified_at", "")
    with ctx.db.atomic():
        row.left_reason, row.left_on, row.updated_at = None, None, ctx.now()
        if restored:
            before = marked.get("verified_before")
            row.last_verified_at = None if before is None else datetime.fromisoformat(before)
        row.save()
        audit.record(ctx, "customer.left_undone", customer_id=row.id,
                     details={"verification_restored": restored})  # fmt: skip


def _instant(value: datetime | None) -> str | None:
    # As the database keeps it (whole seconds), so that a value read back compares equal.
    return None if value is None else value.isoformat(timespec="seconds")


def _mark_details(customer_id: int) -> dict[str, str | None]:
    """The details of the customer's latest `customer.left` event ({} when there is none)."""
    event = (
        AuditEvent.select(AuditEvent.details)
        .where(AuditEvent.customer_id == customer_id, AuditEvent.action == "customer.left")
        .order_by(AuditEvent.id.desc())
        .first()
    )
    if event is None:
        return {}
    found = json.loads(event.details or "{}")
    return found if isinstance(found, dict) else {}


def left_status(ctx: Context, customer_id: int) -> tuple[str, date] | None:
    """("moved" or "deceased", the day) for someone marked as having left, else None."""
    require(ctx, Operation.COUNTER)
    row = _row(customer_id)
    if row.left_reason is None or row.left_on is None:
        return None
    return str(row.left_reason), row.left_on
