"""The customer form: every field of a customer, custom fields by type, checked as typed.

Validation is the services' own (`customer_input.prepare`), run on every change: a hint
under the field says what is wrong and the form reports itself invalid until it is fixed.
When a field loses focus its value is shown normalised (`138 1234 5678` -> `13812345678`).

Save is offered as soon as anything is typed; a save of an invalid form is refused by the
window, which calls `show_problems` (every hint, the missing name's too) and `reveal` (the
first refused field scrolled into view and focused, so its red message is seen).

A birth date under 14 years enables the guardian's name and mobile, and requires them and
the guardian's consent to keep the data (the consent records then say the guardian gave it).
Consents changed on the form are recorded with the channel chosen under them.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from pharmadesk.services.custom_fields import FieldDef
from pharmadesk.services.customer_input import (
    CONSENT_CHANNELS,
    CONSENT_STATUSES,
    GUARDIAN_FIELDS,
    HEALTH_FIELDS,
    check_guardian,
    prepare,
    under_guardian_age,
)
from pharmadesk.services.customers import CustomerRecord
from pharmadesk.ui import labels

LINE_FIELDS = ("name", "mobile", "phone", "birth_date", "age", "email", "address", "postal_code",
               "code", *GUARDIAN_FIELDS)  # fmt: skip
TEXT_FIELDS = ("allergies", "chronic_conditions", "preferences", "notes")
CONSENTS = ("consent_data", "consent_health", "consent_marketing")
# Disabled (so Tab passes them) unless the birth date or age says a child under 14.
FIELD_ORDER = ("name", "gender", "mobile", "phone", "birth_date", "age", *GUARDIAN_FIELDS,
               "address", "postal_code", "email", "code", *TEXT_FIELDS, *CONSENTS,
               "consent_channel")  # fmt: skip
Editor = QLineEdit | QComboBox | QPlainTextEdit


class CustomerFormWidget(QWidget):
    """Emits `changed` whenever a value changes; ask `is_valid()` and `is_dirty()`."""

    changed = Signal()

    def __init__(
        self,
        custom: list[FieldDef],
        today: Callable[[], date],
        parent: QWidget | None = None,
        *,
        may_see_health: bool = True,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._custom = [f for f in custom if not f.retired]
        self._editors: dict[str, Editor] = {}
        self._hints: dict[str, QLabel] = {}
        self._loaded: dict[str, Any] = {}
        self._shown_id: int | None = None  # whose values `load` put on the form last
        self._problems: dict[str, str] = {}
        self._loading = False
        self._refused = False  # a save was refused: every problem is shown, the name's too
        layout = QFormLayout()
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name in FIELD_ORDER:
            if name in HEALTH_FIELDS and not may_see_health:
                continue  # no editor: nothing shown, nothing sent back, nothing blanked
            self._add_row(layout, name, labels.field(name), self._make_editor(name))
        if not may_see_health:
            note = QLabel(self.tr("Allergies, conditions and notes are shown to pharmacists."))
            note.setObjectName("healthRestricted")
            layout.addRow(note)
        for definition in self._custom:
            key = "custom." + definition.key
            self._add_row(layout, key, definition.label, self._make_custom_editor(definition))
        outer = QVBoxLayout(self)
        outer.addLayout(layout)
        outer.addStretch(1)
        self.load(None)

    # building -----------------------------------------------------------------------------

    def _make_editor(self, name: str) -> Editor:
        if name == "gender":
            combo = QComboBox()
            for code in (None, "M", "F"):
                combo.addItem(labels.gender(code) or "—", code)
            combo.currentIndexChanged.connect(self._on_change)
            return combo
        if name in CONSENTS:
            combo = QComboBox()
            for status in (None, *CONSENT_STATUSES):
                combo.addItem(labels.consent(status), status)
            combo.currentIndexChanged.connect(self._on_change)
            return combo
        if name == "consent_channel":
            combo = QComboBox()
            for channel in CONSENT_CHANNELS:
                combo.addItem(labels.channel(channel), channel)
            combo.setToolTip(self.tr("How the consents changed on this form were given"))
            combo.currentIndexChanged.connect(self._on_change)
            return combo
        if name in TEXT_FIELDS:
            text = QPlainTextEdit()
            text.setTabChangesFocus(True)
            text.setFixedHeight(text.fontMetrics().lineSpacing() * 3 + 12)
            text.textChanged.connect(self._on_change)
            return text
        line = QLineEdit()
        line.textChanged.connect(self._on_change)
        line.editingFinished.connect(lambda n=name: self._show_normalised(n))
        if name == "birth_date":
            line.setPlaceholderText(self.tr("e.g. 1965-03-07 or 1965年3月7日"))
        elif name == "age":
            line.setPlaceholderText(self.tr("if the birth date is unknown"))
        elif name in ("mobile", "guardian_mobile"):
            # Not a sample number: one that looks real is taken for a customer's.
            line.setPlaceholderText(self.tr("11 digits, spaces or dashes allowed"))
        if name in GUARDIAN_FIELDS:
            line.setToolTip(self.tr("Required for a child under 14"))
        return line

    def _make_custom_editor(self, definition: FieldDef) -> Editor:
        if definition.kind == "choice":
            combo = QComboBox()
            combo.addItem("—", None)
            for choice in definition.choices:
                combo.addItem(choice, choice)
            combo.currentIndexChanged.connect(self._on_change)
            return combo
        line = QLineEdit()
        line.textChanged.connect(self._on_change)
        if definition.kind == "date":
            line.setPlaceholderText(self.tr("e.g. 2024-01-31"))
        return line

    def _add_row(self, layout: QFormLayout, key: str, label: str, editor: Editor) -> None:
        hint = QLabel()
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        hint.hide()
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addWidget(editor)
        column.addWidget(hint)
        editor.setObjectName(key)
        layout.addRow(label + (" *" if key == "name" else ""), box)
        self._editors[key] = editor
        self._hints[key] = hint

    # values -------------------------------------------------------------------------------

    def editor(self, key: str) -> Editor:
        return self._editors[key]

    def _value(self, key: str) -> Any:
        editor = self._editors[key]
        if isinstance(editor, QComboBox):
            return editor.currentData()
        if isinstance(editor, QPlainTextEdit):
            return editor.toPlainText().strip()
        return editor.text().strip()

    def _set_value(self, key: str, value: Any) -> None:
        editor = self._editors[key]
        if isinstance(editor, QComboBox):
            index = editor.findData(value)
            editor.setCurrentIndex(max(index, 0))
        elif isinstance(editor, QPlainTextEdit):
            editor.setPlainText("" if value is None else str(value))
        else:
            editor.setText("" if value is None else str(value))

    def current(self) -> dict[str, Any]:
        return {key: self._value(key) for key in self._editors}

    def load(self, record: CustomerRecord | None) -> None:
        """Show a customer (None: an empty form for a new one)."""
        self._loading = True
        self._refused = False
        try:
            for key in self._editors:
                self._set_value(key, _initial(record, key))
        finally:
            self._loading = False
        self._loaded = self.current()
        self._validate()
        shown = record.id if record is not None else None
        if shown is None or shown != self._shown_id:  # another customer: from the top
            area = self._scroll_area()
            if area is not None:
                area.verticalScrollBar().setValue(0)
        self._shown_id = shown
        self.changed.emit()

    def fill(self, values: dict[str, Any]) -> None:
        """Put `values` (as `current()` gave them) back over what is loaded, as if typed:
        the form is dirty and checked (a draft kept over a lock)."""
        for key, value in values.items():
            if key in self._editors:
                self._set_value(key, value)
        self._validate()
        self.changed.emit()

    def raw_values(self) -> dict[str, Any]:
        """Everything on the form, as the services take it (for a new customer)."""
        values = self.current()
        custom = {
            k.removeprefix("custom."): v for k, v in values.items() if k.startswith("custom.")
        }
        plain = {k: v for k, v in values.items() if not k.startswith("custom.")}
        if not plain.get("age"):
            plain.pop("age", None)
        return {**plain, "custom": custom} if custom else plain

    def changed_values(self) -> dict[str, Any]:
        """Only the fields changed since `load` (for an update)."""
        now = self.current()
        changed = {k: v for k, v in now.items() if v != self._loaded.get(k)}
        custom = {
            k.removeprefix("custom."): v for k, v in changed.items() if k.startswith("custom.")
        }
        plain = {k: v for k, v in changed.items() if not k.startswith("custom.")}
        if "age" in plain and not plain["age"]:
            del plain["age"]
        if "age" in plain and now.get("birth_date"):
            del plain["age"]  # a birth date wins over an age
        if "birth_date" in plain and not plain["birth_date"] and now.get("age"):
            del plain["birth_date"]
        return {**plain, "custom": custom} if custom else plain

    def is_dirty(self) -> bool:
        return self.current() != self._loaded

    def is_valid(self) -> bool:
        return not self._problems

    def problems(self) -> dict[str, str]:
        return dict(self._problems)

    def show_problem(self, key: str, code: str) -> None:
        """Mark a field as wrong after a save was refused (e.g. a member code in use)."""
        self._problems[key] = labels.problem(code)
        self._show_hint(key, self._problems[key], error=True)
        self.changed.emit()

    def show_problems(self) -> str | None:
        """A save was refused: show every problem's hint (a name not typed yet too) and
        return the first field with one, in the form's order."""
        self._refused = True
        self._validate()
        return self.first_of(self._problems)

    def first_of(self, keys: Collection[str]) -> str | None:
        """The first of `keys` that is a field of this form, in the form's order."""
        return next((key for key in self._editors if key in keys), None)

    def reveal(self, key: str) -> None:
        """Scroll field `key` (with its hint) into view and give it the keyboard."""
        editor = self._editors[key]
        editor.setFocus(Qt.FocusReason.OtherFocusReason)
        area = self._scroll_area()
        if area is None:
            return
        row = editor.parentWidget() or editor  # the editor and its hint
        area.ensureWidgetVisible(row)
        # Once a hint just shown has its place in the layout, the row may have moved.
        QTimer.singleShot(0, area, lambda: area.ensureWidgetVisible(row))

    def _scroll_area(self) -> QScrollArea | None:
        widget = self.parentWidget()
        while widget is not None and not isinstance(widget, QScrollArea):
            widget = widget.parentWidget()
        return widget

    # validation ---------------------------------------------------------------------------

    def _on_change(self) -> None:
        if self._loading:
            return
        self._validate()
        self.changed.emit()

    def _validate(self) -> None:
        prepared = prepare(self.raw_values(), reference_date=self._today(), fields=self._custom)
        child = under_guardian_age(prepared.values, self._today())
        if child:
            check_guardian(prepared, prepared.values, self._today())
        for key in GUARDIAN_FIELDS:
            # Enabled for a child, or to clear what an earlier (wrong) birth date needed.
            self._editors[key].setEnabled(child or bool(self._value(key)))
        self._problems = {k: labels.problem(code) for k, code in prepared.codes.items()}
        for key in self._hints:
            shown = key != "name" or self._refused or self._touched("name")
            if key in self._problems and shown:
                self._show_hint(key, self._problems[key], error=True)
            elif key == "phone" and key in prepared.warnings:
                self._show_hint(
                    key, self.tr("Looks like a mobile with a digit missing or extra: check it")
                )
            elif key in prepared.warnings:
                self._show_hint(key, self.tr("Not a mobile: it will be kept as the other phone"))
            else:
                self._hints[key].hide()

    def mark_withdrawn(self, purpose: str) -> None:
        """A consent was withdrawn from the panel: show it, without making the form dirty
        and without touching anything else typed."""
        key = f"consent_{purpose}"
        self._loading = True
        try:
            self._set_value(key, "withdrawn")
        finally:
            self._loading = False
        self._loaded[key] = "withdrawn"
        self._validate()
        self.changed.emit()

    def _touched(self, key: str) -> bool:
        return bool(self._value(key)) or bool(self._loaded.get(key))

    def _show_hint(self, key: str, text: str, *, error: bool = False) -> None:
        hint = self._hints[key]
        hint.setText(text)
        hint.setStyleSheet("color: #b00020;" if error else "color: #666666;")
        hint.show()

    def _show_normalised(self, name: str) -> None:
        if name in self._problems or not self._value(name):
            return
        prepared = prepare({name: self._value(name)}, reference_date=self._today(), fields=[],
                           require_name=False)  # fmt: skip
        value = prepared.values.get(name)
        if name == "mobile" and value is None:
            return
        if value is not None and str(value) != self._value(name):
            self._set_value(name, value.isoformat() if isinstance(value, date) else value)


def _initial(record: CustomerRecord | None, key: str) -> Any:
    if record is None:
        return None
    if key.startswith("custom."):
        return record.custom.get(key.removeprefix("custom."))
    if key == "age":
        return None
    if key == "consent_channel":
        return "counter"
    if key == "birth_date":
        return record.birth_date.isoformat() if record.birth_date else None
    return getattr(record, key)
