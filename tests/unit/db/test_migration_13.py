"""Schema 13: points entries follow a recorded merge and nothing else; pairs dismissed once."""

from __future__ import annotations

from pathlib import Path

import pytest
from peewee import IntegrityError

from pharmadesk.db import connection, migrations
from pharmadesk.db.keyfile import new_database_key

AT = "2026-11-02T10:00:00+08:00"


@pytest.fixture
def upgraded(tmp_path: Path) -> connection.EncryptedDatabase:
    """Schema 12 with three customers, 1 and 2 holding points, upgraded to 13."""
    db = connection.open_encrypted(tmp_path / "old.db", new_database_key())
    migrations.migrate(db, target=12)
    for n in (1, 2, 3):
        db.execute_sql(
            "INSERT INTO customer (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)",
            (n, f"客户{n}", AT, AT),
        )
    db.execute_sql(
        "INSERT INTO points_entry (customer_id, kind, points, created_at, effective_on, "
        "expires_on) VALUES (1, 'opening', 300, ?, '2026-11-02', '2028-01-01'), "
        "(2, 'earned', 40, ?, '2026-11-02', '2028-01-01')",
        (AT, AT),
    )
    assert migrations.migrate(db, target=13) == [13]
    return db


def _balances(db: connection.EncryptedDatabase) -> dict[int, int]:
    return dict(db.execute_sql("SELECT customer_id, balance FROM points_balance").fetchall())


def test_points_follow_a_merge_and_come_back_with_the_unmerge(
    upgraded: connection.EncryptedDatabase,
) -> None:
    db = upgraded
    db.execute_sql("UPDATE customer SET merged_into_id = 1, status = 'merged' WHERE id = 2")
    db.execute_sql("UPDATE points_entry SET customer_id = 1 WHERE customer_id = 2")
    assert _balances(db) == {1: 340, 2: 0}
    with pytest.raises(IntegrityError, match="append-only"):  # to anyone else: refused
        db.execute_sql("UPDATE points_entry SET customer_id = 3 WHERE points = 40")
    db.execute_sql("UPDATE points_entry SET customer_id = 2 WHERE points = 40")  # unmerge
    db.execute_sql("UPDATE customer SET merged_into_id = NULL, status = 'active' WHERE id = 2")
    assert _balances(db) == {1: 300, 2: 40}
    assert db.execute_sql(
        "SELECT customer_id, expires_on FROM points_entry ORDER BY id"
    ).fetchall() == [(1, "2028-01-01"), (2, "2028-01-01")]


def test_without_a_merge_an_entry_still_cannot_change(
    upgraded: connection.EncryptedDatabase,
) -> None:
    for change in (
        "UPDATE points_entry SET customer_id = 3 WHERE customer_id = 2",
        "UPDATE points_entry SET points = 1",
        "UPDATE points_entry SET expires_on = '2030-01-01'",
    ):
        with pytest.raises(IntegrityError, match="append-only"):
            upgraded.execute_sql(change)
    assert _balances(upgraded) == {1: 300, 2: 40}


def test_a_dismissed_pair_is_stored_once_lower_id_first(
    upgraded: connection.EncryptedDatabase,
) -> None:
    db = upgraded
    db.execute_sql(
        "INSERT INTO duplicate_dismissal (low_id, high_id, created_at) VALUES (1, 2, ?)", (AT,)
    )
    for low, high in ((1, 2), (2, 1)):
        with pytest.raises(IntegrityError):
            db.execute_sql(
                "INSERT INTO duplicate_dismissal (low_id, high_id, created_at) VALUES (?, ?, ?)",
                (low, high, AT),
            )
