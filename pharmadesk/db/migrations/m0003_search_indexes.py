"""Schema 3: a trigram index over customer names, and covering indexes for mobile lookups.

`search_key` stores name fragments up to 4 characters; a longer fragment ('xiuying' of a
Latin name, the middle of a long compound name) used to mean a scan of every customer.
Only a name longer than 4 characters can hold such a fragment, so only those names are
indexed (most Chinese names have 2 or 3 characters: the index stays small and inserts cheap).
FTS5's trigram tokenizer finds any fragment of 3 or more characters from an index. It is an
external-content table: it holds no copy of the names, only the index, and triggers keep it
in step with `customer`.

The mobile and last-4 lookups rank their hits by last activity; with the status and the
last active day in the index they are answered from the index alone, without reading (and
decrypting) a table page for every hit.
"""

from __future__ import annotations

from peewee import Database

STATEMENTS = (
    """CREATE VIRTUAL TABLE customer_name_trigram USING fts5(
        name, content='customer', content_rowid='id', tokenize='trigram')""",
    """CREATE TRIGGER customer_name_trigram_insert AFTER INSERT ON customer
        WHEN length(new.name) > 4 BEGIN
        INSERT INTO customer_name_trigram(rowid, name) VALUES (new.id, new.name);
    END""",
    """CREATE TRIGGER customer_name_trigram_delete AFTER DELETE ON customer
        WHEN length(old.name) > 4 BEGIN
        INSERT INTO customer_name_trigram(customer_name_trigram, rowid, name)
            VALUES ('delete', old.id, old.name);
    END""",
    # One trigger, in this order: SQLite fires separate triggers on one event newest first,
    # which would remove the new entry right after adding it.
    """CREATE TRIGGER customer_name_trigram_update AFTER UPDATE OF name ON customer BEGIN
        INSERT INTO customer_name_trigram(customer_name_trigram, rowid, name)
            SELECT 'delete', old.id, old.name WHERE length(old.name) > 4;
        INSERT INTO customer_name_trigram(rowid, name)
            SELECT new.id, new.name WHERE length(new.name) > 4;
    END""",
    """INSERT INTO customer_name_trigram(rowid, name)
        SELECT id, name FROM customer WHERE length(name) > 4""",
    "DROP INDEX customer_mobile",
    "CREATE INDEX customer_mobile ON customer(mobile, status, last_active_on)",
    "DROP INDEX customer_mobile_last4",
    """CREATE INDEX customer_mobile_last4
        ON customer(substr(mobile, 8, 4), status, last_active_on)""",
)


def apply(db: Database) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
