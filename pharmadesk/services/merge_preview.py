"""The records of a merge side by side: per field each one's value and the value that
survives by default, the default survivor, and what each record would bring along.

Decisions (the merge itself is in services/merge.py):
- The default survivor is the most recently verified record: its details were confirmed
  with the person last, so it is the one most likely right and the one staff find; then
  the one with most purchase lines (fewer rows move, the member code the customer uses
  most stays), then the oldest.
- Per field the survivor takes, by default, the value of the most recently verified record
  that has one, then of the most recently updated.
- Allergies and chronic conditions default to all the different values together: losing
  an allergy because it was written on the other card is a risk to the patient.
- Consents are not chosen: per purpose the survivor holds the status of the newest consent
  record of any of the records (a withdrawal written on the old card after a consent on
  the new one must hold); with no record at all, the survivor's own status, else the first
  one found in the field order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pharmadesk.db.models import CustomField
from pharmadesk.errors import NotFound, UsageError
from pharmadesk.services.context import Context
from pharmadesk.services.merge_tables import (
    COMBINABLE,
    FIELD_COLUMNS,
    JOINER,
    PURPOSES,
    Choice,
    count,
    custom_values,
    customers,
    instant,
    marks,
    rows,
)
from pharmadesk.services.permissions import Operation, require
from pharmadesk.services.visible import HIDDEN_STATUSES


@dataclass(frozen=True)
class Birth:
    """The birth field of one record: a date, or a year only (approximate)."""

    date: str | None
    year: int | None
    approximate: bool


@dataclass(frozen=True)
class Guardian:
    name: str | None
    mobile: str | None


@dataclass(frozen=True)
class Side:
    """One record of the merge, with what would move from it to the survivor."""

    id: int
    code: str | None
    name: str
    created_at: datetime
    updated_at: datetime
    last_verified_at: datetime | None
    purchases: int  # purchase lines
    interactions: int
    points_entries: int
    points: int
    consents: int  # consent records
    reminder_states: int
    register_lines: int  # real-name register lines: they stay with this record


@dataclass(frozen=True)
class FieldChoice:
    """One field across the records: each one's value and what survives by default."""

    name: str  # a FIELD_COLUMNS key, or "custom.<key>"
    label: str | None  # a custom field's own label; None for the built-in fields
    values: dict[int, Any]  # record id -> value (Birth, Guardian, text or None)
    default_source: int | None  # the record whose value survives; None when all are empty
    combined: str | None = None  # allergies/conditions: all the values together (the default)

    @property
    def differs(self) -> bool:
        return len({v for v in self.values.values() if not _empty(v)}) > 1

    @property
    def default(self) -> Choice:
        return self.combined if self.combined is not None else self.default_source


@dataclass(frozen=True)
class MergePreview:
    records: list[Side]
    fields: list[FieldChoice]
    survivor_id: int  # the default survivor
    consents: dict[str, str | None]  # purpose -> what the survivor will hold

    def default_choices(self) -> dict[str, Choice]:
        return {f.name: f.default for f in self.fields if f.default is not None}

    def side(self, customer_id: int) -> Side:
        return next(s for s in self.records if s.id == customer_id)


def preview(ctx: Context, ids: Sequence[int]) -> MergePreview:
    """The records side by side, per field each one's value and the default survivor value.

    Raises:
        PermissionRefused: staff cannot merge.
        UsageError: fewer than two customers, one named twice, or a hidden record.
        NotFound: no such customer.
    """
    require(ctx, Operation.MERGE)
    ids = list(ids)
    found = load(ctx, ids)
    ranking = ranked(found)
    survivor = _default_survivor(ctx, found)
    return MergePreview(
        records=[_side(ctx, found[i]) for i in ids],
        fields=field_choices(ctx, found, ranking),
        survivor_id=survivor,
        consents=consent_outcome(ctx, found, survivor, ranking),
    )


