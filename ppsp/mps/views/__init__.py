"""Proses 4 pages: the Lampiran 4 of a kab/kota, rows, Daftar Tunggu, commitments, QA."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ppsp.compute.programme_rows import SwotFactor as PureFactor
from ppsp.compute.programme_rows import swot_position, to_juta
from ppsp.core.access import kabkota_for_user
from ppsp.core.permissions import Permission
from ppsp.core.scope import has_permission
from ppsp.mps import freeze as mps_freeze
from ppsp.mps import selectors, services, workflow
from ppsp.mps.codes import Source, Subsector
from ppsp.mps.forms import (
    AdvanceForm,
    CommitmentForm,
    KklNodeForm,
    KomitmenForm,
    QaForm,
    RowForm,
    SwotForm,
)
from ppsp.mps.models import Party, RowStatus
from ppsp.mps.services import funding as services_funding


def _errors(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def _parties(user: Any, code: str) -> list[str]:
    return [p for p in Party.values if has_permission(user, workflow.permission_for_party(p), code)]


@login_required
def index(request: HttpRequest) -> HttpResponse:
    """Lampiran 4 plans in the user's scope, and the kab/kota the user may start one in."""
    context = {
        "plans": selectors.visible_plans(request.user),
        "kabkotas": selectors.editable_kabkotas(request.user),
    }
    return render(request, "mps/index.html", context)


@login_required
def kabkota(request: HttpRequest, code: str) -> HttpResponse:
    region = kabkota_for_user(request.user, code, Permission.VIEW_MPS)
    plan = selectors.current_plan(region)
    can_edit = has_permission(request.user, Permission.EDIT_MPS, code)
    context: dict[str, Any] = {"region": region, "plan": plan, "can_edit": can_edit}
    if plan is not None:
        rows = list(selectors.plan_rows(plan))
        check = selectors.budget_check(plan, rows)
        komitmen = selectors.komitmen_of(plan)
        totals = selectors.totals_by_subsector(rows)
        need = {k: int(v) for k, v in plan.need_by_subsector.items()}
        context.update(
            rows=rows,
            prioritas=[r for r in rows if r.status == RowStatus.PRIORITAS],
            daftar_tunggu=[r for r in rows if r.status == RowStatus.DAFTAR_TUNGGU],
            mismatches=selectors.tabel51_mismatches(plan, rows),
            subsectors=[
                (
                    Subsector(s).label,
                    to_juta(totals.get(s, 0)),
                    to_juta(need[s]) if s in need else None,
                )
                for s in sorted(set(totals) | set(need))
            ],
            budget=check,
            komitmen_source=(komitmen or (None, ""))[1],
            # the typed entry only while Tabel 5.1 (c) is missing (one source per figure)
            komitmen_typed=komitmen is None or not komitmen[1].startswith("Tabel 5.1"),
            proposed=[r for r in rows if check and r.pk in check.to_waiting_list],
            qa=selectors.qa_result(plan),
            qa_form=QaForm(initial={"done": plan.qa_done or []}),
            can_qa=can_edit or has_permission(request.user, Permission.REVIEW_MPS, code),
            komitmen_form=KomitmenForm(initial={"komitmen_apbd": plan.komitmen_apbd}),
            commitment_form=CommitmentForm(parties=_parties(request.user, code)),
            can_commit=bool(_parties(request.user, code)),
            my_parties=_parties(request.user, code),
            next_status=workflow.TRANSITIONS,
            advance_labels=workflow.ACTION_LABELS,
            years=plan.years,
            frozen_years=mps_freeze.signed_years(plan.pk),
            sources=Source.choices,
        )
    return render(request, "mps/kabkota.html", context)


@login_required
@require_POST
def generate(request: HttpRequest, code: str) -> HttpResponse:
    region = kabkota_for_user(request.user, code, Permission.EDIT_MPS)
    lines = selectors.scenario_cost_lines(region)
    if not lines:
        messages.error(
            request,
            _(
                "Belum ada skenario terpilih (Proses 3) untuk kabupaten/kota ini, sehingga "
                "baris Lampiran 4 belum dapat dibangkitkan."
            ),
        )
        return redirect("mps:kabkota", code=code)
    try:
        services.rows_generate(region=region, lines=lines, by=request.user)
    except ValidationError as error:
        _errors(request, error)
    else:
        messages.success(request, _("Baris Lampiran 4 dibangkitkan dari skenario terpilih."))
    return redirect("mps:kabkota", code=code)


