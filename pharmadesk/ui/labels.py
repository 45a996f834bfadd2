"""Translated names for the stored codes (channels, kinds, call outcomes, consent statuses,
genders)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication


def _tr(names: Mapping[Any, Any], code: object) -> str:
    """The translated label of `code` in a QT_TRANSLATE_NOOP table (the code if unknown)."""
    text = names.get(code)
    return QCoreApplication.translate("labels", str(text)) if text else str(code or "")


def channel(code: str) -> str:
    names = {
        "counter": QT_TRANSLATE_NOOP("labels", "Counter"),
        "paper": QT_TRANSLATE_NOOP("labels", "Paper card"),
        "phone": QT_TRANSLATE_NOOP("labels", "Phone"),
        "sms": QT_TRANSLATE_NOOP("labels", "SMS"),
        "wechat": QT_TRANSLATE_NOOP("labels", "WeChat"),
        "email": QT_TRANSLATE_NOOP("labels", "Email"),
    }
    return _tr(names, code)


def kind(code: str) -> str:
    names = {
        "consultation": QT_TRANSLATE_NOOP("labels", "Consultation"),
        "complaint": QT_TRANSLATE_NOOP("labels", "Complaint"),
        "feedback": QT_TRANSLATE_NOOP("labels", "Feedback"),
        "follow_up": QT_TRANSLATE_NOOP("labels", "Follow-up"),
        "reminder": QT_TRANSLATE_NOOP("labels", "Reminder"),
    }
    return _tr(names, code)


def outcome(code: str | None) -> str:
    """How a call from the reminder lists went (interactions.OUTCOMES)."""
    names = {
        "reached": QT_TRANSLATE_NOOP("labels", "Reached"),
        "no_answer": QT_TRANSLATE_NOOP("labels", "No answer"),
        "will_come": QT_TRANSLATE_NOOP("labels", "Will come in"),
        "stopped": QT_TRANSLATE_NOOP("labels", "Stopped this medicine"),
        "sent": QT_TRANSLATE_NOOP("labels", "Sent"),
    }
    return _tr(names, code)


def reminder_status(code: str) -> str:
    """A refill reminder's status (reminders.STATUSES)."""
    names = {
        "due": QT_TRANSLATE_NOOP("labels", "Due"),
        "overdue": QT_TRANSLATE_NOOP("labels", "Overdue"),
        "lapsing": QT_TRANSLATE_NOOP("labels", "Lapsing"),
    }
    return _tr(names, code)


def consent(code: str | None) -> str:
    names = {
        None: QT_TRANSLATE_NOOP("labels", "Not recorded"),
        "given": QT_TRANSLATE_NOOP("labels", "Given"),
        "refused": QT_TRANSLATE_NOOP("labels", "Refused"),
        "withdrawn": QT_TRANSLATE_NOOP("labels", "Withdrawn"),
        "paper_unconfirmed": QT_TRANSLATE_NOOP("labels", "Paper card, not yet confirmed"),
    }
    return _tr(names, code)


def purpose(code: str) -> str:
    """What a consent is for (consent records' `purpose`)."""
    names = {
        "data": QT_TRANSLATE_NOOP("labels", "Personal data"),
        "health": QT_TRANSLATE_NOOP("labels", "Health data"),
        "marketing": QT_TRANSLATE_NOOP("labels", "Contact and offers"),
    }
    return _tr(names, code)


def gender(code: str | None) -> str:
    names = {"M": QT_TRANSLATE_NOOP("labels", "Male"), "F": QT_TRANSLATE_NOOP("labels", "Female")}
    return _tr(names, code)


