"""Seeding and lookup of the nomenclature code lists (data/nomenclature.csv)."""

from __future__ import annotations

from typing import Any

from ppsp.mps.codes import load_nomenclature

FIELDS = ("name", "level", "system", "urusan", "subsector", "status", "note")


def seed_nomenclature(model: Any = None) -> int:
    """Create or update every code of the file (idempotent); returns the codes created.
    `model` is the historical model inside a migration, else NomenclatureCode."""
    if model is None:
        from ppsp.mps.models import NomenclatureCode as model
    created = 0
    for row in load_nomenclature():
        _obj, new = model.objects.update_or_create(
            code=row["code"], defaults={f: row.get(f, "") or "" for f in FIELDS}
        )
        created += int(new)
    return created


def code_problems(program_code: str, kegiatan_code: str) -> dict[str, str]:
    """Codes must be in the list at the right level, and the kegiatan under its program."""
    from ppsp.mps.models import NomenclatureCode

    wanted = [c for c in (program_code, kegiatan_code) if c]
    if not wanted:
        return {}
    # the file is the seed and always counts; the table adds codes entered by the PMU
    known = {r["code"]: r["level"] for r in load_nomenclature() if r["code"] in wanted}
    known.update(NomenclatureCode.objects.filter(code__in=wanted).values_list("code", "level"))
    problems: dict[str, str] = {}
    if program_code and known.get(program_code) != "program":
        problems["program_code"] = (
            f"kode program '{program_code}' tidak ada dalam daftar nomenklatur "
            "(Permendagri 90/2019 atau Cipta Karya/PPLP)."
        )
    if kegiatan_code:
        if known.get(kegiatan_code) not in ("kegiatan", "sub_kegiatan"):
            problems["kegiatan_code"] = (
                f"kode kegiatan/sub-kegiatan '{kegiatan_code}' tidak ada dalam daftar nomenklatur."
            )
        elif program_code and not kegiatan_code.startswith(program_code + "."):
            problems["kegiatan_code"] = (
                f"kode '{kegiatan_code}' tidak berada di bawah program '{program_code}'."
            )
    return problems
