"""The points expiry run of the counter window: after each unlock, and again when the day
changes while the window stays open.

`loyalty.expire` writes an expiry entry for every lot of points whose last day has passed;
it is idempotent and quick after its first run. It runs on the window's housekeeping thread
(with the start-up check and the daily backup, never on the counter's worker) and stops
with them when the window locks or an erasure pauses housekeeping; what it did not finish
is done by the next run. Points expiring is told in the status bar, nothing otherwise; a
failure shows a warning there, like a failed daily backup.

Automatic (as `app.run_window` makes the window) or not at all: tests of the window that
are not about it keep a quiet housekeeping thread.
"""

from __future__ import annotations

import threading
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel

from pharmadesk.services import loyalty
from pharmadesk.services.context import Context
from pharmadesk.services.interruptible import JobStopped, Stopped, stop_on_progress
from pharmadesk.services.loyalty import ExpiryRun
from pharmadesk.ui.import_text import failure_text
from pharmadesk.ui.start_dialogs import ERROR_STYLE

if TYPE_CHECKING:
    from pharmadesk.ui.main_window import MainWindow

DAY_CHECK_MS = 10 * 60 * 1000  # has the day changed? asked every 10 minutes
STATUS_MS = 8000


def expire_points(ctx: Context, day: date, stopped: Stopped, halted: threading.Event) -> ExpiryRun:
    """The expiry run (housekeeping thread); JobStopped when the session ended first or
    meanwhile (a chunk interrupted is rolled back, the next run writes it)."""
    if halted.is_set():  # queued behind a job the lock stopped: this session is over
        raise JobStopped()

    def ended() -> bool:
        return stopped() or halted.is_set()

    try:
        return loyalty.expire(ctx, today=day, progress=stop_on_progress(ended))
    except Exception:
        if ended():  # the interrupt of a lock reaches the query as a database error
            raise JobStopped() from None
        raise


class PointsExpiry(QObject):
    def __init__(self, *, automatic: bool, parent: MainWindow) -> None:
        super().__init__(parent)
        self.automatic = automatic
        self.last_run: ExpiryRun | None = None  # the latest finished run (tests, the status)
        self._ctx: Context | None = None
        self._halted = threading.Event()
        self._running = False
        self._done_for: date | None = None  # the day the last finished run was for
        self.warning = QLabel()  # in the status bar while the last run failed
        self.warning.setObjectName("expiryWarning")
        self.warning.setStyleSheet(ERROR_STYLE)
        self.warning.hide()
        parent.statusBar().addWidget(self.warning)
        self._timer = QTimer(self)
        self._timer.setInterval(DAY_CHECK_MS)
        self._timer.timeout.connect(self.run_if_due)

    @property
    def window(self) -> MainWindow:
        from pharmadesk.ui.main_window import MainWindow

        parent = self.parent()
        assert isinstance(parent, MainWindow)
        return parent

    def session_started(self, ctx: Context) -> None:
        """Someone unlocked: expire what is due today, then look again as days pass."""
        if not self.automatic:
            return
        self._ctx = ctx
        self._halted = threading.Event()  # a new one: a stopped job keeps its own, set
        self._done_for = None
        self.run_if_due()
        self._timer.start()

    def stop(self) -> None:
        """The session ends (lock, quit, another user): the run stops, none starts."""
        self._halted.set()
        self._ctx = None
        self._timer.stop()

    def run_if_due(self) -> None:
        """Run once for today (again when the day has changed since the last run)."""
        ctx = self._ctx
        if ctx is None or self._running or self.window.locked:
            return
        day = ctx.today()
        if self._done_for == day:
            return
        halted = self._halted
        job = lambda stopped: expire_points(ctx, day, stopped, halted)  # noqa: E731
        self._running = self.window.backups.submit_housekeeping(
            ctx, job, lambda run: self._done(ctx, day, run), self._failed
        )

    def _done(self, ctx: Context, day: date, run: ExpiryRun) -> None:
        self._running = False
        self.last_run = run
        self._done_for = day
        self.warning.hide()
        if ctx is not self._ctx or self.window.locked or not run.customers:
            return
        text = self.tr("%n customers' points expired", "", run.customers)
        self.window.statusBar().showMessage(text, STATUS_MS)

    def _failed(self, error: BaseException) -> None:
        self._running = False
        if isinstance(error, JobStopped):
            return  # the session ended, or housekeeping paused: the next look runs it
        message = failure_text(error, log_as="points expiry")
        self.warning.setText(self.tr("Expired points could not be written off: %1")
                             .replace("%1", message))  # fmt: skip
        self.warning.setToolTip(self.warning.text())
        self.warning.show()
