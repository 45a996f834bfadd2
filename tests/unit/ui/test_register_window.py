"""The register window (masked IDs but for the owner, newest first, the owner's export) and
the owner's dialog for controlled medicines and the per-sale limit."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from pharmadesk.db.models import AuditEvent, Product
from pharmadesk.services import erasure, purchases, register
from pharmadesk.services.context import Account, Context
from pharmadesk.services.purchases import LineInput
from pharmadesk.services.register import BuyerInput
from pharmadesk.ui.controlled_products_dialog import ControlledProductsDialog
from pharmadesk.ui.main_window import MainWindow
from pharmadesk.ui.register_window import RegisterWindow
from tests.conftest import FakeClock
from tests.unit.ui.conftest import when_modal

ID = "11010519491231002X"


@pytest.fixture
def sales(pharmacy: Context, people: dict[str, int], clock: FakeClock) -> int:
    """Two register lines a day apart; the later buyer, 李四, is then erased."""
    sold = purchases.record(pharmacy, people["张三"], [LineInput("新康泰克", 1, 2800)])
    register.set_controlled(pharmacy, sold[0].product_id, True)
    line = LineInput("新康泰克", 1, 2800, batch_no="B1")
    purchases.record(pharmacy, people["张三"], [line], buyer=BuyerInput("张三", ID))
    clock.advance(days=1)
    purchases.record(
        pharmacy, people["李四"], [replace(line, batch_no="B2")],
        buyer=BuyerInput("李四", "110101199003071233"),
    )  # fmt: skip
    erasure.erase(pharmacy, people["李四"])
    return sold[0].product_id


def _window(qtbot: QtBot, ctx: Context) -> RegisterWindow:
    window = RegisterWindow(ctx)
    qtbot.addWidget(window)
    return window


def _column(window: RegisterWindow, column: int) -> list[str]:
    return [window.table.item(row, column).text() for row in range(window.table.rowCount())]


def test_the_owner_sees_full_ids_newest_first_and_the_kept_line(
    qtbot: QtBot, pharmacy: Context, sales: int
) -> None:
    window = _window(qtbot, pharmacy)
    assert _column(window, 5) == ["李四", "张三"]
    assert _column(window, 6) == ["110101199003071233", ID]
    assert _column(window, 3) == ["B2", "B1"]
    assert _column(window, 9) == ["Kept under a legal obligation (customer erased)", ""]
    assert window.message.text() == "Lines in the register: 2"
    assert not window.masked_note.isVisibleTo(window)
    assert window.export_button.isVisibleTo(window)


def test_others_see_masked_ids_and_no_export(qtbot: QtBot, pharmacy: Context, sales: int) -> None:
    staff = replace(pharmacy, account=Account(pharmacy.account.id, "wang", "staff"))
    window = _window(qtbot, staff)
    assert _column(window, 6) == ["110***********1233", "110***********002X"]
    assert window.masked_note.isVisibleTo(window)
    assert not window.export_button.isVisibleTo(window)


def test_the_range_chooses_the_days(
    qtbot: QtBot, pharmacy: Context, sales: int, clock: FakeClock
) -> None:
    window = _window(qtbot, pharmacy)
    today = clock.current.date()
    window.date_to.setDate(QDate(today.year, today.month, today.day - 1))
    assert _column(window, 5) == ["张三"]
    window.date_from.setDate(QDate(today.year, today.month, today.day))
    assert window.message.text() == "The first day comes after the last day."


def test_the_owner_exports_the_range_and_is_told_where(
    qtbot: QtBot, pharmacy: Context, sales: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _window(qtbot, pharmacy)
    target = tmp_path / "register.xlsx"
    monkeypatch.setattr(window, "ask_target", lambda: target)
    monkeypatch.setattr(window, "ask_purpose", lambda: None)  # cancelled: nothing written
    qtbot.mouseClick(window.export_button, Qt.MouseButton.LeftButton)
    assert not target.exists()
    monkeypatch.setattr(window, "ask_purpose", lambda: "药监检查")
    qtbot.mouseClick(window.export_button, Qt.MouseButton.LeftButton)
    assert window.message.text() == f"Register lines exported: 2, to {target}."
    event = AuditEvent.get(AuditEvent.action == "export.register")
    assert json.loads(event.details)["purpose"] == "药监检查"
    page = load_workbook(target).active
    assert [page.cell(row, 9).value for row in (2, 3)] == [ID, "110101199003071233"]


def test_the_owner_flags_a_product_and_sets_the_limit(
    qtbot: QtBot, pharmacy: Context, people: dict[str, int]
) -> None:
    dialog = ControlledProductsDialog(pharmacy)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 0  # nothing flagged, nothing searched
    qtbot.keyClicks(dialog.search, "gml")  # 感冒灵颗粒 by its pinyin initials
    assert dialog.table.item(0, 1).text() == "感冒灵颗粒"
    product_id = Product.get(Product.name == "感冒灵颗粒").id
    dialog.set_ticked(product_id, True)
    dialog.limit.setValue(3)
    assert not Product.get_by_id(product_id).controlled  # nothing until Save
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    assert dialog.message.text() == (
        "Saved: 感冒灵颗粒 is now controlled; the per-sale limit is now 3 packs (was 2)."
    )
    assert Product.get_by_id(product_id).controlled
    assert register.limit(pharmacy) == 3
    dialog.search.clear()
    assert dialog.table.item(0, 1).text() == "感冒灵颗粒"  # the flagged list


def test_closing_with_unsaved_ticks_asks_first(
    qtbot: QtBot, pharmacy: Context, people: dict[str, int]
) -> None:
    dialog = ControlledProductsDialog(pharmacy)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.search, "gml")
    product_id = Product.get(Product.name == "感冒灵颗粒").id
    dialog.set_ticked(product_id, True)
    asked: list[str] = []

    def cancel(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        box.button(QMessageBox.StandardButton.Cancel).click()

    errors = when_modal(qtbot, cancel)
    dialog.reject()
    assert errors == []
    assert asked == ["Close without saving the changes?"]
    assert dialog.isVisible()
    dialog.set_ticked(product_id, False)  # as it was: closes without asking
    dialog.reject()
    assert not dialog.isVisible()


def test_the_menu_offers_the_register_to_all_and_the_flags_to_the_owner(
    window: MainWindow, pharmacist_window: MainWindow
) -> None:
    assert window.act_register.isEnabled()
    assert window.act_controlled.isVisible()
    assert pharmacist_window.act_register.isEnabled()
    assert not pharmacist_window.act_controlled.isVisible()
