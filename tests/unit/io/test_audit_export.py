"""The audit log's file is written like every export: nothing is left, nothing is recorded,
when the disk is full, and the error names the file the user asked for."""

from __future__ import annotations

from pathlib import Path

import pytest

from pharmadesk.db.models import AuditEvent
from pharmadesk.errors import OperationFailed
from pharmadesk.io import audit_export
from pharmadesk.io.xlsx_stream import StreamingBook
from pharmadesk.services.context import Context


def test_a_full_disk_leaves_no_file_and_no_event(
    pharmacy: Context, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(self: StreamingBook) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(StreamingBook, "close", disk_full)
    folder = tmp_path / "out"
    folder.mkdir()
    before = AuditEvent.select().count()
    with pytest.raises(OperationFailed, match=r"audit\.xlsx: No space left"):
        audit_export.write(pharmacy, folder / "audit.xlsx")
    assert list(folder.iterdir()) == []
    assert AuditEvent.select().count() == before
