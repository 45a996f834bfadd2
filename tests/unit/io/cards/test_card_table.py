"""Accepted cards go through the ordinary import: outcomes, duplicates, batch, pages, undo."""

from __future__ import annotations

from pathlib import Path

import pytest

from pharmadesk.io import import_batches
from pharmadesk.io.cards import card_table, pages, samples
from pharmadesk.io.cards.card_table import AcceptedCard
from pharmadesk.services import customers, settings
from pharmadesk.services.context import Context


@pytest.fixture(scope="module")
def scans(tmp_path_factory: pytest.TempPathFactory) -> list[pages.CardPage]:
    folder = tmp_path_factory.mktemp("scans")
    samples.save_many([samples.draw_card(), samples.draw_card()], folder / "cards.pdf")
    return list(pages.read_pages(folder / "cards.pdf"))


def _accepted(scans: list[pages.CardPage]) -> list[AcceptedCard]:
    first = AcceptedCard(
        scans[0],
        {"name": "李秀英", "mobile": "13812345678", "birth_date": "1958年4月12日",
         "allergies": "青霉素"},
    )  # fmt: skip
    # The second card's mobile was corrected by the person checking it.
    second = AcceptedCard(
        scans[1],
        {"name": "王伟", "mobile": "13900001111", "gender": "男", "registered_on": "2015-03-08"},
    )
    return [first, second]


def _card_pages(ctx: Context) -> list[tuple[object, ...]]:
    return ctx.db.execute_sql(
        "SELECT customer_id, row_number, source, page, image IS NOT NULL FROM card_page "
        "ORDER BY row_number"
    ).fetchall()


def test_accepted_cards_become_one_cards_batch_with_each_customers_page(
    pharmacy: Context, scans: list[pages.CardPage]
) -> None:
    plan = card_table.plan(pharmacy, _accepted(scans))
    assert plan.counts()["imported"] == 2
    batch = import_batches.commit(pharmacy, plan)
    found = {c.name: c for c in customers.list_customers(pharmacy)}
    assert found["李秀英"].mobile == "13812345678"
    assert found["李秀英"].allergies == "青霉素"
    assert found["王伟"].gender == "M"
    assert found["王伟"].consent_data == "paper_unconfirmed"
    [info] = [b for b in import_batches.batches(pharmacy) if b.id == batch]
    assert info.file_name == "cards.pdf"
    kind = pharmacy.db.execute_sql("SELECT kind FROM import_batch WHERE id = ?", (batch,))
    assert kind.fetchone()[0] == "cards"
    rows = _card_pages(pharmacy)
    assert [(r[1], Path(str(r[2])).name, r[3], r[4]) for r in rows] == [
        (1, "cards.pdf", 1, 0), (2, "cards.pdf", 2, 0),
    ]  # fmt: skip
    assert {r[0] for r in rows} == {found["李秀英"].id, found["王伟"].id}

    import_batches.undo(pharmacy, batch)
    assert list(customers.list_customers(pharmacy)) == []
    assert _card_pages(pharmacy) == []


def test_the_same_cards_again_are_named_and_a_known_customer_is_merged(
    pharmacy: Context, scans: list[pages.CardPage]
) -> None:
    import_batches.commit(pharmacy, card_table.plan(pharmacy, _accepted(scans)[:1]))
    again = card_table.plan(pharmacy, _accepted(scans))
    assert again.previous_batch is None  # another set of pages: not the same batch
    assert again.counts()["merged"] == 1
    repeat = card_table.plan(pharmacy, _accepted(scans)[:1])
    assert repeat.previous_batch is not None
    assert card_table.possible_duplicates(pharmacy, {"name": "李秀英", "mobile": "13812345678"})
    assert card_table.possible_duplicates(pharmacy, {"name": "赵敏", "mobile": "13700000000"}) == []


def test_the_page_image_is_kept_only_when_the_owner_said_so(
    pharmacy: Context, scans: list[pages.CardPage]
) -> None:
    settings.set_store_card_images(pharmacy, True)
    plan = card_table.plan(pharmacy, _accepted(scans), store_images=True)
    import_batches.commit(pharmacy, plan)
    assert [r[4] for r in _card_pages(pharmacy)] == [1, 1]
