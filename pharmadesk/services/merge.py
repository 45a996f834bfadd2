"""Merging duplicate customer records into one; the entry point of the merge services.

A merge keeps one record (the survivor) and hides the others (status 'merged',
`merged_into_id`); nothing is deleted. Per field the survivor takes the value chosen (the
defaults and the side-by-side view: services/merge_preview.py). The rows of the tables in
merge_tables.MOVING (purchases, interactions, points entries, consent records, reminder
states, scanned card pages) move to the survivor; custom values are the chosen ones.
`merge_record` keeps every column of each record as it was, their consent rows, custom
values and points balances (`before`), and which rows moved from which record (`moved`),
so `unmerge` (services/unmerge.py) can put everything back; services/merge_history.py
lists them.

This module also re-exports what callers use from those modules, so `services.merge`
stays the one name to import.

Decisions:
- The real-name register lines (controlled_sale) stay with the record they were written
  on (the law keeps them as written). Import change records stay too.
- The survivor holds, per consent purpose, the status the preview works out (never a
  choice), is active when any record was, and keeps the earliest creation date and the
  latest day of activity of all of them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from peewee import IntegrityError

from pharmadesk.db.models import CustomField, MergeRecord
from pharmadesk.errors import OperationFailed, UsageError, ValidationError
from pharmadesk.services import audit, search_index
from pharmadesk.services.context import Context
from pharmadesk.services.customer_input import prepare
from pharmadesk.services.merge_history import MergeEntry, history
from pharmadesk.services.merge_preview import (
    Birth,
    FieldChoice,
    Guardian,
    MergePreview,
    Side,
    consent_outcome,
    field_choices,
    load,
    preview,
    ranked,
)
from pharmadesk.services.merge_tables import (
    FIELD_COLUMNS,
    MOVING,
    Choice,
    apply_columns,
    custom_values,
    customers,
    marks,
    move_rows,
    rows,
    survivor_of,
)
from pharmadesk.services.permissions import Operation, require
from pharmadesk.services.unmerge import PointsShort, UnmergeResult, unmerge
from pharmadesk.text.pinyin import full_and_initials

__all__ = [
    "FIELD_COLUMNS",
    "MOVING",
    "Birth",
    "Choice",
    "FieldChoice",
    "Guardian",
    "MergeEntry",
    "MergePreview",
    "MergeResult",
    "PointsShort",
    "Side",
    "UnmergeResult",
    "history",
    "merge",
    "preview",
    "survivor_of",
    "unmerge",
]


@dataclass(frozen=True)
class MergeResult:
    merge_id: int
    survivor_id: int
    merged_ids: tuple[int, ...]
    moved: dict[str, int]  # table -> rows moved to the survivor


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
        found = load(ctx, ids)
        ranking = ranked(found)
        fields = field_choices(ctx, found, ranking)
        wanted: dict[str, Choice] = {f.name: f.default for f in fields if f.default is not None}
        wanted.update(choices or {})
        chosen, custom = _chosen_columns(wanted, fields, found, survivor_id, ctx.today())
        _check_guardians(found, chosen)
        consents = consent_outcome(ctx, found, survivor_id, ranking)
        before = _snapshot(ctx, ids)
        columns = _survivor_columns(ctx, found, survivor_id, chosen, consents)
        for other in others:
            hide: dict[str, Any] = {"status": "merged", "merged_into_id": survivor_id}
            if found[other]["code"] is not None and found[other]["code"] == columns.get("code"):
                hide["code"] = None  # the member code goes to the survivor (it is unique)
            apply_columns(ctx, other, hide)
        try:
            apply_columns(ctx, survivor_id, columns)
        except IntegrityError as exc:
            raise OperationFailed(f"the merged record cannot be saved: {exc}") from exc
        moved = _move_all(ctx, survivor_id, others)
        _write_custom(ctx, survivor_id, others, custom)
        for other in others:
            search_index.remove_customer(ctx.db, other)
        search_index.index_customer(ctx.db, survivor_id, columns["name"], columns["last_active_on"])
        # The survivor as the merge left it: an unmerge keeps what was changed since.
        kept_custom = {str(f): v for f, v in custom.items() if v is not None}
        before["after"] = {"record": customers(ctx, [survivor_id])[survivor_id],
                           "custom": kept_custom}  # fmt: skip
        record = MergeRecord.create(
            survivor=survivor_id, merged_ids=json.dumps(others), before=json.dumps(before),
            moved=json.dumps(moved), user=ctx.account.id, created_at=ctx.now(),
        )  # fmt: skip
        counts = {t: sum(len(v) for v in moved[t].values()) for t in MOVING}
        _audit_merge(ctx, record.id, survivor_id, others, counts, wanted)
    return MergeResult(record.id, survivor_id, tuple(others), counts)


def _chosen_columns(
    choices: Mapping[str, Choice],
    fields: list[FieldChoice],
    records: Mapping[int, Mapping[str, Any]],
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
            if choice not in records:
                raise UsageError(f"{item.name}: customer {choice} is not in this merge")
            columns.update({c: records[choice][c] for c in names})
            if item.name == "name":
                columns["pinyin"] = records[choice]["pinyin"]
                columns["initials"] = records[choice]["initials"]
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


def _check_guardians(records: Mapping[int, Mapping[str, Any]], columns: Mapping[str, Any]) -> None:
    """A child and the guardian on the child's record are two people: refuse to merge them."""
    for a in records.values():
        for b in records.values():
            if a["id"] != b["id"] and a["guardian_mobile"] and a["guardian_mobile"] == b["mobile"]:
                raise UsageError(
                    f"customer {b['id']} is the guardian of customer {a['id']}: "
                    "a child and their guardian are not the same person"
                )
    if columns.get("guardian_mobile") and columns.get("guardian_mobile") == columns.get("mobile"):
        raise UsageError("the merged record would be its own guardian: choose another mobile")


