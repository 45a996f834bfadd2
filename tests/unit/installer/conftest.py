"""The build scripts in installer/ are plain scripts (PyInstaller and Inno Setup run them),
not a package: their folder is put on the import path as the scripts themselves have it."""

from __future__ import annotations

import sys
from pathlib import Path

INSTALLER = Path(__file__).resolve().parents[3] / "installer"
if str(INSTALLER) not in sys.path:
    sys.path.insert(0, str(INSTALLER))
