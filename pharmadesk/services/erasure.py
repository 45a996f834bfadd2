"""Erasure on request: a customer anonymised so that nothing readable of them remains.

What stays, and why:
- The customer row, under a neutral name ("已删除客户 #<id>") and status 'anonymised', so
  purchases and interactions keep a customer to belong to: the sales figures, repurchase
  rates and satisfaction of past months do not change when someone is forgotten.
- Purchases as they are (a product, a time, an amount: they name no one); interactions with
  their kind, channel, date and rating, their free-text summary blanked; the points ledger
  with its amounts, its reasons blanked.
- Consent records (purpose, status, date, notice version, staff member, channel): the
  pharmacy must be able to show on what basis it held the data while it did, and once the
  customer is anonymised they say nothing about a person. Anything else such a record holds
  (a guardian's name, say) is removed.

What goes: every other field of the customer (code, mobile, phones, email, address, postal
code, gender, birth date and year, notes, preferences, allergies, chronic conditions, and
any column a later schema adds unless it is listed in `_KEPT_CUSTOMER`), custom values, the
search keys, the import merge records (they hold earlier values), the scanned card pages
they came from (with any image kept: it shows their allergies and conditions), the name
and mobile in the file names of import batches and of other scanned card pages. The
trigram (FTS5) indexes are merged into fresh segments so the old terms leave their shadow
tables; with `secure_delete` on, freed space is zeroed; the WAL is checkpointed and
truncated, so no old page stays in it. Another connection in the middle of a read of an
older snapshot prevents that (`checkpointed` is then False): the old pages stay,
encrypted, in the file until the next checkpoint, at the latest when the last connection
closes (SQLite then checkpoints and removes the WAL). The window stops its own background
readers while erasing, and says so if it still happens.

The real-name register of controlled medicines (services/register.py) is kept by law: its
lines keep the buyer's name and ID number as written, unlinked from the customer and marked
kept under that obligation (`LEGAL_HOLDS`); `ErasureResult.kept_by_law` counts them.

Records merged into the customer (services/merge.py: the same person, kept hidden so the
merge can be undone) are erased with them, in the same transaction, and so are the merge
records that mention any of them: they hold earlier values of personal fields. They are
listed in `ErasureResult.merged_erased`.

The audit log names customers by id only and its details hold field names and counts
(`audit.record`), so nothing there needs changing, and its hash chain stays whole.

Backups keep the old data until they rotate out; the window says so before erasing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from peewee import Database

from pharmadesk.errors import NotFound, UsageError
from pharmadesk.services import audit, register, search_index
from pharmadesk.services.context import Context
from pharmadesk.services.permissions import Operation, require

REASONS = ("request", "retention")  # codes only: a free-text reason could name the person
PLACEHOLDER = "已删除客户 #{id}"
Progress = Callable[[int, int], None]

# Customer columns an erasure keeps (besides the placeholder name); every other column is
# emptied, so a field added later is erased unless someone decides it may stay.
_KEPT_CUSTOMER = frozenset({
    "id", "name", "status", "source", "batch_id", "created_at", "updated_at",
    "last_active_on", "consent_data", "consent_health", "consent_marketing",
})  # fmt: skip
_KEPT_CONSENT = frozenset({
    "id", "customer_id", "purpose", "status", "recorded_at", "notice_version", "user_id",
    "channel", "by_guardian",
})  # fmt: skip

LegalHold = Callable[[Context, int], int]
# Records the law requires the pharmacy to keep whatever the customer asks are listed here:
# each hold is called inside the erasure's transaction, before anything is scrubbed, marks
# that customer's records as kept under a legal obligation (they hold what the register
# must hold in their own columns, so unlinking them loses nothing) and returns how many it
# kept. The hold's module never imports this one, so listing it here makes no cycle.
LEGAL_HOLDS: tuple[LegalHold, ...] = (
    register.keep_for_erasure,  # the real-name register of controlled medicines
)


@dataclass(frozen=True)
class ErasureResult:
    customer_ids: tuple[int, ...]
    kept_by_law: int  # records a legal hold kept
    # False: another connection read an older snapshot, so the WAL could not be truncated;
    # the old pages go at the next checkpoint, at the latest when the last connection closes.
    checkpointed: bool
    merged_erased: tuple[int, ...] = ()  # records that had been merged into those erased
    card_pages: int = 0  # scanned card references (and images) removed


def erase(ctx: Context, customer_id: int, *, reason: str = "request") -> ErasureResult:
    """Anonymise one customer in one transaction, then clear the indexes and the WAL.

    Raises:
        PermissionRefused: only the owner may erase.
        NotFound: no such customer (or already anonymised).
        UsageError: `reason` is not one of REASONS.
    """
    return erase_many(ctx, [customer_id], reason=reason)


def erase_many(
    ctx: Context,
    customer_ids: Sequence[int],
    *,
    reason: str,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ErasureResult:
    """Anonymise each customer in a transaction of their own (a failure or a cancel keeps
    those done), then merge the indexes and truncate the WAL once for all of them.

    Returns the customers erased, in order (fewer than asked when cancelled).
    """
    require(ctx, Operation.ERASE)
    if reason not in REASONS:
        raise UsageError(f"unknown erasure reason {reason}; choose from {', '.join(REASONS)}")
    kept, pages, erased, merged = 0, 0, list[int](), list[int]()
    with _secure_delete(ctx.db):
        try:
            for customer_id in customer_ids:
                if cancelled is not None and cancelled():
                    break
                with ctx.db.atomic():
                    kept += _scrub(ctx, customer_id, reason)
                    same_person = _merged_into(ctx.db, customer_id)
                    for merged_id in same_person:
                        kept += _scrub(ctx, merged_id, reason)
                    _forget_merges(ctx.db, [customer_id, *same_person])
                    pages += _forget_card_pages(ctx.db, [customer_id, *same_person])
                erased.append(customer_id)
                merged.extend(same_person)
                if progress is not None:
                    progress(len(erased), len(customer_ids))
        finally:
            checkpointed = _forget_old_pages(ctx.db)
    return ErasureResult(tuple(erased), kept, checkpointed, tuple(merged), pages)


def _merged_into(db: Database, customer_id: int) -> list[int]:
    """The records merged into this one, and those merged into them, and so on."""
    found, todo = list[int](), [customer_id]
    while todo:
        rows = db.execute_sql(
            "SELECT id FROM customer WHERE merged_into_id = ? AND status = 'merged' ORDER BY id",
            (todo.pop(),),
        ).fetchall()
        for (merged_id,) in rows:
            if merged_id not in found and merged_id != customer_id:
                found.append(merged_id)
                todo.append(merged_id)
    return found


def _forget_merges(db: Database, customer_ids: Sequence[int]) -> None:
    """The merge records naming any of these customers: they hold earlier personal values."""
    marks = ",".join("?" * len(customer_ids))
    db.execute_sql(
        f"DELETE FROM merge_record WHERE survivor_id IN ({marks}) OR EXISTS "
        f"(SELECT 1 FROM json_each(merge_record.merged_ids) WHERE value IN ({marks}))",
        (*customer_ids, *customer_ids),
    )


def _forget_card_pages(db: Database, customer_ids: Sequence[int]) -> int:
    """The scanned card pages of these customers, images and all; returns how many."""
    marks = ",".join("?" * len(customer_ids))
    cursor = db.execute_sql(
        f"DELETE FROM card_page WHERE customer_id IN ({marks})", tuple(customer_ids)
    )
    return int(cursor.rowcount)


@contextmanager
def _secure_delete(db: Database) -> Iterator[None]:
    """`PRAGMA secure_delete` on for this connection while erasing, as it was after.

    SQLCipher turns it on for keyed connections already; the erasure does not depend on it.
    """
    before = int(db.execute_sql("PRAGMA secure_delete").fetchone()[0])
    db.execute_sql("PRAGMA secure_delete = ON")
    try:
        yield
    finally:
        db.execute_sql(f"PRAGMA secure_delete = {before}")


def _scrub(ctx: Context, customer_id: int, reason: str) -> int:
    db = ctx.db
    row = db.execute_sql(
        "SELECT name, mobile, phone, status FROM customer WHERE id = ?", (customer_id,)
    ).fetchone()
    if row is None or row[3] == "anonymised":
        raise NotFound(f"no customer {customer_id}")
    name, mobile, phone, _ = row
    kept = sum(hold(ctx, customer_id) for hold in LEGAL_HOLDS)
    _scrub_file_names(db, [name, mobile, phone], PLACEHOLDER.format(id=customer_id))
    _empty_columns(db, "customer", _KEPT_CUSTOMER, "id", customer_id)
    db.execute_sql(
        "UPDATE customer SET name = ?, status = 'anonymised', updated_at = ? WHERE id = ?",
        (PLACEHOLDER.format(id=customer_id), ctx.now().isoformat(timespec="seconds"),
         customer_id),
    )  # fmt: skip
    _empty_columns(db, "consent_record", _KEPT_CONSENT, "customer_id", customer_id)
    for statement in (
        "DELETE FROM custom_value WHERE customer_id = ?",
        "DELETE FROM import_change WHERE customer_id = ?",
        "DELETE FROM reminder_state WHERE customer_id = ?",
        "UPDATE interaction SET summary = '' WHERE customer_id = ?",
        "UPDATE points_entry SET reason = '' WHERE customer_id = ?",
    ):
        db.execute_sql(statement, (customer_id,))
    search_index.remove_customer(db, customer_id)
    audit.record(ctx, "customer.erased", customer_id=customer_id,
                 details={"reason": reason, "kept_by_law": kept})  # fmt: skip
    return kept


def _empty_columns(db: Database, table: str, kept: frozenset[str], key: str, value: int) -> None:
    """Every column of `table` not in `kept` set to NULL (or its default when it has to
    hold a value), for the rows whose `key` is `value`."""
    sets = []
    for _, column, kind, not_null, default, _ in db.execute_sql(f"PRAGMA table_info({table})"):
        if column in kept:
            continue
        if not not_null:
            sets.append(f"{column} = NULL")
        elif default is not None:
            sets.append(f"{column} = {default}")
        else:
            sets.append(f"{column} = {0 if 'INT' in kind.upper() else repr('')}")
    if sets:
        db.execute_sql(f"UPDATE {table} SET {', '.join(sets)} WHERE {key} = ?", (value,))


def _scrub_file_names(db: Database, texts: Sequence[str | None], placeholder: str) -> None:
    """A spreadsheet or a scan named after the customer ("张三的卡.xlsx", "扫描/张三.jpg")
    keeps no trace in the import history."""
    for text in texts:
        if text and len(text) >= 2:
            for table, column in (("import_batch", "file_name"), ("card_page", "source")):
                db.execute_sql(
                    f"UPDATE {table} SET {column} = replace({column}, ?, ?) "
                    f"WHERE instr({column}, ?) > 0",
                    (text, placeholder, text),
                )


def fts_tables(db: Database) -> list[str]:
    """The full-text (FTS5) indexes of the schema, found rather than listed, so an index a
    later schema adds is merged too."""
    rows = db.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' "
        "AND sql LIKE 'CREATE VIRTUAL TABLE%' AND lower(sql) LIKE '%using fts5%'"
    ).fetchall()
    return [name for (name,) in rows]


def _forget_old_pages(db: Database) -> bool:
    """Merge each FTS5 index into one segment ('optimize' drops deleted entries from the
    shadow tables), then copy the WAL into the file and truncate it."""
    with db.atomic():
        for table in fts_tables(db):
            db.execute_sql(f"INSERT INTO {table}({table}) VALUES ('optimize')")
    busy = db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    return int(busy) == 0
