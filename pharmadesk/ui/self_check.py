"""The window's part of `pharmadesk --selftest` (pharmadesk/selftest.py runs the steps).

Drives the real widgets as a pharmacist would, offscreen: the unlock dialog with the demo
password, the counter's search box and Enter, the main window drawn into an image, the
dashboard until every chart is drawn. Each step returns what it saw in a few English words
(for the command line, with no customer's name: a Windows console may not print it) or
raises CheckFailed. Errors raised inside Qt's callbacks are caught here and fail the step
they happen in, instead of printing a traceback.
"""

from __future__ import annotations

import contextlib
import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QEventLoop,
    QMessageLogContext,
    QSettings,
    Qt,
    QtMsgType,
    qInstallMessageHandler,
    qVersion,
)
from PySide6.QtGui import QImage, QKeyEvent
from PySide6.QtWidgets import QApplication

from pharmadesk.errors import PharmaDeskError
from pharmadesk.services.context import Context
from pharmadesk.ui import fonts, i18n
from pharmadesk.ui.main_window import MainWindow
from pharmadesk.ui.start_dialogs import UnlockDialog
from pharmadesk.ui.tasks import BackgroundRunner

WAIT_SECONDS = 60.0  # generous: a first chart on a slow counter PC loads matplotlib
WINDOW_SIZE = (1280, 800)
MIN_COLOURS = 8  # a window or chart that drew nothing is one or two flat colours
# What the offscreen platform says about what it cannot do; anything else Qt warns about is
# passed on to stderr.
OFFSCREEN_NOTES = ("This plugin does not support propagateSizeHints", "does not support raise")
Unlock = Callable[[str, str], Context]


class CheckFailed(Exception):
    """A step did not work; the message is one line for the command line."""


