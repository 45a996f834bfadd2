"""The export's rules: customer filters, date ranges, the analytics sheets, the audit event,
and the atomic write (a cancelled or failed export leaves no file and an old one intact)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from pharmadesk.db.models import AuditEvent
from pharmadesk.errors import OperationFailed, UsageError
from pharmadesk.io import export_customers, staged_files
from pharmadesk.io.export import CustomerFilter, ExportCancelled, ExportRequest, export
from pharmadesk.io.xlsx_stream import StreamingBook
from pharmadesk.services import analytics
from pharmadesk.services.analytics.results import SEGMENTS, custom, last_full_month
from pharmadesk.services.context import Context
from tests.unit.io.export_shop import FORMULA_NAME, Shop, fill
from tests.unit.io.test_export import run, table


@pytest.fixture
def shop(pharmacy: Context) -> Shop:
    return fill(pharmacy)


def names(path: Path) -> set[str]:
    return {r["name"].value for r in table(path, "customers")}


def exported(ctx: Context, tmp_path: Path, chosen: CustomerFilter, **request: object) -> set[str]:
    return names(run(ctx, tmp_path, customers=chosen, **request))  # type: ignore[arg-type]


def test_last_visit_filters(pharmacy: Context, shop: Shop, tmp_path: Path) -> None:
    after = CustomerFilter(visited_after=date(2026, 10, 25))
    assert exported(pharmacy, tmp_path, after) == {"李秀英", FORMULA_NAME}
    before = CustomerFilter(visited_before=date(2026, 10, 25))
    assert exported(pharmacy, tmp_path, before) == {"张三"}
    october = CustomerFilter(visited_after=date(2026, 10, 1), visited_before=date(2026, 10, 31))
    assert exported(pharmacy, tmp_path, october) == {"张三", "李秀英"}


def test_category_bought_within_the_dates(pharmacy: Context, shop: Shop, tmp_path: Path) -> None:
    assert exported(pharmacy, tmp_path, CustomerFilter(category="心脑血管")) == {"张三"}
    cold = CustomerFilter(category="感冒用药")
    assert exported(pharmacy, tmp_path, cold) == {"张三", FORMULA_NAME}
    assert exported(pharmacy, tmp_path, cold, date_from=date(2026, 11, 1)) == {FORMULA_NAME}


def test_segment_filter_matches_the_analytics_service(
    pharmacy: Context, shop: Shop, tmp_path: Path
) -> None:
    period = last_full_month(pharmacy.today())
    tried = 0
    for segment in SEGMENTS:
        expected = {row.name for row in analytics.customers_in(pharmacy, period, segment=segment)}
        assert exported(pharmacy, tmp_path, CustomerFilter(segment=segment)) == expected
        tried += bool(expected)
    assert tried >= 2  # the fixture puts customers in more than one segment


def test_dates_limit_purchases_and_interactions(
    pharmacy: Context, shop: Shop, tmp_path: Path
) -> None:
    path = run(pharmacy, tmp_path, what=("purchases", "interactions"),
               date_from=date(2026, 10, 1), date_to=date(2026, 10, 31))  # fmt: skip
    days = [r["purchased at"].value.date() for r in table(path, "purchases")]
    assert days == [date(2026, 10, 20), date(2026, 10, 30)]
    assert [r["summary"].value for r in table(path, "interactions")] == ["咨询降压药的服用时间"]


def test_analytics_sheets_hold_the_dashboard_figures(
    pharmacy: Context, shop: Shop, tmp_path: Path
) -> None:
    path = run(pharmacy, tmp_path, what=("analytics",))
    board = analytics.dashboard(pharmacy, last_full_month(pharmacy.today()))
    kpis = {r["KPI"].value: r for r in table(path, "KPIs")}
    assert kpis["period"]["this period"].value == "2026-10-01 – 2026-10-31"
    assert kpis["revenue"]["this period"].value == pytest.approx(board.kpis.revenue_fen / 100)
    assert "¥" in kpis["revenue"]["this period"].number_format
    previous = board.previous_kpis.revenue_fen / 100
    assert kpis["revenue"]["previous period"].value == pytest.approx(previous)
    assert kpis["transactions"]["this period"].value == board.kpis.transactions
    assert kpis["repurchase rate"]["this period"].number_format == "0.0%"
    # Changes read as on the dashboard: a rate in points, a rating by its difference.
    rate, rate_before = board.kpis.repurchase_rate, board.previous_kpis.repurchase_rate
    rating, rating_before = board.kpis.average_rating, board.previous_kpis.average_rating
    assert rate is not None
    assert rate_before is not None
    assert rating is not None
    assert rating_before is not None
    assert kpis["repurchase rate"]["change"].value == f"{(rate - rate_before) * 100:+.1f} pp"
    assert kpis["average rating"]["this period"].value == round(rating, 2)
    shown_change = round(round(rating, 2) - round(rating_before, 2), 2)  # of the two shown
    assert kpis["average rating"]["change"].value == pytest.approx(shown_change)
    months = table(path, "months")
    assert len(months) == len(board.months) == 24
    assert [m["revenue"].value for m in months] == pytest.approx(
        [m.revenue_fen / 100 for m in board.months]
    )
    assert months[-1]["month"].value.date() == board.months[-1].month
    ratings = [m.average_rating for m in board.months]
    assert [m["average rating"].value for m in months] == [  # to two places, as on the KPIs
        None if r is None else round(r, 2) for r in ratings
    ]
    segments = table(path, "segments")
    assert [s["customers"].value for s in segments] == [s.customers for s in board.segments]
    products = table(path, "top products")
    assert [p["product"].value for p in products] == [p.label for p in board.top_products]


def test_the_dates_are_the_analytics_period(pharmacy: Context, shop: Shop, tmp_path: Path) -> None:
    request = ExportRequest(what=("analytics",), date_from=date(2026, 8, 1),
                            date_to=date(2026, 10, 31))  # fmt: skip
    result = export(pharmacy, tmp_path / "a.xlsx", request)
    assert result.period == custom(date(2026, 8, 1), date(2026, 10, 31))
    kpis = {r["KPI"].value: r for r in table(result.path, "KPIs")}
    board = analytics.dashboard(pharmacy, custom(date(2026, 8, 1), date(2026, 10, 31)))
    assert kpis["revenue"]["this period"].value == pytest.approx(board.kpis.revenue_fen / 100)


def last_export_event() -> AuditEvent:
    return (
        AuditEvent.select()
        .where(AuditEvent.action == "export.written")
        .order_by(AuditEvent.id.desc())
        .first()
    )


def test_every_export_is_audited_with_purpose_and_counts(
    pharmacy: Context, shop: Shop, tmp_path: Path
) -> None:
    run(pharmacy, tmp_path, what=("customers", "purchases"), purpose="年终对账",
        customers=CustomerFilter(category="感冒用药"))  # fmt: skip
    event = last_export_event()
    assert event.user_name == "owner"
    assert event.at == pharmacy.now()
    assert event.customer_id is None
    details = json.loads(event.details)
    assert details["purpose"] == "年终对账"
    assert details["sheets"] == {"customers": 2, "purchases": 8}
    assert details["filters"] == {"category": "感冒用药"}
    for personal in ("张三", "13812345678", "杭州", "HYPERLINK"):
        assert personal not in event.details


def test_a_cancelled_export_leaves_no_file_and_the_old_one_intact(
    pharmacy: Context, shop: Shop, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(export_customers, "PAGE", 1)
    target = tmp_path / "out" / "old.xlsx"
    target.parent.mkdir()
    target.write_bytes(b"the old export")
    asked = iter(range(100))
    with pytest.raises(ExportCancelled):
        export(pharmacy, target, ExportRequest(), cancelled=lambda: next(asked) >= 2)
    assert target.read_bytes() == b"the old export"
    assert list(target.parent.iterdir()) == [target]
    assert last_export_event() is None
    fresh = target.with_name("new.xlsx")
    with pytest.raises(ExportCancelled):
        export(pharmacy, fresh, ExportRequest(), cancelled=lambda: True)
    assert list(target.parent.iterdir()) == [target]


def test_a_failed_write_leaves_nothing_behind(
    pharmacy: Context, shop: Shop, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(self: StreamingBook) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(StreamingBook, "close", disk_full)
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(OperationFailed, match="No space left"):
        export(pharmacy, folder / "full.xlsx", ExportRequest(what=("customers", "purchases")))
    assert list(folder.iterdir()) == []
    assert last_export_event() is None


def test_a_failed_rename_records_no_audit_event(
    pharmacy: Context, shop: Shop, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(source: object, target: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(staged_files.os, "replace", refused)
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(OperationFailed, match="Permission denied"):
        export(pharmacy, folder / "locked.xlsx", ExportRequest())
    monkeypatch.undo()
    assert last_export_event() is None
    assert list(folder.iterdir()) == []


def test_targets_that_cannot_be_written(pharmacy: Context, tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"\.xlsx"):
        export(pharmacy, tmp_path / "out.csv", ExportRequest())
    with pytest.raises(OperationFailed, match="cannot write"):
        export(pharmacy, tmp_path / "no" / "such" / "folder.xlsx", ExportRequest())
    (tmp_path / "taken.xlsx").mkdir()
    with pytest.raises(OperationFailed, match="is a folder"):
        export(pharmacy, tmp_path / "taken.xlsx", ExportRequest())


@pytest.mark.parametrize(
    "request_",
    [
        ExportRequest(what=("customers", "gossip")),
        ExportRequest(what=()),
        ExportRequest(date_from=date(2026, 5, 2), date_to=date(2026, 5, 1)),
        ExportRequest(customers=CustomerFilter(segment="vip")),
        ExportRequest(language="fr"),
    ],
)
def test_requests_that_mean_nothing_are_usage_errors(
    pharmacy: Context, tmp_path: Path, request_: ExportRequest
) -> None:
    with pytest.raises(UsageError):
        export(pharmacy, tmp_path / "x.xlsx", request_)
    assert not (tmp_path / "x.xlsx").exists()
