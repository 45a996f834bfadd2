"""How long the counter window stops responding while someone types searches.

A heartbeat timer ticks every few milliseconds on the GUI thread; when the event loop is
busy (a query run on the GUI thread, a slow repaint) the next tick comes late, and the
lateness is the stall a pharmacist would feel. Searches are typed one key at a time with a
typist's pause between keys, into the real main window on the given pharmacy.
"""

from __future__ import annotations

import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QElapsedTimer,
    QEvent,
    QMessageLogContext,
    QSettings,
    Qt,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from pharmadesk.services.context import Context
from pharmadesk.ui.main_window import MainWindow
from pharmadesk.ui.tasks import BackgroundRunner

HEARTBEAT_MS = 5
KEY_PAUSE_MS = 90  # a quick typist


@dataclass(frozen=True)
class StallReport:
    keystrokes: int
    searches_shown: int
    worst_ms: float
    p95_ms: float


class _Heartbeat:
    def __init__(self) -> None:
        self.gaps: list[float] = []
        self._clock = QElapsedTimer()
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(HEARTBEAT_MS)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._clock.start()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        late = self._clock.restart() - HEARTBEAT_MS
        self.gaps.append(max(0.0, float(late)))


def worst_stall_while_typing(ctx: Context, queries: list[str]) -> StallReport:
    """Type each query into the search box of a real window on `ctx`; report the stalls."""
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    previous = qInstallMessageHandler(_quiet_offscreen)
    runner = BackgroundRunner(on_stop=ctx.close_connection)
    with tempfile.TemporaryDirectory() as folder:
        settings = QSettings(str(Path(folder) / "probe.ini"), QSettings.Format.IniFormat)
        window = MainWindow(ctx, runner, settings)
        window.show()
        QTest.qWaitForWindowExposed(window)
        shown = 0

        def count(_: int) -> None:
            nonlocal shown
            shown += 1

        window.search.results_shown.connect(count)
        QTest.qWait(300)  # let start-up work (status counts) finish before measuring
        beat = _Heartbeat()
        beat.start()
        keystrokes = 0
        box = window.search.box
        for query in queries:
            box.clear()
            for char in query:
                _type(box, char)
                keystrokes += 1
                QTest.qWait(KEY_PAUSE_MS)
            deadline = time.monotonic() + 2
            wanted = shown + 1
            while shown < wanted and time.monotonic() < deadline:
                QTest.qWait(HEARTBEAT_MS)
        beat.stop()
        window.form.load(None)
        window.close()
        runner.stop()
    qInstallMessageHandler(previous)
    gaps = sorted(beat.gaps) or [0.0]
    return StallReport(keystrokes, shown, gaps[-1], gaps[int(0.95 * (len(gaps) - 1))])


def _quiet_offscreen(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    # The offscreen platform's notice on every window shown; anything else is printed.
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def _type(widget: QWidget, char: str) -> None:
    """One key as a keyboard (or, for Chinese, an input method) delivers it."""
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
        QApplication.sendEvent(widget, event)
