"""A call (or a message) to a customer from a reminder list: who, why, and how it went.

Shared by the refill, birthday and win-back tabs. The mobile is shown large, because the
user dials it by hand; a prepared message can be copied to the clipboard for an SMS or a
WeChat chat. The dialog only asks: the tab that opened it logs the call through the
services.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from pharmadesk.services.calls import LastCall
from pharmadesk.ui import labels

CHANNELS = ("phone", "sms", "wechat")


def last_call_text(call: LastCall | None, today: date) -> str:
    """A list's "Last call" cell: "12-02 No answer" (with the year when not this year's)."""
    if call is None:
        return ""
    day = call.day.strftime("%m-%d") if call.day.year == today.year else call.day.isoformat()
    return f"{day} {labels.outcome(call.outcome)}"


class CallDialog(QDialog):
    """Asks for the outcome of a call. After `accept()`: `outcome`, `note`, `channel`."""

    def __init__(
        self,
        *,
        customer_name: str,
        mobile: str | None,
        about: str,
        outcomes: Sequence[str],
        message: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Call %1").replace("%1", customer_name))
        self.setMinimumWidth(460)
        self.outcome: str | None = None
        self.note = ""
        self.channel = "phone"
        layout = QVBoxLayout(self)
        layout.addWidget(self._who(customer_name, mobile))
        reason = QLabel(about)
        reason.setObjectName("callAbout")
        reason.setWordWrap(True)
        layout.addWidget(reason)
        self.message: QPlainTextEdit | None = None
        if message:
            layout.addLayout(self._message_row(message))
        layout.addWidget(self._outcome_box(outcomes))
        layout.addLayout(self._details())
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        first = self.group.buttons()
        if first:
            first[0].setFocus()

    def _who(self, customer_name: str, mobile: str | None) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        name = QLabel(customer_name)
        name.setObjectName("callName")
        self.number = QLabel(_spaced(mobile) if mobile else self.tr("No mobile on file"))
        self.number.setObjectName("callMobile")
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for label, scale in ((name, 1.3), (self.number, 1.8)):
            font = QFont(label.font())
            font.setPointSizeF(font.pointSizeF() * scale)
            font.setBold(True)
            label.setFont(font)
        row.addWidget(name)
        row.addStretch(1)
        row.addWidget(self.number)
        return box

    def _message_row(self, message: str) -> QHBoxLayout:
        self.message = QPlainTextEdit(message)
        self.message.setObjectName("callMessage")
        self.message.setReadOnly(True)
        self.message.setTabChangesFocus(True)
        self.message.setMaximumHeight(self.fontMetrics().height() * 6)
        self.copy_button = QPushButton(self.tr("&Copy"))
        self.copy_button.setObjectName("copyMessage")
        self.copy_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self.copy_message)
        row = QHBoxLayout()
        row.addWidget(self.message, 1)
        row.addWidget(self.copy_button)
        return row

    def _outcome_box(self, outcomes: Sequence[str]) -> QGroupBox:
        box = QGroupBox(self.tr("Outcome"))
        column = QVBoxLayout(box)
        self.group = QButtonGroup(self)
        # Numbered accelerators (Alt+1, Alt+2...): they work in every UI language, where
        # the Chinese labels have no letter to underline.
        for number, code in enumerate(outcomes, start=1):
            button = QRadioButton(f"&{number}  {labels.outcome(code)}")
            button.setObjectName(f"outcome_{code}")
            button.setProperty("code", code)
            self.group.addButton(button)
            column.addWidget(button)
        self.group.buttonToggled.connect(self._chosen)
        return box

    def _details(self) -> QFormLayout:
        self.channel_box = QComboBox()
        self.channel_box.setObjectName("callChannel")
        for code in CHANNELS:
            self.channel_box.addItem(labels.channel(code), code)
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("callNote")
        self.note_edit.setPlaceholderText(self.tr("Optional"))
        form = QFormLayout()
        channel_label = QLabel(self.tr("C&hannel"))
        channel_label.setBuddy(self.channel_box)
        note_label = QLabel(self.tr("&Note"))
        note_label.setBuddy(self.note_edit)
        form.addRow(channel_label, self.channel_box)
        form.addRow(note_label, self.note_edit)
        return form

    def _chosen(self, button: QRadioButton, checked: bool) -> None:
        if not checked:
            return
        self.ok_button.setEnabled(True)
        # A message sent is not a phone call: offer the usual text channel instead.
        if button.property("code") == "sent" and self.channel_box.currentData() == "phone":
            self.channel_box.setCurrentIndex(CHANNELS.index("sms"))

    def copy_message(self) -> None:
        if self.message is not None:
            QGuiApplication.clipboard().setText(self.message.toPlainText())
            self.copy_button.setText(self.tr("Copied"))

    def accept(self) -> None:
        checked = self.group.checkedButton()
        if checked is None:
            return
        self.outcome = str(checked.property("code"))
        self.note = self.note_edit.text().strip()
        self.channel = str(self.channel_box.currentData())
        super().accept()


def _spaced(mobile: str) -> str:
    """138 1234 5678: the way a number is read aloud and dialled."""
    if len(mobile) == 11 and mobile.isdigit():
        return f"{mobile[:3]} {mobile[3:7]} {mobile[7:]}"
    return mobile
