"""The data sheets of levels 1-4 -> model rows, and the cross-sheet rules that tie them
(question codes, measures, rates, one source of benefits)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from roti_excel import model, schema
from roti_excel.issues import Issue, error, warning
from roti_excel.reading.cell_values import CellAt, Converter
from roti_excel.reading.parser import Parser, _or
from roti_excel.reading.raw_tables import Cell, RawRow, RawTable, RawWorkbook, clean
from roti_excel.schema import normalise


def _number(p: Parser, table: RawTable, label: str, cell: Cell,
            kind: schema.Kind = schema.Kind.NUMBER, example: str = "4") -> float | None:
    named = schema.Column("answer", label, label, kind, example=example)
    return Converter(table.name, p.issues).number(named, CellAt(cell))


def _extra_cell(table: RawTable, row: RawRow, col: int) -> Cell:
    return Cell(clean(row.raw(col)), f"{table.letters(col)}{row.number}")


def _check_codes(p: Parser, table: RawTable, questions: dict[str, model.Question],
                 level: int) -> None:
    for header, c in table.extra_columns.items():
        if normalise(header) not in questions:
            codes = ", ".join(q.code for q in questions.values()) or "none yet"
            p.issues.append(error(
                f"column '{header}' is not a level {level} question code in Questions "
                f"(codes: {codes}); add the question there or rename the column",
                table.name, f"{table.letters(c)}{table.header_row}"))


def _answer_column(p: Parser, table: RawTable, col: int,
                   q: model.Question) -> list[float | None]:
    """One question's answers: numbers on the scale pass in one comprehension; blanks,
    text and answers off the scale are looked at one by one."""
    raw = table.raw_column(col)
    lo, hi = q.scale_min, q.scale_max
    out: list[Any] = [v if type(v) is float and lo <= v <= hi else _OTHER for v in raw]
    for i, value in enumerate(out):
        if value is not _OTHER:
            continue
        cell = raw[i]
        if cell == "" or cell is None or (isinstance(cell, str) and not cell.strip()):
            out[i] = None
            continue
        row = table.rows[i]
        number = cell if type(cell) is float else _number(
            p, table, f"Answer to {q.code}", _extra_cell(table, row, col))
        if number is not None and not lo <= number <= hi:
            p.issues.append(warning(
                f"answer {number:g} to {q.code} is outside its scale {lo:g}-{hi:g}; it is left "
                "out of the averages (enter a value on the scale, or leave it blank)",
                table.name, f"{table.letters(col)}{row.number}"))
        out[i] = number
    return out


_OTHER: Any = object()


def survey(p: Parser, key: str, questions: tuple[model.Question, ...],
           level: int) -> model.Survey:
    """A Reaction or Application sheet: one value per question code and row. Written as a
    tight loop over raw values: company-wide surveys have hundreds of thousands of rows."""
    table = p.table(key)
    if table is None:
        return model.Survey()
    by_code = {normalise(q.code): q for q in questions}
    _check_codes(p, table, by_code, level)
    asked = [(c, by_code[normalise(h)]) for h, c in table.extra_columns.items()
             if normalise(h) in by_code]
    answers = [_answer_column(p, table, c, q) for c, q in asked]
    by_row = list(zip(*answers, strict=True)) if answers else [()] * len(table.rows)
    v = p.columns(table)
    n = len(table.rows)
    fixed = zip(by_row, p.groups_of(table, v["group"]), v.get("session", [""] * n),
                v.get("trainer", [""] * n), v.get("date", [None] * n), v["respondent"],
                v.get("weight", [1.0] * n), p.origins(table), strict=True)
    rows = [model.SurveyRow(values, group, session, trainer, date, respondent,
                            _or(weight, 1.0), origin)
            for values, group, session, trainer, date, respondent, weight, origin in fixed]
    return model.Survey(tuple(q.code for _, q in asked), tuple(rows),
                        tuple(table.letters(c) for c, _ in asked), table.name)


def application_counts(p: Parser, questions: tuple[model.Question, ...]
                       ) -> tuple[model.ApplicationCount, ...]:
    by_code = {normalise(q.code): q for q in questions}
    table = p.table("application_counts")
    out: list[model.ApplicationCount] = []
    if table is None:
        return ()
    count_col = schema.Column("count", "Count", "Jumlah", schema.Kind.NONNEGATIVE, example="12")
    for table, row, v, _ in p.rows("application_counts"):
        question = by_code.get(normalise(v["code"] or ""))
        if question is None:
            if v["code"]:
                p.issues.append(error(
                    f"Code '{v['code']}' is not a level 3 question in Questions; add it there",
                    table.name, p.ref(table, row, "code")))
            continue
        counts: list[tuple[float, float]] = []
        for header, cell in row.extra.items():
            point = _scale_point(question, header)
            if point is None:
                p.issues.append(error(
                    f"column '{header}' is not a point of {question.code}'s scale "
                    f"{question.scale_min:g}-{question.scale_max:g}; head the columns 1, 2, ... "
                    "or with the question's labels", table.name,
                    f"{table.letters(table.extra_columns[header])}{table.header_row}"))
                continue
            if cell.blank:
                continue
            n = _number(p, table, f"Count for {question.code} = {header}", cell,
                        count_col.kind, count_col.example)
            if n is not None:
                counts.append((point, n))
        out.append(model.ApplicationCount(question.code, tuple(counts),
                                          p.group(table, row, v["group"]), p.origin(table, row)))
    return tuple(out)


def _scale_point(question: model.Question, header: str) -> float | None:
    try:
        point = float(header.replace(",", "."))
    except ValueError:
        wanted = normalise(header)
        for i, label in enumerate(question.labels):
            if normalise(label) == wanted:
                return question.scale_min + i
        return None
    return point if question.scale_min <= point <= question.scale_max else None


def learning(p: Parser) -> tuple[model.LearningRow, ...]:
    table = p.table("learning")
    if table is None:
        return ()
    v = p.columns(table)
    post_letter = table.letters(table.columns.get("post_test", 0))
    for i, row in enumerate(table.rows):
        post, top = v["post_test"][i], v["max_score"][i]
        if post is None and v["status"][i] != "absent":
            p.issues.append(warning(
                f"Post-test is empty for {v['name'][i] or v['participant'][i]}; counted as "
                "absent. Enter the score, or set Status to absent", table.name,
                p.ref(table, row, "post_test")))
        if top is None:
            continue
        for key in ("post_test", "pre_test", "pass_mark"):
            score = v[key][i]
            if score is not None and score > top:
                label = schema.LEARNING.column(key).en
                p.issues.append(error(f"{label} {score:g} is above Max score {top:g}; "
                                      "correct the score or the maximum", table.name,
                                      p.ref(table, row, key)))
    fields = zip(v["participant"], v["post_test"], p.groups_of(table, v["group"]), v["name"],
                 v["pre_test"], v["max_score"], v["pass_mark"], v["status"], p.origins(table),
                 strict=True)
    return tuple(model.LearningRow(participant, post, group, name, pre, top, mark, status,
                                   origin, f"{post_letter}{origin.row}")
                 for participant, post, group, name, pre, top, mark, status, origin in fields)


def rates(p: Parser) -> tuple[model.Rate, ...]:
    out: list[model.Rate] = []
    for table, row, v, _ in p.rows("rates"):
        if not v["rate"] or v["amount"] is None:
            continue
        if any(normalise(r.name) == normalise(v["rate"]) for r in out):
            p.issues.append(error(f"Rate '{v['rate']}' is listed twice; keep one row",
                                  table.name, p.ref(table, row, "rate")))
            continue
        out.append(model.Rate(v["rate"], v["amount"], _or(v["days_per_month"], 1.0),
                              _or(v["shifts_per_day"], 1.0), _or(v["hours_per_shift"], 1.0),
                              p.origin(table, row)))
    return tuple(out)


def measures(p: Parser, rate_list: tuple[model.Rate, ...]) -> tuple[model.Measure, ...]:
    out: list[model.Measure] = []
    rate_names = {normalise(r.name): r.name for r in rate_list}
    seen: set[tuple[str, str]] = set()
    for table, row, v, _ in p.rows("measures"):
        if not v["measure"] or v["better_when"] is None or v["isolation"] is None:
            continue
        group = p.group(table, row, v["group"])
        ident = (normalise(group or ""), normalise(v["measure"]))
        if ident in seen:
            p.issues.append(error(f"Measure '{v['measure']}' is listed twice for this group; "
                                  "keep one row", table.name, p.ref(table, row, "measure")))
            continue
        seen.add(ident)
        rate = v["rate"] or None
        has_value = v["value_per_unit"] is not None
        if has_value == bool(rate):
            what = "both" if has_value else "neither"
            p.issues.append(error(
                f"Measure '{v['measure']}' has {what} Value per unit and Rate; fill exactly one "
                "(a money value per unit such as 7291.67, or the name of a row in Rates)",
                table.name, p.ref(table, row, "value_per_unit")))
        if rate and normalise(rate) not in rate_names:
            listed = ", ".join(rate_names.values()) or "none"
            p.issues.append(error(f"Rate '{rate}' is not in the Rates sheet (listed: {listed}); "
                                  "add it there or correct the name", table.name,
                                  p.ref(table, row, "rate")))
        if rate:
            rate = rate_names.get(normalise(rate), rate)
        if v["isolation"] == "estimate":
            for key in ("contribution", "confidence"):
                if v[key] is None:
                    p.issues.append(error(
                        f"{schema.MEASURES.column(key).en} is empty; Isolation = estimate needs "
                        "it, enter a percentage such as 80%", table.name, p.ref(table, row, key)))
        out.append(model.Measure(v["measure"], v["better_when"], v["isolation"], group,
                                 v["unit"], v["type"] or "", v["value_per_unit"], rate,
                                 v["value_source"], v["contribution"], v["confidence"],
                                 v["notes"], p.origin(table, row)))
    return tuple(out)


def find_measure(found: tuple[model.Measure, ...], name: str,
                 group: str | None) -> model.Measure | None:
    """A measure of the row's group, else one listed with a blank group."""
    wanted = normalise(name)
    for g in (group, None):
        for m in found:
            if normalise(m.name) == wanted and normalise(m.group or "") == normalise(g or ""):
                return m
    return None


