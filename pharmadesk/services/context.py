"""The open pharmacy a service call works on: its database, the signed-in account, a clock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from peewee import Database

ROLES = ("owner", "pharmacist", "staff")


def local_now() -> datetime:
    """Now, aware, in the pharmacy PC's own time zone."""
    return datetime.now().astimezone()


@dataclass(frozen=True)
class Account:
    id: int
    name: str
    role: str

    @property
    def may_see_health_data(self) -> bool:
        from pharmadesk.services.permissions import Operation, allows  # imports this module

        return allows(self, Operation.SEE_HEALTH)


@dataclass
class Context:
    """Passed to every service call; tests inject `clock` to fix the date."""

    db: Database
    path: Path
    account: Account
    clock: Callable[[], datetime] = field(default=local_now)

    def now(self) -> datetime:
        return self.clock()

    def today(self) -> date:
        return self.clock().date()

    # Run on close, after the database: releasing the instance lock, for one.
    closers: list[Callable[[], None]] = field(default_factory=list)

    def close_connection(self) -> None:
        """Close this thread's connection only (a worker thread's, when it stops)."""
        if not self.db.is_closed():
            self.db.close()

    def close(self) -> None:
        self.close_connection()
        while self.closers:
            self.closers.pop()()
