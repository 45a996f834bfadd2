"""The merges into a customer, as the merge history window lists them."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from pharmadesk.db.models import User
from pharmadesk.services.context import Context
from pharmadesk.services.merge_tables import MOVING, instant, rows
from pharmadesk.services.permissions import Operation, require


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


def history(ctx: Context, customer_id: int) -> list[MergeEntry]:
    """The merges into a customer (as survivor), newest first, undone ones included."""
    require(ctx, Operation.COUNTER)
    sql = "SELECT * FROM merge_record WHERE survivor_id = ? ORDER BY id DESC"
    users = {u.id: u.name for u in User.select(User.id, User.name)}
    out = []
    for record in rows(ctx, sql, (customer_id,)):
        before, moved = json.loads(record["before"]), json.loads(record["moved"])
        merged = []
        for merged_id in json.loads(record["merged_ids"]):
            row = before["records"][str(merged_id)]
            merged.append((int(merged_id), row["name"], row["code"]))
        out.append(MergeEntry(
            id=record["id"], created_at=datetime.fromisoformat(record["created_at"]),
            user_name=users.get(record["user_id"]), merged=merged,
            moved={t: sum(len(v) for v in moved.get(t, {}).values()) for t in MOVING},
            undone_at=instant(record["undone_at"]),
            undone_by=users.get(record["undone_user_id"]),
        ))  # fmt: skip
    return out
