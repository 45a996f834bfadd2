"""The Reminders window: each tab loads when first looked at, and a chosen customer leaves it."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pharmadesk.services import templates
from pharmadesk.services.context import Context
from pharmadesk.ui.reminders_window import RemindersWindow
from pharmadesk.ui.tasks import BackgroundRunner
from tests.conftest import CST, FakeClock
from tests.unit.services.test_reminders import TODAY, _bought, _customer

MONTHLY = ["2026-08-01", "2026-08-31", "2026-09-30", "2026-10-30"]  # due 2026-11-29


@pytest.fixture
def runner(pharmacy: Context) -> Iterator[BackgroundRunner]:
    runner = BackgroundRunner(on_stop=pharmacy.close_connection)
    yield runner
    runner.stop()


@pytest.fixture
def window(
    qtbot: QtBot, pharmacy: Context, clock: FakeClock, runner: BackgroundRunner
) -> RemindersWindow:
    clock.current = datetime.combine(TODAY, time(10), CST)
    customer = _customer(pharmacy, "甲", "13900000001")
    _bought(pharmacy, customer, "降压片", MONTHLY)
    window = RemindersWindow(pharmacy, runner)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _loaded(qtbot: QtBot, status_text: object) -> None:
    qtbot.waitUntil(lambda: status_text() not in ("", "Loading…"), timeout=5000)  # type: ignore[operator]


def test_only_the_tab_looked_at_loads_and_f5_loads_it_again(
    qtbot: QtBot, window: RemindersWindow
) -> None:
    window.show_tab(0)
    _loaded(qtbot, window.refills.status.text)
    assert window.refills.model.rowCount() == 1
    assert window.birthdays.status.text() == ""  # never asked for
    assert window.winback.status.text() == ""
    window.tabs.setCurrentIndex(2)  # looked at: loads now
    _loaded(qtbot, window.winback.status.text)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    _loaded(qtbot, window.winback.status.text)


def test_the_refill_call_offers_the_message_of_the_refill_template(
    qtbot: QtBot, window: RemindersWindow, pharmacy: Context
) -> None:
    window.show_tab(0)
    _loaded(qtbot, window.refills.status.text)
    reminder = window.refills.model.rows[0]
    assert window.refills.message_for is not None
    message = window.refills.message_for(reminder)
    expected = templates.render(
        pharmacy, "refill", reminder.customer_id, "en", item="降压片", due_date="2026-11-29"
    )
    assert message == expected
    assert "甲" in message
    assert "降压片" in message


def test_choosing_a_customer_in_a_tab_is_the_windows_signal(
    qtbot: QtBot, window: RemindersWindow
) -> None:
    window.show_tab(0)
    _loaded(qtbot, window.refills.status.text)
    with qtbot.waitSignal(window.customer_chosen) as chosen:
        window.refills.customer_chosen.emit(7)
    assert chosen.args == [7]


def test_an_overdue_refill_is_not_told_a_day_already_past(
    qtbot: QtBot, window: RemindersWindow, pharmacy: Context, clock: FakeClock
) -> None:
    window.show_tab(0)
    _loaded(qtbot, window.refills.status.text)
    [due] = window.refills.model.rows
    late = dataclasses.replace(due, status="overdue", due_date=TODAY - timedelta(days=5))
    assert window.refills.message_for is not None
    message = window.refills.message_for(late)
    assert "17 November" not in message
    assert "around this time" in message


@pytest.mark.parametrize(
    ("key", "modifier"),
    [(Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
     (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)],
)  # fmt: skip
def test_esc_or_ctrl_w_closes_the_window(
    qtbot: QtBot, window: RemindersWindow, key: Qt.Key, modifier: Qt.KeyboardModifier
) -> None:
    window.show_tab(0)
    _loaded(qtbot, window.refills.status.text)
    window.activateWindow()
    window.refills.table.setFocus()
    qtbot.waitUntil(window.refills.table.hasFocus)
    qtbot.keyClick(window.refills.table, key, modifier)
    qtbot.waitUntil(lambda: not window.isVisible())
