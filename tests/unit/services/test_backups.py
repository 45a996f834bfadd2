"""Backups and restore: verified, consistent, rotated, refused when damaged, put back whole."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import tempfile
import threading
import zipfile
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import IO, Any

import pytest
import sqlcipher3

from pharmadesk.db.keyfile import KeyFile, key_file_path
from pharmadesk.db.migrations import LATEST_VERSION
from pharmadesk.db.models import AuditEvent
from pharmadesk.errors import AuthenticationError, OperationFailed, PermissionRefused
from pharmadesk.services import (
    accounts,
    backups,
    customers,
    interactions,
    loyalty,
    purchases,
    vault,
)
from pharmadesk.services import backup_file as bf
from pharmadesk.services.context import Context
from tests.conftest import CST, PASSWORD, FakeClock

NAME, MOBILE = "张三丰", "13812345678"


def _fill(ctx: Context, n: int = 3) -> None:
    for i in range(n):
        made = customers.create(ctx, {"name": f"{NAME}{i}", "mobile": f"1381234{i:04d}"})
        assert made.customer is not None
        cid = made.customer.id
        purchases.record(ctx, cid, [purchases.LineInput("感冒灵颗粒", 2, 1550)])
        interactions.log(ctx, cid, channel="counter", kind="consultation", summary="问了用法")
        loyalty.adjust(ctx, cid, 31, "a birthday present")


def _dump(ctx: Context) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, as stored."""
    names = [r[0] for r in ctx.db.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    )]  # fmt: skip
    return {
        name: sorted(ctx.db.execute_sql(f'SELECT * FROM "{name}"').fetchall(), key=repr)
        for name in names
    }


def _hashes(db_path: Path) -> dict[str, str | None]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest() if p.exists() else None
        for p in (db_path, Path(f"{db_path}-wal"), key_file_path(db_path))
    }


def _open(db_path: Path, clock: FakeClock) -> Context:
    return vault.open_pharmacy(db_path, user="owner", password=PASSWORD, clock=clock)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "usb"
    path.mkdir()
    return path


def test_a_backup_is_one_verified_encrypted_file_that_describes_itself(
    pharmacy: Context, folder: Path, clock: FakeClock
) -> None:
    _fill(pharmacy)
    seen: list[tuple[int, int]] = []
    info = backups.make_backup(pharmacy, folder, progress=lambda d, t: seen.append((d, t)))

    assert [p.name for p in folder.iterdir()] == ["pharmadesk-20261120-100000.pdbackup"]
    assert info.path == folder / "pharmadesk-20261120-100000.pdbackup"
    assert (info.made_at, info.made_by, info.reason) == (clock(), "owner", "manual")
    assert info.counts["customer"] == 3
    assert info.counts["purchase"] == 3
    assert info.counts["points_entry"] == 6  # each receipt's points and a correction
    assert info.schema_version == LATEST_VERSION
    assert info.size_bytes == info.path.stat().st_size
    assert backups.read_backup(info.path) == info
    assert seen[-1][0] == seen[-1][1] > 0
    assert all(done <= total for done, total in seen)

    data = info.path.read_bytes()
    for secret in (NAME, MOBILE[:7], "感冒灵"):
        assert secret.encode() not in data
    assert b"SQLite format 3" not in data
    with zipfile.ZipFile(info.path) as archive:
        assert archive.read(bf.KEYS) == key_file_path(pharmacy.path).read_bytes()

    actions = [e.action for e in AuditEvent.select().order_by(AuditEvent.id)]
    assert actions[-1] == "backup.made"
    assert backups.last_backup(pharmacy) == info


