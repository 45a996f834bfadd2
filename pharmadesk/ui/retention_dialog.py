"""Tools > Retention review…: customers inactive longer than the owner keeps data, chosen and
anonymised in bulk after a preview.

The list is read off the GUI thread into an `InactiveCustomersModel` (tens of thousands of
rows at a large pharmacy: nothing is done per row on the GUI thread); the owner ticks who to
anonymise (all or none at a click, Space on the selected rows), sorts by any column, sees how
many are ticked, then a preview (how many, who, and who came back since the list was made,
checked on the worker too) and confirms; the anonymisation runs on the worker with a
progress bar and can be stopped (those done stay done). The worker only writes an
`ExportProgress`, a GUI timer reads it.

The years box only chooses what the list shows: it starts from the pharmacy's setting
(Settings, owner only) and changes no setting; the list is read again once its value has
stopped changing for `REFRESH_MS` (arrow clicks, typing). The preview and the
anonymisation use the years the list on show was read for.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pharmadesk.services import retention
from pharmadesk.services.context import Context
from pharmadesk.services.erasure import ErasureResult
from pharmadesk.services.retention import InactiveCustomer
from pharmadesk.ui import formatting
from pharmadesk.ui.export_dialog import ExportProgress
from pharmadesk.ui.privacy_dialogs import (
    OtherReaders,
    backups_note,
    failure_text,
    journal_note,
    status_label,
)
from pharmadesk.ui.retention_model import LAST, InactiveCustomersModel, ordered
from pharmadesk.ui.tables import size_columns, table_view
from pharmadesk.ui.tasks import BackgroundRunner, run_tracked

PROGRESS_MS = 100
REFRESH_MS = 300  # the years box waits this long after a change before reading the list
PREVIEW_NAMES = 20  # names the confirmation lists before "and N more"


class RetentionDialog(QDialog):
    """`RetentionDialog(ctx, runner, parent)`; `anonymised` holds the ids anonymised in it."""

    _readers: OtherReaders | None = None  # the window's, stopped while anonymising

    def __init__(
        self, ctx: Context, runner: BackgroundRunner | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.runner = ctx, runner
        self.anonymised: list[int] = []
        self.model = InactiveCustomersModel()
        self.model.checked_changed.connect(self._update)
        self.shared = ExportProgress()  # written by the worker, read by the timer
        self._tickets: set[int] = set()
        self._running = False
        self._note = ""  # what the last anonymisation did, shown above the list's count
        self._summary = ""  # the list's count, shown again after a preview
        self._asking = False  # the preview's confirmation is about to be shown
        self._checking = False  # the preview is being read
        self._reads = 0  # lists asked for; only the last one asked is shown
        self.listed_years = retention.retention_years(ctx)  # what the list on show is for
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(REFRESH_MS)
        self._refresh.timeout.connect(self._refresh_due)
        self._timer = QTimer(self)
        self._timer.setInterval(PROGRESS_MS)
        self._timer.timeout.connect(self._show_progress)
        self.setWindowTitle(self.tr("Retention review"))
        layout = QVBoxLayout(self)
        layout.addLayout(self._years_row())
        self.table = self._table()
        layout.addWidget(self.table, 1)
        self.selected = QLabel()
        self.selected.setObjectName("retentionSelected")
        layout.addWidget(self.selected)
        note = QLabel(backups_note())
        note.setWordWrap(True)
        layout.addWidget(note)
        self.progress = QProgressBar()
        self.progress.setObjectName("retentionProgress")
        self.progress.hide()
        self.status = status_label("retentionStatus")
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(self._buttons())
        self.resize(720, 520)
        self.reload()

    # building -----------------------------------------------------------------------------

    def _years_row(self) -> QHBoxLayout:
        self.years = QSpinBox()
        self.years.setObjectName("retentionYears")
        self.years.setRange(*retention.YEARS_RANGE)
        self.years.setValue(self.listed_years)
        self.years.setSuffix(self.tr(" years"))
        self.years.setToolTip(
            self.tr("Only changes this list. The pharmacy's setting is in Settings.")
        )
        self.years.valueChanged.connect(self._refresh.start)  # restarted by each change
        label = QLabel(self.tr("Customers with no activity for more than:"))
        label.setBuddy(self.years)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.years)
        row.addStretch(1)
        return row

    def _table(self) -> QTableView:
        table = table_view(self.model)
        table.setObjectName("retentionTable")
        # Several rows at once (Shift, Ctrl): Space ticks or unticks them all.
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSortIndicator(LAST, Qt.SortOrder.AscendingOrder)  # longest inactive first
        table.setSortingEnabled(True)
        size_columns(table, ["00000000", "", "0000-00-00", "00000"])
        box = table.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth)
        table.setColumnWidth(0, table.columnWidth(0) + box + 8)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.installEventFilter(self)
        return table

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Space
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            rows = {index.row() for index in self.table.selectionModel().selectedRows()}
            self.model.toggle(rows or {self.table.currentIndex().row()})
            return True
        return super().eventFilter(watched, event)

    def _buttons(self) -> QHBoxLayout:
        self.select_all = QPushButton(self.tr("Select &all"))
        self.select_all.clicked.connect(lambda: self._check_all(True))
        self.select_none = QPushButton(self.tr("Select &none"))
        self.select_none.clicked.connect(lambda: self._check_all(False))
        self.start = QPushButton(self.tr("&Anonymise selected…"))
        self.start.setObjectName("retentionStart")
        self.start.clicked.connect(self.preview_and_anonymise)
        self.stop = QPushButton(self.tr("&Stop"))
        self.stop.setObjectName("retentionStop")
        self.stop.clicked.connect(self.request_stop)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        row = QHBoxLayout()
        for button in (self.select_all, self.select_none):
            row.addWidget(button)
        row.addStretch(1)
        for button in (self.start, self.stop, close):
            row.addWidget(button)
        for button in (self.select_all, self.select_none, self.start, self.stop, close):
            button.setAutoDefault(False)
        return row

    # the list -----------------------------------------------------------------------------

    def _refresh_due(self) -> None:
        if self._asking or self._running or self._checking:
            self._refresh.start()  # after the preview or the anonymisation
            return
        self.reload()

    def reload(self) -> None:
        """Read the list again, for the years in the box."""
        self._refresh.stop()
        ctx, model, years = self.ctx, self.model, self.years.value()
        column, order = model.sort_column, model.sort_order
        self._reads += 1
        read = self._reads
        self.status.setText(self.tr("Reading the customers…"))
        self._update()
        run_tracked(self.runner, self._tickets,
                    lambda: ordered(retention.inactive_customers(ctx, years=years), column,
                                    order),
                    lambda found: self._show_list(found, years=years, read=read),
                    self._failed)  # fmt: skip
        self._update()

    def _show_list(self, found: list[InactiveCustomer], *, years: int, read: int) -> None:
        if read != self._reads:  # the box changed again meanwhile: a newer list is coming
            return
        self.listed_years = years
        self.model.set_customers(found)
        counted = self.tr("%Ln customer(s) inactive since before %1.", "", len(found))
        since = retention.cutoff(self.ctx, years=years).isoformat()
        lines = [self._note, counted.replace("%1", since)]
        self._summary = "\n".join(line for line in lines if line)
        self.status.setText(self._summary)
        self._note = ""
        self._update()

    def _check_all(self, checked: bool) -> None:
        self.model.set_all(checked)

    def chosen(self) -> list[int]:
        """The ticked customers' ids, in the order the list shows them."""
        return self.model.checked_ids()

    def _update(self) -> None:
        busy = bool(self._tickets) or self._asking
        ticked = self.model.checked_count()
        for widget in (self.select_all, self.select_none, self.table):
            widget.setEnabled(not busy)
        # Reading a list only: the box stays usable (a newer read replaces it).
        self.years.setEnabled(not (self._asking or self._running or self._checking))
        self.start.setEnabled(not busy and ticked > 0)
        self.stop.setEnabled(self._running and not self.shared.cancel)
        self.selected.setText(self.tr("%Ln selected", "", ticked) if ticked else "")

    # anonymising --------------------------------------------------------------------------

    def preview_and_anonymise(self) -> None:
        chosen = self.chosen()
        if not chosen or self._tickets or self._asking:
            return
        ctx, years = self.ctx, self.listed_years
        self._checking = True
        self.status.setText(self.tr("Checking the chosen customers again…"))
        run_tracked(self.runner, self._tickets,
                    lambda: retention.preview(ctx, chosen, years=years),
                    self._previewed, self._failed)  # fmt: skip
        self._update()

    def _previewed(self, preview: retention.Preview) -> None:
        self._checking = False
        self.status.setText(self._summary)
        self._update()
        if not preview.customers:
            self.status.setText(self.tr("None of them is inactive any more."))
            self.reload()
            return
        # Asked from a fresh turn of the event loop, not from inside the runner's delivery:
        # the box's own loop would deliver other jobs' results in the middle of it.
        self._asking = True
        self._update()
        QTimer.singleShot(0, self, lambda: self._ask(preview))

    def _ask(self, preview: retention.Preview) -> None:
        confirmed = self._confirm(preview)
        self._asking = False
        self._update()
        if confirmed:
            self.start_anonymising([c.id for c in preview.customers])

    def _confirm(self, preview: retention.Preview) -> bool:
        names = [c.name for c in preview.customers[:PREVIEW_NAMES]]
        more = len(preview.customers) - len(names)
        lines = [
            self.tr("Anonymise %Ln customer(s)? This cannot be undone.", "",
                    len(preview.customers)),
            formatting.listed(names) + (self.tr(" and %Ln more", "", more) if more else ""),
        ]  # fmt: skip
        if preview.active_again:
            lines.append(self.tr("%Ln chosen customer(s) came back since the list was made "
                                 "and will be left alone.", "", preview.active_again))  # fmt: skip
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Retention review"),
                          "\n\n".join([*lines, backups_note()]), parent=self)  # fmt: skip
        go = box.addButton(self.tr("Anonymise"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is go

    def start_anonymising(self, customer_ids: list[int]) -> None:
        self.shared = shared = ExportProgress(latest=(0, len(customer_ids)))
        ctx, years = self.ctx, self.listed_years
        self._running = True
        self.progress.setRange(0, max(len(customer_ids), 1))
        self.progress.setValue(0)
        self.progress.show()
        self.status.setText(self.tr("Anonymising…"))
        self._timer.start()
        self._readers = OtherReaders(self.parent(), ctx)
        self._readers.stop()
        run_tracked(
            self.runner, self._tickets,
            lambda: retention.anonymise(ctx, customer_ids, progress=shared.update,
                                        cancelled=shared.cancelled, years=years),
            self._anonymised, self._failed,
        )  # fmt: skip
        self._update()

    def request_stop(self) -> None:
        self.shared.cancel = True
        self.status.setText(self.tr("Stopping after the current customer…"))
        self._update()

    def _show_progress(self) -> None:
        done, total = self.shared.latest
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _end(self) -> None:
        self._running = self._checking = False
        self._timer.stop()
        self.progress.hide()
        if self._readers is not None:
            self._readers.start()
            self._readers = None

    def _anonymised(self, result: ErasureResult) -> None:
        self._end()
        self.anonymised += result.customer_ids
        self._note = self.tr("%Ln customer(s) anonymised.", "", len(result.customer_ids))
        if note := journal_note(result):
            self._note += "\n" + note
        self.reload()

    def _failed(self, error: BaseException) -> None:
        self._end()
        self.status.setText(failure_text(error))
        self._update()

    def reject(self) -> None:
        if not self._tickets:  # an anonymisation finishes (or stops) first
            super().reject()
