"""Step 1 of the import wizard: the file, and its sheet when it has several."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from pharmadesk.io import files
from pharmadesk.io.files import RawTable
from pharmadesk.ui.import_page import _Page, keyboard_back
from pharmadesk.ui.import_text import FILE_FILTER, translate

if TYPE_CHECKING:
    from pharmadesk.ui.import_wizard import ImportWizard


def _open_file(path: Path) -> tuple[list[str], RawTable]:
    """Runs in the worker: the sheets to choose from and the first one's rows."""
    names = files.sheet_names(path)
    return names, files.read_table(path, sheet=names[0] if names else None)


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
            self, self.tr("Open a card file"), start, translate(FILE_FILTER)
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
