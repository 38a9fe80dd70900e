from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ppsp.compute.area_risk import RISK_CLASSES

MAX_UPLOAD = 20 * 1024 * 1024


class RoundForm(forms.Form):
    year = forms.IntegerField(label=_("Tahun studi"), min_value=2010, max_value=2100)


class SubmissionsForm(forms.Form):
    file = forms.FileField(
        label=_("Berkas ekspor KoboToolbox/ODK (.csv atau .xlsx) atau templat CSV")
    )

    def clean_file(self) -> object:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_("Berkas lebih dari 20 MB."))
        return upload


class OverrideForm(forms.Form):
    risk_class = forms.TypedChoiceField(
        label=_("Kelas hasil verifikasi lapangan"),
        coerce=int,
        choices=[(k, f"{k} – {v[0]}") for k, v in RISK_CLASSES.items() if k],
    )
    reason = forms.CharField(label=_("Alasan"), widget=forms.Textarea(attrs={"rows": 3}))


class SamplingForm(forms.Form):
    target_desa = forms.IntegerField(label=_("Jumlah desa sampel"), min_value=1, initial=30)
    seed = forms.IntegerField(
        label=_("Seed acak (kosongkan untuk acak baru)"), required=False, min_value=0
    )
