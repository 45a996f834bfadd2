"""Where each card of a scanned-card import came from, kept with its batch.

The card reader (io/cards) hands the import one `PageRef` per accepted card, by the card's
row number in the batch (`ImportPlan.pages`); the commit writes one `card_page` row per
card that became, or was merged into, a customer, in the batch's own transaction. The
image holds health data, so its bytes are written only when the owner chose to keep card
images in the pharmacy file (`settings.store_card_images`): checked here, at the write,
so no caller can store one by forgetting to ask.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from pharmadesk.services import settings
from pharmadesk.services.context import Context

_INSERT_SQL = (
    "INSERT INTO card_page (batch_id, customer_id, row_number, source, page, file_hash, "
    "image, image_type, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


@dataclass(frozen=True)
class PageRef:
    """One card page: the file as chosen, the 1-based page in it, the file's SHA-256 (hex),
    and optionally the page's image and its media type ("image/png", "image/jpeg")."""

    source: str
    page: int
    file_hash: str
    image: bytes | None = None
    image_type: str | None = None

    def __post_init__(self) -> None:
        if self.page < 1:
            raise ValueError(f"pages are counted from 1, not {self.page}")
        if (self.image is None) != (self.image_type is None):
            raise ValueError("an image needs its media type, and a media type its image")


@dataclass(frozen=True)
class Written:
    pages: int  # card_page rows written
    images: int  # of them, with the image stored


def write(
    ctx: Context,
    *,
    batch_id: int,
    pages: Mapping[int, PageRef],
    customer_of_row: Mapping[int, int],
) -> Written:
    """One row per page whose card row became or joined a customer (`customer_of_row`:
    row number -> customer); the pages of skipped and rejected cards are not kept.
    Call inside the batch's transaction."""
    if not pages:
        return Written(0, 0)
    keep_images = settings.store_card_images(ctx)
    stamp = ctx.now().isoformat(timespec="seconds")
    rows = []
    for number, ref in sorted(pages.items()):
        customer_id = customer_of_row.get(number)
        if customer_id is None:
            continue
        image, kind = (ref.image, ref.image_type) if keep_images else (None, None)
        rows.append((batch_id, customer_id, number, ref.source, ref.page, ref.file_hash,
                     image, kind, stamp))  # fmt: skip
    ctx.db.cursor().executemany(_INSERT_SQL, rows)
    return Written(len(rows), sum(1 for row in rows if row[6] is not None))
