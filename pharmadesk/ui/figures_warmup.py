"""Starts the dashboard's background preparation a little after a session opens, and stops
it when the session ends (lock, another user signing in, quit). See
`pharmadesk.services.analytics.warmup`.

What was prepared can go stale while the session stays open: an import or its undo
writes lines of closed months (their kept figures are dropped), and a counter PC left on
overnight wakes to a new day (on the 1st, a new last full month, the default). Both start
the preparation again, which computes only what is missing.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject, QTimer

from pharmadesk.services.analytics.warmup import Preparer
from pharmadesk.services.context import Context
from pharmadesk.services.permissions import Operation, allows

# Late enough that opening the window and the first searches of the day have the machine.
START_DELAY_MS = 20_000
# After an import: the wizard's own clean-up and the counter's refresh go first.
AGAIN_DELAY_MS = 5_000
DAY_CHECK_MS = 60_000


class FiguresWarmup(QObject):
    def __init__(
        self, parent: QObject | None = None, *, delay_ms: int = START_DELAY_MS,
        again_ms: int = AGAIN_DELAY_MS, day_check_ms: int = DAY_CHECK_MS,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self._ctx: Context | None = None
        self._day: date | None = None
        self.preparer: Preparer | None = None
        self._delay_ms, self._again_ms = delay_ms, again_ms
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._start)
        self._day_timer = QTimer(self)
        self._day_timer.setInterval(day_check_ms)
        self._day_timer.timeout.connect(self._check_day)

    def session_started(self, ctx: Context) -> None:
        self.stop()
        if allows(ctx.account, Operation.ANALYTICS):
            self._ctx, self._day = ctx, ctx.today()
            self._timer.start(self._delay_ms)
            self._day_timer.start()

    def again(self) -> None:
        """Kept figures may have been dropped (an import, an undo): prepare what is missing,
        soon. Nothing outside a session that prepares."""
        if self._ctx is None:
            return
        self._stop_preparer()
        self._timer.start(self._again_ms)

    def _check_day(self) -> None:
        if self._ctx is not None and self._ctx.today() != self._day:
            self._day = self._ctx.today()
            self.again()

    def _start(self) -> None:
        if self._ctx is not None:
            self.preparer = Preparer(self._ctx, self._ctx.today())
            self.preparer.start()

    def stop(self) -> None:
        """Before the session's connections close: the running query is interrupted."""
        self._timer.stop()
        self._day_timer.stop()
        self._ctx = None
        self._stop_preparer()

    def _stop_preparer(self) -> None:
        if self.preparer is not None:
            self.preparer.stop()
            self.preparer = None
