"""Creating and unlocking a pharmacy."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from pharmadesk.db.keyfile import key_file_path
from pharmadesk.errors import AuthenticationError, DatabaseUnavailable, OperationFailed
from pharmadesk.services import accounts, customers, search, vault
from pharmadesk.services.context import Context
from tests.conftest import PASSWORD


def _hashes(db_path: Path) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for path in (db_path, Path(f"{db_path}-wal"), key_file_path(db_path)):
        out[path.name] = hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None
    return out


def test_a_wrong_password_leaves_database_wal_and_key_file_unchanged(
    pharmacy: Context, db_path: Path
) -> None:
    customers.create(pharmacy, {"name": "张三", "mobile": "13812345678"})
    before = _hashes(db_path)
    assert before[f"{db_path.name}-wal"] is not None, "an open pharmacy has a WAL"
    for user, password in (("owner", "wrong"), ("owner", ""), ("nobody", PASSWORD)):
        with pytest.raises(AuthenticationError):
            vault.open_pharmacy(db_path, user=user, password=password)
    assert _hashes(db_path) == before


def test_the_right_password_opens_what_was_saved(pharmacy: Context, db_path: Path) -> None:
    customers.create(pharmacy, {"name": "张三", "mobile": "13812345678"})
    pharmacy.close()
    ctx = vault.open_pharmacy(db_path, user="owner", password=PASSWORD)
    assert [c.name for c in customers.list_customers(ctx)] == ["张三"]
    assert ctx.account.role == "owner"
    ctx.close()


def test_create_never_overwrites(pharmacy: Context, db_path: Path) -> None:
    before = _hashes(db_path)
    with pytest.raises(OperationFailed, match="already exists"):
        vault.create_pharmacy(db_path, owner="owner", password="other")
    assert _hashes(db_path) == before


def test_a_missing_database_or_key_file_cannot_be_opened(
    pharmacy: Context, db_path: Path, tmp_path: Path
) -> None:
    with pytest.raises(DatabaseUnavailable, match="no pharmacy database"):
        vault.open_pharmacy(tmp_path / "absent.db", user="owner", password=PASSWORD)
    pharmacy.close()
    key_file_path(db_path).rename(tmp_path / "moved.keys")
    with pytest.raises(DatabaseUnavailable, match="key file"):
        vault.open_pharmacy(db_path, user="owner", password=PASSWORD)


def test_a_damaged_database_is_a_clear_error(pharmacy: Context, db_path: Path) -> None:
    pharmacy.close()
    data = bytearray(db_path.read_bytes())
    data[:4096] = bytes(4096)
    db_path.write_bytes(bytes(data))
    with pytest.raises(DatabaseUnavailable, match="damaged"):
        vault.open_pharmacy(db_path, user="owner", password=PASSWORD)


def test_a_second_account_unlocks_the_same_data(pharmacy: Context, db_path: Path) -> None:
    customers.create(pharmacy, {"name": "李四"})
    accounts.add(pharmacy, "wang", role="staff", password="staff-pw")
    pharmacy.close()
    ctx = vault.open_pharmacy(db_path, user="wang", password="staff-pw")
    assert ctx.account.role == "staff"
    assert [hit.name for hit in search.find(ctx, "李四")] == ["李四"]
    ctx.close()


def test_the_pharmacy_is_created_with_its_name(tmp_path: Path) -> None:
    created = vault.create_pharmacy(
        tmp_path / "p.db", owner="boss", password="pw", pharmacy_name="仁心药房"
    )
    assert vault.pharmacy_name(created.context) == "仁心药房"
    assert created.context.account.name == "boss"
    created.context.close()


def test_an_emptied_database_file_is_damaged_not_recreated(
    pharmacy: Context, db_path: Path
) -> None:
    pharmacy.close()
    db_path.write_bytes(b"")
    with pytest.raises(DatabaseUnavailable, match="empty"):
        vault.open_pharmacy(db_path, user="owner", password=PASSWORD)
    assert db_path.read_bytes() == b""
