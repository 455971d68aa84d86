"""The thesis case of :mod:`roti_excel.input_template.thesis_case`, mapped onto the schema in
a language: English names matched to schema columns, choices turned into the language's drop-down
entries, ISO date strings into dates."""

from __future__ import annotations

import datetime as dt
from typing import Any

from roti_excel import schema
from roti_excel.input_template import thesis_case as example_case
from roti_excel.input_template.text import choice_entry
from roti_excel.input_template.thesis_case_id import in_indonesian
from roti_excel.schema import Column, Kind, Sheet

Row = dict[str, Any]


def convert(col: Column, value: Any, lang: str) -> Any:
    """One example value as a person would have entered it in the `lang` workbook."""
    if col.kind is Kind.CHOICE:
        found = schema.match_choice(col.choices, value)
        if found is None:
            raise ValueError(f"example value {value!r} is not a choice of {col.en}")
        return choice_entry(found, col.choices, lang)
    if col.kind is Kind.DATE and isinstance(value, str):
        return dt.date.fromisoformat(value)
    return in_indonesian(value) if lang == "id" else value


def program(lang: str) -> dict[str, Any]:
    """Program field key -> value. Language is the workbook's own, so the Indonesian
    example gives an Indonesian report."""
    out: dict[str, Any] = {}
    for name, value in example_case.PROGRAM:
        spec = next((f for f in schema.PROGRAM_FIELDS
                     if any(schema.normalise(s) == schema.normalise(name) for s in f.spellings())),
                    None)
        if spec is None:
            raise ValueError(f"example Program field {name!r} is not in the schema")
        if spec.key == "language":
            value = lang
        out[spec.key] = convert(spec, value, lang)
    return out


def rows(sheet: Sheet, lang: str) -> tuple[list[str], list[Row]]:
    """The open-column headers (question codes, scale points) in order of first use, and
    the rows keyed by schema column key or open header."""
    source = next((v for k, v in example_case.SHEETS.items() if schema.match_sheet(k) is sheet), [])
    extra: list[str] = []
    out: list[Row] = []
    for raw in source:
        row: Row = {}
        for header, value in raw.items():
            col = schema.match_column(sheet, header)
            if col is not None:
                row[col.key] = convert(col, value, lang)
            elif sheet.open_columns:
                if header not in extra:
                    extra.append(header)
                row[header] = value
            else:
                raise ValueError(f"example column {header!r} is not a column of {sheet.en}")
        out.append(row)
    return extra, out


def check_sheets() -> None:
    """Every example sheet name is a schema sheet."""
    for name in example_case.SHEETS:
        if schema.match_sheet(name) is None:
            raise ValueError(f"example sheet {name!r} is not in the schema")
