"""The import wizard: a card file in four steps (file, columns, preview, import).

Reading the file, planning the import and writing it run in the BackgroundRunner; the pages
only show what comes back. Nothing is written before the last page, and what it writes is
one batch that the import history can undo. The main window runs
`ImportWizard(ctx, runner, parent)` and, if `imported_batch` is set, refreshes its counts.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from pharmadesk.errors import PharmaDeskError
from pharmadesk.io import customer_import, files, import_batches, mapping, report
from pharmadesk.io.customer_import import ImportCancelled, ImportPlan, RowPlan
from pharmadesk.io.files import RawRow, RawTable
from pharmadesk.io.reasons import localize
from pharmadesk.services import custom_fields, settings
from pharmadesk.services.context import Context
from pharmadesk.services.custom_fields import FieldDef
from pharmadesk.ui import labels
from pharmadesk.ui.models import _TableModel
from pharmadesk.ui.tables import size_columns, table_view
from pharmadesk.ui.tasks import BackgroundRunner, Failure, Job, Success

Index = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole
TEMPLATES_KEY = "import.templates"
NEW_FIELD = "new-custom-field"  # the data of the combo item that defines a field
SAMPLE_ROWS = 200  # rows below the heading that mapping and samples look at
SAMPLES = 3
REASON_SAMPLES = ("99999", "Rejected", "merged into row 1234 (same name and birth date)")
PROGRESS_MS = 50
log = logging.getLogger(__name__)
FILE_FILTER = QT_TRANSLATE_NOOP("ImportWizard", "Spreadsheets (*.xlsx *.xls *.ods *.csv)")
OUTCOME_NAMES = {
    "imported": QT_TRANSLATE_NOOP("ImportWizard", "Imported"),
    "merged": QT_TRANSLATE_NOOP("ImportWizard", "Merged"),
    "flagged": QT_TRANSLATE_NOOP("ImportWizard", "Flagged"),
    "skipped": QT_TRANSLATE_NOOP("ImportWizard", "Skipped"),
    "rejected": QT_TRANSLATE_NOOP("ImportWizard", "Rejected"),
}
COUNT = QT_TRANSLATE_NOOP("ImportWizard", "%1: %2")  # an outcome and its number of rows
# Targets the form has no label for (labels.field names the others).
EXTRA_TARGETS = {
    "registered_on": QT_TRANSLATE_NOOP("ImportWizard", "Registration date (to notes)"),
    "points": QT_TRANSLATE_NOOP("ImportWizard", "Points (opening balance)"),
    "last_purchase": QT_TRANSLATE_NOOP("ImportWizard", "Last purchase date"),
    "purchase_count": QT_TRANSLATE_NOOP("ImportWizard", "Number of purchases (to notes)"),
    "rating": QT_TRANSLATE_NOOP("ImportWizard", "Feedback rating (to notes)"),
}


def _translate(text: object) -> str:
    """A QT_TRANSLATE_NOOP text of this module in the UI language."""
    return QCoreApplication.translate("ImportWizard", str(text))


def outcome_label(outcome: str) -> str:
    """An import outcome (imported, merged …) in the UI language."""
    return _translate(OUTCOME_NAMES[outcome]) if outcome in OUTCOME_NAMES else outcome


def target_label(target: str) -> str:
    if target in EXTRA_TARGETS:
        return _translate(EXTRA_TARGETS[target])
    return labels.field(target)


def shown(value: object) -> str:
    """A cell as the spreadsheet shows it (whole numbers without ".0", dates as ISO)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def column_letters(column: int) -> str:
    """0 -> A, 26 -> AA: how a spreadsheet names a column."""
    name, number = "", column + 1
    while number > 0:
        number, rest = divmod(number - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


def report_language() -> str:
    return "zh_CN" if QLocale().name().startswith("zh") else "en"


def keyboard_back(widget: QWidget) -> None:
    """After a modal dialog: the wizard is the active window again, `widget` has the keys."""
    widget.window().activateWindow()
    if widget.isVisible():
        widget.setFocus(Qt.FocusReason.OtherFocusReason)


def _open_file(path: Path) -> tuple[list[str], RawTable]:
    """Runs in the worker: the sheets to choose from and the first one's rows."""
    names = files.sheet_names(path)
    return names, files.read_table(path, sheet=names[0] if names else None)


class _Page(QWizardPage):
    """A page of the import wizard, with a line for what is going on or went wrong."""

    def __init__(self, importer: ImportWizard) -> None:
        super().__init__()
        # Not a strong reference: a wizard <-> page cycle would leave the wizard to Python's
        # cyclic GC, which may run in the worker thread and delete a widget there.
        self._importer = weakref.ref(importer)
        self.ticket: int | None = None
        # Next and Finish follow this hidden mandatory field (see `refresh`).
        self._ready = QLineEdit(self)
        self._ready.hide()
        self._ready.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # QWizard focuses the first taker
        self.registerField(f"{type(self).__name__}Ready*", self._ready)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    @property
    def importer(self) -> ImportWizard:
        wizard = self._importer()
        assert wizard is not None, "a page outlived its wizard"
        return wizard

    def ready(self) -> bool:
        """May the user go on from this page?"""
        return True

    def refresh(self) -> None:
        """Enable or disable Next (or Finish) as `ready()` says.

        Through a mandatory field, not by emitting completeChanged: PySide6 6.12 loses a
        reference to True on every emit() made from Python, and the app dies when it runs out.
        """
        self._ready.setText("1" if self.ready() else "")

    def cleanupPage(self) -> None:
        # Leaving by Back keeps what the page holds (Qt's default would reset its fields).
        self.refresh()

    def run(self, job: Job, on_success: Success) -> None:
        """Run `job` in the worker; only the latest job's result is wanted."""
        self.drop_job()
        self.ticket = self.importer.submit(job, self._finished(on_success), self._failed)

    def drop_job(self) -> None:
        if self.ticket is not None:
            self.importer.forget(self.ticket)
            self.ticket = None

    def busy(self) -> bool:
        return self.ticket is not None

    def _finished(self, on_success: Success) -> Success:
        def done(result: Any) -> None:
            self.ticket = None
            on_success(result)
            self.refresh()

        return done

    def _failed(self, error: BaseException) -> None:
        self.ticket = None
        if not isinstance(error, PharmaDeskError):
            log.error("import wizard: unexpected error", exc_info=error)
        self.show_error(error)
        self.refresh()

    def show_error(self, error: BaseException) -> None:
        if isinstance(error, PharmaDeskError):
            self.status.setText(error.message)
        else:
            self.status.setText(self.tr("Unexpected error; the log has the details."))


# --- Step 1: the file --------------------------------------------------------------------


class FilePage(_Page):
    def __init__(self, importer: ImportWizard, start_path: Path | None) -> None:
        super().__init__(importer)
        self.setTitle(self.tr("Choose the file"))
        self.setSubTitle(self.tr("A spreadsheet of paper cards: .xlsx, .xls, .ods or .csv."))
        self.status.setObjectName("fileMessage")
        self.path = QLineEdit()
        self.path.setObjectName("importPath")
        self.browse = QPushButton(self.tr("B&rowse…"))
        self.browse.setAutoDefault(False)
        self.sheet = QComboBox()
        self.sheet.setObjectName("importSheet")
        self.sheet_label = QLabel(self.tr("S&heet:"))
        self.sheet_label.setBuddy(self.sheet)
        self.loaded: tuple[str, str | None] | None = None  # the path and sheet read
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(400)
        self._debounce.timeout.connect(self.load)
        self._lay_out()
        self.path.textEdited.connect(self._edited)
        self.path.returnPressed.connect(self._return_pressed)
        self.browse.clicked.connect(self._browse)
        self.sheet.activated.connect(self._sheet_chosen)
        self._show_sheets([])
        if start_path is not None:
            self.path.setText(str(start_path))
            self.load()

    def _lay_out(self) -> None:
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        label = QLabel(self.tr("&Spreadsheet:"))
        label.setBuddy(self.path)
        form = QFormLayout()
        form.addRow(label, row)
        form.addRow(self.sheet_label, self.sheet)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addStretch(1)

    def ready(self) -> bool:
        return self.importer.table is not None and not self.busy()

    def chosen(self) -> Path | None:
        text = self.path.text().strip()
        return Path(text) if text else None

    def _edited(self) -> None:
        self._forget_table()
        self._debounce.start()

    def _return_pressed(self) -> None:
        # Enter on a file already read goes on to the next page (the default button).
        if self._debounce.isActive() or self.importer.table is None:
            self.load()

    def _browse(self) -> None:
        current = self.chosen()
        start = str(current.parent if current else Path.home())
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open a card file"), start, _translate(FILE_FILTER)
        )
        keyboard_back(self.path)
        if name:
            self.path.setText(name)
            self.load()

    def load(self) -> None:
        """Read the chosen file (its first sheet) in the worker."""
        self._debounce.stop()
        self._forget_table()
        self._show_sheets([])
        path = self.chosen()
        if path is None:
            self.status.clear()
            return
        self.status.setText(self.tr("Reading the file…"))
        self.run(lambda: _open_file(path), lambda found: self._opened(*found))

    def _sheet_chosen(self) -> None:
        path, name = self.chosen(), self.sheet.currentText()
        if path is None or self.loaded == (str(path), name):
            return
        self._forget_table()
        self.status.setText(self.tr("Reading the sheet…"))
        self.run(lambda: files.read_table(path, sheet=name), lambda table: self._read(table))

    def _forget_table(self) -> None:
        self.drop_job()
        self.importer.table = None
        self.loaded = None
        self.refresh()

    def _opened(self, names: list[str], table: RawTable) -> None:
        self._show_sheets(names)
        self._read(table)

    def _read(self, table: RawTable) -> None:
        self.importer.table = table
        self.loaded = (str(table.source), table.sheet)
        self.status.setText(self.tr("%Ln row(s) read.", "", len(table.rows)))

    def _show_sheets(self, names: list[str]) -> None:
        self.sheet.clear()
        self.sheet.addItems(names)
        several = len(names) > 1
        self.sheet.setVisible(several)
        self.sheet_label.setVisible(several)


