from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ppsp.audit.refusals import audit_refusal
from ppsp.core.access import kabkota_for_user
from ppsp.core.files import file_response
from ppsp.core.permissions import Permission
from ppsp.core.scope import has_permission
from ppsp.core.uploads import upload_errors
from ppsp.documents import selectors, services
from ppsp.documents.forms import DocumentForm, FileForm, TransitionForm, VersionForm
from ppsp.documents.models import DocumentFile
from ppsp.documents.workflow import ACTION_LABELS, DocAction, available, next_state


def _errors(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@login_required
def index(request: HttpRequest) -> HttpResponse:
    documents = selectors.visible_documents(request.user).order_by(
        "region__code", "doc_type", "-period_start"
    )
    return render(request, "documents/index.html", {"documents": documents})


@login_required
def kabkota(request: HttpRequest, code: str) -> HttpResponse:
    region = kabkota_for_user(request.user, code, Permission.VIEW_DOCUMENTS)
    context = {
        "region": region,
        "documents": selectors.documents_of(region.code),
        "can_edit": has_permission(request.user, Permission.EDIT_DOCUMENTS, region.code),
    }
    return render(request, "documents/kabkota.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def create(request: HttpRequest, code: str) -> HttpResponse:
    region = kabkota_for_user(request.user, code, Permission.EDIT_DOCUMENTS)
    form = DocumentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            document = services.document_create(region=region, by=request.user, **data)
        except ValidationError as error:
            _errors(request, error)
        else:
            messages.success(request, _("Dokumen dibuat dengan versi 1 berstatus draf."))
            return redirect("documents:version", pk=document.versions.get().pk)
    return render(request, "documents/create.html", {"region": region, "form": form})


@login_required
def version_detail(request: HttpRequest, pk: int) -> HttpResponse:
    version = selectors.get_document_version_for_user(request.user, pk)
    code = version.document.region.code
    actions = []
    for action in available(version.status):
        step = next_state(version.status, action)
        if step and has_permission(request.user, step[1], code):
            actions.append((action, ACTION_LABELS[action]))
    can_edit = has_permission(request.user, Permission.EDIT_DOCUMENTS, code)
    context = {
        "version": version,
        "document": version.document,
        "versions": version.document.versions.order_by("-number"),
        "required": version.document.method_version.required_tables.all(),
        "filled": set(version.filled_tables.values_list("pk", flat=True)),
        "files": version.files.all(),
        "actions": actions,
        "approve": DocAction.APPROVE,
        "return_action": DocAction.RETURN,
        "can_edit": can_edit and version.status == "draft",
        "can_new_version": can_edit and version.locked,
        "file_form": FileForm(),
        "can_audit": has_permission(request.user, Permission.VIEW_AUDIT, code),
    }
    return render(request, "documents/version.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def version_edit(request: HttpRequest, pk: int) -> HttpResponse:
    version = selectors.get_document_version_for_user(request.user, pk, write=True)
    method = version.document.method_version
    initial = {"summary": version.summary, "filled_tables": version.filled_tables.all()}
    form = VersionForm(request.POST or None, initial=initial, method_version=method)
    if version.locked:
        if request.method == "POST":  # a refused change is audited like every other one
            audit_refusal(
                actor=request.user,
                obj=version,
                attempted="ubah ringkasan/tabel versi",
                message=services.LOCKED_MESSAGE,
                region_code=version.document.region.code,
            )
        messages.error(request, services.LOCKED_MESSAGE)
        return redirect("documents:version", pk=pk)
    if request.method == "POST" and form.is_valid():
        try:
            services.document_version_update(version=version, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            _errors(request, error)
        else:
            messages.success(request, _("Versi dokumen tersimpan."))
            return redirect("documents:version", pk=pk)
    return render(request, "documents/version_edit.html", {"version": version, "form": form})


@login_required
@require_POST
def version_transition(request: HttpRequest, pk: int) -> HttpResponse:
    version = selectors.get_document_version_for_user(request.user, pk)
    form = TransitionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Isian tidak lengkap."))
        return redirect("documents:version", pk=pk)
    data = form.cleaned_data
    try:
        if data["action"] == DocAction.APPROVE and data["legal_number"] and data["legal_date"]:
            services.document_version_set_legal_basis(
                version=version,
                kind=data["legal_kind"],
                number=data["legal_number"],
                date=data["legal_date"],
                by=request.user,
            )
        services.document_version_transition(
            obj=version, action=data["action"], by=request.user, reason=data["reason"]
        )
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as error:
        _errors(request, error)
    else:
        messages.success(request, _("Status dokumen diperbarui."))
    return redirect("documents:version", pk=pk)


@login_required
@require_POST
def file_upload(request: HttpRequest, pk: int) -> HttpResponse:
    version = selectors.get_document_version_for_user(request.user, pk, write=True)
    form = FileForm(request.POST, request.FILES)
    if not form.is_valid():
        for problem in upload_errors(form, _("Pilih berkas yang akan diunggah.")):
            messages.error(request, problem)
        return redirect("documents:version", pk=pk)
    try:
        services.document_file_add(
            version=version,
            file=form.cleaned_data["file"],
            label=form.cleaned_data["label"],
            by=request.user,
        )
    except ValidationError as error:
        _errors(request, error)
    else:
        messages.success(request, _("Berkas diunggah."))
    return redirect("documents:version", pk=pk)


@login_required
@require_POST
def new_version(request: HttpRequest, pk: int) -> HttpResponse:
    document = selectors.get_document_for_user(request.user, pk, write=True)
    try:
        version = services.document_version_create_next(document=document, by=request.user)
    except ValidationError as error:
        _errors(request, error)
        latest = document.versions.order_by("-number").first()
        return (
            redirect("documents:version", pk=latest.pk) if latest else redirect("documents:index")
        )
    messages.success(request, _("Versi baru dibuat dari salinan versi terakhir."))
    return redirect("documents:version", pk=version.pk)


@login_required
def file_download(request: HttpRequest, pk: int) -> HttpResponseBase:
    """A version's uploaded file, to whoever may see the version (404 otherwise)."""
    stored = get_object_or_404(DocumentFile, pk=pk)
    selectors.get_document_version_for_user(request.user, stored.version_id)
    return file_response(stored.file)
