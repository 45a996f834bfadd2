"""A window's own shortcuts kept for it while a text field has the focus.

On Linux desktops a line edit claims Ctrl+U (delete to the start of the line) and Ctrl+K
(delete to its end) before any shortcut of the window sees them: Ctrl+U in the search box
or a form field would wipe what was typed instead of opening the follow-ups. Each text
field of the window that takes the focus is watched, and those keys, where the window has
an action for them, go to the action. Elsewhere (Windows) nothing changes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

CLAIMED_BY_TEXT_FIELDS = ("Ctrl+U", "Ctrl+K")
_TEXT_FIELDS = (QLineEdit, QTextEdit, QPlainTextEdit)


class WindowKeys(QObject):
    """Installed by `keep(window)`; lives as long as the window."""

    def __init__(self, window: QWidget) -> None:
        # No reference to the window but Qt's parent: a closed window must go away whole
        # (the lock checks that no widget keeps a customer's data).
        super().__init__(window)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_changed)

    def _window(self) -> QWidget | None:
        window = self.parent()
        return window if isinstance(window, QWidget) else None

    def keys(self) -> list[QKeySequence]:
        claimed = [QKeySequence(k) for k in CLAIMED_BY_TEXT_FIELDS]
        window = self._window()
        return [
            key
            for action in (window.actions() if window is not None else [])
            if action.isEnabled()
            for key in action.shortcuts()
            if key in claimed
        ]

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if isinstance(new, _TEXT_FIELDS) and new.window() is self._window():
            new.installEventFilter(self)  # again for a field seen before: still once

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            # Left unaccepted, the override lets the window's shortcut fire.
            return QKeySequence(event.keyCombination()) in self.keys()
        return False


def keep(window: QWidget) -> WindowKeys:
    return WindowKeys(window)
