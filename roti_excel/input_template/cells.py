"""Cell-level pieces of the input template: formats, drop-down sources, data validation,
print setup and value writing. Used by :mod:`roti_excel.input_template.workbook`."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from xlsxwriter.format import Format
from xlsxwriter.utility import quote_sheetname, xl_col_to_name
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from roti_excel import schema
from roti_excel.input_template.text import choice_entries, column_help, kind_hint, word
from roti_excel.schema import Column, Kind

TITLE_ROW, HELP_ROW, HEADER_ROW, FIRST_DATA_ROW = 0, 1, 2, 3  # 0-based
INLINE_LIST_MAX = 255  # Excel's limit for a list typed into the validation itself
NUMBER_LIMIT = 10**15

NUM_FORMATS = {Kind.FRACTION: "0.0%", Kind.DATE: "yyyy-mm-dd"}
_INPUT = "#FFF2CC"
_BORDER = "#BFBFBF"


class Styles:
    """The template's cell formats, made once per workbook."""

    def __init__(self, wb: Workbook) -> None:
        f = wb.add_format
        self.title = f({"bold": True, "font_size": 13, "font_color": "#1F4E78"})
        self.heading = f({"bold": True, "font_size": 11, "font_color": "#1F4E78", "top": 1,
                          "top_color": _BORDER, "valign": "bottom"})
        self.text = f({"text_wrap": True, "valign": "top"})
        self.level = f({"text_wrap": True, "valign": "top", "bold": True})
        self.item = f({"text_wrap": True, "valign": "top", "indent": 1})
        self.note = f({"text_wrap": True, "valign": "top", "indent": 3, "italic": True,
                       "font_color": "#404040"})
        self.hint = f({"italic": True, "font_size": 9, "font_color": "#595959"})
        self.help = f({"italic": True, "font_size": 8, "font_color": "#595959", "text_wrap": True,
                       "valign": "top"})
        head = {"bold": True, "text_wrap": True, "valign": "vcenter", "border": 1,
                "border_color": _BORDER}
        self.required = f({**head, "bg_color": "#1F4E78", "font_color": "#FFFFFF"})
        self.optional = f({**head, "bg_color": "#BDD7EE"})
        self.placeholder = f({**head, "bg_color": "#FCE4D6", "italic": True})
        self.computed_head = f({**head, "bg_color": "#D9D9D9", "font_color": "#404040"})
        # zero (an empty line) shown blank
        self.computed = f({"num_format": "#,##0.00;-#,##0.00;;@", "font_color": "#595959",
                           "bg_color": "#F2F2F2"})
        self.fill = f({"bg_color": _INPUT, "border": 1, "border_color": _BORDER})
        cell = {"bg_color": _INPUT, "border": 1, "border_color": _BORDER, "valign": "top"}
        self.cell = {k: f({**cell, "num_format": v}) for k, v in NUM_FORMATS.items()}
        self.cell_plain = f(cell)
        self.column = {k: f({"num_format": v}) for k, v in NUM_FORMATS.items()}
        program = {**cell, "align": "left", "text_wrap": True}
        self.program = {k: f({**program, "num_format": v}) for k, v in NUM_FORMATS.items()}
        self.program_plain = f(program)
        self.program_help = f({"italic": True, "font_size": 9, "font_color": "#595959",
                               "text_wrap": True, "valign": "top"})
        self.field = f({"valign": "top"})
        self.field_required = f({"valign": "top", "bold": True})

    def value(self, kind: Kind | None) -> Format:
        return self.cell.get(kind, self.cell_plain) if kind else self.cell_plain


