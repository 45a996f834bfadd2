"""The counter asks a customer whose details are stale, and who is here, to confirm them."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pharmadesk.db.models import AuditEvent
from pharmadesk.services import customers, stale
from pharmadesk.services.context import Context
from pharmadesk.ui.main_window import MainWindow
from tests.unit.services.test_stale import _verified


def test_the_please_confirm_line_shows_for_a_stale_customer_and_goes_when_confirmed(
    qtbot: QtBot, window: MainWindow, pharmacy: Context, people: dict[str, int]
) -> None:
    _verified(people["李四"], date(2024, 3, 1))  # bought something today: at the counter
    window.open_customer(people["张三"])
    assert not window.panel.check_line.isVisible()
    window.open_customer(people["李四"])
    assert window.panel.check_line.isVisible()
    qtbot.mouseClick(window.panel.confirm_button, Qt.MouseButton.LeftButton)
    assert not window.panel.check_line.isVisible()
    assert customers.get(pharmacy, people["李四"]).last_verified_at == pharmacy.now()
    assert not stale.needs_check(pharmacy, people["李四"])
    assert AuditEvent.select().where(AuditEvent.action == "customer.verified").count() == 1
    window.open_customer(people["张三"])
    window.open_customer(people["李四"])
    assert not window.panel.check_line.isVisible()
    window.new_customer()
    assert not window.panel.check_line.isVisible()


def test_a_customer_who_moved_shows_it_at_the_counter_and_undo_takes_the_mark_back(
    qtbot: QtBot, window: MainWindow, pharmacy: Context, people: dict[str, int]
) -> None:
    li = people["李四"]
    _verified(li, date(2024, 3, 1))
    stale.mark_left(pharmacy, li, reason="moved", on=date(2026, 11, 2))
    window.open_customer(li)
    assert window.panel.left_line.isVisible()
    assert window.panel.left_text.text() == "Moved away on 2026-11-02"
    assert not window.panel.check_line.isVisible()  # nobody asks someone who moved away
    qtbot.mouseClick(window.panel.undo_left_button, Qt.MouseButton.LeftButton)
    assert stale.left_status(pharmacy, li) is None
    assert not window.panel.left_line.isVisible()
    assert window.panel.check_line.isVisible()  # stale again, and here today
    stale.mark_left(pharmacy, people["张三"], reason="deceased", on=date(2026, 10, 5))
    window.open_customer(people["张三"])
    assert window.panel.left_text.text() == "Deceased on 2026-10-05"
    window.new_customer()
    assert not window.panel.left_line.isVisible()
