"""File > Export to Excel…: what to export, dates, which customers, the purpose, then the
export itself off the GUI thread with a progress bar and Cancel.

The dialog says plainly that the file holds personal data outside the encrypted database;
the export cannot start without a purpose, which goes into the audit log with the counts.
The engine is `pharmadesk.io.export`; the dialog only gathers the request and shows what
comes back, and the worker never touches a widget (it writes plain attributes of
`ExportProgress`, which a GUI timer reads).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pharmadesk.errors import PharmaDeskError
from pharmadesk.io import export
from pharmadesk.io.export import (
    CustomerFilter,
    ExportCancelled,
    ExportRequest,
    ExportResult,
    allowed_sheets,
)
from pharmadesk.services.analytics.results import SEGMENTS
from pharmadesk.services.context import Context
from pharmadesk.ui import analytics_labels, i18n
from pharmadesk.ui.export_purpose import export_folder
from pharmadesk.ui.tasks import BackgroundRunner
from pharmadesk.ui.unexpected import unexpected_error_text

PROGRESS_MS = 100
log = logging.getLogger(__name__)


@dataclass
class ExportProgress:
    """Shared with the worker: it writes `latest` and reads `cancel`."""

    latest: tuple[int, int] = (0, 1)
    cancel: bool = False

    def update(self, done: int, total: int) -> None:
        self.latest = (done, total)

    def cancelled(self) -> bool:
        return self.cancel


ui_language = i18n.current_language


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(edit: QDateEdit) -> date:
    chosen = edit.date()
    return date(chosen.year(), chosen.month(), chosen.day())


class ExportDialog(QDialog):
    """`ExportDialog(ctx, runner, categories, parent)`; `written` is set once a file is written."""

    def __init__(
        self,
        ctx: Context,
        runner: BackgroundRunner,
        categories: list[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.runner = ctx, runner
        self.written: ExportResult | None = None
        self.shared = ExportProgress()
        self._ticket: int | None = None
        self.setWindowTitle(self.tr("Export to Excel"))
        self._timer = QTimer(self)
        self._timer.setInterval(PROGRESS_MS)
        self._timer.timeout.connect(self._show_progress)
        layout = QVBoxLayout(self)
        layout.addWidget(self._warning())
        layout.addWidget(self._what_box())
        layout.addWidget(self._dates_box())
        layout.addWidget(self._customers_box(categories))
        layout.addLayout(self._purpose_row())
        layout.addLayout(self._run_area())
        self._update()
        self.resize(600, self.sizeHint().height())

    # building -----------------------------------------------------------------------------

    def _warning(self) -> QLabel:
        label = QLabel(
            self.tr(
                "The exported file holds personal data in plain text, outside the encrypted "
                "database: anyone who has the file can read it. Keep it safe and delete it when "
                "it is no longer needed. Every export is recorded in the audit log with its "
                "purpose."
            )
        )
        label.setObjectName("exportWarning")
        label.setWordWrap(True)
        label.setStyleSheet("QLabel { background: #fff4e5; padding: 6px; }")
        return label

    def _what_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("What to export"))
        row = QHBoxLayout(box)
        self.what = {
            "customers": QCheckBox(self.tr("&Customers")),
            "purchases": QCheckBox(self.tr("&Purchases")),
            "interactions": QCheckBox(self.tr("&Interactions")),
            "analytics": QCheckBox(self.tr("&Analytics")),
        }
        allowed = allowed_sheets(self.ctx.account)
        if allowed:
            self.what[allowed[0]].setChecked(True)
        for key, check in self.what.items():
            check.setObjectName(f"export_{key}")
            check.toggled.connect(self._update)
            row.addWidget(check)
            if key not in allowed:  # the service refuses them too; say why before it does
                check.setEnabled(False)
                check.setToolTip(self.tr("Only the owner may export personal data."))
        return box

    def _dates_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Dates"))
        form = QFormLayout(box)
        self.limit_dates = QCheckBox(self.tr("Only these dates:"))
        self.limit_dates.setObjectName("exportLimitDates")
        today = self.ctx.today()
        self.date_from = self._date_edit("exportFrom", today.replace(day=1))
        self.date_to = self._date_edit("exportTo", today)
        row = QHBoxLayout()
        for widget in (self.limit_dates, self.date_from, QLabel("–"), self.date_to):
            row.addWidget(widget)
        row.addStretch(1)
        form.addRow(row)
        hint = QLabel(
            self.tr(
                "Without dates: purchases and interactions of all time, and the analytics of "
                "the last full month. With dates: the lines of those days, and the analytics "
                "of that period."
            )
        )
        hint.setWordWrap(True)
        form.addRow(hint)
        self.limit_dates.toggled.connect(self._update)
        return box

    def _date_edit(self, name: str, day: date) -> QDateEdit:
        edit = QDateEdit(_qdate(day))
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def _customers_box(self, categories: list[str]) -> QGroupBox:
        box = QGroupBox(self.tr("Which customers"))
        self.customer_box = box
        form = QFormLayout(box)
        self.segment = QComboBox()
        self.segment.setObjectName("exportSegment")
        self.segment.addItem(self.tr("All customers"), None)
        for key in SEGMENTS:
            self.segment.addItem(analytics_labels.segment(key), key)
        form.addRow(self.tr("Segment (as of the analytics period):"), self.segment)
        today = self.ctx.today()
        self.visited_after_on = QCheckBox(self.tr("Last visit on or after"))
        self.visited_after = self._date_edit("exportVisitedAfter", today.replace(day=1))
        self.visited_before_on = QCheckBox(self.tr("Last visit on or before"))
        self.visited_before = self._date_edit("exportVisitedBefore", today)
        for check, edit in ((self.visited_after_on, self.visited_after),
                            (self.visited_before_on, self.visited_before)):  # fmt: skip
            check.toggled.connect(self._update)
            form.addRow(check, edit)
        self.category = QComboBox()
        self.category.setObjectName("exportCategory")
        self.category.addItem(self.tr("Any category"), None)
        for name in categories:
            self.category.addItem(name, name)
        form.addRow(self.tr("Bought from category:"), self.category)
        self.for_contact = QCheckBox(
            self.tr("For contacting them: only customers who agreed to be contacted")
        )
        self.for_contact.setObjectName("exportForContact")
        form.addRow(self.for_contact)
        return box

    def _purpose_row(self) -> QFormLayout:
        form = QFormLayout()
        self.purpose = QLineEdit()
        self.purpose.setObjectName("exportPurpose")
        self.purpose.setPlaceholderText(self.tr("e.g. month-end accounts, call-back list"))
        self.purpose.textChanged.connect(self._update)
        form.addRow(self.tr("Pu&rpose (required):"), self.purpose)
        return form

    def _run_area(self) -> QVBoxLayout:
        self.progress = QProgressBar()
        self.progress.setObjectName("exportProgress")
        self.progress.hide()
        self.status = QLabel()
        self.status.setObjectName("exportStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.start = QPushButton(self.tr("&Export…"))
        self.start.setObjectName("exportStart")
        self.start.setDefault(True)
        self.start.clicked.connect(self.choose_and_export)
        # Always in its place (disabled when idle): a late click on a button that just
        # disappeared must not land on Export… moving in under the pointer.
        self.cancel = QPushButton(self.tr("Cancel e&xport"))
        self.cancel.setObjectName("exportCancel")
        self.cancel.setEnabled(False)
        self.cancel.clicked.connect(self.request_cancel)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("exportClose")
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.start, self.cancel, self.close_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        area = QVBoxLayout()
        for widget in (self.progress, self.status):
            area.addWidget(widget)
        area.addLayout(buttons)
        return area

    # the request ----------------------------------------------------------------------------

    def _update(self) -> None:
        chosen = [key for key, check in self.what.items() if check.isChecked()]
        running = self.running()
        self.start.setEnabled(bool(chosen) and bool(self.purpose.text().strip()) and not running)
        self.customer_box.setEnabled(self.what["customers"].isChecked())
        self.date_from.setEnabled(self.limit_dates.isChecked())
        self.date_to.setEnabled(self.limit_dates.isChecked())
        self.visited_after.setEnabled(self.visited_after_on.isChecked())
        self.visited_before.setEnabled(self.visited_before_on.isChecked())

    def request(self) -> ExportRequest:
        limited = self.limit_dates.isChecked()
        return ExportRequest(
            what=tuple(key for key, check in self.what.items() if check.isChecked()),
            date_from=_day(self.date_from) if limited else None,
            date_to=_day(self.date_to) if limited else None,
            customers=CustomerFilter(
                segment=self.segment.currentData(),
                visited_after=_day(self.visited_after) if self.visited_after_on.isChecked()
                else None,
                visited_before=_day(self.visited_before) if self.visited_before_on.isChecked()
                else None,
                category=self.category.currentData(),
                for_contact=self.for_contact.isChecked(),
            ),
            purpose=self.purpose.text().strip(),
            language=ui_language(),
        )  # fmt: skip

    def ask_target(self) -> Path | None:
        """The save-file dialog (tests replace it)."""
        name = self.tr("PharmaDesk export %1").replace("%1", self.ctx.today().isoformat())
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export to Excel"), str(export_folder() / f"{name}.xlsx"),
            self.tr("Excel workbook (*.xlsx)"),
        )  # fmt: skip
        self.activateWindow()
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")

    # the export -----------------------------------------------------------------------------

    def running(self) -> bool:
        return self._ticket is not None

    def choose_and_export(self) -> None:
        if self.running():
            return
        request = self.request()
        try:
            request.check()
        except PharmaDeskError as exc:
            self.status.setText(exc.message)
            return
        target = self.ask_target()
        if target is not None:
            self.start_export(target, request)

    def start_export(self, target: Path, request: ExportRequest) -> None:
        self.shared = shared = ExportProgress()
        ctx = self.ctx
        self.written = None
        self.progress.setRange(0, 0)  # busy until the first count arrives
        self.progress.show()
        self.cancel.setEnabled(True)
        self.status.setText(self.tr("Exporting…"))
        self._ticket = self.runner.submit(
            lambda: export.export(
                ctx, target, request, progress=shared.update, cancelled=shared.cancelled
            ),
            self._finished,
            self._failed,
        )
        self._timer.start()
        self._update()

    def request_cancel(self) -> None:
        if not self.running():
            return
        self.shared.cancel = True
        self.cancel.setEnabled(False)
        self.status.setText(self.tr("Cancelling…"))

    def _show_progress(self) -> None:
        done, total = self.shared.latest
        if done:
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(done)
        if total and done >= total and not self.shared.cancel:
            # Every row is in: the workbook is being packed and written, which takes a while.
            self.status.setText(self.tr("Writing the file…"))

    def _make_room(self) -> None:
        """Room for the result lines without squeezing the filters: taller only when they
        need it, and never past the screen (each export used to make it taller)."""
        wanted = self.sizeHint().height()
        screen = self.screen().availableGeometry().height() if self.screen() else wanted
        height = min(max(self.height(), wanted), screen - 40)
        if height != self.height():
            self.resize(self.width(), height)

    def _end(self) -> None:
        self._ticket = None
        self._timer.stop()
        self.cancel.setEnabled(False)
        self._update()

    def _finished(self, result: ExportResult) -> None:
        self._end()
        self.written = result
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        lines = [self.tr("Written: %1").replace("%1", str(result.path))]
        lines += [
            self.tr("%1: %Ln row(s)", "", rows).replace("%1", self._sheet_name(key))
            for key, rows in result.rows.items()
        ]
        if self.for_contact.isChecked():
            lines.append(self.tr("%Ln left out: no contact consent", "", result.left_out))
        self.status.setText("\n".join(lines))
        self._make_room()
        self.close_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _failed(self, error: BaseException) -> None:
        self._end()
        self.progress.hide()
        if isinstance(error, ExportCancelled):
            self.status.setText(self.tr("The export was cancelled. No file was written."))
        elif isinstance(error, PharmaDeskError):
            self.status.setText(error.message + "\n" + self.tr("No file was written."))
        else:
            self.status.setText(
                unexpected_error_text(error) + "\n" + self.tr("No file was written.")
            )
            log.error("export dialog: unexpected error", exc_info=error)

    def _sheet_name(self, key: str) -> str:
        from pharmadesk.io import export_labels

        return export_labels.sheet_name(key, ui_language())

    def reject(self) -> None:
        # Closing mid-export cancels it; the dialog stays to say that nothing was written.
        if self.running():
            self.request_cancel()
            return
        super().reject()
