from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ppsp.regions.models import Level, Region
from ppsp.scenarios.models import (
    BudgetBasis,
    FundingSource,
    KegiatanType,
    Scenario,
    ScenarioLine,
    Subsector,
    UnitCostItem,
    UnitCostTable,
)

OTHER_SOURCES = [s for s in FundingSource if s != FundingSource.APBD_KABKOTA]


class ScenarioForm(forms.Form):
    name = forms.CharField(label=_("Nama skenario"), max_length=120)
    description = forms.CharField(
        label=_("Uraian: target, sistem, tahapan, asumsi pendanaan"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    unit_costs = forms.ModelChoiceField(
        label=_("Tabel harga satuan"), queryset=UnitCostTable.objects.filter(active=True)
    )
    indeks_upah = forms.DecimalField(label=_("Indeks upah (DKI = 1)"), initial=1, min_value=0)
    indeks_bahan = forms.DecimalField(label=_("Indeks bahan (DKI = 1)"), initial=1, min_value=0)
    budget_basis = forms.ChoiceField(
        label=_("Batas anggaran APBD Kab/Kota untuk optimasi"),
        choices=BudgetBasis.choices,
        initial="c",
    )
    copy_from = forms.ModelChoiceField(
        label=_("Salin baris biaya dari"), queryset=Scenario.objects.none(), required=False
    )

    def __init__(self, *args: Any, cycle_scenarios: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if cycle_scenarios is not None:
            self.fields["copy_from"].queryset = cycle_scenarios  # type: ignore[attr-defined]
        latest = UnitCostTable.objects.filter(active=True).order_by("-year").first()
        self.fields["unit_costs"].initial = latest


class LineForm(forms.Form):
    subsector = forms.ChoiceField(label=_("Subsektor"), choices=Subsector.choices)
    zone = forms.CharField(label=_("Zona / lokasi"), max_length=120, required=False)
    kegiatan_type = forms.ChoiceField(label=_("Jenis kegiatan"), choices=KegiatanType.choices)
    description = forms.CharField(label=_("Uraian kegiatan"), max_length=250)
    unit_cost = forms.ModelChoiceField(
        label=_("Harga satuan (bila diisi volume)"),
        queryset=UnitCostItem.objects.none(),
        required=False,
    )
    people_served = forms.IntegerField(label=_("Jiwa terlayani"), min_value=0, initial=0)
    risk_class = forms.TypedChoiceField(
        label=_("Kelas risiko area"),
        choices=[(1, "1"), (2, "2"), (3, "3"), (4, "4")],
        coerce=int,
        initial=2,
    )
    priority = forms.IntegerField(label=_("Prioritas (1 = tertinggi)"), min_value=0, initial=0)
    mandatory = forms.BooleanField(label=_("Wajib didanai"), required=False)
    funding_source = forms.ChoiceField(label=_("Sumber pendanaan"), choices=FundingSource.choices)
    requires = forms.ModelChoiceField(
        label=_("Prasyarat"), queryset=ScenarioLine.objects.none(), required=False
    )

    def __init__(
        self, *args: Any, scenario: Scenario, exclude: ScenarioLine | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.years = scenario.plan_years
        self.fields["unit_cost"].queryset = scenario.unit_costs.items.all()  # type: ignore[attr-defined]
        lines = scenario.lines.order_by("id")
        if exclude is not None:
            lines = lines.exclude(pk=exclude.pk)
        self.fields["requires"].queryset = lines  # type: ignore[attr-defined]
        for year in self.years:
            self.fields[f"a{year}"] = forms.IntegerField(
                label=f"{_('Biaya')} {year} (Rp)", min_value=0, required=False
            )
        for year in self.years:
            self.fields[f"v{year}"] = forms.DecimalField(
                label=f"{_('Volume')} {year}", min_value=0, required=False
            )

    @staticmethod
    def initial_for(line: ScenarioLine) -> dict[str, Any]:
        years = line.scenario.plan_years
        initial: dict[str, Any] = {
            name: getattr(line, name)
            for name in (
                "subsector",
                "zone",
                "kegiatan_type",
                "description",
                "people_served",
                "risk_class",
                "priority",
                "mandatory",
                "funding_source",
            )
        }
        initial["unit_cost"] = line.unit_cost_id
        initial["requires"] = line.requires_id
        if line.volumes:
            initial.update({f"v{y}": v for y, v in zip(years, line.volumes, strict=False)})
        else:
            initial.update({f"a{y}": a for y, a in zip(years, line.amounts, strict=False)})
        return initial

    def base_values(self) -> dict[str, Any]:
        """cleaned_data without the per-year amount and volume fields."""
        return {
            k: v for k, v in self.cleaned_data.items() if not (k[0] in "av" and k[1:].isdigit())
        }

    def amounts(self) -> list[int]:
        return [self.cleaned_data.get(f"a{y}") or 0 for y in self.years]

    def volumes(self) -> list[float]:
        return [float(self.cleaned_data.get(f"v{y}") or 0) for y in self.years]

    def base_fields_list(self) -> list[Any]:
        return [self[n] for n in self.fields if n[0] not in "av" or not n[1:].isdigit()]

    def amount_fields(self) -> list[Any]:
        return [self[f"a{y}"] for y in self.years]

    def volume_fields(self) -> list[Any]:
        return [self[f"v{y}"] for y in self.years]


class ZoneForm(forms.Form):
    subsector = forms.ChoiceField(label=_("Subsektor"), choices=Subsector.choices)
    zone = forms.CharField(label=_("Zona"), max_length=120)
    unit_cost = forms.ModelChoiceField(
        label=_("Sistem / teknologi"), queryset=UnitCostItem.objects.none()
    )
    desa = forms.ModelMultipleChoiceField(
        label=_("Desa/kelurahan anggota zona (penduduk dan area berisiko diambil dari data)"),
        queryset=Region.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    population = forms.IntegerField(
        label=_("Penduduk zona tahun dasar (jiwa; kosongkan bila memilih desa)"),
        min_value=0,
        required=False,
    )
    growth_pct = forms.DecimalField(
        label=_("Pertumbuhan penduduk (%/tahun)"),
        initial=1.5,
        required=False,
        help_text=_(
            "Kosongkan untuk memakai laju per desa dari profil Form 2 (per kecamatan "
            "atau laju kab/kota)."
        ),
    )
    method = forms.ChoiceField(
        label=_("Proyeksi penduduk"),
        choices=[("geometrik", _("geometrik")), ("aritmetik", _("aritmetik"))],
    )
    baseline_pct = forms.DecimalField(
        label=_("Cakupan layanan saat ini (%)"), min_value=0, max_value=100
    )
    target_pct = forms.DecimalField(
        label=_("Target cakupan akhir tahun ke-5 (%)"), min_value=0, max_value=100
    )
    risk_class = forms.TypedChoiceField(
        label=_("Kelas risiko area"),
        choices=[(1, "1"), (2, "2"), (3, "3"), (4, "4")],
        coerce=int,
        initial=3,
    )
    priority = forms.IntegerField(label=_("Prioritas (1 = tertinggi)"), min_value=0, initial=0)
    funding_source = forms.ChoiceField(label=_("Sumber pendanaan"), choices=FundingSource.choices)

    def __init__(self, *args: Any, scenario: Scenario, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit_cost"].queryset = scenario.unit_costs.items.filter(  # type: ignore[attr-defined]
            people_per_unit__gt=0
        )
        self.fields["desa"].queryset = Region.objects.filter(  # type: ignore[attr-defined]
            kabkota_code=scenario.region.code, level=Level.DESA
        ).order_by("name")
        self.years = scenario.plan_years
        for year in self.years:
            self.fields[f"p{year}"] = forms.IntegerField(
                label=f"{_('Proyeksi penduduk diketik')} {year} ({_('opsional')})",
                min_value=0,
                required=False,
            )

    def plan(self) -> dict[str, Any]:
        """Keyword arguments for `services.zones.scenario_zone_generate`."""
        data = {k: v for k, v in self.cleaned_data.items() if not (k[0] == "p" and k[1:].isdigit())}
        for name in ("baseline_pct", "target_pct"):
            data[name] = float(data[name])
        growth = data["growth_pct"]
        data["growth_pct"] = None if growth is None else float(growth)
        data["desa"] = list(data["desa"])
        data["typed_population"] = [self.cleaned_data.get(f"p{y}") for y in self.years]
        return data


class CapsForm(forms.Form):
    """Expected funding per year from each source other than APBD Kab/Kota; blank = no cap."""

    def __init__(self, *args: Any, scenario: Scenario, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.years = scenario.plan_years
        current = {c.source: c.amounts for c in scenario.caps.all()}
        for source in OTHER_SOURCES:
            for k, year in enumerate(self.years):
                values = current.get(source.value)
                self.fields[f"{source.value}_{year}"] = forms.IntegerField(
                    label=f"{source.label} {year}",
                    min_value=0,
                    required=False,
                    initial=values[k] if values else None,
                )

    def caps(self) -> dict[str, list[int] | None]:
        out: dict[str, list[int] | None] = {}
        for source in OTHER_SOURCES:
            values = [self.cleaned_data.get(f"{source.value}_{y}") for y in self.years]
            out[source.value] = None if all(v is None for v in values) else [v or 0 for v in values]
        return out

    def grid(self) -> list[tuple[str, list[Any]]]:
        return [(str(s.label), [self[f"{s.value}_{y}"] for y in self.years]) for s in OTHER_SOURCES]


class ChooseForm(forms.Form):
    justification = forms.CharField(
        label=_("Alasan Pokja memilih skenario ini"), widget=forms.Textarea(attrs={"rows": 3})
    )


class UnitCostCopyForm(forms.Form):
    code = forms.CharField(label=_("Kode versi baru"), max_length=40)
    name = forms.CharField(label=_("Nama"), max_length=200)
    year = forms.IntegerField(label=_("Tahun harga"), min_value=2010, max_value=2100)
