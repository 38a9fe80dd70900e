"""Open data: figures of published (approved) SSK documents, CSV plus a datapackage.json.

Only document versions with status "disahkan" are published; the Tabel 5.1 needs come from
the MPS plan whose first year equals the SSK period start (0 when there is none).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ppsp.compute.vocabulary import SUBSECTORS
from ppsp.documents.models import DocType, DocumentVersion, Status
from ppsp.exchange.registry import cell
from ppsp.mps.models import Plan

FIELDS: tuple[tuple[str, str, str], ...] = (
    ("kode_wilayah", "string", "Kode wilayah Kemendagri kab/kota"),
    ("nama_wilayah", "string", "Nama kab/kota"),
    ("kode_provinsi", "string", "Kode provinsi"),
    ("periode_awal", "integer", "Tahun awal periode SSK"),
    ("periode_akhir", "integer", "Tahun akhir periode SSK"),
    ("versi", "integer", "Nomor versi dokumen yang disahkan"),
    ("dasar_hukum", "string", "Jenis dasar hukum (perbup, perwal, sk)"),
    ("nomor_dasar_hukum", "string", "Nomor dasar hukum"),
    ("tanggal_disahkan", "datetime", "Waktu pengesahan"),
    *[
        (f"kebutuhan_{s}", "integer", f"Kebutuhan pendanaan 5 tahun {s} (Rp, Tabel 5.1)")
        for s in SUBSECTORS
    ],
    ("komitmen_apbd", "integer", "Komitmen APBD kab/kota 5 tahun (Rp)"),
)
HEADERS = [name for name, _, _ in FIELDS]


def published_rows() -> Iterator[list[Any]]:

    versions = (
        DocumentVersion.objects.filter(status=Status.APPROVED, document__doc_type=DocType.SSK)
        .select_related("document__region")
        .order_by("document__region__code", "document__period_start")
    )
    plans = {
        (p.region_id, p.first_year): p
        for p in Plan.objects.filter(region_id__in=versions.values("document__region_id")).only(
            "region_id", "first_year", "need_by_subsector", "komitmen_apbd"
        )
    }
    for v in versions:
        doc = v.document
        plan = plans.get((doc.region_id, doc.period_start))
        needs = (plan.need_by_subsector if plan else None) or {}
        row = [
            doc.region.code, doc.region.name, doc.region.province_code, doc.period_start,
            doc.period_end, v.number, v.legal_kind, v.legal_number, v.approved_at,
            *[needs.get(s, 0) for s in SUBSECTORS], plan.komitmen_apbd if plan else None,
        ]  # fmt: skip
        yield [cell(x) for x in row]


def datapackage(csv_url: str) -> dict[str, Any]:
    """Frictionless Data package descriptor of the published SSK figures."""
    return {
        "profile": "tabular-data-package",
        "name": "ppsp-ssk-published",
        "title": "Angka SSK yang telah disahkan (PPSP)",
        "licenses": [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0"}],
        "resources": [
            {
                "profile": "tabular-data-resource",
                "name": "ssk-disahkan",
                "path": csv_url,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8-sig",
                "schema": {
                    "fields": [{"name": n, "type": t, "description": d} for n, t, d in FIELDS],
                    "primaryKey": ["kode_wilayah", "periode_awal"],
                },
            }
        ],
    }
