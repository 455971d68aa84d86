"""The Program sheet (field / value pairs) and the Groups sheet (units or cohorts evaluated
separately)."""

from __future__ import annotations

import re
from typing import Any

from roti_excel import model, schema
from roti_excel.domain import Language, OutlierRule
from roti_excel.issues import error, warning
from roti_excel.messages import msg
from roti_excel.reading.cell_values import CellAt, Converter
from roti_excel.reading.parser import Parser
from roti_excel.reading.raw_tables import Cell, RawTable
from roti_excel.schema import normalise


def read_program(p: Parser, default_language: Language = Language.EN) -> model.Program:
    """The Program sheet; a blank Language is the language of the workbook's sheet names
    (`default_language`)."""
    table = p.table("program")
    found, blank = _fields(p, table) if table is not None else ({}, set())
    name = found.get("program_name", ("", ""))[0]
    if not name and table is not None:  # a missing sheet is reported as such
        where = table.name if table else schema.PROGRAM.en
        # the Value cell of a Program name row; else the first row whose field was not
        # recognised (most often the Program name row, renamed); else no cell
        ref = (found.get("program_name", (None, None))[1]
               or found.get("_first_unknown", (None, None))[1] or None)
        p.issues.append(error(msg("program_name_empty"), where, ref))
    kw: dict[str, Any] = {}
    for spec in schema.PROGRAM_FIELDS:
        value = found.get(spec.key, (None, ""))[0]
        if value in (None, "") and spec.default is not None:
            value = spec.default
        kw[spec.key] = value
    # a field absent or left blank took its default (the converter gives a blank cell it)
    defaulted = {s.key for s in schema.PROGRAM_FIELDS if s.key not in found or s.key in blank}
    _check_period(p, kw, found, table)
    _check_discount(p, kw, found, table)
    bands = category_bands(p, kw.pop("category_bands") or "", table, found)
    horizon = kw.pop("benefit_horizon")
    return model.Program(
        name=kw["program_name"] or "", organization=kw["organization"] or "",
        currency=_currency(kw["currency"]),
        language=Language(kw["language"]) if found.get("language", (None,))[0]
        else default_language,
        roi_objective=float(kw["roi_objective"]), horizon_months=float(horizon),
        evaluation_start=kw["evaluation_start"], evaluation_end=kw["evaluation_end"],
        prepared_by=kw["prepared_by"] or "", outlier_rule=OutlierRule(kw["outlier_rule"] or "flag"),
        category_bands=bands, annualise=kw["annualise"] == "yes",
        discount_rate=kw["discount_rate"], trend_r2_minimum=float(kw["trend_r2_minimum"]),
        reaction_objective=kw["reaction_objective"], learning_objective=kw["learning_objective"],
        application_objective=kw["application_objective"],
        reviewed_by=kw["reviewed_by"] or "", approved_by=kw["approved_by"] or "",
        defaulted=frozenset(defaulted))


def _fields(p: Parser, table: RawTable) -> tuple[dict[str, Any], set[str]]:
    """Each field's (value, Value cell) as its own rules read it, and the fields whose
    Value cell is empty (the converter gives such a cell the field's default)."""
    found: dict[str, Any] = {}
    blank: set[str] = set()
    conv = Converter(table.name, p.issues)
    value_col = schema.PROGRAM.column("value")
    for row in table.rows:
        field_cell = row.get("field")
        if field_cell is None or field_cell.blank:
            continue
        spec = next((f for f in schema.PROGRAM_FIELDS
                     if any(normalise(n) == normalise(field_cell.value)
                            for n in f.spellings())), None)
        if spec is None:
            p.issues.append(warning(
                msg("field_unknown", field=str(field_cell.value),
                    fields=list(schema.PROGRAM_FIELDS)), table.name, field_cell.ref))
            found.setdefault("_first_unknown", (None, field_cell.ref))
            continue
        cell = row.get("value") or Cell(None, field_cell.ref)
        # the field's own rules apply to the Value cell, under the field's name
        typed = schema.Column(spec.key, spec.en, spec.id, spec.kind, required=False,
                              default=spec.default, choices=spec.choices,
                              example=spec.example or value_col.example, limit=spec.limit)
        found[spec.key] = (conv.value(typed, CellAt(cell)), cell.ref)
        if cell.blank:
            blank.add(spec.key)
    return found, blank


def _currency(typed: str | None) -> str:
    """The currency code: "Rp", "rupiah" and "IDR" are all the rupiah (shown Rp)."""
    code = (typed or "IDR").strip().upper().rstrip(".")
    return "IDR" if code in ("RP", "RUPIAH", "IDR") else code


def category_bands(p: Parser, text: str, table: RawTable | None,
                   found: dict[str, Any]) -> tuple[tuple[float, str], ...]:
    bands: list[tuple[float, str]] = []
    for part in filter(None, (p.strip() for p in text.split(";"))):
        match = re.match(r"^([0-9]+(?:[.,][0-9]+)?)\s+(.+)$", part)
        if not match:
            p.issues.append(error(
                msg("category_band_bad", part=part), table.name if table else "Program",
                found.get("category_bands", ("", ""))[1]))
            continue
        bands.append((float(match.group(1).replace(",", ".")), match.group(2).strip()))
    return tuple(sorted(bands))


def read_groups(p: Parser) -> tuple[model.Group, ...]:
    out: list[model.Group] = []
    for table, row, v, _ in p.rows("groups"):
        name = v["group"]
        if not name:
            continue
        if normalise(name) in p.group_names:
            p.issues.append(error(msg("group_twice", name=name), table.name,
                                  p.ref(table, row, "group")))
            continue
        p.group_names[normalise(name)] = name
        out.append(model.Group(name, v["participants"], v["surveys_sent"], v["description"],
                               p.ref(table, row, "participants")))
    return tuple(out)


def _check_discount(p: Parser, kw: dict[str, Any], found: dict[str, Any],
                    table: RawTable | None) -> None:
    """Benefits beyond the first year are worth less than today's money: a horizon above 12
    months needs the rate finance discounts them with (docs/method.md, benefit period)."""
    horizon = kw.get("benefit_horizon")
    if horizon is None or float(horizon) <= 12 or kw.get("discount_rate") is not None:
        return
    where = table.name if table else schema.PROGRAM.en
    ref = found.get("discount_rate", (None, None))[1] or found.get(
        "benefit_horizon", (None, None))[1]
    if any(i.sheet == where and i.cell == ref for i in p.issues):
        return  # a rate typed but refused (10 for 10 %) is already reported at its cell
    p.issues.append(error(msg("discount_missing", horizon=float(horizon)), where, ref))


def _check_period(p: Parser, kw: dict[str, Any], found: dict[str, Any],
                  table: RawTable | None) -> None:
    """An evaluation that ends before it starts is a typing slip, most often a date read
    month first (03/10/2025 meant as 3 October, typed for 10 March)."""
    start, end = kw.get("evaluation_start"), kw.get("evaluation_end")
    if start is None or end is None or start <= end:
        return
    p.issues.append(error(
        msg("period_reversed", start=start.isoformat(), end=end.isoformat()),
        table.name if table else schema.PROGRAM.en,
        found.get("evaluation_start", (None, None))[1]))

