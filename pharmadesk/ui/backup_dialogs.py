"""The backup dialogs: a job with a progress bar (back up now, the exit backup, a restore),
and choosing a backup to restore with a preview of what it holds.

The service calls run on the worker (`run_tracked`); their progress reaches the bar through
a `ProgressRelay` the GUI thread polls, since worker code never touches a widget. Restoring
at start-up, from the unlock dialog, has no window and no worker yet: `restore_at_start`
makes a worker for the restore and holds the pharmacy's instance lock while it runs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pharmadesk.errors import (
    AuthenticationError,
    DatabaseInUse,
    PermissionRefused,
    PharmaDeskError,
)
from pharmadesk.services import backups, instance
from pharmadesk.services.backups import BackupInfo, RestoreOutcome
from pharmadesk.ui.import_text import error_text, failure_text
from pharmadesk.ui.start_dialogs import ERROR_STYLE
from pharmadesk.ui.tasks import BackgroundRunner, run_tracked

POLL_MS = 100
BACKUP_FILTER = "PharmaDesk backup (*.pdbackup);;All files (*)"
Progress = Callable[[int, int], None]
COUNTED = ("customer", "purchase", "interaction", "user")  # the tables a preview names


def when(moment: datetime) -> str:
    """A backup's time as the pharmacy PC's clock shows it."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def reason_text(reason: str) -> str:
    translate = QCoreApplication.translate
    names = {
        "manual": translate("BackupText", "made by hand"),
        "exit": translate("BackupText", "on exit"),
        "daily": translate("BackupText", "daily"),
        "before-restore": translate("BackupText", "before a restore"),
    }
    return names.get(reason, reason)


class BackupText(QObject):
    """The counted words of a backup's description: `tr` with a count is what lupdate
    recognises as plural forms (a module-level translate() with a count it does not)."""

    def counted(self, people: int, lines: int, talks: int, users: int) -> list[str]:
        return [
            self.tr("%n customer(s)", "", people),
            self.tr("%n purchase line(s)", "", lines),
            self.tr("%n interaction(s)", "", talks),
            self.tr("%n account(s)", "", users),
        ]


def counts_text(counts: dict[str, int]) -> str:
    parts = BackupText().counted(*(counts.get(k, 0) for k in COUNTED))
    comma = QCoreApplication.translate("BackupText", ", ")
    return comma.join(part for key, part in zip(COUNTED, parts, strict=True) if key in counts)


def preview_text(info: BackupInfo) -> str:
    """What a backup says about itself, for the person about to restore it."""
    translate = QCoreApplication.translate
    lines = [
        (translate("BackupText", "Made"), f"{when(info.made_at)} ({reason_text(info.reason)})"),
        (translate("BackupText", "By"), info.made_by),
        (translate("BackupText", "Pharmacy"), info.pharmacy_name or "—"),
        (translate("BackupText", "Holds"), counts_text(info.counts)),
        (translate("BackupText", "App version"), info.app_version),
        (translate("BackupText", "File"), f"{info.path.name} ({info.size_bytes / 1e6:.1f} MB)"),
    ]
    # "备份时间：…" in Chinese, "Made: …" in English: the punctuation is the language's.
    row = translate("BackupText", "%1: %2")
    return "\n".join(row.replace("%1", label).replace("%2", value) for label, value in lines)


class ProgressRelay:
    """The worker's progress callback; the GUI thread reads `latest` on a timer."""

    def __init__(self) -> None:
        self.latest: tuple[int, int] = (0, 0)

    def __call__(self, done: int, total: int) -> None:
        self.latest = (done, total)  # one assignment: the GUI thread sees old or new, whole


