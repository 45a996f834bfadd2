"""Ctrl+R at the counter: the reminders of the day, and a customer opened from them."""

from __future__ import annotations

from datetime import datetime, time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pharmadesk.services import customers
from pharmadesk.services.context import Context
from pharmadesk.ui.main_window import MainWindow
from tests.conftest import CST, FakeClock
from tests.unit.services.test_reminders import TODAY, _bought

CTRL = Qt.KeyboardModifier.ControlModifier
MONTHLY = ["2026-08-01", "2026-08-31", "2026-09-30", "2026-10-30"]  # due 2026-11-29


def due_customer(pharmacy: Context, clock: FakeClock) -> int:
    clock.current = datetime.combine(TODAY, time(10), CST)
    made = customers.create(
        pharmacy, {"name": "张三丰", "mobile": "13812349999", "consent_marketing": "given"}
    ).customer
    assert made is not None
    _bought(pharmacy, made.id, "降压片", MONTHLY)
    return made.id


def test_ctrl_r_lists_the_refill_and_opens_its_customer_at_the_counter(
    qtbot: QtBot, window: MainWindow, pharmacy: Context, clock: FakeClock
) -> None:
    customer_id = due_customer(pharmacy, clock)
    qtbot.keyClick(window, Qt.Key.Key_R, CTRL)
    reminders = window.tools.reminders
    assert reminders is not None
    qtbot.waitUntil(lambda: reminders.refills.model.rowCount() == 1, timeout=5000)
    assert reminders.refills.model.index(0, 4).data() == "降压片"
    reminders.refills.table.setFocus()
    reminders.refills.table.selectRow(0)
    reminders.refills.open_customer()
    qtbot.waitUntil(lambda: window.customer_id == customer_id)


def test_every_role_has_reminders_and_only_the_owner_edits_the_templates(
    qtbot: QtBot, window: MainWindow, pharmacist_window: MainWindow
) -> None:
    assert window.act_reminders.isEnabled()
    assert pharmacist_window.act_reminders.isEnabled()
    assert window.act_templates.isVisible()
    assert not pharmacist_window.act_templates.isVisible()
    pharmacist_window.show_templates()  # even when called some other way: nothing opens
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible()
                and type(w).__name__ == "TemplatesDialog"]  # fmt: skip