# --- Step 2: the columns -----------------------------------------------------------------


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


def samples(body: Sequence[RawRow], column: int) -> list[str]:
    """The first few non-empty values of a column."""
    found: list[str] = []
    for row in body:
        if column < len(row.cells) and shown(row.cells[column]).strip():
            found.append(shown(row.cells[column]))
            if len(found) == SAMPLES:
                break
    return found


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
            texts = [heading, *samples(body, column)]
            for position, text in enumerate(texts):
                self.columns.setItem(column, position, QTableWidgetItem(text))
            self.columns.setCellWidget(
                column, self.HEADINGS - 1, self._combo(column, target, choices)
            )
        self.columns.resizeColumnsToContents()
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

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
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
            return exc.message

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
            self.status.setText(exc.message)
            return
        self._fill_templates(current=name)
        self.status.setText(self.tr("Template “%1” saved.").replace("%1", name))


# --- Step 3: the preview -----------------------------------------------------------------


class RowPlanTableModel(_TableModel):
    """The rows of a plan that are not simply imported, optionally of one outcome only."""

    def __init__(self) -> None:
        super().__init__()
        self._all: list[RowPlan] = []
        self._rows: list[RowPlan] = []
        self._outcome: str | None = None

    def headers(self) -> list[str]:
        return [self.tr("Row"), self.tr("Outcome"), self.tr("Reason"), self.tr("Row content")]

    def set_rows(self, rows: Sequence[RowPlan]) -> None:
        # An imported row with a reason was decided by hand: it stays in view, to change back.
        self._all = [row for row in rows if row.outcome != "imported" or row.reason]
        self._refilter()

    def row_at(self, position: int) -> RowPlan | None:
        return self._rows[position] if 0 <= position < len(self._rows) else None

    def set_outcome(self, outcome: str | None) -> None:
        self._outcome = outcome
        self._refilter()

    def _refilter(self) -> None:
        self.beginResetModel()
        wanted = self._outcome
        self._rows = [r for r in self._all if wanted is None or r.outcome == wanted]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or role != DISPLAY:
            return None
        row = self._rows[index.row()]
        column = index.column()
        if column == 0:
            return row.number
        if column == 1:
            return outcome_label(row.outcome)
        if column == 2:
            return localize(row.reason, report_language())
        return " | ".join(text for text in map(shown, row.cells) if text)


