"""The import written into a copy of the input workbook (the template, blank or partly
filled; never modified): question rows on Questions, response rows on Reaction or
Application under what is there already, and the mapping table at the foot of the
Instructions sheet. openpyxl keeps the template's formats, drop-downs and help."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from roti_excel import schema
from roti_excel.atomic import atomic_path
from roti_excel.importing.moodle import LearningPlanRow
from roti_excel.importing.plan import ImportPlan, pseudonym
from roti_excel.importing.source import SourceError
from roti_excel.messages import Text, msg

HEADER_SCAN = 10  # the header row is among the first rows of a sheet


def taken_codes(path: Path) -> frozenset[str]:
    """The question codes the workbook's Questions sheet already has."""
    import openpyxl

    wb = openpyxl.load_workbook(path, read_only=True)
    try:
        ws = _sheet(wb, "questions", path)
        row, cols = _header(ws, schema.sheet("questions"))
        code = cols.get("code")
        if code is None:
            return frozenset()
        return frozenset(str(r[0]).strip() for r in ws.iter_rows(
            min_row=row + 1, min_col=code, max_col=code, values_only=True) if r[0])
    finally:
        wb.close()


def language_of(path: Path) -> str:
    """The workbook's language, from its sheet names: Indonesian tabs speak Indonesian."""
    import openpyxl

    wb = openpyxl.load_workbook(path, read_only=True)
    try:
        ids = sum(1 for name in wb.sheetnames
                  if (s := schema.match_sheet(name)) is not None
                  and schema.normalise(name) == schema.normalise(s.id) != schema.normalise(s.en))
        return "id" if ids else "en"
    finally:
        wb.close()


def write_import(into: Path, out: Path, plan: ImportPlan, group: str | None,
                 mapping: list[list[str]]) -> list[Text]:
    """Write the plan into a copy of `into` at `out` (atomically); returns what HR must
    still do (each question's Dimension)."""
    import openpyxl

    wb = openpyxl.load_workbook(into)
    survey_key = "reaction" if plan.level == 1 else "application"
    questions = _sheet(wb, "questions", into)
    survey = _sheet(wb, survey_key, into)
    todo = _write_questions(questions, plan)
    _write_rows(survey, schema.sheet(survey_key), plan, group)
    _write_mapping(wb, mapping)
    with atomic_path(out) as temp:
        wb.save(temp)
    return todo


# the sources and the workbook, then where and what: keyword-only
def write_learning(into: Path, out: Path, rows: list[LearningPlanRow], *,  # noqa: PLR0913
                   group: str | None, keep_names: bool, mapping: list[list[str]]) -> None:
    """A Learning row per person under what the sheet holds: participant (a pseudonym
    unless names are kept), pre- and post-test, max score, and Status absent for no
    post-test grade."""
    import openpyxl

    from roti_excel.domain import Attendance

    wb = openpyxl.load_workbook(into)
    ws = _sheet(wb, "learning", into)
    sheet = schema.sheet("learning")
    row0, cols = _header(ws, sheet)
    row = _first_free_row(ws, row0)
    status = sheet.column("status")
    absent = next(c for c in status.choices if c.key == Attendance.ABSENT.value)
    lang = language_of(into)
    for number, person in enumerate(rows, 1):
        values: dict[str, object] = {
            "group": group, "participant": pseudonym(person.who, number, keep_names=keep_names),
            "name": person.name if keep_names else None, "pre_test": person.pre,
            "post_test": person.post, "max_score": person.max_score,
            "status": absent.label(lang) if person.post is None else None}
        for key, value in values.items():
            if key in cols and value not in (None, ""):
                _put(ws.cell(row, cols[key]), value)
        row += 1
    _write_mapping(wb, mapping)
    with atomic_path(out) as temp:
        wb.save(temp)


def _sheet(wb: Any, key: str, path: Path) -> Any:
    for ws in wb.worksheets:
        found = schema.match_sheet(ws.title)
        if found is not None and found.key == key:
            return ws
    raise SourceError(msg("import_no_sheet", file=path.name, sheet=schema.sheet(key)))


