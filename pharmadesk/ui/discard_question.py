"""Asked before a dialog's typed work is thrown away by Escape, Cancel or its close box.

At the counter, Escape is pressed by habit: a receipt of several lines or a consultation
written in full must not vanish without a word. Cancel is the default answer, so a second
Escape keeps the work too. A lock hides dialogs without asking (nothing is saved then), and
a dialog closed by the program rather than by a person closes without asking too.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget


def discard_confirmed(parent: QWidget, title: str, question: str | None = None) -> bool:
    """Whether the person chose to throw away what the dialog holds."""
    text = question or QCoreApplication.translate(
        "DiscardQuestion", "Close without saving what was entered?"
    )
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Discard


class GuardedDialog(QDialog):
    """A dialog that asks before a person's Escape, Cancel or close box drops its input."""

    _closed_by_program = False

    def has_unsaved_input(self) -> bool:
        return False

    def reject(self) -> None:
        if (
            not self._closed_by_program
            and self.has_unsaved_input()
            and not discard_confirmed(self, self.windowTitle())
        ):
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        # A close box is a person's (spontaneous); close() is the program's.
        self._closed_by_program = not event.spontaneous()
        try:
            super().closeEvent(event)
        finally:
            self._closed_by_program = False
