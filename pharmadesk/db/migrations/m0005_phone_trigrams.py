"""Schema 5: a trigram index over mobiles and other phones, for digits from their middle.

A pharmacist may remember '1234 56' from the middle of a number. A mobile prefix and the
last four digits have their own indexes; digits from anywhere else used to mean reading
every customer (about 100 ms on 200,000). FTS5's trigram tokenizer finds any run of three
or more characters from an index; like the name index, it stores no copy of the numbers
and triggers keep it in step.
"""

from __future__ import annotations

from peewee import Database

STATEMENTS = (
    """CREATE VIRTUAL TABLE customer_phone_trigram USING fts5(
        mobile, phone, content='customer', content_rowid='id', tokenize='trigram')""",
    """CREATE TRIGGER customer_phone_trigram_insert AFTER INSERT ON customer BEGIN
        INSERT INTO customer_phone_trigram(rowid, mobile, phone)
            VALUES (new.id, new.mobile, new.phone);
    END""",
    """CREATE TRIGGER customer_phone_trigram_delete AFTER DELETE ON customer BEGIN
        INSERT INTO customer_phone_trigram(customer_phone_trigram, rowid, mobile, phone)
            VALUES ('delete', old.id, old.mobile, old.phone);
    END""",
    """CREATE TRIGGER customer_phone_trigram_update AFTER UPDATE OF mobile, phone ON customer
    BEGIN
        INSERT INTO customer_phone_trigram(customer_phone_trigram, rowid, mobile, phone)
            VALUES ('delete', old.id, old.mobile, old.phone);
        INSERT INTO customer_phone_trigram(rowid, mobile, phone)
            VALUES (new.id, new.mobile, new.phone);
    END""",
    "INSERT INTO customer_phone_trigram(customer_phone_trigram) VALUES ('rebuild')",
)


def apply(db: Database) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
