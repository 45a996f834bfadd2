"""The Win-back tab walked as the owner does: the list by value, a call logged with its
outcome, the list exported; a pharmacist sees no export."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from pharmadesk.db.models import AuditEvent
from pharmadesk.services import accounts, interactions, vault, winback
from pharmadesk.services.context import Context
from pharmadesk.ui.call_dialog import CallDialog
from pharmadesk.ui.export_purpose import ExportPurposeDialog
from pharmadesk.ui.tasks import BackgroundRunner
from pharmadesk.ui.winback_tab import LAST_CALL_COLUMN, WinbackTab
from tests.conftest import FakeClock
from tests.unit.services.test_winback import TODAY, _bought, _customer, _monthly
from tests.unit.ui.conftest import press, when_modal

ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def people(pharmacy: Context) -> dict[str, int]:
    found = {name: _customer(pharmacy, name) for name in ("风险", "流失", "常客")}
    _monthly(pharmacy, found["风险"], TODAY - timedelta(days=80), 4, 5000)
    _bought(pharmacy, found["风险"], TODAY - timedelta(days=200), [("降压片", "慢病用药", 3000)])
    _monthly(pharmacy, found["流失"], TODAY - timedelta(days=200), 3, 40000)
    _monthly(pharmacy, found["常客"], TODAY - timedelta(days=5), 6, 8000)
    return found


def _runner(ctx: Context) -> BackgroundRunner:
    return BackgroundRunner(on_stop=ctx.close_connection)


@pytest.fixture
def runner(pharmacy: Context) -> Iterator[BackgroundRunner]:
    runner = _runner(pharmacy)
    yield runner
    runner.stop()


def _tab(qtbot: QtBot, ctx: Context, runner: BackgroundRunner) -> WinbackTab:
    tab = WinbackTab(ctx, runner)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitExposed(tab)
    tab.activateWindow()
    tab.reload()
    assert tab.status.text() == "Loading…"
    qtbot.waitUntil(lambda: tab.status.text() != "Loading…", timeout=5000)
    tab.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tab.table)
    return tab


def test_the_list_by_12_month_value(
    qtbot: QtBot, pharmacy: Context, runner: BackgroundRunner, people: dict[str, int]
) -> None:
    tab = _tab(qtbot, pharmacy, runner)
    ModelTester(None).check(tab.model)
    assert [tab.model.index(0, c).data() for c in range(8)] == [
        "流失", tab.model.rows[0].mobile, "Lost", "", (TODAY - timedelta(days=200)).isoformat(),
        "200", "保健品", "¥1,200.00",
    ]  # fmt: skip
    assert [r.customer_name for r in tab.model.rows] == ["流失", "风险"]
    assert tab.status.text().startswith("2 customer")
    assert tab.export_button.isVisible()


def test_a_call_is_logged_with_its_outcome_and_the_row_marked(
    qtbot: QtBot, pharmacy: Context, runner: BackgroundRunner, people: dict[str, int]
) -> None:
    tab = _tab(qtbot, pharmacy, runner)
    seen: list[str] = []

    def handle(dialog: QWidget) -> None:
        assert isinstance(dialog, CallDialog)
        seen.append(dialog.findChild(QWidget, "callAbout").text())  # type: ignore[union-attr]
        assert dialog.message is not None
        seen.append(dialog.message.toPlainText())
        qtbot.keyClick(dialog, Qt.Key.Key_3, ALT)  # 3: will come in
        qtbot.waitUntil(dialog.ok_button.isEnabled)
        qtbot.keyClicks(dialog.note_edit, "next week")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    errors = when_modal(qtbot, handle)
    press(qtbot, Qt.Key.Key_Return)
    assert errors == []
    last = (TODAY - timedelta(days=200)).isoformat()
    assert seen[0] == (f"Lost: last visit {last}, 200 days ago. Usually buys 保健品. "
                       "¥1,200.00 in the last 12 months.")  # fmt: skip
    assert seen[1].startswith("Hello 流失, we have missed you since")
    [entry] = interactions.for_customer(pharmacy, people["流失"])
    assert (entry.kind, entry.outcome, entry.channel) == ("follow_up", "will_come", "phone")
    assert entry.summary == "Win-back call: Will come in. next week"
    assert tab.model.index(0, 2).data() == "Lost"  # the stage cell stays the stage
    assert tab.model.index(0, LAST_CALL_COLUMN).data() == "11-20 Will come in"
    # Read again (a restart, another account): they said they will come, so they are
    # left off the list for 14 days.
    again = _tab(qtbot, pharmacy, runner)
    assert [r.customer_name for r in again.model.rows] == ["风险"]


def test_the_last_call_comes_from_the_log(
    qtbot: QtBot, pharmacy: Context, runner: BackgroundRunner, people: dict[str, int],
    clock: FakeClock,
) -> None:  # fmt: skip
    winback.log_call(pharmacy, people["风险"], outcome="no_answer", summary="无人接听")
    clock.advance(days=1)  # the next morning it reads as yesterday's call
    tab = _tab(qtbot, pharmacy, runner)
    assert tab.model.index(1, LAST_CALL_COLUMN).data() == "11-20 No answer"
    assert tab.model.index(0, LAST_CALL_COLUMN).data() == ""


def test_the_owner_exports_the_list(
    qtbot: QtBot, pharmacy: Context, runner: BackgroundRunner, people: dict[str, int],
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    tab = _tab(qtbot, pharmacy, runner)
    target = tmp_path / "winback"
    offered: list[str] = []

    def save_as(*args: object, **kwargs: object) -> tuple[str, str]:
        offered.append(str(args[2]))
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)

    def purpose(dialog: QWidget) -> None:
        assert isinstance(dialog, ExportPurposeDialog)
        assert not dialog.ok_button.isEnabled()  # required
        qtbot.keyClicks(dialog.purpose, "month-end calls")
        qtbot.keyClick(dialog.purpose, Qt.Key.Key_Return)

    errors = when_modal(qtbot, purpose)
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "exported" in tab.status.text(), timeout=5000)
    assert errors == []
    assert offered == [str(Path.home() / "win-back 2026-11-20.xlsx")]  # not the working folder
    sheet = load_workbook(tmp_path / "winback.xlsx").active
    assert sheet is not None
    names = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert names == ["流失", "风险"]
    event = AuditEvent.get(AuditEvent.action == "export.winback_list")
    assert json.loads(event.details)["purpose"] == "month-end calls"


def test_no_purpose_no_export(
    qtbot: QtBot, pharmacy: Context, runner: BackgroundRunner, people: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    tab = _tab(qtbot, pharmacy, runner)
    monkeypatch.setattr(tab, "ask_purpose", lambda: None)
    monkeypatch.setattr(tab, "ask_target", lambda: pytest.fail("no file asked without a purpose"))
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    assert not AuditEvent.select().where(AuditEvent.action == "export.winback_list").exists()


def test_a_pharmacist_calls_but_does_not_export(
    qtbot: QtBot, pharmacy: Context, people: dict[str, int], db_path: Path, clock: FakeClock
) -> None:
    accounts.add(pharmacy, "li", role="pharmacist", password="pharm-pw")
    li = vault.open_pharmacy(db_path, user="li", password="pharm-pw", clock=clock)
    runner = _runner(li)
    try:
        tab = _tab(qtbot, li, runner)
        assert tab.model.rowCount() == 2
        assert not tab.export_button.isVisible()
        assert tab.call_button.isEnabled()
    finally:
        runner.stop()
        li.close()
