"""What every sheet reader shares: the raw tables, the issues gathered so far, the groups
known, and each sheet's rows as converted values.

Cell-level checks (types, ranges, allowed values) happen in :mod:`cell_values`; the modules
of :mod:`roti_excel.reading.sheets` add the row- and sheet-level rules, and
:mod:`roti_excel.reading.evaluation` the workbook-level ones. None stops at the first
problem.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from roti_excel import model, schema
from roti_excel.a1 import parse_a1
from roti_excel.issues import Issue, error
from roti_excel.messages import msg
from roti_excel.reading.cell_values import Converter
from roti_excel.reading.raw_tables import RawRow, RawTable, RawWorkbook
from roti_excel.schema import normalise

Values = dict[str, Any]


class Parser:
    def __init__(self, book: RawWorkbook) -> None:
        self.book = book
        self.issues: list[Issue] = list(book.issues)
        self.group_names: dict[str, str] = {}  # normalised -> as written in Groups
        # names on rows refused for a bad cell (already reported): rows naming them are not
        # reported again as naming an unknown measure or rate
        self.refused_names: set[str] = set()
        # the workbook's language once known (set after the Program sheet): how a number
        # typed as text with one separator reads
        self.language: str | None = None
        self.groups_declared = "groups" in book.tables

    # -- helpers -------------------------------------------------------------------
    def table(self, key: str) -> RawTable | None:
        return self.book.tables.get(key)

    def columns(self, table: RawTable) -> dict[str, list[Any]]:
        """Every schema column of the sheet converted, one list per column (a column the
        sheet lacks reads as its default). For the sheets that can be large."""
        conv = Converter(table.name, self.issues, self.language)
        first = len(self.issues)
        out = {c.key: conv.column(c, table, table.columns[c.key]) if c.key in table.columns
               else [absent_value(c)] * len(table.rows) for c in table.sheet.columns}
        # converted column by column, reported row by row as a person reads the sheet
        self.issues[first:] = sorted(self.issues[first:], key=reading_order)
        return out

    def rows(self, key: str) -> Iterator[tuple[RawTable, RawRow, Values, Converter]]:
        """Row by row, each as {column key: value}: for the small sheets."""
        table = self.table(key)
        if table is None:
            return
        columns = self.columns(table)
        conv = Converter(table.name, self.issues, self.language)
        for i, row in enumerate(table.rows):
            yield table, row, {k: col[i] for k, col in columns.items()}, conv

    def origins(self, table: RawTable) -> list[model.Origin]:
        return [model.Origin(table.name, row.number) for row in table.rows]

    def groups_of(self, table: RawTable, names: list[str]) -> list[str | None]:
        """Each row's group (see :meth:`group`). Each distinct name is checked once, so an
        unknown name is reported at its first cell, not on every one of 100,000 rows."""
        known: dict[str, str | None] = {}
        out: list[str | None] = []
        for row, name in zip(table.rows, names, strict=True):
            if name not in known:
                known[name] = self.group(table, row, name)
            out.append(known[name])
        return out

    def origin(self, table: RawTable, row: RawRow) -> model.Origin:
        return model.Origin(table.name, row.number)

    def ref(self, table: RawTable, row: RawRow, key: str) -> str:
        return row.ref(key) if key in table.columns else f"A{row.number}"

    def cell_of(self, origin: model.Origin, key: str) -> str:
        """The cell of column `key` on the row `origin` names (column A when the sheet has
        no such column): for a check made after the row was read."""
        table = next((t for t in self.book.tables.values() if t.name == origin.sheet), None)
        col = table.columns.get(key) if table is not None else None
        if table is None or col is None:
            return origin.cell("A")
        return origin.cell(table.letters(col))

    def group(self, table: RawTable, row: RawRow, name: str) -> str | None:
        """The group a row belongs to; unknown names are an error when Groups is filled."""
        if not name:
            return None
        known = self.group_names.get(normalise(name))
        if known is not None:
            return known
        if self.groups_declared:
            listed: object = ", ".join(self.group_names.values()) or msg("none_listed")
            self.issues.append(error(msg("group_unknown", name=name, listed=listed),
                                     table.name, self.ref(table, row, "group")))
            return name
        self.group_names[normalise(name)] = name
        return name


def reading_order(issue: Issue) -> tuple[int, int]:
    return (parse_a1(issue.cell) if issue.cell else None) or (0, 0)


def absent_value(col: schema.Column) -> Any:
    """What a column the sheet does not have reads as: its default, or blank."""
    if col.kind in (schema.Kind.TEXT, schema.Kind.PERIOD):
        return "" if col.default is None else str(col.default)
    if col.kind in (schema.Kind.CHOICE, schema.Kind.DATE) or col.default is None:
        return col.default
    return float(col.default)


def or_default(value: float | None, default: float) -> float:
    return default if value is None else value
