"""Admin changes are audited like service changes (who, when, old -> new).

`AuditedAdmin` audits every path by which the admin writes: the change and add forms
(`save_model`), their many-to-many fields (`save_related`), inline formsets
(`save_formset`), the changelist's editable columns (also `save_model`), the delete page
(`delete_model`), the bulk "delete selected" action (`delete_queryset`) and every other admin
action (one row per selected object, before the action runs). `audit_every_admin` makes the
admins registered by third-party apps (auth groups, API tokens, django-axes, task results)
audited too; `ppsp.core.apps` runs it once the admin has been autodiscovered, and
tests/core/test_admin_audit.py walks `admin.site._registry` to hold that.
"""

from __future__ import annotations

import functools
from typing import Any

from django.contrib import admin
from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.db.models import QuerySet
from django.forms import BaseFormSet, ModelForm
from django.http import HttpRequest

from ppsp.audit.models import Action
from ppsp.audit.services import audit_record, field_changes, snapshot
from ppsp.audit.views import AUDITABLE

SECRET_FIELDS = ("password",)
REASON = "admin"


def _concrete_fields(obj: models.Model) -> list[str]:
    return [f.name for f in obj._meta.concrete_fields if f.name != "id"]


def _m2m_fields(obj: models.Model) -> list[str]:
    return [f.name for f in obj._meta.many_to_many]


def _m2m_snapshot(obj: models.Model, fields: list[str]) -> dict[str, str]:
    if obj.pk is None:
        return {}
    return {name: ", ".join(sorted(str(v) for v in getattr(obj, name).all())) for name in fields}


def checked_file_formfield(
    db_field: models.FileField, rules: dict[str, tuple[tuple[str, ...], int | None]], **kwargs: Any
) -> Any:
    """The admin form field of a model FileField: an `UploadField` with the field's rule."""
    from django.contrib.admin.widgets import AdminFileWidget

    from ppsp.core.uploads import DOCUMENTS, UploadField

    kinds, max_bytes = rules.get(db_field.name, (DOCUMENTS, None))
    kwargs.setdefault("widget", AdminFileWidget)

    class CheckedUpload(UploadField):
        def __init__(self, *args: Any, **kw: Any) -> None:
            super().__init__(*args, kinds=kinds, limits_of="document", max_bytes=max_bytes, **kw)

    return db_field.formfield(form_class=CheckedUpload, **kwargs)


def region_code_of(obj: models.Model) -> str:
    """The region code an audit row of `obj` is filed under ('' when it has none): the
    object type's own rule registered with ppsp.audit.views, else its region or region_code."""
    entry = AUDITABLE.get(obj._meta.label_lower)
    try:
        if entry is not None:
            return str(entry.code_of(obj) or "")
        code = getattr(obj, "region_code", None)
        if isinstance(code, str):
            return code
        region = getattr(obj, "region", None)
        return str(getattr(region, "code", "") or "")
    except (ObjectDoesNotExist, AttributeError, TypeError):
        return ""


