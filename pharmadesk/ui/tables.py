"""Table views set up the way every PharmaDesk table behaves."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

Row = TypeVar("Row")


class RowsModel(QAbstractTableModel, Generic[Row]):
    """A flat, read-only table of `rows` under the column `titles`; subclasses give data().

    Subclasses set `titles` with their own self.tr() calls, so each title keeps the
    translation context of the model that shows it."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Row] = []
        self.titles: list[str] = []

    def set_rows(self, rows: Sequence[Row]) -> None:
        """Show these rows (a copy of the sequence) instead of the current ones."""
        self.beginResetModel()
        self.rows = list(rows)
        self.rows_replaced()
        self.endResetModel()

    def rows_replaced(self) -> None:
        """Called inside the reset of set_rows: forget what belonged to the old rows."""

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.titles)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.titles[section] if 0 <= section < len(self.titles) else None
        return None


def table_view(model: QAbstractItemModel) -> QTableView:
    """Read-only, whole rows selected one at a time, rows of one fixed height."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    # A fixed row height lets the view size 2,000,000 rows without measuring them.
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def fit_short_table(view: QTableView, stretch: int) -> None:
    """A short table (a customer's log or ledger): columns sized to their contents, column
    `stretch` (the text) takes the rest of the width."""
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    header.setStretchLastSection(False)


def size_columns(view: QTableView, samples: Sequence[str]) -> None:
    """Column widths from a typical value of each column and its title, never from the rows:
    measuring contents would page through every line of a long table."""
    header = view.horizontalHeader()
    model = view.model()
    for column, sample in enumerate(samples):
        title = str(model.headerData(column, Qt.Orientation.Horizontal))
        width = max(
            view.fontMetrics().horizontalAdvance(sample),
            header.fontMetrics().horizontalAdvance(title) + 16,  # room for the sort arrow
        )
        view.setColumnWidth(column, width + 16)


def enter_pressed(event: QEvent) -> bool:
    """Return or Enter pressed: a table view's Enter does not always activate its row, so
    windows that open a row on Enter watch for it themselves."""
    return (
        event.type() == QEvent.Type.KeyPress
        and isinstance(event, QKeyEvent)
        and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
    )
