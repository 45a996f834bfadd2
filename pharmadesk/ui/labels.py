"""Translated names for the stored codes (channels, kinds, consent statuses, genders)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("labels", text)


def channel(code: str) -> str:
    names = {
        "counter": _t("Counter"),
        "phone": _t("Phone"),
        "sms": _t("SMS"),
        "wechat": _t("WeChat"),
        "email": _t("Email"),
    }
    return names.get(code, code)


def kind(code: str) -> str:
    names = {
        "consultation": _t("Consultation"),
        "complaint": _t("Complaint"),
        "feedback": _t("Feedback"),
        "follow_up": _t("Follow-up"),
        "reminder": _t("Reminder"),
    }
    return names.get(code, code)


def consent(code: str | None) -> str:
    names = {
        None: _t("Not recorded"),
        "given": _t("Given"),
        "refused": _t("Refused"),
        "withdrawn": _t("Withdrawn"),
        "paper_unconfirmed": _t("Paper card, not yet confirmed"),
    }
    return names.get(code, code or "")


def gender(code: str | None) -> str:
    return {None: "", "M": _t("Male"), "F": _t("Female")}.get(code, code or "")


def field(name: str) -> str:
    names = {
        "name": _t("Name"),
        "code": _t("Member code"),
        "gender": _t("Gender"),
        "birth_date": _t("Birth date"),
        "age": _t("Age"),
        "birth_year": _t("Birth year"),
        "mobile": _t("Mobile"),
        "phone": _t("Other phone"),
        "email": _t("Email"),
        "address": _t("Address"),
        "postal_code": _t("Postal code"),
        "preferences": _t("Preferences (categories, brands)"),
        "allergies": _t("Allergies"),
        "chronic_conditions": _t("Chronic conditions"),
        "notes": _t("Notes"),
        "consent_data": _t("Consent: personal data"),
        "consent_health": _t("Consent: health data"),
        "consent_marketing": _t("Consent: contact and offers"),
    }
    return names.get(name, name)


def problem(code: str) -> str:
    """What is wrong with a field, in the UI language (codes from the services)."""
    names = {
        "name_missing": _t("A name is required"),
        "mobile_invalid": _t("Not a valid mobile: 11 digits starting 13-19"),
        "not_mobile": _t("Not a mobile number"),
        "phone_invalid": _t("Not a phone number"),
        "date_invalid": _t("No such date"),
        "date_unreadable": _t("Not a date (e.g. 1965-03-07 or 1965年3月7日)"),
        "date_implausible": _t("Not a plausible birth date"),
        "year_implausible": _t("Not a plausible birth year"),
        "gender_unreadable": _t("Not a gender"),
        "age_unreadable": _t("Not an age"),
        "age_invalid": _t("Not a plausible age"),
        "email_invalid": _t("Not an email address"),
        "postal_code_invalid": _t("A postal code has 6 digits"),
        "consent_invalid": _t("Not a consent status"),
        "text_too_long": _t("Too long"),
        "number_invalid": _t("Not a number"),
        "choice_invalid": _t("Not one of the choices"),
        "unknown_field": _t("Unknown field"),
        "taken": _t("Already in use by another customer"),
    }
    return names.get(code, code)
