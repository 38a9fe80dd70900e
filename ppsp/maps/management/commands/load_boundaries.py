"""``manage.py load_boundaries``: vendored provinsi/kab/kota/kecamatan/desa outlines."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ppsp.maps.loading import LEVEL_NAMES, VENDOR_DIR, boundaries_load
from ppsp.regions.models import Level, Region

NAMES = {1: "provinsi", 2: "kab/kota", 3: "kecamatan", 4: "desa/kelurahan"}
SHOWN = 20  # codes listed per level (all with -v 2)


class Command(BaseCommand):
    help = (
        "Muat batas wilayah resmi (kode Kemendagri) dari vendor/wilayah-boundaries: "
        "provinsi, kab/kota, kecamatan dan desa. Aman dijalankan ulang."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--province",
            action="append",
            default=None,
            metavar="KODE",
            help="hanya provinsi ini (mis. 15); boleh diulang. Bawaan: semua provinsi.",
        )
        parser.add_argument(
            "--levels",
            default=",".join(LEVEL_NAMES),
            help="tingkat yang dimuat, dipisah koma: provinsi,kabkota,kecamatan,desa "
            "(bawaan: semua).",
        )
        parser.add_argument(
            "--force", action="store_true", help="tulis ulang walau geometri tidak berubah"
        )
        parser.add_argument("--dir", type=Path, default=VENDOR_DIR)

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        names = [n.strip() for n in options["levels"].split(",") if n.strip()]
        wrong = [n for n in names if n not in LEVEL_NAMES]
        if wrong or not names:
            raise CommandError(
                f"Tingkat tidak dikenal: {', '.join(wrong) or '(kosong)'}; "
                f"pilih dari {', '.join(LEVEL_NAMES)}."
            )
        provinces = options["province"]
        if provinces:
            known = set(
                Region.objects.filter(level=Level.PROVINSI, code__in=provinces).values_list(
                    "code", flat=True
                )
            )
            if missing := sorted(set(provinces) - known):
                raise CommandError(
                    f"Provinsi {', '.join(missing)} tidak ada di data induk wilayah "
                    "(jalankan load_regions dahulu)."
                )
        if not Region.objects.exists():
            raise CommandError("Data induk wilayah kosong: jalankan load_regions dahulu.")
        report = boundaries_load(
            levels=[LEVEL_NAMES[n] for n in names],
            provinces=provinces,
            force=options["force"],
            directory=options["dir"],
        )
        verbose = options["verbosity"] >= 2
        for level in sorted(report.seconds):
            self.stdout.write(
                f"{NAMES[level]:15} dimuat {report.written.get(level, 0):>6,}  "
                f"tidak berubah {report.unchanged.get(level, 0):>6,}  "
                f"tanpa poligon {len(report.without_polygon.get(level, [])):>4,}  "
                f"kode tak dikenal {len(report.unknown.get(level, [])):>3,}  "
                f"({report.seconds[level]:.1f} s)".replace(",", ".")
            )
            for label, codes in (
                ("tanpa poligon", report.without_polygon.get(level, [])),
                ("kode tak dikenal di data induk", report.unknown.get(level, [])),
            ):
                if codes and (verbose or level == Level.DESA or len(codes) <= SHOWN):
                    shown = codes if verbose else codes[:SHOWN]
                    more = "" if len(shown) == len(codes) else f" … (+{len(codes) - SHOWN})"
                    self.stdout.write(f"  {label}: {', '.join(shown)}{more}")
        if report.kept_uploads:
            self.stdout.write(
                f"Batas desa unggahan pengguna dipertahankan di {len(report.kept_uploads)} "
                f"kab/kota: {', '.join(report.kept_uploads)}"
            )
        elapsed = time.perf_counter() - started
        self.stdout.write(self.style.SUCCESS(f"Batas wilayah siap dalam {elapsed:.1f} s."))
