"""The reading stage, file to evaluation: the guard judges the file, the raw tables are read,
every sheet is converted and checked, then the data areas (merged ranges, formulas without a
value inside a table). The evaluation carries its warnings, attached here once."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from roti_excel import collector
from roti_excel.domain import Language
from roti_excel.fingerprint import file_sha256
from roti_excel.issues import Issue, error
from roti_excel.messages import msg
from roti_excel.model import Evaluation
from roti_excel.reading.data_areas import check_areas
from roti_excel.reading.evaluation import build
from roti_excel.reading.guard import inspect_file
from roti_excel.reading.raw_tables import SheetParser, read_workbook
from roti_excel.reading.repeats import drop_total_row_noise, group_repeats
from roti_excel.shown import shown_name


def read(path: Path) -> tuple[Evaluation | None, list[Issue], Language]:
    """The evaluation (None when any error), every issue, and the language to show them in
    (English for a file that is not a readable workbook). Never raises for file content."""
    with collector.paused():
        with SheetParser(path) as parser:  # its threads are done when the block ends
            # each sheet the guard clears is parsed while it judges the next
            guarded = inspect_file(path, cleared=parser.start)
            if not guarded.ok:
                return None, list(guarded.issues), Language.EN
            try:
                book = read_workbook(path, parser)
            except Exception as exc:  # noqa: BLE001 - any parser failure is a file problem
                reason = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
                return None, [*guarded.issues, error(msg("workbook_unreadable",
                                                         reason=reason))], Language.EN
        evaluation, issues, language = build(book)
    # merged ranges and uncomputed formulas inside the tables read: errors, each cell once
    all_issues = group_repeats(drop_total_row_noise(check_areas(guarded, book, issues)))
    if evaluation is None or any(i.is_error for i in all_issues):
        return None, all_issues, language
    warnings = tuple(i for i in all_issues if not i.is_error)
    return replace(evaluation, warnings=warnings, source=shown_name(path.name),
                   fingerprint=file_sha256(path)), all_issues, language
