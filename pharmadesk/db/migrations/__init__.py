"""Numbered schema migrations, listed explicitly so a frozen build finds them.

Each migration carries its own SQL (never the live models), runs in one transaction and
sets `PRAGMA user_version`. An existing database is copied aside before it is upgraded,
and a database made by a newer PharmaDesk is refused.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from peewee import Database

from pharmadesk.db.migrations import (
    m0001_initial,
    m0002_search_index,
    m0003_search_indexes,
    m0004_purchase_browsing,
    m0005_phone_trigrams,
    m0006_import_changes,
    m0007_sales_summaries,
    m0008_light_summaries,
    m0009_guardians,
    m0010_audit_indexes,
    m0011_loyalty,
    m0012_reminders_register,
    m0013_merges,
    m0014_card_pages,
)
from pharmadesk.errors import DatabaseUnavailable


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    apply: Callable[[Database], None]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial schema", m0001_initial.apply),
    Migration(2, "counter search index", m0002_search_index.apply),
    Migration(3, "name trigrams, covering mobile indexes", m0003_search_indexes.apply),
    Migration(4, "indexes for browsing all purchases", m0004_purchase_browsing.apply),
    Migration(5, "trigram index of phone numbers", m0005_phone_trigrams.apply),
    Migration(6, "changes made by import merges", m0006_import_changes.apply),
    Migration(7, "sales summaries for the dashboard", m0007_sales_summaries.apply),
    Migration(8, "cheap summary triggers, a cache of figures", m0008_light_summaries.apply),
    Migration(9, "guardians of children, consents given by them", m0009_guardians.apply),
    Migration(10, "indexes for the audit-log viewer's filters", m0010_audit_indexes.apply),
    Migration(11, "append-only points ledger, loyalty rules", m0011_loyalty.apply),
    Migration(
        12, "call outcomes, reminder states, real-name register", m0012_reminders_register.apply
    ),
    Migration(13, "undoable merges, dismissed duplicates, customers who left", m0013_merges.apply),
    Migration(14, "where each scanned card came from", m0014_card_pages.apply),
)
LATEST_VERSION = MIGRATIONS[-1].version


def schema_version(db: Database) -> int:
    return int(db.execute_sql("PRAGMA user_version").fetchone()[0])


def migrate(db: Database, *, target: int = LATEST_VERSION) -> list[int]:
    """Bring the schema up to `target`; returns the versions applied."""
    current = schema_version(db)
    if current > LATEST_VERSION:
        raise DatabaseUnavailable(
            f"this database was made by a newer PharmaDesk (schema {current}, this version "
            f"knows up to {LATEST_VERSION}); install the newer version to open it"
        )
    pending = [m for m in MIGRATIONS if current < m.version <= target]
    if pending and current > 0:
        _copy_aside(db, current)
    for migration in pending:
        with db.atomic():
            migration.apply(db)
            db.execute_sql(f"PRAGMA user_version = {migration.version}")
    return [m.version for m in pending]


def _copy_aside(db: Database, version: int) -> None:
    """Keep the encrypted file as it was before the upgrade, beside the original."""
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    path = Path(db.database)
    if path.exists():
        shutil.copy2(path, path.with_name(f"{path.name}.before-schema-{version + 1}.bak"))
