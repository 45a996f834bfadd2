"""Both languages are complete: no unfinished entry, and no UI string missing from them."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN", "en")


def _messages(path: Path) -> list[ET.Element]:
    return list(ET.parse(path).getroot().iter("message"))


def _sources(path: Path) -> set[tuple[str, str]]:
    out = set()
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") not in ("obsolete", "vanished"):
                out.add((name, message.findtext("source") or ""))
    return out


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_entry_is_translated(language: str) -> None:
    messages = _messages(TRANSLATIONS / f"pharmadesk_{language}.ts")
    assert messages
    unfinished = []
    for message in messages:
        translation = message.find("translation")
        assert translation is not None
        forms = [f.text for f in translation.iter("numerusform")] or [translation.text]
        if translation.get("type") == "unfinished" or not all(f and f.strip() for f in forms):
            unfinished.append(message.findtext("source"))
    assert unfinished == []


def test_no_ui_string_is_missing_from_the_translations(tmp_path: Path) -> None:
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    if not lupdate.exists():
        found = shutil.which("pyside6-lupdate")
        assert found, "pyside6-lupdate comes with PySide6"
        lupdate = Path(found)
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "pharmadesk" / "ui").glob("*.py"))
    subprocess.run(
        [str(lupdate), *sources, str(ROOT / "pharmadesk" / "app.py"), "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    in_code = _sources(fresh)
    for language in LANGUAGES:
        missing = in_code - _sources(TRANSLATIONS / f"pharmadesk_{language}.ts")
        assert missing == set(), f"run `make lupdate` and translate these ({language})"


def test_no_literal_text_goes_through_a_helper_lupdate_cannot_see() -> None:
    """`_translate(x)` helpers translate texts marked with QT_TRANSLATE_NOOP elsewhere; a
    literal handed to one straight away is never extracted, and shows in English."""
    literal_call = re.compile(r"(?<![.\w])_translate\(\s*f?[\"']")
    found = [
        f"{path.name}: {match.group(0)!r}"
        for path in sorted((ROOT / "pharmadesk").rglob("*.py"))
        for match in literal_call.finditer(path.read_text(encoding="utf-8"))
    ]
    assert found == []
