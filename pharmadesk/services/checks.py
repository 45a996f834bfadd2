"""`pharmadesk check`: is the pharmacy's file whole, and is its audit log as it was written?

Each check names the first problem it finds, in words a person can act on. The backups
issue adds its own checks (points balances against the ledger) to the same list.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from pharmadesk.services import audit
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
    rows = [r[0] for r in ctx.db.execute_sql("PRAGMA quick_check").fetchall()]
    return None if rows == ["ok"] else f"{rows[0]}; restore the last backup"


def _links(ctx: Context) -> str | None:
    rows = ctx.db.execute_sql("PRAGMA foreign_key_check").fetchall()
    if not rows:
        return None
    table, rowid, parent = rows[0][0], rows[0][1], rows[0][2]
    return f"{table} row {rowid} points to a missing {parent} ({len(rows)} such row(s))"


def _audit_chain(ctx: Context) -> str | None:
    broken = audit.verify_chain(ctx)
    if broken is None:
        return None
    return f"audit event {broken.event_id} {broken.reason}; the log was edited from there on"


CHECKS: tuple[tuple[str, Callable[[Context], str | None]], ...] = (
    ("encryption", _cipher),
    ("structure", _structure),
    ("links", _links),
    ("audit log", _audit_chain),
)


def run(ctx: Context) -> list[CheckResult]:
    """Every check, in order (a failed one does not stop the others)."""
    return [CheckResult(name, check(ctx)) for name, check in CHECKS]
