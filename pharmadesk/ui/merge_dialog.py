"""Merge customers side by side: per field, which record's value survives.

One column per record. The top row chooses which record survives (its id and member code
stay); each field row has a radio per record holding its value, the default chosen
(services/merge_preview.py: the most recently verified record's value). Choosing another record
to keep makes its values the default of every field not chosen by hand. Allergies and chronic
conditions can keep every record's value together, the default when they differ. Below,
what moves to the survivor and what the consents become. Merge asks for confirmation with
a summary, and says the merge can be undone from the customer's merge history.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from pharmadesk.errors import PermissionRefused, PharmaDeskError
from pharmadesk.services import merge
from pharmadesk.services.context import Context
from pharmadesk.ui import labels
from pharmadesk.ui.import_text import error_text

COMBINED = "combined"  # the choice key of "all the values together"
EMPTY = "—"


def value_text(name: str, value: Any) -> str:
    """A field's value as the dialog shows it."""
    if isinstance(value, merge.Birth):
        if value.date:
            return value.date
        if value.year is None:
            return EMPTY
        return QCoreApplication.translate("MergeDialog", "%1 (year only)").replace(
            "%1", str(value.year)
        )
    if isinstance(value, merge.Guardian):
        parts = [p for p in (value.name, value.mobile) if p]
        return " · ".join(parts) if parts else EMPTY
    if name == "gender":
        return labels.gender(value) or EMPTY
    return EMPTY if value in (None, "") else str(value)


def field_label(item: merge.FieldChoice) -> str:
    if item.label is not None:
        return item.label
    if item.name == "birth":
        return labels.field("birth_date")
    if item.name == "guardian":
        return labels.field("guardian_name")
    return labels.field(item.name)


def refusal_text(error: PharmaDeskError) -> str:
    if isinstance(error, PermissionRefused):
        return QCoreApplication.translate(
            "MergeDialog", "Staff cannot merge customers: a pharmacist or the owner can."
        )
    return error_text(error)


