from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ppsp.core.uploads import JSON, ZIP, Limits, validate_upload

MAX_UPLOAD = 30 * 1024 * 1024


class BoundaryUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Berkas batas desa (GeoJSON atau shapefile ZIP, WGS84)"),
    )
    source = forms.CharField(label=_("Sumber data"), max_length=200, required=False)

    def clean_file(self) -> object:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_("Berkas terlalu besar (maksimum 30 MB)."))
        # by content: a shapefile ZIP's declared unpacked size is checked before it is opened
        return validate_upload(
            upload, (ZIP, JSON), lim=Limits(max_bytes=MAX_UPLOAD, max_unpacked=512 * 1024 * 1024)
        )
