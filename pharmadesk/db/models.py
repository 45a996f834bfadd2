"""Peewee models of the pharmacy database, bound once at start-up through `database`.

The schema itself is created by the numbered migrations in `pharmadesk.db.migrations`,
which carry their own frozen SQL; these models describe the latest schema for the services.
Money is integer fen. Instants are timezone-aware ISO 8601 text; days are local dates.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from peewee import (
    AutoField,
    BlobField,
    BooleanField,
    CompositeKey,
    DatabaseProxy,
    DateField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

database = DatabaseProxy()


class AwareDateTimeField(TextField):
    """A timezone-aware instant stored as ISO 8601 text with its UTC offset."""

    def db_value(self, value: Any) -> Any:
        if value is None:
            return None
        if not isinstance(value, datetime) or value.tzinfo is None:
            raise ValueError("instants must be timezone-aware datetimes")
        return value.isoformat(timespec="seconds")

    def python_value(self, value: Any) -> Any:
        return None if value is None else datetime.fromisoformat(value)


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


class User(BaseModel):
    id = AutoField()
    name = TextField(unique=True)
    role = TextField()  # owner, pharmacist, staff
    display_name = TextField(null=True)
    active = BooleanField(default=True)
    created_at = AwareDateTimeField()


class ImportBatch(BaseModel):
    id = AutoField()
    kind = TextField()
    file_name = TextField()
    file_hash = TextField()
    user = ForeignKeyField(User, null=True, on_delete="SET NULL")
    created_at = AwareDateTimeField()
    status = TextField()  # committed, undone
    counts = TextField(default="{}")


class Customer(BaseModel):
    id = AutoField()
    code = TextField(unique=True, null=True)
    name = TextField()
    pinyin = TextField(null=True)
    initials = TextField(null=True)
    gender = TextField(null=True)
    birth_date = DateField(null=True)
    birth_year = IntegerField(null=True)
    birth_date_approximate = BooleanField(default=False)
    mobile = TextField(null=True)
    phone = TextField(null=True)
    email = TextField(null=True)
    address = TextField(null=True)
    postal_code = TextField(null=True)
    preferences = TextField(null=True)
    allergies = TextField(null=True)
    chronic_conditions = TextField(null=True)
    notes = TextField(null=True)
    consent_data = TextField(null=True)
    consent_health = TextField(null=True)
    consent_marketing = TextField(null=True)
    guardian_name = TextField(null=True)  # required for a child under 14 (schema 9)
    guardian_mobile = TextField(null=True)
    status = TextField(default="active")
    source = TextField(default="manual")
    batch = ForeignKeyField(ImportBatch, null=True, on_delete="SET NULL")
    created_at = AwareDateTimeField()
    updated_at = AwareDateTimeField()
    last_verified_at = AwareDateTimeField(null=True)
    last_active_on = DateField(null=True)
    # Schema 13: a record merged into another (status 'merged'), and one who left.
    merged_into = ForeignKeyField("self", null=True, on_delete="SET NULL", backref="merged")
    left_reason = TextField(null=True)  # moved, deceased
    left_on = DateField(null=True)


class ConsentRecord(BaseModel):
    """Every change of a consent, append-only; the customer row holds the current status."""

    id = AutoField()
    customer = ForeignKeyField(Customer, on_delete="CASCADE")
    purpose = TextField()  # data, health, marketing
    status = TextField()
    recorded_at = AwareDateTimeField()
    notice_version = TextField(null=True)
    user = ForeignKeyField(User, null=True, on_delete="SET NULL")
    channel = TextField(null=True)
    by_guardian = BooleanField(default=False)  # a child's consent, given by the guardian


class CustomField(BaseModel):
    id = AutoField()
    key = TextField(unique=True)
    label = TextField()
    kind = TextField()  # text, number, date, choice
    choices = TextField(default="[]")
    position = IntegerField()
    retired = BooleanField(default=False)
    created_at = AwareDateTimeField()


class CustomValue(BaseModel):
    customer = ForeignKeyField(Customer, on_delete="CASCADE")
    field = ForeignKeyField(CustomField, on_delete="CASCADE")
    value = TextField()

    class Meta:
        primary_key = CompositeKey("customer", "field")


class Product(BaseModel):
    id = AutoField()
    name = TextField()
    specification = TextField(default="")
    category = TextField(null=True)
    brand = TextField(null=True)
    barcode = TextField(null=True, unique=True)
    approval_number = TextField(null=True)
    controlled = BooleanField(default=False)  # its sales go in the real-name register
    batch = ForeignKeyField(ImportBatch, null=True, on_delete="SET NULL")


class Purchase(BaseModel):
    """One purchase line. `transaction_key` is the receipt, or the day when there is none."""

    # Peewee also exposes each foreign key's raw id as `<name>_id`; declared for type checkers.
    customer_id: int
    product_id: int

    id = AutoField()
    customer = ForeignKeyField(Customer, on_delete="CASCADE")
    product = ForeignKeyField(Product, on_delete="RESTRICT")
    purchased_at = AwareDateTimeField()
    purchased_on = DateField()
    quantity = IntegerField()
    unit_price_fen = IntegerField()
    amount_fen = IntegerField()
    receipt = TextField(null=True)
    transaction_key = TextField()
    source = TextField(default="manual")
    batch = ForeignKeyField(ImportBatch, null=True, on_delete="SET NULL")
    user = ForeignKeyField(User, null=True, on_delete="SET NULL")


class Interaction(BaseModel):
    """A logged contact. Content is never edited: a correction refers to the entry it corrects."""

    customer_id: int
    corrects_id: int | None

    id = AutoField()
    customer = ForeignKeyField(Customer, on_delete="CASCADE")
    occurred_at = AwareDateTimeField()
    channel = TextField()
    kind = TextField()
    summary = TextField()
    rating = IntegerField(null=True)
    status = TextField(null=True)  # open, done; null when no follow-up is needed
    follow_up_due = DateField(null=True)
    user = ForeignKeyField(User, null=True, on_delete="SET NULL")
    corrects = ForeignKeyField("self", null=True, on_delete="SET NULL")
    done_at = AwareDateTimeField(null=True)
    done_by = ForeignKeyField(User, null=True, on_delete="SET NULL", backref="closed")
    outcome = TextField(null=True)  # a call's: reached, no_answer, will_come, stopped


class PointsEntry(BaseModel):
    """Append-only (schema 11's triggers): a correction is a new entry, never an edit."""

    customer_id: int

    id = AutoField()
    customer = ForeignKeyField(Customer, on_delete="CASCADE")
    kind = TextField()  # opening, earned, redeemed, adjusted, expired
    points = IntegerField()
    reason = TextField(default="")
    purchase = ForeignKeyField(Purchase, null=True, on_delete="SET NULL")  # a receipt's first line
    batch = ForeignKeyField(ImportBatch, null=True, on_delete="SET NULL")
    user = ForeignKeyField(User, null=True, on_delete="SET NULL")
    created_at = AwareDateTimeField()
    effective_on = DateField(null=True)  # the local day it counts from
    expires_on = DateField(null=True)  # points > 0: the first day they are gone (null: never)
    reverses = ForeignKeyField("self", null=True, on_delete="SET NULL")
    value_fen = IntegerField(null=True)  # a redemption: the money it took off the receipt


class ReminderState(BaseModel):
    """What holds now for one customer's item: stopped, no_remind or snoozed (schema 12)."""

    id = AutoField()
    customer = ForeignKeyField(Customer, on_delete="CASCADE")
    item_kind = TextField()  # product or category
    item = TextField()
    action = TextField()  # stopped, no_remind, snoozed
    last_purchase = DateField()  # the last purchase day when it was set
    until = DateField(null=True)  # snoozed: the day the reminder shows again
    interaction = ForeignKeyField(Interaction, null=True, on_delete="SET NULL")
    user = ForeignKeyField(User, null=True, on_delete="SET NULL")
    created_at = AwareDateTimeField()

    class Meta:
        indexes = ((("customer", "item_kind", "item"), True),)


class ControlledSale(BaseModel):
    """The real-name register: one line of a controlled medicine sold. Kept as written."""

    # Peewee's raw foreign key ids, declared for type checkers.
    product_id: int
    customer_id: int | None

    id = AutoField()
    sold_at = AwareDateTimeField()
    sold_on = DateField()
    purchase = ForeignKeyField(Purchase, null=True, on_delete="SET NULL")
    receipt = TextField(null=True)
    product = ForeignKeyField(Product, on_delete="RESTRICT")
    product_name = TextField()
    specification = TextField(default="")
    batch_no = TextField(default="")
    quantity = IntegerField()
    buyer_name = TextField()
    id_number = TextField()
    customer = ForeignKeyField(Customer, null=True, on_delete="SET NULL")
    user = ForeignKeyField(User, null=True, on_delete="SET NULL")
    staff_name = TextField()
    override_reason = TextField(null=True)  # why the per-sale limit was exceeded
    kept_at = AwareDateTimeField(null=True)  # the customer was erased; kept by law


class MergeRecord(BaseModel):
    """One merge (schema 13): the records before it and what moved, so it can be undone."""

    id = AutoField()
    survivor = ForeignKeyField(Customer, on_delete="CASCADE")
    merged_ids = TextField()  # JSON list of the customers merged into the survivor
    before = TextField()  # JSON: each record's fields (and consents, custom values) before
    moved = TextField()  # JSON: table -> ids of the rows that moved to the survivor
    user = ForeignKeyField(User, null=True, on_delete="SET NULL")
    created_at = AwareDateTimeField()
    undone_at = AwareDateTimeField(null=True)
    undone_user = ForeignKeyField(User, null=True, on_delete="SET NULL", backref="unmerges")


class DuplicateDismissal(BaseModel):
    """Two customers someone said are not the same person (lower id first)."""

    low = ForeignKeyField(Customer, on_delete="CASCADE", backref="+")
    high = ForeignKeyField(Customer, on_delete="CASCADE", backref="+")
    user = ForeignKeyField(User, null=True, on_delete="SET NULL")
    created_at = AwareDateTimeField()

    class Meta:
        primary_key = CompositeKey("low", "high")
        without_rowid = True


class CardPage(BaseModel):
    """The scanned card page a customer of an import came from (schema 14); the image only
    when the owner chose to keep card images in the pharmacy file."""

    customer_id: int
    batch_id: int

    id = AutoField()
    batch = ForeignKeyField(ImportBatch, on_delete="CASCADE")
    customer = ForeignKeyField(Customer, on_delete="CASCADE")
    row_number = IntegerField()  # the card's number in the batch
    source = TextField()  # the file as chosen
    page = IntegerField()  # 1-based, in that file
    file_hash = TextField()  # SHA-256 of the file, hex
    image = BlobField(null=True)
    image_type = TextField(null=True)  # image/png, image/jpeg …; null without an image
    created_at = AwareDateTimeField()


class LoyaltyRules(BaseModel):
    """One version of the owner's loyalty rules (JSON), applying from `effective_from`."""

    id = AutoField()
    effective_from = DateField()
    rules = TextField()
    user = ForeignKeyField(User, null=True, on_delete="SET NULL")
    created_at = AwareDateTimeField()


class AuditEvent(BaseModel):
    """Append-only and hash-chained. Names customers by id only, never by name."""

    id = AutoField()
    at = AwareDateTimeField()
    user_name = TextField(null=True)
    action = TextField()
    entity = TextField(null=True)
    entity_id = IntegerField(null=True)
    customer_id = IntegerField(null=True)
    details = TextField(default="{}")
    prev_hash = TextField()
    hash = TextField()


class Setting(BaseModel):
    key = TextField(primary_key=True)
    value = TextField()


ALL_MODELS = (
    User,
    ImportBatch,
    Customer,
    ConsentRecord,
    CustomField,
    CustomValue,
    Product,
    Purchase,
    Interaction,
    PointsEntry,
    LoyaltyRules,
    ReminderState,
    ControlledSale,
    MergeRecord,
    DuplicateDismissal,
    CardPage,
    AuditEvent,
    Setting,
)