def _unknown_measure(p: Parser, table: RawTable, row: RawRow, name: str,
                     found: tuple[model.Measure, ...]) -> None:
    listed = ", ".join(sorted({m.name for m in found})) or "none"
    p.issues.append(error(f"Measure '{name}' is not in the Measures sheet for this group "
                          f"(listed: {listed}); add it there or correct the name",
                          table.name, p.ref(table, row, "measure")))


def _measure_rows(p: Parser, key: str, found: tuple[model.Measure, ...]
                  ) -> Iterator[tuple[RawTable, RawRow, dict[str, Any], str | None, model.Measure]]:
    """Rows of Impact or Estimates with their group and the measure they name; a row
    naming no known measure is reported and skipped."""
    for table, row, v, _ in p.rows(key):
        group = p.group(table, row, v["group"])
        measure = find_measure(found, v["measure"], group) if v["measure"] else None
        if measure is not None:
            yield table, row, v, group, measure
        elif v["measure"]:
            _unknown_measure(p, table, row, v["measure"], found)


def impact(p: Parser, found: tuple[model.Measure, ...]) -> tuple[model.ImpactRow, ...]:
    out: list[model.ImpactRow] = []
    for table, row, v, group, measure in _measure_rows(p, "impact", found):
        if v["before"] is None or v["after"] is None:
            empty = "After" if v["after"] is None else "Before"
            p.issues.append(warning(
                f"{empty} is empty for {measure.name} in this row; the period counts as no "
                "improvement (0). Enter the value if it is known", table.name,
                p.ref(table, row, "after" if v["after"] is None else "before")))
        if measure.isolation == "control group" and (v["control_before"] is None
                                                     or v["control_after"] is None):
            p.issues.append(error(
                f"{measure.name} uses Isolation = control group, but Control before or Control "
                "after is empty; enter both control values", table.name,
                p.ref(table, row, "control_before")))
        out.append(model.ImpactRow(measure.name, v["before"], v["after"], group,
                                   v["before_period"], v["after_period"], v["control_before"],
                                   v["control_after"], p.origin(table, row)))
    return tuple(out)