class GuiCheck:
    """One QApplication, settings in `folder`, and the window steps in order."""

    def __init__(self, app: QApplication, folder: Path, lang: str | None) -> None:
        self.app = app
        self.errors: list[BaseException] = []
        # Qt's own settings (window layout, language) go to the temporary folder, never to
        # the PC's real ones.
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
        self.settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
        self._translators = i18n.install(app, i18n.choose_language(lang, None))
        fonts.apply(app)
        self.ctx: Context | None = None
        self.window: MainWindow | None = None
        self.runner: BackgroundRunner | None = None
        self._previous_hook = sys.excepthook
        self._previous_handler: object = None

    def describe(self) -> str:
        if self.app.windowIcon().isNull():
            raise CheckFailed("the app icon (resources/icons) did not load")
        return f"{self.app.platformName()} platform, Qt {qVersion()}"

    # the harness ---------------------------------------------------------------------------

    def __enter__(self) -> GuiCheck:
        sys.excepthook = self._caught
        self._previous_handler = qInstallMessageHandler(_qt_message)
        # As app.run_window does: cycles are collected on the GUI thread only.
        gc.disable()
        return self

    def __exit__(self, *exc: object) -> None:
        # Normally closed by the quit step already; after a failure that broke even the
        # quit step, whatever it left open goes with the process.
        with contextlib.suppress(Exception):
            self.close()
        i18n.remove(self.app, self._translators)
        sys.excepthook = self._previous_hook
        qInstallMessageHandler(self._previous_handler)  # type: ignore[arg-type]
        gc.enable()
        gc.collect()

    def _caught(self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
                ) -> None:  # fmt: skip
        self.errors.append(error)

    def wait_until(self, done: Callable[[], bool], what: str) -> None:
        """Run the event loop until `done()`; fail on a callback's error or after a minute."""
        deadline = time.monotonic() + WAIT_SECONDS
        while True:
            self._raise_caught(what)
            if done():
                return
            if time.monotonic() > deadline:
                raise CheckFailed(f"no {what} after {WAIT_SECONDS:.0f} s")
            self.app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            time.sleep(0.002)

    def _raise_caught(self, what: str) -> None:
        if self.errors:
            error = self.errors.pop(0)
            text = error.message if isinstance(error, PharmaDeskError) else str(error)
            raise CheckFailed(f"{type(error).__name__} while waiting for {what}: {text}")

    # the steps -----------------------------------------------------------------------------

    def unlock(self, path: Path, unlock: Unlock, *, user: str, password: str) -> str:
        dialog = UnlockDialog(path=path, unlock=unlock, user=user)
        dialog.show()
        self.wait_until(dialog.isVisible, "unlock dialog")
        dialog.password.setText(password)
        dialog.unlock_button.click()
        self.wait_until(lambda: dialog.context is not None or bool(dialog.message.text()),
                        "answer from the unlock dialog")  # fmt: skip
        if dialog.context is None:
            raise CheckFailed(f"refused: {dialog.message.text()}")
        self.ctx = dialog.context
        dialog.deleteLater()
        return f"signed in as {self.ctx.account.name}"

    def open_window(self) -> MainWindow:
        if self.ctx is None:
            raise CheckFailed("not signed in")
        ctx = self.ctx

        def close_worker_connection() -> None:
            (self.window.ctx if self.window is not None else ctx).close_connection()

        self.runner = BackgroundRunner(on_stop=close_worker_connection)
        self.window = MainWindow(ctx, self.runner, self.settings)
        self.window.resize(*WINDOW_SIZE)
        self.window.show()
        self.window.activateWindow()
        return self.window

    def search(self, query: str) -> int:
        """Type `query` in the counter's search box; the id of the first hit."""
        window = self.open_window() if self.window is None else self.window
        window.search.focus_box()
        window.search.box.setText(query)
        self.wait_until(lambda: window.search.model.rowCount() > 0, f"search result for {query}")
        hit = window.search.model.hit(0)
        if hit is None:
            raise CheckFailed(f"no customer found for {query}")
        return hit.id

    def open_first_hit(self, expected_id: int) -> str:
        """Enter in the search box, as at the counter: the customer opens on the right."""
        window = self._window()
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                window.search.box, QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier(0))
            )
        self.wait_until(lambda: window.customer_id == expected_id, "customer opened")
        record = window.record
        if record is None:
            raise CheckFailed("the customer's record did not load")
        self.wait_until(lambda: window.purchase_model.rowCount() > 0, "customer's purchases")
        return f"{record.code}, {window.purchase_model.rowCount()} purchases listed"

    def draw_window(self) -> str:
        window = self._window()
        self.wait_until(window.isVisible, "main window shown")
        image = window.grab().toImage()
        _check_drawn(image, "the main window")
        return f"drawn at {image.width()}x{image.height()}"

    def draw_chart(self) -> str:
        from pharmadesk.ui.dashboard import DashboardWindow

        window = self._window()
        window.show_dashboard()
        dash = window.findChild(DashboardWindow)
        if dash is None:
            raise CheckFailed("the dashboard did not open")
        self.wait_until(lambda: dash.dashboard is not None and dash.state.text() == "",
                        "dashboard drawn")  # fmt: skip
        assert dash.dashboard is not None
        views = list(dash.charts.values())
        for view in views:
            if not view.figure.axes:
                raise CheckFailed(f"the chart {view.kind} has nothing drawn")
        _check_drawn(views[0].canvas.grab().toImage(), f"the chart {views[0].kind}")
        period = dash.dashboard.period.start.isoformat()
        dash.close()
        return f"{len(views)} charts drawn for the period from {period}"

    def close(self) -> None:
        """Close the window and the pharmacy as quitting the app does (its lock included)."""
        window, runner = self.window, self.runner
        self.window = self.runner = None
        if window is not None:
            window.close()
            window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        if runner is not None:
            runner.stop()
        ctx = window.ctx if window is not None else self.ctx
        self.ctx = None
        if ctx is not None:
            ctx.close()

    def _window(self) -> MainWindow:
        if self.window is None:
            raise CheckFailed("the main window is not open")
        return self.window


def _check_drawn(image: QImage, what: str) -> None:
    if image.isNull() or image.width() < 50 or image.height() < 50:
        raise CheckFailed(f"{what} was not drawn")
    colours = {
        image.pixel(x, y)
        for x in range(0, image.width(), max(1, image.width() // 40))
        for y in range(0, image.height(), max(1, image.height() // 40))
    }
    if len(colours) < MIN_COLOURS:
        raise CheckFailed(f"{what} is blank ({len(colours)} colours)")


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    if kind == QtMsgType.QtDebugMsg or kind == QtMsgType.QtInfoMsg:
        return
    if any(note in message for note in OFFSCREEN_NOTES):
        return
    print(f"qt: {message}", file=sys.stderr)
