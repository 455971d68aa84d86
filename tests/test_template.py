"""The input templates: the checked-in workbooks, their layout, drop-downs and validation,
the thesis example, and a template filled in the way a person would read back cleanly."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from roti_excel import load, schema
from roti_excel.domain import LANGUAGES
from roti_excel.errors import OutputError
from roti_excel.input_template import thesis_case as example_case
from roti_excel.input_template import workbook as template
from roti_excel.input_template.cells import FIRST_DATA_ROW, HEADER_ROW, HELP_ROW
from roti_excel.input_template.text import choice_entries
from roti_excel.input_template.thesis_case_id import in_indonesian
from roti_excel.input_template.workbook import (
    DATA_ROWS,
    bundled_template,
    template_filename,
    write_template,
)
from roti_excel.resources import resource_dir
from roti_excel.schema import Kind

CASES = [(lang, example) for lang in LANGUAGES for example in (False, True)]
HEADER = HEADER_ROW + 1  # 1-based, as openpyxl counts
FIRST = FIRST_DATA_ROW + 1
LAST = FIRST + DATA_ROWS - 1
DATA_SHEETS = [s for s in schema.SHEETS if s is not schema.PROGRAM]


def _name(case: tuple[str, bool]) -> str:
    lang, example = case
    return template_filename(lang, example=example)


def _case_id(case: tuple[str, bool]) -> str:
    return _name(case).removesuffix(".xlsx")


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, bool], Path]:
    folder = tmp_path_factory.mktemp("templates")
    return {case: write_template(folder / _name(case), case[0], example=case[1])
            for case in CASES}


@pytest.fixture(scope="module")
def books(generated: dict[tuple[str, bool], Path]) -> dict[tuple[str, bool], Any]:
    return {case: openpyxl.load_workbook(path) for case, path in generated.items()}


def _validations(ws: Worksheet) -> list[tuple[Any, ...]]:
    return sorted((str(dv.type), str(dv.operator), str(dv.sqref), str(dv.formula1),
                   str(dv.formula2), str(dv.prompt), str(dv.error))
                  for dv in ws.data_validations.dataValidation)


def _snapshot(path: Path) -> dict[str, Any]:
    """What matters in a workbook, read back: sheets, every cell value, validations."""
    wb = openpyxl.load_workbook(path)
    return {
        "sheets": [(ws.title, ws.sheet_state) for ws in wb.worksheets],
        "cells": {ws.title: [list(r) for r in ws.iter_rows(values_only=True)]
                  for ws in wb.worksheets},
        "validations": {ws.title: _validations(ws) for ws in wb.worksheets},
        "frozen": {ws.title: ws.freeze_panes for ws in wb.worksheets},
    }


def _column_validations(wb: Any, lang: str) -> Iterator[tuple[Any, Any, Any, str, Any]]:
    """Each data-sheet column of a template: (sheet, column, worksheet, column letter, the
    data validation on its first data row)."""
    for sheet in DATA_SHEETS:
        ws = wb[sheet.name(lang)]
        for c, col in enumerate(sheet.columns, 1):
            letter = ws.cell(HEADER, c).column_letter
            yield sheet, col, ws, letter, _validation_at(ws, f"{letter}{FIRST}")


def _validation_at(ws: Worksheet, cell: str) -> Any:
    found = [dv for dv in ws.data_validations.dataValidation if cell in dv.sqref]
    assert len(found) == 1, f"{ws.title}!{cell}: {len(found)} validations"
    return found[0]


def _key(choices: tuple[schema.Choice, ...], value: object) -> str | None:
    found = schema.match_choice(choices, value)
    return found.key if found else None


def _headers(ws: Worksheet) -> list[Any]:
    return [c.value for c in ws[HEADER]]


def _list_entries(wb: Any, dv: Any) -> list[str]:
    """The values a list validation offers, inline or from a range on another sheet."""
    formula = str(dv.formula1)
    if formula.startswith('"'):
        return formula.strip('"').split(",")
    sheet, ref = formula.lstrip("=").split("!")
    return [str(c[0].value) for c in wb[sheet.strip("'")][ref.replace("$", "")]]


class TestBundledFiles:
    @pytest.mark.parametrize("case", CASES, ids=_case_id)
    def test_checked_in_file_equals_generated(self, case: tuple[str, bool],
                                              generated: dict[tuple[str, bool], Path]) -> None:
        """The checked-in workbook has the sheets, cell values and validations the generator
        makes now (regenerate with `python -m roti_excel.input_template.workbook`)."""
        assert _snapshot(bundled_template(case[0], example=case[1])) == _snapshot(generated[case])

    def test_bundled_template_found_in_source_tree(self) -> None:
        """bundled_template finds <repo>/input_templates/<name> in a source checkout."""
        path = bundled_template("id", example=True)
        assert path.name == "roti_example_id.xlsx" and path.is_file()

    def test_bundled_template_prefers_package_folder(self, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
        """In an installed wheel the file is under roti_excel/input_templates and found there."""
        package = tmp_path / "site" / "roti_excel"
        (package / "input_templates").mkdir(parents=True)
        (package / "input_templates" / "roti_template_en.xlsx").write_bytes(b"x")
        monkeypatch.setattr("roti_excel.resources._PACKAGE", package)
        expected = package / "input_templates" / "roti_template_en.xlsx"
        assert bundled_template("en", example=False) == expected


class TestWriteTemplate:
    def test_filenames(self) -> None:
        """Names are roti_<template|example>_<lang>.xlsx."""
        assert template_filename("en", example=False) == "roti_template_en.xlsx"
        assert template_filename("id", example=True) == "roti_example_id.xlsx"

    def test_unknown_language_is_refused(self, tmp_path: Path) -> None:
        """A language other than en or id raises ValueError and writes nothing."""
        with pytest.raises(ValueError, match="en, id"):
            write_template(tmp_path / "x.xlsx", "fr")
        assert list(tmp_path.iterdir()) == []

    def test_folder_gets_default_name(self, tmp_path: Path) -> None:
        """A folder as the path receives the template under its default name."""
        assert write_template(tmp_path, "id") == tmp_path / "roti_template_id.xlsx"
        assert (tmp_path / "roti_template_id.xlsx").is_file()

    def test_missing_folder_is_an_output_error(self, tmp_path: Path) -> None:
        """Writing into a folder that does not exist raises OutputError naming it."""
        with pytest.raises(OutputError, match="does not exist"):
            write_template(tmp_path / "nope" / "t.xlsx")

    def test_failure_leaves_existing_file_and_no_temp(self, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
        """A write that fails halfway keeps the old file untouched and leaves no temp file."""
        target = tmp_path / "t.xlsx"
        target.write_bytes(b"old")

        def broken(path: Path, lang: str, *, example: bool) -> None:
            path.write_bytes(b"half")
            raise OSError("disk full")

        monkeypatch.setattr(template, "_build", broken)
        with pytest.raises(OutputError, match="disk full"):
            write_template(target)
        assert target.read_bytes() == b"old"
        assert [p.name for p in tmp_path.iterdir()] == ["t.xlsx"]

    def test_overwrites_atomically(self, tmp_path: Path) -> None:
        """An existing file is replaced by a complete workbook; only that file remains."""
        target = tmp_path / "t.xlsx"
        target.write_bytes(b"old")
        write_template(target, "en", example=True)
        assert openpyxl.load_workbook(target).sheetnames[0] == "Instructions"
        assert [p.name for p in tmp_path.iterdir()] == ["t.xlsx"]


class TestLayout:
    @pytest.mark.parametrize("case", CASES, ids=_case_id)
    def test_sheets_in_order_with_language_names(self, case: tuple[str, bool],
                                                 books: dict[tuple[str, bool], Any]) -> None:
        """Instructions first, every schema sheet in schema order named in the workbook's
        language, the visible Lists sheet last."""
        lang = case[0]
        wb = books[case]
        expected = [schema.INSTRUCTIONS.name(lang), *(s.name(lang) for s in schema.SHEETS),
                    schema.LISTS.name(lang)]
        assert wb.sheetnames == expected
        assert all(ws.sheet_state == "visible" for ws in wb.worksheets)
        assert all(schema.match_sheet(s.name(lang)) is None for s in schema.TEMPLATE_SHEETS)

    @pytest.mark.parametrize("lang", LANGUAGES)
    def test_every_column_in_row_3_in_schema_order(self, lang: str,
                                                   books: dict[tuple[str, bool], Any]) -> None:
        """Each data sheet's header row holds its schema columns, in order, in the language;
        the help line above holds each column's help."""
        wb = books[(lang, False)]
        for sheet in DATA_SHEETS:
            ws = wb[sheet.name(lang)]
            names = [c.name(lang) for c in sheet.columns]
            assert _headers(ws)[: len(names)] == names, sheet.key
            for c, col in enumerate(sheet.columns, 1):
                help_line = str(ws.cell(HELP_ROW + 1, c).value)
                assert help_line.startswith(col.help(lang)), (sheet.key, col.key)
                assert col.help(lang) in ws.cell(HEADER, c).comment.text

    @pytest.mark.parametrize("lang", LANGUAGES)
    def test_header_row_frozen(self, lang: str, books: dict[tuple[str, bool], Any]) -> None:
        """Every schema sheet is frozen below the header row."""
        wb = books[(lang, False)]
        for sheet in schema.SHEETS:
            assert wb[sheet.name(lang)].freeze_panes == f"A{FIRST}", sheet.key

    @pytest.mark.parametrize("lang", LANGUAGES)
    def test_program_sheet_fields_and_defaults(self, lang: str,
                                               books: dict[tuple[str, bool], Any]) -> None:
        """Program lists every field by its name with its default (Language = the workbook's),
        under the headers Field | Value | Help; required fields are bold."""
        ws = books[(lang, False)][schema.PROGRAM.name(lang)]
        assert _headers(ws) == [schema.PROGRAM.column("field").name(lang),
                                schema.PROGRAM.column("value").name(lang),
                                schema.HELP_COLUMN.name(lang)]
        for r, spec in enumerate(schema.PROGRAM_FIELDS, FIRST):
            assert ws.cell(r, 1).value == spec.name(lang)
            assert ws.cell(r, 1).font.b == spec.required
            value = ws.cell(r, 2).value
            if spec.key == "language":
                assert value == lang
            elif spec.kind is Kind.CHOICE:
                assert _key(spec.choices, value) == spec.default
            else:
                assert value == spec.default
        assert ws.cell(FIRST + 4, 2).number_format.endswith("%")  # ROI objective

    def test_open_columns_of_blank_template(self, books: dict[tuple[str, bool], Any]) -> None:
        """Blank Reaction and Application leave empty header cells for question codes (the
        reader skips them); Application counts has the scale points 1..5 as headers."""
        wb = books[("en", False)]
        for key in ("reaction", "application"):
            sheet = schema.sheet(key)
            heads = _headers(wb[sheet.en])
            assert heads[len(sheet.columns):] == [None] * template.PLACEHOLDERS
        counts = schema.APPLICATION_COUNTS
        assert _headers(wb[counts.en])[len(counts.columns):] == ["1", "2", "3", "4", "5"]

    @pytest.mark.parametrize("lang", LANGUAGES)
    def test_computed_columns_are_not_schema_columns(self, lang: str,
                                                     books: dict[tuple[str, bool], Any]) -> None:
        """The grey helper columns after Costs and Rates hold a formula per data row and
        match no column of their sheet, so the reader ignores them."""
        wb = books[(lang, False)]
        for key, helper in schema.COMPUTED_COLUMNS.items():
            sheet = schema.sheet(key)
            ws = wb[sheet.name(lang)]
            c = len(sheet.columns) + 1
            assert ws.cell(HEADER, c).value == helper.name(lang)
            assert schema.match_column(sheet, helper.name(lang)) is None
            assert str(ws.cell(FIRST, c).value).startswith("=IF(")
            assert str(ws.cell(LAST, c).value).startswith("=IF(")

    @pytest.mark.parametrize("lang", LANGUAGES)
    def test_instructions_cover_the_essentials(self, lang: str,
                                               books: dict[tuple[str, bool], Any]) -> None:
        """Instructions name the five levels, every sheet, how to type percentages, and the
        report file and command."""
        ws = books[(lang, False)][schema.INSTRUCTIONS.name(lang)]
        text = "\n".join(str(c.value) for c in ws["A"] if c.value)
        for key in ("reaction", "learning", "application", "impact"):
            assert schema.sheet(key).name(lang) in text
        assert "ROI" in text and "25%" in text and "100%" in text
        assert "_report.xlsx" in text and "roti-excel run" in text
        for sheet in schema.SHEETS:
            assert sheet.name(lang) in text


