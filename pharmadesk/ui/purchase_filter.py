"""The filter row above a purchase table: a date range and a category."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from pharmadesk.services.purchases import PurchaseFilter
from pharmadesk.text.normalize import InvalidValue, parse_date


class PurchaseFilterBar(QWidget):
    """Emits `changed` when the user applies a range (Enter) or picks a category."""

    changed = Signal()

    def __init__(self, categories: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.date_from = QLineEdit()
        self.date_from.setObjectName("dateFrom")
        self.date_to = QLineEdit()
        self.date_to.setObjectName("dateTo")
        for edit in (self.date_from, self.date_to):
            edit.setPlaceholderText(self.tr("YYYY-MM-DD"))
            edit.returnPressed.connect(self.changed)
        self.category = QComboBox()
        self.category.setObjectName("category")
        self.category.addItem(self.tr("All categories"), None)
        for name in categories:
            self.category.addItem(name, name)
        self.category.currentIndexChanged.connect(self.changed)
        self.hint = QLabel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (QLabel(self.tr("From")), self.date_from, QLabel(self.tr("to")),
                       self.date_to, self.category, self.hint):  # fmt: skip
            layout.addWidget(widget)

    def applied_to(self, current: PurchaseFilter) -> PurchaseFilter | None:
        """`current` with this bar's range and category; None (and a hint) for a bad date."""
        try:
            start = parse_date(self.date_from.text())
            end = parse_date(self.date_to.text())
        except InvalidValue:
            self.hint.setText(self.tr("Not a date"))
            return None
        self.hint.setText("")
        return replace(current, date_from=start, date_to=end, category=self.category.currentData())
