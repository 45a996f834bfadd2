"""`pharmadesk users` and `pharmadesk check` as scripts use them."""

from __future__ import annotations

from pathlib import Path

import pytest

from pharmadesk.services import customers, vault
from pharmadesk.services.context import Context
from tests.conftest import PASSWORD
from tests.unit.cli.shell import one_line, run


@pytest.fixture
def shop(env: Path, pharmacy: Context) -> Path:
    customers.create(pharmacy, {"name": "张三", "mobile": "13812345678"})
    pharmacy.close()
    return env


def _as(monkeypatch: pytest.MonkeyPatch, user: str, password: str) -> None:
    monkeypatch.setenv("PHARMADESK_USER", user)
    monkeypatch.setenv("PHARMADESK_PASSPHRASE", password)


def test_three_accounts_three_roles_headless(
    shop: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, role, secret in (("li", "pharmacist", "pharm-pw"), ("wang", "staff", "staff-pw")):
        monkeypatch.setenv("PHARMADESK_NEW_PASSWORD", secret)
        code, out, err = run(capsys, "users", "add", name, "--role", role)
        assert (code, err) == (0, "")
        assert out.strip() == f"Added {name} ({role})"
    code, out, _ = run(capsys, "users", "list")
    assert code == 0
    assert [line.split()[:2] for line in out.splitlines()[2:]] == [
        ["owner", "owner"], ["li", "pharmacist"], ["wang", "staff"],
    ]  # fmt: skip

    _as(monkeypatch, "wang", "staff-pw")
    code, out, _ = run(capsys, "customers", "search", "5678", "--json")
    assert code == 0
    assert '"restricted": true' in out
    for argv in (
        ["customers", "list"],
        ["users", "list"],
        ["users", "add", "x", "--role", "owner"],
    ):
        code, _, err = run(capsys, *argv)
        assert code == 4, argv
        assert "staff role may not" in one_line(err)

    _as(monkeypatch, "li", "pharm-pw")
    code, out, _ = run(capsys, "customers", "search", "5678", "--json")
    assert '"restricted": false' in out
    assert run(capsys, "customers", "list")[0] == 4


def test_wrong_passwords_are_exit_3_and_then_a_wait(
    shop: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _as(monkeypatch, "owner", "wrong")
    for _ in range(4):
        code, _, err = run(capsys, "customers", "search", "张三")
        assert code == 3
        assert "wrong user name or password" in one_line(err)
    code, _, err = run(capsys, "customers", "search", "张三")
    assert code == 3
    assert "try again in 30 s" in one_line(err)
    _as(monkeypatch, "owner", PASSWORD)
    code, _, err = run(capsys, "customers", "search", "张三")
    assert code == 3, "the right password waits too"
    assert "try again in" in one_line(err)


def test_own_password_and_the_owner_setting_one(
    shop: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PHARMADESK_NEW_PASSWORD", "staff-pw")
    run(capsys, "users", "add", "wang", "--role", "staff")
    monkeypatch.setenv("PHARMADESK_NEW_PASSWORD", "reset-pw")
    assert run(capsys, "users", "passwd", "wang")[0] == 0
    _as(monkeypatch, "wang", "reset-pw")
    monkeypatch.setenv("PHARMADESK_NEW_PASSWORD", "mine-pw")
    code, out, _ = run(capsys, "users", "passwd")
    assert code == 0
    assert out.strip() == "New password set for wang"
    _as(monkeypatch, "wang", "mine-pw")
    assert run(capsys, "users", "passwd", "owner")[0] == 4, "staff may not reset the owner's"


def test_removed_accounts_cannot_sign_in(
    shop: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PHARMADESK_NEW_PASSWORD", "staff-pw")
    run(capsys, "users", "add", "wang", "--role", "staff")
    assert run(capsys, "users", "remove", "wang")[0] == 0
    code, _, err = run(capsys, "users", "remove", "owner")
    assert code == 1
    assert "signed in" in one_line(err)
    _as(monkeypatch, "wang", "staff-pw")
    assert run(capsys, "customers", "search", "张三")[0] == 3


def test_recover_sets_a_new_owner_password(
    env: Path, db_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PHARMADESK_PASSPHRASE")
    monkeypatch.setenv("PHARMADESK_PASSPHRASE", "first-pw")
    code, out, _ = run(capsys, "init")
    assert code == 0
    recovery = out.rsplit(": ", 1)[1].strip()
    monkeypatch.setenv("PHARMADESK_NEW_PASSWORD", "second-pw")
    monkeypatch.setenv("PHARMADESK_RECOVERY_CODE", "NOT-THE-CODE")
    code, _, err = run(capsys, "users", "recover")
    assert code == 3
    assert "recovery code" in one_line(err)
    monkeypatch.setenv("PHARMADESK_RECOVERY_CODE", recovery)
    code, out, _ = run(capsys, "users", "recover")
    assert code == 0
    assert out.strip() == "New password set for the owner owner"
    monkeypatch.setenv("PHARMADESK_PASSPHRASE", "second-pw")
    assert run(capsys, "check")[0] == 0


def test_check_names_the_edited_audit_event(shop: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check")
    assert (code, err) == (0, "")
    assert out.splitlines()[-1] == "audit log: ok"
    assert all(line.endswith(": ok") for line in out.splitlines())

    ctx = vault.open_pharmacy(shop, user="owner", password=PASSWORD)
    edited = ctx.db.execute_sql(
        "SELECT id FROM audit_event WHERE action = 'customer.created'"
    ).fetchone()[0]
    ctx.db.execute_sql(
        'UPDATE audit_event SET details = \'{"source": "import"}\' WHERE id = ?', (edited,)
    )
    ctx.close()
    code, out, err = run(capsys, "check")
    assert code == 1
    assert "audit log: PROBLEM" in out
    assert f"audit event {edited} was changed after it was written" in one_line(err)


def test_check_catches_a_deleted_audit_event(
    shop: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ctx = vault.open_pharmacy(shop, user="owner", password=PASSWORD)
    ctx.db.execute_sql("DELETE FROM audit_event WHERE action = 'customer.created'")
    ctx.close()
    code, _, err = run(capsys, "check")
    assert code == 1
    assert "does not link to the event before it" in one_line(err)


def test_check_names_an_event_edited_past_reading(
    shop: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ctx = vault.open_pharmacy(shop, user="owner", password=PASSWORD)
    ctx.db.execute_sql("UPDATE audit_event SET at = 'yesterday-ish' WHERE id = 1")
    ctx.close()
    code, _, err = run(capsys, "check")
    assert code == 1
    assert "audit event 1 was changed after it was written" in one_line(err)
