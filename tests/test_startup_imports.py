"""Cold start: the unlock dialog must show within a second, so the heavy libraries are
imported when first used, never by starting the app."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("matplotlib", "pandas", "openpyxl", "xlsxwriter", "pypinyin")


def test_starting_the_app_imports_no_heavy_library() -> None:
    code = (
        "import sys, pharmadesk.cli, pharmadesk.app; "
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == ""
