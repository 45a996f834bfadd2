"""Importing customers from card files: a plan (the dry run), then one committed batch.

`plan()` reads nothing but the table and a few indexed lookups: it gives every data row
exactly one outcome (rejected, skipped, merged, flagged, imported, the first that applies)
and a reason a person understands, and it writes nothing. `commit()` writes the plan as one
transaction with its batch record, so a cancel, an error or a killed process leaves the
database as it was. The same mobile, member code, or name with birth date is the same
person, within the file and against the database.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pharmadesk.db.models import ImportBatch
from pharmadesk.errors import OperationFailed
from pharmadesk.io import card_rows
from pharmadesk.io.card_pages import PageRef
from pharmadesk.io.files import RawRow, RawTable, collector_paused
from pharmadesk.io.mapping import auto_mapping, find_header
from pharmadesk.io.similar_names import SimilarNames
from pharmadesk.services import custom_fields, customers, merge
from pharmadesk.services.context import Context
from pharmadesk.services.custom_fields import FieldDef
from pharmadesk.services.visible import VISIBLE
from pharmadesk.text import health_lists
from pharmadesk.text.normalize import InvalidValue, fold
from pharmadesk.text.pinyin import ReadingCache, full_and_initials_of

OUTCOMES = ("imported", "merged", "flagged", "skipped", "rejected")
POLICIES = ("merge", "skip", "new")
KINDS = ("customers", "cards")  # a spreadsheet of cards, or scanned cards read and checked
# Fields a merge may fill when the existing customer has them empty.
MERGE_FIELDS = (
    "gender", "birth_date", "birth_year", "birth_date_approximate", "mobile", "phone",
    "email", "address", "postal_code", "code", "preferences", "allergies",
    "chronic_conditions", "notes", "guardian_name", "guardian_mobile",
)  # fmt: skip
# Lists a merge joins rather than fills (text/health_lists.py), with their words in reasons.
HEALTH_LISTS = {"allergies": "allergies", "chronic_conditions": "chronic conditions"}
CHUNK = 900  # parameters per IN (...) lookup, under SQLite's limit
Progress = Callable[[int, int], None]


class ImportCancelled(OperationFailed):
    def __init__(self) -> None:
        super().__init__("the import was cancelled; nothing was written")


@dataclass
class RowPlan:
    number: int  # as the spreadsheet program shows it
    cells: tuple[object, ...]
    outcome: str
    reason: str = ""
    card: card_rows.CardValues | None = None
    into_row: int | None = None  # merged into the customer of this earlier row
    into_customer: int | None = None  # merged into this existing customer
    # A same-name proposal (not merged unless the user says so).
    proposed_row: int | None = None
    proposed_customer: int | None = None


@dataclass
class ImportPlan:
    table: RawTable
    header_number: int
    headers: tuple[object, ...]
    mapping: dict[int, str]
    policy: str
    rows: list[RowPlan] = field(default_factory=list)
    previous_batch: int | None = None  # a committed batch of the same file
    # The pinyin of the file's names, read for near spellings, kept for the commit.
    readings: ReadingCache = field(default_factory=ReadingCache, repr=False, compare=False)
    # Scanned cards: the batch's kind, and the page each row (by number) was read from.
    kind: str = "customers"
    pages: dict[int, PageRef] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        found = dict.fromkeys(OUTCOMES, 0)
        for row in self.rows:
            found[row.outcome] += 1
        return {"data_rows": len(self.rows), **found}

    def proposals(self) -> int:
        """Rows imported with a same or similar name proposed as the same person: a person
        should look at them (they are counted as imported or flagged)."""
        return sum(1 for row in self.rows if is_proposal(row))


def is_proposal(row: RowPlan) -> bool:
    return row.proposed_row is not None or row.proposed_customer is not None


@collector_paused()
def plan(
    ctx: Context,
    table: RawTable,
    *,
    mapping: Mapping[int, str] | None = None,
    header_index: int | None = None,
    policy: str = "merge",
    overrides: Mapping[int, str] | None = None,
) -> ImportPlan:
    """What importing `table` would do, row by row. Writes nothing.

    `overrides` are the user's choices for single rows (by row number): "merge" (into the
    customer it duplicates), "new" (a customer of its own) or "skip".

    Raises:
        OperationFailed: no header row, or no column holds names (nothing can be imported).
    """
    if policy not in POLICIES:
        raise ValueError(f"unknown duplicate policy {policy!r}")
    cells = [row.cells for row in table.rows]
    if header_index is None:
        guess = find_header(cells)
        if guess is None:
            raise OperationFailed(f"{table.source.name}: no header row found (姓名, 手机 …)")
        header_index = guess.index
    headers = tuple(table.rows[header_index].cells)
    body = data_rows(table.rows[header_index + 1 :])
    chosen = (
        dict(mapping)
        if mapping is not None
        else auto_mapping(headers, [r.cells for r in body[:200]])
    )
    if "name" not in chosen.values():
        raise OperationFailed(
            f"{table.source.name}: no column of names found; a card file needs one (姓名)"
        )
    result = ImportPlan(table, table.rows[header_index].number, headers, chosen, policy)
    result.previous_batch = previous_batch(table.file_hash)
    reader = card_rows.CardReader(headers, chosen, today=ctx.today(), custom=_custom_checks(ctx))
    for raw in body:
        result.rows.append(_row_plan(raw, reader))
    _find_duplicates(ctx, result, overrides or {})
    _name_health_additions(ctx, result)
    return result


def data_rows(rows: Sequence[RawRow]) -> list[RawRow]:
    """The rows between the header and the last non-empty row."""
    last = len(rows)
    while last and card_rows.is_empty(rows[last - 1].cells):
        last -= 1
    return list(rows[:last])


def previous_batch(file_hash: str) -> int | None:
    """The committed (not undone) batch of a file with this hash, if any."""
    row = (
        ImportBatch.select(ImportBatch.id)
        .where((ImportBatch.file_hash == file_hash) & (ImportBatch.status == "committed"))
        .order_by(ImportBatch.id.desc())
        .first()
    )
    return row.id if row else None


def refuse_repeat(source_name: str, previous: int | None, again: bool) -> None:
    """A file imported before is imported again only on purpose."""
    if previous is not None and not again:
        raise OperationFailed(
            f"{source_name} was imported before (batch {previous}); "
            "nothing was imported. Import it again only on purpose (--again)"
        )


def first_customer_by(
    ctx: Context, column: str, values: Iterable[Any], *, visible_only: bool = True
) -> dict[Any, int]:
    """The first customer (lowest id) for each value of `column`, in batched index lookups.
    `column` is one of this package's own column names, never user input."""
    found: dict[Any, int] = {}
    merged_away: dict[Any, int] = {}
    if not _anyone_on_file(ctx):  # a first import: 100,000 values need not be looked up
        return found
    # Unsorted: each value falls in one batch, whose rows come by id (sorting 100,000
    # names cost more than the lookups).
    items = list(set(values))
    visible = " AND status != 'anonymised'" if visible_only else ""
    for start in range(0, len(items), CHUNK):
        part = items[start : start + CHUNK]
        marks = ",".join("?" * len(part))
        sql = (
            f"SELECT {column}, id, status FROM customer WHERE {column} IN ({marks}){visible} "
            "ORDER BY id"
        )
        for value, customer_id, status in ctx.db.execute_sql(sql, part).fetchall():
            chosen = merged_away if status == "merged" else found
            chosen.setdefault(value, customer_id)
    # A value held only by a record merged into another (its old mobile, say) leads to the
    # record kept, never to the hidden one.
    for value, customer_id in merged_away.items():
        if value not in found and (kept := merge.survivor_of(ctx, customer_id)) is not None:
            found[value] = kept
    return found


