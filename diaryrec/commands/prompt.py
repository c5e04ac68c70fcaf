"""``diaryrec prompt compile SHEET.json [--format json]``: the system prompt a
planning sheet compiles to, exactly as the participant's recommender receives it."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("prompt", help="work with planning sheets and their system prompts")
    actions = parser.add_subparsers(dest="prompt_action", title="actions", metavar="ACTION", required=True)
    compile_ = actions.add_parser("compile", help="print the system prompt a sheet (JSON) compiles to")
    compile_.add_argument("sheet", metavar="SHEET.json", help="a planning sheet exported as JSON")
    compile_.add_argument("--format", choices=("text", "json"), default="text",
                          help='"json" prints {"system_prompt", "template", "sheet_sha256"}')
    compile_.add_argument("--template-dir", metavar="DIR",
                          help="a researcher's own prompt templates (run in jinja2's sandbox)")
    compile_.set_defaults(run=run_compile)


def run_compile(args: argparse.Namespace) -> int:
    from diaryrec.sheets import compile_sheet, load_sheet_file

    sheet = load_sheet_file(Path(args.sheet))
    compiled = compile_sheet(sheet, args.template_dir)
    if args.format == "json":
        text = json.dumps(compiled.as_json(), ensure_ascii=False, indent=2) + "\n"
    else:
        text = compiled.system_prompt
    out = sys.stdout
    # Korean must print on a Windows console whose code page is not UTF-8
    out.buffer.write(text.encode("utf-8")) if hasattr(out, "buffer") else out.write(text)
    out.flush()
    return 0
