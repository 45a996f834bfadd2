"""Runs service calls off the GUI thread and hands the result (or error) back on it.

There is one worker thread, so the app holds exactly two database connections (the GUI
thread's and this one); Peewee opens the worker's connection on its first query and the
runner closes it when it stops. Worker code never touches a widget: it returns a value,
and the callbacks run on the GUI thread.

Results come back through a GUI-thread timer that collects finished futures, not through a
queued Qt signal: PySide6 6.12 on Python 3.11 can crash when a signal carries Python objects
from another thread.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, QTimer

Job = Callable[[], Any]
Success = Callable[[Any], None]
Failure = Callable[[BaseException], None]
POLL_MS = 10


class BackgroundRunner(QObject):
    """`submit(job, on_success, on_failure)`; callbacks run on the GUI thread."""

    def __init__(self, parent: QObject | None = None, *, on_stop: Job | None = None) -> None:
        super().__init__(parent)
        self._tickets = itertools.count(1)
        self._pending: dict[int, tuple[Future[Any], Success, Failure | None]] = {}
        self._on_stop = on_stop
        self._executor: ThreadPoolExecutor | None = ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="pharmadesk-worker"
        )
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._collect)

    def submit(self, job: Job, on_success: Success, on_failure: Failure | None = None) -> int:
        if self._executor is None:
            raise RuntimeError("the background runner has stopped")
        ticket = next(self._tickets)
        self._pending[ticket] = (self._executor.submit(job), on_success, on_failure)
        self._timer.start()
        return ticket

    def forget(self, ticket: int) -> None:
        """Drop the callbacks of a job whose result is no longer wanted."""
        self._pending.pop(ticket, None)

    def busy(self) -> bool:
        return bool(self._pending)

    def wait_idle(self, timeout: float = 10.0) -> None:
        """Block until every submitted job has finished, then deliver (tests, shutdown)."""
        for future, _, _ in list(self._pending.values()):
            future.exception(timeout=timeout)
        self._collect()

    def _collect(self) -> None:
        for ticket, (future, on_success, on_failure) in list(self._pending.items()):
            # A callback that runs a modal dialog runs this again from the dialog's event
            # loop, which may deliver (and drop) jobs this loop has still to come to.
            if not future.done() or ticket not in self._pending:
                continue
            del self._pending[ticket]
            error = future.exception()
            if error is None:
                on_success(future.result())
            elif on_failure is not None:
                on_failure(error)
            else:
                raise error
        if not self._pending:
            self._timer.stop()

    def stop(self) -> None:
        """Finish the current job, close the worker's connection, end the thread."""
        if self._executor is None:
            return
        self._pending.clear()
        self._timer.stop()
        if self._on_stop is not None:
            # Runs in the worker thread, so it closes that thread's own connection.
            self._executor.submit(self._on_stop).result(timeout=30)
        self._executor.shutdown(wait=True)
        self._executor = None


class LatestJob:
    """The latest of a series of background jobs of which only the newest result counts (a
    list loaded again before the last load came back): `submit` forgets the job still
    outstanding, so its callbacks never run; `forget` drops it without a new one."""

    def __init__(self, runner: BackgroundRunner) -> None:
        self._runner = runner
        self._ticket: int | None = None

    @property
    def running(self) -> bool:
        """A job was submitted and its result (or error) has not been delivered yet."""
        return self._ticket is not None

    def submit(self, job: Job, on_success: Success, on_failure: Failure) -> None:
        """Run `job` instead of the one outstanding; the callbacks run once it is done,
        `running` already False by then."""
        self.forget()
        ticket = 0

        def delivered(callback: Callable[[Any], None]) -> Callable[[Any], None]:
            def call(value: Any) -> None:
                if self._ticket != ticket:
                    return  # the runner drops forgotten jobs; this keeps a stale one out even so
                self._ticket = None
                callback(value)

            return call

        ticket = self._runner.submit(job, delivered(on_success), delivered(on_failure))
        self._ticket = ticket

    def forget(self) -> None:
        """The outstanding job's result is no longer wanted."""
        if self._ticket is not None:
            self._runner.forget(self._ticket)
            self._ticket = None


def run_tracked(
    runner: BackgroundRunner | None,
    tickets: set[int],
    job: Job,
    on_success: Success,
    on_failure: Failure,
) -> None:
    """`job` on the runner when there is one (its ticket kept in `tickets` until it is
    delivered, so a closing dialog can forget it), else at once here; errors go to
    `on_failure` either way."""
    if runner is None:
        try:
            result = job()
        except Exception as exc:
            on_failure(exc)
            return
        on_success(result)
        return
    ticket = 0

    def delivered(callback: Callable[[Any], None]) -> Callable[[Any], None]:
        def call(value: Any) -> None:
            tickets.discard(ticket)
            callback(value)

        return call

    ticket = runner.submit(job, delivered(on_success), delivered(on_failure))
    tickets.add(ticket)
