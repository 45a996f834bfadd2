"""Creating and unlocking a pharmacy: the encrypted database and its key file together.

Unlocking reads the key file only; a wrong password is refused by the AES-GCM check before
the database is opened, so it leaves the database, its WAL and the key file untouched.
"""

from __future__ import annotations

import contextlib
import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import peewee

from pharmadesk.db import keyfile
from pharmadesk.db.connection import open_encrypted
from pharmadesk.db.migrations import migrate, schema_version
from pharmadesk.db.models import Setting, User, database
from pharmadesk.errors import (
    AccountWaiting,
    AuthenticationError,
    DatabaseUnavailable,
    OperationFailed,
)
from pharmadesk.services import audit
from pharmadesk.services.context import Account, Context, local_now
from pharmadesk.services.login_guard import LoginGuard, guard_file_path

PHARMACY_NAME = "pharmacy.name"


@dataclass(frozen=True)
class CreatedPharmacy:
    context: Context
    recovery_code: str


def refuse_existing(path: Path) -> None:
    """Refuse (exit 1) when the database or its key file is already there."""
    for existing in (path, keyfile.key_file_path(path)):
        if existing.exists():
            raise OperationFailed(f"{existing} already exists; nothing was changed")


def create_pharmacy(
    path: Path,
    *,
    owner: str,
    password: str,
    pharmacy_name: str = "",
    kdf: keyfile.KdfParams | None = None,
    clock: Callable[[], datetime] = local_now,
) -> CreatedPharmacy:
    """Create a new encrypted pharmacy database with its owner account. Never overwrites."""
    refuse_existing(path)
    if not owner.strip():
        raise OperationFailed("the owner needs an account name")
    if not password:
        raise OperationFailed("an empty password cannot protect the database")
    path.parent.mkdir(parents=True, exist_ok=True)
    db_key = keyfile.new_database_key()
    keys = keyfile.KeyFile.new()
    keys.wrap(owner, password, db_key, kdf)
    recovery_code = keyfile.new_recovery_code()
    keys.wrap(keyfile.RECOVERY_ENTRY, recovery_code, db_key, kdf)
    try:
        db = open_encrypted(path, db_key)
        database.initialize(db)
        migrate(db)
        with db.atomic():
            user = User.create(name=owner.strip(), role="owner", created_at=clock())
            if pharmacy_name:
                Setting.replace(key=PHARMACY_NAME, value=json.dumps(pharmacy_name)).execute()
            ctx = Context(db, path, Account(user.id, user.name, user.role), clock)
            audit.record(ctx, "pharmacy.created", details={"schema": "latest"})
        keys.save(keyfile.key_file_path(path))
    except BaseException:
        _remove_partial(path)
        raise
    return CreatedPharmacy(ctx, keyfile.normalise_recovery_code(recovery_code))


def _remove_partial(path: Path) -> None:
    with contextlib.suppress(Exception):
        if not database.is_closed():
            database.close()
    for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()


def open_pharmacy(
    path: Path,
    *,
    user: str,
    password: str,
    clock: Callable[[], datetime] = local_now,
    via: str = "",
) -> Context:
    """Unlock the pharmacy at `path` as `user`; raises a typed error a person understands.

    Raises:
        AccountWaiting: too many wrong passwords; nothing was tried.
        AuthenticationError: wrong user name or password (counted by the login guard).
        DatabaseUnavailable: missing, damaged or not a pharmacy database.
    """
    _check_file(path)
    keys = keyfile.KeyFile.load(keyfile.key_file_path(path))
    if not password:
        raise AuthenticationError("no password given")
    guard = LoginGuard(guard_file_path(path))
    entry_id = keys.entry_id(user)
    refuse_while_waiting(guard, entry_id, clock())
    try:
        db_key = keys.unwrap(user, password)
    except AuthenticationError:
        _count_failure(guard, entry_id, clock())
        raise
    ctx = _open_unwrapped(path, db_key, user, clock)
    if ctx is None:
        _count_failure(guard, entry_id, clock())
        raise AuthenticationError("wrong user name or password")
    try:
        _report_logins(ctx, keys, guard, entry_id, via)
    except (peewee.OperationalError, peewee.IntegrityError):
        ctx.close()
        raise
    except peewee.DatabaseError as exc:
        # A damaged page of the audit log is met only when the login is written to it.
        ctx.close()
        raise DatabaseUnavailable(
            f"{path.name} is damaged ({exc}); restore the last backup"
        ) from None
    except BaseException:
        ctx.close()
        raise
    return ctx


