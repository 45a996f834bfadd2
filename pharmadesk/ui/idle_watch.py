"""Idle detection for the auto-lock: no key or mouse input anywhere in the app for N minutes.

`IdleWatch` is installed as an application-wide event filter; any key, mouse, wheel or touch
input resets it. A coarse timer looks at the clock every few seconds and emits `timed_out`
once the limit has passed. The clock is injected (`time.monotonic` by default), so tests
move it by hand and call `check()` instead of waiting minutes.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

CHECK_MS = 5_000
INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
        QEvent.Type.InputMethod,
    }
)


class IdleWatch(QObject):
    """Emits `timed_out` once after `limit_seconds` without input; `start()` arms it again."""

    timed_out = Signal()

    def __init__(
        self,
        limit_seconds: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        check_ms: int = CHECK_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self.limit_seconds = limit_seconds
        self._last_input = clock()
        self._timer = QTimer(self)
        self._timer.setInterval(check_ms)
        self._timer.timeout.connect(self.check)

    def start(self) -> None:
        """Count idle time from now, and look at it every few seconds."""
        self.touch()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def is_running(self) -> bool:
        return self._timer.isActive()

    def touch(self) -> None:
        self._last_input = self._clock()

    def idle_seconds(self) -> float:
        return self._clock() - self._last_input

    def check(self) -> None:
        """Emit `timed_out` (and stop) when the limit has passed while armed."""
        if self.is_running() and self.idle_seconds() >= self.limit_seconds:
            self.stop()
            self.timed_out.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self._last_input = self._clock()
        return False
