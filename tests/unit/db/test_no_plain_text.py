"""Nothing personal touches the disk in plain text: not the database, its WAL, temp files.

The control half of the test decrypts a copy and finds the same strings there, which
proves the search is able to find them.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from pharmadesk.db.connection import export_plain_copy
from pharmadesk.services import customers, interactions, purchases
from pharmadesk.services.context import Context

PEOPLE = [
    ("欧阳明珠", "13912345670", "杭州市西湖区文三路138号"),
    ("Margaret Thornbury", "13698765432", "Flat 7, Quillfeather Lane"),
]


def _needles() -> list[bytes]:
    out = []
    for name, mobile, address in PEOPLE:
        for text in (name, mobile, address):
            out.append(text.encode("utf-8"))
    return out


def _files_under(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def _found(paths: list[Path]) -> set[bytes]:
    hits = set()
    for path in paths:
        data = path.read_bytes()
        hits.update(n for n in _needles() if n in data)
    return hits


@pytest.fixture
def temp_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "tmp"
    folder.mkdir()
    for name in ("TMPDIR", "TEMP", "TMP"):
        monkeypatch.setenv(name, str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_no_personal_data_on_disk_yet_a_decrypted_copy_shows_it(
    pharmacy: Context, db_path: Path, temp_folder: Path, tmp_path: Path
) -> None:
    for name, mobile, address in PEOPLE:
        saved = customers.create(pharmacy, {"name": name, "mobile": mobile, "address": address})
        assert saved.customer is not None
        customer_id = saved.customer.id
        purchases.record(pharmacy, customer_id, [purchases.LineInput("布洛芬缓释胶囊", 1, 2350)])
        interactions.log(
            pharmacy, customer_id, channel="phone", kind="follow_up", summary=f"{name} 回访"
        )

    wal = Path(f"{db_path}-wal")
    assert wal.exists()
    assert wal.stat().st_size > 0, "the WAL should hold the new pages"
    assert _found([db_path, wal, *_files_under(temp_folder)]) == set()

    plain = tmp_path / "control" / "decrypted.db"
    plain.parent.mkdir()
    export_plain_copy(pharmacy.db, plain)
    pharmacy.close()
    assert _found([plain]) == set(_needles()), "the control must find every string"

    on_disk = [p for p in _files_under(db_path.parent)]
    assert on_disk, "the pharmacy folder cannot be empty"
    assert _found([*on_disk, *_files_under(temp_folder)]) == set()
    assert not db_path.read_bytes().startswith(b"SQLite format 3")
    assert os.path.getsize(db_path) > 0
