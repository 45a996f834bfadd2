"""Tools > Real-name register…: the register of controlled medicines sold, for a date range,
newest first (services/register.py).

Every role may read it; ID numbers are masked (110***********1234) for all but the owner,
who can also export the range to Excel for an inspection (io/register_export.py, audited).
A line whose customer was erased says it is kept under a legal obligation.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pharmadesk.io import register_export
from pharmadesk.services import register
from pharmadesk.services.context import Context
from pharmadesk.services.permissions import Operation, allows
from pharmadesk.services.register import RegisterEntry
from pharmadesk.ui.export_purpose import ask_purpose, export_folder
from pharmadesk.ui.i18n import current_language
from pharmadesk.ui.import_text import failure_text
from pharmadesk.ui.tables import fit_short_table
from pharmadesk.ui.tasks import BackgroundRunner, run_tracked

DEFAULT_DAYS = 30  # the range the window opens on: the last 30 days


class RegisterWindow(QDialog):
    def __init__(
        self, ctx: Context, parent: QWidget | None = None, *, runner: BackgroundRunner | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.runner = ctx, runner
        self._tickets: set[int] = set()
        self.entries: list[RegisterEntry] = []
        self.exported: Path | None = None
        self.setWindowTitle(self.tr("Real-name register"))
        self.setWindowFlag(Qt.WindowType.Window)
        today = ctx.today()
        self.date_from = self._date_edit("registerFrom", today - timedelta(days=DEFAULT_DAYS - 1))
        self.date_to = self._date_edit("registerTo", today)
        self.show_button = QPushButton(self.tr("&Show"))
        self.show_button.setAutoDefault(False)
        self.show_button.clicked.connect(self.reload)
        self.table = QTableWidget(0, len(self.headers()))
        self.table.setObjectName("registerTable")
        self.table.setHorizontalHeaderLabels(self.headers())
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        fit_short_table(self.table, 8)
        self.masked_note = QLabel(
            self.tr("ID numbers are shown masked: only the owner sees them in full.")
        )
        self.masked_note.setVisible(not allows(ctx.account, Operation.SEE_ID_NUMBERS))
        self.message = QLabel()
        self.message.setObjectName("registerMessage")
        self.message.setWordWrap(True)
        self.export_button = QPushButton(self.tr("&Export…"))
        self.export_button.setObjectName("registerExport")
        self.export_button.setAutoDefault(False)
        self.export_button.clicked.connect(self.export)
        self.export_button.setVisible(
            allows(ctx.account, Operation.EXPORT_PERSONAL)
            and allows(ctx.account, Operation.SEE_ID_NUMBERS)
        )
        self._lay_out()
        self.resize(1100, 560)
        self.reload()

    def _date_edit(self, name: str, day: date) -> QDateEdit:
        edit = QDateEdit(QDate(day.year, day.month, day.day))
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.dateChanged.connect(lambda _: self.reload())
        return edit

    def _lay_out(self) -> None:
        bar = QHBoxLayout()
        for text, edit in ((self.tr("&From"), self.date_from), (self.tr("&To"), self.date_to)):
            label = QLabel(text)
            label.setBuddy(edit)
            bar.addWidget(label)
            bar.addWidget(edit)
        bar.addWidget(self.show_button)
        bar.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        close.button(QDialogButtonBox.StandardButton.Close).setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.masked_note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def headers(self) -> list[str]:
        return [
            self.tr("Sold"), self.tr("Product"), self.tr("Specification"), self.tr("Batch"),
            self.tr("Packs"), self.tr("Buyer"), self.tr("ID number"), self.tr("Staff"),
            self.tr("Override reason"), self.tr("Note"),
        ]  # fmt: skip

    def period(self) -> tuple[date, date]:
        return _day(self.date_from.date()), _day(self.date_to.date())

    def reload(self) -> None:
        start, end = self.period()
        if end < start:
            self.message.setText(self.tr("The first day comes after the last day."))
            return
        ctx = self.ctx
        run_tracked(self.runner, self._tickets, lambda: register.entries(ctx, start, end),
                    self._show, self._failed)  # fmt: skip

    def _show(self, entries: list[RegisterEntry]) -> None:
        self.entries = entries
        self.table.setRowCount(0)
        for entry in entries:
            row = self.table.rowCount()
            self.table.insertRow(row)
            for column, text in enumerate(self.cells(entry)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.message.setText(self.tr("Lines in the register: %1").replace("%1", str(len(entries))))

    def cells(self, entry: RegisterEntry) -> list[str]:
        kept = self.tr("Kept under a legal obligation (customer erased)") if entry.kept else ""
        return [
            entry.sold_at.strftime("%Y-%m-%d %H:%M"), entry.product_name, entry.specification,
            entry.batch_no, str(entry.quantity), entry.buyer_name, entry.id_number,
            entry.staff_name, entry.override_reason or "", kept,
        ]  # fmt: skip

    def ask_target(self) -> Path | None:
        """The save-file dialog (tests replace it)."""
        start, end = self.period()
        name = self.tr("Real-name register %1 to %2").replace("%1", start.isoformat())
        name = name.replace("%2", end.isoformat())
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the register"), str(export_folder() / f"{name}.xlsx"),
            self.tr("Excel workbook (*.xlsx)"),
        )  # fmt: skip
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")

    def ask_purpose(self) -> str | None:
        """What the register is exported for, kept in the audit log (tests replace it)."""
        return ask_purpose(self, self.tr("Export the register"))

    def export(self) -> None:
        """Write the range shown to a workbook the owner picks, and say where."""
        start, end = self.period()
        if end < start:
            return
        purpose = self.ask_purpose()
        if not purpose:
            return
        target = self.ask_target()
        if target is None:
            return
        ctx, language = self.ctx, current_language()
        self.export_button.setEnabled(False)
        self.message.setText(self.tr("Exporting…"))

        def job() -> int:
            return register_export.write(ctx, target, start=start, end=end, language=language,
                                         purpose=purpose)  # fmt: skip

        run_tracked(self.runner, self._tickets, job, lambda rows: self._exported(target, rows),
                    self._failed)  # fmt: skip

    def _exported(self, target: Path, rows: int) -> None:
        self.exported = target
        self.export_button.setEnabled(True)
        self.message.setText(
            self.tr("Register lines exported: %1, to %2.")
            .replace("%1", str(rows))
            .replace("%2", str(target))
        )

    def _failed(self, error: BaseException) -> None:
        self.export_button.setEnabled(True)
        self.message.setText(failure_text(error, log_as="real-name register"))

    def done(self, result: int) -> None:
        # What is still running reports to no one once the window is gone.
        if self.runner is not None:
            for ticket in self._tickets:
                self.runner.forget(ticket)
        self._tickets.clear()
        super().done(result)


def _day(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())