class PreviewPage(_Page):
    POLICIES = ("merge", "skip", "new")

    def __init__(self, importer: ImportWizard) -> None:
        super().__init__(importer)
        self.setTitle(self.tr("Check before importing"))
        self.setSubTitle(self.tr("Nothing has been written yet."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Import"))
        self.status.setObjectName("previewStatus")
        self.policy = QButtonGroup(self)
        self.counts = {outcome: QLabel() for outcome in customer_import.OUTCOMES}
        self.previous = QLabel()
        self.previous.setObjectName("previousWarning")
        self.previous.setWordWrap(True)
        self.previous.setStyleSheet("color: #b00020; font-weight: bold")
        self.again = QCheckBox(self.tr("Import it a&gain"))
        self.again.setObjectName("importAgain")
        self.outcome = QComboBox()
        self.outcome.setObjectName("outcomeFilter")
        self.model = RowPlanTableModel()
        self.model.setParent(self)  # Qt owns it: never deleted from the worker thread
        self.rows = table_view(self.model)
        self.rows.setObjectName("previewRows")
        self.rows.setTabKeyNavigation(False)  # Tab leaves the table for the buttons
        size_columns(self.rows, REASON_SAMPLES)
        # The user's decisions for single rows (row number -> merge, new or skip).
        self.overrides: dict[int, str] = {}
        self.decide = {
            "merge": QPushButton(self.tr("Merge this r&ow")),
            "new": QPushButton(self.tr("As a new &customer")),
            "skip": QPushButton(self.tr("Skip &this row")),
        }
        for action, button in self.decide.items():
            button.setObjectName(f"decide_{action}")
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, a=action: self._decide(a))
        # The selected row beside the row or customer it merges into (or is proposed for).
        self.comparison = QTableWidget(0, 3)
        self.comparison.setObjectName("comparison")
        self.comparison.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.comparison.verticalHeader().hide()
        self.comparison.horizontalHeader().setStretchLastSection(True)
        # Fixed row heights and a cap: the rows above keep most of the page.
        self.comparison.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.comparison.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.comparison.setMaximumHeight(self.fontMetrics().height() * 9)
        self.comparison.hide()
        self._lay_out()
        self.rows.selectionModel().currentRowChanged.connect(lambda now, _: self._compare(now))
        self.again.toggled.connect(self.refresh)
        self.outcome.currentIndexChanged.connect(
            lambda: self.model.set_outcome(self.outcome.currentData())
        )
        self._show_plan(None)

    def _policy_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("When a row is a customer already on file"))
        layout = QVBoxLayout(box)
        texts = (
            self.tr("&Merge: fill the customer's empty fields, never overwrite"),
            self.tr("&Keep the existing customer and skip the row"),
            self.tr("Create a new customer &anyway"),
        )
        for position, (policy, text) in enumerate(zip(self.POLICIES, texts, strict=True)):
            button = QRadioButton(text)
            button.setObjectName(f"policy_{policy}")
            button.setChecked(position == 0)
            self.policy.addButton(button, position)
            layout.addWidget(button)
        self.policy.idToggled.connect(self._policy_toggled)
        return box

    def _policy_toggled(self, _: int, checked: bool) -> None:
        if checked:
            self.replan()

    def _counts_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Rows"))
        form = QFormLayout(box)
        for outcome, label in self.counts.items():
            label.setObjectName(f"count_{outcome}")
            form.addRow(self.tr("%1:").replace("%1", outcome_label(outcome)), label)
        return box

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self._policy_box(), 1)
        top.addWidget(self._counts_box())
        show = QLabel(self.tr("&Show:"))
        show.setBuddy(self.outcome)
        self.outcome.addItem(self.tr("Every row not simply imported"), None)
        for outcome in customer_import.OUTCOMES[1:]:
            self.outcome.addItem(outcome_label(outcome), outcome)
        filter_row = QHBoxLayout()
        filter_row.addWidget(show)
        filter_row.addWidget(self.outcome)
        filter_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.previous)
        layout.addWidget(self.again)
        layout.addLayout(filter_row)
        layout.addWidget(self.rows, 2)
        decisions = QHBoxLayout()
        decisions.addWidget(QLabel(self.tr("Selected row:")))
        for button in self.decide.values():
            decisions.addWidget(button)
        decisions.addStretch(1)
        layout.addLayout(decisions)
        layout.addWidget(self.comparison, 1)
        layout.addWidget(self.status)

    def chosen_policy(self) -> str:
        return self.POLICIES[max(self.policy.checkedId(), 0)]

    def _compare(self, current: QModelIndex) -> None:
        row = self.model.row_at(current.row())
        plan = self.importer.plan
        found = customer_import.compare(self.importer.ctx, plan, row) if plan and row else None
        self.comparison.setVisible(found is not None)
        if found is None:
            return
        other = (
            self.tr("On file")
            if found.other == "on file"
            else self.tr("Row %1").replace("%1", found.other.removeprefix("row "))
        )
        self.comparison.setHorizontalHeaderLabels([self.tr("Field"), self.tr("This row"), other])
        self.comparison.setRowCount(len(found.fields))
        for position, (name, mine, theirs) in enumerate(found.fields):
            for column, text in enumerate((labels.field(name), shown(mine), shown(theirs))):
                self.comparison.setItem(position, column, QTableWidgetItem(text))
        self.comparison.resizeColumnsToContents()

    def _decide(self, action: str) -> None:
        """Decide the selected row by hand, then check the rows again."""
        row = self.model.row_at(self.rows.currentIndex().row())
        if row is None or row.card is None or self.busy():
            return
        self.overrides[row.number] = action
        self.replan()

    def initializePage(self) -> None:
        self.replan()

    def cleanupPage(self) -> None:
        self.drop_job()
        self.importer.plan = None
        self.overrides.clear()  # back on the columns page: the rows may be others
        self.refresh()

    def ready(self) -> bool:
        plan = self.importer.plan
        if plan is None or self.busy():
            return False
        return plan.previous_batch is None or self.again.isChecked()

    def replan(self) -> None:
        """Plan the import in the worker, with the current columns and duplicate policy."""
        importer = self.importer
        table, chosen = importer.table, dict(importer.mapping)
        start, policy, ctx = importer.header_index, self.chosen_policy(), importer.ctx
        overrides = dict(self.overrides)
        if table is None:
            return
        importer.plan = None
        self._show_plan(None)
        self.status.setText(self.tr("Checking every row…"))
        self.run(
            lambda: customer_import.plan(
                ctx,
                table,
                mapping=chosen,
                header_index=start,
                policy=policy,
                overrides=overrides,
            ),
            self._planned,
        )
        self.refresh()

    def _planned(self, plan: ImportPlan) -> None:
        self.importer.plan = plan
        self._show_plan(plan)
        self.status.setText(self.tr("%Ln data row(s) checked.", "", len(plan.rows)))

    def _show_plan(self, plan: ImportPlan | None) -> None:
        counts = plan.counts() if plan else {}
        for outcome, label in self.counts.items():
            label.setText(str(counts[outcome]) if plan else "…")
        self.model.set_rows(plan.rows if plan else [])
        earlier = plan.previous_batch if plan else None
        self.previous.setVisible(earlier is not None)
        self.again.setVisible(earlier is not None)
        if earlier is not None:
            self.previous.setText(
                self.tr(
                    "This file was imported before (batch %1). Import it again only on purpose."
                ).replace("%1", str(earlier))
            )


