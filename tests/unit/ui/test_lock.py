"""Locking the counter window: by idle time (an injected clock), by Ctrl+L, with jobs and
dialogs open; after the lock no widget or model holds a customer and the database is
closed; the same or another user signs in from the lock screen."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from pharmadesk.db.models import Customer
from pharmadesk.services import accounts
from pharmadesk.services.context import Context
from pharmadesk.ui.main_window import LOCKED, LOCKING, MainWindow
from pharmadesk.ui.tasks import BackgroundRunner
from tests.conftest import PASSWORD, FakeClock
from tests.unit.ui.conftest import focused, press, type_text, when_modal
from tests.unit.ui.test_reminders_in_main_window import due_customer

CTRL = Qt.KeyboardModifier.ControlModifier
# What the `people` fixture put on file: names, mobiles, an allergy.
TRACES = ("张三", "李四", "13812345678", "13900001111", "青霉素")
IDLE_LIMIT = 3 * 60  # the default auto-lock time


class Seconds:
    """The idle watch's clock, moved by hand."""

    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def idle_clock() -> Seconds:
    return Seconds()


@pytest.fixture
def window(
    qtbot: QtBot,
    pharmacy: Context,
    people: dict[str, int],
    settings: QSettings,
    idle_clock: Seconds,
) -> Iterator[MainWindow]:
    """The counter window wired as `app.run_window` wires it: the worker closes the
    connection of whichever session is signed in when it stops."""
    made: list[MainWindow] = []
    runner = BackgroundRunner(on_stop=lambda: made[0].ctx.close_connection())
    win = MainWindow(pharmacy, runner, settings, idle_clock=idle_clock)
    made.append(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is win.search.box)
    yield win
    if not win.locked:
        win.form.load(None)  # what the test left unsaved must not be asked about
    win.close()
    win.deleteLater()
    # Deleted now, with its timers: a search typed just before must not run on a stopped
    # worker (the collector, which used to free it sooner, is off during UI tests).
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    runner.stop()
    if win.ctx is not pharmacy:
        win.ctx.close()


def wait_locked(qtbot: QtBot, window: MainWindow) -> None:
    """Until the lock is complete and what it dropped is really gone."""
    qtbot.waitUntil(lambda: window.state == LOCKED)
    window._runner.wait_idle()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


def customer_traces() -> list[str]:
    """Every widget text and item-model cell that shows one of the known customers."""
    found: list[str] = []
    models: dict[int, QAbstractItemModel] = {}
    for widget in QApplication.allWidgets():
        for text in widget_texts(widget):
            if any(trace in text for trace in TRACES):
                found.append(f"{type(widget).__name__} {widget.objectName()!r}: {text!r}")
        if isinstance(widget, QAbstractItemView | QComboBox) and widget.model() is not None:
            models[id(widget.model())] = widget.model()
    for obj in gc.get_objects():
        if isinstance(obj, QAbstractItemModel) and shiboken6.isValid(obj):
            models[id(obj)] = obj
    for model in models.values():
        found += [f"{type(model).__name__}: {cell!r}" for cell in model_cells(model)]
    return found


def widget_texts(widget: QWidget) -> list[str]:
    texts = [widget.windowTitle(), widget.toolTip()]
    if isinstance(widget, QLineEdit | QLabel | QAbstractButton):
        texts.append(widget.text())
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        texts.append(widget.toPlainText())
    if isinstance(widget, QComboBox):
        texts.append(widget.currentText())
    return texts


def model_cells(model: QAbstractItemModel) -> list[str]:
    cells = []
    for row in range(min(model.rowCount(QModelIndex()), 500)):
        for column in range(model.columnCount(QModelIndex())):
            value = model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)
            if isinstance(value, str) and any(trace in value for trace in TRACES):
                cells.append(value)
    return cells


