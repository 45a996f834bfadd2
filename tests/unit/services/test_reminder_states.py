"""Reminder states (stopped, do not remind, snoozed) and calls logged from the list.

Each state hides a customer's item from `reminders.due` and releases it as the reminders
issue says: a later purchase ends a stop or a snooze, never a "do not remind".
"""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta

import pytest

from pharmadesk.db.models import AuditEvent, Interaction
from pharmadesk.errors import ValidationError
from pharmadesk.services import interactions, reminders
from pharmadesk.services.context import Context
from tests.conftest import CST, FakeClock
from tests.unit.services.test_reminders import TODAY, _bought, _customer, _listed

LAST = date(2026, 10, 30)  # 甲's last purchase of 降压片 in the golden cases


@pytest.fixture
def today(clock: FakeClock) -> FakeClock:
    clock.current = datetime.combine(TODAY, time(10), CST)
    return clock


@pytest.fixture
def jia(pharmacy: Context, today: FakeClock) -> int:
    """甲: 降压片 every 30 days, due 2026-11-29 (the first golden case)."""
    customer = _customer(pharmacy, "甲", "13900000001")
    _bought(pharmacy, customer, "降压片", ["2026-08-01", "2026-08-31", "2026-09-30",
                                           "2026-10-30"])  # fmt: skip
    return customer


def _listed_items(ctx: Context, **kwargs: object) -> set[tuple[str, str]]:
    return set(_listed(ctx, **kwargs))


def test_stopped_hides_the_item_until_it_is_bought_again(pharmacy: Context, jia: int) -> None:
    reminders.stop(pharmacy, jia, "product", "降压片", last_purchase=LAST)
    assert ("甲", "降压片") not in _listed_items(pharmacy)
    # Its category is not listed in its place: the product still has its own rhythm.
    assert _listed_items(pharmacy) == set()
    _bought(pharmacy, jia, "降压片", ["2026-11-21"])
    found = _listed(pharmacy, days=40)[("甲", "降压片")]
    assert found.last_purchase == date(2026, 11, 21)


def test_do_not_remind_holds_whatever_is_bought_later(pharmacy: Context, jia: int) -> None:
    reminders.never(pharmacy, jia, "product", "降压片", last_purchase=LAST)
    assert _listed_items(pharmacy, days=60) == set()
    _bought(pharmacy, jia, "降压片", ["2026-11-21"])
    assert _listed_items(pharmacy, days=60) == set()


def test_a_snooze_shows_the_reminder_again_days_later(pharmacy: Context, jia: int,
                                                      today: FakeClock) -> None:  # fmt: skip
    state = reminders.snooze(pharmacy, jia, "product", "降压片", last_purchase=LAST, days=5)
    assert state.until == TODAY + timedelta(days=5)
    for later in range(5):
        day = TODAY + timedelta(days=later)
        assert reminders.due(pharmacy, today=day) == [], day
    [again] = reminders.due(pharmacy, today=TODAY + timedelta(days=5))
    assert (again.item, again.last_purchase, again.status) == ("降压片", LAST, "due")


def test_a_purchase_ends_a_snooze(pharmacy: Context, jia: int) -> None:
    reminders.snooze(pharmacy, jia, "product", "降压片", last_purchase=LAST, days=90)
    _bought(pharmacy, jia, "降压片", ["2026-11-21"])
    assert ("甲", "降压片") in _listed_items(pharmacy, days=40)


def test_a_snooze_is_one_to_ninety_days(pharmacy: Context, jia: int) -> None:
    for days in (0, 91):
        with pytest.raises(ValueError, match="1 to 90"):
            reminders.snooze(pharmacy, jia, "product", "降压片", last_purchase=LAST, days=days)
    assert reminders.state_of(pharmacy, jia, "product", "降压片") is None


def test_clear_undoes_a_state(pharmacy: Context, jia: int) -> None:
    reminders.never(pharmacy, jia, "product", "降压片", last_purchase=LAST)
    assert reminders.clear(pharmacy, jia, "product", "降压片") is True
    assert ("甲", "降压片") in _listed_items(pharmacy)
    assert reminders.clear(pharmacy, jia, "product", "降压片") is False


def test_a_new_state_replaces_the_old_one(pharmacy: Context, jia: int) -> None:
    reminders.snooze(pharmacy, jia, "product", "降压片", last_purchase=LAST, days=3)
    reminders.never(pharmacy, jia, "product", "降压片", last_purchase=LAST)
    state = reminders.state_of(pharmacy, jia, "product", "降压片")
    assert state is not None
    assert (state.action, state.until) == ("no_remind", None)
    assert reminders.due(pharmacy, today=TODAY + timedelta(days=10)) == []


