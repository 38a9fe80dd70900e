from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ppsp.compute.area_risk import RISK_CLASSES
from ppsp.ehra.labels import DEFAULT_CLASSES, RiskClasses
from ppsp.ehra.models import CutoffRule

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


class PullForm(forms.Form):
    """Pull from a KoboToolbox/ODK Central server; the token is used once, never stored."""

    kind = forms.ChoiceField(
        label=_("Server"), choices=[("kobo", "KoboToolbox"), ("odk", "ODK Central")]
    )
    server = forms.URLField(
        label=_("Alamat server"),
        help_text=_("misalnya https://kf.kobotoolbox.org"),
        assume_scheme="https",
    )
    form_id = forms.CharField(
        label=_("ID formulir"),
        max_length=120,
        help_text=_(
            "KoboToolbox: uid aset; ODK Central: nomor proyek/xmlFormId, misalnya 7/ehra_2021"
        ),
    )
    username = forms.CharField(
        label=_("E-mail akun ODK Central (kosongkan bila token sesi)"),
        max_length=200,
        required=False,
    )
    token = forms.CharField(
        label=_("Token atau kata sandi (tidak disimpan)"),
        widget=forms.PasswordInput(render_value=False),
        required=False,
        strip=True,
    )


class OverrideForm(forms.Form):
    risk_class = forms.TypedChoiceField(
        label=_("Kelas hasil verifikasi lapangan"),
        coerce=int,
        choices=lambda: [(k, f"{k} – {DEFAULT_CLASSES.of(k)[0]}") for k in RISK_CLASSES if k],
    )
    reason = forms.CharField(label=_("Alasan"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, classes: RiskClasses | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if classes is not None:  # the labels of the round's method version
            field = self.fields["risk_class"]
            assert isinstance(field, forms.ChoiceField)
            field.choices = [(k, f"{k} – {classes.of(k)[0]}") for k in RISK_CLASSES if k]


class SamplingForm(forms.Form):
    target_desa = forms.IntegerField(label=_("Jumlah desa sampel"), min_value=1, initial=30)
    seed = forms.IntegerField(
        label=_("Seed acak (kosongkan untuk acak baru)"), required=False, min_value=0
    )
    method = forms.ChoiceField(
        label=_("Rumus besar sampel"),
        choices=[("krejcie_morgan", "Krejcie–Morgan"), ("slovin", "Slovin")],
        initial="krejcie_morgan",
        required=False,
    )
    margin = forms.FloatField(
        label=_("Batas kesalahan (d atau e)"),
        min_value=0.001,
        max_value=0.5,
        initial=0.05,
        required=False,
    )
    density_rule = forms.ChoiceField(
        label=_("K1 kepadatan terpenuhi bila"),
        choices=CutoffRule.choices,
        initial=CutoffRule.MEAN,
        required=False,
    )
    density_value = forms.FloatField(
        label=_("Nilai batas K1 (jiwa/km²)"), required=False, min_value=0
    )
    poverty_rule = forms.ChoiceField(
        label=_("K2 kemiskinan terpenuhi bila"),
        choices=CutoffRule.choices,
        initial=CutoffRule.MEAN,
        required=False,
    )
    poverty_value = forms.FloatField(label=_("Nilai batas K2 (%)"), required=False, min_value=0)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        data["method"] = data.get("method") or "krejcie_morgan"
        data["margin"] = data.get("margin") or 0.05
        for rule in ("density_rule", "poverty_rule"):
            data[rule] = data.get(rule) or CutoffRule.MEAN
        for rule, value in (("density_rule", "density_value"), ("poverty_rule", "poverty_value")):
            if data.get(rule) == CutoffRule.VALUE and data.get(value) is None:
                self.add_error(value, _("Isi nilai batas atau pilih rata-rata kab/kota."))
        return data

    def cutoffs(self) -> tuple[float | None, float | None]:
        """(K1, K2) cut-offs for ``frame_create``: None = above the kab/kota mean."""
        data = self.cleaned_data
        return (
            data["density_value"] if data["density_rule"] == CutoffRule.VALUE else None,
            data["poverty_value"] if data["poverty_rule"] == CutoffRule.VALUE else None,
        )