def load(ctx: Context, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """The records to merge, refused unless they are at least two different visible ones."""
    if len(ids) < 2:
        raise UsageError("a merge needs at least two customers")
    if len(set(ids)) != len(ids):
        raise UsageError("the same customer is named twice in the merge")
    found = customers(ctx, ids)
    for customer_id in ids:
        row = found.get(customer_id)
        if row is None:
            raise NotFound(f"no customer {customer_id}")
        if row["status"] in HIDDEN_STATUSES:
            raise UsageError(f"customer {customer_id} is {row['status']} and cannot be merged")
    return found


def ranked(records: Mapping[int, Mapping[str, Any]]) -> list[int]:
    """Ids, most recently verified first (unverified last), then most recently updated."""

    def key(customer_id: int) -> tuple[bool, float, float]:
        row = records[customer_id]
        verified = instant(row["last_verified_at"])
        updated = datetime.fromisoformat(row["updated_at"]).timestamp()
        return (verified is not None, verified.timestamp() if verified else 0.0, updated)

    return sorted(records, key=key, reverse=True)


def field_choices(
    ctx: Context, records: Mapping[int, Mapping[str, Any]], ranking: list[int]
) -> list[FieldChoice]:
    out = []
    for name in FIELD_COLUMNS:
        values = {i: _value(records[i], name) for i in records}
        source = next((i for i in ranking if not _empty(values[i])), None)
        combined = None
        if name in COMBINABLE:
            combined = _combined([values[i] for i in ranking if values[i]])
        out.append(FieldChoice(name, None, values, source, combined))
    custom = custom_values(ctx, list(records))
    field_ids = sorted({f for per in custom.values() for f in per})
    if field_ids:
        defs = (
            CustomField.select().where(CustomField.id.in_(field_ids)).order_by(CustomField.position)
        )
        for definition in defs:
            values = {i: custom[i].get(definition.id) for i in records}
            source = next((i for i in ranking if not _empty(values[i])), None)
            out.append(FieldChoice(f"custom.{definition.key}", definition.label, values, source))
    return out


def consent_outcome(
    ctx: Context, records: Mapping[int, Mapping[str, Any]], survivor_id: int, ranking: list[int]
) -> dict[str, str | None]:
    ids = list(records)
    consent_rows = rows(
        ctx,
        f"SELECT id, purpose, status, recorded_at FROM consent_record "
        f"WHERE customer_id IN ({marks(ids)})",
        ids,
    )
    out: dict[str, str | None] = {}
    for purpose in PURPOSES:
        mine = [r for r in consent_rows if r["purpose"] == purpose]
        if mine:
            newest = max(mine, key=lambda r: (datetime.fromisoformat(r["recorded_at"]), r["id"]))
            out[purpose] = newest["status"]
            continue
        column = f"consent_{purpose}"
        order = [survivor_id, *(i for i in ranking if i != survivor_id)]
        out[purpose] = next((records[i][column] for i in order if records[i][column]), None)
    return out


def _empty(value: Any) -> bool:
    if isinstance(value, Birth):
        return value.date is None and value.year is None
    if isinstance(value, Guardian):
        return not value.name and not value.mobile
    return value is None or value == ""


def _value(row: Mapping[str, Any], name: str) -> Any:
    if name == "birth":
        approx = bool(row["birth_date_approximate"])
        return Birth(row["birth_date"], row["birth_year"], approx)
    if name == "guardian":
        return Guardian(row["guardian_name"], row["guardian_mobile"])
    return row[name]


def _default_survivor(ctx: Context, records: Mapping[int, Mapping[str, Any]]) -> int:
    verified = [i for i in records if records[i]["last_verified_at"]]
    if verified:
        return max(verified, key=lambda i: (instant(records[i]["last_verified_at"]), -i))
    return max(records, key=lambda i: (count(ctx, "purchase", i), -i))


def _combined(values: list[str]) -> str | None:
    """Distinct values joined, leaving out one already contained in another."""
    distinct = list(dict.fromkeys(v.strip() for v in values if v and v.strip()))
    kept = [v for v in distinct if not any(v != o and v in o for o in distinct)]
    return JOINER.join(kept) if len(kept) > 1 else None


def _side(ctx: Context, row: Mapping[str, Any]) -> Side:
    customer_id = row["id"]
    points = ctx.db.execute_sql(
        "SELECT count(*), coalesce(sum(points), 0) FROM points_entry WHERE customer_id = ?",
        (customer_id,),
    ).fetchone()
    return Side(
        id=customer_id, code=row["code"], name=row["name"],
        created_at=datetime.fromisoformat(row["created_at"]),
        updated_at=datetime.fromisoformat(row["updated_at"]),
        last_verified_at=instant(row["last_verified_at"]),
        purchases=count(ctx, "purchase", customer_id),
        interactions=count(ctx, "interaction", customer_id),
        points_entries=int(points[0]), points=int(points[1]),
        consents=count(ctx, "consent_record", customer_id),
        reminder_states=count(ctx, "reminder_state", customer_id),
        register_lines=count(ctx, "controlled_sale", customer_id),
    )  # fmt: skip
