"""The data-quality figures: each one counts exactly the customers its list holds."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time

import pytest

from pharmadesk.db.models import Customer
from pharmadesk.errors import PermissionRefused
from pharmadesk.services import customers, demo, erasure, quality, settings, stale
from pharmadesk.services.context import Account, Context
from tests.conftest import CST


def _customer(ctx: Context, name: str, **data: object) -> int:
    made = customers.create(ctx, {"name": name, **data}, allow_duplicate=True).customer
    assert made is not None
    return made.id


def _names(ctx: Context, measure: str) -> list[str]:
    return [m.name for m in quality.members(ctx, measure)]


def test_each_figure_counts_the_customers_it_lists(pharmacy: Context) -> None:
    full = {"mobile": "13900000001", "birth_date": "1970-01-02", "consent_data": "given"}
    _customer(pharmacy, "齐全", **full)
    _customer(pharmacy, "无手机", **{**full, "mobile": None})
    _customer(pharmacy, "只知岁数", **{**full, "mobile": "13900000002", "birth_date": None},
              age=60)  # fmt: skip
    _customer(pharmacy, "纸质卡", **{**full, "mobile": "13900000003",
                                     "consent_data": "paper_unconfirmed"})  # fmt: skip
    _customer(pharmacy, "没同意", **{**full, "mobile": "13900000004", "consent_data": None})
    old = _customer(pharmacy, "久未核对", **{**full, "mobile": "13900000005"})
    when = datetime.combine(date(2025, 11, 19), time(9), CST)
    Customer.update(last_verified_at=when).where(Customer.id == old).execute()
    # Neither an erased record nor someone who moved away is counted.
    gone = _customer(pharmacy, "已删除", consent_data=None)
    erasure.erase(pharmacy, gone)
    moved = _customer(pharmacy, "搬走", consent_data=None)
    stale.mark_left(pharmacy, moved, reason="moved", on=date(2026, 11, 1))

    figures = quality.counts(pharmacy)
    assert (figures.no_mobile, figures.approximate_birth, figures.no_consent,
            figures.unverified, figures.customers) == (1, 1, 2, 1, 6)  # fmt: skip
    assert _names(pharmacy, "no_mobile") == ["无手机"]
    assert _names(pharmacy, "approximate_birth") == ["只知岁数"]
    assert set(_names(pharmacy, "no_consent")) == {"纸质卡", "没同意"}
    assert _names(pharmacy, "unverified") == ["久未核对"]
    assert figures.verify_months == 12
    stale.set_verify_after_months(pharmacy, 13)
    assert quality.counts(pharmacy).unverified == 0
    assert quality.members(pharmacy, "unverified") == []
    with pytest.raises(ValueError, match="unknown measure"):
        quality.members(pharmacy, "duplicates")


def test_staff_see_no_figures_but_a_pharmacist_does(pharmacy: Context) -> None:
    staff = replace(pharmacy, account=Account(pharmacy.account.id, "小王", "staff"))
    with pytest.raises(PermissionRefused):
        quality.counts(staff)
    with pytest.raises(PermissionRefused):
        quality.members(staff, "no_mobile")
    pharmacist = replace(pharmacy, account=Account(pharmacy.account.id, "李", "pharmacist"))
    assert quality.counts(pharmacist).customers == 0


def test_on_the_demo_the_figures_match_their_lists_and_the_planted_pairs_are_suspected(
    pharmacy: Context,
) -> None:
    demo.populate(pharmacy, customers=300, seed=5, today=pharmacy.today())
    records = list(customers.list_customers(pharmacy))  # nobody in the demo has left
    cutoff = stale.cutoff(pharmacy)
    expected = {
        "no_mobile": {r.id for r in records if not r.mobile},
        "approximate_birth": {r.id for r in records if r.birth_date_approximate},
        "no_consent": {r.id for r in records if r.consent_data in (None, "paper_unconfirmed")},
        "unverified": {r.id for r in records if stale.is_stale(
            last_verified_at=r.last_verified_at, created_at=r.created_at, before=cutoff)},
    }  # fmt: skip
    figures = quality.counts(pharmacy)
    assert figures.customers == len(records)
    for measure, ids in expected.items():
        listed = [m.id for m in quality.members(pharmacy, measure)]
        assert figures.of(measure) == len(listed) == len(set(listed))
        assert set(listed) == ids, measure
    assert figures.no_consent > 0  # the demo has paper cards not yet confirmed
    planted = {tuple(sorted(pair)) for pair in settings.get(pharmacy, "demo.planted_duplicates")}
    pairs = {p.ids for p in quality.duplicate_pairs(pharmacy)}
    assert planted
    assert planted <= pairs
