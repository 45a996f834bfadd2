"""The customer's privacy rights at the counter: their own data, and erasure on request.

Customer > "Export this customer's data…" writes everything held about the open customer
to one workbook (`pharmadesk.io.subject_export`); Customer > "Erase on request…" names the
customer, says that it cannot be undone and that backups keep the old data until they
rotate out, offers the export first, and erases only once the customer's name or member
code has been typed. Both are the owner's, and both run their service call off the GUI
thread.

An erasure ends by truncating the WAL, which another connection reading an old snapshot
prevents. In the counter window the other readers are the dashboard's background
preparation and the housekeeping thread (start-up check, daily backup): `OtherReaders`
stops them while the erasure runs and starts them again after. If the WAL still could not
be truncated, the dialog says so (`journal_note`): the old pages stay, encrypted, in the
journal until the next checkpoint, at the latest when PharmaDesk closes (the last
connection to close checkpoints and removes the WAL).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pharmadesk.io import subject_export
from pharmadesk.services import card_pages, erasure, register
from pharmadesk.services.context import Context
from pharmadesk.services.customers import CustomerRecord
from pharmadesk.ui import audit_labels
from pharmadesk.ui.export_dialog import ui_language
from pharmadesk.ui.import_text import failure_text as job_failure_text
from pharmadesk.ui.tasks import BackgroundRunner, run_tracked
from pharmadesk.ui.wrapped_text import show_whole

if TYPE_CHECKING:
    from pharmadesk.ui.main_window import MainWindow

# The words shared by these dialogs and the retention review are in the context
# "PrivacyDialogs", spelt out at each call: lupdate only finds literal contexts.


def failure_text(error: BaseException) -> str:
    """An error of a privacy job in the UI language; an unexpected one is logged."""
    return job_failure_text(error, log_as="privacy dialog")


def journal_note(result: erasure.ErasureResult) -> str:
    """What to tell when the erased data could not be cleared from the WAL at once."""
    if result.checkpointed:
        return ""
    return QCoreApplication.translate(
        "PrivacyDialogs",
        "Another part of PharmaDesk was reading the pharmacy file at that moment, so the "
        "erased data is still in the file's encrypted journal. It is cleared there at the next "
        "checkpoint, at the latest when PharmaDesk closes.",
    )


class OtherReaders:
    """The counter window's other connections (the dashboard's background preparation, the
    housekeeping thread), stopped while an erasure runs so that none holds an old snapshot
    of the WAL, and started again after. Outside a counter window there are none."""

    def __init__(self, widget: QObject | None, ctx: Context) -> None:
        from pharmadesk.ui.main_window import MainWindow  # it imports this module's users

        found = widget
        while found is not None and not isinstance(found, MainWindow):
            found = found.parent()
        self._window: MainWindow | None = found
        self._ctx = ctx
        self.stopped = False

    def stop(self) -> None:
        window = self._window
        if window is None or self.stopped:
            return
        self.stopped = True
        window.figures.stop()
        window.backups.pause_housekeeping()

    def start(self) -> None:
        """Again, unless the session ended meanwhile (its unlock starts them then)."""
        window = self._window
        if window is None or not self.stopped:
            return
        self.stopped = False
        open_here = not window.locked and window.ctx is self._ctx
        if open_here:
            window.figures.session_started(self._ctx)
        window.backups.resume_housekeeping()


def _busy_bar(name: str) -> QProgressBar:
    bar = QProgressBar()
    bar.setObjectName(name)
    bar.setRange(0, 0)  # one step of unknown length
    bar.hide()
    return bar


def _who(customer: CustomerRecord) -> str:
    return f"{customer.name} ({customer.code})" if customer.code else customer.name


def status_label(name: str) -> QLabel:
    """The line under a job's progress: what it is doing, then what came of it."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class _CustomerJobDialog(QDialog):
    """A dialog about one customer whose service call runs on the worker (or here, without
    a runner), and which stays open until that call ends."""

    status: QLabel  # what the job is doing, then what came of it (made by `_build`)

    def __init__(
        self,
        ctx: Context,
        runner: BackgroundRunner | None,
        customer: CustomerRecord,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.runner, self.customer = ctx, runner, customer
        self._tickets: set[int] = set()
        self._build()
        self.resize(560, self.sizeHint().height())

    def _build(self) -> None:
        raise NotImplementedError

    def say(self, text: str) -> None:
        """Show `text` under the progress; the dialog grows so no line of it is cut."""
        self.status.setText(text)
        show_whole(self)

    def reject(self) -> None:
        if not self._tickets:  # a file or an erasure half done is finished first
            super().reject()


class CustomerDataDialog(_CustomerJobDialog):
    """Where to write the customer's data, then the workbook; `written` once it is."""

    written: Path | None = None

    def _build(self) -> None:
        self.setWindowTitle(self.tr("Export this customer's data"))
        intro = QLabel(
            self.tr(
                "Everything PharmaDesk holds about %1 (profile, purchases, interactions, "
                "consents, points, the audit entries about them and the imports that touched "
                "their file) is written to one Excel workbook, in plain text. Hand it to the "
                "customer and do not keep a copy. The export is recorded in the audit log."
            ).replace("%1", _who(self.customer))
        )
        intro.setWordWrap(True)
        self.progress = _busy_bar("customerDataProgress")
        self.status = status_label("customerDataStatus")
        layout = QVBoxLayout(self)
        for widget in (intro, QLabel(self.tr("Save as:"))):
            layout.addWidget(widget)
        layout.addLayout(self._path_row())
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(self._buttons())

    def _path_row(self) -> QHBoxLayout:
        self.path = QLineEdit(str(self._default_path()))
        self.path.setObjectName("customerDataPath")
        choose = QPushButton(self.tr("&Choose…"))
        choose.setAutoDefault(False)
        choose.clicked.connect(self._choose)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(choose)
        return row

    def _buttons(self) -> QHBoxLayout:
        self.start = QPushButton(self.tr("&Export"))
        self.start.setObjectName("customerDataExport")
        self.start.setDefault(True)
        self.start.clicked.connect(self.export)
        close = QPushButton(self.tr("Close"))
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.start)
        row.addWidget(close)
        return row

    def _default_path(self) -> Path:
        # Named by member code, not by name: the file name shows in folders and recent lists.
        key = self.customer.code or str(self.customer.id)
        name = self.tr("customer data %1").replace("%1", key)
        return Path.home() / f"{name}.xlsx"

    def _choose(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.windowTitle(), self.path.text(), self.tr("Excel workbook (*.xlsx)")
        )
        if chosen:
            self.path.setText(chosen if chosen.lower().endswith(".xlsx") else chosen + ".xlsx")

    def export(self) -> None:
        if self._tickets or not self.path.text().strip():
            return
        target = Path(self.path.text().strip())
        ctx, customer_id = self.ctx, self.customer.id
        language, names = ui_language(), audit_labels.action_names()
        self.start.setEnabled(False)
        self.progress.show()
        self.say(self.tr("Exporting…"))
        run_tracked(
            self.runner, self._tickets,
            lambda: subject_export.write(ctx, customer_id, target, language=language,
                                         action_names=names),
            self._finished, self._failed,
        )  # fmt: skip

    def _finished(self, result: subject_export.SubjectExport) -> None:
        self.progress.hide()
        self.start.setEnabled(True)
        self.written = result.path
        self.say(self.tr("Written: %1").replace("%1", str(result.path)))

    def _failed(self, error: BaseException) -> None:
        self.progress.hide()
        self.start.setEnabled(True)
        self.say(failure_text(error) + "\n" + self.tr("No file was written."))


