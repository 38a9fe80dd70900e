"""Compile every django.po under ppsp/ (the project catalogue in ppsp/locale and each app's
own ppsp/<app>/locale) to .mo with polib (no system gettext)."""

from pathlib import Path

import polib

root = Path(__file__).resolve().parent.parent / "ppsp"
for po_path in sorted(root.glob("**/locale/*/LC_MESSAGES/*.po")):
    mo_path = po_path.with_suffix(".mo")
    if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
        continue
    polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
