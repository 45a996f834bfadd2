"""Warns when a product may touch a customer's recorded allergy.

Allergies are free text (青霉素、磺胺类). A product matches when a recorded term, or a drug
family it names, appears in the product's name or category. Family names are listed here
because the medicine rarely carries the allergen's name (阿莫西林 is a penicillin).
"""

from __future__ import annotations

import re

# A recorded allergen -> name fragments of medicines in its family.
FAMILIES: dict[str, tuple[str, ...]] = {
    "青霉素": ("青霉素", "西林"),
    "头孢": ("头孢",),
    "磺胺": ("磺胺", "复方新诺明"),
    "阿司匹林": ("阿司匹林", "乙酰水杨酸"),
    "布洛芬": ("布洛芬",),
    "非甾体": ("布洛芬", "阿司匹林", "双氯芬酸", "萘普生", "吲哚美辛", "对乙酰氨基酚"),
    "对乙酰氨基酚": ("对乙酰氨基酚", "扑热息痛", "氨酚"),
    "sulfa": ("磺胺",),
    "penicillin": ("青霉素", "西林"),
}
_SPLIT = re.compile(r"[,，、;；/\s]+")
_NOISE = re.compile(r"(过敏|类|药物|药)$")


def terms(allergies: str | None) -> list[str]:
    """The allergens named in a free-text allergy field."""
    out = []
    for part in _SPLIT.split(allergies or ""):
        term = _NOISE.sub("", part.strip())
        if len(term) >= 2 and term not in ("无", "没有", "不详"):
            out.append(term)
    return out


def conflicts(allergies: str | None, *, product_name: str, category: str | None) -> list[str]:
    """The recorded allergens this product may contain (empty when none)."""
    haystack = f"{product_name} {category or ''}".casefold()
    found = []
    for term in terms(allergies):
        fragments = {term.casefold()}
        for family, names in FAMILIES.items():
            if family in term or term in family:
                fragments.update(name.casefold() for name in names)
        if any(fragment in haystack for fragment in fragments):
            found.append(term)
    return found
