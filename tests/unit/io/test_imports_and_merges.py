"""Imports meet merges: a hidden record is never matched, an undo never breaks a merge."""

from __future__ import annotations

import hashlib
from pathlib import Path

from pharmadesk.db.models import Customer
from pharmadesk.io import customer_import, import_batches
from pharmadesk.io.files import RawRow, RawTable
from pharmadesk.services import customers, merge
from pharmadesk.services.context import Context


def _cards(*rows: tuple[str, str]) -> RawTable:
    lines = [("姓名", "手机"), *rows]
    raw = [RawRow(n, tuple(cells)) for n, cells in enumerate(lines, start=1)]
    digest = hashlib.sha256(repr(rows).encode()).hexdigest()
    return RawTable(Path("cards.csv"), "cards", raw, digest)


def _new(ctx: Context, name: str, mobile: str) -> int:
    made = customers.create(ctx, {"name": name, "mobile": mobile}, allow_duplicate=True).customer
    assert made is not None
    return made.id


def _merged(ctx: Context, keep: int, away: int) -> int:
    preview = merge.preview(ctx, [keep, away])
    assert preview is not None
    return merge.merge(ctx, keep, [away], {"mobile": keep}).merge_id


def test_a_card_with_the_old_mobile_of_a_merged_record_joins_the_record_kept(
    pharmacy: Context,
) -> None:
    keep = _new(pharmacy, "王芳", "13811112222")
    away = _new(pharmacy, "王芳", "13999998888")
    _merged(pharmacy, keep, away)
    plan = customer_import.plan(pharmacy, _cards(("王芳", "13999998888")))
    [row] = plan.rows
    assert (row.outcome, row.into_customer) == ("merged", keep)


def test_undoing_the_import_that_made_a_merged_record_keeps_it_and_the_merge_undoable(
    pharmacy: Context,
) -> None:
    keep = _new(pharmacy, "李娜", "13811113333")
    batch = import_batches.commit(pharmacy, customer_import.plan(
        pharmacy, _cards(("李娜", "13977776666"))))  # fmt: skip
    [imported] = [c.id for c in Customer.select().where(Customer.mobile == "13977776666")]
    merge_id = _merged(pharmacy, keep, imported)
    result = import_batches.undo(pharmacy, batch, keep_edited=False)
    assert imported in result.kept_edited
    assert Customer.get_by_id(imported).status == "merged"
    merge.unmerge(pharmacy, merge_id)
    assert Customer.get_by_id(imported).status == "active"
