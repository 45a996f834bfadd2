"""Build PharmaDesk for the machine this runs on: dist/pharmadesk/, and on Windows the
installer (dist/PharmaDesk-Setup-VERSION.exe) when Inno Setup 6 is there.

    make dist                       # Linux, macOS: compiles the translations, then this
    python installer\\build.py       # Windows, in the venv, after `pip install -e .[ocr,dist]`

Compiles the translations (.ts -> .qm) itself, so the Windows build needs no make, then
runs PyInstaller on installer/pharmadesk.spec and prints the time and the folder's size.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import layout

SPEC = layout.REPO / "installer" / "pharmadesk.spec"
ISS = layout.REPO / "installer" / "pharmadesk.iss"
WORK = layout.REPO / "build" / "pyinstaller"
ISCC_PLACES = (
    Path(os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)")) / "Inno Setup 6",
    Path(os.environ.get("PROGRAMFILES", r"C:\Program Files")) / "Inno Setup 6",
)


def _tool(name: str) -> str:
    # The venv's own tools, beside the interpreter running this (Scripts\ on Windows).
    here = Path(sys.executable).parent / (name + (".exe" if sys.platform == "win32" else ""))
    return str(here) if here.exists() else name


def compile_translations() -> None:
    for source in sorted((layout.REPO / "resources" / "translations").glob("*.ts")):
        built = source.with_suffix(".qm")
        if built.exists() and built.stat().st_mtime >= source.stat().st_mtime:
            continue
        lrelease = _tool("pyside6-lrelease")
        subprocess.run([lrelease, "-silent", str(source), "-qm", str(built)], check=True)


def run_pyinstaller() -> None:
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(layout.DIST), "--workpath", str(WORK), str(SPEC)],
        check=True,
    )  # fmt: skip


def find_iscc() -> str | None:
    found = shutil.which("iscc")
    if found:
        return found
    for folder in ISCC_PLACES:
        if (folder / "ISCC.exe").exists():
            return str(folder / "ISCC.exe")
    return None


def run_inno_setup(iscc: str) -> None:
    # The version and the PyInstaller folder come from the build, never typed in the script.
    version = layout.version()
    numbers = ".".join(str(n) for n in layout.numeric_version(version))
    subprocess.run(
        [iscc, f"/DAppVersion={version}", f"/DFileVersion={numbers}",
         f"/DDistDir={layout.DIST / layout.APP_FOLDER}", f"/O{layout.DIST}", str(ISS)],
        check=True,
    )  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--no-installer", action="store_true", help="on Windows, stop after PyInstaller"
    )
    args = parser.parse_args(argv)
    started = time.monotonic()
    compile_translations()
    run_pyinstaller()
    folder = layout.DIST / layout.APP_FOLDER
    seconds = time.monotonic() - started
    size = layout.megabytes(layout.folder_size(folder))
    print(f"built {folder} in {seconds:.0f} s: {size}")
    if sys.platform == "win32" and not args.no_installer:
        iscc = find_iscc()
        if iscc is None:
            print("Inno Setup 6 (ISCC.exe) not found: no installer made", file=sys.stderr)
            return 1
        run_inno_setup(iscc)
    return 0


if __name__ == "__main__":
    sys.exit(main())
