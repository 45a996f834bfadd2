"""The bench's UI probe types real searches into a real window and counts what it saw."""

from __future__ import annotations

from pharmadesk.services.context import Context
from pharmadesk.ui.stall_probe import worst_stall_while_typing


def test_the_probe_types_every_key_and_sees_every_result_list(
    pharmacy: Context, people: dict[str, int]
) -> None:
    report = worst_stall_while_typing(pharmacy, ["zs", "5678", "李四"])
    assert report.keystrokes == 8
    assert report.searches_shown == 3
    assert 0 <= report.p95_ms <= report.worst_ms