# --- Step 4: the import ------------------------------------------------------------------


@dataclass
class CommitProgress:
    """Shared with the worker: it writes `latest` and reads `cancel`; a GUI timer reads
    `latest`. Plain attributes, so no widget is touched from the worker."""

    latest: tuple[int, int] = (0, 0)
    cancel: bool = False

    def update(self, done: int, total: int) -> None:
        self.latest = (done, total)

    def cancelled(self) -> bool:
        return self.cancel


class CommitPage(_Page):
    def __init__(self, importer: ImportWizard) -> None:
        super().__init__(importer)
        self.setTitle(self.tr("Import"))
        self.status.setObjectName("commitResult")
        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.cancel = QPushButton(self.tr("&Cancel import"))
        self.cancel.setObjectName("cancelImport")
        self.cancel.setAutoDefault(False)
        self.report = QPushButton(self.tr("Save &report…"))
        self.report.setObjectName("saveReport")
        self.report.setAutoDefault(False)
        self.shared = CommitProgress()
        self.batch_id: int | None = None
        self.outcome: str | None = None  # committed, cancelled or failed, once finished
        self._timer = QTimer(self)
        self._timer.setInterval(PROGRESS_MS)
        self._timer.timeout.connect(self._show_progress)
        self.cancel.clicked.connect(self.request_cancel)
        self.report.clicked.connect(self._save_report)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.report)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addStretch(1)

    def ready(self) -> bool:
        return self.outcome is not None

    def running(self) -> bool:
        return self.busy()

    def initializePage(self) -> None:
        plan = self.importer.plan
        if plan is None:
            return
        self.shared = shared = CommitProgress(latest=(0, len(plan.rows)))
        self.outcome, self.batch_id = None, None
        self.report.hide()
        self.cancel.show()
        self.cancel.setEnabled(True)
        self.progress.setRange(0, max(len(plan.rows), 1))
        self.progress.setValue(0)
        self.status.setText(self.tr("Importing…"))
        ctx, again = self.importer.ctx, self.importer.preview.again.isChecked()
        self.run(
            lambda: import_batches.commit(
                ctx, plan, again=again, progress=shared.update, cancelled=shared.cancelled
            ),
            self._committed,
        )
        self._timer.start()

    def request_cancel(self) -> None:
        if not self.running():
            return
        self.shared.cancel = True
        self.cancel.setEnabled(False)
        self.status.setText(self.tr("Cancelling…"))

    def _show_progress(self) -> None:
        done, total = self.shared.latest
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _end(self, outcome: str) -> None:
        self._timer.stop()
        self._show_progress()
        self.outcome = outcome
        self.cancel.hide()
        self.importer.setOption(QWizard.WizardOption.NoCancelButton, True)
        self.refresh()
        finish = self.importer.button(QWizard.WizardButton.FinishButton)
        if finish is not None:
            finish.setFocus(Qt.FocusReason.OtherFocusReason)  # Enter closes the wizard

    def _committed(self, batch_id: int) -> None:
        plan = self.importer.plan
        assert plan is not None
        self._end("committed")
        self.batch_id = batch_id
        self.status.setText(
            self.tr("Imported as batch %1.").replace("%1", str(batch_id))
            + "\n"
            + counts_text(plan.counts())
        )
        self.report.show()
        self.importer.imported_batch = batch_id

    def show_error(self, error: BaseException) -> None:
        if self.outcome is not None:  # the report failed: the import itself is done
            self.report.setEnabled(True)
            super().show_error(error)
            return
        cancelled = isinstance(error, ImportCancelled)
        self._end("cancelled" if cancelled else "failed")
        if cancelled:
            self.status.setText(self.tr("The import was cancelled. Nothing was written."))
        elif isinstance(error, PharmaDeskError):
            self.status.setText(error.message + "\n" + self.tr("Nothing was written."))
        else:
            self.status.setText(
                self.tr("Unexpected error; the log has the details.")
                + "\n"
                + self.tr("Nothing was written.")
            )

    def ask_report_path(self) -> Path | None:
        plan = self.importer.plan
        source = plan.table.source if plan else Path.home() / "import.xlsx"
        name = self.tr("%1 - import report").replace("%1", source.stem) + ".xlsx"
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the import report"),
            str(source.with_name(name)),
            self.tr("Excel workbook (*.xlsx)"),
        )
        keyboard_back(self.report)
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")

    def _save_report(self) -> None:
        plan, path = self.importer.plan, self.ask_report_path()
        if plan is None or path is None:
            return
        ctx, language = self.importer.ctx, report_language()
        self.report.setEnabled(False)
        self.run(
            lambda: report.write(ctx, plan, path, language=language),
            lambda written: self._report_saved(path, written),
        )

    def _report_saved(self, path: Path, written: int) -> None:
        self.report.setEnabled(True)
        saved = self.tr("Report saved to %1 (%Ln row(s)).", "", written)
        self.status.setText(self.status.text() + "\n" + saved.replace("%1", str(path)))


