"""A customer's scanned registration cards, seen from their profile: the small link that
says they have some, and the dialog that lists the pages and shows a kept image.

Where the paper is comes to everyone who may open the customer. The image shows the card's
allergies and conditions, so it is asked for only by an account that may see health data,
one page at a time as it is chosen (the service audits each reading); the dialog keeps what
it read for as long as it is open, in memory only: the bytes are decoded by QImage.fromData
and never written to a file.

The list is read in the database worker after the profile is shown, so opening a customer
costs no more than before; the link appears a moment later, and only when there are pages.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pharmadesk.services.card_pages import CardPageInfo
from pharmadesk.ui.import_text import failure_text
from pharmadesk.ui.tables import RowsModel, fit_short_table, table_view
from pharmadesk.ui.tasks import BackgroundRunner, LatestJob

# Reads as a link beside the customer's name, not as one more button to press. Named, so
# the style stays off the buttons of the dialog it opens (its child).
LINK_STYLE = "#cardPageLink { color: palette(link); text-decoration: underline; border: none; }"
SHOWN_ROWS = 4  # the list's height: a customer has a card or two, rarely more
NOTE_STYLE = "color: #444; padding: 24px;"
DISPLAY = Qt.ItemDataRole.DisplayRole
NUMBER_ALIGN = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class CardPageActions:
    """The services the link and the dialog call, bound to the signed-in session."""

    pages: Callable[[int], list[CardPageInfo]]  # card_pages.of_customer
    image: Callable[[int], tuple[bytes, str] | None]  # card_pages.image (audited)
    may_see_image: bool  # permissions.allows(SEE_HEALTH): a card shows health data


def file_name(source: str) -> str:
    """The file's name in the path as chosen, whichever system chose it (C:\\scans\\a.pdf)."""
    return re.split(r"[\\/]", source)[-1] or source


