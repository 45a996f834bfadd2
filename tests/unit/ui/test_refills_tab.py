"""The Refills tab walked as a pharmacist does: choose the row, call, log how it went."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from pharmadesk.services import interactions, reminders
from pharmadesk.services.context import Context
from pharmadesk.ui.call_dialog import CallDialog
from pharmadesk.ui.refills_tab import LAST_CALL_COLUMN, RefillsTab, load
from pharmadesk.ui.tasks import BackgroundRunner
from tests.conftest import CST, FakeClock
from tests.unit.services.test_reminders import TODAY, _bought, _customer
from tests.unit.ui.conftest import press, when_modal

ALT = Qt.KeyboardModifier.AltModifier
MONTHLY = ["2026-08-01", "2026-08-31", "2026-09-30", "2026-10-30"]  # due 2026-11-29


@pytest.fixture
def jia(pharmacy: Context, clock: FakeClock) -> int:
    clock.current = datetime.combine(TODAY, time(10), CST)
    customer = _customer(pharmacy, "甲", "13900000001")
    _bought(pharmacy, customer, "降压片", MONTHLY)
    return customer


@pytest.fixture
def runner(pharmacy: Context) -> Iterator[BackgroundRunner]:
    runner = BackgroundRunner(on_stop=pharmacy.close_connection)
    yield runner
    runner.stop()


def _tab(qtbot: QtBot, pharmacy: Context, runner: BackgroundRunner, **kwargs: object) -> RefillsTab:
    tab = RefillsTab(pharmacy, runner, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitExposed(tab)
    tab.activateWindow()
    _reload(qtbot, tab)
    tab.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tab.table)
    return tab


def _reload(qtbot: QtBot, tab: RefillsTab) -> None:
    tab.reload()
    assert tab.status.text() == "Loading…"
    qtbot.waitUntil(lambda: tab.status.text() != "Loading…", timeout=5000)


def _answer_call(qtbot: QtBot, number: int, note: str = "") -> list[BaseException]:
    def handle(dialog: QWidget) -> None:
        assert isinstance(dialog, CallDialog)
        qtbot.keyClick(dialog, getattr(Qt.Key, f"Key_{number}"), ALT)
        qtbot.waitUntil(dialog.ok_button.isEnabled)
        if note:
            qtbot.keyClicks(dialog.note_edit, note)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    return when_modal(qtbot, handle)


def test_a_call_that_stopped_the_medicine_is_logged_and_the_row_stays_gone(
    qtbot: QtBot, pharmacy: Context, runner: BackgroundRunner, jia: int
) -> None:
    tab = _tab(qtbot, pharmacy, runner)
    assert tab.model.rowCount() == 1
    assert tab.status.text() == "1 reminder listed, due 1"  # no capital mid-sentence
    row = [tab.model.index(0, c).data() for c in range(7)]
    assert row[:6] == ["Due", "2026-11-29", "甲", "13900000001", "降压片", ""]
    assert row[6] == "降压片 about every 30 days; last bought 2026-10-30; 23 days ago"
    errors = _answer_call(qtbot, 4)  # 4: stopped this medicine
    press(qtbot, Qt.Key.Key_Return)
    assert errors == []
    [entry] = interactions.for_customer(pharmacy, jia)
    assert (entry.kind, entry.outcome, entry.channel) == ("reminder", "stopped", "phone")
    assert entry.summary == "Refill reminder about 降压片: Stopped this medicine"
    assert tab.model.rowCount() == 0
    _reload(qtbot, tab)
    assert tab.model.rowCount() == 0


def test_a_call_that_reached_the_customer_shows_as_the_last_call(
    qtbot: QtBot, pharmacy: Context, runner: BackgroundRunner, jia: int, clock: FakeClock
) -> None:
    tab = _tab(qtbot, pharmacy, runner)
    errors = _answer_call(qtbot, 1, note="will pick up Friday")
    press(qtbot, Qt.Key.Key_C, ALT)  # the accelerator clicks a little later
    qtbot.waitUntil(lambda: tab.model.index(0, LAST_CALL_COLUMN).data() == "11-22 Reached")
    assert errors == []
    assert tab.model.index(0, 0).data() == "Due"  # the status cell stays the status
    [entry] = interactions.for_customer(pharmacy, jia)
    assert entry.outcome == "reached"
    assert entry.summary == "Refill reminder about 降压片: Reached — will pick up Friday"
    # Read from the log: a new tab (after a restart, a lock, another account) shows it,
    # and the next morning it reads as that day's call, not today's.
    clock.advance(days=1)
    again = _tab(qtbot, pharmacy, runner)
    assert again.model.index(0, LAST_CALL_COLUMN).data() == "11-22 Reached"
    assert again.model.index(0, 0).data() == "Due"


def test_a_purchase_after_the_call_starts_the_reminder_afresh(
    qtbot: QtBot, pharmacy: Context, runner: BackgroundRunner, jia: int, clock: FakeClock
) -> None:
    # A call before the last purchase (10-30) was about the reminder before this one.
    clock.current = datetime.combine(date(2026, 10, 20), time(10), CST)
    interactions.log(
        pharmacy, jia, channel="phone", kind="reminder", summary="电话", outcome="no_answer"
    )
    clock.current = datetime.combine(TODAY, time(10), CST)
    tab = _tab(qtbot, pharmacy, runner)
    assert tab.model.index(0, LAST_CALL_COLUMN).data() == ""


def test_the_message_of_the_template_is_offered_to_copy_and_send(
    qtbot: QtBot, pharmacy: Context, runner: BackgroundRunner, jia: int
) -> None:
    _tab(qtbot, pharmacy, runner, message_for=lambda r: f"{r.customer_name}您好，{r.item}")
    seen: list[tuple[str, list[str]]] = []

    def handle(dialog: QWidget) -> None:
        assert isinstance(dialog, CallDialog)
        assert dialog.message is not None
        seen.append((dialog.message.toPlainText(), [b.text() for b in dialog.group.buttons()]))
        dialog.reject()

    errors = when_modal(qtbot, handle)
    press(qtbot, Qt.Key.Key_Return)
    assert errors == []
    assert seen == [("甲您好，降压片", ["&1  Reached", "&2  No answer", "&3  Will come in",
                                        "&4  Stopped this medicine", "&5  Sent"])]  # fmt: skip
    assert interactions.for_customer(pharmacy, jia) == []  # cancelled: nothing logged


def test_snooze_then_undo(qtbot: QtBot, pharmacy: Context, runner: BackgroundRunner,
                          jia: int) -> None:  # fmt: skip
    tab = _tab(qtbot, pharmacy, runner)

    def handle(dialog: QWidget) -> None:
        assert isinstance(dialog, QInputDialog)
        dialog.setIntValue(10)
        dialog.accept()

    errors = when_modal(qtbot, handle)
    press(qtbot, Qt.Key.Key_S, ALT)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 0)
    assert errors == []
    state = reminders.state_of(pharmacy, jia, "product", "降压片")
    assert state is not None
    assert (state.action, (state.until - TODAY).days) == ("snoozed", 10)
    assert tab.undo_button.isEnabled()
    qtbot.mouseClick(tab.undo_button, Qt.MouseButton.LeftButton)
    assert tab.model.rowCount() == 1
    assert reminders.state_of(pharmacy, jia, "product", "降压片") is None
    assert not tab.undo_button.isEnabled()


def test_do_not_remind_asks_first(qtbot: QtBot, pharmacy: Context, runner: BackgroundRunner,
                                  jia: int) -> None:  # fmt: skip
    tab = _tab(qtbot, pharmacy, runner)
    asked: list[str] = []
    for answer, rows in ((QMessageBox.StandardButton.No, 1), (QMessageBox.StandardButton.Yes, 0)):

        def handle(box: QWidget, answer: QMessageBox.StandardButton = answer) -> None:
            assert isinstance(box, QMessageBox)
            asked.append(box.text())
            box.button(answer).click()

        errors = when_modal(qtbot, handle)
        qtbot.mouseClick(tab.never_button, Qt.MouseButton.LeftButton)
        assert errors == []
        assert tab.model.rowCount() == rows
    assert asked == ["Never remind 甲 of 降压片 again?"] * 2
    state = reminders.state_of(pharmacy, jia, "product", "降压片")
    assert state is not None
    assert state.action == "no_remind"


def test_the_status_filter_and_open_customer(
    qtbot: QtBot, pharmacy: Context, runner: BackgroundRunner, jia: int
) -> None:
    yi = _customer(pharmacy, "乙", "13900000002")
    _bought(pharmacy, yi, "二甲双胍片", ["2026-07-01", "2026-08-02", "2026-09-01", "2026-10-02"])
    tab = _tab(qtbot, pharmacy, runner)
    assert [tab.model.index(r, 2).data() for r in range(2)] == ["乙", "甲"]  # lapsing first
    assert tab.model.index(0, 0).data() == "Lapsing"
    tab.filter.setCurrentIndex(tab.filter.findData("due"))
    assert [tab.model.index(r, 2).data() for r in range(tab.model.rowCount())] == ["甲"]
    with qtbot.waitSignal(tab.customer_chosen) as chosen:
        press(qtbot, Qt.Key.Key_O, ALT)
    assert chosen.args == [jia]


def test_a_list_that_arrives_after_a_newer_reload_is_dropped(
    qtbot: QtBot, pharmacy: Context, runner: BackgroundRunner, jia: int
) -> None:
    tab = RefillsTab(pharmacy, runner)
    qtbot.addWidget(tab)
    shown: list[int] = []
    tab.model.modelReset.connect(lambda: shown.append(tab.model.rowCount()))
    tab.reload()  # 7 days ahead: 甲 is due on the 29th
    tab.days.setValue(0)
    tab.reload()  # today only: nobody
    runner.wait_idle()
    qtbot.waitUntil(lambda: tab.status.text() != "Loading…")
    assert shown == [0]


def test_the_table_model(pharmacy: Context, runner: BackgroundRunner, jia: int,
                         qtmodeltester: ModelTester) -> None:  # fmt: skip
    tab = RefillsTab(pharmacy, runner)
    found, calls = load(pharmacy, 7)
    tab.model.calls = calls
    tab.model.set_rows(found)
    qtmodeltester.check(tab.model)
