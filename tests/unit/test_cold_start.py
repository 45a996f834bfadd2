"""The measuring half of the cold start (cold_start.py): what it starts and with what."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from pharmadesk import cold_start

# A stand-in for the app: reports as ready after as many ms as the variable PROBE is long.
REPORTS_PROBE = (
    "import os; print(f'" + cold_start.MARK + ' {len(os.environ.get("PROBE", ""))} ms\')'
)


def test_from_a_checkout_it_starts_this_python_with_the_package() -> None:
    assert cold_start.this_app() == [sys.executable, "-m", "pharmadesk"]


def test_the_built_app_starts_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    # A frozen program takes no -m: `pharmadesk bench` in the built app measures the app.
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert cold_start.this_app() == [sys.executable]


def test_the_app_is_started_with_the_environment_given(tmp_path: Path) -> None:
    db = tmp_path / "pharmacy.db"
    db.write_bytes(b"")
    command = [sys.executable, "-c", REPORTS_PROBE]
    given = cold_start.measure(db, runs=1, command=command, env={"PROBE": "x" * 7})
    assert given.median_ms == 7
