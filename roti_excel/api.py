"""The library's front door: load a workbook, evaluate it, write the report; and the one step
`run`, `demo`, `batch` and `watch` all share: one input in, its report and summary out."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from roti_excel import collector
from roti_excel.atomic import write_bytes
from roti_excel.domain import FileStatus, Language
from roti_excel.errors import InputError, OutputError
from roti_excel.issues import Issue, sort_issues
from roti_excel.method.evaluate import Results, evaluate
from roti_excel.model import Evaluation
from roti_excel.outcome import FileOutcome
from roti_excel.summary import summary, summary_json

# The guard's answers for a file that may still be arriving (a copy in progress): the drop
# folder looks at such a file again later before calling it damaged.
INCOMPLETE_KEYS = frozenset({"file_empty", "file_damaged_unzip"})


@dataclass
class Loaded:
    """A workbook read and checked: the evaluation (None when any error) and every issue."""

    path: Path
    evaluation: Evaluation | None
    issues: list[Issue] = field(default_factory=list)
    language: Language = Language.EN  # the workbook's: its messages are shown in it

    @property
    def ok(self) -> bool:
        return self.evaluation is not None and not any(i.is_error for i in self.issues)

    def messages(self, lang: str | None = None) -> list[str]:
        """Each issue as `FILE: SHEET!CELL: message`, errors first, in `lang` (default: the
        workbook's language)."""
        lang = lang or self.language
        return [i.format(str(self.path), lang) for i in sort_issues(self.issues)]


def load(path: str | Path) -> Loaded:
    """Guard the file, read it, validate it. Never raises for anything in the file."""
    from roti_excel.reading.read import read  # deferred: for a bad file the guard is the cost

    path = Path(path)
    evaluation, issues, language = read(path)
    return Loaded(path, evaluation, issues, language)


def load_valid(path: str | Path) -> Evaluation:
    """Like :func:`load`, but raises :class:`InputError` with every issue when invalid."""
    loaded = load(path)
    if not loaded.ok or loaded.evaluation is None:
        raise InputError(str(loaded.path), loaded.issues)
    return loaded.evaluation


def write_report(results: Results, path: str | Path, lang: str | None = None) -> Path:
    """Write the report workbook atomically; returns the path written."""
    from roti_excel.report.workbook import write

    written: Path = write(results, Path(path), lang)
    return written


# -- one input in, its report out ----------------------------------------------------------

def process(source: Path, report: Path, json_path: Path | None = None,
            lang: str | None = None) -> FileOutcome:
    """Validate one input and write its report (and JSON). An invalid input writes nothing.
    Raises OutputError when the report cannot be written."""
    start = time.perf_counter()
    loaded = load(source)
    messages = loaded.messages(lang)
    errors = sum(1 for i in loaded.issues if i.is_error)
    shown_in = str(lang or loaded.language)
    if not loaded.ok or loaded.evaluation is None:
        cut_short = any(i.is_error and i.key in INCOMPLETE_KEYS for i in loaded.issues)
        return FileOutcome(source, FileStatus.FAILED, messages,
                           seconds=time.perf_counter() - start, error_count=errors,
                           language=shown_in, incomplete=cut_short)
    try:
        with collector.frozen():
            computed = evaluate(loaded.evaluation)
            data = summary(computed)
            text = summary_json(data)  # checked before anything is written
            write_report(computed, report, lang)
        if json_path is not None:
            write_bytes(json_path, text.encode("utf-8"))
    except OutputError as exc:  # said in the workbook's language, as its issues are
        exc.language = exc.language or shown_in
        raise
    # what the conservative rules found (outliers, costs split equally, missing L/TE lines)
    # is shown like the validation's warnings, not only inside the report
    messages += [f.as_issue().format(str(source), shown_in) for f in computed.shown_findings]
    return FileOutcome(source, FileStatus.OK, messages, data, report,
                       time.perf_counter() - start, error_count=errors, language=shown_in)



__all__ = ["FileOutcome", "Loaded", "evaluate", "load", "load_valid", "process", "write_report"]
