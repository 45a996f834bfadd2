"""Schema 11: the points ledger made exact and append-only, loyalty rules with dates.

- `points_entry` gains the local day an entry counts from (`effective_on`: the purchase
  day, the import day, the day points expired), the first day its points are gone
  (`expires_on`, fixed when they are earned, so a later change of rules never moves it),
  the entry it reverses (`reverses_id`, an undone import's opening balance) and the money a
  redemption took off the receipt (`value_fen`). Entries written before this schema count
  from the day they were written and expire under the default rule.
- Triggers keep the ledger append-only: the amount, kind, customer and dates of an entry
  cannot be changed, and an entry cannot be deleted while its customer exists (a deleted
  customer takes their ledger along). Only the reason may be blanked (erasure) and the
  links to a purchase, batch or account may go (be nulled) when those go.
- `points_balance` caches each customer's ledger sum, kept by the same triggers;
  `pharmadesk check` compares it with the ledger.
- `loyalty_rules`: each version of the owner's rules with the day it applies from.
"""

from __future__ import annotations

from peewee import Database

STATEMENTS = (
    "ALTER TABLE points_entry ADD COLUMN effective_on TEXT",
    "ALTER TABLE points_entry ADD COLUMN expires_on TEXT",
    "ALTER TABLE points_entry ADD COLUMN reverses_id INTEGER "
    "REFERENCES points_entry(id) ON DELETE SET NULL",
    "ALTER TABLE points_entry ADD COLUMN value_fen INTEGER",
    "UPDATE points_entry SET effective_on = substr(created_at, 1, 10)",
    # The default rule: points of year Y are gone on 1 January of Y + 2.
    "UPDATE points_entry SET expires_on = "
    "printf('%04d-01-01', CAST(substr(effective_on, 1, 4) AS INTEGER) + 2) WHERE points > 0",
    "CREATE INDEX points_entry_purchase ON points_entry(purchase_id) WHERE purchase_id IS NOT NULL",
    "CREATE INDEX points_entry_expiry ON points_entry(expires_on, customer_id) "
    "WHERE expires_on IS NOT NULL",
    # Without it, every entry deleted with its customer scans the ledger for reversals of it.
    "CREATE INDEX points_entry_reverses ON points_entry(reverses_id) WHERE reverses_id IS NOT NULL",
    """CREATE TABLE points_balance (
        customer_id INTEGER PRIMARY KEY REFERENCES customer(id) ON DELETE CASCADE,
        balance INTEGER NOT NULL)""",
    "INSERT INTO points_balance (customer_id, balance) "
    "SELECT customer_id, sum(points) FROM points_entry GROUP BY customer_id",
    """CREATE TRIGGER points_entry_insert AFTER INSERT ON points_entry BEGIN
    INSERT INTO points_balance (customer_id, balance) VALUES (new.customer_id, new.points)
        ON CONFLICT (customer_id) DO UPDATE SET balance = balance + excluded.balance;
END""",
    """CREATE TRIGGER points_entry_delete AFTER DELETE ON points_entry BEGIN
    UPDATE points_balance SET balance = balance - old.points
        WHERE customer_id = old.customer_id;
END""",
    """CREATE TRIGGER points_entry_frozen
    BEFORE UPDATE OF customer_id, kind, points, effective_on, expires_on, reverses_id,
        value_fen, created_at ON points_entry BEGIN
    SELECT RAISE(ABORT, 'points entries are append-only: add a correcting entry');
END""",
    """CREATE TRIGGER points_entry_links BEFORE UPDATE OF reason, purchase_id, batch_id, user_id
    ON points_entry WHEN (new.reason IS NOT old.reason AND new.reason != '')
        OR (new.purchase_id IS NOT old.purchase_id AND new.purchase_id IS NOT NULL)
        OR (new.batch_id IS NOT old.batch_id AND new.batch_id IS NOT NULL)
        OR (new.user_id IS NOT old.user_id AND new.user_id IS NOT NULL) BEGIN
    SELECT RAISE(ABORT, 'points entries are append-only: add a correcting entry');
END""",
    """CREATE TRIGGER points_entry_kept BEFORE DELETE ON points_entry
    WHEN EXISTS (SELECT 1 FROM customer WHERE id = old.customer_id) BEGIN
    SELECT RAISE(ABORT, 'points entries are append-only: add a correcting entry');
END""",
    """CREATE TABLE loyalty_rules (
        id INTEGER PRIMARY KEY,
        effective_from TEXT NOT NULL,
        rules TEXT NOT NULL,
        user_id INTEGER REFERENCES user(id) ON DELETE SET NULL,
        created_at TEXT NOT NULL)""",
    "CREATE INDEX loyalty_rules_from ON loyalty_rules(effective_from, id)",
)


def apply(db: Database) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
