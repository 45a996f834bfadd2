"""The customer's consents at the counter: each purpose's status with its date, a one-click
Withdraw for each consent given, and the whole history of consent records.

The customer is at the counter when they withdraw, so there is no question to answer: the
click records the withdrawal (audited, with the staff member and channel) and the row says
so at once. The service calls come in `ConsentActions`, so the widget holds no database.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pharmadesk.errors import PharmaDeskError
from pharmadesk.services.consents import PURPOSES, ConsentEntry, ConsentState, states
from pharmadesk.services.customers import CustomerRecord
from pharmadesk.ui import labels
from pharmadesk.ui.models import _TableModel
from pharmadesk.ui.tables import table_view

Index = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole


@dataclass(frozen=True)
class ConsentActions:
    """The services the widget calls, bound to the signed-in session."""

    history: Callable[[int], list[ConsentEntry]]
    withdraw: Callable[[int, str], object]


class ConsentHistoryModel(_TableModel):
    """Every consent record of one customer, newest first."""

    def __init__(self) -> None:
        super().__init__()
        self._entries: list[ConsentEntry] = []

    def headers(self) -> list[str]:
        return [
            self.tr("Recorded"), self.tr("Consent"), self.tr("Status"), self.tr("Channel"),
            self.tr("Notice"), self.tr("Staff"), self.tr("Given by"),
        ]  # fmt: skip

    def set_entries(self, entries: list[ConsentEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or role != DISPLAY:
            return None
        entry = self._entries[index.row()]
        given_by = self.tr("Guardian") if entry.by_guardian else self.tr("Customer")
        return [
            entry.recorded_at.strftime("%Y-%m-%d %H:%M"), labels.purpose(entry.purpose),
            labels.consent(entry.status), labels.channel(entry.channel or ""),
            entry.notice_version or "", entry.user_name or "", given_by,
        ][index.column()]  # fmt: skip


class ConsentPanel(QWidget):
    """Emits `withdrawn(purpose)` after a withdrawal was recorded."""

    withdrawn = Signal(str)

    def __init__(self, actions: ConsentActions | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._actions = actions
        self._customer_id: int | None = None
        self._statuses: dict[str, str | None] = dict.fromkeys(PURPOSES)
        self._status: dict[str, QLabel] = {}
        self._buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        for row, purpose in enumerate(PURPOSES):
            grid.addWidget(QLabel(labels.purpose(purpose)), row, 0)
            status = QLabel()
            status.setObjectName(f"consentStatus_{purpose}")
            grid.addWidget(status, row, 1)
            button = QPushButton(self.tr("Withdraw"))
            button.setObjectName(f"withdraw_{purpose}")
            button.setToolTip(self.tr("The customer withdraws this consent (recorded at once)"))
            button.clicked.connect(lambda _=False, p=purpose: self.withdraw(p))
            grid.addWidget(button, row, 2)
            self._status[purpose], self._buttons[purpose] = status, button
        grid.setColumnStretch(1, 1)
        self.note = QLabel()
        self.note.setObjectName("consentNote")
        self.note.setWordWrap(True)
        self.model = ConsentHistoryModel()
        self.view = table_view(self.model)
        self.view.setObjectName("consentHistory")
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.note)
        layout.addWidget(QLabel(self.tr("History")))
        layout.addWidget(self.view, 1)
        self.show_customer(None)

    def show_customer(self, customer: CustomerRecord | None) -> None:
        """Show a saved customer's consents (None: a new customer, nothing recorded yet)."""
        self._customer_id = customer.id if customer is not None else None
        entries: list[ConsentEntry] = []
        if customer is not None and self._actions is not None:
            entries = self._actions.history(customer.id)
        self.model.set_entries(entries)
        self._statuses = {
            p: getattr(customer, f"consent_{p}") if customer is not None else None for p in PURPOSES
        }
        for state in states(self._statuses, entries):
            self._show_state(state)
        self.note.setText(self._note(customer))

    def _note(self, customer: CustomerRecord | None) -> str:
        if customer is None:
            return self.tr("Consents are recorded when the customer is saved.")
        if customer.guardian_name:
            return self.tr("A child's consents are given by the guardian, %1.").replace(
                "%1", customer.guardian_name
            )
        return ""

    def _show_state(self, state: ConsentState) -> None:
        text = labels.consent(state.status)
        if state.since is not None:
            since = state.since
            details = [since.recorded_at.date().isoformat(), labels.channel(since.channel or "")]
            if since.notice_version:
                details.append(self.tr("notice %1").replace("%1", since.notice_version))
            if since.by_guardian:
                details.append(self.tr("by the guardian"))
            text += "  (" + ", ".join(d for d in details if d) + ")"
        self._status[state.purpose].setText(text)
        button = self._buttons[state.purpose]
        button.setVisible(state.status == "given" and self._customer_id is not None)
        button.setEnabled(self._actions is not None)

    def withdraw(self, purpose: str) -> None:
        """One click: the consent is withdrawn and logged; the rows and history follow."""
        if self._customer_id is None or self._actions is None:
            return
        customer_id = self._customer_id
        try:
            self._actions.withdraw(customer_id, purpose)
        except PharmaDeskError as exc:
            QMessageBox.warning(self, self.tr("Not withdrawn"), exc.message)
            return
        entries = self._actions.history(customer_id)
        self.model.set_entries(entries)
        self._statuses[purpose] = "withdrawn"
        for state in states(self._statuses, entries):
            self._show_state(state)
        self.withdrawn.emit(purpose)
