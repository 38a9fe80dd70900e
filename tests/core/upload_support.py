"""Bad uploads for the import fuzz test, generated small at test time.

The zip bomb is some 100 KB on disk but declares 200 MB of sheet XML (the check must refuse
it from the declared size, before inflating anything); the XML bomb is a real workbook
whose sheet declares nested entities ("billion laughs").
"""

from __future__ import annotations

import functools
import io
import zipfile

from openpyxl import Workbook

MB = 1024 * 1024


def xlsx(rows: list[list[object]], title: str = "Sheet") -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def rewrite(content: bytes, member: str, change: object) -> bytes:
    """The XLSX with one member's XML passed through `change(text) -> text`."""
    source = zipfile.ZipFile(io.BytesIO(content))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == member:
                data = change(data.decode()).encode()  # type: ignore[operator]
            target.writestr(info.filename, data)
    return out.getvalue()


def xml_bomb() -> bytes:
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(
            f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
            for i in range(1, 10)
        )
        + "]>"
    )

    def change(text: str) -> str:
        body = text.split("?>", 1)[-1]
        return laughs + body.replace("<v>1</v>", "<v>&lol9;</v>", 1)

    return rewrite(xlsx([["a"], [1]]), "xl/worksheets/sheet1.xml", change)


@functools.cache
def zip_bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for info in zipfile.ZipFile(io.BytesIO(xlsx([["a"]]))).infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                archive.writestr(info.filename, b"<x/>" if info.filename.endswith("xml") else b"")
        archive.writestr("xl/worksheets/sheet1.xml", b"<a>" + b" " * (200 * MB) + b"</a>")
    return out.getvalue()


def formula_without_value(title: str = "Sheet") -> bytes:
    return xlsx([["kode", "nilai"], ["15.07", "=1/0+SUM(A1:A9)"]], title)


def bad_files() -> dict[str, tuple[str, bytes, str]]:
    """name -> (file name, content, a phrase of the Indonesian message expected)."""
    return {
        "text-named-xlsx": ("laporan.xlsx", b"kode;nilai\n15.07;1\n", "isi berkas"),
        "exe-named-xlsx": ("laporan.xlsx", b"MZ\x90\x00\x03\x00\x00\x00" * 64, "isi berkas bukan"),
        "old-xls": (
            "laporan.xlsx",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512,
            "format lama",
        ),
        "broken-zip": ("laporan.xlsx", b"PK\x03\x04" + b"\x00" * 64, "berkas rusak"),
        "empty": ("laporan.xlsx", b"", "kosong"),
        "50-mb": ("laporan.xlsx", b"PK\x03\x04" + b"\x00" * (50 * MB), "melebihi batas"),
        "zip-bomb": ("laporan.xlsx", zip_bomb(), "zip bomb"),
        "xml-bomb": ("laporan.xlsx", xml_bomb(), "XML"),
        "formula": ("laporan.xlsx", formula_without_value(), "rumus"),
    }