def counts_text(counts: dict[str, int]) -> str:
    """“Imported: 3 · Merged: 1 · …” in the UI language."""
    each = _translate(COUNT)
    return " · ".join(
        each.replace("%1", outcome_label(outcome)).replace("%2", str(counts.get(outcome, 0)))
        for outcome in customer_import.OUTCOMES
    )


# --- The wizard --------------------------------------------------------------------------


class ImportWizard(QWizard):
    """Import customers from a card file; `imported_batch` is the batch written, if any.

    No signal says so: the main window runs the wizard modally and reads it afterwards.
    """

    def __init__(
        self,
        ctx: Context,
        runner: BackgroundRunner,
        parent: QWidget | None = None,
        *,
        start_path: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner = runner
        self.table: RawTable | None = None
        self.header_index = 0
        self.mapping: dict[int, str] = {}
        self.plan: ImportPlan | None = None
        self.imported_batch: int | None = None
        self._tickets: set[int] = set()
        self.setWindowTitle(self.tr("Import customers"))
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.file_page = FilePage(self, start_path)
        self.columns = ColumnsPage(self)
        self.preview = PreviewPage(self)
        self.commit = CommitPage(self)
        for page in (self.file_page, self.columns, self.preview, self.commit):
            self.addPage(page)
        self.resize(920, 640)

    def submit(self, job: Job, on_success: Success, on_failure: Failure) -> int:
        """Run `job` in the runner; its callbacks are dropped once the wizard is closed."""
        ticket = 0

        def deliver(callback: Callable[[Any], None]) -> Callable[[Any], None]:
            def call(value: Any) -> None:
                self._tickets.discard(ticket)
                callback(value)

            return call

        ticket = self.runner.submit(job, deliver(on_success), deliver(on_failure))
        self._tickets.add(ticket)
        return ticket

    def forget(self, ticket: int) -> None:
        self._tickets.discard(ticket)
        self.runner.forget(ticket)

    def reject(self) -> None:
        # Closing mid-import cancels it; the wizard stays open to say that nothing was written.
        if self.commit.running():
            self.commit.request_cancel()
            return
        super().reject()

    def done(self, result: int) -> None:
        for ticket in list(self._tickets):
            self.forget(ticket)
        super().done(result)
