"""Pharmacy-wide settings stored (encrypted) in the database as JSON values."""

from __future__ import annotations

import json
from typing import Any

from pharmadesk.db.models import Setting
from pharmadesk.services.context import Context


def get(ctx: Context, key: str, default: Any = None) -> Any:
    row = Setting.get_or_none(Setting.key == key)
    return json.loads(row.value) if row else default


def put(ctx: Context, key: str, value: Any) -> None:
    encoded = json.dumps(value, ensure_ascii=False, sort_keys=True)
    Setting.replace(key=key, value=encoded).execute()
