"""The survey sheets: Questions (codes, levels, dimensions, scales), Reaction and Application
(one value per question code and respondent), and Application counts."""

from __future__ import annotations

import re
from typing import Any

from roti_excel import model, schema
from roti_excel.issues import error, warning
from roti_excel.messages import msg
from roti_excel.messages.values import OneOf
from roti_excel.reading.cell_values import CellAt, Converter
from roti_excel.reading.likert import scale_point
from roti_excel.reading.parser import Parser, or_default
from roti_excel.reading.raw_tables import Cell, RawRow, RawTable, clean
from roti_excel.schema import normalise


def read_questions(p: Parser) -> tuple[model.Question, ...]:
    out: list[model.Question] = []
    seen: set[str] = set()
    for table, row, v, _ in p.rows("questions"):
        code, level, dim = v["code"], v["level"], v["dimension"]
        if not code or level is None or dim is None:
            continue
        where = p.ref(table, row, "code")
        if normalise(code) in seen:
            p.issues.append(error(msg("code_twice", code=code), table.name, where))
            continue
        seen.add(normalise(code))
        allowed = schema.REACTION_DIMENSIONS if level == "1" else schema.APPLICATION_DIMENSIONS
        if dim not in {c.key for c in allowed}:
            p.issues.append(error(
                msg("dimension_wrong_level", dim=dim, level=str(level), choices=OneOf(allowed)),
                table.name, p.ref(table, row, "dimension")))
            continue
        lo, hi = or_default(v["scale_min"], 1.0), or_default(v["scale_max"], 5.0)
        if lo >= hi:
            p.issues.append(error(msg("scale_reversed", lo=lo, hi=hi), table.name,
                                  p.ref(table, row, "scale_max")))
            continue
        labels = tuple(x.strip() for x in (v["labels"] or "").split(";") if x.strip())
        points = hi - lo + 1
        if labels and float(len(labels)) != points:
            p.issues.append(warning(
                msg("labels_count", n=len(labels), lo=lo, hi=hi, points=points), table.name,
                p.ref(table, row, "labels")))
            labels = ()
        out.append(model.Question(code, int(level), dim, v["question"], lo, hi, labels))
    return tuple(out)


# how an answer on a survey's scale is judged (its kind, and the example its errors give)
_ANSWER = schema.Column("answer", "Answer", "Jawaban", schema.Kind.NUMBER, example="4")


def _number(p: Parser, table: RawTable, label: tuple[str, str], cell: Cell,
            like: schema.Column = _ANSWER) -> float | None:
    """The number in `cell`, judged as a column named `label` (English, Indonesian) with
    the kind and example of `like`."""
    named = schema.Column("answer", label[0], label[1], like.kind, example=like.example,
                          limit=like.limit)
    return Converter(table.name, p.issues, p.language).number(named, CellAt(cell))


def _extra_cell(table: RawTable, row: RawRow, col: int) -> Cell:
    return Cell(clean(row.raw(col)), f"{table.letters(col)}{row.number}")


def _check_codes(p: Parser, table: RawTable, questions: dict[str, model.Question],
                 level: int) -> None:
    """Each answer column names a question of its level; without a Questions sheet at all,
    one error says so instead of one per column."""
    if table.extra_columns and p.table("questions") is None:
        first = next(iter(table.extra_columns.values()))
        p.issues.append(error(
            msg("questions_missing", sheet=schema.QUESTIONS, codes=list(table.extra_columns)),
            table.name, f"{table.letters(first)}{table.header_row}"))
        return
    for header, c in table.extra_columns.items():
        if normalise(header) not in questions:
            codes: object = ", ".join(q.code for q in questions.values()) or msg("none_yet")
            p.issues.append(error(
                msg("column_not_a_code", header=header, level=str(level), codes=codes),
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
        word = scale_point(q, cell) if isinstance(cell, str) else None
        number = cell if type(cell) is float else word if word is not None else _number(
            p, table, (f"Answer to {q.code}", f"Jawaban {q.code}"), _extra_cell(table, row, col))
        if number is not None and not lo <= number <= hi:
            p.issues.append(warning(
                msg("answer_off_scale", value=number, code=q.code, lo=lo, hi=hi),
                table.name, f"{table.letters(col)}{row.number}"))
        out[i] = number
    return out


_OTHER: Any = object()


def read_survey(p: Parser, key: str, questions: tuple[model.Question, ...],
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
                            or_default(weight, 1.0), origin)
            for values, group, session, trainer, date, respondent, weight, origin in fixed]
    return model.Survey(tuple(q.code for _, q in asked), tuple(rows),
                        tuple(table.letters(c) for c, _ in asked), table.name)


def read_application_counts(p: Parser, questions: tuple[model.Question, ...]
                       ) -> tuple[model.ApplicationCount, ...]:
    by_code = {normalise(q.code): q for q in questions}
    table = p.table("application_counts")
    out: list[model.ApplicationCount] = []
    if table is None:
        return ()
    if p.table("questions") is None and table.rows:
        codes = sorted({str(r.value("code")) for r in table.rows if r.value("code")},
                       key=_natural)
        p.issues.append(error(msg("questions_missing", sheet=schema.QUESTIONS, codes=codes),
                              table.name, p.ref(table, table.rows[0], "code")))
        return ()
    misheaded: set[str] = set()
    for table, row, v, _ in p.rows("application_counts"):
        question = by_code.get(normalise(v["code"] or ""))
        if question is None:
            if v["code"]:
                p.issues.append(error(msg("count_code_unknown", code=v["code"]), table.name,
                                      p.ref(table, row, "code")))
            continue
        out.append(model.ApplicationCount(question.code,
                                          _row_counts(p, table, row, question, misheaded),
                                          p.group(table, row, v["group"]), p.origin(table, row)))
    return tuple(out)


_COUNT = schema.Column("count", "Count", "Jumlah", schema.Kind.NONNEGATIVE, example="12",
                       limit=schema.COUNT_LIMIT)


def _row_counts(p: Parser, table: RawTable, row: RawRow, question: model.Question,
                misheaded: set[str]) -> tuple[tuple[float, float], ...]:
    """(scale point, count) of one counts row; a header that is no point of the scale is
    reported once (`misheaded` remembers it), not on every row under it."""
    counts: list[tuple[float, float]] = []
    for header, cell in row.extra.items():
        point = _scale_point(question, header)
        if point is None:
            if header not in misheaded:
                misheaded.add(header)
                p.issues.append(error(
                    msg("count_column_not_point", header=header, code=question.code,
                        lo=question.scale_min, hi=question.scale_max), table.name,
                    f"{table.letters(table.extra_columns[header])}{table.header_row}"))
            continue
        if cell.blank:
            continue
        n = _number(p, table, (f"Count for {question.code} = {header}",
                               f"Jumlah untuk {question.code} = {header}"), cell, _COUNT)
        if n is not None:
            counts.append((point, n))
    return tuple(counts)


def _natural(code: str) -> tuple[tuple[int, str], ...]:
    """A1, A2, A10 in that order (not A1, A10, A2)."""
    return tuple((int(part), "") if part.isdigit() else (0, part)
                 for part in re.split(r"(\d+)", code) if part)


def _scale_point(question: model.Question, header: str) -> float | None:
    """The scale point a counts column stands for: its number, or a word for one."""
    try:
        point = float(header.replace(",", "."))
    except ValueError:
        return scale_point(question, header)
    return point if question.scale_min <= point <= question.scale_max else None
