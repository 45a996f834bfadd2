"""The layers stay clean: only ui/ and app.py import Qt; ui/ never reaches the database."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "pharmadesk"
QT = ("PySide6", "shiboken6")
DATABASE = ("peewee", "playhouse", "sqlcipher3", "pharmadesk.db")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def _modules(under: Path) -> list[Path]:
    return sorted(under.rglob("*.py"))


def _offenders(paths: list[Path], forbidden: tuple[str, ...]) -> list[str]:
    out = []
    for path in paths:
        for name in _imports(path):
            if any(name == f or name.startswith(f + ".") for f in forbidden):
                out.append(f"{path.relative_to(PACKAGE.parent)} imports {name}")
    return out


def test_only_ui_and_app_import_qt() -> None:
    allowed = {PACKAGE / "app.py"}
    paths = [p for p in _modules(PACKAGE) if p not in allowed and (PACKAGE / "ui") not in p.parents]
    assert _offenders(paths, QT) == []


def test_ui_never_imports_the_database() -> None:
    assert _offenders(_modules(PACKAGE / "ui"), DATABASE) == []


def test_services_io_text_and_db_never_import_qt_or_ui() -> None:
    core = [p for folder in ("services", "io", "text", "db") for p in _modules(PACKAGE / folder)]
    assert _offenders(core, (*QT, "pharmadesk.ui", "pharmadesk.commands", "pharmadesk.cli")) == []


def test_the_checker_sees_imports(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("from PySide6.QtWidgets import QWidget\nimport peewee\n")
    assert _imports(sample) == {"PySide6.QtWidgets", "peewee"}
