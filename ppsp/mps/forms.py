from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ppsp.core.uploads import JPEG, PDF, PNG, XLSX, Limits, UploadField, validate_upload
from ppsp.mps.codes import QA_MANUAL
from ppsp.mps.models import (
    CommitmentKind,
    CommitmentStatus,
    InternalDocument,
    KklNode,
    Party,
    ProgrammeRow,
    SwotFactor,
)


class RowForm(forms.ModelForm[ProgrammeRow]):
    class Meta:
        model = ProgrammeRow
        fields = (
            "subsector",
            "program_code",
            "program",
            "kegiatan_code",
            "kegiatan",
            "kategori",
            "sidlacom",
            "zone",
            "volume",
            "unit",
            "amount_1",
            "amount_2",
            "amount_3",
            "amount_4",
            "amount_5",
            "source",
            "opd",
            "priority",
            "ready_ded",
            "ready_lahan",
            "ready_kelembagaan",
            "strategi",
        )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["strategi"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = KklNode.objects.filter(plan_id=self.instance.plan_id, level="strategi")


class MoveForm(forms.Form):
    reason = forms.CharField(label=_("Alasan"), max_length=250, required=False)


class KomitmenForm(forms.Form):
    komitmen_apbd = forms.IntegerField(label=_("Komitmen APBD kab/kota 5 tahun (Rp)"), min_value=0)


EVIDENCE_TYPES = (".pdf", ".jpg", ".jpeg", ".png")
MAX_EVIDENCE = 10 * 1024 * 1024
EVIDENCE_KINDS = (PDF, JPEG, PNG)


def clean_evidence_file(upload: Any) -> Any:
    if upload and (not upload.name.lower().endswith(EVIDENCE_TYPES) or upload.size > MAX_EVIDENCE):
        raise forms.ValidationError(_("Bukti harus PDF, JPG atau PNG, paling besar 10 MB."))
    return validate_upload(upload, EVIDENCE_KINDS, lim=Limits(max_bytes=MAX_EVIDENCE))


class CommitmentForm(forms.Form):
    party = forms.ChoiceField(label=_("Pihak"), choices=Party.choices)
    year = forms.IntegerField(label=_("Tahun"))
    amount = forms.IntegerField(
        label=_("Nilai (Rp)"),
        min_value=1,
        help_text=_("Untuk natura: taksiran nilai dalam rupiah."),
    )
    kind = forms.ChoiceField(label=_("Bentuk"), choices=CommitmentKind.choices)
    description = forms.CharField(
        label=_("Uraian natura"),
        max_length=250,
        required=False,
        help_text=_("Wajib untuk natura: apa, berapa dan di mana."),
    )
    evidence = forms.CharField(label=_("Bukti"), max_length=250, required=False)
    evidence_file = forms.FileField(label=_("Berkas bukti (PDF/JPG/PNG)"), required=False)
    document = forms.ChoiceField(
        label=_("Internalisasi ke dokumen"),
        choices=[("", "—"), *InternalDocument.choices],
        required=False,
        help_text=_("Hanya untuk komitmen Pemerintah Kabupaten/Kota sendiri."),
    )

    def clean_evidence_file(self) -> Any:
        return clean_evidence_file(self.cleaned_data.get("evidence_file"))

    def __init__(self, *args: Any, parties: list[str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if parties is not None:
            field = self.fields["party"]
            assert isinstance(field, forms.ChoiceField)
            field.choices = [c for c in Party.choices if c[0] in parties]


class AdvanceForm(forms.Form):
    target = forms.ChoiceField(choices=CommitmentStatus.choices)
    evidence = forms.CharField(label=_("Bukti"), max_length=250, required=False)
    evidence_file = forms.FileField(label=_("Berkas bukti"), required=False)

    def clean_evidence_file(self) -> Any:
        return clean_evidence_file(self.cleaned_data.get("evidence_file"))


class QaForm(forms.Form):
    done = forms.MultipleChoiceField(
        label=_("Butir QA swa-penilaian"),
        choices=list(QA_MANUAL),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


class SwotForm(forms.ModelForm[SwotFactor]):
    class Meta:
        model = SwotFactor
        fields = ("subsector", "kind", "text", "weight", "score")


class UploadForm(forms.Form):
    file = UploadField(label=_("Berkas Lampiran 4 (.xlsx)"), kinds=(XLSX,))


class KklNodeForm(forms.ModelForm[KklNode]):
    class Meta:
        model = KklNode
        fields = (
            "parent",
            "level",
            "subsector",
            "text",
            "indicator",
            "baseline_value",
            "baseline_year",
        )

    def __init__(self, *args: Any, plan: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["parent"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = KklNode.objects.filter(plan=plan).exclude(level="strategi")

    targets_text = forms.CharField(
        label=_("Target per tahun (mis. 2027=40; 2031=100)"), required=False, max_length=200
    )

    def clean_targets_text(self) -> dict[str, float]:
        targets: dict[str, float] = {}
        for part in self.cleaned_data["targets_text"].split(";"):
            if not part.strip():
                continue
            year, _sep, value = part.partition("=")
            try:
                targets[str(int(year))] = float(value.replace(",", "."))
            except ValueError:
                raise forms.ValidationError(_("Tulis target sebagai tahun=nilai; …")) from None
        return targets


class KklNodeEditForm(forms.ModelForm[KklNode]):
    """Edit a node in place: level and parent stay (delete and add again to move it)."""

    class Meta:
        model = KklNode
        fields = ("subsector", "text", "indicator", "baseline_value", "baseline_year")

    targets_text = forms.CharField(
        label=_("Target per tahun (mis. 2027=40; 2031=100)"), required=False, max_length=200
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        targets = self.instance.targets or {}
        self.fields["targets_text"].initial = "; ".join(f"{y}={v}" for y, v in targets.items())

    clean_targets_text = KklNodeForm.clean_targets_text
