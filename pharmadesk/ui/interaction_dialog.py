"""Logging an interaction: channel, kind, summary, rating and an optional follow-up date."""

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
    QWidget,
)

from pharmadesk.services.interactions import CHANNELS, KINDS
from pharmadesk.ui import labels
from pharmadesk.ui.discard_question import GuardedDialog


class InteractionDialog(GuardedDialog):
    def __init__(self, *, customer_name: str, today: date, parent: QWidget | None = None) -> None:
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
        form = QFormLayout(self)
        form.addRow(self.tr("Channel"), self.channel)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Summary"), self.summary)
        form.addRow(self.tr("Rating"), self.rating)
        form.addRow(self.tr("Follow-up"), due_row)
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

    def values(self) -> dict[str, object]:
        due = self.due.date().toPython() if self.follow_up.isChecked() else None
        return {
            "channel": self.channel.currentData(),
            "kind": self.kind.currentData(),
            "summary": self.summary.toPlainText().strip(),
            "rating": self.rating.currentData(),
            "follow_up_due": due,
        }

    def has_unsaved_input(self) -> bool:
        return bool(self.summary.toPlainText().strip())

    def _save(self) -> None:
        if not self.summary.toPlainText().strip():
            self.problem.setText(self.tr("A summary is required"))
            self.summary.setFocus()
            return
        self.accept()
