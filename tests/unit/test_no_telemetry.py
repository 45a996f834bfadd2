"""The app sends nothing anywhere: onnxruntime (the OCR of scanned cards), which on Linux
and macOS keeps a device id and queued usage events for Microsoft in the user's cache
folder from the moment it is imported, stays silent once PharmaDesk is imported."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("onnxruntime")

IMPORTS = "import pharmadesk, onnxruntime; onnxruntime.SessionOptions()"


def _cache_after(tmp_path: Path, code: str) -> list[Path]:
    env = {k: v for k, v in os.environ.items() if k != "ORT_DISABLE_TELEMETRY"}
    env.update(HOME=str(tmp_path), XDG_CACHE_HOME=str(tmp_path / "cache"))
    subprocess.run([sys.executable, "-c", code], env=env, check=True, timeout=120)
    return sorted((tmp_path / "cache").rglob("*"))


@pytest.mark.skipif(sys.platform == "win32", reason="Windows telemetry is ETW, not files")
def test_onnxruntime_keeps_no_device_id_or_events_once_pharmadesk_is_imported(
    tmp_path: Path,
) -> None:
    assert _cache_after(tmp_path, IMPORTS) == []


@pytest.mark.skipif(sys.platform == "win32", reason="Windows telemetry is ETW, not files")
def test_the_control_onnxruntime_alone_does_keep_them(tmp_path: Path) -> None:
    """Without PharmaDesk's switch the same reading finds the files (when this onnxruntime
    collects telemetry at all), so the test above could see them."""
    found = _cache_after(tmp_path, "import onnxruntime; onnxruntime.SessionOptions()")
    if not found:
        pytest.skip("this onnxruntime build collects no telemetry")
    assert any(path.name == "deviceid" for path in found)
