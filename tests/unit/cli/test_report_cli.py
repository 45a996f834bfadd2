"""`pharmadesk report --month YYYY-MM OUT.pdf` as scripts use it: the PDF, its path on
stdout, and the exit codes of the contract."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from pharmadesk.io.month_report import page_count
from pharmadesk.services import accounts, customers, purchases, vault
from pharmadesk.services.analytics.results import last_full_month
from tests.conftest import PASSWORD
from tests.unit.cli.shell import one_line, run


def last_month() -> date:
    return last_full_month(date.today()).start


MONTH = f"{last_month():%Y-%m}"


@pytest.fixture
def filled(env: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A pharmacy with two customers who bought last month, and a staff account."""
    assert run(capsys, "init", "--name", "康宁大药房")[0] == 0
    ctx = vault.open_pharmacy(env, user="owner", password=PASSWORD)
    day = datetime.combine(last_month() + timedelta(days=4), time(10)).astimezone()
    for name, mobile, product in (
        ("张三", "13812345678", "二甲双胍片"),
        ("王堃", "13900005678", "阿莫西林胶囊（0.25g×24粒）"),
    ):
        person = customers.create(ctx, {"name": name, "mobile": mobile}).customer
        assert person is not None
        line = purchases.LineInput(product, 2, 1550, category="慢病用药")
        purchases.record(ctx, person.id, [line], purchased_at=day, receipt=f"R-{mobile}")
    accounts.add(ctx, "clerk", role="staff", password="clerk-pw")
    ctx.close()
    return env


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_report_writes_the_month_and_prints_its_path(
    lang: str, filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "month.pdf"
    code, out, err = run(capsys, "report", "--month", f"{last_month():%Y-%m}", str(target),
                         "--lang", lang)  # fmt: skip

    assert (code, err) == (0, "")
    assert out.strip() == str(target.resolve())
    pdf = target.read_bytes()
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf)) == page_count()


@pytest.mark.parametrize("month", ["2026-13", "2026-1", "october", "0999-01", "2026-00"])
def test_a_bad_month_is_wrong_usage(
    month: str, filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "report", "--month", month, str(tmp_path / "r.pdf"))
    assert code == 2
    assert "YYYY-MM" in one_line(err)
    assert not (tmp_path / "r.pdf").exists()


def test_a_month_not_begun_is_wrong_usage(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    later = date.today().replace(day=1) + timedelta(days=40)
    code, _, err = run(capsys, "report", "--month", f"{later:%Y-%m}", str(tmp_path / "r.pdf"))
    assert code == 2
    assert "not begun" in one_line(err)


def test_the_month_is_required(
    env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "report", str(tmp_path / "r.pdf"))
    assert code == 2
    assert "--month" in one_line(err)


def test_the_report_is_a_pdf_checked_before_opening_anything(
    env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # No database exists at all: the usage error comes first.
    code, _, err = run(capsys, "report", "--month", MONTH, str(tmp_path / "r.png"))
    assert code == 2
    assert ".pdf" in one_line(err)


def test_a_missing_folder_fails_and_writes_nothing(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "no such folder" / "r.pdf"
    code, _, err = run(capsys, "report", "--month", f"{last_month():%Y-%m}", str(target))
    assert code == 1
    assert "no folder" in one_line(err)


def test_staff_may_not_write_the_report(
    filled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    monkeypatch.setenv("PHARMADESK_USER", "clerk")
    monkeypatch.setenv("PHARMADESK_PASSPHRASE", "clerk-pw")
    code, _, err = run(capsys, "report", "--month", f"{last_month():%Y-%m}",
                       str(tmp_path / "r.pdf"))  # fmt: skip
    assert code == 4
    assert "staff role may not" in one_line(err)
    assert not (tmp_path / "r.pdf").exists()


def test_no_database_is_exit_5(
    env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "report", "--month", MONTH, str(tmp_path / "r.pdf"))
    assert code == 5
    one_line(err)


def test_no_password_is_exit_3(
    filled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    monkeypatch.delenv("PHARMADESK_PASSPHRASE")
    code, _, err = run(capsys, "report", "--month", MONTH, str(tmp_path / "r.pdf"))
    assert code == 3
    one_line(err)
