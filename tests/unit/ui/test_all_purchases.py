"""The all-purchases window: every line of the pharmacy, paged, filtered, opening customers."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from pharmadesk.services import demo, purchases
from pharmadesk.services.context import Context
from pharmadesk.services.purchases import PurchaseFilter
from pharmadesk.ui.main_window import MainWindow
from pharmadesk.ui.models import AllPurchasesModel
from tests.unit.ui.conftest import press

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _model(ctx: Context) -> AllPurchasesModel:
    return AllPurchasesModel(
        lambda selection, offset, limit, boundary: purchases.page(
            ctx, selection, offset=offset, limit=limit, boundary=boundary
        ),
        lambda selection: purchases.count_filtered(ctx, selection),
    )


def test_scrolling_through_every_page_shows_every_line_once_in_order(
    pharmacy: Context, qtmodeltester: ModelTester
) -> None:
    demo.populate(pharmacy, customers=120, seed=2, today=date(2026, 11, 20))
    model = _model(pharmacy)
    model.set_filter(PurchaseFilter(customer_id=None, order_by="amount"))
    total = purchases.count_filtered(pharmacy, PurchaseFilter())
    assert model.rowCount() == total > 3 * model.PAGE
    expected = purchases.page(pharmacy, model.current_filter(), offset=0, limit=total)
    # Down, then back up from the end: pages come by key from their cached neighbours.
    down = [model.row(i) for i in range(total)]
    model.refresh()
    up = [model.row(i) for i in reversed(range(total))][::-1]
    for seen in (down, up):
        assert [r.line.id for r in seen if r] == [r.line.id for r in expected]
    qtmodeltester.check(model)


def test_the_window_lists_filters_and_opens_customers(
    qtbot: QtBot, window: MainWindow, people: dict[str, int], pharmacy: Context
) -> None:
    line = purchases.LineInput("维生素C片", 2, 3500, category="维生素营养")
    purchases.record(pharmacy, people["张三"], [line])
    press(qtbot, Qt.Key.Key_P, CTRL_SHIFT)
    shown = window.tools.all_purchases
    assert shown is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is shown.table)
    assert shown.model.rowCount() == 2
    assert "2 purchase lines" in shown.count.text()
    names = {shown.model.index(r, 1).data() for r in range(2)}
    assert names == {"张三", "李四"}

    shown.filters.category.setCurrentIndex(shown.filters.category.findData("感冒用药"))
    assert shown.model.rowCount() == 1
    assert shown.model.index(0, 1).data() == "李四"

    shown.table.setFocus()
    shown.table.selectRow(0)
    press(qtbot, Qt.Key.Key_Return)
    assert window.customer_id == people["李四"]
    shown.close()