class Lists:
    """Every drop-down's allowed values, shown on the last sheet (protected, not read) so
    people can look them up. A validation lists its values inline when they fit Excel's
    255-character limit and refers to this sheet otherwise (cost codes)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.name = schema.LISTS.name(lang)
        self.columns: list[tuple[str, list[str]]] = []

    def source(self, title: str, entries: list[str]) -> str | list[str]:
        known = next((c for c, (_, e) in enumerate(self.columns) if e == entries), None)
        if known is None:
            self.columns.append((title, entries))
            known = len(self.columns) - 1
        if len(",".join(entries)) <= INLINE_LIST_MAX and not any("," in e for e in entries):
            return entries
        col = xl_col_to_name(known, col_abs=True)
        first = FIRST_DATA_ROW + 1
        return f"={quote_sheetname(self.name)}!{col}${first}:{col}${first + len(entries) - 1}"

    def write(self, wb: Workbook, st: Styles) -> None:
        if not self.columns:
            return
        ws = wb.add_worksheet(self.name)
        lists = schema.LISTS
        ws.write_string(TITLE_ROW, 0, f"{lists.name(self.lang)}{word(self.lang, 'title_sep')}"
                        f"{lists.help(self.lang)}", st.title)
        for c, (title, entries) in enumerate(self.columns):
            ws.write_string(HEADER_ROW, c, title, st.optional)
            for r, entry in enumerate(entries, FIRST_DATA_ROW):
                ws.write_string(r, c, entry)
            ws.set_column(c, c, max(len(e) for e in (title, *entries)) + 3)
        ws.protect()
        print_setup(ws, FIRST_DATA_ROW + max(len(e) for _, e in self.columns) - 1,
                    len(self.columns) - 1, repeat=False)


def print_setup(ws: Worksheet, last_row: int, last_col: int, *,
                repeat: bool = True) -> None:
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)
    ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.5)
    ws.print_area(0, 0, last_row, last_col)
    if repeat:
        ws.repeat_rows(TITLE_ROW, HEADER_ROW)
    ws.set_footer("&L&A&R&P / &N")


def write_value(ws: Worksheet, r: int, c: int, value: Any, fmt: Format) -> None:
    if value is None:
        ws.write_blank(r, c, None, fmt)
    elif isinstance(value, bool):
        ws.write_boolean(r, c, value, fmt)
    elif isinstance(value, (int, float)):
        ws.write_number(r, c, value, fmt)
    elif isinstance(value, dt.date):
        ws.write_datetime(r, c, dt.datetime.combine(value, dt.time()), fmt)
    else:
        ws.write_string(r, c, str(value), fmt)


def lines(text: str, width: float, chars_per_unit: float) -> int:
    """Lines a wrapped text takes in a column `width` characters wide (an estimate: Excel
    does not fit row heights to wrapped text written by xlsxwriter)."""
    return max(1, math.ceil(len(text) / (width * chars_per_unit)))


def sentences(*parts: str) -> str:
    """`Help text.` and `Enter a number.` joined; empty parts left out."""
    return " ".join(p if p.endswith(".") else p + "." for p in parts if p)


def cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def validation(col: Column, lang: str, lists: Lists,
                prompt: tuple[str, str] | None = None) -> dict[str, Any]:
    """One column's data validation: the rule of its kind and messages in the language;
    `prompt` (title, text) replaces the column's name and help in the input message."""
    name, text = prompt or (col.name(lang), column_help(col, lang))
    title = cut(name, 32)
    hint = kind_hint(col, lang)
    opts: dict[str, Any] = {
        "input_title": title,
        "input_message": cut(sentences(text, hint), 255),
        "error_title": title,
        "error_message": cut(hint, 255),
    }
    kind = col.kind
    if kind is Kind.CHOICE:
        entries = choice_entries(col, lang)
        opts.update(validate="list", source=lists.source(col.name(lang), entries),
                    error_type="warning",
                    error_message=cut(word(lang, "list_error", code=col.choices[0].key), 255))
    elif kind is Kind.FRACTION:
        opts.update(validate="decimal", criteria="between", minimum=0, maximum=1)
    elif kind is Kind.NONNEGATIVE:
        opts.update(validate="decimal", criteria=">=", value=0)
    elif kind is Kind.POSITIVE:
        opts.update(validate="decimal", criteria=">", value=0)
    elif kind is Kind.NUMBER:
        opts.update(validate="decimal", criteria="between", minimum=-NUMBER_LIMIT,
                    maximum=NUMBER_LIMIT)
    elif kind is Kind.DATE:
        opts.update(validate="date", criteria="between", minimum=dt.date(1900, 1, 1),
                    maximum=dt.date(2199, 12, 31))
    else:
        opts = {"validate": "any", "input_title": title, "input_message": opts["input_message"]}
    return opts