def test_a_state_is_about_one_item_of_one_customer(pharmacy: Context, jia: int) -> None:
    yi = _customer(pharmacy, "乙", "13900000002")
    _bought(pharmacy, yi, "降压片", ["2026-08-01", "2026-08-31", "2026-09-30", "2026-10-30"])
    _bought(pharmacy, jia, "维生素C", ["2026-09-01", "2026-10-01", "2026-10-29"], category="维生素")
    reminders.stop(pharmacy, jia, "product", "降压片", last_purchase=LAST)
    assert _listed_items(pharmacy) == {("乙", "降压片"), ("甲", "维生素C")}
    # A state on the category leaves the product of the same name alone, and back.
    reminders.never(pharmacy, yi, "category", "慢病用药", last_purchase=LAST)
    assert ("乙", "降压片") in _listed_items(pharmacy)


def test_consent_is_still_filtered_after_states(pharmacy: Context, jia: int) -> None:
    refused = _customer(pharmacy, "戊", "13900000005", contact="refused")
    _bought(pharmacy, refused, "降压片", ["2026-08-01", "2026-08-31", "2026-09-30",
                                           "2026-10-30"])  # fmt: skip
    reminders.snooze(pharmacy, refused, "product", "降压片", last_purchase=LAST, days=1)
    reminders.clear(pharmacy, refused, "product", "降压片")
    assert _listed_items(pharmacy, days=30) == {("甲", "降压片")}


def test_a_call_is_logged_with_its_outcome(pharmacy: Context, jia: int) -> None:
    [reminder] = reminders.due(pharmacy, today=TODAY)
    call = reminders.log_call(pharmacy, reminder, outcome="reached", summary="已提醒按时取药")
    assert call.state is None
    [entry] = interactions.for_customer(pharmacy, jia)
    assert (entry.kind, entry.channel, entry.outcome, entry.summary) == (
        "reminder", "phone", "reached", "已提醒按时取药")  # fmt: skip
    assert ("甲", "降压片") in _listed_items(pharmacy)  # reached: still due


def test_stopped_on_the_phone_stops_the_item_with_its_call(pharmacy: Context, jia: int) -> None:
    [reminder] = reminders.due(pharmacy, today=TODAY)
    call = reminders.log_call(pharmacy, reminder, outcome="stopped", summary="医生已换药")
    assert call.state is not None
    assert (call.state.action, call.state.interaction_id) == ("stopped", call.interaction.id)
    assert Interaction.get_by_id(call.interaction.id).outcome == "stopped"
    assert _listed_items(pharmacy) == set()


def test_will_come_snoozes_for_a_few_days(pharmacy: Context, jia: int) -> None:
    [reminder] = reminders.due(pharmacy, today=TODAY)
    call = reminders.log_call(pharmacy, reminder, outcome="will_come", summary="周末来",
                              channel="wechat")  # fmt: skip
    assert call.state is not None
    assert call.state.until == TODAY + timedelta(days=reminders.WILL_COME_DAYS)
    assert call.interaction.channel == "wechat"
    assert reminders.due(pharmacy, today=TODAY + timedelta(days=1)) == []
    assert reminders.due(pharmacy, today=call.state.until)


def test_a_call_and_its_state_are_one_transaction(pharmacy: Context, jia: int) -> None:
    key = reminders.ItemKey(jia, "medicine", "降压片", LAST)  # not an item kind
    with pytest.raises(ValueError, match="item kind"):
        reminders.log_call(pharmacy, key, outcome="stopped", summary="停药")
    assert interactions.for_customer(pharmacy, jia) == []
    with pytest.raises(ValidationError):
        reminders.log_call(pharmacy, key, outcome="reached", summary="   ")
    with pytest.raises(ValueError, match="outcome"):
        reminders.log_call(pharmacy, key, outcome="angry", summary="挂了电话")
    assert interactions.for_customer(pharmacy, jia) == []


def test_the_audit_names_the_state_not_the_medicine(pharmacy: Context, jia: int) -> None:
    state = reminders.stop(pharmacy, jia, "product", "降压片", last_purchase=LAST)
    reminders.clear(pharmacy, jia, "product", "降压片")
    events = list(AuditEvent.select().where(AuditEvent.entity == "reminder_state"))
    assert [(e.action, e.entity_id, e.customer_id) for e in events] == [
        ("reminder.stopped", state.id, jia), ("reminder.cleared", state.id, jia)]  # fmt: skip
    for event in events:
        assert "降压片" not in event.details
        json.loads(event.details)
