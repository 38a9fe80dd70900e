"""Kerangka Kerja Logis: tree rules and the link checks, on the page, at eksternalisasi
and on import."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from ppsp.mps import selectors, services
from ppsp.mps.exports import export_workbook
from ppsp.mps.models import KklNode, Plan
from ppsp.mps.services import funding as services_funding
from ppsp.mps.workbook import diff_workbook
from tests.conftest import Cast
from tests.mps.support import plan_in
from tests.mps.test_workbook import _edit

pytestmark = pytest.mark.django_db


def _kkl(plan: Plan) -> tuple[KklNode, KklNode]:
    add = services.kkl_node_add
    root = add(plan=plan, level="permasalahan", text="BABS masih 29%", by=None)
    isu = add(plan=plan, level="isu", text="Akses sanitasi rendah", parent=root, by=None)
    tujuan = add(plan=plan, level="tujuan", text="Akses universal", parent=isu, by=None)
    sasaran = add(
        plan=plan,
        level="sasaran",
        text="BABS 0% pada 2030",
        parent=tujuan,
        indicator="% KK BABS",
        baseline_value=29,
        baseline_year=2025,
        targets={"2028": 10, "2030": 0},
        by=None,
    )
    strategi = add(
        plan=plan, level="strategi", text="Pemicuan dan IPAL komunal", parent=sasaran, by=None
    )
    return sasaran, strategi


def test_it_refuses_a_node_under_the_wrong_level(regions: None) -> None:
    plan = plan_in("15.07")
    root = services.kkl_node_add(plan=plan, level="permasalahan", text="x", by=None)
    with pytest.raises(ValidationError):
        services.kkl_node_add(plan=plan, level="sasaran", text="y", parent=root, by=None)
    with pytest.raises(ValidationError):
        services.kkl_node_add(plan=plan, level="isu", text="z", by=None)


def test_it_refuses_eksternalisasi_while_kegiatan_are_unlinked(cast: Cast) -> None:
    plan = plan_in("15.07")
    _sasaran, strategi = _kkl(plan)
    services_funding.plan_qa_set(plan=plan, done=["bab1", "bab2", "program_review"], by=cast.cf)
    services.plan_set_komitmen(plan=plan, komitmen_apbd=2_000 * 10**6, by=cast.pokja_kabkota)
    with pytest.raises(ValidationError, match="belum terhubung ke strategi"):
        services_funding.plan_externalise(plan=plan, by=cast.pokja_kabkota)
    for row in plan.rows.all():
        row.strategi = strategi
        services.row_save(row=row, by=cast.pokja_kabkota)
    assert selectors.qa_result(plan).score == 100
    services_funding.plan_externalise(plan=plan, by=cast.pokja_kabkota)


def test_it_shows_the_tree_matrix_and_problems(cast: Cast) -> None:
    plan = plan_in("15.07")
    _sasaran, strategi = _kkl(plan)
    row = plan.rows.get(kegiatan="IPAL komunal Zona 1")
    row.strategi = strategi
    services.row_save(row=row, by=cast.pokja_kabkota)
    client = Client()
    client.force_login(cast.kepala_daerah)
    response = client.get(reverse("mps:kkl", kwargs={"pk": plan.pk}))
    text = response.content.decode()
    assert "IPAL komunal Zona 1" in text and "BABS 0% pada 2030" in text
    assert "kegiatan &#x27;TPS3R Zona 2&#x27; belum terhubung" in text
    assert response.context["form"] is None  # read only for the Kepala Daerah


def test_it_checks_kkl_links_on_import(cast: Cast) -> None:
    plan = plan_in("15.07")
    sasaran, strategi = _kkl(plan)
    rows = list(plan.rows.all())
    content = export_workbook(plan, rows)
    edits = [(_sheet(r.source), r.pk, "kode_strategi", strategi.pk) for r in rows]
    changes, errors = diff_workbook("l4.xlsx", _edit(content, edits), plan, rows)
    assert errors == [] and len(changes) == 4
    changes, errors = diff_workbook("l4.xlsx", _edit(content, edits[1:]), plan, rows)
    (error,) = errors
    assert f"lembar '{_sheet(rows[0].source)}'" in str(error)
    assert "kolom 'kode_strategi'" in str(error) and "belum terhubung" in str(error)
    other = services.kkl_node_add(
        plan=plan, level="sasaran", text="SPALD layak 50%", parent=sasaran.parent, by=None
    )
    _changes, errors = diff_workbook("l4.xlsx", _edit(content, edits), plan, rows)
    assert [str(e) for e in errors] == [
        f"l4.xlsx: Kerangka Kerja Logis: sasaran '{other.text}' belum memiliki kegiatan."
    ]
    _changes, errors = diff_workbook(
        "l4.xlsx",
        _edit(content, [(_sheet(rows[0].source), rows[0].pk, "kode_strategi", sasaran.pk)]),
        plan,
        rows,
    )
    assert "bukan kode strategi KKL" in str(errors[0])


def _sheet(source: str) -> str:
    from ppsp.mps.codes import SHEET_OF_SOURCE, Source

    return SHEET_OF_SOURCE[Source(source)]


def test_it_gives_each_node_the_subsector_of_its_chain(cast: Cast) -> None:
    plan = plan_in("15.07")
    add = services.kkl_node_add
    root = add(plan=plan, level="permasalahan", text="TPS liar", subsector="persampahan", by=None)
    isu = add(plan=plan, level="isu", text="Layanan sampah rendah", parent=root, by=None)
    other = add(
        plan=plan, level="tujuan", text="Drainase", parent=isu, subsector="drainase", by=None
    )
    assert isu.subsector == "persampahan"  # inherited: monev groups sasaran by subsector
    assert other.subsector == "drainase"  # an explicit choice is kept
