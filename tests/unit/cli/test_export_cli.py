"""`pharmadesk export` as a script uses it: output, headers by --lang, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from pharmadesk.db.models import AuditEvent
from pharmadesk.services import accounts, vault
from pharmadesk.services.context import Context
from tests.conftest import PASSWORD
from tests.unit.cli.shell import one_line, run
from tests.unit.io.export_shop import fill


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, pharmacy: Context, db_path: Path) -> Path:
    fill(pharmacy)
    accounts.add(pharmacy, "clerk", role="staff", password="clerk-pw")
    pharmacy.close()
    monkeypatch.setenv("PHARMADESK_DB", str(db_path))
    monkeypatch.setenv("PHARMADESK_PASSPHRASE", PASSWORD)
    return db_path


def test_prints_the_path_and_the_rows_of_each_sheet(
    capsys: pytest.CaptureFixture[str], env: Path, tmp_path: Path
) -> None:
    target = tmp_path / "month.xlsx"
    code, out, err = run(capsys, "export", str(target), "--what", "customers,purchases",
                         "--lang", "en", "--purpose", "stocktaking")  # fmt: skip
    assert (code, err) == (0, "")
    assert out.splitlines() == [str(target), "customers: 4 rows", "purchases: 8 rows"]
    book = load_workbook(target)
    assert book.sheetnames == ["customers", "purchases"]
    assert book["customers"].max_row == 5


def test_customers_by_default_with_headers_in_the_lang(
    capsys: pytest.CaptureFixture[str], env: Path, tmp_path: Path
) -> None:
    target = tmp_path / "zh.xlsx"
    code, out, _ = run(capsys, "--lang", "zh_CN", "export", str(target))
    assert code == 0
    assert out.splitlines()[1:] == ["customers: 4 rows"]
    sheet = load_workbook(target)["客户"]
    assert [c.value for c in sheet[1]][:3] == ["编号", "会员号", "姓名"]


def test_analytics_and_filters(
    capsys: pytest.CaptureFixture[str], env: Path, tmp_path: Path
) -> None:
    target = tmp_path / "a.xlsx"
    code, out, _ = run(
        capsys, "export", str(target), "--what", "customers,analytics",
        "--from", "2026-08-01", "--to", "2026-10-31", "--category", "心脑血管",
    )  # fmt: skip
    assert code == 0
    lines = out.splitlines()
    assert "customers: 1 rows" in lines
    assert "months: 24 rows" in lines
    assert lines[-1] == "analytics period: 2026-08-01 to 2026-10-31"


def test_the_export_is_audited(
    capsys: pytest.CaptureFixture[str], env: Path, tmp_path: Path
) -> None:
    assert run(capsys, "export", str(tmp_path / "x.xlsx"), "--purpose", "回访名单")[0] == 0
    ctx = vault.open_pharmacy(env, user="owner", password=PASSWORD)
    try:
        event = AuditEvent.select().where(AuditEvent.action == "export.written").get()
    finally:
        ctx.close()
    assert json.loads(event.details)["purpose"] == "回访名单"
    assert json.loads(event.details)["sheets"] == {"customers": 4}


def test_only_the_owner_exports_personal_data_pharmacists_get_the_analytics(
    capsys: pytest.CaptureFixture[str], env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = vault.open_pharmacy(env, user="owner", password=PASSWORD)
    accounts.add(ctx, "li", role="pharmacist", password="pharm-pw")
    ctx.close()
    target = tmp_path / "people.xlsx"
    for user, secret in (("clerk", "clerk-pw"), ("li", "pharm-pw")):
        monkeypatch.setenv("PHARMADESK_USER", user)
        monkeypatch.setenv("PHARMADESK_PASSPHRASE", secret)
        code, _, err = run(capsys, "export", str(target), "--what", "customers")
        assert code == 4
        assert "may not export personal data" in one_line(err)
        assert not target.exists()
    code, _, _ = run(capsys, "export", str(target), "--what", "analytics", "--lang", "en")
    assert code == 0
    assert "KPIs" in load_workbook(target).sheetnames
    monkeypatch.setenv("PHARMADESK_USER", "clerk")
    monkeypatch.setenv("PHARMADESK_PASSPHRASE", "clerk-pw")
    assert run(capsys, "export", str(tmp_path / "a.xlsx"), "--what", "analytics")[0] == 4


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--what", "customers,gossip"], "unknown gossip"),
        (["--what", ""], "unknown"),
        (["--from", "2026-13-01"], "not a date"),
        (["--to", "yesterday"], "not a date"),
        (["--from", "2026-05-02", "--to", "2026-05-01"], "--to is before --from"),
        (["--segment", "vip"], "invalid choice"),
        (["--visited-after", "2026/01/01"], "not a date"),
    ],
)
def test_wrong_usage_is_exit_2_with_one_line(
    capsys: pytest.CaptureFixture[str], env: Path, tmp_path: Path, argv: list[str], message: str
) -> None:
    target = tmp_path / "x.xlsx"
    code, _, err = run(capsys, "export", str(target), *argv)
    assert code == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert not target.exists()


def test_a_name_that_is_not_xlsx_is_exit_2(
    capsys: pytest.CaptureFixture[str], env: Path, tmp_path: Path
) -> None:
    code, _, err = run(capsys, "export", str(tmp_path / "x.csv"))
    assert code == 2
    assert ".xlsx" in err


def test_an_unwritable_target_is_exit_1_and_leaves_nothing(
    capsys: pytest.CaptureFixture[str], env: Path, tmp_path: Path
) -> None:
    code, out, err = run(capsys, "export", str(tmp_path / "missing" / "x.xlsx"))
    assert (code, out) == (1, "")
    assert err.startswith("pharmadesk: cannot write in")
    assert len(err.strip().splitlines()) == 1
    assert not (tmp_path / "missing").exists()


def test_without_a_password_is_exit_3(
    capsys: pytest.CaptureFixture[str], env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PHARMADESK_PASSPHRASE")
    assert run(capsys, "export", str(tmp_path / "x.xlsx"))[0] == 3
    assert not (tmp_path / "x.xlsx").exists()


def test_for_contact_leaves_out_who_did_not_agree_and_says_how_many(
    capsys: pytest.CaptureFixture[str], env: Path, tmp_path: Path
) -> None:
    from pharmadesk.services import consents

    ctx = vault.open_pharmacy(env, user="owner", password=PASSWORD)
    first = ctx.db.execute_sql("SELECT min(id) FROM customer").fetchone()[0]
    ctx.db.execute_sql("UPDATE customer SET consent_marketing = NULL")
    consents.record(ctx, first, "marketing", "given", channel="phone")
    ctx.close()
    target = tmp_path / "calls.xlsx"
    code, out, err = run(capsys, "export", str(target), "--for-contact", "--purpose", "calls")
    assert (code, err) == (0, "")
    assert out.splitlines()[1:] == ["customers: 1 rows", "left out (no contact consent): 3"]
