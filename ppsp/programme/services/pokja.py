"""Writes for OPD, Pokja SK and members (audited, atomic). A new SK never deletes the old."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ppsp.audit.models import Action
from ppsp.audit.services import audit_record, audited_update
from ppsp.programme.ending import record_end
from ppsp.programme.models import Opd, PokjaMember, PokjaSk
from ppsp.regions.models import Level, Region


def _must_be_kabkota(region: Region) -> None:
    if region.level != Level.KABKOTA:
        raise ValidationError({"region": "Pokja dan OPD dicatat per kabupaten/kota."})


@transaction.atomic
def opd_create(*, region: Region, name: str, short_name: str = "", by: Any) -> Opd:
    _must_be_kabkota(region)
    if Opd.objects.filter(region=region, name__iexact=name.strip()).exists():
        raise ValidationError({"name": f"OPD '{name}' sudah terdaftar di {region.code}."})
    opd = Opd(region=region, name=name.strip(), short_name=short_name.strip())
    with audited_update(
        opd, ("name", "short_name"), actor=by, created=True, region_code=region.code
    ):
        opd.full_clean()
        opd.save()
    return opd


@transaction.atomic
def pokja_sk_create(
    *,
    region: Region,
    number: str,
    date: dt.date,
    by: Any,
    note: str = "",
    copy_members: bool = True,
) -> PokjaSk:
    """Record a new SK; members of the previous SK are copied when `copy_members`."""
    _must_be_kabkota(region)
    if PokjaSk.objects.filter(region=region, number=number.strip()).exists():
        raise ValidationError({"number": f"SK nomor {number} sudah tercatat."})
    previous = PokjaSk.objects.filter(region=region).order_by("-date", "-id").first()
    sk = PokjaSk(
        region=region,
        number=number.strip(),
        date=date,
        note=note,
        recorded_by=by if getattr(by, "is_authenticated", False) else None,
    )
    with audited_update(
        sk, ("number", "date", "note"), actor=by, created=True, region_code=region.code
    ) as change:
        sk.full_clean()
        sk.save()
        copied = 0
        if copy_members and previous is not None:
            members = [
                PokjaMember(
                    sk=sk, full_name=m.full_name, role=m.role, opd_id=m.opd_id, position=m.position
                )
                for m in previous.members.filter(ended_on__isnull=True)
            ]
            PokjaMember.objects.bulk_create(members)
            copied = len(members)
        if previous:
            change.reason = f"menggantikan {previous} ({copied} anggota disalin)"
    return sk


@transaction.atomic
def pokja_member_add(
    *, sk: PokjaSk, full_name: str, role: str, by: Any, opd: Opd | None = None, position: str = ""
) -> PokjaMember:
    if opd is not None and opd.region_id != sk.region_id:
        raise ValidationError({"opd": "OPD harus dari kabupaten/kota yang sama dengan Pokja."})
    member = PokjaMember(sk=sk, full_name=full_name.strip(), role=role, opd=opd, position=position)
    member.full_clean()
    member.save()
    audit_record(
        actor=by,
        obj=sk,
        action=Action.UPDATE,
        changes=[{"field": "anggota", "old": None, "new": str(member)}],
        region_code=sk.region.code,
    )
    return member


@transaction.atomic
def pokja_member_remove(*, member: PokjaMember, by: Any) -> None:
    sk = member.sk
    audit_record(
        actor=by,
        obj=sk,
        action=Action.UPDATE,
        changes=[{"field": "anggota", "old": str(member), "new": None}],
        region_code=sk.region.code,
    )
    member.delete()


MEMBER_FIELDS = ("full_name", "role", "opd", "position")


@transaction.atomic
def pokja_member_update(
    *,
    member: PokjaMember,
    full_name: str,
    role: str,
    by: Any,
    opd: Opd | None = None,
    position: str = "",
) -> PokjaMember:
    """Correct a member's name, role, OPD or position (each changed field audited)."""
    if member.ended_on is not None:
        raise ValidationError(_("Anggota yang sudah berhenti tidak dapat diubah."))
    if opd is not None and opd.region_id != member.sk.region_id:
        raise ValidationError({"opd": _("OPD harus dari kabupaten/kota yang sama dengan Pokja.")})
    with audited_update(member, MEMBER_FIELDS, actor=by, region_code=member.sk.region.code):
        member.full_name, member.role = full_name.strip(), role
        member.opd, member.position = opd, position.strip()
        member.full_clean()
        member.save()
    return member


@transaction.atomic
def pokja_member_end(*, member: PokjaMember, ended_on: dt.date, reason: str, by: Any) -> None:
    """A member leaves the Pokja: kept in the SK with the date and reason (audited)."""
    if member.ended_on is not None:
        raise ValidationError(_("Anggota ini sudah berhenti."))
    if ended_on < member.sk.date:
        raise ValidationError({"ended_on": _("Tanggal berhenti tidak boleh sebelum tanggal SK.")})
    record_end(member, ended_on=ended_on, reason=reason, by=by, region_code=member.sk.region.code)
