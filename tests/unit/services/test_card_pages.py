"""The scanned cards a customer came from: listed at the counter, the image shown only to
those who may see health data (and audited), erased with the customer, moved by a merge and
back by its undo; keeping images is the owner's choice."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from pharmadesk.db.models import AuditEvent, Customer
from pharmadesk.errors import PermissionRefused
from pharmadesk.io import customer_import, import_batches
from pharmadesk.io.card_pages import PageRef
from pharmadesk.io.files import RawRow, RawTable
from pharmadesk.services import card_pages, customers, erasure, merge, settings
from pharmadesk.services.context import Account, Context
from tests.unit.services.test_erasure import _decrypted_pages, _in_pages

MARKER, OTHER_MARKER = "CARD-IMAGE-7731", "CARD-IMAGE-OTHER"  # inside the image bytes
IMAGE = (MARKER * 400).encode()  # larger than a page: overflow pages too
NAME, MOBILE = "欧阳秀英", "13987650001"


def _import(ctx: Context, rows: list[tuple[str, str]], *, source: str, image: bytes = IMAGE) -> int:
    lines = [("姓名", "手机"), *rows]
    raw = [RawRow(n, tuple(cells)) for n, cells in enumerate(lines, start=1)]
    digest = hashlib.sha256(repr((rows, source)).encode()).hexdigest()
    plan = customer_import.plan(ctx, RawTable(Path(source), "cards", raw, digest))
    plan.kind = "cards"
    plan.pages = {
        row.number: PageRef(source, row.number - 1, digest, image, "image/jpeg")
        for row in plan.rows
    }
    return import_batches.commit(ctx, plan)


def _id(name: str) -> int:
    return int(Customer.get((Customer.name == name) & (Customer.status != "merged")).id)


def _as(ctx: Context, role: str) -> Context:
    return Context(ctx.db, ctx.path, Account(ctx.account.id, role, role), ctx.clock)


def test_the_counter_lists_where_the_card_is_and_whether_its_image_is_kept(
    pharmacy: Context,
) -> None:
    batch = _import(pharmacy, [("张三", "13900001111")], source="/scans/a.pdf")
    settings.set_store_card_images(pharmacy, True)
    later = _import(pharmacy, [("张三", "13900001111")], source="/scans/b.tiff")
    zhang = _id("张三")
    pages = card_pages.of_customer(_as(pharmacy, "staff"), zhang)
    assert [(p.batch_id, p.source, p.page, p.has_image) for p in pages] == [
        (batch, "/scans/a.pdf", 1, False), (later, "/scans/b.tiff", 1, True),
    ]  # fmt: skip
    assert card_pages.of_customer(pharmacy, zhang + 100) == []


def test_a_stored_image_is_shown_to_those_who_see_health_data_and_audited(
    pharmacy: Context,
) -> None:
    settings.set_store_card_images(pharmacy, True)
    _import(pharmacy, [("张三", "13900001111")], source="/scans/a.pdf")
    zhang = _id("张三")
    [page] = card_pages.of_customer(pharmacy, zhang)
    with pytest.raises(PermissionRefused, match="health data"):
        card_pages.image(_as(pharmacy, "staff"), page.id)
    assert card_pages.image(_as(pharmacy, "pharmacist"), page.id) == (IMAGE, "image/jpeg")
    viewed = AuditEvent.select().where(AuditEvent.action == "card_page.image_viewed")
    assert [(e.customer_id, e.entity_id, e.user_name) for e in viewed] == [
        (zhang, page.id, "pharmacist")
    ]
    assert MARKER not in "".join(e.details for e in AuditEvent.select())


def test_without_a_stored_image_there_is_nothing_to_show_and_nothing_audited(
    pharmacy: Context,
) -> None:
    _import(pharmacy, [("张三", "13900001111")], source="/scans/a.pdf")
    [page] = card_pages.of_customer(pharmacy, _id("张三"))
    assert card_pages.image(pharmacy, page.id) is None
    assert card_pages.image(pharmacy, page.id + 1) is None
    assert not AuditEvent.select().where(AuditEvent.action == "card_page.image_viewed").exists()


def test_only_the_owner_chooses_to_keep_card_images(pharmacy: Context) -> None:
    assert settings.store_card_images(pharmacy) is False
    with pytest.raises(PermissionRefused):
        settings.set_store_card_images(_as(pharmacy, "pharmacist"), True)
    settings.set_store_card_images(pharmacy, True)
    assert settings.store_card_images(pharmacy) is True
    [change] = AuditEvent.select().where(AuditEvent.action == "settings.changed")
    assert settings.STORE_CARD_IMAGES in change.details


def test_erasure_removes_their_card_pages_and_images_from_every_page_of_the_file(
    pharmacy: Context, db_path: Path
) -> None:
    key = pharmacy.db._raw_key  # type: ignore[attr-defined]
    settings.set_store_card_images(pharmacy, True)
    _import(pharmacy, [(NAME, MOBILE)], source=f"/scans/{NAME}.jpg")
    customer = _id(NAME)
    # Another card scanned into a folder named after them keeps no trace of the name.
    other = (OTHER_MARKER * 400).encode()
    _import(pharmacy, [("李小明", "13600001234")], source=f"/scans/{NAME}家/2.jpg", image=other)
    pharmacy.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    assert _in_pages(_decrypted_pages(key, db_path), (MARKER,)) == {MARKER}  # the control

    result = erasure.erase(pharmacy, customer)

    assert result.card_pages == 1
    assert card_pages.of_customer(pharmacy, customer) == []
    sources = [r[0] for r in pharmacy.db.execute_sql("SELECT source FROM card_page")]
    assert sources == [f"/scans/已删除客户 #{customer}家/2.jpg"]
    pages = _decrypted_pages(key, db_path)  # free pages and the WAL included
    assert _in_pages(pages, (MARKER, OTHER_MARKER)) == {OTHER_MARKER}


def test_a_merge_moves_the_card_pages_to_the_record_kept_and_the_unmerge_back(
    pharmacy: Context,
) -> None:
    made = customers.create(pharmacy, {"name": "王芳", "mobile": "13811112222"}).customer
    assert made is not None
    _import(pharmacy, [("王芳", "13999998888")], source="/scans/a.pdf")
    [imported] = [c.id for c in Customer.select().where(Customer.mobile == "13999998888")]
    [page] = card_pages.of_customer(pharmacy, imported)

    merged = merge.merge(pharmacy, made.id, [imported], {"mobile": made.id})

    assert merged.moved["card_page"] == 1
    assert [p.id for p in card_pages.of_customer(pharmacy, made.id)] == [page.id]
    assert merge.history(pharmacy, made.id)[0].moved["card_page"] == 1
    merge.unmerge(pharmacy, merged.merge_id)
    assert card_pages.of_customer(pharmacy, made.id) == []
    assert [p.id for p in card_pages.of_customer(pharmacy, imported)] == [page.id]


def test_erasing_the_record_kept_erases_the_pages_merged_into_it(pharmacy: Context) -> None:
    made = customers.create(pharmacy, {"name": "王芳", "mobile": "13811112222"}).customer
    assert made is not None
    _import(pharmacy, [("王芳", "13999998888")], source="/scans/a.pdf")
    [imported] = [c.id for c in Customer.select().where(Customer.mobile == "13999998888")]
    merge.merge(pharmacy, made.id, [imported], {"mobile": made.id})
    result = erasure.erase(pharmacy, made.id)
    assert result.card_pages == 1
    assert pharmacy.db.execute_sql("SELECT count(*) FROM card_page").fetchone() == (0,)


def test_a_card_joined_to_the_record_kept_after_the_merge_stays_there_on_unmerge(
    pharmacy: Context,
) -> None:
    made = customers.create(pharmacy, {"name": "王芳", "mobile": "13811112222"}).customer
    assert made is not None
    _import(pharmacy, [("王芳", "13999998888")], source="/scans/a.pdf")
    [imported] = [c.id for c in Customer.select().where(Customer.mobile == "13999998888")]
    merged = merge.merge(pharmacy, made.id, [imported], {"mobile": made.id})
    _import(pharmacy, [("王芳", "13811112222")], source="/scans/b.pdf")  # joins the record kept
    later = [p.id for p in card_pages.of_customer(pharmacy, made.id) if p.source.endswith("b.pdf")]

    result = merge.unmerge(pharmacy, merged.merge_id)

    assert result.stayed["card_page"] == later
    assert [p.source for p in card_pages.of_customer(pharmacy, made.id)] == ["/scans/b.pdf"]
    assert [p.source for p in card_pages.of_customer(pharmacy, imported)] == ["/scans/a.pdf"]
