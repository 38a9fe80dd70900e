"""The tanggapan matrix: the Pokja's answers, its export and the final-text comparison
(login, scoped; out of scope answers 404)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ppsp.consultation import exports, sections, selectors
from ppsp.consultation.diff import final_diff
from ppsp.consultation.forms import (
    ResponseForm,
)
from ppsp.consultation.models import (
    ConsultationState,
)
from ppsp.consultation.services import tanggapan as services_tanggapan
from ppsp.consultation.views.manage import flash_errors
from ppsp.core.permissions import Permission
from ppsp.core.scope import has_permission


@login_required
def tanggapan(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = selectors.get_consultation_for_user(request.user, pk)
    can_edit = has_permission(request.user, Permission.EDIT_DOCUMENTS, consultation.region_code)
    outline = sections.outline_choices(consultation)
    wanted = request.GET.get("bagian", "")
    wanted = wanted if wanted in dict(outline) else ""
    rows = []
    for comment in selectors.tanggapan_rows(consultation, section=wanted):
        response = getattr(comment, "response", None)
        initial = (
            {
                "decision": response.decision,
                "reason": response.reason,
                "section_changed": response.section_changed,
                "accommodated": response.accommodated,
                "changed_section": response.changed_section,
            }
            if response
            else {"changed_section": comment.section}
        )
        form = ResponseForm(initial=initial, prefix=f"c{comment.pk}", sections=outline)
        rows.append((comment, response, form))
    context = {
        "consultation": consultation,
        "rows": rows,
        "outline": outline,
        "wanted": wanted,
        "by_section": selectors.changes_by_section(consultation),
        "can_edit": can_edit and consultation.state != ConsultationState.DISAHKAN,
    }
    return render(request, "consultation/tanggapan.html", context)


@login_required
@require_POST
def response_set(request: HttpRequest, pk: int) -> HttpResponse:
    comment = selectors.get_comment_for_user(request.user, pk, write=True)
    outline = sections.outline_choices(comment.consultation)
    form = ResponseForm(request.POST, prefix=f"c{comment.pk}", sections=outline)
    if not form.is_valid():
        messages.error(request, _("Isi keputusan dan tanggapan."))
    else:
        try:
            services_tanggapan.response_set(comment=comment, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            flash_errors(request, error)
        else:
            messages.success(request, _("Tanggapan tersimpan."))
    return redirect("consultation:tanggapan", pk=comment.consultation_id)


@login_required
def tanggapan_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = selectors.get_consultation_for_user(request.user, pk)
    wanted = request.GET.get("bagian", "")
    wanted = wanted if wanted in dict(sections.outline_choices(consultation)) else ""
    content = exports.matrix_xlsx(
        consultation,
        selectors.tanggapan_rows(consultation, section=wanted),
        selectors.changes_by_section(consultation),
    )
    response = HttpResponse(content, content_type=exports.XLSX_TYPE)
    response["Content-Disposition"] = (
        f'attachment; filename="matriks-tanggapan-{consultation.pk}.xlsx"'
    )
    return response


@login_required
def changes(request: HttpRequest, pk: int) -> HttpResponse:
    """The final text against the consulted draft, with the tanggapan that changed it."""
    consultation = selectors.get_consultation_for_user(request.user, pk)
    rows = final_diff(consultation)
    context = {
        "consultation": consultation,
        "rows": rows,
        "changed": sum(r.kind != "sama" for r in rows),
        "responses": selectors.tanggapan_rows(consultation)
        .filter(response__isnull=False)
        .exclude(response__decision="tidak"),
        "by_section": selectors.changes_by_section(consultation),
    }
    return render(request, "consultation/changes.html", context)
