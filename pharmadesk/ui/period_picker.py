"""The dashboard's period: month, quarter, year or a custom range, stepped back and forth.

Alt+Left and Alt+Right step to the previous and next period; Alt+P reaches the kind. A
period never starts after today. Typing a custom date waits a moment before it counts, so
each keystroke does not start a computation of its own. A first day typed past the last
(or a last day before the first) keeps the date just typed and moves the other one, so
the range keeps its length: what was typed is never turned around.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QWidget,
)

from pharmadesk.services.analytics.results import (
    PERIOD_KINDS,
    Period,
    compared_with,
    custom,
    last_full_month,
    month_of,
    quarter_of,
    year_of,
)

KIND_NAMES = {
    "month": QT_TRANSLATE_NOOP("PeriodPicker", "Month"),
    "quarter": QT_TRANSLATE_NOOP("PeriodPicker", "Quarter"),
    "year": QT_TRANSLATE_NOOP("PeriodPicker", "Year"),
    "custom": QT_TRANSLATE_NOOP("PeriodPicker", "Custom range"),
}
OF_KIND = {"month": month_of, "quarter": quarter_of, "year": year_of}


def _translate(text: object) -> str:
    return QCoreApplication.translate("PeriodPicker", str(text))


def period_label(period: Period) -> str:
    """'2026-10', '2026 Q4', '2026', '2026-10-01 – 2026-10-15' (in the UI language)."""
    start = period.start
    if period.kind == "month":
        text = QCoreApplication.translate("PeriodPicker", "%1-%2", "year-month")
        return text.replace("%1", str(start.year)).replace("%2", f"{start.month:02d}")
    if period.kind == "quarter":
        text = QCoreApplication.translate("PeriodPicker", "%1 Q%2", "year and quarter")
        return text.replace("%1", str(start.year)).replace("%2", str((start.month + 2) // 3))
    if period.kind == "year":
        return QCoreApplication.translate("PeriodPicker", "Year %1").replace("%1", str(start.year))
    return f"{period.start.isoformat()} – {period.end.isoformat()}"


def following(period: Period) -> Period:
    """The period of the same kind just after `period`."""
    day_after = period.end + timedelta(days=1)
    if period.kind in OF_KIND:
        return OF_KIND[period.kind](day_after)
    return custom(day_after, day_after + timedelta(days=period.days - 1))


def switched(period: Period, kind: str, today: date) -> Period:
    """The period of `kind` holding `period`'s end; the one before it if not over yet (a
    half-finished quarter compared with a whole one would mislead)."""
    if kind == "custom":
        return custom(period.start, min(period.end, today))
    chosen = OF_KIND[kind](min(period.end, today))
    return chosen.previous() if chosen.end >= today else chosen


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class PeriodPicker(QWidget):
    """Emits `changed(Period)` whenever the user picks another period."""

    changed = Signal(object)

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self._period = last_full_month(today)
        self.kind = QComboBox()
        self.kind.setObjectName("periodKind")
        for code in PERIOD_KINDS:
            self.kind.addItem(_translate(KIND_NAMES[code]), code)
        caption = QLabel(self.tr("&Period:"))
        caption.setBuddy(self.kind)
        self.back = self._step_button("◀", self.tr("Previous period (Alt+Left)"), -1)
        self.forward = self._step_button("▶", self.tr("Next period (Alt+Right)"), 1)
        self.shown = QLabel()
        self.shown.setObjectName("periodShown")
        self.shown.setMinimumWidth(self.fontMetrics().horizontalAdvance("2026-10-01 – 2026-12-31"))
        self.shown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.start_edit, self.end_edit = (
            self._date_edit("periodStart"),
            self._date_edit("periodEnd"),
        )
        self.compared = QLabel()
        self.compared.setObjectName("periodCompared")
        self._lay_out(caption)
        self.kind.currentIndexChanged.connect(self._kind_chosen)
        for keys, step in (("Alt+Left", -1), ("Alt+Right", 1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(lambda step=step: self.step(step))
        self._show()

    def _step_button(self, arrow: str, tip: str, step: int) -> QToolButton:
        button = QToolButton()
        button.setText(arrow)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        button.clicked.connect(lambda: self.step(step))
        return button

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMaximumDate(_qdate(self._today))
        # Taken when the typing is done (Enter, Tab, leaving the field) or a day is picked
        # from the calendar; taking it on a pause reset the field while a date was typed.
        edit.editingFinished.connect(lambda: self._take_custom(edit))
        calendar = edit.calendarWidget()
        if calendar is not None:
            calendar.clicked.connect(
                lambda _day: QTimer.singleShot(0, lambda: self._take_custom(edit))
            )
        return edit

    def _lay_out(self, caption: QLabel) -> None:
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.to_label = QLabel(self.tr("to"))
        for widget in (caption, self.kind, self.back, self.shown, self.forward,
                       self.start_edit, self.to_label, self.end_edit):  # fmt: skip
            row.addWidget(widget)
        row.addSpacing(12)
        row.addWidget(self.compared)

    def period(self) -> Period:
        return self._period

    def set_period(self, period: Period) -> None:
        """Show `period` and announce it (also what the keyboard and buttons do)."""
        if period.start > self._today:
            return
        self._period = period
        self._show()
        self.changed.emit(period)

    def step(self, direction: int) -> None:
        current = self._period
        self.set_period(current.previous() if direction < 0 else following(current))

    def _kind_chosen(self) -> None:
        kind = self.kind.currentData()
        if kind != self._period.kind:
            self.set_period(switched(self._period, kind, self._today))

    def _take_custom(self, edited: QDateEdit) -> None:
        if self._period.kind != "custom":
            return
        start, end = _pydate(self.start_edit.date()), _pydate(self.end_edit.date())
        if start > end:
            length = timedelta(days=self._period.days - 1)
            if edited is self.start_edit:
                end = min(start + length, self._today)
            else:
                start = end - length
        wanted = custom(start, end)
        if wanted != self._period:
            self.set_period(wanted)

    def _show(self) -> None:
        period = self._period
        is_custom = period.kind == "custom"
        self.kind.blockSignals(True)
        self.kind.setCurrentIndex(self.kind.findData(period.kind))
        self.kind.blockSignals(False)
        for edit, day in ((self.start_edit, period.start), (self.end_edit, period.end)):
            edit.blockSignals(True)
            edit.setDate(_qdate(day))
            edit.blockSignals(False)
            edit.setVisible(is_custom)
        self.to_label.setVisible(is_custom)
        self.shown.setVisible(not is_custom)
        label = period_label(period)
        if period.end >= self._today:  # not over yet: its figures grow until it ends
            label = self.tr("%1 (to date)").replace("%1", label)
        self.shown.setText(label)
        self.forward.setEnabled(following(period).start <= self._today)
        self.compared.setText(
            self.tr("compared with %1").replace(
                "%1", period_label(compared_with(period, self._today))
            )
        )
