"""The keys under which a customer is found at the counter.

Each key has a class: 0 the query equals the whole name or reading, 1 it is a prefix of
it, 2 it is found inside it. The search ranks exact before prefix before substring by this
class. Keys are computed here once, when a customer is saved, so every search is an index
lookup and no search loads all customers.

Keys from a name `张秀英`: 张秀英 (0); 张, 张秀 (1); 秀, 英, 秀英 (2). Keys from its readings:
zhangxiuying, zxy (0); zhang, zhangxiu, z, zx (1).
"""

from __future__ import annotations

from collections.abc import Callable

from pharmadesk.text.normalize import fold, has_cjk
from pharmadesk.text.pinyin import name_readings

EXACT, PREFIX, SUBSTRING = 0, 1, 2
# Substrings longer than this are not stored; such queries fall back to a bounded scan.
MAX_SUBSTRING = 4
MAX_PREFIX = 12


def search_form(text: str) -> str:
    """How names and queries are compared: folded, case-insensitive, CJK without spaces."""
    folded = fold(text).casefold()
    if has_cjk(folded):
        return "".join(folded.split())
    return " ".join(folded.split())


def keys_for_name(name: str) -> dict[str, int]:
    """Every search key of a name, each with its best (lowest) class."""
    keys: dict[str, int] = {}

    def add(key: str, cls: int) -> None:
        if key and (key not in keys or cls < keys[key]):
            keys[key] = cls

    form = search_form(name)
    add(form, EXACT)
    for length in range(1, min(len(form), MAX_PREFIX + 1)):
        add(form[:length], PREFIX)
    for start in range(1, len(form)):
        for length in range(1, MAX_SUBSTRING + 1):
            if start + length <= len(form):
                add(form[start : start + length], SUBSTRING)
    if has_cjk(form):
        for syllables in name_readings(form):
            _add_reading(add, syllables)
    return keys


def _add_reading(add: Callable[[str, int], None], syllables: tuple[str, ...]) -> None:
    add("".join(syllables), EXACT)
    add("".join(s[0] for s in syllables), EXACT)
    for count in range(1, len(syllables)):
        add("".join(syllables[:count]), PREFIX)
        add("".join(s[0] for s in syllables[:count]), PREFIX)
