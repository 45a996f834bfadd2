"""The check page's list of cards and its reading progress: where each card is in the
check (waiting, reading, to check, accepted, skipped, unreadable), how far the reading has
got, and the button that stops it or reads the rest."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Final

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QProgressBar, QPushButton, QWidget

from pharmadesk.ui.card_reader import CardItem, CardReader
from pharmadesk.ui.card_text import status_label

COLOURS: Final = {"check": "#8a4b00", "accepted": "#1b5e20", "unreadable": "#b00020"}
COUNTED: Final = ("accepted", "check", "skipped", "unreadable")


class CardList(QListWidget):
    """One row a card: its file (and page) and where it is in the check."""

    def fill(self, items: Sequence[CardItem]) -> None:
        self.clear()
        for item in items:
            self.addItem("")
            self.show_item(self.count() - 1, item)

    def show_item(self, row: int, item: CardItem) -> None:
        shown = self.item(row)
        if shown is None:
            return
        text = f"{item.label} · {status_label(item.status)}"
        shown.setText(text)
        # The list is narrow beside the card: the whole line, and any problem, on hover.
        shown.setToolTip("\n".join(part for part in (text, item.problem) if part))
        colour = COLOURS.get(item.status)
        shown.setForeground(self.palette().text() if colour is None else QBrush(QColor(colour)))

    def choose(self, row: int) -> None:
        """Make `row` current without telling whoever follows the choice (showing a card)."""
        self.blockSignals(True)
        self.setCurrentRow(row)
        self.blockSignals(False)

    def summary(self, items: Sequence[CardItem]) -> str:
        counts = dict.fromkeys(COUNTED, 0)
        for item in items:
            if item.status in counts:
                counts[item.status] += 1
        text = self.tr("Accepted: %1 · To check: %2 · Skipped: %3 · Unreadable: %4")
        for number, status in enumerate(COUNTED, start=1):
            text = text.replace(f"%{number}", str(counts[status]))
        return text


class ReadingProgress(QWidget):
    """“Reading card 3 of 12”, a bar, and Stop reading / Read the rest."""

    def __init__(self, on_stop: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar()
        self.bar.setObjectName("readingProgress")
        self.bar.setTextVisible(False)
        self.text = QLabel()
        self.text.setObjectName("readingText")
        self.stop = QPushButton()
        self.stop.setObjectName("stopReading")
        self.stop.setAutoDefault(False)
        self.stop.clicked.connect(lambda: on_stop())
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.text)
        row.addWidget(self.bar, 1)
        row.addWidget(self.stop)

    def show_state(self, reader: CardReader) -> None:
        items = [item for item in reader.items if item.page_number > 0]
        done = sum(1 for item in items if item.status not in ("waiting", "reading"))
        self.bar.setRange(0, max(len(items), 1))
        self.bar.setValue(done)
        position, total = reader.position(), len(items)
        if reader.cancelled:
            text = self.tr("Reading stopped: %1 of %Ln card(s) read.", "", total)
            text = text.replace("%1", str(done))
        elif position:
            text = self.tr("Reading card %1 of %2").replace("%1", str(position))
            text = text.replace("%2", str(total))
        else:
            text = self.tr("All %Ln card(s) read.", "", total)
        self.text.setText(text)
        self.stop.setText(self.tr("Read the &rest") if reader.cancelled else
                          self.tr("&Stop reading"))  # fmt: skip
        self.stop.setVisible(reader.waiting() > 0)
