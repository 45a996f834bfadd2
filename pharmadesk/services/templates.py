"""Message templates for refill reminders, birthday greetings and win-back calls.

One template per purpose and language (zh_CN, en), built in and warm, short, in a
pharmacy's own voice; the owner may change each in the settings (MANAGE) and reset it to
the built-in one. A template holds text and placeholders: {name}, {tier}, {points},
{item}, {due_date}, {last_visit}, {pharmacy} ("{{" and "}}" for braces themselves). Saving
refuses any other placeholder, naming the allowed ones.

A part in square brackets that holds a placeholder is said only when it has something to
say: "[目前有{points}积分，]" is left out, brackets and all, when a placeholder in it reads as
nothing or as 0 (no points to redeem). That is how the built-in birthday and
win-back messages say nothing of points at a balance of 0, and an owner's own template can
do the same. Brackets around plain text (no placeholder) are kept as written.

Rendering fills the placeholders from the customer (name, tier and points as the counter
shows them, the last visit), the pharmacy's name, and what the caller knows (a refill's
item and due day). A value that is missing never shows as "None" or as a gap: it reads
as a phrase that fits the sentence ("本药房", "your medicine").
"""

from __future__ import annotations

import contextlib
import re
import string
from datetime import date

from pharmadesk.db.models import Customer, Setting
from pharmadesk.errors import NotFound, ValidationError
from pharmadesk.services import audit, loyalty, settings, vault
from pharmadesk.services.context import Context
from pharmadesk.services.loyalty_rules import DEFAULT_NAMES
from pharmadesk.services.permissions import Operation, require

PURPOSES = ("refill", "birthday", "winback")
LANGUAGES = ("zh_CN", "en")
PLACEHOLDERS = ("name", "tier", "points", "item", "due_date", "last_visit", "pharmacy")
MAX_LENGTH = 1000
KEY = "templates.{purpose}.{language}"

DEFAULTS = {
    ("refill", "zh_CN"): (
        "{name}您好，这里是{pharmacy}。按您平时的用量，您常买的{item}大约在{due_date}"
        "就要用完了。需要的话欢迎来店里取，也可以回复我们提前为您备好。祝您身体健康！"
    ),
    ("refill", "en"): (
        "Hello {name}, this is {pharmacy}. Going by your usual pattern, your {item} will be "
        "running low around {due_date}. Drop in any time, or reply and we will have it "
        "ready for you. Take care!"
    ),
    ("birthday", "zh_CN"): (
        "{name}您好！{pharmacy}全体药师祝您生日快乐，身体健康，万事如意！[您是我们的"
        "{tier}会员，目前有{points}积分，欢迎来店使用。]"
    ),
    ("birthday", "en"): (
        "Happy birthday, {name}! Everyone at {pharmacy} wishes you good health and a "
        "wonderful year ahead.[ As a {tier} member you have {points} points waiting for "
        "your next visit.]"
    ),
    ("winback", "zh_CN"): (
        "{name}您好！自{last_visit}以来好久没见到您了，{pharmacy}的药师很挂念您的身体。"
        "[您还有{points}积分可以使用，]有任何用药问题也欢迎随时来店或来电咨询。"
    ),
    ("winback", "en"): (
        "Hello {name}, we have missed you since {last_visit}. Everyone at {pharmacy} hopes "
        "you are keeping well.[ Your {points} points are still waiting for you.] Our "
        "pharmacists are always happy to help with any questions about your medicines."
    ),
}
# What a missing value reads as, chosen to fit the default sentences.
MISSING = {
    "zh_CN": {"name": "", "tier": DEFAULT_NAMES["standard"], "points": "0", "item": "药品",
              "due_date": "近期", "last_visit": "上次来店", "pharmacy": "本药房"},
    "en": {"name": "there", "tier": "Standard", "points": "0", "item": "medicine",
           "due_date": "this time", "last_visit": "your last visit", "pharmacy": "the pharmacy"},
}  # fmt: skip
EN_TIERS = {"standard": "Standard", "silver": "Silver", "gold": "Gold"}
EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")  # fmt: skip

