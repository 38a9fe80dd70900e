"""A service's ``ValidationError`` shown on a page: on the form's fields or as messages."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import BaseForm
from django.http import HttpRequest


def errors_to_form(form: BaseForm, error: ValidationError) -> None:
    """Put each message on its field when the form has it, else on the form."""
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


def error_messages(request: HttpRequest, error: ValidationError) -> None:
    """Every message of ``error`` as an error message of the next page."""
    for message in error.messages:
        messages.error(request, message)


def form_error_messages(request: HttpRequest, form: Any) -> None:
    """Every error of a bound form as an error message, prefixed by the field's label."""
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        for message in errors:
            messages.error(request, f"{label}: {message}" if label else message)
