"""Backups and restore: one verified, encrypted file per backup, rotated, and put back whole.

A backup is a consistent snapshot of the live database (SQLite's online backup API, never a
file copy), encrypted from its first byte, checked after writing (it opens with the key,
`cipher_integrity_check` and `quick_check` pass, the row counts equal those taken in the
same read transaction as the copy), then renamed into place. Its file also holds the key
file, so a restore needs nothing but the file and an owner's password. The folder keeps
every backup of this pharmacy from the last 24 hours, then 7 daily, 4 weekly and 12
monthly ones; only files under the names PharmaDesk gives its backups are ever deleted,
nothing else in the folder is touched.

A restore checks everything first (checksum, key, the account's role, the copy itself) and
only then moves the current database aside and puts the backup in its place. The same
checks run on their own, changing nothing (`check_restore`), so that the window can refuse a
wrong password or a damaged file while the session is still open. Work folders a crash
left behind (a backup's beside the backups, a restore's beside the database) are removed
by a later backup or restore once they are old.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import shutil
import tempfile
import time
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import sqlcipher3

from pharmadesk import __version__, paths
from pharmadesk.db import keyfile
from pharmadesk.db.migrations import LATEST_VERSION
from pharmadesk.db.models import database
from pharmadesk.errors import (
    AuthenticationError,
    DatabaseUnavailable,
    OperationFailed,
    PermissionRefused,
)
from pharmadesk.services import audit, settings, vault
from pharmadesk.services import backup_file as bf
from pharmadesk.services.backup_file import BackupInfo
from pharmadesk.services.context import Account, Context, local_now
from pharmadesk.services.permissions import WHAT, Operation, allows, require

__all__ = [
    "BackupInfo",
    "RestoreOutcome",
    "backup_due",
    "backup_folder",
    "check_restore",
    "default_backup_folder",
    "keep",
    "known_backup_folders",
    "last_backup",
    "list_backups",
    "make_backup",
    "read_backup",
    "refuse_another_pharmacy",
    "restore",
    "set_backup_folder",
]

FOLDER_SETTING = "backup.folder"
LAST_SETTING = "backup.last"
REASONS = ("manual", "exit", "daily", "before-restore")
DUE_AFTER = timedelta(hours=24)
KEEP_ALL_WITHIN = timedelta(hours=24)
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12
# The names `_free_name` gives: only these files are ever rotated out. A backup the user
# copied in (or renamed) under a name of their own is theirs to delete.
OWN_NAME = re.compile(
    r"pharmadesk-\d{8}-\d{6}"
    + "(?:-(?:" + "|".join(re.escape(r) for r in REASONS if r != "manual") + "))?"
    + r"(?:-\d+)?" + re.escape(bf.SUFFIX)
)  # fmt: skip
WORK_PREFIX = ".pharmadesk-backup-"
LEFTOVER_AGE = timedelta(hours=12)

Progress = Callable[[int, int], None]


def _no_progress(done: int, total: int) -> None:
    return None


# --- where backups go --------------------------------------------------------------------


def default_backup_folder(db_path: Path) -> Path:
    """A "backups" folder in the user's data folder, one sub-folder per pharmacy file."""
    return paths.data_dir() / "backups" / (db_path.stem or "pharmacy")


def backup_folder(ctx: Context) -> Path:
    """The owner's chosen folder, else the default one."""
    chosen = settings.get(ctx, FOLDER_SETTING)
    return Path(chosen) if isinstance(chosen, str) and chosen else default_backup_folder(ctx.path)


def set_backup_folder(ctx: Context, folder: Path) -> None:
    """Owner only: back up to `folder` (an existing folder this account can write in)."""
    require(ctx, Operation.MANAGE)
    folder = folder.expanduser().absolute()
    _check_writable(folder)
    with ctx.db.atomic():
        settings.put(ctx, FOLDER_SETTING, str(folder))
        audit.record(ctx, "settings.changed", details={"setting": FOLDER_SETTING})
    _remember_folder(ctx.path, folder)


