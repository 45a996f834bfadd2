"""Schema 12: call outcomes, reminder states and a real-name register kept as written."""

from __future__ import annotations

from pathlib import Path

import pytest
from peewee import IntegrityError

from pharmadesk.db import connection, migrations
from pharmadesk.db.keyfile import new_database_key

AT = "2026-11-02T10:00:00+08:00"


@pytest.fixture
def upgraded(tmp_path: Path) -> connection.EncryptedDatabase:
    """A schema-11 database with a customer, a product, a purchase and an interaction,
    upgraded to 12, with one register line of that purchase."""
    db = connection.open_encrypted(tmp_path / "old.db", new_database_key())
    migrations.migrate(db, target=11)
    for sql in (
        "INSERT INTO user (id, name, role, created_at) VALUES (1, 'owner', 'owner', ?)",
        "INSERT INTO customer (id, name, created_at, updated_at) VALUES (1, '李秀英', ?, ?)",
        "INSERT INTO product (id, name) VALUES (1, '新康泰克')",
        "INSERT INTO purchase (id, customer_id, product_id, purchased_at, purchased_on, "
        "quantity, unit_price_fen, amount_fen, transaction_key) "
        "VALUES (1, 1, 1, ?, '2026-11-02', 1, 2000, 2000, 'day:2026-11-02')",
        "INSERT INTO interaction (id, customer_id, occurred_at, channel, kind, summary) "
        "VALUES (1, 1, ?, 'counter', 'consultation', 'cough')",
    ):
        db.execute_sql(sql, (AT,) * sql.count("?"))
    assert migrations.migrate(db) == list(range(12, migrations.LATEST_VERSION + 1))
    db.execute_sql(
        "INSERT INTO controlled_sale (sold_at, sold_on, purchase_id, product_id, product_name, "
        "quantity, buyer_name, id_number, customer_id, user_id, staff_name) "
        "VALUES (?, '2026-11-02', 1, 1, '新康泰克', 2, '李秀英', '11010519491231002X', 1, 1, "
        "'owner')",
        (AT,),
    )
    return db


def test_schema_12_keeps_what_was_there_and_adds_its_columns(
    upgraded: connection.EncryptedDatabase,
) -> None:
    db = upgraded
    assert db.execute_sql("SELECT summary, outcome FROM interaction").fetchall() == [
        ("cough", None)
    ]
    assert db.execute_sql("SELECT name, controlled FROM product").fetchall() == [("新康泰克", 0)]
    db.execute_sql(
        "INSERT INTO reminder_state (customer_id, item_kind, item, action, last_purchase, "
        "created_at) VALUES (1, 'product', '二甲双胍片', 'no_remind', '2026-11-02', ?)",
        (AT,),
    )
    with pytest.raises(IntegrityError):  # one state per customer and item
        db.execute_sql(
            "INSERT INTO reminder_state (customer_id, item_kind, item, action, last_purchase, "
            "created_at) VALUES (1, 'product', '二甲双胍片', 'snoozed', '2026-11-02', ?)",
            (AT,),
        )
    db.close()


@pytest.mark.parametrize(
    "change",
    [
        "UPDATE controlled_sale SET quantity = 1",
        "UPDATE controlled_sale SET id_number = '110105194912310021'",
        "UPDATE controlled_sale SET buyer_name = ''",
        "UPDATE controlled_sale SET customer_id = 2",
        "DELETE FROM controlled_sale",
    ],
)
def test_the_register_cannot_be_changed_or_deleted(
    upgraded: connection.EncryptedDatabase, change: str
) -> None:
    with pytest.raises(IntegrityError, match="kept as written"):
        upgraded.execute_sql(change)
    assert upgraded.execute_sql("SELECT quantity, id_number FROM controlled_sale").fetchall() == [
        (2, "11010519491231002X")
    ]


def test_a_register_line_outlives_its_customer_and_purchase(
    upgraded: connection.EncryptedDatabase,
) -> None:
    db = upgraded
    db.execute_sql("UPDATE controlled_sale SET kept_at = ?", (AT,))
    with pytest.raises(IntegrityError):  # once kept, kept
        db.execute_sql("UPDATE controlled_sale SET kept_at = NULL")
    db.execute_sql("DELETE FROM customer WHERE id = 1")  # takes the purchase along
    assert db.execute_sql(
        "SELECT customer_id, purchase_id, buyer_name, kept_at FROM controlled_sale"
    ).fetchall() == [(None, None, "李秀英", AT)]
