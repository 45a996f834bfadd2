"""Starts the dashboard's background preparation a little after a session opens, and stops
it when the session ends (lock, another user signing in, quit). See
`pharmadesk.services.analytics.warmup`."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from pharmadesk.services.analytics.warmup import Preparer
from pharmadesk.services.context import Context
from pharmadesk.services.permissions import Operation, allows

# Late enough that opening the window and the first searches of the day have the machine.
START_DELAY_MS = 20_000


class FiguresWarmup(QObject):
    def __init__(self, parent: QObject | None = None, *, delay_ms: int = START_DELAY_MS) -> None:
        super().__init__(parent)
        self._ctx: Context | None = None
        self.preparer: Preparer | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._start)

    def session_started(self, ctx: Context) -> None:
        self.stop()
        if allows(ctx.account, Operation.ANALYTICS):
            self._ctx = ctx
            self._timer.start()

    def _start(self) -> None:
        if self._ctx is not None:
            self.preparer = Preparer(self._ctx, self._ctx.today())
            self.preparer.start()

    def stop(self) -> None:
        """Before the session's connections close: the running query is interrupted."""
        self._timer.stop()
        self._ctx = None
        if self.preparer is not None:
            self.preparer.stop()
            self.preparer = None
