"""Escape at the counter does not throw away a receipt or a consultation typed in full:
the dialog asks, Cancel keeps everything, Discard closes and nothing is saved."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from pharmadesk.db.models import Interaction, Purchase
from pharmadesk.ui.main_window import MainWindow
from tests.unit.ui.conftest import press, type_text, when_modal

CTRL = Qt.KeyboardModifier.ControlModifier


def _answer(qtbot: QtBot, button: QMessageBox.StandardButton, seen: list[str]) -> None:
    def click(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.button(button).click()

    when_modal(qtbot, click)


def test_escape_on_a_receipt_with_a_line_asks_and_cancel_keeps_it(
    qtbot: QtBot, window: MainWindow, people: dict[str, int]
) -> None:
    window.open_customer(people["李四"])
    before = Purchase.select().count()
    seen: dict[str, object] = {}
    asked: list[str] = []

    def sell(dialog: QWidget) -> None:
        assert isinstance(dialog, QDialog)
        type_text(qtbot, "维生素C片")
        press(qtbot, Qt.Key.Key_Return)
        press(qtbot, Qt.Key.Key_Tab)
        type_text(qtbot, "9.90")
        press(qtbot, Qt.Key.Key_Return)
        _answer(qtbot, QMessageBox.StandardButton.Cancel, asked)
        press(qtbot, Qt.Key.Key_Escape)
        seen["open after cancel"] = dialog.isVisible()
        seen["lines after cancel"] = len(dialog.lines)  # type: ignore[attr-defined]
        _answer(qtbot, QMessageBox.StandardButton.Discard, asked)
        dialog.reject()  # Escape again, or Cancel
        seen["open after discard"] = dialog.isVisible()

    errors = when_modal(qtbot, sell)
    press(qtbot, Qt.Key.Key_P, CTRL)
    assert errors == []
    assert seen == {"open after cancel": True, "lines after cancel": 1,
                    "open after discard": False}  # fmt: skip
    assert len(asked) == 2
    assert Purchase.select().count() == before


def test_escape_on_a_written_consultation_asks_and_an_empty_one_just_closes(
    qtbot: QtBot, window: MainWindow, people: dict[str, int]
) -> None:
    window.open_customer(people["李四"])
    before = Interaction.select().count()
    seen: dict[str, object] = {}
    asked: list[str] = []

    def write(dialog: QWidget) -> None:
        type_text(qtbot, "咨询感冒用药，建议多喝水")
        _answer(qtbot, QMessageBox.StandardButton.Cancel, asked)
        press(qtbot, Qt.Key.Key_Escape)
        seen["kept"] = dialog.summary.toPlainText()  # type: ignore[attr-defined]
        _answer(qtbot, QMessageBox.StandardButton.Discard, asked)
        dialog.reject()  # type: ignore[attr-defined]  # Escape again, or Cancel

    errors = when_modal(qtbot, write)
    press(qtbot, Qt.Key.Key_I, CTRL)
    assert errors == []
    assert seen["kept"] == "咨询感冒用药，建议多喝水"
    assert len(asked) == 2

    errors = when_modal(qtbot, lambda dialog: press(qtbot, Qt.Key.Key_Escape))
    press(qtbot, Qt.Key.Key_I, CTRL)
    assert errors == []
    assert len(asked) == 2  # nothing typed: nothing asked
    assert Interaction.select().count() == before
