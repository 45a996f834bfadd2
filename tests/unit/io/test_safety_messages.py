"""What backups, restores, checks and unlocking say reads in Chinese in the zh_CN window:
the messages are the services' own, made by making each thing go wrong."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pharmadesk.errors import PharmaDeskError
from pharmadesk.io.error_messages import localize_error
from pharmadesk.io.safety_messages import localize_problem
from pharmadesk.services import backups, checks, vault
from pharmadesk.services.context import Context
from tests.conftest import PASSWORD, FakeClock
from tests.unit.services.test_backups import break_the_structure

# What may stay in Latin letters: file names, PharmaDesk, table names.
ALLOWED = re.compile(
    r"[\w.-]+\.(keys|db|pdbackup|txt)|PharmaDesk|audit_event|[A-Za-z]:?[/\\][^\s）]*"
)


def _english_left(text: str) -> list[str]:
    return re.findall(r"[A-Za-z]{3,}", ALLOWED.sub("", text))


def _zh(error: PharmaDeskError) -> str:
    return localize_error(error, "zh_CN")


def test_a_damaged_pharmacy_file(db_path: Path, pharmacy: Context) -> None:
    pharmacy.close()
    db_path.write_bytes(bytes(range(256)) * 64)
    with pytest.raises(PharmaDeskError) as refused:
        vault.open_pharmacy(db_path, user="owner", password=PASSWORD)
    text = _zh(refused.value)
    assert "已损坏" in text
    assert _english_left(text) == [], text


def test_a_file_that_is_not_a_backup_and_a_missing_folder(
    tmp_path: Path, pharmacy: Context
) -> None:
    other = tmp_path / "notes.txt"
    other.write_text("hello")
    with pytest.raises(PharmaDeskError) as refused:
        backups.read_backup(other)
    assert _zh(refused.value) == "notes.txt 不是 PharmaDesk 备份文件。"
    with pytest.raises(PharmaDeskError) as refused:
        backups.make_backup(pharmacy, tmp_path / "usb")
    text = _zh(refused.value)
    assert "备份文件夹" in text
    assert "是否已连接" in text
    assert _english_left(text) == [], text


def test_a_backup_with_a_changed_byte(tmp_path: Path, pharmacy: Context) -> None:
    made = backups.make_backup(pharmacy, tmp_path)
    data = bytearray(made.path.read_bytes())
    data[len(data) // 2] ^= 1
    made.path.write_bytes(bytes(data))
    with pytest.raises(PharmaDeskError) as refused:
        backups.check_restore(made.path, user="owner", password=PASSWORD)
    text = _zh(refused.value)
    assert "已损坏" in text
    assert _english_left(text) == [], text


def test_a_problem_found_by_the_checks(pharmacy: Context) -> None:
    pharmacy.db.execute_sql("UPDATE audit_event SET details = '{\"edited\": 1}' WHERE id = 1")
    found = checks.first_problem(pharmacy)
    assert found is not None
    text = localize_problem(f"{found.name}: {found.problem}")
    assert text.startswith("审计日志：审计事件 1")
    assert _english_left(text) == [], text


def test_a_phrasing_not_known_stays_as_it_is() -> None:
    assert localize_problem("links: something new went wrong") == (
        "数据关联：something new went wrong"
    )


def test_a_backup_of_a_damaged_database_and_of_another_pharmacy(
    tmp_path: Path, pharmacy: Context, db_path: Path, clock: FakeClock
) -> None:
    other = vault.create_pharmacy(
        tmp_path / "other" / "other.db", owner="owner", password=PASSWORD, clock=clock,
        pharmacy_name="仁和大药房",
    ).context  # fmt: skip
    (tmp_path / "theirs").mkdir()
    theirs = backups.make_backup(other, tmp_path / "theirs")
    other.close()
    with pytest.raises(PharmaDeskError) as refused:
        backups.check_restore(theirs.path, user="owner", password=PASSWORD, db_path=db_path)
    text = _zh(refused.value)
    assert "另一家药房（仁和大药房）" in text
    assert _english_left(text) == [], text
    pharmacy.close()
    break_the_structure(db_path, notes=3000)
    damaged = vault.open_pharmacy(db_path, user="owner", password=PASSWORD, clock=clock)
    try:
        with pytest.raises(PharmaDeskError) as failed:
            backups.make_backup(damaged, tmp_path / "theirs")
    finally:
        damaged.close()
    text = _zh(failed.value)
    assert "副本未通过文件结构检查" in text
    assert "另有至少 99 处问题" in text