def connection_closed_everywhere(window: MainWindow, ctx: Context) -> bool:
    """The GUI thread's connection and the worker thread's are both closed."""
    seen: list[bool] = []
    window._runner.submit(ctx.db.is_closed, seen.append)
    window._runner.wait_idle()
    return ctx.db.is_closed() and seen == [True]


def show_customers_everywhere(qtbot: QtBot, window: MainWindow, people: dict[str, int]) -> None:
    """张三 on the profile, 李四's purchase in All purchases, a search result listed."""
    window.open_customer(people["张三"])
    window.show_all_purchases()
    others = window.tools.all_purchases
    assert others is not None
    qtbot.waitUntil(lambda: others.model.rowCount() == 1)
    window.activateWindow()
    window.search.focus_box()
    type_text(qtbot, "1390000")
    qtbot.waitUntil(lambda: window.search.model.rowCount() == 1)
    # The check must be able to find what it looks for.
    assert any("张三" in trace for trace in customer_traces())
    assert any("李四" in trace for trace in customer_traces())


def sign_in(qtbot: QtBot, window: MainWindow, user: str, password: str) -> None:
    screen = window.lock_screen
    qtbot.waitUntil(screen.password.isEnabled)
    screen.user.setFocus()
    screen.user.selectAll()
    type_text(qtbot, user)
    press(qtbot, Qt.Key.Key_Return)  # on to the password
    assert focused() is screen.password
    type_text(qtbot, password)
    press(qtbot, Qt.Key.Key_Return)


# --- locking ----------------------------------------------------------------------------


def test_after_the_idle_time_the_window_locks_and_shows_no_customer(
    qtbot: QtBot,
    window: MainWindow,
    people: dict[str, int],
    pharmacy: Context,
    idle_clock: Seconds,
) -> None:
    show_customers_everywhere(qtbot, window, people)
    window.show_dashboard()  # owner: charts of the same customers
    qtbot.waitUntil(lambda: QApplication.activeWindow() is not None)
    assert window.idle_watch.is_running()
    idle_clock.now += IDLE_LIMIT - 1
    window.idle_watch.check()
    assert not window.locked
    idle_clock.now += 2
    window.idle_watch.check()
    assert window.locked
    assert window.stack.currentWidget() is window.lock_screen
    wait_locked(qtbot, window)
    assert customer_traces() == []
    assert connection_closed_everywhere(window, pharmacy)
    assert window.lock_screen.isVisible()
    assert window.lock_screen.user.text() == "owner"
    assert not window.menuBar().isVisible()
    assert [a.objectName() for a in window.actions() if a.isEnabled()] == ["actionQuit"]


def test_any_input_puts_the_idle_lock_off(
    qtbot: QtBot, window: MainWindow, idle_clock: Seconds
) -> None:
    idle_clock.now += IDLE_LIMIT - 10
    type_text(qtbot, "1")
    idle_clock.now += 20
    window.idle_watch.check()
    assert not window.locked


def test_ctrl_l_locks_at_once_and_closes_the_database(
    qtbot: QtBot, window: MainWindow, people: dict[str, int], pharmacy: Context
) -> None:
    show_customers_everywhere(qtbot, window, people)
    window.activateWindow()
    qtbot.keyClick(focused(), Qt.Key.Key_L, CTRL)
    assert window.locked
    wait_locked(qtbot, window)
    assert customer_traces() == []
    assert connection_closed_everywhere(window, pharmacy)
    assert focused() is window.lock_screen.password


def test_the_same_user_unlocks_and_works_on(
    qtbot: QtBot, window: MainWindow, people: dict[str, int], pharmacy: Context
) -> None:
    window.open_customer(people["张三"])
    press(qtbot, Qt.Key.Key_L, CTRL)
    wait_locked(qtbot, window)
    sign_in(qtbot, window, "owner", PASSWORD)
    assert not window.locked
    assert window.ctx is not pharmacy
    assert window.ctx.account.name == "owner"
    assert window.customer_id is None  # the lock let go of the customer shown
    assert focused() is window.search.box
    type_text(qtbot, "5678")
    qtbot.waitUntil(lambda: window.search.model.rowCount() == 1)
    qtbot.waitUntil(lambda: "signed in as owner" in window.status_counts.text())
    assert window.act_charts.isEnabled()


