"""Writing an import plan as one batch, listing batches, and undoing one.

The commit is a single transaction holding the batch record, the new customers (with their
search keys, paper-card consents, custom values and opening points) and every field a merge
filled, each recorded with its earlier value. Undo removes what the batch created and puts
back what it filled, except where a person has changed the customer since.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from pharmadesk.db.connection import (
    checkpoint,
    checkpoint_left_for_later,
    own_references_only,
)
from pharmadesk.db.models import ImportBatch
from pharmadesk.errors import NotFound, OperationFailed
from pharmadesk.io import card_pages
from pharmadesk.io.customer_import import (
    HEALTH_LISTS,
    KINDS,
    MERGE_FIELDS,
    ImportCancelled,
    ImportPlan,
    RowPlan,
    refuse_repeat,
)
from pharmadesk.io.files import collector_paused
from pharmadesk.services import audit, loyalty, loyalty_rules, points_bulk, search_index
from pharmadesk.services.card_pages import remove_for_undo
from pharmadesk.services.context import Context
from pharmadesk.services.permissions import Operation, require
from pharmadesk.text import health_lists

CHUNK = 2_000
PAPER = "paper_unconfirmed"
Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

_CUSTOMER_COLUMNS = (
    "id", "code", "name", "pinyin", "initials", "gender", "birth_date", "birth_year",
    "birth_date_approximate", "mobile", "phone", "email", "address", "postal_code",
    "preferences", "allergies", "chronic_conditions", "notes", "consent_data",
    "consent_health", "consent_marketing", "status", "source", "batch_id", "created_at",
    "updated_at", "last_verified_at", "last_active_on", "guardian_name", "guardian_mobile",
)  # fmt: skip
# An opening balance counts from the day of the import and expires as points earned then.
_POINTS_SQL = (
    "INSERT INTO points_entry (customer_id, kind, points, reason, batch_id, user_id, created_at, "
    "effective_on, expires_on) "
    "VALUES (?, 'opening', ?, 'opening balance from a paper card', ?, ?, ?, ?, ?)"
)
# The paper-card consents of the customers just inserted (ids ? to ?), one statement for
# all three purposes: bound row by row from Python, 300,000 rows cost about 0.4 s more.
_CONSENTS_SQL = (
    "INSERT INTO consent_record (customer_id, purpose, status, recorded_at, user_id, channel) "
    "SELECT c.id, p.column1, ?, ?, ?, 'paper' FROM customer c "
    "CROSS JOIN (VALUES ('data'), ('health'), ('marketing')) p "
    "WHERE c.id BETWEEN ? AND ? ORDER BY c.id"
)
_CUSTOMER_SQL = (
    f"INSERT INTO customer ({', '.join(_CUSTOMER_COLUMNS)}) "
    f"VALUES ({', '.join('?' * len(_CUSTOMER_COLUMNS))})"
)


@dataclass(frozen=True)
class BatchInfo:
    id: int
    file_name: str
    file_hash: str
    user_name: str | None
    created_at: datetime
    status: str
    counts: dict[str, int]
    kind: str = "customers"  # customers, purchases or cards (scanned cards read and checked)


@collector_paused()
def commit(
    ctx: Context,
    plan: ImportPlan,
    *,
    again: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> int:
    """Write the plan as one batch; returns its id.

    Raises:
        OperationFailed: the file was imported before (unless `again`).
        ImportCancelled: `cancelled()` said so; nothing was written.
    """
    require(ctx, Operation.IMPORT)
    if plan.kind not in KINDS:
        raise ValueError(f"unknown import kind {plan.kind!r}")
    refuse_repeat(plan.table.source.name, plan.previous_batch, again)
    writer = _Writer(ctx, plan)
    total = len(plan.rows)
    # Every row written references the batch, the account, or a customer of this batch or
    # one the preview found: the parent lookups are left out (`own_references_only`). The
    # batch is durable at its COMMIT; the caller runs `settle` after telling the user.
    # The search keys are staged beside the transaction (`staged_keys`) and copied in last.
    with (
        own_references_only(ctx.db),
        checkpoint_left_for_later(ctx.db),
        search_index.staged_keys(ctx.db) as keys,
        ctx.db.atomic(),
    ):
        batch_id = writer.start_batch()
        with search_index.bulk_load(ctx.db) as fill, points_bulk.bulk_entries(ctx.db):
            for start in range(0, total, CHUNK):
                if cancelled is not None and cancelled():
                    raise ImportCancelled()
                writer.write(plan.rows[start : start + CHUNK], fill, keys)
                if progress is not None:
                    progress(min(start + CHUNK, total), total)
        keys.copy()
        writer.finish()
    return batch_id


def settle(ctx: Context) -> bool:
    """Copy a committed batch from the WAL into the database file (the checkpoint `commit`
    leaves for later, so the user does not wait for it); whether all of it was copied.
    Nothing is lost if it never runs or a reader holds part back: the next commit of any
    connection, or the last connection's close, copies the rest."""
    return checkpoint(ctx.db)


