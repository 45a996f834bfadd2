"""What the spec lays out agrees with what the app looks for, and the version is the one in
pyproject.toml, in the form Windows' version resource needs."""

from __future__ import annotations

import ast
import sys
import tomllib

import layout
import pytest

from pharmadesk import paths

SPEC = (layout.REPO / "installer" / "pharmadesk.spec").read_text(encoding="utf-8")


def test_the_version_is_pyprojects() -> None:
    with (layout.REPO / "pyproject.toml").open("rb") as file:
        assert layout.version() == tomllib.load(file)["project"]["version"]


@pytest.mark.parametrize(
    ("text", "numbers"),
    [("0.1.0", (0, 1, 0, 0)), ("1.2", (1, 2, 0, 0)), ("2.0.1rc1", (2, 0, 1, 0)),
     ("1.2.3.4.5", (1, 2, 3, 4)), ("0.3.0+local", (0, 3, 0, 0))],
)  # fmt: skip
def test_windows_gets_four_numbers(text: str, numbers: tuple[int, int, int, int]) -> None:
    assert layout.numeric_version(text) == numbers


def test_the_windows_version_resource_carries_the_version() -> None:
    [window, _] = layout.WINDOWS_EXECUTABLES
    text = layout.windows_version_info("0.4.1", window)
    ast.parse(text, mode="eval")  # PyInstaller evaluates it as one expression
    assert "filevers=(0, 4, 1, 0)" in text
    assert "StringStruct('ProductVersion', '0.4.1')" in text
    assert "StringStruct('OriginalFilename', 'PharmaDesk.exe')" in text


def test_the_spec_takes_names_and_version_from_the_layout() -> None:
    assert "layout.version()" in SPEC
    assert "layout.executables()" in SPEC
    assert "name=layout.APP_FOLDER" in SPEC
    assert "version=_version_file(executable)" in SPEC


def test_resources_go_where_the_frozen_app_looks(monkeypatch: pytest.MonkeyPatch) -> None:
    # The spec puts resources/ under _internal/, PyInstaller's sys._MEIPASS.
    assert '"resources/translations"' in SPEC
    assert 'f"resources/{folder}"' in SPEC
    inside = layout.DIST / layout.APP_FOLDER / layout.CONTENTS
    monkeypatch.setattr(sys, "_MEIPASS", str(inside), raising=False)
    assert paths.resources_dir() == inside / "resources"


def test_every_resource_the_build_must_hold_is_in_the_repository() -> None:
    for pattern in layout.EXPECTED_CONTENTS:
        if pattern.startswith("resources/"):
            assert (layout.REPO / pattern).is_file(), f"{pattern} (run `make translations`?)"


def test_the_test_tools_are_excluded_from_the_build() -> None:
    for name in ("pytest", "pytestqt", "hypothesis", "mypy", "ruff", "tkinter"):
        assert f'"{name}"' in SPEC
    assert set(layout.FORBIDDEN_MODULES) >= {"pytest", "hypothesis", "mypy", "ruff", "tkinter"}


def test_dist_check_runs_the_console_program() -> None:
    assert layout.command_line_program("win32").name == "pharmadesk-cli.exe"
    assert layout.command_line_program("linux") == layout.DIST / "pharmadesk" / "pharmadesk"
