"""One vocabulary per concept (issue 12, item 5): the verdicts, feedback kinds and
activities are spelt as strings only in ``diaryrec/vocabulary.py``; everywhere else
they are named through its enums. (The conversation purposes reuse two activity
codes, so those are covered too; their third, "daily", is also a sheet kind and
is left out.)

The check reads every module of the package with ``ast`` (so comments and docstrings
cannot fool it) except ``vocabulary.py`` itself and ``store/migrations`` (a migration
freezes the strings of its day on purpose). Its scope, because some codes are
ordinary words:

- a *distinctive* code (every one but "pending", "verified", "uncertain", "rating"
  and "own": ``not_found``, ``multiple_choice``, ``ice_breaking``, ``tournament``…)
  may not appear as a string constant anywhere;
- a *common-word* code is refused where it names its concept: compared with, or
  tested for membership against, something called ``verdict``, ``kind``, ``mode(s)``,
  ``activity`` or ``purpose`` (an attribute, a name, or a ``row["kind"]``
  subscript); passed as such a keyword argument; assigned to such a name or field;
  the value of such a key in a dict literal; or the kind given to ``FeedbackItem``.
  So ``"rating"`` as a CSV column name passes, ``f["kind"] == "rating"`` does not.
"""

from __future__ import annotations

import ast
from pathlib import Path

import diaryrec
from diaryrec.vocabulary import Activity, FeedbackKind, FollowUpKind, Verdict

PACKAGE = Path(diaryrec.__file__).resolve().parent
DEFINITION = PACKAGE / "vocabulary.py"
CODES = {str(v) for enum in (Verdict, FeedbackKind, Activity) for v in enum}
COMMON = {"pending", "verified", "uncertain", "rating", "own"}
DISTINCTIVE = CODES - COMMON
CONCEPT_NAMES = {"verdict", "kind", "mode", "modes", "activity", "purpose"}


def _names_concept(node: ast.AST) -> bool:
    if isinstance(node, ast.Attribute):
        return node.attr in CONCEPT_NAMES
    if isinstance(node, ast.Name):
        return node.id in CONCEPT_NAMES
    if isinstance(node, ast.Subscript):
        return isinstance(node.slice, ast.Constant) and node.slice.value in CONCEPT_NAMES
    return False


def _codes_in(node: ast.AST | None) -> list[ast.Constant]:
    """String constants equal to a code in ``node`` (a constant, or a tuple/list/set/call of them)."""
    if node is None:
        return []
    return [n for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str) and n.value in CODES]


def offences(source: str, filename: str = "<module>") -> list[tuple[int, str]]:
    """(line, code) of every code spelt as a string in ``source``, as scoped above."""
    tree = ast.parse(source, filename=filename)
    found: set[tuple[int, str]] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in DISTINCTIVE:
            found.add((node.lineno, node.value))
        in_context: list[ast.Constant] = []
        if isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
            if any(_names_concept(o) for o in operands):
                for o in operands:
                    in_context += _codes_in(o)
        elif isinstance(node, ast.keyword) and node.arg in CONCEPT_NAMES:
            in_context += _codes_in(node.value)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "FeedbackItem" and node.args:
            in_context += _codes_in(node.args[0])
        elif isinstance(node, ast.Assign) and any(_names_concept(t) for t in node.targets):
            in_context += _codes_in(node.value)
        elif isinstance(node, ast.AnnAssign) and _names_concept(node.target):
            in_context += _codes_in(node.value)
        elif isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values):
                if isinstance(key, ast.Constant) and key.value in CONCEPT_NAMES:
                    in_context += _codes_in(value)
        found.update((c.lineno, c.value) for c in in_context)
    return sorted(found)


def _modules() -> list[Path]:
    return [p for p in sorted(PACKAGE.rglob("*.py"))
            if p != DEFINITION and "migrations" not in p.relative_to(PACKAGE).parts]


def test_each_code_is_spelt_only_in_its_one_definition():
    spelt = [f"{path.relative_to(PACKAGE)}:{line}: {code!r}"
             for path in _modules() for line, code in offences(path.read_text(encoding="utf-8"), str(path))]
    assert spelt == [], "name these through diaryrec.vocabulary's enums"


def test_the_definition_holds_every_code():
    text = DEFINITION.read_text(encoding="utf-8")
    defined = {n.value for n in ast.walk(ast.parse(text)) if isinstance(n, ast.Constant) and isinstance(n.value, str)}
    assert CODES <= defined
    assert FollowUpKind.NONE in defined


def test_the_check_sees_a_code_in_a_new_module():
    assert offences('MISSING = "not_found"\n') == [(1, "not_found")]
    assert offences('def f(row):\n    return row.verdict == "pending"\n') == [(2, "pending")]
    assert offences('x = f["kind"] in ("rating", "own")\n') == [(1, "own"), (1, "rating")]
    assert offences('FeedbackItem("rating", track_id=1)\n') == [(1, "rating")]
    assert offences('Track(verdict="verified")\n') == [(1, "verified")]
    assert offences('class T:\n    verdict: str = Field(default="pending")\n') == [(2, "pending")]


def test_the_check_leaves_common_words_and_comments_alone():
    source = '# "not_found" in a comment\n"""a docstring that says not_found"""\nCOLUMNS = ["week", "rating", "count"]\nstatus = "pending"\n'
    assert offences(source) == []