def test_another_user_signs_in_and_the_window_follows_the_staff_role(
    qtbot: QtBot, window: MainWindow, people: dict[str, int], pharmacy: Context
) -> None:
    accounts.add(pharmacy, "clerk", role="staff", password="clerk-pass-1")
    press(qtbot, Qt.Key.Key_L, CTRL)
    wait_locked(qtbot, window)
    sign_in(qtbot, window, "clerk", "clerk-pass-1")
    assert not window.locked
    assert (window.ctx.account.name, window.ctx.account.role) == ("clerk", "staff")
    for action in (window.act_charts, window.act_export, window.act_fields,
                   window.act_accounts, window.act_audit):  # fmt: skip
        assert not action.isEnabled(), action.objectName()
        assert action.toolTip().startswith("Only the owner"), action.objectName()
    assert window.act_password.isEnabled()
    assert window.act_import.isEnabled()
    from pharmadesk.ui.dashboard import DashboardWindow

    window.show_dashboard()
    assert window.findChild(DashboardWindow) is None
    # Health data is not the staff role's, and the worker now works for the clerk.
    type_text(qtbot, "5678")
    qtbot.waitUntil(lambda: window.search.model.rowCount() == 1)
    press(qtbot, Qt.Key.Key_Return)
    assert window.customer_id == people["张三"]
    assert not window.panel.banner.isVisibleTo(window)
    assert "allergies" not in window.form.current()
    qtbot.waitUntil(lambda: "signed in as clerk" in window.status_counts.text())


def test_a_pharmacist_gets_the_dashboard_and_the_export_but_not_the_owner_s_tools(
    qtbot: QtBot, window: MainWindow, pharmacy: Context
) -> None:
    accounts.add(pharmacy, "药师", role="pharmacist", password="pharma-pass-1")
    window.lock()
    wait_locked(qtbot, window)
    window.lock_screen.user.setText("药师")
    window.lock_screen.password.setText("pharma-pass-1")
    window.lock_screen.try_unlock()
    assert window.ctx.account.role == "pharmacist"
    assert window.act_charts.isEnabled()
    assert window.act_export.isEnabled()
    assert not window.act_accounts.isEnabled()
    assert not window.act_audit.isEnabled()
    assert not window.act_fields.isEnabled()
    assert window.form.editor("allergies") is not None


