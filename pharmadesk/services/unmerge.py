"""Undoing a merge: the merged records back exactly as they were, the moved rows back.

Decisions:
- Unmerge is refused while points spent since the merge would leave a record below zero
  once the points entries go back (PointsShort: a record would otherwise hold points the
  survivor already spent, and they could be spent twice); a points correction comes first.
- Unmerge restores the merged records exactly. On the survivor, a field that was changed
  after the merge keeps its new value (listed in `UnmergeResult.kept_fields`); every other
  field goes back to what it was. Rows added to the survivor after the merge stay with it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from peewee import IntegrityError

from pharmadesk.db.models import CustomField, MergeRecord
from pharmadesk.errors import NotFound, OperationFailed, UsageError
from pharmadesk.services import audit, search_index
from pharmadesk.services.context import Context
from pharmadesk.services.merge_tables import (
    MOVING,
    apply_columns,
    custom_values,
    customers,
    marks,
    move_rows,
    rows,
)
from pharmadesk.services.permissions import Operation, require

# Survivor columns that change by themselves (activity, derived keys): not reported as
# "changed after the merge" when an unmerge keeps them.
_BOOKKEEPING = frozenset({"updated_at", "last_active_on", "pinyin", "initials"})


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
        found = rows(ctx, "SELECT * FROM merge_record WHERE id = ?", (merge_id,))
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
            row = customers(ctx, [customer_id])[customer_id]
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
    found = customers(ctx, [survivor_id, *merged])
    survivor = found.get(survivor_id)
    if survivor is None or survivor["status"] == "anonymised":
        raise UsageError(f"customer {survivor_id} was erased: the merge cannot be undone")
    if survivor["status"] == "merged":
        raise UsageError(
            f"customer {survivor_id} was merged into customer {survivor['merged_into_id']} "
            "since: undo that merge first"
        )
    for customer_id in merged:
        row = found.get(customer_id)
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
        f"{sql} ({marks(list(sums))}) GROUP BY customer_id", tuple(sums)
    ):
        sums[int(customer_id)] = int(total)
    for source, ids in moved.get("points_entry", {}).items():
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            back = ctx.db.execute_sql(
                "SELECT coalesce(sum(points), 0) FROM points_entry "
                f"WHERE customer_id = ? AND id IN ({marks(part)})",
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
            total += move_rows(ctx, table, from_id=survivor_id, to_id=int(source), ids=ids)
        counts[table] = total
    return counts


def _restore(
    ctx: Context, survivor_id: int, merged: list[int], before: Mapping[str, Any]
) -> list[str]:
    """Every record's columns, custom values and balance cache as they were before."""
    records = before["records"]
    after = before["after"]["record"]
    now = customers(ctx, [survivor_id])[survivor_id]
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
    ctx.db.execute_sql(f"UPDATE customer SET code = NULL WHERE id IN ({marks(ids)})", tuple(ids))
    try:
        for customer_id in merged:
            row = records[str(customer_id)]
            apply_columns(ctx, customer_id, {k: v for k, v in row.items() if k != "id"})
        apply_columns(ctx, survivor_id, survivor_columns)
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
    now = custom_values(ctx, [survivor_id])[survivor_id]
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
    ctx.db.execute_sql(f"DELETE FROM custom_value WHERE customer_id IN ({marks(ids)})", tuple(ids))
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


def _added_since(
    ctx: Context, survivor_id: int, highest: Mapping[str, int]
) -> dict[str, list[int]]:
    """Per table, the survivor's rows newer than the highest id the merge saw."""
    out = {}
    for table in MOVING:
        sql = f"SELECT id FROM {table} WHERE customer_id = ? AND id > ? ORDER BY id"
        ids = [r[0] for r in ctx.db.execute_sql(sql, (survivor_id, highest.get(table, 0)))]
        if ids:
            out[table] = ids
    return out
