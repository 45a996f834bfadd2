"""Schema migrations: a database made by an older schema upgrades and keeps its data."""

from __future__ import annotations

from pathlib import Path

import pytest

from pharmadesk.db import connection, migrations
from pharmadesk.db.keyfile import new_database_key
from pharmadesk.db.models import database
from pharmadesk.errors import DatabaseUnavailable
from pharmadesk.services import search
from pharmadesk.services.context import Account, Context


def _schema_1_database(path: Path, key: bytes) -> None:
    """What PharmaDesk with schema 1 left behind: a customer, a purchase, an interaction."""
    db = connection.open_encrypted(path, key)
    assert migrations.migrate(db, target=1) == [1]
    db.execute_sql(
        "INSERT INTO customer (id, code, name, mobile, created_at, updated_at) VALUES "
        "(1, 'OLD1', '曾志强', '13900001111', '2024-01-02T09:00:00+08:00', "
        "'2024-01-02T09:00:00+08:00'), (2, 'OLD2', 'Margaret Thornbury', NULL, "
        "'2024-01-02T09:00:00+08:00', '2024-01-02T09:00:00+08:00')"
    )
    db.execute_sql("INSERT INTO product (id, name) VALUES (1, '感冒灵颗粒')")
    db.execute_sql(
        "INSERT INTO purchase (customer_id, product_id, purchased_at, purchased_on, quantity, "
        "unit_price_fen, amount_fen, transaction_key) VALUES "
        "(1, 1, '2025-03-04T10:00:00+08:00', '2025-03-04', 1, 1550, 1550, 'day:2025-03-04')"
    )
    db.close()


def test_a_schema_1_database_upgrades_and_its_customers_are_found(tmp_path: Path) -> None:
    path, key = tmp_path / "old.db", new_database_key()
    _schema_1_database(path, key)

    db = connection.open_encrypted(path, key)
    assert migrations.migrate(db) == list(range(2, migrations.LATEST_VERSION + 1))
    assert migrations.schema_version(db) == migrations.LATEST_VERSION
    database.initialize(db)
    ctx = Context(db, path, Account(1, "owner", "owner"))
    assert [h.name for h in search.find(ctx, "zeng")] == ["曾志强"]
    assert [h.name for h in search.find(ctx, "1111")] == ["曾志强"]
    assert [h.name for h in search.find(ctx, "thornbury")] == ["Margaret Thornbury"]
    row = db.execute_sql("SELECT last_active_on, mobile FROM customer WHERE id = 1").fetchone()
    assert row == ("2025-03-04", "13900001111")
    db.close()
    assert (tmp_path / "old.db.before-schema-2.bak").exists()


def test_a_new_database_is_created_at_the_latest_schema(tmp_path: Path) -> None:
    db = connection.open_encrypted(tmp_path / "new.db", new_database_key())
    assert migrations.migrate(db) == [m.version for m in migrations.MIGRATIONS]
    assert migrations.migrate(db) == []
    db.close()
    assert not list(tmp_path.glob("*.bak"))


def test_a_database_from_a_newer_pharmadesk_is_refused(tmp_path: Path) -> None:
    path, key = tmp_path / "future.db", new_database_key()
    db = connection.open_encrypted(path, key)
    migrations.migrate(db)
    db.execute_sql(f"PRAGMA user_version = {migrations.LATEST_VERSION + 1}")
    with pytest.raises(DatabaseUnavailable, match="newer PharmaDesk"):
        migrations.migrate(db)
    db.close()


def test_migrations_are_numbered_in_order() -> None:
    versions = [m.version for m in migrations.MIGRATIONS]
    assert versions == list(range(1, len(versions) + 1))


@pytest.mark.parametrize("version", range(1, migrations.LATEST_VERSION))
def test_a_database_of_every_earlier_schema_upgrades(tmp_path: Path, version: int) -> None:
    """Each schema the previous PharmaDesk left behind upgrades, and the counter works on it."""
    from pharmadesk.services import search_index

    path, key = tmp_path / f"v{version}.db", new_database_key()
    db = connection.open_encrypted(path, key)
    assert migrations.migrate(db, target=version) == list(range(1, version + 1))
    db.execute_sql(
        "INSERT INTO customer (id, code, name, mobile, created_at, updated_at) VALUES "
        "(1, 'OLD1', 'Margaret Thornbury', '13900001111', '2024-01-02T09:00:00+08:00', "
        "'2024-01-02T09:00:00+08:00')"
    )
    if version >= 2:  # from schema 2 on, PharmaDesk kept the search keys itself
        search_index.index_customer(db, 1, "Margaret Thornbury", None)
    db.close()

    db = connection.open_encrypted(path, key)
    assert migrations.migrate(db) == list(range(version + 1, migrations.LATEST_VERSION + 1))
    database.initialize(db)
    ctx = Context(db, path, Account(1, "owner", "owner"))
    for query in ("1111", "13900001111", "marg", "thornbury"):
        assert [h.name for h in search.find(ctx, query)] == ["Margaret Thornbury"], query
    db.close()
    assert (tmp_path / f"v{version}.db.before-schema-{version + 1}.bak").exists()


