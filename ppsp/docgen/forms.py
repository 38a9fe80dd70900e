from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ppsp.docgen.models import Format


class NarrativeForm(forms.Form):
    text = forms.CharField(
        label=_("Narasi"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_(
            "Paragraf dipisahkan baris kosong. Isian otomatis: {kabkota}, {provinsi}, "
            "{periode}, {tahun_awal}, {tahun_akhir}, {kebutuhan_total}, {tahun_ehra}, "
            "{jumlah_desa_ehra}, {penduduk_total}."
        ),
    )


class RenderForm(forms.Form):
    fmt = forms.ChoiceField(label=_("Format"), choices=Format.choices)