def test_a_backup_taken_while_another_thread_writes_is_one_consistent_moment(
    pharmacy: Context, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fill(pharmacy, n=30)
    monkeypatch.setattr(bf, "COPY_STEP_PAGES", 1)  # many steps, the writer writes between them
    written = threading.Event()
    errors: list[BaseException] = []

    def writer() -> None:
        try:
            for i in range(20):
                made = customers.create(pharmacy, {"name": f"李四{i}", "mobile": f"1390000{i:04d}"})
                assert made.customer is not None
                purchases.record(pharmacy, made.customer.id, [purchases.LineInput("维C", 1, 990)])
        except BaseException as exc:
            errors.append(exc)
        finally:
            pharmacy.close_connection()
            written.set()

    def progress(done: int, total: int) -> None:
        if not written.is_set() and 0 < done < total // 3:
            threading.Thread(target=writer).start()
            assert written.wait(60)

    info = backups.make_backup(pharmacy, folder, progress=progress)
    assert not errors
    assert written.is_set()
    assert customers.count_active(pharmacy) == 50, "the writes went into the database"
    assert info.counts["customer"] == 30, "the backup is the moment it started"
    assert info.counts["purchase"] == 30

    target = folder.parent / "restored" / "test.db"
    pharmacy.close()
    backups.restore(info.path, target, user="owner", password=PASSWORD)
    restored = vault.open_pharmacy(target, user="owner", password=PASSWORD)
    try:
        assert customers.count_active(restored) == 30
        assert restored.db.execute_sql("PRAGMA foreign_key_check").fetchall() == []
    finally:
        restored.close()


def test_restore_puts_back_every_row_and_keeps_the_current_database_aside(
    pharmacy: Context, folder: Path, db_path: Path, clock: FakeClock
) -> None:
    _fill(pharmacy)
    before = _dump(pharmacy)
    info = backups.make_backup(pharmacy, folder)
    customers.create(pharmacy, {"name": "后来的人", "mobile": "13700001111"})
    pharmacy.close()
    clock.advance(hours=2)

    outcome = backups.restore(info.path, db_path, user="owner", password=PASSWORD, clock=clock)

    assert outcome.kept_aside == db_path.with_name("test.db.before-restore-20261120-120000")
    assert outcome.info == info
    restored = _open(db_path, clock)
    try:
        after = _dump(restored)
        audit_rows = after.pop("audit_event")
        assert after.pop("setting") == before.pop("setting")
        assert after == {k: v for k, v in before.items() if k != "audit_event"}
        events = sorted(audit_rows, key=lambda row: row[0])
        assert [row[3] for row in events[: len(before["audit_event"])]] == [
            row[3] for row in sorted(before["audit_event"], key=lambda row: row[0])
        ]
        restored_event = json.loads(events[len(before["audit_event"])][7])
        assert events[len(before["audit_event"])][3] == "backup.restored"
        assert restored_event["kept_aside"] == outcome.kept_aside.name
        assert customers.count_active(restored) == 3, "the customer added later is gone"
    finally:
        restored.close()
    aside = _open(outcome.kept_aside, clock)
    try:
        assert customers.count_active(aside) == 4, "the replaced data is kept, and opens"
    finally:
        aside.close()


def test_restore_works_when_the_database_is_gone_or_damaged(
    pharmacy: Context, folder: Path, db_path: Path, clock: FakeClock
) -> None:
    _fill(pharmacy)
    info = backups.make_backup(pharmacy, folder)
    pharmacy.close()
    db_path.write_bytes(b"\x00" * 4096)  # damaged beyond opening
    key_file_path(db_path).unlink()
    outcome = backups.restore(info.path, db_path, user="owner", password=PASSWORD, clock=clock)
    assert outcome.kept_aside is not None
    assert outcome.kept_aside.read_bytes() == b"\x00" * 4096

    fresh = db_path.with_name("new-pc.db")
    assert backups.restore(info.path, fresh, user="owner", password=PASSWORD).kept_aside is None
    for path in (db_path, fresh):
        ctx = _open(path, clock)
        try:
            assert customers.count_active(ctx) == 3
        finally:
            ctx.close()


@pytest.mark.parametrize("where", [0, 30, 0.25, 0.5, 0.75, -70, -30, -1])
def test_a_one_byte_change_anywhere_is_refused_and_nothing_changes(
    pharmacy: Context, folder: Path, db_path: Path, where: float
) -> None:
    _fill(pharmacy)
    info = backups.make_backup(pharmacy, folder)
    pharmacy.close()
    data = bytearray(info.path.read_bytes())
    offset = int(where * len(data)) if isinstance(where, float) else where % len(data)
    data[offset] ^= 0x01
    info.path.write_bytes(bytes(data))
    before = _hashes(db_path)
    with pytest.raises(OperationFailed, match=r"damaged|not a PharmaDesk backup"):
        backups.restore(info.path, db_path, user="owner", password=PASSWORD)
    assert _hashes(db_path) == before
    assert sorted(p.name for p in db_path.parent.iterdir() if "restore" in p.name) == []


def test_restore_refuses_a_wrong_password_and_a_non_owner(
    pharmacy: Context, folder: Path, db_path: Path
) -> None:
    accounts.add(pharmacy, "li", role="pharmacist", password="pharm-pw")
    info = backups.make_backup(pharmacy, folder)
    pharmacy.close()
    before = _hashes(db_path)
    with pytest.raises(AuthenticationError):
        backups.restore(info.path, db_path, user="owner", password="wrong")
    with pytest.raises(AuthenticationError):
        backups.restore(info.path, db_path, user="nobody", password=PASSWORD)
    with pytest.raises(PermissionRefused, match="pharmacist role may not restore"):
        backups.restore(info.path, db_path, user="li", password="pharm-pw")
    assert _hashes(db_path) == before
    assert [p.name for p in db_path.parent.iterdir() if "restore" in p.name] == []


def _rewrite(info: backups.BackupInfo, target: Path, **changes: Any) -> Path:
    """A well-formed backup file with a changed manifest (as a newer version would write)."""
    work = target.parent / "parts"
    work.mkdir()
    with zipfile.ZipFile(info.path) as archive:
        manifest = json.loads(archive.read(bf.MANIFEST))
        (work / "db").write_bytes(archive.read(bf.DATABASE))
        keys = archive.read(bf.KEYS)
    manifest.update(changes)
    bf.write_container(
        target, manifest=manifest, database=work / "db", keys=keys, made_at=info.made_at,
        progress=lambda done: None,
    )  # fmt: skip
    return target


def test_restore_refuses_a_newer_schema_and_files_that_are_not_backups(
    pharmacy: Context, folder: Path, db_path: Path, tmp_path: Path
) -> None:
    info = backups.make_backup(pharmacy, folder)
    pharmacy.close()
    newer = _rewrite(info, tmp_path / "newer.pdbackup", schema_version=LATEST_VERSION + 1)
    assert backups.read_backup(newer).schema_version == LATEST_VERSION + 1
    before = _hashes(db_path)
    with pytest.raises(OperationFailed, match="made by a newer PharmaDesk"):
        backups.restore(newer, db_path, user="owner", password=PASSWORD)

    text = tmp_path / "notes.pdbackup"
    text.write_text("not a backup", encoding="utf-8")
    other_zip = tmp_path / "photos.zip"
    with zipfile.ZipFile(other_zip, "w") as archive:
        archive.writestr("a.txt", "hello")
    for path in (text, other_zip, db_path):
        with pytest.raises(OperationFailed, match="not a PharmaDesk backup"):
            backups.restore(path, db_path, user="owner", password=PASSWORD)
    with pytest.raises(OperationFailed, match="no file"):
        backups.restore(tmp_path / "missing.pdbackup", db_path, user="owner", password=PASSWORD)
    assert _hashes(db_path) == before


def _full_disk_after(limit: int) -> Any:
    written = 0
    real = bf.write_chunk

    def write(out: IO[bytes], data: bytes) -> None:
        nonlocal written
        if written + len(data) > limit:
            raise OSError(errno.ENOSPC, "No space left on device")
        written += len(data)
        real(out, data)

    return write


@pytest.mark.parametrize("limit", [0, 4096])
def test_a_full_disk_leaves_earlier_backups_and_the_database_intact(
    pharmacy: Context, folder: Path, db_path: Path, clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch, limit: int,
) -> None:  # fmt: skip
    _fill(pharmacy)
    first = backups.make_backup(pharmacy, folder)
    first_bytes = first.path.read_bytes()
    clock.advance(days=1)
    customers.create(pharmacy, {"name": "王五", "mobile": "13600002222"})
    monkeypatch.setattr(bf, "write_chunk", _full_disk_after(limit))

    with pytest.raises(OperationFailed) as failed:
        backups.make_backup(pharmacy, folder)
    assert "disk is full" in failed.value.message
    assert "earlier backups are unchanged" in failed.value.message
    assert "\n" not in failed.value.message
    assert [p.name for p in folder.iterdir()] == [first.path.name], "no partial file is left"
    assert first.path.read_bytes() == first_bytes
    assert backups.backup_due(pharmacy, clock()), "a failed backup does not count"
    assert backups.last_backup(pharmacy) == first
    pharmacy.close()
    ctx = _open(db_path, clock)
    try:
        assert customers.count_active(ctx) == 4
    finally:
        ctx.close()


def test_a_full_disk_during_the_copy_itself_is_one_clear_message(
    pharmacy: Context, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*args: Any) -> None:
        raise sqlcipher3.OperationalError("database or disk is full")

    monkeypatch.setattr(bf, "copy_database", full)
    with pytest.raises(OperationFailed, match="disk is full"):
        backups.make_backup(pharmacy, folder)
    assert list(folder.iterdir()) == []


def test_a_missing_or_unwritable_folder_is_refused(pharmacy: Context, tmp_path: Path) -> None:
    with pytest.raises(OperationFailed, match="is not there"):
        backups.make_backup(pharmacy, tmp_path / "unplugged-usb")
    plain = tmp_path / "a-file"
    plain.write_text("x", encoding="utf-8")
    with pytest.raises(OperationFailed, match="not a folder"):
        backups.make_backup(pharmacy, plain)
    with pytest.raises(OperationFailed, match="is not there"):
        backups.set_backup_folder(pharmacy, tmp_path / "unplugged-usb")


def test_the_default_folder_is_made_and_the_owner_can_choose_another(
    pharmacy: Context, folder: Path, db_path: Path
) -> None:
    default = backups.default_backup_folder(db_path)
    assert backups.backup_folder(pharmacy) == default
    assert backups.make_backup(pharmacy).path.parent == default
    backups.set_backup_folder(pharmacy, folder)
    assert backups.backup_folder(pharmacy) == folder
    assert backups.make_backup(pharmacy, reason="daily").path.parent == folder
    assert backups.known_backup_folders(db_path) == [folder, default]
    assert AuditEvent.select().where(AuditEvent.action == "settings.changed").count() == 1


def test_backup_is_due_after_24_hours_without_a_successful_one(
    pharmacy: Context, folder: Path, clock: FakeClock
) -> None:
    assert backups.backup_due(pharmacy, clock())
    backups.make_backup(pharmacy, folder, reason="exit")
    assert not backups.backup_due(pharmacy, clock() + timedelta(hours=23, minutes=59))
    assert backups.backup_due(pharmacy, clock() + timedelta(hours=24))
    assert backups.backup_due(pharmacy, clock() - timedelta(hours=1)), "the clock went back"


def _at(day: date, hour: int = 12) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=CST)


