"""Modules are cut at their seams (issue 15): no module imports another's private names.

A name that starts with one underscore is private to its module. Another module that needs
it gets a public name in a sensible home instead (e.g. ``core.form_errors``,
``core.actors``, ``scenarios.services.scenario_for_edit``). A package's ``__init__`` may
re-export its own submodules' names (migrations refer to them there).
"""

from __future__ import annotations

import ast
from pathlib import Path

PPSP = Path(__file__).resolve().parents[2] / "ppsp"


def _module_of(path: Path, root: Path) -> str:
    name = ".".join(path.relative_to(root.parent).with_suffix("").parts)
    return name.removesuffix(".__init__")


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def private_imports(root: Path = PPSP) -> list[str]:
    """Every ``from other import _name`` and ``other_module._name`` under ``root``."""
    modules = {_module_of(p, root) for p in root.rglob("*.py")}
    found: list[str] = []
    for path in sorted(root.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        here = _module_of(path, root)
        where = path.relative_to(root.parent)
        package_init = path.name == "__init__.py"
        tree = ast.parse(path.read_text(encoding="utf-8"))
        aliases: dict[str, str] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                own = node.module == here or (package_init and node.module.startswith(f"{here}."))
                for alias in node.names:
                    if _private(alias.name) and not own:
                        found.append(f"{where}: {node.module}.{alias.name}")
                    if f"{node.module}.{alias.name}" in modules:
                        aliases[alias.asname or alias.name] = f"{node.module}.{alias.name}"
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name in modules and alias.asname:
                        aliases[alias.asname] = alias.name
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id in aliases
                and _private(node.attr)
            ):
                found.append(f"{where}: {aliases[node.value.id]}.{node.attr}")
    return found


def test_it_imports_no_private_name_of_another_module() -> None:
    assert private_imports() == []


def test_it_finds_a_private_import(tmp_path: Path) -> None:
    package = tmp_path / "ppsp_fake"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("def _hidden() -> None: ...\n")
    (package / "b.py").write_text(
        "from ppsp_fake.a import _hidden\nfrom ppsp_fake import a\na._hidden()\n"
    )
    assert private_imports(package) == [
        "ppsp_fake/b.py: ppsp_fake.a._hidden",
        "ppsp_fake/b.py: ppsp_fake.a._hidden",
    ]


def import_cycles(root: Path = PPSP, *, within_app: bool = True) -> list[list[str]]:
    """Cycles among the module-level imports of the modules of one app (Tarjan's SCCs), or
    of all modules when not ``within_app``."""
    modules = {_module_of(p, root): p for p in root.rglob("*.py") if "migrations" not in p.parts}
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for name, path in modules.items():
        app = name.split(".")[:2]
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            targets: list[str] = []
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                targets = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            graph[name] |= {
                t
                for t in targets
                if t in modules and t != name and (not within_app or t.split(".")[:2] == app)
            }
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in graph[node]:
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return cycles


def test_it_has_no_import_cycle_inside_an_app() -> None:
    assert import_cycles() == []


def test_it_has_no_import_cycle_between_apps() -> None:
    assert import_cycles(within_app=False) == []


def hidden_cross_app_imports(root: Path = PPSP) -> list[str]:
    """Imports of another app made inside a function (a dependency a reader of the module's
    head does not see). `apps.py` is exempt: `ready()` registers hooks once apps load."""
    found = []
    for path in sorted(root.rglob("*.py")):
        if "migrations" in path.parts or path.name == "apps.py":
            continue
        app = path.relative_to(root).parts[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for inner in ast.walk(node):
                if isinstance(inner, ast.ImportFrom) and inner.module and inner.level == 0:
                    parts = inner.module.split(".")
                    if (
                        parts[0] == root.name
                        and len(parts) > 1
                        and parts[1] not in (app, "compute")
                    ):
                        found.append(
                            f"{path.relative_to(root.parent)}:{inner.lineno} {inner.module}"
                        )
    return found


def test_it_imports_other_apps_at_the_head_of_the_module() -> None:
    assert hidden_cross_app_imports() == []


def test_it_finds_a_hidden_cross_app_import(tmp_path: Path) -> None:
    package = tmp_path / "ppsp"
    (package / "one").mkdir(parents=True)
    (package / "one" / "views.py").write_text(
        "def page() -> None:\n    from ppsp.two.models import Row\n    from ppsp.one.x import y\n"
    )
    (package / "one" / "apps.py").write_text(
        "def ready() -> None:\n    from ppsp.two import hooks\n"
    )
    assert hidden_cross_app_imports(package) == ["ppsp/one/views.py:2 ppsp.two.models"]
