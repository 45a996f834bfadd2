"""The app's half of the cold-start measurement (cold_start.py): when asked, print how long
the start dialog (unlock, or setup on a first run) took to be ready, then close it so the
app quits.

"Ready" is the first turn of the event loop after the dialog's first paint: the window is
on screen and the next keystroke would reach the password field.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QDialog

from pharmadesk.cold_start import MEASURE_ENV, ready_line


def launched_ns() -> int | None:
    """When the measuring process launched this one, or None when nobody is measuring."""
    raw = os.environ.get(MEASURE_ENV, "").strip()
    return int(raw) if raw.isdigit() else None


class _FirstPaint(QObject):
    def __init__(self, dialog: QDialog, launched: int) -> None:
        super().__init__(dialog)
        self._dialog = dialog
        self._launched = launched

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._dialog and event.type() == QEvent.Type.Paint:
            self._dialog.removeEventFilter(self)
            QTimer.singleShot(0, self._ready)
        return False

    def _ready(self) -> None:
        print(ready_line(self._launched, time.time_ns()), file=sys.stdout, flush=True)
        self._dialog.reject()


def watch(dialog: QDialog) -> None:
    """With PHARMADESK_MEASURE_START set, report `dialog` ready and close it; else nothing."""
    launched = launched_ns()
    if launched is not None:
        dialog.installEventFilter(_FirstPaint(dialog, launched))
