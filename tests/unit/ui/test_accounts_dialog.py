"""Tools > Accounts… and Change my password…, driven as the owner and a pharmacist do it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from pharmadesk.errors import AuthenticationError
from pharmadesk.services import accounts, settings, vault
from pharmadesk.services.context import Context
from pharmadesk.ui.accounts_dialog import (
    AccountsDialog,
    AddAccountDialog,
    ChangePasswordDialog,
    RecoveryCodeDialog,
    RoleDialog,
    SetPasswordDialog,
)
from tests.conftest import PASSWORD, FakeClock
from tests.unit.ui.conftest import when_modal

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def dialog(qtbot: QtBot, pharmacy: Context) -> Iterator[AccountsDialog]:
    accounts.add(pharmacy, "li", role="pharmacist", password="pharm-pw")
    shown = AccountsDialog(pharmacy)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def _select(dialog: AccountsDialog, name: str) -> None:
    dialog.table.selectRow(dialog.model.row_of(name))


def _roles(ctx: Context) -> dict[str, tuple[str, bool]]:
    return {a.name: (a.role, a.active) for a in accounts.list_accounts(ctx)}


def _click_in_box(text: str) -> None:
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox), box
    button = next(b for b in box.buttons() if b.text().replace("&", "") == text)
    button.click()


def _run_modal(qtbot: QtBot, trigger: QPushButton, handler: object) -> None:
    errors = when_modal(qtbot, handler)  # type: ignore[arg-type]
    qtbot.mouseClick(trigger, LEFT)
    assert not errors, errors


def test_add_an_account_that_can_then_sign_in(
    qtbot: QtBot, dialog: AccountsDialog, pharmacy: Context, db_path: Path, clock: FakeClock
) -> None:
    def fill(form: QWidget) -> None:
        assert isinstance(form, AddAccountDialog)
        assert not form.ok.isEnabled()
        qtbot.keyClicks(form.name, "wang")
        form.role.setCurrentIndex(form.role.findData("staff"))
        qtbot.keyClicks(form.pair.password, "staff-pw")
        qtbot.keyClicks(form.pair.repeat, "staff-p")
        assert "differ" in form.hint.text()
        assert not form.ok.isEnabled()
        qtbot.keyClicks(form.pair.repeat, "w")
        assert form.ok.isEnabled()
        qtbot.keyClick(form.pair.repeat, Qt.Key.Key_Return)

    _run_modal(qtbot, dialog.buttons["add"], fill)
    assert _roles(pharmacy)["wang"] == ("staff", True)
    assert dialog.selected() is not None
    assert dialog.selected().name == "wang"
    assert "wang" in dialog.message.text()
    signed_in = vault.open_pharmacy(db_path, user="wang", password="staff-pw", clock=clock)
    assert signed_in.account.role == "staff"
    signed_in.close()


def test_a_refused_account_keeps_the_form_open_with_the_reason(
    qtbot: QtBot, dialog: AccountsDialog, pharmacy: Context
) -> None:
    seen: list[str] = []

    def fill(form: QWidget) -> None:
        assert isinstance(form, AddAccountDialog)
        qtbot.keyClicks(form.name, "li")
        qtbot.keyClicks(form.pair.password, "abc")
        qtbot.keyClicks(form.pair.repeat, "abc")
        qtbot.mouseClick(form.ok, LEFT)
        seen.append(form.message.text())
        assert form.isVisible(), "a refused form stays open with what was typed"
        assert form.name.text() == "li"
        form.pair.password.setText("longer-pw")
        form.pair.repeat.setText("longer-pw")
        qtbot.mouseClick(form.ok, LEFT)
        seen.append(form.message.text())
        qtbot.keyClick(form, Qt.Key.Key_Escape)

    _run_modal(qtbot, dialog.buttons["add"], fill)
    assert seen == [
        "A password needs at least 4 characters.",
        "An account named li already exists.",
    ]
    assert sorted(_roles(pharmacy)) == ["li", "owner"]


def test_change_the_role_and_set_a_password(
    qtbot: QtBot, dialog: AccountsDialog, pharmacy: Context, db_path: Path, clock: FakeClock
) -> None:
    _select(dialog, "li")

    def owner_role(form: QWidget) -> None:
        assert isinstance(form, RoleDialog)
        assert form.role.currentData() == "pharmacist"
        form.role.setCurrentIndex(form.role.findData("owner"))
        qtbot.mouseClick(form.ok, LEFT)

    _run_modal(qtbot, dialog.buttons["role"], owner_role)
    assert _roles(pharmacy)["li"] == ("owner", True)
    assert dialog.model.data(dialog.model.index(dialog.model.row_of("li"), 1)) == "Owner"

    def new_password(form: QWidget) -> None:
        assert isinstance(form, SetPasswordDialog)
        qtbot.keyClicks(form.pair.password, "fresh-pw")
        qtbot.keyClicks(form.pair.repeat, "fresh-pw")
        qtbot.mouseClick(form.ok, LEFT)

    _run_modal(qtbot, dialog.buttons["password"], new_password)
    assert "li has a new password" in dialog.message.text()
    vault.open_pharmacy(db_path, user="li", password="fresh-pw", clock=clock).close()
    with pytest.raises(AuthenticationError):
        vault.open_pharmacy(db_path, user="li", password="pharm-pw", clock=clock)


def test_remove_asks_first_then_the_account_is_greyed_and_cannot_sign_in(
    qtbot: QtBot, dialog: AccountsDialog, pharmacy: Context, db_path: Path, clock: FakeClock
) -> None:
    _select(dialog, "owner")
    assert not dialog.buttons["remove"].isEnabled(), "not the account signed in"
    _select(dialog, "li")
    _run_modal(qtbot, dialog.buttons["remove"], lambda box: _click_in_box("Cancel"))
    assert _roles(pharmacy)["li"] == ("pharmacist", True)
    _run_modal(qtbot, dialog.buttons["remove"], lambda box: _click_in_box("Remove"))
    assert _roles(pharmacy)["li"] == ("pharmacist", False)
    row = dialog.model.row_of("li")
    assert dialog.model.data(dialog.model.index(row, 2)) == "Removed"
    grey = dialog.model.data(dialog.model.index(row, 0), Qt.ItemDataRole.ForegroundRole)
    assert grey is not None
    assert grey.color().name() == "#8a8a8a"
    assert not dialog.buttons["role"].isEnabled()
    assert not dialog.buttons["remove"].isEnabled()
    with pytest.raises(AuthenticationError):
        vault.open_pharmacy(db_path, user="li", password="pharm-pw", clock=clock)


def test_the_last_owner_cannot_lose_the_role_and_the_dialog_says_so(
    qtbot: QtBot, dialog: AccountsDialog, pharmacy: Context
) -> None:
    _select(dialog, "owner")
    seen: list[str] = []

    def demote(form: QWidget) -> None:
        assert isinstance(form, RoleDialog)
        form.role.setCurrentIndex(form.role.findData("staff"))
        qtbot.mouseClick(form.ok, LEFT)
        seen.append(form.message.text())
        form.reject()

    _run_modal(qtbot, dialog.buttons["role"], demote)
    assert seen == ["The pharmacy must keep at least one owner account."]
    assert _roles(pharmacy)["owner"] == ("owner", True)


def test_lift_the_wait_of_an_account_that_typed_wrong_passwords(
    qtbot: QtBot, pharmacy: Context, db_path: Path, clock: FakeClock
) -> None:
    accounts.add(pharmacy, "li", role="pharmacist", password="pharm-pw")
    for _ in range(5):
        with pytest.raises(AuthenticationError):
            vault.open_pharmacy(db_path, user="li", password="wrong", clock=clock)
    dialog = AccountsDialog(pharmacy)
    qtbot.addWidget(dialog)
    dialog.show()
    row = dialog.model.row_of("li")
    assert dialog.model.data(dialog.model.index(row, 3)) == 5
    assert dialog.model.data(dialog.model.index(row, 4)) == "2026-11-20 10:00:30"
    _select(dialog, "owner")
    assert not dialog.buttons["lift"].isEnabled()
    _select(dialog, "li")
    qtbot.mouseClick(dialog.buttons["lift"], LEFT)
    assert "li may try to sign in again now" in dialog.message.text()
    assert dialog.model.data(dialog.model.index(row, 3)) == ""
    assert not dialog.buttons["lift"].isEnabled()
    vault.open_pharmacy(db_path, user="li", password="pharm-pw", clock=clock).close()


def test_a_new_recovery_code_is_shown_once_printable_and_replaces_the_old(
    qtbot: QtBot, dialog: AccountsDialog, db_path: Path, tmp_path: Path
) -> None:
    codes: list[str] = []
    pdf = tmp_path / "code.pdf"

    def shown(code_dialog: QWidget) -> None:
        assert isinstance(code_dialog, RecoveryCodeDialog)
        codes.append(code_dialog.code_label.text())
        qtbot.mouseClick(code_dialog.copy_button, LEFT)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(pdf))
        code_dialog.print_to(printer)
        assert code_dialog.code in code_dialog.document().toPlainText()
        qtbot.keyClick(code_dialog, Qt.Key.Key_Escape)

    def confirm(box: QWidget) -> None:
        when_modal(qtbot, shown)
        _click_in_box("Make a new code")

    for _ in range(2):
        _run_modal(qtbot, dialog.buttons["recovery"], confirm)
        qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert len(codes) == 2
    assert codes[0] != codes[1]
    assert QGuiApplication.clipboard().text() == codes[1]
    assert pdf.stat().st_size > 1000
    with pytest.raises(AuthenticationError):
        accounts.recover_owner(db_path, recovery_code=codes[0], new_password="after-pw")
    accounts.recover_owner(db_path, recovery_code=codes[1], new_password="after-pw").close()


def test_cancelling_the_new_code_keeps_the_old(
    qtbot: QtBot, dialog: AccountsDialog, pharmacy: Context
) -> None:
    _run_modal(qtbot, dialog.buttons["recovery"], lambda box: _click_in_box("Cancel"))
    assert dialog.message.text() == ""


def test_the_auto_lock_minutes_are_saved_on_enter_and_the_dialog_stays(
    qtbot: QtBot, dialog: AccountsDialog, pharmacy: Context
) -> None:
    assert dialog.auto_lock.value() == settings.DEFAULT_AUTO_LOCK_MINUTES
    dialog.auto_lock.setFocus()
    dialog.auto_lock.selectAll()
    qtbot.keyClicks(dialog.auto_lock, "7")
    qtbot.keyClick(dialog.auto_lock, Qt.Key.Key_Return)
    assert settings.auto_lock_minutes(pharmacy) == 7
    assert dialog.isVisible()
    assert "after 7 idle minute" in dialog.message.text()
    assert (dialog.auto_lock.minimum(), dialog.auto_lock.maximum()) == (1, 60)


def test_a_pharmacist_is_told_the_accounts_are_the_owners(
    qtbot: QtBot, pharmacy: Context, db_path: Path, clock: FakeClock
) -> None:
    accounts.add(pharmacy, "li", role="pharmacist", password="pharm-pw")
    li = vault.open_pharmacy(db_path, user="li", password="pharm-pw", clock=clock)
    dialog = AccountsDialog(li)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 0
    assert dialog.message.text() == "Only the owner may manage accounts."
    li.close()


def test_keyboard_mnemonics_and_escape(qtbot: QtBot, dialog: AccountsDialog) -> None:
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    opened: list[str] = []

    def seen(form: QWidget) -> None:
        opened.append(type(form).__name__)
        qtbot.keyClick(form, Qt.Key.Key_Escape)

    errors = when_modal(qtbot, seen)
    qtbot.keyClick(dialog.table, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: opened == ["AddAccountDialog"])
    assert not errors
    qtbot.keyClick(dialog.table, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert not dialog.isVisible()


def test_change_my_password(
    qtbot: QtBot, pharmacy: Context, db_path: Path, clock: FakeClock
) -> None:
    dialog = ChangePasswordDialog(pharmacy)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.current, "not-it")
    qtbot.keyClicks(dialog.pair.password, "brand-new")
    qtbot.keyClicks(dialog.pair.repeat, "brand-new")
    qtbot.keyClick(dialog.pair.repeat, Qt.Key.Key_Return)
    assert dialog.message.text() == "The current password is wrong."
    assert dialog.current.text() == ""
    assert dialog.focusWidget() is dialog.current, "back to the current password"
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.current, PASSWORD)
    qtbot.keyClick(dialog.current, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    vault.open_pharmacy(db_path, user="owner", password="brand-new", clock=clock).close()
    with pytest.raises(AuthenticationError):
        vault.open_pharmacy(db_path, user="owner", password=PASSWORD, clock=clock)
