"""The duplicate finder: precision on a made-up set, the evidence in words, dismissals."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from pharmadesk.errors import NotFound, PermissionRefused, ValidationError
from pharmadesk.services import accounts, customers, demo, duplicates, erasure, settings, vault
from pharmadesk.services.context import Account, Context
from pharmadesk.services.duplicates import Pair
from tests.conftest import PASSWORD, FakeClock

ADDRESS = "杭州市西湖区文三路88号3幢201室"


def add(ctx: Context, name: str, **fields: Any) -> int:
    """A customer saved at the counter, past its own duplicate warning."""
    made = customers.create(ctx, {"name": name, **fields}, allow_duplicate=True).customer
    assert made is not None
    return made.id


def pairs_by_ids(ctx: Context) -> dict[tuple[int, int], Pair]:
    return {pair.ids: pair for pair in duplicates.find(ctx).pairs}


@pytest.fixture
def known(pharmacy: Context) -> dict[str, tuple[int, int]]:
    """Known duplicate pairs, and known different people who look alike in one way."""
    ctx = pharmacy
    ids = {
        "same_mobile": (add(ctx, "张三", mobile="13812345678"),
                        add(ctx, "张三", mobile="13812345678", address="杭州市拱墅区1号")),
        "name_birth": (add(ctx, "李秀英", birth_date="1965-03-07", mobile="13900000001"),
                       add(ctx, "李秀英", birth_date="1965-03-07", mobile="13700000002")),
        "reading_address": (add(ctx, "王伟", address=ADDRESS, mobile="13600000001"),
                            add(ctx, "王玮", address=f" {ADDRESS}", mobile="13500000009")),
        "one_digit": (add(ctx, "陈明", mobile="13811112222"),
                      add(ctx, "陈明", mobile="13811112232")),
        "same_phone": (add(ctx, "Li Na", phone="0571-87654321"),
                       add(ctx, "li  na", phone="057187654321")),
        # Different people: one name, other birth dates (even at one address).
        "namesakes": (add(ctx, "刘洋", birth_date="1980-01-01", mobile="13300000001"),
                      add(ctx, "刘洋", birth_date="1990-02-02", mobile="13300000002")),
        "father_son": (add(ctx, "赵军", birth_date="1950-05-05", address="上海市长宁路5号"),
                       add(ctx, "赵军", birth_date="1978-08-08", address="上海市长宁路5号")),
        # One address, other names: a family.
        "family": (add(ctx, "孙丽", address="北京市朝阳路9号"),
                   add(ctx, "周强", address="北京市朝阳路9号")),
        # A mobile one digit away, another name.
        "near_mobile": (add(ctx, "吴敏", mobile="13822223333"),
                        add(ctx, "郑浩", mobile="13822223334")),
        # One mobile for husband and wife, both birth dates known.
        "couple": (add(ctx, "黄海", mobile="13755556666", birth_date="1960-01-01"),
                   add(ctx, "林芳", mobile="13755556666", birth_date="1962-02-02")),
    }  # fmt: skip
    return ids


DUPLICATES = ("same_mobile", "name_birth", "reading_address", "one_digit", "same_phone")


def test_it_finds_the_known_duplicates_and_no_one_else(
    pharmacy: Context, known: dict[str, tuple[int, int]]
) -> None:
    found = duplicates.find(pharmacy)
    assert {pair.ids for pair in found.pairs} == {known[k] for k in DUPLICATES}
    assert found.customers == 2 * len(known)
    assert found.skipped_groups == 0


def test_each_pair_has_its_evidence_in_words(
    pharmacy: Context, known: dict[str, tuple[int, int]]
) -> None:
    pairs = pairs_by_ids(pharmacy)
    expected = {
        "same_mobile": ("certain", ("same_mobile",), "同一手机号 13812345678",
                        "same mobile 13812345678"),
        "name_birth": ("strong", ("same_name_birth_date",), "同名且出生日期相同 1965-03-07",
                       "same name and birth date 1965-03-07"),
        "reading_address": ("possible", ("similar_name_address",),
                            f"姓名同音，同一地址 {ADDRESS}",
                            f"names read the same, same address {ADDRESS}"),
        "one_digit": ("possible", ("mobile_one_digit",),
                      "同名，手机号只差一位 13811112222 / 13811112232",
                      "same name, mobiles one digit apart 13811112222 / 13811112232"),
        "same_phone": ("possible", ("similar_name_phone",), "同名，同一其他电话 0571-87654321",
                       "same name, same other phone 0571-87654321"),
    }  # fmt: skip
    for key, (level, codes, chinese, english) in expected.items():
        pair = pairs[known[key]]
        assert (pair.level, pair.codes) == (level, codes), key
        assert pair.reason("zh_CN") == chinese
        assert pair.reason("en") == english
    first = pairs[known["same_mobile"]]
    assert (first.low.name, first.low.mobile, first.high.id) == (
        "张三",
        "13812345678",
        known["same_mobile"][1],
    )


def test_the_list_is_most_certain_first(
    pharmacy: Context, known: dict[str, tuple[int, int]]
) -> None:
    levels = [pair.level for pair in duplicates.find(pharmacy).pairs]
    assert levels == sorted(levels, key=duplicates.LEVELS.index)
    assert levels[0] == "certain"


def test_several_evidences_combine_highest_level_first(pharmacy: Context) -> None:
    a = add(pharmacy, "钱进", mobile="13612345678", birth_date="1970-07-07", address=ADDRESS)
    b = add(pharmacy, "钱进", mobile="13612345678", birth_date="1970-07-07", address=ADDRESS)
    pair = pairs_by_ids(pharmacy)[(a, b)]
    assert pair.codes == ("same_mobile", "same_name_birth_date", "similar_name_address")
    assert pair.level == "certain"
    assert pair.score == 100
    assert pair.reason("en") == (
        f"same mobile 13612345678; same name and birth date 1970-07-07; "
        f"same name, same address {ADDRESS}"
    )


def test_a_mobile_shared_under_other_names_is_only_possible(pharmacy: Context) -> None:
    a = add(pharmacy, "黄海", mobile="13755556666")
    b = add(pharmacy, "林芳", mobile="13755556666")
    pair = pairs_by_ids(pharmacy)[(a, b)]
    assert (pair.level, pair.codes) == ("possible", ("shared_mobile",))
    assert "姓名不同" in pair.reason("zh_CN")


def test_a_big_group_compares_only_names_that_read_the_same(pharmacy: Context) -> None:
    # A care home: more people at one address than the cap; two of them are one person.
    for n in range(duplicates.BLOCK_CAP + 5):
        pharmacy.db.execute_sql(
            "INSERT INTO customer (name, pinyin, address, status, source, created_at, "
            "updated_at) VALUES (?, ?, ?, 'active', 'manual', '2026-01-01T00:00:00+08:00', "
            "'2026-01-01T00:00:00+08:00')",
            (f"住户{n}", f"zhuhu{n}", "杭州市养老院"),
        )
    a = add(pharmacy, "王伟", address="杭州市养老院")
    b = add(pharmacy, "王玮", address="杭州市养老院")
    found = duplicates.find(pharmacy)
    assert [pair.ids for pair in found.pairs] == [(a, b)]


def test_a_dismissed_pair_stays_dismissed(
    pharmacy: Context, known: dict[str, tuple[int, int]], clock: FakeClock
) -> None:
    low, high = known["same_mobile"]
    duplicates.dismiss(pharmacy, high, low)  # either order
    duplicates.dismiss(pharmacy, low, high)  # twice is once
    assert (low, high) not in pairs_by_ids(pharmacy)
    # New data: a third record of the same mobile pairs with both, the dismissed pair stays out.
    third = add(pharmacy, "张三", mobile="13812345678", birth_date="1980-05-12")
    pairs = pairs_by_ids(pharmacy)
    assert (low, high) not in pairs
    assert {(low, third), (high, third)} <= set(pairs)
    listed = duplicates.dismissed(pharmacy)
    assert [(d.low_id, d.high_id, d.user_name) for d in listed] == [(low, high, "owner")]
    assert listed[0].created_at == clock()


def test_undo_brings_the_pair_back(pharmacy: Context, known: dict[str, tuple[int, int]]) -> None:
    low, high = known["one_digit"]
    duplicates.dismiss(pharmacy, low, high)
    assert duplicates.undismiss(pharmacy, high, low) is True
    assert duplicates.undismiss(pharmacy, low, high) is False
    assert (low, high) in pairs_by_ids(pharmacy)
    assert duplicates.dismissed(pharmacy) == []


def test_dismissing_is_audited_by_ids_only(
    pharmacy: Context, known: dict[str, tuple[int, int]]
) -> None:
    low, high = known["name_birth"]
    duplicates.dismiss(pharmacy, low, high)
    duplicates.undismiss(pharmacy, low, high)
    events = pharmacy.db.execute_sql(
        "SELECT action, customer_id, details FROM audit_event "
        "WHERE action LIKE 'duplicates.%' ORDER BY id"
    ).fetchall()
    details = {"high_id": high, "low_id": low}
    assert [(a, c, json.loads(d)) for a, c, d in events] == [
        ("duplicates.dismissed", low, details),
        ("duplicates.undismissed", low, details),
    ]
    assert "李秀英" not in "".join(d for _, _, d in events)


def test_a_pair_must_be_two_visible_customers(
    pharmacy: Context, known: dict[str, tuple[int, int]]
) -> None:
    low, _ = known["same_mobile"]
    with pytest.raises(ValidationError):
        duplicates.dismiss(pharmacy, low, low)
    with pytest.raises(NotFound):
        duplicates.dismiss(pharmacy, low, 99_999)


def test_merged_and_erased_records_never_appear(
    pharmacy: Context, known: dict[str, tuple[int, int]]
) -> None:
    low, high = known["same_mobile"]
    pharmacy.db.execute_sql(
        "UPDATE customer SET status = 'merged', merged_into_id = ? WHERE id = ?", (low, high)
    )
    erasure.erase(pharmacy, known["name_birth"][0])
    found = duplicates.find(pharmacy)
    ids = {i for pair in found.pairs for i in pair.ids}
    assert high not in ids
    assert known["name_birth"][0] not in ids
    assert {pair.ids for pair in found.pairs} == {
        known[k] for k in ("reading_address", "one_digit", "same_phone")
    }
    assert found.customers == 2 * len(known) - 2


def test_staff_cannot_look_for_duplicates_or_dismiss(
    pharmacy: Context, known: dict[str, tuple[int, int]]
) -> None:
    accounts.add(pharmacy, "wang", role="staff", password="staff-pw")
    staff = dataclasses.replace(pharmacy, account=Account(2, "wang", "staff"))
    low, high = known["same_mobile"]
    for call in (
        lambda: duplicates.find(staff),
        lambda: duplicates.dismiss(staff, low, high),
        lambda: duplicates.undismiss(staff, low, high),
        lambda: duplicates.dismissed(staff),
    ):
        with pytest.raises(PermissionRefused):
            call()


@pytest.fixture
def small_demo(tmp_path: Path) -> Iterator[Context]:
    created = vault.create_pharmacy(tmp_path / "demo.db", owner="owner", password=PASSWORD)
    demo.populate(created.context, customers=400, seed=3, today=date(2026, 11, 20))
    yield created.context
    created.context.close()


def test_the_demos_planted_duplicates_are_all_found(small_demo: Context) -> None:
    planted = {tuple(sorted(pair)) for pair in settings.get(small_demo, demo.DUPLICATES_KEY)}
    assert len(planted) == 4
    found = pairs_by_ids(small_demo)
    assert planted <= set(found)
    for ids in planted:
        assert found[ids].reason("zh_CN")


def test_a_near_spelling_counts_only_when_close_enough(pharmacy: Context) -> None:
    # zhangxiaoming / zhangxiaomin: rapidfuzz ratio 96; wangwei / wangwen: 86, two people.
    a = add(pharmacy, "张晓明", address="杭州市上城区解放路1号")
    b = add(pharmacy, "张晓敏", address="杭州市上城区解放路1号")
    add(pharmacy, "王伟", phone="0571-85550000")
    add(pharmacy, "王文", phone="0571-85550000")
    pairs = duplicates.find(pharmacy).pairs
    assert [pair.ids for pair in pairs] == [(a, b)]
    assert pairs[0].reason("zh_CN") == "姓名相近，同一地址 杭州市上城区解放路1号"
    assert pairs[0].reason("en") == "similar names, same address 杭州市上城区解放路1号"