def estimates(p: Parser, found: tuple[model.Measure, ...]) -> tuple[model.Estimate, ...]:
    out: list[model.Estimate] = []
    for table, row, v, group, measure in _measure_rows(p, "estimates", found):
        if v["contribution"] is None or v["confidence"] is None:
            continue
        if v["annual_improvement"] is None:
            p.issues.append(warning(
                f"Annual improvement is empty for {v['respondent'] or 'this respondent'}; it "
                "counts as no improvement (0)", table.name, p.ref(table, row,
                                                                   "annual_improvement")))
        out.append(model.Estimate(measure.name, v["respondent"], v["annual_improvement"],
                                  v["contribution"], v["confidence"], group, v["source"] or "",
                                  p.origin(table, row)))
    return tuple(out)


def _check_trend_lines(p: Parser, found: tuple[model.Measure, ...],
                       rows: tuple[model.ImpactRow, ...]) -> None:
    """A least-squares line needs at least two before values per series."""
    for m in found:
        if m.isolation != "trend line":
            continue
        groups = {r.group for r in rows if find_measure(found, r.measure, r.group) == m}
        for g in groups:
            n = sum(1 for r in rows if r.group == g and r.before is not None
                    and find_measure(found, r.measure, r.group) == m)
            if n < 2:
                p.issues.append(error(
                    f"{m.name} uses Isolation = trend line but has {n} before value(s)"
                    f"{' for ' + g if g else ''}; enter at least two before periods, or choose "
                    "another isolation method", m.origin.sheet, m.origin.cell("A")))