class TaskDialog(QDialog):
    """Runs `job(progress)` on the worker behind a progress bar; afterwards `result` or
    `error` is set and the dialog says what happened.

    `close_on_success` closes it (accepted) as soon as the job succeeds, `close_on_failure`
    (rejected) as soon as it fails, for a caller that tells the outcome. `quit_choice` is the
    exit backup's: a failure offers "Quit anyway" (accepted) or "Stay open" (rejected).
    Otherwise the dialog stays open, with Close, to show the outcome."""

    def __init__(
        self,
        runner: BackgroundRunner,
        job: Callable[[Progress], Any],
        *,
        title: str,
        text: str,
        done_text: Callable[[Any], str] = lambda _: "",
        close_on_success: bool = False,
        close_on_failure: bool = False,
        quit_choice: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.result: Any = None
        self.error: BaseException | None = None
        self.running = True
        self._done_text = done_text
        self._close_on_success = close_on_success
        self._close_on_failure = close_on_failure
        self._quit_choice = quit_choice
        self._relay = ProgressRelay()
        self.text = QLabel(text)
        self.text.setObjectName("taskText")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.bar = QProgressBar()
        self.bar.setObjectName("taskProgress")
        self.bar.setRange(0, 0)  # busy until the first report
        self.buttons = QDialogButtonBox()
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self._reject_when_done)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.bar)
        layout.addWidget(self.buttons)
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._show_progress)
        self._timer.start()
        self._tickets: set[int] = set()
        run_tracked(runner, self._tickets, lambda: job(self._relay), self._done, self._failed)

    def _show_progress(self) -> None:
        done, total = self._relay.latest
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))

    def _finish(self) -> None:
        self.running = False
        self._timer.stop()

    def _done(self, result: Any) -> None:
        self._finish()
        self.result = result
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        if self._close_on_success:
            self.accept()
            return
        self.text.setText(self._done_text(result))
        self._add_button(self.tr("Close"), QDialogButtonBox.ButtonRole.AcceptRole)

    def _failed(self, error: BaseException) -> None:
        self._finish()
        self.error = error
        if self._close_on_failure:
            super().reject()
            return
        self.bar.hide()
        message = failure_text(error)
        self.text.setText(self.tr("It did not work: %1").replace("%1", message))
        self.text.setStyleSheet(ERROR_STYLE)
        if self._quit_choice:
            self.text.setText(
                self.text.text() + "\n" + self.tr("The pharmacy's data itself is not affected.")
            )
            self._add_button(self.tr("Quit anyway"), QDialogButtonBox.ButtonRole.AcceptRole)
            self._add_button(self.tr("Stay open"), QDialogButtonBox.ButtonRole.RejectRole)
        else:
            self._add_button(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)

    def _add_button(self, text: str, role: QDialogButtonBox.ButtonRole) -> None:
        button = self.buttons.addButton(text, role)
        if len(self.buttons.buttons()) == 1:  # the first one is what Enter does
            button.setDefault(True)
            button.setFocus()

    def _reject_when_done(self) -> None:
        self.reject()

    def reject(self) -> None:
        # Escape or the window's close button while the job runs: it cannot be stopped
        # half-way, so the dialog stays until it ends.
        if not self.running:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.running:
            event.ignore()
            return
        super().closeEvent(event)


def backup_done_text(info: BackupInfo) -> str:
    translate = QCoreApplication.translate
    return (
        translate("BackupText", "Backup saved and checked:")
        + f"\n{info.path}\n"
        + counts_text(info.counts)
    )