@dataclass
class _Chunk:
    """A chunk's new customers as rows for the database (ids first..last)."""

    first: int
    stamp: str
    customers: list[tuple[Any, ...]] = field(default_factory=list)
    customs: list[tuple[int, int, str]] = field(default_factory=list)
    points: list[tuple[Any, ...]] = field(default_factory=list)
    keys: str = "{}"  # search_index.keys_document

    @property
    def last(self) -> int:
        return self.first + len(self.customers) - 1


class _Writer:
    def __init__(self, ctx: Context, plan: ImportPlan) -> None:
        self.ctx, self.plan = ctx, plan
        self.now = ctx.now()
        self.batch_id = 0
        self.next_id = 0
        self.codes: set[str] = set()
        self.taken: set[str] = set()  # the codes on file (`start_batch`)
        self.customer_of_row: dict[int, int] = {}
        # The preview read every name already: its readings serve the commit too.
        self.names = search_index.NameKeys(plan.readings)
        self.field_ids = {
            key: field_id
            for key, field_id in ctx.db.execute_sql("SELECT key, id FROM custom_field").fetchall()
        }

    def start_batch(self) -> int:
        batch = ImportBatch.create(
            kind=self.plan.kind, file_name=self.plan.table.source.name,
            file_hash=self.plan.table.file_hash, user=self.ctx.account.id,
            created_at=self.now, status="committed",
            counts=json.dumps(self.plan.counts()),
        )  # fmt: skip
        self.batch_id = int(batch.id)
        self.next_id = 1 + int(
            self.ctx.db.execute_sql("SELECT coalesce(max(id), 0) FROM customer").fetchone()[0]
        )
        # The codes on file in one query (one per new customer cost seconds at 100,000).
        rows = self.ctx.db.execute_sql("SELECT code FROM customer WHERE code IS NOT NULL")
        self.taken = {row[0] for row in rows}
        return self.batch_id

    def write(
        self, rows: list[RowPlan], fill: search_index.Fill, keys: search_index.StagedKeys
    ) -> None:
        """One chunk. Its rows are built in Python while the stage writes the previous
        chunk's search keys; the stage is idle again before this chunk's statements (two
        threads in SQLite at once slowed each other down to no gain)."""
        new_rows = [r for r in rows if r.outcome in ("imported", "flagged") and r.card]
        built = self._build(new_rows)
        keys.wait()
        self._insert(built)
        if new_rows:  # indexed before a merge below may change one of them
            self._index(built, fill)
        for row in rows:
            if row.outcome == "merged" and row.card is not None:
                self._merge(row)
        if new_rows:
            keys.add(built.keys)  # staged while the next chunk is built

    def _new_code(self, customer_id: int, wanted: str | None) -> str:
        if wanted and wanted not in self.codes and not self._code_taken(wanted):
            self.codes.add(wanted)
            return wanted
        code, n = f"PD{customer_id:06d}", 1
        while code in self.codes or self._code_taken(code):
            n += 1
            code = f"PD{customer_id:06d}-{n}"
        self.codes.add(code)
        return code

    def _code_taken(self, code: str) -> bool:
        return code in self.taken

    def _build(self, rows: list[RowPlan]) -> _Chunk:
        """The chunk's rows for the database, in Python only: no statement runs here."""
        chunk = _Chunk(first=self.next_id, stamp=self.now.isoformat(timespec="seconds"))
        customers, customs, points, keys = chunk.customers, chunk.customs, chunk.points, []
        stamp, names, batch_id = chunk.stamp, self.names, self.batch_id
        user_id = self.ctx.account.id
        today = self.now.date()
        for row in rows:
            card = row.card
            assert card is not None
            values = card.values
            customer_id = self.next_id
            self.next_id += 1
            self.customer_of_row[row.number] = customer_id
            notes = "\n".join(part for part in card.notes if part) or None
            name = values["name"]
            pinyin, initials = names.reading(name)
            active = card.last_purchase or today
            get = values.get
            customers.append((
                customer_id, self._new_code(customer_id, get("code")), name, pinyin,
                initials, get("gender"), _sql(get("birth_date")), get("birth_year"),
                int(bool(get("birth_date_approximate"))), get("mobile"), get("phone"),
                get("email"), get("address"), get("postal_code"), get("preferences"),
                get("allergies"), get("chronic_conditions"), notes, PAPER, PAPER, PAPER,
                "active", "import", batch_id, stamp, stamp, None, active.isoformat(),
                get("guardian_name"), get("guardian_mobile"),
            ))  # fmt: skip
            keys.append((customer_id, active.toordinal(), names.keys_json(name)))
            if card.custom:
                customs += self._custom_rows(customer_id, card.custom)
            if card.points:
                points.append((customer_id, card.points, batch_id, user_id, stamp,
                               *self._opening))  # fmt: skip
        chunk.keys = search_index.keys_document(keys)
        return chunk

    def _insert(self, chunk: _Chunk) -> None:
        cursor = self.ctx.db.cursor()
        cursor.executemany(_CUSTOMER_SQL, chunk.customers)
        cursor.executemany(
            "INSERT INTO custom_value (customer_id, field_id, value) VALUES (?, ?, ?)",
            chunk.customs,
        )
        cursor.executemany(_POINTS_SQL, chunk.points)

    def _index(self, chunk: _Chunk, fill: search_index.Fill) -> None:
        """The chunk's consents and trigram index, each one statement over its ids."""
        self.ctx.db.execute_sql(
            _CONSENTS_SQL, (PAPER, chunk.stamp, self.ctx.account.id, chunk.first, chunk.last)
        )
        fill(chunk.first, chunk.last)

    @functools.cached_property
    def _opening(self) -> tuple[str, str | None]:
        day = self.now.date()
        expires = loyalty_rules.on(self.ctx, day).expires_on(day)
        return day.isoformat(), expires.isoformat() if expires else None

    def _custom_rows(self, customer_id: int, custom: dict[str, str]) -> list[tuple[int, int, str]]:
        return [
            (customer_id, self.field_ids[k], v) for k, v in custom.items() if k in self.field_ids
        ]

    def _merge(self, row: RowPlan) -> None:
        """Fill the target's empty fields from the row; never overwrite, never blank."""
        assert row.card is not None
        target = row.into_customer
        if target is None and row.into_row is not None:
            target = self.customer_of_row.get(row.into_row)
        if target is None:
            return
        self.customer_of_row[row.number] = target
        columns = ", ".join(MERGE_FIELDS)
        current = self.ctx.db.execute_sql(
            f"SELECT {columns} FROM customer WHERE id = ? AND status != 'anonymised'",
            (target,),
        ).fetchone()
        if current is None:  # erased, or removed by an undone import, since the preview
            raise OperationFailed(
                f"row {row.number}: the customer it merges into was deleted after the "
                "preview; nothing was imported. Preview the file again"
            )
        before = dict(zip(MERGE_FIELDS, current, strict=True))
        wanted = {k: _sql(v) for k, v in row.card.values.items() if k in MERGE_FIELDS}
        notes = "\n".join(part for part in row.card.notes if part)
        if notes:
            wanted["notes"] = notes
        changes = {
            k: v for k, v in wanted.items() if v not in (None, "") and before[k] in (None, "")
        }
        # An allergy or condition only one of the two records names is never dropped.
        for column in HEALTH_LISTS:
            if column in wanted and column not in changes:
                joined = health_lists.combined(before[column], wanted[column])
                if joined != before[column]:
                    changes[column] = joined
        if "code" in changes and (
            changes["code"] in self.codes or self._code_taken(changes["code"])
        ):
            del changes["code"]
        elif "code" in changes:
            self.codes.add(changes["code"])  # a later card's own code cannot take it again
        # An age fills the birth year only where no birth date is known, and marks it so.
        changes.pop("birth_date_approximate", None)
        if before["birth_date"] or "birth_date" in changes:
            changes.pop("birth_year", None)
        elif "birth_year" in changes:
            changes["birth_date_approximate"] = 1
        if changes:
            sets = ", ".join(f"{k} = ?" for k in changes)
            self.ctx.db.execute_sql(
                f"UPDATE customer SET {sets}, updated_at = ? WHERE id = ?",
                (*changes.values(), self.now.isoformat(timespec="seconds"), target),
            )
            self.ctx.db.cursor().executemany(
                "INSERT INTO import_change (batch_id, customer_id, field, old_value, new_value) "
                "VALUES (?, ?, ?, ?, ?)",
                [(self.batch_id, target, k, before[k], v) for k, v in changes.items()],
            )
        self._merge_custom(target, row.card.custom)
        if row.card.points:
            self.ctx.db.execute_sql(
                _POINTS_SQL,
                (target, row.card.points, self.batch_id, self.ctx.account.id,
                 self.now.isoformat(timespec="seconds"), *self._opening),
            )  # fmt: skip

    def _merge_custom(self, target: int, custom: dict[str, str]) -> None:
        for key, value in custom.items():
            field_id = self.field_ids.get(key)
            if field_id is None:
                continue
            exists = self.ctx.db.execute_sql(
                "SELECT 1 FROM custom_value WHERE customer_id = ? AND field_id = ?",
                (target, field_id),
            ).fetchone()
            if exists:
                continue
            self.ctx.db.execute_sql(
                "INSERT INTO custom_value (customer_id, field_id, value) VALUES (?, ?, ?)",
                (target, field_id, value),
            )
            self.ctx.db.execute_sql(
                "INSERT INTO import_change (batch_id, customer_id, field, old_value, new_value) "
                "VALUES (?, ?, ?, NULL, ?)",
                (self.batch_id, target, f"custom:{key}", value),
            )

    def finish(self) -> None:
        counts: dict[str, object] = {"file_hash": self.plan.table.file_hash,
                                     **self.plan.counts()}  # fmt: skip
        if self.plan.pages:
            written = card_pages.write(self.ctx, batch_id=self.batch_id, pages=self.plan.pages,
                                       customer_of_row=self.customer_of_row)  # fmt: skip
            counts.update(card_pages=written.pages, card_images=written.images)
        audit.record(
            self.ctx,
            "import.committed",
            entity="import_batch",
            entity_id=self.batch_id,
            details=counts,
        )


