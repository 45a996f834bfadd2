"""Accounts: own passwords, roles, removal, the recovery code and the wait after wrong passwords."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from pharmadesk.db.keyfile import key_file_path
from pharmadesk.db.models import AuditEvent
from pharmadesk.errors import (
    AccountWaiting,
    AuthenticationError,
    NotFound,
    OperationFailed,
    PermissionRefused,
)
from pharmadesk.services import accounts, audit, customers, vault
from pharmadesk.services.context import Context
from pharmadesk.services.login_guard import guard_file_path, wait_after
from tests.conftest import PASSWORD, FakeClock


def _hashes(db_path: Path) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for path in (db_path, Path(f"{db_path}-wal"), key_file_path(db_path)):
        out[path.name] = hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None
    return out


def _actions(ctx: Context) -> list[str]:
    return [e.action for e in AuditEvent.select().order_by(AuditEvent.id)]


def _fail(db_path: Path, clock: FakeClock, user: str = "owner", times: int = 1) -> None:
    for _ in range(times):
        with pytest.raises(AuthenticationError):
            vault.open_pharmacy(db_path, user=user, password="wrong", clock=clock)


def test_the_wait_starts_after_five_failures_and_doubles_to_fifteen_minutes() -> None:
    assert [wait_after(n).total_seconds() for n in range(1, 12)] == [
        0, 0, 0, 0, 30, 60, 120, 240, 480, 900, 900,
    ]  # fmt: skip


def test_five_wrong_passwords_make_the_account_wait_even_with_the_right_one(
    pharmacy: Context, db_path: Path, clock: FakeClock
) -> None:
    customers.create(pharmacy, {"name": "张三", "mobile": "13812345678"})
    before = _hashes(db_path)
    _fail(db_path, clock, times=4)
    with pytest.raises(AccountWaiting, match="30 s") as waiting:
        vault.open_pharmacy(db_path, user="owner", password="wrong", clock=clock)
    assert waiting.value.exit_code == 3
    clock.advance(seconds=29)
    with pytest.raises(AccountWaiting, match="1 s"):
        vault.open_pharmacy(db_path, user="owner", password=PASSWORD, clock=clock)
    assert _hashes(db_path) == before, "wrong passwords change only the counter file"
    assert b"owner" not in guard_file_path(db_path).read_bytes()

    clock.advance(seconds=1)
    _fail(db_path, clock)  # the sixth failure: a minute now
    with pytest.raises(AccountWaiting, match="60 s"):
        vault.open_pharmacy(db_path, user="owner", password=PASSWORD, clock=clock)
    clock.advance(seconds=60)
    pharmacy.close()
    ctx = vault.open_pharmacy(db_path, user="owner", password=PASSWORD, clock=clock)
    failed = [e for e in AuditEvent.select() if e.action == "login.failed"]
    assert len(failed) == 6, "every failure reaches the audit log at the next login"
    assert {e.user_name for e in failed} == {"owner"}
    assert _actions(ctx)[-1] == "login"
    ctx.close()
    _fail(db_path, clock, times=4)  # a success starts the count afresh: no wait yet
    vault.open_pharmacy(db_path, user="owner", password=PASSWORD, clock=clock).close()


def test_a_waiting_account_does_not_hold_up_another(
    pharmacy: Context, db_path: Path, clock: FakeClock
) -> None:
    accounts.add(pharmacy, "wang", role="staff", password="staff-pw")
    _fail(db_path, clock, user="wang", times=5)
    with pytest.raises(AccountWaiting):
        vault.open_pharmacy(db_path, user="wang", password="staff-pw", clock=clock)
    waiting = {a.name: a.waiting_until for a in accounts.list_accounts(pharmacy)}
    assert waiting["wang"] is not None
    assert waiting["owner"] is None
    pharmacy.close()
    other = vault.open_pharmacy(db_path, user="owner", password=PASSWORD, clock=clock)
    accounts.lift_wait(other, "wang")  # the owner lifts the wait
    other.close()
    vault.open_pharmacy(db_path, user="wang", password="staff-pw", clock=clock).close()


def test_guessing_made_up_names_is_counted_too(
    db_path: Path, pharmacy: Context, clock: FakeClock
) -> None:
    _fail(db_path, clock, user="nobody", times=5)
    with pytest.raises(AccountWaiting):
        vault.open_pharmacy(db_path, user="nobody", password="x", clock=clock)
    pharmacy.close()
    ctx = vault.open_pharmacy(db_path, user="owner", password=PASSWORD, clock=clock)
    names = [e.user_name for e in AuditEvent.select() if e.action == "login.failed"]
    assert names == ["?"] * 5, "an unknown account is named by no one"
    ctx.close()


def test_a_damaged_counter_file_does_not_lock_anyone_out(
    pharmacy: Context, db_path: Path, clock: FakeClock
) -> None:
    _fail(db_path, clock, times=5)
    guard_file_path(db_path).write_bytes(b"\x00garbage")
    pharmacy.close()
    vault.open_pharmacy(db_path, user="owner", password=PASSWORD, clock=clock).close()


def test_own_password_change_rewraps_one_envelope(pharmacy: Context, db_path: Path) -> None:
    accounts.add(pharmacy, "wang", role="staff", password="staff-pw")
    pharmacy.close()
    wang = vault.open_pharmacy(db_path, user="wang", password="staff-pw")
    with pytest.raises(AuthenticationError):
        accounts.change_own_password(wang, old="not-it", new="new-pw-1")
    accounts.change_own_password(wang, old="staff-pw", new="new-pw-1")
    wang.close()
    with pytest.raises(AuthenticationError):
        vault.open_pharmacy(db_path, user="wang", password="staff-pw")
    vault.open_pharmacy(db_path, user="wang", password="new-pw-1").close()
    vault.open_pharmacy(db_path, user="owner", password=PASSWORD).close()


def test_only_the_owner_manages_accounts(pharmacy: Context, db_path: Path) -> None:
    accounts.add(pharmacy, "li", role="pharmacist", password="pharm-pw")
    pharmacy.close()
    li = vault.open_pharmacy(db_path, user="li", password="pharm-pw")
    for call in (
        lambda: accounts.add(li, "x", role="staff", password="xxxx-pw"),
        lambda: accounts.list_accounts(li),
        lambda: accounts.set_role(li, "li", "owner"),
        lambda: accounts.set_password(li, "owner", "taken-over"),
        lambda: accounts.remove(li, "owner"),
        lambda: accounts.new_recovery_code(li),
    ):
        with pytest.raises(PermissionRefused):
            call()
    li.close()


def test_removing_an_account_deletes_its_envelope_and_keeps_its_history(
    pharmacy: Context, db_path: Path
) -> None:
    accounts.add(pharmacy, "wang", role="staff", password="staff-pw")
    accounts.remove(pharmacy, "wang")
    with pytest.raises(AuthenticationError):
        vault.open_pharmacy(db_path, user="wang", password="staff-pw")
    listed = {a.name: a.active for a in accounts.list_accounts(pharmacy)}
    assert listed == {"owner": True, "wang": False}
    with pytest.raises(OperationFailed, match="at least one owner"):
        accounts.set_role(pharmacy, "owner", "staff")
    with pytest.raises(OperationFailed, match="signed in"):
        accounts.remove(pharmacy, "owner")
    accounts.add(pharmacy, "wang", role="pharmacist", password="back-pw")  # comes back
    with pytest.raises(OperationFailed, match="already exists"):
        accounts.add(pharmacy, "wang", role="staff", password="again-pw")
    assert vault.open_pharmacy(db_path, user="wang", password="back-pw").account.role == (
        "pharmacist"
    )
    assert "account.removed" in _actions(pharmacy)


def test_the_recovery_code_sets_a_new_owner_password_and_the_data_is_intact(
    db_path: Path, clock: FakeClock
) -> None:
    created = vault.create_pharmacy(db_path, owner="boss", password=PASSWORD, clock=clock)
    customers.create(created.context, {"name": "张三", "mobile": "13812345678"})
    created.context.close()
    with pytest.raises(AuthenticationError, match="recovery code"):
        accounts.recover_owner(db_path, recovery_code="AAAAA-BBBBB", new_password="new-owner")
    code = created.recovery_code.lower().replace("-", " ")  # typed loosely from paper
    ctx = accounts.recover_owner(db_path, recovery_code=code, new_password="new-owner")
    assert ctx.account.name == "boss"
    assert [c.name for c in customers.list_customers(ctx)] == ["张三"]
    assert _actions(ctx)[-1] == "account.recovered"
    assert audit.verify_chain(ctx) is None
    ctx.close()
    with pytest.raises(AuthenticationError):
        vault.open_pharmacy(db_path, user="boss", password=PASSWORD)
    vault.open_pharmacy(db_path, user="boss", password="new-owner").close()


def test_a_new_recovery_code_retires_the_old_one(db_path: Path, clock: FakeClock) -> None:
    created = vault.create_pharmacy(db_path, owner="owner", password=PASSWORD, clock=clock)
    fresh = accounts.new_recovery_code(created.context)
    created.context.close()
    with pytest.raises(AuthenticationError):
        accounts.recover_owner(
            db_path, recovery_code=created.recovery_code, new_password="new-owner"
        )
    accounts.recover_owner(db_path, recovery_code=fresh, new_password="new-owner").close()


def test_unknown_accounts_and_roles_are_clear_errors(pharmacy: Context) -> None:
    with pytest.raises(OperationFailed, match="unknown role"):
        accounts.add(pharmacy, "x", role="boss", password="xxxx-pw")
    with pytest.raises(OperationFailed, match="at least 4"):
        accounts.add(pharmacy, "x", role="staff", password="x")
    with pytest.raises(NotFound):
        accounts.set_password(pharmacy, "ghost", "xxxx-pw")
