"""Helpers for the corpus of user mistakes (tests/test_mistakes_corpus.py): a copy of a
bundled example workbook edited cell by cell with openpyxl, as someone typing in Excel
would, and checks of what the product then says (verdict, place, language, ROI).

Sheets and columns are found the way the product finds them: a tab by its English or
Indonesian name, a column by the header row's text, never by a hard-coded letter."""

from __future__ import annotations

import functools
import pickle
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from roti_excel import load, schema
from roti_excel.api import Loaded
from roti_excel.issues import Issue
from roti_excel.messages import Text
from roti_excel.messages.catalogue import CATALOGUE
from roti_excel.resources import resource_dir

LANGS = ("en", "id")
HEADER_SEARCH_ROWS = 30


@functools.lru_cache(maxsize=4)
def _parsed(path: Path, mtime_ns: int) -> bytes:
    """The workbook as openpyxl opens it, pickled; `mtime_ns` renews it if the file changes."""
    return pickle.dumps(load_workbook(path))


def _opened(path: Path) -> Workbook:
    """The workbook at `path` as `load_workbook` opens it, but from one parse per file:
    unpickling is three times as fast as parsing again, and the corpus opens the example
    a hundred times. openpyxl's row and column dimension holders lose their factory in a
    pickle (a BoundDictionary); it is put back. A workbook opened so saves to the same
    bytes as one loaded from the file."""
    wb: Workbook = pickle.loads(_parsed(path, path.stat().st_mtime_ns))
    for ws in wb.worksheets:
        ws.row_dimensions.default_factory = ws._add_row
        ws.column_dimensions.default_factory = ws._add_column
    return wb


def example_path(lang: str) -> Path:
    path = resource_dir("input_templates") / f"roti_example_{lang}.xlsx"
    assert path.is_file(), path
    return path


