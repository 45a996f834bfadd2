"""The retention review's list as a Qt item model: one row per inactive customer, a check
box in the first column.

A large pharmacy lists tens of thousands of customers here, so nothing is done per row that
a person does not see: the rows are the service's records as they came, ticking all or none
is one flag (the rows ticked otherwise are kept apart) and one `dataChanged` for the column,
the count of ticked rows is a subtraction, and only sorting touches every row (a Python
sort of plain keys, which also runs on the worker when the list is read again).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from pharmadesk.services.retention import InactiveCustomer

Index = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole
CHECK = Qt.ItemDataRole.CheckStateRole
ASCENDING = Qt.SortOrder.AscendingOrder
CODE, NAME, LAST, PURCHASES = range(4)
NUMBER_ALIGN = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
Key = Callable[[InactiveCustomer], Any]


def _last(customer: InactiveCustomer) -> tuple[date, int]:
    return customer.last_activity or date.min, customer.id


# Ties fall back to the service's own order: longest inactive first, then by id.
SORT_KEYS: dict[int, Key] = {
    CODE: lambda c: (c.code or "", *_last(c)),
    NAME: lambda c: (c.pinyin or c.name, c.name, *_last(c)),
    LAST: _last,
    PURCHASES: lambda c: (c.purchase_count, *_last(c)),
}


def ordered(
    customers: Sequence[InactiveCustomer], column: int, order: Qt.SortOrder = ASCENDING
) -> list[InactiveCustomer]:
    """The customers sorted as the list shows them when sorted by `column` (no Qt needed:
    the worker calls it on a fresh list)."""
    key = SORT_KEYS.get(column, _last)
    return sorted(customers, key=key, reverse=order != ASCENDING)


class InactiveCustomersModel(QAbstractTableModel):
    """`set_customers(rows)` shows a new list, none ticked; `set_all(checked)` ticks all or
    none; `checked_ids()` are the ticked customers in the order shown. `checked_changed` is
    emitted whenever the ticked rows change."""

    checked_changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[InactiveCustomer] = []
        self._all = False  # the state of every row whose id is not in `_flipped`
        self._flipped: set[int] = set()
        self.sort_column, self.sort_order = LAST, ASCENDING

    def headers(self) -> list[str]:
        return [self.tr("Member code"), self.tr("Name"), self.tr("Last activity"),
                self.tr("Purchases")]  # fmt: skip

    # the list -----------------------------------------------------------------------------

    def set_customers(self, customers: Sequence[InactiveCustomer]) -> None:
        """Already in the order of `sort_column`/`sort_order` (see `ordered`)."""
        self.beginResetModel()
        self._rows = list(customers)
        self._all, self._flipped = False, set()
        self.endResetModel()
        self.checked_changed.emit()

    def customer(self, row: int) -> InactiveCustomer | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if role == DISPLAY and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == CODE:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        customer, column = self._rows[index.row()], index.column()
        if role == CHECK and column == CODE:
            return Qt.CheckState.Checked if self._ticked(customer) else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.TextAlignmentRole and column == PURCHASES:
            return NUMBER_ALIGN
        if role != DISPLAY:
            return None
        if column == CODE:
            return customer.code or ""
        if column == NAME:
            return customer.name
        if column == LAST:
            return customer.last_activity.isoformat() if customer.last_activity else ""
        return str(customer.purchase_count)

    # ticking ------------------------------------------------------------------------------

    def _ticked(self, customer: InactiveCustomer) -> bool:
        return self._all != (customer.id in self._flipped)

    def setData(self, index: Index, value: Any, role: int = CHECK) -> bool:
        if not index.isValid() or role != CHECK or index.column() != CODE:
            return False
        self._tick(index.row(), Qt.CheckState(value) == Qt.CheckState.Checked)
        self.checked_changed.emit()
        return True

    def _tick(self, row: int, checked: bool) -> None:
        customer = self._rows[row]
        if self._ticked(customer) == checked:
            return
        self._flipped.symmetric_difference_update((customer.id,))
        cell = self.index(row, CODE)
        self.dataChanged.emit(cell, cell, [CHECK])

    def toggle(self, rows: Iterable[int]) -> None:
        """Tick the given rows, or untick them when all of them are ticked (Space on a
        selection)."""
        wanted = sorted({row for row in rows if 0 <= row < len(self._rows)})
        if not wanted:
            return
        checked = not all(self._ticked(self._rows[row]) for row in wanted)
        for row in wanted:
            self._tick(row, checked)
        self.checked_changed.emit()

    def set_all(self, checked: bool) -> None:
        self._all, self._flipped = checked, set()
        if self._rows:
            self.dataChanged.emit(self.index(0, CODE), self.index(len(self._rows) - 1, CODE),
                                  [CHECK])  # fmt: skip
        self.checked_changed.emit()

    def checked_count(self) -> int:
        flipped = len(self._flipped)
        return len(self._rows) - flipped if self._all else flipped

    def checked_ids(self) -> list[int]:
        if not self._all and not self._flipped:
            return []
        return [c.id for c in self._rows if self._ticked(c)]

    # sorting ------------------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = ASCENDING) -> None:
        if column not in SORT_KEYS:
            return
        self.sort_column, self.sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        before = self._rows
        self._rows = ordered(before, column, order)
        # The view's selection and current row follow their customers to their new rows.
        new_row = {c.id: row for row, c in enumerate(self._rows)}
        moved = self.persistentIndexList()
        self.changePersistentIndexList(
            moved,
            [self.index(new_row[before[i.row()].id], i.column()) for i in moved],
        )
        self.layoutChanged.emit()
