"""Merging duplicate customer records into one, and undoing a merge.

A merge keeps one record (the survivor) and hides the others (status 'merged',
`merged_into_id`); nothing is deleted. Per field the survivor takes the value chosen
(default: the value of the most recently verified record that has one, then of the most
recently updated). Purchases, interactions, points entries, consent records and reminder
states move to the survivor; custom values are the chosen ones. `merge_record` keeps every
column of each record as it was, their consent rows, custom values and points balances
(`before`), and which rows moved from which record (`moved`), so `unmerge` can put
everything back.

Decisions:
- The default survivor is the most recently verified record: its details were confirmed
  with the person last, so it is the one most likely right and the one staff find; then
  the one with most purchase lines (fewer rows move, the member code the customer uses
  most stays), then the oldest.
- Consents are not chosen: per purpose the survivor holds the status of the newest consent
  record of any of the records (a withdrawal written on the old card after a consent on
  the new one must hold); with no record at all, the survivor's own status, else the first
  one found in the field order.
- Allergies and chronic conditions default to all the different values together: losing
  an allergy because it was written on the other card is a risk to the patient.
- The real-name register lines (controlled_sale) stay with the record they were written
  on (the law keeps them as written). Import change records stay too.
- Unmerge is refused while points spent since the merge would leave a record below zero
  once the points entries go back (PointsShort: a record would otherwise hold points the
  survivor already spent, and they could be spent twice); a points correction comes first.
- Unmerge restores the merged records exactly. On the survivor, a field that was changed
  after the merge keeps its new value (listed in `UnmergeResult.kept_fields`); every other
  field goes back to what it was. Rows added to the survivor after the merge stay with it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from peewee import IntegrityError

from pharmadesk.db.models import CustomField, MergeRecord, User
from pharmadesk.errors import NotFound, OperationFailed, UsageError, ValidationError
from pharmadesk.services import audit, search_index
from pharmadesk.services.context import Context
from pharmadesk.services.customer_input import prepare
from pharmadesk.services.permissions import Operation, require
from pharmadesk.services.visible import HIDDEN_STATUSES
from pharmadesk.text.pinyin import full_and_initials

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
MOVING = ("purchase", "interaction", "points_entry", "consent_record", "reminder_state")
# Survivor columns that change by themselves (activity, derived keys): not reported as
# "changed after the merge" when an unmerge keeps them.
_BOOKKEEPING = frozenset({"updated_at", "last_active_on", "pinyin", "initials"})
Choice = int | str | None  # a source record's id, or the value itself (a single text field)


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


@dataclass(frozen=True)
class MergeResult:
    merge_id: int
    survivor_id: int
    merged_ids: tuple[int, ...]
    moved: dict[str, int]  # table -> rows moved to the survivor


@dataclass(frozen=True)
class UnmergeResult:
    merge_id: int
    survivor_id: int
    restored_ids: tuple[int, ...]
    moved_back: dict[str, int]  # table -> rows moved back to the records they came from
    stayed: dict[str, list[int]]  # table -> ids of rows added to the survivor after the merge
    kept_fields: list[str] = field(default_factory=list)  # survivor columns changed since


class PointsShort(UsageError):
    """An unmerge refused: points spent (or expired) on the survivor since the merge came
    from a merged record, so moving the rows back would leave a record below zero."""

    def __init__(self, merge_id: int, survivor_id: int, short: Mapping[int, int]) -> None:
        self.merge_id, self.survivor_id = merge_id, survivor_id
        self.short = dict(short)  # customer id -> points it would be short (> 0)
        parts = [
            f"the record kept (customer {i}) would be {n} points short"
            if i == survivor_id
            else f"customer {i} would be {n} points short"
            for i, n in self.short.items()
        ]
        super().__init__(
            f"merge {merge_id} cannot be undone: points were spent since the merge and "
            f"{'; '.join(parts)}; correct the points first"
        )


@dataclass(frozen=True)
class MergeEntry:
    """One merge in a survivor's history."""

    id: int
    created_at: datetime
    user_name: str | None
    merged: list[tuple[int, str, str | None]]  # (id, name, code) of each record merged in
    moved: dict[str, int]
    undone_at: datetime | None
    undone_by: str | None


