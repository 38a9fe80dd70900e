from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from ppsp.accounts.models import Role, RoleAssignment, User
from ppsp.demo.data import DEMO_ACCOUNTS, synthetic_population
from ppsp.regions.models import Population


def _settings_process(**env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in {"PPSP_TESTING", "PPSP_DEMO", "DEBUG"}}
    clean.update(env)
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env={**clean, "DJANGO_SETTINGS_MODULE": "ppsp.settings"},
        capture_output=True,
        text=True,
        check=False,
    )


def test_it_refuses_to_start_in_production_without_a_secret_key() -> None:
    result = _settings_process(SECRET_KEY="", ALLOWED_HOSTS="example.go.id")
    assert result.returncode != 0 and "SECRET_KEY is not set" in result.stderr


def test_it_refuses_to_start_in_production_without_allowed_hosts() -> None:
    result = _settings_process(SECRET_KEY="x" * 50, ALLOWED_HOSTS="")
    assert result.returncode != 0 and "ALLOWED_HOSTS is not set" in result.stderr


def test_it_starts_in_production_with_both_set() -> None:
    result = _settings_process(SECRET_KEY="x" * 50, ALLOWED_HOSTS="example.go.id")
    assert result.returncode == 0, result.stderr


def test_it_spreads_the_synthetic_population_plausibly() -> None:
    codes = [f"15.07.01.{2000 + i}" for i in range(93)]
    figures = synthetic_population(codes, [i % 10 == 0 for i in range(93)])
    total_2020 = sum(years[2020][0] for years in figures.values())
    assert 220_000 < total_2020 < 240_000  # census 2020: about 230 thousand
    for years in figures.values():
        people = [years[y][0] for y in sorted(years)]
        assert people == sorted(people)  # growing every year
        assert all(3.4 < p / kk < 4.2 for p, kk in years.values())


@pytest.mark.django_db
def test_it_loads_the_demo_only_in_demo_mode(regions: None) -> None:
    with override_settings(DEMO_MODE=False), pytest.raises(CommandError, match="PPSP_DEMO=1"):
        call_command("load_demo")
    assert not User.objects.exists()


@pytest.mark.django_db
def test_it_creates_one_demo_account_per_role_and_is_idempotent(
    regions: None, capsys: pytest.CaptureFixture[str]
) -> None:
    with override_settings(DEMO_MODE=True):
        call_command("load_demo")
        call_command("load_demo")
    roles = set(RoleAssignment.objects.values_list("role", flat=True))
    assert roles == set(Role.values)
    assert User.objects.count() == len(DEMO_ACCOUNTS)
    assert Population.objects.filter(region__kabkota_code="15.07").count() == 93 * 7
    out = capsys.readouterr().out
    assert "sekretaris.tanjabtim" in out and "sanitasi-demo" in out
