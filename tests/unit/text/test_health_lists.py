"""Allergy and condition lists of one person from two records: nothing either names lost."""

from __future__ import annotations

import pytest

from pharmadesk.text import health_lists


@pytest.mark.parametrize(
    ("existing", "incoming", "expected"),
    [
        ("青霉素", "青霉素、头孢类", "青霉素、头孢类"),  # the card names one more
        ("青霉素", "磺胺类", "青霉素、磺胺类"),
        ("青霉素，头孢", "头孢类; 青霉素过敏", "青霉素，头孢"),  # the same two, other words
        ("高血压", "高血压 糖尿病", "高血压、糖尿病"),
        ("无", "青霉素", "青霉素"),  # "none" gives way to what a record names
        ("青霉素", "无", "青霉素"),
        (None, "阿司匹林", "阿司匹林"),
        ("Penicillin", "penicillin, sulfa", "Penicillin、sulfa"),
        ("青霉素", "头孢、头孢类", "青霉素、头孢"),  # each entry once
    ],
)
def test_lists_are_joined_each_entry_once(
    existing: str | None, incoming: str, expected: str
) -> None:
    assert health_lists.combined(existing, incoming) == expected


def test_what_a_record_adds_is_named_entry_by_entry() -> None:
    assert health_lists.added("青霉素", "青霉素、头孢类、磺胺") == ["头孢类", "磺胺"]
    assert health_lists.added("青霉素", "") == []
    assert health_lists.added("青霉素", "否认") == []


def test_a_list_that_says_nothing_is_none() -> None:
    assert health_lists.says_none("无")
    assert health_lists.says_none("  ")
    assert health_lists.says_none(None)
    assert not health_lists.says_none("无、青霉素")