# -- reading ---------------------------------------------------------------------------


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


def _marks(ids: Sequence[int]) -> str:
    return ",".join("?" * len(ids))


def _rows(ctx: Context, sql: str, params: Sequence[Any]) -> list[dict[str, Any]]:
    cursor = ctx.db.execute_sql(sql, tuple(params))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _customers(ctx: Context, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    rows = _rows(ctx, f"SELECT * FROM customer WHERE id IN ({_marks(ids)})", ids)
    return {r["id"]: r for r in rows}


def _custom(ctx: Context, ids: Sequence[int]) -> dict[int, dict[int, str]]:
    out: dict[int, dict[int, str]] = {i: {} for i in ids}
    sql = (
        "SELECT customer_id, field_id, value FROM custom_value "
        f"WHERE customer_id IN ({_marks(ids)})"
    )
    for customer_id, field_id, value in ctx.db.execute_sql(sql, tuple(ids)):
        out[customer_id][field_id] = value
    return out


def _count(ctx: Context, table: str, customer_id: int) -> int:
    sql = f"SELECT count(*) FROM {table} WHERE customer_id = ?"
    return int(ctx.db.execute_sql(sql, (customer_id,)).fetchone()[0])


def _instant(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


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


def _load(ctx: Context, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """The records to merge, refused unless they are at least two different visible ones."""
    if len(ids) < 2:
        raise UsageError("a merge needs at least two customers")
    if len(set(ids)) != len(ids):
        raise UsageError("the same customer is named twice in the merge")
    rows = _customers(ctx, ids)
    for customer_id in ids:
        row = rows.get(customer_id)
        if row is None:
            raise NotFound(f"no customer {customer_id}")
        if row["status"] in HIDDEN_STATUSES:
            raise UsageError(f"customer {customer_id} is {row['status']} and cannot be merged")
    return rows


def _ranked(rows: Mapping[int, Mapping[str, Any]]) -> list[int]:
    """Ids, most recently verified first (unverified last), then most recently updated."""

    def key(customer_id: int) -> tuple[bool, float, float]:
        row = rows[customer_id]
        verified = _instant(row["last_verified_at"])
        updated = datetime.fromisoformat(row["updated_at"]).timestamp()
        return (verified is not None, verified.timestamp() if verified else 0.0, updated)

    return sorted(rows, key=key, reverse=True)


def _default_survivor(ctx: Context, rows: Mapping[int, Mapping[str, Any]]) -> int:
    verified = [i for i in rows if rows[i]["last_verified_at"]]
    if verified:
        return max(verified, key=lambda i: (_instant(rows[i]["last_verified_at"]), -i))
    return max(rows, key=lambda i: (_count(ctx, "purchase", i), -i))


def _combined(values: list[str]) -> str | None:
    """Distinct values joined, leaving out one already contained in another."""
    distinct = list(dict.fromkeys(v.strip() for v in values if v and v.strip()))
    kept = [v for v in distinct if not any(v != o and v in o for o in distinct)]
    return JOINER.join(kept) if len(kept) > 1 else None


def _field_choices(
    ctx: Context, rows: Mapping[int, Mapping[str, Any]], ranked: list[int]
) -> list[FieldChoice]:
    out = []
    for name in FIELD_COLUMNS:
        values = {i: _value(rows[i], name) for i in rows}
        source = next((i for i in ranked if not _empty(values[i])), None)
        combined = None
        if name in COMBINABLE:
            combined = _combined([values[i] for i in ranked if values[i]])
        out.append(FieldChoice(name, None, values, source, combined))
    custom = _custom(ctx, list(rows))
    field_ids = sorted({f for per in custom.values() for f in per})
    if field_ids:
        defs = (
            CustomField.select().where(CustomField.id.in_(field_ids)).order_by(CustomField.position)
        )
        for definition in defs:
            values = {i: custom[i].get(definition.id) for i in rows}
            source = next((i for i in ranked if not _empty(values[i])), None)
            out.append(FieldChoice(f"custom.{definition.key}", definition.label, values, source))
    return out


def _consent_outcome(
    ctx: Context, rows: Mapping[int, Mapping[str, Any]], survivor_id: int, ranked: list[int]
) -> dict[str, str | None]:
    ids = list(rows)
    records = _rows(
        ctx,
        f"SELECT id, purpose, status, recorded_at FROM consent_record "
        f"WHERE customer_id IN ({_marks(ids)})",
        ids,
    )
    out: dict[str, str | None] = {}
    for purpose in PURPOSES:
        mine = [r for r in records if r["purpose"] == purpose]
        if mine:
            newest = max(mine, key=lambda r: (datetime.fromisoformat(r["recorded_at"]), r["id"]))
            out[purpose] = newest["status"]
            continue
        column = f"consent_{purpose}"
        order = [survivor_id, *(i for i in ranked if i != survivor_id)]
        out[purpose] = next((rows[i][column] for i in order if rows[i][column]), None)
    return out


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
        last_verified_at=_instant(row["last_verified_at"]),
        purchases=_count(ctx, "purchase", customer_id),
        interactions=_count(ctx, "interaction", customer_id),
        points_entries=int(points[0]), points=int(points[1]),
        consents=_count(ctx, "consent_record", customer_id),
        reminder_states=_count(ctx, "reminder_state", customer_id),
        register_lines=_count(ctx, "controlled_sale", customer_id),
    )  # fmt: skip


def preview(ctx: Context, ids: Sequence[int]) -> MergePreview:
    """The records side by side, per field each one's value and the default survivor value.

    Raises:
        PermissionRefused: staff cannot merge.
        UsageError: fewer than two customers, one named twice, or a hidden record.
        NotFound: no such customer.
    """
    require(ctx, Operation.MERGE)
    ids = list(ids)
    rows = _load(ctx, ids)
    ranked = _ranked(rows)
    survivor = _default_survivor(ctx, rows)
    return MergePreview(
        records=[_side(ctx, rows[i]) for i in ids],
        fields=_field_choices(ctx, rows, ranked),
        survivor_id=survivor,
        consents=_consent_outcome(ctx, rows, survivor, ranked),
    )


# -- merging ---------------------------------------------------------------------------


def _chosen_columns(
    choices: Mapping[str, Choice],
    fields: list[FieldChoice],
    rows: Mapping[int, Mapping[str, Any]],
    survivor_id: int,
    today: Any,
) -> tuple[dict[str, Any], dict[int, str | None]]:
    """The survivor's built-in columns and custom values (field id -> value) as chosen."""
    unknown = set(choices) - {f.name for f in fields}
    if unknown:
        raise UsageError(f"not a field of these customers: {', '.join(sorted(unknown))}")
    columns: dict[str, Any] = {}
    custom: dict[int, str | None] = {}
    ids = {f.key: f.id for f in CustomField.select(CustomField.id, CustomField.key)}
    for item in fields:
        choice = choices.get(item.name)
        if item.name.startswith("custom."):
            if choice is not None and not isinstance(choice, int):
                raise UsageError(f"{item.name}: choose the record whose value is kept")
            value = item.values.get(choice) if choice is not None else None
            custom[ids[item.name.removeprefix("custom.")]] = value
            continue
        names = FIELD_COLUMNS[item.name]
        if isinstance(choice, int) and not isinstance(choice, bool):
            if choice not in rows:
                raise UsageError(f"{item.name}: customer {choice} is not in this merge")
            columns.update({c: rows[choice][c] for c in names})
            if item.name == "name":
                columns["pinyin"] = rows[choice]["pinyin"]
                columns["initials"] = rows[choice]["initials"]
        elif choice is None:
            if item.name == "name":
                raise UsageError("the merged customer needs a name")
            columns.update(dict.fromkeys(names))
            if item.name == "birth":
                columns["birth_date_approximate"] = 0
        elif isinstance(choice, str) and len(names) == 1:
            columns[names[0]] = _literal(item.name, choice, today)
            if item.name == "name":
                columns["pinyin"], columns["initials"] = full_and_initials(columns["name"])
        else:
            raise UsageError(f"{item.name}: choose the record whose value is kept")
    return columns, custom


def _literal(name: str, value: str, today: Any) -> Any:
    prepared = prepare({name: value}, reference_date=today, fields=[], require_name=False)
    if prepared.problems or name not in prepared.values:
        raise ValidationError(prepared.problems or {name: "cannot be used here"})
    return prepared.values[name]


def _check_guardians(rows: Mapping[int, Mapping[str, Any]], columns: Mapping[str, Any]) -> None:
    """A child and the guardian on the child's record are two people: refuse to merge them."""
    for a in rows.values():
        for b in rows.values():
            if a["id"] != b["id"] and a["guardian_mobile"] and a["guardian_mobile"] == b["mobile"]:
                raise UsageError(
                    f"customer {b['id']} is the guardian of customer {a['id']}: "
                    "a child and their guardian are not the same person"
                )
    if columns.get("guardian_mobile") and columns.get("guardian_mobile") == columns.get("mobile"):
        raise UsageError("the merged record would be its own guardian: choose another mobile")


def _apply_columns(ctx: Context, customer_id: int, columns: Mapping[str, Any]) -> None:
    names = list(columns)
    sql = f"UPDATE customer SET {', '.join(f'{n} = ?' for n in names)} WHERE id = ?"
    ctx.db.execute_sql(sql, (*[columns[n] for n in names], customer_id))


def _survivor_columns(
    ctx: Context,
    rows: Mapping[int, Mapping[str, Any]],
    survivor_id: int,
    chosen: Mapping[str, Any],
    consents: Mapping[str, str | None],
) -> dict[str, Any]:
    mine = rows[survivor_id]
    columns = dict(chosen)
    for purpose, status in consents.items():
        columns[f"consent_{purpose}"] = status
    if any(r["status"] == "active" for r in rows.values()):
        columns["status"] = "active"
    columns["created_at"] = min((r["created_at"] for r in rows.values()),
                                key=datetime.fromisoformat)  # fmt: skip
    days = [r["last_active_on"] for r in rows.values() if r["last_active_on"]]
    columns["last_active_on"] = max(days) if days else None
    if not mine["left_reason"]:
        left = [r for r in rows.values() if r["left_reason"]]
        if left:
            latest = max(left, key=lambda r: r["left_on"] or "")
            columns["left_reason"], columns["left_on"] = latest["left_reason"], latest["left_on"]
    columns["updated_at"] = ctx.now().isoformat(timespec="seconds")
    return columns


def _move(ctx: Context, table: str, from_id: int, to_id: int, ids: list[int]) -> None:
    for start in range(0, len(ids), 500):
        part = ids[start : start + 500]
        ctx.db.execute_sql(
            f"UPDATE {table} SET customer_id = ? WHERE customer_id = ? AND id IN ({_marks(part)})",
            (to_id, from_id, *part),
        )


def _ids(ctx: Context, table: str, customer_id: int) -> list[int]:
    sql = f"SELECT id FROM {table} WHERE customer_id = ? ORDER BY id"
    return [r[0] for r in ctx.db.execute_sql(sql, (customer_id,))]


def _movable_reminders(ctx: Context, from_id: int, to_id: int) -> list[int]:
    """The record's reminder states for items the survivor has none for (its own win)."""
    sql = (
        "SELECT r.id FROM reminder_state r WHERE r.customer_id = ? AND NOT EXISTS ("
        "SELECT 1 FROM reminder_state s WHERE s.customer_id = ? "
        "AND s.item_kind = r.item_kind AND s.item = r.item) ORDER BY r.id"
    )
    return [r[0] for r in ctx.db.execute_sql(sql, (from_id, to_id))]


def _snapshot(ctx: Context, ids: Sequence[int]) -> dict[str, Any]:
    rows = _customers(ctx, ids)
    consents = _rows(ctx, f"SELECT * FROM consent_record WHERE customer_id IN ({_marks(ids)})", ids)
    balances = {r[0]: r[1] for r in ctx.db.execute_sql(
        f"SELECT customer_id, balance FROM points_balance WHERE customer_id IN ({_marks(ids)})",
        tuple(ids))}  # fmt: skip
    custom = _custom(ctx, ids)
    marks = {t: ctx.db.execute_sql(f"SELECT coalesce(max(id), 0) FROM {t}").fetchone()[0]
             for t in MOVING}  # fmt: skip
    return {
        "records": {str(i): rows[i] for i in ids},
        "consents": {str(i): [c for c in consents if c["customer_id"] == i] for i in ids},
        "custom": {str(i): {str(f): v for f, v in custom[i].items()} for i in ids},
        "balances": {str(i): balances.get(i) for i in ids},
        "marks": marks,
    }


def merge(
    ctx: Context,
    survivor_id: int,
    other_ids: Sequence[int],
    choices: Mapping[str, Choice] | None = None,
) -> MergeResult:
    """Merge `other_ids` into `survivor_id`, in one transaction.

    `choices` maps a field (a FIELD_COLUMNS key or "custom.<key>") to the id of the record
    whose value survives, or to the value itself (single text fields only); a field not
    named takes the preview's default.

    Raises:
        PermissionRefused: staff cannot merge.
        UsageError: fewer than two customers, the same one twice, a hidden record, an
            unknown field or source, a child merged with their guardian.
        ValidationError: a value given for a field cannot be used.
        NotFound: no such customer.
    """
    require(ctx, Operation.MERGE)
    others = list(other_ids)
    ids = [survivor_id, *others]
    with ctx.db.atomic():
        rows = _load(ctx, ids)
        ranked = _ranked(rows)
        fields = _field_choices(ctx, rows, ranked)
        wanted: dict[str, Choice] = {f.name: f.default for f in fields if f.default is not None}
        wanted.update(choices or {})
        chosen, custom = _chosen_columns(wanted, fields, rows, survivor_id, ctx.today())
        _check_guardians(rows, chosen)
        consents = _consent_outcome(ctx, rows, survivor_id, ranked)
        before = _snapshot(ctx, ids)
        columns = _survivor_columns(ctx, rows, survivor_id, chosen, consents)
        for other in others:
            hide: dict[str, Any] = {"status": "merged", "merged_into_id": survivor_id}
            if rows[other]["code"] is not None and rows[other]["code"] == columns.get("code"):
                hide["code"] = None  # the member code goes to the survivor (it is unique)
            _apply_columns(ctx, other, hide)
        try:
            _apply_columns(ctx, survivor_id, columns)
        except IntegrityError as exc:
            raise OperationFailed(f"the merged record cannot be saved: {exc}") from exc
        moved = _move_all(ctx, survivor_id, others)
        _write_custom(ctx, survivor_id, others, custom)
        for other in others:
            search_index.remove_customer(ctx.db, other)
        search_index.index_customer(ctx.db, survivor_id, columns["name"], columns["last_active_on"])
        # The survivor as the merge left it: an unmerge keeps what was changed since.
        kept_custom = {str(f): v for f, v in custom.items() if v is not None}
        before["after"] = {"record": _customers(ctx, [survivor_id])[survivor_id],
                           "custom": kept_custom}  # fmt: skip
        record = MergeRecord.create(
            survivor=survivor_id, merged_ids=json.dumps(others), before=json.dumps(before),
            moved=json.dumps(moved), user=ctx.account.id, created_at=ctx.now(),
        )  # fmt: skip
        counts = {t: sum(len(v) for v in moved[t].values()) for t in MOVING}
        _audit_merge(ctx, record.id, survivor_id, others, counts, wanted)
    return MergeResult(record.id, survivor_id, tuple(others), counts)


def _move_all(ctx: Context, survivor_id: int, others: list[int]) -> dict[str, dict[str, list[int]]]:
    moved: dict[str, dict[str, list[int]]] = {t: {} for t in MOVING}
    for other in others:
        for table in MOVING:
            if table == "reminder_state":
                ids = _movable_reminders(ctx, other, survivor_id)
            else:
                ids = _ids(ctx, table, other)
            _move(ctx, table, other, survivor_id, ids)
            moved[table][str(other)] = ids
    return moved


def _write_custom(
    ctx: Context, survivor_id: int, others: list[int], custom: Mapping[int, str | None]
) -> None:
    ids = [survivor_id, *others]
    ctx.db.execute_sql(f"DELETE FROM custom_value WHERE customer_id IN ({_marks(ids)})", tuple(ids))
    for field_id, value in custom.items():
        if value is not None:
            ctx.db.execute_sql(
                "INSERT INTO custom_value (customer_id, field_id, value) VALUES (?, ?, ?)",
                (survivor_id, field_id, value),
            )


def _audit_merge(
    ctx: Context,
    merge_id: int,
    survivor_id: int,
    others: list[int],
    counts: dict[str, int],
    wanted: Mapping[str, Choice],
) -> None:
    taken = sorted(k for k, v in wanted.items() if v != survivor_id)
    audit.record(ctx, "customer.merged", customer_id=survivor_id, entity="merge_record",
                 entity_id=merge_id, details={"merged_ids": others, "moved": counts,
                                              "fields_from_others": taken})  # fmt: skip
    for other in others:
        audit.record(ctx, "customer.merged", customer_id=other, entity="merge_record",
                     entity_id=merge_id, details={"survivor_id": survivor_id})  # fmt: skip


# -- undoing ---------------------------------------------------------------------------


def unmerge(ctx: Context, merge_id: int) -> UnmergeResult:
    """Undo a merge: the merged records back as they were, the rows that moved moved back.

    Rows added to the survivor after the merge stay with it (listed in `stayed`); a field
    of the survivor changed after the merge keeps its new value (`kept_fields`).

    Raises:
        PermissionRefused: staff cannot unmerge.
        NotFound: no such merge.
        UsageError: the merge was undone already, or the survivor was merged into another
            customer since (undo that merge first).
        PointsShort: (a UsageError) points spent since the merge would leave a record
            below zero once the entries go back; nothing is changed.
    """
    require(ctx, Operation.MERGE)
    with ctx.db.atomic():
        found = _rows(ctx, "SELECT * FROM merge_record WHERE id = ?", (merge_id,))
        if not found:
            raise NotFound(f"no merge {merge_id}")
        record = found[0]
        if record["undone_at"] is not None:
            when = datetime.fromisoformat(record["undone_at"]).strftime("%Y-%m-%d %H:%M")
            raise UsageError(f"merge {merge_id} was already undone on {when}")
        survivor_id = int(record["survivor_id"])
        merged = [int(i) for i in json.loads(record["merged_ids"])]
        before, moved = json.loads(record["before"]), json.loads(record["moved"])
        _check_undoable(ctx, survivor_id, merged)
        _check_points(ctx, merge_id, survivor_id, merged, moved, before["balances"])
        moved_back = _move_back(ctx, survivor_id, moved)
        kept = _restore(ctx, survivor_id, merged, before)
        stayed = _added_since(ctx, survivor_id, before["marks"])
        for customer_id in [survivor_id, *merged]:
            row = _customers(ctx, [customer_id])[customer_id]
            search_index.index_customer(ctx.db, customer_id, row["name"], row["last_active_on"])
        MergeRecord.update(undone_at=ctx.now(), undone_user=ctx.account.id).where(
            MergeRecord.id == merge_id
        ).execute()
        details = {
            "merge_id": merge_id, "restored_ids": merged, "moved_back": moved_back,
            "stayed": {t: len(v) for t, v in stayed.items()}, "kept_fields": kept,
        }  # fmt: skip
        audit.record(ctx, "customer.unmerged", customer_id=survivor_id, entity="merge_record",
                     entity_id=merge_id, details=details)  # fmt: skip
        for customer_id in merged:
            audit.record(ctx, "customer.unmerged", customer_id=customer_id, entity="merge_record",
                         entity_id=merge_id, details={"survivor_id": survivor_id})  # fmt: skip
    return UnmergeResult(merge_id, survivor_id, tuple(merged), moved_back, stayed, kept)


def _check_undoable(ctx: Context, survivor_id: int, merged: list[int]) -> None:
    rows = _customers(ctx, [survivor_id, *merged])
    survivor = rows.get(survivor_id)
    if survivor is None or survivor["status"] == "anonymised":
        raise UsageError(f"customer {survivor_id} was erased: the merge cannot be undone")
    if survivor["status"] == "merged":
        raise UsageError(
            f"customer {survivor_id} was merged into customer {survivor['merged_into_id']} "
            "since: undo that merge first"
        )
    for customer_id in merged:
        row = rows.get(customer_id)
        if row is None or row["merged_into_id"] != survivor_id:
            raise OperationFailed(f"customer {customer_id} is no longer merged into {survivor_id}")


def _check_points(
    ctx: Context,
    merge_id: int,
    survivor_id: int,
    merged: list[int],
    moved: Mapping[str, Mapping[str, list[int]]],
    balances: Mapping[str, int | None],
) -> None:
    """Refuse (nothing changed) when a record's points would end below zero after the
    points entries that moved go back: the survivor spent points that came from another
    record, and giving them back would let them be spent twice."""
    sums = {i: 0 for i in [survivor_id, *merged]}
    sql = "SELECT customer_id, coalesce(sum(points), 0) FROM points_entry WHERE customer_id IN"
    for customer_id, total in ctx.db.execute_sql(
        f"{sql} ({_marks(list(sums))}) GROUP BY customer_id", tuple(sums)
    ):
        sums[int(customer_id)] = int(total)
    for source, ids in moved.get("points_entry", {}).items():
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            back = ctx.db.execute_sql(
                "SELECT coalesce(sum(points), 0) FROM points_entry "
                f"WHERE customer_id = ? AND id IN ({_marks(part)})",
                (survivor_id, *part),
            ).fetchone()[0]
            sums[survivor_id] -= int(back)
            sums[int(source)] = sums.get(int(source), 0) + int(back)
    # A record that was below zero before the merge (a debt written on it) may be again.
    floor = {i: min(0, int(balances.get(str(i)) or 0)) for i in sums}
    short = {i: floor[i] - total for i, total in sums.items() if total < floor[i]}
    if short:
        raise PointsShort(merge_id, survivor_id, short)


def _move_back(
    ctx: Context, survivor_id: int, moved: Mapping[str, Mapping[str, list[int]]]
) -> dict[str, int]:
    """Each moved row back to its record, if it is still the survivor's (it may be gone)."""
    counts = {}
    for table in MOVING:
        total = 0
        for source, ids in moved.get(table, {}).items():
            for start in range(0, len(ids), 500):
                part = ids[start : start + 500]
                cursor = ctx.db.execute_sql(
                    f"UPDATE {table} SET customer_id = ? "
                    f"WHERE customer_id = ? AND id IN ({_marks(part)})",
                    (int(source), survivor_id, *part),
                )
                total += cursor.rowcount
        counts[table] = total
    return counts


def _restore(
    ctx: Context, survivor_id: int, merged: list[int], before: Mapping[str, Any]
) -> list[str]:
    """Every record's columns, custom values and balance cache as they were before."""
    records = before["records"]
    after = before["after"]["record"]
    now = _customers(ctx, [survivor_id])[survivor_id]
    survivor_columns, kept = {}, []
    for column, old in records[str(survivor_id)].items():
        if column == "id":
            continue
        if now[column] == after[column]:
            survivor_columns[column] = old
        else:
            survivor_columns[column] = now[column]
            if column not in _BOOKKEEPING:
                kept.append(column)
    ids = [survivor_id, *merged]
    # Codes are unique: clear them all first, so they can change hands in either order.
    ctx.db.execute_sql(f"UPDATE customer SET code = NULL WHERE id IN ({_marks(ids)})", tuple(ids))
    try:
        for customer_id in merged:
            row = records[str(customer_id)]
            _apply_columns(ctx, customer_id, {k: v for k, v in row.items() if k != "id"})
        _apply_columns(ctx, survivor_id, survivor_columns)
    except IntegrityError as exc:
        raise OperationFailed(f"the records cannot be restored: {exc}") from exc
    kept += _restore_custom(ctx, survivor_id, merged, before)
    _restore_balances(ctx, ids, before["balances"])
    return kept


def _restore_custom(
    ctx: Context, survivor_id: int, merged: list[int], before: Mapping[str, Any]
) -> list[str]:
    old = {int(c): {int(f): v for f, v in per.items()} for c, per in before["custom"].items()}
    after = {int(f): v for f, v in before["after"]["custom"].items()}
    now = _custom(ctx, [survivor_id])[survivor_id]
    result = {i: dict(old[i]) for i in merged}
    mine, kept = dict(old[survivor_id]), []
    for field_id in set(after) | set(now):
        if now.get(field_id) != after.get(field_id):  # changed on the survivor since
            kept.append(field_id)
            if field_id in now:
                mine[field_id] = now[field_id]
            else:
                mine.pop(field_id, None)
    result[survivor_id] = mine
    ids = [survivor_id, *merged]
    ctx.db.execute_sql(f"DELETE FROM custom_value WHERE customer_id IN ({_marks(ids)})", tuple(ids))
    for customer_id, values in result.items():
        for field_id, value in values.items():
            ctx.db.execute_sql(
                "INSERT INTO custom_value (customer_id, field_id, value) VALUES (?, ?, ?)",
                (customer_id, field_id, value),
            )
    if not kept:
        return []
    keys = CustomField.select(CustomField.key).where(CustomField.id.in_(kept))
    return sorted(f"custom.{f.key}" for f in keys)


def _restore_balances(ctx: Context, ids: list[int], balances: Mapping[str, int | None]) -> None:
    """A record that had no balance row before and has no entries now gets none again."""
    for customer_id in ids:
        if balances.get(str(customer_id)) is None:
            ctx.db.execute_sql(
                "DELETE FROM points_balance WHERE customer_id = ? AND balance = 0 AND NOT EXISTS "
                "(SELECT 1 FROM points_entry WHERE customer_id = ?)",
                (customer_id, customer_id),
            )


def _added_since(ctx: Context, survivor_id: int, marks: Mapping[str, int]) -> dict[str, list[int]]:
    out = {}
    for table in MOVING:
        sql = f"SELECT id FROM {table} WHERE customer_id = ? AND id > ? ORDER BY id"
        ids = [r[0] for r in ctx.db.execute_sql(sql, (survivor_id, marks.get(table, 0)))]
        if ids:
            out[table] = ids
    return out


# -- history ---------------------------------------------------------------------------


def history(ctx: Context, customer_id: int) -> list[MergeEntry]:
    """The merges into a customer (as survivor), newest first, undone ones included."""
    require(ctx, Operation.COUNTER)
    sql = "SELECT * FROM merge_record WHERE survivor_id = ? ORDER BY id DESC"
    users = {u.id: u.name for u in User.select(User.id, User.name)}
    out = []
    for record in _rows(ctx, sql, (customer_id,)):
        before, moved = json.loads(record["before"]), json.loads(record["moved"])
        merged = []
        for merged_id in json.loads(record["merged_ids"]):
            row = before["records"][str(merged_id)]
            merged.append((int(merged_id), row["name"], row["code"]))
        out.append(MergeEntry(
            id=record["id"], created_at=datetime.fromisoformat(record["created_at"]),
            user_name=users.get(record["user_id"]), merged=merged,
            moved={t: sum(len(v) for v in moved.get(t, {}).values()) for t in MOVING},
            undone_at=_instant(record["undone_at"]),
            undone_by=users.get(record["undone_user_id"]),
        ))  # fmt: skip
    return out