def _header(ws: Any, sheet: schema.Sheet) -> tuple[int, dict[str, int]]:
    """The header row (1-based) and each known column's position (1-based)."""
    best: tuple[int, dict[str, int]] = (HEADER_SCAN, {})
    for r, values in enumerate(ws.iter_rows(min_row=1, max_row=HEADER_SCAN, values_only=True),
                               1):
        found = {}
        for c, value in enumerate(values, 1):
            col = schema.match_column(sheet, value) if value is not None else None
            if col is not None and col.key not in found:
                found[col.key] = c
        if len(found) > len(best[1]):
            best = (r, found)
    return best


def _first_free_row(ws: Any, header: int) -> int:
    """The row under the last row holding anything below the header."""
    last = header
    for r, values in enumerate(ws.iter_rows(min_row=header + 1, values_only=True), header + 1):
        if any(v not in (None, "") for v in values):
            last = r
    return last + 1


def _write_questions(ws: Any, plan: ImportPlan) -> list[Text]:
    row0, cols = _header(ws, schema.sheet("questions"))
    row = _first_free_row(ws, row0)
    todo: list[Text] = []
    for q in plan.questions:
        values = {"code": q.code, "question": q.text, "level": q.level,
                  "scale_min": q.scale.low, "scale_max": q.scale.high,
                  "labels": "; ".join(q.scale.labels) if q.scale.labels else None}
        for key, value in values.items():
            if key in cols and value is not None:
                _put(ws.cell(row, cols[key]), value)
        todo.append(msg("import_dimension_unset", sheet=ws.title, row=row, code=q.code))
        row += 1
    return todo


def _write_rows(ws: Any, sheet: schema.Sheet, plan: ImportPlan, group: str | None) -> None:
    row0, cols = _header(ws, sheet)
    code_cols = _code_columns(ws, row0, cols, [q.code for q in plan.questions])
    row = _first_free_row(ws, row0)
    for codes, response in plan.rows:
        if group and "group" in cols:
            _put(ws.cell(row, cols["group"]), group)
        if "respondent" in cols:
            _put(ws.cell(row, cols["respondent"]), response.respondent)
        if "date" in cols and response.day is not None:
            cell = ws.cell(row, cols["date"])
            cell.value = dt.datetime.combine(response.day, dt.time())
            cell.number_format = "yyyy-mm-dd"
        for code, answer in zip(codes, response.answers, strict=True):
            if answer is not None:
                ws.cell(row, code_cols[code]).value = answer
        row += 1


def _code_columns(ws: Any, header: int, known: dict[str, int],
                  codes: list[str]) -> dict[str, int]:
    """Each code's column: its header if the sheet has it already, else the next empty
    header cell right of the sheet's own columns (its orange code cells first)."""
    out: dict[str, int] = {}
    first_open = max(known.values(), default=0) + 1
    headers = {str(v).strip(): c for c, v in enumerate(
        next(ws.iter_rows(min_row=header, max_row=header, values_only=True)), 1)
        if v is not None}
    col = first_open
    for code in codes:
        if code in headers:
            out[code] = headers[code]
            continue
        while ws.cell(header, col).value not in (None, ""):
            col += 1
        _put(ws.cell(header, col), code)
        out[code] = col
        col += 1
    return out


def _write_mapping(wb: Any, mapping: list[list[str]]) -> None:
    """The mapping table at the foot of the Instructions sheet (made when missing)."""
    names = {schema.normalise(n) for n in schema.INSTRUCTIONS.spellings()}
    ws = next((w for w in wb.worksheets if schema.normalise(w.title) in names), None)
    if ws is None:
        ws = wb.create_sheet(schema.INSTRUCTIONS.en, 0)
    row = ws.max_row + 2
    for values in mapping:
        for c, value in enumerate(values, 1):
            _put(ws.cell(row, c), value)
        row += 1


def _put(cell: Any, value: object) -> None:
    """A value into a cell; user text always as text (openpyxl would write '=...' as a
    formula)."""
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
