"""The purpose of an export of personal data, asked before the file is chosen.

File > Export to Excel asks it in its own form (`export_dialog.py`, required); the lists
that export on their own (the win-back list, the real-name register) ask it here in the
same words, and it goes into the export's audit entry. Exports start in the user's home
folder, as the main export does, never in the program's working folder.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

MAX_PURPOSE = 200


def export_folder() -> Path:
    """Where an export's save dialog starts: the same folder as File > Export to Excel."""
    return Path.home()


class ExportPurposeDialog(QDialog):
    """Asks what the export is for; OK only once something is written."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        explain = QLabel(self.tr("The file holds personal data. Say what it is for: the "
                                 "purpose is kept in the audit log."))  # fmt: skip
        explain.setWordWrap(True)
        self.purpose = QLineEdit()
        self.purpose.setObjectName("exportPurpose")
        self.purpose.setMaxLength(MAX_PURPOSE)
        self.purpose.setPlaceholderText(self.tr("e.g. month-end accounts, call-back list"))
        form = QFormLayout()
        form.addRow(self.tr("Pu&rpose (required):"), self.purpose)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.purpose.textChanged.connect(lambda _: self._update())
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._update()

    def _update(self) -> None:
        self.ok_button.setEnabled(bool(self.text()))

    def text(self) -> str:
        return self.purpose.text().strip()

    def accept(self) -> None:
        if self.text():  # Enter in an empty field does not close it
            super().accept()


def ask_purpose(parent: QWidget, title: str) -> str | None:
    """The purpose written, or None when the user cancelled."""
    dialog = ExportPurposeDialog(title, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.text()
