"""Card layouts saved by name in the pharmacy's settings (no personal data: only areas)."""

from __future__ import annotations

from typing import Final

from pharmadesk.io.cards.layout import CardLayout
from pharmadesk.services import settings
from pharmadesk.services.context import Context
from pharmadesk.services.permissions import Operation, require

KEY: Final = "cards.layouts"


def names(ctx: Context) -> list[str]:
    return sorted(_all(ctx))


def load(ctx: Context, name: str) -> CardLayout | None:
    data = _all(ctx).get(name)
    return CardLayout.from_json(data) if isinstance(data, dict) else None


def save(ctx: Context, card_layout: CardLayout) -> None:
    """Saves (or replaces) the layout under its name; defining layouts is the owner's job."""
    require(ctx, Operation.MANAGE)
    name = card_layout.name.strip()
    if not name:
        raise ValueError("a layout needs a name")
    saved = _all(ctx)
    saved[name] = card_layout.to_json() | {"name": name}
    settings.put(ctx, KEY, saved)


def delete(ctx: Context, name: str) -> None:
    require(ctx, Operation.MANAGE)
    saved = _all(ctx)
    if saved.pop(name, None) is not None:
        settings.put(ctx, KEY, saved)


def _all(ctx: Context) -> dict[str, object]:
    found = settings.get(ctx, KEY, {})
    return dict(found) if isinstance(found, dict) else {}
