"""Does card reading work here? Reads the small made-up card shipped in resources/cards.

Run when the card import opens (and by the bench), so a broken or incomplete installation
is named before anyone feeds it a stack of cards. The card's values are invented.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Final

from pharmadesk.paths import resources_dir

CARD_FILE: Final = "selftest-card.png"
EXPECTED: Final = {"name": "测试卡", "mobile": "13800138000", "birth_date": "1980-01-01"}


@dataclass(frozen=True)
class SelfTest:
    ok: bool
    message: str  # English, for the log and the command line; the UI words its own
    seconds: float
    missing: str | None = None  # what is not installed, when that is why


def check() -> SelfTest:
    from pharmadesk.io.cards import engine, pages, reading

    started = time.perf_counter()
    reason = engine.missing()
    if reason is not None:
        return SelfTest(False, reason, 0.0, missing=reason)
    try:
        [page] = pages.read_pages(resources_dir() / "cards" / CARD_FILE)
        card = reading.read_card(page, engine.recogniser())
    except (OSError, RuntimeError, ValueError, pages.UnreadableScan) as exc:
        return SelfTest(False, f"card reading failed: {exc}", time.perf_counter() - started)
    seconds = time.perf_counter() - started
    wrong = [key for key, value in EXPECTED.items() if card.values().get(key) != value]
    if wrong:
        return SelfTest(False, f"the test card was misread ({', '.join(wrong)})", seconds)
    return SelfTest(True, f"card reading works ({seconds:.1f} s for the test card)", seconds)


_passed = threading.Event()


def ensure_working() -> None:
    """Once per process, before the first real card: raises OcrUnavailable (with what is
    wrong) instead of letting every card of a stack come out unreadable one by one."""
    if _passed.is_set():
        return
    from pharmadesk.io.cards.engine import OcrUnavailable

    result = check()
    if not result.ok:
        raise OcrUnavailable(result.message)
    _passed.set()


def make_card() -> None:  # pragma: no cover - run by hand when the card changes
    from pharmadesk.io.cards import samples
    from pharmadesk.io.cards.samples import Damage

    rows = ((("姓名", "name"),), (("手机", "mobile"),), (("出生日期", "birth_date"),))
    image = samples.draw_card(EXPECTED, Damage(dpi=150), rows=rows, title="自检卡")
    image = image.crop((0, 0, image.width, image.height * 2 // 3)).convert("L")
    image.save(resources_dir() / "cards" / CARD_FILE, optimize=True, dpi=(150, 150))
