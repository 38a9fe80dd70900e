"""Check an uploaded file by size and content before anything parses it.

Every upload passes here first (imports through `ppsp.core.tabular`, document files,
boundaries): the size is capped, the kind is read from the bytes (magic numbers and, for
ZIP containers, the member names) rather than trusted from the extension, and a ZIP's
*declared* uncompressed sizes are checked before any member is inflated, so that a zip
bomb fails in milliseconds instead of holding a web worker. Office XML members are refused
when they declare a DTD or entities (XML bombs); openpyxl also parses through defusedxml.

Errors are `UploadRejected` (a ValueError) with a message in Bahasa Indonesia naming the
file; `UploadField` is the Django form field that applies the same check on upload.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from django import forms
from django.conf import settings

MB = 1024 * 1024

XLSX, CSV, PDF, DOCX, ODT, ODS, ZIP, PNG, JPEG, JSON = (
    "xlsx",
    "csv",
    "pdf",
    "docx",
    "odt",
    "ods",
    "zip",
    "png",
    "jpeg",
    "json",
)
LABELS = {
    XLSX: "XLSX (Excel)",
    CSV: "CSV",
    PDF: "PDF",
    DOCX: "DOCX (Word)",
    ODT: "ODT (LibreOffice Writer)",
    ODS: "ODS (LibreOffice Calc)",
    ZIP: "ZIP",
    PNG: "PNG",
    JPEG: "JPEG",
    JSON: "GeoJSON/JSON",
}
# the extensions a kind may carry (content and name must agree)
EXTENSIONS = {
    XLSX: (".xlsx", ".xlsm"),
    CSV: (".csv", ".txt"),
    PDF: (".pdf",),
    DOCX: (".docx",),
    ODT: (".odt",),
    ODS: (".ods",),
    ZIP: (".zip",),
    PNG: (".png",),
    JPEG: (".jpg", ".jpeg"),
    JSON: (".geojson", ".json"),
}
OLE = "ole"  # Word/Excel 97-2003 (.doc/.xls): only where old documents are archived
LABELS[OLE] = "DOC (Word 97-2003)"
EXTENSIONS[OLE] = (".doc",)
TABULAR = (XLSX, CSV)
DOCUMENTS = (PDF, DOCX, XLSX, ODT)

_DTD = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(frozen=True)
class Limits:
    """Caps for one upload: bytes on the wire, and for ZIP containers the declared total
    uncompressed size, the largest compression ratio of a member over 1 MB, and the number
    of members."""

    max_bytes: int = 10 * MB
    max_unpacked: int = 16 * MB  # ~450,000 cells: openpyxl reads them in seconds
    max_ratio: int = 100
    max_members: int = 2000


def limits(kind: str = "tabular") -> Limits:
    """The limits of a kind of upload ("tabular", "document"), adjustable in settings:
    ``PPSP_UPLOAD_LIMITS = {"tabular": {"max_bytes": ...}}``."""
    base = {"tabular": Limits(), "document": Limits(max_bytes=25 * MB, max_unpacked=256 * MB)}
    chosen = base.get(kind, Limits())
    override = getattr(settings, "PPSP_UPLOAD_LIMITS", {}).get(kind, {})
    return Limits(**{**chosen.__dict__, **override})


class UploadRejected(ValueError):
    """An upload refused before or while parsing; str() is the Indonesian message
    ("<file>: <detail>" when the file name is known, else the detail alone)."""

    def __init__(self, detail: str, filename: str = "") -> None:
        self.detail = detail
        self.filename = filename
        super().__init__(f"{filename}: {detail}" if filename else detail)


def _size(n: int) -> str:
    return f"{n / MB:.0f} MB" if n >= MB else f"{max(n // 1024, 1)} KB"


def _sniff_zip(filename: str, content: bytes, lim: Limits) -> str:
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        raise UploadRejected("berkas rusak (arsip ZIP/XLSX tidak utuh).", filename) from None
    if len(members) > lim.max_members:
        raise UploadRejected(
            filename=filename,
            detail=f"arsip berisi {len(members)} berkas (maksimum {lim.max_members}).",
        )
    declared = sum(m.file_size for m in members)
    if declared > lim.max_unpacked:
        raise UploadRejected(
            filename=filename,
            detail=f"isi arsip setelah dibuka {_size(declared)}, melebihi batas "
            f"{_size(lim.max_unpacked)}; berkas ditolak tanpa dibuka (kemungkinan 'zip bomb').",
        )
    for member in members:
        if member.file_size > MB and member.file_size > lim.max_ratio * max(
            member.compress_size, 1
        ):
            raise UploadRejected(
                filename=filename,
                detail=f"bagian '{member.filename}' memampat lebih dari "
                f"{lim.max_ratio}:1; berkas ditolak tanpa dibuka (kemungkinan 'zip bomb').",
            )
    names = {m.filename for m in members}
    if "xl/workbook.xml" in names:
        kind = XLSX
    elif "word/document.xml" in names:
        kind = DOCX
    elif "mimetype" in names:
        mimetype = archive.read("mimetype")[:100]
        kind = (
            ODT
            if mimetype.endswith(b"opendocument.text")
            else ODS
            if mimetype.endswith(b"opendocument.spreadsheet")
            else ZIP
        )
    else:
        return ZIP
    for member in members:
        if member.filename.endswith((".xml", ".rels")):
            try:
                with archive.open(member) as handle:
                    head = handle.read(64 * 1024)
            except (zipfile.BadZipFile, NotImplementedError, OSError, EOFError, ValueError):
                raise UploadRejected(
                    filename=filename,
                    detail=f"berkas rusak (bagian '{member.filename}' tidak terbaca).",
                ) from None
            if _DTD.search(head):
                raise UploadRejected(
                    filename=filename,
                    detail=f"bagian '{member.filename}' memuat deklarasi DTD/entitas XML "
                    "yang tidak diizinkan (kemungkinan 'XML bomb'); simpan ulang berkas dari "
                    "Excel/LibreOffice.",
                )
    return kind


def _is_text(content: bytes) -> bool:
    head = content[: 64 * 1024]
    if b"\x00" in head:
        return False
    try:
        content.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            head.decode("cp1252")
        except UnicodeDecodeError:
            return False
    return True


def sniff(filename: str, content: bytes, lim: Limits | None = None) -> str:
    """The kind of file the bytes are (one of the constants above), or "" when unknown.

    ZIP containers are checked against `lim` on the way (UploadRejected)."""
    lim = lim or Limits()
    if content.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _sniff_zip(filename, content, lim)
    if content.startswith(b"%PDF"):
        return PDF
    if content.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if content.startswith(b"\xff\xd8\xff"):
        return JPEG
    if content.startswith(_OLE):
        return OLE
    if _is_text(content):
        stripped = content.lstrip(b"\xef\xbb\xbf \t\r\n")
        return JSON if stripped.startswith((b"{", b"[")) else CSV
    return ""


def check_upload(
    filename: str,
    content: bytes,
    *,
    kinds: Collection[str] = TABULAR,
    limits_of: str = "tabular",
    lim: Limits | None = None,
) -> str:
    """Size and content check of one upload; returns its kind or raises UploadRejected."""
    lim = lim or limits(limits_of)
    wanted = " atau ".join(LABELS[k] for k in kinds)
    if not content:
        raise UploadRejected(f"berkas kosong (0 byte); unggah berkas {wanted}.", filename)
    if len(content) > lim.max_bytes:
        raise UploadRejected(
            filename=filename,
            detail=f"ukuran {_size(len(content))} melebihi batas {_size(lim.max_bytes)}.",
        )
    kind = sniff(filename, content, lim)
    if kind == OLE and OLE not in kinds:
        raise UploadRejected(
            filename=filename,
            detail=f"format lama Excel/Word (.xls/.doc) tidak didukung; simpan ulang "
            f"sebagai {wanted}.",
        )
    if kind not in kinds:
        found = LABELS.get(kind, "tidak dikenal")
        raise UploadRejected(
            filename=filename,
            detail=f"isi berkas bukan {wanted} (terbaca sebagai: {found}); "
            "nama/ekstensi berkas tidak mengubah isinya.",
        )
    name = filename.lower()
    if "." in name and not name.endswith(EXTENSIONS[kind]):
        raise UploadRejected(
            filename=filename,
            detail=f"isi berkas adalah {LABELS[kind]} tetapi nama berkas berakhiran "
            f"'{name.rsplit('.', 1)[-1]}'; beri nama {EXTENSIONS[kind][0]} yang sesuai isinya.",
        )
    return kind


class UploadField(forms.FileField):
    """A FileField that rejects, on upload, files over the size cap or of the wrong kind
    (checked by content), with an Indonesian message; the parser runs afterwards."""

    def __init__(
        self,
        *args: Any,
        kinds: Collection[str] = TABULAR,
        limits_of: str = "tabular",
        max_bytes: int | None = None,
        **kw: Any,
    ) -> None:
        self.kinds = tuple(kinds)
        self.limits_of = limits_of
        self.max_bytes = max_bytes
        kw.setdefault("allow_empty_file", True)  # check_upload says "berkas kosong" by name
        super().__init__(*args, **kw)

    def clean(self, data: Any, initial: Any = None) -> Any:
        lim = limits(self.limits_of)
        if self.max_bytes is not None:
            lim = Limits(**{**lim.__dict__, "max_bytes": self.max_bytes})
        return validate_upload(super().clean(data, initial), self.kinds, lim=lim)


def validate_upload(
    upload: Any, kinds: Collection[str], limits_of: str = "document", lim: Limits | None = None
) -> Any:
    """`check_upload` for a Django UploadedFile (None passes), as a form ValidationError;
    for a form's ``clean_<field>``. A file already stored (a FieldFile) is not re-checked."""
    if not upload or not hasattr(upload, "content_type"):
        return upload
    lim = lim or limits(limits_of)
    if upload.size is not None and upload.size > lim.max_bytes:
        raise forms.ValidationError(
            f"{upload.name}: ukuran {_size(upload.size)} melebihi batas {_size(lim.max_bytes)}."
        )
    upload.seek(0)
    content = upload.read()
    upload.seek(0)
    try:
        check_upload(upload.name, content, kinds=kinds, lim=lim)
    except UploadRejected as error:
        raise forms.ValidationError(str(error)) from None
    return upload


def upload_errors(form: forms.Form, default: Any, field: str = "file") -> list[str]:
    """The messages of a rejected upload field, for ``messages.error`` (`default` when the
    field has none, e.g. no file chosen)."""
    return [str(problem) for problem in form.errors.get(field, [default])]