class RestoreDialog(QDialog):
    """Choose a backup (listed from `folders`, newest first, or any file), see what it
    holds, and give the password of an owner account in it. `chosen`, `user` and
    `password` afterwards.

    Restore first checks the backup and the password (`backups.check_restore`, on `runner`
    when given, beside `db_path`) with the dialog still open: a wrong password or a damaged
    file is said here and can be corrected; the dialog is accepted only once they pass."""

    def __init__(
        self,
        *,
        folders: list[Path],
        user: str,
        runner: BackgroundRunner | None = None,
        db_path: Path | None = None,
        note: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from backup"))
        self.setMinimumWidth(560)
        self.chosen: BackupInfo | None = None
        self._folders = folders
        self._runner, self._db_path = runner, db_path
        self._tickets: set[int] = set()
        self._relay = ProgressRelay()
        self.checking = False
        self.check_bar = QProgressBar()
        self.check_bar.setObjectName("restoreCheckProgress")
        self.check_bar.hide()
        self.error = QLabel()
        self.error.setObjectName("restoreError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.hide()
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._show_progress)
        self.found = QListWidget()
        self.found.setObjectName("backupList")
        self.found.currentItemChanged.connect(self._picked)
        self.other = QPushButton(self.tr("Choose another file…"))
        self.other.setObjectName("chooseBackupFile")
        self.other.clicked.connect(self._choose_file)
        self.preview = QLabel()
        self.preview.setObjectName("backupPreview")
        self.preview.setWordWrap(True)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # `note` instead on a first run, when there is no current data to replace.
        self.warning = QLabel(
            note
            or self.tr(
                "The current data is replaced by the backup's. It is not deleted: it is kept "
                "aside, next to the pharmacy file. Everyone signs in again afterwards."
            )
        )
        self.warning.setObjectName("restoreWarning")
        self.warning.setWordWrap(True)
        font = self.warning.font()
        font.setBold(True)
        self.warning.setFont(font)
        self.user = QLineEdit(user)
        self.user.setObjectName("restoreUser")
        self.password = QLineEdit()
        self.password.setObjectName("restorePassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("an owner's password in the backup"))
        for field in (self.user, self.password):
            field.textChanged.connect(self._check)
        self.buttons = QDialogButtonBox()
        self.restore_button = self.buttons.addButton(
            self.tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setObjectName("restoreButton")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._accept_when_ready)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()
        self._fill()
        self._check()

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        where = ", ".join(str(folder) for folder in self._folders)
        layout.addWidget(QLabel(self.tr("Backups in %1:").replace("%1", where)))
        layout.addWidget(self.found, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.other)
        layout.addLayout(row)
        layout.addWidget(self.preview)
        layout.addWidget(self.warning)
        form = QFormLayout()
        form.addRow(self.tr("User"), self.user)
        form.addRow(self.tr("Password"), self.password)
        layout.addLayout(form)
        layout.addWidget(self.check_bar)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _fill(self) -> None:
        listed = [
            info
            for folder in self._folders
            if folder.is_dir()
            for info in backups.list_backups(folder)
        ]
        listed.sort(key=lambda info: info.made_at, reverse=True)
        for info in listed:
            self._add(info)
        if listed:
            self.found.setCurrentRow(0)
            self.password.setFocus()
        else:
            self.preview.setText(self.tr("No backups found there. Choose a backup file."))
            self.other.setFocus()

    def _add(self, info: BackupInfo) -> QListWidgetItem:
        text = f"{when(info.made_at)}  ·  {reason_text(info.reason)}  ·  {info.made_by}"
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, info)
        self.found.addItem(item)
        return item

    def _picked(self, item: QListWidgetItem | None) -> None:
        self.show_backup(self._info(item) if item is not None else None)

    def show_backup(self, info: BackupInfo | None) -> None:
        self.chosen = info
        self.preview.setStyleSheet("")
        self.preview.setText(preview_text(info) if info is not None else "")
        self._check()

    def _choose_file(self) -> None:
        start = next((str(f) for f in self._folders if f.is_dir()), "")
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a backup file"), start, BACKUP_FILTER
        )
        if name:
            self.choose_file(Path(name))

    def choose_file(self, path: Path) -> None:
        """Read a backup file's own description; a file that is not one says so."""
        try:
            info = backups.read_backup(path)
        except PharmaDeskError as exc:
            self.found.setCurrentRow(-1)
            self.chosen = None
            self.preview.setText(error_text(exc))
            self.preview.setStyleSheet(ERROR_STYLE)
            self._check()
            return
        listed = (self.found.item(row) for row in range(self.found.count()))
        same = next((item for item in listed if self._info(item) == info), None)
        self.found.setCurrentItem(same or self._add(info))  # listed already: not twice
        self.password.setFocus()

    @staticmethod
    def _info(item: QListWidgetItem) -> BackupInfo | None:
        info = item.data(Qt.ItemDataRole.UserRole)
        return info if isinstance(info, BackupInfo) else None

    def _check(self) -> None:
        ready = self.chosen is not None and bool(self.user.text().strip() and self.password.text())
        self.restore_button.setEnabled(ready and not self.checking)

    def _accept_when_ready(self) -> None:
        if not self.restore_button.isEnabled() or self.chosen is None:
            return
        path, user, password = self.chosen.path, self.user.text().strip(), self.password.text()
        db_path, relay = self._db_path, self._relay
        self._set_checking(True)
        run_tracked(
            self._runner, self._tickets,
            lambda: backups.check_restore(path, user=user, password=password, db_path=db_path,
                                          progress=relay),
            self._checked, self._refused,
        )  # fmt: skip

    def _set_checking(self, checking: bool) -> None:
        self.checking = checking
        for widget in (self.found, self.other, self.user, self.password):
            widget.setEnabled(not checking)
        self.error.hide()
        self.check_bar.setVisible(checking)
        self.check_bar.setRange(0, 0)  # busy until the first report
        if checking:
            self._relay.latest = (0, 0)
            self._timer.start()
        else:
            self._timer.stop()
        self._check()

    def _show_progress(self) -> None:
        done, total = self._relay.latest
        if total > 0:
            self.check_bar.setRange(0, total)
            self.check_bar.setValue(min(done, total))

    def _checked(self, _info: BackupInfo) -> None:
        self._set_checking(False)
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self._set_checking(False)
        self.error.setText(check_error_text(error))
        self.error.show()
        field = self.password if isinstance(error, AuthenticationError) else self.found
        field.setFocus(Qt.FocusReason.OtherFocusReason)
        if field is self.password:
            self.password.selectAll()

    def reject(self) -> None:
        # The check cannot be stopped half-way: Escape waits for it (it changes nothing).
        if not self.checking:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.checking:
            event.ignore()
            return
        super().closeEvent(event)


