"""Owner-defined custom fields: define, rename, reorder, retire without losing values."""

from __future__ import annotations

import pytest

from pharmadesk.errors import OperationFailed
from pharmadesk.services import custom_fields, customers
from pharmadesk.services.context import Context


def test_fields_are_listed_in_their_order(pharmacy: Context) -> None:
    a = custom_fields.define(pharmacy, "医保卡号", kind="text")
    b = custom_fields.define(pharmacy, "Height", kind="number")
    c = custom_fields.define(pharmacy, "Referred by", kind="choice", choices=["friend", "ad"])
    assert [f.id for f in custom_fields.list_fields(pharmacy)] == [a.id, b.id, c.id]
    custom_fields.reorder(pharmacy, [c.id, a.id])
    assert [f.id for f in custom_fields.list_fields(pharmacy)] == [c.id, a.id, b.id]


def test_rename_keeps_the_key_that_exports_and_imports_use(pharmacy: Context) -> None:
    field = custom_fields.define(pharmacy, "Height", kind="number")
    renamed = custom_fields.rename(pharmacy, field.id, "身高 (cm)")
    assert (renamed.key, renamed.label) == (field.key, "身高 (cm)")


def test_a_retired_field_leaves_the_form_but_keeps_its_values(pharmacy: Context) -> None:
    field = custom_fields.define(pharmacy, "Height", kind="number")
    saved = customers.create(pharmacy, {"name": "张三", "custom": {field.key: "172"}}).customer
    assert saved is not None
    custom_fields.retire(pharmacy, field.id)
    assert custom_fields.list_fields(pharmacy) == []
    assert customers.get(pharmacy, saved.id).custom == {field.key: 172}
    restored = custom_fields.retire(pharmacy, field.id, retired=False)
    assert not restored.retired
    assert [f.key for f in custom_fields.list_fields(pharmacy)] == [field.key]


def test_options_are_added_to_a_choice_field_and_saved_values_stay(pharmacy: Context) -> None:
    field = custom_fields.define(
        pharmacy, "医保类型", kind="choice", choices=["职工医保", "居民医保"]
    )
    saved = customers.create(pharmacy, {"name": "张三", "custom": {field.key: "居民医保"}}).customer
    assert saved is not None
    grown = custom_fields.add_choices(pharmacy, field.id, ["新农合", " 职工医保 ", "新农合", ""])
    assert grown.choices == ("职工医保", "居民医保", "新农合")  # after the old, once each
    again = customers.create(pharmacy, {"name": "李四", "custom": {field.key: "新农合"}}).customer
    assert again is not None
    assert customers.get(pharmacy, again.id).custom == {field.key: "新农合"}
    assert customers.get(pharmacy, saved.id).custom == {field.key: "居民医保"}


def test_only_new_options_for_a_choice_field_are_accepted(pharmacy: Context) -> None:
    choice = custom_fields.define(pharmacy, "医保类型", kind="choice", choices=["职工医保"])
    text = custom_fields.define(pharmacy, "备注2", kind="text")
    with pytest.raises(OperationFailed):
        custom_fields.add_choices(pharmacy, choice.id, ["职工医保"])
    with pytest.raises(OperationFailed):
        custom_fields.add_choices(pharmacy, text.id, ["x"])


def test_keys_are_unique_and_readable(pharmacy: Context) -> None:
    first = custom_fields.define(pharmacy, "Blood type", kind="text")
    second = custom_fields.define(pharmacy, "Blood type", kind="text")
    chinese = custom_fields.define(pharmacy, "血型", kind="text")
    assert (first.key, second.key) == ("blood_type", "blood_type_2")
    assert chinese.key.startswith("field")


@pytest.mark.parametrize(
    ("label", "kind", "choices"),
    [("", "text", None), ("X", "colour", None), ("X", "choice", []), ("X", "choice", ["  "])],
)
def test_bad_definitions_are_refused(
    pharmacy: Context, label: str, kind: str, choices: list[str] | None
) -> None:
    with pytest.raises(OperationFailed):
        custom_fields.define(pharmacy, label, kind=kind, choices=choices)


def test_a_text_value_keeps_its_chinese_punctuation(pharmacy: Context) -> None:
    field = custom_fields.define(pharmacy, "家属联系人", kind="text")
    typed = "王芳（女儿），电话１３９"
    saved = customers.create(pharmacy, {"name": "张三", "custom": {field.key: typed}}).customer
    assert saved is not None
    assert customers.get(pharmacy, saved.id).custom == {field.key: "王芳（女儿），电话139"}


def test_only_the_owner_shapes_the_form(pharmacy: Context) -> None:
    from pharmadesk.errors import PermissionRefused
    from pharmadesk.services import accounts
    from pharmadesk.services.context import Account

    field = custom_fields.define(pharmacy, "医保卡号", kind="text")
    clerk = accounts.add(pharmacy, "clerk", role="pharmacist", password="clerk-pass-1")
    as_clerk = Context(pharmacy.db, pharmacy.path, Account(clerk.id, clerk.name, clerk.role))
    for change in (
        lambda: custom_fields.define(as_clerk, "身高", kind="number"),
        lambda: custom_fields.rename(as_clerk, field.id, "社保卡号"),
        lambda: custom_fields.reorder(as_clerk, [field.id]),
        lambda: custom_fields.retire(as_clerk, field.id),
        lambda: custom_fields.add_choices(as_clerk, field.id, ["x"]),
    ):
        with pytest.raises(PermissionRefused):
            change()
    assert [f.label for f in custom_fields.list_fields(pharmacy)] == ["医保卡号"]
