"""Allergies and chronic conditions as typed: free-text lists (青霉素、头孢类), combined
without losing an entry.

When two records of one person meet (a card typed twice, a card of a customer on file),
a pharmacist must see every allergy either of them names: the lists are joined, each
entry once, never one kept and the other dropped. An entry already named in other words
that differ only by a generic ending (头孢 and 头孢类, 青霉素过敏 and 青霉素) is not
added again. A list that only says "none" (无) gives way to one that names something.
"""

from __future__ import annotations

import re

from pharmadesk.text.normalize import fold

SEPARATOR = "、"
_SPLIT = re.compile(r"[,，、;；/\s]+")
# Generic endings that do not make a different entry: 头孢类 is 头孢, 青霉素过敏 is 青霉素.
_ENDING = re.compile(r"(过敏史|过敏|类药物|类药|类|药物|药)$")
_NONE = frozenset({"无", "没有", "不详", "否认", "未知", "none", "no", "n/a", "nil", "-"})


def entries(text: str | None) -> list[str]:
    """The entries of a list as typed, in order, blanks left out."""
    return [part for part in _SPLIT.split(fold(text or "").strip()) if part]


def _key(entry: str) -> str:
    return _ENDING.sub("", entry.casefold()) or entry.casefold()


def says_none(text: str | None) -> bool:
    """Whether a list is empty or only says there is nothing (无, 否认, none)."""
    return all(entry.casefold() in _NONE for entry in entries(text))


def added(existing: str | None, incoming: str | None) -> list[str]:
    """The entries of `incoming` that `existing` does not name yet."""
    if says_none(incoming):
        return []
    known = set() if says_none(existing) else {_key(e) for e in entries(existing)}
    new = []
    for entry in entries(incoming):
        key = _key(entry)
        if key not in known and entry.casefold() not in _NONE:
            known.add(key)
            new.append(entry)
    return new


def combined(existing: str | None, incoming: str | None) -> str | None:
    """`existing` with the entries only `incoming` names added at its end; `existing`
    itself (as typed) when there are none, `incoming` where `existing` says nothing."""
    new = added(existing, incoming)
    if not new:
        return existing
    if existing is None or says_none(existing):
        return SEPARATOR.join(new)
    return SEPARATOR.join([existing.strip(), *new])
