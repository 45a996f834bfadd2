"""The command line speaks the language the window would on the same system."""

from __future__ import annotations

import sys

import pytest

from pharmadesk import system_language as module
from pharmadesk.io.report import report_language
from pharmadesk.system_language import system_language


@pytest.mark.skipif(sys.platform == "win32", reason="the Unix variables")
@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "zh_CN"),  # whether or not that locale is installed
        ({"LANG": "zh_TW.UTF-8"}, "zh_CN"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LC_ALL": "en_GB.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),  # LC_ALL first, as in Qt
        ({"LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh_CN"),
        ({"LC_ALL": "", "LANG": "zh_CN.UTF-8"}, "zh_CN"),  # an empty variable is not set
    ],
)
def test_the_locale_variables_decide_in_qts_order(environ: dict[str, str], expected: str) -> None:
    assert system_language(environ) == expected


def test_windows_names_its_chinese_locale_in_words(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(module.sys, "platform", "win32")
    monkeypatch.setattr(module, "_windows_locale", lambda: "Chinese (Simplified)_China")
    assert system_language({"LANG": "en_US.UTF-8"}) == "zh_CN"  # LANG means nothing there
    monkeypatch.setattr(module, "_windows_locale", lambda: "zh_CN")
    assert system_language({}) == "zh_CN"
    monkeypatch.setattr(module, "_windows_locale", lambda: "English_United States")
    assert system_language({}) == "en"


@pytest.mark.skipif(sys.platform == "win32", reason="the Unix variables")
def test_lang_given_wins_over_the_system(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    assert report_language(None) == "zh_CN"
    assert report_language("en") == "en"