class TestValidation:
    @pytest.mark.parametrize("lang", LANGUAGES)
    def test_every_column_validated_on_1000_rows(self, lang: str,
                                                 books: dict[tuple[str, bool], Any]) -> None:
        """Each data-sheet column has one validation covering rows 4..1003, with an input
        message that repeats the column's help."""
        wb = books[(lang, False)]
        for _sheet, col, _ws, letter, dv in _column_validations(wb, lang):
            assert str(dv.sqref) == f"{letter}{FIRST}:{letter}{LAST}"
            assert LAST - FIRST + 1 >= 1000
            assert dv.showInputMessage and col.help(lang) in dv.prompt
            assert dv.promptTitle == col.name(lang)[:32]

    @pytest.mark.parametrize("lang", LANGUAGES)
    def test_rule_follows_kind(self, lang: str, books: dict[tuple[str, bool], Any]) -> None:
        """Choice -> drop-down of the language's entries; fraction -> decimal 0..1 with a %
        format; >= 0, > 0, any number and date rules; text -> input message only."""
        wb = books[(lang, False)]
        for sheet, col, ws, letter, dv in _column_validations(wb, lang):
            where = (sheet.key, col.key)
            if col.kind is Kind.CHOICE:
                assert dv.type == "list", where
                assert _list_entries(wb, dv) == choice_entries(col, lang), where
            elif col.kind is Kind.FRACTION:
                assert (dv.type, dv.operator or "between", dv.formula1, dv.formula2) == \
                    ("decimal", "between", "0", "1"), where
                assert ws.column_dimensions[letter].number_format.endswith("%"), where
            elif col.kind is Kind.NONNEGATIVE:
                assert (dv.type, dv.operator, dv.formula1) == \
                    ("decimal", "greaterThanOrEqual", "0"), where
            elif col.kind is Kind.POSITIVE:
                assert (dv.type, dv.operator, dv.formula1) == \
                    ("decimal", "greaterThan", "0"), where
            elif col.kind is Kind.NUMBER:
                assert (dv.type, dv.operator or "between") == ("decimal", "between"), where
            elif col.kind is Kind.DATE:
                assert dv.type == "date", where
            else:
                assert dv.type is None, where
            if dv.type is not None:
                assert dv.showErrorMessage and dv.error, where

    @pytest.mark.parametrize("lang", LANGUAGES)
    def test_cost_codes_list_reads_back_as_codes(self, lang: str,
                                                 books: dict[tuple[str, bool], Any]) -> None:
        """The Code drop-down offers `TM - name` entries from the Lists sheet, and the reader's
        match_choice turns each back into its code."""
        wb = books[(lang, False)]
        ws = wb[schema.COSTS.name(lang)]
        code = schema.COSTS.column("code")
        letter = ws.cell(HEADER, schema.COSTS.columns.index(code) + 1).column_letter
        dv = _validation_at(ws, f"{letter}{FIRST}")
        assert str(dv.formula1).startswith(f"{schema.LISTS.name(lang)}!")
        entries = _list_entries(wb, dv)
        assert entries[2] == f"TM - {schema.COST_CODES[2].label(lang)}"
        assert [_key(code.choices, e) for e in entries] == [c.key for c in schema.COST_CODES]

    def test_every_choice_entry_matches_its_choice(self) -> None:
        """Every drop-down entry of every choice column, in both languages, is read back by
        schema.match_choice as the choice it stands for."""
        columns = [c for s in schema.SHEETS for c in s.columns] + list(schema.PROGRAM_FIELDS)
        for col in (c for c in columns if c.kind is Kind.CHOICE):
            for lang in LANGUAGES:
                for choice, entry in zip(col.choices, choice_entries(col, lang), strict=True):
                    assert schema.match_choice(col.choices, entry) is choice, (col.key, entry)

    @pytest.mark.parametrize("lang", LANGUAGES)
    def test_program_values_validated_per_field(self, lang: str,
                                                books: dict[tuple[str, bool], Any]) -> None:
        """Program's Value cells carry their field's rule: Language and Outlier rule lists,
        ROI objective 0..100 %, dates, Benefit horizon > 0."""
        wb = books[(lang, False)]
        ws = wb[schema.PROGRAM.name(lang)]
        for r, spec in enumerate(schema.PROGRAM_FIELDS, FIRST):
            dv = _validation_at(ws, f"B{r}")
            assert dv.showInputMessage and spec.help(lang) in dv.prompt
            expected = {Kind.CHOICE: "list", Kind.FRACTION: "decimal", Kind.DATE: "date",
                        Kind.POSITIVE: "decimal"}.get(spec.kind)
            assert dv.type == expected, spec.key
            if spec.kind is Kind.CHOICE:
                assert _list_entries(wb, dv) == choice_entries(spec, lang)
            if spec.kind is Kind.FRACTION:
                assert (dv.formula1, dv.formula2) == ("0", "1")


