"""The realisation grid (one small form per programme row / sasaran indicator) and the
review forms. Numbers are typed fields; a missing number needs a 'not available' code."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ppsp.core.uploads import UploadField
from ppsp.monev.models import DataSource, NotAvailable, WorkStatus

NA_CHOICES = [("", "—"), *NotAvailable.choices]
NEED_NA = _("Isi angka, atau pilih kode 'tidak tersedia' beserta alasannya.")


class RowValueForm(forms.Form):
    budget = forms.IntegerField(
        label=_("Realisasi (Rp)"),
        required=False,
        min_value=0,
        max_value=100_000_000_000_000,  # Rp 100 trillion: far above any kab/kota budget
    )
    output = forms.DecimalField(
        label=_("Output fisik"), required=False, min_value=0, max_digits=12, decimal_places=2
    )
    work_status = forms.ChoiceField(label=_("Status"), choices=WorkStatus.choices)
    evidence = forms.CharField(label=_("Bukti (berkas/tautan)"), required=False, max_length=250)
    na_code = forms.ChoiceField(label=_("Tidak tersedia"), choices=NA_CHOICES, required=False)
    na_reason = forms.CharField(label=_("Alasan"), required=False, max_length=250)

    def is_blank(self) -> bool:
        data = {f: (self.data.get(self.add_prefix(f)) or "").strip() for f in self.fields}
        status = data.pop("work_status")
        return not any(data.values()) and status in ("", WorkStatus.BELUM_MULAI)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        missing = data.get("budget") is None or data.get("output") is None
        if missing and not (data.get("na_code") and data.get("na_reason")):
            raise forms.ValidationError(NEED_NA)
        return data


class IndicatorValueForm(forms.Form):
    value = forms.DecimalField(
        label=_("Nilai realisasi"), required=False, max_digits=12, decimal_places=2
    )
    source = forms.ChoiceField(label=_("Sumber data"), choices=DataSource.choices)
    na_code = forms.ChoiceField(label=_("Tidak tersedia"), choices=NA_CHOICES, required=False)
    na_reason = forms.CharField(label=_("Alasan"), required=False, max_length=250)

    def is_blank(self) -> bool:
        keys = ("value", "na_code", "na_reason")
        return not any((self.data.get(self.add_prefix(f)) or "").strip() for f in keys)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        has_value = data.get("value") is not None
        if has_value and data.get("na_code"):
            raise forms.ValidationError(
                _("Pilih angka atau kode 'tidak tersedia', bukan keduanya.")
            )
        if not has_value and not (data.get("na_code") and data.get("na_reason")):
            raise forms.ValidationError(NEED_NA)
        return data


class ReviewForm(forms.Form):
    comment = forms.CharField(
        label=_("Catatan peninjau"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ImportForm(forms.Form):
    file = UploadField(label=_("Berkas XLSX/CSV"))


def row_initial(value: Any) -> dict[str, Any]:
    if value is None:
        return {}
    return {f: getattr(value, f) for f in ("budget", "output", "work_status", "evidence")} | {
        "na_code": value.na_code,
        "na_reason": value.na_reason,
    }


def indicator_initial(value: Any) -> dict[str, Any]:
    if value is None:
        return {}
    return {f: getattr(value, f) for f in ("value", "source", "na_code", "na_reason")}
