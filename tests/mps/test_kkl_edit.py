"""Kerangka Kerja Logis: editing a node and deleting it (refused while something hangs
under it), both audited."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from ppsp.audit.models import AuditEvent
from ppsp.mps.models import KklNode
from tests.conftest import Cast
from tests.mps.support import plan_in
from tests.mps.test_kkl import _kkl

pytestmark = pytest.mark.django_db


def _client(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def test_it_edits_a_sasaran_with_its_targets_and_audits_it(cast: Cast) -> None:
    plan = plan_in("15.07")
    sasaran, _strategi = _kkl(plan)
    client = _client(cast.pokja_kabkota)
    url = reverse("mps:kkl_node", kwargs={"pk": sasaran.pk})
    page = client.get(url)
    assert page.status_code == 200 and "2028=10" in page.content.decode()
    response = client.post(
        url,
        {
            "subsector": "air_limbah",
            "text": "BABS 0% pada 2029",
            "indicator": "% KK BABS",
            "baseline_value": "29",
            "baseline_year": "2025",
            "targets_text": "2027=15; 2029=0",
        },
    )
    assert response.status_code == 302
    sasaran.refresh_from_db()
    assert sasaran.text == "BABS 0% pada 2029"
    assert sasaran.targets == {"2027": 15.0, "2029": 0.0}
    assert sasaran.level == "sasaran"
    event = AuditEvent.objects.filter(object_type="mps.kklnode", action="update").get()
    assert {c["field"] for c in event.changes} == {"subsector", "text", "targets"}


def test_it_refuses_to_delete_a_node_with_children_or_linked_kegiatan(cast: Cast) -> None:
    plan = plan_in("15.07")
    sasaran, strategi = _kkl(plan)
    row = plan.rows.first()
    assert row is not None
    row.strategi = strategi
    row.save()
    client = _client(cast.pokja_kabkota)
    page = client.get(reverse("mps:kkl_node", kwargs={"pk": sasaran.pk})).content.decode()
    assert "masih memiliki 1 simpul di bawahnya" in page
    delete = reverse("mps:kkl_node_delete", kwargs={"pk": sasaran.pk})
    response = client.post(delete, {"confirm": "ya"}, follow=True)
    assert "masih memiliki 1 simpul di bawahnya" in response.content.decode()
    delete = reverse("mps:kkl_node_delete", kwargs={"pk": strategi.pk})
    response = client.post(delete, {"confirm": "ya"}, follow=True)
    assert "masih terhubung ke 1 kegiatan" in response.content.decode()
    assert KklNode.objects.filter(pk__in=[sasaran.pk, strategi.pk]).count() == 2
    assert not AuditEvent.objects.filter(object_type="mps.kklnode", action="delete").exists()


def test_it_deletes_a_free_leaf_after_confirmation_with_an_audit(cast: Cast) -> None:
    plan = plan_in("15.07")
    _sasaran, strategi = _kkl(plan)
    client = _client(cast.pokja_kabkota)
    delete = reverse("mps:kkl_node_delete", kwargs={"pk": strategi.pk})
    client.post(delete, {})  # no confirmation: nothing happens
    assert KklNode.objects.filter(pk=strategi.pk).exists()
    response = client.post(delete, {"confirm": "ya"})
    assert response.status_code == 302
    assert response["Location"] == reverse("mps:kkl", kwargs={"pk": plan.pk})
    assert not KklNode.objects.filter(pk=strategi.pk).exists()
    event = AuditEvent.objects.get(object_type="mps.kklnode", action="delete")
    assert event.object_id == str(strategi.pk)
    assert {"field": "text", "old": "Pemicuan dan IPAL komunal", "new": None} in event.changes


def test_it_hides_node_editing_from_readers_and_outsiders(cast: Cast) -> None:
    plan = plan_in("15.07")
    sasaran, _strategi = _kkl(plan)
    url = reverse("mps:kkl_node", kwargs={"pk": sasaran.pk})
    assert _client(cast.cf).get(url).status_code == 404
    assert _client(cast.kepala_daerah).get(url).status_code == 404
    kkl = _client(cast.cf).get(reverse("mps:kkl", kwargs={"pk": plan.pk})).content.decode()
    assert f'data-testid="kkl-edit-{sasaran.pk}"' not in kkl