class MergeDialog(QDialog):
    """After `accept()`: `merge_result` holds the merge (services.merge.MergeResult)."""

    def __init__(self, ctx: Context, ids: Sequence[int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.merge_result: merge.MergeResult | None = None
        self.setWindowTitle(self.tr("Merge customers"))
        self.preview = merge.preview(ctx, list(ids))
        self.ids = [side.id for side in self.preview.records]
        self.survivor_group = QButtonGroup(self)
        self.survivor_buttons: dict[int, QRadioButton] = {}
        self.choice_groups: dict[str, QButtonGroup] = {}
        self.choice_buttons: dict[str, dict[int | str, QRadioButton]] = {}
        self.chosen_by_hand: set[str] = set()  # fields the user chose: a new survivor keeps them
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Choose the record that stays and, for each field, the value it keeps. "
                "Purchases, interactions, points and consents all move to it."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self._grid())
        layout.addWidget(scroll, 1)
        self.moves_label = QLabel()
        self.moves_label.setObjectName("mergeMoves")
        self.moves_label.setWordWrap(True)
        layout.addWidget(self.moves_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = QPushButton(self.tr("&Merge…"))
        self.merge_button.setDefault(True)
        self.buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.confirm_and_merge)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.survivor_group.idToggled.connect(self._survivor_toggled)
        self._show_moves()
        self.resize(max(560, 220 + 260 * len(self.ids)), 640)
        self.survivor_buttons[self.preview.survivor_id].setFocus()

    # -- building ---------------------------------------------------------------------

    def _grid(self) -> QWidget:
        box = QWidget()
        grid = QGridLayout(box)
        grid.setColumnStretch(0, 0)
        for column, side in enumerate(self.preview.records, start=1):
            grid.setColumnStretch(column, 1)
            grid.addWidget(self._survivor_radio(side), 0, column)
            facts = QLabel(self._facts(side))
            facts.setWordWrap(True)
            grid.addWidget(facts, 1, column, Qt.AlignmentFlag.AlignTop)
        keep = QLabel(self.tr("Keep record"))
        grid.addWidget(keep, 0, 0)
        row = 2
        for item in self.preview.fields:
            if all(_blank(v) for v in item.values.values()):
                continue
            grid.addWidget(QLabel(field_label(item)), row, 0, Qt.AlignmentFlag.AlignTop)
            self._choice_row(grid, row, item)
            row += 1
        grid.addWidget(QLabel(self.tr("Consents")), row, 0, Qt.AlignmentFlag.AlignTop)
        consents = QLabel(self._consents_text())
        consents.setObjectName("mergeConsents")
        consents.setWordWrap(True)
        grid.addWidget(consents, row, 1, 1, len(self.ids))
        grid.setRowStretch(row + 1, 1)
        return box

    def _survivor_radio(self, side: merge.Side) -> QRadioButton:
        button = QRadioButton(f"#{side.id} {side.code or ''}".strip())
        button.setObjectName(f"survivor{side.id}")
        self.survivor_group.addButton(button, side.id)
        self.survivor_buttons[side.id] = button
        button.setChecked(side.id == self.preview.survivor_id)
        return button

    def _facts(self, side: merge.Side) -> str:
        verified = side.last_verified_at.date().isoformat() if side.last_verified_at else EMPTY
        lines = [
            self.tr("Registered %1").replace("%1", side.created_at.date().isoformat()),
            self.tr("Last confirmed %1").replace("%1", verified),
            self.tr("%Ln purchase line(s)", "", side.purchases),
            self.tr("%Ln point(s)", "", side.points),
        ]
        return "\n".join(lines)

    def _choice_row(self, grid: QGridLayout, row: int, item: merge.FieldChoice) -> None:
        group = QButtonGroup(self)
        # Clicks and arrow keys only: the defaults set in code do not count as chosen.
        group.buttonClicked.connect(lambda _b, name=item.name: self.chosen_by_hand.add(name))
        self.choice_groups[item.name] = group
        buttons: dict[int | str, QRadioButton] = {}
        for column, customer_id in enumerate(self.ids, start=1):
            value = item.values.get(customer_id)
            button = QRadioButton(value_text(item.name, value))
            button.setEnabled(not _blank(value))
            button.setToolTip(button.text())
            group.addButton(button)
            buttons[customer_id] = button
            grid.addWidget(button, row, column, Qt.AlignmentFlag.AlignTop)
        if item.combined is not None:
            both = QRadioButton(self.tr("All: %1").replace("%1", item.combined))
            both.setToolTip(both.text())
            group.addButton(both)
            buttons[COMBINED] = both
            grid.addWidget(both, row, len(self.ids) + 1, Qt.AlignmentFlag.AlignTop)
        default: int | str | None = COMBINED if item.combined is not None else item.default_source
        if default in buttons:
            buttons[default].setChecked(True)
        self.choice_buttons[item.name] = buttons

    def _consents_text(self) -> str:
        parts = []
        for purpose, status in self.preview.consents.items():
            parts.append(f"{labels.purpose(purpose)}: {labels.consent(status) or EMPTY}")
        note = self.tr("(the newest record of each purpose counts)")
        return "\n".join([*parts, note])

    # -- choosing ---------------------------------------------------------------------

    def survivor_id(self) -> int:
        return self.survivor_group.checkedId()

    def choices(self) -> dict[str, merge.Choice]:
        out: dict[str, merge.Choice] = {}
        for item in self.preview.fields:
            buttons = self.choice_buttons.get(item.name)
            if not buttons:
                continue
            for key, button in buttons.items():
                if button.isChecked():
                    out[item.name] = item.combined if key == COMBINED else key
        return out

    def _moving(self) -> dict[str, int]:
        others = [s for s in self.preview.records if s.id != self.survivor_id()]
        return {
            "purchases": sum(s.purchases for s in others),
            "interactions": sum(s.interactions for s in others),
            "points": sum(s.points for s in others),
            "consents": sum(s.consents for s in others),
            "register": sum(s.register_lines for s in others),
        }

    def moves_text(self) -> str:
        moving = self._moving()
        text = self.tr("Moving to the record kept: %1, %2, %3 and %4.")
        parts = (
            self.tr("%Ln purchase line(s)", "", moving["purchases"]),
            self.tr("%Ln interaction(s)", "", moving["interactions"]),
            self.tr("%Ln point(s)", "", moving["points"]),
            self.tr("%Ln consent record(s)", "", moving["consents"]),
        )
        for number, part in enumerate(parts, start=1):
            text = text.replace(f"%{number}", part)
        if moving["register"]:
            text += " " + self.tr(
                "%Ln real-name register line(s) stay with the record they were written on.",
                "",
                moving["register"],
            )
        return text

    def _show_moves(self) -> None:
        self.moves_label.setText(self.moves_text())

    def _survivor_toggled(self, customer_id: int, checked: bool) -> None:
        if checked:
            self._default_to(customer_id)
        self._show_moves()

    def _default_to(self, survivor: int) -> None:
        """The fields not chosen by hand take the record kept's value where it has one (else
        the default); all the values together stays where that is the default."""
        for item in self.preview.fields:
            buttons = self.choice_buttons.get(item.name)
            if not buttons or item.name in self.chosen_by_hand or item.combined is not None:
                continue
            own = not _blank(item.values.get(survivor))
            target = survivor if own else item.default_source
            if target in buttons:
                buttons[target].setChecked(True)

    def code_change_text(self) -> str:
        """What happens to the member code of the record kept ("" when it stays as it is)."""
        item = next((f for f in self.preview.fields if f.name == "code"), None)
        if item is None:
            return ""
        survivor = self.survivor_id()
        current = self.preview.side(survivor).code
        choice = self.choices().get("code")
        new = item.values.get(choice) if isinstance(choice, int) else None
        if not new or new == current:
            return ""
        if current:
            text = self.tr(
                "The member code changes from %1 to %2: %1 will no longer find this customer."
            )
            return text.replace("%1", current).replace("%2", str(new))
        return self.tr("The record kept takes the member code %1.").replace("%1", str(new))

    # -- merging ----------------------------------------------------------------------

    def _chosen_name(self) -> str:
        choice = self.choices().get("name")
        item = next(f for f in self.preview.fields if f.name == "name")
        if isinstance(choice, int):
            return str(item.values.get(choice) or "")
        return str(choice or "")

    def confirm_and_merge(self) -> None:
        survivor = self.survivor_id()
        others = [i for i in self.ids if i != survivor]
        text = self.tr("Merge %Ln other record(s) into %1 (#%2)?", "", len(others))
        text = text.replace("%1", self._chosen_name()).replace("%2", str(survivor))
        code = self.code_change_text()
        if code:
            text += "\n\n" + code
        text += "\n\n" + self.moves_text() + "\n\n" + self.tr(
            "The other records are hidden, not deleted: the merge can be undone from this "
            "customer's merge history."
        )  # fmt: skip
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Merge customers"), text,
                          parent=self)  # fmt: skip
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Merge"))
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        if box.exec() != QMessageBox.StandardButton.Yes:
            return
        try:
            self.merge_result = merge.merge(self.ctx, survivor, others, self.choices())
        except PharmaDeskError as exc:
            QMessageBox.warning(self, self.tr("Merge customers"), refusal_text(exc))
            return
        self.accept()


def _blank(value: Any) -> bool:
    if isinstance(value, merge.Birth):
        return value.date is None and value.year is None
    if isinstance(value, merge.Guardian):
        return not value.name and not value.mobile
    return value in (None, "")
