"""What the PyInstaller build lays out: its folder, its executables, its version.

Shared by the spec (pharmadesk.spec), the build and check scripts, and the test of the Inno
Setup script, so the names the installer copies and the names the build makes are written
once. No PyInstaller import here: the tests import this module without it.
"""

from __future__ import annotations

import re
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DIST = REPO / "dist"
APP_FOLDER = "pharmadesk"  # dist/pharmadesk/, the one-folder app
# PyInstaller's folder for everything but the executables (its default since 6.0); the
# frozen app's sys._MEIPASS, where paths.resources_dir() looks for resources/.
CONTENTS = "_internal"


@dataclass(frozen=True)
class Executable:
    name: str  # without .exe
    console: bool
    description: str


# Windows needs two: a window-only program for the shortcuts (no console flashing up
# behind the window) and a console one for the command line (--version, backup, import),
# whose output a windowed program cannot print. Elsewhere one program does both.
WINDOWS_EXECUTABLES = (
    Executable("PharmaDesk", console=False, description="PharmaDesk"),
    Executable("pharmadesk-cli", console=True, description="PharmaDesk command line"),
)
OTHER_EXECUTABLES = (Executable("pharmadesk", console=True, description="PharmaDesk"),)


def executables(platform: str = sys.platform) -> tuple[Executable, ...]:
    return WINDOWS_EXECUTABLES if platform == "win32" else OTHER_EXECUTABLES


def file_name(executable: Executable, platform: str = sys.platform) -> str:
    return executable.name + (".exe" if platform == "win32" else "")


def command_line_program(platform: str = sys.platform) -> Path:
    """The built program that prints: what `make dist-check` runs."""
    chosen = next(e for e in executables(platform) if e.console)
    return DIST / APP_FOLDER / file_name(chosen, platform)


def version(pyproject: Path = REPO / "pyproject.toml") -> str:
    """The version in pyproject.toml: the one the app prints and the installer carries."""
    with pyproject.open("rb") as file:
        return str(tomllib.load(file)["project"]["version"])


def numeric_version(text: str) -> tuple[int, int, int, int]:
    """Four numbers for Windows' file version: "0.1.0" -> (0, 1, 0, 0); a suffix such as
    "rc1" or "+local" is dropped, as Windows has no room for it."""
    numbers = [0, 0, 0, 0]
    for place, part in enumerate(text.split("+")[0].split(".")[:4]):
        digits = re.match(r"\d*", part)
        numbers[place] = int(digits.group()) if digits and digits.group() else 0
    return numbers[0], numbers[1], numbers[2], numbers[3]


def windows_version_info(text: str, executable: Executable) -> str:
    """The version resource PyInstaller writes into a Windows executable (its file format:
    a Python expression of PyInstaller.utils.win32.versioninfo classes). Explorer's
    Properties and the installer's upgrade check read it."""
    numbers = numeric_version(text)
    strings = {
        "CompanyName": "PharmaDesk",
        "FileDescription": executable.description,
        "FileVersion": text,
        "InternalName": executable.name,
        "OriginalFilename": executable.name + ".exe",
        "ProductName": "PharmaDesk",
        "ProductVersion": text,
    }
    table = ",\n        ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0,
                    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('080404b0', [
        {table}])]),
    VarFileInfo([VarStruct('Translation', [0x0804, 1200, 0x0409, 1200])]),
  ]
)
"""


def folder_size(folder: Path) -> int:
    """Bytes of every file under `folder` (links not followed)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.0f} MB"


# What the spec must have put into the build (globs under dist/pharmadesk/_internal/):
# everything the app reads at run time that no import would find by itself.
EXPECTED_CONTENTS = (
    "resources/translations/pharmadesk_zh_CN.qm",
    "resources/translations/pharmadesk_en.qm",
    "resources/fonts/PharmaDeskSansSC-Regular.otf",
    "resources/fonts/OFL.txt",
    "resources/cards/selftest-card.png",
    "resources/icons/pharmadesk.png",
    "resources/icons/pharmadesk.ico",
    "rapidocr/models/*det*.onnx",
    "rapidocr/models/*rec*.onnx",
    "rapidocr/config.yaml",
    "rapidocr/default_models.yaml",
    "onnxruntime/capi/onnxruntime_pybind11_state*",
    "pypinyin/pinyin_dict.json",
    "matplotlib/mpl-data/matplotlibrc",
    "matplotlib/mpl-data/fonts/ttf/DejaVuSans.ttf",
    "pharmadesk*-info",  # the version --version prints
)
PLATFORM_CONTENTS = {
    "win32": (
        "pypdfium2_raw/pdfium.dll",
        "PySide6/plugins/platforms/qwindows.dll",
        "PySide6/plugins/platforms/qoffscreen.dll",
        "PySide6/plugins/imageformats/qjpeg.dll",
        "PySide6/translations/qtbase_zh_CN.qm",
    ),
    "linux": (
        "pypdfium2_raw/libpdfium.so",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/imageformats/libqjpeg.so",
        "PySide6/Qt/translations/qtbase_zh_CN.qm",
    ),
}
# Test and development packages: never in the build, as modules or as folders.
FORBIDDEN_MODULES = ("pytest", "_pytest", "pytestqt", "hypothesis", "mypy", "ruff",
                     "tkinter", "_tkinter", "PyInstaller", "pip", "setuptools")  # fmt: skip


def expected_contents(platform: str = sys.platform) -> tuple[str, ...]:
    key = "win32" if platform == "win32" else "linux"
    return EXPECTED_CONTENTS + (() if platform == "darwin" else PLATFORM_CONTENTS[key])


def missing_contents(folder: Path, platform: str = sys.platform) -> list[str]:
    """The expected files a build in `folder` (dist/pharmadesk) lacks."""
    inside = folder / CONTENTS
    return [pattern for pattern in expected_contents(platform) if not any(inside.glob(pattern))]
