"""Push buttons as the list windows make them (a row of actions under a table)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QBoxLayout, QPushButton


def add_button(row: QBoxLayout, text: str, name: str, slot: Callable[[], None]) -> QPushButton:
    """A button added to `row`, named `name` (tests find it by that), calling `slot`.

    Not auto-default: in a dialog Enter belongs to the table's current row, not to
    whichever button had the focus last."""
    button = QPushButton(text)
    button.setObjectName(name)
    button.setAutoDefault(False)
    button.clicked.connect(lambda: slot())  # clicked's `checked` argument is not the slot's
    row.addWidget(button)
    return button