def test_rotation_keeps_the_last_24_hours_then_7_daily_4_weekly_12_monthly() -> None:
    today = date(2026, 11, 20)  # a Friday
    dates = [_at(today - timedelta(days=n), hour) for n in range(800) for hour in (9, 18)]
    kept = backups.keep(dates, _at(today, 20))
    assert _at(today, 9) in kept, "a backup before risky work outlives the exit backup"
    older = kept - {_at(today, 9)}
    days = {d.date() for d in older}
    assert all(d.hour == 18 for d in older), "before the last 24 hours, the newest of each day"
    daily = {today - timedelta(days=n) for n in range(7)}
    # The newest of this ISO week is today; the three weeks before end on Sundays (the 15th
    # is also one of the 7 days).
    weekly = {date(2026, 11, 15), date(2026, 11, 8), date(2026, 11, 1)}
    monthly = {date(2026, 10, 31), date(2026, 9, 30), date(2026, 8, 31), date(2026, 7, 31),
               date(2026, 6, 30), date(2026, 5, 31), date(2026, 4, 30), date(2026, 3, 31),
               date(2026, 2, 28), date(2026, 1, 31), date(2025, 12, 31)}  # fmt: skip
    assert days == daily | weekly | monthly
    assert len(older) == len(days) == 7 + 2 + 11


