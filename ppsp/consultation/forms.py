from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

from ppsp.consultation.models import AttendeeGroup, BlockKind, Decision
from ppsp.core.uploads import PDF, UploadField
from ppsp.documents.models import LegalKind

_SIGNER_SALT = "ppsp.consultation.form-started"


def form_started_token(now: float | None = None) -> str:
    """A signed timestamp put into the public form; its age is the fill time."""
    return signing.dumps({"t": round(time.time() if now is None else now, 3)}, salt=_SIGNER_SALT)


def fill_seconds(token: str, now: float | None = None) -> float | None:
    """Seconds since the form was rendered; None when the token is missing or forged."""
    try:
        started = float(signing.loads(token, salt=_SIGNER_SALT)["t"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    return max(0.0, (time.time() if now is None else now) - started)


MAX_PAGE = 2000


class CommentForm(forms.Form):
    """The public comment form; `sections` are the consulted document's (number, heading)."""

    paragraph = forms.IntegerField(
        label=_("Paragraf (kosongkan untuk komentar umum)"), required=False, min_value=1
    )
    section = forms.ChoiceField(label=_("Bab/bagian dokumen yang dirujuk"), required=False)
    page = forms.IntegerField(
        label=_("Halaman PDF draf (boleh dikosongkan)"),
        required=False,
        min_value=1,
        max_value=MAX_PAGE,
    )
    body = forms.CharField(
        label=_("Komentar atau masukan Anda"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    name = forms.CharField(label=_("Nama (boleh dikosongkan)"), max_length=120, required=False)
    organisation = forms.CharField(
        label=_("Organisasi/lembaga (boleh dikosongkan)"), max_length=160, required=False
    )
    desa = forms.CharField(label=_("Desa/kelurahan"), max_length=120, required=False)
    contact = forms.CharField(
        label=_("E-mail atau nomor HP (tidak ditampilkan)"),
        max_length=160,
        required=False,
        help_text=_("Hanya untuk Pokja bila perlu menghubungi Anda; tidak pernah ditampilkan."),
    )
    # Spam defences: a field people do not see (bots fill it) and the form's start time.
    website = forms.CharField(required=False, label=_("Jangan diisi"))
    started = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, sections: Sequence[tuple[str, str]] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = [  # type: ignore[attr-defined]
            ("", _("— tidak merujuk bab/bagian tertentu —")),
            *sections,
        ]


class ConsultationForm(forms.Form):
    title = forms.CharField(label=_("Judul"), max_length=200)
    introduction = forms.CharField(
        label=_("Pengantar untuk masyarakat"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    opens_on = forms.DateField(label=_("Dibuka"), widget=forms.DateInput(attrs={"type": "date"}))
    closes_on = forms.DateField(label=_("Ditutup"), widget=forms.DateInput(attrs={"type": "date"}))
    premoderation = forms.BooleanField(
        label=_("Pra-moderasi: komentar tampil setelah disetujui"), required=False, initial=True
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("opens_on") and data.get("closes_on") and data["closes_on"] < data["opens_on"]:
            self.add_error("closes_on", _("Tanggal tutup tidak boleh sebelum tanggal buka."))
        return data


class ModerationForm(forms.Form):
    action = forms.ChoiceField(
        choices=[("setujui", _("Setujui")), ("sembunyikan", _("Sembunyikan")), ("spam", _("Spam"))]
    )
    ids = forms.TypedMultipleChoiceField(coerce=int, choices=[])
    reason = forms.CharField(required=False, max_length=500)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        raw = self.data.getlist("ids") if hasattr(self.data, "getlist") else []
        self.fields["ids"].choices = [(v, v) for v in raw]  # type: ignore[attr-defined]


class BlockForm(forms.Form):
    kind = forms.ChoiceField(choices=BlockKind.choices)
    reason = forms.CharField(max_length=500)


class MeetingForm(forms.Form):
    held_on = forms.DateField(label=_("Tanggal"), widget=forms.DateInput(attrs={"type": "date"}))
    place = forms.CharField(label=_("Tempat"), max_length=200)
    title = forms.CharField(label=_("Acara"), max_length=200)
    minutes = forms.CharField(label=_("Notulen"), widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for value, label in AttendeeGroup.choices:
            self.fields[f"male_{value}"] = forms.IntegerField(
                label=f"{label} — L", min_value=0, required=False, initial=0
            )
            self.fields[f"female_{value}"] = forms.IntegerField(
                label=f"{label} — P", min_value=0, required=False, initial=0
            )

    def attendance(self) -> dict[str, tuple[int, int]]:
        data = self.cleaned_data
        return {
            g: (data.get(f"male_{g}") or 0, data.get(f"female_{g}") or 0)
            for g in AttendeeGroup.values
        }


class MeetingInputForm(forms.Form):
    paragraph = forms.IntegerField(label=_("Paragraf"), required=False, min_value=1)
    body = forms.CharField(label=_("Masukan peserta"), widget=forms.Textarea(attrs={"rows": 3}))
    name = forms.CharField(label=_("Nama"), max_length=120, required=False)
    organisation = forms.CharField(label=_("Organisasi"), max_length=160, required=False)
    desa = forms.CharField(label=_("Desa/kelurahan"), max_length=120, required=False)


class ResponseForm(forms.Form):
    """The Pokja's answer; `sections` are the consulted document's (number, heading)."""

    decision = forms.ChoiceField(label=_("Keputusan"), choices=Decision.choices)
    reason = forms.CharField(label=_("Tanggapan/alasan"), widget=forms.Textarea(attrs={"rows": 2}))
    section_changed = forms.CharField(label=_("Bagian yang diubah"), max_length=200, required=False)
    accommodated = forms.BooleanField(
        label=_("Diakomodasi: masukan ini mengubah dokumen final"), required=False
    )
    changed_section = forms.ChoiceField(label=_("Bab/bagian yang diubah"), required=False)

    def __init__(self, *args: Any, sections: Sequence[tuple[str, str]] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["changed_section"].choices = [  # type: ignore[attr-defined]
            ("", _("— pilih bab/bagian —")),
            *sections,
        ]


class PengesahanForm(forms.Form):
    legal_kind = forms.ChoiceField(
        label=_("Bentuk hukum"), choices=[c for c in LegalKind.choices if c[0]]
    )
    number = forms.CharField(label=_("Nomor"), max_length=100)
    date = forms.DateField(label=_("Tanggal"), widget=forms.DateInput(attrs={"type": "date"}))
    signed_file = UploadField(
        label=_("Berkas bertanda tangan (PDF)"),
        required=False,
        kinds=(PDF,),
        limits_of="document",
    )
