"""The benefit sheets: Rates (derived unit values), Measures (what is measured and how its
effect is isolated and converted), Impact (before and after values) and Estimates."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from roti_excel import model, schema
from roti_excel.domain import Direction, Isolation
from roti_excel.issues import error, warning
from roti_excel.messages import msg
from roti_excel.model import find_measure
from roti_excel.reading.parser import Parser, or_default
from roti_excel.reading.raw_tables import RawRow, RawTable
from roti_excel.schema import normalise


def read_rates(p: Parser) -> tuple[model.Rate, ...]:
    out: list[model.Rate] = []
    for table, row, v, _ in p.rows("rates"):
        if not v["rate"] or v["amount"] is None:
            if v["rate"]:
                p.refused_names.add(normalise(v["rate"]))
            continue
        if any(normalise(r.name) == normalise(v["rate"]) for r in out):
            p.issues.append(error(msg("rate_twice", name=v["rate"]), table.name,
                                  p.ref(table, row, "rate")))
            continue
        out.append(model.Rate(v["rate"], v["amount"], or_default(v["days_per_month"], 1.0),
                              or_default(v["shifts_per_day"], 1.0),
                              or_default(v["hours_per_shift"], 1.0),
                              p.origin(table, row)))
    return tuple(out)


def read_measures(p: Parser, rate_list: tuple[model.Rate, ...]) -> tuple[model.Measure, ...]:
    out: list[model.Measure] = []
    rate_names = {normalise(r.name): r.name for r in rate_list}
    seen: set[tuple[str, str]] = set()
    for table, row, v, _ in p.rows("measures"):
        if not v["measure"] or v["better_when"] is None or v["isolation"] is None:
            if v["measure"]:  # its bad cell is reported; rows naming it are not blamed too
                p.refused_names.add(normalise(v["measure"]))
            continue
        group = p.group(table, row, v["group"])
        ident = (normalise(group or ""), normalise(v["measure"]))
        if ident in seen:
            p.issues.append(error(msg("measure_twice", name=v["measure"]), table.name,
                                  p.ref(table, row, "measure")))
            continue
        seen.add(ident)
        rate = v["rate"] or None
        has_value = v["value_per_unit"] is not None
        value_ref = p.ref(table, row, "value_per_unit")
        refused = any(i.sheet == table.name and i.cell == value_ref for i in p.issues)
        if has_value == bool(rate) and not refused:
            key = "value_both" if has_value else "value_neither"
            p.issues.append(error(msg(key, name=v["measure"]), table.name,
                                  p.ref(table, row, "value_per_unit")))
        if rate and normalise(rate) not in rate_names and normalise(rate) not in p.refused_names:
            listed: object = ", ".join(rate_names.values()) or msg("none_listed")
            p.issues.append(error(msg("rate_unknown", name=rate, listed=listed), table.name,
                                  p.ref(table, row, "rate")))
        if rate:
            rate = rate_names.get(normalise(rate), rate)
        isolation, better_when = Isolation(v["isolation"]), Direction(v["better_when"])
        out.append(model.Measure(v["measure"], better_when, isolation, group,
                                 v["unit"], v["type"] or "", v["value_per_unit"], rate,
                                 v["value_source"], v["contribution"], v["confidence"],
                                 v["notes"], p.origin(table, row), v["target_improvement"]))
    return tuple(out)


def _unknown_measure(p: Parser, table: RawTable, row: RawRow, name: str,
                     found: tuple[model.Measure, ...]) -> None:
    listed: object = ", ".join(sorted({m.name for m in found})) or msg("none_listed")
    p.issues.append(error(msg("measure_unknown", name=name, listed=listed), table.name,
                          p.ref(table, row, "measure")))


def _measure_rows(p: Parser, key: str, found: tuple[model.Measure, ...]
                  ) -> Iterator[tuple[RawTable, RawRow, dict[str, Any], str | None, model.Measure]]:
    """Rows of Impact or Estimates with their group and the measure they name; a row
    naming no known measure is reported and skipped."""
    for table, row, v, _ in p.rows(key):
        group = p.group(table, row, v["group"])
        measure = find_measure(found, v["measure"], group) if v["measure"] else None
        if measure is not None:
            yield table, row, v, group, measure
        elif v["measure"] and normalise(v["measure"]) not in p.refused_names:
            _unknown_measure(p, table, row, v["measure"], found)


def _check_estimate_factors(p: Parser, measure: model.Measure) -> None:
    """Isolation = estimate applies the measure's Contribution and Confidence to its Impact
    rows, so they are required once it has one (Estimates rows carry their own). A cell
    already reported (a 70 typed for 70 %) is not called empty too."""
    for key in ("contribution", "confidence"):
        if getattr(measure, key) is not None:
            continue
        column = schema.MEASURES.column(key)
        sheet, ref = measure.origin.sheet, p.cell_of(measure.origin, key)
        if any(i.sheet == sheet and i.cell == ref for i in p.issues):
            continue
        p.issues.append(error(msg("estimate_factor_empty", col=column), sheet, ref))


def read_impact(p: Parser, found: tuple[model.Measure, ...]) -> tuple[model.ImpactRow, ...]:
    out: list[model.ImpactRow] = []
    checked: set[int] = set()
    for table, row, v, group, measure in _measure_rows(p, "impact", found):
        if measure.isolation == Isolation.ESTIMATE and id(measure) not in checked:
            checked.add(id(measure))
            _check_estimate_factors(p, measure)
        if v["before"] is None or v["after"] is None:
            empty = "after" if v["after"] is None else "before"
            p.issues.append(warning(
                msg("impact_value_empty", col=schema.IMPACT.column(empty), measure=measure.name),
                table.name, p.ref(table, row, empty)))
        if measure.isolation == Isolation.CONTROL_GROUP and (v["control_before"] is None
                                                     or v["control_after"] is None):
            p.issues.append(error(msg("control_values_empty", measure=measure.name),
                                  table.name, p.ref(table, row, "control_before")))
        out.append(model.ImpactRow(measure.name, v["before"], v["after"], group,
                                   v["before_period"], v["after_period"], v["control_before"],
                                   v["control_after"], p.origin(table, row),
                                   p.ref(table, row, "after")))
    return tuple(out)


def read_estimates(p: Parser, found: tuple[model.Measure, ...]) -> tuple[model.Estimate, ...]:
    out: list[model.Estimate] = []
    for table, row, v, group, measure in _measure_rows(p, "estimates", found):
        if v["contribution"] is None or v["confidence"] is None:
            continue
        if v["annual_improvement"] is None:
            who: object = v["respondent"] or msg("this_respondent")
            p.issues.append(warning(msg("annual_empty", who=who), table.name,
                                    p.ref(table, row, "annual_improvement")))
        out.append(model.Estimate(measure.name, v["respondent"], v["annual_improvement"],
                                  v["contribution"], v["confidence"], group, v["source"] or "",
                                  p.origin(table, row), p.ref(table, row, "annual_improvement")))
    return tuple(out)


def check_trend_lines(p: Parser, found: tuple[model.Measure, ...],
                       rows: tuple[model.ImpactRow, ...]) -> None:
    """A least-squares line needs at least two before values per series."""
    for m in found:
        if m.isolation != Isolation.TREND_LINE:
            continue
        groups = {r.group for r in rows if find_measure(found, r.measure, r.group) == m}
        for g in groups:
            n = sum(1 for r in rows if r.group == g and r.before is not None
                    and find_measure(found, r.measure, r.group) == m)
            if n < 2:
                whose: object = msg("for_group", group=g) if g else ""
                p.issues.append(error(msg("trend_too_few", measure=m.name, n=n, whose=whose),
                                      m.origin.sheet, m.origin.cell("A")))
