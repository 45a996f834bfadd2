"""The owner's card layout editor: where each field's value sits, drawn once on a sample.

The sample is read in the wizard's reading worker to find its printed labels; the owner
picks a field and drags a rectangle over its value, field after field, and saves the
layout under a name (layout.area_from_drawn remembers each area both near its label and
as a share of the page). Saved layouts can be opened again to redraw a field, or deleted.
Saving and deleting run in the database worker; only the owner may do either. Enter in
the name saves; closing with areas drawn and not saved asks first, as they would be lost.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pharmadesk.io.cards import engine, pages, saved_layouts, straighten
from pharmadesk.io.cards import layout as layouts
from pharmadesk.io.cards.layout import FIELDS, Area, CardLayout, Label
from pharmadesk.io.cards.pages import CardPage, UnreadableScan
from pharmadesk.services.context import Context
from pharmadesk.ui.buttons import plain_button
from pharmadesk.ui.card_image import Box, CardImageView
from pharmadesk.ui.card_text import field_label, unreadable_text
from pharmadesk.ui.import_page import keyboard_back
from pharmadesk.ui.import_text import failure_text
from pharmadesk.ui.tasks import Job, Success

if TYPE_CHECKING:
    from pharmadesk.ui.card_import import CardImportWizard


def read_sample(path: Path) -> tuple[CardPage, list[Label]]:
    """Runs in the reading worker: the sample's first page and the labels printed on it."""
    found = pages.read_pages(path)
    try:
        page = next(found, None)
    finally:
        close = getattr(found, "close", None)
        if close is not None:
            close()  # the file's PDF document, if it is one
    if page is None:
        raise UnreadableScan(path, code="empty", reason="holds no page")
    lines = engine.recogniser().lines(straighten.without_red(page.image))
    return page, layouts.find_labels(lines)


