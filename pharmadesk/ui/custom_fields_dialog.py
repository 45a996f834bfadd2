"""The owner's editor of custom fields: add, rename, reorder, retire (values are kept)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pharmadesk.errors import PharmaDeskError
from pharmadesk.services import custom_fields
from pharmadesk.services.context import Context


class NewFieldDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New custom field"))
        self.label = QLineEdit()
        self.label.setObjectName("fieldLabel")
        self.kind = QComboBox()
        self.kind.setObjectName("fieldKind")
        names = {"text": self.tr("Text"), "number": self.tr("Number"), "date": self.tr("Date"),
                 "choice": self.tr("Choice")}  # fmt: skip
        for kind in custom_fields.KINDS:
            self.kind.addItem(names[kind], kind)
        self.choices = QLineEdit()
        self.choices.setObjectName("fieldChoices")
        self.choices.setPlaceholderText(self.tr("For a choice: options separated by commas"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Label"), self.label)
        form.addRow(self.tr("Type"), self.kind)
        form.addRow(self.tr("Choices"), self.choices)
        form.addRow(buttons)

    def choice_list(self) -> list[str]:
        text = self.choices.text().replace("，", ",").replace("、", ",")
        return [part.strip() for part in text.split(",") if part.strip()]


class CustomFieldsDialog(QDialog):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Custom fields"))
        self.resize(460, 400)
        self.list = QListWidget()
        self.list.setObjectName("fieldList")
        buttons = QVBoxLayout()
        for text, slot in (
            (self.tr("Add…"), self._add),
            (self.tr("Rename…"), self._rename),
            (self.tr("Move up"), lambda: self._move(-1)),
            (self.tr("Move down"), lambda: self._move(1)),
            (self.tr("Retire / restore"), self._toggle_retired),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(buttons)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(close)
        self._reload()

    def _reload(self, select: int | None = None) -> None:
        self.list.clear()
        for field in custom_fields.list_fields(self.ctx, include_retired=True):
            text = (
                self.tr("%1 (retired)").replace("%1", field.label) if field.retired else field.label
            )
            item = QListWidgetItem(text)
            item.setData(256, field.id)
            self.list.addItem(item)
            if field.id == select:
                self.list.setCurrentItem(item)

    def _current(self) -> int | None:
        item = self.list.currentItem()
        return int(item.data(256)) if item else None

    def _run(self, action: Callable[[], object]) -> None:
        try:
            action()
        except PharmaDeskError as exc:
            QMessageBox.warning(self, self.tr("Custom fields"), exc.message)

    def _add(self) -> None:
        dialog = NewFieldDialog(self)
        if dialog.exec():
            self._run(
                lambda: custom_fields.define(
                    self.ctx, dialog.label.text(), kind=dialog.kind.currentData(),
                    choices=dialog.choice_list(),
                )
            )  # fmt: skip
            self._reload()

    def _rename(self) -> None:
        field_id = self._current()
        if field_id is None:
            return
        label, ok = QInputDialog.getText(self, self.tr("Rename field"), self.tr("New label"))
        if ok:
            self._run(lambda: custom_fields.rename(self.ctx, field_id, label))
            self._reload(field_id)

    def _move(self, step: int) -> None:
        field_id = self._current()
        ids = [f.id for f in custom_fields.list_fields(self.ctx, include_retired=True)]
        if field_id is None or field_id not in ids:
            return
        index = ids.index(field_id)
        target = min(max(index + step, 0), len(ids) - 1)
        ids.insert(target, ids.pop(index))
        custom_fields.reorder(self.ctx, ids)
        self._reload(field_id)

    def _toggle_retired(self) -> None:
        field_id = self._current()
        fields = {f.id: f for f in custom_fields.list_fields(self.ctx, include_retired=True)}
        if field_id in fields:
            custom_fields.retire(self.ctx, field_id, retired=not fields[field_id].retired)
            self._reload(field_id)
