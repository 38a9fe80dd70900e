from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ppsp.core.uploads import DOCX, OLE, PDF, UploadField
from ppsp.profiles.kemajuan import SOURCE_CHOICES
from ppsp.profiles.models import LegacyDocument, LegacyTarget


class ImportForm(forms.Form):
    file = UploadField(label=_("Berkas Form 2 (.xlsx atau .csv)"))


class LegacyForm(forms.Form):
    kind = forms.ChoiceField(label=_("Jenis"), choices=LegacyDocument.Kind.choices)
    title = forms.CharField(label=_("Judul"), max_length=200)
    period_start = forms.IntegerField(label=_("Periode awal"), min_value=1990, max_value=2100)
    period_end = forms.IntegerField(label=_("Periode akhir"), min_value=1990, max_value=2100)
    file = UploadField(
        label=_("Berkas (PDF/DOCX)"),
        kinds=(PDF, DOCX, OLE),
        limits_of="document",
        max_bytes=30 << 20,
    )


class TargetForm(forms.ModelForm[LegacyTarget]):
    source = forms.ChoiceField(
        label=_("Sumber nilai saat ini"), choices=SOURCE_CHOICES, required=False
    )

    class Meta:
        model = LegacyTarget
        fields = [
            "name",
            "unit",
            "source",
            "lower_is_better",
            "baseline_year",
            "baseline",
            "target_year",
            "target",
            "current_manual",
        ]
