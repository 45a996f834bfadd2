"""Turning what a person typed (or a spreadsheet held) into customer field values.

`prepare` normalises every field it is given and reports, per field, what could not be
used (`problems`, which block saving) and what was adjusted (`warnings`, e.g. a landline
typed as the mobile is kept as the other phone). It never touches the database.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pharmadesk.services.custom_fields import FieldDef, canonical_value
from pharmadesk.text import normalize as norm

CONSENT_FIELDS = ("consent_data", "consent_health", "consent_marketing")
CONSENT_STATUSES = ("given", "refused", "withdrawn", "paper_unconfirmed")
# How a consent reached the pharmacy ("paper": a registration card).
CONSENT_CHANNELS = ("counter", "paper", "phone", "wechat", "sms", "email")
GUARDIAN_FIELDS = ("guardian_name", "guardian_mobile")
GUARDIAN_AGE = 14  # PIPL: a child under 14 needs a guardian's consent
TEXT_FIELDS = ("address", "preferences", "allergies", "chronic_conditions", "notes")
HEALTH_FIELDS = ("allergies", "chronic_conditions", "notes", "preferences")
EDITABLE_FIELDS = (
    "code", "name", "gender", "birth_date", "birth_year", "age", "mobile", "phone", "email",
    "postal_code", *TEXT_FIELDS, *CONSENT_FIELDS, *GUARDIAN_FIELDS, "consent_channel", "custom",
)  # fmt: skip
MAX_TEXT = 4000


@dataclass
class Prepared:
    values: dict[str, Any] = field(default_factory=dict)
    custom: dict[str, str | None] = field(default_factory=dict)
    problems: dict[str, str] = field(default_factory=dict)
    warnings: dict[str, str] = field(default_factory=dict)
    # Stable codes of the problems (InvalidValue.code), for a UI that words them itself.
    codes: dict[str, str] = field(default_factory=dict)

    def fail(self, name: str, exc: norm.InvalidValue) -> None:
        self.problems[name] = str(exc)
        self.codes[name] = exc.code


def prepare(
    raw: Mapping[str, Any],
    *,
    reference_date: date,
    fields: list[FieldDef],
    require_name: bool = True,
) -> Prepared:
    """Normalise the fields present in `raw`; the age is read as of `reference_date`."""
    out = Prepared()
    unknown = set(raw) - set(EDITABLE_FIELDS)
    for name in sorted(unknown):
        out.fail(name, norm.InvalidValue("unknown_field", "not a customer field"))
    if "name" in raw or require_name:
        _run(out, "name", lambda: norm.person_name(raw.get("name")))
    if "code" in raw:
        _run(out, "code", lambda: norm.member_code(raw["code"]))
    if "gender" in raw:
        _run(out, "gender", lambda: norm.gender(raw["gender"]))
    _prepare_birth(out, raw, reference_date)
    _prepare_phones(out, raw)
    if "email" in raw:
        _run(out, "email", lambda: norm.email(raw["email"]))
    if "postal_code" in raw:
        _run(out, "postal_code", lambda: norm.postal_code(raw["postal_code"]))
    for name in TEXT_FIELDS:
        if name in raw:
            _run(out, name, lambda name=name: _text(raw[name]))
    for name in CONSENT_FIELDS:
        if name in raw:
            _run(out, name, lambda name=name: _consent(raw[name]))
    _prepare_guardian(out, raw)
    if "custom" in raw:
        _prepare_custom(out, raw["custom"] or {}, fields)
    return out


def _run(out: Prepared, name: str, compute: Any) -> None:
    try:
        out.values[name] = compute()
    except norm.InvalidValue as exc:
        out.fail(name, exc)


def _text(value: Any) -> str | None:
    text = norm.free_text(value)
    if text and len(text) > MAX_TEXT:
        raise norm.InvalidValue("text_too_long", f"at most {MAX_TEXT} characters")
    return text


def _consent(value: Any) -> str | None:
    text = norm.fold(value).lower()
    if not text:
        return None
    if text not in CONSENT_STATUSES:
        raise norm.InvalidValue(
            "consent_invalid", f"a consent is one of {', '.join(CONSENT_STATUSES)}: {text}"
        )
    return text


def _prepare_birth(out: Prepared, raw: Mapping[str, Any], reference_date: date) -> None:
    if not norm.is_empty(raw.get("birth_date")):
        try:
            day = norm.parse_date(raw["birth_date"])
        except norm.InvalidValue as exc:
            out.fail("birth_date", exc)
            return
        if day and not date(1900, 1, 1) <= day <= reference_date:
            message = f"not a plausible birth date: {day.isoformat()}"
            out.fail("birth_date", norm.InvalidValue("date_implausible", message))
            return
        out.values.update(birth_date=day, birth_year=day.year if day else None)
        out.values["birth_date_approximate"] = False
    elif not norm.is_empty(raw.get("age")):
        try:
            year = norm.birth_year_from_age(raw["age"], on=reference_date)
        except norm.InvalidValue as exc:
            out.fail("age", exc)
            return
        out.values.update(birth_date=None, birth_year=year, birth_date_approximate=True)
    elif not norm.is_empty(raw.get("birth_year")):
        text = norm.fold(raw["birth_year"])
        if not text.isdigit() or not 1900 <= int(text) <= reference_date.year:
            message = f"not a plausible birth year: {text}"
            out.fail("birth_year", norm.InvalidValue("year_implausible", message))
            return
        out.values.update(birth_date=None, birth_year=int(text), birth_date_approximate=True)
    elif any(name in raw for name in ("birth_date", "age", "birth_year")):
        out.values.update(birth_date=None, birth_year=None, birth_date_approximate=False)


def _prepare_phones(out: Prepared, raw: Mapping[str, Any]) -> None:
    if "phone" in raw:
        try:
            found = norm.phones(raw["phone"])
            out.values["phone"] = found.other or found.mobile
        except norm.InvalidValue as exc:
            if exc.code != "mobile_invalid":
                out.fail("phone", exc)
            else:  # a mobile with a digit missing or extra: the other phone keeps it as typed
                out.values["phone"] = norm.fold(raw["phone"])
                out.warnings["phone"] = f"looks like a mistyped mobile; kept as typed: {exc}"
    if "mobile" not in raw:
        return
    try:
        found = norm.phones(raw["mobile"])
    except norm.InvalidValue as exc:
        out.fail("mobile", exc)
        return
    out.values["mobile"] = found.mobile
    if found.other is not None:
        out.warnings["mobile"] = f"not a mobile number; kept as the other phone: {found.other}"
        if not out.values.get("phone"):
            out.values["phone"] = found.other


def _prepare_custom(out: Prepared, raw: Mapping[str, Any], fields: list[FieldDef]) -> None:
    by_key = {f.key: f for f in fields if not f.retired}
    for key, value in raw.items():
        definition = by_key.get(key)
        if definition is None:
            out.fail(f"custom.{key}", norm.InvalidValue("unknown_field", "no such custom field"))
            continue
        try:
            out.custom[key] = canonical_value(definition, value)
        except norm.InvalidValue as exc:
            out.fail(f"custom.{key}", exc)


def _prepare_guardian(out: Prepared, raw: Mapping[str, Any]) -> None:
    if "guardian_name" in raw:
        _run(out, "guardian_name", lambda: _optional_name(raw["guardian_name"]))
    if "guardian_mobile" in raw:
        _run(out, "guardian_mobile", lambda: norm.mobile(raw["guardian_mobile"]))
    if "consent_channel" in raw:
        _run(out, "consent_channel", lambda: _channel(raw["consent_channel"]))


def _optional_name(value: Any) -> str | None:
    return None if norm.is_empty(value) else norm.person_name(value)


def _channel(value: Any) -> str:
    text = norm.fold(value).lower() or "counter"
    if text not in CONSENT_CHANNELS:
        raise norm.InvalidValue(
            "channel_invalid", f"a consent channel is one of {', '.join(CONSENT_CHANNELS)}: {text}"
        )
    return text


def under_guardian_age(values: Mapping[str, Any], today: date) -> bool:
    """A child under 14 on `today`, by the birth date (or, when only the year is known, by
    the year: the benefit of the doubt goes to the child)."""
    born = values.get("birth_date")
    if isinstance(born, date):
        years = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
        return years < GUARDIAN_AGE
    year = values.get("birth_year")
    return isinstance(year, int) and today.year - year < GUARDIAN_AGE


def check_guardian(out: Prepared, values: Mapping[str, Any], today: date) -> None:
    """A child under 14 needs the guardian's name and mobile and the guardian's consent to
    keep the data; each missing one is a problem on its own field. `values` is the whole
    customer as it would be saved (the stored values with the changes)."""
    if not under_guardian_age(values, today):
        return
    missing = (
        ("guardian_name", "guardian_name_missing", "the guardian's name is required"),
        ("guardian_mobile", "guardian_mobile_missing", "the guardian's mobile is required"),
    )
    for name, code, text in missing:
        if not values.get(name) and name not in out.problems:
            out.fail(name, norm.InvalidValue(code, f"a child under {GUARDIAN_AGE}: {text}"))
    if values.get("consent_data") != "given" and "consent_data" not in out.problems:
        message = f"a child under {GUARDIAN_AGE}: the guardian's consent to keep the data is needed"
        out.fail("consent_data", norm.InvalidValue("guardian_consent_missing", message))