def known_backup_folders(db_path: Path) -> list[Path]:
    """Where backups of `db_path` may be, readable without opening it (a damaged database):
    the folder the owner chose last (remembered outside the database), then the default."""
    found: list[Path] = []
    chosen = _remembered_folders().get(str(db_path.absolute()))
    if isinstance(chosen, str) and chosen:
        found.append(Path(chosen))
    default = default_backup_folder(db_path)
    if default not in found:
        found.append(default)
    return found


def _folders_file() -> Path:
    return paths.config_dir() / "backup-folders.json"


def _remembered_folders() -> dict[str, Any]:
    try:
        raw = json.loads(_folders_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return raw if isinstance(raw, dict) else {}


def _remember_folder(db_path: Path, folder: Path) -> None:
    # Only paths: no personal data. Best effort, the setting in the database is what counts.
    with contextlib.suppress(OSError):
        known = _remembered_folders()
        known[str(db_path.absolute())] = str(folder)
        target = _folders_file()
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".tmp")
        tmp.write_text(json.dumps(known, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, target)


def _check_writable(folder: Path) -> None:
    if not folder.exists():
        raise OperationFailed(f"the backup folder {folder} is not there (is the drive connected?)")
    if not folder.is_dir():
        raise OperationFailed(f"{folder} is not a folder")
    try:
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as exc:
        raise OperationFailed(f"cannot write in the backup folder {folder} ({_why(exc)})") from None


def _why(exc: OSError) -> str:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "the disk is full"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "no permission to write there"
    return bf.one_line(exc.strerror) if exc.strerror else type(exc).__name__


# --- making a backup ---------------------------------------------------------------------


def make_backup(
    ctx: Context,
    folder: Path | None = None,
    *,
    reason: str = "manual",
    progress: Progress | None = None,
) -> BackupInfo:
    """Write one verified backup file into `folder` (default: `backup_folder(ctx)`).

    The file appears under its final name only once it is complete and verified; then
    the folder is rotated and the time recorded. On any failure the database and earlier
    backups are untouched and no partial file is left.

    Raises:
        OperationFailed: the folder is missing or not writable, the disk is full, or the
            copy failed its verification (the message says which).
    """
    require(ctx, Operation.BACKUP)
    if reason not in REASONS:
        raise OperationFailed(f"unknown backup reason {reason!r}")
    report = progress or _no_progress
    key = _database_key(ctx)
    target_folder = _prepare_folder(ctx, folder)
    made_at = ctx.now()
    final = _free_name(target_folder, made_at, reason)
    try:
        _write_verified(ctx, final, key, made_at=made_at, reason=reason, progress=report)
    except OSError as exc:
        raise OperationFailed(
            f"the backup could not be written to {target_folder} ({_why(exc)}); "
            "the database and earlier backups are unchanged"
        ) from None
    except sqlcipher3.Error as exc:
        raise OperationFailed(
            f"the backup could not be made ({_sqlite_why(exc)}); "
            "the database and earlier backups are unchanged"
        ) from None
    except OperationFailed as exc:
        raise OperationFailed(
            f"the backup failed its check ({bf.one_line(exc.message)}) and was not kept; "
            "the database and earlier backups are unchanged"
        ) from None
    info = read_backup(final)
    _record(ctx, info)
    _rotate(target_folder, info.database_id, made_at)
    _remove_leftovers(target_folder)
    _remove_restore_leftovers(ctx.path)
    return info


def _remove_leftovers(folder: Path) -> None:
    """Remove what a backup cut short by a crash or power loss left behind (encrypted, but
    taking the drive's space). Only old ones: another pharmacy may be writing one now."""

    def is_leftover(path: Path) -> bool:
        if path.name.startswith(WORK_PREFIX):
            return path.is_dir()
        return path.name.startswith(".pharmadesk-") and path.name.endswith(".part")

    _remove_old(folder, is_leftover)


def _remove_restore_leftovers(db_path: Path) -> None:
    """Remove the work folders a restore (or its check) cut short by a crash left beside the
    database: each holds a whole encrypted copy. Only old ones: a check may be running now
    in another window, before it takes the pharmacy's lock."""
    prefix = _restore_prefix(db_path)
    _remove_old(db_path.parent, lambda path: path.name.startswith(prefix) and path.is_dir())


def _restore_prefix(db_path: Path) -> str:
    return f".{db_path.name}.restore-"


def _remove_old(folder: Path, is_leftover: Callable[[Path], bool]) -> None:
    cutoff = time.time() - LEFTOVER_AGE.total_seconds()
    with contextlib.suppress(OSError):
        for path in folder.iterdir():
            with contextlib.suppress(OSError):
                if not is_leftover(path) or path.stat().st_mtime >= cutoff:
                    continue
                if path.is_dir():
                    shutil.rmtree(path, ignore_errors=True)
                else:
                    path.unlink()


def _sqlite_why(exc: sqlcipher3.Error) -> str:
    text = bf.one_line(exc)
    return "the disk is full" if "full" in text else text


def _prepare_folder(ctx: Context, folder: Path | None) -> Path:
    target = (folder or backup_folder(ctx)).expanduser().absolute()
    if target == default_backup_folder(ctx.path).absolute():
        try:
            target.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OperationFailed(
                f"cannot create the backup folder {target} ({_why(exc)})"
            ) from None
    _check_writable(target)
    return target


def _free_name(folder: Path, made_at: datetime, reason: str) -> Path:
    stem = f"pharmadesk-{made_at:%Y%m%d-%H%M%S}" + ("" if reason == "manual" else f"-{reason}")
    candidate, n = folder / f"{stem}{bf.SUFFIX}", 1
    while candidate.exists():
        n += 1
        candidate = folder / f"{stem}-{n}{bf.SUFFIX}"
    return candidate


def _database_key(ctx: Context) -> bytes:
    key = getattr(ctx.db, "_raw_key", None)
    if not isinstance(key, bytes) or len(key) != keyfile.KEY_BYTES:
        raise OperationFailed("this database is not open with its key; it cannot be backed up")
    return key


def _write_verified(
    ctx: Context, final: Path, key: bytes, *, made_at: datetime, reason: str, progress: Progress
) -> None:
    keys_path = keyfile.key_file_path(ctx.path)
    keys = keyfile.KeyFile.load(keys_path)
    key_bytes = keys_path.read_bytes()
    work = Path(tempfile.mkdtemp(prefix=WORK_PREFIX, dir=final.parent))
    part = final.with_name(f".{final.name}.part")
    try:
        copy = work / bf.DATABASE
        counts, schema, pages, head = _snapshot(ctx, copy, key, progress)
        bf.verify_copy(copy, key, counts=counts, schema=schema)
        manifest = {
            "format": bf.FORMAT, "version": bf.FORMAT_VERSION,
            "made_at": made_at.isoformat(timespec="seconds"), "made_by": ctx.account.name,
            "reason": reason, "app_version": __version__, "schema_version": schema,
            "pharmacy_name": vault.pharmacy_name(ctx), "counts": counts,
            "database_id": keys.database_id, "audit_head": list(head),
        }  # fmt: skip
        size = copy.stat().st_size
        page = max(1, size // max(1, pages))

        def written(done: int) -> None:
            progress(pages + done // page, 3 * pages)

        with bf.removed_on_failure(part):
            digest = bf.write_container(
                part, manifest=manifest, database=copy, keys=key_bytes, made_at=made_at,
                progress=written,
            )  # fmt: skip
            _verify_container(part, digest)
            progress(3 * pages - 1, 3 * pages)
            os.replace(part, final)
        bf.fsync_folder(final.parent)
        progress(3 * pages, 3 * pages)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _snapshot(
    ctx: Context, copy: Path, key: bytes, progress: Progress
) -> tuple[dict[str, int], int, int, tuple[int, str]]:
    """Copy the database; the counts and the audit log's last event come from the same
    read transaction as the copy."""
    pages = 1

    def copied(done: int, total: int) -> None:
        nonlocal pages
        pages = max(1, total)
        progress(done, 3 * pages)

    with ctx.db.atomic():
        conn = ctx.db.connection()
        counts = bf.row_counts(conn)
        schema = bf.schema_of(conn)
        head = bf.audit_head(conn)
        bf.copy_database(conn, copy, key, copied)
    return counts, schema, pages, head


def _verify_container(part: Path, digest: str) -> None:
    bf.check_whole(part)
    if bf.database_digest(part) != digest:
        raise OperationFailed("the backup file reads back differently from what was written")
    read_backup(part)


def _record(ctx: Context, info: BackupInfo) -> None:
    with ctx.db.atomic():
        settings.put(
            ctx, LAST_SETTING,
            {"at": info.made_at.isoformat(timespec="seconds"), "path": str(info.path)},
        )  # fmt: skip
        audit.record(
            ctx, "backup.made",
            details={"file": info.path.name, "reason": info.reason, "bytes": info.size_bytes},
        )  # fmt: skip


# --- reading backups ---------------------------------------------------------------------


def read_backup(path: Path) -> BackupInfo:
    """What the backup at `path` says about itself (no key needed; quick: the manifest only).

    Raises:
        OperationFailed: not a PharmaDesk backup, or damaged.
    """
    manifest, size = bf.read_manifest(path)
    return bf.info_from(path, manifest, size)


def list_backups(folder: Path) -> list[BackupInfo]:
    """The backups in `folder`, newest first; files that are not backups are skipped."""
    found = []
    try:
        candidates = [p for p in folder.iterdir() if p.name.endswith(bf.SUFFIX) and p.is_file()]
    except OSError:
        return []
    for path in candidates:
        with contextlib.suppress(OperationFailed, OSError):
            found.append(read_backup(path))
    return sorted(found, key=lambda b: (b.made_at, b.path.name), reverse=True)


def last_backup(ctx: Context) -> BackupInfo | None:
    """The last successful backup: the one recorded, else the newest in the backup folder."""
    recorded = settings.get(ctx, LAST_SETTING)
    if isinstance(recorded, dict) and isinstance(recorded.get("path"), str):
        with contextlib.suppress(OperationFailed, OSError):
            return read_backup(Path(recorded["path"]))
    database_id = _database_id(ctx)
    mine = [b for b in list_backups(backup_folder(ctx)) if b.database_id == database_id]
    return mine[0] if mine else None


def _database_id(ctx: Context) -> str:
    try:
        return keyfile.KeyFile.load(keyfile.key_file_path(ctx.path)).database_id
    except DatabaseUnavailable:
        return ""


def backup_due(ctx: Context, now: datetime) -> bool:
    """True when no backup succeeded in the 24 hours before `now`."""
    recorded = settings.get(ctx, LAST_SETTING)
    if not isinstance(recorded, dict):
        return True
    try:
        at = datetime.fromisoformat(str(recorded.get("at")))
    except ValueError:
        return True
    # A last time in the future means the clock was changed: back up rather than trust it.
    return not (now - DUE_AFTER < at <= now)


# --- rotation ----------------------------------------------------------------------------


def keep(dates: Sequence[datetime], now: datetime) -> set[datetime]:
    """The backups rotation keeps: every one of the 24 hours before `now` (a backup made
    before risky work outlives the exit backup of the same day), the newest of each of the
    7 latest days, 4 latest ISO weeks and 12 latest months that have a backup (as borg and
    restic count), and any dated after `now` (a clock that was wrong is no reason to
    delete)."""
    today = now.date()
    kept = {d for d in dates if d >= now - KEEP_ALL_WITHIN or d.date() > today}
    past = sorted((d for d in dates if d.date() <= today), reverse=True)
    rules: tuple[tuple[int, Callable[[datetime], object]], ...] = (
        (KEEP_DAILY, lambda d: d.date()),
        (KEEP_WEEKLY, lambda d: d.isocalendar()[:2]),
        (KEEP_MONTHLY, lambda d: (d.year, d.month)),
    )
    for count, period in rules:
        seen: set[object] = set()
        for when in past:
            if len(seen) == count:
                break
            if period(when) not in seen:
                seen.add(period(when))
                kept.add(when)
    return kept


def _rotate(folder: Path, database_id: str, now: datetime) -> None:
    """Delete this pharmacy's backups that `keep` does not keep, among those named as
    PharmaDesk names its own."""
    if not database_id:
        return
    mine = [
        b for b in list_backups(folder)
        if b.database_id == database_id and OWN_NAME.fullmatch(b.path.name)
    ]  # fmt: skip
    kept = keep([b.made_at for b in mine], now)
    for backup in mine:
        if backup.made_at not in kept:
            with contextlib.suppress(OSError):
                backup.path.unlink()


# --- restore -----------------------------------------------------------------------------


@dataclass(frozen=True)
class RestoreOutcome:
    info: BackupInfo
    kept_aside: Path | None  # where the replaced database now is (None: there was none)


def check_restore(
    backup: Path,
    *,
    user: str,
    password: str,
    db_path: Path | None = None,
    progress: Progress | None = None,
) -> BackupInfo:
    """Check everything `restore` checks, and change nothing: the file's checksum, a schema
    this version knows, that it is a backup of the pharmacy at `db_path` (when given, see
    `refuse_another_pharmacy`), the password against the backup's own key file, an owner
    account in the backup, and the copy's encryption, structure and row counts.

    The copy is checked in a temporary folder that is removed afterwards: beside `db_path`
    when given (the disk the restore would use; a crash's leftover is removed by a later
    backup or restore), else in the system's temporary folder. The models stay bound to
    whatever database they are (an open session goes on while this runs).

    Raises:
        OperationFailed: not a backup, damaged, made by a newer PharmaDesk, or a backup of
            another pharmacy than the one at `db_path`.
        AuthenticationError: wrong user name or password for the backup.
        PermissionRefused: the account is not an owner in the backup.
    """
    report = progress or _no_progress
    info, total = _checked_file(backup, report)
    if db_path is not None:
        refuse_another_pharmacy(info, db_path)
    work = _work_folder(db_path)
    try:
        staged = work / bf.DATABASE
        _extracted(backup, staged, info, report, total)
        _check_staged(staged, info, user=user, password=password)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report(total, total)
    return info


def restore(
    backup: Path,
    db_path: Path,
    *,
    user: str,
    password: str,
    progress: Progress | None = None,
    clock: Callable[[], datetime] = local_now,
) -> RestoreOutcome:
    """Put the backup in place of the database at `db_path` (which may be missing or damaged).

    The caller holds the instance lock and has closed any open Context on `db_path`.
    Nothing is changed unless every check of `check_restore` passes (run again here, on the
    copy that is put in place). The current database and its key file are then moved aside
    to "<name>.before-restore-YYYYMMDD-HHMMSS".

    Raises:
        OperationFailed: not a backup, damaged, made by a newer PharmaDesk, or a backup of
            another pharmacy than the one at `db_path`.
        AuthenticationError: wrong user name or password for the backup.
        PermissionRefused: the account is not an owner in the backup.
    """
    report = progress or _no_progress
    info, total = _checked_file(backup, report)
    refuse_another_pharmacy(info, db_path)
    _remove_restore_leftovers(db_path)
    work = _work_folder(db_path)
    try:
        staged = work / db_path.name
        _extracted(backup, staged, info, report, total)
        db_key, account = _check_staged(staged, info, user=user, password=password)
        aside = _aside_name(db_path, clock())
        try:
            _record_restore(staged, db_key, info, account=account, clock=clock, aside=aside)
            kept = _swap(staged, db_path, aside)
        except OSError as exc:
            raise OperationFailed(
                f"the backup could not be restored ({_why(exc)}); nothing was changed"
            ) from None
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report(total, total)
    return RestoreOutcome(info, kept)


def refuse_another_pharmacy(info: BackupInfo, db_path: Path) -> None:
    """Refuse to put a backup of one pharmacy in place of another's: a wrong file chosen
    would silently replace this pharmacy's customers with someone else's. Which pharmacy a
    database is comes from its key file; when that is missing or unreadable (a damaged
    pharmacy) there is nothing to compare, and any backup may replace it.

    Raises:
        OperationFailed: the key file at `db_path` names another database than the backup.
    """
    try:
        current = keyfile.KeyFile.load(keyfile.key_file_path(db_path)).database_id
    except DatabaseUnavailable:
        return
    if current == info.database_id:
        return
    which = info.pharmacy_name or (
        f"made {info.made_at:%Y-%m-%d %H:%M} by {info.made_by}, without a pharmacy name"
    )
    raise OperationFailed(
        f"{info.path.name} is a backup of another pharmacy ({which}); move the current "
        f"database aside first to replace it ({db_path.name} and its key file "
        f"{keyfile.key_file_path(db_path).name}, in {db_path.parent})"
    )


def _checked_file(backup: Path, report: Progress) -> tuple[BackupInfo, int]:
    """The backup's description, once its schema is known and every byte checks out;
    and the total its progress counts to (checksum, extraction, the end)."""
    info = read_backup(backup)
    if info.schema_version > LATEST_VERSION:
        raise OperationFailed(
            f"{backup.name} was made by a newer PharmaDesk (schema {info.schema_version}, this "
            f"version knows up to {LATEST_VERSION}); install the newer version to restore it"
        )
    total = 2 * info.size_bytes + 1
    try:
        bf.check_whole(backup, lambda done: report(done, total))
    except OSError as exc:
        raise OperationFailed(f"the backup could not be read ({_why(exc)})") from None
    return info, total


def _work_folder(db_path: Path | None) -> Path:
    try:
        if db_path is None:
            return Path(tempfile.mkdtemp(prefix=".pharmadesk-restore-check-"))
        db_path.parent.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=_restore_prefix(db_path), dir=db_path.parent))
    except OSError as exc:
        raise OperationFailed(f"the backup could not be restored ({_why(exc)})") from None


def _extracted(backup: Path, staged: Path, info: BackupInfo, report: Progress, total: int) -> None:
    """The backup's database and key file written out as `staged` and its key file."""
    try:
        bf.extract(
            backup, database=staged, keys=keyfile.key_file_path(staged),
            progress=lambda done: report(info.size_bytes + done, total),
        )  # fmt: skip
    except zipfile.BadZipFile as exc:
        raise OperationFailed(
            f"{backup.name} is damaged ({bf.one_line(exc)}); nothing was changed"
        ) from None
    except OSError as exc:
        raise OperationFailed(
            f"the backup could not be restored ({_why(exc)}); nothing was changed"
        ) from None


def _check_staged(
    staged: Path, info: BackupInfo, *, user: str, password: str
) -> tuple[bytes, Account]:
    """Check the extracted copy as `user`: its key, its contents, an owner account in it.
    Returns the copy's key and that account. Plain connections only: the models stay bound
    to whatever they are."""
    try:
        keys = keyfile.KeyFile.load(keyfile.key_file_path(staged))
    except DatabaseUnavailable:
        raise OperationFailed(f"{info.path.name} is damaged (its key file)") from None
    if keys.database_id != info.database_id:
        raise OperationFailed(f"{info.path.name} is damaged (its key file is another pharmacy's)")
    if not password:
        raise AuthenticationError("no password given")
    try:
        db_key = keys.unwrap(user, password)
    except DatabaseUnavailable:
        raise OperationFailed(f"{info.path.name} is damaged (its key file)") from None
    bf.verify_copy(staged, db_key, counts=info.counts, schema=info.schema_version)
    account = _account_in(staged, db_key, user, info)
    if not allows(account, Operation.RESTORE):
        raise PermissionRefused(f"the {account.role} role may not {WHAT[Operation.RESTORE]}")
    return db_key, account


def _account_in(staged: Path, db_key: bytes, user: str, info: BackupInfo) -> Account:
    try:
        conn = bf.connect(staged, db_key)
    except sqlcipher3.DatabaseError as exc:
        raise OperationFailed(f"{info.path.name} cannot be opened ({bf.one_line(exc)})") from None
    try:
        row = conn.execute(
            'SELECT id, name, role FROM "user" WHERE name = ? AND active', (user,)
        ).fetchone()
    except sqlcipher3.DatabaseError as exc:
        raise OperationFailed(f"{info.path.name} cannot be read ({bf.one_line(exc)})") from None
    finally:
        conn.close()
    if row is None:
        raise AuthenticationError("wrong user name or password")
    return Account(int(row[0]), str(row[1]), str(row[2]))


def _record_restore(
    staged: Path,
    db_key: bytes,
    info: BackupInfo,
    *,
    account: Account,
    clock: Callable[[], datetime],
    aside: Path,
) -> None:
    """Open the checked copy (bringing its schema up to date) and record the restore in it.
    The session on the database it replaces is closed, so the models may be bound to it."""
    bound = database.obj  # the models' database: put back afterwards
    try:
        db = vault.open_with_key(staged, db_key)
    except DatabaseUnavailable as exc:
        database.initialize(bound)
        raise OperationFailed(
            f"{info.path.name} cannot be opened ({bf.one_line(exc.message)})"
        ) from None
    try:
        ctx = Context(db, staged, account, clock)
        with db.atomic():
            audit.record(ctx, "backup.restored", details={
                "file": info.path.name, "made_at": info.made_at.isoformat(timespec="seconds"),
                "reason": info.reason, "kept_aside": aside.name,
            })  # fmt: skip
        db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()
        database.initialize(bound)


def _aside_name(db_path: Path, now: datetime) -> Path:
    stem = f"{db_path.name}.before-restore-{now:%Y%m%d-%H%M%S}"
    candidate, n = db_path.with_name(stem), 1
    while any(p.exists() for p in _family(candidate)):
        n += 1
        candidate = db_path.with_name(f"{stem}-{n}")
    return candidate


def _family(db_path: Path) -> list[Path]:
    """A database's files that belong together."""
    return [
        db_path,
        Path(f"{db_path}-wal"),
        Path(f"{db_path}-shm"),
        keyfile.key_file_path(db_path),
    ]


def _swap(staged: Path, db_path: Path, aside: Path) -> Path | None:
    """Move the current files aside, then the staged ones in; undo every move on failure."""
    moved: list[tuple[Path, Path]] = []  # (from, to), in the order done
    try:
        for current, kept in zip(_family(db_path), _family(aside), strict=True):
            if current.exists():
                os.replace(current, kept)
                moved.append((current, kept))
        # The key file first: a crash before the database follows leaves no database, which
        # says "restore again"; never a database beside a key file that cannot open it.
        for new, place in reversed(list(zip(_family(staged), _family(db_path), strict=True))):
            if new.exists():
                os.replace(new, place)
                moved.append((new, place))
    except OSError:
        for source, target in reversed(moved):
            with contextlib.suppress(OSError):
                os.replace(target, source)
        raise
    bf.fsync_folder(db_path.parent)
    return aside if (db_path, aside) in moved else None
