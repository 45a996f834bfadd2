"""The counter search, as a pharmacist types into it."""

from __future__ import annotations

from datetime import datetime

import pytest

from pharmadesk.services import customers, interactions, purchases, search
from pharmadesk.services.context import Context
from tests.conftest import CST, FakeClock

PEOPLE = {
    "张三": "13812345678",
    "张三丰": "13700005678",
    "曾志强": "13900001111",
    "单丽": "13600002222",
    "解明": "13500003333",
    "仇建国": "13400004444",
    "区伟": "13300005555",
    "李秀英": "15800006666",
    "周爽": "18800007777",
    "王小张": "18900008888",
}


@pytest.fixture
def ids(pharmacy: Context) -> dict[str, int]:
    out = {}
    for name, mobile in PEOPLE.items():
        record = customers.create(pharmacy, {"name": name, "mobile": mobile}).customer
        assert record is not None
        out[name] = record.id
    return out


def names(ctx: Context, query: str, limit: int = 50) -> list[str]:
    return [hit.name for hit in search.find(ctx, query, limit=limit)]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("zhangsan", "张三"),
        ("zs", "张三"),
        ("zeng", "曾志强"),
        ("zengzhiqiang", "曾志强"),
        ("zzq", "曾志强"),
        ("shanli", "单丽"),
        ("xieming", "解明"),
        ("qiujianguo", "仇建国"),
        ("ouwei", "区伟"),
        ("quwei", "区伟"),
        ("cengzhiqiang", "曾志强"),
        ("lxy", "李秀英"),
        ("ZS", "张三"),
    ],
)
def test_pinyin_full_or_initials_finds_the_customer_first(
    pharmacy: Context, ids: dict[str, int], query: str, expected: str
) -> None:
    assert names(pharmacy, query)[0] == expected


def test_initials_find_everyone_whose_initials_match(
    pharmacy: Context, ids: dict[str, int]
) -> None:
    found = names(pharmacy, "zs")
    assert found[:2] == ["张三", "周爽"]  # both exact; equally recent, so by id
    assert "张三丰" in found[2:]


def test_exact_before_prefix_before_substring(pharmacy: Context, ids: dict[str, int]) -> None:
    hits = search.find(pharmacy, "张三")
    assert [(h.name, h.match) for h in hits] == [("张三", "exact"), ("张三丰", "prefix")]
    hits = search.find(pharmacy, "张")
    assert [(h.name, h.match) for h in hits][-1] == ("王小张", "substring")


def test_one_and_two_character_fragments_inside_names(
    pharmacy: Context, ids: dict[str, int]
) -> None:
    assert names(pharmacy, "秀英") == ["李秀英"]
    assert names(pharmacy, "秀") == ["李秀英"]
    assert set(names(pharmacy, "三")) == {"张三", "张三丰"}


def test_mobile_full_partial_and_last_four(pharmacy: Context, ids: dict[str, int]) -> None:
    assert names(pharmacy, "13812345678") == ["张三"]
    assert names(pharmacy, "138 1234 5678") == ["张三"]
    assert names(pharmacy, "+86 138-1234-5678") == ["张三"]
    assert set(names(pharmacy, "5678")) == {"张三", "张三丰"}
    assert names(pharmacy, "１３８１２３") == ["张三"]
    assert names(pharmacy, "0006666") == ["李秀英"]
    assert names(pharmacy, "81234") == ["张三"]  # digits from the middle of a mobile


def test_middle_digits_follow_a_changed_number(pharmacy: Context, ids: dict[str, int]) -> None:
    customers.update(pharmacy, ids["张三"], {"mobile": "13955554444"}, allow_duplicate=True)
    assert names(pharmacy, "81234") == []
    assert names(pharmacy, "55554") == ["张三"]
    customers.update(pharmacy, ids["张三"], {"phone": "0571-86609988"})
    assert names(pharmacy, "866099") == ["张三"]  # the other phone too


def test_member_code(pharmacy: Context, ids: dict[str, int]) -> None:
    code = customers.get(pharmacy, ids["区伟"]).code
    assert code is not None
    assert names(pharmacy, code) == ["区伟"]
    assert names(pharmacy, code.lower()) == ["区伟"]


def test_recently_active_customers_come_first_among_equals(
    pharmacy: Context, ids: dict[str, int], clock: FakeClock
) -> None:
    assert names(pharmacy, "5678") == ["张三", "张三丰"]
    clock.advance(days=3)
    purchases.record(
        pharmacy,
        ids["张三丰"],
        [purchases.LineInput("维生素C片", 1, 990)],
        purchased_at=datetime(2026, 11, 23, 9, tzinfo=CST),
    )
    assert names(pharmacy, "5678") == ["张三丰", "张三"]
    clock.advance(days=1)
    interactions.log(pharmacy, ids["张三"], channel="phone", kind="follow_up", summary="回访")
    assert names(pharmacy, "5678") == ["张三", "张三丰"]


def test_the_limit_is_respected_and_nonsense_finds_nothing(
    pharmacy: Context, ids: dict[str, int]
) -> None:
    for n in range(5):
        customers.create(pharmacy, {"name": f"张{'一二三四五'[n]}", "mobile": f"1370000000{n}"})
    assert len(search.find(pharmacy, "zhang")) >= 5
    assert len(search.find(pharmacy, "zhang", limit=3)) == 3
    assert search.find(pharmacy, "") == []
    assert search.find(pharmacy, "   ") == []
    assert search.find(pharmacy, "xyzzy") == []
    assert search.find(pharmacy, "*") == []
    assert search.find(pharmacy, "'; DROP TABLE customer; --") == []


def test_a_partial_syllable_finds_by_prefix(pharmacy: Context, ids: dict[str, int]) -> None:
    assert set(names(pharmacy, "zha")) >= {"张三", "张三丰"}


def test_long_latin_names_are_found_by_any_part(pharmacy: Context) -> None:
    customers.create(pharmacy, {"name": "Margaret  Thornbury"})
    assert names(pharmacy, "thornbury") == ["Margaret Thornbury"]
    assert names(pharmacy, "marg") == ["Margaret Thornbury"]


def test_anonymised_customers_are_not_found(pharmacy: Context, ids: dict[str, int]) -> None:
    pharmacy.db.execute_sql(
        "UPDATE customer SET status = 'anonymised' WHERE id = ?", (ids["张三"],)
    )
    assert "张三" not in names(pharmacy, "5678")
    assert "张三" not in names(pharmacy, "zs")


def test_a_long_fragment_follows_renames_and_removals(pharmacy: Context) -> None:
    saved = customers.create(pharmacy, {"name": "Margaret Thornbury"}).customer
    assert saved is not None
    customers.update(pharmacy, saved.id, {"name": "Margaret Ashworth"})
    assert names(pharmacy, "thornbury") == []
    assert names(pharmacy, "ashworth") == ["Margaret Ashworth"]
    pharmacy.db.execute_sql("DELETE FROM customer WHERE id = ?", (saved.id,))
    assert names(pharmacy, "ashworth") == []
