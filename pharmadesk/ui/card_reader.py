"""Reading the cards one at a time, off the GUI thread, so the first can be checked while
the rest are read.

The recogniser needs no database, so it runs in a BackgroundRunner of its own: a card
being read never holds up the counter's database worker. When a card is read the next is
submitted; Cancel stops submitting (the card in hand is finished and stays checkable).
`CardItem`s live on the GUI thread; the worker sees only a path, a page number, the layout
and the `PageFeed`, which only the worker touches.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Final

from PIL import Image
from PySide6.QtCore import QCoreApplication

from pharmadesk.io.cards import engine, reading, selftest
from pharmadesk.io.cards.layout import FIELDS, CardLayout
from pharmadesk.io.cards.pages import CardPage, UnreadableScan, read_pages
from pharmadesk.io.cards.reading import CardReading
from pharmadesk.ui.card_text import unreadable_text
from pharmadesk.ui.tasks import BackgroundRunner
from pharmadesk.ui.unexpected import unexpected_error_text

log = logging.getLogger(__name__)
KEPT_QUALITY: Final = 90  # JPEG, for the pages waiting in the check: about 0.1 MB, not 1.6
OnChange = Callable[["CardItem | None"], None]


@dataclass
class CardItem:
    """One card page in the check: its place, where it is in the check, what was read and
    what the person made of it. `values` are the fields as shown (edited or not)."""

    source: Path
    page_number: int
    pages_in_file: int = 1
    status: str = "waiting"  # waiting, reading, check, accepted, skipped, unreadable
    reading: CardReading | None = None
    values: dict[str, str] = field(default_factory=dict)
    confirmed: set[str] = field(default_factory=set)  # health fields ticked as checked
    problem: str | None = None  # why it could not be read, in the UI language
    on_file: list[tuple[str, str | None]] = field(default_factory=list)  # name, mobile
    kept: bytes = b""  # the page image as JPEG: what stays in memory while others are shown

    @property
    def label(self) -> str:
        if self.pages_in_file <= 1:
            return self.source.name
        text = QCoreApplication.translate("CardImport", "%1, page %2")
        return text.replace("%1", self.source.name).replace("%2", str(self.page_number))

    @property
    def page(self) -> CardPage | None:
        return self.reading.page if self.reading is not None else None

    def set_aside(self) -> None:
        """Drop the decoded page image (shown or cut from): it is decoded again from `kept`
        when next needed, so a folder of a thousand cards does not fill the memory."""
        if self.reading is not None and self.kept:
            self.reading.page = replace(self.reading.page, image=_opened(self.kept))


class PageFeed:
    """The pages of the file being read, kept open between cards (worker thread only):
    reading page 2 of a PDF does not decode page 1 again."""

    def __init__(self) -> None:
        self._open: tuple[Path, int, Iterator[CardPage]] | None = None

    def page(self, path: Path, number: int) -> CardPage:
        if self._open is None or self._open[0] != path or self._open[1] >= number:
            self.close()
            self._open = (path, 0, read_pages(path))
        _, done, pages = self._open
        found: CardPage | None = None
        try:
            while done < number:
                found = next(pages, None)
                done += 1
                if found is None:
                    raise UnreadableScan(
                        path, code="damaged", reason="has fewer pages than counted"
                    )
        except BaseException:
            self.close()
            raise
        self._open = (path, done, pages)
        assert found is not None
        return found

    def close(self) -> None:
        if self._open is not None:
            opened, self._open = self._open, None
            close = getattr(opened[2], "close", None)
            if close is not None:
                close()


def read_one(
    feed: PageFeed, path: Path, number: int, card_layout: CardLayout
) -> tuple[CardReading, bytes]:
    """Runs in the reading worker: one page, straightened and read field by field, and its
    image as JPEG bytes; the reading's page holds the image decoded from them, lazily."""
    selftest.ensure_working()
    found = reading.read_card(feed.page(path, number), engine.recogniser(), card_layout)
    buffer = io.BytesIO()
    found.page.image.save(buffer, "JPEG", quality=KEPT_QUALITY)
    kept = buffer.getvalue()
    found.page = replace(found.page, image=_opened(kept))
    return found, kept


def _opened(data: bytes) -> Image.Image:
    # Image.open only reads the header: the pixels are decoded when first used.
    return Image.open(io.BytesIO(data))


class CardReader:
    """Reads `items` in order in `runner`; `on_change(item)` after each card (None: the
    reading stopped or ended)."""

    def __init__(self, runner: BackgroundRunner, feed: PageFeed, on_change: OnChange) -> None:
        self.runner, self.feed, self.on_change = runner, feed, on_change
        self.items: list[CardItem] = []
        self.card_layout = CardLayout("")
        self.ticket: int | None = None
        self.cancelled = False
        self.missing: str | None = None  # the recogniser could not start: what it said

    def start(self, items: list[CardItem], card_layout: CardLayout) -> None:
        self.drop()
        self.items, self.card_layout = items, card_layout
        self.cancelled, self.missing = False, None
        self._next()

    def active(self) -> bool:
        """A card is being read."""
        return self.ticket is not None

    def cancel(self) -> None:
        """No further card is read; the one in hand still arrives."""
        self.cancelled = True
        self.on_change(None)

    def resume(self) -> None:
        self.cancelled = False
        if self.ticket is None:
            self._next()

    def drop(self) -> None:
        if self.ticket is not None:
            self.runner.forget(self.ticket)
            self.ticket = None
        for item in self.items:
            if item.status == "reading":
                item.status = "waiting"

    def waiting(self) -> int:
        return sum(1 for item in self.items if item.status in ("waiting", "reading"))

    def position(self) -> int:
        """The number (from 1) of the card being read, or 0."""
        for number, item in enumerate(self.items, start=1):
            if item.status == "reading":
                return number
        return 0

    def _next(self) -> None:
        if self.cancelled or self.missing is not None:
            self.on_change(None)
            return
        item = next((found for found in self.items if found.status == "waiting"), None)
        if item is None:
            self.on_change(None)
            return
        item.status = "reading"
        feed, path, number, chosen = self.feed, item.source, item.page_number, self.card_layout
        self.ticket = self.runner.submit(
            lambda: read_one(feed, path, number, chosen),
            lambda found: self._read(item, *found),
            lambda error: self._failed(item, error),
        )
        self.on_change(item)

    def _read(self, item: CardItem, found: CardReading, kept: bytes) -> None:
        self.ticket = None
        item.reading, item.kept = found, kept
        values = found.values()
        item.values = {name: values.get(name, "") for name in FIELDS}
        if item.status == "reading":  # not marked unreadable meanwhile
            item.status = "check"
        self.on_change(item)
        self._next()

    def _failed(self, item: CardItem, error: BaseException) -> None:
        self.ticket = None
        if isinstance(error, engine.OcrUnavailable):
            item.status = "waiting"
            self.missing = str(error)
        elif item.status == "reading":  # not marked unreadable by hand meanwhile
            self._unreadable(item, error)
        self.on_change(item)
        self._next()

    def _unreadable(self, item: CardItem, error: BaseException) -> None:
        if not isinstance(error, UnreadableScan):
            item.status = "unreadable"
            item.problem = unexpected_error_text(error, log_as="reading a card")
            return
        # The file cannot be read past this page: its later pages go with it.
        text = unreadable_text(error)
        for other in self.items:
            later = other.page_number >= item.page_number
            if other.source == item.source and later and other.status in ("waiting", "reading"):
                other.status, other.problem = "unreadable", text
