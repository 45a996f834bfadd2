"""The Refills tab of the Reminders window: who is due for a refill, why, and the call.

The list loads in the background (it reads every purchase series: about 15 s on a
200,000-customer pharmacy); the GUI never waits for it, and a list that arrives after a
newer reload was asked for is dropped. From a row, by keyboard: Enter calls (CallDialog,
the call logged with its outcome), snooze, do not remind, undo the last of these, open the
customer at the counter. A reminder the call ended (stopped, will come) or moved leaves the
list. The "Last call" column is the latest refill call logged for the customer since the
reminder's last purchase, read from the interaction log in the same background job
(`calls.last_calls`), so it holds after a restart, a lock or for another account.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pharmadesk.errors import OperationFailed
from pharmadesk.services import calls, reminders
from pharmadesk.services.calls import LastCall
from pharmadesk.services.context import Context
from pharmadesk.services.reminders import Reminder
from pharmadesk.ui import i18n, labels
from pharmadesk.ui.buttons import add_button
from pharmadesk.ui.call_dialog import CallDialog, last_call_text
from pharmadesk.ui.tables import RowsModel, enter_pressed, size_columns, table_view
from pharmadesk.ui.tasks import BackgroundRunner, LatestJob

log = logging.getLogger(__name__)
Key = tuple[int, str, str]  # customer, item kind, item
SAMPLES = ("将流失", "2026-11-29", "欧阳秀英", "13812345678", "蒲地蓝消炎口服液", "12-02 停用该药",
           "二甲双胍片 约每 31 天买一次；上次购买 2026-10-02；已过 51 天")  # fmt: skip
LAST_CALL_COLUMN = 5
Calls = dict[int, LastCall]
COLOURS = {"lapsing": QColor("#b00020"), "overdue": QColor("#b35c00"), "due": QColor("#1b6e20")}
RELOAD_DELAY_MS = 400  # the days box waits for the user to stop clicking before reloading


def key_of(reminder: Reminder) -> Key:
    return (reminder.customer_id, reminder.item_kind, reminder.item)


def load(ctx: Context, days: int) -> tuple[list[Reminder], Calls]:
    """The reminders due and the last refill call of each listed customer (background)."""
    found = reminders.due(ctx, days=days)
    since: dict[int, date] = {}
    for reminder in found:
        known = since.get(reminder.customer_id)
        if known is None or reminder.last_purchase < known:
            since[reminder.customer_id] = reminder.last_purchase
    return found, calls.last_calls(ctx, since, kind="reminder", without_greetings=True)


class RefillTableModel(RowsModel[Reminder]):
    """The listed reminders, one per row; `calls` the last refill call per customer."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.calls: Calls = {}
        self.today = date.today()
        self.language = "en"
        self.titles = [self.tr("Status"), self.tr("Due"), self.tr("Customer"),
                       self.tr("Mobile"), self.tr("Item"), self.tr("Last call"),
                       self.tr("Reason")]  # fmt: skip

    def call_of(self, reminder: Reminder) -> LastCall | None:
        """The last call about this reminder: after its last purchase."""
        call = self.calls.get(reminder.customer_id)
        return call if call is not None and call.day > reminder.last_purchase else None

    def mark_called(self, call: LastCall) -> None:
        self.calls[call.customer_id] = call
        for row, listed in enumerate(self.rows):
            if listed.customer_id == call.customer_id:
                cell = self.index(row, LAST_CALL_COLUMN)
                self.dataChanged.emit(cell, cell)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        reminder = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(reminder, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 0:
            colour = COLOURS.get(reminder.status)
            return QBrush(colour) if colour is not None else None
        return None

    def _text(self, reminder: Reminder, column: int) -> str:
        values = (labels.reminder_status(reminder.status), reminder.due_date.isoformat(),
                  reminder.customer_name, reminder.mobile or "", reminder.item,
                  last_call_text(self.call_of(reminder), self.today),
                  reminder.reason(self.language))  # fmt: skip
        return values[column]


class RefillsTab(QWidget):
    customer_chosen = Signal(int)

    def __init__(
        self,
        ctx: Context,
        runner: BackgroundRunner,
        *,
        message_for: Callable[[Reminder], str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.runner, self.message_for = ctx, runner, message_for
        self._all: list[Reminder] = []
        self._calls: Calls = {}
        self._loading = LatestJob(runner)  # the list's load: only the newest is shown
        # The last state change, for Undo: the reminder it hid and where it stood.
        self._undo: tuple[Reminder, int] | None = None
        self.model = RefillTableModel(self)
        self.table = table_view(self.model)
        self.table.setObjectName("refillsTable")
        size_columns(self.table, SAMPLES)
        self.table.activated.connect(lambda index: self.call())
        self.table.installEventFilter(self)
        self.table.selectionModel().currentChanged.connect(lambda *_: self._enable())
        self.status = QLabel()
        self.status.setObjectName("refillsStatus")
        layout = QVBoxLayout(self)
        layout.addLayout(self._filters())
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addLayout(self._actions())
        self._delay = QTimer(self)
        self._delay.setSingleShot(True)
        self._delay.setInterval(RELOAD_DELAY_MS)
        self._delay.timeout.connect(self.reload)
        self.days.valueChanged.connect(lambda _: self._delay.start())
        self.setFocusProxy(self.table)  # the tab shown: the keys go to the list
        self._enable()

    def _filters(self) -> QHBoxLayout:
        self.days = QSpinBox()
        self.days.setObjectName("refillDays")
        self.days.setRange(0, 90)
        self.days.setValue(reminders.DEFAULT_DAYS)
        self.days.setSuffix(self.tr(" days"))
        self.filter = QComboBox()
        self.filter.setObjectName("refillStatusFilter")
        self.filter.addItem(self.tr("All"), None)
        for code in ("lapsing", "overdue", "due"):
            self.filter.addItem(labels.reminder_status(code), code)
        self.filter.currentIndexChanged.connect(lambda _: self._show())
        row = QHBoxLayout()
        for text, widget in ((self.tr("Due within the &next"), self.days),
                             (self.tr("S&tatus"), self.filter)):  # fmt: skip
            label = QLabel(text)
            label.setBuddy(widget)
            row.addWidget(label)
            row.addWidget(widget)
        row.addStretch(1)
        return row

    def _actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.call_button = add_button(row, self.tr("&Call…"), "callButton", self.call)
        self.snooze_button = add_button(row, self.tr("&Snooze…"), "snoozeButton", self.snooze)
        self.never_button = add_button(row, self.tr("&Do not remind"), "neverButton", self.never)
        self.undo_button = add_button(row, self.tr("&Undo"), "undoButton", self.undo)
        row.addStretch(1)
        self.open_button = add_button(row, self.tr("&Open customer"), "openButton",
                                      self.open_customer)  # fmt: skip
        return row

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and enter_pressed(event):
            self.call()
            return True
        return super().eventFilter(watched, event)

    # --- Loading ---

    def reload(self) -> None:
        """Load the list again in the background; a list still coming is no longer wanted."""
        self._delay.stop()
        days, ctx = self.days.value(), self.ctx
        self.status.setText(self.tr("Loading…"))
        self._loading.submit(lambda: load(ctx, days), self._loaded, self._failed)

    def _loaded(self, found: tuple[list[Reminder], Calls]) -> None:
        self._all = list(found[0])
        self.model.calls = dict(found[1])
        self._show()

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, OperationFailed | ValueError):
            log.error("loading the refill reminders failed", exc_info=error)
        self.status.setText(
            self.tr("The reminders could not be loaded: %1").replace("%1", str(error))
        )

    def _show(self, select: int = 0) -> None:
        wanted = self.filter.currentData()
        self.model.language = i18n.current_language()
        self.model.today = self.ctx.today()
        self.model.set_rows([r for r in self._all if wanted is None or r.status == wanted])
        if self.model.rowCount():
            self.table.selectRow(min(select, self.model.rowCount() - 1))
        self._count()
        self._enable()

    def _count(self) -> None:
        shown = self.model.rows
        parts = [self.tr("%Ln reminder(s) listed", "", len(shown))]
        for code in ("lapsing", "overdue", "due"):
            n = sum(1 for r in shown if r.status == code)
            if n:
                # Mid-sentence: "179 reminders listed, lapsing 71, overdue 61, due 47".
                parts.append(f"{labels.reminder_status(code).lower()} {n}")
        separator = "，" if i18n.current_language().startswith("zh") else ", "
        self.status.setText(separator.join(parts))

    def _enable(self) -> None:
        chosen = self.current() is not None
        for button in (self.call_button, self.snooze_button, self.never_button,
                       self.open_button):  # fmt: skip
            button.setEnabled(chosen)
        self.undo_button.setEnabled(self._undo is not None)

    # --- Actions on the chosen row ---

    def current(self) -> Reminder | None:
        row = self.table.currentIndex().row()
        return self.model.rows[row] if 0 <= row < len(self.model.rows) else None

    def call(self) -> None:
        reminder = self.current()
        if reminder is None:
            return
        message = self._message(reminder)
        outcomes = (*reminders.CALL_OUTCOMES, "sent") if message else reminders.CALL_OUTCOMES
        dialog = CallDialog(customer_name=reminder.customer_name, mobile=reminder.mobile,
                            about=reminder.reason(i18n.current_language()), outcomes=outcomes,
                            message=message, parent=self)  # fmt: skip
        if dialog.exec() != CallDialog.DialogCode.Accepted or dialog.outcome is None:
            return
        summary = self._summary(reminder, dialog.outcome, dialog.note)
        try:
            done = reminders.log_call(self.ctx, reminder, outcome=dialog.outcome,
                                      summary=summary, channel=dialog.channel)  # fmt: skip
        except (OperationFailed, ValueError) as exc:
            self._refused(exc)
            return
        entry = done.interaction
        local = entry.occurred_at.astimezone(self.ctx.now().tzinfo)
        self.model.mark_called(LastCall(entry.customer_id, entry.occurred_at, local.date(),
                                        dialog.outcome))  # fmt: skip
        if done.state is not None:
            self._hide(reminder)

    def _message(self, reminder: Reminder) -> str:
        if self.message_for is None:
            return ""
        try:
            return self.message_for(reminder)
        except Exception:  # a broken template must not stop the call itself
            log.exception("the refill message could not be made")
            return ""

    def _summary(self, reminder: Reminder, outcome: str, note: str) -> str:
        text = (
            self.tr("Refill reminder about %1: %2")
            .replace("%1", reminder.item)
            .replace("%2", labels.outcome(outcome))
        )
        return f"{text} — {note}" if note else text

    def snooze(self) -> None:
        reminder = self.current()
        if reminder is None:
            return
        days, ok = QInputDialog.getInt(
            self, self.tr("Snooze"), self.tr("Show this reminder again in how many days?"),
            reminders.DEFAULT_DAYS, 1, reminders.MAX_SNOOZE_DAYS,
        )  # fmt: skip
        if not ok:
            return
        self._change(reminder, lambda: reminders.snooze(
            self.ctx, reminder.customer_id, reminder.item_kind, reminder.item,
            last_purchase=reminder.last_purchase, days=days))  # fmt: skip

    def never(self) -> None:
        reminder = self.current()
        if reminder is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Do not remind"),
            self.tr("Never remind %1 of %2 again?")
            .replace("%1", reminder.customer_name).replace("%2", reminder.item),
        )  # fmt: skip
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._change(reminder, lambda: reminders.never(
            self.ctx, reminder.customer_id, reminder.item_kind, reminder.item,
            last_purchase=reminder.last_purchase))  # fmt: skip

    def _change(self, reminder: Reminder, change: Callable[[], object]) -> None:
        try:
            change()
        except (OperationFailed, ValueError) as exc:
            self._refused(exc)
            return
        self._hide(reminder)

    def _hide(self, reminder: Reminder) -> None:
        # By key, not by the current row: a reload may have arrived while a dialog was open.
        row = max(self.table.currentIndex().row(), 0)
        keys = [key_of(r) for r in self._all]
        position = keys.index(key_of(reminder)) if key_of(reminder) in keys else len(keys)
        self._all = [r for r in self._all if key_of(r) != key_of(reminder)]
        self._undo = (reminder, position)
        self._show(select=row)

    def undo(self) -> None:
        """Take back the last stop, snooze or do-not-remind: the reminder is listed again.
        A call that was logged stays in the customer's log (it happened)."""
        if self._undo is None:
            return
        reminder, position = self._undo
        try:
            reminders.clear(self.ctx, reminder.customer_id, reminder.item_kind, reminder.item)
        except (OperationFailed, ValueError) as exc:
            self._refused(exc)
            return
        self._undo = None
        self._all.insert(min(position, len(self._all)), reminder)
        self._show()
        if reminder in self.model.rows:
            self.table.selectRow(self.model.rows.index(reminder))
        self._enable()

    def open_customer(self) -> None:
        reminder = self.current()
        if reminder is not None:
            self.customer_chosen.emit(reminder.customer_id)

    def _refused(self, error: Exception) -> None:
        QMessageBox.warning(self, self.tr("Reminders"), str(error))
