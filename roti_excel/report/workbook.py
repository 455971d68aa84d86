"""Entry point of the report: :func:`write` builds the whole workbook in a temporary file
beside the target and moves it into place, so a failed run never leaves half a report.

Sheets are added in the order of docs/report.md (the Brief first), then filled in the order
their formulas need: the Input copies sheets first (every formula refers to them), then
Costs and Level 4, Level 5 over those, the Summary and the Brief over Level 5, and Data
quality last (it lists any text the other sheets had to shorten)."""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path
from typing import Any

import xlsxwriter

from roti_excel.atomic import atomic_path
from roti_excel.domain import Language
from roti_excel.errors import OutputError
from roti_excel.messages import msg
from roti_excel.method.evaluate import Results
from roti_excel.report import styles
from roti_excel.report.book import Book, PrintedTable
from roti_excel.report.fast_sheet import FastWorksheet
from roti_excel.report.labels import Labels, sheet_names
from roti_excel.report.sheets import (
    brief,
    costs,
    data_quality,
    impact,
    input_copies,
    intangibles,
    learning,
    methodology,
    roi,
    scenarios,
    summary,
    surveys,
)

__all__ = ["PrintedTable", "build", "write"]

WORKBOOK_OPTIONS = {"strings_to_formulas": False, "strings_to_urls": False, "in_memory": True,
                    "strings_to_numbers": False}
ORDER = ("brief", "summary", "methodology", "reaction", "learning", "application", "impact", "roi",
         "scenarios", "costs",
         "intangibles", "quality", "inputs", "inputs_costs", "inputs_rates", "inputs_measures",
         "inputs_impact", "inputs_estimates")


def language(results: Results, lang: str | None) -> Language:
    """The report's language: the one asked for, else the workbook's."""
    return Language.of(lang or results.evaluation.program.language)


def sheets_for(results: Results) -> tuple[str, ...]:
    """The sheets of this report: levels that were not evaluated get none."""
    skip = {key for key, done in (("reaction", results.reaction.evaluated),
                                  ("learning", results.learning.evaluated),
                                  ("application", results.application.evaluated),
                                  ("impact", results.impact.evaluated),
                                  # what-ifs on an ROI: none without one
                                  ("scenarios", results.total.bcr is not None),
                                  ("inputs_estimates", bool(results.evaluation.estimates)))
            if not done}
    return tuple(key for key in ORDER if key not in skip)


def build(results: Results, path: Path, lang: str, generated: dt.date | None = None) -> Book:
    """Write the report to `path` (no atomic move; see :func:`write`); returns the book,
    whose `tables` say where each sheet's tables are and how they print."""
    from roti_excel.narrative.render import render

    story = render(results, lang)
    program = results.evaluation.program
    t = Labels(lang)
    wb = xlsxwriter.Workbook(str(path), WORKBOOK_OPTIONS)
    wb.worksheet_class = FastWorksheet
    try:
        names = sheet_names(lang)
        keys = sheets_for(results)
        for key in keys:
            wb.add_worksheet(names[key])
        formats = styles.make(wb, program.currency, program.roi_objective)
        book = Book(wb, lang, t, formats, names, program.name,
                    generated or dt.date.today(), present=keys)
        _properties(wb, book, results)
        refs = input_copies.write(book, results)
        cost_refs = costs.write(book, results, refs)
        impact_refs = (impact.write(book, results, refs, story.levels.get("impact", ""))
                       if "impact" in keys else None)
        roi_refs = roi.write(book, results, refs, impact_refs, cost_refs,
                             story.levels.get("roi", ""))
        if "scenarios" in keys and impact_refs is not None:
            scenarios.write(book.sheet("scenarios"), results, refs, impact_refs, roi_refs)
        summary.write(book, results, refs, roi_refs, story)
        methodology.write(book.sheet("methodology"), results)
        brief_sheet = book.sheet("brief", max_width=brief.WIDTHS[0])
        brief.write(brief_sheet, results, refs, roi_refs, story)
        brief_sheet.ws.activate()
        brief_sheet.ws.set_first_sheet()
        if "reaction" in keys:
            surveys.write_reaction(book, results, story.levels.get("reaction", ""))
        if "learning" in keys:
            learning.write(book, results, story.levels.get("learning", ""))
        if "application" in keys:
            surveys.write_application(book, results, story.levels.get("application", ""))
        intangibles.write(book, results)
        data_quality.write(book, results, story.data_quality)
        _protect(wb)
    except BaseException:
        with contextlib.suppress(Exception):
            wb.close()
        raise
    wb.close()
    return book


# finance may still select, filter, sort and resize; only the editable Scenarios cells
# (formats with locked off) take a value
PROTECTION = {"select_locked_cells": True, "select_unlocked_cells": True,
              "format_columns": True, "format_rows": True, "autofilter": True, "sort": True}


def _protect(wb: Any) -> None:
    """Every sheet protected without a password (Excel's and LibreOffice's sheet
    protection): an accidental edit of a computed figure or an input copy is refused, and
    the Scenarios sheet is the place for what-ifs."""
    for ws in wb.worksheets():
        ws.protect("", PROTECTION)


def _properties(wb: Any, book: Book, results: Results) -> None:
    p = results.evaluation.program
    t = book.t
    wb.set_properties({
        "title": t("doc_title", program=p.name)[:255],
        "subject": t("doc_subject"),
        "author": p.prepared_by[:255],
        "company": p.organization[:255],
        "category": t("doc_category"),
        "keywords": "Kirkpatrick, Phillips ROI, training evaluation",
        "comments": t("doc_comments"),
        "created": dt.datetime.combine(book.generated, dt.time()),
    })
    wb.set_calc_mode("auto")


def write(results: Results, path: Path, lang: str | None = None) -> Path:
    """Write the report workbook at `path` atomically and return `path`.

    Raises OutputError when the folder is missing, the file is open in another program, or
    anything else stops the report being written; no temporary file is left behind."""
    target = Path(path)
    if target.is_dir():
        raise OutputError(msg("output_is_folder", path=str(target)))
    chosen = language(results, lang)
    try:
        with atomic_path(target) as temp:
            build(results, temp, chosen)
    except OutputError:
        raise
    except Exception as exc:  # reported as an output problem, cause chained
        reason = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
        raise OutputError(msg("output_failed", path=str(target), reason=reason)) from exc
    return target
