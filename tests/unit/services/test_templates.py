"""Message templates: built-in in both languages, the owner's own kept and reset, unknown
placeholders refused, rendered with a real customer's data and never "None"."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from pharmadesk.db.models import AuditEvent, Setting
from pharmadesk.errors import PermissionRefused, ValidationError
from pharmadesk.services import accounts, customers, purchases, templates, vault
from pharmadesk.services.context import Context
from tests.conftest import CST, FakeClock


@pytest.fixture
def li(pharmacy: Context) -> int:
    made = customers.create(
        pharmacy, {"name": "李秀英", "mobile": "13812345678", "consent_marketing": "given"}
    ).customer
    assert made is not None
    return made.id


def _buy(ctx: Context, customer_id: int, fen: int, when: datetime) -> None:
    purchases.record(ctx, customer_id, [purchases.LineInput("阿胶", 1, fen)], purchased_at=when)


def test_every_purpose_has_a_built_in_template_in_both_languages_using_known_placeholders(
    pharmacy: Context,
) -> None:
    for purpose in templates.PURPOSES:
        for language in templates.LANGUAGES:
            text = templates.text(pharmacy, purpose, language)
            assert text == templates.default(purpose, language)
            assert templates.problems(text) == []
            assert "{name}" in text
    assert templates.is_default(pharmacy, "birthday", "zh_CN")


def test_a_birthday_greeting_with_the_customers_tier_points_and_the_pharmacy(
    pharmacy: Context, li: int
) -> None:
    _buy(pharmacy, li, 120_000, datetime(2026, 10, 5, 10, tzinfo=CST))
    Setting.replace(key=vault.PHARMACY_NAME, value='"仁心大药房"').execute()
    text = templates.render(pharmacy, "birthday", li, "zh_CN")
    assert text.startswith("李秀英您好！仁心大药房全体药师祝您生日快乐")
    assert "您是我们的银卡会员，目前有1200积分" in text
    english = templates.render(pharmacy, "birthday", li, "en")
    assert "As a Silver member you have 1200 points" in english
    assert "Everyone at 仁心大药房" in english


def test_missing_values_read_as_words_that_fit_never_none(pharmacy: Context, li: int) -> None:
    # No pharmacy name, no purchase, no item or due day given.
    for purpose in templates.PURPOSES:
        for language in templates.LANGUAGES:
            text = templates.render(pharmacy, purpose, li, language)
            assert "None" not in text
            assert "{" not in text
    refill = templates.render(pharmacy, "refill", li, "zh_CN")
    assert "这里是本药房" in refill
    assert "您常买的药品大约在近期就要用完了" in refill
    assert "since your last visit" in templates.render(pharmacy, "winback", li, "en")


def test_a_refill_message_names_the_item_and_its_day(pharmacy: Context, li: int) -> None:
    text = templates.render(pharmacy, "refill", li, "zh_CN", item="二甲双胍片",
                            due_date=date(2026, 11, 29))  # fmt: skip
    assert "您常买的二甲双胍片大约在11月29日就要用完了" in text
    english = templates.render(pharmacy, "refill", li, "en", item="Metformin",
                               due_date="2027-01-02")  # fmt: skip
    assert "your Metformin will be running low around 2 January 2027" in english


def test_the_last_visit_is_the_last_purchase_day(pharmacy: Context, li: int) -> None:
    _buy(pharmacy, li, 1000, datetime(2026, 5, 3, 10, tzinfo=CST))
    _buy(pharmacy, li, 1000, datetime(2025, 12, 1, 10, tzinfo=CST))
    assert "自5月3日以来" in templates.render(pharmacy, "winback", li, "zh_CN")
    assert "missed you since 3 May." in templates.render(pharmacy, "winback", li, "en")


def test_the_owner_saves_and_resets_a_template(pharmacy: Context, li: int) -> None:
    templates.save(pharmacy, "birthday", "zh_CN", "{name}生日快乐！送您{points}积分的祝福。")
    assert (
        templates.render(pharmacy, "birthday", li, "zh_CN") == "李秀英生日快乐！送您0积分的祝福。"
    )
    assert not templates.is_default(pharmacy, "birthday", "zh_CN")
    assert templates.is_default(pharmacy, "birthday", "en")  # the other language is its own
    templates.reset(pharmacy, "birthday", "zh_CN")
    assert templates.text(pharmacy, "birthday", "zh_CN") == templates.default("birthday", "zh_CN")
    changes = [
        e.details for e in AuditEvent.select().where(AuditEvent.action == "settings.changed")
    ]
    assert changes == ['{"setting": "templates.birthday.zh_CN"}',
                       '{"reset": true, "setting": "templates.birthday.zh_CN"}']  # fmt: skip


def test_unknown_placeholders_are_refused_naming_the_allowed_ones(pharmacy: Context) -> None:
    with pytest.raises(ValidationError) as refused:
        templates.save(pharmacy, "winback", "en", "Hi {nmae}, {points:>5} points {0}")
    message = refused.value.problems["template"]
    assert "unknown placeholder {nmae}, {points:>5}, {0}" in message
    assert (
        "allowed: {name}, {tier}, {points}, {item}, {due_date}, {last_visit}, {pharmacy}" in message
    )
    for bad in ("Hi {name", "Hi name}", "   "):
        with pytest.raises(ValidationError):
            templates.save(pharmacy, "winback", "en", bad)
    assert templates.is_default(pharmacy, "winback", "en")
    templates.save(pharmacy, "winback", "en", "Hi {name} {{not a placeholder}}")
    assert templates.text(pharmacy, "winback", "en") == "Hi {name} {{not a placeholder}}"
    assert templates.fill("Hi {name} {{x}}", {"name": "Li"}) == "Hi Li {x}"
    with pytest.raises(ValueError, match="unknown purpose"):
        templates.text(pharmacy, "easter", "en")


def test_only_the_owner_edits_templates(
    pharmacy: Context, li: int, db_path: Path, clock: FakeClock
) -> None:
    accounts.add(pharmacy, "wang", role="staff", password="staff-pw")
    staff = vault.open_pharmacy(db_path, user="wang", password="staff-pw", clock=clock)
    try:
        with pytest.raises(PermissionRefused):
            templates.save(staff, "refill", "en", "Hi {name}")
        with pytest.raises(PermissionRefused):
            templates.reset(staff, "refill", "en")
        assert templates.render(staff, "refill", li, "en").startswith("Hello 李秀英")
    finally:
        staff.close()


def test_at_0_points_the_built_in_messages_say_nothing_of_points(
    pharmacy: Context, li: int
) -> None:
    birthday = templates.render(pharmacy, "birthday", li, "zh_CN")
    assert birthday.endswith("万事如意！")
    assert "积分" not in birthday
    assert "[" not in birthday
    english = templates.render(pharmacy, "birthday", li, "en")
    assert english.endswith("wonderful year ahead.")
    assert "points" not in english
    winback = templates.render(pharmacy, "winback", li, "zh_CN")
    assert "积分" not in winback
    assert "身体。有任何用药问题" in winback
    winback_en = templates.render(pharmacy, "winback", li, "en")
    assert "well. Our pharmacists" in winback_en
    assert "points" not in winback_en
    assert "you have 30 points" in templates.render(pharmacy, "birthday", li, "en", points=30)
    assert "您还有30积分可以使用，有任何" in templates.render(pharmacy, "winback", li, "zh_CN",
                                                          points=30)  # fmt: skip


def test_the_owners_own_bracketed_part_and_plain_brackets(pharmacy: Context, li: int) -> None:
    template = "{name}生日快乐！[送您{points}积分。][会员日]"
    templates.save(pharmacy, "birthday", "zh_CN", template)
    assert templates.render(pharmacy, "birthday", li, "zh_CN") == "李秀英生日快乐！[会员日]"
    assert (
        templates.render(pharmacy, "birthday", li, "zh_CN", points=5)
        == "李秀英生日快乐！送您5积分。[会员日]"
    )
