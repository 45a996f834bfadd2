"""Backups in the window as the pharmacy meets them: back up now, restore from the menu and
from the unlock dialog of a damaged file, the check after unlocking, the exit and daily
backups, and the backup folder in the settings."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from pharmadesk import app
from pharmadesk.services import accounts, backups, customers, instance, vault
from pharmadesk.services.context import Context
from pharmadesk.ui import backup_actions
from pharmadesk.ui.backup_dialogs import RestoreDialog, TaskDialog
from pharmadesk.ui.main_window import LOCKED, OPEN, MainWindow
from pharmadesk.ui.settings_dialog import SettingsDialog
from pharmadesk.ui.start_dialogs import UnlockDialog
from pharmadesk.ui.tasks import BackgroundRunner
from tests.conftest import PASSWORD
from tests.unit.services.test_instance import holding_process
from tests.unit.ui.conftest import focused, press, type_text, when_modal

MakeWindow = Callable[..., MainWindow]


@pytest.fixture
def make_window(
    qtbot: QtBot, pharmacy: Context, people: dict[str, int], settings: QSettings
) -> Iterator[MakeWindow]:
    """The counter window as `app.run_window` wires it (`automatic=True`: with the exit and
    daily backups and the check after unlocking)."""
    made: list[tuple[MainWindow, BackgroundRunner]] = []

    def make(*, automatic: bool = False) -> MainWindow:
        holder: list[MainWindow] = []
        runner = BackgroundRunner(on_stop=lambda: holder[0].ctx.close_connection())
        win = MainWindow(pharmacy, runner, settings, automatic_backups=automatic)
        holder.append(win)
        made.append((win, runner))
        win.show()
        qtbot.waitExposed(win)
        win.activateWindow()
        return win

    yield make
    for win, runner in made:
        runner.wait_idle()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        win.backups.automatic = False  # a test that kept it open: no exit backup now
        if not win.locked:
            win.form.load(None)
        win.close()
        win.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        runner.stop()
        if win.ctx is not pharmacy:
            win.ctx.close()


def finished(dialog: QWidget) -> bool:
    return isinstance(dialog, TaskDialog) and not dialog.running


def button(dialog: QWidget, text: str) -> QPushButton:
    found = [b for b in dialog.findChildren(QPushButton) if b.text() == text and b.isVisible()]
    assert found, f"no {text!r} button in {[b.text() for b in dialog.findChildren(QPushButton)]}"
    return found[0]


def folder_of(ctx: Context) -> Path:
    return backups.backup_folder(ctx)


def names(ctx: Context) -> set[str]:
    return {c.name for c in customers.list_customers(ctx)}


def sign_in(qtbot: QtBot, window: MainWindow, user: str, password: str) -> None:
    screen = window.lock_screen
    qtbot.waitUntil(screen.password.isEnabled)
    screen.user.setText(user)
    screen.password.setFocus()
    type_text(qtbot, password)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.locked)


# --- back up now -----------------------------------------------------------------------------


def test_back_up_now_shows_where_the_checked_file_is(
    qtbot: QtBot, make_window: MakeWindow, pharmacy: Context
) -> None:
    window = make_window()
    shown: list[str] = []

    def read_and_close(dialog: QWidget) -> None:
        assert isinstance(dialog, TaskDialog)
        qtbot.waitUntil(lambda: finished(dialog))
        assert dialog.error is None
        shown.append(dialog.text.text())
        press(qtbot, Qt.Key.Key_Return)  # Close

    errors = when_modal(qtbot, read_and_close)
    window.act_backup.trigger()
    assert errors == []
    [text] = shown
    [made] = backups.list_backups(folder_of(pharmacy))
    assert str(made.path) in text
    assert "2 customer" in text
    assert made.path.is_file()
    assert made.counts["customer"] == 2
    assert made.reason == "manual"
    assert made.made_by == "owner"


def test_a_backup_folder_that_cannot_be_written_is_said_plainly(
    qtbot: QtBot, make_window: MakeWindow, pharmacy: Context, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    backups.set_backup_folder(pharmacy, usb)
    usb.rmdir()  # the drive was unplugged
    window = make_window()
    shown: list[str] = []

    def read_and_close(dialog: QWidget) -> None:
        assert isinstance(dialog, TaskDialog)
        qtbot.waitUntil(lambda: finished(dialog))
        shown.append(dialog.text.text())
        button(dialog, "Close").click()

    errors = when_modal(qtbot, read_and_close)
    window.act_backup.trigger()
    assert errors == []
    [text] = shown
    assert text.startswith("It did not work:")
    assert str(usb) in text
    assert "Traceback" not in text
    assert not usb.exists()
    assert not window.locked


def test_only_the_owner_may_restore(
    qtbot: QtBot, make_window: MakeWindow, pharmacy: Context
) -> None:
    accounts.add(pharmacy, "clerk", role="staff", password="clerk-pass-1")
    window = make_window()
    assert window.act_restore.isEnabled()
    window.lock()
    qtbot.waitUntil(lambda: window.state == LOCKED)
    sign_in(qtbot, window, "clerk", "clerk-pass-1")
    assert window.ctx.account.role == "staff"
    assert window.act_backup.isEnabled()
    assert not window.act_restore.isEnabled()
    assert "owner" in window.act_restore.toolTip()


# --- restore from the menu ----------------------------------------------------------------


def test_restoring_from_the_menu_brings_back_the_backup_and_keeps_the_data_it_replaced(
    qtbot: QtBot, make_window: MakeWindow, pharmacy: Context
) -> None:
    made = backups.make_backup(pharmacy, reason="manual")
    customers.create(pharmacy, {"name": "王五", "mobile": "13700002222"})
    assert "王五" in names(pharmacy)
    window = make_window()
    seen: list[str] = []

    def choose_and_restore(dialog: QWidget) -> None:
        assert isinstance(dialog, RestoreDialog)
        assert dialog.found.count() == 1
        assert dialog.chosen == made
        seen.append(dialog.preview.text())
        seen.append(dialog.warning.text())
        assert not dialog.restore_button.isEnabled()  # no password yet
        qtbot.waitUntil(lambda: focused() is dialog.password)
        type_text(qtbot, PASSWORD)
        press(qtbot, Qt.Key.Key_Return)

    errors = when_modal(qtbot, choose_and_restore)
    window.act_restore.trigger()
    assert errors == []
    preview, warning = seen
    assert "2 customer" in preview
    assert "owner" in preview
    assert "kept" in warning
    qtbot.waitUntil(lambda: "was restored" in window.lock_screen.message.text(), timeout=10_000)
    assert window.state == LOCKED
    kept = sorted(pharmacy.path.parent.glob("test.db.before-restore-*"))
    assert kept, "the replaced database is kept aside"
    assert str(kept[0].parent) in window.lock_screen.message.text()
    sign_in(qtbot, window, "owner", PASSWORD)
    assert names(window.ctx) == {"张三", "李四"}
    assert window.status_counts is not None


def test_a_wrong_password_is_said_in_the_restore_dialog_and_the_session_stays_open(
    qtbot: QtBot, make_window: MakeWindow, pharmacy: Context
) -> None:
    backups.make_backup(pharmacy, reason="manual")
    customers.create(pharmacy, {"name": "王五", "mobile": "13700002222"})
    window = make_window()
    seen: list[str] = []

    def restore_with_a_wrong_password(dialog: QWidget) -> None:
        assert isinstance(dialog, RestoreDialog)
        dialog.password.setFocus()
        type_text(qtbot, "not-the-password")
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(dialog.error.isVisible, timeout=10_000)
        seen.append(dialog.error.text())
        assert dialog.isVisible()
        assert window.state == OPEN  # the session was never closed
        assert focused() is dialog.password  # to type it again
        press(qtbot, Qt.Key.Key_Escape)

    errors = when_modal(qtbot, restore_with_a_wrong_password)
    window.act_restore.trigger()
    assert errors == []
    [text] = seen
    assert "Wrong user name or password" in text
    assert "Nothing was changed" in text
    assert window.state == OPEN
    assert list(pharmacy.path.parent.glob("*.before-restore-*")) == []
    assert list(pharmacy.path.parent.glob(".*.restore-*")) == []
    assert "王五" in names(window.ctx)


def test_after_a_wrong_password_the_right_one_restores_the_backup(
    qtbot: QtBot, make_window: MakeWindow, pharmacy: Context
) -> None:
    backups.make_backup(pharmacy, reason="manual")
    customers.create(pharmacy, {"name": "王五", "mobile": "13700002222"})
    window = make_window()

    def wrong_then_right(dialog: QWidget) -> None:
        assert isinstance(dialog, RestoreDialog)
        dialog.password.setFocus()
        type_text(qtbot, "not-the-password")
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(dialog.error.isVisible, timeout=10_000)
        type_text(qtbot, PASSWORD)  # the wrong one is selected: typing replaces it
        assert dialog.password.text() == PASSWORD
        press(qtbot, Qt.Key.Key_Return)

    errors = when_modal(qtbot, wrong_then_right)
    window.act_restore.trigger()
    assert errors == []
    qtbot.waitUntil(lambda: "was restored" in window.lock_screen.message.text(), timeout=10_000)
    sign_in(qtbot, window, "owner", PASSWORD)
    assert names(window.ctx) == {"张三", "李四"}


# --- restore from the unlock dialog of a damaged file ---------------------------------------


@pytest.mark.parametrize("held", [False, True], ids=["dialog alone", "held by the window"])
def test_the_unlock_dialog_of_a_damaged_file_offers_the_backups_and_restores_one(
    qtbot: QtBot, pharmacy: Context, people: dict[str, int], held: bool
) -> None:
    made = backups.make_backup(pharmacy, reason="exit")
    assert made.path.parent == backups.default_backup_folder(pharmacy.path)
    path = pharmacy.path
    pharmacy.close()
    path.write_bytes(bytes(range(256)) * (path.stat().st_size // 256))
    # `app.run_gui` holds the file from before the unlock dialog; the restore works under it.
    window_hold = instance.hold(path) if held else None
    dialog = UnlockDialog(path=path, unlock=lambda n, p: app.unlock_pharmacy(path, n, p))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: focused() is dialog.password)
    assert not dialog.restore_button.isVisible()  # nothing wrong is known yet
    type_text(qtbot, PASSWORD)
    press(qtbot, Qt.Key.Key_Return)
    assert "cannot be opened" in dialog.message.text()
    assert dialog.restore_button.isVisible()
    listed: list[int] = []

    def restore_the_listed_backup(restore: QWidget) -> None:
        assert isinstance(restore, RestoreDialog)
        listed.append(restore.found.count())
        assert restore.chosen == made
        restore.password.setFocus()
        type_text(qtbot, PASSWORD)
        restore.restore_button.click()

    errors = when_modal(qtbot, restore_the_listed_backup)
    dialog.restore_button.click()
    assert errors == []
    assert listed == [1]
    assert "was restored" in dialog.message.text()
    assert not dialog.restore_button.isVisible()
    assert list(path.parent.glob("test.db.before-restore-*")), "the damaged file is kept aside"
    qtbot.waitUntil(lambda: focused() is dialog.password)
    type_text(qtbot, PASSWORD)
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.context is not None
    try:
        assert names(dialog.context) == {"张三", "李四"}
    finally:
        dialog.context.close()
        if window_hold is not None:
            assert instance.held_here(path) is window_hold  # still the window's
            window_hold.release()


def test_at_start_up_a_wrong_password_is_said_in_the_restore_dialog(
    qtbot: QtBot, pharmacy: Context, people: dict[str, int]
) -> None:
    backups.make_backup(pharmacy, reason="exit")
    path = pharmacy.path
    pharmacy.close()
    path.write_bytes(b"\x00" * 4096)
    before = path.read_bytes()
    dialog = UnlockDialog(path=path, unlock=lambda n, p: app.unlock_pharmacy(path, n, p))
    qtbot.addWidget(dialog)
    said: list[str] = []

    def wrong_password(restore: QWidget) -> None:
        assert isinstance(restore, RestoreDialog)
        restore.password.setText("not-the-password")
        restore.restore_button.click()
        qtbot.waitUntil(restore.error.isVisible, timeout=10_000)
        said.append(restore.error.text())
        assert restore.isVisible()
        restore.reject()

    errors = when_modal(qtbot, wrong_password)
    dialog.restore_button.click()
    assert errors == []
    [text] = said
    assert "Wrong user name or password" in text
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir() if "restore" in p.name] == []


def test_a_restore_at_start_up_waits_for_another_copy_that_holds_the_file(
    qtbot: QtBot, pharmacy: Context, people: dict[str, int]
) -> None:
    backups.make_backup(pharmacy, reason="exit")
    path = pharmacy.path
    pharmacy.close()
    path.write_bytes(b"")
    before = path.read_bytes()
    other = holding_process(path)  # another copy of PharmaDesk, still running
    dialog = UnlockDialog(path=path, unlock=lambda n, p: app.unlock_pharmacy(path, n, p))
    qtbot.addWidget(dialog)
    told: list[list[str]] = []

    def restore(restore: QWidget) -> None:
        assert isinstance(restore, RestoreDialog)
        restore.password.setText(PASSWORD)
        told.append(when_modal_text(qtbot))  # the box that follows the choice
        restore.restore_button.click()

    errors = when_modal(qtbot, restore)
    try:
        dialog.restore_button.click()
    finally:
        other.communicate("\n", timeout=30)
    assert errors == []
    [[text]] = told
    assert "in use" in text or "open in another" in text
    assert path.read_bytes() == before
    assert list(path.parent.glob("*.before-restore-*")) == []


def when_modal_text(qtbot: QtBot) -> list[str]:
    """The text of the next message box, which is then closed."""
    seen: list[str] = []

    def read(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.accept()

    when_modal(qtbot, read)
    return seen


def test_a_file_that_is_not_a_backup_is_refused_in_the_preview(
    qtbot: QtBot, tmp_path: Path
) -> None:
    stray = tmp_path / "holiday.pdbackup"
    stray.write_bytes(b"PK\x03\x04 not really")
    dialog = RestoreDialog(folders=[tmp_path / "none"], user="owner")
    qtbot.addWidget(dialog)
    assert "No backups found" in dialog.preview.text()
    dialog.choose_file(stray)
    assert dialog.chosen is None
    assert dialog.preview.text()
    assert not dialog.restore_button.isEnabled()


# --- the check after unlocking, the daily and the exit backups ------------------------------


def test_a_problem_found_after_unlocking_is_shown_and_restore_is_offered(
    qtbot: QtBot, make_window: MakeWindow, pharmacy: Context
) -> None:
    pharmacy.db.execute_sql("UPDATE audit_event SET details = '{\"edited\": 1}' WHERE id = 1")
    shown: list[str] = []

    def read_and_close(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        shown.append(box.text())
        assert button(box, "Restore from backup…")
        button(box, "Close").click()

    errors = when_modal(qtbot, read_and_close)
    window = make_window(automatic=True)
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert errors == []
    assert "audit log" in shown[0]
    window.backups.wait_idle()
    # A file with a problem is not backed up over the good backups on its own.
    assert backups.list_backups(folder_of(pharmacy)) == []


def test_when_the_checks_pass_a_due_daily_backup_is_made(
    qtbot: QtBot, make_window: MakeWindow, pharmacy: Context
) -> None:
    window = make_window(automatic=True)
    qtbot.waitUntil(lambda: bool(backups.list_backups(folder_of(pharmacy))), timeout=10_000)
    window.backups.wait_idle()  # the file appears before its time is recorded
    [made] = backups.list_backups(folder_of(pharmacy))
    assert made.reason == "daily"
    assert not backups.backup_due(pharmacy, pharmacy.now())
    assert not window.backups.warning.isVisible()


def test_closing_the_window_makes_an_exit_backup(
    qtbot: QtBot, make_window: MakeWindow, pharmacy: Context
) -> None:
    window = make_window(automatic=True)
    qtbot.waitUntil(lambda: bool(backups.list_backups(folder_of(pharmacy))), timeout=10_000)
    window.backups.wait_idle()
    customers.create(pharmacy, {"name": "王五", "mobile": "13700002222"})
    window.close()
    assert not window.isVisible()
    reasons = [b.reason for b in backups.list_backups(folder_of(pharmacy))]
    assert reasons[0] == "exit"
    assert window.backups.exit_backup is not None
    assert window.backups.exit_backup.counts["customer"] == 3


def test_a_failed_exit_backup_says_so_and_still_lets_the_user_quit(
    qtbot: QtBot, make_window: MakeWindow, pharmacy: Context, tmp_path: Path
) -> None:
    window = make_window()
    usb = tmp_path / "usb"
    usb.mkdir()
    backups.set_backup_folder(pharmacy, usb)
    usb.rmdir()  # the drive was unplugged
    window.backups.automatic = True
    shown: list[str] = []

    def stay_then(choice: str) -> Callable[[QWidget], None]:
        def handle(dialog: QWidget) -> None:
            assert isinstance(dialog, TaskDialog)
            qtbot.waitUntil(lambda: finished(dialog))
            shown.append(dialog.text.text())
            button(dialog, choice).click()

        return handle

    errors = when_modal(qtbot, stay_then("Stay open"))
    window.close()
    assert errors == []
    assert window.isVisible()
    errors = when_modal(qtbot, stay_then("Quit anyway"))
    window.close()
    assert errors == []
    assert not window.isVisible()
    assert all("did not work" in text for text in shown)
    assert len(shown) == 2


# --- the settings ----------------------------------------------------------------------------


def test_the_owner_chooses_the_backup_folder_and_sees_the_last_backup(
    qtbot: QtBot, pharmacy: Context, settings: QSettings, tmp_path: Path
) -> None:
    made = backups.make_backup(pharmacy, reason="manual")
    usb = tmp_path / "usb"
    usb.mkdir()
    dialog = SettingsDialog(settings, ctx=pharmacy)
    qtbot.addWidget(dialog)
    last = dialog.findChild(QLabel, "lastBackup")
    assert last is not None
    assert made.path.name in last.text()
    assert dialog.choose_folder.isEnabled()
    dialog.backup_folder.setText(str(usb))
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    box.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert backups.backup_folder(pharmacy) == usb


def test_others_see_the_backup_folder_but_cannot_change_it(
    qtbot: QtBot, pharmacy: Context, settings: QSettings
) -> None:
    accounts.add(pharmacy, "chemist", role="pharmacist", password="chemist-pass-1")
    ctx = vault.open_pharmacy(pharmacy.path, user="chemist", password="chemist-pass-1")
    try:
        dialog = SettingsDialog(settings, ctx=ctx)
        qtbot.addWidget(dialog)
        assert dialog.backup_folder.text() == str(backups.backup_folder(ctx))
        assert dialog.backup_folder.isReadOnly()
        assert not dialog.choose_folder.isEnabled()
        assert "No backup yet" in dialog.last_backup.text()
    finally:
        ctx.close()


def test_the_counter_answers_while_the_start_up_check_runs(
    qtbot: QtBot, make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a large pharmacy the check reads the whole file for a minute: searches go on."""
    release, started = threading.Event(), threading.Event()

    def slow_check(ctx: Context) -> None:
        started.set()
        release.wait(20)

    monkeypatch.setattr(backup_actions, "first_problem", slow_check)
    window = make_window(automatic=True)
    qtbot.waitUntil(started.is_set, timeout=5000)
    answered: list[object] = []
    window._runner.submit(lambda: customers.list_customers(window.ctx), answered.append)
    qtbot.waitUntil(lambda: bool(answered), timeout=5000)
    assert {c.name for c in answered[0]} >= {"张三", "李四"}  # type: ignore[attr-defined]
    assert window.backups.housekeeping_busy()
    release.set()
    window.backups.wait_idle()


def test_locking_stops_the_daily_backup_and_keeps_no_part_of_it(
    qtbot: QtBot, make_window: MakeWindow, pharmacy: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    copying, locked = threading.Event(), threading.Event()
    real = backups.make_backup

    def slow_backup(ctx: Context, folder: Path | None = None, **kwargs: Any) -> Any:
        progress = kwargs.pop("progress")

        def step(done: int, total: int) -> None:
            copying.set()
            locked.wait(10)  # the window locks while the copy is under way
            progress(done, total)

        return real(ctx, folder, progress=step, **kwargs)

    monkeypatch.setattr(backups, "make_backup", slow_backup)
    window = make_window(automatic=True)
    qtbot.waitUntil(copying.is_set, timeout=10_000)
    window.lock()
    locked.set()
    qtbot.waitUntil(lambda: window.state == LOCKED, timeout=10_000)
    assert not window.backups.housekeeping_busy()
    assert not window.backups.warning.isVisible()  # stopped on purpose: no failure shown
    assert backups.list_backups(folder_of(pharmacy)) == []
    assert [p.name for p in folder_of(pharmacy).iterdir()] == []