class LayoutEditorDialog(QDialog):
    """`changed` once a layout was saved or deleted; `saved_name` the last one saved."""

    def __init__(self, ctx: Context, wizard: CardImportWizard, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.wizard = ctx, wizard
        self.changed = False
        self.saved_name: str | None = None
        self.page: CardPage | None = None
        self.labels: list[Label] = []
        self.areas: dict[str, Area] = {}
        self.unsaved = False  # areas drawn since the layout was last saved or opened
        self._db_tickets: set[int] = set()
        self._ocr_ticket: int | None = None
        self.setWindowTitle(self.tr("Card layout"))
        self.image = CardImageView()
        self.image.setObjectName("sampleImage")
        self.image.on_drawn = self.draw
        self.open_sample = plain_button(self.tr("&Open a sample card…"), "openSample")
        self.saved = QComboBox()
        self.saved.setObjectName("savedLayouts")
        self.delete = plain_button(self.tr("&Delete"), "deleteLayout")
        self.fields = QListWidget()
        self.fields.setObjectName("layoutFields")
        self.name = QLineEdit()
        self.name.setObjectName("layoutName")
        self.save = plain_button(self.tr("&Save layout"), "saveLayout")
        self.message = QLabel(
            self.tr("Open a sample card, choose a field, then drag a rectangle over its value.")
        )
        self.message.setObjectName("layoutMessage")
        self.message.setWordWrap(True)
        self._lay_out()
        self.open_sample.clicked.connect(self._choose_sample)
        self.fields.currentRowChanged.connect(lambda _: self._show_areas())
        self.saved.activated.connect(self._saved_chosen)
        self.delete.clicked.connect(self._delete_chosen)
        self.save.clicked.connect(self.save_layout)
        self.name.returnPressed.connect(self.save_layout)
        self._show_fields()
        self.fields.setCurrentRow(0)
        self._load_names()
        self.resize(1100, 640)

    def _lay_out(self) -> None:
        saved = QHBoxLayout()
        saved.addWidget(self.saved, 1)
        saved.addWidget(self.delete)
        form = QFormLayout()
        form.addRow(self.tr("Saved layouts:"), saved)
        name = QLabel(self.tr("&Name:"))
        name.setBuddy(self.name)
        form.addRow(name, self.name)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        # Not the default button: Enter (typing the name, say) must never close the editor.
        for button in close.buttons():
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
                button.setDefault(False)
        side = QVBoxLayout()
        side.addWidget(self.open_sample)
        side.addLayout(form)
        side.addWidget(QLabel(self.tr("Fields (drag over the value of the one chosen):")))
        side.addWidget(self.fields, 1)
        side.addWidget(self.save)
        side.addWidget(self.message)
        side.addWidget(close)
        panel = QWidget()
        panel.setLayout(side)
        panel.setMaximumWidth(420)  # the sample keeps most of the room
        side.setContentsMargins(0, 0, 0, 0)
        layout = QHBoxLayout(self)
        layout.addWidget(self.image, 1)
        layout.addWidget(panel)

    # the sample -----------------------------------------------------------------------------

    def _choose_sample(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open a sample card"),
            str(Path.home()),
            self.tr("Scans (*.png *.jpg *.jpeg *.tif *.tiff *.pdf)"),
        )
        keyboard_back(self.open_sample)
        if name:
            self.load_sample(Path(name))

    def load_sample(self, path: Path) -> None:
        """Read the sample (its first page) in the reading worker."""
        if self._ocr_ticket is not None:
            self.wizard.ocr_forget(self._ocr_ticket)
        self.message.setText(self.tr("Reading the sample card…"))
        self._ocr_ticket = self.wizard.ocr_submit(
            lambda: read_sample(path), lambda found: self._sample_read(*found), self._sample_failed
        )

    def reading(self) -> bool:
        return self._ocr_ticket is not None

    def _sample_read(self, page: CardPage, found: list[Label]) -> None:
        self._ocr_ticket = None
        self.page, self.labels = page, found
        self.image.show_page(page.image)
        words = self.tr(", ").join(field_label(label.field) for label in found)
        self.message.setText(
            self.tr("Printed labels found: %1.").replace("%1", words) if found else
            self.tr("No printed labels were found: the areas are kept as parts of the page.")
        )  # fmt: skip
        self._show_areas()

    def _sample_failed(self, error: BaseException) -> None:
        self._ocr_ticket = None
        if isinstance(error, UnreadableScan):
            self.message.setText(unreadable_text(error))
        else:
            self.message.setText(failure_text(error, log_as="reading a sample card"))

    # the areas ------------------------------------------------------------------------------

    def current_field(self) -> str:
        return FIELDS[max(self.fields.currentRow(), 0)]

    def draw(self, box: Box) -> None:
        """The owner dragged `box` (image pixels) over the current field's value."""
        if self.page is None:
            return
        name = self.current_field()
        self.areas[name] = layouts.area_from_drawn(name, box, self.labels, self.page.image.size)
        self.unsaved = True
        self._show_fields()
        self.fields.setCurrentRow(min(FIELDS.index(name) + 1, len(FIELDS) - 1))
        self._show_areas()

    def _box(self, name: str) -> Box | None:
        if self.page is None or name not in self.areas:
            return None
        label = next((found for found in self.labels if found.field == name), None)
        return layouts.value_area(label, self.areas[name], self.labels, self.page.image.size)

    def _show_areas(self) -> None:
        current = self._box(self.current_field())
        others = [box for name in FIELDS if (box := self._box(name)) is not None]
        self.image.set_boxes(current, others)

    def _show_fields(self) -> None:
        row = self.fields.currentRow()
        self.fields.clear()
        for name in FIELDS:
            text = field_label(name)
            if name in self.areas:
                text = self.tr("%1 (drawn)").replace("%1", text)
            self.fields.addItem(text)
        self.fields.setCurrentRow(max(row, 0))

    # saved layouts --------------------------------------------------------------------------

    def _run(self, job: Job, on_success: Success) -> None:
        ticket = 0

        def done(result: object) -> None:
            self._db_tickets.discard(ticket)
            on_success(result)

        ticket = self.wizard.submit(job, done, self._failed)
        self._db_tickets.add(ticket)

    def busy(self) -> bool:
        return bool(self._db_tickets)

    def _failed(self, error: BaseException) -> None:
        self._db_tickets.clear()
        self.message.setText(failure_text(error, log_as="card layouts"))

    def _load_names(self, select: str | None = None) -> None:
        ctx = self.ctx
        self._run(lambda: saved_layouts.names(ctx), lambda names: self._show_names(names, select))

    def _show_names(self, names: list[str], select: str | None) -> None:
        self.saved.clear()
        self.saved.addItem(self.tr("(a new layout)"), "")
        for name in names:
            self.saved.addItem(name, name)
        self.saved.setCurrentIndex(max(self.saved.findData(select or ""), 0))
        self.delete.setEnabled(bool(select))

    def _saved_chosen(self) -> None:
        name = str(self.saved.currentData() or "")
        self.delete.setEnabled(bool(name))
        if not name:
            return
        ctx = self.ctx
        self._run(lambda: saved_layouts.load(ctx, name), self._saved_loaded)

    def _saved_loaded(self, found: CardLayout | None) -> None:
        if found is None:
            return
        self.areas = dict(found.areas)
        self.unsaved = False
        self.name.setText(found.name)
        self._show_fields()
        self._show_areas()

    def save_layout(self) -> None:
        name = self.name.text().strip()
        if not name:
            self.message.setText(self.tr("Give the layout a name first."))
            self.name.setFocus()
            return
        if not self.areas:
            self.message.setText(self.tr("Draw the area of at least one field first."))
            return
        other = self.saved.findData(name) > 0 and self.saved.currentData() != name
        if other and not self._replace_asked(name):
            self.name.setFocus()
            return
        chosen, ctx = CardLayout(name, dict(self.areas)), self.ctx
        self._run(lambda: saved_layouts.save(ctx, chosen), lambda _: self._saved(name))

    def _replace_asked(self, name: str) -> bool:
        """Another saved layout has this name: replacing it loses its areas."""
        answer = QMessageBox.question(
            self,
            self.tr("Replace layout"),
            self.tr("A layout named “%1” is saved already. Replace it with this one?")
            .replace("%1", name),
        )  # fmt: skip
        return answer == QMessageBox.StandardButton.Yes

    def _saved(self, name: str) -> None:
        self.changed, self.saved_name = True, name
        self.unsaved = False
        self.message.setText(self.tr("Layout “%1” saved.").replace("%1", name))
        self._load_names(select=name)

    def _delete_chosen(self) -> None:
        name = str(self.saved.currentData() or "")
        if not name:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete layout"),
            self.tr("Delete the layout “%1”? Cards imported with it keep their values.")
            .replace("%1", name),
        )  # fmt: skip
        if answer != QMessageBox.StandardButton.Yes:
            return
        ctx = self.ctx
        self._run(lambda: saved_layouts.delete(ctx, name), lambda _: self._deleted(name))

    def _deleted(self, name: str) -> None:
        self.changed = True
        if self.saved_name == name:
            self.saved_name = None
        self.message.setText(self.tr("Layout “%1” deleted.").replace("%1", name))
        self._load_names()

    def reject(self) -> None:
        if self.unsaved and not self._may_lose_areas():
            return
        super().reject()

    def _may_lose_areas(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Close the layout editor"),
            self.tr("The areas drawn are not saved as a layout yet. Close and lose them?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def done(self, result: int) -> None:
        for ticket in list(self._db_tickets):
            self.wizard.forget(ticket)
        self._db_tickets.clear()
        if self._ocr_ticket is not None:
            self.wizard.ocr_forget(self._ocr_ticket)
            self._ocr_ticket = None
        super().done(result)
