"""Accepted cards as rows of an ordinary customer import, and each row's page.

A card a person accepted is one data row; the header row holds the printed labels, mapped
explicitly, so the import engine's normalisation, duplicate handling, outcomes, report,
batch and undo apply unchanged. Each card keeps its number in the check list (1, 2, …,
skipped and unreadable cards included), and the report names it by that number. The
batch's hash is made of the pages' own hashes, so the same cards imported again are named
as such, whatever the files are called.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from pharmadesk.errors import OperationFailed
from pharmadesk.io import customer_import
from pharmadesk.io.card_pages import PageRef
from pharmadesk.io.cards.layout import FIELDS, LABELS
from pharmadesk.io.cards.pages import CardPage
from pharmadesk.io.files import RawRow, RawTable
from pharmadesk.services.context import Context

HEADER_NUMBER: Final = 0  # the cards count from 1
IMAGE_TYPE: Final = "image/jpeg"
_IMAGE_QUALITY: Final = 85  # at 150 dpi: readable, about 100 kB a card


@dataclass(frozen=True)
class AcceptedCard:
    """A card a person checked and accepted: the values as confirmed, and its page."""

    page: CardPage
    values: dict[str, str]
    number: int | None = None  # its place in the check list; the report names it so
    # The page image as the check window already holds it (JPEG): kept as is, not encoded
    # again, when the owner keeps card images.
    encoded: bytes = b""

    def image(self) -> bytes:
        return self.encoded or image_bytes(self.page)


@dataclass(frozen=True)
class CardRows:
    table: RawTable
    mapping: dict[int, str]
    cards: dict[int, AcceptedCard]  # row number -> the card (and page) it came from


def rows_of(cards: Sequence[AcceptedCard]) -> CardRows:
    if not cards:
        raise ValueError("no accepted cards")
    columns = [name for name in FIELDS if any(card.values.get(name) for card in cards)]
    if "name" not in columns:
        columns.insert(0, "name")
    header = RawRow(HEADER_NUMBER, tuple(LABELS[name][0] for name in columns))
    rows = [header]
    numbered: dict[int, AcceptedCard] = {}
    for position, card in enumerate(cards, start=1):
        number = card.number if card.number is not None else position
        cells = tuple(card.values.get(name, "").strip() or None for name in columns)
        rows.append(RawRow(number, _trimmed(cells)))
        numbered[number] = card
    table = RawTable(_source(cards), None, rows, _hash(cards))
    return CardRows(table, dict(enumerate(columns)), numbered)


def plan(ctx: Context, cards: Sequence[AcceptedCard], *, policy: str = "merge",
         overrides: dict[int, str] | None = None,
         store_images: bool = False) -> customer_import.ImportPlan:  # fmt: skip
    """The import plan of the accepted cards, each row knowing its page."""
    found = rows_of(cards)
    result = customer_import.plan(
        ctx, found.table, mapping=found.mapping, header_index=0, policy=policy,
        overrides=overrides,
    )  # fmt: skip
    result.kind = "cards"
    result.pages = {
        number: PageRef(
            str(card.page.source), card.page.page, card.page.file_hash,
            card.image() if store_images else None,
            IMAGE_TYPE if store_images else None,
        )
        for number, card in found.cards.items()
    }  # fmt: skip
    return result


def possible_duplicates(ctx: Context, values: dict[str, str]) -> list[int]:
    """Existing customers this card is, or may be, by the import's own rules."""
    if not (values.get("name") or "").strip():
        return []
    header = tuple(LABELS[name][0] for name in FIELDS)
    row = tuple((values.get(name) or "").strip() or None for name in FIELDS)
    table = RawTable(Path("card"), None, [RawRow(0, header), RawRow(1, row)], "")
    try:
        found = customer_import.plan(
            ctx, table, mapping=dict(enumerate(FIELDS)), header_index=0, policy="merge"
        )
    except OperationFailed:  # a card the import cannot plan has no duplicates to show
        return []
    ids = []
    for planned in found.rows:
        for customer_id in (planned.into_customer, planned.proposed_customer):
            if customer_id is not None and customer_id not in ids:
                ids.append(customer_id)
    return ids


def image_bytes(page: CardPage) -> bytes:
    buffer = io.BytesIO()
    page.image.save(buffer, "JPEG", quality=_IMAGE_QUALITY)
    return buffer.getvalue()


def _trimmed(cells: tuple[str | None, ...]) -> tuple[str | None, ...]:
    end = len(cells)
    while end and cells[end - 1] is None:
        end -= 1
    return cells[:end]


def _source(cards: Sequence[AcceptedCard]) -> Path:
    files = {card.page.source for card in cards}
    folders = {path.parent for path in files}
    if len(files) == 1:
        return next(iter(files))
    if len(folders) == 1:
        return next(iter(folders))
    return sorted(files)[0]


def _hash(cards: Sequence[AcceptedCard]) -> str:
    digest = hashlib.sha256(b"pharmadesk cards\n")
    for key in sorted(f"{card.page.file_hash}:{card.page.page}" for card in cards):
        digest.update(key.encode() + b"\n")
    return digest.hexdigest()
