"""One flow for the programme's form pages: validate, call the service, show its refusal
on the form or confirm and go back."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse

from ppsp.core.form_errors import errors_to_form


def form_page(
    request: HttpRequest,
    form: BaseForm,
    *,
    save: Callable[[dict[str, Any]], object],
    success: str,
    done: tuple[str, dict[str, Any]],
    title: str,
    region: Any = None,
) -> HttpResponse:
    """GET shows `form`; a valid POST calls `save(cleaned_data)`, then redirects to the URL
    `done` (name, kwargs) with `success`, or shows the service's ValidationError."""
    if request.method == "POST" and form.is_valid():
        try:
            save(form.cleaned_data)
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, success)
            return HttpResponseRedirect(reverse(done[0], kwargs=done[1]))
    context = {"region": region, "form": form, "title": title, "multipart": False}
    return render(request, "programme/form.html", context)
