"""Shared fixtures: every test gets its own user folders and a fresh encrypted pharmacy.

The key derivation runs at a low cost here (and only here) so each test opens in
milliseconds; the cost is stored per envelope, so nothing else is affected.
"""

from __future__ import annotations

import os

# Before any Qt import: widgets are tested offscreen (no display needed).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from pharmadesk.db import keyfile
from pharmadesk.services import vault
from pharmadesk.services.context import Context

TEST_KDF = keyfile.KdfParams(time_cost=1, memory_kib=1024, parallelism=1)
CST = timezone(timedelta(hours=8), "CST")
PASSWORD = "s3cret-pw"


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self, start: datetime) -> None:
        self.current = start

    def __call__(self) -> datetime:
        return self.current

    def advance(self, **kwargs: float) -> None:
        self.current += timedelta(**kwargs)


@pytest.fixture(autouse=True)
def isolated_user_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    for name in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))
    for name in ("PHARMADESK_DB", "PHARMADESK_USER", "PHARMADESK_PASSPHRASE", "PHARMADESK_DEBUG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(keyfile, "DEFAULT_KDF", TEST_KDF)
    return home


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 11, 20, 10, 0, tzinfo=CST))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "pharmacy" / "test.db"


@pytest.fixture
def pharmacy(db_path: Path, clock: FakeClock) -> Iterator[Context]:
    created = vault.create_pharmacy(db_path, owner="owner", password=PASSWORD, clock=clock)
    yield created.context
    created.context.close()
