"""The owner's editor of custom fields: add, rename, add options to a choice field, reorder,
retire (values are kept). Each field is listed with its type, and a choice field with its
options."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
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
from pharmadesk.ui.formatting import listed


class NewFieldDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New custom field"))
        self.setMinimumWidth(460)  # the options' placeholder whole
        self.label = QLineEdit()
        self.label.setObjectName("fieldLabel")
        self.kind = QComboBox()
        self.kind.setObjectName("fieldKind")
        names = kind_names()
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
        return choice_list(self.choices.text())


def choice_list(text: str) -> list[str]:
    """Options typed in one line, separated by commas (full-width too) or 、."""
    text = text.replace("，", ",").replace("、", ",")
    return [part.strip() for part in text.split(",") if part.strip()]


_KIND_NAMES = {
    "text": QT_TRANSLATE_NOOP("NewFieldDialog", "Text"),
    "number": QT_TRANSLATE_NOOP("NewFieldDialog", "Number"),
    "date": QT_TRANSLATE_NOOP("NewFieldDialog", "Date"),
    "choice": QT_TRANSLATE_NOOP("NewFieldDialog", "Choice"),
}


def kind_names() -> dict[str, str]:
    return {k: QCoreApplication.translate("NewFieldDialog", str(v)) for k, v in _KIND_NAMES.items()}


class CustomFieldsDialog(QDialog):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Custom fields"))
        self.resize(560, 400)
        self.list = QListWidget()
        self.list.setObjectName("fieldList")
        buttons = QVBoxLayout()
        for text, slot in (
            (self.tr("Add…"), self._add),
            (self.tr("Rename…"), self._rename),
            (self.tr("Add options…"), self._add_choices),
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
        kinds = kind_names()
        for field in custom_fields.list_fields(self.ctx, include_retired=True):
            text = (
                self.tr("%1 (retired)").replace("%1", field.label) if field.retired else field.label
            )
            described = f"{text} · {kinds[field.kind]}"
            if field.choices:
                described += f": {listed(list(field.choices))}"
            item = QListWidgetItem(described)
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

    def _add_choices(self) -> None:
        field_id = self._current()
        fields = {f.id: f for f in custom_fields.list_fields(self.ctx, include_retired=True)}
        if field_id not in fields:
            return
        field = fields[field_id]
        if field.kind != "choice":
            QMessageBox.information(self, self.tr("Custom fields"),
                                    self.tr("Only a choice field has options."))  # fmt: skip
            return
        text, ok = QInputDialog.getText(
            self, self.tr("Add options"),
            self.tr("New options for %1 (now: %2), separated by commas. Options already "
                    "saved on customers are never taken away.")
            .replace("%1", field.label).replace("%2", listed(list(field.choices))),
        )  # fmt: skip
        if ok:
            self._run(lambda: custom_fields.add_choices(self.ctx, field.id, choice_list(text)))
            self._reload(field.id)

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