def _anyone_on_file(ctx: Context) -> bool:
    """Whether the pharmacy holds any customer row at all (erased and merged ones included)."""
    return ctx.db.execute_sql("SELECT EXISTS (SELECT 1 FROM customer)").fetchone()[0] == 1


def _custom_checks(ctx: Context) -> dict[str, Callable[[object], str | None]]:
    def check(definition: FieldDef) -> Callable[[object], str | None]:
        return lambda raw: custom_fields.canonical_value(definition, raw)

    return {f.key: check(f) for f in custom_fields.list_fields(ctx, include_retired=True)}


def _row_plan(raw: RawRow, reader: card_rows.CardReader) -> RowPlan:
    cells = tuple(raw.cells)
    if card_rows.is_empty(cells):
        return RowPlan(raw.number, cells, "skipped", "empty row")
    if card_rows.is_summary(cells):
        return RowPlan(raw.number, cells, "skipped", "summary row")
    try:
        card = reader.read(cells)
    except InvalidValue as exc:
        reason = "no name" if exc.code == "name_missing" else str(exc)
        return RowPlan(raw.number, cells, "rejected", reason)
    if card.warnings:
        return RowPlan(raw.number, cells, "flagged", "; ".join(card.warnings), card)
    return RowPlan(raw.number, cells, "imported", "", card)


