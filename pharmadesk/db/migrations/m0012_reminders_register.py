"""Schema 12: calls and their outcomes, reminder states, the real-name register.

- `interaction.outcome`: how a call from the reminder, birthday or win-back lists went
  (reached, no answer, will come, stopped this medicine); null for other entries.
- `reminder_state`: one row per customer and item whose refill reminders someone ended or
  moved. `stopped` (the customer stopped this medicine) ends reminders until the item is
  bought again after `last_purchase`; `no_remind` ends them for good; `snoozed` hides the
  reminder of that last purchase until `until`. The history of these choices is in the
  interaction log and the audit log; this row is only what holds now.
- `product.controlled`: compound preparations containing ephedrine and the like, whose
  sale the real-name register must record.
- `controlled_sale`: the real-name register, one row per controlled line sold: who bought
  (name and ID number as given), what, which batch, how many, who sold, and the reason when
  the per-sale limit was overridden. The law requires it to be kept, so rows are never
  deleted and their content never changes: when the customer is erased the link to them
  goes and `kept_at` says the row was kept under that obligation.
"""

from __future__ import annotations

from peewee import Database

STATEMENTS = (
    "ALTER TABLE interaction ADD COLUMN outcome TEXT",
    """CREATE TABLE reminder_state (
        id INTEGER PRIMARY KEY,
        customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
        item_kind TEXT NOT NULL,
        item TEXT NOT NULL,
        action TEXT NOT NULL,
        last_purchase TEXT NOT NULL,
        until TEXT,
        interaction_id INTEGER REFERENCES interaction(id) ON DELETE SET NULL,
        user_id INTEGER REFERENCES user(id) ON DELETE SET NULL,
        created_at TEXT NOT NULL,
        UNIQUE (customer_id, item_kind, item))""",
    "ALTER TABLE product ADD COLUMN controlled INTEGER NOT NULL DEFAULT 0",
    "CREATE INDEX product_controlled ON product(id) WHERE controlled = 1",
    """CREATE TABLE controlled_sale (
        id INTEGER PRIMARY KEY,
        sold_at TEXT NOT NULL,
        sold_on TEXT NOT NULL,
        purchase_id INTEGER REFERENCES purchase(id) ON DELETE SET NULL,
        receipt TEXT,
        product_id INTEGER NOT NULL REFERENCES product(id) ON DELETE RESTRICT,
        product_name TEXT NOT NULL,
        specification TEXT NOT NULL DEFAULT '',
        batch_no TEXT NOT NULL DEFAULT '',
        quantity INTEGER NOT NULL,
        buyer_name TEXT NOT NULL,
        id_number TEXT NOT NULL,
        customer_id INTEGER REFERENCES customer(id) ON DELETE SET NULL,
        user_id INTEGER REFERENCES user(id) ON DELETE SET NULL,
        staff_name TEXT NOT NULL,
        override_reason TEXT,
        kept_at TEXT)""",
    "CREATE INDEX controlled_sale_day ON controlled_sale(sold_on, id)",
    "CREATE INDEX controlled_sale_customer ON controlled_sale(customer_id) "
    "WHERE customer_id IS NOT NULL",
    "CREATE INDEX controlled_sale_purchase ON controlled_sale(purchase_id) "
    "WHERE purchase_id IS NOT NULL",
    """CREATE TRIGGER controlled_sale_frozen
    BEFORE UPDATE OF sold_at, sold_on, receipt, product_id, product_name, specification,
        batch_no, quantity, buyer_name, id_number, staff_name, override_reason
    ON controlled_sale BEGIN
    SELECT RAISE(ABORT, 'the real-name register is kept as written');
END""",
    """CREATE TRIGGER controlled_sale_links
    BEFORE UPDATE OF purchase_id, customer_id, user_id, kept_at ON controlled_sale
    WHEN (new.purchase_id IS NOT old.purchase_id AND new.purchase_id IS NOT NULL)
        OR (new.customer_id IS NOT old.customer_id AND new.customer_id IS NOT NULL)
        OR (new.user_id IS NOT old.user_id AND new.user_id IS NOT NULL)
        OR (old.kept_at IS NOT NULL AND new.kept_at IS NOT old.kept_at) BEGIN
    SELECT RAISE(ABORT, 'the real-name register is kept as written');
END""",
    """CREATE TRIGGER controlled_sale_kept BEFORE DELETE ON controlled_sale BEGIN
    SELECT RAISE(ABORT, 'the real-name register is kept as written');
END""",
)


def apply(db: Database) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
