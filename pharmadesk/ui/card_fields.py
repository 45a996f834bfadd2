"""The recognised values of one card as editable fields, each beside the area it was read
from, with what needs a look in colour and in words, and a tick for each health field.

The checks are the reader's own (reading.reasons_for), run again as the person types: a
value typed by a person is no longer a guess of the recogniser, but a stamp over its area
stays a stamp. Nothing here is saved; the check page reads `values()` when a card is
accepted.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QWidget,
)

from pharmadesk.io.cards.layout import FIELDS, HEALTH_FIELDS
from pharmadesk.io.cards.reading import FieldReading, reasons_for
from pharmadesk.ui.card_image import crop_pixmap
from pharmadesk.ui.card_reader import CardItem
from pharmadesk.ui.card_text import field_label, reasons_text

CROP_SIZE: Final = (240, 30)  # width, height on screen
ATTENTION: Final = "#fff1c2"  # a look is needed
WRONG: Final = "#ffd6d6"  # the value breaks the rules (mobile, date, gender)
REASON_COLOUR: Final = "#8a4b00"
# Fields whose change may make or unmake a duplicate of a customer on file.
KEY_FIELDS: Final = ("name", "mobile", "phone", "birth_date", "code")


class FieldRow:
    """One field: its name, the cut-out of the card, the value, its reasons (and a tick)."""

    def __init__(
        self, name: str, grid: QGridLayout, row: int, tick: tuple[str, str] | None
    ) -> None:
        self.name = name
        self.caption = QLabel(field_label(name))
        self.crop = QLabel()
        self.crop.setFixedSize(*CROP_SIZE)
        self.crop.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.edit = QLineEdit()
        self.edit.setObjectName(f"card_{name}")
        self.edit.setMinimumWidth(150)
        self.caption.setBuddy(self.edit)
        self.reason = QLabel()
        self.reason.setObjectName(f"reason_{name}")
        self.reason.setWordWrap(True)
        self.reason.setStyleSheet(f"color: {REASON_COLOUR}; font-size: small")
        self.reason.hide()
        self.tick: QCheckBox | None = None
        grid.addWidget(self.caption, 2 * row, 0)
        grid.addWidget(self.crop, 2 * row, 1)
        grid.addWidget(self.edit, 2 * row, 2)
        if tick is not None:
            self.tick = QCheckBox(tick[0])
            self.tick.setObjectName(f"confirm_{name}")
            self.tick.setToolTip(tick[1])
            grid.addWidget(self.tick, 2 * row, 3)
        grid.addWidget(self.reason, 2 * row + 1, 2, 1, 2)
        self.reasons: list[str] = []

    def widgets(self) -> list[QWidget]:
        return [self.edit] if self.tick is None else [self.edit, self.tick]

    def show_reasons(self, reasons: list[str]) -> None:
        self.reasons = reasons
        text = reasons_text(self.name, self.edit.text(), reasons) if reasons else ""
        colour = WRONG if "invalid" in reasons else ATTENTION if reasons else ""
        self.edit.setStyleSheet(f"QLineEdit {{ background: {colour} }}" if colour else "")
        self.edit.setToolTip(text)
        self.reason.setText(text)
        self.reason.setVisible(bool(text))


class FieldsPanel(QWidget):
    """`show_card(item)` fills the fields; `values()` and `confirmed()` read them back.

    `on_focus(name)` is told which field has the keyboard (the image outlines its area),
    `on_changed()` of every edit or tick, `on_key_edit()` when a field that decides
    duplicates changed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item: CardItem | None = None
        self.on_focus: Callable[[str], None] | None = None
        self.on_key_edit: Callable[[], None] | None = None
        self.on_changed: Callable[[], None] | None = None
        grid = QGridLayout(self)
        grid.setColumnStretch(2, 1)
        grid.setVerticalSpacing(2)
        tick = (
            self.tr("Checked"),
            self.tr("Health data: tick once you have compared it with the card"),
        )
        self.rows = {
            name: FieldRow(name, grid, row, tick if name in HEALTH_FIELDS else None)
            for row, name in enumerate(FIELDS)
        }
        grid.setRowStretch(2 * len(FIELDS), 1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        for row in self.rows.values():
            row.edit.textEdited.connect(lambda _=None, r=row: self._edited(r))
            if row.tick is not None:
                row.tick.toggled.connect(lambda on, r=row: self._ticked(r, on))

    def focus_widgets(self) -> list[QWidget]:
        """In Tab order: each field, a health field's tick right after it."""
        return [widget for row in self.rows.values() for widget in row.widgets()]

    def field_of(self, widget: QObject) -> str | None:
        for name, row in self.rows.items():
            if widget in row.widgets():
                return name
        return None

    def show_card(self, item: CardItem | None) -> None:
        self.item = item
        page = item.page if item is not None else None
        for name, row in self.rows.items():
            found = item.reading.fields.get(name) if item and item.reading else None
            row.edit.setText(item.values.get(name, "") if item else "")
            row.edit.setCursorPosition(0)
            row.edit.setEnabled(page is not None)
            if page is not None and found is not None:
                row.crop.setPixmap(crop_pixmap(page.image, found.box, width=CROP_SIZE[0],
                                               height=CROP_SIZE[1]))  # fmt: skip
            else:
                row.crop.clear()
            if row.tick is not None:
                row.tick.blockSignals(True)  # showing a card is not ticking it
                row.tick.setChecked(item is not None and name in item.confirmed)
                row.tick.blockSignals(False)
                row.tick.setEnabled(page is not None)
            self._check(row)

    def values(self) -> dict[str, str]:
        return {name: row.edit.text().strip() for name, row in self.rows.items()}

    def unticked(self) -> list[str]:
        return [name for name, row in self.rows.items() if row.tick and not row.tick.isChecked()]

    def box_of(self, name: str) -> tuple[int, int, int, int] | None:
        item = self.item
        found = item.reading.fields.get(name) if item and item.reading else None
        return found.box if found is not None else None

    def boxes(self) -> list[tuple[int, int, int, int]]:
        return [box for name in FIELDS if (box := self.box_of(name)) is not None]

    def attention(self) -> list[str]:
        return [name for name, row in self.rows.items() if row.reasons]

    def refresh_reasons(self) -> None:
        """Again, e.g. when a duplicate on file was found or gone."""
        for row in self.rows.values():
            self._check(row)

    def _edited(self, row: FieldRow) -> None:
        if self.item is not None:
            self.item.values[row.name] = row.edit.text()
        self._check(row)
        if self.on_changed is not None:
            self.on_changed()
        if row.name in KEY_FIELDS and self.on_key_edit is not None:
            self.on_key_edit()

    def _ticked(self, row: FieldRow, on: bool) -> None:
        if self.item is None:
            return
        if on:
            self.item.confirmed.add(row.name)
        else:
            self.item.confirmed.discard(row.name)
        if self.on_changed is not None:
            self.on_changed()

    def _check(self, row: FieldRow) -> None:
        item = self.item
        if item is None or item.reading is None:
            row.show_reasons([])
            return
        value = row.edit.text()
        found = item.reading.fields.get(row.name)
        read = found.value if found is not None else ""
        # A value typed by a person is sure; a stamp over its area is still there.
        score = found.score if found is not None and value == read else 1.0
        box = found.box if found is not None else None
        reasons = reasons_for(
            row.name, FieldReading(row.name, value, score, box), item.reading.page.image
        )
        if row.name == "name" and item.on_file:
            reasons.append("duplicate")
        row.show_reasons(reasons)
