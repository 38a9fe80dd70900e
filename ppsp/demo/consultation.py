"""Demo konsultasi publik for Kabupaten Tanjung Jabung Timur (15.07).

A draft SSK 2027–2031 (from the 2026 pemutakhiran) open for public comment, with
pre-moderation on: two approved comments (one answered by the Pokja), one legitimate
comment still in the queue, one public meeting with an input, and the casino/massage spam
of the seed document held in the queue as suspected spam. Texts are illustrative.
Idempotent.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from ppsp.accounts.models import Role, RoleAssignment
from ppsp.consultation.models import Consultation
from ppsp.consultation.services import consultation_create, consultation_transition
from ppsp.consultation.services.comments import comment_submit
from ppsp.consultation.services.meetings import meeting_input_add, meeting_record
from ppsp.consultation.services.moderation import comments_moderate
from ppsp.consultation.services.tanggapan import response_set
from ppsp.consultation.workflow import ConsultationAction
from ppsp.demo.data import DEMO_KABKOTA
from ppsp.documents.models import DocType, Document, MethodVersion, RequiredTable
from ppsp.documents.services import document_create, document_version_update
from ppsp.regions.models import Region

START, END = 2027, 2031
DRAFT = "\n\n".join(
    (
        "BAB 1 Pendahuluan",
        (
            "Strategi Sanitasi Kabupaten (SSK) Tanjung Jabung Timur 2027–2031 adalah pemutakhiran "
            "SSK 2016–2020, disusun Pokja Sanitasi dalam siklus pemutakhiran tahun anggaran 2026 "
            "(draf contoh untuk demo)."
        ),
        "BAB 2 Profil sanitasi",
        (
            "Hasil studi EHRA dan persepsi OPD menunjukkan desa-desa pesisir dan pasang surut "
            "sebagai area berisiko tinggi untuk air limbah domestik dan persampahan."
        ),
        "BAB 3 Strategi pembangunan sanitasi",
        (
            "Air limbah domestik: akses layak 90% pada 2031 melalui tangki septik kedap individual,"
            " IPAL komunal di kawasan padat dan layanan lumpur tinja terjadwal."
        ),
        (
            "Persampahan: layanan pengangkutan di seluruh ibu kota kecamatan, TPS 3R dan bank "
            "sampah di desa prioritas, serta perbaikan TPA menjadi lahan urug terkendali."
        ),
        (
            "Drainase lingkungan: normalisasi saluran dan pintu air di kawasan rawan genangan dan "
            "banjir rob, bertahap mulai 2028."
        ),
        "BAB 5 Program dan kegiatan",
        (
            "Kebutuhan pendanaan lima tahun disusun per zona dan per sumber dana (APBD, DAK, APBN, "
            "dana desa, CSR); kegiatan yang belum terdanai masuk Daftar Tunggu."
        ),
    )
)

COMMENTS = (
    # paragraph, body, name, organisation, desa, approve, answer
    (
        4,
        "Mohon desa-desa di atas air seperti Kampung Laut diprioritaskan; jamban cemplung masih "
        "langsung ke laut.",
        "Rahmawati",
        "",
        "Kampung Laut",
        True,
        (
            "sebagian",
            "Kampung Laut masuk zona 1; desain tangki septik untuk rumah panggung dikaji 2027.",
            "Bab 3 air limbah, Tabel 5.1 baris zona 1",
        ),
    ),
    (
        None,
        "Terima kasih Pokja sudah membuka konsultasi. Tolong realisasi anggaran sanitasi "
        "diumumkan setiap tahun.",
        "Hendra",
        "Forum Warga Peduli Sanitasi",
        "",
        True,
        None,
    ),
    (
        5,
        "TPS di pasar lama Muara Sabak sudah penuh dan meluber ke jalan, mohon ditambah armada "
        "angkut.",
        "",
        "",
        "Muara Sabak Ilir",
        False,
        None,
    ),
)


def _spam_text() -> str:
    return (
        "Slots - Mr. McD\nBalasHapusSlot 강원도 출장안마 games and software. 이천 출장안마 Casino "
        "games from Microgaming. Big 순천 출장마사지 jackpots, progressive jackpots, and the best "
        "bonus 창원 출장샵 codes. Play now! ☆ View all Slots here. 경주 출장안마"
    )


def _draft_version(region: Region) -> Any:
    document = Document.objects.filter(
        region=region, doc_type=DocType.SSK, period_start=START
    ).first()
    if document is None:
        method = MethodVersion.objects.get(code="SSK-2017")
        document = document_create(
            region=region,
            doc_type=DocType.SSK,
            method_version=method,
            period_start=START,
            period_end=END,
            by=None,
        )
        version = document.versions.get()
        tables = RequiredTable.objects.filter(method_version=method).order_by("order")
        document_version_update(
            version=version,
            summary=DRAFT,
            filled_tables=tables[: max(1, tables.count() - 2)],
            by=None,
        )
    return document.versions.order_by("-number").first()


def load_consultation_demo(stdout: Any) -> None:
    region = Region.objects.get(code=DEMO_KABKOTA)
    pokja = (
        RoleAssignment.objects.active()
        .filter(role=Role.POKJA_KABKOTA, region=region)
        .select_related("user")
        .order_by("id")
        .first()
    )
    user = pokja.user if pokja else None
    with transaction.atomic():
        version = _draft_version(region)
        consultation = Consultation.objects.filter(version=version).first()
        created = consultation is None
        if consultation is None:
            today = timezone.localdate()
            consultation = consultation_create(
                version=version,
                title="Konsultasi publik draf SSK Tanjung Jabung Timur 2027–2031",
                introduction=(
                    "Pokja Sanitasi mengundang masyarakat, LSM, dunia usaha dan perguruan tinggi "
                    "membaca draf SSK dan memberi masukan per paragraf atau secara umum."
                ),
                opens_on=today - dt.timedelta(days=3),
                closes_on=today + dt.timedelta(days=27),
                by=user,
            )
            consultation_transition(obj=consultation, action=ConsultationAction.PUBLISH, by=user)
            for number, body, name, org, desa, approve, answer in COMMENTS:
                comment = comment_submit(
                    consultation=consultation,
                    body=body,
                    paragraph_number=number,
                    name=name,
                    organisation=org,
                    desa=desa,
                    address="127.0.0.1",
                    user_agent="demo",
                    fill_seconds=120,
                )
                if approve and user is not None:
                    comments_moderate(
                        consultation=consultation, ids=[comment.pk], action="setujui", by=user
                    )
                    if answer:
                        decision, reason, section = answer
                        response_set(
                            comment=comment,
                            decision=decision,
                            reason=reason,
                            section_changed=section,
                            by=user,
                        )
            comment_submit(
                consultation=consultation,
                body=_spam_text(),
                address="203.0.113.99",
                user_agent="Mozilla/5.0 (spam bot)",
                fill_seconds=2,
            )
            meeting = meeting_record(
                consultation=consultation,
                held_on=timezone.localdate() - dt.timedelta(days=1),
                place="Aula Bappeda, Muara Sabak",
                title="Konsultasi publik draf SSK 2027–2031",
                minutes=(
                    "Pokja memaparkan draf SSK. Peserta menyoroti banjir rob di desa pesisir dan "
                    "layanan lumpur tinja."
                ),
                attendance={
                    "masyarakat": (18, 14),
                    "pemerintah": (9, 5),
                    "desa": (6, 2),
                    "lsm": (2, 3),
                    "swasta": (2, 0),
                },
                by=user,
            )
            meeting_input_add(
                meeting=meeting,
                body="Pintu air di Desa Rantau Rasau perlu masuk program drainase tahun pertama.",
                paragraph_number=6,
                name="Kepala Desa Rantau Rasau",
                by=user,
            )
    pending = consultation.comments.filter(status="pending")
    stdout.write(
        f"Konsultasi publik demo 15.07 ({'baru' if created else 'sudah ada'}): "
        f"{pending.count()} komentar menunggu moderasi, "
        f"{pending.filter(suspected=True).count()} diduga spam: "
        f"/konsultasi/{consultation.pk}/ (publik), /konsultasi/kelola/{consultation.pk}/"
    )
