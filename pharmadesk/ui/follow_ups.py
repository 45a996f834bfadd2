"""Open follow-ups across all customers, overdue and due today first; Enter opens one."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pharmadesk.services.interactions import FollowUp
from pharmadesk.ui import labels


class FollowUpsDialog(QDialog):
    def __init__(self, items: list[FollowUp], today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open follow-ups"))
        self.resize(820, 480)
        self.chosen_customer: int | None = None
        self._items = items
        self.table = QTableWidget(len(items), 5)
        self.table.setObjectName("followUpTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Due"),
                self.tr("Customer"),
                self.tr("Mobile"),
                self.tr("Kind"),
                self.tr("Summary"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        overdue = QBrush(QColor("#b00020"))
        for row, item in enumerate(items):
            due = item.entry.follow_up_due
            cells = [due.isoformat() if due else "", item.customer_name,
                     item.customer_mobile or "", labels.kind(item.entry.kind),
                     item.entry.summary]  # fmt: skip
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if due and due < today:
                    cell.setForeground(overdue)
                self.table.setItem(row, column, cell)
        if items:
            self.table.selectRow(0)
        self.table.activated.connect(lambda index: self._choose(index.row()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        overdue_count = sum(
            1 for i in items if i.entry.follow_up_due and i.entry.follow_up_due < today
        )
        layout.addWidget(
            QLabel(
                self.tr("%1, %2. Enter opens the customer.")
                .replace("%1", self.tr("%Ln open", "", len(items)))
                .replace("%2", self.tr("%Ln overdue", "", overdue_count))
            )
        )
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.table.setFocus()

    def _choose(self, row: int) -> None:
        if 0 <= row < len(self._items):
            self.chosen_customer = self._items[row].customer_id
            self.accept()
