"""The Birthdays tab of the Reminders window: this week's or this month's birthdays, the
greeting written from the owner's template, copied for an SMS or a WeChat chat, and logged.

The week is Monday to Sunday of today's week (the switch says which days); the month is
the calendar month. The list loads in the background; a row already greeted for this
birthday is marked. The greeting of the chosen row can be edited before it is copied.
"Log greeting…" asks how it went (sent, reached, no answer), on which channel, and the
birthday offer made, if any: the offer is noted in the interaction log.
"""

from __future__ import annotations

import dataclasses
import logging
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from pharmadesk.errors import OperationFailed, PharmaDeskError
from pharmadesk.services import birthdays, templates
from pharmadesk.services.birthdays import Birthday
from pharmadesk.services.context import Context
from pharmadesk.ui import i18n, labels
from pharmadesk.ui.buttons import add_button
from pharmadesk.ui.call_dialog import CallDialog
from pharmadesk.ui.points_model import tier_name
from pharmadesk.ui.tables import RowsModel, enter_pressed, size_columns, table_view
from pharmadesk.ui.tasks import BackgroundRunner, LatestJob

log = logging.getLogger(__name__)
SAMPLES = ("2026-11-22 (Sun)", "100", "欧阳秀英", "13812345678", "Standard", "12,345",
           "✓ Greeted")  # fmt: skip
GREETED_COLOUR = QColor("#1b6e20")
OUTCOMES = ("sent", "reached", "no_answer")


