"""Schema 10: the audit-log viewer's filters read an index, not the whole log."""

from __future__ import annotations

from pathlib import Path

import pytest

from pharmadesk.db import connection, migrations
from pharmadesk.db.keyfile import new_database_key

# The viewer's queries (services/audit_log.py), as it sends them.
QUERIES = {
    "audit_event_user": "SELECT id FROM audit_event WHERE user_name = 'li' ORDER BY id DESC "
    "LIMIT 50",
    "audit_event_action": "SELECT id FROM audit_event WHERE action = 'login' ORDER BY id DESC "
    "LIMIT 50",
    "audit_event_at": "SELECT count(*) FROM audit_event WHERE at >= '2026-01-01' "
    "AND at < '2026-01-02'",
}


def _plan(db: connection.EncryptedDatabase, sql: str) -> str:
    return " | ".join(row[-1] for row in db.execute_sql(f"EXPLAIN QUERY PLAN {sql}").fetchall())


@pytest.fixture
def previous(tmp_path: Path) -> connection.EncryptedDatabase:
    """A database of the schema before 10, with a log of events."""
    db = connection.open_encrypted(tmp_path / "old.db", new_database_key())
    migrations.migrate(db, target=9)
    rows = [
        (f"2026-01-{1 + n % 28:02d}T10:00:00+08:00", ("owner", "li")[n % 2],
         ("login", "customer.opened")[n % 3 == 0], "-", "-")
        for n in range(300)
    ]  # fmt: skip
    db.cursor().executemany(
        "INSERT INTO audit_event (at, user_name, action, prev_hash, hash) VALUES (?, ?, ?, ?, ?)",
        rows,
    )
    return db


def test_schema_10_indexes_the_viewers_filters_and_keeps_the_log(
    previous: connection.EncryptedDatabase,
) -> None:
    db = previous
    before = db.execute_sql("SELECT * FROM audit_event ORDER BY id").fetchall()
    for index, sql in QUERIES.items():
        assert index not in _plan(db, sql)
    assert migrations.migrate(db, target=10) == [10]
    for index, sql in QUERIES.items():
        plan = _plan(db, sql)
        assert f"INDEX {index}" in plan, plan
        assert "TEMP B-TREE" not in plan, plan  # newest first without a sort
    assert db.execute_sql("SELECT * FROM audit_event ORDER BY id").fetchall() == before
    db.close()
