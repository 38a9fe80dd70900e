from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ppsp.docgen.analysis.text import Paragraph
from ppsp.docgen.models import Format


class NarrativeForm(forms.Form):
    text = forms.CharField(
        label=_("Narasi Pokja"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_(
            "Teks Pokja sebelum paragraf analisis. Paragraf dipisahkan baris kosong. "
            "Isian otomatis: {kabkota}, {provinsi}, "
            "{periode}, {tahun_awal}, {tahun_akhir}, {kebutuhan_total}, {tahun_ehra}, "
            "{jumlah_desa_ehra}, {penduduk_total}."
        ),
    )


class ParagraphsForm(forms.Form):
    """One text box per drafted paragraph of a section, prefilled with its current text,
    and a box to return it to the drafted text."""

    def __init__(self, paragraphs: Sequence[Paragraph], *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.paragraphs = list(paragraphs)
        for k, p in enumerate(self.paragraphs):
            self.fields[f"p-{p.key}"] = forms.CharField(
                label=_("Paragraf %(n)s") % {"n": k + 1},
                required=False,
                initial=p.text,
                widget=forms.Textarea(attrs={"rows": 5}),
            )
            self.fields[f"reset-{p.key}"] = forms.BooleanField(
                label=_("Kembalikan ke teks dari data"), required=False
            )

    def rows(self) -> list[tuple[Paragraph, forms.BoundField, forms.BoundField]]:
        return [(p, self[f"p-{p.key}"], self[f"reset-{p.key}"]) for p in self.paragraphs]

    def submitted(self, paragraph: Paragraph) -> bool:
        """The paragraph's box was in the form sent (a form without it changes nothing)."""
        return f"p-{paragraph.key}" in self.data


class RenderForm(forms.Form):
    fmt = forms.ChoiceField(label=_("Format"), choices=Format.choices)
