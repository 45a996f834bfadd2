"""Push buttons as the windows make them: named (tests find them by that), never default."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QBoxLayout, QPushButton


def plain_button(text: str, name: str) -> QPushButton:
    """A button named `name`, not auto-default: in a dialog Enter belongs to the table's
    current row or the field being typed in, not to whichever button had the focus last."""
    button = QPushButton(text)
    button.setObjectName(name)
    button.setAutoDefault(False)
    return button


def add_button(row: QBoxLayout, text: str, name: str, slot: Callable[[], None]) -> QPushButton:
    """A plain button added to `row`, calling `slot`."""
    button = plain_button(text, name)
    button.clicked.connect(lambda: slot())  # clicked's `checked` argument is not the slot's
    row.addWidget(button)
    return button
