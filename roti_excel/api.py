"""The library's front door: load a workbook, evaluate it, write the report."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .issues import InputError, Issue, error, sort_issues
from .model import Evaluation
from .results import Results, evaluate


@dataclass
class Loaded:
    """A workbook read and checked: the evaluation (None when any error) and every issue."""

    path: Path
    evaluation: Evaluation | None
    issues: list[Issue] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.evaluation is not None and not any(i.severity == "error" for i in self.issues)

    def messages(self) -> list[str]:
        return [i.format(str(self.path)) for i in sort_issues(self.issues)]


def load(path: str | Path) -> Loaded:
    """Guard the file, read it, validate it. Never raises for anything in the file."""
    from .areas import check_areas
    from .guard import inspect_file  # deferred: the guard is the only cost for a bad file
    from .parse_data import build
    from .reader import read_workbook

    path = Path(path)
    guarded = inspect_file(path)
    if not guarded.ok:
        return Loaded(path, None, list(guarded.issues))
    with _gc_paused():
        try:
            book = read_workbook(path)
        except Exception as exc:  # noqa: BLE001 - any parser failure is a file problem
            reason = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
            return Loaded(path, None, [*guarded.issues, error(
                f"the workbook could not be read ({reason}); open it in Excel or LibreOffice "
                "and save it again as .xlsx")])
        evaluation, issues = build(book)
    # merged ranges and uncomputed formulas inside the tables read: errors, each cell once
    all_issues = check_areas(guarded, book, issues)
    if any(i.severity == "error" for i in all_issues):
        evaluation = None
    if evaluation is not None:
        evaluation = _with_warnings(evaluation, all_issues)
    return Loaded(path, evaluation, all_issues)


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Reading a large sheet allocates millions of objects and no reference cycles; the
    cycle collector would rescan them again and again for nothing."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _with_warnings(ev: Evaluation, issues: list[Issue]) -> Evaluation:
    from dataclasses import replace

    return replace(ev, warnings=tuple(i for i in issues if i.severity == "warning"))


def load_valid(path: str | Path) -> Evaluation:
    """Like :func:`load`, but raises :class:`InputError` with every issue when invalid."""
    loaded = load(path)
    if not loaded.ok or loaded.evaluation is None:
        raise InputError(str(loaded.path), loaded.issues)
    return loaded.evaluation


def write_report(results: Results, path: str | Path, lang: str | None = None) -> Path:
    """Write the report workbook atomically; returns the path written."""
    from .report.workbook import write

    written: Path = write(results, Path(path), lang)
    return written


__all__ = ["Loaded", "evaluate", "load", "load_valid", "write_report"]
