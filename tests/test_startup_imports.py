"""Cold start: the unlock dialog must show within a second, so the heavy libraries are
imported when first used, never by starting the app."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = (
    "matplotlib",
    "pandas",
    "openpyxl",
    "xlsxwriter",
    "pypinyin",
    # scanned cards: the OCR engine and its image libraries load when a card is read
    "onnxruntime",
    "rapidocr",
    "numpy",
    "PIL",
    "pypdfium2",
    "cv2",
)


def test_starting_the_app_imports_no_heavy_library() -> None:
    code = (
        "import sys, pharmadesk.cli, pharmadesk.app; "
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == ""


@pytest.mark.slow
def test_the_app_reports_when_its_unlock_dialog_is_ready(tmp_path: Path) -> None:
    """`pharmadesk bench`'s cold-start figure: the app, started as a user would start it,
    says when its unlock dialog is ready and quits (how fast is for the bench to say)."""
    from pharmadesk import cold_start
    from pharmadesk.services import vault

    db = tmp_path / "pharmacy.db"
    vault.create_pharmacy(db, owner="owner", password="s3cret-pw").context.close()
    result = cold_start.measure(db, runs=1)
    assert 0 < result.first_ms < cold_start.TIMEOUT_S * 1000
    assert cold_start.format_line(result).startswith("cold start to the unlock dialog: ")


def test_measuring_a_missing_pharmacy_is_refused_rather_than_left_at_the_setup_dialog(
    tmp_path: Path,
) -> None:
    from pharmadesk import cold_start

    with pytest.raises(FileNotFoundError):
        cold_start.measure(tmp_path / "none.db", runs=1)
