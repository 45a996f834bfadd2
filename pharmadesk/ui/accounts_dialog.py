"""Tools > Accounts… (owner only) and File > Change my password… (everyone).

The owner adds accounts, changes their roles and passwords, removes them (the row stays,
greyed, for the audit log), lets an account that typed too many wrong passwords try again,
replaces the recovery code (shown once, printable) and sets the auto-lock time. Every
rule lives in `services.accounts` and `services.settings`; a refusal comes back as a
message in the dialog, and a form that was refused stays open with what was typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QFontDatabase, QGuiApplication, QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pharmadesk.errors import AuthenticationError, PermissionRefused, PharmaDeskError
from pharmadesk.services import accounts, settings
from pharmadesk.services.accounts import AccountInfo
from pharmadesk.services.context import ROLES, Context
from pharmadesk.ui.models import _TableModel
from pharmadesk.ui.tables import size_columns, table_view

Index = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole
FOREGROUND = Qt.ItemDataRole.ForegroundRole
ERROR_STYLE = "color: #b00020;"
REMOVED_GREY = "#8a8a8a"
CODE_STYLE = "font-size: 20pt; font-family: monospace;"
CONTEXT = "AccountsDialog"
ROLE_NAMES = {
    "owner": QT_TRANSLATE_NOOP("AccountsDialog", "Owner"),
    "pharmacist": QT_TRANSLATE_NOOP("AccountsDialog", "Pharmacist"),
    "staff": QT_TRANSLATE_NOOP("AccountsDialog", "Staff"),
}
# The services' messages (English, as the command line prints them) in the UI language.
MESSAGES = (
    (r"an account needs a name", QT_TRANSLATE_NOOP("AccountsDialog", "An account needs a name.")),
    (
        r"an account named (?P<a>.+) already exists",
        QT_TRANSLATE_NOOP("AccountsDialog", "An account named %1 already exists."),
    ),
    (
        r"a password needs at least (?P<a>\d+) characters",
        QT_TRANSLATE_NOOP("AccountsDialog", "A password needs at least %1 characters."),
    ),
    (
        r"no active account named (?P<a>.+)",
        QT_TRANSLATE_NOOP("AccountsDialog", "There is no active account named %1."),
    ),
    (
        r"the pharmacy must keep at least one owner account",
        QT_TRANSLATE_NOOP("AccountsDialog", "The pharmacy must keep at least one owner account."),
    ),
    (
        r"you cannot remove the account you are signed in with",
        QT_TRANSLATE_NOOP(
            "AccountsDialog", "You cannot remove the account you are signed in with."
        ),
    ),
    (
        r"the auto-lock time must be (?P<a>\d+) to (?P<b>\d+) minutes",
        QT_TRANSLATE_NOOP("AccountsDialog", "The auto-lock time must be %1 to %2 minutes."),
    ),
)
COLUMN_SAMPLES = ("pharmacist-01", "Pharmacist", "Removed", "99", "2026-11-20 10:00")


def _translate(text: object) -> str:
    return QCoreApplication.translate(CONTEXT, str(text))


def role_name(role: str) -> str:
    """A role in the UI language (its code if it is not one of the three)."""
    text = ROLE_NAMES.get(role)
    return _translate(text) if text else role


def error_text(error: PharmaDeskError) -> str:
    """An accounts service's error in the UI language; an unknown one as it is."""
    if isinstance(error, PermissionRefused):
        return _translate(
            QT_TRANSLATE_NOOP("AccountsDialog", "Only the owner may manage accounts.")
        )
    for pattern, template in MESSAGES:
        match = re.fullmatch(pattern, error.message)
        if match:
            text = _translate(template)
            for number, value in enumerate(match.groups(), start=1):
                text = text.replace(f"%{number}", value)
            return text
    return error.message


