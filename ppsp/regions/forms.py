from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PopulationForm(forms.Form):
    year = forms.IntegerField(label=_("Tahun"), min_value=1990, max_value=2100)
    penduduk = forms.IntegerField(label=_("Jumlah penduduk (jiwa)"), min_value=0)
    kk = forms.IntegerField(label=_("Jumlah KK"), min_value=0)
    source = forms.CharField(label=_("Sumber data"), max_length=120, required=False)
    reason = forms.CharField(
        label=_("Alasan perubahan"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["year"].initial = timezone.localdate().year

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        penduduk, kk = data.get("penduduk"), data.get("kk")
        if isinstance(penduduk, int) and isinstance(kk, int) and kk > penduduk:
            self.add_error("kk", _("Jumlah KK tidak boleh melebihi jumlah penduduk."))
        return data
