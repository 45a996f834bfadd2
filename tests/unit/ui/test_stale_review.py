"""The stale-record review walked as staff do: confirm, open to update, mark as moved or
deceased with the day (asked first), undo; the owner changes the months."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from pharmadesk.services import customers, stale
from pharmadesk.services.context import Account, Context
from pharmadesk.ui.stale_review import LeftDialog, StaleReviewWindow
from pharmadesk.ui.tasks import BackgroundRunner
from tests.unit.services.test_stale import _customer, _last_seen, _verified
from tests.unit.ui.conftest import press, when_modal

ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def people(pharmacy: Context) -> dict[str, int]:
    found = {}
    for n, (name, seen) in enumerate((("昨天", date(2026, 11, 19)), ("上月", date(2026, 10, 5)),
                                      ("去年", date(2025, 8, 1)))):  # fmt: skip
        found[name] = _customer(pharmacy, name, f"1390000002{n}")
        _verified(found[name], date(2024, 6, 1))
        _last_seen(found[name], seen)
    _customer(pharmacy, "刚核对", "13900000029")
    return found


@pytest.fixture
def runner(pharmacy: Context) -> Iterator[BackgroundRunner]:
    runner = BackgroundRunner(on_stop=pharmacy.close_connection)
    yield runner
    runner.stop()


def _window(qtbot: QtBot, ctx: Context, runner: BackgroundRunner) -> StaleReviewWindow:
    window = StaleReviewWindow(ctx, runner)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.status.text().endswith("to review."), timeout=5000)
    window.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.table)
    return window


def _column(window: StaleReviewWindow, column: int) -> list[str]:
    model = window.model
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_the_list_most_recent_visitors_first_confirmed_one_by_one(
    qtbot: QtBot, pharmacy: Context, runner: BackgroundRunner, people: dict[str, int]
) -> None:
    window = _window(qtbot, pharmacy, runner)
    ModelTester(None).check(window.model)
    assert _column(window, 0) == ["昨天", "上月", "去年"]
    assert [window.model.index(0, c).data() for c in (2, 3, 4, 5)] == [
        "13900000020", "解放路1号", "2024-06-01", "2026-11-19"]  # fmt: skip
    assert window.status.text().startswith("3 customer")
    assert not window.months.isVisible() or window.months.value() == 12
    press(qtbot, Qt.Key.Key_C, ALT)  # the accelerator clicks a little later
    qtbot.waitUntil(lambda: _column(window, 6)[0] == "Confirmed 2026-11-20")
    assert not stale.needs_check(pharmacy, people["昨天"])
    assert window.table.currentIndex().row() == 1  # on to the next
    assert window.status.text().startswith("2 customer")  # one fewer to review
    window.table.selectRow(0)
    assert not window.confirm_button.isEnabled()
    assert not window.undo_button.isEnabled()  # a confirmation is not taken back here


def test_update_and_enter_open_the_customer(
    qtbot: QtBot, pharmacy: Context, runner: BackgroundRunner, people: dict[str, int]
) -> None:
    window = _window(qtbot, pharmacy, runner)
    with qtbot.waitSignal(window.customer_chosen) as chosen:
        press(qtbot, Qt.Key.Key_Return)
    assert chosen.args == [people["昨天"]]
    window.table.selectRow(2)
    with qtbot.waitSignal(window.customer_chosen) as chosen:
        press(qtbot, Qt.Key.Key_U, ALT)
    assert chosen.args == [people["去年"]]


def test_deceased_asks_for_the_day_and_can_be_undone(
    qtbot: QtBot, pharmacy: Context, runner: BackgroundRunner, people: dict[str, int]
) -> None:
    window = _window(qtbot, pharmacy, runner)
    window.table.selectRow(1)

    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, LeftDialog)
        assert "上月" in dialog.findChildren(type(window.status))[0].text()
        dialog.day.setDate(QDate(2026, 11, 2))
        press(qtbot, Qt.Key.Key_Return)

    errors = when_modal(qtbot, answer)
    press(qtbot, Qt.Key.Key_D, ALT)
    qtbot.waitUntil(lambda: _column(window, 6)[1] != "")
    assert not errors
    assert stale.left_status(pharmacy, people["上月"]) == ("deceased", date(2026, 11, 2))
    assert _column(window, 6)[1] == "Deceased 2026-11-02"
    assert window.status.text().startswith("2 customer")
    window.table.selectRow(1)
    assert window.undo_button.isEnabled()
    window.activateWindow()  # the platform gives the focus back after the dialog in a while
    window.table.setFocus()
    press(qtbot, Qt.Key.Key_N, ALT)
    qtbot.waitUntil(lambda: _column(window, 6)[1] == "")
    assert stale.left_status(pharmacy, people["上月"]) is None
    assert _column(window, 6)[1] == ""
    assert window.moved_button.isEnabled()
    assert window.status.text().startswith("3 customer")  # to review again


@pytest.mark.parametrize(
    ("key", "modifier"),
    [(Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
     (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)],
)  # fmt: skip
def test_esc_or_ctrl_w_closes_the_review(
    qtbot: QtBot,
    pharmacy: Context,
    runner: BackgroundRunner,
    people: dict[str, int],
    key: Qt.Key,
    modifier: Qt.KeyboardModifier,
) -> None:
    window = _window(qtbot, pharmacy, runner)
    press(qtbot, key, modifier)
    assert not window.isVisible()


def test_cancelling_the_question_marks_nobody(
    qtbot: QtBot, pharmacy: Context, runner: BackgroundRunner, people: dict[str, int]
) -> None:
    window = _window(qtbot, pharmacy, runner)
    window.table.selectRow(0)
    asked: list[QWidget] = []

    def cancel(dialog: QWidget) -> None:
        asked.append(dialog)
        press(qtbot, Qt.Key.Key_Escape)

    errors = when_modal(qtbot, cancel)
    press(qtbot, Qt.Key.Key_M, ALT)
    qtbot.waitUntil(lambda: bool(asked) and QApplication.activeModalWidget() is None)
    assert not errors
    assert isinstance(asked[0], LeftDialog)
    assert stale.left_status(pharmacy, people["昨天"]) is None
    assert _column(window, 6)[0] == ""


def test_the_owner_changes_the_months_and_the_list_follows(
    qtbot: QtBot, pharmacy: Context, runner: BackgroundRunner, people: dict[str, int]
) -> None:
    window = _window(qtbot, pharmacy, runner)
    assert window.months.isVisible()
    window.months.setValue(30)  # 2024-06-01 is less than 30 months ago
    window.apply_button.click()
    qtbot.waitUntil(lambda: window.status.text().endswith("to review."), timeout=5000)
    assert stale.verify_after_months(pharmacy) == 30
    assert window.model.rowCount() == 0
    assert "30 month" in window.explain.text()


def test_staff_review_but_do_not_see_the_setting(
    qtbot: QtBot, pharmacy: Context, runner: BackgroundRunner, people: dict[str, int]
) -> None:
    staff = replace(pharmacy, account=Account(pharmacy.account.id, "小王", "staff"))
    window = _window(qtbot, staff, runner)
    assert not window.months.isVisible()
    assert window.model.rowCount() == 3
    window.confirm()
    assert customers.get(pharmacy, people["昨天"]).last_verified_at == pharmacy.now()
