"""Schema 4: indexes for browsing every purchase line of the pharmacy.

The all-purchases view pages through up to millions of lines by date or by amount, with a
date range and a category filter. With the product id (and the other sort key) in both
indexes, choosing a page's line ids and counting a filtered view read only the index,
never the table, and sorting by amount needs no sort of the whole table.
"""

from __future__ import annotations

from peewee import Database

STATEMENTS = (
    "DROP INDEX purchase_day",
    "CREATE INDEX purchase_day ON purchase(purchased_on, product_id, amount_fen)",
    "CREATE INDEX purchase_amount ON purchase(amount_fen, product_id, purchased_on)",
)


def apply(db: Database) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
