from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ppsp.core.uploads import DOCUMENTS, UploadField
from ppsp.documents.models import DocType, LegalKind, MethodVersion, RequiredTable


class DocumentForm(forms.Form):
    doc_type = forms.ChoiceField(label=_("Jenis dokumen"), choices=DocType.choices)
    method_version = forms.ModelChoiceField(
        label=_("Versi pedoman"), queryset=MethodVersion.objects.filter(active=True)
    )
    period_start = forms.IntegerField(label=_("Tahun awal periode"), min_value=2000, max_value=2100)
    period_end = forms.IntegerField(label=_("Tahun akhir periode"), min_value=2000, max_value=2100)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("period_start"), data.get("period_end")
        if isinstance(start, int) and isinstance(end, int) and end < start:
            self.add_error("period_end", _("Tahun akhir tidak boleh sebelum tahun awal."))
        method = data.get("method_version")
        if method is not None and method.doc_type != data.get("doc_type"):
            self.add_error("method_version", _("Versi pedoman tidak sesuai dengan jenis dokumen."))
        return data


class VersionForm(forms.Form):
    summary = forms.CharField(
        label=_("Ringkasan / catatan perubahan"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    filled_tables = forms.ModelMultipleChoiceField(
        label=_("Tabel wajib yang sudah terisi"),
        queryset=RequiredTable.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, method_version: MethodVersion, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["filled_tables"].queryset = method_version.required_tables.all()  # type: ignore[attr-defined]


class FileForm(forms.Form):
    label = forms.CharField(label=_("Keterangan berkas"), max_length=200, required=False)
    file = UploadField(
        label=_("Berkas (PDF, DOCX, ODT atau XLSX; maks. 25 MB)"),
        kinds=DOCUMENTS,
        limits_of="document",
    )


class TransitionForm(forms.Form):
    action = forms.CharField(widget=forms.HiddenInput)
    reason = forms.CharField(
        label=_("Catatan"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    legal_kind = forms.ChoiceField(
        label=_("Jenis dasar hukum"), choices=LegalKind.choices, required=False
    )
    legal_number = forms.CharField(label=_("Nomor"), max_length=100, required=False)
    legal_date = forms.DateField(
        label=_("Tanggal"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
