"""Schema 2: the counter search index and each customer's last activity (for ranking).

`search_key` holds every key a customer is found under (name fragments, pinyin readings
and initials, see `pharmadesk.text.search_keys`) with the customer's last active day as
its rank, so the first 50 hits of a key come straight off the index in ranked order.
Mobiles get an expression index on their last four digits.
"""

from __future__ import annotations

from datetime import date

from peewee import Database

from pharmadesk.text.search_keys import keys_for_name

STATEMENTS = (
    "ALTER TABLE customer ADD COLUMN last_active_on TEXT",
    """UPDATE customer SET last_active_on = (
        SELECT max(day) FROM (
            SELECT max(purchased_on) AS day FROM purchase WHERE customer_id = customer.id
            UNION ALL
            SELECT max(substr(occurred_at, 1, 10)) FROM interaction
                WHERE customer_id = customer.id
            UNION ALL
            SELECT substr(customer.created_at, 1, 10)))""",
    """CREATE TABLE search_key (
        key TEXT NOT NULL,
        cls INTEGER NOT NULL,
        rank INTEGER NOT NULL,
        customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
        PRIMARY KEY (key, cls, rank, customer_id)) WITHOUT ROWID""",
    "CREATE INDEX search_key_customer ON search_key(customer_id)",
    "CREATE INDEX customer_mobile_last4 ON customer(substr(mobile, 8, 4))",
    "CREATE INDEX customer_last_active ON customer(last_active_on)",
)


def rank_of(day: str | None) -> int:
    """The ranking number of a last-active day: later days rank higher."""
    return date.fromisoformat(day).toordinal() if day else 0


def apply(db: Database) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
    rows = db.execute_sql("SELECT id, name, last_active_on FROM customer").fetchall()
    keys = [
        (key, cls, rank_of(day), customer_id)
        for customer_id, name, day in rows
        for key, cls in keys_for_name(name).items()
    ]
    db.cursor().executemany("INSERT INTO search_key VALUES (?, ?, ?, ?)", keys)
