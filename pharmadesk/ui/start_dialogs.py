"""Start-up: the unlock dialog, and the setup dialog that creates a pharmacy on first run."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from pharmadesk.errors import (
    AccountWaiting,
    AuthenticationError,
    DatabaseUnavailable,
    PharmaDeskError,
)
from pharmadesk.services.context import Context, local_now
from pharmadesk.ui.import_text import message_text
from pharmadesk.ui.wrapped_text import show_whole

if TYPE_CHECKING:
    from pharmadesk.ui.backup_dialogs import Restored

Unlock = Callable[[str, str], Context]
Create = Callable[[Path, str, str, str], tuple[Context, str]]
ERROR_STYLE = "color: #b00020;"


def unlock_error_text(error: PharmaDeskError, now: datetime) -> str:
    """What the unlock dialog and the lock screen say when a login is refused."""
    translate = QCoreApplication.translate
    if isinstance(error, AccountWaiting):
        seconds = max(1, math.ceil((error.until - now).total_seconds()))
        if seconds < 60:
            wait = translate("UnlockDialog", "Too many wrong passwords. Try again in %1 s.")
            wait = wait.replace("%1", str(seconds))
        else:
            wait = translate("UnlockDialog", "Too many wrong passwords. Try again in %1 min.")
            wait = wait.replace("%1", str(math.ceil(seconds / 60)))
        return wait + " " + translate("UnlockDialog", "The owner can lift the wait.")
    if isinstance(error, AuthenticationError):
        return translate("UnlockDialog", "Wrong user name or password. Please try again.")
    # The advice to restore follows on its own line: not twice.
    reason = message_text(error.message.removesuffix("; restore the last backup"))
    return (
        translate("UnlockDialog", "The pharmacy file cannot be opened: %1").replace("%1", reason)
        + "\n"
        + translate("UnlockDialog", "Restore it from your last backup.")
    )


class UnlockDialog(QDialog):
    """Asks for the account and password until they open the pharmacy, or the user quits."""

    def __init__(
        self,
        *,
        path: Path,
        unlock: Unlock,
        user: str = "owner",
        note: str = "",
        parent: QWidget | None = None,
        clock: Callable[[], datetime] = local_now,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Unlock PharmaDesk"))
        self._unlock = unlock
        self._clock = clock
        self._path = path
        self.context: Context | None = None
        self.user = QLineEdit(user)
        self.user.setObjectName("user")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setObjectName("unlockMessage")
        self.message.setWordWrap(True)  # red (ERROR_STYLE) only for an error: see _try
        buttons = QDialogButtonBox()
        self.unlock_button = buttons.addButton(
            self.tr("Unlock"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        # Offered when the file cannot be opened (damaged, lost): restore it from a backup.
        self.restore_button = buttons.addButton(
            self.tr("Restore from backup…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.restore_button.setObjectName("unlockRestore")
        self.restore_button.hide()
        self.restore_button.clicked.connect(self._restore)
        buttons.accepted.connect(self._try)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Pharmacy file: %1").replace("%1", path.name)))
        form.addRow(self.tr("User"), self.user)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.message)
        form.addRow(buttons)
        if note:  # a pharmacy just restored from its backup
            self.show_note(note)
        self.password.setFocus()

    def _try(self) -> None:
        try:
            self.context = self._unlock(self.user.text().strip(), self.password.text())
        except PharmaDeskError as exc:
            self.message.setText(unlock_error_text(exc, self._clock()))
            self.message.setStyleSheet(ERROR_STYLE)
            self.restore_button.setVisible(isinstance(exc, DatabaseUnavailable))
            show_whole(self)  # a damaged file's error takes several lines
            if isinstance(exc, AuthenticationError):
                self.password.clear()
                self.password.setFocus()
            return
        self.accept()

    def _restore(self) -> None:
        from pharmadesk.ui.backup_dialogs import restore_at_start  # not needed at start-up

        told = restore_at_start(self._path, user=self.user.text().strip(), parent=self)
        if told is None:
            return
        self.restore_button.hide()
        self.show_note(told)
        self.password.clear()
        self.activateWindow()
        self.password.setFocus()

    def show_note(self, told: str) -> None:
        """Say what a restore did, and that the restored pharmacy is signed in to now."""
        self.message.setStyleSheet("")
        self.message.setText(told + "\n" + self.tr("Sign in to the restored pharmacy."))
        show_whole(self)


def password_strength_hint(password: str) -> tuple[str, bool]:
    """A hint on the password, and whether it is acceptable (8+ characters, 2+ kinds)."""
    kinds = sum(
        any(test(ch) for ch in password)
        for test in (str.islower, str.isupper, str.isdigit, lambda c: not c.isalnum())
    )
    if len(password) < 8:
        return "weak", False
    if kinds < 2:
        return "weak", False
    return ("strong", True) if len(password) >= 12 and kinds >= 3 else ("fair", True)


class SetupDialog(QDialog):
    """First run: the pharmacy's name, where its file lives, and the owner's password; or,
    moving to a new PC, the pharmacy restored from its backup file (`restored` is then set,
    `context` is not: the owner signs in to it in the unlock dialog)."""

    def __init__(
        self, *, default_path: Path, create: Create, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Set up your pharmacy"))
        self.setMinimumWidth(520)
        self._create = create
        self._default_path = default_path
        self.context: Context | None = None
        self.restored: Restored | None = None
        self.recovery_code = ""
        self.name = QLineEdit()
        self.name.setObjectName("pharmacyName")
        self.location = QLineEdit(str(default_path))
        self.location.setObjectName("location")
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.location, 1)
        where.addWidget(browse)
        self.owner = QLineEdit("owner")
        self.owner.setObjectName("owner")
        for field in (self.location, self.owner):
            field.textChanged.connect(self._check)
        self.password = QLineEdit()
        self.password.setObjectName("newPassword")
        self.repeat = QLineEdit()
        self.repeat.setObjectName("repeatPassword")
        for edit in (self.password, self.repeat):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.textChanged.connect(self._check)
        self.hint = QLabel()
        self.hint.setObjectName("passwordHint")
        self.buttons = QDialogButtonBox()
        self.create_button = self.buttons.addButton(
            self.tr("Create"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self._try)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Pharmacy name"), self.name)
        form.addRow(self.tr("Pharmacy file"), where)
        form.addRow(self.tr("Owner account"), self.owner)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Repeat password"), self.repeat)
        form.addRow(self.hint)
        form.addRow(self._restore_row())
        form.addRow(self.buttons)
        self._check()

    def _restore_row(self) -> QWidget:
        """Moving from another PC: its backup instead of a new, empty pharmacy."""
        row = QFrame()
        row.setFrameShape(QFrame.Shape.StyledPanel)
        label = QLabel(self.tr("Moving from another PC? Restore your pharmacy from its backup "
                               "file instead of creating a new one."))  # fmt: skip
        label.setWordWrap(True)
        self.restore_button = QPushButton(self.tr("Restore from a backup…"))
        self.restore_button.setObjectName("setupRestore")
        self.restore_button.setAutoDefault(False)  # Enter in the form still means Create
        self.restore_button.clicked.connect(self._restore)
        layout = QHBoxLayout(row)
        layout.addWidget(label, 1)
        layout.addWidget(self.restore_button)
        return row

    def restore_target(self) -> Path:
        """Where a restored pharmacy goes: the pharmacy file shown (the default unless
        the owner chose another place)."""
        chosen = self.location.text().strip()
        return Path(chosen).expanduser() if chosen else self._default_path

    def _restore(self) -> None:
        from pharmadesk.ui.first_run_restore import restore_first_run  # not at start-up

        self.restored = restore_first_run(self.restore_target(), parent=self)
        if self.restored is not None:
            self.accept()

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Pharmacy file"), self.location.text(), "PharmaDesk (*.db)"
        )
        if chosen:
            self.location.setText(chosen)

    def _check(self) -> None:
        strength, ok = password_strength_hint(self.password.text())
        words = {
            "weak": self.tr("Too weak: at least 8 characters of two kinds (letters, digits…)"),
            "fair": self.tr("Acceptable; longer is stronger"),
            "strong": self.tr("Strong"),
        }
        text = words[strength] if self.password.text() else ""
        same = self.password.text() == self.repeat.text()
        if ok and not same and self.repeat.text():
            text = self.tr("The two passwords differ")
        self.hint.setText(text)
        self.hint.setStyleSheet("" if ok and same else ERROR_STYLE)
        filled = bool(self.owner.text().strip() and self.location.text().strip())
        self.create_button.setEnabled(ok and same and filled)

    def _try(self) -> None:
        if not self.create_button.isEnabled():
            return
        try:
            self.context, self.recovery_code = self._create(
                Path(self.location.text().strip()).expanduser(),
                self.owner.text().strip(),
                self.password.text(),
                self.name.text().strip(),
            )
        except PharmaDeskError as exc:
            self.hint.setText(exc.message)
            self.hint.setStyleSheet(ERROR_STYLE)
            return
        from pharmadesk.ui.accounts_dialog import RecoveryCodeDialog  # not needed at start-up

        shown = RecoveryCodeDialog(self.recovery_code, self.name.text().strip(), self, first=True)
        shown.exec()
        self.accept()
