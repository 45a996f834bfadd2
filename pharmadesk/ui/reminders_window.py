"""The Reminders window (View > Reminders, Ctrl+R): refills due, birthdays, win-back calls.

Each tab loads its list in the background the first time it is shown, and again on F5, so
opening the window never waits for the 200,000-customer queries of the tabs not looked at.
Choosing a customer in any tab opens them at the counter behind this window. Esc or
Ctrl+W closes the window.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from pharmadesk.services import templates
from pharmadesk.services.context import Context
from pharmadesk.services.reminders import Reminder
from pharmadesk.ui import i18n
from pharmadesk.ui.birthdays_tab import BirthdaysTab
from pharmadesk.ui.refills_tab import RefillsTab
from pharmadesk.ui.tasks import BackgroundRunner
from pharmadesk.ui.winback_tab import WinbackTab


class _Tab(Protocol):
    def reload(self) -> None: ...


class RemindersWindow(QWidget):
    customer_chosen = Signal(int)

    def __init__(self, ctx: Context, runner: BackgroundRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Reminders"))
        self.resize(1100, 620)
        language = i18n.current_language()
        self.refills = RefillsTab(ctx, runner, message_for=_refill_message(ctx, language))
        self.birthdays = BirthdaysTab(ctx, runner)
        self.winback = WinbackTab(ctx, runner)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("reminderTabs")
        self.tabs.addTab(self.refills, self.tr("&Refills due"))
        self.tabs.addTab(self.birthdays, self.tr("&Birthdays"))
        self.tabs.addTab(self.winback, self.tr("&Win-back"))
        self._loaded: set[int] = set()
        for tab in (self.refills, self.birthdays, self.winback):
            tab.customer_chosen.connect(self.customer_chosen)
        self.tabs.currentChanged.connect(self._first_look)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self).activated.connect(self.reload_current)
        # Ctrl+W on every platform (the standard Close key is Ctrl+F4 on some desktops).
        for keys in (QKeySequence(Qt.Key.Key_Escape), QKeySequence("Ctrl+W")):
            QShortcut(keys, self).activated.connect(self.close)

    def show_tab(self, index: int = 0) -> None:
        self.tabs.setCurrentIndex(index)
        self._first_look(index)

    def reload_current(self) -> None:
        self._loaded.add(self.tabs.currentIndex())
        tab: _Tab = self.tabs.currentWidget()  # type: ignore[assignment]
        tab.reload()

    def _first_look(self, index: int) -> None:
        if index not in self._loaded and index >= 0:
            self.reload_current()


def _refill_message(ctx: Context, language: str) -> Callable[[Reminder], str]:
    def message(reminder: Reminder) -> str:
        # A day already past would tell the customer their medicine runs out in August; the
        # template's words for no day ("soon") fit an overdue refill instead.
        due = reminder.due_date if reminder.status == "due" else None
        return templates.render(
            ctx, "refill", reminder.customer_id, language, item=reminder.item, due_date=due
        )

    return message
