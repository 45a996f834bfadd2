"""`pharmadesk backup` and `pharmadesk restore` as scripts use them: output and exit codes."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from pharmadesk import paths
from pharmadesk.db.keyfile import key_file_path
from pharmadesk.services import accounts, backups, customers, instance, vault
from pharmadesk.services.context import Context
from tests.conftest import PASSWORD
from tests.unit.cli.shell import one_line, run
from tests.unit.services.test_backups import break_the_structure


@pytest.fixture
def shop(env: Path, pharmacy: Context) -> Path:
    customers.create(pharmacy, {"name": "张三", "mobile": "13812345678"})
    accounts.add(pharmacy, "li", role="pharmacist", password="pharm-pw")
    pharmacy.close()
    return env


def _hashes(db: Path) -> dict[str, str | None]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest() if p.exists() else None
        for p in (db, Path(f"{db}-wal"), key_file_path(db))
    }


def _backup(capsys: pytest.CaptureFixture[str], *argv: str) -> Path:
    code, out, err = run(capsys, "backup", *argv)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert len(lines) == 1, "the path alone"
    return Path(lines[0])


def _customers(db: Path) -> int:
    ctx = vault.open_pharmacy(db, user="owner", password=PASSWORD)
    try:
        return customers.count_active(ctx)
    finally:
        ctx.close()


def test_backup_prints_the_file_it_wrote(
    shop: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    made = _backup(capsys)
    assert made.parent == backups.default_backup_folder(shop)
    assert backups.read_backup(made).counts["customer"] == 1
    usb = tmp_path / "usb"
    usb.mkdir()
    to = _backup(capsys, "--to", str(usb))
    assert to.parent == usb.absolute()
    assert backups.read_backup(to).made_by == "owner"


def test_backup_to_a_missing_folder_fails_with_one_line(
    shop: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(capsys, "backup", "--to", str(tmp_path / "not-mounted"))
    assert (code, out) == (1, "")
    assert "is not there" in one_line(err)


def test_restore_replaces_the_database_and_says_where_the_old_one_is(
    shop: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    made = _backup(capsys)
    ctx = vault.open_pharmacy(shop, user="owner", password=PASSWORD)
    customers.create(ctx, {"name": "李四", "mobile": "13900001111"})
    ctx.close()
    assert _customers(shop) == 2

    code, out, err = run(capsys, "restore", str(made))
    assert (code, err) == (0, "")
    restored, kept = out.splitlines()
    assert restored.startswith("Restored the backup made 20")
    assert "by owner (1 customers, 0 purchase lines)" in restored
    assert restored.endswith(f"into {shop}")
    aside = Path(kept.removeprefix("The database it replaced is kept as "))
    assert aside.name.startswith("test.db.before-restore-")
    assert _customers(shop) == 1
    assert _customers(aside) == 2


def test_restore_works_without_a_usable_database(
    shop: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    made = _backup(capsys)
    shop.write_bytes(b"garbage" * 1000)
    code, out, _ = run(capsys, "restore", str(made))
    assert code == 0
    assert _customers(shop) == 1

    monkeypatch.delenv("PHARMADESK_DB")  # a new PC: the default place, remembered after
    monkeypatch.setattr(paths, "last_opened", lambda: None)
    code, out, _ = run(capsys, "restore", str(made))
    assert code == 0
    assert len(out.splitlines()) == 1, "nothing was replaced"
    assert _customers(paths.default_pharmacy_path()) == 1


def test_restore_exit_codes(
    shop: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    made = _backup(capsys)
    before = _hashes(shop)
    not_backup = tmp_path / "notes.txt"
    not_backup.write_text("hello", encoding="utf-8")
    damaged = tmp_path / "damaged.pdbackup"
    data = bytearray(made.read_bytes())
    data[len(data) // 2] ^= 0xFF
    damaged.write_bytes(bytes(data))

    for argv, code, words in (
        (["restore", str(not_backup)], 1, "not a PharmaDesk backup"),
        (["restore", str(tmp_path / "missing.pdbackup")], 1, "no file"),
        (["restore", str(damaged)], 1, "damaged"),
        (["restore"], 2, "required"),
    ):
        got, out, err = run(capsys, *argv)
        assert (got, out) == (code, ""), argv
        assert words in one_line(err)

    monkeypatch.setenv("PHARMADESK_PASSPHRASE", "wrong")
    got, _, err = run(capsys, "restore", str(made))
    assert got == 3
    assert "wrong user name or password" in one_line(err)
    monkeypatch.delenv("PHARMADESK_PASSPHRASE")
    got, _, err = run(capsys, "restore", str(made))
    assert got == 3
    assert "no password available" in one_line(err)

    monkeypatch.setenv("PHARMADESK_USER", "li")
    monkeypatch.setenv("PHARMADESK_PASSPHRASE", "pharm-pw")
    got, _, err = run(capsys, "restore", str(made))
    assert got == 4
    assert "pharmacist role may not restore a backup" in one_line(err)
    assert _hashes(shop) == before, "nothing changed"


def test_restore_is_refused_while_a_window_holds_the_database(
    shop: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    made = _backup(capsys)
    before = _hashes(shop)
    window = instance.hold(shop)
    try:
        code, out, err = run(capsys, "restore", str(made))
        assert (code, out) == (6, "")
        assert "in use" in one_line(err)
        assert run(capsys, "backup")[0] == 6
    finally:
        window.release()
    assert _hashes(shop) == before


def test_a_backup_of_a_damaged_database_fails_with_one_line(
    shop: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    break_the_structure(shop, notes=3000)  # quick_check finds 100 problems
    usb = tmp_path / "usb"
    usb.mkdir()
    code, out, err = run(capsys, "backup", "--to", str(usb))
    assert (code, out) == (1, "")
    message = one_line(err)
    assert "the copy fails the structure check: 2nd reference to page " in message
    assert "and at least 99 more problems" in message
    assert list(usb.iterdir()) == []


def test_a_backup_of_another_pharmacy_is_refused_and_nothing_changes(
    shop: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    other = tmp_path / "other" / "shop.db"
    vault.create_pharmacy(
        other, owner="owner", password=PASSWORD, pharmacy_name="仁和大药房"
    ).context.close()
    theirs = _backup(capsys, "--db", str(other))
    before = _hashes(shop)
    code, out, err = run(capsys, "restore", str(theirs))
    assert (code, out) == (1, "")
    assert "is a backup of another pharmacy (仁和大药房); move the current database aside" in (
        one_line(err)
    )
    assert _hashes(shop) == before
    assert _customers(shop) == 1

    # Moved aside by hand, as the message says: then it is restored.
    for path in (shop, key_file_path(shop)):
        path.rename(path.with_name(path.name + ".mine"))
    code, out, err = run(capsys, "restore", str(theirs))
    assert (code, err) == (0, "")
    assert _customers(shop) == 0
