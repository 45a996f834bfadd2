"""The Birthdays tab walked as a pharmacist does: this week's birthdays, the greeting from
the template copied, the greeting logged with an offer, the row marked."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from pharmadesk.services import customers, interactions
from pharmadesk.services.context import Context
from pharmadesk.ui.birthdays_tab import BirthdaysTab, GreetingDialog
from pharmadesk.ui.tasks import BackgroundRunner
from tests.unit.ui.conftest import press, when_modal

ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def people(pharmacy: Context) -> dict[str, int]:
    """Today is Friday 20 November 2026: 李秀英's birthday is this week, 王芳's this month."""
    found = {}
    for name, born, mobile in (("李秀英", "1958-11-18", "13812345678"),
                               ("王芳", "1990-11-28", "13912345678")):  # fmt: skip
        made = customers.create(pharmacy, {"name": name, "birth_date": born, "mobile": mobile,
                                           "consent_marketing": "given"}).customer  # fmt: skip
        assert made is not None
        found[name] = made.id
    return found


@pytest.fixture
def runner(pharmacy: Context) -> Iterator[BackgroundRunner]:
    runner = BackgroundRunner(on_stop=pharmacy.close_connection)
    yield runner
    runner.stop()


@pytest.fixture
def tab(qtbot: QtBot, pharmacy: Context, runner: BackgroundRunner,
        people: dict[str, int]) -> BirthdaysTab:  # fmt: skip
    tab = BirthdaysTab(pharmacy, runner)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitExposed(tab)
    tab.activateWindow()
    _reload(qtbot, tab)
    tab.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tab.table)
    return tab


def _reload(qtbot: QtBot, tab: BirthdaysTab, action: object = None) -> None:
    (action or tab.reload)()  # type: ignore[operator]
    assert tab.status.text() == "Loading…"
    qtbot.waitUntil(lambda: tab.status.text() != "Loading…", timeout=5000)


def test_this_weeks_birthdays_with_the_greeting_ready_to_copy(
    qtbot: QtBot, tab: BirthdaysTab
) -> None:
    ModelTester(None).check(tab.model)
    assert "2026-11-16 – 2026-11-22" in tab.week_button.text()
    assert [tab.model.index(0, c).data() for c in range(7)] == [
        "2026-11-18 (Wed)", "68", "李秀英", "13812345678", "Standard", "0", "",
    ]  # fmt: skip
    # "1 birthday" once the English plural forms are merged: "1 birthday(s)" before.
    assert tab.status.text().startswith("1 birthday")
    assert tab.status.text().endswith(", 0 greeted.")
    assert tab.greeting.toPlainText().startswith("Happy birthday, 李秀英!")
    qtbot.mouseClick(tab.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == tab.greeting.toPlainText()


def test_the_month_lists_later_birthdays_too(qtbot: QtBot, tab: BirthdaysTab) -> None:
    _reload(qtbot, tab, tab.month_button.click)
    assert [r.customer_name for r in tab.model.rows] == ["李秀英", "王芳"]
    assert tab.status.text().startswith("2 birthday")


def test_logging_a_greeting_with_an_offer_marks_the_row(
    qtbot: QtBot, pharmacy: Context, tab: BirthdaysTab, people: dict[str, int]
) -> None:
    def handle(dialog: QWidget) -> None:
        assert isinstance(dialog, GreetingDialog)
        assert dialog.message is not None
        assert dialog.message.toPlainText().startswith("Happy birthday")
        qtbot.keyClick(dialog, Qt.Key.Key_1, ALT)  # 1: sent
        qtbot.waitUntil(dialog.ok_button.isEnabled)
        qtbot.keyClicks(dialog.offer_edit, "Free blood pressure check")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    errors = when_modal(qtbot, handle)
    press(qtbot, Qt.Key.Key_Return)
    assert errors == []
    [entry] = interactions.for_customer(pharmacy, people["李秀英"])
    assert (entry.kind, entry.outcome, entry.channel) == ("reminder", "sent", "sms")
    assert entry.summary == "Birthday greeting: Sent\nBirthday offer: Free blood pressure check"
    assert tab.model.index(0, 6).data() == "✓ Greeted"
    assert tab.status.text().endswith(", 1 greeted.")
    _reload(qtbot, tab)  # the mark comes from the log, not from the window
    assert tab.model.rows[0].greeted


def test_an_unanswered_call_is_logged_but_is_no_greeting(
    qtbot: QtBot, pharmacy: Context, tab: BirthdaysTab, people: dict[str, int]
) -> None:
    def handle(dialog: QWidget) -> None:
        assert isinstance(dialog, GreetingDialog)
        qtbot.keyClick(dialog, Qt.Key.Key_3, ALT)  # 3: no answer
        qtbot.waitUntil(dialog.ok_button.isEnabled)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    errors = when_modal(qtbot, handle)
    qtbot.mouseClick(tab.log_button, Qt.MouseButton.LeftButton)
    assert errors == []
    [entry] = interactions.for_customer(pharmacy, people["李秀英"])
    assert (entry.outcome, entry.channel) == ("no_answer", "phone")
    assert not tab.model.rows[0].greeted


def test_open_customer_names_the_chosen_row(
    qtbot: QtBot, tab: BirthdaysTab, people: dict[str, int]
) -> None:
    with qtbot.waitSignal(tab.customer_chosen) as chosen:
        qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)
    assert chosen.args == [people["李秀英"]]
