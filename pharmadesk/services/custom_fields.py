"""Owner-defined extra fields of the customer form: define, rename, add options, reorder,
retire.

A retired field disappears from the form but keeps every value it holds. Values are stored
as canonical text and checked by the field's type (text, number, date, choice).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from pharmadesk.db.models import CustomField
from pharmadesk.errors import NotFound, OperationFailed
from pharmadesk.services import audit
from pharmadesk.services.context import Context
from pharmadesk.services.permissions import Operation, require
from pharmadesk.text.normalize import InvalidValue, fold, fold_free_text, parse_date

KINDS = ("text", "number", "date", "choice")
MAX_TEXT = 2000


@dataclass(frozen=True)
class FieldDef:
    id: int
    key: str
    label: str
    kind: str
    choices: tuple[str, ...]
    position: int
    retired: bool


def _to_def(row: CustomField) -> FieldDef:
    return FieldDef(
        row.id,
        row.key,
        row.label,
        row.kind,
        tuple(json.loads(row.choices)),
        row.position,
        bool(row.retired),
    )


def list_fields(ctx: Context, *, include_retired: bool = False) -> list[FieldDef]:
    query = CustomField.select().order_by(CustomField.position, CustomField.id)
    if not include_retired:
        query = query.where(CustomField.retired == False)  # noqa: E712
    return [_to_def(row) for row in query]


def _slug(label: str) -> str:
    ascii_part = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "_", ascii_part.lower()).strip("_")
    return slug or "field"


def _unique_key(base: str) -> str:
    key, n = base, 1
    while CustomField.select().where(CustomField.key == key).exists():
        n += 1
        key = f"{base}_{n}"
    return key


def define(
    ctx: Context,
    label: str,
    *,
    kind: str,
    choices: list[str] | None = None,
    key: str | None = None,
) -> FieldDef:
    """Add a field at the end of the form. `key` is stable (exports, imports); `label` is not."""
    _owner_only(ctx)
    label = fold(label)
    if not label:
        raise OperationFailed("a custom field needs a label")
    if kind not in KINDS:
        raise OperationFailed(f"unknown field type {kind!r}; use one of {', '.join(KINDS)}")
    clean_choices = [fold(c) for c in (choices or []) if fold(c)]
    if kind == "choice" and not clean_choices:
        raise OperationFailed("a choice field needs at least one choice")
    if key is not None and CustomField.select().where(CustomField.key == key).exists():
        raise OperationFailed(f"a custom field with key {key!r} already exists")
    last = CustomField.select(CustomField.position).order_by(CustomField.position.desc()).first()
    with ctx.db.atomic():
        row = CustomField.create(
            key=key or _unique_key(_slug(label)),
            label=label,
            kind=kind,
            choices=json.dumps(clean_choices, ensure_ascii=False),
            position=(last.position + 1) if last else 1,
            created_at=ctx.now(),
        )
        audit.record(ctx, "custom_field.defined", entity="custom_field", entity_id=row.id)
    return _to_def(row)


def _owner_only(ctx: Context) -> None:
    require(ctx, Operation.MANAGE)


def _get(field_id: int) -> CustomField:
    row = CustomField.get_or_none(CustomField.id == field_id)
    if row is None:
        raise NotFound(f"no custom field {field_id}")
    return row


def rename(ctx: Context, field_id: int, label: str) -> FieldDef:
    _owner_only(ctx)
    row = _get(field_id)
    if not fold(label):
        raise OperationFailed("a custom field needs a label")
    with ctx.db.atomic():
        row.label = fold(label)
        row.save()
        audit.record(ctx, "custom_field.renamed", entity="custom_field", entity_id=row.id)
    return _to_def(row)


def add_choices(ctx: Context, field_id: int, choices: list[str]) -> FieldDef:
    """Offer more options in a choice field (新农合 beside 职工医保, years on), after the
    existing ones. Options are never taken away: values already saved must stay valid."""
    _owner_only(ctx)
    row = _get(field_id)
    if row.kind != "choice":
        raise OperationFailed("only a choice field has options")
    current = list(json.loads(row.choices))
    added = [c for c in dict.fromkeys(fold(c) for c in choices) if c and c not in current]
    if not added:
        raise OperationFailed("no new option given (each is already offered, or empty)")
    with ctx.db.atomic():
        row.choices = json.dumps([*current, *added], ensure_ascii=False)
        row.save()
        audit.record(ctx, "custom_field.choices_added", entity="custom_field",
                     entity_id=row.id, details={"added": len(added)})  # fmt: skip
    return _to_def(row)


def reorder(ctx: Context, field_ids: list[int]) -> None:
    """Put the fields in this order; fields not named keep their place after them."""
    _owner_only(ctx)
    others = [f.id for f in list_fields(ctx, include_retired=True) if f.id not in field_ids]
    with ctx.db.atomic():
        for position, field_id in enumerate([*field_ids, *others], start=1):
            _get(field_id)
            CustomField.update(position=position).where(CustomField.id == field_id).execute()
        audit.record(ctx, "custom_field.reordered", entity="custom_field")


def retire(ctx: Context, field_id: int, *, retired: bool = True) -> FieldDef:
    """Hide a field from the form (or bring it back); its values are kept."""
    _owner_only(ctx)
    row = _get(field_id)
    with ctx.db.atomic():
        row.retired = retired
        row.save()
        action = "custom_field.retired" if retired else "custom_field.restored"
        audit.record(ctx, action, entity="custom_field", entity_id=row.id)
    return _to_def(row)


def canonical_value(field: FieldDef, raw: Any) -> str | None:
    """The stored text of a value for this field; None for empty; InvalidValue if wrong."""
    # Free text keeps its Chinese punctuation (NFKC would turn "，" into ",").
    text = fold_free_text(raw) if field.kind == "text" else fold(raw)
    if not text:
        return None
    if field.kind == "text":
        if len(text) > MAX_TEXT:
            raise InvalidValue("text_too_long", f"at most {MAX_TEXT} characters")
        return text
    if field.kind == "number":
        try:
            number = Decimal(text.replace(",", ""))
        except InvalidOperation:
            raise InvalidValue("number_invalid", f"not a number: {text}") from None
        if not number.is_finite():
            raise InvalidValue("number_invalid", f"not a number: {text}")
        return format(number.normalize(), "f")
    if field.kind == "date":
        day = parse_date(raw)
        return day.isoformat() if day else None
    if text not in field.choices:
        raise InvalidValue("choice_invalid", f"not one of the choices: {text}")
    return text


def json_value(kind: str, stored: str) -> Any:
    """A stored value as JSON wants it: numbers as numbers, everything else as text."""
    if kind == "number":
        number = Decimal(stored)
        return int(number) if number == number.to_integral_value() else float(number)
    return stored
