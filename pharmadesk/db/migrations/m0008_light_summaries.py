"""Schema 8: cheap triggers on the write path, and a cache of the dashboard's figures.

Schema 7 refreshed each customer's median interval and their month, quarter and year day
counts whenever a purchase day appeared or went, which made writing purchases 2-5x slower
and the file three times larger. Schema 8 keeps only constant-cost upserts on the write
path; what needs a whole history (the median interval, distinct customers of a period) is
computed when a figure is asked for and cached until the lines it was made from change.

- `customer_period` and `period_total` are dropped (served and repeaters come from the
  cached month summaries), and so is `customer_activity.median_gap` (the median interval
  is computed per as-of day, in SQL, by the analytics service).
- `customer_activity` keeps first and last day, days, transactions and amount by upsert;
  only a deleted purchase day (an undo, a deleted customer) re-reads that customer's days.
- `analytics_cache`: JSON figures by key, each valid while no purchase line dated between
  its `first_day` and `last_day` is written; triggers delete the entries a written line
  falls into. New lines are dated today, after every closed month, so at the counter they
  find nothing to delete.
- `analytics_version`: one number, bumped by every written line or interaction, so the
  service can keep whole dashboards in memory and know when they are stale.
- `purchase_day` covers every column a period's product totals read, so a month's lines
  are read from the index alone instead of one table lookup per line.
"""

from __future__ import annotations

from peewee import Database

_BUMP = "UPDATE analytics_version SET n = n + 1;\n"

DROP = (
    "DROP TRIGGER customer_day_insert",
    "DROP TRIGGER customer_day_update",
    "DROP TRIGGER customer_day_delete",
    "DROP TABLE customer_period",
    "DROP TABLE period_total",
    "ALTER TABLE customer_activity DROP COLUMN median_gap",
    "DROP INDEX purchase_day",
)

TABLES = (
    # Same leading columns as schema 4's index (the purchase browser's INDEXED BY still
    # fits), then what a month's product and category totals read.
    """CREATE INDEX purchase_day ON purchase(purchased_on, product_id, amount_fen,
        customer_id, quantity, transaction_key)""",
    """CREATE TABLE analytics_cache (
        key TEXT PRIMARY KEY,
        first_day TEXT NOT NULL,
        last_day TEXT NOT NULL,
        value TEXT NOT NULL)""",
    "CREATE INDEX analytics_cache_days ON analytics_cache(last_day, first_day)",
    "CREATE TABLE analytics_version (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL)",
    "INSERT INTO analytics_version (id, n) VALUES (1, 0)",
)


def _stale(day: str) -> str:
    """Forget the cached figures made from lines of `day`, and every dashboard in memory."""
    return f"DELETE FROM analytics_cache WHERE last_day >= {day} AND first_day <= {day};\n{_BUMP}"


def _activity_refresh(customer: str) -> str:
    """One customer's activity from their days (a handful of rows), after a day went."""
    return f"""INSERT INTO customer_activity
            (customer_id, first_day, last_day, days, transactions, amount_fen)
            SELECT customer_id, min(day), max(day), count(*), sum(transactions), sum(amount_fen)
            FROM customer_day WHERE customer_id = {customer} GROUP BY customer_id
            ON CONFLICT (customer_id) DO UPDATE SET first_day = excluded.first_day,
                last_day = excluded.last_day, days = excluded.days,
                transactions = excluded.transactions, amount_fen = excluded.amount_fen;
        DELETE FROM customer_activity WHERE customer_id = {customer}
            AND NOT EXISTS (SELECT 1 FROM customer_day WHERE customer_id = {customer});
"""


TRIGGERS = (
    """CREATE TRIGGER customer_day_insert AFTER INSERT ON customer_day BEGIN
    INSERT INTO customer_activity
        (customer_id, first_day, last_day, days, transactions, amount_fen)
        VALUES (new.customer_id, new.day, new.day, 1, new.transactions, new.amount_fen)
        ON CONFLICT (customer_id) DO UPDATE SET
            first_day = min(first_day, excluded.first_day),
            last_day = max(last_day, excluded.last_day), days = days + 1,
            transactions = transactions + excluded.transactions,
            amount_fen = amount_fen + excluded.amount_fen;
    END""",
    """CREATE TRIGGER customer_day_update AFTER UPDATE ON customer_day BEGIN
    UPDATE customer_activity SET
        transactions = transactions + new.transactions - old.transactions,
        amount_fen = amount_fen + new.amount_fen - old.amount_fen
    WHERE customer_id = new.customer_id;
    END""",
    "CREATE TRIGGER customer_day_delete AFTER DELETE ON customer_day BEGIN\n"
    f"{_activity_refresh('old.customer_id')}END",
    f"CREATE TRIGGER purchase_cache_insert AFTER INSERT ON purchase BEGIN\n"
    f"{_stale('new.purchased_on')}END",
    f"CREATE TRIGGER purchase_cache_delete AFTER DELETE ON purchase BEGIN\n"
    f"{_stale('old.purchased_on')}END",
    "CREATE TRIGGER purchase_cache_update AFTER UPDATE OF customer_id, product_id, "
    "purchased_on, quantity, amount_fen, transaction_key ON purchase BEGIN\n"
    f"{_stale('old.purchased_on')}{_stale('new.purchased_on')}END",
    # Ratings and complaints are in the dashboards kept in memory, not in the cached
    # summaries: an interaction only makes those dashboards stale.
    f"CREATE TRIGGER interaction_cache_insert AFTER INSERT ON interaction BEGIN\n{_BUMP}END",
    f"CREATE TRIGGER interaction_cache_delete AFTER DELETE ON interaction BEGIN\n{_BUMP}END",
    "CREATE TRIGGER interaction_cache_update AFTER UPDATE OF occurred_at, kind, rating, "
    f"corrects_id ON interaction BEGIN\n{_BUMP}END",
)

STATEMENTS = DROP + TABLES + TRIGGERS


def apply(db: Database) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
