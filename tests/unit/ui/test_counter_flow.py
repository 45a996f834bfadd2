"""The counter flow, by keyboard alone: search, open, add a purchase, log an interaction,
save, back to search. Only key events are sent; the database is checked afterwards."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from pharmadesk.db.models import Customer, Interaction, Purchase
from pharmadesk.services import customers, interactions
from pharmadesk.services.context import Context
from pharmadesk.services.interactions import InteractionRecord
from pharmadesk.ui.interaction_dialog import InteractionDialog
from pharmadesk.ui.main_window import MainWindow
from tests.unit.ui.conftest import focused, press, type_text, when_modal

CTRL = Qt.KeyboardModifier.ControlModifier


def test_the_whole_counter_flow_by_keyboard(
    qtbot: QtBot, window: MainWindow, people: dict[str, int]
) -> None:
    # Search and open.
    type_text(qtbot, "zs")
    qtbot.waitUntil(lambda: window.search.model.rowCount() == 1)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.customer_id == people["张三"])

    # Add a purchase: pinyin initials pick the product and its last price; 2 packs.
    def fill_purchase(dialog: QWidget) -> None:
        qtbot.waitUntil(lambda: focused().objectName() == "product")
        type_text(qtbot, "gml")
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: focused().objectName() == "quantity")
        type_text(qtbot, "2")
        press(qtbot, Qt.Key.Key_Tab)
        assert focused().objectName() == "unitPrice"
        press(qtbot, Qt.Key.Key_Return)
        press(qtbot, Qt.Key.Key_Return, CTRL)

    errors = when_modal(qtbot, fill_purchase)
    press(qtbot, Qt.Key.Key_P, CTRL)
    assert errors == []
    lines = list(Purchase.select().where(Purchase.customer == people["张三"]))
    assert [(line.quantity, line.unit_price_fen, line.amount_fen) for line in lines] == [
        (2, 1550, 3100)
    ]

    # Log an interaction with a follow-up.
    def fill_interaction(dialog: QWidget) -> None:
        qtbot.waitUntil(lambda: focused().objectName() == "summary")
        type_text(qtbot, "血压控制良好")
        press(qtbot, Qt.Key.Key_Return, CTRL)

    errors = when_modal(qtbot, fill_interaction)
    press(qtbot, Qt.Key.Key_I, CTRL)
    assert errors == []
    entries = list(Interaction.select().where(Interaction.customer == people["张三"]))
    assert [e.summary for e in entries] == ["血压控制良好"]

    # Edit the form and save: the focus is back on the name, the address is six Tabs on.
    assert focused() is window.form.editor("name")
    for _ in range(6):
        press(qtbot, Qt.Key.Key_Tab)
    assert focused().objectName() == "address"
    type_text(qtbot, "杭州市文三路1号")
    press(qtbot, Qt.Key.Key_S, CTRL)
    assert Customer.get_by_id(people["张三"]).address == "杭州市文三路1号"
    assert not window.form.is_dirty()

    # Back to search.
    press(qtbot, Qt.Key.Key_F, CTRL)
    assert focused() is window.search.box


def test_tab_reaches_every_field_of_the_form_in_order(
    qtbot: QtBot, window: MainWindow, people: dict[str, int]
) -> None:
    window.open_customer(people["张三"])
    assert focused() is window.form.editor("name")
    seen = []
    for _ in range(8):
        press(qtbot, Qt.Key.Key_Tab)
        seen.append(focused().objectName())
    assert seen[:7] == ["gender", "mobile", "phone", "birth_date", "age", "address", "postal_code"]


def test_arrow_keys_move_through_results_and_enter_opens(
    qtbot: QtBot, window: MainWindow, people: dict[str, int], pharmacy: Context
) -> None:
    customers.create(pharmacy, {"name": "张三丰"})
    type_text(qtbot, "zs")
    qtbot.waitUntil(lambda: window.search.model.rowCount() == 2)
    second = window.search.model.hit(1)
    assert second is not None
    assert window.search.results.currentIndex().row() == 0  # the first hit is selected
    press(qtbot, Qt.Key.Key_Down)
    assert window.search.results.currentIndex().row() == 1
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.customer_id == second.id)


def test_enter_typed_before_the_results_arrive_opens_the_first_hit(
    qtbot: QtBot, window: MainWindow, people: dict[str, int]
) -> None:
    type_text(qtbot, "13900001111")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.customer_id == people["李四"])


def test_f3_returns_to_the_search_box(
    qtbot: QtBot, window: MainWindow, people: dict[str, int]
) -> None:
    window.open_customer(people["李四"])
    assert focused() is not window.search.box
    press(qtbot, Qt.Key.Key_F3)
    assert QApplication.focusWidget() is window.search.box


def _complaint_open(window: MainWindow, pharmacy: Context, customer_id: int) -> InteractionRecord:
    """A complaint waiting for its follow-up call, its customer open at the counter."""
    complaint = interactions.log(
        pharmacy, customer_id, channel="counter", kind="complaint", summary="药片受潮",
        follow_up_due=date(2026, 11, 25),
    )  # fmt: skip
    window.open_customer(customer_id)
    return complaint


def test_a_follow_up_call_marks_the_open_follow_up_done(
    qtbot: QtBot, window: MainWindow, pharmacy: Context, people: dict[str, int]
) -> None:
    complaint = _complaint_open(window, pharmacy, people["张三"])
    listed: list[str] = []

    def call_made(dialog: QWidget) -> None:
        assert isinstance(dialog, InteractionDialog)
        box = dialog.closes[complaint.id]
        listed.append(box.text())
        assert not box.isChecked()  # a consultation closes nothing by itself
        dialog.kind.setCurrentIndex(dialog.kind.findData("follow_up"))
        assert box.isChecked()  # the call is the one that was due
        dialog.summary.setFocus()
        type_text(qtbot, "已换货，顾客满意")
        press(qtbot, Qt.Key.Key_Return, CTRL)

    errors = when_modal(qtbot, call_made)
    press(qtbot, Qt.Key.Key_I, CTRL)
    assert errors == []
    assert listed == ["Complaint of 2026-11-20: 药片受潮 (due 2026-11-25)"]
    assert interactions.get(pharmacy, complaint.id).status == "done"
    assert interactions.open_follow_ups(pharmacy) == []


def test_a_follow_up_left_unticked_stays_open(
    qtbot: QtBot, window: MainWindow, pharmacy: Context, people: dict[str, int]
) -> None:
    complaint = _complaint_open(window, pharmacy, people["张三"])

    def other_call(dialog: QWidget) -> None:
        assert isinstance(dialog, InteractionDialog)
        dialog.kind.setCurrentIndex(dialog.kind.findData("follow_up"))
        dialog.closes[complaint.id].click()  # about something else: cleared by hand
        dialog.kind.setCurrentIndex(dialog.kind.findData("consultation"))
        dialog.kind.setCurrentIndex(dialog.kind.findData("follow_up"))
        assert not dialog.closes[complaint.id].isChecked()  # a choice made is kept
        dialog.summary.setFocus()
        type_text(qtbot, "问别的事")
        press(qtbot, Qt.Key.Key_Return, CTRL)

    errors = when_modal(qtbot, other_call)
    press(qtbot, Qt.Key.Key_I, CTRL)
    assert errors == []
    assert interactions.get(pharmacy, complaint.id).status == "open"
