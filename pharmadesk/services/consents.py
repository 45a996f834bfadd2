"""Consents: each customer's current status per purpose, its history, recording and withdrawal.

Three purposes (personal data, health data, marketing contact), each with a status (given,
refused, withdrawn, paper card not yet confirmed). The customer row holds the current status;
every change appends a `ConsentRecord` with the time, the privacy notice version the customer
was shown (the owner's setting), the staff member, the channel, and whether a guardian gave
it (a child under 14). Every change is audited with the customer's id only.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from peewee import JOIN

from pharmadesk.db.models import ConsentRecord, Customer, User
from pharmadesk.errors import NotFound, OperationFailed, ValidationError
from pharmadesk.services import audit, settings
from pharmadesk.services.context import Context
from pharmadesk.services.customer_input import (
    CONSENT_CHANNELS,
    CONSENT_STATUSES,
    GUARDIAN_FIELDS,
    under_guardian_age,
)
from pharmadesk.services.permissions import Operation, require
from pharmadesk.services.visible import HIDDEN_STATUSES, VISIBLE

PURPOSES = ("data", "health", "marketing")
CHANNELS = CONSENT_CHANNELS
NOTICE_VERSION = "consent.notice_version"
DEFAULT_NOTICE_VERSION = "1"
MAX_NOTICE_VERSION = 40
CHUNK = 900  # ids per IN (...), under SQLite's parameter limit


@dataclass(frozen=True)
class ConsentEntry:
    """One record of the history: what was recorded, when, how and by whom."""

    id: int
    purpose: str
    status: str
    recorded_at: datetime
    notice_version: str | None
    user_name: str | None
    channel: str | None
    by_guardian: bool


@dataclass(frozen=True)
class ConsentState:
    """A purpose's current status, with the record that set it (None: nothing recorded)."""

    purpose: str
    status: str | None
    since: ConsentEntry | None


def notice_version(ctx: Context) -> str:
    """The version of the privacy notice customers are shown now (owner's setting, "1")."""
    value = settings.get(ctx, NOTICE_VERSION, DEFAULT_NOTICE_VERSION)
    return str(value) if value else DEFAULT_NOTICE_VERSION


_notice = notice_version  # for the functions whose parameter of that name shadows it


def set_notice_version(ctx: Context, version: str) -> None:
    """Owner only: consents recorded from now on name this notice version."""
    require(ctx, Operation.MANAGE)
    text = version.strip()
    if not text or len(text) > MAX_NOTICE_VERSION:
        raise OperationFailed(f"a notice version is 1 to {MAX_NOTICE_VERSION} characters")
    with ctx.db.atomic():
        settings.put(ctx, NOTICE_VERSION, text)
        audit.record(ctx, "settings.changed", details={"setting": NOTICE_VERSION, "value": text})


def history(ctx: Context, customer_id: int) -> list[ConsentEntry]:
    """Every consent record of a customer, newest first."""
    require(ctx, Operation.COUNTER)
    query = (
        ConsentRecord.select(ConsentRecord, User.name)
        .join(User, on=(ConsentRecord.user == User.id), join_type=JOIN.LEFT_OUTER)
        .where(ConsentRecord.customer == customer_id)
        .order_by(ConsentRecord.id.desc())
    )
    return [_entry(row) for row in query.objects()]


def _entry(row: ConsentRecord) -> ConsentEntry:
    return ConsentEntry(
        id=row.id, purpose=row.purpose, status=row.status, recorded_at=row.recorded_at,
        notice_version=row.notice_version, user_name=getattr(row, "name", None),
        channel=row.channel, by_guardian=bool(row.by_guardian),
    )  # fmt: skip


def states(statuses: dict[str, str | None], entries: list[ConsentEntry]) -> list[ConsentState]:
    """Each purpose's status (from the customer) with the newest record that set it."""
    out = []
    for purpose in PURPOSES:
        status = statuses.get(purpose)
        since = next((e for e in entries if e.purpose == purpose and e.status == status), None)
        out.append(ConsentState(purpose, status, since if status is not None else None))
    return out


def may_contact(ctx: Context, ids: Iterable[int]) -> set[int]:
    """Those of `ids` who gave contact (marketing) consent: the only customers any list or
    export made for contacting people may hold. Follow-ups a customer asked for in an
    interaction (a complaint to call back on) are service, not marketing, and not filtered."""
    wanted, found = sorted(set(ids)), set[int]()
    for start in range(0, len(wanted), CHUNK):
        part = wanted[start : start + CHUNK]
        sql = (
            "SELECT id FROM customer WHERE consent_marketing = 'given' "
            f"AND {VISIBLE} AND left_reason IS NULL AND id IN ({','.join('?' * len(part))})"
        )
        found.update(row[0] for row in ctx.db.execute_sql(sql, part))
    return found


