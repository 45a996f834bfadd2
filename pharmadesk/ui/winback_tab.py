"""The Win-back tab of the Reminders window: customers at risk or lost, the most valuable
first, called from the list; the owner can export the list to Excel.

The list loads in the background (the stages of every customer and a pass over every
purchase line: a few seconds on a 200,000-customer pharmacy). "Call…" shows why the
customer is listed and the message from the win-back template, and logs the call with its
outcome. The "Last call" column is the last win-back call of the past 90 days, read from
the interaction log with the list (`winback.listed`), so it holds after a restart or for
another account; a customer who said they will come is left off the list for 14 days
unless they came. "Export…" (owner only) asks the purpose, then writes the list as shown,
in the background, and the export is audited with that purpose.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from pharmadesk.errors import OperationFailed, PharmaDeskError
from pharmadesk.io import winback_export
from pharmadesk.services import templates, winback
from pharmadesk.services.calls import LastCall
from pharmadesk.services.context import Context
from pharmadesk.services.permissions import Operation, allows
from pharmadesk.services.winback import WinbackRow
from pharmadesk.ui import analytics_labels, i18n, labels
from pharmadesk.ui.buttons import add_button
from pharmadesk.ui.call_dialog import CallDialog, last_call_text
from pharmadesk.ui.export_purpose import ask_purpose, export_folder
from pharmadesk.ui.formatting import money
from pharmadesk.ui.tables import RowsModel, enter_pressed, size_columns, table_view
from pharmadesk.ui.tasks import BackgroundRunner, LatestJob

log = logging.getLogger(__name__)
SAMPLES = ("欧阳秀英", "13812345678", "有流失风险", "12-02 Will come in", "2026-11-22",
           "1000", "慢病用药、医疗器械、感冒发烧", "¥12,345.67")  # fmt: skip
LAST_CALL_COLUMN, CATEGORIES_COLUMN = 3, 6
STAGE_COLOURS = {"at_risk": QColor("#b35c00"), "lost": QColor("#b00020")}
NUMBER_ALIGN = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class WinbackTableModel(RowsModel[WinbackRow]):
    """The win-back list, one customer per row, in the service's order (by value)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.separator = ", "
        self.today = date.today()
        self.titles = [self.tr("Customer"), self.tr("Mobile"), self.tr("Stage"),
                       self.tr("Last call"), self.tr("Last visit"), self.tr("Days since"),
                       self.tr("Usual categories"), self.tr("12-month value")]  # fmt: skip

    def mark_called(self, row: int, call: LastCall) -> None:
        self.rows[row] = replace(self.rows[row], last_call=call)
        cell = self.index(row, LAST_CALL_COLUMN)
        self.dataChanged.emit(cell, cell)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 2:
            colour = STAGE_COLOURS.get(row.stage)
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (5, 7):
            return NUMBER_ALIGN
        return None

    def _text(self, row: WinbackRow, column: int) -> str:
        values = (row.customer_name, row.mobile or "", analytics_labels.stage(row.stage),
                  last_call_text(row.last_call, self.today), row.last_visit.isoformat(),
                  str(row.days_since), self.separator.join(row.categories),
                  money(row.value_12m_fen))  # fmt: skip
        return values[column]


