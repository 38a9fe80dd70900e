"""Forms of Bab 3.1–3.2: visi/misi with misi and tujuan per subsector; zone stage targets."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ppsp.scenarios.models import Subsector, Vision

STAGE_CHOICES = [(i, str(i)) for i in range(5)]


class VisionForm(forms.Form):
    visi_kabkota = forms.CharField(
        label=_("Visi kab/kota (RPJMD)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    misi_kabkota = forms.CharField(
        label=_("Misi kab/kota (RPJMD)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    visi_sanitasi = forms.CharField(
        label=_("Visi sanitasi"), widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for key, label in Subsector.choices:
            self.fields[f"misi_{key}"] = forms.CharField(
                label=f"{_('Misi')} {label}",
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.fields[f"tujuan_{key}"] = forms.CharField(
                label=f"{_('Tujuan')} {label}",
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    @staticmethod
    def initial_for(vision: Vision | None) -> dict[str, Any]:
        if vision is None:
            return {}
        initial: dict[str, Any] = {
            "visi_kabkota": vision.visi_kabkota,
            "misi_kabkota": vision.misi_kabkota,
            "visi_sanitasi": vision.visi_sanitasi,
        }
        for key, item in (vision.subsectors or {}).items():
            initial[f"misi_{key}"] = item.get("misi", "")
            initial[f"tujuan_{key}"] = item.get("tujuan", "")
        return initial

    def values(self) -> dict[str, Any]:
        """Keyword arguments for `services.vision.vision_save`."""
        data = self.cleaned_data
        return {
            "visi_kabkota": data["visi_kabkota"],
            "misi_kabkota": data["misi_kabkota"],
            "visi_sanitasi": data["visi_sanitasi"],
            "subsectors": {
                key: {"misi": data[f"misi_{key}"], "tujuan": data[f"tujuan_{key}"]}
                for key in Subsector.values
            },
        }


class StageForm(forms.Form):
    subsector = forms.ChoiceField(label=_("Subsektor"), choices=Subsector.choices)
    zone = forms.CharField(label=_("Zona"), max_length=120)
    system = forms.CharField(label=_("Sistem / teknologi"), max_length=150)
    stage_now = forms.TypedChoiceField(
        label=_("Tahap saat ini"), choices=STAGE_CHOICES, coerce=int, initial=0
    )
    stage_medium = forms.TypedChoiceField(
        label=_("Tahap jangka menengah (5 tahun)"), choices=STAGE_CHOICES, coerce=int
    )
    stage_long = forms.TypedChoiceField(
        label=_("Tahap jangka panjang (20 tahun)"), choices=STAGE_CHOICES, coerce=int
    )
    target_medium_pct = forms.DecimalField(
        label=_("Target cakupan 5 tahun (%)"), min_value=0, max_value=100
    )
    target_long_pct = forms.DecimalField(
        label=_("Target cakupan 20 tahun (%)"), min_value=0, max_value=100
    )

    def values(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["target_medium_pct"] = float(data["target_medium_pct"])
        data["target_long_pct"] = float(data["target_long_pct"])
        return data
