"""Admin changes are audited like service changes (who, when, old -> new)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import models
from django.forms import BaseFormSet, ModelForm
from django.http import HttpRequest

from ppsp.audit.models import Action
from ppsp.audit.services import audit_record, field_changes, snapshot

SECRET_FIELDS = ("password",)


def _concrete_fields(obj: models.Model) -> list[str]:
    return [f.name for f in obj._meta.concrete_fields if f.name != "id"]


def _audit_save(request: HttpRequest, obj: models.Model, change: bool, save: Any) -> None:
    fields = _concrete_fields(obj)
    before: dict[str, Any] = {}
    if change and obj.pk is not None:
        stored = type(obj)._default_manager.filter(pk=obj.pk).first()
        before = snapshot(stored, fields) if stored is not None else {}
    save()
    changes = field_changes(before, snapshot(obj, fields), secret=SECRET_FIELDS)
    if changes or not change:
        audit_record(
            actor=request.user,
            obj=obj,
            action=Action.UPDATE if change else Action.CREATE,
            changes=changes,
            reason="admin",
        )


class AuditedAdmin(admin.ModelAdmin[Any]):
    def save_model(
        self, request: HttpRequest, obj: Any, form: ModelForm[Any], change: bool
    ) -> None:
        _audit_save(
            request,
            obj,
            change,
            lambda: super(AuditedAdmin, self).save_model(request, obj, form, change),
        )

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        audit_record(actor=request.user, obj=obj, action=Action.DELETE, reason="admin")
        super().delete_model(request, obj)

    def save_formset(
        self, request: HttpRequest, form: ModelForm[Any], formset: BaseFormSet[Any], change: bool
    ) -> None:
        instances = formset.save(commit=False)  # type: ignore[attr-defined]
        for obj in formset.deleted_objects:  # type: ignore[attr-defined]
            audit_record(actor=request.user, obj=obj, action=Action.DELETE, reason="admin")
            obj.delete()
        for obj in instances:
            _audit_save(request, obj, obj.pk is not None, obj.save)
        formset.save_m2m()  # type: ignore[attr-defined]
