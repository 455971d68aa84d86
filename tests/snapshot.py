"""A report workbook and a JSON summary as plain data that can be compared exactly: per
sheet its name, every cell's formula or value and its cached value, and its charts' kinds.

Used by tests/test_unchanged.py (the goldens in tests/golden/ were taken before the package
was restructured; behaviour must not move) and by tests/golden/regenerate.py."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from pathlib import Path
from typing import Any

import openpyxl

from roti_excel.domain import LANGUAGES
from roti_excel.narrative.numbers import format_date

# The report's own generation date is the only thing that changes from day to day.
TODAY = "<generated>"
LONG_TEXT = 300


def _plain(value: Any, today: tuple[str, ...]) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, str):
        for spelling in today:
            value = value.replace(spelling, TODAY)
        if len(value) > LONG_TEXT:  # long texts compared by digest, to keep goldens small
            return f"<{len(value)} chars, sha256 {hashlib.sha256(value.encode()).hexdigest()}>"
        return value
    return value


def dump_report(path: Path) -> dict[str, Any]:
    """Sheet names, cells (formula or value, and the cached value) and chart kinds."""
    now = dt.date.today()
    # the generation date as the report writes it: ISO, and the long form of each language
    today = (now.isoformat(), *(format_date(now, lang) for lang in LANGUAGES))
    formulas = openpyxl.load_workbook(path)
    cached = openpyxl.load_workbook(path, data_only=True)
    sheets = []
    for ws in formulas.worksheets:
        values = cached[ws.title]
        cells = {}
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                shown = _plain(cell.value, today)
                stored = _plain(values[cell.coordinate].value, today)
                cells[cell.coordinate] = [shown] if shown == stored else [shown, stored]
        charts = [[type(c).__name__, getattr(c, "type", None), getattr(c, "grouping", None)]
                  for c in ws._charts]
        sheets.append({"name": ws.title, "cells": cells, "charts": charts})
    return {"sheets": sheets}


def normalise_messages(messages: list[str], source: Path) -> list[str]:
    """Messages with the input's own path replaced, so a case compares across folders."""
    return [re.sub(re.escape(str(source)), "<input>", m) for m in messages]


def canonical(data: Any) -> str:
    return json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
