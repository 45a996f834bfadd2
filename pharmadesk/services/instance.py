"""One running PharmaDesk per pharmacy file: a window or a command holds it while it works.

SQLite would let two copies write the same file, but two counters editing one customer
would silently overwrite each other's changes, and a restore or import under a running
window would pull the ground from under it. The lock is an OS file lock on `<db>.lock`
(released by the OS if the process dies); the file holds no data.
"""

from __future__ import annotations

from pathlib import Path

from filelock import FileLock, Timeout

from pharmadesk.errors import DatabaseInUse


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


class InstanceLock:
    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        # Not a per-process singleton: a second holder in this process is refused too.
        self._lock = FileLock(str(lock_path(db_path)), is_singleton=False, thread_local=False)

    def acquire(self) -> InstanceLock:
        """Hold the pharmacy; DatabaseInUse (exit 6) when another copy holds it."""
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            raise DatabaseInUse(
                f"{self.db_path.name} is in use by another running PharmaDesk; close it first"
            ) from None
        return self

    def release(self) -> None:
        if self._lock.is_locked:
            self._lock.release()


def hold(db_path: Path) -> InstanceLock:
    return InstanceLock(db_path).acquire()
