"""The scanned card pages a customer came from: listed for the window and the command line,
their stored images shown to those who may see health data, and what an undo removes.

A card page is written with its import batch (io/card_pages.py). The list says where the
paper is (file, page, batch) and whether an image was kept; the image itself shows the
card's allergies and conditions, so reading it needs the right to see health data and is
audited, naming the customer by id.

Decision for undo: a page stays exactly when the record it was written for stays. The
pages of customers the batch created go with them; the pages of cards merged into a
customer already on file go, as that customer stays without the card; the pages of a
customer kept because someone edited them since (or because a standing merge involves
them) stay, as they still say where that customer's details came from. A page a standing
merge moved to another record counts as written for the record it moved from, so undoing
the merge later still brings it back.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from pharmadesk.services import audit
from pharmadesk.services.context import Context
from pharmadesk.services.permissions import Operation, require

CHUNK = 900  # parameters per IN (...), under SQLite's limit
VIEWED = "card_page.image_viewed"


@dataclass(frozen=True)
class CardPageInfo:
    id: int
    batch_id: int
    source: str  # the file as chosen at the import
    page: int  # 1-based
    created_at: datetime
    has_image: bool  # the image is stored in the pharmacy file


def of_customer(ctx: Context, customer_id: int) -> list[CardPageInfo]:
    """The card pages a customer came from, oldest first (none for an unknown customer).

    Where the paper is says nothing about health, so every account that may open the
    customer may see the list; the image is `image()`.
    """
    require(ctx, Operation.COUNTER)
    rows = ctx.db.execute_sql(
        "SELECT id, batch_id, source, page, created_at, image IS NOT NULL FROM card_page "
        "WHERE customer_id = ? ORDER BY created_at, id",
        (customer_id,),
    ).fetchall()
    return [
        CardPageInfo(r[0], r[1], r[2], r[3], datetime.fromisoformat(r[4]), bool(r[5])) for r in rows
    ]


def image(ctx: Context, page_id: int) -> tuple[bytes, str] | None:
    """The stored image of one card page and its media type; None when no image was kept
    (or there is no such page). Each reading of an image is audited.

    Raises:
        PermissionRefused: the role may not see health data (a card shows allergies).
    """
    require(ctx, Operation.SEE_HEALTH)
    row = ctx.db.execute_sql(
        "SELECT customer_id, image, image_type FROM card_page WHERE id = ?", (page_id,)
    ).fetchone()
    if row is None or row[1] is None:
        return None
    with ctx.db.atomic():
        audit.record(ctx, VIEWED, customer_id=row[0], entity="card_page", entity_id=page_id)
    return bytes(row[1]), str(row[2])


def count_of(ctx: Context, customer_ids: Collection[int]) -> int:
    """Card pages held for these customers (what an erasure of them removes)."""
    ids = sorted(set(customer_ids))
    total = 0
    for start in range(0, len(ids), CHUNK):
        part = ids[start : start + CHUNK]
        total += ctx.db.execute_sql(
            f"SELECT count(*) FROM card_page WHERE customer_id IN ({','.join('?' * len(part))})",
            part,
        ).fetchone()[0]
    return total


def remove_for_undo(ctx: Context, batch_id: int, *, kept: Collection[int]) -> int:
    """Remove the batch's pages whose record does not stay (`kept`: the customers of the
    batch its undo keeps); returns how many. Call inside the undo's transaction, before
    its customers are deleted."""
    holders = dict(
        ctx.db.execute_sql(
            "SELECT id, customer_id FROM card_page WHERE batch_id = ?", (batch_id,)
        ).fetchall()
    )
    staying = set(kept)
    gone = [page for page, record in _written_for(ctx, holders).items() if record not in staying]
    for start in range(0, len(gone), CHUNK):
        part = gone[start : start + CHUNK]
        ctx.db.execute_sql(f"DELETE FROM card_page WHERE id IN ({','.join('?' * len(part))})", part)
    return len(gone)


def _written_for(ctx: Context, holders: dict[int, int]) -> dict[int, int]:
    """Each page (id -> customer holding it) mapped to the record it was written for:
    where standing merges moved it, the record it first moved from. Newest merge first, so
    a page moved twice (A into B, then B into C) goes back step by step to A."""
    found = dict(holders)
    if not found:
        return found
    rows = ctx.db.execute_sql(
        "SELECT survivor_id, moved FROM merge_record WHERE undone_at IS NULL "
        "AND instr(moved, '\"card_page\"') > 0 ORDER BY id DESC"
    ).fetchall()
    for survivor_id, moved in rows:
        for source, ids in json.loads(moved).get("card_page", {}).items():
            for page in ids:
                if found.get(page) == survivor_id:
                    found[page] = int(source)
    return found
