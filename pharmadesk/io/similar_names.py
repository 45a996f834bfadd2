"""Near spellings of a name, for merge proposals: the same reading typed with other
characters (王伟 and 王玮, 张晓明 and 张小明), or a Latin name in other case or spacing.

Cards were typed from handwriting, so a homophone is the commonest slip. A near spelling
alone says little (thousands of people are read "wang wei"), so it proposes only when one
more detail agrees: the birth date, the birth year, the address, the other phone or the
email. It never merges by itself; the user decides in the preview.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from pharmadesk.services.context import Context
from pharmadesk.services.visible import VISIBLE
from pharmadesk.text.pinyin import ReadingCache, full_and_initials_of, name_readings
from pharmadesk.text.search_keys import search_form

CHUNK = 900  # parameters per IN (...) lookup, under SQLite's limit
# Earlier rows kept per reading: enough for real near-duplicates, bounded for 王伟.
_PER_READING = 50
_DETAILS = ("birth_date", "birth_year", "address", "phone", "email")
_WORDS = {
    "birth_date": "same birth date",
    "birth_year": "same birth year",
    "address": "same address",
    "phone": "same phone",
    "email": "same email",
}


def reading(name: str, readings: ReadingCache | None = None) -> str:
    """What two near spellings share: the likeliest reading, without spaces or case."""
    full, _ = full_and_initials_of(readings[name] if readings is not None else name_readings(name))
    return full or search_form(name).replace(" ", "")


def agreeing_detail(mine: Mapping[str, Any], theirs: Mapping[str, Any]) -> str | None:
    """The words for the first detail two records share; None when none does, or when
    their birth dates (or years) are both known and differ: two people, then."""
    for detail in ("birth_date", "birth_year"):
        a, b = _detail(mine, detail), _detail(theirs, detail)
        if a is not None and b is not None and a != b:
            return None
    for detail in _DETAILS:
        a, b = _detail(mine, detail), _detail(theirs, detail)
        if a is not None and a == b:
            return _WORDS[detail]
    return None


def _detail(values: Mapping[str, Any], detail: str) -> object:
    if detail == "birth_year":
        born = values.get("birth_date")
        if isinstance(born, date):
            return born.year
        if isinstance(born, str) and born:
            return int(born[:4])
        return values.get("birth_year")
    if detail == "birth_date":
        born = values.get("birth_date")
        return born.isoformat() if isinstance(born, date) else born or None
    value = values.get(detail)
    return search_form(value) if isinstance(value, str) and value.strip() else None


class SimilarNames:
    """Earlier rows of the file and customers on file, by the reading of their names."""

    def __init__(
        self, ctx: Context, names: Iterable[str], readings: ReadingCache | None = None
    ) -> None:
        self._rows: dict[str, list[tuple[Any, Mapping[str, Any]]]] = {}
        # Each name's pinyin, kept for the commit's pinyin column and search keys.
        self.readings = readings if readings is not None else ReadingCache()
        # One reading per distinct name for the whole plan (each is asked for three times).
        self._readings = {name: reading(name, self.readings) for name in set(names)}
        self._on_file = _customers_by_reading(ctx, set(self._readings.values()), self.readings)

    def _reading(self, name: str) -> str:
        found = self._readings.get(name)
        if found is None:
            found = self._readings[name] = reading(name, self.readings)
        return found

    def on_file(self, values: Mapping[str, Any]) -> tuple[int, str, str] | None:
        """(customer id, their name, the detail that agrees) of a near spelling on file."""
        name = values["name"]
        for customer_id, theirs in self._on_file.get(self._reading(name), ()):
            if theirs["name"] != name:
                detail = agreeing_detail(values, theirs)
                if detail is not None:
                    return customer_id, theirs["name"], detail
        return None

    def in_file(self, values: Mapping[str, Any]) -> tuple[Any, str] | None:
        """(the earlier row, the detail that agrees) of a near spelling earlier in the file."""
        name = values["name"]
        for row, theirs in self._rows.get(self._reading(name), ()):
            if theirs["name"] != name:
                detail = agreeing_detail(values, theirs)
                if detail is not None:
                    return row, detail
        return None

    def add(self, row: Any, values: Mapping[str, Any]) -> None:
        earlier = self._rows.setdefault(self._reading(values["name"]), [])
        if len(earlier) < _PER_READING:
            earlier.append((row, values))


def _customers_by_reading(
    ctx: Context, readings: set[str], cache: ReadingCache
) -> dict[str, list[tuple[int, dict[str, Any]]]]:
    """Customers whose name reads as one of `readings`, through the search index's exact
    reading keys (an index lookup; `customer.pinyin` has no index of its own)."""
    items = [r for r in readings if r]
    ids: set[int] = set()
    for start in range(0, len(items), CHUNK):
        part = items[start : start + CHUNK]
        marks = ",".join("?" * len(part))
        sql = f"SELECT customer_id FROM search_key WHERE key IN ({marks}) AND cls = 0"
        ids.update(row[0] for row in ctx.db.execute_sql(sql, part))
    found: dict[str, list[tuple[int, dict[str, Any]]]] = {}
    columns = ("name", *_DETAILS)
    ordered = sorted(ids)
    for start in range(0, len(ordered), CHUNK):
        part_ids = ordered[start : start + CHUNK]
        marks = ",".join("?" * len(part_ids))
        sql = (
            f"SELECT id, {', '.join(columns)} FROM customer WHERE id IN ({marks}) "
            f"AND {VISIBLE} ORDER BY id"
        )
        for customer_id, *values in ctx.db.execute_sql(sql, part_ids):
            record = dict(zip(columns, values, strict=True))
            key = reading(record["name"], cache)
            if key in readings:
                found.setdefault(key, []).append((customer_id, record))
    return found