def _password_edit(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def _message_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    return label


class AccountTableModel(_TableModel):
    """One account a row: name, role, active or removed, wrong passwords, waiting until."""

    def __init__(self) -> None:
        super().__init__()
        self._accounts: list[AccountInfo] = []

    def headers(self) -> list[str]:
        return [self.tr("Account"), self.tr("Role"), self.tr("Status"),
                self.tr("Wrong passwords"), self.tr("Waiting until")]  # fmt: skip

    def set_accounts(self, found: Sequence[AccountInfo]) -> None:
        self.beginResetModel()
        self._accounts = list(found)
        self.endResetModel()

    def account(self, row: int) -> AccountInfo | None:
        return self._accounts[row] if 0 <= row < len(self._accounts) else None

    def row_of(self, name: str) -> int:
        names = [account.name for account in self._accounts]
        return names.index(name) if name in names else -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._accounts)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        account = self._accounts[index.row()]
        if role == FOREGROUND:
            return None if account.active else QBrush(QColor(REMOVED_GREY))
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 3:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role != DISPLAY:
            return None
        return self._cell(account, index.column())

    def _cell(self, account: AccountInfo, column: int) -> Any:
        if column == 0:
            return account.name
        if column == 1:
            return role_name(account.role)
        if column == 2:
            return self.tr("Active") if account.active else self.tr("Removed")
        if column == 3:
            return account.failures if account.active and account.failures else ""
        waiting = account.waiting_until
        return waiting.strftime("%Y-%m-%d %H:%M:%S") if account.active and waiting else ""


class _FormDialog(QDialog):
    """A small form whose OK runs `submit`; a refusal is shown here and the form stays."""

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(380)
        self.submit: Callable[[], object] = lambda: None
        self.hint = _message_label("formHint")  # while typing: the passwords differ
        self.message = _message_label("formMessage")  # after OK: why it was refused
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self._try)
        self.buttons.rejected.connect(self.reject)
        self.form = QFormLayout(self)

    def finish(self) -> None:
        """Call once the rows are added: the messages and the buttons go last."""
        self.form.addRow(self.hint)
        self.form.addRow(self.message)
        self.form.addRow(self.buttons)
        self._check()

    def _check(self) -> None:
        """Subclasses: enable OK once the form is complete."""

    def _try(self) -> None:
        if not self.ok.isEnabled():
            return
        try:
            self.submit()
        except PharmaDeskError as exc:
            self.refused(exc)
            return
        self.accept()

    def refused(self, error: PharmaDeskError) -> None:
        self.message.setText(error_text(error))


class _PasswordPair:
    """A new password typed twice, with a hint while they differ."""

    def __init__(self, form: _FormDialog) -> None:
        self.password = _password_edit("newPassword")
        self.repeat = _password_edit("repeatPassword")
        for edit in (self.password, self.repeat):
            edit.textChanged.connect(form._check)
        hint = _translate(QT_TRANSLATE_NOOP("AccountsDialog", "At least %1 characters"))
        hint = hint.replace("%1", str(accounts.MIN_PASSWORD))
        self.password.setPlaceholderText(hint)

    def complete(self) -> bool:
        return bool(self.password.text()) and self.password.text() == self.repeat.text()

    def differ(self) -> bool:
        return bool(self.repeat.text()) and self.password.text() != self.repeat.text()


