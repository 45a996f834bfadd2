"""The duplicate finder's window: pairs of customers who may be one person, with the evidence.

The pairs load in the background (every customer is looked at: a few seconds on a
200,000-customer pharmacy), the most certain first; a level filter narrows them. Enter or
"Merge…" asks for the merge dialog (`merge_requested(low id, high id)`, connected by the
main window); "Not the same person" (Delete) dismisses the pair for good, and Undo
(Ctrl+Z) brings the last dismissed pair back. "Open" shows either customer at the counter.
Esc or Ctrl+W closes the window.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from pharmadesk.errors import PharmaDeskError
from pharmadesk.services import duplicates
from pharmadesk.services.context import Context
from pharmadesk.services.duplicates import Findings, Pair, Side
from pharmadesk.ui import i18n
from pharmadesk.ui.buttons import add_button
from pharmadesk.ui.tables import RowsModel, enter_pressed, size_columns, table_view
from pharmadesk.ui.tasks import BackgroundRunner, LatestJob

log = logging.getLogger(__name__)
SAMPLES = ("Possible", "欧阳秀英 C000123", "13812345678", "1965-03-07",
           "欧阳秀英 C000124", "13812345678", "1965-03-07")  # fmt: skip
EVIDENCE_COLUMN = 7
LEVEL_COLOURS = {
    "certain": QColor("#b00020"),
    "strong": QColor("#b35c00"),
    "possible": QColor("#1f5fa8"),
}


class DuplicatesTableModel(RowsModel[Pair]):
    """The candidate pairs of one level (or all), one pair per row, in the finder's order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pairs: list[Pair] = []  # every pair found and not dismissed
        self.level: str | None = None
        self.language = "en"
        self.titles = [self.tr("Level"), self.tr("Customer"), self.tr("Mobile"),
                       self.tr("Born"), self.tr("Other customer"), self.tr("Mobile"),
                       self.tr("Born"), self.tr("Evidence")]  # fmt: skip
        self.level_words = {"certain": self.tr("Certain"), "strong": self.tr("Strong"),
                            "possible": self.tr("Possible")}  # fmt: skip

    def set_pairs(self, pairs: list[Pair]) -> None:
        self.pairs = list(pairs)
        self._refresh()

    def set_level(self, level: str | None) -> None:
        self.level = level
        self._refresh()

    def remove(self, pair: Pair) -> None:
        self.pairs.remove(pair)
        self._refresh()

    def put_back(self, pair: Pair, position: int) -> None:
        self.pairs.insert(min(position, len(self.pairs)), pair)
        self._refresh()

    def _refresh(self) -> None:
        """`rows`: the pairs shown, those of the chosen level."""
        self.set_rows([p for p in self.pairs if self.level in (None, p.level)])

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        pair = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(pair, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 0:
            return QBrush(LEVEL_COLOURS[pair.level])
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == 0:
                return self.tr("Score %1 of 100").replace("%1", str(pair.score))
            if index.column() == EVIDENCE_COLUMN:
                return pair.reason(self.language)
        return None

    def _text(self, pair: Pair, column: int) -> str:
        if column == 0:
            return self.level_words[pair.level]
        if column == EVIDENCE_COLUMN:
            return pair.reason(self.language)
        side = pair.low if column < 4 else pair.high
        return _side_text(side, (column - 1) % 3, self.tr("about %1"))


def _side_text(side: Side, part: int, about: str) -> str:
    if part == 0:
        return f"{side.name} {side.code}" if side.code else side.name
    if part == 1:
        return side.mobile or ""
    if side.birth_date is not None:
        return side.birth_date.isoformat()
    return about.replace("%1", str(side.birth_year)) if side.birth_year else ""


class DuplicatesWindow(QWidget):
    """Suspected duplicates across the whole pharmacy, for a pharmacist or the owner."""

    customer_chosen = Signal(int)
    merge_requested = Signal(int, int)

    def __init__(
        self, ctx: Context, runner: BackgroundRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.runner = ctx, runner
        self.setWindowFlag(Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Duplicate customers"))
        self.resize(1200, 620)
        self._loading = LatestJob(runner)  # the list's load: only the newest is shown
        self._loaded_once = False
        self._undo: list[tuple[Pair, int]] = []  # dismissed pairs and where they stood
        self.model = DuplicatesTableModel(self)
        self.table = table_view(self.model)
        self.table.setObjectName("duplicatesTable")
        size_columns(self.table, SAMPLES)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(EVIDENCE_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda index: self.merge())
        self.table.installEventFilter(self)
        self.status = QLabel()
        self.status.setObjectName("duplicatesStatus")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(self._filter_row())
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addLayout(self._actions())
        QShortcut(QKeySequence(Qt.Key.Key_F5), self).activated.connect(self.reload)
        QShortcut(QKeySequence.StandardKey.Undo, self).activated.connect(self.undo)
        # Ctrl+W on every platform (the standard Close key is Ctrl+F4 on some desktops).
        for keys in (QKeySequence(Qt.Key.Key_Escape), QKeySequence("Ctrl+W")):
            QShortcut(keys, self).activated.connect(self.close)
        self.setFocusProxy(self.table)
        self._enable()

    def _filter_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        explain = QLabel(self.tr("Customers who may have been registered twice. Merge the "
                                 "ones that are one person; say when two are not, and the "
                                 "pair is not proposed again."))  # fmt: skip
        explain.setWordWrap(True)
        self.level_box = QComboBox()
        self.level_box.setObjectName("duplicatesLevel")
        self.level_box.addItem(self.tr("All levels"), None)
        for level in duplicates.LEVELS:
            self.level_box.addItem(self.model.level_words[level], level)
        self.level_box.currentIndexChanged.connect(self._level_chosen)
        label = QLabel(self.tr("&Level:"))
        label.setBuddy(self.level_box)
        row.addWidget(explain, 1)
        row.addWidget(label)
        row.addWidget(self.level_box)
        return row

    def _actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.merge_button = add_button(row, self.tr("&Merge…"), "duplicatesMerge", self.merge)
        self.dismiss_button = add_button(row, self.tr("&Not the same person"),
                                         "duplicatesDismiss", self.dismiss)  # fmt: skip
        self.dismiss_button.setToolTip(self.tr("Delete: this pair is never proposed again"))
        self.undo_button = add_button(row, self.tr("&Undo"), "duplicatesUndo", self.undo)
        self.undo_button.setToolTip(self.tr("Ctrl+Z: propose the last dismissed pair again"))
        row.addStretch(1)
        self.open_first = add_button(row, self.tr("Open &first"), "duplicatesOpenFirst",
                                     lambda: self.open_customer(0))  # fmt: skip
        self.open_second = add_button(row, self.tr("Open &second"), "duplicatesOpenSecond",
                                      lambda: self.open_customer(1))  # fmt: skip
        return row

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and enter_pressed(event):
            self.merge()
            return True
        if (
            watched is self.table
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Delete
        ):
            self.dismiss()
            return True
        return super().eventFilter(watched, event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded_once:
            self.reload()

    # --- Loading ---

    def reload(self) -> None:
        """Look for the pairs again in the background (after a merge, say: F5)."""
        self._loaded_once = True
        ctx = self.ctx
        self.status.setText(self.tr("Loading…"))
        self._loading.submit(lambda: duplicates.find(ctx), self._loaded, self._failed)
        self._enable()

    def _loaded(self, found: Findings) -> None:
        self._undo.clear()
        self.model.language = i18n.current_language()
        self.model.set_pairs(found.pairs)
        self._shown()

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, PharmaDeskError):
            log.error("looking for duplicates failed", exc_info=error)
        self.status.setText(self.tr("The list could not be loaded: %1").replace("%1", str(error)))
        self._enable()

    def _level_chosen(self, _index: int) -> None:
        self.model.set_level(self.level_box.currentData())
        if not self._loading.running and self._loaded_once:
            self._shown()

    def _shown(self, row: int = 0) -> None:
        """The status line and the selection after the list changed."""
        count = len(self.model.rows)
        if count:
            self.table.selectRow(min(row, count - 1))
        self.status.setText(self.tr("%Ln pair(s) to look at.", "", count))
        self._enable()

    def _enable(self) -> None:
        chosen = self.current() is not None and not self._loading.running
        for button in (self.merge_button, self.dismiss_button, self.open_first, self.open_second):
            button.setEnabled(chosen)
        self.undo_button.setEnabled(bool(self._undo) and not self._loading.running)

    # --- Actions ---

    def current(self) -> Pair | None:
        row = self.table.currentIndex().row()
        return self.model.rows[row] if 0 <= row < len(self.model.rows) else None

    def merge(self) -> None:
        pair = self.current()
        if pair is not None and not self._loading.running:
            self.merge_requested.emit(*pair.ids)

    def open_customer(self, side: int) -> None:
        pair = self.current()
        if pair is not None:
            self.customer_chosen.emit(pair.ids[side])

    def dismiss(self) -> None:
        pair = self.current()
        if pair is None or self._loading.running:
            return
        row = self.table.currentIndex().row()
        try:
            duplicates.dismiss(self.ctx, *pair.ids)
        except PharmaDeskError as exc:
            text = self.tr("The pair was not dismissed: %1").replace("%1", str(exc))
            self.status.setText(text)
            return
        self._undo.append((pair, self.model.pairs.index(pair)))
        self.model.remove(pair)
        self._shown(row)
        names = f"{pair.low.name} / {pair.high.name}"
        self.status.setText(
            self.status.text()
            + " "
            + self.tr("Not the same person: %1 (Ctrl+Z to undo).").replace("%1", names)
        )

    def undo(self) -> None:
        if not self._undo or self._loading.running:
            return
        pair, position = self._undo.pop()
        try:
            duplicates.undismiss(self.ctx, *pair.ids)
        except PharmaDeskError as exc:
            self.status.setText(self.tr("The pair was not restored: %1").replace("%1", str(exc)))
            return
        self.model.put_back(pair, position)
        row = self.model.rows.index(pair) if pair in self.model.rows else 0
        self._shown(row)
