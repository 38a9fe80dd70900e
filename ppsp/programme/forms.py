from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ppsp.core.uploads import DOCUMENTS, JPEG, PNG, UploadField, validate_upload
from ppsp.programme.models import (
    FacilitatorKind,
    Opd,
    PokjaRole,
    Stage,
    StageRecord,
)
from ppsp.regions.models import Level, Region

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
EVIDENCE_KINDS = (*DOCUMENTS, JPEG, PNG)
MAX_IMPORT_BYTES = 2 * 1024 * 1024


class ParticipationForm(forms.Form):
    cohort_year = forms.IntegerField(
        label=_("Tahun kohort (masuk PPSP)"), min_value=2000, max_value=2100
    )
    reason = forms.CharField(
        label=_("Alasan perubahan"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class StageRecordForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = StageRecord
        fields = ["stage", "start_date", "due_date", "evidence", "note"]
        widgets = {"start_date": DATE, "due_date": DATE, "note": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["stage"].queryset = Stage.objects.order_by("number")  # type: ignore[attr-defined]

    def clean_evidence(self) -> Any:
        return validate_upload(self.cleaned_data.get("evidence"), EVIDENCE_KINDS)


class StageRecordEditForm(forms.ModelForm):  # type: ignore[type-arg]
    reason = forms.CharField(label=_("Alasan perubahan"), required=False)

    class Meta:
        model = StageRecord
        fields = ["start_date", "end_date", "due_date", "evidence", "note"]
        widgets = {
            "start_date": DATE,
            "end_date": DATE,
            "due_date": DATE,
            "note": forms.Textarea(attrs={"rows": 2}),
        }

    def clean_evidence(self) -> Any:
        return validate_upload(self.cleaned_data.get("evidence"), EVIDENCE_KINDS)


class TransitionForm(forms.Form):
    action = forms.CharField(max_length=30)
    reason = forms.CharField(required=False, max_length=500)


class ImportForm(forms.Form):
    file = UploadField(label=_("Berkas daftar peserta (.csv atau .xlsx)"))

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(_("Berkas terlalu besar (maksimal 2 MB)."))
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Unggah berkas .csv atau .xlsx."))
        return upload


class OpdForm(forms.Form):
    name = forms.CharField(label=_("Nama OPD"), max_length=150)
    short_name = forms.CharField(label=_("Singkatan"), max_length=40, required=False)


class PokjaSkForm(forms.Form):
    number = forms.CharField(label=_("Nomor SK"), max_length=120)
    date = forms.DateField(label=_("Tanggal SK"), widget=DATE)
    note = forms.CharField(
        label=_("Catatan"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    copy_members = forms.BooleanField(
        label=_("Salin anggota dari SK sebelumnya"), required=False, initial=True
    )


class PokjaMemberForm(forms.Form):
    full_name = forms.CharField(label=_("Nama"), max_length=150)
    role = forms.ChoiceField(label=_("Jabatan dalam Pokja"), choices=PokjaRole.choices)
    opd = forms.ModelChoiceField(label=_("OPD"), queryset=Opd.objects.none(), required=False)
    position = forms.CharField(label=_("Jabatan di OPD"), max_length=120, required=False)

    def __init__(self, *args: Any, region: Region, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["opd"].queryset = Opd.objects.filter(region=region)  # type: ignore[attr-defined]


class AssignmentForm(forms.Form):
    username = forms.CharField(label=_("Nama pengguna fasilitator"), max_length=150)
    kind = forms.ChoiceField(label=_("Jenis"), choices=FacilitatorKind.choices)
    region_code = forms.CharField(label=_("Kode wilayah tugas (provinsi untuk PF)"), max_length=13)
    contract_year = forms.IntegerField(label=_("Tahun kontrak"), min_value=2000, max_value=2100)

    def clean_region_code(self) -> Region:
        code = self.cleaned_data["region_code"].strip()
        region = Region.objects.filter(code=code, level__lte=Level.KABKOTA).first()
        if region is None:
            raise forms.ValidationError(_("Kode provinsi/kabupaten/kota tidak dikenal."))
        return region


class TrainingForm(forms.Form):
    username = forms.CharField(label=_("Nama pengguna fasilitator"), max_length=150)
    title = forms.CharField(label=_("Nama pelatihan"), max_length=200)
    organiser = forms.CharField(
        label=_("Penyelenggara"), max_length=150, initial="Pemerintah Pusat"
    )
    start_date = forms.DateField(label=_("Tanggal mulai"), widget=DATE)
    end_date = forms.DateField(label=_("Tanggal selesai"), widget=DATE)
    certificate = forms.CharField(label=_("Nomor sertifikat"), max_length=80, required=False)


class EndForm(forms.Form):
    """When and why a Pokja membership or a facilitator assignment ends."""

    ended_on = forms.DateField(label=_("Tanggal berakhir"), widget=DATE)
    reason = forms.CharField(label=_("Alasan"), max_length=200)


class AssignmentEditForm(forms.Form):
    region_code = forms.CharField(label=_("Kode wilayah tugas (provinsi untuk PF)"), max_length=13)
    contract_year = forms.IntegerField(label=_("Tahun kontrak"), min_value=2000, max_value=2100)

    clean_region_code = AssignmentForm.clean_region_code
