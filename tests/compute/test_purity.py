"""ppsp.compute must import in a process where Django cannot be imported at all."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import ppsp.compute

BLOCK_DJANGO_AND_IMPORT_ALL = """
import importlib, pkgutil, sys

class BlockDjango:
    def find_spec(self, name, path=None, target=None):
        if name == "django" or name.startswith("django."):
            raise ImportError("django is blocked in this process")
        return None

sys.meta_path.insert(0, BlockDjango())
import ppsp.compute
names = [m.name for m in pkgutil.walk_packages(ppsp.compute.__path__, "ppsp.compute.")]
for name in names:
    importlib.import_module(name)
assert not any(m == "django" or m.startswith("django.") for m in sys.modules)
print(len(names))
"""


def test_it_imports_every_compute_module_without_django() -> None:
    result = subprocess.run(
        [sys.executable, "-c", BLOCK_DJANGO_AND_IMPORT_ALL],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) >= 4  # sampling, scoring, finance, optimize, ...


def test_it_has_no_django_import_in_the_compute_sources() -> None:
    root = Path(ppsp.compute.__file__).parent
    offenders = [
        str(path)
        for path in root.rglob("*.py")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.lstrip().startswith(("import django", "from django"))
    ]
    assert not offenders
