"""Every purchase line of the pharmacy in one table: by date or amount, by range and category.

Millions of lines scroll without being loaded: the model pages from the database, and a page
next to one already shown is found by key. Enter (or a double click) on a line opens its
customer in the main window.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from pharmadesk.ui.models import ID_ROLE, AllPurchasesModel
from pharmadesk.ui.purchase_filter import PurchaseFilterBar
from pharmadesk.ui.tables import enter_pressed, size_columns, table_view

SAMPLES = ("2026-10-31", "欧阳秀英", "蒲地蓝消炎口服液", "100mg×100片", "维生素营养", "99",
           "¥1,234.00", "¥12,345.00", "R202610310001")  # fmt: skip


class AllPurchasesWindow(QDialog):
    customer_chosen = Signal(int)

    def __init__(
        self, model: AllPurchasesModel, categories: list[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("All purchases"))
        self.setWindowFlag(Qt.WindowType.Window)
        self.model = model
        self.filters = PurchaseFilterBar(categories)
        self.filters.changed.connect(self._apply_filter)
        self.count = QLabel()
        self.count.setObjectName("purchaseCount")
        self.table = table_view(model)
        self.table.setObjectName("allPurchasesTable")
        self.table.setSortingEnabled(True)
        size_columns(self.table, SAMPLES)
        self.table.activated.connect(lambda index: self._open(index.row()))
        self.table.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addWidget(self.count)
        layout.addWidget(self.table, 1)
        self.resize(1100, 640)
        model.modelReset.connect(self._show_count)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and enter_pressed(event):
            self._open(self.table.currentIndex().row())
            return True
        return super().eventFilter(watched, event)

    def _apply_filter(self) -> None:
        chosen = self.filters.applied_to(self.model.current_filter())
        if chosen is not None:
            self.model.set_filter(chosen)

    def _show_count(self) -> None:
        self.count.setText(self.tr("%Ln purchase line(s)", "", self.model.rowCount()))

    def _open(self, row: int) -> None:
        customer_id = self.model.data(self.model.index(row, 0), ID_ROLE)
        if isinstance(customer_id, int):
            self.customer_chosen.emit(customer_id)

    def show_all(self) -> None:
        """Every line of every customer, in the order the user last chose."""
        self.model.set_filter(replace(self.model.current_filter(), customer_id=None))
