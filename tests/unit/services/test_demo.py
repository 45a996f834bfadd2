"""The demo pharmacy: realistic, deterministic, and always holding the documented customers."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from pharmadesk.services import audit, consents, demo, search, settings, vault
from pharmadesk.services.context import Context
from pharmadesk.text import normalize
from tests.conftest import PASSWORD

TODAY = date(2026, 11, 20)


def _make(tmp_path: Path, name: str, *, customers: int, seed: int) -> Context:
    created = vault.create_pharmacy(tmp_path / name, owner="owner", password=PASSWORD)
    demo.populate(created.context, customers=customers, seed=seed, today=TODAY)
    return created.context


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Context]:
    # One 400-customer demo for the read-only checks: big enough for patterns to show.
    from pharmadesk.db import keyfile
    from tests.conftest import TEST_KDF

    saved, keyfile.DEFAULT_KDF = keyfile.DEFAULT_KDF, TEST_KDF
    try:
        ctx = _make(tmp_path_factory.mktemp("demo"), "demo.db", customers=400, seed=3)
    finally:
        keyfile.DEFAULT_KDF = saved
    yield ctx
    ctx.close()


def rows(ctx: Context, sql: str, *params: object) -> list[tuple[object, ...]]:
    return [tuple(row) for row in ctx.db.execute_sql(sql, params).fetchall()]


def one(ctx: Context, sql: str, *params: object) -> object:
    return ctx.db.execute_sql(sql, params).fetchone()[0]


def test_it_has_the_size_asked_for_and_about_ten_lines_per_customer(shop: Context) -> None:
    assert one(shop, "SELECT count(*) FROM customer") == 400
    lines = int(one(shop, "SELECT count(*) FROM purchase"))  # type: ignore[call-overload]
    assert 6 * 400 <= lines <= 14 * 400
    first = one(shop, "SELECT min(purchased_on) FROM purchase")
    assert str(first) >= (TODAY - timedelta(days=731)).isoformat()
    assert str(one(shop, "SELECT max(purchased_on) FROM purchase")) <= TODAY.isoformat()


def test_the_documented_customers_are_there(shop: Context) -> None:
    for name in ("张三", "曾志强", "单丽", "解明", "仇建国", "区伟", "李秀英"):
        assert one(shop, "SELECT count(*) FROM customer WHERE name = ?", name) == 1, name
    assert one(shop, "SELECT mobile FROM customer WHERE name = '张三'") == "13812345678"
    last = one(
        shop,
        "SELECT max(purchased_on) FROM purchase JOIN customer c ON c.id = customer_id "
        "WHERE c.name = '张三'",
    )
    assert str(last) >= (TODAY - timedelta(days=7)).isoformat()


def test_li_xiuying_buys_only_metformin_every_thirty_days(shop: Context) -> None:
    customer = rows(
        shop,
        "SELECT id, chronic_conditions, consent_data, consent_health, consent_marketing "
        "FROM customer WHERE name = '李秀英'",
    )[0]
    assert "糖尿病" in str(customer[1])
    assert customer[2:] == ("given", "given", "given")
    bought = rows(
        shop,
        "SELECT p.name, purchased_on FROM purchase JOIN product p ON p.id = product_id "
        "WHERE customer_id = ? ORDER BY purchased_on",
        customer[0],
    )
    assert {name for name, _ in bought} == {"二甲双胍片"}
    days = [date.fromisoformat(str(day)) for _, day in bought]
    assert len(days) >= 6
    assert days[-1] == TODAY - timedelta(days=25)
    assert {(later - earlier).days for earlier, later in itertools.pairwise(days)} == {30}


def test_cold_medicine_sells_more_in_winter_than_in_summer(shop: Context) -> None:
    def cold_lines(months: tuple[str, ...]) -> int:
        marks = ",".join("?" * len(months))
        return int(
            one(  # type: ignore[call-overload]
                shop,
                "SELECT count(*) FROM purchase JOIN product p ON p.id = product_id "
                f"WHERE p.category = '感冒发烧' AND strftime('%m', purchased_on) IN ({marks})",
                *months,
            )
        )

    assert cold_lines(("12", "01", "02")) > 2 * cold_lines(("06", "07", "08"))


def test_there_are_monthly_chronic_patients_and_customers_who_stopped_coming(
    shop: Context,
) -> None:
    monthly = one(
        shop,
        "SELECT count(*) FROM (SELECT customer_id FROM purchase JOIN product p "
        "ON p.id = product_id WHERE p.category = '慢病用药' GROUP BY customer_id "
        "HAVING count(DISTINCT purchased_on) >= 10)",
    )
    assert int(monthly) >= 10  # type: ignore[call-overload]
    half_a_year_ago = (TODAY - timedelta(days=180)).isoformat()
    stopped = one(
        shop,
        "SELECT count(*) FROM (SELECT customer_id FROM purchase GROUP BY customer_id "
        "HAVING count(DISTINCT purchased_on) >= 3 AND max(purchased_on) < ?)",
        half_a_year_ago,
    )
    assert int(stopped) >= 10  # type: ignore[call-overload]


def test_interactions_have_ratings_and_open_follow_ups(shop: Context) -> None:
    count = int(one(shop, "SELECT count(*) FROM interaction"))  # type: ignore[call-overload]
    assert 0.3 * 400 <= count <= 0.8 * 400
    kinds = {row[0] for row in rows(shop, "SELECT DISTINCT kind FROM interaction")}
    assert {"consultation", "complaint", "feedback", "follow_up"} <= kinds
    assert rows(shop, "SELECT min(rating), max(rating) FROM interaction")[0] == (1, 5)
    assert int(one(shop, "SELECT count(*) FROM interaction WHERE status = 'open'")) > 0  # type: ignore[call-overload]
    undated = "SELECT count(*) FROM interaction WHERE status = 'open' AND follow_up_due IS NULL"
    assert one(shop, undated) == 0


def test_most_customers_consented_to_contact(shop: Context) -> None:
    given = one(shop, "SELECT count(*) FROM customer WHERE consent_marketing = 'given'")
    assert int(given) > 0.6 * 400  # type: ignore[call-overload]
    records = "SELECT count(*) FROM consent_record WHERE status = 'given'"
    assert int(one(shop, records)) >= int(given)  # type: ignore[call-overload]


def test_every_consent_record_names_the_notice_version_customers_were_shown(
    shop: Context,
) -> None:
    assert one(shop, "SELECT count(*) FROM consent_record") > 0
    versions = rows(shop, "SELECT DISTINCT notice_version FROM consent_record")
    assert versions == [("1",)]  # the default notice version


def test_data_is_valid_as_the_services_would_store_it(shop: Context) -> None:
    for (mobile,) in rows(shop, "SELECT mobile FROM customer"):
        assert normalize.mobile(mobile) == mobile
    assert one(shop, "SELECT count(DISTINCT mobile) FROM customer") == 400
    # A line costs its list price, less a member's discount and a share of points redeemed
    # (tests/unit/services/test_demo_points.py works those out).
    dearer = "SELECT count(*) FROM purchase WHERE amount_fen > quantity * unit_price_fen"
    assert one(shop, dearer) == 0
    cheaper = "SELECT count(*) FROM purchase WHERE amount_fen < quantity * unit_price_fen"
    assert 0 < int(one(shop, cheaper)) < 0.1 * 400 * 10  # type: ignore[call-overload]
    assert one(shop, "SELECT count(*) FROM purchase WHERE purchased_at NOT LIKE '%+08:00'") == 0


def test_planted_duplicates_are_the_same_person_registered_again(shop: Context) -> None:
    pairs = settings.get(shop, demo.DUPLICATES_KEY)
    assert len(pairs) == 4  # 1% of 400
    for original, copy in pairs:
        a, b = (
            rows(shop, "SELECT name, mobile FROM customer WHERE id = ?", customer_id)[0]
            for customer_id in (original, copy)
        )
        assert a[0] == b[0]
        assert a[1] != b[1]


def test_the_counter_search_finds_demo_customers(shop: Context) -> None:
    assert "张三" in [hit.name for hit in search.find(shop, "zs")]
    assert next(hit.name for hit in search.find(shop, "5678")) == "张三"
    assert "曾志强" in [hit.name for hit in search.find(shop, "zeng")]
    assert "单丽" in [hit.name for hit in search.find(shop, "shanli")]


def test_it_is_audited_and_remembers_its_parameters(shop: Context) -> None:
    assert audit.verify_chain(shop) is None
    assert one(shop, "SELECT count(*) FROM audit_event WHERE action = 'demo.populated'") == 1
    assert settings.get(shop, demo.PARAMETERS_KEY) == {
        "customers": 400,
        "seed": 3,
        "created_on": TODAY.isoformat(),
    }


CONTENT = (
    "SELECT c.name, c.mobile, c.birth_date, c.address, p.name, pu.purchased_at, pu.amount_fen "
    "FROM purchase pu JOIN customer c ON c.id = pu.customer_id "
    "JOIN product p ON p.id = pu.product_id ORDER BY pu.id"
)


def test_the_same_seed_and_day_give_the_same_pharmacy(tmp_path: Path) -> None:
    first = _make(tmp_path, "a.db", customers=60, seed=9)
    second = _make(tmp_path, "b.db", customers=60, seed=9)
    other = _make(tmp_path, "c.db", customers=60, seed=10)
    try:
        assert rows(first, CONTENT) == rows(second, CONTENT)
        assert rows(first, CONTENT) != rows(other, CONTENT)
    finally:
        for ctx in (first, second, other):
            ctx.close()


def test_a_tiny_demo_still_holds_the_documented_customers(tmp_path: Path) -> None:
    ctx = _make(tmp_path, "tiny.db", customers=3, seed=1)
    try:
        assert one(ctx, "SELECT count(*) FROM customer") == 8
    finally:
        ctx.close()


def test_a_demo_made_after_the_owner_set_the_notice_version_names_it(tmp_path: Path) -> None:
    # Last: opening another pharmacy binds the models to it, away from the module's demo.
    created = vault.create_pharmacy(tmp_path / "noticed.db", owner="owner", password=PASSWORD)
    ctx = created.context
    try:
        consents.set_notice_version(ctx, "2024-03")
        demo.populate(ctx, customers=5, seed=1, today=TODAY)
        shown = rows(ctx, "SELECT DISTINCT notice_version FROM consent_record")
        assert shown == [("2024-03",)]
    finally:
        ctx.close()