class CardPageLink(QPushButton):
    """“Scanned card…” beside the customer's name, hidden until their card pages are listed
    and there are some; `show_customer(id, name)` follows the profile, a click opens the
    dialog (`dialog` then holds it)."""

    def __init__(
        self, actions: CardPageActions, runner: BackgroundRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("cardPageLink")
        self.setFlat(True)
        self.setAutoDefault(False)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a click leaves the keyboard where it was
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setStyleSheet(LINK_STYLE)
        self.setToolTip(self.tr("The paper registration card this customer was imported from"))
        self._actions, self._runner = actions, runner
        self._loading = loading = LatestJob(runner)
        self.destroyed.connect(lambda: loading.forget())  # dropped at a lock, mid-load
        self._customer_id: int | None = None
        self._name = ""
        self.pages: list[CardPageInfo] = []
        self.dialog: CardPageDialog | None = None
        self.clicked.connect(lambda: self.open_dialog())
        self.hide()

    def show_customer(self, customer_id: int | None, name: str = "") -> None:
        """Follow the profile (None: a new customer): list this customer's pages again."""
        if customer_id != self._customer_id:
            self.pages = []
            self.hide()  # never the last customer's link under this one's name
        self._customer_id, self._name = customer_id, name
        if customer_id is None:
            self._loading.forget()
            return
        pages = self._actions.pages
        self._loading.submit(lambda: pages(customer_id), self._listed, self._failed)

    def _listed(self, pages: list[CardPageInfo]) -> None:
        self.pages = pages
        if len(pages) > 1:  # a count only from two on, so no singular form is needed
            self.setText(self.tr("Scanned card: %1 pages…").replace("%1", str(len(pages))))
        else:
            self.setText(self.tr("Scanned card…"))
        self.setVisible(bool(pages))

    def _failed(self, error: BaseException) -> None:
        # Logged; the profile itself is shown all the same, only without the link.
        failure_text(error, log_as="listing a customer's card pages")
        self.pages = []
        self.hide()

    def open_dialog(self) -> CardPageDialog | None:
        """The dialog over the window (window-modal, Esc closes it); None without pages."""
        if not self.pages:
            return None
        dialog = CardPageDialog(
            self.pages, self._actions, self._runner, name=self._name, parent=self
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(self._closed)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _closed(self) -> None:
        self.dialog = None


class CardPageModel(RowsModel[CardPageInfo]):
    """One card page a row: file, page, batch, the day it was imported, image or not."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.titles = [self.tr("File"), self.tr("Page"), self.tr("Batch"), self.tr("Imported"),
                       self.tr("Image")]  # fmt: skip

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        page = self.rows[index.row()]
        column = index.column()
        if role == DISPLAY:
            return self._cell(page, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return page.source  # the whole path, as chosen at the import
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (1, 2):
            return NUMBER_ALIGN
        return None

    def _cell(self, page: CardPageInfo, column: int) -> str:
        if column == 0:
            return file_name(page.source)
        if column == 1:
            return str(page.page)
        if column == 2:
            return str(page.batch_id)
        if column == 3:
            return page.created_at.date().isoformat()
        return self.tr("image kept") if page.has_image else self.tr("reference only")


class PageImageView(QWidget):
    """An image scaled to fit the space it has (the default), or at 100 % with scroll bars."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pixmap = QPixmap()
        self.fit_button = self._zoom_button(self.tr("&Fit"), "fitImage")
        self.full_button = self._zoom_button(self.tr("&100%"), "fullSizeImage")
        self.fit_button.setToolTip(self.tr("The whole card in the window"))
        self.full_button.setToolTip(self.tr("One pixel of the scan to one pixel of the screen"))
        self.fit_button.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.fit_button)
        group.addButton(self.full_button)
        group.buttonToggled.connect(lambda *_: self._render())
        self.image = QLabel()
        self.image.setObjectName("cardPageImage")
        self.area = QScrollArea()
        self.area.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.area.setWidget(self.image)
        self.area.viewport().installEventFilter(self)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.fit_button)
        row.addWidget(self.full_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.area, 1)

    def _zoom_button(self, text: str, name: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setCheckable(True)
        button.setAutoDefault(False)
        return button

    @property
    def fitted(self) -> bool:
        return self.fit_button.isChecked()

    def show_image(self, image: QImage) -> None:
        self._pixmap = QPixmap.fromImage(image)
        self._render()

    def _render(self) -> None:
        fit = self.fitted
        policy = (
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff if fit else Qt.ScrollBarPolicy.ScrollBarAsNeeded
        )
        self.area.setHorizontalScrollBarPolicy(policy)
        self.area.setVerticalScrollBarPolicy(policy)
        shown = self._pixmap
        if fit and not shown.isNull():
            shown = shown.scaled(
                self.area.viewport().size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        self.image.setPixmap(shown)
        self.image.resize(shown.size())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.fitted and not self._pixmap.isNull():
            self._render()  # fitted to the new size of the space
        return False


class CardPageDialog(QDialog):
    """The customer's card pages above, the chosen page's image (or why there is none) below."""

    def __init__(
        self,
        pages: Sequence[CardPageInfo],
        actions: CardPageActions,
        runner: BackgroundRunner,
        *,
        name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("cardPageDialog")
        title = self.tr("Scanned card")
        self.setWindowTitle(f"{title} — {name}" if name else title)
        self._actions = actions
        self._loading = LatestJob(runner)
        self._images: dict[int, QImage | None] = {}  # page id -> decoded image, while open
        self.finished.connect(lambda _: self._loading.forget())
        self.model = CardPageModel(self)
        self.model.set_rows(pages)
        self.view = table_view(self.model)
        self.view.setObjectName("cardPageList")
        fit_short_table(self.view, stretch=0)  # the file name
        self.note = QLabel()
        self.note.setObjectName("cardPageNote")
        self.note.setWordWrap(True)
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note.setStyleSheet(NOTE_STYLE)
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # the path
        self.viewer = PageImageView()
        self.shown = QStackedWidget()
        self.shown.addWidget(self.note)
        self.shown.addWidget(self.viewer)
        self._lay_out()
        self.view.selectionModel().currentRowChanged.connect(lambda current, _: self._chosen())
        self.view.selectRow(self._first_row(pages))
        self.view.setFocus()
        self.resize(960, 720)

    def _lay_out(self) -> None:
        split = QSplitter(Qt.Orientation.Vertical)
        split.setChildrenCollapsible(False)
        split.addWidget(self.view)
        split.addWidget(self.shown)
        split.setStretchFactor(1, 1)  # a larger window is more room for the card
        rows = min(max(self.model.rowCount(), 1), SHOWN_ROWS)
        height = self.view.horizontalHeader().sizeHint().height() + 2 * self.view.frameWidth()
        split.setSizes([height + rows * self.view.verticalHeader().defaultSectionSize(), 600])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(buttons)

    def _first_row(self, pages: Sequence[CardPageInfo]) -> int:
        """The first page there is an image of to show, else the first page."""
        if self._actions.may_see_image:
            for row, page in enumerate(pages):
                if page.has_image:
                    return row
        return 0

    def current_page(self) -> CardPageInfo | None:
        row = self.view.currentIndex().row()
        return self.model.rows[row] if 0 <= row < len(self.model.rows) else None

    def _chosen(self) -> None:
        self._loading.forget()  # a page chosen before this one is not shown any more
        page = self.current_page()
        if page is None:
            return
        if not page.has_image:
            self._say(self._reference_text(page))
        elif not self._actions.may_see_image:
            self._say(
                self.tr("A card shows health data (allergies, chronic conditions), which your "
                        "account may not see: ask a pharmacist or the owner to look at it.")
            )  # fmt: skip
        elif page.id in self._images:
            self._show(page.id, self._images[page.id])
        else:
            self._load(page.id)

    def _reference_text(self, page: CardPageInfo) -> str:
        return (
            self.tr("This card's image was not kept in the pharmacy file, only where the scan "
                    "is: “%1”, page %2.\n\nThe owner can choose to keep card images, in Settings.")
            .replace("%1", page.source)
            .replace("%2", str(page.page))
        )  # fmt: skip

    def _load(self, page_id: int) -> None:
        self._say(self.tr("Loading the card's image…"))
        read = self._actions.image

        def loaded(found: tuple[bytes, str] | None) -> None:
            # Decoded here, on the GUI thread; the bytes go out of scope with this call.
            image = None if found is None else QImage.fromData(found[0])
            self._images[page_id] = image
            self._show(page_id, image)

        self._loading.submit(lambda: read(page_id), loaded, self._failed)

    def _show(self, page_id: int, image: QImage | None) -> None:
        page = self.current_page()
        if page is None or page.id != page_id:
            return
        if image is None:
            self._say(self.tr("This card's image is no longer in the pharmacy file."))
        elif image.isNull():
            self._say(self.tr("The card's stored image cannot be shown: it may be damaged."))
        else:
            self.viewer.show_image(image)
            self.shown.setCurrentWidget(self.viewer)

    def _failed(self, error: BaseException) -> None:
        self._say(failure_text(error, log_as="reading a card page's image"))

    def _say(self, text: str) -> None:
        self.note.setText(text)
        self.shown.setCurrentWidget(self.note)
