"""The command line's tests: the pharmacy file and its password in the environment."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import PASSWORD


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, db_path: Path) -> Path:
    """PHARMADESK_DB and PHARMADESK_PASSPHRASE set; modules needing more override it."""
    monkeypatch.setenv("PHARMADESK_DB", str(db_path))
    monkeypatch.setenv("PHARMADESK_PASSPHRASE", PASSWORD)
    return db_path
