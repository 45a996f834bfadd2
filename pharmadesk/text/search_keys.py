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


def keys_for_name(
    name: str, readings: Callable[[str], tuple[tuple[str, ...], ...]] = name_readings
) -> dict[str, int]:
    """Every search key of a name, each with its best (lowest) class. `readings` is
    `name_readings` or a cache of it (a bulk import has each name's readings already)."""
    form = search_form(name)
    size = len(form)
    exact = [form]
    prefix = [form[:length] for length in range(1, min(size, MAX_PREFIX + 1))]
    inside = [
        form[start : start + length]
        for start in range(1, size)
        for length in range(1, min(MAX_SUBSTRING, size - start) + 1)
    ]
    if has_cjk(form):
        for syllables in readings(form):
            initials = [s[0] for s in syllables]
            exact += ("".join(syllables), "".join(initials))
            for count in range(1, len(syllables)):
                prefix += ("".join(syllables[:count]), "".join(initials[:count]))
    # Each key keeps its best class: prefixes over substrings, whole forms over both.
    keys = dict.fromkeys(inside, SUBSTRING)
    keys.update(dict.fromkeys(prefix, PREFIX))
    keys.update(dict.fromkeys(exact, EXACT))
    keys.pop("", None)
    return keys