Value = str | int | date | None


def language_of(language: str) -> str:
    """zh_CN for any Chinese UI language, else en."""
    return "zh_CN" if language.startswith("zh") else "en"


def _key(purpose: str, language: str) -> str:
    if purpose not in PURPOSES:
        raise ValueError(f"unknown purpose {purpose!r}: one of {', '.join(PURPOSES)}")
    return KEY.format(purpose=purpose, language=language_of(language))


def default(purpose: str, language: str) -> str:
    _key(purpose, language)
    return DEFAULTS[(purpose, language_of(language))]


def text(ctx: Context, purpose: str, language: str) -> str:
    """The owner's template for this purpose and language, else the built-in one."""
    saved = settings.get(ctx, _key(purpose, language))
    return saved if isinstance(saved, str) and saved else default(purpose, language)


def is_default(ctx: Context, purpose: str, language: str) -> bool:
    return settings.get(ctx, _key(purpose, language)) is None


def problems(template: str) -> list[str]:
    """What keeps `template` from being saved, in words; empty when it can be.

    Placeholders are checked against PLACEHOLDERS; a brace that opens or closes no
    placeholder must be doubled.
    """
    found: list[str] = []
    if not template.strip():
        return ["the template is empty"]
    if len(template) > MAX_LENGTH:
        found.append(f"the template is longer than {MAX_LENGTH} characters")
    if has_stray_brace(template):
        return [*found, "a { or } belongs to no placeholder (write {{ or }} for a brace)"]
    unknown = unknown_placeholders(template)
    if unknown:
        allowed = ", ".join("{" + p + "}" for p in PLACEHOLDERS)
        found.append(f"unknown placeholder {', '.join(unknown)}; allowed: {allowed}")
    return found


def has_stray_brace(template: str) -> bool:
    """A { or } that opens or closes no placeholder (and is not doubled)."""
    try:
        list(string.Formatter().parse(template))
    except ValueError:
        return True
    return False


def unknown_placeholders(template: str) -> list[str]:
    """The placeholders of `template` that are not allowed, as written ("{nmae}")."""
    try:
        parts = list(string.Formatter().parse(template))
    except ValueError:
        return []
    unknown = []
    for _, field, spec, conversion in parts:
        if field is not None and (field not in PLACEHOLDERS or spec or conversion):
            shown = field + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
            unknown.append("{" + shown + "}")
    return unknown


def save(ctx: Context, purpose: str, language: str, template: str) -> None:
    """Keep the owner's template (the built-in one again when it is the same text).

    Raises:
        ValidationError: an unknown placeholder (the allowed ones are listed), a stray
            brace, an empty or too long template.
        PermissionRefused: only the owner manages settings.
    """
    require(ctx, Operation.MANAGE)
    key = _key(purpose, language)
    found = problems(template)
    if found:
        raise ValidationError({"template": "; ".join(found)})
    if template == default(purpose, language):
        reset(ctx, purpose, language)
        return
    with ctx.db.atomic():
        settings.put(ctx, key, template)
        audit.record(ctx, "settings.changed", details={"setting": key})


def reset(ctx: Context, purpose: str, language: str) -> None:
    """Back to the built-in template.

    Raises:
        PermissionRefused: only the owner manages settings.
    """
    require(ctx, Operation.MANAGE)
    key = _key(purpose, language)
    with ctx.db.atomic():
        if Setting.delete().where(Setting.key == key).execute():
            audit.record(ctx, "settings.changed", details={"setting": key, "reset": True})


