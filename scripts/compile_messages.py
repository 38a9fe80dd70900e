"""Compile every ppsp/locale/*/LC_MESSAGES/django.po to .mo with polib (no system gettext)."""

from pathlib import Path

import polib

root = Path(__file__).resolve().parent.parent / "ppsp" / "locale"
for po_path in sorted(root.glob("*/LC_MESSAGES/*.po")):
    mo_path = po_path.with_suffix(".mo")
    if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
        continue
    polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
