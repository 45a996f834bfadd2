"""The stale-record review: customers whose details were not confirmed for longer than the
owner's setting, those who came in most recently first.

Each row can be confirmed (the details are right), updated (the customer's form opens in
the main window: `customer_chosen`), or marked as moved away or deceased, with the day,
after a question; such a mark stops contact and reminders and can be undone from the row.
Handled rows stay in the list with what was done, until the list is loaded again; the
count above says how many are still to review. Esc or Ctrl+W closes the window. The
owner sets the number of months here too. The list loads in the background (well over
100,000 rows on a large pharmacy that never confirmed anyone).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QDate,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pharmadesk.errors import PharmaDeskError
from pharmadesk.services import stale
from pharmadesk.services.context import Context
from pharmadesk.services.permissions import Operation, allows
from pharmadesk.services.stale import ReviewRow
from pharmadesk.ui.buttons import add_button
from pharmadesk.ui.tables import RowsModel, enter_pressed, size_columns, table_view
from pharmadesk.ui.tasks import BackgroundRunner, LatestJob

log = logging.getLogger(__name__)
SAMPLES = ("欧阳秀英", "PD0001234", "13812345678", "浙江省杭州市西湖区文三路100号",
           "2026-11-22", "2026-11-22", "Deceased 2026-11-22")  # fmt: skip
ADDRESS_COLUMN = 3
DONE_COLOUR = QColor("#1b7f3b")
LEFT_COLOUR = QColor("#666666")


class StaleReviewModel(RowsModel[ReviewRow]):
    """The review list; `done` holds what was done to a row in this window."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.done: dict[int, tuple[str, date]] = {}  # id -> (confirmed|moved|deceased, day)
        self.titles = [self.tr("Customer"), self.tr("Code"), self.tr("Mobile"),
                       self.tr("Address"), self.tr("Last confirmed"), self.tr("Last visit"),
                       self.tr("Done")]  # fmt: skip

    def rows_replaced(self) -> None:
        self.done = {}

    def mark(self, row: int, what: tuple[str, date] | None) -> None:
        customer_id = self.rows[row].id
        if what is None:
            self.done.pop(customer_id, None)
        else:
            self.done[customer_id] = what
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.titles) - 1))

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and row.id in self.done:
            confirmed = self.done[row.id][0] == "confirmed"
            return QBrush(DONE_COLOUR if confirmed else LEFT_COLOUR)
        return None

    def _text(self, row: ReviewRow, column: int) -> str:
        never = self.tr("never")
        values = (row.name, row.code or "", row.mobile or "", row.address or "",
                  row.last_verified_on.isoformat() if row.last_verified_on else never,
                  row.last_visit.isoformat() if row.last_visit else "",
                  self.done_text(row.id))  # fmt: skip
        return values[column]

    def done_text(self, customer_id: int) -> str:
        what = self.done.get(customer_id)
        if what is None:
            return ""
        kind, day = what
        text = {"confirmed": self.tr("Confirmed %1"), "moved": self.tr("Moved %1"),
                "deceased": self.tr("Deceased %1")}[kind]  # fmt: skip
        return text.replace("%1", day.isoformat())


