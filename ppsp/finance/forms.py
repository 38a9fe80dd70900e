from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ppsp.core.uploads import XLSX, UploadField
from ppsp.finance.models import HISTORY_FIELDS, PLAN_FIELDS, FiscalCapacity, HistoryYear, PlanYear
from ppsp.finance.services import SETTINGS_FIELDS


def _rupiah(label: Any) -> forms.IntegerField:
    return forms.IntegerField(label=label, min_value=0, required=False)


class OpdForm(forms.Form):
    opd = forms.CharField(label=_("OPD"), max_length=150)

    def __init__(self, *args: Any, years: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.years = years
        for year in years:
            self.fields[f"y{year}"] = _rupiah(str(year))

    def amounts(self) -> dict[int, int]:
        return {y: self.cleaned_data.get(f"y{y}") or 0 for y in self.years}


class YearGridForm(forms.Form):
    """One number per (field, year): names like `dak_sanitasi_2021`."""

    def __init__(
        self,
        *args: Any,
        years: list[int],
        names: tuple[str, ...],
        model: type[HistoryYear] | type[PlanYear],
        rows: dict[int, Any] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.years, self.names = years, names
        self.labels = {n: getattr(model._meta.get_field(n), "verbose_name", n) for n in names}
        for name in names:
            for year in years:
                initial = getattr(rows[year], name) if rows and year in rows else 0
                self.fields[f"{name}_{year}"] = forms.IntegerField(
                    label=f"{self.labels[name]} {year}", min_value=0, initial=initial
                )

    def values(self) -> dict[int, dict[str, int]]:
        return {y: {n: self.cleaned_data[f"{n}_{y}"] for n in self.names} for y in self.years}

    def grid(self) -> list[tuple[Any, list[Any]]]:
        return [(self.labels[n], [self[f"{n}_{y}"] for y in self.years]) for n in self.names]


def history_form(*args: Any, capacity: FiscalCapacity, **kwargs: Any) -> YearGridForm:
    rows = {h.year: h for h in capacity.history.all()}
    return YearGridForm(
        *args,
        years=capacity.history_years,
        names=HISTORY_FIELDS,
        model=HistoryYear,
        rows=rows,
        **kwargs,
    )


def plan_form(*args: Any, capacity: FiscalCapacity, **kwargs: Any) -> YearGridForm:
    rows = {p.year: p for p in capacity.plan.all()}
    return YearGridForm(
        *args, years=capacity.plan_years, names=PLAN_FIELDS, model=PlanYear, rows=rows, **kwargs
    )


class SettingsForm(forms.ModelForm[FiscalCapacity]):
    class Meta:
        model = FiscalCapacity
        fields = list(SETTINGS_FIELDS)
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}


class ImportForm(forms.Form):
    file = UploadField(label=_("Berkas XLSX"), kinds=(XLSX,))
