"""Opening the encrypted database: keyed, checked, and never silently plain."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from peewee import IntegrityError

from pharmadesk.db import connection
from pharmadesk.db.keyfile import new_database_key
from pharmadesk.errors import DatabaseUnavailable


def test_an_empty_key_is_refused_instead_of_writing_plain_sqlite(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="32-byte key"):
        connection.EncryptedDatabase(tmp_path / "x.db", b"")
    assert not (tmp_path / "x.db").exists()


def test_a_new_database_is_encrypted_with_the_required_settings(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    db = connection.open_encrypted(path, new_database_key())
    db.execute_sql("CREATE TABLE t (x TEXT)")
    db.execute_sql("INSERT INTO t VALUES ('hello')")
    assert connection.verify_settings(db) == []
    db.close()
    assert not path.read_bytes().startswith(b"SQLite format 3")


def test_none_is_written_as_null_and_other_values_as_they_are(tmp_path: Path) -> None:
    # None is bound through an adapter (for speed): what is stored must not change.
    db = connection.open_encrypted(tmp_path / "x.db", new_database_key())
    db.execute_sql("CREATE TABLE t (a, b, c, d)")
    db.cursor().executemany("INSERT INTO t VALUES (?, ?, ?, ?)", [(None, "", 0, "张三")] * 3)
    rows = db.execute_sql("SELECT typeof(a), b, c, d, a IS NULL FROM t").fetchall()
    assert rows == [("null", "", 0, "张三", 1)] * 3
    db.close()


def test_the_wrong_key_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    db = connection.open_encrypted(path, new_database_key())
    db.execute_sql("CREATE TABLE t (x TEXT)")
    db.close()
    with pytest.raises(DatabaseUnavailable, match="damaged or is not a PharmaDesk database"):
        connection.open_encrypted(path, new_database_key())


@pytest.mark.parametrize("content", [b"this is not a database at all" * 200, b"\x00" * 8192])
def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "x.db"
    path.write_bytes(content)
    with pytest.raises(DatabaseUnavailable):
        connection.open_encrypted(path, new_database_key())
    assert path.read_bytes() == content


def test_a_plain_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "plain.db"
    plain = sqlite3.connect(path)
    plain.execute("CREATE TABLE t (x)")
    plain.commit()
    plain.close()
    with pytest.raises(DatabaseUnavailable):
        connection.open_encrypted(path, new_database_key())


def _child_refused(db: connection.EncryptedDatabase) -> bool:
    try:
        db.execute_sql("INSERT INTO child VALUES (42)")
    except IntegrityError:
        return True
    db.execute_sql("DELETE FROM child")
    return False


def test_references_are_unchecked_only_inside_the_block_and_never_in_an_open_one(
    tmp_path: Path,
) -> None:
    db = connection.open_encrypted(tmp_path / "x.db", new_database_key())
    db.execute_sql("CREATE TABLE parent (id INTEGER PRIMARY KEY)")
    db.execute_sql("CREATE TABLE child (parent_id INTEGER REFERENCES parent(id))")
    unchecked = []

    def failing_block() -> None:
        with connection.own_references_only(db):
            unchecked.append(not _child_refused(db))
            raise RuntimeError("the block failed")

    with pytest.raises(RuntimeError):
        failing_block()
    assert unchecked == [True]
    assert _child_refused(db)
    assert connection.verify_settings(db) == []
    with db.atomic(), connection.own_references_only(db):
        assert _child_refused(db)  # SQLite cannot switch them inside a transaction
    db.close()


def test_a_checkpoint_left_for_later_runs_when_asked_and_the_setting_comes_back(
    tmp_path: Path,
) -> None:
    path = tmp_path / "x.db"
    db = connection.open_encrypted(path, new_database_key())
    db.execute_sql("CREATE TABLE page (body BLOB)")
    db.execute_sql("PRAGMA wal_autocheckpoint = 1200")  # not the default: it must come back
    before = path.stat().st_size
    with connection.checkpoint_left_for_later(db), db.atomic():
        # 1,500 pages: past the 1,000 at which the COMMIT would checkpoint by itself
        db.execute_sql(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1500) "
            "INSERT INTO page SELECT randomblob(3000) FROM n"
        )
    assert path.stat().st_size == before  # all of it still in the WAL
    assert db.execute_sql("PRAGMA wal_autocheckpoint").fetchone()[0] == 1200
    assert connection.checkpoint(db)
    assert path.stat().st_size > 1500 * 3000
    with pytest.raises(RuntimeError), connection.checkpoint_left_for_later(db):
        raise RuntimeError("the block failed")
    assert db.execute_sql("PRAGMA wal_autocheckpoint").fetchone()[0] == 1200
    db.close()


def test_a_checkpoint_says_whether_a_reader_held_part_of_the_wal_back(tmp_path: Path) -> None:
    key = new_database_key()
    db = connection.open_encrypted(tmp_path / "x.db", key)
    db.execute_sql("CREATE TABLE page (body BLOB)")
    reader = connection.EncryptedDatabase(tmp_path / "x.db", key)
    reader.connect()
    reader.execute_sql("BEGIN")
    reader.execute_sql("SELECT count(*) FROM page").fetchone()  # its snapshot, held open
    db.execute_sql("INSERT INTO page VALUES (randomblob(3000))")
    assert not connection.checkpoint(db, tries=2, pause_s=0.01)
    reader.execute_sql("COMMIT")
    assert connection.checkpoint(db)
    reader.close()
    db.close()
