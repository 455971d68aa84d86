"""Raw tables -> :class:`~roti_excel.model.Evaluation`, gathering every problem on the way.

Cell-level checks (types, ranges, allowed values) happen in :mod:`convert`; this module
adds the row- and workbook-level rules: required sheets and fields, references that must
resolve, exactly one of two columns, and so on. It never stops at the first problem.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from roti_excel import model, schema
from roti_excel.issues import Issue, error, parse_a1, warning
from roti_excel.reading.cell_values import CellAt, Converter
from roti_excel.reading.raw_tables import Cell, RawRow, RawTable, RawWorkbook
from roti_excel.schema import normalise

Values = dict[str, Any]


class Parser:
    def __init__(self, book: RawWorkbook) -> None:
        self.book = book
        self.issues: list[Issue] = list(book.issues)
        self.group_names: dict[str, str] = {}  # normalised -> as written in Groups
        self.groups_declared = "groups" in book.tables

    # -- helpers -------------------------------------------------------------------
    def table(self, key: str) -> RawTable | None:
        return self.book.tables.get(key)

    def columns(self, table: RawTable) -> dict[str, list[Any]]:
        """Every schema column of the sheet converted, one list per column (a column the
        sheet lacks reads as its default). For the sheets that can be large."""
        conv = Converter(table.name, self.issues)
        first = len(self.issues)
        out = {c.key: conv.column(c, table, table.columns[c.key]) if c.key in table.columns
               else [_absent_value(c)] * len(table.rows) for c in table.sheet.columns}
        # converted column by column, reported row by row as a person reads the sheet
        self.issues[first:] = sorted(self.issues[first:], key=_reading_order)
        return out

    def rows(self, key: str) -> Iterator[tuple[RawTable, RawRow, Values, Converter]]:
        """Row by row, each as {column key: value}: for the small sheets."""
        table = self.table(key)
        if table is None:
            return
        columns = self.columns(table)
        conv = Converter(table.name, self.issues)
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

    def group(self, table: RawTable, row: RawRow, name: str) -> str | None:
        """The group a row belongs to; unknown names are an error when Groups is filled."""
        if not name:
            return None
        known = self.group_names.get(normalise(name))
        if known is not None:
            return known
        if self.groups_declared:
            listed = ", ".join(self.group_names.values()) or "none"
            self.issues.append(error(
                f"Group '{name}' is not listed in the Groups sheet (listed: {listed}); "
                "add it there or correct the name", table.name, self.ref(table, row, "group")))
            return name
        self.group_names[normalise(name)] = name
        return name

    # -- sheets ----------------------------------------------------------------------
    def program(self) -> model.Program:
        table = self.table("program")
        found: dict[str, Any] = {}
        if table is not None:
            conv = Converter(table.name, self.issues)
            value_col = schema.PROGRAM.column("value")
            for row in table.rows:
                field_cell = row.get("field")
                if field_cell is None or field_cell.blank:
                    continue
                spec = next((f for f in schema.PROGRAM_FIELDS
                             if any(normalise(n) == normalise(field_cell.value)
                                    for n in f.spellings())), None)
                if spec is None:
                    self.issues.append(warning(
                        f"unknown field '{field_cell.value}' is ignored; known fields: "
                        + ", ".join(f.en for f in schema.PROGRAM_FIELDS),
                        table.name, field_cell.ref))
                    continue
                cell = row.get("value") or Cell(None, field_cell.ref)
                # the field's own rules apply to the Value cell, under the field's name
                typed = schema.Column(spec.key, spec.en, spec.id, spec.kind, False, spec.default,
                                      spec.choices, example=spec.example or value_col.example)
                found[spec.key] = (conv.value(typed, CellAt(cell)), cell.ref)
        name = found.get("program_name", ("", ""))[0]
        if not name and table is not None:  # a missing sheet is reported as such
            where = table.name if table else schema.PROGRAM.en
            ref = str(found.get("program_name", ("", "B2"))[1] or "B2")
            self.issues.append(error("Program name is empty; enter the training program's name,"
                                     " e.g. Protos 70 operator training", where, ref))
        kw: dict[str, Any] = {}
        for spec in schema.PROGRAM_FIELDS:
            value = found.get(spec.key, (None, ""))[0]
            if value in (None, "") and spec.default is not None:
                value = spec.default
            kw[spec.key] = value
        bands = self.category_bands(kw.pop("category_bands") or "", table, found)
        horizon = kw.pop("benefit_horizon")
        return model.Program(
            name=kw["program_name"] or "", organization=kw["organization"] or "",
            currency=(kw["currency"] or "IDR").upper(), language=kw["language"] or "en",
            roi_objective=float(kw["roi_objective"]), horizon_months=float(horizon),
            evaluation_start=kw["evaluation_start"], evaluation_end=kw["evaluation_end"],
            prepared_by=kw["prepared_by"] or "", outlier_rule=kw["outlier_rule"] or "flag",
            category_bands=bands)

    def category_bands(self, text: str, table: RawTable | None,
                       found: dict[str, Any]) -> tuple[tuple[float, str], ...]:
        bands: list[tuple[float, str]] = []
        for part in filter(None, (p.strip() for p in text.split(";"))):
            match = re.match(r"^([0-9]+(?:[.,][0-9]+)?)\s+(.+)$", part)
            if not match:
                self.issues.append(error(
                    f"Category bands item '{part}' is not 'number label'; enter e.g. "
                    "'2.5 Poor; 3.25 Fair; 4 Good'", table.name if table else "Program",
                    found.get("category_bands", ("", ""))[1]))
                continue
            bands.append((float(match.group(1).replace(",", ".")), match.group(2).strip()))
        return tuple(sorted(bands))

    def groups(self) -> tuple[model.Group, ...]:
        out: list[model.Group] = []
        for table, row, v, _ in self.rows("groups"):
            name = v["group"]
            if not name:
                continue
            if normalise(name) in self.group_names:
                self.issues.append(error(f"Group '{name}' is listed twice; keep one row",
                                         table.name, self.ref(table, row, "group")))
                continue
            self.group_names[normalise(name)] = name
            out.append(model.Group(name, v["participants"], v["surveys_sent"], v["description"]))
        return tuple(out)

    def costs(self) -> tuple[model.CostLine, ...]:
        out: list[model.CostLine] = []
        for table, row, v, _ in self.rows("costs"):
            if v["code"] is None or v["unit_cost"] is None:
                continue
            out.append(model.CostLine(
                v["code"], v["unit_cost"], _or(v["quantity"], 1.0), _or(v["duration"], 1.0),
                _or(v["proration"], 1.0), self.group(table, row, v["group"]), v["description"],
                self.origin(table, row)))
        return tuple(out)

    def questions(self) -> tuple[model.Question, ...]:
        out: list[model.Question] = []
        seen: set[str] = set()
        for table, row, v, _ in self.rows("questions"):
            code, level, dim = v["code"], v["level"], v["dimension"]
            if not code or level is None or dim is None:
                continue
            where = self.ref(table, row, "code")
            if normalise(code) in seen:
                self.issues.append(error(f"question code '{code}' is used twice; codes must "
                                         "be unique", table.name, where))
                continue
            seen.add(normalise(code))
            allowed = schema.REACTION_DIMENSIONS if level == "1" else schema.APPLICATION_DIMENSIONS
            if dim not in {c.key for c in allowed}:
                self.issues.append(error(
                    f"Dimension '{dim}' does not belong to level {level}; enter one of: "
                    f"{schema.choice_list(allowed, 'en')}", table.name,
                    self.ref(table, row, "dimension")))
                continue
            lo, hi = _or(v["scale_min"], 1.0), _or(v["scale_max"], 5.0)
            if lo >= hi:
                self.issues.append(error(f"Scale min {lo:g} is not below Scale max {hi:g}; "
                                         "enter e.g. 1 and 5", table.name,
                                         self.ref(table, row, "scale_max")))
                continue
            labels = tuple(x.strip() for x in (v["labels"] or "").split(";") if x.strip())
            points = hi - lo + 1
            if labels and float(len(labels)) != points:
                self.issues.append(warning(
                    f"Labels give {len(labels)} names for a {lo:g}-{hi:g} scale ({points:g} "
                    "points); the labels are not used", table.name, self.ref(table, row, "labels")))
                labels = ()
            out.append(model.Question(code, int(level), dim, v["question"], lo, hi, labels))
        return tuple(out)


def _reading_order(issue: Issue) -> tuple[int, int]:
    return parse_a1(issue.cell) if issue.cell else (0, 0)


def _absent_value(col: schema.Column) -> Any:
    """What a column the sheet does not have reads as: its default, or blank."""
    if col.kind in (schema.Kind.TEXT, schema.Kind.PERIOD):
        return "" if col.default is None else str(col.default)
    if col.kind in (schema.Kind.CHOICE, schema.Kind.DATE) or col.default is None:
        return col.default
    return float(col.default)


def _or(value: float | None, default: float) -> float:
    return default if value is None else value
