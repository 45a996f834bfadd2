"""What a points-ledger entry was for, in words of the reader's language.

Entries the app writes itself (a receipt's points, an expiry, an import's opening balance
and its reversal) are described from what they link to, so a Chinese export reads Chinese;
the stored English `reason` is kept for them as a fallback. A correction made by hand shows
the reason its author typed, as typed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class EntryLinks:
    kind: str
    reason: str
    receipt: str | None = None  # the receipt number it belongs to
    purchased_on: date | None = None  # that receipt's day
    batch_id: int | None = None
    reverses_id: int | None = None
    effective_on: date | None = None
    value_fen: int | None = None


def _yuan(fen: int) -> str:
    return f"¥{fen / 100:,.2f}"


def describe(entry: EntryLinks, language: str) -> str:
    zh = language.startswith("zh")
    where = entry.receipt or (entry.purchased_on.isoformat() if entry.purchased_on else None)
    if entry.kind == "earned" and where:
        return f"购买获得（小票 {where}）" if zh else f"earned on receipt {where}"
    if entry.kind == "redeemed" and where:
        off = _yuan(entry.value_fen or 0)
        return f"抵扣 {off}（小票 {where}）" if zh else f"{off} off receipt {where}"
    if entry.kind == "expired" and entry.effective_on:
        day = entry.effective_on.isoformat()
        return f"{day} 起过期" if zh else f"expired on {day}"
    if entry.kind == "opening" and entry.batch_id is not None:
        return (
            f"纸质卡片的期初积分（导入批次 {entry.batch_id}）"
            if zh
            else f"opening balance from a paper card (import batch {entry.batch_id})"
        )
    if entry.kind == "adjusted" and entry.reverses_id is not None and entry.batch_id is not None:
        return (
            f"撤销导入批次 {entry.batch_id} 的期初积分"
            if zh
            else f"opening balance of import batch {entry.batch_id} reversed (import undone)"
        )
    return entry.reason
