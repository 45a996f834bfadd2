"""Schema 13: merges that can be undone, dismissed duplicate pairs, customers who left.

- `customer.merged_into_id`: a record merged into another is kept, hidden (status
  'merged'), pointing at the survivor, so an unmerge can bring it back as it was.
- `merge_record`: one merge: the survivor, the records merged into it, each record's
  fields as they were before (JSON), which rows of which table moved (JSON), who and when,
  and when and by whom it was undone. It holds earlier values of personal fields, so an
  erasure removes the merge records of the people it erases.
- The points ledger stays append-only, but its entries may follow a recorded merge: an
  entry's customer may change only from a merged record to the one it is merged into, or
  back while that merge still stands (an unmerge moves them before it clears
  `merged_into_id`). The balance cache follows.
- `duplicate_dismissal`: a pair someone said is not the same person (lower id first), never
  proposed again.
- `customer.left_reason` and `left_on`: moved away or deceased, marked in the stale-record
  review; such a customer is not contacted or reminded.
"""

from __future__ import annotations

from peewee import Database

STATEMENTS = (
    "ALTER TABLE customer ADD COLUMN merged_into_id INTEGER REFERENCES customer(id) "
    "ON DELETE SET NULL",
    "CREATE INDEX customer_merged_into ON customer(merged_into_id) "
    "WHERE merged_into_id IS NOT NULL",
    "ALTER TABLE customer ADD COLUMN left_reason TEXT",
    "ALTER TABLE customer ADD COLUMN left_on TEXT",
    """CREATE TABLE merge_record (
        id INTEGER PRIMARY KEY,
        survivor_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
        merged_ids TEXT NOT NULL,
        before TEXT NOT NULL,
        moved TEXT NOT NULL,
        user_id INTEGER REFERENCES user(id) ON DELETE SET NULL,
        created_at TEXT NOT NULL,
        undone_at TEXT,
        undone_user_id INTEGER REFERENCES user(id) ON DELETE SET NULL)""",
    "CREATE INDEX merge_record_survivor ON merge_record(survivor_id, id)",
    """CREATE TABLE duplicate_dismissal (
        low_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
        high_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
        user_id INTEGER REFERENCES user(id) ON DELETE SET NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (low_id, high_id),
        CHECK (low_id < high_id)) WITHOUT ROWID""",
    # Schema 11's guard, with one exception: an entry may follow a recorded merge.
    "DROP TRIGGER points_entry_frozen",
    """CREATE TRIGGER points_entry_frozen
    BEFORE UPDATE OF customer_id, kind, points, effective_on, expires_on, reverses_id,
        value_fen, created_at ON points_entry
    WHEN new.kind IS NOT old.kind OR new.points IS NOT old.points
        OR new.effective_on IS NOT old.effective_on OR new.expires_on IS NOT old.expires_on
        OR new.reverses_id IS NOT old.reverses_id OR new.value_fen IS NOT old.value_fen
        OR new.created_at IS NOT old.created_at
        OR (new.customer_id IS NOT old.customer_id
            AND (SELECT merged_into_id FROM customer WHERE id = old.customer_id)
                IS NOT new.customer_id
            AND (SELECT merged_into_id FROM customer WHERE id = new.customer_id)
                IS NOT old.customer_id) BEGIN
    SELECT RAISE(ABORT, 'points entries are append-only: add a correcting entry');
END""",
    """CREATE TRIGGER points_entry_moved AFTER UPDATE OF customer_id ON points_entry
    WHEN new.customer_id IS NOT old.customer_id BEGIN
    UPDATE points_balance SET balance = balance - old.points
        WHERE customer_id = old.customer_id;
    INSERT INTO points_balance (customer_id, balance) VALUES (new.customer_id, new.points)
        ON CONFLICT (customer_id) DO UPDATE SET balance = balance + excluded.balance;
END""",
)


def apply(db: Database) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