class TestExample:
    @pytest.mark.parametrize("lang", LANGUAGES)
    def test_row_counts_match_example_case(self, lang: str,
                                           books: dict[tuple[str, bool], Any]) -> None:
        """Each example sheet has as many data rows as example_case has for it."""
        wb = books[(lang, True)]
        for name, rows in example_case.SHEETS.items():
            sheet = schema.match_sheet(name)
            assert sheet is not None
            ws = wb[sheet.name(lang)]
            filled = [r for r in ws.iter_rows(min_row=FIRST, max_col=len(sheet.columns),
                                              values_only=True) if any(v is not None for v in r)]
            assert len(filled) == len(rows), name

    @pytest.mark.parametrize("lang", LANGUAGES)
    def test_values_in_the_language(self, lang: str, books: dict[tuple[str, bool], Any]) -> None:
        """Choices are the language's drop-down entries, dates are dates, question codes are
        the real ones, and Program holds the thesis' values."""
        wb = books[(lang, True)]
        costs = wb[schema.COSTS.name(lang)]
        assert costs.cell(FIRST, 2).value == f"TM - {schema.COST_CODES[2].label(lang)}"
        measures = wb[schema.MEASURES.name(lang)]
        better = schema.MEASURES.columns.index(schema.MEASURES.column("better_when")) + 1
        assert measures.cell(FIRST, better).value == schema.BETTER_WHEN[0].label(lang)
        reaction = wb[schema.REACTION.name(lang)]
        codes = _headers(reaction)[len(schema.REACTION.columns):]
        assert codes == ["P1", "P2", "P3", "P4", "P5", "T1", "T2", "T3", "T4"]
        assert reaction.cell(FIRST, 4).value == dt.datetime(2010, 6, 14)
        program = wb[schema.PROGRAM.name(lang)]
        name = example_case.PROGRAM[0][1]
        assert program.cell(FIRST, 2).value == (in_indonesian(name) if lang == "id" else name)
        assert program.cell(FIRST + 3, 2).value == lang
        if lang == "id":  # the Indonesian example is written in Indonesian
            assert program.cell(FIRST, 2).value.startswith("Pelatihan operator mesin")
            assert wb["Ukuran"].cell(FIRST, 2).value == "Waktu kerja mesin"

    def test_computed_total_cost_cached(self, generated: dict[tuple[str, bool], Path]) -> None:
        """The Costs helper column carries computed values: they add up to the thesis' TR of
        215,593,000."""
        ws = openpyxl.load_workbook(generated[("en", True)], data_only=True)["Costs"]
        c = len(schema.COSTS.columns) + 1
        values = [ws.cell(r, c).value for r in range(FIRST, LAST + 1)]
        assert sum(v for v in values if isinstance(v, float)) == pytest.approx(215_593_000)


