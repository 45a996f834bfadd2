"""`pharmadesk check`: is the pharmacy's file whole, and is its audit log as it was written?

Each check names the first problem it finds, in words a person can act on: the encrypted
pages, SQLite's structure, the schema's tables, indexes and triggers, the links between
rows, the summaries kept by triggers against their base rows, the points ledger, and the
audit log's hash chain. A page too damaged to read while a check runs is that check's
problem (exit 1 for `pharmadesk check`), not a crash: only a file that cannot be opened at
all is exit 5, raised by opening it.

The window runs `first_problem(ctx)` in the background after unlocking; `run(ctx)` and
`results(ctx)` are every check, for the command line.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime

import peewee
import sqlcipher3
from playhouse.sqlcipher_ext import SqlCipherDatabase

from pharmadesk.db import keyfile, migrations
from pharmadesk.errors import PharmaDeskError
from pharmadesk.services import audit, backup_file, backups, check_summaries
from pharmadesk.services.backup_file import BackupInfo
from pharmadesk.services.context import Context


@dataclass(frozen=True)
class CheckResult:
    name: str
    problem: str | None  # None: passed

    @property
    def passed(self) -> bool:
        return self.problem is None


def _cipher(ctx: Context) -> str | None:
    # SQLCipher checks every page's HMAC: a page changed outside SQLCipher fails here even
    # when SQLite's own structure still looks fine.
    rows = ctx.db.execute_sql("PRAGMA cipher_integrity_check").fetchall()
    return f"{rows[0][0]} ({len(rows)} problem(s)); restore the last backup" if rows else None


def _structure(ctx: Context) -> str | None:
    # quick_check lists up to its limit of problems, many to a row: one line names the
    # first and counts the rest (a check's message is one line, on stderr and in a box).
    limit = backup_file.QUICK_CHECK_LIMIT
    rows = ctx.db.execute_sql(f"PRAGMA quick_check({limit})").fetchall()
    if [r[0] for r in rows] == ["ok"]:
        return None
    found = backup_file.summary(backup_file.check_problems(rows), limit=limit)
    return f"{found}; restore the last backup"


def _links(ctx: Context) -> str | None:
    rows = ctx.db.execute_sql("PRAGMA foreign_key_check").fetchall()
    if not rows:
        return None
    table, rowid, parent = rows[0][0], rows[0][1], rows[0][2]
    return f"{table} row {rowid} points to a missing {parent} ({len(rows)} such row(s))"


@functools.lru_cache(maxsize=1)
def _expected_schema() -> frozenset[tuple[str, str, str | None]]:
    """Every table, index and trigger a database of this version has (triggers with their
    SQL), from an empty database brought up to date in memory."""
    db = SqlCipherDatabase(":memory:", passphrase="an empty schema only")
    try:
        migrations.migrate(db)
        return _schema(db)
    finally:
        db.close()


def _schema(db: peewee.Database) -> frozenset[tuple[str, str, str | None]]:
    rows = db.execute_sql(
        "SELECT type, name, CASE type WHEN 'trigger' THEN sql END FROM sqlite_master "
        "WHERE type IN ('table', 'index', 'trigger') AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    return frozenset((kind, name, sql) for kind, name, sql in rows)


def _schema_objects(ctx: Context) -> str | None:
    # A missing trigger would let the summaries drift from the purchases unnoticed; a
    # missing index makes the counter slow. Extra objects are left alone.
    missing = sorted(_expected_schema() - _schema(ctx.db))
    if not missing:
        return None
    kind, name, sql = missing[0]
    present = {(k, n) for k, n, _ in _schema(ctx.db)}
    what = "was changed" if sql is not None and (kind, name) in present else "is missing"
    return f"{kind} {name} {what} ({len(missing)} difference(s) from the schema)"


def _audit_log(ctx: Context) -> str | None:
    broken = audit.verify_chain(ctx)
    if broken is not None:
        return f"audit event {broken.event_id} {broken.reason}; the log was edited from there on"
    return _audit_end(ctx)


def _audit_end(ctx: Context) -> str | None:
    """Events removed from the end of the log leave a whole chain behind; the newest backup
    made since the last restore knows the last event it held, which must still be there."""
    try:
        this = keyfile.KeyFile.load(keyfile.key_file_path(ctx.path)).database_id
    except PharmaDeskError:
        return None  # no key file to tell this pharmacy's backups by: nothing to compare
    restored = ctx.db.execute_sql(
        "SELECT max(at) FROM audit_event WHERE action = 'backup.restored'"
    ).fetchone()[0]
    since = datetime.fromisoformat(restored) if restored else None
    for folder in backups.known_backup_folders(ctx.path):
        for info in backups.list_backups(folder):  # newest first
            if info.database_id != this or info.audit_head[0] == 0:
                continue
            if since is not None and info.made_at <= since:
                return None  # older than the restore: the log went back with it
            return _compare_head(ctx, info)
    return None


def _compare_head(ctx: Context, info: BackupInfo) -> str | None:
    event, digest = info.audit_head
    row = ctx.db.execute_sql("SELECT hash FROM audit_event WHERE id = ?", (event,)).fetchone()
    made = f"{info.made_at:%Y-%m-%d %H:%M}"
    if row is None:
        return (
            f"the log has lost its end: event {event}, held by the backup of {made} "
            f"({info.path.name}), is gone; compare with that backup"
        )
    if row[0] != digest:
        return f"audit event {event} differs from the backup of {made}; the log was edited"
    return None


CHECKS: tuple[tuple[str, Callable[[Context], str | None]], ...] = (
    ("encryption", _cipher),
    ("structure", _structure),
    ("schema", _schema_objects),
    ("links", _links),
    ("summaries", check_summaries.summaries),
    ("points", check_summaries.points),
    ("audit log", _audit_log),
)


def _one(ctx: Context, name: str, check: Callable[[Context], str | None]) -> CheckResult:
    try:
        return CheckResult(name, check(ctx))
    except (peewee.DatabaseError, sqlcipher3.DatabaseError) as exc:
        # Reading a damaged page fails the statement: the check that met it reports it.
        return CheckResult(name, f"the file is damaged ({exc}); restore the last backup")


def results(ctx: Context) -> Iterator[CheckResult]:
    """Every check in order, each as soon as it is done (a failed one stops no other)."""
    for name, check in CHECKS:
        yield _one(ctx, name, check)


def run(ctx: Context) -> list[CheckResult]:
    """Every check, in order (a failed one does not stop the others)."""
    return list(results(ctx))


def first_problem(ctx: Context) -> CheckResult | None:
    """The first check that fails (the later ones are not run), or None when all pass.

    For the window's start-up check, off the GUI thread: it only reads, so the window
    may go on writing meanwhile (each check compares in one consistent statement)."""
    for result in results(ctx):
        if not result.passed:
            return result
    return None
