"""One input in, its report (and JSON summary) out: the step `run`, `demo`, `batch` and
`watch` all share."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .atomic import write_bytes


def report_path(source: Path, output: Path | None, out_dir: Path | None, suffix: str) -> Path:
    """`<stem>_report<suffix>` beside the input, in out_dir, or exactly output."""
    if output is not None:
        return output if suffix == ".xlsx" else output.with_suffix(suffix)
    folder = out_dir if out_dir is not None else source.parent
    return folder / f"{source.stem}_report{suffix}"


@dataclass
class Outcome:
    """What happened to one input: ok, every message (`FILE: SHEET!CELL: message`,
    errors first) and, when ok, the JSON summary."""

    source: Path
    ok: bool
    messages: list[str] = field(default_factory=list)
    summary: dict[str, Any] | None = None


def process(source: Path, report: Path, json_path: Path | None = None,
            lang: str | None = None) -> Outcome:
    """Validate one input and write its report (and JSON). An invalid input writes nothing.
    Raises OutputError when the report cannot be written."""
    from . import api, results

    loaded = api.load(source)
    messages = loaded.messages()
    if not loaded.ok or loaded.evaluation is None:
        return Outcome(source, False, messages)
    computed = results.evaluate(loaded.evaluation)
    api.write_report(computed, report, lang)
    summary = results.summary(computed)
    if json_path is not None:
        write_json(summary, json_path)
    return Outcome(source, True, messages, summary)


def write_json(data: dict[str, Any], path: Path) -> None:
    write_bytes(path, (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