def _survivor_columns(
    ctx: Context,
    records: Mapping[int, Mapping[str, Any]],
    survivor_id: int,
    chosen: Mapping[str, Any],
    consents: Mapping[str, str | None],
) -> dict[str, Any]:
    mine = records[survivor_id]
    columns = dict(chosen)
    for purpose, status in consents.items():
        columns[f"consent_{purpose}"] = status
    if any(r["status"] == "active" for r in records.values()):
        columns["status"] = "active"
    columns["created_at"] = min((r["created_at"] for r in records.values()),
                                key=datetime.fromisoformat)  # fmt: skip
    days = [r["last_active_on"] for r in records.values() if r["last_active_on"]]
    columns["last_active_on"] = max(days) if days else None
    if not mine["left_reason"]:
        left = [r for r in records.values() if r["left_reason"]]
        if left:
            latest = max(left, key=lambda r: r["left_on"] or "")
            columns["left_reason"], columns["left_on"] = latest["left_reason"], latest["left_on"]
    columns["updated_at"] = ctx.now().isoformat(timespec="seconds")
    return columns


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
    found = customers(ctx, ids)
    consents = rows(ctx, f"SELECT * FROM consent_record WHERE customer_id IN ({marks(ids)})", ids)
    balances = {r[0]: r[1] for r in ctx.db.execute_sql(
        f"SELECT customer_id, balance FROM points_balance WHERE customer_id IN ({marks(ids)})",
        tuple(ids))}  # fmt: skip
    custom = custom_values(ctx, ids)
    highest = {t: ctx.db.execute_sql(f"SELECT coalesce(max(id), 0) FROM {t}").fetchone()[0]
               for t in MOVING}  # fmt: skip
    return {
        "records": {str(i): found[i] for i in ids},
        "consents": {str(i): [c for c in consents if c["customer_id"] == i] for i in ids},
        "custom": {str(i): {str(f): v for f, v in custom[i].items()} for i in ids},
        "balances": {str(i): balances.get(i) for i in ids},
        "marks": highest,
    }


def _move_all(ctx: Context, survivor_id: int, others: list[int]) -> dict[str, dict[str, list[int]]]:
    moved: dict[str, dict[str, list[int]]] = {t: {} for t in MOVING}
    for other in others:
        for table in MOVING:
            if table == "reminder_state":
                ids = _movable_reminders(ctx, other, survivor_id)
            else:
                ids = _ids(ctx, table, other)
            move_rows(ctx, table, from_id=other, to_id=survivor_id, ids=ids)
            moved[table][str(other)] = ids
    return moved


def _write_custom(
    ctx: Context, survivor_id: int, others: list[int], custom: Mapping[int, str | None]
) -> None:
    ids = [survivor_id, *others]
    ctx.db.execute_sql(f"DELETE FROM custom_value WHERE customer_id IN ({marks(ids)})", tuple(ids))
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
