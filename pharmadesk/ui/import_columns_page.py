"""Step 2 of the import wizard: the heading row, what each column holds, and templates."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from pharmadesk.errors import PharmaDeskError
from pharmadesk.io import mapping
from pharmadesk.io.files import RawRow, RawTable
from pharmadesk.services import custom_fields, settings
from pharmadesk.services.custom_fields import FieldDef
from pharmadesk.ui.import_page import _Page, keyboard_back
from pharmadesk.ui.import_text import column_letters, error_text, shown, target_label

if TYPE_CHECKING:
    from pharmadesk.ui.import_wizard import ImportWizard

TEMPLATES_KEY = "import.templates"
NEW_FIELD = "new-custom-field"  # the data of the combo item that defines a field
SAMPLE_ROWS = 200  # rows below the heading that mapping and samples look at
SAMPLES = 3


def header_index(rows: Sequence[RawRow], number: int) -> int:
    """The position of the last row numbered `number` or less (CSV records may span lines)."""
    found = 0
    for position, row in enumerate(rows):
        if row.number > number:
            break
        found = position
    return found


def guessed_header(rows: Sequence[RawRow]) -> int:
    guess = mapping.find_header([row.cells for row in rows[: mapping.HEADER_SEARCH_ROWS]])
    if guess is not None:
        return guess.index
    return next((i for i, row in enumerate(rows) if row.cells), 0)


def samples(body: Sequence[RawRow], column: int) -> list[tuple[int, str]]:
    """The first few non-empty values of a column, each with its row's number: the rows
    differ from column to column (a sparse column's first allergy may be the fifth row's),
    so no value is read as belonging to the name beside it."""
    found: list[tuple[int, str]] = []
    for row in body:
        if column < len(row.cells) and shown(row.cells[column]).strip():
            found.append((row.number, shown(row.cells[column])))
            if len(found) == SAMPLES:
                break
    return found


GOES_TO_EMS = 14  # the room kept for the "Goes to" choices before the text columns shrink


def fitted(widths: Sequence[int], room: int) -> list[int]:
    """`widths` cut down, the widest first, until they add up to at most `room`: the
    narrow columns keep their width, the wide ones share what is left equally."""
    cap, left = None, room
    for position, width in enumerate(sorted(widths)):
        share = left // (len(widths) - position)
        if width > share:
            cap = share
            break
        left -= width
    return list(widths) if cap is None else [min(width, cap) for width in widths]


class ColumnsPage(_Page):
    HEADINGS = 1 + SAMPLES + 1

    def __init__(self, importer: ImportWizard) -> None:
        super().__init__(importer)
        self.setTitle(self.tr("Match the columns"))
        self.setSubTitle(
            self.tr("Choose what each column holds. The heading row was found automatically.")
        )
        self.status.setObjectName("mappingHint")
        self.header_row = QSpinBox()
        self.header_row.setObjectName("headerRow")
        self.template = QComboBox()
        self.template.setObjectName("templateCombo")
        # Wide enough for "(none)" and a template's name, not cut to a few pixels.
        self.template.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.template.setMinimumContentsLength(12)
        self.save_template = QPushButton(self.tr("Save as te&mplate…"))
        self.save_template.setObjectName("saveTemplate")
        self.save_template.setAutoDefault(False)
        self.columns = self._columns_table()
        self._natural: list[int] = []  # the text columns' widths as their contents ask
        self.columns.viewport().installEventFilter(self)  # its Resize comes once it is resized
        self.fields: list[FieldDef] = []
        self._table_seen: RawTable | None = None
        self._lay_out()
        self.header_row.valueChanged.connect(self._header_moved)
        self.template.activated.connect(self._apply_template)
        self.save_template.clicked.connect(self._save_template)

    def _columns_table(self) -> QTableWidget:
        table = QTableWidget(0, self.HEADINGS)
        table.setObjectName("columnTable")
        titles = [self.tr("Column heading")]
        titles += [self.tr("Example %1").replace("%1", str(n + 1)) for n in range(SAMPLES)]
        table.setHorizontalHeaderLabels([*titles, self.tr("Goes to")])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Tab walks the target combos, not the cells.
        table.setTabKeyNavigation(False)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        table.verticalHeader().hide()
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        heading = QLabel(self.tr("Heading &row:"))
        heading.setBuddy(self.header_row)
        template = QLabel(self.tr("&Template:"))
        template.setBuddy(self.template)
        for widget in (heading, self.header_row, template, self.template, self.save_template):
            top.addWidget(widget)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.columns, 1)
        layout.addWidget(self.status)

    def initializePage(self) -> None:
        table = self.importer.table
        if table is None or table is self._table_seen:
            self._update_hint()  # back from the preview: the user's choices stay
            return
        self._table_seen = table
        self.fields = custom_fields.list_fields(self.importer.ctx)
        self._fill_templates()
        self.header_row.blockSignals(True)
        self.header_row.setRange(table.rows[0].number, table.rows[-1].number)
        self.header_row.setValue(table.rows[guessed_header(table.rows)].number)
        self.header_row.blockSignals(False)
        self._header_moved()

    def ready(self) -> bool:
        return "name" in self.importer.mapping.values()

    # the heading row and the targets

    def headers(self) -> tuple[object, ...]:
        table = self.importer.table
        return table.rows[self.importer.header_index].cells if table else ()

    def body(self) -> list[RawRow]:
        table, start = self.importer.table, self.importer.header_index + 1
        return table.rows[start : start + SAMPLE_ROWS] if table else []

    def _header_moved(self) -> None:
        table = self.importer.table
        if table is None:
            return
        self.importer.header_index = header_index(table.rows, self.header_row.value())
        body = [row.cells for row in self.body()]
        self._set_mapping(mapping.auto_mapping(self.headers(), body))

    def _set_mapping(self, chosen: dict[int, str], focus: int | None = None) -> None:
        width = max([len(self.headers()), *(len(row.cells) for row in self.body())])
        known = {target for _, target in self.choices()} - {NEW_FIELD}

        def target(column: int) -> str:
            wanted = chosen.get(column, mapping.IGNORE)
            return wanted if wanted in known else mapping.IGNORE  # e.g. a retired field

        self.importer.mapping = {column: target(column) for column in range(width)}
        self._fill(focus)

    def choices(self) -> list[tuple[str, str]]:
        """(label, target) of every item of a target combo, in order."""
        found = [(self.tr("Ignore"), mapping.IGNORE), (target_label(mapping.NOTES), mapping.NOTES)]
        found += [(target_label(t), t) for t in mapping.TARGETS if t != mapping.NOTES]
        found += [
            (self.tr("Custom field: %1").replace("%1", f.label), f"custom:{f.key}")
            for f in self.fields
        ]
        return [*found, (self.tr("New custom field…"), NEW_FIELD)]

    def _fill(self, focus: int | None = None) -> None:
        headers, body = self.headers(), self.body()
        choices = self.choices()
        self.columns.setRowCount(0)
        self.columns.setRowCount(len(self.importer.mapping))
        for column, target in self.importer.mapping.items():
            heading = shown(headers[column]) if column < len(headers) else ""
            heading = heading or self.tr("(column %1)").replace("%1", column_letters(column))
            texts = [heading] + [
                self.tr("%1 (row %2)").replace("%1", text).replace("%2", str(number))
                for number, text in samples(body, column)
            ]
            for position, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.columns.setItem(column, position, item)
            self.columns.setCellWidget(
                column, self.HEADINGS - 1, self._combo(column, target, choices)
            )
        self.columns.resizeColumnsToContents()
        self._natural = [self.columns.columnWidth(c) for c in range(self.HEADINGS - 1)]
        self._fit_columns()
        if focus is not None and focus < self.columns.rowCount():
            self.combo(focus).setFocus()
        self._update_hint()

    def combo(self, column: int) -> QComboBox:
        widget = self.columns.cellWidget(column, self.HEADINGS - 1)
        assert isinstance(widget, QComboBox)
        return widget

    def _combo(self, column: int, target: str, choices: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(f"target{column}")
        for text, data in choices:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(combo.findData(target), 0))
        combo.setProperty("column", column)
        combo.installEventFilter(self)
        combo.activated.connect(lambda _=0, c=column: self._target_chosen(c))
        return combo

    def _fit_columns(self) -> None:
        # A long value (a whole card read as the heading row, a note) must not push the
        # "Goes to" choices out of sight: the text columns share the width left beside
        # them, each cell whole in its tooltip.
        table = self.columns
        room = table.viewport().width() - table.fontMetrics().horizontalAdvance("M") * GOES_TO_EMS
        least = table.fontMetrics().horizontalAdvance("M") * 4 * len(self._natural)
        for position, width in enumerate(fitted(self._natural, max(room, least))):
            table.setColumnWidth(position, width)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.columns.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        # Tab moves through the combos: keep the one with the focus in sight.
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QComboBox):
            row = watched.property("column")
            if isinstance(row, int):
                self.columns.scrollTo(self.columns.model().index(row, self.HEADINGS - 1))
        return super().eventFilter(watched, event)

    def _target_chosen(self, column: int) -> None:
        target = self.combo(column).currentData()
        if target != NEW_FIELD:
            self.importer.mapping[column] = target
            self._update_hint()
            return
        created = self._new_field()
        if isinstance(created, FieldDef):
            self.fields.append(created)
            self.importer.mapping[column] = f"custom:{created.key}"
        self._fill(focus=column)  # every combo offers the new field (or shows the old target)
        if isinstance(created, str):
            self.status.setText(created)

    def _new_field(self) -> FieldDef | str | None:
        """A new text field, or why it could not be made (None: the user changed their mind)."""
        label = self.ask_text(self.tr("New custom field"), self.tr("Label of the new text field:"))
        if not label:
            return None
        try:
            return custom_fields.define(self.importer.ctx, label, kind="text")
        except PharmaDeskError as exc:  # PermissionRefused: only the owner shapes the form
            return error_text(exc)

    def ask_text(self, title: str, label: str, text: str | None = None) -> str:
        """What the user typed ("" if cancelled); the keyboard comes back to the wizard."""
        before = self.focusWidget()
        answer, ok = QInputDialog.getText(self, title, label, text=text or "")
        keyboard_back(before or self)
        return answer.strip() if ok else ""

    def _update_hint(self) -> None:
        if self.ready():
            self.status.setText(self.tr("Columns set to Ignore are left out."))
        else:
            self.status.setText(
                self.tr("Choose the column that holds the names: a customer needs one.")
            )
        self.refresh()

    # templates

    def templates(self) -> dict[str, dict[str, str]]:
        found = settings.get(self.importer.ctx, TEMPLATES_KEY, {})
        return found if isinstance(found, dict) else {}

    def _fill_templates(self, current: str | None = None) -> None:
        self.template.clear()
        self.template.addItem(self.tr("(none)"), None)
        for name in sorted(self.templates()):
            self.template.addItem(name, name)
        self.template.setCurrentIndex(max(self.template.findData(current), 0))

    def _apply_template(self) -> None:
        name = self.template.currentData()
        saved = self.templates().get(name) if name else None
        if saved is None:
            return
        self._set_mapping(mapping.apply_template(self.headers(), saved))
        self.status.setText(self.tr("Template “%1” applied.").replace("%1", name))

    def _save_template(self) -> None:
        name = self.ask_text(
            self.tr("Save as template"), self.tr("Template name:"), self.template.currentData()
        )
        if not name:
            return
        saved = self.templates()
        saved[name] = mapping.as_template(self.headers(), self.importer.mapping)
        try:
            settings.put(self.importer.ctx, TEMPLATES_KEY, saved)
        except PharmaDeskError as exc:
            self.status.setText(error_text(exc))
            return
        self._fill_templates(current=name)
        self.status.setText(self.tr("Template “%1” saved.").replace("%1", name))
