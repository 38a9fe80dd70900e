from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ppsp.documents.models import DocType, MethodVersion


def _date(label: Any, required: bool = True) -> forms.DateField:
    return forms.DateField(
        label=label, required=required, widget=forms.DateInput(attrs={"type": "date"})
    )


class OpenCycleForm(forms.Form):
    fiscal_year = forms.IntegerField(label=_("Tahun anggaran"), min_value=2015, max_value=2100)
    method_version = forms.ModelChoiceField(
        label=_("Versi pedoman"),
        queryset=MethodVersion.objects.filter(
            active=True, doc_type=DocType.SSK, process_templates__isnull=False
        ).distinct(),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["fiscal_year"].initial = timezone.localdate().year
        latest = self.fields["method_version"].queryset.order_by("-year").first()  # type: ignore[attr-defined]
        self.fields["method_version"].initial = latest


class SkPokjaForm(forms.Form):
    number = forms.CharField(label=_("Nomor SK Pokja"), max_length=100)
    date = _date(_("Tanggal SK Pokja"))


class ActivityForm(forms.Form):
    activity = forms.CharField(label=_("Kegiatan"), max_length=250)
    responsible_opd = forms.CharField(label=_("OPD penanggung jawab"), max_length=200)
    start_date = _date(_("Mulai"))
    end_date = _date(_("Selesai"))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("Tanggal selesai tidak boleh sebelum tanggal mulai."))
        return data


class MeetingForm(forms.Form):
    held_on = _date(_("Tanggal rapat"))
    title = forms.CharField(label=_("Agenda"), max_length=250)
    attendees_male = forms.IntegerField(label=_("Peserta laki-laki"), min_value=0)
    attendees_female = forms.IntegerField(label=_("Peserta perempuan"), min_value=0)
    agreements = forms.CharField(label=_("Kesepakatan"), widget=forms.Textarea(attrs={"rows": 3}))


class FinalisasiForm(forms.Form):
    konsultasi_publik_closed_on = _date(_("Konsultasi publik ditutup pada"), required=False)
    pengesahan_on = _date(_("Tanggal pengesahan"), required=False)
    pengesahan_number = forms.CharField(
        label=_("Nomor pengesahan (Perbup/Perwal)"), max_length=100, required=False
    )


class ProcessTransitionForm(forms.Form):
    action = forms.CharField(widget=forms.HiddenInput)
    reason = forms.CharField(label=_("Catatan"), required=False)
