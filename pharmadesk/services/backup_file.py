"""The backup file: one zip holding the encrypted database, its key file and a manifest.

Members are stored, not compressed (an encrypted database does not compress). The manifest
says what the backup is (when, by whom, why, which schema, row counts) and is readable
without the key; it holds no customer data. The zip comment is the SHA-256 of every byte
before it, so a change of any single byte of the file is found before a restore trusts it.

Copies of the database are made with SQLite's online backup API between two connections
keyed with the same raw key: the copy is encrypted page by page from its first byte, and
it is a consistent snapshot because the source stays in one read transaction throughout.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO, Any

import sqlcipher3

from pharmadesk.db.connection import raw_key_pragma
from pharmadesk.errors import OperationFailed

FORMAT = "pharmadesk-backup"
FORMAT_VERSION = 1
SUFFIX = ".pdbackup"
MANIFEST = "manifest.json"
DATABASE = "pharmacy.db"
KEYS = "pharmacy.db.keys"
DIGEST_CHARS = 64
CHUNK = 1 << 20
# Pages copied per step of the online backup: progress is reported after each step.
COPY_STEP_PAGES = 1024
# SQLite's own default: `quick_check` stops after this many problems.
QUICK_CHECK_LIMIT = 100
ZIP_LOCAL_HEADER = b"PK\x03\x04"
ZIP_NAME_AT = 30  # where a local file header's name begins (its length is at byte 26)

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class BackupInfo:
    """What a backup file says about itself, readable without the key."""

    path: Path
    made_at: datetime  # aware
    made_by: str  # account name
    reason: str  # "manual", "exit", "daily", "before-restore"
    app_version: str
    schema_version: int
    pharmacy_name: str
    counts: dict[str, int]  # table name -> rows
    size_bytes: int
    # Which pharmacy (the key file's random id): rotation only ever deletes its own backups.
    database_id: str = field(default="", compare=False)
    # The audit log's last event when the copy was made (id, hash): `pharmadesk check` finds
    # events removed from the end of the log, which its hash chain alone cannot show.
    audit_head: tuple[int, str] = field(default=(0, ""), compare=False)


def write_chunk(out: IO[bytes], data: bytes) -> None:
    """Every byte of a backup goes through here (tests inject a full disk)."""
    out.write(data)


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (POSIX; Windows has no directory handles)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# --- messages from SQLite ----------------------------------------------------------------


def one_line(text: object) -> str:
    """The first line of an error's text: every message must fit one line of a terminal
    or a dialog, whatever SQLite or a library put in it."""
    lines = [line.strip() for line in str(text).splitlines() if line.strip()]
    return lines[0] if lines else type(text).__name__


def check_problems(rows: Iterable[tuple[Any, ...]]) -> list[str]:
    """The problems a check pragma reported, one per item. `quick_check` puts many of them
    in one row, one a line, under a "*** in database main ***" heading, which is dropped."""
    return [
        line.strip()
        for row in rows
        for line in str(row[0]).splitlines()
        if line.strip() and not line.startswith("*** ")
    ]


def summary(problems: list[str], *, limit: int | None = None) -> str:
    """The first problem, and how many more: "2nd reference to page 4, and 99 more
    problems" ("at least" when the check stopped at its `limit`)."""
    if not problems:
        return "no problem named"
    more = len(problems) - 1
    if more == 0:
        return problems[0]
    at_least = "at least " if limit is not None and len(problems) >= limit else ""
    return f"{problems[0]}, and {at_least}{more} more problem{'' if more == 1 else 's'}"


# --- the encrypted copy ------------------------------------------------------------------


def connect(path: Path, key: bytes) -> sqlcipher3.Connection:
    """A raw connection keyed with `key`; DatabaseError when the key does not open it."""
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(raw_key_pragma(key))
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("PRAGMA temp_store = MEMORY")  # no temporary file, encrypted or not
    except BaseException:
        conn.close()
        raise
    return conn