def test_rotation_keeps_every_backup_of_the_24_hours_before_the_newest() -> None:
    now = _at(date(2026, 11, 20), 18)
    recent = [now - timedelta(hours=h) for h in (0, 1, 8, 23, 24)]  # down to 11-19 18:00
    older = [now - timedelta(hours=h) for h in (25, 30)]  # 11-19 17:00 and 12:00
    kept = backups.keep([*recent, *older], now)
    assert kept == set(recent), "beyond 24 hours, only the newest of each day"


def test_rotation_counts_days_that_have_backups_and_keeps_the_future() -> None:
    now = _at(date(2026, 11, 20))
    old = [_at(date(2025, 1, d)) for d in (1, 2, 3)]  # a PC that was off for almost 2 years
    future = _at(date(2026, 12, 1))
    kept = backups.keep([*old, future], now)
    assert kept == {*old, future}
    assert backups.keep([], now) == set()


def test_rotation_deletes_only_this_pharmacys_old_backups(
    pharmacy: Context, folder: Path, db_path: Path, clock: FakeClock, tmp_path: Path
) -> None:
    first = backups.make_backup(pharmacy, folder, reason="daily")
    copied = folder / "before the price update.pdbackup"  # the user's own copy, renamed
    copied.write_bytes(first.path.read_bytes())
    also_copied = folder / f"copy of {first.path.name}"
    also_copied.write_bytes(first.path.read_bytes())
    pharmacy.close()
    other = vault.create_pharmacy(
        tmp_path / "other.db", owner="owner", password=PASSWORD,
        clock=FakeClock(clock() - timedelta(days=300)),
    )  # fmt: skip
    theirs = backups.make_backup(other.context, folder)
    other.context.close()
    notes = folder / "readme.pdbackup"
    notes.write_text("mine, not a backup", encoding="utf-8")
    ctx = _open(db_path, clock)
    made = [first.path.name]
    try:
        for _ in range(9):  # 2026-11-21 to 11-29 (a Sunday)
            clock.advance(days=1)
            made.append(backups.make_backup(ctx, folder, reason="daily").path.name)
        assert backups.read_backup(copied).database_id == first.database_id
    finally:
        ctx.close()
    # Kept: the last 7 days (23-29) and the newest of the week before (22).
    left = sorted(p.name for p in folder.iterdir())
    assert left == sorted([theirs.path.name, notes.name, copied.name, also_copied.name, *made[2:]])