def _sql(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


# Undo --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class UndoResult:
    batch_id: int
    removed_customers: int
    kept_edited: list[int]  # customers of the batch edited since (kept on request) or merged
    restored_fields: int
    reversed_points: int = 0  # opening balances of customers who stay, reversed by new entries
    removed_card_pages: int = 0  # scanned-card references (and images) of the batch removed


def edited_since(ctx: Context, batch_id: int) -> list[int]:
    """Customers created by the batch that someone changed after the import."""
    batch = _batch(batch_id)
    stamp = batch.created_at.isoformat(timespec="seconds")
    sql = (
        "SELECT id FROM customer WHERE batch_id = ? AND (updated_at > ? "
        "OR EXISTS (SELECT 1 FROM purchase p WHERE p.customer_id = customer.id "
        "AND (p.batch_id IS NULL OR p.batch_id != ?)) "
        "OR EXISTS (SELECT 1 FROM interaction i WHERE i.customer_id = customer.id) "
        "OR EXISTS (SELECT 1 FROM points_entry e WHERE e.customer_id = customer.id "
        "AND (e.batch_id IS NULL OR e.batch_id != ?))) ORDER BY id"
    )
    return [row[0] for row in ctx.db.execute_sql(sql, (batch_id, stamp, batch_id, batch_id))]


def in_merges(ctx: Context, batch_id: int) -> list[int]:
    """Customers created by the batch that a standing merge involves (merged away, or kept
    with others merged into them). An undo always keeps them: deleting one would take the
    other person's moved purchases along, or leave a merge that can no longer be undone."""
    sql = (
        "SELECT id FROM customer WHERE batch_id = ? AND (status = 'merged' "
        "OR EXISTS (SELECT 1 FROM merge_record m WHERE m.survivor_id = customer.id "
        "AND m.undone_at IS NULL)) ORDER BY id"
    )
    return [row[0] for row in ctx.db.execute_sql(sql, (batch_id,))]


def points_used(ctx: Context, batch_id: int) -> dict[int, int]:
    """Customers who have already used opening points of the batch, and by how many points
    its undo would take them below zero (the reversal takes back the whole balance given)."""
    rows = ctx.db.execute_sql(
        "SELECT e.customer_id, sum(e.points) FROM points_entry e WHERE e.batch_id = ? "
        "AND e.kind = 'opening' AND e.points > 0 AND NOT EXISTS "
        "(SELECT 1 FROM points_entry r WHERE r.reverses_id = e.id) GROUP BY e.customer_id",
        (batch_id,),
    ).fetchall()
    short = {}
    for customer_id, given in rows:
        left = loyalty.standing(ctx, customer_id).balance - given
        if left < 0:
            short[customer_id] = -left
    return short


def undo(ctx: Context, batch_id: int, *, keep_edited: bool = True) -> UndoResult:
    """Remove what the batch created and restore what its merges filled.

    Raises:
        NotFound: no such batch.
        OperationFailed: the batch was undone already.
    """
    require(ctx, Operation.IMPORT)
    batch = _batch(batch_id)
    if batch.status != "committed":
        raise OperationFailed(f"batch {batch_id} was undone already")
    edited = edited_since(ctx, batch_id)
    kept = sorted(set(edited if keep_edited else []) | set(in_merges(ctx, batch_id)))
    with ctx.db.atomic():
        restored = _restore_merges(ctx, batch_id)
        # Before the customers go: which pages stay is told by the record each was written for.
        pages = remove_for_undo(ctx, batch_id, kept=kept)
        if kept:
            marks = ",".join("?" * len(kept))
            ctx.db.execute_sql(
                f"UPDATE customer SET batch_id = NULL WHERE id IN ({marks})", tuple(kept)
            )
        ctx.db.execute_sql("DELETE FROM purchase WHERE batch_id = ?", (batch_id,))
        ctx.db.execute_sql(
            "DELETE FROM product WHERE batch_id = ? AND NOT EXISTS "
            "(SELECT 1 FROM purchase WHERE purchase.product_id = product.id)",
            (batch_id,),
        )
        removed = ctx.db.execute_sql(
            "DELETE FROM customer WHERE batch_id = ?", (batch_id,)
        ).rowcount
        # The ledger is append-only: opening balances of the customers who stay (merged
        # into, or kept because someone edited them) are reversed by new entries.
        reversed_points = loyalty.reverse_batch(ctx, batch_id)
        ctx.db.execute_sql("UPDATE import_batch SET status = 'undone' WHERE id = ?", (batch_id,))
        audit.record(
            ctx, "import.undone", entity="import_batch", entity_id=batch_id,
            details={"removed": removed, "kept_edited": kept, "restored_fields": restored,
                     "reversed_points_entries": reversed_points, "card_pages": pages},
        )  # fmt: skip
    return UndoResult(batch_id, removed, kept, restored, reversed_points, pages)


def _restore_merges(ctx: Context, batch_id: int) -> int:
    restored = 0
    changes = ctx.db.execute_sql(
        "SELECT customer_id, field, old_value, new_value FROM import_change "
        "WHERE batch_id = ? ORDER BY id DESC",
        (batch_id,),
    ).fetchall()
    for customer_id, name, old, new in changes:
        if name.startswith("custom:"):
            cursor = ctx.db.execute_sql(
                "DELETE FROM custom_value WHERE customer_id = ? AND value = ? AND field_id = "
                "(SELECT id FROM custom_field WHERE key = ?)",
                (customer_id, new, name.removeprefix("custom:")),
            )
        elif name in MERGE_FIELDS:
            # Only where the field still holds what the import wrote: a later edit stays.
            cursor = ctx.db.execute_sql(
                f"UPDATE customer SET {name} = ? WHERE id = ? AND {name} IS ?",
                (old, customer_id, new),
            )
        else:
            continue
        restored += cursor.rowcount
    return restored


def _batch(batch_id: int) -> ImportBatch:
    batch = ImportBatch.get_or_none(ImportBatch.id == batch_id)
    if batch is None:
        raise NotFound(f"no import batch {batch_id}")
    return batch


def batches(ctx: Context) -> list[BatchInfo]:
    """The import history, newest first."""
    sql = (
        "SELECT b.id, b.file_name, b.file_hash, u.name, b.created_at, b.status, b.counts, "
        "b.kind FROM import_batch b LEFT JOIN user u ON u.id = b.user_id ORDER BY b.id DESC"
    )
    return [
        BatchInfo(
            r[0], r[1], r[2], r[3], datetime.fromisoformat(r[4]), r[5], json.loads(r[6]), r[7]
        )
        for r in ctx.db.execute_sql(sql).fetchall()
    ]
