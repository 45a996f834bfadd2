"""The last resort for an error nobody caught: logged, then said in a dialog.

Without this, an exception in a slot is printed to a console the pharmacy PC does not show,
and one escaping start-up closes the app without a word. `install` makes Python's and the
threads' exception hooks write the traceback to the log (logs.py keeps personal data out of
it) and show one dialog naming the kind of error and where the log file is. The dialog is
not modal to the app's work: the user can go on, and repeats while it is open are logged,
not stacked. A thread's error reaches the dialog through a queued call without arguments
(see tasks.py on signals carrying Python objects across threads).
"""

from __future__ import annotations

import logging
import sys
import threading
from collections import deque
from types import TracebackType

from PySide6.QtCore import QMetaObject, QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox

from pharmadesk import logs
from pharmadesk.ui.unexpected import unexpected_error_text

log = logging.getLogger(__name__)


class CrashReporter(QObject):
    """Python's and threading's exception hooks while installed; `uninstall` puts back the
    hooks it replaced."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dialog: QMessageBox | None = None
        self._waiting: deque[BaseException] = deque()
        self._previous = (sys.excepthook, threading.excepthook)

    def install(self) -> CrashReporter:
        sys.excepthook = self.hook
        threading.excepthook = self.thread_hook
        return self

    def uninstall(self) -> None:
        sys.excepthook, threading.excepthook = self._previous

    def hook(
        self, kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        self._report(kind, error, trace, where="")

    def thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        where = f" in the thread {args.thread.name}" if args.thread is not None else ""
        self._report(args.exc_type, args.exc_value, args.exc_traceback, where=where)

    def _report(
        self,
        kind: type[BaseException],
        error: BaseException,
        trace: TracebackType | None,
        *,
        where: str,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):  # Ctrl+C in a terminal: Python's own way
            sys.__excepthook__(kind, error, trace)
            return
        log.error("unexpected error%s", where, exc_info=(kind, error, trace))
        if QApplication.instance() is None:  # too early or too late for a window
            return
        self._waiting.append(error)
        if threading.current_thread() is threading.main_thread():
            self._show_waiting()
        else:
            QMetaObject.invokeMethod(self, "_show_waiting", Qt.ConnectionType.QueuedConnection)

    def report_fatal(self, error: BaseException) -> None:
        """An error that ends the app (nothing can go on): logged, then said modally."""
        log.error("unexpected error; the app stops", exc_info=error)
        self._dialog(error).exec()

    @Slot()
    def _show_waiting(self) -> None:
        if not self._waiting:
            return
        error = self._waiting.popleft()
        self._waiting.clear()  # the first says it; the rest are in the log
        if self.dialog is not None:
            return
        self.dialog = self._dialog(error)
        self.dialog.finished.connect(self._closed)
        self.dialog.show()

    def _closed(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None

    def _dialog(self, error: BaseException) -> QMessageBox:
        box = QMessageBox(QApplication.activeWindow())
        box.setObjectName("crashDialog")
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(self.tr("PharmaDesk: something went wrong"))
        box.setText(unexpected_error_text(error))
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        written = logs.current_file()
        if written is not None:
            folder = box.addButton(
                self.tr("Open the log folder"), QMessageBox.ButtonRole.ActionRole
            )
            folder.setObjectName("openLogFolder")
            url = QUrl.fromLocalFile(str(written.parent))
            folder.clicked.connect(lambda: QDesktopServices.openUrl(url))
        return box


def install(parent: QObject | None = None) -> CrashReporter:
    """Route every uncaught exception of the window to the log and a dialog."""
    return CrashReporter(parent).install()
