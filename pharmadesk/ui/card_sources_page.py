"""Step 1 of the scanned-card import: the scans (files and folders) and the card layout.

The files are looked through in the reading worker (a PDF or a TIFF says how many pages it
holds without being decoded); a file that cannot be read is named with the reason and the
others go on. The layouts saved by the owner come from the database worker.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QVBoxLayout,
)

from pharmadesk.io.cards import layout as layouts
from pharmadesk.io.cards import pages, saved_layouts
from pharmadesk.io.cards.layout import CardLayout
from pharmadesk.io.cards.pages import UnreadableScan
from pharmadesk.services.permissions import Operation, allows
from pharmadesk.ui.buttons import plain_button
from pharmadesk.ui.card_text import scan_problem, unreadable_text
from pharmadesk.ui.import_page import _Page, keyboard_back
from pharmadesk.ui.import_text import failure_text

if TYPE_CHECKING:
    from pharmadesk.ui.card_import import CardImportWizard

Scans = list[tuple[Path, int]]  # each file and how many card pages it holds


def survey(paths: list[Path]) -> tuple[Scans, list[tuple[str, str]]]:
    """Runs in the reading worker: the scans among `paths` with their page counts, and the
    problems (code, file name) of those that cannot be read."""
    found: dict[Path, int] = {}
    problems: list[tuple[str, str]] = []
    for path in paths:
        try:
            files = pages.scan_files([path])
        except UnreadableScan as exc:
            problems.append((exc.code, exc.path.name))
            continue
        if path.is_dir() and not files:
            problems.append(("no_scans", path.name))
        for file in files:
            if file.resolve() in found:
                continue
            try:
                found[file.resolve()] = pages.count_pages(file)
            except UnreadableScan as exc:
                problems.append((exc.code, exc.path.name))
    return list(found.items()), problems


class SourcesPage(_Page):
    @property
    def importer(self) -> CardImportWizard:
        return cast("CardImportWizard", super().importer)

    def __init__(self, importer: CardImportWizard) -> None:
        super().__init__(importer)
        self.setTitle(self.tr("Choose the scanned cards"))
        self.setSubTitle(
            self.tr("Images (PNG, JPEG, TIFF) or PDF files, one card a page, or folders of them.")
        )
        self.status.setObjectName("sourcesStatus")
        self.paths: list[Path] = []
        self.chosen = QListWidget()
        self.chosen.setObjectName("cardSources")
        self.add_files = plain_button(self.tr("Add &files…"), "addCardFiles")
        self.add_folder = plain_button(self.tr("Add a f&older…"), "addCardFolder")
        self.remove = plain_button(self.tr("&Remove"), "removeCardSource")
        self.remove.setEnabled(False)
        self.problems = QLabel()
        self.problems.setObjectName("sourceProblems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b00020")
        self.layout_choice = QComboBox()
        self.layout_choice.setObjectName("cardLayout")
        self.define = plain_button(self.tr("&Define a layout from a sample card…"), "defineLayout")
        self.again = QLabel(
            self.tr(
                "Changing the scans or the layout reads the cards again: "
                "what was checked so far is forgotten."
            )
        )
        self.again.setWordWrap(True)
        self.again.hide()
        self._survey: int | None = None
        self._lay_out()
        self.add_files.clicked.connect(self._choose_files)
        self.add_folder.clicked.connect(self._choose_folder)
        self.remove.clicked.connect(self._remove_selected)
        self.define.clicked.connect(self._define_layout)
        self.layout_choice.activated.connect(self._layout_chosen)
        owner = allows(importer.ctx.account, Operation.MANAGE)
        self.define.setEnabled(owner)
        if not owner:
            self.define.setToolTip(self.tr("Only the owner defines card layouts"))
        self.load_layouts()

    def _lay_out(self) -> None:
        buttons = QVBoxLayout()
        for button in (self.add_files, self.add_folder, self.remove):
            buttons.addWidget(button)
        buttons.addStretch(1)
        files = QHBoxLayout()
        files.addWidget(self.chosen, 1)
        files.addLayout(buttons)
        caption = QLabel(self.tr("&Layout:"))
        caption.setBuddy(self.layout_choice)
        choice = QHBoxLayout()
        choice.addWidget(self.layout_choice, 1)
        choice.addWidget(self.define)
        form = QFormLayout()
        form.addRow(caption, choice)
        layout = QVBoxLayout(self)
        layout.addLayout(files, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.problems)
        layout.addLayout(form)
        layout.addWidget(self.again)

    # the scans ------------------------------------------------------------------------------

    def ready(self) -> bool:
        return bool(self.importer.scans) and self._survey is None and not self.busy()

    def add_paths(self, paths: list[Path]) -> None:
        """Add files or folders to the scans (skipping those already there) and look
        through them again."""
        for path in paths:
            if path not in self.paths:
                self.paths.append(path)
        self._show_paths()

    def _show_paths(self) -> None:
        self.chosen.clear()
        self.chosen.addItems([str(path) for path in self.paths])
        self.remove.setEnabled(bool(self.paths))
        self._look_through()

    def _choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Choose scanned cards"),
            str(self._start_folder()),
            self.tr("Scans (*.png *.jpg *.jpeg *.tif *.tiff *.pdf)"),
        )
        keyboard_back(self.add_files)
        self.add_paths([Path(name) for name in names])

    def _choose_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(
            self, self.tr("Choose a folder of scanned cards"), str(self._start_folder())
        )
        keyboard_back(self.add_folder)
        if name:
            self.add_paths([Path(name)])

    def _start_folder(self) -> Path:
        if not self.paths:
            return Path.home()
        last = self.paths[-1]
        return last if last.is_dir() else last.parent

    def _remove_selected(self) -> None:
        row = self.chosen.currentRow()
        if 0 <= row < len(self.paths):
            del self.paths[row]
            self._show_paths()
            self.chosen.setCurrentRow(min(row, len(self.paths) - 1))

    def _look_through(self) -> None:
        importer = self.importer
        if self._survey is not None:
            importer.ocr_forget(self._survey)
        importer.scans, importer.scan_problems = [], []
        self.problems.clear()
        if not self.paths:
            self._survey = None
            self.status.clear()
            self.refresh()
            return
        self.status.setText(self.tr("Looking through the scans…"))
        chosen = list(self.paths)
        self._survey = importer.ocr_submit(
            lambda: survey(chosen), lambda found: self._surveyed(*found), self._survey_failed
        )
        self.refresh()

    def _surveyed(self, scans: Scans, problems: list[tuple[str, str]]) -> None:
        self._survey = None
        self.importer.scans = scans
        self.importer.scan_problems = problems
        cards = sum(count for _, count in scans)
        files = self.tr("%Ln file(s)", "", len(scans))
        self.status.setText(self.tr("%1 with %Ln card(s).", "", cards).replace("%1", files))
        self.problems.setText("\n".join(scan_problem(code, name) for code, name in problems))
        self.refresh()

    def _survey_failed(self, error: BaseException) -> None:
        self._survey = None
        if isinstance(error, UnreadableScan):
            self.status.setText(unreadable_text(error))
        else:
            self.status.setText(failure_text(error, log_as="looking through scans"))
        self.refresh()

    # the layout -----------------------------------------------------------------------------

    def load_layouts(self, select: str | None = None) -> None:
        ctx = self.importer.ctx
        self.run(lambda: saved_layouts.names(ctx), lambda names: self._show_layouts(names, select))

    def _show_layouts(self, names: list[str], select: str | None) -> None:
        self.layout_choice.clear()
        self.layout_choice.addItem(self.tr("By printed labels"), "")
        for name in names:
            self.layout_choice.addItem(name, name)
        wanted = select if select in names else self.importer.card_layout.name
        position = max(self.layout_choice.findData(wanted or ""), 0)
        self.layout_choice.setCurrentIndex(position)
        self._layout_chosen()

    def _layout_chosen(self) -> None:
        name = str(self.layout_choice.currentData() or "")
        if not name:
            self.importer.card_layout = layouts.DEFAULT
            self.refresh()
            return
        ctx = self.importer.ctx
        self.run(lambda: saved_layouts.load(ctx, name), self._layout_loaded)
        self.refresh()

    def _layout_loaded(self, found: CardLayout | None) -> None:
        # A layout deleted meanwhile: back to the printed labels.
        self.importer.card_layout = found if found is not None else layouts.DEFAULT
        if found is None:
            self.layout_choice.setCurrentIndex(0)

    def _define_layout(self) -> None:
        from pharmadesk.ui.card_layout_editor import LayoutEditorDialog

        importer = self.importer
        dialog = LayoutEditorDialog(importer.ctx, importer, parent=importer)
        dialog.exec()
        keyboard_back(self.define)
        if dialog.changed:
            self.load_layouts(select=dialog.saved_name)
        dialog.deleteLater()