# -- round trip through the reader -------------------------------------------------------------


def _columns(ws: Worksheet) -> dict[str, int]:
    return {str(c.value): c.column for c in ws[HEADER] if c.value is not None}


def _fill(path: Path, lang: str) -> None:
    """Fill a blank template as a person would: by the header names they see, with the
    drop-down entries, percentages as percentages, question codes typed into the empty
    header cells."""
    wb = openpyxl.load_workbook(path)

    def name(key: str) -> str:
        return schema.sheet(key).name(lang)

    def col(key: str, column: str) -> str:
        return schema.sheet(key).column(column).name(lang)

    def put(key: str, rows: list[dict[str, Any]]) -> None:
        ws = wb[name(key)]
        where = _columns(ws)
        for r, row in enumerate(rows, FIRST):
            for header, value in row.items():
                ws.cell(r, where[header], value)

    program = wb[name("program")]
    program.cell(FIRST, 2, "Forklift safety")
    code = schema.COSTS.column("code")
    tm, trainer = (choice_entries(code, lang)[i] for i in (2, 6))
    put("costs", [
        {col("costs", "code"): tm, col("costs", "unit_cost"): 100_000,
         col("costs", "quantity"): 20},
        {col("costs", "code"): trainer, col("costs", "unit_cost"): 4_000_000,
         col("costs", "proration"): 0.5},
    ])
    better = schema.MEASURES.column("better_when")
    isolation = schema.MEASURES.column("isolation")
    put("measures", [{
        col("measures", "measure"): "Scrap", col("measures", "unit"): "kg",
        col("measures", "better_when"): choice_entries(better, lang)[0],
        col("measures", "value_per_unit"): 10_000,
        col("measures", "isolation"): choice_entries(isolation, lang)[3],
        col("measures", "contribution"): 0.5, col("measures", "confidence"): 0.8,
    }])
    put("impact", [{col("impact", "measure"): "Scrap", col("impact", "before"): 1000,
                    col("impact", "after"): 800}])
    level = schema.QUESTIONS.column("level")
    dim = schema.QUESTIONS.column("dimension")
    put("questions", [{col("questions", "code"): "Q1", col("questions", "level"):
                       choice_entries(level, lang)[0], col("questions", "dimension"):
                       choice_entries(dim, lang)[0]}])
    reaction = wb[name("reaction")]
    first_code = len(schema.REACTION.columns) + 1
    reaction.cell(HEADER, first_code, "Q1")
    reaction.cell(FIRST, first_code, 4)
    reaction.cell(FIRST + 1, first_code, 5)
    wb.save(path)


