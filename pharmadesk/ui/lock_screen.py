"""The lock screen: a page of the main window shown while it is locked.

It names the pharmacy and asks for a user and a password; the same or another person
signs in from it (a quick switch at the counter). It holds no customer data and knows no
database: it emits `submitted(user, password)`, and the window either signs that user in
or hands the refusal back to `refuse(error, now)`.

It keeps no reference to the window (a signal, not a callback): a Python cycle between
Qt objects would leave them to the cycle collector, which may run on the worker thread.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pharmadesk.errors import AuthenticationError, PharmaDeskError
from pharmadesk.ui.start_dialogs import ERROR_STYLE, unlock_error_text

CARD_WIDTH = 420
CARD_MARGIN = 24


class LockScreen(QWidget):
    """Emits `submitted(user, password)` when Unlock (or Enter) is pressed."""

    submitted = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self._note = ""
        self.title = QLabel(self.tr("PharmaDesk is locked"))
        self.title.setObjectName("lockTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.title.setFont(font)
        self.place = QLabel()
        self.place.setObjectName("lockPlace")
        self.place.setWordWrap(True)
        self.user = QLineEdit()
        self.user.setObjectName("lockUser")
        self.password = QLineEdit()
        self.password.setObjectName("lockPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setObjectName("lockUnlock")
        self.unlock_button.setDefault(True)
        self.message = QLabel()
        self.message.setObjectName("lockMessage")
        self.message.setWordWrap(True)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.user.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self.try_unlock)
        self._lay_out()

    def _lay_out(self) -> None:
        card = QFrame()
        card.setObjectName("lockCard")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setFixedWidth(CARD_WIDTH)
        fields = QFormLayout()
        fields.addRow(self.tr("User"), self.user)
        fields.addRow(self.tr("Password"), self.password)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(CARD_MARGIN, CARD_MARGIN, CARD_MARGIN, CARD_MARGIN)
        inner.setSpacing(12)
        inner.addWidget(self.title)
        inner.addWidget(self.place)
        inner.addLayout(fields)
        inner.addWidget(self.unlock_button, 0, Qt.AlignmentFlag.AlignRight)
        inner.addWidget(self.message)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)

    def present(self, *, pharmacy: str, file_name: str, user: str, note: str = "") -> None:
        """Show the locked pharmacy, with the last user filled in and the password empty."""
        where = self.tr("Pharmacy: %1").replace("%1", pharmacy) + "\n" if pharmacy else ""
        self.place.setText(where + self.tr("File: %1").replace("%1", file_name))
        self.user.setText(user)
        self.password.clear()
        self._note = note
        self.show_message(note, error=False)
        self.password.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_waiting(self, waiting: bool, *, explain: bool = False) -> None:
        """Unlocking waits until the lock is complete; `explain` says a background task
        (an import or export) is finishing first, with the database still open for it."""
        for widget in (self.user, self.password, self.unlock_button):
            widget.setEnabled(not waiting)
        if waiting and explain:
            self.show_message(
                self.tr("Finishing a task in the background (an import or export)…"), error=False
            )
        elif not waiting:
            self.show_message(self._note, error=False)
            self.password.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_message(self, text: str, *, error: bool) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        # A centred card does not pass its width down for a wrapped label's height: without
        # this, a note of several lines (after a restore) is cut off at the top and bottom.
        width = CARD_WIDTH - 2 * CARD_MARGIN
        self.message.setMinimumHeight(self.message.heightForWidth(width) if text else 0)

    def try_unlock(self) -> None:
        if not self.unlock_button.isEnabled():
            return
        user = self.user.text().strip()
        if not user:
            self.user.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        password = self.password.text()
        self.password.clear()
        self.show_message("", error=False)
        self.submitted.emit(user, password)

    def refuse(self, error: PharmaDeskError, now: datetime) -> None:
        """The sign-in was refused: say why (a wrong password, a wait, a damaged file)."""
        self.show_message(unlock_error_text(error, now), error=True)
        if isinstance(error, AuthenticationError):
            self.password.setFocus(Qt.FocusReason.OtherFocusReason)