class BirthdayTableModel(RowsModel[Birthday]):
    """The listed birthdays, one per row, the greeted ones marked."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.titles = [self.tr("Birthday"), self.tr("Turns"), self.tr("Customer"),
                       self.tr("Mobile"), self.tr("Tier"), self.tr("Points"),
                       self.tr("Greeting")]  # fmt: skip

    def replace(self, row: int, birthday: Birthday) -> None:
        self.rows[row] = birthday
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.titles) - 1))

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        birthday = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(birthday, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and birthday.greeted:
            return QBrush(GREETED_COLOUR)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (1, 5):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, b: Birthday, column: int) -> str:
        days = (self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"),
                self.tr("Fri"), self.tr("Sat"), self.tr("Sun"))  # fmt: skip
        weekday = days[b.birthday.weekday()]
        values = (
            f"{b.birthday.isoformat()} ({weekday})", str(b.age), b.customer_name,
            b.mobile or "", tier_name(b.tier), f"{b.points:,}",
            self.tr("✓ Greeted") if b.greeted else "",
        )  # fmt: skip
        return values[column]


class GreetingDialog(CallDialog):
    """The call dialog with the birthday offer made, if any (after accept: `offer`)."""

    def __init__(self, *, birthday: Birthday, message: str, parent: QWidget | None = None) -> None:
        # Translated before the dialog exists: the text goes to the base class's constructor.
        about = QCoreApplication.translate("GreetingDialog", "Birthday on %1, turns %2")
        about = about.replace("%1", birthday.birthday.isoformat()).replace("%2", str(birthday.age))
        super().__init__(customer_name=birthday.customer_name, mobile=birthday.mobile,
                         about=about, outcomes=OUTCOMES, message=message,
                         parent=parent)  # fmt: skip
        self.setWindowTitle(
            self.tr("Birthday greeting for %1").replace("%1", birthday.customer_name)
        )
        self.offer = ""
        self.offer_edit = QLineEdit()
        self.offer_edit.setObjectName("greetingOffer")
        self.offer_edit.setMaxLength(birthdays.MAX_OFFER)
        self.offer_edit.setPlaceholderText(self.tr("Optional, e.g. a gift or a discount"))
        label = QLabel(self.tr("Birthday &offer"))
        label.setBuddy(self.offer_edit)
        form = QFormLayout()
        form.addRow(label, self.offer_edit)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertLayout(layout.count() - 1, form)  # above the OK and Cancel buttons

    def accept(self) -> None:
        self.offer = self.offer_edit.text().strip()
        super().accept()


class BirthdaysTab(QWidget):
    customer_chosen = Signal(int)

    def __init__(
        self, ctx: Context, runner: BackgroundRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.runner = ctx, runner
        self._loading = LatestJob(runner)  # the list's load: only the newest is shown
        self.model = BirthdayTableModel(self)
        self.table = table_view(self.model)
        self.table.setObjectName("birthdaysTable")
        size_columns(self.table, SAMPLES)
        self.table.activated.connect(lambda index: self.log_greeting())
        self.table.installEventFilter(self)
        self.table.selectionModel().currentChanged.connect(lambda *_: self._chosen())
        self.status = QLabel()
        self.status.setObjectName("birthdaysStatus")
        self.greeting = QPlainTextEdit()
        self.greeting.setObjectName("birthdayGreeting")
        self.greeting.setTabChangesFocus(True)
        self.greeting.setMaximumHeight(self.fontMetrics().height() * 6)
        greeting_label = QLabel(
            self.tr("G&reeting (from the template; you may edit it before copying)")
        )
        greeting_label.setBuddy(self.greeting)
        layout = QVBoxLayout(self)
        layout.addLayout(self._spans())
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addWidget(greeting_label)
        layout.addWidget(self.greeting)
        layout.addLayout(self._actions())
        self.setFocusProxy(self.table)
        self._enable()

    def _spans(self) -> QHBoxLayout:
        today = self.ctx.today()
        week = birthdays.window("week", today)
        month = birthdays.window("month", today)
        self.week_button = QRadioButton(
            self.tr("This &week, Monday to Sunday (%1 – %2)")
            .replace("%1", week[0].isoformat()).replace("%2", week[1].isoformat())
        )  # fmt: skip
        self.week_button.setObjectName("birthdaysWeek")
        self.month_button = QRadioButton(
            self.tr("This &month (%1 – %2)")
            .replace("%1", month[0].isoformat()).replace("%2", month[1].isoformat())
        )  # fmt: skip
        self.month_button.setObjectName("birthdaysMonth")
        self.week_button.setChecked(True)
        group = QButtonGroup(self)
        for button in (self.week_button, self.month_button):
            group.addButton(button)
        group.buttonToggled.connect(lambda _, checked: self.reload() if checked else None)
        row = QHBoxLayout()
        row.addWidget(self.week_button)
        row.addWidget(self.month_button)
        row.addStretch(1)
        return row

    def _actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.copy_button = add_button(row, self.tr("&Copy greeting"), "copyGreeting", self.copy)
        self.log_button = add_button(row, self.tr("&Log greeting…"), "logGreeting",
                                     self.log_greeting)  # fmt: skip
        row.addStretch(1)
        self.open_button = add_button(row, self.tr("&Open customer"), "openBirthdayCustomer",
                                      self.open_customer)  # fmt: skip
        return row

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and enter_pressed(event):
            self.log_greeting()
            return True
        return super().eventFilter(watched, event)

    def span(self) -> birthdays.Span:
        return "month" if self.month_button.isChecked() else "week"

    # --- Loading ---

    def reload(self) -> None:
        """Load the list again in the background; a list still coming is no longer wanted."""
        span, ctx = self.span(), self.ctx
        self.status.setText(self.tr("Loading…"))
        self._loading.submit(lambda: birthdays.listed(ctx, span=span), self._loaded, self._failed)

    def _loaded(self, found: list[Birthday]) -> None:
        self.model.set_rows(found)
        if found:
            self.table.selectRow(0)
        self._count()
        self._chosen()

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, PharmaDeskError | ValueError):
            log.error("loading the birthdays failed", exc_info=error)
        self.status.setText(
            self.tr("The birthdays could not be loaded: %1").replace("%1", str(error))
        )

    def _count(self) -> None:
        rows = self.model.rows
        greeted = sum(1 for b in rows if b.greeted)
        self.status.setText(
            self.tr("%1, %2 greeted.")
            .replace("%1", self.tr("%Ln birthday(s)", "", len(rows)))
            .replace("%2", str(greeted))
        )  # fmt: skip

    # --- The chosen row ---

    def current(self) -> tuple[int, Birthday] | None:
        row = self.table.currentIndex().row()
        if 0 <= row < len(self.model.rows):
            return row, self.model.rows[row]
        return None

    def _chosen(self) -> None:
        chosen = self.current()
        text = ""
        if chosen is not None:
            try:
                text = templates.render(self.ctx, "birthday", chosen[1].customer_id,
                                        i18n.current_language())  # fmt: skip
            except PharmaDeskError as exc:
                text = self.tr("The greeting could not be written: %1").replace("%1", str(exc))
        self.greeting.setPlainText(text)
        self._enable()

    def _enable(self) -> None:
        chosen = self.current() is not None
        for button in (self.copy_button, self.log_button, self.open_button):
            button.setEnabled(chosen)

    def copy(self) -> None:
        if self.current() is not None:
            QGuiApplication.clipboard().setText(self.greeting.toPlainText())
            self.status.setText(self.tr("Greeting copied."))

    def open_customer(self) -> None:
        chosen = self.current()
        if chosen is not None:
            self.customer_chosen.emit(chosen[1].customer_id)

    def log_greeting(self) -> None:
        chosen = self.current()
        if chosen is None:
            return
        row, birthday = chosen
        dialog = GreetingDialog(birthday=birthday, message=self.greeting.toPlainText(), parent=self)
        if not dialog.exec() or dialog.outcome is None:
            return
        summary = self.tr("Birthday greeting: %1").replace("%1", labels.outcome(dialog.outcome))
        if dialog.note:
            summary = f"{summary}. {dialog.note}"
        try:
            birthdays.log_greeting(
                self.ctx, birthday.customer_id, channel=dialog.channel, summary=summary,
                offer=dialog.offer or None, outcome=dialog.outcome, birthday=birthday.birthday,
                language=i18n.current_language(),
            )  # fmt: skip
        except OperationFailed as exc:
            text = self.tr("The greeting was not logged: %1").replace("%1", str(exc))
            QMessageBox.warning(self, self.tr("Birthday greeting"), text)
            return
        if dialog.outcome in birthdays.GREETED:
            self.model.replace(row, dataclasses.replace(birthday, greeted=True))
        self._count()
        self.table.setFocus()
