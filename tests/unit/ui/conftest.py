"""Fixtures for driving the counter window the way a pharmacist does."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, QSettings, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget, QWizard
from pytestqt.qtbot import QtBot

from pharmadesk.services import accounts, customers, purchases, vault
from pharmadesk.services.context import Context
from pharmadesk.ui import i18n
from pharmadesk.ui.main_window import MainWindow
from pharmadesk.ui.tasks import BackgroundRunner
from tests.conftest import FakeClock


@pytest.fixture(autouse=True)
def collect_on_the_gui_thread() -> Iterator[None]:
    """As `app.run_window` does: Python's cycle collector runs only here, between tests.

    Left on, it runs in whichever thread allocates, and collecting a cycle that holds a Qt
    object on the worker thread deletes that object there: a dialog a later test waits for
    can vanish, which made tests fail at random.
    """
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.collect()


@pytest.fixture(autouse=True, scope="session")
def english_ui(qapp: QApplication) -> Iterator[None]:
    """The UI in English, as an English-speaking user sees it (plural forms included)."""
    qm = Path(i18n.translations_dir()) / "pharmadesk_en.qm"
    assert qm.exists(), f"{qm} is missing: run `make translations` (make test does)"
    translators = i18n.install(qapp, "en")
    yield
    i18n.remove(qapp, translators)


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def people(pharmacy: Context) -> dict[str, int]:
    """张三 (allergic to penicillin, hypertensive), 李四 and a product with a price history."""
    zs = customers.create(
        pharmacy,
        {
            "name": "张三",
            "mobile": "13812345678",
            "allergies": "青霉素",
            "chronic_conditions": "高血压",
        },
    ).customer
    ls = customers.create(pharmacy, {"name": "李四", "mobile": "13900001111"}).customer
    assert zs is not None
    assert ls is not None
    purchases.record(
        pharmacy, ls.id, [purchases.LineInput("感冒灵颗粒", 1, 1550, category="感冒用药")]
    )
    return {"张三": zs.id, "李四": ls.id}


@pytest.fixture
def window(
    qtbot: QtBot, pharmacy: Context, people: dict[str, int], settings: QSettings
) -> Iterator[MainWindow]:
    runner = BackgroundRunner(on_stop=pharmacy.close)
    win = MainWindow(pharmacy, runner, settings)
    # Not handed to qtbot: it would close the window before this fixture's teardown, and a
    # failed test's unsaved form would then wait on the "Save changes?" question forever.
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is win.search.box)
    yield win
    win.form.load(None)  # discard what the test left unsaved, so closing does not ask
    win.close()
    win.deleteLater()
    # Deleted now, with its timers: a search typed just before must not reach a stopped
    # worker (the cycle collector is off during UI tests, see above).
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    runner.stop()


@pytest.fixture
def pharmacist_window(
    qtbot: QtBot, pharmacy: Context, people: dict[str, int], settings: QSettings,
    db_path: Path, clock: FakeClock,
) -> Iterator[MainWindow]:  # fmt: skip
    """The window of 李 (li), a pharmacist, signed in on the same pharmacy."""
    accounts.add(pharmacy, "li", role="pharmacist", password="pharm-pw")
    li = vault.open_pharmacy(db_path, user="li", password="pharm-pw", clock=clock)
    runner = BackgroundRunner(on_stop=li.close)
    win = MainWindow(li, runner, settings)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.form.load(None)
    win.close()
    win.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    runner.stop()


def focused(timeout: float = 2.0) -> QWidget:
    """The widget with the keyboard focus. Window activation after a dialog closes is an
    asynchronous platform event, so this waits for it as a user's next keystroke would."""
    deadline = time.monotonic() + timeout
    while QApplication.focusWidget() is None and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.005)
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def type_text(qtbot: QtBot, text: str) -> None:
    """Type as a keyboard (or an input method, for Chinese) does: one key event each."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(focused(), char)
            continue
        # QTest maps only ASCII to keys; an input method delivers other text like this.
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(focused(), event)


def press(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    qtbot.keyClick(focused(), key, modifier)


def commit_import(qtbot: QtBot, wizard: QWizard) -> None:
    """Enter on an import wizard's Import button: only the button itself writes the batch."""
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    assert commit is not None
    commit.setFocus()
    press(qtbot, Qt.Key.Key_Return)


# Bumped after every test: a when_modal whose dialog never came stops polling then, rather
# than answering the next test's dialog with this test's handler.
_MODAL_TEST = [0]


@pytest.fixture(autouse=True)
def forget_unanswered_modals() -> Iterator[None]:
    yield
    _MODAL_TEST[0] += 1


def when_modal(qtbot: QtBot, handler: Callable[[QWidget], None]) -> list[BaseException]:
    """Run `handler` on the next modal dialog once it is shown (it runs its own event loop).
    Returns a list that holds any exception the handler raised, for the test to check."""
    errors: list[BaseException] = []
    test = _MODAL_TEST[0]
    # Called from inside a dialog, "the next modal" is the one it opens, never itself:
    # without this, a poll that ran before the inner box appeared handled the outer dialog.
    outer = QApplication.activeModalWidget()

    waited = [0]

    def poll() -> None:
        if _MODAL_TEST[0] != test:
            return
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog is outer or not dialog.isVisible():
            QTimer.singleShot(20, poll)
            return
        # Activation is an asynchronous platform event: keys typed before the dialog is
        # the active window go to the window behind it (this failed at random on a busy PC).
        if not dialog.isActiveWindow() and waited[0] < 100:
            waited[0] += 1
            dialog.activateWindow()
            QTimer.singleShot(20, poll)
            return
        try:
            handler(dialog)
        except BaseException as exc:
            errors.append(exc)
            dialog.close()

    QTimer.singleShot(20, poll)
    return errors


def wheel_down(widget: QWidget) -> None:
    """One notch of the mouse wheel, down, with the pointer over the middle of `widget`."""
    at = QPointF(widget.rect().center())
    event = QWheelEvent(
        at, QPointF(widget.mapToGlobal(at.toPoint())), QPoint(0, 0), QPoint(0, -120),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
        False,
    )  # fmt: skip
    QApplication.sendEvent(widget, event)
