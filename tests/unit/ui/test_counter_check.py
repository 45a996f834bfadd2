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