def test_a_backup_before_risky_work_survives_the_exit_backup_of_the_same_day(
    pharmacy: Context, folder: Path, clock: FakeClock
) -> None:
    clock.advance(hours=-1)  # 09:00
    before_work = backups.make_backup(pharmacy, folder)
    clock.advance(hours=9)  # 18:00
    at_exit = backups.make_backup(pharmacy, folder, reason="exit")
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [before_work.path.name, at_exit.path.name]
    )
    clock.advance(days=1, hours=-2)  # the next day, 16:00: 31 hours after the manual one
    next_exit = backups.make_backup(pharmacy, folder, reason="exit")
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [at_exit.path.name, next_exit.path.name]
    ), "beyond 24 hours, the newest of each day"


def _copy_then(change: Any) -> Any:
    real = bf.copy_database

    def copy(source: Any, target: Path, key: bytes, progress: Any) -> None:
        real(source, target, key, progress)
        change(target, key)

    return copy


def _flip_a_byte_of_the_last_page(target: Path, key: bytes) -> None:
    # A table of its own at the end, so the last page is one no query opening the copy
    # reads (which page of the schema comes last changes with every migration).
    conn = bf.connect(target, key)
    try:
        conn.execute("CREATE TABLE note (body TEXT)")
        conn.executemany("INSERT INTO note VALUES (?)", [("x" * 200,) for _ in range(60)])
    finally:
        conn.close()
    data = bytearray(target.read_bytes())
    data[-200] ^= 0x01
    target.write_bytes(bytes(data))


def _lose_a_row(target: Path, key: bytes) -> None:
    conn = bf.connect(target, key)
    try:
        conn.execute("DELETE FROM interaction WHERE id = (SELECT max(id) FROM interaction)")
    finally:
        conn.close()


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (_flip_a_byte_of_the_last_page, "encryption check"),
        (_lose_a_row, "interaction table holds 2 rows"),
    ],
)
def test_a_copy_that_does_not_verify_is_not_kept(
    pharmacy: Context, folder: Path, monkeypatch: pytest.MonkeyPatch, change: Any, words: str
) -> None:
    _fill(pharmacy)
    monkeypatch.setattr(bf, "copy_database", _copy_then(change))
    with pytest.raises(OperationFailed, match=words) as failed:
        backups.make_backup(pharmacy, folder)
    assert "was not kept" in failed.value.message
    assert list(folder.iterdir()) == []
    assert backups.last_backup(pharmacy) is None


