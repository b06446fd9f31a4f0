"""The layering rules of docs/architecture.md, read from the code's own imports."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).parent.parent / "desktop_app"
QT_FREE = ("domain", "store", "session", "extract", "exchange", "publish")
#: the store's write functions: only the store itself and the session may call them
STORE_WRITES = {
    "desktop_app.store.records": {"add", "update", "set_deleted", "state_actor"},
    "desktop_app.store.database": {"write_transaction"},
    "desktop_app.store.references": {"find_or_create_place", "find_or_create_state"},
    "desktop_app.store.bulk": None,  # None: any name
    "desktop_app.exchange.csv_import": {"import_rows"},
    "desktop_app.exchange.acled": {"acled_import"},
    "desktop_app.exchange.presets": {"import_file", "import_prepared"},
}
#: the importer writes inside the transaction the session's import opens: the only modules
#: besides store and session that may call the writes above
IMPORTER = (
    "desktop_app.exchange.csv_import",
    "desktop_app.exchange.row_builders",
    "desktop_app.exchange.status_cells",  # the status updates a commitments file asks for
    "desktop_app.exchange.import_batch",  # the checked rows written inside the transaction
    "desktop_app.exchange.acled",
    "desktop_app.exchange.presets",
)


def _modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        yield ".".join(p for p in parts if p != "__init__"), ast.parse(path.read_text())


def _imports(tree: ast.AST):
    """(module, names) for every import in tree, wherever it stands (lazy ones too)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, set()
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module, {alias.name for alias in node.names}


def _attribute_calls(tree: ast.AST, module_alias: str) -> set[str]:
    return {
        node.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == module_alias
    }


def test_only_the_ui_and_the_gui_entry_points_import_the_ui():
    allowed = {"desktop_app.__main__", "desktop_app.smoke_test"}
    offenders = [
        name
        for name, tree in _modules()
        if not name.startswith("desktop_app.ui") and name not in allowed
        for module, _ in _imports(tree)
        if module.startswith("desktop_app.ui")
    ]
    assert offenders == []


def test_domain_store_session_and_extract_are_qt_free():
    offenders = [
        name
        for name, tree in _modules()
        if name.count(".") and name.split(".")[1] in QT_FREE
        for module, _ in _imports(tree)
        if module.startswith(("PySide6", "pyqtgraph", "desktop_app.charts", "desktop_app.ui"))
    ]
    assert offenders == []


def test_only_the_store_and_the_session_call_the_store_writes():
    offenders = []
    for name, tree in _modules():
        if name.startswith(("desktop_app.store", "desktop_app.session")) or name in IMPORTER:
            continue
        for module, names in _imports(tree):
            writes = STORE_WRITES.get(module, set())
            if writes is None or names & (writes or set()):
                offenders.append(f"{name} imports {module}")
            for alias in names:
                writes_of_module = STORE_WRITES.get(f"{module}.{alias}", set())
                used = _attribute_calls(tree, alias)
                calls = used & (used if writes_of_module is None else writes_of_module)
                if calls:
                    offenders.append(f"{name} calls {alias}.{sorted(calls)}")
    assert offenders == []


def test_no_module_but_the_settings_module_names_a_setting():
    offenders = [
        name
        for name, tree in _modules()
        if name != "desktop_app.ui.settings"
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and node.attr in ("value", "setValue")
        and isinstance(node.value, ast.Call)
        and getattr(node.value.func, "id", "") == "QSettings"
    ]
    assert offenders == []


def _top_level_imports(tree: ast.AST):
    """Imports run when the module loads (not the lazy ones inside functions)."""
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module:
            yield node.module, {alias.name for alias in node.names}
        elif isinstance(node, ast.Import):
            yield from ((alias.name, set()) for alias in node.names)


def test_the_package_has_no_import_cycle():
    modules = dict(_modules())
    graph = {
        name: {
            target
            for module, names in _imports(tree)
            for target in [module, *(f"{module}.{n}" for n in names)]
            if target in modules and target != name
        }
        for name, tree in modules.items()
    }
    seen, on_path, cycles = set(), [], []

    def visit(name: str) -> None:
        if name in on_path:
            cycles.append(on_path[on_path.index(name) :] + [name])
            return
        if name in seen:
            return
        seen.add(name)
        on_path.append(name)
        for target in sorted(graph[name]):
            visit(target)
        on_path.pop()

    for name in sorted(graph):
        visit(name)
    # a package's __init__ naming its own modules is no cycle worth the name
    real = [c for c in cycles if not any(m.count(".") == 1 and c[0].startswith(m) for m in c)]
    assert real == []


def test_no_function_is_longer_than_sixty_lines():
    long = [
        f"{name}.{node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for name, tree in _modules()
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno - node.lineno + 1 > 60
    ]
    assert long == []


def test_the_main_window_only_wires_parts_together():
    lines = (PACKAGE / "ui" / "main_window.py").read_text().count("\n")
    assert lines < 400
