"""The one place that opens a pharmacy database: SQLCipher with a raw 32-byte key.

Every connection is keyed before anything else touches the file, proven readable with that
key, and only then given its settings (WAL, synchronous FULL, foreign keys, temp store in
memory, a busy timeout). `verify_settings` re-reads them so a silent misconfiguration, such
as a build without encryption, is refused instead of writing plain text.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlcipher3
from playhouse.sqlcipher_ext import SqlCipherDatabase

from pharmadesk.errors import DatabaseUnavailable

PLAIN_SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
# SQLCipher decrypts a page each time it is read into the page cache: a 64 MB cache keeps the
# counter's working set (search keys, recent customers) decrypted, which is most of what
# brings encrypted lookups near plain SQLite's speed. Only as much as is used is allocated.
CACHE_KIB = 65_536

_SETTINGS = (
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA foreign_keys = ON",
    "PRAGMA temp_store = MEMORY",
    f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}",
    f"PRAGMA cache_size = -{CACHE_KIB}",
)


def _bind_null(value: None) -> None:
    return value


# sqlcipher3 looks up an adapter for every parameter that is not an int, float, str or bytes,
# and a None that has none costs it two failed attribute lookups: binding NULL took 1.7 µs
# against 0.05 µs for an int. A 100,000-card import binds about a million NULLs (the
# empty fields of each card), which took 1.5 s of its commit. With this adapter the lookup
# succeeds at once (0.2 µs); the value bound is still NULL.
sqlcipher3.register_adapter(type(None), _bind_null)


def raw_key_pragma(key: bytes) -> str:
    """The PRAGMA that hands SQLCipher a raw key (no passphrase derivation)."""
    if len(key) != 32:
        raise ValueError("the database key must be 32 bytes")
    return f"PRAGMA key = \"x'{key.hex()}'\""


class EncryptedDatabase(SqlCipherDatabase):
    """Peewee database whose connections are keyed with a raw key, never a passphrase.

    Peewee's own SqlCipherDatabase opens a plain SQLite file when the passphrase is empty;
    this class refuses to connect without a 32-byte key.
    """

    def __init__(self, path: Path, key: bytes, **kwargs: Any) -> None:
        if not key or len(key) != 32:
            raise ValueError("refusing to open a pharmacy database without its 32-byte key")
        self._raw_key = key
        super().__init__(str(path), passphrase="unused", **kwargs)

    def _connect(self) -> sqlcipher3.Connection:
        conn = sqlcipher3.connect(self.database, isolation_level=None, check_same_thread=False)
        try:
            # SQLCipher would otherwise print decryption failures on stderr.
            conn.execute("PRAGMA cipher_log_level = NONE")
            conn.execute(raw_key_pragma(self._raw_key))
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            for statement in _SETTINGS:
                conn.execute(statement).fetchall()
            # Every connection, the worker thread's too, is checked, not only the first.
            problems = _problems(conn, Path(self.database))
            if problems:
                raise DatabaseUnavailable("unsafe database settings: " + "; ".join(problems))
            self._add_conn_hooks(conn)
        except sqlcipher3.DatabaseError as exc:
            conn.close()
            raise DatabaseUnavailable(
                f"{Path(self.database).name} is damaged or is not a PharmaDesk database "
                f"({exc}); restore the last backup"
            ) from None
        except BaseException:
            conn.close()
            raise
        return conn


def open_encrypted(path: Path, key: bytes) -> EncryptedDatabase:
    """Open (creating if absent) the encrypted database at `path` and check its settings."""
    db = EncryptedDatabase(path, key)
    db.connect()
    problems = verify_settings(db)
    if problems:
        db.close()
        raise DatabaseUnavailable("unsafe database settings: " + "; ".join(problems))
    return db


@contextmanager
def own_references_only(db: SqlCipherDatabase) -> Iterator[None]:
    """Foreign keys unchecked on this connection for a block whose rows reference only rows
    it wrote itself or has just read (a bulk import's consents, search keys and points of
    the customers it inserts), and checked again after it, whatever happens.

    The checks are a parent lookup per row: a million-row import spends about half a
    second on them. SQLite only switches them outside a transaction, so the block must
    open its own; inside one already open this changes nothing and every row is checked.
    """
    if db.in_transaction() or db.connection().in_transaction:
        yield
        return
    db.execute_sql("PRAGMA foreign_keys = OFF")
    try:
        yield
    finally:
        db.execute_sql("PRAGMA foreign_keys = ON")


@contextmanager
def checkpoint_left_for_later(db: SqlCipherDatabase) -> Iterator[None]:
    """No WAL checkpoint at the end of a large transaction in this block: the caller runs
    `checkpoint` once the user has been told the work is done.

    A commit is durable once its pages are in the WAL (synchronous FULL); copying them into
    the database file is the checkpoint, which SQLite otherwise runs inside the COMMIT of
    the connection that passed 1,000 pages. For a 100,000-card import that is 130 MB and
    about 0.75 s of the user's wait. Skipped or cut short by a crash, it runs at the next
    commit of any connection, or at the last connection's close.
    """
    pages = db.execute_sql("PRAGMA wal_autocheckpoint").fetchone()[0]
    db.execute_sql("PRAGMA wal_autocheckpoint = 0")
    try:
        yield
    finally:
        db.execute_sql(f"PRAGMA wal_autocheckpoint = {int(pages)}")


def checkpoint(db: SqlCipherDatabase, *, tries: int = 5, pause_s: float = 0.2) -> bool:
    """Copy what the WAL holds into the database file, without waiting for readers
    (PASSIVE); a reader that holds part of it back is waited for between tries. Whether
    all of it was copied."""
    for attempt in range(tries):
        busy, logged, copied = db.execute_sql("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        if not busy and copied >= logged:
            return True
        if attempt + 1 < tries:
            time.sleep(pause_s)
    return False


def verify_settings(db: SqlCipherDatabase) -> list[str]:
    """What is wrong with this connection's settings (an empty list when all is well)."""
    return _problems(db.connection(), Path(db.database))