class AddAccountDialog(_FormDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Add an account"), parent)
        self.name = QLineEdit()
        self.name.setObjectName("accountName")
        self.name.textChanged.connect(self._check)
        self.role = QComboBox()
        self.role.setObjectName("accountRole")
        for code in ROLES:
            self.role.addItem(role_name(code), code)
        self.role.setCurrentIndex(self.role.findData("pharmacist"))
        self.pair = _PasswordPair(self)
        self.form.addRow(self.tr("&Name"), self.name)
        self.form.addRow(self.tr("&Role"), self.role)
        self.form.addRow(self.tr("&Password"), self.pair.password)
        self.form.addRow(self.tr("Re&peat password"), self.pair.repeat)
        self.finish()

    def _check(self) -> None:
        self.ok.setEnabled(bool(self.name.text().strip()) and self.pair.complete())
        self.hint.setText(self.tr("The two passwords differ") if self.pair.differ() else "")


class RoleDialog(_FormDialog):
    def __init__(self, name: str, current: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Change the role of %1").replace("%1", name), parent)
        self.role = QComboBox()
        self.role.setObjectName("accountRole")
        for code in ROLES:
            self.role.addItem(role_name(code), code)
        self.role.setCurrentIndex(self.role.findData(current))
        self.form.addRow(self.tr("&Role"), self.role)
        self.finish()


class SetPasswordDialog(_FormDialog):
    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("New password for %1").replace("%1", name), parent)
        self.pair = _PasswordPair(self)
        self.form.addRow(self.tr("&New password"), self.pair.password)
        self.form.addRow(self.tr("Re&peat password"), self.pair.repeat)
        self.finish()

    def _check(self) -> None:
        self.ok.setEnabled(self.pair.complete())
        self.hint.setText(self.tr("The two passwords differ") if self.pair.differ() else "")


class ChangePasswordDialog(_FormDialog):
    """Anyone changes their own password, knowing the current one."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Change my password"), parent)
        self.ctx = ctx
        self.current = _password_edit("currentPassword")
        self.current.textChanged.connect(self._check)
        self.pair = _PasswordPair(self)
        self.form.addRow(QLabel(self.tr("Account: %1").replace("%1", ctx.account.name)))
        self.form.addRow(self.tr("&Current password"), self.current)
        self.form.addRow(self.tr("&New password"), self.pair.password)
        self.form.addRow(self.tr("Re&peat new password"), self.pair.repeat)
        self.finish()
        self.submit = lambda: accounts.change_own_password(
            self.ctx, old=self.current.text(), new=self.pair.password.text()
        )

    def _check(self) -> None:
        self.ok.setEnabled(bool(self.current.text()) and self.pair.complete())
        self.hint.setText(self.tr("The two passwords differ") if self.pair.differ() else "")

    def refused(self, error: PharmaDeskError) -> None:
        if isinstance(error, AuthenticationError):
            self.message.setText(self.tr("The current password is wrong."))
            self.current.clear()
            self.current.setFocus()
            return
        super().refused(error)


class RecoveryCodeDialog(QDialog):
    """Shows a new recovery code once, to write down, print or copy."""

    def __init__(
        self, code: str, pharmacy: str, parent: QWidget | None = None, *, first: bool = False
    ) -> None:
        super().__init__(parent)
        self.code, self.pharmacy = code, pharmacy
        self.setWindowTitle(self.tr("Recovery code") if first else self.tr("New recovery code"))
        words = self.tr(
            "Write down or print this recovery code and keep it somewhere safe, away from "
            "this PC. It is shown only now, and it is the only way back in if every owner "
            "password is lost."
        )
        if not first:
            words += " " + self.tr("The old recovery code no longer works.")
        intro = QLabel(words)
        intro.setWordWrap(True)
        self.code_label = QLabel(code)
        self.code_label.setObjectName("recoveryCode")
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setWeight(QFont.Weight.Bold)
        self.code_label.setFont(font)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        buttons = QDialogButtonBox()
        self.print_button = buttons.addButton(
            self.tr("&Print…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.copy_button = buttons.addButton(
            self.tr("&Copy"), QDialogButtonBox.ButtonRole.ActionRole
        )
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setDefault(True)
        self.print_button.clicked.connect(self.print_code)
        self.copy_button.clicked.connect(self.copy_code)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(12)
        layout.addWidget(self.code_label)
        layout.addSpacing(12)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def copy_code(self) -> None:
        QGuiApplication.clipboard().setText(self.code)
        self.copy_button.setText(self.tr("Copied"))

    def document(self) -> QTextDocument:
        """The printed page: what the code is, for which pharmacy, and the code."""
        document = QTextDocument()
        title = self.tr("PharmaDesk recovery code")
        note = self.tr(
            "Keep this page somewhere safe, away from the PC. With this code a new owner "
            "password can be set (pharmadesk users recover). A newer code replaces it."
        )
        code = f"<p style='{CODE_STYLE}'><b>{_escaped(self.code)}</b></p>"
        parts = [f"<h2>{title}</h2>", f"<p>{_escaped(self.pharmacy)}</p>", code, f"<p>{note}</p>"]
        document.setHtml("".join(parts))
        return document

    def print_code(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        chooser = QPrintDialog(printer, self)
        if chooser.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: Any) -> None:
        self.document().print_(printer)


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class AccountsDialog(QDialog):
    """The pharmacy's accounts and the auto-lock time (owner only)."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Accounts"))
        self.model = AccountTableModel()
        self.model.setParent(self)
        self.table = table_view(self.model)
        self.table.setObjectName("accountTable")
        self.table.setTabKeyNavigation(False)
        size_columns(self.table, COLUMN_SAMPLES)
        self.message = QLabel()
        self.message.setObjectName("accountsMessage")
        self.message.setWordWrap(True)
        self.auto_lock = QSpinBox()
        self.auto_lock.setObjectName("autoLockMinutes")
        self.auto_lock.setRange(*settings.AUTO_LOCK_RANGE)
        self.auto_lock.setSuffix(self.tr(" min"))
        self.buttons: dict[str, QPushButton] = {}
        self._lay_out()
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.resize(820, 420)
        self.reload()
        self._load_auto_lock()
        self.table.setFocus()

    def _lay_out(self) -> None:
        side = QVBoxLayout()
        for key, text, slot in (
            ("add", self.tr("&Add…"), self.add),
            ("role", self.tr("Change &role…"), self.change_role),
            ("password", self.tr("Set &password…"), self.set_password),
            ("remove", self.tr("Re&move…"), self.remove),
            ("lift", self.tr("&Lift wait"), self.lift_wait),
            ("recovery", self.tr("New recovery &code…"), self.new_recovery_code),
        ):
            button = QPushButton(text)
            button.setObjectName(f"{key}Account")
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            side.addWidget(button)
            self.buttons[key] = button
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.table, 1)
        row.addLayout(side)
        lock = QHBoxLayout()
        label = QLabel(self.tr("Lock the window after idle &minutes:"))
        label.setBuddy(self.auto_lock)
        lock.addWidget(label)
        lock.addWidget(self.auto_lock)
        lock.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setAutoDefault(False)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addLayout(lock)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.auto_lock.editingFinished.connect(self.save_auto_lock)

    # reading ------------------------------------------------------------------------------

    def reload(self, select: str | None = None) -> None:
        """Read the accounts again, keeping `select` (else the current one) selected."""
        current = self.selected()
        chosen = select or (current.name if current else self.ctx.account.name)
        try:
            found = accounts.list_accounts(self.ctx)
        except PharmaDeskError as exc:
            found = []
            self._say(error_text(exc), error=True)
        self.model.set_accounts(found)
        row = self.model.row_of(chosen)
        if found:
            self.table.selectRow(max(row, 0))
        self._update_buttons()

    def selected(self) -> AccountInfo | None:
        return self.model.account(self.table.currentIndex().row())

    def _update_buttons(self) -> None:
        account = self.selected()
        active = account is not None and account.active
        myself = account is not None and account.name == self.ctx.account.name
        waiting = account is not None and bool(account.failures or account.waiting_until)
        self.buttons["role"].setEnabled(active)
        self.buttons["password"].setEnabled(active)
        self.buttons["remove"].setEnabled(active and not myself)
        self.buttons["lift"].setEnabled(active and waiting)

    def _load_auto_lock(self) -> None:
        self.auto_lock.blockSignals(True)
        self.auto_lock.setValue(settings.auto_lock_minutes(self.ctx))
        self.auto_lock.blockSignals(False)
        self._saved_minutes = self.auto_lock.value()

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if error else "")

    def _run(self, action: Callable[[], object], done: str, select: str | None = None) -> bool:
        """Run a service call; say `done` or why it was refused; read the accounts again."""
        try:
            action()
        except PharmaDeskError as exc:
            self._say(error_text(exc), error=True)
            self.reload(select)
            return False
        self._say(done)
        self.reload(select)
        return True

    # the buttons --------------------------------------------------------------------------

    def add(self) -> None:
        form = AddAccountDialog(self)
        form.submit = lambda: accounts.add(
            self.ctx,
            form.name.text(),
            role=form.role.currentData(),
            password=form.pair.password.text(),
        )
        if form.exec():
            name = form.name.text().strip()
            self._say(self.tr("Account %1 added.").replace("%1", name))
            self.reload(name)

    def change_role(self) -> None:
        account = self.selected()
        if account is None or not account.active:
            return
        form = RoleDialog(account.name, account.role, self)
        form.submit = lambda: accounts.set_role(self.ctx, account.name, form.role.currentData())
        if form.exec():
            text = self.tr("%1 is now: %2.").replace("%1", account.name)
            self._say(text.replace("%2", role_name(form.role.currentData())))
            self.reload(account.name)

    def set_password(self) -> None:
        account = self.selected()
        if account is None or not account.active:
            return
        form = SetPasswordDialog(account.name, self)
        form.submit = lambda: accounts.set_password(
            self.ctx, account.name, form.pair.password.text()
        )
        if form.exec():
            self._say(self.tr("%1 has a new password.").replace("%1", account.name))
            self.reload(account.name)

    def remove(self) -> None:
        account = self.selected()
        if account is None or not account.active or not self.confirm_remove(account.name):
            return
        done = self.tr("Account %1 removed.").replace("%1", account.name)
        self._run(lambda: accounts.remove(self.ctx, account.name), done, account.name)

    def confirm_remove(self, name: str) -> bool:
        text = self.tr(
            "Remove the account %1? It can no longer sign in. What it did stays in the audit "
            "log under its name, and the owner can add the name again later."
        ).replace("%1", name)
        return self._ask(self.tr("Remove account"), text, self.tr("&Remove"))

    def lift_wait(self) -> None:
        account = self.selected()
        if account is None or not account.active:
            return
        done = self.tr("%1 may try to sign in again now.").replace("%1", account.name)
        self._run(lambda: accounts.lift_wait(self.ctx, account.name), done, account.name)

    def new_recovery_code(self) -> None:
        if not self.confirm_new_code():
            return
        try:
            code = accounts.new_recovery_code(self.ctx)
        except PharmaDeskError as exc:
            self._say(error_text(exc), error=True)
            return
        self._say(self.tr("The recovery code was replaced; the old one no longer works."))
        self.show_code(code)

    def confirm_new_code(self) -> bool:
        text = self.tr(
            "Make a new recovery code? The old one stops working at once: throw away the paper "
            "it is written on once the new one is kept safe."
        )
        return self._ask(self.tr("New recovery code"), text, self.tr("&Make a new code"))

    def show_code(self, code: str) -> None:
        RecoveryCodeDialog(code, self.ctx.path.name, self).exec()

    def _ask(self, title: str, text: str, yes: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self)
        accept = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.exec()
        return box.clickedButton() is accept

    def save_auto_lock(self) -> None:
        minutes = self.auto_lock.value()
        if minutes == self._saved_minutes:
            return
        done = self.tr("The window now locks after %Ln idle minute(s).", "", minutes)
        try:
            settings.set_auto_lock_minutes(self.ctx, minutes)
        except PharmaDeskError as exc:
            self._say(error_text(exc), error=True)
            self._load_auto_lock()
            return
        self._saved_minutes = minutes
        self._say(done)