def _keys(values: Mapping[str, Any]) -> Iterator[tuple[str, object]]:
    """The keys under which two records are the same person, with the reason's words."""
    if values.get("mobile"):
        yield "same mobile", values["mobile"]
    if values.get("code"):
        yield "same member code", ("code", values["code"])
    if values.get("birth_date"):
        yield "same name and birth date", (values["name"], values["birth_date"])


def _find_duplicates(ctx: Context, result: ImportPlan, overrides: Mapping[int, str]) -> None:
    candidates = [row for row in result.rows if row.card is not None]
    existing = _existing_keys(ctx, [row.card.values for row in candidates if row.card])
    # Names only propose, so this lookup never makes a row merge by itself.
    existing_names = first_customer_by(
        ctx, "name", {row.card.values["name"] for row in candidates if row.card}
    )
    names = [row.card.values["name"] for row in candidates if row.card]
    similar = SimilarNames(ctx, names, result.readings)
    held = {r.card.values.get("mobile") for r in candidates if r.card} & existing.keys()
    names_on_file = _names_of(ctx, {existing[mobile] for mobile in held})
    first_row: dict[object, RowPlan] = {}
    first_name_row: dict[str, RowPlan] = {}
    for row in candidates:
        assert row.card is not None
        warnings = row.card.warnings
        keys = list(_keys(row.card.values))  # asked up to three times below
        name = row.card.values["name"]
        shared: _Proposal | None = None  # a mobile held under another name
        holder: int | None = None
        chosen = overrides.get(row.number)
        if chosen == "skip":
            row.outcome, row.reason = "skipped", "skipped by hand"
            continue
        if chosen == "new":
            row.reason = _with_warnings("a customer of its own, chosen by hand", warnings)
            for _, key in keys:
                first_row.setdefault(key, row)
            continue
        policy = "merge" if chosen == "merge" else result.policy
        for why, key in keys:
            earlier = first_row.get(key)
            if why == "same mobile":
                # Families share a mobile: under another name it is only a proposal, so
                # one person's allergies never fill another's file.
                earlier, holder = _same_mobile(
                    name, earlier, existing.get(key), names_on_file, result.readings
                )
                if earlier is None and holder is None:
                    shared = shared or _shared_mobile(first_row.get(key), existing.get(key),
                                                      names_on_file)  # fmt: skip
                    continue
            if earlier is not None:
                target = earlier.into_row or earlier.number
                row.outcome, row.into_row = "merged", target
                row.into_customer = earlier.into_customer
                row.reason = _with_warnings(f"merged into row {target} ({why})", warnings)
                break
            customer_id = existing.get(key) if why != "same mobile" else holder
            if customer_id is not None and policy != "new":
                if policy == "skip":
                    row.outcome = "skipped"
                    row.reason = f"duplicate of an existing customer ({why})"
                else:
                    row.outcome, row.into_customer = "merged", customer_id
                    row.reason = _with_warnings(
                        f"merged into an existing customer ({why})", warnings
                    )
                break
        if row.outcome in ("imported", "flagged"):
            found = _proposal(row.card.values, first_name_row, existing_names, similar)
            _propose(row, chosen, shared or found)
        if row.outcome == "merged" and row.card.points:
            # Not a balance of its own: the card's points add to the customer's (a card
            # imported twice would count them twice, so the preview says so).
            row.reason += f"; adds {row.card.points:,} opening points to the balance"
        if row.outcome in ("imported", "flagged") or row.into_customer is not None:
            for _, key in keys:
                first_row.setdefault(key, row)
            first_name_row.setdefault(row.card.values["name"], row)
            similar.add(row, row.card.values)


@dataclass(frozen=True)
class _Proposal:
    earlier: RowPlan | None  # a row earlier in the file
    customer_id: int | None  # a customer on file
    why: str  # "same name", or a near spelling and the detail that agrees
    other_name: str | None = None


