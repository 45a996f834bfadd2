"""Customers: create, update, get, deactivate, list, and the possible-duplicate check.

Services hand out `CustomerRecord` dataclasses, never live rows. Every change is audited
(customer id and field names only) in the same transaction as the change itself.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime
from typing import Any

from peewee import fn

from pharmadesk.db.models import Customer, CustomField, CustomValue
from pharmadesk.errors import NotFound, ValidationError
from pharmadesk.services import audit, consents, purchases, search_index
from pharmadesk.services.context import Context
from pharmadesk.services.custom_fields import json_value, list_fields
from pharmadesk.services.customer_input import (
    CONSENT_FIELDS,
    GUARDIAN_FIELDS,
    HEALTH_FIELDS,
    Prepared,
    check_guardian,
    prepare,
)
from pharmadesk.services.permissions import Operation, allows, require
from pharmadesk.services.visible import HIDDEN_STATUSES
from pharmadesk.text.pinyin import full_and_initials

CODE_PREFIX = "PD"


@dataclass(frozen=True)
class CustomerRecord:
    id: int
    code: str | None
    name: str
    gender: str | None
    birth_date: date | None
    birth_year: int | None
    birth_date_approximate: bool
    mobile: str | None
    phone: str | None
    email: str | None
    address: str | None
    postal_code: str | None
    preferences: str | None
    allergies: str | None
    chronic_conditions: str | None
    notes: str | None
    consent_data: str | None
    consent_health: str | None
    consent_marketing: str | None
    status: str
    source: str
    created_at: datetime
    updated_at: datetime
    last_verified_at: datetime | None
    last_active_on: date | None
    custom: dict[str, Any] = field(default_factory=dict)
    points: int = 0
    purchase_count: int = 0
    total_spend_fen: int = 0
    last_purchase: date | None = None
    restricted: bool = False  # health fields withheld from a role that may not see them
    guardian_name: str | None = None  # a child under 14's guardian (not in the JSON contract)
    guardian_mobile: str | None = None


@dataclass(frozen=True)
class Candidate:
    """An existing customer who may be the same person, and why."""

    id: int
    code: str | None
    name: str
    mobile: str | None
    birth_date: date | None
    reason: str


@dataclass(frozen=True)
class SaveOutcome:
    """Either the saved customer, or the possible duplicates that stopped the save."""

    customer: CustomerRecord | None
    candidates: list[Candidate] = field(default_factory=list)
    warnings: dict[str, str] = field(default_factory=dict)


def yuan(fen: int) -> str:
    """Integer fen as yuan text with two decimals: 1234 -> '12.34'."""
    sign = "-" if fen < 0 else ""
    return f"{sign}{abs(fen) // 100}.{abs(fen) % 100:02d}"


def _row(customer_id: int) -> Customer:
    row = Customer.get_or_none(Customer.id == customer_id)
    if row is None or row.status in HIDDEN_STATUSES:
        raise NotFound(f"no customer {customer_id}")
    return row


def possible_duplicates(
    ctx: Context,
    *,
    name: str | None,
    mobile: str | None,
    birth_date: date | None,
    exclude_id: int | None = None,
) -> list[Candidate]:
    """Customers with the same mobile, or the same name and birth date."""
    found: dict[int, Candidate] = {}
    conditions = []
    if mobile:
        conditions.append((Customer.mobile == mobile, "same mobile"))
    if name and birth_date:
        same = (Customer.name == name) & (Customer.birth_date == birth_date)
        conditions.append((same, "same name and birth date"))
    for condition, reason in conditions:
        query = Customer.select().where(condition & Customer.status.not_in(HIDDEN_STATUSES))
        if exclude_id is not None:
            query = query.where(Customer.id != exclude_id)
        for row in query.limit(20):
            found.setdefault(
                row.id, Candidate(row.id, row.code, row.name, row.mobile, row.birth_date, reason)
            )
    return list(found.values())


def create(
    ctx: Context,
    data: Mapping[str, Any],
    *,
    allow_duplicate: bool = False,
    registered_on: date | None = None,
    source: str = "manual",
) -> SaveOutcome:
    """Create a customer, unless it may duplicate one (then the candidates come back).

    Raises:
        ValidationError: a field cannot be used; nothing is saved.
        PermissionRefused: the role may not create customers, or may not write health data.
    """
    require(ctx, Operation.EDIT_CUSTOMERS)
    if any(data.get(k) not in (None, "") for k in HEALTH_FIELDS):
        require(ctx, Operation.SEE_HEALTH)
    prepared = prepare(data, reference_date=registered_on or ctx.today(), fields=list_fields(ctx))
    check_guardian(prepared, prepared.values, ctx.today())
    if prepared.problems:
        raise ValidationError(prepared.problems)
    values = prepared.values
    channel = values.pop("consent_channel", None) or "counter"
    if not allow_duplicate:
        candidates = possible_duplicates(
            ctx, name=values["name"], mobile=values.get("mobile"),
            birth_date=values.get("birth_date"),
        )  # fmt: skip
        if candidates:
            return SaveOutcome(None, candidates, prepared.warnings)
    if values.get("code") and Customer.select().where(Customer.code == values["code"]).exists():
        raise ValidationError({"code": f"member code {values['code']} is already in use"})
    now = ctx.now()
    with ctx.db.atomic():
        pinyin, initials = full_and_initials(values["name"])
        row = Customer.create(
            **{k: v for k, v in values.items() if k not in CONSENT_FIELDS},
            pinyin=pinyin,
            initials=initials,
            source=source,
            created_at=now,
            updated_at=now,
            last_verified_at=now,
            last_active_on=now.date(),
        )
        if not row.code:
            row.code = _new_code(row.id)
            row.save()
        _record_consents(ctx, row, values, channel)
        _write_custom(row.id, prepared.custom)
        search_index.index_customer(ctx.db, row.id, row.name, row.last_active_on)
        audit.record(ctx, "customer.created", customer_id=row.id, details={"source": source})
    return SaveOutcome(get(ctx, row.id), [], prepared.warnings)


def _new_code(customer_id: int) -> str:
    code, n = f"{CODE_PREFIX}{customer_id:06d}", 1
    while Customer.select().where(Customer.code == code).exists():
        n += 1
        code = f"{CODE_PREFIX}{customer_id:06d}-{n}"
    return code


def _record_consents(
    ctx: Context, row: Customer, values: Mapping[str, Any], channel: str
) -> list[str]:
    """Apply consent statuses that differ from the row's, each with a history record
    (notice version, channel, staff member) and an audit event."""
    changed = []
    for name in CONSENT_FIELDS:
        if name not in values or getattr(row, name) == values[name]:
            continue
        changed.append(name)
        if values[name] is None:
            setattr(row, name, None)
        else:
            consents.write(ctx, row, name.removeprefix("consent_"), values[name], channel=channel)
    if changed:
        row.save()
    return changed


def _write_custom(customer_id: int, custom: Mapping[str, str | None]) -> None:
    if not custom:
        return
    ids = {f.key: f.id for f in CustomField.select().where(CustomField.key.in_(list(custom)))}
    for key, value in custom.items():
        where = (CustomValue.customer == customer_id) & (CustomValue.field == ids[key])
        CustomValue.delete().where(where).execute()
        if value is not None:
            CustomValue.insert(customer=customer_id, field=ids[key], value=value).execute()


def update(
    ctx: Context, customer_id: int, changes: Mapping[str, Any], *, allow_duplicate: bool = False
) -> SaveOutcome:
    """Change some fields of a customer; fields not named in `changes` stay as they are.

    A change that makes the customer look like another one (the mobile of someone else, or
    their name and birth date) returns the candidates instead, unless `allow_duplicate`.

    Raises:
        ValidationError: a field cannot be used; nothing is saved.
        NotFound: no such customer.
        PermissionRefused: the role may not edit customers, or may not change health data.
    """
    require(ctx, Operation.EDIT_CUSTOMERS)
    if any(k in changes for k in HEALTH_FIELDS):
        # A role that is shown "restricted" cannot know what it would overwrite.
        require(ctx, Operation.SEE_HEALTH)
    row = _row(customer_id)
    prepared = prepare(
        changes, reference_date=ctx.today(), fields=list_fields(ctx), require_name=False
    )
    _check_guardian_of(ctx, row, prepared)
    if prepared.problems:
        raise ValidationError(prepared.problems)
    values = prepared.values
    channel = values.pop("consent_channel", None) or "counter"
    identity = ("mobile", "name", "birth_date")
    if not allow_duplicate and any(k in values and values[k] != getattr(row, k) for k in identity):
        candidates = possible_duplicates(
            ctx, name=values.get("name", row.name), mobile=values.get("mobile", row.mobile),
            birth_date=values.get("birth_date", row.birth_date), exclude_id=row.id,
        )  # fmt: skip
        if candidates:
            return SaveOutcome(None, candidates, prepared.warnings)
    new_code = values.get("code")
    if new_code and new_code != row.code:
        taken = Customer.select().where((Customer.code == new_code) & (Customer.id != row.id))
        if taken.exists():
            raise ValidationError({"code": f"member code {new_code} is already in use"})
    with ctx.db.atomic():
        changed = [k for k, v in values.items() if k not in CONSENT_FIELDS and getattr(row, k) != v]
        for name in changed:
            setattr(row, name, values[name])
        if "name" in changed:
            row.pinyin, row.initials = full_and_initials(row.name)
            search_index.index_customer(ctx.db, row.id, row.name, row.last_active_on)
        changed += _record_consents(ctx, row, values, channel)
        if prepared.custom:
            _write_custom(row.id, prepared.custom)
            changed += [f"custom.{key}" for key in prepared.custom]
        if changed:
            row.updated_at = ctx.now()
            row.save()
            audit.record(
                ctx, "customer.updated", customer_id=row.id, details={"fields": sorted(changed)}
            )
    return SaveOutcome(get(ctx, row.id), [], prepared.warnings)


def _check_guardian_of(ctx: Context, row: Customer, prepared: Prepared) -> None:
    """The guardian rule on the customer as it would be saved: stored values, then changes."""
    kept = ("birth_date", "birth_year", "consent_data", *GUARDIAN_FIELDS)
    whole = {name: getattr(row, name) for name in kept}
    whole.update({k: v for k, v in prepared.values.items() if k in kept})
    check_guardian(prepared, whole, ctx.today())


def verify(ctx: Context, customer_id: int) -> None:
    """The customer confirmed their details today."""
    require(ctx, Operation.EDIT_CUSTOMERS)
    row = _row(customer_id)
    with ctx.db.atomic():
        row.last_verified_at = ctx.now()
        row.save()
        audit.record(ctx, "customer.verified", customer_id=row.id)


def deactivate(ctx: Context, customer_id: int, *, active: bool = False) -> CustomerRecord:
    """Mark a customer inactive (or active again). Their history is kept."""
    require(ctx, Operation.EDIT_CUSTOMERS)
    row = _row(customer_id)
    with ctx.db.atomic():
        row.status = "active" if active else "inactive"
        row.updated_at = ctx.now()
        row.save()
        action = "customer.reactivated" if active else "customer.deactivated"
        audit.record(ctx, action, customer_id=row.id)
    return get(ctx, row.id)


def get(ctx: Context, customer_id: int) -> CustomerRecord:
    """One customer with custom values, points and purchase summary.

    Raises:
        NotFound: no such customer (or it was anonymised).
    """
    records = get_many(ctx, [customer_id])
    if not records:
        raise NotFound(f"no customer {customer_id}")
    return records[0]


def get_many(ctx: Context, ids: list[int]) -> list[CustomerRecord]:
    """Customers in the order of `ids` (missing ones left out), each with its summaries.

    For a role that may not see health data, those fields are None and `restricted` is set.
    """
    require(ctx, Operation.COUNTER)
    if not ids:
        return []
    rows = Customer.select().where(Customer.id.in_(ids) & Customer.status.not_in(HIDDEN_STATUSES))
    by_id = _records(ctx, list(rows), ids)
    return [by_id[i] for i in ids if i in by_id]


def list_customers(ctx: Context, *, chunk: int = 2000) -> Iterator[CustomerRecord]:
    """Every customer in id order, read in chunks so memory stays flat.

    The whole file of personal data at once is an export (`customers list`): owner only.
    """
    require(ctx, Operation.EXPORT_PERSONAL)
    last_id = 0
    while True:
        rows = list(
            Customer.select()
            .where((Customer.id > last_id) & Customer.status.not_in(HIDDEN_STATUSES))
            .order_by(Customer.id)
            .limit(chunk)
        )
        if not rows:
            return
        ids = [r.id for r in rows]
        by_id = _records(ctx, rows, ids)
        yield from (by_id[i] for i in ids)
        last_id = ids[-1]


def _records(ctx: Context, rows: list[Customer], ids: list[int]) -> dict[int, CustomerRecord]:
    summaries = _purchase_summaries(ctx, ids)
    points = _points(ctx, ids)
    custom = _custom_values(ctx, ids)
    records = {
        row.id: _record(row, summaries.get(row.id), points.get(row.id, 0), custom.get(row.id))
        for row in rows
    }
    if allows(ctx.account, Operation.SEE_HEALTH):
        return records
    withheld: dict[str, Any] = dict.fromkeys(HEALTH_FIELDS)
    return {i: replace(r, **withheld, restricted=True) for i, r in records.items()}


def _in_clause(ids: list[int]) -> str:
    return ",".join("?" * len(ids))


def _purchase_summaries(ctx: Context, ids: list[int]) -> dict[int, tuple[int, int, str]]:
    sql = (
        f"SELECT customer_id, {purchases.TRANSACTIONS_SQL}, sum(amount_fen), "
        f"max(purchased_on) FROM purchase WHERE customer_id IN ({_in_clause(ids)}) "
        "GROUP BY customer_id"
    )
    return {r[0]: (r[1], r[2], r[3]) for r in ctx.db.execute_sql(sql, ids)}


def _points(ctx: Context, ids: list[int]) -> dict[int, int]:
    sql = (
        "SELECT customer_id, sum(points) FROM points_entry "
        f"WHERE customer_id IN ({_in_clause(ids)}) GROUP BY customer_id"
    )
    return {r[0]: r[1] for r in ctx.db.execute_sql(sql, ids)}


def _custom_values(ctx: Context, ids: list[int]) -> dict[int, dict[str, Any]]:
    sql = (
        "SELECT v.customer_id, f.key, f.kind, v.value FROM custom_value v "
        f"JOIN custom_field f ON f.id = v.field_id WHERE v.customer_id IN ({_in_clause(ids)})"
    )
    out: dict[int, dict[str, Any]] = {}
    for customer_id, key, kind, value in ctx.db.execute_sql(sql, ids):
        out.setdefault(customer_id, {})[key] = json_value(kind, value)
    return out


def _record(
    row: Customer,
    summary: tuple[int, int, str] | None,
    points: int,
    custom: dict[str, Any] | None,
) -> CustomerRecord:
    count, spend, last = summary or (0, 0, None)
    return CustomerRecord(
        id=row.id, code=row.code, name=row.name, gender=row.gender, birth_date=row.birth_date,
        # The year is given whenever it is known, from a full birth date too (the contract).
        birth_year=row.birth_year or (row.birth_date.year if row.birth_date else None),
        birth_date_approximate=bool(row.birth_date_approximate),
        mobile=row.mobile, phone=row.phone, email=row.email, address=row.address,
        postal_code=row.postal_code, preferences=row.preferences, allergies=row.allergies,
        chronic_conditions=row.chronic_conditions, notes=row.notes,
        consent_data=row.consent_data, consent_health=row.consent_health,
        consent_marketing=row.consent_marketing, status=row.status, source=row.source,
        created_at=row.created_at, updated_at=row.updated_at,
        last_verified_at=row.last_verified_at, last_active_on=row.last_active_on,
        custom=custom or {}, points=points, purchase_count=count, total_spend_fen=spend or 0,
        last_purchase=date.fromisoformat(last) if last else None,
        guardian_name=row.guardian_name, guardian_mobile=row.guardian_mobile,
    )  # fmt: skip


JSON_FIELDS = (
    "id", "code", "name", "gender", "birth_date", "mobile", "birth_year",
    "birth_date_approximate", "phone", "email", "address", "postal_code", "preferences",
    "allergies", "chronic_conditions", "notes", "consent_data", "consent_health",
    "consent_marketing", "custom", "status", "points", "purchase_count", "total_spend",
    "last_purchase",
)  # fmt: skip


def to_json(record: CustomerRecord) -> dict[str, Any]:
    """The command line's JSON object for a customer (field names are a contract)."""
    raw = asdict(record)
    out: dict[str, Any] = {}
    for name in JSON_FIELDS:
        if name == "total_spend":
            out[name] = yuan(record.total_spend_fen)
        else:
            value = raw[name]
            out[name] = value.isoformat() if isinstance(value, date) else value
    out["restricted"] = record.restricted
    return out


def count_active(ctx: Context) -> int:
    return int(Customer.select(fn.count(Customer.id)).where(Customer.status == "active").scalar())
