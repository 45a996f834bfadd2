"""The customers behind a chart's bar or slice (a segment, a stage, a product, a category):
the list to call back, so only customers who agreed to be contacted (the others are left
out, and the summary says how many). Enter or a double click opens a customer in the main
window; Export… writes the list to an Excel file off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pharmadesk.errors import PharmaDeskError
from pharmadesk.services.analytics.results import CustomerRow
from pharmadesk.ui import analytics_labels, formatting
from pharmadesk.ui.models import ID_ROLE, NUMBER_ALIGN
from pharmadesk.ui.tables import enter_pressed, size_columns, table_view
from pharmadesk.ui.tasks import BackgroundRunner

Index = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole
NUMBER_COLUMNS = (4, 5, 6)
SAMPLES = ("欧阳秀英", "M000123456", "13812345678", "2026-10-31", "9,999", "999",
           "¥123,456.78", "流失风险", "流失风险")  # fmt: skip
# The list export: (the rows in the order shown, the headers shown, the target .xlsx).
Exporter = Callable[[list[CustomerRow], list[str], Path], object]


def _sort_key(column: int) -> Callable[[CustomerRow], Any]:
    keys: list[Callable[[CustomerRow], Any]] = [
        lambda r: r.name, lambda r: r.code or "", lambda r: r.mobile or "",
        lambda r: r.last_purchase.toordinal() if r.last_purchase else 0,
        lambda r: r.recency_days if r.recency_days is not None else 10**9,
        lambda r: r.transactions_12m, lambda r: r.spend_12m_fen,
        lambda r: analytics_labels.segment(r.segment), lambda r: analytics_labels.stage(r.stage),
    ]  # fmt: skip
    return keys[column]


class CustomerRowsModel(QAbstractTableModel):
    """The customers of one list, sortable by any column (the list is a few thousand at most)."""

    def __init__(self, rows: list[CustomerRow], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows = list(rows)

    def headers(self) -> list[str]:
        return [
            self.tr("Name"), self.tr("Member code"), self.tr("Mobile"), self.tr("Last purchase"),
            self.tr("Days to period end"), self.tr("Transactions (12 months)"),
            self.tr("Spend (12 months)"), self.tr("Segment"), self.tr("Stage"),
        ]  # fmt: skip

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if role == DISPLAY and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in NUMBER_COLUMNS:
            return NUMBER_ALIGN
        if role == DISPLAY:
            return self._cells(row)[index.column()]
        return None

    @staticmethod
    def _cells(row: CustomerRow) -> list[str]:
        return [
            row.name, row.code or "", row.mobile or "",
            row.last_purchase.isoformat() if row.last_purchase else "",
            formatting.count(row.recency_days) if row.recency_days is not None else "",
            formatting.count(row.transactions_12m), formatting.money(row.spend_12m_fen),
            analytics_labels.segment(row.segment), analytics_labels.stage(row.stage),
        ]  # fmt: skip

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.headers()):
            return
        self.layoutAboutToBeChanged.emit()
        descending = order == Qt.SortOrder.DescendingOrder
        self._rows.sort(key=_sort_key(column), reverse=descending)
        self.layoutChanged.emit()

    def rows(self) -> list[CustomerRow]:
        """The customers in the order shown."""
        return list(self._rows)


class CustomerListWindow(QDialog):
    """A window of its own (not modal): the owner works down the list, opening customers."""

    customer_chosen = Signal(int)

    def __init__(self, title: str, rows: list[CustomerRow], *, runner: BackgroundRunner,
                 export: Exporter | None, parent: QWidget | None = None,
                 left_out: int = 0) -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._runner, self._export = runner, export
        self._left_out = left_out
        self.model = CustomerRowsModel(rows, self)
        self.table = table_view(self.model)
        self.table.setObjectName("customerListTable")
        # Kept in the service's order (largest spend first) until a header is clicked.
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        size_columns(self.table, SAMPLES)
        self.table.activated.connect(lambda index: self._open(index.row()))
        self.table.installEventFilter(self)
        self._summary = self._summary_text(rows)
        self.summary = QLabel(self._summary)
        self.summary.setObjectName("customerListSummary")
        self.export_button = QPushButton(self.tr("&Export…"))
        self.export_button.setObjectName("exportList")
        self.export_button.setEnabled(export is not None and bool(rows))
        if export is None:
            self.export_button.setToolTip(self.tr("Only the owner may export personal data."))
        self.export_button.clicked.connect(self.export)
        self._lay_out()
        self.resize(1040, 520)
        if rows:
            self.table.selectRow(0)
        self.table.setFocus()

    def _lay_out(self) -> None:
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(self.tr("Enter or a double click opens the customer.")), 1)
        bottom.addWidget(self.export_button)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    def _summary_text(self, rows: list[CustomerRow]) -> str:
        spend = sum(row.spend_12m_fen for row in rows)
        text = (
            self.tr("%1 · %2 spent in the last 12 months")
            .replace("%1", self.tr("%Ln customer(s)", "", len(rows)))
            .replace("%2", formatting.money(spend))
        )
        if self._left_out:
            text += " · " + self.tr("%Ln left out: no contact consent", "", self._left_out)
        return text

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and enter_pressed(event):
            self._open(self.table.currentIndex().row())
            return True
        return super().eventFilter(watched, event)

    def _open(self, row: int) -> None:
        customer_id = self.model.data(self.model.index(row, 0), ID_ROLE)
        if isinstance(customer_id, int):
            self.customer_chosen.emit(customer_id)

    def export(self) -> None:
        path = self.ask_path()
        if path is None or self._export is None:
            return
        rows, headers, export = self.model.rows(), self.model.headers(), self._export
        self.export_button.setEnabled(False)
        self.summary.setText(self.tr("Exporting…"))
        self._runner.submit(
            lambda: export(rows, headers, path),
            lambda _done: self._exported(path),
            self._export_failed,
        )

    def ask_path(self) -> Path | None:
        """The .xlsx file to write; None when cancelled."""
        chosen, _kind = QFileDialog.getSaveFileName(
            self, self.tr("Export the list"), "customers.xlsx", self.tr("Excel workbook (*.xlsx)")
        )
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == ".xlsx" else path.with_suffix(".xlsx")

    def _exported(self, path: Path) -> None:
        self.export_button.setEnabled(True)
        self.summary.setText(self.tr("Exported to %1").replace("%1", str(path)))

    def _export_failed(self, error: BaseException) -> None:
        if not isinstance(error, (PharmaDeskError, OSError)):
            raise error
        self.export_button.setEnabled(True)
        self.summary.setText(self._summary)
        message = error.message if isinstance(error, PharmaDeskError) else str(error)
        QMessageBox.warning(self, self.tr("Not exported"), message)
