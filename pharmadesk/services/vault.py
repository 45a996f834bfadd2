"""Creating and unlocking a pharmacy: the encrypted database and its key file together.

Unlocking reads the key file only; a wrong password is refused by the AES-GCM check before
the database is opened, so it leaves the database, its WAL and the key file untouched.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import peewee

from pharmadesk.db import keyfile
from pharmadesk.db.connection import open_encrypted
from pharmadesk.db.migrations import migrate, schema_version
from pharmadesk.db.models import Setting, User, database
from pharmadesk.errors import AuthenticationError, DatabaseUnavailable, OperationFailed
from pharmadesk.services import audit
from pharmadesk.services.context import ROLES, Account, Context, local_now

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
) -> Context:
    """Unlock the pharmacy at `path` as `user`; raises a typed error a person understands."""
    if not path.exists():
        raise DatabaseUnavailable(f"no pharmacy database at {path}")
    if path.is_dir():
        raise DatabaseUnavailable(f"{path} is a folder, not a pharmacy database")
    if path.stat().st_size == 0:
        raise DatabaseUnavailable(f"{path.name} is empty (damaged); restore the last backup")
    keys = keyfile.KeyFile.load(keyfile.key_file_path(path))
    if not password:
        raise AuthenticationError("no password given")
    db_key = keys.unwrap(user, password)
    db = open_encrypted(path, db_key)
    database.initialize(db)
    try:
        if schema_version(db) == 0:
            # Only `create_pharmacy` may lay down a schema; an existing file without one is
            # not a pharmacy (or lost its contents).
            raise DatabaseUnavailable(f"{path.name} is not a PharmaDesk database")
        migrate(db)
        row = User.get_or_none((User.name == user) & (User.active == True))  # noqa: E712
        if row is None:
            raise AuthenticationError("wrong user name or password")
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
    return Context(db, path, Account(row.id, row.name, row.role), clock)


def verify_password(path: Path, *, user: str, password: str) -> None:
    """Check a password against the key file only (to unlock a locked window).

    Raises:
        AuthenticationError: wrong user name or password.
    """
    keyfile.KeyFile.load(keyfile.key_file_path(path)).unwrap(user, password)


def pharmacy_name(ctx: Context) -> str:
    row = Setting.get_or_none(Setting.key == PHARMACY_NAME)
    return str(json.loads(row.value)) if row else ""


def add_user(ctx: Context, name: str, *, role: str, password: str) -> Account:
    """A new account with its own envelope of the database key (owner only, see #6)."""
    if role not in ROLES:
        raise OperationFailed(f"unknown role {role!r}; use one of {', '.join(ROLES)}")
    keys_path = keyfile.key_file_path(ctx.path)
    keys = keyfile.KeyFile.load(keys_path)
    if keys.has_account(name) or User.get_or_none(User.name == name):
        raise OperationFailed(f"an account named {name} already exists")
    owner_key = _current_key(ctx)
    keys.wrap(name, password, owner_key)
    with ctx.db.atomic():
        user = User.create(name=name, role=role, created_at=ctx.now())
        audit.record(ctx, "account.created", entity="user", entity_id=user.id)
    keys.save(keys_path)
    return Account(user.id, user.name, user.role)


def _current_key(ctx: Context) -> bytes:
    key = getattr(ctx.db, "_raw_key", None)
    if not isinstance(key, bytes):
        raise OperationFailed("the database key is not available")
    return key