def test_schema_7_fills_the_sales_summaries_from_the_purchases_on_file(tmp_path: Path) -> None:
    """A schema-6 pharmacy with purchases upgrades with its summaries already filled."""
    path, key = tmp_path / "v6.db", new_database_key()
    db = connection.open_encrypted(path, key)
    migrations.migrate(db, target=6)
    db.execute_sql(
        "INSERT INTO customer (id, name, created_at, updated_at) VALUES "
        "(1, 'a', '2024-01-02T09:00:00+08:00', '2024-01-02T09:00:00+08:00')"
    )
    db.execute_sql("INSERT INTO product (id, name) VALUES (1, '感冒灵颗粒')")
    lines = [("2025-03-04", 1550, "receipt:R1"), ("2025-03-04", 450, "receipt:R1"),
             ("2025-03-04", 100, "day:2025-03-04"), ("2025-04-04", 200, "receipt:R2"),
             ("2025-05-14", 300, "receipt:R3")]  # fmt: skip
    for day, amount, txn in lines:
        db.execute_sql(
            "INSERT INTO purchase (customer_id, product_id, purchased_at, purchased_on, "
            "quantity, unit_price_fen, amount_fen, transaction_key) "
            "VALUES (1, 1, ?, ?, 1, ?, ?, ?)",
            (f"{day}T10:00:00+08:00", day, amount, amount, txn),
        )
    assert migrations.migrate(db, target=7) == [7]
    one = db.execute_sql
    assert one("SELECT * FROM customer_activity").fetchall() == [
        (1, "2025-03-04", "2025-05-14", 3, 4, 2600, 35.5)
    ]
    assert one("SELECT * FROM period_total WHERE period LIKE '2025-0%'").fetchall() == [
        ("2025-03", 1, 0), ("2025-04", 1, 0), ("2025-05", 1, 0)
    ]  # fmt: skip
    assert one("SELECT * FROM period_total WHERE period IN ('2025', '2025-Q2')").fetchall() == [
        ("2025", 1, 1), ("2025-Q2", 1, 1)
    ]  # fmt: skip
    assert one("SELECT day, transactions, amount_fen FROM day_total").fetchall() == [
        ("2025-03-04", 2, 2100), ("2025-04-04", 1, 200), ("2025-05-14", 1, 300)
    ]  # fmt: skip
    # and the triggers carry on from there
    one("DELETE FROM purchase WHERE purchased_on = '2025-05-14'")
    assert one("SELECT last_day, days, median_gap FROM customer_activity").fetchall() == [
        ("2025-04-04", 2, 31.0)
    ]
    # Schema 8 keeps the activity (without the median, computed when asked for), drops the
    # per-period counts, and its cheaper triggers carry on.
    assert migrations.migrate(db, target=8) == [8]
    assert one("SELECT * FROM customer_activity").fetchall() == [
        (1, "2025-03-04", "2025-04-04", 2, 3, 2300)
    ]
    tables = {r[0] for r in one("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"customer_period", "period_total"}.isdisjoint(tables)
    one(
        "INSERT INTO purchase (customer_id, product_id, purchased_at, purchased_on, quantity, "
        "unit_price_fen, amount_fen, transaction_key) VALUES (1, 1, '2025-02-01T10:00:00+08:00', "
        "'2025-02-01', 1, 700, 700, 'day:2025-02-01')"
    )
    assert one("SELECT * FROM customer_activity").fetchall() == [
        (1, "2025-02-01", "2025-04-04", 3, 4, 3000)
    ]
    db.close()


def test_schema_9_keeps_consent_history_and_adds_guardians(tmp_path: Path) -> None:
    """A schema-8 pharmacy keeps its consent records (the customer's own) and gains the
    guardian fields and who gave a consent."""
    path, key = tmp_path / "v8.db", new_database_key()
    db = connection.open_encrypted(path, key)
    migrations.migrate(db, target=8)
    one = db.execute_sql
    one(
        "INSERT INTO customer (id, name, consent_data, created_at, updated_at) VALUES "
        "(1, '王小明', 'given', '2024-01-02T09:00:00+08:00', '2024-01-02T09:00:00+08:00')"
    )
    one(
        "INSERT INTO consent_record (customer_id, purpose, status, recorded_at, channel) "
        "VALUES (1, 'data', 'given', '2024-01-02T09:00:00+08:00', 'counter')"
    )
    assert migrations.migrate(db, target=9) == [9]
    assert one("SELECT purpose, status, channel, by_guardian FROM consent_record").fetchall() == [
        ("data", "given", "counter", 0)
    ]
    assert one("SELECT guardian_name, guardian_mobile FROM customer").fetchall() == [(None, None)]
    one("UPDATE customer SET guardian_name = '王大明', guardian_mobile = '13900002222'")
    assert one("SELECT guardian_name FROM customer").fetchone() == ("王大明",)
    db.close()
