"""A named cast of regions and users, one per role (anchors-code.md §11 rule 10).

Regions come from the real loader run over a slice of the vendored master data
(provinces 15 Jambi and 75 Gorontalo), loaded once per test session, so tests
exercise the same code as `make run`.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import pytest
from django.conf import settings
from django.core.cache import caches
from django.db import transaction

from ppsp.accounts.models import Role, User
from ppsp.accounts.services import role_assignment_create, user_create
from ppsp.regions.models import Region
from ppsp.regions.services import regions_load_master_data

SLICE_PROVINCES = ("15", "75")
PASSWORD = "kata-sandi-uji-123"

T = TypeVar("T")

OWN_DESA = "15.07.01.2001"  # in Kabupaten Tanjung Jabung Timur (15.07), the demo kab/kota
OTHER_KABKOTA_DESA = "15.71.01.1001"  # Kota Jambi: same province, other kab/kota
OTHER_PROVINCE_DESA = "75.01.01.1001"  # Kabupaten Gorontalo: another province


def write_master_slice(directory: Path, provinces: tuple[str, ...] = SLICE_PROVINCES) -> Path:
    """Copy the vendored CSVs, keeping only rows of `provinces`, into `directory`."""
    source = Path(settings.MASTER_DATA_DIR)
    directory.mkdir(parents=True, exist_ok=True)
    for name in ("provinces.csv", "regencies.csv", "districts.csv", "villages.csv"):
        with (source / name).open(newline="", encoding="utf-8") as src:
            rows = list(csv.reader(src))
        with (directory / name).open("w", newline="", encoding="utf-8") as dst:
            writer = csv.writer(dst)
            writer.writerow(rows[0])
            writer.writerows(r for r in rows[1:] if r[0][:2] in provinces)
    return directory


@pytest.fixture(autouse=True)
def _fresh_local_cache() -> None:
    """The per-process cache outlives a test's rolled-back transaction: start each test
    without entries left by another (counts, fragments keyed by a stamp)."""
    caches["local"].clear()


@pytest.fixture(scope="session")
def master_slice_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_master_slice(tmp_path_factory.mktemp("master"))


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: None, django_db_blocker: Any, master_slice_dir: Path) -> None:
    """Load the regions slice once; each test then runs inside a rolled-back transaction."""
    with django_db_blocker.unblock():
        ensure_regions(master_slice_dir)


def ensure_regions(directory: Path) -> None:
    """(Re)load the slice when missing: transactional tests flush the database after them."""
    ensure_seed_data()
    if not Region.objects.filter(code=OWN_DESA).exists():
        report = regions_load_master_data(directory=directory)
        assert not report.problems, report.problems


def ensure_seed_data() -> None:
    """Re-run every data migration after a transactional test flushed the tables.

    The seeds (stages, method versions, unit costs, national targets, field mappings, code
    lists, QA items) are written by `RunPython` operations, which a flush does not replay;
    a later browser test would otherwise see an empty configuration. Each seed is
    idempotent (get_or_create / update_or_create), and they run in migration order.
    """
    from django.apps import apps as global_apps
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor
    from django.db.migrations.operations.special import RunPython

    from ppsp.programme.models import Stage

    if Stage.objects.exists():
        return
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes(), clean_start=True)
    for migration, _backwards in plan:
        if not type(migration).__module__.startswith("ppsp."):
            continue
        for operation in migration.operations:
            if isinstance(operation, RunPython):
                operation.code(global_apps, None)


@pytest.fixture
def regions(db: None, master_slice_dir: Path) -> None:
    ensure_regions(master_slice_dir)


def built_once_per_module(django_db_blocker: Any, build: Callable[[], T]) -> Iterator[T]:
    """Build expensive rows once for a test module (a module-scoped fixture yields from this).

    The rows are written inside an outer transaction that is rolled back after the module's
    last test; each test still runs in its own savepoint (pytest-django's `db`), so what a
    test writes is undone before the next one, and the next sees exactly what `build` left.
    Tests must then get fresh model instances (`refresh_from_db`, `objects.get`) rather than
    mutate the built ones.
    """
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            built = build()
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
    yield built
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


@pytest.fixture(scope="module")
def module_cast(
    django_db_setup: None, django_db_blocker: Any, master_slice_dir: Path
) -> Iterator[Cast]:
    """The cast, built once for a module that overrides `cast` with it."""

    def build() -> Cast:
        ensure_regions(master_slice_dir)
        return build_cast()

    yield from built_once_per_module(django_db_blocker, build)


@dataclass(frozen=True)
class DemoWorld:
    """The cast and every demo part of 15.07 (what `make run` shows); `failed` names the
    demo loaders that raised (their data are then marked missing in the documents)."""

    cast: Cast
    failed: list[str]


@pytest.fixture(scope="module")
def module_demo(
    django_db_setup: None, django_db_blocker: Any, master_slice_dir: Path
) -> Iterator[DemoWorld]:
    """Regions, the cast and the whole demo, loaded once per module that asks for `demo`."""
    from tests.docgen.support import load_all_demo

    def build() -> DemoWorld:
        ensure_regions(master_slice_dir)
        cast = build_cast()
        return DemoWorld(cast=cast, failed=load_all_demo())

    yield from built_once_per_module(django_db_blocker, build)


@pytest.fixture
def demo(db: None, module_demo: DemoWorld) -> DemoWorld:
    """The demo world of the module (`module_demo`) inside this test's own savepoint."""
    return module_demo


@dataclass
class Cast:
    pmu: User
    pokja_provinsi: User
    pf: User
    cf: User
    pokja_kabkota: User
    kepala_daerah: User
    public: User
    expired_pokja: User

    def by_role(self) -> dict[str, User]:
        return {
            Role.PMU: self.pmu,
            Role.POKJA_PROVINSI: self.pokja_provinsi,
            Role.PF: self.pf,
            Role.CF: self.cf,
            Role.POKJA_KABKOTA: self.pokja_kabkota,
            Role.KEPALA_DAERAH: self.kepala_daerah,
            Role.PUBLIC: self.public,
        }


def _person(username: str, role: str, code: str | None, **extra: object) -> User:
    user = user_create(username=username, password=PASSWORD, full_name=username.title())
    region = Region.objects.get(code=code) if code else None
    role_assignment_create(
        user=user, role=role, region=region, valid_from=dt.date(2020, 1, 1), **extra
    )
    return user


@pytest.fixture
def cast(regions: None) -> Cast:
    return build_cast()


def build_cast() -> Cast:
    """One user per role (and an expired Pokja member) with their region assignments."""
    pmu = _person("pmu", Role.PMU, None)
    pmu.is_staff = pmu.is_superuser = True
    pmu.save()
    expired = user_create(username="mantan", password=PASSWORD)
    role_assignment_create(
        user=expired,
        role=Role.POKJA_KABKOTA,
        region=Region.objects.get(code="15.07"),
        valid_from=dt.date(2015, 1, 1),
        valid_to=dt.date(2019, 12, 31),
    )
    return Cast(
        pmu=pmu,
        pokja_provinsi=_person("pokja.jambi", Role.POKJA_PROVINSI, "15"),
        pf=_person("pf.jambi", Role.PF, "15"),
        cf=_person("cf.tanjabtim", Role.CF, "15.07"),
        pokja_kabkota=_person(
            "sekretaris.tanjabtim",
            Role.POKJA_KABKOTA,
            "15.07",
            position="sekretaris",
            opd="Dinas PUPR",
        ),
        kepala_daerah=_person("bupati.tanjabtim", Role.KEPALA_DAERAH, "15.07"),
        public=_person("warga", Role.PUBLIC, None),
        expired_pokja=expired,
    )
