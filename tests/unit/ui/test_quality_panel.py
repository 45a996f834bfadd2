"""The data-quality panel walked as the owner does: the five figures, each opened from the
keyboard or a click, its list as long as its number, a row opening its customer."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from pharmadesk.db.models import Customer
from pharmadesk.services import customers
from pharmadesk.services.context import Account, Context
from pharmadesk.ui.quality_panel import QualityPanel
from pharmadesk.ui.tasks import BackgroundRunner
from tests.conftest import CST
from tests.unit.ui.conftest import press


def _customer(ctx: Context, name: str, **data: object) -> int:
    made = customers.create(ctx, {"name": name, **data}, allow_duplicate=True).customer
    assert made is not None
    return made.id


@pytest.fixture
def people(pharmacy: Context) -> dict[str, int]:
    full = {"birth_date": "1970-01-02", "consent_data": "given"}
    found = {
        "无手机甲": _customer(pharmacy, "无手机甲", **full),
        "无手机乙": _customer(pharmacy, "无手机乙", **full),
        "只知岁数": _customer(
            pharmacy, "只知岁数", mobile="13900000002", age=60, consent_data="given"
        ),
        "纸质卡": _customer(
            pharmacy,
            "纸质卡",
            mobile="13900000003",
            birth_date="1980-02-03",
            consent_data="paper_unconfirmed",
        ),
        "王芳": _customer(pharmacy, "王芳", mobile="13900000009", **full),
        "王芳again": _customer(pharmacy, "王芳", mobile="13900000009", **full),
    }
    when = datetime.combine(date(2024, 1, 1), time(9), CST)
    Customer.update(last_verified_at=when).where(Customer.id == found["纸质卡"]).execute()
    return found


@pytest.fixture
def runner(pharmacy: Context) -> Iterator[BackgroundRunner]:
    runner = BackgroundRunner(on_stop=pharmacy.close_connection)
    yield runner
    runner.stop()


def _panel(qtbot: QtBot, ctx: Context, runner: BackgroundRunner) -> QualityPanel:
    panel = QualityPanel(ctx, runner)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    qtbot.waitUntil(lambda: panel.counts is not None and panel.pairs is not None, timeout=5000)
    return panel


def _shown(panel: QualityPanel) -> dict[str, str]:
    return {key: card.value.text() for key, card in panel.cards.items()}


def _names(panel: QualityPanel) -> list[str]:
    model = panel.members
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_the_figures_and_the_list_behind_each(
    qtbot: QtBot, pharmacy: Context, runner: BackgroundRunner, people: dict[str, int]
) -> None:
    panel = _panel(qtbot, pharmacy, runner)
    assert _shown(panel) == {"no_mobile": "2", "approximate_birth": "1", "no_consent": "1",
                             "unverified": "1", "duplicates": "1"}  # fmt: skip
    assert "over 12 month" in panel.cards["unverified"].title.text()
    assert panel.status.text().startswith("6 customer")
    panel.cards["no_mobile"].setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.cards["no_mobile"])
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.members.rowCount() == 2)
    ModelTester(None).check(panel.members)
    assert set(_names(panel)) == {"无手机甲", "无手机乙"}
    assert panel.list_title.text() == "Without a mobile: 2"
    for measure, names in (("approximate_birth", ["只知岁数"]), ("no_consent", ["纸质卡"]),
                           ("unverified", ["纸质卡"])):  # fmt: skip
        qtbot.mouseClick(panel.cards[measure], Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda n=names: _names(panel) == n)  # type: ignore[misc]
    row = [panel.members.index(0, c).data() for c in range(7)]
    assert row[2:6] == ["13900000003", "1980-02-03", "Paper card, not yet confirmed",
                        "2024-01-01"]  # fmt: skip
    qtbot.mouseClick(panel.cards["approximate_birth"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _names(panel) == ["只知岁数"])
    assert panel.members.index(0, 3).data() == "about 1966"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.member_view)
    with qtbot.waitSignal(panel.customer_chosen) as chosen:
        press(qtbot, Qt.Key.Key_Return)
    assert chosen.args == [people["只知岁数"]]


def test_the_suspected_duplicates_open_as_pairs_with_their_evidence(
    qtbot: QtBot, pharmacy: Context, runner: BackgroundRunner, people: dict[str, int]
) -> None:
    panel = _panel(qtbot, pharmacy, runner)
    panel.cards["duplicates"].setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.cards["duplicates"])
    press(qtbot, Qt.Key.Key_Space)
    assert panel.stack.currentWidget() is panel.pair_view
    model = panel.pair_model
    ModelTester(None).check(model)
    assert model.rowCount() == 1
    assert [model.index(0, c).data() for c in range(3)] == [
        "Certain",
        *(f"王芳 {customers.get(pharmacy, people[k]).code}" for k in ("王芳", "王芳again")),
    ]
    assert "13900000009" in model.index(0, 3).data()
    with qtbot.waitSignal(panel.customer_chosen) as chosen:
        press(qtbot, Qt.Key.Key_Return)
    assert chosen.args == [people["王芳"]]


def test_a_role_that_may_not_see_the_figures_is_told_so(
    qtbot: QtBot, pharmacy: Context, runner: BackgroundRunner, people: dict[str, int]
) -> None:
    staff = replace(pharmacy, account=Account(pharmacy.account.id, "小王", "staff"))
    panel = QualityPanel(staff, runner)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: "could not be loaded" in panel.status.text(), timeout=5000)
    assert panel.cards["no_mobile"].value.text() == "—"


def test_esc_or_ctrl_w_closes_the_panel(
    qtbot: QtBot, pharmacy: Context, runner: BackgroundRunner, people: dict[str, int]
) -> None:
    for keys in ((Qt.Key.Key_Escape,), (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)):
        panel = _panel(qtbot, pharmacy, runner)
        panel.cards["no_mobile"].setFocus()
        qtbot.waitUntil(lambda p=panel: QApplication.focusWidget() is p.cards["no_mobile"])  # type: ignore[misc]
        press(qtbot, *keys)
        assert not panel.isVisible()
