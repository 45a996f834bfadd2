"""Schema 14: where each customer of a scanned-card import came from.

- `card_page`: one row per card that became, or was merged into, a customer of an import
  batch: the file as chosen (`source`), the page in it (1-based), the file's SHA-256, the
  card's row number in the batch, and the customer it became or joined. The scanned image
  holds health data (allergies, chronic conditions), so it stays outside the database
  unless the owner opts in (setting `privacy.store_card_images`); then `image` holds the
  bytes, encrypted with the rest of the file, and `image_type` their media type.
- Rows go with their customer (cascade); an undo removes those of the batch whose customer
  does not stay, an erasure those of the erased customer, and a merge moves them like
  purchases. A batch is never deleted, but if one were its pages would go with it.
"""

from __future__ import annotations

from peewee import Database

STATEMENTS = (
    """CREATE TABLE card_page (
        id INTEGER PRIMARY KEY,
        batch_id INTEGER NOT NULL REFERENCES import_batch(id) ON DELETE CASCADE,
        customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
        row_number INTEGER NOT NULL,
        source TEXT NOT NULL,
        page INTEGER NOT NULL CHECK (page >= 1),
        file_hash TEXT NOT NULL,
        image BLOB,
        image_type TEXT,
        created_at TEXT NOT NULL,
        CHECK ((image IS NULL) = (image_type IS NULL)))""",
    "CREATE INDEX card_page_customer ON card_page(customer_id)",
    "CREATE INDEX card_page_batch ON card_page(batch_id)",
)


def apply(db: Database) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