def _problems(conn: sqlcipher3.Connection, path: Path) -> list[str]:
    expected: dict[str, Any] = {
        "journal_mode": "wal",
        "synchronous": 2,
        "foreign_keys": 1,
        "temp_store": 2,
        "busy_timeout": BUSY_TIMEOUT_MS,
        "cipher_use_hmac": "1",
        "cipher_plaintext_header_size": "0",
    }

    def pragma(name: str) -> Any:
        row = conn.execute(f"PRAGMA {name}").fetchone()
        return row[0] if row else None

    problems = []
    version = str(pragma("cipher_version") or "")
    if not version.startswith("4."):
        problems.append(f"SQLCipher 4 is required, found {version or 'no encryption'}")
    for name, want in expected.items():
        got = pragma(name)
        if str(got).lower() != str(want):
            problems.append(f"{name} is {got}, expected {want}")
    if path.exists() and path.stat().st_size >= 16:
        with open(path, "rb") as fh:
            if fh.read(16) == PLAIN_SQLITE_HEADER:
                problems.append("the file is a plain, unencrypted SQLite database")
    return problems


class _PlainBenchmarkDatabase(SqlCipherDatabase):
    """An unencrypted connection, for the benchmark's plain comparison copy only."""

    def _connect(self) -> sqlcipher3.Connection:
        conn = sqlcipher3.connect(self.database, isolation_level=None, check_same_thread=False)
        for statement in _SETTINGS:
            conn.execute(statement).fetchall()
        self._add_conn_hooks(conn)
        return conn


def export_plain_copy(db: SqlCipherDatabase, target: Path) -> None:
    """Write a decrypted copy of `db` to `target` (benchmarks and tests on synthetic data only:
    the app itself never writes customer data unencrypted)."""
    target.unlink(missing_ok=True)
    db.execute_sql("ATTACH DATABASE ? AS plain KEY ''", (str(target),))
    try:
        db.execute_sql("SELECT sqlcipher_export('plain')")
        version = db.execute_sql("PRAGMA main.user_version").fetchone()[0]
        db.execute_sql(f"PRAGMA plain.user_version = {int(version)}")
    finally:
        db.execute_sql("DETACH DATABASE plain")


def open_plain_for_benchmark(path: Path) -> SqlCipherDatabase:
    db = _PlainBenchmarkDatabase(str(path), passphrase="unused")
    db.connect()
    return db