@login_required
@require_http_methods(["GET", "POST"])
def row_edit(request: HttpRequest, pk: int) -> HttpResponse:
    row = selectors.get_row_for_user(request.user, pk, write=True)
    form = RowForm(request.POST or None, instance=row)
    if request.method == "POST" and form.is_valid():
        try:
            services.row_save(row=form.save(commit=False), by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Baris disimpan."))
            return redirect("mps:kabkota", code=row.plan.region.code)
    return render(
        request, "mps/row_edit.html", {"row": row, "form": form, "sources": Source.choices}
    )


@login_required
@require_POST
def row_move(request: HttpRequest, pk: int) -> HttpResponse:
    row = selectors.get_row_for_user(request.user, pk, write=True)
    target = request.POST.get("status", "")
    try:
        services.row_move(
            row=row, status=target, by=request.user, reason=request.POST.get("reason", "")
        )
    except ValidationError as error:
        _errors(request, error)
    else:
        messages.success(request, _("Status baris diubah."))
    return redirect("mps:kabkota", code=row.plan.region.code)


@login_required
@require_POST
def row_duplicate(request: HttpRequest, pk: int) -> HttpResponse:
    row = selectors.get_row_for_user(request.user, pk, write=True)
    try:
        copy = services.row_duplicate(
            row=row, source=request.POST.get("source", ""), by=request.user
        )
    except ValidationError as error:
        _errors(request, error)
        return redirect("mps:kabkota", code=row.plan.region.code)
    messages.success(request, _("Baris diduplikasi; isi biaya untuk sumber ini."))
    return redirect("mps:row_edit", pk=copy.pk)


@login_required
@require_POST
def komitmen(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.get_plan_for_user(request.user, pk, write=True)
    form = KomitmenForm(request.POST)
    if form.is_valid():
        services.plan_set_komitmen(plan=plan, by=request.user, **form.cleaned_data)
        messages.success(request, _("Komitmen APBD disimpan."))
    return redirect("mps:kabkota", code=plan.region.code)


@login_required
@require_POST
def commitment_add(request: HttpRequest, pk: int) -> HttpResponse:
    row = selectors.get_row_for_user(request.user, pk)
    code = row.plan.region.code
    form = CommitmentForm(request.POST, request.FILES, parties=_parties(request.user, code))
    if not form.is_valid():
        if form.has_error("party"):
            raise Http404
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, str(message))
        return redirect("mps:kabkota", code=code)
    try:
        services_funding.commitment_record(row=row, by=request.user, **form.cleaned_data)
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as error:
        _errors(request, error)
    else:
        messages.success(request, _("Komitmen pendanaan dicatat."))
    return redirect("mps:kabkota", code=code)


@login_required
@require_POST
def commitment_advance(request: HttpRequest, pk: int) -> HttpResponse:
    commitment = selectors.get_commitment_for_user(request.user, pk)
    form = AdvanceForm(request.POST, request.FILES)
    code = commitment.row.plan.region.code
    if not form.is_valid():
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, str(message))
    else:
        try:
            services_funding.commitment_advance(
                commitment=commitment, by=request.user, **form.cleaned_data
            )
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            _errors(request, error)
    return redirect("mps:kabkota", code=code)


@login_required
@require_POST
def qa(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.get_plan_for_user(request.user, pk)
    form = QaForm(request.POST)
    if form.is_valid():
        try:
            services_funding.plan_qa_set(plan=plan, done=form.cleaned_data["done"], by=request.user)
        except PermissionDenied:
            raise Http404 from None
    return redirect("mps:kabkota", code=plan.region.code)


@login_required
@require_POST
def externalise(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.get_plan_for_user(request.user, pk, write=True)
    try:
        services_funding.plan_externalise(plan=plan, by=request.user)
    except ValidationError as error:
        _errors(request, error)
    else:
        messages.success(request, _("Program dieksternalisasi ke Pokja Provinsi dan Satker K/L."))
    return redirect("mps:kabkota", code=plan.region.code)


@login_required
@require_http_methods(["GET", "POST"])
def swot(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.get_plan_for_user(request.user, pk)
    can_edit = has_permission(request.user, Permission.EDIT_MPS, plan.region.code)
    form = SwotForm(request.POST or None)
    if request.method == "POST":
        if not can_edit:
            raise Http404
        if form.is_valid():
            services.swot_factor_add(plan=plan, by=request.user, **form.cleaned_data)
            return redirect("mps:swot", pk=plan.pk)
    factors = list(plan.swot_factors.all())
    positions = []
    for subsector in sorted({f.subsector for f in factors}):
        mine = [f for f in factors if f.subsector == subsector]
        pos = swot_position(PureFactor(f.kind, float(f.weight), float(f.score)) for f in mine)
        positions.append(
            {
                "subsector": subsector,
                "label": str(Subsector(subsector).label),
                "x": pos.x,
                "y": pos.y,
                "quadrant": pos.quadrant,
                "strategy": pos.strategy,
                "factors": mine,
            }
        )
    chart = [{"label": p["label"], "x": p["x"], "y": p["y"]} for p in positions]
    return render(
        request,
        "mps/swot.html",
        {"plan": plan, "positions": positions, "chart": chart, "form": form if can_edit else None},
    )


@login_required
@require_http_methods(["GET", "POST"])
def kkl(request: HttpRequest, pk: int) -> HttpResponse:
    """The KKL as a tree (add nodes) and as the published matrix, with the link checks."""
    plan = selectors.get_plan_for_user(request.user, pk)
    can_edit = has_permission(request.user, Permission.EDIT_MPS, plan.region.code)
    form = KklNodeForm(request.POST or None, plan=plan)
    if request.method == "POST":
        if not can_edit:
            raise Http404
        if form.is_valid():
            data = dict(form.cleaned_data)
            data["targets"] = data.pop("targets_text")
            try:
                services.kkl_node_add(plan=plan, by=request.user, **data)
            except ValidationError as error:
                _errors(request, error)
            return redirect("mps:kkl", pk=plan.pk)
    nodes = selectors.kkl_nodes(plan)
    by_key = {n.pk: n for n in nodes}
    rows = list(plan.rows.order_by("pk"))
    matrix = []
    for node in nodes:
        if node.level != "strategi":
            continue
        chain = {node.level: node}
        parent = by_key.get(node.parent_id) if node.parent_id else None
        while parent is not None:
            chain[parent.level] = parent
            parent = by_key.get(parent.parent_id) if parent.parent_id else None
        matrix.append({"chain": chain, "rows": [r for r in rows if r.strategi_id == node.pk]})
    depth = {n.pk: 0 for n in nodes}
    for n in nodes:  # parents are created first, so one pass gives the depth
        if n.parent_id in depth:
            depth[n.pk] = depth[n.parent_id] + 1
    context = {
        "plan": plan,
        "tree": [(n, depth[n.pk]) for n in nodes],
        "matrix": matrix,
        "problems": selectors.kkl_check(plan),
        "form": form if can_edit else None,
    }
    return render(request, "mps/kkl.html", context)