def row_counts(conn: sqlcipher3.Connection) -> dict[str, int]:
    """Rows per ordinary table (the full-text index is counted through its shadow tables)."""
    names = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND upper(sql) NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name"
        )
    ]
    return {name: int(conn.execute(f"SELECT count(*) FROM {_quoted(name)}").fetchone()[0])
            for name in names}  # fmt: skip


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def schema_of(conn: sqlcipher3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def copy_database(
    source: sqlcipher3.Connection, target: Path, key: bytes, progress: Progress
) -> None:
    """Copy the source (already inside a read transaction) page by page into `target`."""
    dest = connect(target, key)
    try:

        def step(status: int, remaining: int, total: int) -> None:
            progress(total - remaining, total)

        source.backup(dest, pages=COPY_STEP_PAGES, progress=step)
        # One self-contained file: no WAL beside the copy, now or when it is opened again.
        dest.execute("PRAGMA journal_mode = DELETE").fetchall()
    finally:
        dest.close()


def verify_copy(path: Path, key: bytes, *, counts: dict[str, int], schema: int) -> None:
    """Open the copy with the key and prove it whole and equal to what was counted."""
    try:
        conn = connect(path, key)
    except sqlcipher3.DatabaseError as exc:
        raise OperationFailed(f"the copy cannot be opened with its key ({one_line(exc)})") from None
    try:
        problems = check_problems(conn.execute("PRAGMA cipher_integrity_check"))
        if problems:
            raise OperationFailed(f"the copy fails the encryption check: {summary(problems)}")
        rows = conn.execute(f"PRAGMA quick_check({QUICK_CHECK_LIMIT})").fetchall()
        if [row[0] for row in rows] != ["ok"]:
            problems = check_problems(rows)
            raise OperationFailed(
                "the copy fails the structure check: " + summary(problems, limit=QUICK_CHECK_LIMIT)
            )
        if schema_of(conn) != schema:
            raise OperationFailed("the copy's schema version differs from the original's")
        got = row_counts(conn)
        if got != counts:
            table = next(t for t in sorted(set(got) | set(counts)) if got.get(t) != counts.get(t))
            raise OperationFailed(
                f"the copy's {table} table holds {got.get(table, 0)} rows, "
                f"expected {counts.get(table, 0)}"
            )
    except sqlcipher3.DatabaseError as exc:
        raise OperationFailed(f"the copy is damaged ({one_line(exc)})") from None
    finally:
        conn.close()


# --- the container -----------------------------------------------------------------------


def _member(name: str, made_at: datetime) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=made_at.timetuple()[:6])
    info.compress_type = zipfile.ZIP_STORED
    return info


def write_container(
    target: Path,
    *,
    manifest: dict[str, Any],
    database: Path,
    keys: bytes,
    made_at: datetime,
    progress: Callable[[int], None],
) -> str:
    """Write the backup to `target` (a new file), fsynced; returns the database's SHA-256."""
    digest = hashlib.sha256()
    with open(target, "x+b") as raw:
        with zipfile.ZipFile(raw, "w", zipfile.ZIP_STORED, allowZip64=True) as archive:
            with (
                archive.open(_member(DATABASE, made_at), "w", force_zip64=True) as out,
                open(database, "rb") as src,
            ):
                done = 0
                for chunk in iter(lambda: src.read(CHUNK), b""):
                    write_chunk(out, chunk)
                    digest.update(chunk)
                    done += len(chunk)
                    progress(done)
            with archive.open(_member(KEYS, made_at), "w") as out:
                write_chunk(out, keys)
            with archive.open(_member(MANIFEST, made_at), "w") as out:
                write_chunk(out, json.dumps(manifest, ensure_ascii=False, indent=1).encode())
            archive.comment = b"0" * DIGEST_CHARS
        raw.flush()
        size = raw.seek(0, os.SEEK_END)
        raw.seek(0)
        whole = _hash_stream(raw, size - DIGEST_CHARS)
        raw.seek(size - DIGEST_CHARS)
        write_chunk(raw, whole.encode("ascii"))
        raw.flush()
        os.fsync(raw.fileno())
    return digest.hexdigest()


def _hash_stream(
    stream: IO[bytes], length: int, progress: Callable[[int], None] | None = None
) -> str:
    digest = hashlib.sha256()
    left = length
    while left > 0:
        chunk = stream.read(min(CHUNK, left))
        if not chunk:
            raise OperationFailed("the file ended early")
        digest.update(chunk)
        left -= len(chunk)
        if progress:
            progress(length - left)
    return digest.hexdigest()


def check_whole(path: Path, progress: Callable[[int], None] | None = None) -> None:
    """Refuse a file of which any byte changed since it was written."""
    damaged = OperationFailed(f"{path.name} is damaged (its checksum does not match)")
    with open(path, "rb") as fh:
        size = fh.seek(0, os.SEEK_END)
        if size <= DIGEST_CHARS:
            raise damaged
        fh.seek(size - DIGEST_CHARS)
        stored = fh.read(DIGEST_CHARS)
        fh.seek(0)
        if _hash_stream(fh, size - DIGEST_CHARS, progress).encode("ascii") != stored:
            raise damaged


def database_digest(path: Path) -> str:
    """The SHA-256 of the database member as it is read back from the file."""
    with zipfile.ZipFile(path) as archive, archive.open(DATABASE) as member:
        return _hash_stream_to_end(member)


