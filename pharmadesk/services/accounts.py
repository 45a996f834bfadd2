"""The people who use the pharmacy: accounts, their roles, passwords and the recovery code.

An account is a row in the (encrypted) database, which holds its name and role, plus its own
envelope of the database key in the key file. The owner manages accounts; everyone may change
their own password. The recovery code holds one more envelope and sets a new owner password
when the owner's is forgotten.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from pharmadesk.db import keyfile
from pharmadesk.db.models import User
from pharmadesk.errors import AuthenticationError, NotFound, OperationFailed
from pharmadesk.services import audit, vault
from pharmadesk.services.context import ROLES, Account, Context, local_now
from pharmadesk.services.login_guard import LoginGuard, guard_file_path
from pharmadesk.services.permissions import Operation, require

MIN_PASSWORD = 4


@dataclass(frozen=True)
class AccountInfo:
    id: int
    name: str
    role: str
    active: bool
    created_at: datetime
    failures: int  # wrong passwords in a row since the last login
    waiting_until: datetime | None  # refused until then


def list_accounts(ctx: Context) -> list[AccountInfo]:
    require(ctx, Operation.MANAGE)
    keys = _keys(ctx)
    guard = LoginGuard(guard_file_path(ctx.path))
    out = []
    for row in User.select().order_by(User.active.desc(), User.id):
        entry_id = keys.entry_id(row.name)
        out.append(
            AccountInfo(
                row.id, row.name, row.role, bool(row.active), row.created_at,
                guard.failures(entry_id), guard.waiting_until(entry_id, ctx.now()),
            )
        )  # fmt: skip
    return out


def add(ctx: Context, name: str, *, role: str, password: str) -> Account:
    """A new account with its own envelope of the database key (owner only).

    The name of an account that was removed may be given again: it comes back active, with
    the new role and password, and its past stays in the audit log under the same name.
    """
    require(ctx, Operation.MANAGE)
    name = name.strip()
    _check_role(role)
    if not name:
        raise OperationFailed("an account needs a name")
    _check_password(password)
    keys = _keys(ctx)
    existing = User.get_or_none(User.name == name)
    if (existing is not None and existing.active) or (existing is None and keys.has_account(name)):
        raise OperationFailed(f"an account named {name} already exists")
    keys.wrap(name, password, _database_key(ctx))
    with ctx.db.atomic():
        if existing is None:
            user = User.create(name=name, role=role, created_at=ctx.now())
            audit.record(ctx, "account.created", entity="user", entity_id=user.id,
                         details={"role": role})  # fmt: skip
        else:
            user = existing
            User.update(role=role, active=True).where(User.id == user.id).execute()
            audit.record(ctx, "account.restored", entity="user", entity_id=user.id,
                         details={"role": role})  # fmt: skip
        _save_keys(ctx, keys)
    return Account(user.id, user.name, role)


def change_own_password(ctx: Context, *, old: str, new: str) -> None:
    """Anyone may change their own password, knowing the current one."""
    keys = _keys(ctx)
    keys.unwrap(ctx.account.name, old)  # AuthenticationError when it is wrong
    _check_password(new)
    keys.wrap(ctx.account.name, new, _database_key(ctx))
    with ctx.db.atomic():
        audit.record(ctx, "account.password_changed", entity="user", entity_id=ctx.account.id)
        _save_keys(ctx, keys)


def set_password(ctx: Context, name: str, new: str) -> None:
    """The owner gives an account a new password (a forgotten one, say)."""
    require(ctx, Operation.MANAGE)
    user = _active(name)
    _check_password(new)
    keys = _keys(ctx)
    keys.wrap(user.name, new, _database_key(ctx))
    with ctx.db.atomic():
        audit.record(ctx, "account.password_set", entity="user", entity_id=user.id)
        _save_keys(ctx, keys)
    LoginGuard(guard_file_path(ctx.path)).clear(keys.entry_id(user.name))


def set_role(ctx: Context, name: str, role: str) -> Account:
    require(ctx, Operation.MANAGE)
    _check_role(role)
    user = _active(name)
    if user.role == "owner" and role != "owner":
        _keep_an_owner(user)
    with ctx.db.atomic():
        User.update(role=role).where(User.id == user.id).execute()
        audit.record(ctx, "account.role_changed", entity="user", entity_id=user.id,
                     details={"from": user.role, "to": role})  # fmt: skip
    return Account(user.id, user.name, role)


def remove(ctx: Context, name: str) -> None:
    """Close an account: its key envelope is deleted, its row kept (inactive) for the audit."""
    require(ctx, Operation.MANAGE)
    user = _active(name)
    if user.id == ctx.account.id:
        raise OperationFailed("you cannot remove the account you are signed in with")
    if user.role == "owner":
        _keep_an_owner(user)
    keys = _keys(ctx)
    keys.remove(user.name)
    with ctx.db.atomic():
        User.update(active=False).where(User.id == user.id).execute()
        audit.record(ctx, "account.removed", entity="user", entity_id=user.id)
        _save_keys(ctx, keys)


def lift_wait(ctx: Context, name: str) -> None:
    """The owner lets an account that typed too many wrong passwords try again at once."""
    require(ctx, Operation.MANAGE)
    user = _active(name)
    LoginGuard(guard_file_path(ctx.path)).clear(_keys(ctx).entry_id(user.name))
    with ctx.db.atomic():
        audit.record(ctx, "account.wait_lifted", entity="user", entity_id=user.id)


def new_recovery_code(ctx: Context) -> str:
    """Replace the recovery code (the old one stops working); shown once to the owner."""
    require(ctx, Operation.MANAGE)
    keys = _keys(ctx)
    code = keyfile.new_recovery_code()
    keys.wrap(keyfile.RECOVERY_ENTRY, code, _database_key(ctx))
    with ctx.db.atomic():
        audit.record(ctx, "account.recovery_code_replaced")
        _save_keys(ctx, keys)
    return keyfile.normalise_recovery_code(code)


def recover_owner(
    path: Path,
    *,
    recovery_code: str,
    new_password: str,
    owner: str | None = None,
    clock: Callable[[], datetime] = local_now,
) -> Context:
    """Set a new owner password with the recovery code; returns the pharmacy, signed in.

    Wrong codes count against the recovery code like wrong passwords against an account.
    """
    _check_password(new_password)
    keys = keyfile.KeyFile.load(keyfile.key_file_path(path))
    guard = LoginGuard(guard_file_path(path))
    entry_id = keys.entry_id(keyfile.RECOVERY_ENTRY)
    vault.refuse_while_waiting(guard, entry_id, clock())
    code = keyfile.normalise_recovery_code(recovery_code)
    try:
        db_key = keys.unwrap(keyfile.RECOVERY_ENTRY, code)
    except AuthenticationError:
        guard.record_failure(entry_id, clock())
        raise AuthenticationError("that recovery code does not open this pharmacy") from None
    db = vault.open_with_key(path, db_key)
    try:
        owners = User.select().where((User.role == "owner") & (User.active == True))  # noqa: E712
        if owner is not None:
            owners = owners.where(User.name == owner)
        row = owners.order_by(User.id).first()
        if row is None:
            raise NotFound(f"no active owner account named {owner}" if owner else "no owner")
        keys.wrap(row.name, new_password, db_key)
        signed_in = Context(db, path, Account(row.id, row.name, row.role), clock)
        with signed_in.db.atomic():
            audit.record(signed_in, "account.recovered", entity="user", entity_id=row.id)
            keys.save(keyfile.key_file_path(path))
    except BaseException:
        db.close()
        raise
    guard.clear(entry_id)
    guard.clear(keys.entry_id(row.name))
    return signed_in


def _keys(ctx: Context) -> keyfile.KeyFile:
    return keyfile.KeyFile.load(keyfile.key_file_path(ctx.path))


def _save_keys(ctx: Context, keys: keyfile.KeyFile) -> None:
    # Saved inside the transaction that audits it: if the key file cannot be written, the
    # audit row rolls back with it, and the audit never claims a change that did not happen.
    keys.save(keyfile.key_file_path(ctx.path))


def _database_key(ctx: Context) -> bytes:
    key = getattr(ctx.db, "_raw_key", None)
    if not isinstance(key, bytes):
        raise OperationFailed("the database key is not available")
    return key


def _active(name: str) -> User:
    user = User.get_or_none((User.name == name.strip()) & (User.active == True))  # noqa: E712
    if user is None:
        raise NotFound(f"no active account named {name}")
    return user


def _keep_an_owner(user: User) -> None:
    others = (
        User.select()
        .where((User.role == "owner") & (User.active == True) & (User.id != user.id))  # noqa: E712
        .count()
    )
    if not others:
        raise OperationFailed("the pharmacy must keep at least one owner account")


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise OperationFailed(f"unknown role {role!r}; use one of {', '.join(ROLES)}")


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise OperationFailed(f"a password needs at least {MIN_PASSWORD} characters")