@dataclass
class Book:
    """A copy of the bundled example in `lang`, open for editing."""

    lang: str
    path: Path
    wb: Workbook
    _headers: dict[tuple[str, str, int, int], tuple[int, dict[str, str]]] = field(
        default_factory=dict, repr=False)

    @classmethod
    def example(cls, tmp_path: Path, lang: str, name: str = "pelatihan") -> Book:
        """A copy of the example in tmp_path, opened for editing (saved over the copy)."""
        path = tmp_path / f"{name}_{lang}.xlsx"
        shutil.copy(example_path(lang), path)
        return cls(lang, path, _opened(example_path(lang)))

    def words(self, en: str, id_: str) -> str:
        """What this user types or reads: `en` in the English workbook, `id_` in the
        Indonesian one."""
        return id_ if self.lang == "id" else en

    # -- finding things -----------------------------------------------------------------
    def tab(self, key: str) -> str:
        """The workbook's own tab name of the schema sheet `key` ("Biaya" for costs)."""
        for name in self.wb.sheetnames:
            found = schema.match_sheet(name)
            if found is not None and found.key == key:
                return name
        raise KeyError(f"no {key} sheet in {self.wb.sheetnames}")

    def ws(self, key: str) -> Worksheet:
        return self.wb[self.tab(key)]

    def header_row(self, key: str) -> int:
        """The row naming the most known columns of the sheet, within the first 30."""
        return self._header(key)[0]

    def _header(self, key: str) -> tuple[int, dict[str, str]]:
        """The header row and its columns (schema key or header text -> letter), kept
        until the sheet grows or shrinks (a row inserted above moves the header)."""
        ws = self.ws(key)
        stamp = (key, ws.title, ws.max_row, ws.max_column)
        if stamp not in self._headers:
            self._headers[stamp] = self._find_header(key, ws)
        return self._headers[stamp]

    @staticmethod
    def _find_header(key: str, ws: Worksheet) -> tuple[int, dict[str, str]]:
        sheet = schema.sheet(key)
        best, best_row = 0, 0
        for r in range(1, min(ws.max_row, HEADER_SEARCH_ROWS) + 1):
            n = sum(1 for c in ws[r] if c.value is not None
                    and schema.match_column(sheet, c.value) is not None)
            if n > best:
                best, best_row = n, r
        assert best_row, f"no header row on {key}"
        letters: dict[str, str] = {}
        for c in ws[best_row]:
            if c.value is None:
                continue
            found = schema.match_column(sheet, c.value)
            name = found.key if found is not None else schema.normalise(c.value)
            letters.setdefault(name, str(c.column_letter))
        return best_row, letters

    def col(self, key: str, column: str) -> str:
        """The letter of a column, by its schema key ("unit_cost") or, for the question
        codes and scale points of open sheets, by its header text ("P1")."""
        letters = self._header(key)[1]
        found = letters.get(column) or letters.get(schema.normalise(column))
        if found is None:
            raise KeyError(f"no column {column!r} on {key}")
        return found

    def col_name(self, key: str, column: str) -> str:
        """A column's name in the workbook's language, as the messages show it."""
        return schema.sheet(key).column(column).name(self.lang)

    def data_rows(self, key: str) -> list[int]:
        """The rows under the header with a value in a column the product reads (the
        grey computed columns hold formulas on empty rows too)."""
        sheet, ws = schema.sheet(key), self.ws(key)
        header = self.header_row(key)
        helper = schema.COMPUTED_COLUMNS.get(key)
        read: list[int] = []
        for c in ws[header]:
            if c.value is None:
                continue
            if helper is not None and schema.normalise(c.value) in (
                    schema.normalise(helper.en), schema.normalise(helper.id)):
                continue
            if schema.match_column(sheet, c.value) is not None or sheet.open_columns:
                read.append(c.column)
        return [r for r in range(header + 1, ws.max_row + 1)
                if any(ws.cell(r, c).value not in (None, "") for c in read)]

    def last_row(self, key: str) -> int:
        return self.data_rows(key)[-1]

    def row_where(self, key: str, column: str, value: Any) -> int:
        letter = self.col(key, column)
        ws = self.ws(key)
        for r in self.data_rows(key):
            cell = ws[f"{letter}{r}"].value
            if cell == value or (isinstance(cell, str) and isinstance(value, str)
                                 and schema.normalise(cell) == schema.normalise(value)):
                return r
        raise KeyError(f"no {column} = {value!r} on {key}")

    def field_row(self, field: str) -> int:
        """The Program row of a field, by its key ("evaluation_start")."""
        wanted = {schema.normalise(n) for n in self._field(field).spellings()}
        ws = self.ws("program")
        letter = self.col("program", "field")
        for r in range(self.header_row("program") + 1, ws.max_row + 1):
            if schema.normalise(ws[f"{letter}{r}"].value or "") in wanted:
                return r
        raise KeyError(field)

    @staticmethod
    def _field(key: str) -> schema.Column:
        for f in schema.PROGRAM_FIELDS:
            if f.key == key:
                return f
        raise KeyError(key)

    def field_cell(self, field: str) -> str:
        return f"{self.col('program', 'value')}{self.field_row(field)}"

    # -- typing -------------------------------------------------------------------------
    def cell(self, key: str, column: str, row: int) -> str:
        return f"{self.col(key, column)}{row}"

    def get(self, key: str, column: str, row: int) -> Any:
        return self.ws(key)[self.cell(key, column, row)].value

    def put(self, key: str, column: str, row: int, value: Any) -> str:
        """Type `value` into a cell; returns its A1 reference."""
        ref = self.cell(key, column, row)
        self.ws(key)[ref].value = value
        return ref

    def put_field(self, field: str, value: Any) -> str:
        ref = self.field_cell(field)
        self.ws("program")[ref].value = value
        return ref

    def add_row(self, key: str, values: dict[str, Any]) -> int:
        """Type a new row under the last data row; returns its number."""
        row = self.last_row(key) + 1
        for column, value in values.items():
            self.put(key, column, row, value)
        return row

    def copy_row(self, key: str, source: int, target: int) -> None:
        ws = self.ws(key)
        for c in range(1, ws.max_column + 1):
            ws.cell(target, c).value = ws.cell(source, c).value

    def delete_sheet(self, key: str) -> None:
        del self.wb[self.tab(key)]

    def save(self, path: Path | None = None) -> Path:
        target = path or self.path
        self.wb.save(target)
        return target


def load_book(book: Book, path: Path | None = None) -> Loaded:
    return load(book.save(path))


# -- what the product said --------------------------------------------------------------

def issue_key(issue: Issue) -> str:
    """An issue's catalogue key; for a problem repeated down a column (grouped into one
    "repeated" message), the key of the message it repeats."""
    if issue.key == "repeated" and issue.text is not None:
        inner = dict(issue.text.params).get("message")
        return str(getattr(inner, "key", issue.key))
    return issue.key


_PLACEHOLDER = re.compile(r"\{[^}]*\}")


def _texts(text: Text) -> Iterator[Text]:
    """A message and the messages inside it (the one a "repeated" summary repeats, the
    "a number" and "such as 4" of "Answer to P3 is 'mantap'; enter a number such as 4")."""
    yield text
    for _, value in text.params:
        for inner in value if isinstance(value, list | tuple) else (value,):
            if isinstance(inner, Text):
                yield from _texts(inner)


def english_fragments(issue: Issue) -> list[str]:
    """The longest literal stretch of the English wording of the issue's message and of
    each message inside it: what an Indonesian user must never see. Stretches too short
    to tell, or found in the Indonesian wording too, are left out."""
    out = []
    for text in _texts(issue.text) if issue.text is not None else ():
        english, indonesian = CATALOGUE[text.key]
        pieces = [p.strip(" ;:,.()'") for p in _PLACEHOLDER.split(english)]
        fragment = max(pieces, key=len)
        if len(fragment) >= 4 and fragment not in indonesian:
            out.append(fragment)
    return out
