"""Translated names of the analytics codes shown in widgets: RFM segments, lifecycle stages.

The charts name them too, but they draw with matplotlib in `pharmadesk.io.charts`; these are
the same names for tables and window titles, in the UI language. Segments and stages are
translated apart: an at-risk segment (流失风险) is not worded as an at-risk stage.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

SEGMENT_NAMES = {
    "high_value": QT_TRANSLATE_NOOP("AnalyticsSegments", "High value"),
    "loyal": QT_TRANSLATE_NOOP("AnalyticsSegments", "Loyal"),
    "potential": QT_TRANSLATE_NOOP("AnalyticsSegments", "Potential"),
    "at_risk": QT_TRANSLATE_NOOP("AnalyticsSegments", "At risk"),
    "lost": QT_TRANSLATE_NOOP("AnalyticsSegments", "Lost"),
    "regular": QT_TRANSLATE_NOOP("AnalyticsSegments", "Regular"),
}
STAGE_NAMES = {
    "new": QT_TRANSLATE_NOOP("AnalyticsStages", "New"),
    "repeat": QT_TRANSLATE_NOOP("AnalyticsStages", "Repeat"),
    "loyal": QT_TRANSLATE_NOOP("AnalyticsStages", "Loyal"),
    "at_risk": QT_TRANSLATE_NOOP("AnalyticsStages", "At risk"),
    "lost": QT_TRANSLATE_NOOP("AnalyticsStages", "Lost"),
}


def _name(context: str, names: dict[str, object], code: str | None) -> str:
    text = names.get(code or "")
    return QCoreApplication.translate(context, str(text)) if text else (code or "")


def segment(code: str | None) -> str:
    """高价值, 忠诚, 潜力, 流失风险, 已流失 or 一般, in the UI language."""
    return _name("AnalyticsSegments", SEGMENT_NAMES, code)


def stage(code: str | None) -> str:
    """New, repeat, loyal, at risk or lost, in the UI language."""
    return _name("AnalyticsStages", STAGE_NAMES, code)
