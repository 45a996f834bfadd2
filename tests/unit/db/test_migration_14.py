"""Schema 14: a pharmacy of schema 13 gains the card pages its scanned-card imports keep."""

from __future__ import annotations

from pathlib import Path

import pytest
from peewee import IntegrityError

from pharmadesk.db import connection, migrations
from pharmadesk.db.keyfile import new_database_key

AT = "2026-11-02T10:00:00+08:00"
PAGE_SQL = (
    "INSERT INTO card_page (batch_id, customer_id, row_number, source, page, file_hash, "
    "image, image_type, created_at) VALUES (1, ?, 2, 'scans/a.pdf', ?, 'ab12', ?, ?, ?)"
)


@pytest.fixture
def upgraded(tmp_path: Path) -> connection.EncryptedDatabase:
    """Schema 13 with an import batch and two customers of it, upgraded to 14."""
    db = connection.open_encrypted(tmp_path / "old.db", new_database_key())
    migrations.migrate(db, target=13)
    db.execute_sql(
        "INSERT INTO import_batch (id, kind, file_name, file_hash, created_at, status) "
        "VALUES (1, 'customers', 'cards.xlsx', 'ab12', ?, 'committed')",
        (AT,),
    )
    for n in (1, 2):
        db.execute_sql(
            "INSERT INTO customer (id, name, batch_id, created_at, updated_at) "
            "VALUES (?, ?, 1, ?, ?)",
            (n, f"客户{n}", AT, AT),
        )
    assert migrations.migrate(db, target=14) == [14]
    return db


def test_the_customers_and_batches_of_schema_13_stay_and_pages_can_be_kept(
    upgraded: connection.EncryptedDatabase,
) -> None:
    db = upgraded
    assert db.execute_sql("SELECT id, batch_id FROM customer ORDER BY id").fetchall() == [
        (1, 1), (2, 1),
    ]  # fmt: skip
    assert db.execute_sql("SELECT count(*) FROM card_page").fetchone() == (0,)
    db.execute_sql(PAGE_SQL, (1, 1, None, None, AT))
    db.execute_sql(PAGE_SQL, (2, 3, b"\x89PNG", "image/png", AT))
    rows = db.execute_sql("SELECT customer_id, page, image, image_type FROM card_page ORDER BY id")
    assert [tuple(r) for r in rows] == [(1, 1, None, None), (2, 3, b"\x89PNG", "image/png")]
    indexes = {r[0] for r in db.execute_sql("SELECT name FROM pragma_index_list('card_page')")}
    assert indexes >= {"card_page_customer", "card_page_batch"}


def test_a_page_goes_with_its_customer(upgraded: connection.EncryptedDatabase) -> None:
    db = upgraded
    db.execute_sql(PAGE_SQL, (1, 1, None, None, AT))
    db.execute_sql(PAGE_SQL, (2, 1, None, None, AT))
    db.execute_sql("DELETE FROM customer WHERE id = 1")
    assert db.execute_sql("SELECT customer_id FROM card_page").fetchall() == [(2,)]


@pytest.mark.parametrize(
    ("page", "image", "image_type"),
    [(0, None, None), (1, b"\x89PNG", None), (1, None, "image/png")],
)
def test_a_page_from_zero_or_an_image_without_its_type_is_refused(
    upgraded: connection.EncryptedDatabase, page: int, image: bytes | None, image_type: str | None
) -> None:
    with pytest.raises(IntegrityError):
        upgraded.execute_sql(PAGE_SQL, (1, page, image, image_type, AT))


def test_a_page_of_an_unknown_customer_is_refused(upgraded: connection.EncryptedDatabase) -> None:
    with pytest.raises(IntegrityError):
        upgraded.execute_sql(PAGE_SQL, (99, 1, None, None, AT))
