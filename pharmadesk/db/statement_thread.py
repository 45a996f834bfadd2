"""Statements of a connection run on a helper thread while the caller goes on in Python.

SQLite lets go of Python's interpreter lock while a statement runs, so a statement that
does all its work inside SQLite (an INSERT ... SELECT, or rows unpacked from one JSON
parameter; no Python functions or adapters) runs on the other core beside Python work.
A bulk import builds its next chunk of rows meanwhile.

The helper uses the caller's own connection, inside the caller's transaction; only one of
them may use it at a time. `start` and `wait` keep to that: the caller waits before it
touches the connection again.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from types import TracebackType


class StatementThread:
    """`start(job)` runs `job` on the helper thread; `wait()` until it is done (its error,
    if any, is raised there). Leaving the `with` block waits too, so nothing still runs on
    the connection when a transaction around the block ends or rolls back."""

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pharmadesk-sql")
        self._running: Future[None] | None = None

    def start(self, job: Callable[[], None]) -> None:
        self.wait()
        self._running = self._pool.submit(job)

    def wait(self) -> None:
        running, self._running = self._running, None
        if running is not None:
            running.result()

    def __enter__(self) -> StatementThread:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        try:
            if kind is None:
                self.wait()
            elif self._running is not None:
                # Already failing: the helper's own error, if any, matters less than that.
                self._running.exception()
                self._running = None
        finally:
            self._pool.shutdown(wait=True)
