from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from ppsp.accounts.models import PokjaPosition, Role, User
from ppsp.accounts.services import role_assignment_create, user_create
from ppsp.demo.consultation import load_consultation_demo
from ppsp.demo.cycles import load_cycles_demo
from ppsp.demo.data import (
    DEMO_ACCOUNTS,
    DEMO_KABKOTA,
    DEMO_PASSWORD,
    DemoAccount,
    synthetic_population,
)
from ppsp.demo.docgen import load_docgen_demo
from ppsp.demo.ehra import load_ehra_demo
from ppsp.demo.kkl import load_kkl_demo
from ppsp.demo.maps import load_maps_demo
from ppsp.demo.monev import load_monev_demo
from ppsp.demo.mps import load_mps_demo
from ppsp.demo.profiles import load_profiles_demo
from ppsp.demo.programme import load_programme_demo
from ppsp.demo.scenarios import load_scenarios_demo
from ppsp.regions.models import Kind, Level, Region
from ppsp.regions.services import PopulationEntry, population_create_missing


class Command(BaseCommand):
    help = "Muat data demo Kabupaten Tanjung Jabung Timur dan akun contoh (hanya mode demo)."

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEMO_MODE:
            raise CommandError(
                "load_demo hanya boleh dijalankan dalam mode demo (PPSP_DEMO=1): "
                "akun demo memakai kata sandi yang diketahui umum."
            )
        if not Region.objects.filter(code=DEMO_KABKOTA).exists():
            raise CommandError("Data induk wilayah belum dimuat: jalankan load_regions dulu.")
        with transaction.atomic():
            accounts = self._accounts()
            rows = self._population()
            load_programme_demo(self.stdout)
            load_cycles_demo(self.stdout)
            load_consultation_demo(self.stdout)
            load_scenarios_demo(self.stdout)
            load_ehra_demo(self.stdout)
            load_maps_demo(self.stdout)
            load_mps_demo(self.stdout)
            load_kkl_demo(self.stdout)
            load_monev_demo(self.stdout)
            load_profiles_demo(self.stdout)
            load_docgen_demo(self.stdout)
        self.stdout.write(self.style.SUCCESS(f"Data penduduk demo: {rows} baris baru."))
        self.stdout.write("")
        self.stdout.write(f"Akun demo (kata sandi sama untuk semua: {DEMO_PASSWORD})")
        for account, label in accounts:
            self.stdout.write(f"  {account.username:22} {label}")

    def _accounts(self) -> list[tuple[Any, str]]:
        printed = []
        for account in DEMO_ACCOUNTS:
            user = User.objects.filter(username=account.username).first()
            if user is None:
                user = user_create(
                    username=account.username, password=DEMO_PASSWORD, full_name=account.full_name
                )
                region = (
                    Region.objects.get(code=account.region_code) if account.region_code else None
                )
                role_assignment_create(
                    user=user,
                    role=account.role,
                    region=region,
                    position=account.position,
                    opd=account.opd,
                    valid_from=user.date_joined.date().replace(month=1, day=1),
                )
            else:
                user.set_password(DEMO_PASSWORD)
            user.is_staff = user.is_superuser = account.staff
            user.save()
            printed.append((account, _describe(account)))
        return printed

    def _population(self) -> int:
        desa = list(
            Region.objects.filter(kabkota_code=DEMO_KABKOTA, level=Level.DESA).order_by("code")
        )
        figures = synthetic_population(
            [d.code for d in desa], [d.kind == Kind.KELURAHAN for d in desa]
        )
        entries = [
            PopulationEntry(region=region, year=year, penduduk=people, kk=households)
            for region in desa
            for year, (people, households) in figures[region.code].items()
        ]
        return len(population_create_missing(entries=entries, source="Sintetis, demo", by=None))


def _describe(account: DemoAccount) -> str:
    parts: list[str] = [str(Role(account.role).label)]
    if account.position:
        parts.append(f"{PokjaPosition(account.position).label}, {account.opd}")
    if account.region_code:
        region = Region.objects.get(code=account.region_code)
        parts.append(f"{region.code} {region.display_name}")
    else:
        parts.append("seluruh Indonesia" if account.role == Role.PMU else "tanpa wilayah")
    return " · ".join(parts)
