"""Merging two records of one person through the dialog, and undoing it from the history."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox, QRadioButton, QWidget
from pytestqt.qtbot import QtBot

from pharmadesk.errors import NotFound
from pharmadesk.services import accounts, customers, purchases, vault
from pharmadesk.services.context import Context
from pharmadesk.ui.merge_dialog import MergeDialog
from pharmadesk.ui.merge_history import MergeHistoryDialog
from tests.conftest import FakeClock
from tests.unit.ui.conftest import when_modal


def _two_cards(ctx: Context, clock: FakeClock) -> tuple[int, int]:
    card = {
        "name": "王芳",
        "mobile": "13811112222",
        "address": "文一路 1 号",
        "allergies": "青霉素",
    }
    old = customers.create(ctx, card).customer
    assert old is not None
    purchases.record(ctx, old.id, [purchases.LineInput("感冒灵颗粒", 2, 1550)])
    clock.advance(days=30)
    new = customers.create(ctx, {"name": "王芳", "mobile": "13999998888", "allergies": "头孢"},
                           allow_duplicate=True).customer  # fmt: skip
    assert new is not None
    clock.advance(days=1)
    return old.id, new.id


def _click(qtbot: QtBot, button: QWidget) -> None:
    if isinstance(button, QRadioButton):
        # A radio button takes clicks on its circle and text, not the whole cell it fills.
        at = QPoint(8, button.height() // 2)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=at)
    else:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _answer(qtbot: QtBot, label: str | None, seen: list[str]) -> list[BaseException]:
    """Answer the next question with its button `label` (None: No)."""
    yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No

    def handle(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        if label is None:
            _click(qtbot, box.button(no))
            return
        assert box.button(yes).text() == label
        _click(qtbot, box.button(yes))

    return when_modal(qtbot, handle)


def test_merge_in_the_dialog_then_unmerge_from_the_history(
    qtbot: QtBot, pharmacy: Context, clock: FakeClock
) -> None:
    old, new = _two_cards(pharmacy, clock)
    dialog = MergeDialog(pharmacy, [old, new])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.survivor_buttons[new].isChecked()  # the most recently confirmed
    assert dialog.choice_buttons["mobile"][new].isChecked()
    assert dialog.choice_buttons["allergies"]["combined"].isChecked()
    assert "1 purchase line" in dialog.moves_label.text()
    _click(qtbot, dialog.choice_buttons["mobile"][old])  # the old card's mobile is right
    seen: list[str] = []
    errors = _answer(qtbot, "Merge", seen)
    _click(qtbot, dialog.merge_button)
    qtbot.waitUntil(lambda: dialog.merge_result is not None or bool(errors), timeout=10_000)
    assert errors == []
    assert seen[0].startswith("Merge 1 other record")
    assert f"into 王芳 (#{new})" in seen[0]
    assert "can be undone" in seen[0]
    kept = customers.get(pharmacy, new)
    assert (kept.mobile, kept.address, kept.allergies) == ("13811112222", "文一路 1 号",
                                                           "头孢；青霉素")  # fmt: skip
    assert kept.purchase_count == 1
    try:
        customers.get(pharmacy, old)
        raise AssertionError("the merged record is still listed")
    except NotFound:
        pass

    history = MergeHistoryDialog(pharmacy, new)
    qtbot.addWidget(history)
    history.show()
    assert history.table.rowCount() == 1
    assert history.table.item(0, 1).text() == "owner"  # who merged, in a column of its own
    assert ":" in history.table.item(0, 0).text()
    assert "owner" not in history.table.item(0, 0).text()
    assert "王芳" in history.table.item(0, 2).text()
    assert history.unmerge_button.isEnabled()
    clock.advance(hours=1)
    purchases.record(pharmacy, new, [purchases.LineInput("维C", 1, 1000)])
    asked: list[str] = []
    errors = _answer(qtbot, "Unmerge", asked)
    _click(qtbot, history.unmerge_button)
    qtbot.waitUntil(lambda: history.last_result is not None or bool(errors), timeout=10_000)
    assert errors == []
    assert "(王芳)" in asked[0]
    assert "stay here" in asked[0]
    assert "1 purchase line" in history.message.text()  # the one added since
    assert not history.unmerge_button.isEnabled()
    assert "Undone" in history.table.item(0, 3).text()
    back = customers.get(pharmacy, old)
    assert (back.mobile, back.allergies, back.purchase_count) == ("13811112222", "青霉素", 1)
    assert customers.get(pharmacy, new).mobile == "13999998888"


def test_cancelling_the_confirmation_merges_nothing(
    qtbot: QtBot, pharmacy: Context, clock: FakeClock
) -> None:
    old, new = _two_cards(pharmacy, clock)
    dialog = MergeDialog(pharmacy, [old, new])
    qtbot.addWidget(dialog)
    dialog.show()
    _click(qtbot, dialog.survivor_buttons[old])
    assert "kept: 0 purchase line" in dialog.moves_label.text()
    seen: list[str] = []
    errors = _answer(qtbot, None, seen)
    _click(qtbot, dialog.merge_button)
    qtbot.waitUntil(lambda: bool(seen) or bool(errors), timeout=10_000)
    assert errors == []
    assert dialog.merge_result is None
    assert customers.get(pharmacy, old).status == "active"
    assert customers.get(pharmacy, new).status == "active"


def test_staff_see_the_history_but_cannot_unmerge(
    qtbot: QtBot, pharmacy: Context, clock: FakeClock, db_path: Path
) -> None:
    old, new = _two_cards(pharmacy, clock)
    from pharmadesk.services import merge

    merge.merge(pharmacy, new, [old])
    accounts.add(pharmacy, "wang", role="staff", password="staff-pw")
    staff = vault.open_pharmacy(db_path, user="wang", password="staff-pw", clock=clock)
    try:
        history = MergeHistoryDialog(staff, new)
        qtbot.addWidget(history)
        assert history.table.rowCount() == 1
        assert not history.unmerge_button.isEnabled()
        assert "Staff cannot merge" in history.unmerge_button.toolTip()
    finally:
        staff.close()


def test_the_keyboard_chooses_the_record_kept(
    qtbot: QtBot, pharmacy: Context, clock: FakeClock
) -> None:
    old, new = _two_cards(pharmacy, clock)
    dialog = MergeDialog(pharmacy, [old, new])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()  # keys reach the active window only
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.focusWidget() is dialog.survivor_buttons[new]
    qtbot.keyClick(dialog.survivor_buttons[new], Qt.Key.Key_Left)
    assert dialog.survivor_buttons[old].isChecked()
    assert "kept: 0 purchase line" in dialog.moves_label.text()
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.focusWidget() in dialog.choice_buttons["name"].values()


def test_the_history_says_why_points_spent_since_keep_the_merge(
    qtbot: QtBot, pharmacy: Context, clock: FakeClock
) -> None:
    from pharmadesk.services import loyalty, merge

    old, new = _two_cards(pharmacy, clock)
    loyalty.adjust(pharmacy, old, 192, "paper card balance")
    brought = customers.get(pharmacy, old).points
    merge.merge(pharmacy, new, [old])
    left = brought - 157  # spent 157 more than the record kept had itself
    loyalty.adjust(pharmacy, new, left - customers.get(pharmacy, new).points, "gift")
    history = MergeHistoryDialog(pharmacy, new)
    qtbot.addWidget(history)
    history.show()
    asked: list[str] = []
    errors = _answer(qtbot, "Unmerge", asked)
    _click(qtbot, history.unmerge_button)
    qtbot.waitUntil(lambda: bool(history.message.text()) or bool(errors), timeout=10_000)
    assert errors == []
    shown = history.message.text()
    assert "not undone" in shown
    assert "157 point" in shown
    assert "Correct the points" in shown
    assert history.last_result is None
    assert history.unmerge_button.isEnabled()  # still in force, once the points are right
    assert "Undone" not in history.table.item(0, 3).text()
    assert customers.get(pharmacy, new).points == left
    try:
        customers.get(pharmacy, old)
        raise AssertionError("the merged record came back")
    except NotFound:
        pass


def test_keeping_another_record_takes_its_values_but_not_those_chosen_by_hand(
    qtbot: QtBot, pharmacy: Context, clock: FakeClock
) -> None:
    old, new = _two_cards(pharmacy, clock)
    customers.update(pharmacy, old, {"code": "A001", "email": "wf@example.com"})
    customers.update(pharmacy, new, {"code": "B002", "phone": "057188886666"})
    customers.verify(pharmacy, new)  # the newest card stays the default one kept
    dialog = MergeDialog(pharmacy, [old, new])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.survivor_buttons[new].isChecked()
    assert dialog.choice_buttons["code"][new].isChecked()
    _click(qtbot, dialog.choice_buttons["phone"][new])  # by hand (it is the default too)
    _click(qtbot, dialog.survivor_buttons[old])
    chosen = dialog.choices()
    assert (chosen["code"], chosen["mobile"], chosen["name"]) == (old, old, old)
    assert chosen["phone"] == new  # old has none: and it was chosen by hand anyway
    assert chosen["allergies"] == "头孢；青霉素"  # all of them together stays
    _click(qtbot, dialog.choice_buttons["mobile"][new])  # by hand
    _click(qtbot, dialog.survivor_buttons[new])
    _click(qtbot, dialog.survivor_buttons[old])
    assert dialog.choices()["mobile"] == new
    assert dialog.code_change_text() == ""
    _click(qtbot, dialog.choice_buttons["code"][new])  # the other card's member code
    seen: list[str] = []
    errors = _answer(qtbot, None, seen)
    _click(qtbot, dialog.merge_button)
    qtbot.waitUntil(lambda: bool(seen) or bool(errors), timeout=10_000)
    assert errors == []
    assert "from A001 to B002" in seen[0]
    assert "A001 will no longer find this customer" in seen[0]