def values_for(ctx: Context, customer_id: int, language: str, **values: Value) -> dict[str, str]:
    """Every placeholder's text for this customer in `language`: name, tier, points and
    the last visit from the files, the pharmacy's name, then `values` (item, due_date, or
    any placeholder given explicitly); what is still missing reads as MISSING says.

    Raises:
        NotFound: no such customer.
        PermissionRefused: the role may not use reminders.
    """
    require(ctx, Operation.REMINDERS)
    lang = language_of(language)
    row = Customer.get_or_none(Customer.id == customer_id)
    if row is None:
        raise NotFound(f"no customer {customer_id}")
    standing = loyalty.standing(ctx, customer_id)
    tier = standing.tier.name or (
        DEFAULT_NAMES.get(standing.tier.key) if lang == "zh_CN" else EN_TIERS.get(standing.tier.key)
    )  # fmt: skip
    last = ctx.db.execute_sql(
        "SELECT max(purchased_on) FROM purchase WHERE customer_id = ?", (customer_id,)
    ).fetchone()[0]
    known: dict[str, Value] = {
        "name": row.name, "tier": tier, "points": standing.balance,
        "last_visit": date.fromisoformat(last) if last else None,
        "pharmacy": vault.pharmacy_name(ctx).strip() or None,
    }  # fmt: skip
    known.update(values)
    today = ctx.today()
    out = {}
    for name in PLACEHOLDERS:
        shown = _shown(known.get(name), lang, today)
        out[name] = shown if shown else MISSING[lang][name]
    return out


def _shown(value: Value, language: str, today: date) -> str:
    if value is None:
        return ""
    if isinstance(value, str) and len(value) == 10:
        with contextlib.suppress(ValueError):  # a day given as ISO text reads like a day
            value = date.fromisoformat(value)
    if isinstance(value, date):
        return _day(value, language, today)
    return str(value).strip()


def _day(day: date, language: str, today: date) -> str:
    """11月29日 / 29 November; with the year when it is not this year's."""
    if language == "zh_CN":
        short = f"{day.month}月{day.day}日"
        return short if day.year == today.year else f"{day.year}年{short}"
    short = f"{day.day} {EN_MONTHS[day.month - 1]}"
    return short if day.year == today.year else f"{short} {day.year}"


SEGMENT = re.compile(r"\[([^\[\]]*)\]")
NOTHING = ("", "0")  # what leaves a bracketed part out


def _fields(text: str) -> list[str]:
    try:
        return [field for _, field, _, _ in string.Formatter().parse(text) if field is not None]
    except ValueError:
        return []


def _segments(template: str, values: dict[str, str]) -> str:
    """Each [part] that holds a placeholder: its text when every placeholder in it has a
    value, nothing when one reads as nothing or 0. A [part] without one stays as written."""

    def said(match: re.Match[str]) -> str:
        inner = match.group(1)
        fields = _fields(inner)
        if not fields:
            return match.group(0)
        if any(values.get(field, "").strip() in NOTHING for field in fields if field in values):
            return ""
        return inner

    return SEGMENT.sub(said, template)


def fill(template: str, values: dict[str, str]) -> str:
    """The template with its placeholders replaced and its [parts] said or left out (see the
    module's docstring); an unknown placeholder (a template saved by a later version) is
    left as written rather than failing a whole list."""
    template = _segments(template, values)
    try:
        parts = list(string.Formatter().parse(template))
    except ValueError:
        return template
    out = []
    for literal, field, spec, conversion in parts:
        out.append(literal)
        if field is None:
            continue
        if field in values and not spec and not conversion:
            out.append(values[field])
        else:
            out.append("{" + field + "}")
    return "".join(out)


def render(ctx: Context, purpose: str, customer_id: int, language: str, **values: Value) -> str:
    """The message for this purpose to this customer, in `language` (see `values_for`).

    Raises:
        ValueError: an unknown purpose.
        NotFound: no such customer.
        PermissionRefused: the role may not use reminders.
    """
    return fill(text(ctx, purpose, language), values_for(ctx, customer_id, language, **values))
