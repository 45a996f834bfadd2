"""The owner's custom-field editor: each field listed with its type and options, and options
added to a choice field later."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QInputDialog, QPushButton
from pytestqt.qtbot import QtBot

from pharmadesk.services import custom_fields
from pharmadesk.services.context import Context
from pharmadesk.ui.custom_fields_dialog import CustomFieldsDialog


def _button(dialog: CustomFieldsDialog, text: str) -> QPushButton:
    return next(b for b in dialog.findChildren(QPushButton) if b.text() == text)


def test_options_are_added_to_a_choice_field(
    qtbot: QtBot, pharmacy: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    field = custom_fields.define(
        pharmacy, "医保类型", kind="choice", choices=["职工医保", "居民医保"]
    )
    custom_fields.define(pharmacy, "身高", kind="number")
    dialog = CustomFieldsDialog(pharmacy)
    qtbot.addWidget(dialog)
    rows = [dialog.list.item(n).text() for n in range(dialog.list.count())]
    assert rows == ["医保类型 · Choice: 职工医保, 居民医保", "身高 · Number"]
    asked: list[str] = []

    def typed(parent: object, title: str, label: str, *args: object) -> tuple[str, bool]:
        asked.append(label)
        return "新农合，其他", True  # a full-width comma, as typed in Chinese

    monkeypatch.setattr(QInputDialog, "getText", typed)
    dialog.list.setCurrentRow(0)
    _button(dialog, "Add options…").click()
    assert "职工医保, 居民医保" in asked[0]
    assert custom_fields.list_fields(pharmacy)[0].choices == (
        "职工医保",
        "居民医保",
        "新农合",
        "其他",
    )
    assert dialog.list.item(0).text() == "医保类型 · Choice: 职工医保, 居民医保, 新农合, 其他"
    assert dialog.list.currentRow() == 0
    assert field.key == custom_fields.list_fields(pharmacy)[0].key  # the same field
