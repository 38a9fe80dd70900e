"""Edit and delete nodes of the Kerangka Kerja Logis tree."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ppsp.mps import selectors
from ppsp.mps.forms import KklNodeEditForm
from ppsp.mps.services.kkl import kkl_delete_blockers, kkl_node_delete, kkl_node_update


@login_required
@require_http_methods(["GET", "POST"])
def node_edit(request: HttpRequest, pk: int) -> HttpResponse:
    node = selectors.get_kkl_node_for_user(request.user, pk, write=True)
    form = KklNodeEditForm(request.POST or None, instance=node)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "targets_text"}
        data["targets"] = form.cleaned_data["targets_text"]
        try:
            kkl_node_update(node=node, by=request.user, **data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Simpul KKL disimpan."))
            return redirect("mps:kkl", pk=node.plan_id)
    context = {"node": node, "form": form, "blockers": kkl_delete_blockers(node)}
    return render(request, "mps/kkl_node.html", context)


@login_required
@require_POST
def node_delete(request: HttpRequest, pk: int) -> HttpResponse:
    node = selectors.get_kkl_node_for_user(request.user, pk, write=True)
    plan_id = node.plan_id
    if request.POST.get("confirm") != "ya":
        messages.error(request, _("Centang konfirmasi untuk menghapus simpul."))
        return redirect("mps:kkl_node", pk=node.pk)
    try:
        kkl_node_delete(node=node, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("mps:kkl_node", pk=node.pk)
    messages.success(request, _("Simpul KKL dihapus."))
    return redirect("mps:kkl", pk=plan_id)