class WinbackTab(QWidget):
    customer_chosen = Signal(int)

    def __init__(
        self, ctx: Context, runner: BackgroundRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.runner = ctx, runner
        self._loading = LatestJob(runner)  # the list's load: only the newest is shown
        self.model = WinbackTableModel(self)
        self.table = table_view(self.model)
        self.table.setObjectName("winbackTable")
        size_columns(self.table, SAMPLES)
        # The spare width goes to the usual categories (three names are often cut), not
        # to the amount in the last column.
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(CATEGORIES_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda index: self.call())
        self.table.installEventFilter(self)
        self.table.selectionModel().currentChanged.connect(lambda *_: self._enable())
        self.status = QLabel()
        self.status.setObjectName("winbackStatus")
        explain = QLabel(self.tr("Customers at risk or lost by the lifecycle stages of the "
                                 "charts, who agreed to be contacted; the largest spend in "
                                 "the last 12 months first."))  # fmt: skip
        explain.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addLayout(self._actions())
        self.setFocusProxy(self.table)
        self._enable()

    def _actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.call_button = add_button(row, self.tr("&Call…"), "winbackCall", self.call)
        self.open_button = add_button(row, self.tr("&Open customer"), "winbackOpen",
                                      self.open_customer)  # fmt: skip
        row.addStretch(1)
        self.export_button = add_button(row, self.tr("&Export…"), "winbackExport",
                                        self.export)  # fmt: skip
        self.export_button.setVisible(allows(self.ctx.account, Operation.EXPORT_PERSONAL))
        return row

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and enter_pressed(event):
            self.call()
            return True
        return super().eventFilter(watched, event)

    # --- Loading ---

    def reload(self) -> None:
        """Load the list again in the background; a list still coming is no longer wanted."""
        ctx = self.ctx
        self.status.setText(self.tr("Loading…"))
        self._enable()
        self._loading.submit(lambda: winback.listed(ctx), self._loaded, self._failed)

    def _loaded(self, found: list[WinbackRow]) -> None:
        self.model.separator = "、" if i18n.current_language().startswith("zh") else ", "
        self.model.today = self.ctx.today()
        self.model.set_rows(found)
        if found:
            self.table.selectRow(0)
        self.status.setText(self.tr("%Ln customer(s) to win back.", "", len(found)))
        self._enable()

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, PharmaDeskError | ValueError):
            log.error("loading the win-back list failed", exc_info=error)
        self.status.setText(self.tr("The list could not be loaded: %1").replace("%1", str(error)))
        self._enable()

    def _enable(self) -> None:
        chosen = self.current() is not None
        self.call_button.setEnabled(chosen)
        self.open_button.setEnabled(chosen)
        self.export_button.setEnabled(bool(self.model.rows) and not self._loading.running)

    # --- Actions ---

    def current(self) -> tuple[int, WinbackRow] | None:
        row = self.table.currentIndex().row()
        if 0 <= row < len(self.model.rows):
            return row, self.model.rows[row]
        return None

    def open_customer(self) -> None:
        chosen = self.current()
        if chosen is not None:
            self.customer_chosen.emit(chosen[1].customer_id)

    def about(self, row: WinbackRow) -> str:
        """Why the customer is listed, in a sentence."""
        text = self.tr("%1: last visit %2, %3 days ago.").replace(
            "%1", analytics_labels.stage(row.stage)
        )
        text = text.replace("%2", row.last_visit.isoformat()).replace("%3", str(row.days_since))
        if row.categories:
            text += " " + self.tr("Usually buys %1.").replace(
                "%1", self.model.separator.join(row.categories)
            )
        return (
            text
            + " "
            + self.tr("%1 in the last 12 months.").replace("%1", money(row.value_12m_fen))
        )

    def call(self) -> None:
        chosen = self.current()
        if chosen is None:
            return
        number, row = chosen
        try:
            language = i18n.current_language()
            message = templates.render(
                self.ctx, "winback", row.customer_id, language, last_visit=row.last_visit
            )
        except PharmaDeskError:
            message = ""
        dialog = CallDialog(customer_name=row.customer_name, mobile=row.mobile,
                            about=self.about(row), outcomes=winback.CALL_OUTCOMES,
                            message=message, parent=self)  # fmt: skip
        if not dialog.exec() or dialog.outcome is None:
            return
        summary = self.tr("Win-back call: %1").replace("%1", labels.outcome(dialog.outcome))
        if dialog.note:
            summary = f"{summary}. {dialog.note}"
        try:
            entry = winback.log_call(self.ctx, row.customer_id, outcome=dialog.outcome,
                                     summary=summary, channel=dialog.channel)  # fmt: skip
        except OperationFailed as exc:
            text = self.tr("The call was not logged: %1").replace("%1", str(exc))
            QMessageBox.warning(self, self.tr("Win-back call"), text)
            return
        day = entry.occurred_at.astimezone(self.ctx.now().tzinfo).date()
        self.model.mark_called(number, LastCall(row.customer_id, entry.occurred_at, day,
                                                dialog.outcome))  # fmt: skip
        self.table.setFocus()

    def export(self) -> None:
        rows = list(self.model.rows)
        if not rows:
            return
        purpose = self.ask_purpose()
        if not purpose:
            return
        target = self.ask_target()
        if target is None:
            return
        ctx, language, today = self.ctx, i18n.current_language(), self.ctx.today()
        self.export_button.setEnabled(False)
        self.status.setText(self.tr("Exporting…"))
        self.runner.submit(
            lambda: winback_export.write(
                ctx, rows, target, language=language, made_on=today, purpose=purpose
            ),
            lambda count: self._exported(target, count),
            self._export_failed,
        )

    def ask_purpose(self) -> str | None:
        """What the list is exported for, asked like the main export asks (tests replace it)."""
        return ask_purpose(self, self.tr("Export the win-back list"))

    def ask_target(self) -> Path | None:
        """The save-file dialog, in the exports' folder (tests replace it)."""
        name = self.tr("win-back %1").replace("%1", self.ctx.today().isoformat())
        title, kinds = self.tr("Export the win-back list"), self.tr("Excel workbook (*.xlsx)")
        chosen, _ = QFileDialog.getSaveFileName(
            self, title, str(export_folder() / f"{name}.xlsx"), kinds
        )
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")

    def _exported(self, target: Path, count: int) -> None:
        self.status.setText(self.tr("%Ln customer(s) exported to %1.", "", count)
                            .replace("%1", str(target)))  # fmt: skip
        self._enable()

    def _export_failed(self, error: BaseException) -> None:
        if not isinstance(error, PharmaDeskError):
            log.error("exporting the win-back list failed", exc_info=error)
        self.status.setText(self.tr("%Ln customer(s) to win back.", "", len(self.model.rows)))
        self._enable()
        text = self.tr("The list was not exported: %1").replace("%1", str(error))
        QMessageBox.warning(self, self.tr("Export the win-back list"), text)
