"""What changed between two versions of a sheet, the one rule for both readers: the
participant's revision screen (which lists the changed fields) and the research
report and window (which show every field of week 2 beside week 3).

A sheet's content flattens to dotted field paths ("presentation.track_count"); a
list stays one field. Fields come in the newer sheet's order, then the ones it
dropped; a field changed when its values differ.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Change:
    field: str  # dotted path, e.g. "presentation.track_count"
    old: Any  # None when the older sheet has no such field
    new: Any  # None when the newer sheet has no such field

    @property
    def changed(self) -> bool:
        return self.old != self.new


def flat_fields(content: Any, prefix: str = "") -> dict[str, Any]:
    """``content`` as {dotted path: value}; a list is one value."""
    if isinstance(content, dict):
        out: dict[str, Any] = {}
        for key, inner in content.items():
            out.update(flat_fields(inner, f"{prefix}.{key}" if prefix else str(key)))
        return out
    return {prefix: content}


def compare_sheets(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    """Every field of either sheet, changed or not."""
    before, after = flat_fields(old), flat_fields(new)
    keys = list(after) + [k for k in before if k not in after]
    return [Change(k, before.get(k), after.get(k)) for k in keys]


def sheet_changes(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    """Only the fields whose value differs."""
    return [c for c in compare_sheets(old, new) if c.changed]


def field_text(value: Any) -> str:
    """A field's value as one line of plain text (a list joined with "; ")."""
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return "" if value is None else str(value)


def prompt_diff(old: str, new: str) -> list[str]:
    """The compiled prompts' lines that changed (a unified diff, one line of context)."""
    return list(difflib.unified_diff(old.splitlines(), new.splitlines(), "before", "after", lineterm="", n=1))