def test_wrong_passwords_and_the_wait_they_cause_are_shown_on_the_lock_screen(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    window.lock()
    wait_locked(qtbot, window)
    screen = window.lock_screen
    for _ in range(4):
        sign_in(qtbot, window, "owner", "wrong")
        assert "Wrong user name or password" in screen.message.text()
        assert window.locked
    sign_in(qtbot, window, "owner", "wrong")
    assert "Too many wrong passwords. Try again in 30 s." in screen.message.text()
    clock.advance(seconds=10)
    sign_in(qtbot, window, "owner", PASSWORD)  # right, but the wait is not over
    assert window.locked
    assert "Try again in 20 s." in screen.message.text()
    clock.advance(seconds=21)
    sign_in(qtbot, window, "owner", PASSWORD)
    assert not window.locked


# --- what is open when the lock comes ---------------------------------------------------


def test_ctrl_l_with_unsaved_changes_asks_first_and_cancel_keeps_working(
    qtbot: QtBot, window: MainWindow, people: dict[str, int]
) -> None:
    window.open_customer(people["李四"])
    window.form.editor("address").setFocus()
    type_text(qtbot, "文三路9号")

    def cancel(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        dialog.button(QMessageBox.StandardButton.Cancel).click()

    errors = when_modal(qtbot, cancel)
    press(qtbot, Qt.Key.Key_L, CTRL)
    assert errors == []
    assert not window.locked
    assert window.form.is_dirty()


def _idle_lock_with_unsaved(qtbot: QtBot, window: MainWindow, idle_clock: Seconds) -> None:
    window.form.editor("address").setFocus()
    type_text(qtbot, "文三路9号")
    idle_clock.now += IDLE_LIMIT
    window.idle_watch.check()
    wait_locked(qtbot, window)
    assert customer_traces() == []  # nothing of it on the screen while locked


def _sign_in_reading_notes(qtbot: QtBot, window: MainWindow, user: str) -> list[str]:
    told: list[str] = []

    def read(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        told.append(dialog.text())
        dialog.accept()

    errors = when_modal(qtbot, read)
    sign_in(qtbot, window, user, PASSWORD)
    assert errors == []
    return told


def test_an_idle_lock_gives_the_unsaved_form_back_to_whoever_typed_it(
    qtbot: QtBot, window: MainWindow, people: dict[str, int], idle_clock: Seconds
) -> None:
    window.open_customer(people["李四"])
    _idle_lock_with_unsaved(qtbot, window, idle_clock)
    [note] = _sign_in_reading_notes(qtbot, window, "owner")
    assert "it is back as it was" in note
    assert window.customer_id == people["李四"]
    assert window.form.editor("address").text() == "文三路9号"  # type: ignore[attr-defined]
    assert window.form.is_dirty()
    assert Customer.get_by_id(people["李四"]).address is None  # still not saved
    press(qtbot, Qt.Key.Key_S, CTRL)
    assert Customer.get_by_id(people["李四"]).address == "文三路9号"


def test_a_new_customer_typed_before_the_lock_comes_back_too(
    qtbot: QtBot, window: MainWindow, idle_clock: Seconds
) -> None:
    press(qtbot, Qt.Key.Key_N, CTRL)
    type_text(qtbot, "赵六")
    _idle_lock_with_unsaved(qtbot, window, idle_clock)
    _sign_in_reading_notes(qtbot, window, "owner")
    assert window.customer_id is None
    assert window.form.editor("name").text() == "赵六"  # type: ignore[attr-defined]


def test_someone_else_signing_in_is_told_the_form_was_not_saved(
    qtbot: QtBot, window: MainWindow, pharmacy: Context, people: dict[str, int],
    idle_clock: Seconds,
) -> None:  # fmt: skip
    accounts.add(pharmacy, "clerk", role="staff", password=PASSWORD)
    window.open_customer(people["李四"])
    _idle_lock_with_unsaved(qtbot, window, idle_clock)
    [note] = _sign_in_reading_notes(qtbot, window, "clerk")
    assert "unsaved changes to 李四" in note
    assert window.customer_id is None
    assert "文三路9号" not in window.form.editor("address").text()  # type: ignore[attr-defined]
    assert Customer.get_by_id(people["李四"]).address is None


def test_a_dialog_open_at_the_idle_lock_closes_without_saving(
    qtbot: QtBot, window: MainWindow, people: dict[str, int], idle_clock: Seconds
) -> None:
    window.open_customer(people["李四"])

    def walk_away(dialog: QWidget) -> None:
        type_text(qtbot, "问降压药")
        idle_clock.now += IDLE_LIMIT
        window.idle_watch.check()  # the lock comes while the dialog runs

    errors = when_modal(qtbot, walk_away)
    press(qtbot, Qt.Key.Key_I, CTRL)  # log an interaction
    assert errors == []
    assert window.locked
    wait_locked(qtbot, window)
    assert QApplication.activeModalWidget() is None
    assert customer_traces() == []
    told: list[str] = []

    def read(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        told.append(dialog.text())
        dialog.accept()

    errors = when_modal(qtbot, read)
    sign_in(qtbot, window, "owner", PASSWORD)
    assert errors == []
    assert told == ["An interaction being entered was not saved."]


@pytest.mark.parametrize("key", [Qt.Key.Key_I, Qt.Key.Key_P])
def test_a_dialog_left_empty_at_the_lock_is_not_reported_as_lost(
    qtbot: QtBot, window: MainWindow, people: dict[str, int], idle_clock: Seconds, key: Qt.Key
) -> None:
    window.open_customer(people["李四"])

    def walk_away(dialog: QWidget) -> None:
        idle_clock.now += IDLE_LIMIT
        window.idle_watch.check()

    errors = when_modal(qtbot, walk_away)
    press(qtbot, key, CTRL)
    assert errors == []
    assert window.locked
    assert window._notes == []


def test_a_running_job_keeps_the_database_open_until_it_ends(
    qtbot: QtBot, window: MainWindow, people: dict[str, int], pharmacy: Context
) -> None:
    release = threading.Event()
    window._runner.submit(lambda: release.wait(10), lambda _: None)  # an export, say
    window.open_customer(people["张三"])
    press(qtbot, Qt.Key.Key_L, CTRL)
    assert window.state == LOCKING
    assert window.stack.currentWidget() is window.lock_screen  # the screen is safe at once
    qtbot.wait(3 * 50)
    assert window.state == LOCKING
    assert "Finishing a task" in window.lock_screen.message.text()
    assert not window.lock_screen.unlock_button.isEnabled()
    assert not pharmacy.db.is_closed()
    release.set()
    wait_locked(qtbot, window)
    assert connection_closed_everywhere(window, pharmacy)
    assert window.lock_screen.unlock_button.isEnabled()
    assert "Finishing" not in window.lock_screen.message.text()


# --- the owner's tools ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("action", "module", "dialog"),
    [
        ("act_accounts", "pharmadesk.ui.accounts_dialog", "AccountsDialog"),
        ("act_password", "pharmadesk.ui.accounts_dialog", "ChangePasswordDialog"),
        ("act_audit", "pharmadesk.ui.audit_viewer", "AuditLogDialog"),
    ],
)
def test_the_owner_s_menu_opens_accounts_password_and_audit_log(
    qtbot: QtBot, window: MainWindow, action: str, module: str, dialog: str
) -> None:
    pytest.importorskip(module)  # built alongside; absent until it lands
    seen: list[str] = []

    def close(shown: QWidget) -> None:
        seen.append(type(shown).__name__)
        shown.close()

    errors = when_modal(qtbot, close)
    getattr(window, action).trigger()
    assert errors == []
    assert seen == [dialog]


def test_a_note_of_several_lines_is_shown_whole(qtbot: QtBot) -> None:
    from pharmadesk.ui.lock_screen import CARD_MARGIN, CARD_WIDTH, LockScreen

    screen = LockScreen()
    qtbot.addWidget(screen)
    screen.resize(1000, 700)
    screen.show()
    qtbot.waitExposed(screen)
    screen.present(pharmacy="Demo", file_name="demo.db", user="owner")
    note = ("已恢复 2026-12-02 01:21 的备份。\n被替换的数据保存在 /tmp/look/demo.db.before-"
            "restore-20261202-012239。\n请登录恢复后的药房。")  # fmt: skip
    screen.show_message(note, error=False)  # as after a restore: the card is laid out by now
    qtbot.wait(50)
    needed = screen.message.heightForWidth(CARD_WIDTH - 2 * CARD_MARGIN)
    assert needed > screen.message.fontMetrics().height() * 2  # several lines
    assert screen.message.height() >= needed


def test_locking_closes_the_reminders_window_with_its_names(
    qtbot: QtBot, window: MainWindow, pharmacy: Context, clock: FakeClock
) -> None:
    due_customer(pharmacy, clock)
    window.show_reminders()
    reminders = window.tools.reminders
    assert reminders is not None
    qtbot.waitUntil(lambda: reminders.refills.model.rowCount() == 1, timeout=5000)
    window.lock()
    wait_locked(qtbot, window)
    assert window.tools.reminders is None
    assert not [trace for trace in customer_traces() if "张三丰" in trace]
