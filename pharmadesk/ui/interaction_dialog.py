"""Logging an interaction: channel, kind, summary, rating and an optional follow-up date.

A customer's open follow-ups are listed too, each with a box to mark it done with this
entry: a follow-up call is usually the one that was due. The boxes are ticked when the
kind is set to follow-up, unless the person has ticked or cleared one themselves.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from pharmadesk.io.charts.words import shorten
from pharmadesk.services.interactions import CHANNELS, KINDS, InteractionRecord
from pharmadesk.ui import labels
from pharmadesk.ui.discard_question import GuardedDialog


class InteractionDialog(GuardedDialog):
    def __init__(
        self, *, customer_name: str, today: date, parent: QWidget | None = None,
        open_follow_ups: list[InteractionRecord] | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle(self.tr("Log interaction: %1").replace("%1", customer_name))
        self.setMinimumWidth(480)
        self.channel = QComboBox()
        self.channel.setObjectName("channel")
        for code in CHANNELS:
            self.channel.addItem(labels.channel(code), code)
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for code in KINDS:
            self.kind.addItem(labels.kind(code), code)
        self.summary = QPlainTextEdit()
        self.summary.setObjectName("summary")
        self.summary.setTabChangesFocus(True)
        self.rating = QComboBox()
        self.rating.setObjectName("rating")
        self.rating.addItem("—", None)
        for stars in range(1, 6):
            self.rating.addItem("★" * stars, stars)
        self.follow_up = QCheckBox(self.tr("Follow up on"))
        self.follow_up.setObjectName("followUp")
        self.due = QDateEdit(QDate(today.year, today.month, today.day).addDays(7))
        self.due.setObjectName("followUpDue")
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        self.due.setEnabled(False)
        self.follow_up.toggled.connect(self.due.setEnabled)
        due_row = QHBoxLayout()
        due_row.addWidget(self.follow_up)
        due_row.addWidget(self.due, 1)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020;")
        self.closes: dict[int, QCheckBox] = {}
        self._closes_touched = False
        closes_box = QVBoxLayout()
        for entry in open_follow_ups or []:
            box = QCheckBox(self._open_text(entry))
            box.setObjectName(f"closes_{entry.id}")
            box.clicked.connect(self._touched)
            self.closes[entry.id] = box
            closes_box.addWidget(box)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        form = QFormLayout(self)
        form.addRow(self.tr("Channel"), self.channel)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Summary"), self.summary)
        form.addRow(self.tr("Rating"), self.rating)
        form.addRow(self.tr("Follow-up"), due_row)
        if self.closes:
            form.addRow(self.tr("Mark done"), closes_box)
        form.addRow(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self._save)
        self.summary.setFocus()

    def _open_text(self, entry: InteractionRecord) -> str:
        summary = shorten(entry.summary, 60)  # 30 Chinese characters
        due = entry.follow_up_due.isoformat() if entry.follow_up_due else ""
        return (
            self.tr("%1 of %2: %3 (due %4)")
            .replace("%1", labels.kind(entry.kind))
            .replace("%2", entry.occurred_at.date().isoformat())
            .replace("%3", summary)
            .replace("%4", due)
        )

    def _touched(self) -> None:
        self._closes_touched = True

    def _kind_changed(self) -> None:
        if not self._closes_touched:
            for box in self.closes.values():
                box.setChecked(self.kind.currentData() == "follow_up")

    def values(self) -> dict[str, object]:
        due = self.due.date().toPython() if self.follow_up.isChecked() else None
        return {
            "channel": self.channel.currentData(),
            "kind": self.kind.currentData(),
            "summary": self.summary.toPlainText().strip(),
            "rating": self.rating.currentData(),
            "follow_up_due": due,
            "closes": [entry_id for entry_id, box in self.closes.items() if box.isChecked()],
        }

    def has_unsaved_input(self) -> bool:
        return bool(self.summary.toPlainText().strip())

    def _save(self) -> None:
        if not self.summary.toPlainText().strip():
            self.problem.setText(self.tr("A summary is required"))
            self.summary.setFocus()
            return
        self.accept()
