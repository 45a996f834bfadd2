"""A record merged into another is hidden everywhere; one who left is not contacted."""

from __future__ import annotations

from pharmadesk.services import consents, customers, search, stats
from pharmadesk.services.context import Context


def _made(ctx: Context, name: str, mobile: str) -> int:
    made = customers.create(
        ctx, {"name": name, "mobile": mobile, "consent_marketing": "given"}
    ).customer
    assert made is not None
    return made.id


def test_a_merged_away_record_is_not_found_listed_counted_or_contacted(pharmacy: Context) -> None:
    kept = _made(pharmacy, "王伟", "13812340001")
    gone = _made(pharmacy, "王玮", "13812340002")
    pharmacy.db.execute_sql(
        "UPDATE customer SET status = 'merged', merged_into_id = ? WHERE id = ?", (kept, gone)
    )
    assert [hit.id for hit in search.find(pharmacy, "王玮")] == []  # its name: not found
    assert [hit.id for hit in search.find(pharmacy, "13812340002")] == [kept]  # the one kept
    assert [record.id for record in customers.list_customers(pharmacy)] == [kept]
    assert stats.counts(pharmacy).customers == 1
    assert consents.may_contact(pharmacy, [kept, gone]) == {kept}


def test_a_customer_who_moved_away_is_not_contacted_but_still_found(pharmacy: Context) -> None:
    moved = _made(pharmacy, "李娜", "13812340003")
    pharmacy.db.execute_sql(
        "UPDATE customer SET left_reason = 'moved', left_on = '2026-11-01' WHERE id = ?", (moved,)
    )
    assert consents.may_contact(pharmacy, [moved]) == set()
    assert [hit.id for hit in search.find(pharmacy, "13812340003")] == [moved]


def test_the_old_mobile_of_a_merged_away_record_finds_the_record_kept(pharmacy: Context) -> None:
    from pharmadesk.services import merge

    kept = _made(pharmacy, "王伟", "13812340001")
    gone = _made(pharmacy, "王伟", "13812340002")
    merge.merge(pharmacy, kept, [gone], {"mobile": kept})
    assert [hit.id for hit in search.find(pharmacy, "13812340002")] == [kept]
    assert [hit.id for hit in search.find(pharmacy, "13812340001")] == [kept]
