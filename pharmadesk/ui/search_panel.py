"""The search box and its results: type, arrow down, Enter opens the customer.

Searches run on the background runner after a short pause in typing, so no keystroke
waits for the database; a result that arrives after the text changed again is dropped.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pharmadesk.services.search import Hit
from pharmadesk.ui.models import CustomerHitsModel
from pharmadesk.ui.tasks import BackgroundRunner

DEBOUNCE_MS = 120
Searcher = Callable[[str], list[Hit]]


class SearchPanel(QWidget):
    customer_chosen = Signal(int)
    results_shown = Signal(int)  # how many hits are listed

    def __init__(
        self, search: Searcher, runner: BackgroundRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._search = search
        self._runner = runner
        self._ticket = 0
        self._pending_open = False
        self.box = QLineEdit()
        self.box.setObjectName("searchBox")
        self.box.setClearButtonEnabled(True)
        self.box.setPlaceholderText(self.tr("Mobile, last 4 digits, name, pinyin or member code"))
        self.model = CustomerHitsModel()
        self.results = QTableView()
        self.results.setObjectName("searchResults")
        self.results.setModel(self.model)
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.verticalHeader().hide()
        self.results.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.results.activated.connect(lambda index: self._open_row(index.row()))
        self.status = QLabel()
        self.status.setObjectName("searchStatus")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._run_search)
        self.box.textChanged.connect(lambda _: self._timer.start())
        self.box.installEventFilter(self)
        self.results.installEventFilter(self)

    def focus_box(self) -> None:
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    def clear(self) -> None:
        self.box.clear()
        self.model.set_hits([])

    def _run_search(self) -> None:
        query = self.box.text().strip()
        if self._ticket:
            self._runner.forget(self._ticket)
        if not query:
            self._ticket = 0
            self.model.set_hits([])
            self.status.setText("")
            return
        self._ticket = self._runner.submit(
            lambda: self._search(query),
            lambda hits: self._show(query, hits),
            lambda error: self.status.setText(
                self.tr("Search failed: %1").replace("%1", str(error))
            ),
        )

    def _show(self, query: str, hits: list[Hit]) -> None:
        self._ticket = 0
        if query != self.box.text().strip():
            return
        self.model.set_hits(hits)
        if hits:
            self.results.selectRow(0)
            self.status.setText(self.tr("%n customer(s) found", "", len(hits)))
        else:
            self.status.setText(self.tr("No customer found"))
        self.results_shown.emit(len(hits))
        if self._pending_open:
            self._pending_open = False
            self._open_row(self.results.currentIndex().row())

    def _open_row(self, row: int) -> None:
        hit = self.model.hit(row)
        if hit is not None:
            self.customer_chosen.emit(hit.id)

    def _move(self, step: int) -> None:
        rows = self.model.rowCount()
        if not rows:
            return
        row = self.results.currentIndex().row()
        self.results.selectRow(min(max(row + step, 0), rows - 1))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key = event.key()
        if watched is self.box:
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                self._move(1 if key == Qt.Key.Key_Down else -1)
                return True
            if key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                self._move(10 if key == Qt.Key.Key_PageDown else -10)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._timer.isActive() or self._ticket:
                    # Typed faster than the search: open the first hit once it arrives.
                    self._pending_open = True
                    if self._timer.isActive():
                        self._timer.stop()
                        self._run_search()
                else:
                    self._open_row(self.results.currentIndex().row())
                return True
            if key == Qt.Key.Key_Escape:
                self.clear()
                return True
        elif watched is self.results and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._open_row(self.results.currentIndex().row())
            return True
        return False
