"""Customers: normalised at the door, duplicates caught, every change audited."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from pharmadesk.db.models import AuditEvent, ConsentRecord
from pharmadesk.errors import NotFound, ValidationError
from pharmadesk.services import custom_fields, customers, purchases
from pharmadesk.services.context import Account, Context


def _create(ctx: Context, **data: object) -> customers.CustomerRecord:
    outcome = customers.create(ctx, data)
    assert outcome.customer is not None, outcome.candidates
    return outcome.customer


def test_fields_are_normalised_when_a_customer_is_created(pharmacy: Context) -> None:
    record = _create(
        pharmacy,
        name=" 张 三 ",
        mobile="１３８ １２３４ ５６７８",
        gender="先生",
        birth_date="1965年3月7日",
        email="Zhang.San@Example.COM",
        postal_code="310012",
        allergies="青霉素",
    )
    assert (record.name, record.mobile, record.gender) == ("张三", "13812345678", "M")
    assert (record.birth_date, record.birth_year) == (date(1965, 3, 7), 1965)
    assert record.email == "zhang.san@example.com"
    assert record.code == f"PD{record.id:06d}"
    assert record.status == "active"


def test_an_age_becomes_an_approximate_birth_year_from_the_registration_date(
    pharmacy: Context,
) -> None:
    record = customers.create(
        pharmacy, {"name": "王五", "age": "45岁"}, registered_on=date(2023, 9, 1)
    ).customer
    assert record is not None
    assert (record.birth_year, record.birth_date, record.birth_date_approximate) == (
        1978,
        None,
        True,
    )


def test_a_landline_given_as_mobile_is_kept_as_the_other_phone(pharmacy: Context) -> None:
    outcome = customers.create(pharmacy, {"name": "李四", "mobile": "010-62345678"})
    assert outcome.customer is not None
    assert (outcome.customer.mobile, outcome.customer.phone) == (None, "010-62345678")
    assert "mobile" in outcome.warnings


def test_a_mistyped_mobile_as_the_other_phone_is_kept_as_typed_with_a_warning(
    pharmacy: Context,
) -> None:
    # What an import keeps there from a card's bad mobile: the form must still save it.
    outcome = customers.create(pharmacy, {"name": "赵敏", "phone": "139 1111 444"})
    assert outcome.customer is not None
    assert outcome.customer.phone == "139 1111 444"
    assert "phone" in outcome.warnings


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("mobile", "1322798335"),
        ("mobile", "12012345678"),
        ("birth_date", "1990-02-30"),
        ("email", "abc@"),
        ("email", "a@b"),
        ("gender", "unknown"),
        ("name", "   "),
    ],
)
def test_invalid_input_is_reported_and_nothing_is_saved(
    pharmacy: Context, field: str, value: str
) -> None:
    data = {"name": "赵六", field: value}
    with pytest.raises(ValidationError) as caught:
        customers.create(pharmacy, data)
    assert field in caught.value.problems
    assert list(customers.list_customers(pharmacy)) == []


def test_same_mobile_returns_the_candidate_instead_of_a_duplicate(pharmacy: Context) -> None:
    first = _create(pharmacy, name="张三", mobile="13812345678")
    outcome = customers.create(pharmacy, {"name": "张叁", "mobile": "138-1234-5678"})
    assert outcome.customer is None
    assert [(c.id, c.reason) for c in outcome.candidates] == [(first.id, "same mobile")]
    assert len(list(customers.list_customers(pharmacy))) == 1

    anyway = customers.create(
        pharmacy, {"name": "张叁", "mobile": "13812345678"}, allow_duplicate=True
    )
    assert anyway.customer is not None
    assert len(list(customers.list_customers(pharmacy))) == 2


def test_same_name_and_birth_date_is_a_candidate_too(pharmacy: Context) -> None:
    first = _create(pharmacy, name="王伟", birth_date="1980-05-05", mobile="13900001111")
    outcome = customers.create(
        pharmacy, {"name": "王伟", "birth_date": "1980/5/5", "mobile": "13900002222"}
    )
    assert [(c.id, c.reason) for c in outcome.candidates] == [
        (first.id, "same name and birth date")
    ]
    other = customers.create(
        pharmacy, {"name": "王伟", "birth_date": "1982-06-06", "mobile": "13900003333"}
    )
    assert other.customer is not None


def test_update_changes_only_what_is_given_and_is_audited_without_values(
    pharmacy: Context,
) -> None:
    record = _create(pharmacy, name="张三", mobile="13812345678", address="旧地址")
    updated = customers.update(pharmacy, record.id, {"address": "杭州市新地址1号", "gender": "女"})
    assert updated.customer is not None
    assert (updated.customer.address, updated.customer.gender) == ("杭州市新地址1号", "F")
    assert updated.customer.mobile == "13812345678"
    event = AuditEvent.select().order_by(AuditEvent.id.desc()).first()
    assert (event.action, event.customer_id) == ("customer.updated", record.id)
    assert json.loads(event.details) == {"fields": ["address", "gender"]}
    assert "杭州" not in event.details


def test_a_renamed_customer_is_found_by_the_new_name_only(pharmacy: Context) -> None:
    from pharmadesk.services import search

    record = _create(pharmacy, name="张三")
    customers.update(pharmacy, record.id, {"name": "李四"})
    assert [h.id for h in search.find(pharmacy, "ls")] == [record.id]
    assert search.find(pharmacy, "zs") == []


def test_a_member_code_cannot_be_taken_twice(pharmacy: Context) -> None:
    _create(pharmacy, name="张三", code="VIP001")
    with pytest.raises(ValidationError, match="already in use"):
        customers.create(pharmacy, {"name": "李四", "code": "vip 001"})


def test_consents_are_kept_with_their_history(pharmacy: Context) -> None:
    record = _create(pharmacy, name="张三", consent_marketing="given", consent_data="given")
    customers.update(pharmacy, record.id, {"consent_marketing": "withdrawn"})
    again = customers.get(pharmacy, record.id)
    assert (again.consent_data, again.consent_marketing) == ("given", "withdrawn")
    history = [
        (r.purpose, r.status)
        for r in ConsentRecord.select().where(ConsentRecord.customer == record.id)
    ]
    assert history == [("data", "given"), ("marketing", "given"), ("marketing", "withdrawn")]
    with pytest.raises(ValidationError):
        customers.update(pharmacy, record.id, {"consent_health": "maybe"})


def test_deactivate_keeps_the_customer_and_history(pharmacy: Context) -> None:
    record = _create(pharmacy, name="张三")
    purchases.record(pharmacy, record.id, [purchases.LineInput("维生素C片", 1, 990)])
    inactive = customers.deactivate(pharmacy, record.id)
    assert inactive.status == "inactive"
    assert inactive.purchase_count == 1
    assert customers.deactivate(pharmacy, record.id, active=True).status == "active"


def test_get_of_an_unknown_customer_is_not_found(pharmacy: Context) -> None:
    with pytest.raises(NotFound):
        customers.get(pharmacy, 999)


def test_custom_values_are_validated_by_type_and_listed_by_key(pharmacy: Context) -> None:
    custom_fields.define(pharmacy, "医保卡号", kind="text", key="insurance_no")
    custom_fields.define(pharmacy, "Height cm", kind="number")
    custom_fields.define(pharmacy, "First visit", kind="date")
    custom_fields.define(pharmacy, "Source", kind="choice", choices=["朋友介绍", "路过"])
    record = _create(
        pharmacy,
        name="张三",
        custom={
            "insurance_no": "A123",
            "height_cm": "１７２.5",
            "first_visit": "2024年1月2日",
            "source": "路过",
        },
    )
    assert record.custom == {
        "insurance_no": "A123",
        "height_cm": 172.5,
        "first_visit": "2024-01-02",
        "source": "路过",
    }
    with pytest.raises(ValidationError) as caught:
        customers.update(pharmacy, record.id, {"custom": {"height_cm": "tall", "source": "x"}})
    assert set(caught.value.problems) == {"custom.height_cm", "custom.source"}


def test_json_has_every_contract_field_and_restricts_health_data_by_role(
    pharmacy: Context,
) -> None:
    record = _create(pharmacy, name="张三", mobile="13812345678", allergies="青霉素", notes="怕苦")
    purchases.record(
        pharmacy,
        record.id,
        [purchases.LineInput("感冒灵颗粒", 2, 1550), purchases.LineInput("维C", 1, 1000)],
        receipt="R1",
    )
    full = customers.to_json(customers.get(pharmacy, record.id))
    assert set(customers.JSON_FIELDS) | {"restricted"} == set(full)
    assert full["allergies"] == "青霉素"
    assert (full["purchase_count"], full["total_spend"]) == (1, "41.00")
    assert full["restricted"] is False

    staff = replace(pharmacy, account=Account(99, "staff", "staff"))
    assert not staff.account.may_see_health_data
    limited = customers.to_json(customers.get(staff, record.id))
    assert limited["restricted"] is True
    for name in ("preferences", "allergies", "chronic_conditions", "notes"):
        assert limited[name] is None
    assert limited["mobile"] == "13812345678"


def test_every_change_is_audited_naming_the_customer_by_id_only(pharmacy: Context) -> None:
    record = _create(pharmacy, name="欧阳明珠", mobile="13912345670", address="文三路")
    customers.update(pharmacy, record.id, {"notes": "欧阳明珠的备注"})
    customers.deactivate(pharmacy, record.id)
    events = list(AuditEvent.select().where(AuditEvent.customer_id == record.id))
    assert [e.action for e in events] == [
        "customer.created",
        "customer.updated",
        "customer.deactivated",
    ]
    for event in AuditEvent.select():
        text = json.dumps([event.action, event.entity, event.details], ensure_ascii=False)
        assert "欧阳" not in text
        assert "13912345670" not in text


def test_yuan_formats_fen_with_two_decimals() -> None:
    assert [customers.yuan(v) for v in (0, 5, 1234, -250)] == ["0.00", "0.05", "12.34", "-2.50"]


def test_changing_a_mobile_to_another_customers_asks_first(pharmacy: Context) -> None:
    first = customers.create(pharmacy, {"name": "张三", "mobile": "13812345678"}).customer
    second = customers.create(pharmacy, {"name": "李四", "mobile": "13900001111"}).customer
    assert first is not None
    assert second is not None
    outcome = customers.update(pharmacy, second.id, {"mobile": "13812345678"})
    assert outcome.customer is None
    assert [(c.id, c.reason) for c in outcome.candidates] == [(first.id, "same mobile")]
    assert customers.get(pharmacy, second.id).mobile == "13900001111"  # nothing saved
    saved = customers.update(pharmacy, second.id, {"mobile": "13812345678"}, allow_duplicate=True)
    assert saved.customer is not None
    assert saved.customer.mobile == "13812345678"
    # Saving other fields of a customer who already shares a mobile does not ask again.
    assert customers.update(pharmacy, second.id, {"address": "文三路1号"}).customer is not None