class TestRoundTrip:
    @pytest.mark.parametrize("lang", LANGUAGES)
    def test_filled_blank_template_reads_without_errors(self, lang: str, tmp_path: Path) -> None:
        """A blank template filled by header names reads back with no error, and its numbers
        come out as entered: costs 2,000,000 + 2,000,000; benefit (1000 - 800) x 10,000 x
        50 % x 80 % over 12 monthly pairs of one."""
        from roti_excel import evaluate, load

        path = write_template(tmp_path / "filled.xlsx", lang)
        _fill(path, lang)
        loaded = load(path)
        errors = [i.format() for i in loaded.issues if i.severity == "error"]
        assert errors == []
        assert loaded.evaluation is not None
        results = evaluate(loaded.evaluation)
        assert results.total.costs == pytest.approx(4_000_000)
        assert results.total.benefits == pytest.approx(200 * 10_000 * 0.5 * 0.8)

    @pytest.mark.parametrize("lang", LANGUAGES)
    def test_example_reproduces_the_thesis(self, lang: str) -> None:
        """The checked-in example reads without errors and gives the thesis' totals:
        benefits 346,324,197.92, costs 215,593,000, ROI 60.64 %."""
        from roti_excel import evaluate, load

        loaded = load(bundled_template(lang, example=True))
        assert [i.format() for i in loaded.issues if i.severity == "error"] == []
        assert loaded.evaluation is not None
        total = evaluate(loaded.evaluation).total
        assert total.benefits == pytest.approx(346_324_197.92, abs=0.01)
        assert total.costs == pytest.approx(215_593_000)
        assert total.roi_pct == pytest.approx(60.6380, abs=5e-5)


