"""Pharmacy-wide settings stored (encrypted) in the database as JSON values."""

from __future__ import annotations

import json
from typing import Any

from pharmadesk.db.models import Setting
from pharmadesk.errors import OperationFailed
from pharmadesk.services import audit
from pharmadesk.services.context import Context
from pharmadesk.services.permissions import Operation, require


def get(ctx: Context, key: str, default: Any = None) -> Any:
    row = Setting.get_or_none(Setting.key == key)
    return json.loads(row.value) if row else default


def put(ctx: Context, key: str, value: Any) -> None:
    encoded = json.dumps(value, ensure_ascii=False, sort_keys=True)
    Setting.replace(key=key, value=encoded).execute()


AUTO_LOCK_MINUTES = "security.auto_lock_minutes"
DEFAULT_AUTO_LOCK_MINUTES = 3
AUTO_LOCK_RANGE = (1, 60)


def auto_lock_minutes(ctx: Context) -> int:
    """Idle minutes before the window locks itself (the owner's setting, default 3)."""
    value = get(ctx, AUTO_LOCK_MINUTES, DEFAULT_AUTO_LOCK_MINUTES)
    low, high = AUTO_LOCK_RANGE
    return min(max(int(value), low), high) if isinstance(value, int) else DEFAULT_AUTO_LOCK_MINUTES


def set_auto_lock_minutes(ctx: Context, minutes: int) -> None:
    """Owner only; a counter screen that never locks is not offered (1 to 60 minutes)."""
    require(ctx, Operation.MANAGE)
    low, high = AUTO_LOCK_RANGE
    if not low <= minutes <= high:
        raise OperationFailed(f"the auto-lock time must be {low} to {high} minutes")
    with ctx.db.atomic():
        put(ctx, AUTO_LOCK_MINUTES, minutes)
        audit.record(
            ctx, "settings.changed", details={"setting": AUTO_LOCK_MINUTES, "value": minutes}
        )


STORE_CARD_IMAGES = "privacy.store_card_images"


def store_card_images(ctx: Context) -> bool:
    """Whether an import of scanned cards keeps each card's image in the pharmacy file
    (encrypted with it). Off by default: the image holds health data, and the reference to
    the file and page is enough to find the paper again."""
    return get(ctx, STORE_CARD_IMAGES, False) is True


def set_store_card_images(ctx: Context, on: bool) -> None:
    """Owner only; audited like every setting. Images already stored stay until their
    customer is erased or their batch undone."""
    require(ctx, Operation.MANAGE)
    with ctx.db.atomic():
        put(ctx, STORE_CARD_IMAGES, bool(on))
        audit.record(
            ctx, "settings.changed", details={"setting": STORE_CARD_IMAGES, "value": bool(on)}
        )
