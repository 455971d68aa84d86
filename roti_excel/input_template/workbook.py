"""The input workbooks HR teams fill in: blank templates and the filled thesis example,
in English or Indonesian, generated from :mod:`roti_excel.schema`.

Layout the reader relies on: one sheet per schema sheet, named in the workbook's language;
on each, row 1 is a title, row 2 a help line per column, row 3 the header row, data from
row 4. An Instructions sheet comes first and a Lists sheet (the drop-down values) last;
the reader ignores both. Every column gets Excel data validation on
:data:`DATA_ROWS` rows with an input message that says what to enter.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.exceptions import XlsxWriterException
from xlsxwriter.utility import xl_rowcol_to_cell
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from roti_excel import schema
from roti_excel.atomic import atomic_path
from roti_excel.domain import LANGUAGES, language_named
from roti_excel.errors import OutputError
from roti_excel.input_template import example as template_example
from roti_excel.input_template.cells import (
    FIRST_DATA_ROW,
    HEADER_ROW,
    HELP_ROW,
    TITLE_ROW,
    Lists,
    Styles,
    lines,
    print_setup,
    sentences,
    validation,
    write_value,
)
from roti_excel.input_template.text import (
    choice_entries,
    column_help,
    instructions,
    kind_hint,
    sheet_title,
    word,
)
from roti_excel.resources import resource_dir
from roti_excel.schema import Column, Kind, Sheet

DATA_ROWS = 1000  # rows with validation, input fill and helper formulas
BLANK_PRINT_ROWS = 25  # empty rows printed on a blank template's pages
PLACEHOLDERS = 5  # empty question-code columns on a blank Reaction / Application sheet
_DEFAULT_WIDTH = 8.43  # Excel's default column width
_COMPUTED_WIDTH = 18.0
_TITLE_CHAR_WIDTH = 1.05  # column-width units per character of the bold 13 pt title

# open-column sheets: the kind of their extra columns and the level of their questions
_OPEN: dict[str, tuple[Kind, int | None]] = {
    "reaction": (Kind.NUMBER, 1),
    "application": (Kind.NUMBER, 3),
    "application_counts": (Kind.NONNEGATIVE, None),
}
# helper formulas: (first column, (columns applied with their default when blank), operator)
_COMPUTED: dict[str, tuple[str, tuple[str, ...], str]] = {
    "costs": ("unit_cost", ("quantity", "duration", "proration"), "*"),
    "rates": ("amount", ("days_per_month", "shifts_per_day", "hours_per_shift"), "/"),
}


def template_filename(lang: str, *, example: bool) -> str:
    """`roti_template_en.xlsx`, `roti_example_id.xlsx`, ..."""
    language_named(lang)
    return f"roti_{'example' if example else 'template'}_{lang}.xlsx"


def bundled_template(lang: str, *, example: bool) -> Path:
    """The checked-in workbook: in an installed wheel (roti_excel/input_templates) or in the
    source tree (<repo>/input_templates)."""
    path = resource_dir("input_templates") / template_filename(lang, example=example)
    if not path.is_file():
        raise FileNotFoundError(f"roti_excel is missing its bundled {path.name}; reinstall it")
    return path


def write_template(path: Path, lang: str = "en", *, example: bool = False) -> Path:
    """Write a blank input workbook (or the thesis example) to `path`, atomically: a temporary
    file in the same folder replaces `path` only once complete. A folder as `path` gets
    :func:`template_filename`. Returns the path written."""
    language_named(lang)
    path = Path(path)
    if path.is_dir():
        path = path / template_filename(lang, example=example)
    with atomic_path(path) as temp:
        try:
            _build(temp, lang, example=example)
        except (OSError, XlsxWriterException) as exc:
            raise OutputError(f"{path}: cannot write the template ({exc})") from exc
    return path


# -- the workbook -----------------------------------------------------------------------


@dataclass(frozen=True)
class _Col:
    column: Column  # a schema column, or a synthetic one for a question code / scale point
    placeholder: bool = False  # an empty header cell waiting for a question code

    def header(self, lang: str) -> str:
        """The header text; empty for a placeholder, where the user types a question code."""
        return "" if self.placeholder else self.column.name(lang)


@dataclass(frozen=True)
class _Book:
    """What every sheet of the workbook being built shares."""

    wb: Workbook
    st: Styles
    lists: Lists
    lang: str
    example: bool  # the filled thesis example rather than a blank template


@dataclass(frozen=True)
class _Table:
    """A data sheet's content: its columns (the schema's, then any question codes or scale
    points) and its rows (the example's; none in a blank template)."""

    sheet: Sheet
    cols: list[_Col]
    rows: list[dict[str, Any]]


def _build(path: Path, lang: str, *, example: bool) -> None:
    wb = xlsxwriter.Workbook(str(path))
    wb.set_properties({"title": schema.INSTRUCTIONS.name(lang), "author": "roti-excel",
                       "comments": template_filename(lang, example=example)})
    book = _Book(wb, Styles(wb), Lists(lang), lang, example)
    _instructions_sheet(wb, book.st, lang)
    for sheet in schema.SHEETS:
        if sheet is schema.PROGRAM:
            values = template_example.program(lang) if example else _program_defaults(lang)
            _program_sheet(book, values)
        else:
            _data_sheet(book, _table(book, sheet))
    book.lists.write(wb, book.st)
    wb.worksheets()[0].activate()
    wb.close()


def _instructions_sheet(wb: Workbook, st: Styles, lang: str) -> None:
    ws = wb.add_worksheet(schema.INSTRUCTIONS.name(lang))
    width = 90
    ws.set_column(0, 0, width)
    styles = {"title": st.title, "heading": st.heading, "text": st.text, "level": st.level,
              "item": st.item, "note": st.note}
    content = instructions(lang)
    for r, (style, text) in enumerate(content):
        ws.write_string(r, 0, text, styles[style])
        if style == "heading":
            ws.set_row(r, 24)
        elif style != "title":
            ws.set_row(r, 15 * lines(text, width, 1.2) + 2)
    ws.hide_gridlines(2)
    print_setup(ws, len(content) - 1, 0, repeat=False)
    ws.set_portrait()


# -- the Program sheet ------------------------------------------------------------------


def _program_defaults(lang: str) -> dict[str, Any]:
    """Defaults shown in a blank Program sheet; Language is the workbook's own."""
    out: dict[str, Any] = {}
    for spec in schema.PROGRAM_FIELDS:
        value = lang if spec.key == "language" else spec.default
        if value is not None:
            out[spec.key] = template_example.convert(spec, value, lang)
    return out


def _program_sheet(book: _Book, values: dict[str, Any]) -> None:
    st, lists, lang = book.st, book.lists, book.lang
    sheet = schema.PROGRAM
    ws = book.wb.add_worksheet(sheet.name(lang))
    field, value = (sheet.column(k) for k in ("field", "value"))
    helper = schema.HELP_COLUMN
    if schema.match_column(sheet, helper.name(lang)) is not None:
        raise RuntimeError(f"{helper.name(lang)} would be read as a Program column")
    ws.write_string(TITLE_ROW, 0, sheet_title(sheet, lang), st.title)
    ws.write_string(HELP_ROW, 0, word(lang, "program_hint", v=value.name(lang),
                                      h=helper.name(lang)), st.hint)
    for c, col in enumerate((field, value, helper)):
        ws.write_string(HEADER_ROW, c, col.name(lang), st.required if col.required else st.optional)
    widths = (24, 50, 80)
    for c, w in enumerate(widths):
        ws.set_column(c, c, w)
    for r, spec in enumerate(schema.PROGRAM_FIELDS, FIRST_DATA_ROW):
        ws.write_string(r, 0, spec.name(lang), st.field_required if spec.required else st.field)
        text = sentences(column_help(spec, lang), kind_hint(spec, lang))
        ws.write_string(r, 2, text, st.program_help)
        value_ = values.get(spec.key)
        height = max(lines(text, widths[2], 1.6), lines(str(value_ or ""), widths[1], 1.25))
        ws.set_row(r, 15 * height + 3)
        write_value(ws, r, 1, value_, st.program.get(spec.kind, st.program_plain))
        ws.data_validation(r, 1, r, 1, validation(spec, lang, lists))
    ws.set_row(HEADER_ROW, 20)
    ws.freeze_panes(FIRST_DATA_ROW, 0)
    print_setup(ws, FIRST_DATA_ROW + len(schema.PROGRAM_FIELDS) - 1, 2)


# -- data sheets -----------------------------------------------------------------------


def _synthetic(sheet: Sheet, header: str, lang: str, *, placeholder: bool,
               first: bool) -> _Col:
    kind, level = _OPEN[sheet.key]
    questions = schema.QUESTIONS.name(lang)
    if placeholder and not first:
        help_text = word(lang, "placeholder_more", code=header)
    elif placeholder:
        help_text = word(lang, "placeholder_code", level=str(level), q=questions, code=header)
    elif level is None:
        help_text = word(lang, "scale_point" if first else "scale_point_more", point=header)
    else:
        help_text = word(lang, "answer", code=header, q=questions)
    col = Column(header, header, header, kind, help_en=help_text, help_id=help_text,
                 example=header if placeholder else "")
    return _Col(col, placeholder)


def _blank_open_headers(sheet: Sheet) -> tuple[list[str], bool]:
    """Example question codes for the empty header cells (P1.., A1..), or the default scale
    points (1..5) as real headers."""
    if _OPEN[sheet.key][1] is None:
        q = schema.QUESTIONS
        lo, hi = (int(q.column(k).default) for k in ("scale_min", "scale_max"))
        return [str(p) for p in range(lo, hi + 1)], False
    source = schema.QUESTIONS if sheet.key == "reaction" else schema.APPLICATION_COUNTS
    prefix = source.column("code").example.rstrip("0123456789")
    return [f"{prefix}{i}" for i in range(1, PLACEHOLDERS + 1)], True


def _table(book: _Book, sheet: Sheet) -> _Table:
    lang = book.lang
    cols = [_Col(c) for c in sheet.columns]
    rows: list[dict[str, Any]] = []
    extra: list[str] = []
    placeholder = False
    if book.example:
        extra, rows = template_example.rows(sheet, lang)
    elif sheet.open_columns:
        extra, placeholder = _blank_open_headers(sheet)
    cols += [_synthetic(sheet, h, lang, placeholder=placeholder, first=i == 0)
             for i, h in enumerate(extra)]
    return _Table(sheet, cols, rows)


def _data_sheet(book: _Book, table: _Table) -> None:
    st, lists, lang = book.st, book.lists, book.lang
    sheet, cols, rows = table.sheet, table.cols, table.rows
    ws = book.wb.add_worksheet(sheet.name(lang))
    last_data = FIRST_DATA_ROW + DATA_ROWS - 1
    title = sheet_title(sheet, lang)
    ws.write_string(TITLE_ROW, 0, title, st.title)
    help_lines = 1
    widths: list[float] = []
    for c, item in enumerate(cols):
        col = item.column
        width = _width(item, lang, rows)
        widths.append(width)
        ws.set_column(c, c, width, st.column.get(col.kind))
        text = column_help(col, lang)
        ws.write_string(HELP_ROW, c, text, st.help)
        help_lines = max(help_lines, lines(text, width, 1.3))
        head = st.placeholder if item.placeholder else st.required if col.required else st.optional
        if item.placeholder:
            ws.write_blank(HEADER_ROW, c, None, head)
        else:
            ws.write_string(HEADER_ROW, c, item.header(lang), head)
        ws.write_comment(HEADER_ROW, c, sentences(text, kind_hint(col, lang)),
                         {"author": "roti-excel", "x_scale": 2.2, "y_scale": 1.4})
        prompt = (word(lang, "answer_title"), word(lang, "answer_prompt")) if item.placeholder \
            else None
        ws.data_validation(FIRST_DATA_ROW, c, last_data, c,
                           validation(col, lang, lists, prompt))
        for r, row in enumerate(rows, FIRST_DATA_ROW):
            write_value(ws, r, c, row.get(col.key), st.value(col.kind))
    ws.set_row(HELP_ROW, 11 * min(help_lines, 7) + 4)
    ws.set_row(HEADER_ROW, 30)
    last_col = len(cols) - 1
    ws.conditional_format(FIRST_DATA_ROW, 0, last_data, last_col,
                          {"type": "formula", "criteria": "TRUE", "format": st.fill})
    if sheet.key in _COMPUTED:
        last_col += 1
        widths.append(_computed_column(ws, book, table, last_col))
    ws.freeze_panes(FIRST_DATA_ROW, 0)
    printed = len(rows) if book.example else BLANK_PRINT_ROWS
    # print at least as many columns as the title needs, so it is not cut on paper
    while sum(widths) < len(title) * _TITLE_CHAR_WIDTH:
        widths.append(_DEFAULT_WIDTH)
    print_setup(ws, FIRST_DATA_ROW + max(printed, 1) - 1, len(widths) - 1)


def _computed_column(ws: Worksheet, book: _Book, table: _Table, c: int) -> float:
    """A grey formula column after the schema columns; the reader never sees it. Returns
    its width."""
    st, lang = book.st, book.lang
    sheet, cols, rows = table.sheet, table.cols, table.rows
    helper = schema.COMPUTED_COLUMNS[sheet.key]
    if schema.match_column(sheet, helper.name(lang)) is not None:
        raise RuntimeError(f"{helper.name(lang)} would be read as a {sheet.en} column")
    first, others, op = _COMPUTED[sheet.key]
    index = {item.column.key: i for i, item in enumerate(cols)}
    ws.write_string(HELP_ROW, c, helper.help(lang), st.help)
    ws.write_string(HEADER_ROW, c, helper.name(lang), st.computed_head)
    ws.set_column(c, c, _COMPUTED_WIDTH)
    for r in range(FIRST_DATA_ROW, FIRST_DATA_ROW + DATA_ROWS):
        ref = xl_rowcol_to_cell(r, index[first])
        terms = [ref]
        for key in others:
            cell, default = xl_rowcol_to_cell(r, index[key]), sheet.column(key).default
            terms.append(f'IF({cell}="",{default:g},{cell})')
        # 0 for an empty line (shown blank by the format): a formula giving "" would be
        # stored without a value, which reads as "never calculated"
        formula = f'=IF({ref}="",0,{op.join(terms)})'
        cached = 0.0
        if r - FIRST_DATA_ROW < len(rows):
            cached = _compute(sheet, rows[r - FIRST_DATA_ROW], first, others, op)
        ws.write_formula(r, c, formula, st.computed, cached)
    return _COMPUTED_WIDTH


def _compute(sheet: Sheet, row: dict[str, Any], first: str, others: tuple[str, ...],
             op: str) -> float:
    """What the helper formula gives for an example row, stored as its cached value."""
    value = row.get(first)
    if not isinstance(value, (int, float)):
        return 0.0
    total = float(value)
    for key in others:
        x = row.get(key)
        x = float(sheet.column(key).default) if x is None else float(x)
        total = total * x if op == "*" else total / x
    return total


def _width(item: _Col, lang: str, rows: list[dict[str, Any]]) -> float:
    col = item.column
    texts = [item.header(lang), col.example, *choice_entries(col, lang)]
    texts += [str(row[col.key]) for row in rows if row.get(col.key) is not None
              and not isinstance(row[col.key], dt.date)]
    longest = max(len(t) for t in texts)
    floor = 22 if col.kind is Kind.TEXT and not col.example else 14 if item.placeholder else 11
    if col.kind is Kind.DATE:
        longest = max(longest, 12)
    return float(min(max(longest + 3, floor), 48))


def write_bundled(folder: Path) -> list[Path]:
    """(Re)generate the four checked-in workbooks into `folder`."""
    return [write_template(folder / template_filename(lang, example=ex), lang, example=ex)
            for lang in LANGUAGES for ex in (False, True)]


# python -m roti_excel.input_template.workbook [FOLDER]: regenerate the four
if __name__ == "__main__":
    import sys

    default = Path(__file__).resolve().parents[2] / "input_templates"
    for written in write_bundled(Path(sys.argv[1]) if len(sys.argv) > 1 else default):
        print(written)
