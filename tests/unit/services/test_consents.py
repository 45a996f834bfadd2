"""Consents: history with notice version and channel, one-call withdrawal, guardians of
children under 14, all audited by customer id only."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from pharmadesk.db.models import AuditEvent, ConsentRecord
from pharmadesk.errors import OperationFailed, PermissionRefused, ValidationError
from pharmadesk.services import consents, customers
from pharmadesk.services.context import Account, Context

GUARDIAN = {"guardian_name": "王大明", "guardian_mobile": "139 0000 2222"}


def _create(ctx: Context, **data: object) -> customers.CustomerRecord:
    outcome = customers.create(ctx, data)
    assert outcome.customer is not None, outcome.candidates
    return outcome.customer


def test_history_names_date_status_notice_staff_and_channel(pharmacy: Context, clock) -> None:
    record = _create(pharmacy, name="张三", consent_data="given", consent_channel="paper")
    clock.advance(days=3)
    consents.set_notice_version(pharmacy, "2026-11")
    consents.record(pharmacy, record.id, "marketing", "given", channel="phone")

    newest, oldest = consents.history(pharmacy, record.id)
    assert (newest.purpose, newest.status, newest.channel, newest.notice_version) == (
        "marketing", "given", "phone", "2026-11",
    )  # fmt: skip
    assert newest.recorded_at == clock()
    assert newest.user_name == "owner"
    assert (oldest.purpose, oldest.channel, oldest.notice_version) == ("data", "paper", "1")
    assert not newest.by_guardian
    assert customers.get(pharmacy, record.id).consent_marketing == "given"


def test_the_current_state_of_each_purpose_carries_its_date(pharmacy: Context, clock) -> None:
    record = _create(pharmacy, name="张三", consent_data="given", consent_health="refused")
    clock.advance(days=1)
    consents.record(pharmacy, record.id, "health", "given")
    data, health, marketing = consents.current(pharmacy, record.id)
    assert (data.purpose, data.status, health.status, marketing.status) == (
        "data", "given", "given", None,
    )  # fmt: skip
    assert data.since is not None
    assert health.since is not None
    assert health.since.recorded_at > data.since.recorded_at
    assert marketing.since is None


def test_withdrawing_is_one_call_audited_by_id_only(pharmacy: Context) -> None:
    record = _create(pharmacy, name="欧阳明珠", mobile="13912345670", consent_marketing="given")
    state = consents.withdraw(pharmacy, record.id, "marketing")
    assert state.status == "withdrawn"
    assert customers.get(pharmacy, record.id).consent_marketing == "withdrawn"
    events = AuditEvent.select().where(AuditEvent.customer_id == record.id)
    actions = [e.action for e in events.order_by(AuditEvent.id)]
    assert actions == ["consent.recorded", "customer.created", "consent.withdrawn"]
    last = json.loads(events.order_by(AuditEvent.id.desc()).first().details)
    assert last == {"purpose": "marketing", "status": "withdrawn", "channel": "counter",
                    "notice_version": "1", "by_guardian": False}  # fmt: skip
    for event in AuditEvent.select():
        text = json.dumps([event.action, event.entity, event.details], ensure_ascii=False)
        assert "欧阳" not in text
        assert "13912345670" not in text
    with pytest.raises(OperationFailed, match="nothing to withdraw"):
        consents.withdraw(pharmacy, record.id, "marketing")


def test_every_status_change_through_the_form_records_notice_and_channel(
    pharmacy: Context,
) -> None:
    record = _create(pharmacy, name="张三")
    consents.set_notice_version(pharmacy, "3")
    customers.update(pharmacy, record.id, {"consent_health": "given", "consent_channel": "wechat"})
    customers.update(pharmacy, record.id, {"consent_health": "refused"})
    rows = ConsentRecord.select().where(ConsentRecord.customer == record.id)
    assert [(r.status, r.channel, r.notice_version) for r in rows.order_by(ConsentRecord.id)] == [
        ("given", "wechat", "3"), ("refused", "counter", "3"),
    ]  # fmt: skip
    with pytest.raises(ValidationError):
        customers.update(pharmacy, record.id, {"consent_channel": "carrier pigeon"})


def test_unknown_purposes_statuses_and_channels_are_refused(pharmacy: Context) -> None:
    record = _create(pharmacy, name="张三")
    for purpose, status, channel in [
        ("fishing", "given", "counter"),
        ("data", "maybe", "counter"),
        ("data", "given", "fax"),
    ]:
        with pytest.raises(ValidationError):
            consents.record(pharmacy, record.id, purpose, status, channel=channel)
    assert consents.history(pharmacy, record.id) == []


def test_only_the_owner_sets_the_notice_version(pharmacy: Context) -> None:
    assert consents.notice_version(pharmacy) == "1"
    staff = replace(pharmacy, account=Account(pharmacy.account.id, "wang", "staff"))
    with pytest.raises(PermissionRefused):
        consents.set_notice_version(staff, "2")
    with pytest.raises(OperationFailed):
        consents.set_notice_version(pharmacy, "  ")
    consents.set_notice_version(pharmacy, "2")
    assert consents.notice_version(pharmacy) == "2"


def test_a_child_needs_guardian_and_the_guardians_consent(pharmacy: Context) -> None:
    with pytest.raises(ValidationError) as refused:
        customers.create(pharmacy, {"name": "王小明", "birth_date": "2015-05-01"})
    assert set(refused.value.problems) == {"guardian_name", "guardian_mobile", "consent_data"}
    with pytest.raises(ValidationError) as refused:
        customers.create(pharmacy, {"name": "王小明", "birth_date": "2015-05-01", **GUARDIAN})
    assert set(refused.value.problems) == {"consent_data"}

    child = _create(pharmacy, name="王小明", birth_date="2015-05-01", consent_data="given",
                    **GUARDIAN)  # fmt: skip
    assert (child.guardian_name, child.guardian_mobile) == ("王大明", "13900002222")
    (entry,) = consents.history(pharmacy, child.id)
    assert entry.by_guardian
    # The guardian cannot be taken away while the child is under 14.
    with pytest.raises(ValidationError) as refused:
        customers.update(pharmacy, child.id, {"guardian_mobile": ""})
    assert set(refused.value.problems) == {"guardian_mobile"}


def test_fourteen_today_is_no_longer_a_child(pharmacy: Context) -> None:
    # The clock says 2026-11-20.
    _create(pharmacy, name="李四", birth_date="2012-11-20")
    with pytest.raises(ValidationError):
        customers.create(pharmacy, {"name": "李五", "birth_date": "2012-11-21"})
    with pytest.raises(ValidationError):
        customers.create(pharmacy, {"name": "李六", "age": "12"})


def test_an_adult_turned_child_by_a_corrected_birth_date_needs_a_guardian(
    pharmacy: Context,
) -> None:
    record = _create(pharmacy, name="王小明", consent_data="given")
    with pytest.raises(ValidationError) as refused:
        customers.update(pharmacy, record.id, {"birth_date": "2016-01-01"})
    assert set(refused.value.problems) == {"guardian_name", "guardian_mobile"}
    assert customers.get(pharmacy, record.id).birth_date is None
    customers.update(pharmacy, record.id, {"birth_date": "2016-01-01", **GUARDIAN})
    # Recording a consent for a child whose guardian is on file: given by the guardian.
    consents.record(pharmacy, record.id, "marketing", "given")
    assert consents.history(pharmacy, record.id)[0].by_guardian


def test_a_guardians_mobile_must_be_a_mobile(pharmacy: Context) -> None:
    with pytest.raises(ValidationError) as refused:
        customers.create(pharmacy, {"name": "王小明", "birth_date": "2015-05-01",
                                    "consent_data": "given", "guardian_name": "王大明",
                                    "guardian_mobile": "0571-88001234"})  # fmt: skip
    assert set(refused.value.problems) == {"guardian_mobile"}


def _buyer(ctx: Context, name: str, mobile: str, **consent: str) -> int:
    from datetime import datetime

    from pharmadesk.services import purchases
    from tests.conftest import CST

    record = _create(ctx, name=name, mobile=mobile, **consent)
    line = purchases.LineInput("维生素C片", 1, 1000, category="维生素营养")
    purchases.record(ctx, record.id, [line], purchased_at=datetime(2026, 10, 5, 15, tzinfo=CST))
    return record.id


def test_contact_lists_and_exports_hold_only_who_agreed_to_be_contacted(
    pharmacy: Context, tmp_path
) -> None:
    from datetime import date

    from openpyxl import load_workbook

    from pharmadesk.io import export
    from pharmadesk.services import analytics
    from pharmadesk.services.analytics.results import month_of

    yes = _buyer(pharmacy, "张三", "13800000001", consent_marketing="given")
    _buyer(pharmacy, "李四", "13800000002")  # never asked
    withdrawn = _buyer(pharmacy, "王五", "13800000003", consent_marketing="given")
    consents.withdraw(pharmacy, withdrawn, "marketing")
    october = month_of(date(2026, 10, 1))

    found = analytics.contact_list(pharmacy, october, category="维生素营养")
    assert ([row.id for row in found.rows], found.left_out) == ([yes], 2)
    assert len(analytics.customers_in(pharmacy, october, category="维生素营养")) == 3

    target = tmp_path / "call.xlsx"
    request = export.ExportRequest(
        customers=export.CustomerFilter(for_contact=True), purpose="calls"
    )
    result = export.export(pharmacy, target, request)
    assert (result.rows["customers"], result.left_out) == (1, 2)
    sheet = load_workbook(target).active
    assert sheet is not None
    assert [row[2] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["张三"]
    event = AuditEvent.select().order_by(AuditEvent.id.desc()).first()
    details = json.loads(event.details)
    assert details["filters"] == {"for_contact": True}
    assert details["left_out_no_contact_consent"] == 2
    # An export not made for contact holds everyone.
    every = export.export(pharmacy, tmp_path / "all.xlsx", export.ExportRequest(purpose="x"))
    assert (every.rows["customers"], every.left_out) == (3, 0)