class AuditedAdmin(admin.ModelAdmin[Any]):
    #: fields whose values are masked in the audit trail
    audit_secret_fields: tuple[str, ...] = SECRET_FIELDS
    #: per file field, the kinds of file accepted and the size cap [bytes] (None: the
    #: "document" limits); every file field not listed takes DOCUMENTS. An admin upload
    #: passes the same checks as the UI's (`ppsp.core.uploads`: size, kind by content,
    #: a ZIP's declared size, no XML DTD) before anything is stored.
    upload_rules: dict[str, tuple[tuple[str, ...], int | None]] = {}

    def formfield_for_dbfield(
        self, db_field: models.Field[Any, Any], request: HttpRequest, **kwargs: Any
    ) -> Any:
        if isinstance(db_field, models.FileField):
            return checked_file_formfield(db_field, self.upload_rules, **kwargs)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def audit_target(self, obj: Any) -> tuple[models.Model, str]:
        """The object an audit row is written for and a note for the reason; an admin of a
        model whose key is a secret (API tokens) files its rows under the owner instead."""
        return obj, ""

    def _audit(
        self,
        request: HttpRequest,
        obj: Any,
        action: str,
        changes: list[dict[str, Any]] | None = None,
        note: str = "",
    ) -> None:
        target, own_note = self.audit_target(obj)
        reason = " · ".join(p for p in (REASON, own_note, note) if p)
        audit_record(
            actor=request.user,
            obj=target,
            action=action,
            changes=changes,
            reason=reason,
            region_code=region_code_of(target),
        )

    def _audit_save(self, request: HttpRequest, obj: Any, change: bool, save: Any) -> None:
        fields = _concrete_fields(obj)
        before: dict[str, Any] = {}
        if change and obj.pk is not None:
            stored = type(obj)._default_manager.filter(pk=obj.pk).first()
            before = snapshot(stored, fields) if stored is not None else {}
        save()
        changes = field_changes(before, snapshot(obj, fields), secret=self.audit_secret_fields)
        if changes or not change:
            self._audit(request, obj, Action.UPDATE if change else Action.CREATE, changes)

    def save_model(
        self, request: HttpRequest, obj: Any, form: ModelForm[Any], change: bool
    ) -> None:
        self._audit_save(
            request,
            obj,
            change,
            lambda: super(AuditedAdmin, self).save_model(request, obj, form, change),
        )

    def save_related(
        self, request: HttpRequest, form: ModelForm[Any], formsets: Any, change: bool
    ) -> None:
        """Many-to-many fields of the form (groups, permissions, tables) are audited as one
        change of the object; inline formsets go through `save_formset`."""
        obj = form.instance
        fields = [name for name in _m2m_fields(obj) if name in form.cleaned_data]
        before = _m2m_snapshot(obj, fields) if change else {}
        super().save_related(request, form, formsets, change)
        if fields:
            after = _m2m_snapshot(obj, fields)
            if change:
                changes = field_changes(before, after)
            else:
                changes = [c for c in field_changes({}, after) if c["new"]]
            if changes:
                self._audit(request, obj, Action.UPDATE, changes)

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        self._audit(request, obj, Action.DELETE)
        super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        """The bulk "delete selected" action: one audit row per deleted object."""
        for obj in queryset:
            self._audit(request, obj, Action.DELETE, note="hapus terpilih")
        super().delete_queryset(request, queryset)

    def save_formset(
        self, request: HttpRequest, form: ModelForm[Any], formset: BaseFormSet[Any], change: bool
    ) -> None:
        instances = formset.save(commit=False)  # type: ignore[attr-defined]
        for obj in formset.deleted_objects:  # type: ignore[attr-defined]
            self._audit(request, obj, Action.DELETE)
            obj.delete()
        for obj in instances:
            self._audit_save(request, obj, obj.pk is not None, obj.save)
        formset.save_m2m()  # type: ignore[attr-defined]

    def get_actions(self, request: HttpRequest) -> dict[str, Any]:
        """Every admin action but "delete selected" (audited by `delete_queryset`) writes
        one row per selected object naming the action, before it runs."""
        actions: dict[str, Any] = dict(super().get_actions(request))
        for name, (func, action_name, description) in list(actions.items()):
            if name == "delete_selected":
                continue
            actions[name] = (self._audited_action(func, action_name), action_name, description)
        return actions

    def _audited_action(self, func: Any, name: str) -> Any:
        @functools.wraps(func)
        def run(modeladmin: Any, request: HttpRequest, queryset: QuerySet[Any]) -> Any:
            for obj in queryset:
                self._audit(request, obj, Action.UPDATE, note=f"aksi {name}")
            return func(modeladmin, request, queryset)

        return run


class TokenAudit:
    """API tokens: the key is the primary key and the string, so rows go on the owner."""

    audit_secret_fields = ("key",)

    def audit_target(self, obj: Any) -> tuple[models.Model, str]:
        return obj.user, "token API"


def audit_every_admin(site: admin.AdminSite) -> list[str]:
    """Re-register every admin of `site` that is not an `AuditedAdmin` as a subclass that is
    (same options, audited writes); returns the model labels changed."""
    changed = []
    for model, model_admin in list(site._registry.items()):
        if isinstance(model_admin, AuditedAdmin):
            continue
        cls = type(model_admin)
        bases: tuple[type, ...] = (AuditedAdmin, cls)
        if model._meta.label_lower == "authtoken.tokenproxy":
            bases = (TokenAudit, *bases)
        audited = type(f"Audited{cls.__name__}", bases, {"__module__": __name__})
        site.unregister(model)
        site.register(model, audited)
        changed.append(model._meta.label)
    return changed