def check_error_text(error: BaseException) -> str:
    """Why the chosen backup cannot be restored, said in the restore dialog."""
    translate = QCoreApplication.translate
    if isinstance(error, AuthenticationError):
        return translate(
            "BackupText", "Wrong user name or password for this backup. Nothing was changed."
        )
    if isinstance(error, PermissionRefused):
        return translate(
            "BackupText", "Only an owner account of the backup may restore it. Nothing was changed."
        )
    message = failure_text(error, log_as="restore check")
    return (
        translate("BackupText", "This backup cannot be restored: %1").replace("%1", message)
        + "\n"
        + translate("BackupText", "Nothing was changed.")
    )


def run_restore(
    runner: BackgroundRunner,
    *,
    chosen: BackupInfo,
    db_path: Path,
    user: str,
    password: str,
    parent: QWidget | None,
    tell_failure: bool = True,
) -> RestoreOutcome | PharmaDeskError:
    """Restore `chosen` over the pharmacy at `db_path` behind a progress bar. The caller
    holds the instance lock and has closed the pharmacy. Returns the outcome, or the error
    that stopped it (nothing was changed then), which the dialog shows unless the caller
    tells it (`tell_failure=False`)."""
    dialog = TaskDialog(
        runner,
        lambda progress: backups.restore(
            chosen.path, db_path, user=user, password=password, progress=progress
        ),
        title=QCoreApplication.translate("BackupText", "Restore from backup"),
        text=QCoreApplication.translate("BackupText", "Restoring the backup of %1…").replace(
            "%1", when(chosen.made_at)
        ),
        close_on_success=True,
        close_on_failure=not tell_failure,
        parent=parent,
    )
    dialog.exec()
    error, outcome = dialog.error, dialog.result
    dialog.deleteLater()
    if isinstance(outcome, RestoreOutcome):
        return outcome
    if isinstance(error, PharmaDeskError):
        return error
    raise error if error is not None else RuntimeError("the restore did not finish")


def restored_text(outcome: RestoreOutcome) -> str:
    translate = QCoreApplication.translate
    text = translate("BackupText", "The backup of %1 was restored.").replace(
        "%1", when(outcome.info.made_at)
    )
    if outcome.kept_aside is not None:
        text += "\n" + translate("BackupText", "The data it replaced is kept in %1.").replace(
            "%1", str(outcome.kept_aside)
        )
    return text


@dataclass(frozen=True)
class Restored:
    """A restore at start-up that worked: what to tell the user, and the account that
    restored it (an owner of the backup, who signs in next)."""

    text: str
    user: str


def restore_at_start(db_path: Path, *, user: str, parent: QWidget | None) -> str | None:
    """The unlock dialog's restore, for a pharmacy file that cannot be opened: choose a
    backup from the folders known without opening it (the owner's last choice, the default)
    or any file, restore it. Returns what to tell the user, or None when nothing was done."""
    folders = backups.known_backup_folders(db_path)
    done = restore_into(db_path, folders=folders, user=user, parent=parent)
    return None if done is None else done.text


def restore_into(
    db_path: Path,
    *,
    folders: list[Path],
    user: str,
    parent: QWidget | None,
    backup: Path | None = None,
    note: str | None = None,
) -> Restored | None:
    """Choose a backup (listed from `folders`; `backup` chosen already when given), check
    it and the password, and restore it at `db_path` behind a progress bar, on a worker of
    its own (there is no window yet). `note` replaces the warning that the current data is
    replaced. None when nothing was done (cancelled, or refused: the dialogs said why)."""
    runner = BackgroundRunner()
    try:
        dialog = RestoreDialog(
            folders=folders, user=user, runner=runner, db_path=db_path, note=note, parent=parent
        )
        if backup is not None:
            dialog.choose_file(backup)
        if not dialog.exec() or dialog.chosen is None:
            return None
        chosen, name, password = dialog.chosen, dialog.user.text().strip(), dialog.password.text()
        title = dialog.windowTitle()
        dialog.deleteLater()
        # The window holds its file from before the unlock dialog: the restore runs under
        # that hold; on its own (a test, another caller) it takes the file first.
        own = instance.held_here(db_path)
        try:
            lock = own or instance.hold(db_path, program=instance.WINDOW, account=name)
        except DatabaseInUse:
            from pharmadesk.app import in_use_text  # the same words as a second window's

            QMessageBox.warning(parent, title, in_use_text(db_path))
            return None
        try:
            outcome = run_restore(
                runner, chosen=chosen, db_path=db_path, user=name, password=password,
                parent=parent,
            )  # fmt: skip
        finally:
            if own is None:
                lock.release()
    finally:
        runner.stop()
    if isinstance(outcome, PharmaDeskError):  # the progress dialog said why
        return None
    return Restored(restored_text(outcome), name)
