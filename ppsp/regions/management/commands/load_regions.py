from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from ppsp.regions.masterdata import EXPECTED_COUNTS
from ppsp.regions.models import Region
from ppsp.regions.services import regions_load_master_data


class Command(BaseCommand):
    help = "Muat data induk wilayah (provinsi, kab/kota, kecamatan, desa) dari CSV Kemendagri."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dir", type=Path, default=settings.MASTER_DATA_DIR)

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        report = regions_load_master_data(directory=options["dir"])
        if report.problems:
            for problem in report.problems[:50]:
                self.stderr.write(str(problem))
            raise CommandError(
                f"{len(report.problems)} masalah di data sumber; tidak ada yang disimpan."
            )
        elapsed = time.perf_counter() - started
        names = {1: "provinsi", 2: "kab/kota", 3: "kecamatan", 4: "desa/kelurahan"}
        for level, name in names.items():
            total = Region.objects.filter(level=level).count()
            self.stdout.write(
                f"{name:15} {total:>7,}  (baru {report.created.get(level, 0):,}, "
                f"diubah {report.updated.get(level, 0):,}; diharapkan {EXPECTED_COUNTS[level]:,})"
            )
        if report.missing_from_source:
            self.stdout.write(
                f"{len(report.missing_from_source)} kode tidak ada lagi di sumber (tidak dihapus)."
            )
        self.stdout.write(self.style.SUCCESS(f"Data induk wilayah siap dalam {elapsed:.1f} s."))
