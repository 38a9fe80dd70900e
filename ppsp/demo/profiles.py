"""Demo Form 2 profile 2025 and a previous SSK 2016–2020 for 15.07. SYNTHETIC.

Areas, shares and flags are drawn from a seeded generator (kelurahan denser and more
urban than desa); penduduk/KK are the demo population already loaded. The previous SSK
is a one-page placeholder PDF with keyed-in baselines and targets, so that the kemajuan
page has something to compare. Not real data. Idempotent.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from django.db import transaction

from ppsp.demo.data import DEMO_KABKOTA
from ppsp.profiles.models import DesaProfile, LegacyDocument, LegacyTarget
from ppsp.regions.models import Kind, Level, Population, Region

YEAR = 2025
SEED = 1507


def placeholder_pdf(text: str) -> bytes:
    """A minimal valid one-page PDF showing one line of text."""
    stream = f"BT /F1 14 Tf 60 760 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _profiles(desa: list[Region]) -> int:
    existing = set(
        DesaProfile.objects.filter(desa__in=desa, year=YEAR).values_list("desa_id", flat=True)
    )
    kk = dict(Population.objects.filter(region__in=desa, year=YEAR).values_list("region_id", "kk"))
    rng = np.random.default_rng(SEED)
    n = len(desa)
    urban = np.array([d.kind == Kind.KELURAHAN for d in desa])
    adm = np.round(np.where(urban, rng.uniform(150, 900, n), rng.uniform(800, 9000, n)), 1)
    built = np.round(
        adm * np.where(urban, rng.uniform(0.25, 0.6, n), rng.uniform(0.02, 0.12, n)), 1
    )
    growth = np.round(rng.uniform(0.6, 2.2, n), 2)
    poor = rng.uniform(0.05, 0.35, n)
    jamban = rng.uniform(0.5, 0.95, n)
    septic = jamban * rng.uniform(0.3, 0.8, n)
    sampah = np.round(np.where(urban, rng.uniform(40, 85, n), rng.uniform(0, 20, n)), 1)
    genangan = np.round(rng.uniform(0, 15, n) * rng.integers(0, 2, n), 1)
    cbd_rank = np.argsort(-built * urban)[:3]
    rows = []
    for i, region in enumerate(desa):
        if region.pk in existing:
            continue
        households = kk.get(region.pk) or 0
        rows.append(
            DesaProfile(
                desa=region,
                year=YEAR,
                luas_administratif=float(adm[i]),
                luas_terbangun=float(built[i]),
                growth_pct=float(growth[i]),
                urban_bps=1 if urban[i] else 2,
                urban_rtrw=1 if urban[i] or built[i] > 0.2 * adm[i] else 2,
                cbd=bool(urban[i] and i in cbd_rank),
                kk_miskin=round(households * float(poor[i])) if households else None,
                jamban_pribadi=round(households * float(jamban[i])) if households else None,
                tangki_septik=round(households * float(septic[i])) if households else None,
                sampah_terangkut=float(sampah[i]),
                tps=int(urban[i]) * 2 + int(rng.integers(0, 2)),
                luas_genangan=float(genangan[i]),
            )
        )
    DesaProfile.objects.bulk_create(rows)
    return len(rows)


TARGETS = (
    ("Rumah tangga BABS di tempat terbuka", "%", "babs", True, 18.5, 0.0),
    ("Akses sanitasi layak", "%", "akses_layak", False, 55.0, 90.0),
    ("Akses sanitasi aman", "%", "akses_aman", False, 2.0, 15.0),
    ("KK dengan jamban pribadi", "%", "jamban", False, 60.0, 85.0),
    ("Sampah terangkut", "%", "sampah", False, 12.0, 30.0),
    ("Luas genangan", "ha", "genangan", True, 520.0, 250.0),
)


def _legacy(region: Region) -> bool:
    if LegacyDocument.objects.filter(region=region).exists():
        return False
    content = placeholder_pdf("SSK Kabupaten Tanjung Jabung Timur 2016-2020 (contoh demo)")
    import hashlib

    document = LegacyDocument.objects.create(
        region=region,
        kind=LegacyDocument.Kind.SSK,
        title="SSK Kabupaten Tanjung Jabung Timur 2016–2020 (demo)",
        period_start=2016,
        period_end=2020,
        filename="ssk_tanjabtim_2016_2020_demo.pdf",
        content=content,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
    )
    LegacyTarget.objects.bulk_create(
        LegacyTarget(
            document=document,
            name=name,
            unit=unit,
            source=source,
            lower_is_better=lower,
            baseline_year=2015,
            baseline=baseline,
            target_year=2020,
            target=target,
        )
        for name, unit, source, lower, baseline, target in TARGETS
    )
    return True


@transaction.atomic
def load_profiles_demo(stdout: Any) -> None:
    region = Region.objects.get(code=DEMO_KABKOTA)
    desa = list(Region.objects.filter(kabkota_code=DEMO_KABKOTA, level=Level.DESA).order_by("code"))
    created = _profiles(desa)
    legacy = _legacy(region)
    stdout.write(
        f"Profil Form 2 demo {DEMO_KABKOTA} {YEAR}: {created} baris baru; "
        f"SSK sebelumnya: {'dibuat' if legacy else 'sudah ada'}."
    )