def _proposal(
    values: Mapping[str, Any],
    first_name_row: Mapping[str, RowPlan],
    existing_names: Mapping[str, int],
    similar: SimilarNames,
) -> _Proposal | None:
    """The customer a row may be, by name alone: the same name first, then a near
    spelling with one more detail in common, earlier in the file before on file."""
    name = values["name"]
    if name in first_name_row or name in existing_names:
        return _Proposal(first_name_row.get(name), existing_names.get(name), "same name")
    in_file = similar.in_file(values)
    if in_file is not None:
        earlier, detail = in_file
        assert earlier.card is not None
        other = earlier.card.values["name"]
        return _Proposal(earlier, None, f"similar name, {detail}", other)
    on_file = similar.on_file(values)
    if on_file is not None:
        customer_id, other, detail = on_file
        return _Proposal(None, customer_id, f"similar name, {detail}", other)
    return None


def _propose(row: RowPlan, chosen: str | None, proposal: _Proposal | None) -> None:
    """A name alone is only a proposal: the row is imported and the reason says so,
    unless the user chose to merge it (then into the proposed customer)."""
    assert row.card is not None
    if proposal is None:
        return
    warnings = row.card.warnings
    earlier, customer_id = proposal.earlier, proposal.customer_id
    if chosen == "merge":
        if earlier is not None:
            target = earlier.into_row or earlier.number
            row.outcome, row.into_row = "merged", target
            row.into_customer = earlier.into_customer
            row.reason = _with_warnings(
                f"merged into row {target} ({proposal.why}, by hand)", warnings
            )
        else:
            row.outcome, row.into_customer = "merged", customer_id
            row.reason = _with_warnings(
                f"merged into an existing customer ({proposal.why}, by hand)", warnings
            )
        return
    if earlier is not None:
        row.proposed_row = earlier.into_row or earlier.number
        row.proposed_customer = earlier.into_customer
    else:
        row.proposed_customer = customer_id
    where = f"row {earlier.number}" if earlier is not None else "a customer on file"
    if proposal.why == "same mobile":
        reason = f"same mobile as {where} ({proposal.other_name}) under another name, " \
            "not merged: check it"  # fmt: skip
    elif proposal.other_name is None:
        reason = f"same name as {where}, not merged: check it"
    else:
        detail = proposal.why.removeprefix("similar name, ")
        reason = f"similar name to {where} ({proposal.other_name}), {detail}, not merged: check it"
    row.reason = _with_warnings(reason, warnings)


def _same_mobile(
    name: str,
    earlier: RowPlan | None,
    on_file: int | None,
    names_on_file: Mapping[int, str],
    readings: ReadingCache,
) -> tuple[RowPlan | None, int | None]:
    """The earlier row, else the customer on file, holding this mobile under this name."""
    in_file = earlier.card.values["name"] if earlier is not None and earlier.card else None
    if in_file is not None and _names_agree(name, in_file, readings):
        return earlier, None
    if on_file is not None and _names_agree(name, names_on_file.get(on_file, ""), readings):
        return None, on_file
    return None, None


def _shared_mobile(
    earlier: RowPlan | None, on_file: int | None, names_on_file: Mapping[int, str]
) -> _Proposal | None:
    if earlier is not None and earlier.card is not None:
        return _Proposal(earlier, earlier.into_customer, "same mobile", earlier.card.values["name"])
    if on_file is not None:
        return _Proposal(None, on_file, "same mobile", names_on_file.get(on_file, ""))
    return None


def _names_agree(one: str, other: str, readings: ReadingCache) -> bool:
    """The same name as typed twice: spaces and width aside, or read alike (王伟, 王玮)."""

    def plain(name: str) -> str:
        return fold(name).replace(" ", "").casefold()

    if plain(one) == plain(other):
        return True
    if not one or not other:
        return False
    return full_and_initials_of(readings(one))[0] == full_and_initials_of(readings(other))[0]


def _name_health_additions(ctx: Context, result: ImportPlan) -> None:
    """Say in a merged row's reason which allergies and conditions it adds to the customer
    (the commit joins the lists, `health_lists`): a pharmacist checks those before the
    commit. Rows merge in file order, each into what the rows before it left."""
    merged = [r for r in result.rows if r.outcome == "merged" and r.card is not None]
    if not any(r.card and any(r.card.values.get(f) for f in HEALTH_LISTS) for r in merged):
        return
    on_file = _health_of(ctx, {r.into_customer for r in merged if r.into_customer is not None})
    lists: dict[tuple[str, int], dict[str, str | None]] = {}
    for row in result.rows:
        if row.card is None:
            continue
        values = row.card.values
        if row.outcome in ("imported", "flagged"):
            lists[("row", row.number)] = {f: values.get(f) for f in HEALTH_LISTS}
        elif row.outcome == "merged":
            if row.into_customer is not None:
                target = ("customer", row.into_customer)
                held = lists.setdefault(target, on_file.get(row.into_customer, {}))
            else:
                held = lists.setdefault(("row", row.into_row or 0), {})
            for field, words in HEALTH_LISTS.items():
                new = health_lists.added(held.get(field), values.get(field))
                if new:
                    row.reason += f"; adds to {words}: {health_lists.SEPARATOR.join(new)}"
                    held[field] = health_lists.combined(held.get(field), values.get(field))


