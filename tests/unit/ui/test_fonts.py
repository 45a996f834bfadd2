"""The Chinese font: the shipped GBK subset covers rare name characters, and is used when
the system has no CJK font of its own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from PySide6.QtGui import QFont, QFontInfo, QFontMetrics, QRawFont
from PySide6.QtWidgets import QApplication

from pharmadesk.ui import fonts

RARE_NAME_CHARACTERS = "喆堃赟"


def gbk_hanzi() -> set[int]:
    """Every hanzi Python's `gbk` codec decodes from two bytes."""
    hanzi: set[int] = set()
    for lead in range(0x81, 0xFF):
        for trail in (*range(0x40, 0x7F), *range(0x80, 0xFF)):
            try:
                char = bytes((lead, trail)).decode("gbk")
            except UnicodeDecodeError:
                continue
            if "\u4e00" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff":
                hanzi.add(ord(char))
    return hanzi


@pytest.fixture
def bundled_file() -> Path:
    path = fonts.bundled_font_file()
    assert path is not None, "resources/fonts/PharmaDeskSansSC-Regular.otf is missing"
    return path


@pytest.fixture
def app_font(qapp: QApplication) -> Iterator[QFont]:
    """The application font as it was; put back after the test."""
    saved = QFont(qapp.font())
    yield saved
    qapp.setFont(saved)


def test_bundled_file_covers_every_gbk_hanzi(bundled_file: Path) -> None:
    with TTFont(bundled_file, lazy=True) as font:
        cmap = set(font.getBestCmap())
        family = font["name"].getDebugName(1)
    assert family == fonts.BUNDLED_FAMILY
    assert {ord(char) for char in RARE_NAME_CHARACTERS} <= cmap
    hanzi = gbk_hanzi()
    assert len(hanzi) > 20_000
    assert not {chr(point) for point in hanzi - cmap}


def test_bundled_family_renders_rare_names_without_system_font(
    qapp: QApplication, bundled_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fonts, "PREFERRED", ())

    family = fonts.cjk_family()

    assert family == fonts.BUNDLED_FAMILY
    font = QFont(family)
    assert QFontInfo(font).family() == fonts.BUNDLED_FAMILY
    metrics = QFontMetrics(font)
    assert all(metrics.inFontUcs4(ord(char)) for char in RARE_NAME_CHARACTERS)
    # inFontUcs4 also counts the system's fallback fonts; the raw font is this family alone.
    raw = QRawFont.fromFont(font)
    assert all(raw.supportsCharacter(ord(char)) for char in RARE_NAME_CHARACTERS)


def test_bundled_families_put_chinese_family_first_on_every_call(
    qapp: QApplication, bundled_file: Path
) -> None:
    first = fonts.bundled_families()  # registers the file, unless an earlier test did
    again = fonts.bundled_families()  # finds the family Qt now knows

    assert first[0] == again[0] == fonts.BUNDLED_FAMILY


def test_apply_puts_chosen_family_first(qapp: QApplication, app_font: QFont) -> None:
    family = fonts.apply(qapp)

    assert family is not None
    assert qapp.font().families()[0] == family
    assert qapp.font().families()[1:] == app_font.families()


def test_apply_falls_back_to_bundled_family(
    qapp: QApplication, app_font: QFont, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fonts, "PREFERRED", ())

    assert fonts.apply(qapp) == fonts.BUNDLED_FAMILY
    assert qapp.font().families()[0] == fonts.BUNDLED_FAMILY