def current(ctx: Context, customer_id: int) -> list[ConsentState]:
    """The three purposes' current statuses, each with its date, notice and channel."""
    row = _customer(customer_id)
    return states(_statuses(row), history(ctx, customer_id))


def record(
    ctx: Context,
    customer_id: int,
    purpose: str,
    status: str,
    *,
    channel: str = "counter",
    notice_version: str | None = None,
) -> ConsentState:
    """Record a consent status (a new record even when it repeats the current one: a
    confirmation under a newer notice). A child's consent is the guardian's.

    Raises:
        ValidationError: an unknown purpose, status or channel; or a child under 14 whose
            guardian is not on file (the guardian's name and mobile are needed first).
        NotFound: no such customer.
    """
    require(ctx, Operation.EDIT_CUSTOMERS)
    _check(purpose=purpose, status=status, channel=channel)
    row = _customer(customer_id)
    if status == "given" and under_guardian_age(_birth(row), ctx.today()):
        missing = {f: "a child under 14: the guardian must be on file first"
                   for f in GUARDIAN_FIELDS if not getattr(row, f)}  # fmt: skip
        if missing:
            raise ValidationError(missing)
    with ctx.db.atomic():
        write(ctx, row, purpose, status, channel=channel, notice_version=notice_version)
        row.save()
    return _state(ctx, customer_id, purpose)


def withdraw(
    ctx: Context, customer_id: int, purpose: str, *, channel: str = "counter"
) -> ConsentState:
    """The customer (or a child's guardian) withdraws a consent they had given.

    Raises:
        OperationFailed: the consent is not given now (nothing to withdraw).
        NotFound: no such customer.
    """
    require(ctx, Operation.EDIT_CUSTOMERS)
    _check(purpose=purpose, status="withdrawn", channel=channel)
    row = _customer(customer_id)
    if getattr(row, f"consent_{purpose}") != "given":
        raise OperationFailed(f"the {purpose} consent is not given; there is nothing to withdraw")
    with ctx.db.atomic():
        write(ctx, row, purpose, "withdrawn", channel=channel)
        row.save()
    return _state(ctx, customer_id, purpose)


def write(
    ctx: Context,
    row: Customer,
    purpose: str,
    status: str,
    *,
    channel: str = "counter",
    notice_version: str | None = None,
) -> None:
    """Set the status on `row` (the caller saves it) and append its record and audit event.
    Call inside the caller's transaction."""
    setattr(row, f"consent_{purpose}", status)
    entry = ConsentRecord.create(
        customer=row.id, purpose=purpose, status=status, recorded_at=ctx.now(),
        notice_version=notice_version or _notice(ctx),
        user=ctx.account.id, channel=channel,
        by_guardian=under_guardian_age(_birth(row), ctx.today()),
    )  # fmt: skip
    action = "consent.withdrawn" if status == "withdrawn" else "consent.recorded"
    details = {
        "purpose": purpose, "status": status, "channel": channel,
        "notice_version": entry.notice_version, "by_guardian": entry.by_guardian,
    }  # fmt: skip
    audit.record(
        ctx, action, customer_id=row.id, entity="consent_record", entity_id=entry.id,
        details=details,
    )  # fmt: skip


def _check(*, purpose: str, status: str, channel: str) -> None:
    problems = {}
    if purpose not in PURPOSES:
        problems["purpose"] = f"a consent purpose is one of {', '.join(PURPOSES)}: {purpose}"
    if status not in CONSENT_STATUSES:
        problems["status"] = f"a consent is one of {', '.join(CONSENT_STATUSES)}: {status}"
    if channel not in CHANNELS:
        problems["channel"] = f"a consent channel is one of {', '.join(CHANNELS)}: {channel}"
    if problems:
        raise ValidationError(problems)


def _customer(customer_id: int) -> Customer:
    row = Customer.get_or_none(Customer.id == customer_id)
    if row is None or row.status in HIDDEN_STATUSES:
        raise NotFound(f"no customer {customer_id}")
    return row


def _birth(row: Customer) -> dict[str, object]:
    return {"birth_date": row.birth_date, "birth_year": row.birth_year}


def _statuses(row: Customer) -> dict[str, str | None]:
    return {purpose: getattr(row, f"consent_{purpose}") for purpose in PURPOSES}


def _state(ctx: Context, customer_id: int, purpose: str) -> ConsentState:
    return next(s for s in current(ctx, customer_id) if s.purpose == purpose)