def test_only_the_owner_chooses_the_backup_folder(
    pharmacy: Context, folder: Path, db_path: Path, clock: FakeClock
) -> None:
    accounts.add(pharmacy, "wang", role="staff", password="staff-pw")
    pharmacy.close()
    staff = vault.open_pharmacy(db_path, user="wang", password="staff-pw", clock=clock)
    try:
        with pytest.raises(PermissionRefused):
            backups.set_backup_folder(staff, folder)
        assert backups.make_backup(staff, folder).made_by == "wang"
    finally:
        staff.close()


def test_a_failure_while_swapping_the_files_puts_everything_back(
    pharmacy: Context, folder: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    info = backups.make_backup(pharmacy, folder)
    pharmacy.close()
    before = _hashes(db_path)
    real = os.replace

    def replace(source: Any, target: Any) -> None:
        if Path(target) == db_path and ".restore-" in str(source):
            raise OSError(errno.EIO, "Input/output error")
        real(source, target)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(OperationFailed, match="nothing was changed"):
        backups.restore(info.path, db_path, user="owner", password=PASSWORD)
    assert _hashes(db_path) == before
    assert [p.name for p in db_path.parent.iterdir() if "restore" in p.name] == []


def test_list_backups_newest_first_skipping_what_is_not_a_backup(
    pharmacy: Context, folder: Path, clock: FakeClock
) -> None:
    (folder / "broken.pdbackup").write_bytes(b"PK\x03\x04 not really")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8")
    first = backups.make_backup(pharmacy, folder, reason="daily")
    clock.advance(days=1)
    second = backups.make_backup(pharmacy, folder, reason="exit")
    assert backups.list_backups(folder) == [second, first]
    assert second.path.name == "pharmadesk-20261121-100000-exit.pdbackup"
    assert (folder / "broken.pdbackup").exists()
    assert backups.list_backups(folder / "missing") == []


def test_what_a_crashed_backup_left_behind_is_cleared_when_old(
    pharmacy: Context, folder: Path
) -> None:
    old_work = folder / ".pharmadesk-backup-abc123"
    old_work.mkdir()
    (old_work / "pharmacy.db").write_bytes(b"\x01" * 100)
    old_part = folder / ".pharmadesk-20261101-100000.pdbackup.part"
    old_part.write_bytes(b"PK")
    fresh_part = folder / ".pharmadesk-20261120-095959.pdbackup.part"  # someone writing now
    fresh_part.write_bytes(b"PK")
    a_day_ago = datetime.now().timestamp() - 24 * 3600
    for path in (old_work, old_part):
        os.utime(path, (a_day_ago, a_day_ago))
    made = backups.make_backup(pharmacy, folder)
    assert sorted(p.name for p in folder.iterdir()) == sorted([made.path.name, fresh_part.name])


# --- checking a restore before the session closes ------------------------------------------


def _leftovers(*folders: Path) -> list[str]:
    return sorted(p.name for f in folders for p in f.iterdir() if "restore" in p.name)


def test_a_restore_is_checked_while_the_session_stays_open_and_nothing_changes(
    pharmacy: Context, folder: Path, db_path: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    _fill(pharmacy)
    info = backups.make_backup(pharmacy, folder)
    customers.create(pharmacy, {"name": "后来的人", "mobile": "13700001111"})
    before = _hashes(db_path)

    seen: list[tuple[int, int]] = []
    checked = backups.check_restore(
        info.path, user="owner", password=PASSWORD, db_path=db_path,
        progress=lambda done, total: seen.append((done, total)),
    )  # fmt: skip
    assert checked == info
    assert seen[-1][0] == seen[-1][1] > 0
    assert backups.check_restore(info.path, user="owner", password=PASSWORD) == info

    # The session goes on, on its own data: the models were never bound to the copy.
    assert customers.count_active(pharmacy) == 4
    assert _hashes(db_path) == before
    assert _leftovers(db_path.parent, temp) == []
    assert list(temp.iterdir()) == []


def test_checking_a_restore_refuses_what_restore_refuses_and_leaves_nothing(
    pharmacy: Context, folder: Path, db_path: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    accounts.add(pharmacy, "li", role="pharmacist", password="pharm-pw")
    info = backups.make_backup(pharmacy, folder)
    before = _hashes(db_path)
    with pytest.raises(AuthenticationError):
        backups.check_restore(info.path, user="owner", password="wrong", db_path=db_path)
    with pytest.raises(AuthenticationError):
        backups.check_restore(info.path, user="nobody", password=PASSWORD)
    with pytest.raises(PermissionRefused, match="pharmacist role may not restore"):
        backups.check_restore(info.path, user="li", password="pharm-pw", db_path=db_path)
    newer = _rewrite(info, tmp_path / "newer.pdbackup", schema_version=LATEST_VERSION + 1)
    with pytest.raises(OperationFailed, match="newer PharmaDesk"):
        backups.check_restore(newer, user="owner", password=PASSWORD, db_path=db_path)
    data = bytearray(info.path.read_bytes())
    data[len(data) // 2] ^= 0x01
    info.path.write_bytes(bytes(data))
    with pytest.raises(OperationFailed, match="damaged"):
        backups.check_restore(info.path, user="owner", password=PASSWORD, db_path=db_path)
    assert _hashes(db_path) == before
    assert _leftovers(db_path.parent, temp) == []
    assert list(temp.iterdir()) == []


def _restore_leftover(db_path: Path, name: str, *, hours_ago: float) -> Path:
    work = db_path.parent / f".{db_path.name}.restore-{name}"
    work.mkdir()
    (work / db_path.name).write_bytes(b"\x01" * 100)
    then = datetime.now().timestamp() - hours_ago * 3600
    os.utime(work, (then, then))
    return work


def test_what_a_crashed_restore_left_beside_the_database_is_cleared_when_old(
    pharmacy: Context, folder: Path, db_path: Path
) -> None:
    old = _restore_leftover(db_path, "old", hours_ago=24)
    fresh = _restore_leftover(db_path, "now", hours_ago=0)  # a check running in another window
    other = db_path.with_name(".other.db.restore-old")  # another pharmacy's
    other.mkdir()
    info = backups.make_backup(pharmacy, folder)
    assert not old.exists()
    assert fresh.exists()
    assert other.exists()

    older = _restore_leftover(db_path, "older", hours_ago=13)
    pharmacy.close()
    backups.restore(info.path, db_path, user="owner", password=PASSWORD)
    assert not older.exists()
    assert _leftovers(db_path.parent) == sorted(
        [fresh.name, other.name, *(p.name for p in db_path.parent.glob("*.before-restore-*"))]
    )


# --- a damaged database, a backup of another pharmacy, a backup cut short -----------------


def break_the_structure(db_path: Path, *, notes: int) -> None:
    """Damage a pharmacy's database as a failing disk does, below the encryption: the
    pages still decrypt, but an index's root points into another table (with `notes` rows
    behind it, each index page left is one more problem `quick_check` finds)."""
    key = KeyFile.load(key_file_path(db_path)).unwrap("owner", PASSWORD)
    conn = bf.connect(db_path, key)
    try:
        conn.execute("CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT)")
        conn.execute("CREATE INDEX note_body ON note (body)")
        conn.executemany(
            "INSERT INTO note (body) VALUES (?)", [(f"{i:06d}" * 20,) for i in range(notes)]
        )
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute(
            "UPDATE sqlite_master SET rootpage = "
            "(SELECT rootpage FROM sqlite_master WHERE name = 'setting') WHERE name = 'note_body'"
        )
    finally:
        conn.close()


@pytest.mark.parametrize(
    ("notes", "more"), [(0, "and 1 more problem)"), (3000, "and at least 99 more problems)")]
)
def test_a_backup_of_a_damaged_database_fails_with_one_line_naming_the_first_problem(
    pharmacy: Context, folder: Path, db_path: Path, clock: FakeClock, notes: int, more: str
) -> None:
    pharmacy.close()
    break_the_structure(db_path, notes=notes)
    ctx = _open(db_path, clock)
    try:
        with pytest.raises(OperationFailed) as failed:
            backups.make_backup(ctx, folder)
        assert backups.last_backup(ctx) is None
    finally:
        ctx.close()
    message = failed.value.message
    assert "\n" not in message
    assert "structure check: 2nd reference to page " in message
    assert message.split("2nd reference to page ")[1].split(",")[0].isdigit()
    assert more in message
    assert "***" not in message
    assert list(folder.iterdir()) == []


def _flip_a_byte_in_the_last_pages(target: Path, key: bytes) -> None:
    conn = bf.connect(target, key)
    try:
        conn.execute("CREATE TABLE note (body TEXT)")
        conn.executemany("INSERT INTO note VALUES (?)", [("x" * 200,) for _ in range(600)])
    finally:
        conn.close()
    data = bytearray(target.read_bytes())
    pages = len(data) // 4096
    for page in range(pages - 20, pages):
        data[page * 4096 + 2000] ^= 0x01
    target.write_bytes(bytes(data))


def test_many_pages_that_fail_the_encryption_check_are_one_line(
    pharmacy: Context, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bf, "copy_database", _copy_then(_flip_a_byte_in_the_last_pages))
    with pytest.raises(OperationFailed) as failed:
        backups.make_backup(pharmacy, folder)
    message = failed.value.message
    assert "\n" not in message
    assert "encryption check: HMAC verification failed for page " in message
    assert "and 19 more problems)" in message


def _another_pharmacys_backup(tmp_path: Path, folder: Path, clock: FakeClock) -> Path:
    other = vault.create_pharmacy(
        tmp_path / "other" / "shop.db", owner="owner", password=PASSWORD,
        pharmacy_name="仁和大药房", clock=clock,
    )  # fmt: skip
    try:
        return backups.make_backup(other.context, folder).path
    finally:
        other.context.close()


def test_a_backup_of_another_pharmacy_is_not_restored_over_this_one(
    pharmacy: Context, folder: Path, db_path: Path, clock: FakeClock, tmp_path: Path
) -> None:
    _fill(pharmacy)
    pharmacy.close()
    theirs = _another_pharmacys_backup(tmp_path, folder, clock)
    before = _hashes(db_path)
    refused = (
        r"is a backup of another pharmacy \(仁和大药房\); "
        r"move the current database aside first to replace it"
    )
    with pytest.raises(OperationFailed, match=refused):
        backups.check_restore(theirs, user="owner", password=PASSWORD, db_path=db_path)
    with pytest.raises(OperationFailed, match=refused):
        backups.restore(theirs, db_path, user="owner", password=PASSWORD)
    assert _hashes(db_path) == before
    assert _leftovers(db_path.parent) == []
    # Checked on its own (no database to replace), it is a good backup.
    assert (
        backups.check_restore(theirs, user="owner", password=PASSWORD).pharmacy_name == "仁和大药房"
    )
    ctx = _open(db_path, clock)
    try:
        assert customers.count_active(ctx) == 3
    finally:
        ctx.close()


@pytest.mark.parametrize("key_file", ["missing", "damaged"])
def test_a_pharmacy_without_a_readable_key_file_may_take_another_pharmacys_backup(
    pharmacy: Context, folder: Path, db_path: Path, clock: FakeClock, tmp_path: Path,
    key_file: str,
) -> None:  # fmt: skip
    _fill(pharmacy)
    pharmacy.close()
    theirs = _another_pharmacys_backup(tmp_path, folder, clock)
    keys = key_file_path(db_path)
    if key_file == "missing":
        keys.unlink()
    else:
        keys.write_bytes(b'{"format": "pharmadesk-keys", "vers')
    assert backups.check_restore(theirs, user="owner", password=PASSWORD, db_path=db_path)
    outcome = backups.restore(theirs, db_path, user="owner", password=PASSWORD, clock=clock)
    assert outcome.kept_aside is not None
    ctx = _open(db_path, clock)
    try:
        assert vault.pharmacy_name(ctx) == "仁和大药房"
        assert customers.count_active(ctx) == 0
    finally:
        ctx.close()


@pytest.mark.parametrize("cut", [1000, 0.5, -100, -10])
def test_a_backup_cut_short_reads_as_damaged_or_incomplete(
    pharmacy: Context, folder: Path, db_path: Path, tmp_path: Path, cut: float
) -> None:
    _fill(pharmacy)
    info = backups.make_backup(pharmacy, folder)
    pharmacy.close()
    data = info.path.read_bytes()
    short = tmp_path / info.path.name
    short.write_bytes(data[: int(cut * len(data)) if isinstance(cut, float) else cut])
    before = _hashes(db_path)
    with pytest.raises(OperationFailed, match=f"^{short.name} is damaged or incomplete"):
        backups.read_backup(short)
    with pytest.raises(OperationFailed, match=f"^{short.name} is damaged or incomplete"):
        backups.restore(short, db_path, user="owner", password=PASSWORD)
    assert _hashes(db_path) == before
