"""The installed Qt binding keeps Python's reference counts: the app emits a signal on
every keystroke in the form, for hours."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication


class _Sender(QObject):
    changed = Signal()
    carried = Signal(object)


def test_emitting_signals_does_not_leak_or_steal_references(qapp: QApplication) -> None:
    # PySide6 6.12.0 dropped a reference to True on each emit(); Python 3.11 then aborts
    # once True's count runs out (pyproject excludes that release).
    sender = _Sender()
    before = sys.getrefcount(True)
    for _ in range(1000):
        sender.changed.emit()
        sender.carried.emit({"n": 1})
    assert abs(sys.getrefcount(True) - before) < 50
