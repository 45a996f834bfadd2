"""Step 2 of the scanned-card import, the heart of it: every card checked by a person.

Left the cards and where each is in the check, in the middle the card with the focused
field's area outlined, right the values read, each beside its cut-out. The keyboard does
it all: Tab through the fields, Enter accepts the card and shows the next, Ctrl+K skips
it, Ctrl+U marks it unreadable. Nothing is saved here: accepted cards go to the preview.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Final, cast

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from pharmadesk.io.cards import engine
from pharmadesk.io.cards.card_table import AcceptedCard
from pharmadesk.ui.card_fields import FieldsPanel
from pharmadesk.ui.card_image import CardImageView
from pharmadesk.ui.card_list import CardList, ReadingProgress
from pharmadesk.ui.card_on_file import OnFileBanner
from pharmadesk.ui.card_reader import CardItem, CardReader
from pharmadesk.ui.card_text import ocr_missing_text, scan_problem
from pharmadesk.ui.import_page import _Page

if TYPE_CHECKING:
    from pharmadesk.ui.card_import import CardImportWizard

SKIP_KEYS: Final = "Ctrl+K"
UNREADABLE_KEYS: Final = "Ctrl+U"
ENTER: Final = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
DUPLICATE_CHECK_MS: Final = 500


class CheckPage(_Page):
    @property
    def importer(self) -> CardImportWizard:
        return cast("CardImportWizard", super().importer)

    def __init__(self, importer: CardImportWizard) -> None:
        super().__init__(importer)
        self.setTitle(self.tr("Check every card"))
        self.setSubTitle(
            self.tr(
                "Compare each value with the card and correct it. Enter accepts the card; "
                "only accepted cards are imported."
            )
        )
        self.status.setObjectName("checkMessage")
        self.reader = CardReader(importer.ocr, importer.feed, self._card_changed)
        self.current: CardItem | None = None
        self._key: object = None
        self._waiting_for_next = False
        self.progress = ReadingProgress(self._stop_or_resume)
        self.missing = QLabel()
        self.missing.setObjectName("ocrMissing")
        self.missing.setWordWrap(True)
        self.missing.setStyleSheet("color: #b00020; font-weight: bold")
        self.missing.hide()
        self.cards = CardList()
        self.cards.setObjectName("cardList")
        self.image = CardImageView()
        self.image.setObjectName("cardImage")
        self.fields = FieldsPanel()
        self.on_file = OnFileBanner(importer.ctx, importer.submit, importer.forget)
        self.on_file.on_found = self._found_on_file
        self.on_file.on_failed = self.status.setText
        self.accept_button = self._button(self.tr("Accept (Enter)"), "acceptCard", self.accept)
        self.skip_button = self._button(
            self.tr("Skip (%1)").replace("%1", SKIP_KEYS), "skipCard", self.skip
        )
        self.unreadable_button = self._button(
            self.tr("Unreadable (%1)").replace("%1", UNREADABLE_KEYS),
            "unreadableCard",
            self.mark_unreadable,
        )
        self.summary = QLabel()
        self.summary.setObjectName("checkSummary")
        self._lay_out()
        self._duplicate_timer = QTimer(self)
        self._duplicate_timer.setSingleShot(True)
        self._duplicate_timer.setInterval(DUPLICATE_CHECK_MS)
        self._duplicate_timer.timeout.connect(lambda: self._look_on_file(self.current))
        self._wire_keys()

    def _button(self, text: str, name: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(lambda: slot())
        return button

    def _lay_out(self) -> None:
        scroll = QScrollArea()
        scroll.setWidget(self.fields)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        decide = QHBoxLayout()
        for button in (self.accept_button, self.skip_button, self.unreadable_button):
            decide.addWidget(button)
        decide.addStretch(1)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.on_file)
        column.addWidget(scroll, 1)
        column.addLayout(decide)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        for widget in (self.cards, self.image, right):
            split.addWidget(widget)
        split.setStretchFactor(1, 1)
        split.setSizes([230, 380, 600])
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.missing)
        layout.addWidget(split, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.status)

    def _wire_keys(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot in ((SKIP_KEYS, self.skip), (UNREADABLE_KEYS, self.mark_unreadable)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)
        watched = [*self.fields.focus_widgets(), self.cards, self.accept_button,
                   self.skip_button, self.unreadable_button]  # fmt: skip
        for widget in watched:
            widget.installEventFilter(self)
        self.fields.on_focus = self._outline
        self.fields.on_key_edit = self._duplicate_timer.start
        self.fields.on_changed = self._card_edited
        self.cards.currentRowChanged.connect(self._row_chosen)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.FocusIn:
            name = self.fields.field_of(watched)
            if name is not None:
                self._outline(name)
        elif isinstance(event, QKeyEvent) and kind in (
            QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride
        ):  # fmt: skip
            return self._key_event(kind, event)
        return super().eventFilter(watched, event)

    def _key_event(self, kind: QEvent.Type, event: QKeyEvent) -> bool:
        plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() in ENTER and plain == Qt.KeyboardModifier.NoModifier:
            if kind == QEvent.Type.KeyPress:
                self.accept()
            return True  # never the wizard's Next: that is Alt+N, on purpose
        pressed = QKeySequence(event.keyCombination())
        ours = (QKeySequence(SKIP_KEYS), QKeySequence(UNREADABLE_KEYS))
        # A line edit claims Ctrl+U (delete the line) on Linux desktops: keep it for the page.
        return kind == QEvent.Type.ShortcutOverride and pressed in ours

    # starting and reading -------------------------------------------------------------------

    def started(self) -> bool:
        return self._key is not None

    def initializePage(self) -> None:
        reason = engine.missing()
        if reason is not None:
            self._show_missing(reason)
            return
        key = self.importer.sources_key()
        if key != self._key:
            self._key = key
            self._start()
        self._show(self.current)

    def cleanupPage(self) -> None:
        # Back on the scans: the cards read so far stay unless the scans or layout change.
        super().cleanupPage()
        self.importer.sources.again.setVisible(self.started())

    def _start(self) -> None:
        importer = self.importer
        items = [
            CardItem(path, number, count)
            for path, count in importer.scans
            for number in range(1, count + 1)
        ]
        # Files that could not be opened at all stay in the list, so none is lost unseen.
        items += [
            CardItem(Path(name), 0, status="unreadable", problem=scan_problem(code, name))
            for code, name in importer.scan_problems
        ]
        self.current = None
        self._waiting_for_next = True
        self.on_file.forget_all()
        self.cards.fill(items)
        self.reader.start(items, importer.card_layout)

    def _show_missing(self, reason: str) -> None:
        self.missing.setText(ocr_missing_text(reason))
        self.missing.show()
        self.refresh()

    def _card_changed(self, item: CardItem | None) -> None:
        if self.reader.missing is not None:
            self._show_missing(self.reader.missing)
        if item is not None:
            self._update_row(item)
            if item.status == "check" and item.reading is not None:
                self._look_on_file(item)
                if self._waiting_for_next or item is self.current:
                    self._show(item)
            elif item is self.current:
                self._show(item)
        self._show_progress()
        self.refresh()

    def _stop_or_resume(self) -> None:
        if self.reader.cancelled:
            # Every card read was checked: the next one read is shown at once.
            self._waiting_for_next = self.current is None or self.current.status != "check"
            self.reader.resume()
        else:
            self.reader.cancel()
        self._show_progress()
        self.refresh()

    def _show_progress(self) -> None:
        self.progress.show_state(self.reader)
        self._show_summary()

    def _show_summary(self) -> None:
        self.summary.setText(self.cards.summary(self.reader.items))

    # the card list --------------------------------------------------------------------------

    def _update_row(self, item: CardItem) -> None:
        self.cards.show_item(self.reader.items.index(item), item)

    def _row_chosen(self, row: int) -> None:
        items = self.reader.items
        if 0 <= row < len(items) and items[row] is not self.current:
            self._show(items[row])

    def _show(self, item: CardItem | None) -> None:
        if self.current is not None and self.current is not item:
            self.current.set_aside()
        self.current = item
        if item is not None:
            self._waiting_for_next = False
            self.cards.choose(self.reader.items.index(item))
        page = item.page if item is not None else None
        self.image.show_page(page.image if page is not None else None)
        self.fields.show_card(item)
        self.on_file.show_item(item)
        self.image.set_boxes(None, self.fields.boxes())
        can_decide = item is not None and item.reading is not None
        for button in (self.accept_button, self.skip_button):
            button.setEnabled(can_decide)
        self.unreadable_button.setEnabled(item is not None and item.page_number > 0)
        if item is not None and item.problem:
            self.status.setText(item.problem)
        elif item is not None and item.reading is None:
            self.status.setText(self.tr("This card has not been read yet."))
        else:
            self.status.clear()
        if can_decide:
            self._focus_first()

    def _focus_first(self) -> None:
        wanted = (self.fields.attention() or ["name"])[0]
        edit = self.fields.rows[wanted].edit
        edit.setFocus(Qt.FocusReason.OtherFocusReason)
        edit.selectAll()  # typing replaces a doubtful value at once
        self._outline(wanted)

    def _outline(self, name: str) -> None:
        self.image.set_boxes(self.fields.box_of(name), self.fields.boxes())

    # deciding -------------------------------------------------------------------------------

    def accept(self) -> None:
        item = self.current
        if item is None or item.reading is None:
            return
        values = self.fields.values()
        if not values.get("name"):
            needed = self.tr("A card needs a name to be imported: type it, or skip the card (%1).")
            self.status.setText(needed.replace("%1", SKIP_KEYS))
            self.fields.rows["name"].edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        unticked = self.fields.unticked()
        if unticked:
            self.status.setText(
                self.tr(
                    "Tick “Checked” beside the allergies and the chronic conditions first: "
                    "health data is imported only once a person has compared it with the "
                    "card."
                )
            )
            tick = self.fields.rows[unticked[0]].tick
            if tick is not None:
                tick.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        item.values = values
        self._decided(item, "accepted")

    def skip(self) -> None:
        if self.current is not None and self.current.reading is not None:
            self._decided(self.current, "skipped")

    def mark_unreadable(self) -> None:
        item = self.current
        if item is None or item.page_number == 0:
            return
        if item.status == "waiting":  # marked before it was read: it need not be
            item.problem = self.tr("Marked unreadable before it was read.")
        self._decided(item, "unreadable")

    def _card_edited(self) -> None:
        # A card changed after it was decided is decided again: nothing goes in unaccepted.
        item = self.current
        if item is not None and item.status in ("accepted", "skipped"):
            item.status = "check"
            self._update_row(item)
            self._show_summary()
            self.refresh()

    def _decided(self, item: CardItem, status: str) -> None:
        item.status = status
        self._update_row(item)
        self._show_summary()
        self.refresh()  # first: Next may take the keyboard once it is enabled
        self._go_next(item)

    def _go_next(self, after: CardItem) -> None:
        items = self.reader.items
        start = items.index(after) + 1
        for item in items[start:] + items[:start]:
            if item.status == "check":
                self._show(item)
                return
        self._show(after)
        if self.reader.waiting() and not self.reader.cancelled:
            self._waiting_for_next = True
            self.status.setText(self.tr("Waiting for the next card to be read…"))
            return
        self.status.setText(self.tr("Every card read has been checked: go on with Next."))
        next_button = self.importer.button(QWizard.WizardButton.NextButton)
        if next_button is not None and self.ready():
            next_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def accepted(self) -> list[AcceptedCard]:
        return [
            AcceptedCard(item.reading.page, dict(item.values), number, item.kept)
            for number, item in enumerate(self.reader.items, start=1)
            if item.status == "accepted" and item.reading is not None
        ]

    def ready(self) -> bool:
        reading = self.reader.active() and not self.reader.cancelled
        return bool(self.accepted()) and not reading

    # customers on file ----------------------------------------------------------------------

    def _look_on_file(self, item: CardItem | None) -> None:
        if item is not None and item.reading is not None:
            values = self.fields.values() if item is self.current else item.values
            self.on_file.look(item, values)

    def _found_on_file(self, item: CardItem) -> None:
        if item is self.current:
            self.fields.refresh_reasons()
            self.on_file.show_item(item)