class _ConfirmationField(QLineEdit):
    """The erase dialog's confirmation: Enter stays here (`returnPressed`) instead of going
    on to the dialog, whose default button (Cancel) would close it without a word."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()


def backups_note() -> str:
    return QCoreApplication.translate(
        "PrivacyDialogs",
        "Backups made before now still hold the old data until they rotate out (7 daily, "
        "4 weekly and 12 monthly backups are kept), as do the copies kept aside before an "
        "upgrade or a restore until they are deleted. A backup restored later brings the "
        "customer back: erase them again then.",
    )


class EraseDialog(_CustomerJobDialog):
    """Erase on request: `erased` is True once the customer is anonymised."""

    erased = False
    kept_by_law = 0  # register lines the erasure kept

    def _build(self) -> None:
        self.setWindowTitle(self.tr("Erase customer on request"))
        layout = QVBoxLayout(self)
        texts = [self._what_text(), backups_note()]
        lines = len(register.of_customer(self.ctx, self.customer.id))
        if lines:
            texts.insert(1, self.kept_text(lines))
        pages = len(card_pages.of_customer(self.ctx, self.customer.id))
        if pages:
            texts.insert(1, self.card_pages_text(pages))
        for text in texts:
            label = QLabel(text)
            label.setWordWrap(True)
            layout.addWidget(label)
        self.confirmation = _ConfirmationField()
        self.confirmation.setObjectName("eraseConfirmation")
        self.confirmation.textChanged.connect(self._update)
        self.confirmation.returnPressed.connect(self._confirmed_by_enter)
        ask = QLabel(self.tr("To confirm, type the customer's name or member code:"))
        ask.setBuddy(self.confirmation)
        layout.addWidget(ask)
        layout.addWidget(self.confirmation)
        self.progress = _busy_bar("eraseProgress")
        self.status = status_label("eraseStatus")
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(self._buttons())
        self._update()

    def kept_text(self, lines: int) -> str:
        """What an erasure keeps of the real-name register, and why."""
        return self.tr(
            "%n line(s) of the real-name register (name and ID number as given at the sale) "
            "stay, as the law requires: they are kept, unlinked from the erased customer.",
            "",
            lines,
        )

    def card_pages_text(self, pages: int) -> str:
        """What an erasure removes of the scanned cards the customer was imported from."""
        return self.tr(
            "The reference to the %n scanned card page(s) they were imported from is removed "
            "too, with any card image kept in the pharmacy file. The paper cards and the scan "
            "files themselves are outside PharmaDesk: destroy or delete them by hand.",
            "",
            pages,
        )

    def _what_text(self) -> str:
        return self.tr(
            "Erase %1? Their name is replaced, and their member code, phone numbers, email, "
            "address, birth date, notes, health data and custom fields are removed, as is "
            "what was written about them in interactions and the points ledger. Purchases "
            "stay, anonymised, for the sales figures. This cannot be undone."
        ).replace("%1", _who(self.customer))

    def _buttons(self) -> QHBoxLayout:
        self.export_first = QPushButton(self.tr("E&xport their data first…"))
        self.export_first.setObjectName("eraseExportFirst")
        self.export_first.setAutoDefault(False)
        self.export_first.clicked.connect(self._export_first)
        self.erase_button = QPushButton(self.tr("&Erase"))
        self.erase_button.setObjectName("eraseStart")
        # Enter erases once the button has the focus (the confirmation field's Enter puts it
        # there): a second, deliberate key. Enter in the field never erases by itself.
        self.erase_button.setAutoDefault(True)
        self.erase_button.clicked.connect(self.erase)
        self.cancel = cancel = QPushButton(self.tr("Cancel"))
        cancel.setObjectName("eraseCancel")
        cancel.setDefault(True)  # so the dialog never makes Erase its default button
        cancel.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.export_first)
        row.addStretch(1)
        row.addWidget(self.erase_button)
        row.addWidget(cancel)
        return row

    def confirmed(self) -> bool:
        typed = self.confirmation.text().strip()
        return bool(typed) and typed in {self.customer.name.strip(), self.customer.code or ""}

    def _confirmed_by_enter(self) -> None:
        if self.erase_button.isEnabled():
            self.say("")
            self.erase_button.setFocus(Qt.FocusReason.TabFocusReason)
        elif not self.erased and not self._tickets:
            self.say(self.tr("Type the customer's name or member code exactly as shown above."))

    def _update(self) -> None:
        running = bool(self._tickets)
        self.erase_button.setEnabled(self.confirmed() and not running and not self.erased)
        self.export_first.setEnabled(not running and not self.erased)

    def _export_first(self) -> None:
        CustomerDataDialog(self.ctx, self.runner, self.customer, self).exec()
        self.confirmation.setFocus()

    def erase(self) -> None:
        if not self.confirmed() or self._tickets or self.erased:
            return
        ctx, customer_id = self.ctx, self.customer.id
        self.progress.show()
        self.say(self.tr("Erasing…"))
        readers = OtherReaders(self.parent(), ctx)
        readers.stop()
        self._readers = readers
        run_tracked(self.runner, self._tickets,
                    lambda: erasure.erase(ctx, customer_id, reason="request"),
                    self._finished, self._failed)  # fmt: skip
        self._update()

    def _finished(self, result: erasure.ErasureResult) -> None:
        self._readers.start()
        self.erased = True
        self.kept_by_law = result.kept_by_law
        self.progress.hide()
        note = journal_note(result)
        if not note:
            self.accept()
            return
        # Erased, but not yet out of the journal: said here, the dialog then only closes.
        self.say(self.tr("The customer was erased.") + "\n" + note)
        self.confirmation.setEnabled(False)
        self.cancel.setText(self.tr("Close"))
        self.cancel.setFocus()
        self._update()

    def _failed(self, error: BaseException) -> None:
        self._readers.start()
        self.progress.hide()
        self.say(failure_text(error))
        self._update()

    def reject(self) -> None:
        if self.erased:  # Close, Escape: the caller sees the customer is gone
            self.accept()
            return
        super().reject()
