"""A private database in memory beside the encrypted one, written on a helper thread.

A bulk load builds its rows in Python, chunk by chunk, and SQLite lets go of Python's lock
while a statement runs. Rows for one more table (an import's 952,061 search keys) are
written meanwhile into a database of their own, in memory, by a second connection on a
helper thread; at the end one INSERT ... SELECT copies them in, page by page where the
table it fills is empty and has the same definition. (Statements of both connections at
once only slowed each other: the caller waits for the stage before its own.)

What is staged may be personal (name fragments): the stage is a shared-cache database in
memory, never a file. Both connections are checked to see it as one before anything is
written, so a build of SQLite that took its name for a file name is refused (and the
empty file it made removed), not left a plain copy on disk.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from types import TracebackType
from typing import Any

import peewee
import sqlcipher3
from peewee import Database, DatabaseError, ExceptionWrapper

from pharmadesk.errors import DatabaseUnavailable

log = logging.getLogger(__name__)
# The helper connection's errors as Peewee's execute_sql raises them: callers catch one kind.
_AS_PEEWEE_ERRORS = ExceptionWrapper(peewee.EXCEPTIONS)  # type: ignore[attr-defined]


class MemoryStage:
    """`with MemoryStage(db, schema) as stage:` attaches a new, empty database in memory
    to `db`'s connection as `stage.name`, made by the `schema` statements; `stage.run`
    writes to it on the helper thread (one statement at a time, in order); `stage.wait()`
    before `db` reads it. Outside a transaction only: SQLite attaches nothing inside one.
    Leaving the block waits for the helper, detaches and frees the stage."""

    def __init__(self, db: Database, schema: Sequence[str]) -> None:
        self.db = db
        self.schema = schema
        self.name = f"stage_{secrets.token_hex(6)}"
        self._uri = f"file:pharmadesk-{self.name}?mode=memory&cache=shared"
        self._conn: sqlcipher3.Connection | None = None
        self._attached = False
        self._stray: Path | None = None  # a file made of the stage's name, if any
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pharmadesk-stage")
        self._queued: list[Future[None]] = []

    def __enter__(self) -> MemoryStage:
        if self.db.in_transaction():
            raise RuntimeError("a memory stage is attached outside a transaction")
        try:
            self._conn = sqlcipher3.connect(
                self._uri, uri=True, isolation_level=None, check_same_thread=False
            )
            _require_memory(self._conn, "main")
            # Set, not left to the build's defaults: the staged tables keep their foreign
            # keys' text, to tables the stage has not got; sorting stays in memory.
            self._conn.execute("PRAGMA foreign_keys = OFF")
            self._conn.execute("PRAGMA temp_store = MEMORY")
            for statement in self.schema:
                self._conn.execute(statement)
            # KEY '': the stage is not encrypted, which a database in memory need not be.
            self.db.execute_sql(f"ATTACH DATABASE ? AS {self.name} KEY ''", (self._uri,))
            self._attached = True
            _require_memory(self.db.connection(), self.name)
            _require_shared(self.db, self.name, len(self.schema))
        except _NotInMemory as exc:
            self._stray = exc.path
            self._close()
            raise
        except (sqlcipher3.Error, DatabaseError) as exc:
            self._close()
            raise DatabaseUnavailable(f"no database in memory could be attached ({exc})") from exc
        except BaseException:
            self._close()
            raise
        return self

    def run(self, sql: str, params: Sequence[Any] = ()) -> None:
        """Queue `sql` for the stage: the helper runs it after the statements before it,
        while the caller goes on."""
        conn = self._conn
        assert conn is not None

        def job() -> None:
            with _AS_PEEWEE_ERRORS:
                conn.execute(sql, params)

        self._queued = [f for f in self._queued if not f.done() or f.exception() is not None]
        self._queued.append(self._pool.submit(job))

    def wait(self) -> None:
        """Until the helper has run every statement; raises the error of one that failed."""
        queued, self._queued = self._queued, []
        for future in queued:
            future.result()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        try:
            if kind is None:
                self.wait()
        finally:
            # Also when failing: nothing may still run on the stage when it is detached.
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._close()

    def _close(self) -> None:
        try:
            if self._attached:
                self._attached = False
                try:
                    self.db.execute_sql(f"DETACH DATABASE {self.name}")
                except DatabaseError:
                    # Not a reason to fail what the stage served (a committed import): it
                    # stays attached, in memory, until the connection closes.
                    log.warning("the memory stage %s could not be detached", self.name)
        finally:
            if self._conn is not None:
                self._conn.close()  # the last connection: the stage's memory is freed
                self._conn = None
            if self._stray is not None and self._stray.is_file() and not self._stray.stat().st_size:
                self._stray.unlink()


def _require_memory(conn: sqlcipher3.Connection, schema: str) -> None:
    """Raises `_NotInMemory`, with the file it is, unless `schema` of `conn` is in memory
    (then `_close` removes the file: nothing has been written to it yet)."""
    files = {row[1]: row[2] for row in conn.execute("PRAGMA database_list").fetchall()}
    if files.get(schema) != "":
        raise _NotInMemory(Path(files[schema]) if files.get(schema) else None)


def _require_shared(db: Database, name: str, statements: int) -> None:
    """Raises unless `db` sees, as `name`, the stage its helper made (`statements` schema
    objects): two databases in memory that are not one would fail only at the copy."""
    found = db.execute_sql(f"SELECT count(*) FROM {name}.sqlite_master").fetchone()[0]
    if found < statements:
        raise DatabaseUnavailable("this SQLite does not share a database in memory")


class _NotInMemory(DatabaseUnavailable):
    def __init__(self, path: Path | None) -> None:
        super().__init__(
            "this SQLite does not keep a shared database in memory; nothing was written"
        )
        self.path = path