def _health_of(ctx: Context, ids: set[int]) -> dict[int, dict[str, str | None]]:
    found: dict[int, dict[str, str | None]] = {}
    items = sorted(ids)
    for start in range(0, len(items), CHUNK):
        part = items[start : start + CHUNK]
        marks = ",".join("?" * len(part))
        sql = f"SELECT id, allergies, chronic_conditions FROM customer WHERE id IN ({marks})"
        for customer_id, allergies, conditions in ctx.db.execute_sql(sql, part).fetchall():
            found[customer_id] = {"allergies": allergies, "chronic_conditions": conditions}
    return found


def _names_of(ctx: Context, ids: set[int]) -> dict[int, str]:
    found: dict[int, str] = {}
    items = sorted(ids)
    for start in range(0, len(items), CHUNK):
        part = items[start : start + CHUNK]
        marks = ",".join("?" * len(part))
        sql = f"SELECT id, name FROM customer WHERE id IN ({marks})"
        found.update(ctx.db.execute_sql(sql, part).fetchall())
    return found


def _with_warnings(reason: str, warnings: list[str]) -> str:
    return "; ".join([reason, *warnings])


def _existing_keys(ctx: Context, records: list[dict[str, Any]]) -> dict[object, int]:
    """Existing customers under the keys of these records, by batched index lookups."""
    found: dict[object, int] = {}

    def lookup(sql: str, values: list[object]) -> Iterator[tuple[Any, ...]]:
        for start in range(0, len(values), CHUNK):
            part = values[start : start + CHUNK]
            marks = ",".join("?" * len(part))
            yield from ctx.db.execute_sql(sql.format(marks=marks), part).fetchall()

    if not _anyone_on_file(ctx):
        return found
    found.update(
        first_customer_by(ctx, "mobile", {r["mobile"] for r in records if r.get("mobile")})
    )
    codes = {r["code"] for r in records if r.get("code")}
    # Codes are unique on file, over every row; an erased customer's code is removed with
    # the rest of them, so a card typed again becomes a new customer, not the erased one.
    for code, customer_id in first_customer_by(ctx, "code", codes, visible_only=False).items():
        found[("code", code)] = customer_id
    names = {r["name"] for r in records if r.get("birth_date")}
    sql = (
        f"SELECT name, birth_date, min(id) FROM customer WHERE name IN ({{marks}}) "
        f"AND birth_date IS NOT NULL AND {VISIBLE} GROUP BY name, birth_date"
    )
    for name, born, customer_id in lookup(sql, list(names)):
        found[(name, date.fromisoformat(born))] = customer_id
    return found


COMPARED = ("name", "mobile", "phone", "gender", "birth_date", "birth_year", "code", "email",
            "address", "postal_code", "allergies", "chronic_conditions", "preferences")  # fmt: skip


@dataclass(frozen=True)
class Comparison:
    """A merged (or proposed) row beside the customer it joins, field by field."""

    other: str  # "row 4" or "on file"
    fields: list[tuple[str, object, object]]  # (field, this row's value, the other's value)


def compare(ctx: Context, plan: ImportPlan, row: RowPlan) -> Comparison | None:
    """The row beside its merge target or proposal; None when it has neither."""
    if row.card is None:
        return None
    target_row = row.into_row or row.proposed_row
    target_customer = row.into_customer or row.proposed_customer
    theirs: dict[str, object]
    if target_customer is not None:
        record = customers.get(ctx, target_customer)
        theirs = {name: getattr(record, name) for name in COMPARED}
        other = "on file"
    elif target_row is not None:
        earlier = next((r for r in plan.rows if r.number == target_row), None)
        if earlier is None or earlier.card is None:
            return None
        theirs = dict(earlier.card.values)
        other = f"row {target_row}"
    else:
        return None
    mine = row.card.values
    fields = [(name, mine.get(name), theirs.get(name)) for name in COMPARED]
    return Comparison(other, [f for f in fields if f[1] is not None or f[2] is not None])
