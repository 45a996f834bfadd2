"""The memory stage: a database in memory beside the encrypted one, written on a helper
thread, never a file, and gone once the block ends."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from peewee import IntegrityError

from pharmadesk.db import connection
from pharmadesk.db.keyfile import new_database_key
from pharmadesk.db.memory_stage import MemoryStage
from pharmadesk.errors import DatabaseUnavailable

SCHEMA = ["CREATE TABLE item (name TEXT PRIMARY KEY)"]


def _files(*folders: Path) -> set[str]:
    return {str(folder / name) for folder in folders for name in os.listdir(folder)}


def test_what_is_staged_is_read_from_memory_and_gone_after_the_block(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    db = connection.open_encrypted(tmp_path / "x.db", new_database_key())
    db.execute_sql("CREATE TABLE item (name TEXT)")
    before = _files(tmp_path)
    with MemoryStage(db, SCHEMA) as stage:
        listed = {row[1]: row[2] for row in db.execute_sql("PRAGMA database_list")}
        assert listed[stage.name] == ""  # in memory, not a file
        stage.run("INSERT INTO item VALUES (?)", ("张三",))
        stage.run("INSERT INTO item VALUES (?)", ("李四",))
        stage.wait()
        with db.atomic():
            db.execute_sql(f"INSERT INTO main.item SELECT name FROM {stage.name}.item")
    assert sorted(r[0] for r in db.execute_sql("SELECT name FROM item")) == ["张三", "李四"]
    assert stage.name not in {row[1] for row in db.execute_sql("PRAGMA database_list")}
    assert _files(tmp_path) - before <= {str(tmp_path / "x.db-wal"), str(tmp_path / "x.db-shm")}
    db.close()


def test_a_statement_the_stage_refuses_is_raised_at_wait(tmp_path: Path) -> None:
    db = connection.open_encrypted(tmp_path / "x.db", new_database_key())
    with MemoryStage(db, SCHEMA) as stage:
        stage.run("INSERT INTO item VALUES ('张三')")
        stage.run("INSERT INTO item VALUES ('张三')")
        with pytest.raises(IntegrityError, match="UNIQUE"):
            stage.wait()
    assert stage.name not in {row[1] for row in db.execute_sql("PRAGMA database_list")}
    db.close()


def test_two_stages_never_share_their_rows(tmp_path: Path) -> None:
    db = connection.open_encrypted(tmp_path / "x.db", new_database_key())
    with MemoryStage(db, SCHEMA) as first:
        first.run("INSERT INTO item VALUES ('张三')")
        first.wait()
    with MemoryStage(db, SCHEMA) as second:
        assert db.execute_sql(f"SELECT count(*) FROM {second.name}.item").fetchone()[0] == 0
    db.close()


def test_a_stage_is_refused_inside_a_transaction(tmp_path: Path) -> None:
    db = connection.open_encrypted(tmp_path / "x.db", new_database_key())
    with db.atomic(), pytest.raises(RuntimeError, match="outside a transaction"):
        MemoryStage(db, SCHEMA).__enter__()
    db.close()


def test_a_stage_that_would_be_a_file_is_refused_before_anything_is_written(
    tmp_path: Path,
) -> None:
    db = connection.open_encrypted(tmp_path / "x.db", new_database_key())
    stage = MemoryStage(db, SCHEMA)
    plain = tmp_path / "stage.db"
    stage._uri = str(plain)  # as a SQLite that reads the stage's name as a file name would
    with pytest.raises(DatabaseUnavailable, match="in memory"):
        stage.__enter__()
    assert not plain.exists()  # nor an empty file left behind
    assert [row[1] for row in db.execute_sql("PRAGMA database_list")] == ["main"]
    db.close()


def test_two_databases_in_memory_that_are_not_one_are_refused(tmp_path: Path) -> None:
    db = connection.open_encrypted(tmp_path / "x.db", new_database_key())
    stage = MemoryStage(db, SCHEMA)
    stage._uri = stage._uri.replace("&cache=shared", "")  # each connection its own
    with pytest.raises(DatabaseUnavailable, match="share"):
        stage.__enter__()
    assert [row[1] for row in db.execute_sql("PRAGMA database_list")] == ["main"]
    db.close()