def field(name: str) -> str:
    names = {
        "name": QT_TRANSLATE_NOOP("labels", "Name"),
        "code": QT_TRANSLATE_NOOP("labels", "Member code"),
        "gender": QT_TRANSLATE_NOOP("labels", "Gender"),
        "birth_date": QT_TRANSLATE_NOOP("labels", "Birth date"),
        "age": QT_TRANSLATE_NOOP("labels", "Age"),
        "birth_year": QT_TRANSLATE_NOOP("labels", "Birth year"),
        "mobile": QT_TRANSLATE_NOOP("labels", "Mobile"),
        "phone": QT_TRANSLATE_NOOP("labels", "Other phone"),
        "email": QT_TRANSLATE_NOOP("labels", "Email"),
        "address": QT_TRANSLATE_NOOP("labels", "Address"),
        "postal_code": QT_TRANSLATE_NOOP("labels", "Postal code"),
        "preferences": QT_TRANSLATE_NOOP("labels", "Preferences (categories, brands)"),
        "allergies": QT_TRANSLATE_NOOP("labels", "Allergies"),
        "chronic_conditions": QT_TRANSLATE_NOOP("labels", "Chronic conditions"),
        "notes": QT_TRANSLATE_NOOP("labels", "Notes"),
        "consent_data": QT_TRANSLATE_NOOP("labels", "Consent: personal data"),
        "consent_health": QT_TRANSLATE_NOOP("labels", "Consent: health data"),
        "consent_marketing": QT_TRANSLATE_NOOP("labels", "Consent: contact and offers"),
        "guardian_name": QT_TRANSLATE_NOOP("labels", "Guardian"),
        "guardian_mobile": QT_TRANSLATE_NOOP("labels", "Guardian's mobile"),
        "consent_channel": QT_TRANSLATE_NOOP("labels", "Consents given via"),
    }
    return _tr(names, name)


def problem(code: str) -> str:
    """What is wrong with a field, in the UI language (codes from the services)."""
    names = {
        "name_missing": QT_TRANSLATE_NOOP("labels", "A name is required"),
        "mobile_invalid": QT_TRANSLATE_NOOP(
            "labels", "Not a valid mobile: 11 digits starting 13-19"
        ),
        "not_mobile": QT_TRANSLATE_NOOP("labels", "Not a mobile number"),
        "phone_invalid": QT_TRANSLATE_NOOP("labels", "Not a phone number"),
        "date_invalid": QT_TRANSLATE_NOOP("labels", "No such date"),
        "date_unreadable": QT_TRANSLATE_NOOP(
            "labels", "Not a date (e.g. 1965-03-07 or 1965年3月7日)"
        ),
        "date_implausible": QT_TRANSLATE_NOOP("labels", "Not a plausible birth date"),
        "year_implausible": QT_TRANSLATE_NOOP("labels", "Not a plausible birth year"),
        "gender_unreadable": QT_TRANSLATE_NOOP("labels", "Not a gender"),
        "age_unreadable": QT_TRANSLATE_NOOP("labels", "Not an age"),
        "age_invalid": QT_TRANSLATE_NOOP("labels", "Not a plausible age"),
        "email_invalid": QT_TRANSLATE_NOOP("labels", "Not an email address"),
        "postal_code_invalid": QT_TRANSLATE_NOOP("labels", "A postal code has 6 digits"),
        "consent_invalid": QT_TRANSLATE_NOOP("labels", "Not a consent status"),
        "text_too_long": QT_TRANSLATE_NOOP("labels", "Too long"),
        "number_invalid": QT_TRANSLATE_NOOP("labels", "Not a number"),
        "choice_invalid": QT_TRANSLATE_NOOP("labels", "Not one of the choices"),
        "unknown_field": QT_TRANSLATE_NOOP("labels", "Unknown field"),
        "taken": QT_TRANSLATE_NOOP("labels", "Already in use by another customer"),
        "guardian_name_missing": QT_TRANSLATE_NOOP(
            "labels", "A child under 14: the guardian's name is required"
        ),
        "guardian_mobile_missing": QT_TRANSLATE_NOOP(
            "labels", "A child under 14: the guardian's mobile is required"
        ),
        "guardian_consent_missing": QT_TRANSLATE_NOOP(
            "labels", "A child under 14: the guardian's consent is required (Given)"
        ),
        "channel_invalid": QT_TRANSLATE_NOOP("labels", "Not a consent channel"),
    }
    return _tr(names, code)
