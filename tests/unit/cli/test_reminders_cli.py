"""`pharmadesk reminders` on the demo pharmacy (the reminders issue's "done when")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pharmadesk.services import reminders, vault
from pharmadesk.services.context import Context
from tests.conftest import PASSWORD
from tests.unit.cli.shell import run
from tests.unit.services.test_reminders import TODAY, _bought, _customer

# DESIGN.md's fields of `reminders --json`.
FIELDS = ("customer_id", "customer_code", "customer_name", "mobile", "item", "cycle_days",
          "last_purchase", "due_date", "status", "reason")  # fmt: skip


def test_the_demo_lists_li_xiuying_and_her_metformin_with_a_dated_reason(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "demo.db"
    assert run(capsys, "demo", "--no-gui", "--customers", "60", "--db", str(path))[0] == 0
    monkeypatch.setenv("PHARMADESK_PASSPHRASE", "demo")
    code, out, _ = run(capsys, "--db", str(path), "reminders", "--days", "7", "--json")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    [li] = [r for r in rows if r["customer_name"] == "李秀英"]
    assert li["item"] == "二甲双胍片"
    assert li["cycle_days"] == 30
    assert li["status"] == "due"
    assert f"last bought {li['last_purchase']}; 25 days ago" in li["reason"]
    assert set(rows[0]) == set(FIELDS)
    ctx = vault.open_pharmacy(path, user="owner", password="demo")
    try:
        consented = {
            row[0]
            for row in ctx.db.execute_sql(
                "SELECT id FROM customer WHERE consent_marketing = 'given'"
            ).fetchall()
        }
    finally:
        ctx.close()
    assert {r["customer_id"] for r in rows} <= consented


def test_a_wrong_day_or_negative_days_is_wrong_usage(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "demo.db"
    assert run(capsys, "demo", "--no-gui", "--customers", "10", "--db", str(path))[0] == 0
    monkeypatch.setenv("PHARMADESK_PASSPHRASE", "demo")
    assert run(capsys, "--db", str(path), "reminders", "--today", "2026-13-01")[0] == 2
    assert run(capsys, "--db", str(path), "reminders", "--days", "-1")[0] == 2
    code, out, _ = run(capsys, "--db", str(path), "reminders", "--today", "2026-11-22",
                       "--lang", "zh_CN")  # fmt: skip
    assert code == 0
    assert out.splitlines()[0].split()[:2] == ["status", "customer"]


def test_a_stopped_item_is_not_listed(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, pharmacy: Context,
    db_path: Path,
) -> None:  # fmt: skip
    jia = _customer(pharmacy, "甲", "13900000001")
    yi = _customer(pharmacy, "乙", "13900000002")
    for person in (jia, yi):
        _bought(pharmacy, person, "降压片", ["2026-08-01", "2026-08-31", "2026-09-30",
                                              "2026-10-30"])  # fmt: skip
    [reminder] = [r for r in reminders.due(pharmacy, today=TODAY) if r.customer_id == jia]
    reminders.log_call(pharmacy, reminder, outcome="stopped", summary="医生已换药")
    pharmacy.close()
    monkeypatch.setenv("PHARMADESK_DB", str(db_path))
    monkeypatch.setenv("PHARMADESK_PASSPHRASE", PASSWORD)
    code, out, _ = run(capsys, "reminders", "--today", TODAY.isoformat(), "--json")
    assert code == 0
    assert [json.loads(line)["customer_name"] for line in out.splitlines()] == ["乙"]


@pytest.mark.parametrize(
    "args",
    [("--days", "999999999"), ("--days", "3651"), ("--today", "9999-12-30"),
     ("--today", "9999-12-31", "--days", "0")],
)  # fmt: skip
def test_a_horizon_past_ten_years_or_the_calendar_is_wrong_usage(
    capsys: pytest.CaptureFixture[str], pharmacy: Context, db_path: Path,
    monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...],
) -> None:  # fmt: skip
    customer = _customer(pharmacy, "甲", "13900000001")
    _bought(pharmacy, customer, "降压片", ["2026-08-01", "2026-08-31", "2026-09-30", "2026-10-30"])
    pharmacy.close()
    monkeypatch.setenv("PHARMADESK_PASSPHRASE", PASSWORD)
    code, out, err = run(capsys, "--db", str(db_path), "reminders", *args)
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_the_longest_horizon_and_the_last_days_still_answer(
    capsys: pytest.CaptureFixture[str], pharmacy: Context, db_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    customer = _customer(pharmacy, "甲", "13900000001")
    _bought(pharmacy, customer, "降压片", ["2026-08-01", "2026-08-31", "2026-09-30", "2026-10-30"])
    pharmacy.close()
    monkeypatch.setenv("PHARMADESK_PASSPHRASE", PASSWORD)
    code, out, _ = run(capsys, "--db", str(db_path), "reminders", "--days", "3650", "--json",
                       "--today", TODAY.isoformat())  # fmt: skip
    assert (code, [json.loads(line)["customer_name"] for line in out.splitlines()]) == (0, ["甲"])
    code, out, _ = run(capsys, "--db", str(db_path), "reminders", "--today", "9999-12-23",
                       "--json")  # fmt: skip
    assert code == 0
