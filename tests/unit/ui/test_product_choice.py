"""Initials shared by several products are chosen from at the counter, never guessed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pharmadesk.services import products, purchases
from pharmadesk.services.context import Context
from pharmadesk.services.purchases import LineInput
from pharmadesk.ui.purchase_dialog import PurchaseDialog
from tests.unit.ui.conftest import focused, press, type_text


def _dialog(qtbot: QtBot, ctx: Context) -> PurchaseDialog:
    dialog = PurchaseDialog(
        customer_name="李四", allergy_text=None, chronic_text=None,
        find_products=lambda text: products.find(ctx, text), today=ctx.today(),
    )  # fmt: skip
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: focused() is dialog.product)
    return dialog


@pytest.fixture
def ibuprofen(pharmacy: Context, people: dict[str, int]) -> None:
    """Two products whose pinyin initials both start blf, sold before at these prices."""
    purchases.record(pharmacy, people["李四"], [
        LineInput("布洛芬混悬液", 1, 2350, category="解热镇痛"),
        LineInput("布洛芬缓释胶囊", 1, 1880, category="解热镇痛"),
    ])  # fmt: skip


def test_initials_of_two_products_offer_both_and_the_chosen_one_is_sold(
    qtbot: QtBot, pharmacy: Context, ibuprofen: None
) -> None:
    dialog = _dialog(qtbot, pharmacy)
    type_text(qtbot, "blf")
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.choices.isVisible()
    assert focused() is dialog.choices
    offered = [dialog.choices.item(n).text() for n in range(dialog.choices.count())]
    assert len(offered) == 2
    assert all("布洛芬" in text for text in offered)
    wanted = next(n for n, text in enumerate(offered) if "缓释胶囊" in text)
    dialog.choices.setCurrentRow(wanted)
    press(qtbot, Qt.Key.Key_Return)
    assert focused() is dialog.quantity
    assert not dialog.choices.isVisible()
    assert dialog.product.text() == "布洛芬缓释胶囊"
    assert dialog.price.text() == "18.80"


def test_escape_in_the_choice_goes_back_to_the_product_and_keeps_the_dialog(
    qtbot: QtBot, pharmacy: Context, ibuprofen: None
) -> None:
    dialog = _dialog(qtbot, pharmacy)
    type_text(qtbot, "blf")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    assert not dialog.choices.isVisible()
    assert focused() is dialog.product
    assert dialog.product.text() == "blf"


def test_a_name_typed_in_full_or_one_match_is_taken_at_once(
    qtbot: QtBot, pharmacy: Context, ibuprofen: None
) -> None:
    dialog = _dialog(qtbot, pharmacy)
    type_text(qtbot, "布洛芬混悬液")
    press(qtbot, Qt.Key.Key_Return)
    assert not dialog.choices.isVisible()
    assert focused() is dialog.quantity
    dialog.product.setFocus()
    dialog.product.clear()
    type_text(qtbot, "gml")  # 感冒灵颗粒 only
    press(qtbot, Qt.Key.Key_Return)
    assert not dialog.choices.isVisible()
    assert dialog.product.text() == "感冒灵颗粒"


def test_initials_that_match_nothing_need_a_second_enter_to_become_a_new_product(
    qtbot: QtBot, pharmacy: Context, ibuprofen: None
) -> None:
    dialog = _dialog(qtbot, pharmacy)
    type_text(qtbot, "gmm")
    press(qtbot, Qt.Key.Key_Return)
    assert focused() is dialog.product  # a slip is fixed where it was typed
    assert dialog.match.text() == "No product matches gmm. Enter again to add it as a new product."
    press(qtbot, Qt.Key.Key_Return)
    assert focused() is dialog.quantity
    assert dialog.match.text() == "New product: gmm"


def test_a_new_product_s_chinese_name_goes_on_at_the_first_enter(
    qtbot: QtBot, pharmacy: Context, ibuprofen: None
) -> None:
    dialog = _dialog(qtbot, pharmacy)
    type_text(qtbot, "板蓝根颗粒")
    press(qtbot, Qt.Key.Key_Return)
    assert focused() is dialog.quantity
    assert dialog.match.text() == "New product: 板蓝根颗粒"


def test_the_products_a_name_matches_are_listed_while_it_is_typed(
    qtbot: QtBot, pharmacy: Context, ibuprofen: None
) -> None:
    dialog = _dialog(qtbot, pharmacy)
    type_text(qtbot, "bl")
    qtbot.waitUntil(dialog.choices.isVisible)
    assert focused() is dialog.product  # typing goes on in the field
    assert dialog.choices.count() == 2
    assert dialog.match.text() == "2 products match: ↓ to choose, or go on typing"
    press(qtbot, Qt.Key.Key_Down)
    assert focused() is dialog.choices
    wanted = next(
        n for n in range(dialog.choices.count()) if "混悬液" in dialog.choices.item(n).text()
    )
    dialog.choices.setCurrentRow(wanted)
    press(qtbot, Qt.Key.Key_Return)
    assert focused() is dialog.quantity
    assert dialog.product.text() == "布洛芬混悬液"
    assert not dialog.choices.isVisible()


def test_the_list_typed_into_being_goes_when_the_keyboard_leaves_the_field(
    qtbot: QtBot, pharmacy: Context, ibuprofen: None
) -> None:
    dialog = _dialog(qtbot, pharmacy)
    type_text(qtbot, "bl")
    qtbot.waitUntil(dialog.choices.isVisible)
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.quantity
    qtbot.waitUntil(lambda: not dialog.choices.isVisible())


def test_a_name_that_matches_nothing_lists_nothing(
    qtbot: QtBot, pharmacy: Context, ibuprofen: None
) -> None:
    dialog = _dialog(qtbot, pharmacy)
    type_text(qtbot, "板蓝根")
    qtbot.wait(400)
    assert not dialog.choices.isVisible()
