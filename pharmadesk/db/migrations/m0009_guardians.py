"""Schema 9: guardians of children under 14, and who gave a consent.

The law asks for a guardian's consent before the personal data of a child under 14 is
processed: the customer row keeps the guardian's name and mobile, and each consent record
says whether the guardian gave it (`by_guardian`). Records written before this schema were
the customer's own, as far as anyone knows (0).
"""

from __future__ import annotations

from peewee import Database

STATEMENTS = (
    "ALTER TABLE customer ADD COLUMN guardian_name TEXT",
    "ALTER TABLE customer ADD COLUMN guardian_mobile TEXT",
    "ALTER TABLE consent_record ADD COLUMN by_guardian INTEGER NOT NULL DEFAULT 0",
    # The consent history of one customer, newest first, without a sort.
    "DROP INDEX consent_record_customer",
    "CREATE INDEX consent_record_customer ON consent_record(customer_id, id)",
)


def apply(db: Database) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
