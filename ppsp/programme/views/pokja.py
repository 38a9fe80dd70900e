from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from ppsp.core.access import kabkota_for_user
from ppsp.core.form_errors import errors_to_form
from ppsp.core.permissions import Permission
from ppsp.programme import selectors
from ppsp.programme.forms import EndForm, OpdForm, PokjaMemberForm, PokjaSkForm
from ppsp.programme.services import pokja as services_pokja
from ppsp.programme.views.form_page import form_page


@login_required
@require_GET
def pokja(request: HttpRequest, code: str) -> HttpResponse:
    region = kabkota_for_user(request.user, code, Permission.VIEW_PROGRAMME)
    sks = selectors.pokja_sks(region)
    current = sks[0] if sks else None
    can_edit = selectors.can(request.user, Permission.EDIT_PROGRAMME, code)
    members = list(current.members.select_related("opd")) if current else []
    context = {
        "region": region,
        "sk": current,
        "members": [m for m in members if m.ended_on is None],
        "ended_members": [m for m in members if m.ended_on is not None],
        "history": sks[1:],
        "opd_check": selectors.pokja_opd_check(current),
        "opds": selectors.opds_of(region),
        "can_edit": can_edit,
        "can_audit": selectors.can(request.user, Permission.VIEW_AUDIT, code),
        "member_form": PokjaMemberForm(region=region) if can_edit and current else None,
    }
    return render(request, "programme/pokja.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def pokja_sk_create(request: HttpRequest, code: str) -> HttpResponse:
    region = kabkota_for_user(request.user, code, Permission.EDIT_PROGRAMME)
    form = PokjaSkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services_pokja.pokja_sk_create(region=region, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, _("SK Pokja baru tersimpan; SK lama tetap dalam riwayat."))
            return redirect("programme:pokja", code=code)
    return render(
        request,
        "programme/form.html",
        {"region": region, "form": form, "title": _("SK Pokja baru"), "multipart": False},
    )


@login_required
@require_http_methods(["GET", "POST"])
def pokja_member_add(request: HttpRequest, code: str) -> HttpResponse:
    region = kabkota_for_user(request.user, code, Permission.EDIT_PROGRAMME)
    sks = selectors.pokja_sks(region)
    form = PokjaMemberForm(request.POST or None, region=region)
    if not sks:
        messages.error(request, _("Catat SK Pokja terlebih dahulu."))
        return redirect("programme:pokja", code=code)
    if request.method == "POST" and form.is_valid():
        try:
            services_pokja.pokja_member_add(sk=sks[0], by=request.user, **form.cleaned_data)
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, _("Anggota Pokja ditambahkan."))
            return redirect("programme:pokja", code=code)
    return render(
        request,
        "programme/form.html",
        {"region": region, "form": form, "title": _("Tambah anggota Pokja"), "multipart": False},
    )


@login_required
@require_http_methods(["GET", "POST"])
def opd_create(request: HttpRequest, code: str) -> HttpResponse:
    region = kabkota_for_user(request.user, code, Permission.EDIT_PROGRAMME)
    form = OpdForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services_pokja.opd_create(region=region, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, _("OPD tersimpan."))
            return redirect("programme:pokja", code=code)
    return render(
        request,
        "programme/form.html",
        {"region": region, "form": form, "title": _("OPD baru"), "multipart": False},
    )


@login_required
@require_http_methods(["GET", "POST"])
def pokja_member_edit(request: HttpRequest, pk: int) -> HttpResponse:
    member = selectors.get_pokja_member_for_user(request.user, pk, write=True)
    region = member.sk.region
    initial = {
        "full_name": member.full_name,
        "role": member.role,
        "opd": member.opd_id,
        "position": member.position,
    }
    return form_page(
        request,
        PokjaMemberForm(request.POST or None, region=region, initial=initial),
        save=lambda data: services_pokja.pokja_member_update(
            member=member, by=request.user, **data
        ),
        success=_("Data anggota Pokja diperbarui."),
        done=("programme:pokja", {"code": region.code}),
        title=_("Ubah anggota Pokja: %(name)s") % {"name": member.full_name},
        region=region,
    )


@login_required
@require_http_methods(["GET", "POST"])
def pokja_member_end(request: HttpRequest, pk: int) -> HttpResponse:
    member = selectors.get_pokja_member_for_user(request.user, pk, write=True)
    region = member.sk.region
    return form_page(
        request,
        EndForm(request.POST or None, initial={"ended_on": dt.date.today()}),
        save=lambda data: services_pokja.pokja_member_end(
            member=member, ended_on=data["ended_on"], reason=data["reason"], by=request.user
        ),
        success=_("%(name)s tercatat berhenti; tetap tampil di riwayat SK.")
        % {"name": member.full_name},
        done=("programme:pokja", {"code": region.code}),
        title=_("Akhiri keanggotaan: %(name)s") % {"name": member.full_name},
        region=region,
    )
