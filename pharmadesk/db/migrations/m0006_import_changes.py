"""Schema 6: what an import changed, so that undoing the batch can put it back.

Products an import of purchase lines created carry its batch, so undo removes them (when
no other purchase uses them).

A merge only fills fields that were empty; each filled field is recorded with its earlier
value. Undo restores a field only where it still holds what the import wrote, so a later
edit by a pharmacist is never overwritten.
"""

from __future__ import annotations

from peewee import Database

STATEMENTS = (
    """CREATE TABLE import_change (
        id INTEGER PRIMARY KEY,
        batch_id INTEGER NOT NULL REFERENCES import_batch(id) ON DELETE CASCADE,
        customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
        field TEXT NOT NULL,
        old_value TEXT,
        new_value TEXT)""",
    "CREATE INDEX import_change_batch ON import_change(batch_id)",
    "CREATE INDEX points_entry_batch ON points_entry(batch_id)",
    "ALTER TABLE product ADD COLUMN batch_id INTEGER REFERENCES import_batch(id) "
    "ON DELETE SET NULL",
)


def apply(db: Database) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