class TestNoSelfWarnings:
    @pytest.mark.parametrize("name", ["roti_template_en.xlsx", "roti_template_id.xlsx",
                                      "roti_example_en.xlsx", "roti_example_id.xlsx"])
    def test_bundled_workbooks_warn_about_nothing_of_their_own(self, name: str) -> None:
        """The helper columns carry computed values (0, shown blank, on empty lines), so
        `demo` and a fresh template show no warning about the product's own formulas."""
        loaded = load(resource_dir("input_templates") / name)
        assert not [i for i in loaded.issues if "no stored value" in i.message]


def test_every_example_sentence_has_its_indonesian() -> None:
    """The Indonesian example is Indonesian: every free text of the thesis case (names of
    people, units and machines aside) has its translation."""
    from roti_excel.input_template.thesis_case_id import INDONESIAN

    worded = {"description", "question", "labels", "unit", "value_source", "notes", "benefit",
              "evidence", "direction"}
    missing = []
    for sheet_name, rows in example_case.SHEETS.items():
        sheet = schema.match_sheet(sheet_name)
        assert sheet is not None
        for row in rows:
            for header, value in row.items():
                col = schema.match_column(sheet, header)
                if col is not None and col.key in worded and isinstance(value, str) \
                        and value not in INDONESIAN:
                    missing.append((sheet_name, header, value))
    assert not missing, missing[:5]
