"""Where PharmaDesk keeps its files: the user's data, cache, config and log folders.

Only paths live here (no personal data): the demo's default location, the benchmark's cache,
the log folder, and the pointer to the pharmacy last opened. None of them is inside the
install folder, so reinstalling or uninstalling the app never touches them.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from platformdirs import user_cache_path, user_config_path, user_data_path, user_log_path

APP_NAME = "PharmaDesk"
DB_ENV = "PHARMADESK_DB"


def data_dir() -> Path:
    return user_data_path(APP_NAME, appauthor=False)


def cache_dir() -> Path:
    return user_cache_path(APP_NAME, appauthor=False)


def config_dir() -> Path:
    return user_config_path(APP_NAME, appauthor=False)


def log_dir() -> Path:
    """The log folder (on Linux under XDG_STATE_HOME, on Windows under LOCALAPPDATA)."""
    return user_log_path(APP_NAME, appauthor=False)


def default_demo_path() -> Path:
    return data_dir() / "demo" / "demo-pharmacy.db"


def default_pharmacy_path() -> Path:
    return data_dir() / "pharmacy.db"


def bench_demo_path() -> Path:
    return cache_dir() / "bench" / "bench-200k.db"


def _last_opened_file() -> Path:
    return config_dir() / "last-opened.json"


def last_opened() -> Path | None:
    try:
        raw = json.loads(_last_opened_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    path = raw.get("path") if isinstance(raw, dict) else None
    return Path(path) if isinstance(path, str) and path else None


def remember_opened(path: Path) -> None:
    target = _last_opened_file()
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".tmp")
    tmp.write_text(json.dumps({"path": str(path.resolve())}), encoding="utf-8")
    os.replace(tmp, target)


def chosen_db(explicit: str | None) -> Path | None:
    """The database named by `--db`, else by PHARMADESK_DB, else None."""
    if explicit:
        return Path(explicit)
    env = os.environ.get(DB_ENV)
    return Path(env) if env else None


def resolve_db(explicit: str | None) -> Path | None:
    """The database to use: `--db`, else PHARMADESK_DB, else the pharmacy last opened."""
    return chosen_db(explicit) or last_opened()


def resources_dir() -> Path:
    """The shipped resources: beside the package in a checkout, inside a frozen build."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[1] / "resources"
