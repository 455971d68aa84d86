"""Where a command writes, and the rule that keeps it from destroying anything: no output
may be an input of the same call, and no two outputs of one call may be the same file.
Checked before anything is written; a violation is a usage error (exit 2)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path


def report_path(source: Path, output: Path | None, out_dir: Path | None, suffix: str) -> Path:
    """`<stem>_report<suffix>` beside the input, in out_dir, or exactly output."""
    if output is not None:
        return output if suffix == ".xlsx" else output.with_suffix(suffix)
    folder = out_dir if out_dir is not None else source.parent
    return folder / f"{source.stem}_report{suffix}"


def same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file: the same path once links and `..` are resolved, or
    (both existing) the same file on disk, which also catches hard links."""
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    return a.resolve() == b.resolve()


def clash(inputs: Sequence[Path], outputs: Iterable[tuple[Path, Path]]) -> str | None:
    """The first problem with `outputs` ((input, output) pairs) as a usage message: an output
    that is one of the inputs, or one output written twice; None when there is none."""
    written: list[tuple[Path, Path]] = []
    for source, output in outputs:
        for given in inputs:
            if same_file(output, given):
                return (f"{output} is an input of this command; writing there would destroy "
                        f"it. Choose another output name (for {source.name}: "
                        f"{source.stem}_report{output.suffix or '.xlsx'} in another folder, "
                        "or -o/--out-dir)")
        for earlier_source, earlier in written:
            if same_file(output, earlier):
                return (f"{earlier_source.name} and {source.name} would both be written to "
                        f"{output}; the second would overwrite the first. Run them "
                        "separately with -o, or rename one")
        written.append((source, output))
    return None
