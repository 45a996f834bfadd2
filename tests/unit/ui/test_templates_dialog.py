"""The message templates dialog as the owner uses it: a live preview on a real customer,
placeholders inserted at the cursor, unknown ones refused, reset to the built-in text."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from pharmadesk.services import customers, purchases, templates
from pharmadesk.services.context import Context
from pharmadesk.ui.templates_dialog import TemplatesDialog
from tests.conftest import CST
from tests.unit.ui.conftest import when_modal

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def li(pharmacy: Context) -> int:
    made = customers.create(
        pharmacy, {"name": "李秀英", "mobile": "13812345678", "consent_marketing": "given"}
    ).customer
    assert made is not None
    for month, day in ((8, 1), (8, 31), (9, 30)):  # every 30 days: due on 30 October
        when = datetime(2026, month, day, 10, tzinfo=CST)
        purchases.record(pharmacy, made.id, [purchases.LineInput("二甲双胍片", 1, 3950)],
                         purchased_at=when)  # fmt: skip
    return made.id


@pytest.fixture
def dialog(qtbot: QtBot, pharmacy: Context, li: int) -> Iterator[TemplatesDialog]:
    dialog = TemplatesDialog(pharmacy)
    # Not handed to qtbot, which closes its widgets before this fixture ends: closing a
    # changed template asks first, and nobody would answer.
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.purpose.setCurrentIndex(dialog.purpose.findData("birthday"))
    yield dialog
    dialog.editor.setPlainText(dialog._saved)
    dialog.close()
    dialog.deleteLater()


def _pick(qtbot: QtBot, dialog: TemplatesDialog, query: str) -> None:
    qtbot.keyClicks(dialog.search_box, query)
    assert dialog.customers.currentText() == "李秀英 · 13812345678"


def test_the_preview_shows_a_real_customers_greeting_as_it_is_typed(
    qtbot: QtBot, dialog: TemplatesDialog
) -> None:
    assert dialog.editor.toPlainText() == templates.default("birthday", "en")
    assert dialog.status.text() == "The built-in template."
    dialog.editor.setPlainText("Dear {name}")
    assert dialog.status.text() == "Changed, not saved."  # not "The built-in template."
    dialog.editor.setPlainText(templates.default("birthday", "en"))
    assert dialog.status.text() == "The built-in template."
    assert dialog.preview.text().startswith("Find a customer")
    _pick(qtbot, dialog, "13812345678")
    assert dialog.preview.text().startswith("Happy birthday, 李秀英! Everyone at the pharmacy")
    dialog.editor.setPlainText("Dear ")
    dialog.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.mouseClick(dialog.placeholder_buttons["name"], LEFT)
    qtbot.keyClicks(dialog.editor, ", you have ")
    qtbot.mouseClick(dialog.placeholder_buttons["points"], LEFT)
    qtbot.keyClicks(dialog.editor, " points.")
    assert dialog.editor.toPlainText() == "Dear {name}, you have {points} points."
    assert dialog.preview.text() == "Dear 李秀英, you have 117 points."


def test_a_refill_preview_uses_the_customers_own_item(
    qtbot: QtBot, dialog: TemplatesDialog
) -> None:
    dialog.purpose.setCurrentIndex(dialog.purpose.findData("refill"))
    _pick(qtbot, dialog, "13812345678")
    assert "your 二甲双胍片 will be running low around 30 October." in dialog.preview.text()


def test_save_refuses_an_unknown_placeholder_and_names_the_allowed_ones(
    qtbot: QtBot, pharmacy: Context, dialog: TemplatesDialog
) -> None:
    dialog.editor.setPlainText("Happy birthday {nmae}!")
    said: list[str] = []

    def handle(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        said.append(box.text())
        box.accept()

    errors = when_modal(qtbot, handle)
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert errors == []
    assert said == ["Unknown placeholder: {nmae}.\nThe placeholders are: {name}, {tier}, "
                    "{points}, {item}, {due_date}, {last_visit}, {pharmacy}."]  # fmt: skip
    assert templates.is_default(pharmacy, "birthday", "en")


def test_saved_then_reset_to_the_built_in_text(
    qtbot: QtBot, pharmacy: Context, dialog: TemplatesDialog
) -> None:
    dialog.editor.setPlainText("生日快乐，{name}！")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert templates.text(pharmacy, "birthday", "en") == "生日快乐，{name}！"
    assert dialog.status.text() == "The pharmacy's own template. Saved."
    qtbot.keyClicks(dialog.editor, "!")  # "Saved." no longer holds once it is edited
    assert dialog.status.text() == "Changed, not saved."
    qtbot.keyClick(dialog.editor, Qt.Key.Key_Backspace)  # back to what was saved
    assert dialog.status.text() == "The pharmacy's own template."
    qtbot.mouseClick(dialog.reset_button, LEFT)
    assert dialog.editor.toPlainText() == templates.default("birthday", "en")
    assert dialog.status.text() == "The built-in template is back in the editor: Save keeps it."
    assert not templates.is_default(pharmacy, "birthday", "en")  # not until saved
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert templates.is_default(pharmacy, "birthday", "en")


def test_leaving_a_changed_template_asks_first(
    qtbot: QtBot, pharmacy: Context, dialog: TemplatesDialog
) -> None:
    dialog.editor.setPlainText("Changed {name}")

    def cancel(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        box.button(QMessageBox.StandardButton.Cancel).click()

    errors = when_modal(qtbot, cancel)
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    assert errors == []
    assert dialog.language.currentData() == "en"
    assert dialog.editor.toPlainText() == "Changed {name}"

    def discard(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        box.button(QMessageBox.StandardButton.Discard).click()

    errors = when_modal(qtbot, discard)
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    assert errors == []
    assert dialog.editor.toPlainText() == templates.default("birthday", "zh_CN")


def test_enter_in_the_search_box_does_not_close_the_dialog(
    qtbot: QtBot, dialog: TemplatesDialog
) -> None:
    qtbot.keyClicks(dialog.search_box, "13812345678")
    qtbot.keyClick(dialog.search_box, Qt.Key.Key_Return)
    assert dialog.isVisible()