class LeftDialog(QDialog):
    """Asks before marking a customer as moved away or deceased, and on which day."""

    def __init__(self, name: str, reason: str, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        moved = reason == "moved"
        self.setWindowTitle(self.tr("Moved away") if moved else self.tr("Deceased"))
        question = (self.tr("Mark %1 as moved away?") if moved
                    else self.tr("Mark %1 as deceased?")).replace("%1", name)  # fmt: skip
        text = QLabel(question + "\n" + self.tr("They will no longer be contacted or reminded. "
                                                "This can be undone."))  # fmt: skip
        text.setWordWrap(True)
        self.day = QDateEdit(QDate(today.year, today.month, today.day))
        self.day.setObjectName("leftOn")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setMaximumDate(QDate(today.year, today.month, today.day))
        form = QFormLayout()
        form.addRow(self.tr("&Since:") if moved else self.tr("&Date of death:"), self.day)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.day.setFocus()

    def chosen(self) -> date:
        picked = self.day.date()
        return date(picked.year(), picked.month(), picked.day())


class StaleReviewWindow(QWidget):
    """The review list with Confirm, Update, Moved…, Deceased… and Undo."""

    customer_chosen = Signal(int)

    def __init__(
        self, ctx: Context, runner: BackgroundRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Review stale records"))
        self.ctx, self.runner = ctx, runner
        self._loading = LatestJob(runner)  # the list's load: only the newest is shown
        self._loaded_once = False
        self.model = StaleReviewModel(self)
        self.table = table_view(self.model)
        self.table.setObjectName("staleTable")
        size_columns(self.table, SAMPLES)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(ADDRESS_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda index: self.update_customer())
        self.table.installEventFilter(self)
        self.table.selectionModel().currentChanged.connect(lambda *_: self._enable())
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("staleStatus")
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addLayout(self._setting_row())
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addLayout(self._actions())
        # Ctrl+W on every platform (the standard Close key is Ctrl+F4 on some desktops).
        for keys in (QKeySequence(Qt.Key.Key_Escape), QKeySequence("Ctrl+W")):
            QShortcut(keys, self).activated.connect(self.close)
        self.setFocusProxy(self.table)
        self.resize(1100, 640)
        self._explain()
        self._enable()

    def _setting_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.months = QSpinBox()
        self.months.setObjectName("staleMonths")
        self.months.setRange(*stale.VERIFY_MONTHS_RANGE)
        self.months.setValue(stale.verify_after_months(self.ctx))
        self.months.setSuffix(self.tr(" months"))
        label = QLabel(self.tr("Ask to confirm details after:"))
        label.setBuddy(self.months)
        self.apply_button = QPushButton(self.tr("&Apply"))
        self.apply_button.setObjectName("staleApply")
        self.apply_button.setAutoDefault(False)
        self.apply_button.clicked.connect(self.apply_months)
        row.addWidget(label)
        row.addWidget(self.months)
        row.addWidget(self.apply_button)
        row.addStretch(1)
        owner = allows(self.ctx.account, Operation.MANAGE)
        for widget in (label, self.months, self.apply_button):
            widget.setVisible(owner)
        return row

    def _actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.confirm_button = add_button(row, self.tr("&Confirm"), "staleConfirm", self.confirm)
        self.update_button = add_button(row, self.tr("&Update…"), "staleUpdate",
                                        self.update_customer)  # fmt: skip
        self.moved_button = add_button(row, self.tr("&Moved…"), "staleMoved",
                                       lambda: self.mark_left("moved"))  # fmt: skip
        self.deceased_button = add_button(row, self.tr("&Deceased…"), "staleDeceased",
                                          lambda: self.mark_left("deceased"))  # fmt: skip
        self.undo_button = add_button(row, self.tr("U&ndo"), "staleUndo", self.undo)
        row.addStretch(1)
        self.reload_button = add_button(row, self.tr("&Reload"), "staleReload", self.reload)
        return row

    def _explain(self) -> None:
        months = stale.verify_after_months(self.ctx)
        self.explain.setText(
            self.tr("Customers whose mobile and address were not confirmed for more than "
                    "%Ln month(s), those who came in most recently first.", "", months)
        )  # fmt: skip

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and enter_pressed(event):
            self.update_customer()
            return True
        return super().eventFilter(watched, event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded_once:
            self._loaded_once = True
            self.reload()

    # --- Loading ---

    def reload(self) -> None:
        """Load the list again in the background; a list still coming is no longer wanted."""
        ctx = self.ctx
        self.status.setText(self.tr("Loading…"))
        self._loading.submit(lambda: stale.review_list(ctx), self._loaded, self._failed)
        self._enable()

    def _loaded(self, found: list[ReviewRow]) -> None:
        self.model.set_rows(found)
        if found:
            self.table.selectRow(0)
        self._show_count()
        self._enable()

    def _show_count(self) -> None:
        left = len(self.model.rows) - len(self.model.done)
        self.status.setText(self.tr("%Ln customer(s) to review.", "", left))

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, PharmaDeskError):
            log.error("loading the stale-record review failed", exc_info=error)
        self.status.setText(self.tr("The list could not be loaded: %1").replace("%1", str(error)))
        self._enable()

    def _enable(self) -> None:
        chosen = self.current()
        done = None if chosen is None else self.model.done.get(chosen[1].id)
        open_row = chosen is not None and done is None
        for button in (self.confirm_button, self.moved_button, self.deceased_button):
            button.setEnabled(open_row)
        self.update_button.setEnabled(chosen is not None)
        self.undo_button.setEnabled(done is not None and done[0] != "confirmed")
        self.reload_button.setEnabled(not self._loading.running)

    # --- Actions ---

    def current(self) -> tuple[int, ReviewRow] | None:
        row = self.table.currentIndex().row()
        if 0 <= row < len(self.model.rows):
            return row, self.model.rows[row]
        return None

    def _attempt(self, title: str, call: Callable[[], None]) -> bool:
        try:
            call()
        except PharmaDeskError as exc:
            QMessageBox.warning(self, title, str(exc))
            return False
        return True

    def _next(self, number: int) -> None:
        """After a row is handled, the next one to look at."""
        self._show_count()
        if number + 1 < len(self.model.rows):
            self.table.selectRow(number + 1)
        self._enable()
        self.table.setFocus()

    def confirm(self) -> None:
        chosen = self.current()
        if chosen is None or chosen[1].id in self.model.done:
            return
        number, row = chosen
        if self._attempt(self.tr("Confirm"), lambda: stale.confirm(self.ctx, row.id)):
            self.model.mark(number, ("confirmed", self.ctx.today()))
            self._next(number)

    def update_customer(self) -> None:
        chosen = self.current()
        if chosen is not None:
            self.customer_chosen.emit(chosen[1].id)

    def mark_left(self, reason: str) -> None:
        chosen = self.current()
        if chosen is None or chosen[1].id in self.model.done:
            return
        number, row = chosen
        dialog = LeftDialog(row.name, reason, self.ctx.today(), self)
        if not dialog.exec():
            return
        day = dialog.chosen()
        title = dialog.windowTitle()
        if self._attempt(title, lambda: stale.mark_left(self.ctx, row.id, reason=reason, on=day)):
            self.model.mark(number, (reason, day))
            self._next(number)

    def undo(self) -> None:
        chosen = self.current()
        if chosen is None:
            return
        number, row = chosen
        done = self.model.done.get(row.id)
        if done is None or done[0] == "confirmed":
            return
        if self._attempt(self.tr("Undo"), lambda: stale.undo_left(self.ctx, row.id)):
            self.model.mark(number, None)
            self._show_count()
            self._enable()
            self.table.setFocus()

    def apply_months(self) -> None:
        months = self.months.value()
        call = lambda: stale.set_verify_after_months(self.ctx, months)  # noqa: E731
        if self._attempt(self.tr("Review stale records"), call):
            self._explain()
            self.reload()
