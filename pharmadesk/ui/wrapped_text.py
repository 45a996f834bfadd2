"""Dialogs whose word-wrapped text changes while they are open (an error, a note) show it whole.

A top-level window's layout takes the minimum height of a word-wrapped label as one line,
whatever its width: when a label gets a longer text, the window does not grow for it and
the layout squeezes the labels instead, cutting lines off at the top and bottom (seen in the
unlock dialog with a damaged-file error, and in the customer's-own-data dialog whose
introduction lost lines once an error line appeared). The lock screen's card has the same
cure (`LockScreen.show_message`).
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


def show_whole(window: QWidget) -> None:
    """Fit `window` to the text of its word-wrapped labels after a change, so none is cut.

    It grows (wider first, as far as a label's text asks for, then taller), keeps the
    width it had, and gives each label a minimum height so the text stays whole. A hidden
    window is left alone: showing it lays it out from its labels' text.
    """
    layout = window.layout()
    if layout is None or not window.isVisible():
        return
    width = window.width()
    window.adjustSize()
    if window.width() < width:
        window.resize(width, window.height())
    layout.activate()
    for label in window.findChildren(QLabel):
        if label.wordWrap() and label.isVisibleTo(window):
            label.setMinimumHeight(label.heightForWidth(label.width()) if label.text() else 0)
    layout.activate()
    window.resize(window.width(), max(window.minimumSizeHint().height(), window.minimumHeight()))
