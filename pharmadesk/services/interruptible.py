"""Long housekeeping (the start-up check, the daily backup) on a connection of its own,
stoppable from another thread.

The counter's worker must stay free for searches while such a job reads the whole file for
a minute; and when the window locks (a restore may replace the file next), the job must
end at once rather than be waited for.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from pharmadesk.services.context import Context

T = TypeVar("T")
# About a millisecond of SQLite's work between two looks at the stop flag.
PROGRESS_STEPS = 100_000
Stopped = Callable[[], bool]


class JobStopped(Exception):
    """The job was asked to stop; whatever it was writing was not kept.

    Not an OperationFailed: the services turn those into messages about what failed, and a
    stop must reach the caller as itself.
    """


class Interruptible:
    """Runs one job at a time in the calling thread, on that thread's own connection."""

    def __init__(self) -> None:
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._connection: Any = None

    def run(self, ctx: Context, job: Callable[[Stopped], T]) -> T:
        """`job(stopped)` on this thread's connection, which is closed afterwards."""
        self._stop.clear()
        with self._lock:
            self._connection = connection = ctx.db.connection()
        # A statement started after `stop` is not reached by the interrupt: SQLite asks this
        # handler every PROGRESS_STEPS instructions and gives up when it says so.
        connection.set_progress_handler(self._stop.is_set, PROGRESS_STEPS)
        try:
            result = job(self._stop.is_set)
        finally:
            with self._lock:
                self._connection = None
            connection.set_progress_handler(None, 0)
            ctx.close_connection()
        if self._stop.is_set():
            raise JobStopped()
        return result

    def stop(self) -> None:
        """Ask the running job to stop and interrupt its query now (any thread)."""
        self._stop.set()
        with self._lock:
            if self._connection is not None:
                self._connection.interrupt()


def stop_on_progress(stopped: Stopped) -> Callable[[int, int], None]:
    """A progress callback that ends a long copy once `stopped()` says so."""

    def report(_done: int, _total: int) -> None:
        if stopped():
            raise JobStopped()

    return report
