"""The Win-back tab walked as the owner does: the list by value, a call logged with its
outcome, the list exported; a pharmacist sees no export."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from pharmadesk.services import accounts, interactions, vault
from pharmadesk.services.context import Context
from pharmadesk.ui.call_dialog import CallDialog
from pharmadesk.ui.tasks import BackgroundRunner
from pharmadesk.ui.winback_tab import WinbackTab
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
    assert [tab.model.index(0, c).data() for c in range(7)] == [
        "流失", tab.model.rows[0].mobile, "Lost", (TODAY - timedelta(days=200)).isoformat(), "200",
        "保健品", "¥1,200.00",
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
    assert tab.model.index(0, 2).data() == "Lost · called today"


def test_the_owner_exports_the_list(
    qtbot: QtBot, pharmacy: Context, runner: BackgroundRunner, people: dict[str, int],
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    tab = _tab(qtbot, pharmacy, runner)
    target = tmp_path / "winback"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "exported" in tab.status.text(), timeout=5000)
    sheet = load_workbook(tmp_path / "winback.xlsx").active
    assert sheet is not None
    names = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert names == ["流失", "风险"]


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
