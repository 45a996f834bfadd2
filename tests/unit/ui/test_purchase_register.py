"""Selling a controlled medicine at the counter: the purchase dialog asks the real-name
register's questions, refuses with a clear word while keeping what was typed, and the
register line holds what was asked. The database is checked afterwards."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from pharmadesk.db.models import ControlledSale, Purchase
from pharmadesk.services import accounts, products, purchases, register
from pharmadesk.services.context import Account, Context
from pharmadesk.services.permissions import Operation, allows
from pharmadesk.services.purchases import LineInput
from pharmadesk.ui.main_window import MainWindow
from pharmadesk.ui.purchase_dialog import PurchaseDialog
from tests.unit.ui.conftest import focused, press, type_text, when_modal

CTRL = Qt.KeyboardModifier.ControlModifier
ID = "11010519491231002X"


@pytest.fixture
def contac(pharmacy: Context, people: dict[str, int]) -> int:
    """新康泰克 (pinyin initials xktk), sold once before it was flagged controlled."""
    sold = purchases.record(pharmacy, people["李四"], [LineInput("新康泰克", 1, 2800)])
    register.set_controlled(pharmacy, sold[0].product_id, True)
    return sold[0].product_id


def _dialog(qtbot: QtBot, ctx: Context, customer_id: int) -> PurchaseDialog:
    dialog = PurchaseDialog(
        customer_name="张三", allergy_text=None, chronic_text=None,
        find_products=lambda text: products.find(ctx, text),
        submit=lambda lines, receipt, redeem, discount, buyer, reason: purchases.record(
            ctx, customer_id, lines, receipt=receipt, buyer=buyer, override_reason=reason
        ),
        register_limit=register.limit(ctx),
        may_override=allows(ctx.account, Operation.OVERRIDE_LIMIT), today=ctx.today(),
    )  # fmt: skip
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _add(qtbot: QtBot, dialog: PurchaseDialog, initials: str, quantity: int) -> None:
    qtbot.keyClicks(dialog.product, initials)
    qtbot.keyClick(dialog.product, Qt.Key.Key_Return)
    dialog.quantity.setValue(quantity)
    qtbot.keyClick(dialog.quantity, Qt.Key.Key_Return)


def _as(pharmacy: Context, role: str) -> Context:
    made = accounts.add(pharmacy, role, role=role, password=f"{role}-password")
    return replace(pharmacy, account=Account(made.id, made.name, made.role))


def test_a_controlled_sale_typed_at_the_counter_asks_and_is_registered(
    qtbot: QtBot, window: MainWindow, people: dict[str, int], contac: int
) -> None:
    window.open_customer(people["张三"])
    seen: dict[str, object] = {}

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, PurchaseDialog)
        qtbot.waitUntil(lambda: focused().objectName() == "product")
        assert not dialog.register.isVisibleTo(dialog)
        type_text(qtbot, "xktk")
        press(qtbot, Qt.Key.Key_Return)
        press(qtbot, Qt.Key.Key_Return)  # quantity 1, the last price: the line is added
        assert dialog.register.isVisibleTo(dialog)
        assert dialog.register.buyer_name.text() == "张三"
        press(qtbot, Qt.Key.Key_Return, CTRL)
        seen["no id"] = dialog.register.problem.text()
        assert focused() is dialog.register.id_number
        type_text(qtbot, "110105194912310021")
        seen["refusal after typing"] = dialog.register.problem.text()
        seen["wrong check"] = dialog.register.id_check.text()
        dialog.register.id_number.selectAll()
        type_text(qtbot, "110105 19491231 002x")
        seen["valid"] = dialog.register.id_check.text()
        press(qtbot, Qt.Key.Key_Return, CTRL)
        seen["no batch"] = dialog.register.problem.text()
        assert focused().objectName() == "batchNumber"
        type_text(qtbot, "B2311")
        press(qtbot, Qt.Key.Key_Return, CTRL)

    errors = when_modal(qtbot, fill)
    press(qtbot, Qt.Key.Key_P, CTRL)
    assert errors == []
    assert seen == {
        "no id": "Enter the buyer's ID number.",
        "refusal after typing": "",  # stale once the field is typed in
        "wrong check": "The number does not add up: compare it with the ID card digit by digit.",
        "valid": "Valid ID number (born 1949-12-31)",
        "no batch": "Enter the batch number of 新康泰克.",
    }
    (row,) = ControlledSale.select()
    assert (row.buyer_name, row.id_number, row.batch_no, row.quantity) == ("张三", ID, "B2311", 1)
    assert (row.customer_id, row.staff_name, row.product_id) == (people["张三"], "owner", contac)


def test_staff_over_the_limit_are_told_a_pharmacist_must_approve_and_nothing_is_saved(
    qtbot: QtBot, pharmacy: Context, people: dict[str, int], contac: int
) -> None:
    dialog = _dialog(qtbot, _as(pharmacy, "staff"), people["张三"])
    _add(qtbot, dialog, "xktk", 3)
    group = dialog.register
    assert (
        group.over.text() == "新康泰克: more than 2 packs per sale needs a pharmacist's approval."
    )
    assert not group.override_reason.isVisibleTo(dialog)
    qtbot.keyClicks(group.id_number, ID)
    qtbot.keyClicks(group.findChild(QWidget, "batchNumber"), "B1")
    dialog._save()
    assert group.problem.text() == "A pharmacist must approve going over the limit."
    assert dialog.result() != dialog.DialogCode.Accepted
    assert len(dialog.lines) == 1
    assert group.id_number.text() == ID
    assert ControlledSale.select().count() == 0


def test_a_pharmacist_over_the_limit_gives_a_reason_that_is_registered(
    qtbot: QtBot, pharmacy: Context, people: dict[str, int], contac: int
) -> None:
    before = Purchase.select().count()
    dialog = _dialog(qtbot, _as(pharmacy, "pharmacist"), people["张三"])
    _add(qtbot, dialog, "xktk", 2)
    group = dialog.register
    assert not group.over.isVisibleTo(dialog)
    _add(qtbot, dialog, "xktk", 1)  # a second line of the same product: 3 packs
    assert group.over.isVisibleTo(dialog)
    assert group.override_reason.isVisibleTo(dialog)
    qtbot.keyClicks(group.id_number, ID)
    for field, batch in zip(group.findChildren(QWidget, "batchNumber"), ("B1", "B2"), strict=True):
        qtbot.keyClicks(field, batch)
    dialog._save()
    assert group.problem.text() == "Give the reason for going over the limit."
    assert dialog.focusWidget() is group.override_reason
    type_text(qtbot, "three in the family have a cold")
    dialog._save()
    assert dialog.result() == dialog.DialogCode.Accepted
    rows = list(ControlledSale.select().order_by(ControlledSale.id))
    assert [(r.batch_no, r.quantity, r.staff_name) for r in rows] == [
        ("B1", 2, "pharmacist"), ("B2", 1, "pharmacist")
    ]  # fmt: skip
    assert {r.override_reason for r in rows} == {"three in the family have a cold"}
    assert Purchase.select().count() == before + 2


def test_a_refusal_from_the_register_is_said_in_words_and_keeps_the_dialog(
    qtbot: QtBot, pharmacy: Context, people: dict[str, int], contac: int
) -> None:
    dialog = _dialog(qtbot, pharmacy, people["张三"])
    _add(qtbot, dialog, "xktk", 1)
    qtbot.keyClicks(dialog.register.id_number, ID)
    qtbot.keyClicks(dialog.findChild(QWidget, "batchNumber"), "B1")
    seen: list[str] = []

    def read(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.accept()

    # A line the dialog did not see as controlled (the flag set elsewhere meanwhile, say):
    # the service refuses it.
    dialog.lines.append(LineInput("新康泰克", 1, 2800))
    errors = when_modal(qtbot, read)
    dialog._save()
    assert errors == []
    assert seen == ["Each controlled line needs its batch number."]
    assert dialog.result() != dialog.DialogCode.Accepted
    assert ControlledSale.select().count() == 0


def test_the_dialog_with_a_controlled_line_fits_a_short_screen(
    qtbot: QtBot, pharmacy: Context, people: dict[str, int], contac: int
) -> None:
    dialog = _dialog(qtbot, pharmacy, people["张三"])
    dialog.register._may_override = True  # the override row too: the tallest group
    _add(qtbot, dialog, "xktk", 3)
    assert dialog.register.isVisibleTo(dialog)
    room = dialog.screen().availableGeometry()
    frame = dialog.frameGeometry()
    assert frame.top() >= room.top()
    assert frame.bottom() <= room.bottom()
    # The lines table keeps three rows in view; the register group scrolls instead.
    qtbot.waitUntil(lambda: dialog.table.viewport().height() >= 3 * dialog.table.rowHeight(0))
    dialog.register.override_reason.setFocus()
    qtbot.waitUntil(dialog.register.override_reason.hasFocus)
    field = dialog.register.override_reason
    top_left = field.mapTo(dialog.register_area.viewport(), field.rect().topLeft())
    assert 0 <= top_left.y() <= dialog.register_area.viewport().height() - field.height()


def test_the_id_field_takes_spaces_but_never_a_19th_character(
    qtbot: QtBot, pharmacy: Context, people: dict[str, int], contac: int
) -> None:
    dialog = _dialog(qtbot, pharmacy, people["张三"])
    _add(qtbot, dialog, "xktk", 1)
    field = dialog.register.id_number
    qtbot.keyClicks(field, "110105 19491231 002X 9")  # the 19th character is refused
    assert field.text() == "110105 19491231 002X "
    assert dialog.register.id_check.text().startswith("Valid ID number")
    field.clear()
    qtbot.keyClicks(field, "1101051949123100299")
    assert field.text() == "110105194912310029"
