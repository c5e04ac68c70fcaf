"""Qt stays in diaryrec/ui (napari's import contract)."""

import ast
from pathlib import Path

import diaryrec

PACKAGE = Path(diaryrec.__file__).resolve().parent


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_nothing_outside_ui_imports_pyside6():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE)
        if relative.parts[0] == "ui":
            continue
        qt = {m for m in imported_modules(path) if m.split(".")[0] in {"PySide6", "shiboken6", "PyQt5", "PyQt6"}}
        if qt:
            offenders.append(f"{relative}: {sorted(qt)}")
    assert offenders == []


def test_the_check_itself_sees_qt_imports():
    ui_files = list((PACKAGE / "ui").rglob("*.py"))
    assert any("PySide6.QtWidgets" in imported_modules(p) for p in ui_files)


def test_the_lazy_packages_export_what_they_list_and_only_that():
    """protocol/ and store/ load their names on first use (so the first paint can
    import their light modules alone): every listed name must really load."""
    import importlib

    for name in ("diaryrec.protocol", "diaryrec.store"):
        package = importlib.import_module(name)
        assert sorted(package.__all__) == sorted(package._EXPORTS), name
        for export in package.__all__:
            assert getattr(package, export) is not None, f"{name}.{export}"
