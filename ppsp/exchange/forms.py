from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ppsp.core.uploads import UploadField
from ppsp.exchange.exports import FORMATS
from ppsp.exchange.models import SourceSystem
from ppsp.exchange.registry import TABLES

MAX_UPLOAD = 20 * 1024 * 1024


class ExportForm(forms.Form):
    table = forms.ChoiceField(label=_("Tabel"))
    region = forms.CharField(
        label=_("Kode wilayah"),
        required=False,
        help_text=_("Kosongkan untuk ekspor nasional (dijalankan di latar belakang)."),
    )
    fmt = forms.ChoiceField(label=_("Format"), choices=[(f, f.upper()) for f in FORMATS])

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["table"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(k, t.label) for k, t in TABLES.items()]


class UploadForm(forms.Form):
    system = forms.ChoiceField(label=_("Sistem sumber"), choices=SourceSystem.choices)
    file = UploadField(label=_("Berkas (CSV atau XLSX)"))

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_("Berkas terlalu besar (maksimum 20 MB)."))
        return upload
