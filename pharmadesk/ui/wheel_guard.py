"""The mouse wheel scrolls forms; it changes a choice or a number only in the field that
has the keyboard focus.

Qt lets the wheel take the focus of a combo box or spin box under the pointer and step its
value: scrolling down the customer form turned a consent from given to withdrawn, and the
next save wrote that into the consent history. Installed on the application (by the main
window), this keeps such fields from taking focus by wheel and hands the wheel of a field
without focus to the scroll area around it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QWidget,
)

_GUARDED = (QComboBox, QAbstractSpinBox)


class WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(watched, _GUARDED):
            return False
        if event.type() == QEvent.Type.Polish:
            if watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            return False
        if event.type() != QEvent.Type.Wheel or watched.hasFocus():
            return False
        pass_to_scroll_area(watched, event)
        return True


def pass_to_scroll_area(widget: QWidget, event: QEvent) -> None:
    """Scroll the scroll area around `widget` with its wheel `event` (if there is one)."""
    area = _scroll_area_around(widget)
    if area is not None:
        QCoreApplication.sendEvent(area.viewport(), event)


def _scroll_area_around(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


def install(app: QCoreApplication, parent: QObject) -> WheelGuard:
    """Guard every field from now on (each is polished before it is shown) and those that
    exist already; the guard lives as long as `parent`."""
    guard = WheelGuard(parent)
    app.installEventFilter(guard)
    for widget in QApplication.allWidgets():
        if isinstance(widget, _GUARDED) and widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return guard
