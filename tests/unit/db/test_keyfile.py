"""The key file: envelopes of the database key, one per account."""

from __future__ import annotations

from pathlib import Path

import pytest

from pharmadesk.db import keyfile
from pharmadesk.errors import AuthenticationError, DatabaseUnavailable, OperationFailed


def _saved(tmp_path: Path) -> tuple[Path, bytes]:
    key = keyfile.new_database_key()
    keys = keyfile.KeyFile.new()
    keys.wrap("Owner", "correct horse", key)
    path = tmp_path / "x.db.keys"
    keys.save(path)
    return path, key


def test_the_right_password_unwraps_the_database_key(tmp_path: Path) -> None:
    path, key = _saved(tmp_path)
    assert keyfile.KeyFile.load(path).unwrap("owner", "correct horse") == key


@pytest.mark.parametrize(("account", "secret"), [("owner", "wrong"), ("nobody", "correct horse")])
def test_a_wrong_password_or_unknown_account_is_refused_alike(
    tmp_path: Path, account: str, secret: str
) -> None:
    path, _ = _saved(tmp_path)
    with pytest.raises(AuthenticationError, match="wrong user name or password"):
        keyfile.KeyFile.load(path).unwrap(account, secret)


def test_the_file_names_no_account(tmp_path: Path) -> None:
    path, _ = _saved(tmp_path)
    assert b"owner" not in path.read_bytes().lower()


def test_an_envelope_moved_to_another_account_does_not_open(tmp_path: Path) -> None:
    key = keyfile.new_database_key()
    keys = keyfile.KeyFile.new()
    keys.wrap("owner", "pw", key)
    keys.wrap("staff", "other", key)
    owner_id, staff_id = keys.entry_id("owner"), keys.entry_id("staff")
    keys.entries[staff_id] = keys.entries[owner_id]
    with pytest.raises(AuthenticationError):
        keys.unwrap("staff", "pw")


def test_an_empty_password_is_refused(tmp_path: Path) -> None:
    with pytest.raises(OperationFailed):
        keyfile.KeyFile.new().wrap("owner", "", keyfile.new_database_key())


@pytest.mark.parametrize("content", [b"", b"{not json", b'{"format": "other"}', b"\x00\xff"])
def test_a_damaged_key_file_is_a_clear_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "x.db.keys"
    path.write_bytes(content)
    with pytest.raises(DatabaseUnavailable, match="damaged"):
        keyfile.KeyFile.load(path)


def test_a_missing_key_file_points_to_the_backup(tmp_path: Path) -> None:
    with pytest.raises(DatabaseUnavailable, match="missing"):
        keyfile.KeyFile.load(tmp_path / "none.keys")


def test_recovery_codes_are_readable_and_normalised() -> None:
    code = keyfile.new_recovery_code()
    assert len(code.split("-")) == 6
    assert keyfile.normalise_recovery_code(code.lower().replace("-", " ")) == code
