"""`pharmadesk import CARD_FILES... --kind cards --dry-run`: what the OCR read, never saved.

A person must confirm every card before it becomes a customer, so headless the cards are
only read: one line (or, with --json, one object) per card page with the recognised
fields and the fields that need a look. A file that cannot be read, a missing one or a
folder without scans is named on stderr and makes the run exit 1 once the others were read.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pharmadesk.errors import OperationFailed
from pharmadesk.services.context import Context

if TYPE_CHECKING:  # pages brings PIL: imported when cards are read, not at start-up
    from pharmadesk.io.cards.pages import UnreadableScan

ONLY_DRY_RUN = (
    "scanned cards are only read headless (--dry-run): a person checks and accepts every "
    "card in the window (File > Import scanned cards…) before anything is saved"
)


def run(ctx: Context, args: argparse.Namespace) -> int:
    from pharmadesk.io.cards import engine, pages, reading

    reason = engine.missing()
    if reason is not None:
        raise OperationFailed(f"cannot read scanned cards: {reason}")
    recogniser = engine.recogniser()
    failed = 0
    for path in _scans(list(args.files)):
        try:
            if isinstance(path, pages.UnreadableScan):
                raise path
            for page in pages.read_pages(path):
                card = reading.read_card(page, recogniser, today=ctx.today())
                _mark_duplicates(ctx, card)
                _print(card, as_json=args.json)
        except pages.UnreadableScan as exc:
            failed += 1
            sys.stderr.write(f"pharmadesk: {exc}\n")
    return 1 if failed else 0


def _scans(paths: list[Path]) -> list[Path | UnreadableScan]:
    """The scans to read, in order, with in their place what is wrong with a path that gives
    none: a missing file or a folder without scans is named like a bad scan (exit 1), never
    passed over in silence, and the others are still read."""
    from pharmadesk.io.cards import pages

    found: list[Path | UnreadableScan] = []
    for path in paths:
        try:
            files = pages.scan_files([path])
        except pages.UnreadableScan as exc:
            found.append(exc)
            continue
        if path.is_dir() and not files:
            found.append(
                pages.UnreadableScan(
                    path, code="empty", reason="holds no scans (PNG, JPEG, TIFF or PDF)"
                )
            )
        found.extend(files)
    return found


def card_json(card: Any) -> dict[str, Any]:
    """The contract of DESIGN.md: source, page, fields, attention (+ the reasons per field)."""
    return {
        "source": str(card.page.source),
        "page": card.page.page,
        "fields": card.values(),
        "attention": card.attention(),
        "reasons": {name: f.reasons for name, f in card.fields.items() if f.reasons},
    }


def _mark_duplicates(ctx: Context, card: Any) -> None:
    from pharmadesk.io.cards import card_table

    if card_table.possible_duplicates(ctx, card.values()):
        card.fields["name"].reasons.append("duplicate")


def _print(card: Any, *, as_json: bool) -> None:
    if as_json:
        sys.stdout.write(json.dumps(card_json(card), ensure_ascii=False) + "\n")
        return
    sys.stdout.write(f"{Path(card.page.source).name} page {card.page.page}:\n")
    for name, found in card.fields.items():
        marks = f"  [{', '.join(found.reasons)}]" if found.reasons else ""
        sys.stdout.write(f"  {name}: {found.value}{marks}\n")
    sys.stdout.flush()
