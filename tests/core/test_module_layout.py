"""Modules are cut at their seams and the rule map points at files that exist (issue 15).

An app whose services, views, selectors, forms or models outgrew one file turns that layer
into a package (``consultation/services/{comments,moderation,pengesahan}.py``) instead of
growing ``services_*.py`` siblings; every module stays under the house limit of 400 lines;
every file named in docs/architecture.md's "Where each domain rule lives" exists, so a
newcomer who follows the map lands on the rule.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PPSP = ROOT / "ppsp"
LAYERS = ("services", "views", "selectors", "forms", "models")
MAX_LINES = 400


def sibling_layer_modules(root: Path = PPSP) -> list[str]:
    """Every ``<app>/<layer>_<topic>.py`` that belongs in an ``<app>/<layer>/`` package."""
    found = []
    for app in sorted(p for p in root.iterdir() if p.is_dir()):
        for layer in LAYERS:
            found += [str(p.relative_to(root)) for p in sorted(app.glob(f"{layer}_*.py"))]
    return found


def long_modules(root: Path = PPSP, limit: int = MAX_LINES) -> list[str]:
    return [
        f"{p.relative_to(root)}: {n} lines"
        for p in sorted(root.rglob("*.py"))
        if "migrations" not in p.parts
        and (n := len(p.read_text(encoding="utf-8").splitlines())) > limit
    ]


def rule_map_paths(doc: Path = ROOT / "docs" / "architecture.md") -> list[str]:
    text = doc.read_text(encoding="utf-8")
    section = text.split("## Where each domain rule lives", 1)[1].split("\n## ", 1)[0]
    return sorted(set(re.findall(r"`([a-z_]+/[a-z_/]+\.py)`", section)))


def test_no_layer_grows_sibling_files() -> None:
    assert sibling_layer_modules() == []


def test_no_module_outgrows_the_house_limit() -> None:
    assert long_modules() == []


def test_every_file_of_the_rule_map_exists() -> None:
    paths = rule_map_paths()
    assert len(paths) > 20
    assert [p for p in paths if not (PPSP / p).is_file()] == []


def test_the_checks_find_what_they_look_for(tmp_path: Path) -> None:
    app = tmp_path / "app"
    app.mkdir()
    (app / "services.py").write_text("")
    (app / "services_extra.py").write_text("x = 1\n" * (MAX_LINES + 1))
    assert sibling_layer_modules(tmp_path) == ["app/services_extra.py"]
    assert long_modules(tmp_path) == [f"app/services_extra.py: {MAX_LINES + 1} lines"]
