from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ppsp.core.permissions import Permission
from ppsp.core.scope import has_permission
from ppsp.docgen import revision, selectors, services
from ppsp.docgen.diff import diff_tables
from ppsp.docgen.forms import NarrativeForm, ParagraphsForm, RenderForm
from ppsp.docgen.models import Format, RenderedFile, RenderState
from ppsp.docgen.services.snapshot import snapshot_intact, snapshot_of
from ppsp.documents.models import DocumentVersion, Status

CONTENT_TYPES = {
    Format.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    Format.PDF: "application/pdf",
}


@login_required
def version(request: HttpRequest, pk: int) -> HttpResponse:
    version = selectors.get_version_for_user(request.user, pk)
    code = version.document.region.code
    states = selectors.completeness(version)
    can_edit = has_permission(request.user, Permission.EDIT_DOCUMENTS, code)
    others = version.document.versions.exclude(pk=version.pk).order_by("-number")
    snap = snapshot_of(version)
    by_section = selectors.consultation_changes(version)
    changed = {group.number: group.comments for group in by_section}
    context = {
        "by_section": by_section,
        "rows": [(st, changed.get(st.section.number, ())) for st in states],
        "snapshot": snap,
        "snapshot_intact": snapshot_intact(snap) if snap else True,
        "version": version,
        "document": version.document,
        "states": states,
        "empty": [s for s in states if not s.written],
        "stale": [s for s in states if s.stale],
        "complete": selectors.document_complete(states),
        "rendered": selectors.rendered_of(version),
        "can_edit": can_edit and version.status == "draft",
        "can_render": can_edit,
        "formats": Format.choices,
        "others": others,
    }
    return render(request, "docgen/version.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def narrative(request: HttpRequest, pk: int, section: str) -> HttpResponse:
    version = selectors.get_version_for_user(request.user, pk, write=True)
    match = next((s for s in selectors.completeness(version) if s.section.number == section), None)
    if match is None:
        raise Http404
    data = request.POST if request.method == "POST" else None
    form = NarrativeForm(data, initial={"text": match.own_text})
    paragraphs = ParagraphsForm(match.paragraphs, data)
    if request.method == "POST" and form.is_valid() and paragraphs.is_valid():
        try:
            _save_narrative(version, match, form, paragraphs, request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Narasi tersimpan."))
            return redirect("docgen:version", pk=pk)
    context = {"version": version, "state": match, "form": form, "paragraphs": paragraphs}
    return render(request, "docgen/narrative.html", context)


@transaction.atomic
def _save_narrative(
    version: DocumentVersion,
    state: selectors.SectionState,
    form: NarrativeForm,
    paragraphs: ParagraphsForm,
    user: Any,
) -> None:
    """The Pokja's own text and every paragraph they changed or returned to the data."""
    number = state.section.number
    if form.cleaned_data["text"] != state.own_text:
        services.section_text_save(
            version=version, section=number, text=form.cleaned_data["text"], by=user
        )
    for p in paragraphs.paragraphs:
        if not paragraphs.submitted(p):
            continue
        text = paragraphs.cleaned_data[f"p-{p.key}"].replace("\r\n", "\n")
        reset = paragraphs.cleaned_data[f"reset-{p.key}"]
        if reset and not p.edited:
            continue
        if reset or p.stale or text.strip() != p.text.strip():  # saving confirms a stale one
            services.paragraph_save(
                version=version, section=number, key=p.key, text=None if reset else text, by=user
            )


@login_required
@require_POST
def render_start(request: HttpRequest, pk: int) -> HttpResponse:
    version = selectors.get_version_for_user(request.user, pk, write=True)
    form = RenderForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Pilih format dokumen."))
        return redirect("docgen:version", pk=pk)
    try:
        services.render_request(version=version, fmt=form.cleaned_data["fmt"], by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Dokumen sedang disusun."))
    return redirect("docgen:version", pk=pk)


@login_required
def rendered_status(request: HttpRequest, pk: int) -> HttpResponse:
    rendered = selectors.get_rendered_for_user(request.user, pk)
    return render(request, "docgen/_rendered.html", {"r": rendered})


@login_required
def download(request: HttpRequest, pk: int) -> HttpResponse:
    rendered = selectors.get_rendered_for_user(request.user, pk)
    if rendered.state != RenderState.DONE or not rendered.file:
        raise Http404
    return _file_response(rendered)


def _file_response(rendered: RenderedFile) -> HttpResponse:
    name = rendered.file.name.rsplit("/", 1)[-1]
    with rendered.file.open("rb") as handle:
        data = handle.read()
    response = HttpResponse(
        data, content_type=CONTENT_TYPES.get(Format(rendered.fmt), "application/octet-stream")
    )
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["X-Checksum-SHA256"] = rendered.sha256
    return response


@login_required
def diff(request: HttpRequest, pk: int) -> HttpResponse:
    """Revision diff: the approved version (its snapshot) against this one (its snapshot
    when approved, else its data now): changed figures per table and changed narrative."""
    version = selectors.get_version_for_user(request.user, pk)
    other_pk = request.GET.get("dengan", "")
    other = (
        version.document.versions.filter(pk=int(other_pk)).first() if other_pk.isdigit() else None
    )
    if other is None:
        other = revision.base_of(version)
    if other is None:
        other = version.document.versions.exclude(pk=version.pk).order_by("-number").first()
    a = revision.side_of(other) if other else None
    b = revision.side_of(version)
    diffs = diff_tables(a.tables, b.tables) if a and b else []
    context = {
        "version": version,
        "other": other,
        "a": a,
        "b": b,
        "diffs": diffs,
        "changed": [d for d in diffs if d.changed],
        "texts": revision.narrative_changes(a, b) if a and b else [],
    }
    return render(request, "docgen/diff.html", context)


def _approved_version(pk: int) -> DocumentVersion:
    version = get_object_or_404(
        DocumentVersion.objects.select_related("document__region", "document__method_version"),
        pk=pk,
        status=Status.APPROVED,
    )
    return version


def public_files(request: HttpRequest, pk: int) -> HttpResponse:
    """Public: the generated files of an approved (immutable) version; others answer 404."""
    version = _approved_version(pk)
    files = [f for f in (selectors.latest_done(version, fmt) for fmt in Format.values) if f]
    return render(request, "docgen/public.html", {"version": version, "files": files})


def public_download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    version = _approved_version(pk)
    rendered = selectors.latest_done(version, fmt) if fmt in Format.values else None
    if rendered is None:
        raise Http404
    return _file_response(rendered)
