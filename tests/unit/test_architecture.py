"""The layers of diaryrec hold: the import-linter contracts in pyproject.toml (which
`make test` also runs as `lint-imports`), and Qt stays in diaryrec/ui."""

import ast
from copy import deepcopy
from pathlib import Path

import grimp
import pytest
from importlinter.api import read_configuration
from importlinter.contracts.forbidden import ForbiddenContract
from importlinter.contracts.layers import LayersContract

import diaryrec

PACKAGE = Path(diaryrec.__file__).resolve().parent
PYPROJECT = PACKAGE.parent / "pyproject.toml"
CONTRACT_TYPES = {"layers": LayersContract, "forbidden": ForbiddenContract}


@pytest.fixture(scope="module")
def configuration() -> dict:
    config = read_configuration(str(PYPROJECT))
    session = dict(config["session_options"])
    if "root_package" in session:
        session.setdefault("root_packages", [session["root_package"]])
    return {"session": session, "contracts": config["contracts_options"]}


@pytest.fixture(scope="module")
def graph(configuration) -> grimp.ImportGraph:
    session = configuration["session"]
    return grimp.build_graph(*session["root_packages"], include_external_packages=True, cache_dir=None)


def broken(configuration, graph: grimp.ImportGraph) -> dict[str, bool]:
    """Each contract's id → whether it is broken in ``graph`` (a copy: checks mutate it)."""
    out = {}
    for options in configuration["contracts"]:
        contract = CONTRACT_TYPES[options["type"]](
            name=options["name"], session_options=configuration["session"],
            contract_options={k: v for k, v in options.items() if k not in {"id", "name", "type"}},
        )
        out[options["id"]] = not contract.check(deepcopy(graph), verbose=False).kept
    return out


def test_the_import_contracts_are_kept(configuration, graph):
    assert broken(configuration, graph) == {"layers": False, "qt-only-in-ui": False}


@pytest.mark.parametrize(("importer", "imported"), [
    ("diaryrec.store.engine", "diaryrec.services.study"),  # up across layers
    ("diaryrec.catalog.validator", "diaryrec.services.turn"),  # what services/validation.py was
    ("diaryrec.catalog.client", "diaryrec.llm.client"),  # between independent siblings
    ("diaryrec.paths", "diaryrec.settings"),  # up from a base module
    ("diaryrec.ui.first_run", "diaryrec.commands.selftest"),  # the two front ends
])
def test_an_upward_import_breaks_the_layers(configuration, graph, importer, imported):
    upward = deepcopy(graph)
    upward.add_import(importer=importer, imported=imported, line_number=1, line_contents=f"import {imported}")
    assert broken(configuration, upward) == {"layers": True, "qt-only-in-ui": False}


def test_a_module_in_no_layer_breaks_the_layers(configuration, graph):
    unplaced = deepcopy(graph)
    unplaced.add_module("diaryrec.helpers")
    assert broken(configuration, unplaced)["layers"]


@pytest.mark.parametrize("importer", ["diaryrec.services.home", "diaryrec.research.report", "diaryrec.__main__"])
def test_qt_outside_ui_breaks_its_contract(configuration, graph, importer):
    with_qt = deepcopy(graph)
    with_qt.add_import(importer=importer, imported="PySide6", line_number=1, line_contents="import PySide6")
    assert broken(configuration, with_qt)["qt-only-in-ui"]


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