def _check_file(path: Path) -> None:
    if not path.exists():
        raise DatabaseUnavailable(f"no pharmacy database at {path}")
    if path.is_dir():
        raise DatabaseUnavailable(f"{path} is a folder, not a pharmacy database")
    if path.stat().st_size == 0:
        raise DatabaseUnavailable(f"{path.name} is empty (damaged); restore the last backup")


def refuse_while_waiting(guard: LoginGuard, entry_id: str, now: datetime) -> None:
    until = guard.waiting_until(entry_id, now)
    if until is not None:
        raise AccountWaiting(_waiting_message(until, now), until=until)


def _waiting_message(until: datetime, now: datetime) -> str:
    seconds = max(1, math.ceil((until - now).total_seconds()))
    return f"too many wrong passwords: try again in {seconds} s (the owner can lift the wait)"


def _count_failure(guard: LoginGuard, entry_id: str, now: datetime) -> None:
    until = guard.record_failure(entry_id, now)
    if until is not None:
        raise AccountWaiting(_waiting_message(until, now), until=until)


def _open_unwrapped(
    path: Path, db_key: bytes, user: str, clock: Callable[[], datetime]
) -> Context | None:
    """The open pharmacy, or None when the key opened it but the account is not active."""
    db = open_with_key(path, db_key)
    try:
        row = User.get_or_none((User.name == user) & (User.active == True))  # noqa: E712
    except peewee.DatabaseError as exc:
        db.close()
        raise DatabaseUnavailable(
            f"{path.name} is damaged ({exc}); restore the last backup"
        ) from None
    except BaseException:
        db.close()
        raise
    if row is None:
        db.close()
        return None
    return Context(db, path, Account(row.id, row.name, row.role), clock)


def open_with_key(path: Path, db_key: bytes) -> peewee.Database:
    """Open, check and migrate the database with its unwrapped key; bound to the models."""
    db = open_encrypted(path, db_key)
    database.initialize(db)
    try:
        if schema_version(db) == 0:
            # Only `create_pharmacy` may lay down a schema; an existing file without one is
            # not a pharmacy (or lost its contents).
            raise DatabaseUnavailable(f"{path.name} is not a PharmaDesk database")
        migrate(db)
        User.select().count()  # the first read of a later page finds most damage
    except (peewee.OperationalError, peewee.IntegrityError):
        db.close()
        raise
    except peewee.DatabaseError as exc:
        # A file whose first page is intact gets past the key check and fails on a later
        # page ("malformed"): it is as damaged as one that fails at once.
        db.close()
        raise DatabaseUnavailable(
            f"{path.name} is damaged ({exc}); restore the last backup"
        ) from None
    except BaseException:
        db.close()
        raise
    return db


def _report_logins(
    ctx: Context, keys: keyfile.KeyFile, guard: LoginGuard, entry_id: str, via: str
) -> None:
    """Write the failures the guard kept, and this login, to the audit log."""
    names = {keys.entry_id(row.name): row.name for row in User.select(User.name)}
    with ctx.db.atomic():
        for failure in guard.take_unreported():
            audit.record(
                ctx,
                "login.failed",
                user_name=names.get(failure.entry_id, "?"),
                details={"failed_at": failure.at.isoformat(timespec="seconds")},
            )
        audit.record(ctx, "login", details={"via": via} if via else None)
    guard.clear(entry_id)


def verify_password(path: Path, *, user: str, password: str) -> None:
    """Check a password against the key file only (to unlock a locked window).

    Raises:
        AuthenticationError: wrong user name or password.
    """
    keyfile.KeyFile.load(keyfile.key_file_path(path)).unwrap(user, password)


def pharmacy_name(ctx: Context) -> str:
    row = Setting.get_or_none(Setting.key == PHARMACY_NAME)
    return str(json.loads(row.value)) if row else ""