def intangibles(p: Parser) -> tuple[model.Intangible, ...]:
    return tuple(model.Intangible(v["benefit"], p.group(t, r, v["group"]), v["evidence"],
                                  v["direction"])
                 for t, r, v, _ in p.rows("intangibles") if v["benefit"])


def build(book: RawWorkbook) -> tuple[model.Evaluation | None, list[Issue]]:
    """Every sheet parsed and checked; the evaluation is None when any error was found."""
    p = Parser(book)
    for key in schema.REQUIRED_SHEETS:
        if key not in book.tables and not any(i.sheet == schema.sheet(key).en
                                              for i in p.issues):
            s = schema.sheet(key)
            p.issues.append(error(f"required sheet '{s.en}' (Indonesian: '{s.id}') is missing; "
                                  "add it (see the template)", s.en))
    groups = p.groups()
    program = p.program()
    costs = p.costs()
    questions = p.questions()
    reaction = survey(p, "reaction", tuple(q for q in questions if q.level == 1), 1)
    application = survey(p, "application", tuple(q for q in questions if q.level == 3), 3)
    counts = application_counts(p, tuple(q for q in questions if q.level == 3))
    rate_list = rates(p)
    measure_list = measures(p, rate_list)
    impact_rows = impact(p, measure_list)
    estimate_rows = estimates(p, measure_list)
    _check_trend_lines(p, measure_list, impact_rows)
    if not impact_rows and not estimate_rows and "measures" in book.tables:
        p.issues.append(error("no benefits data: fill the Impact sheet (before and after values "
                              "per measure) or the Estimates sheet", schema.IMPACT.en))
    elif "measures" not in book.tables and "estimates" not in book.tables:
        p.issues.append(error("no benefits data: add a Measures sheet with an Impact sheet, or "
                              "an Estimates sheet (see the template)", schema.MEASURES.en))
    if not p.groups_declared:
        groups = tuple(model.Group(name) for name in p.group_names.values())
    evaluation = model.Evaluation(
        program, groups, costs, questions, reaction, learning(p), application,
        counts, rate_list, measure_list, impact_rows, estimate_rows, intangibles(p),
        str(book.path), {k: t.name for k, t in book.tables.items()},
        tuple(i for i in p.issues if i.severity == "warning"))
    has_errors = any(i.severity == "error" for i in p.issues)
    return (None if has_errors else evaluation), p.issues