def _hash_stream_to_end(stream: IO[bytes]) -> str:
    digest = hashlib.sha256()
    for chunk in iter(lambda: stream.read(CHUNK), b""):
        digest.update(chunk)
    return digest.hexdigest()


def extract(path: Path, *, database: Path, keys: Path, progress: Callable[[int], None]) -> None:
    """Write the backup's database and key file out (the zip checks each member's CRC)."""
    with zipfile.ZipFile(path) as archive:
        with archive.open(DATABASE) as member, open(database, "xb") as out:
            done = 0
            for chunk in iter(lambda: member.read(CHUNK), b""):
                write_chunk(out, chunk)
                done += len(chunk)
                progress(done)
            out.flush()
            os.fsync(out.fileno())
        with open(keys, "xb") as out:
            write_chunk(out, archive.read(KEYS))
            out.flush()
            os.fsync(out.fileno())


# --- reading the manifest ----------------------------------------------------------------


def read_manifest(path: Path) -> tuple[dict[str, Any], int]:
    """The manifest and the file's size; OperationFailed when it is not a backup, or when
    it is one that is damaged or was cut short (a copy that did not finish)."""
    not_backup = OperationFailed(f"{path.name} is not a PharmaDesk backup")
    try:
        size = path.stat().st_size
        try:
            archive = zipfile.ZipFile(path)
        except zipfile.BadZipFile:
            # No zip directory at its end: a backup whose end is missing still begins as one.
            raise _incomplete(path) if _begins_as_backup(path) else not_backup from None
        with archive:
            if not {MANIFEST, DATABASE, KEYS} <= set(archive.namelist()):
                raise not_backup
            if len(archive.comment) != DIGEST_CHARS:  # cut short inside its checksum
                raise _incomplete(path)
            manifest = json.loads(archive.read(MANIFEST))
    except FileNotFoundError:
        raise OperationFailed(f"there is no file {path}") from None
    except IsADirectoryError:
        raise OperationFailed(f"{path} is a folder, not a backup file") from None
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, KeyError) as exc:
        raise OperationFailed(f"{path.name} is damaged ({one_line(exc)})") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise not_backup
    if manifest.get("version") != FORMAT_VERSION:
        raise OperationFailed(f"{path.name} was written by a newer PharmaDesk")
    return manifest, size


def _incomplete(path: Path) -> OperationFailed:
    return OperationFailed(
        f"{path.name} is damaged or incomplete (its end is missing: was it copied completely?)"
    )


def _begins_as_backup(path: Path) -> bool:
    """True when the file begins as every backup does: a zip member named like the
    database, the first thing written."""
    name = DATABASE.encode("ascii")
    with open(path, "rb") as fh:
        head = fh.read(ZIP_NAME_AT + len(name))
    return (
        head.startswith(ZIP_LOCAL_HEADER)
        and int.from_bytes(head[26:28], "little") == len(name)
        and head[ZIP_NAME_AT:] == name
    )


def info_from(path: Path, manifest: dict[str, Any], size: int) -> BackupInfo:
    try:
        made_at = datetime.fromisoformat(str(manifest["made_at"]))
        counts = {str(k): int(v) for k, v in dict(manifest["counts"]).items()}
        info = BackupInfo(
            path=path, made_at=made_at, made_by=str(manifest["made_by"]),
            reason=str(manifest["reason"]), app_version=str(manifest["app_version"]),
            schema_version=int(manifest["schema_version"]),
            pharmacy_name=str(manifest["pharmacy_name"]), counts=counts, size_bytes=size,
            database_id=str(manifest["database_id"]),
            audit_head=_audit_head(manifest.get("audit_head")),
        )  # fmt: skip
    except (KeyError, TypeError, ValueError):
        raise OperationFailed(f"{path.name} is damaged (its description is incomplete)") from None
    if made_at.tzinfo is None:
        raise OperationFailed(f"{path.name} is damaged (its time has no time zone)")
    return info


def _audit_head(value: Any) -> tuple[int, str]:
    """A manifest's audit head; (0, "") in backups made before it was recorded."""
    if not value:
        return (0, "")
    event, digest = value
    return (int(event), str(digest))


def audit_head(conn: Any) -> tuple[int, str]:
    """The last audit event of a connection's database (inside the copy's transaction)."""
    row = conn.execute("SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1").fetchone()
    return (0, "") if row is None else (int(row[0]), str(row[1]))


@contextlib.contextmanager
def removed_on_failure(*paths: Path) -> Iterator[None]:
    """Leave no partial file behind when the block fails."""
    try:
        yield
    except BaseException:
        for leftover in paths:
            with contextlib.suppress(OSError):
                leftover.unlink()
        raise
