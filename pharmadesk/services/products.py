"""Products for the purchase dialog: found by name, pinyin initials or barcode.

A pharmacy's catalogue is small (hundreds to a few thousand items), so matching runs over a
cached list; the cache is keyed on the product count and refreshed when it changes, or
when a change that keeps the count (the controlled flag) calls `forget`.
"""

from __future__ import annotations

from dataclasses import dataclass

from pharmadesk.services.context import Context
from pharmadesk.text.normalize import fold
from pharmadesk.text.pinyin import full_and_initials


@dataclass(frozen=True)
class ProductInfo:
    id: int
    name: str
    specification: str
    category: str | None
    brand: str | None
    barcode: str | None
    approval_number: str | None
    last_unit_price_fen: int | None
    initials: str
    controlled: bool = False  # its sales go in the real-name register (services/register.py)


_cache: dict[str, tuple[int, list[ProductInfo]]] = {}


def _load(ctx: Context) -> list[ProductInfo]:
    count = int(ctx.db.execute_sql("SELECT count(*) FROM product").fetchone()[0])
    key = str(ctx.path)
    cached = _cache.get(key)
    if cached and cached[0] == count:
        return cached[1]
    rows = ctx.db.execute_sql(
        "SELECT p.id, p.name, p.specification, p.category, p.brand, p.barcode, "
        "p.approval_number, (SELECT unit_price_fen FROM purchase WHERE product_id = p.id "
        "ORDER BY id DESC LIMIT 1), p.controlled FROM product p ORDER BY p.name"
    ).fetchall()
    products = [
        ProductInfo(
            id=r[0], name=r[1], specification=r[2], category=r[3], brand=r[4], barcode=r[5],
            approval_number=r[6], last_unit_price_fen=r[7], initials=full_and_initials(r[1])[1],
            controlled=bool(r[8]),
        )
        for r in rows
    ]  # fmt: skip
    _cache[key] = (count, products)
    return products


def forget(ctx: Context) -> None:
    """Drop the cached list of this pharmacy (a product changed but not the count)."""
    _cache.pop(str(ctx.path), None)


def all_products(ctx: Context) -> list[ProductInfo]:
    """Every product, by name."""
    return list(_load(ctx))


def find(ctx: Context, text: str, *, limit: int = 20) -> list[ProductInfo]:
    """Barcode exact, then name prefix or pinyin-initials prefix, then name contains."""
    query = fold(text)
    if not query:
        return []
    products = _load(ctx)
    if query.isdigit():
        exact = [p for p in products if p.barcode == query]
        if exact:
            return exact
    lowered = query.casefold()
    ranked: list[tuple[int, ProductInfo]] = []
    for product in products:
        name = product.name.casefold()
        if name.startswith(lowered) or product.initials.startswith(lowered):
            ranked.append((0, product))
        elif lowered in name or lowered in (product.category or "").casefold():
            ranked.append((1, product))
    ranked.sort(key=lambda pair: pair[0])
    return [product for _, product in ranked[:limit]]


def categories(ctx: Context) -> list[str]:
    rows = ctx.db.execute_sql(
        "SELECT DISTINCT category FROM product WHERE category IS NOT NULL ORDER BY category"
    )
    return [row[0] for row in rows]
