"""Raw tables -> :class:`~roti_excel.model.Evaluation`: every sheet read by its module in
:mod:`roti_excel.reading.sheets`, then the rules that tie the workbook together (required
sheets, one source of benefits, groups named in rows but not listed)."""

from __future__ import annotations

from roti_excel import model, schema
from roti_excel.domain import Language
from roti_excel.issues import Issue, error, warning
from roti_excel.messages import msg
from roti_excel.messages.values import Words
from roti_excel.reading.parser import Parser
from roti_excel.reading.plausibility import cost_issues, roster_issues
from roti_excel.reading.raw_tables import RawWorkbook
from roti_excel.reading.sheets.costs import read_costs
from roti_excel.reading.sheets.impact import (
    check_trend_lines,
    read_estimates,
    read_impact,
    read_measures,
    read_rates,
)
from roti_excel.reading.sheets.intangibles import read_intangibles
from roti_excel.reading.sheets.learning import read_learning
from roti_excel.reading.sheets.program import read_groups, read_program
from roti_excel.reading.sheets.surveys import (
    read_application_counts,
    read_questions,
    read_survey,
)
from roti_excel.reading.total_rows import total_row_issues


def sheet_name_language(book: RawWorkbook) -> Language:
    """Indonesian when more of the workbook's sheets carry their Indonesian name than their
    English one (the Indonesian template), else English."""
    indonesian = english = 0
    for key, table in book.tables.items():
        sheet = schema.sheet(key)
        if schema.normalise(sheet.id) == schema.normalise(sheet.en):
            continue  # "Program" reads the same in both
        name = schema.normalise(table.name)
        indonesian += name == schema.normalise(sheet.id)
        english += name == schema.normalise(sheet.en)
    return Language.ID if indonesian > english else Language.EN


def _group_names(book: RawWorkbook) -> frozenset[str]:
    """The Groups sheet's names as typed (normalised), before the sheet is read: a
    subtotal's label may name one ("Subtotal Packer")."""
    table = book.tables.get("groups")
    index = table.columns.get("group") if table is not None else None
    if table is None or index is None:
        return frozenset()
    return frozenset(schema.normalise(v) for v in table.raw_column(index)
                     if type(v) is str and v.strip())


def build(book: RawWorkbook) -> tuple[model.Evaluation | None, list[Issue], Language]:
    """Every sheet parsed and checked; the evaluation is None when any error was found.
    Its warnings are attached by :func:`roti_excel.reading.read.read`, once every check of
    the file has run. The language is the workbook's: its Language field, else that of its
    sheet names; messages are shown in it."""
    p = Parser(book)
    _require_sheets(p, book)
    group_names = _group_names(book)
    for table in book.tables.values():
        p.issues.extend(total_row_issues(table, group_names))
    program = read_program(p, sheet_name_language(book))
    p.language = str(program.language)  # before the other sheets: "1.500" reads by it
    groups = read_groups(p)
    cost_lines = read_costs(p)
    _require_cost_lines(p, book, has_lines=bool(cost_lines))
    questions = read_questions(p)
    level_1 = tuple(q for q in questions if q.level == 1)
    level_3 = tuple(q for q in questions if q.level == 3)
    reaction = read_survey(p, "reaction", level_1, 1)
    application = read_survey(p, "application", level_3, 3)
    counts = read_application_counts(p, level_3)
    rates = read_rates(p)
    measures = read_measures(p, rates)
    impact_rows = read_impact(p, measures)
    estimate_rows = read_estimates(p, measures)
    check_trend_lines(p, measures, impact_rows)
    _require_benefits(p, book, has_rows=bool(impact_rows or estimate_rows),
                      has_measures=bool(measures))
    learning = read_learning(p)
    p.issues.extend(cost_issues(p, cost_lines))
    p.issues.extend(roster_issues(p, groups, learning))
    if not p.groups_declared:
        groups = tuple(model.Group(name) for name in p.group_names.values())
    evaluation = model.Evaluation(
        program, groups, cost_lines, questions, reaction, learning, application,
        counts, rates, measures, impact_rows, estimate_rows, read_intangibles(p),
        str(book.path), sheet_names={k: t.name for k, t in book.tables.items()})
    has_errors = any(i.is_error for i in p.issues)
    return (None if has_errors else evaluation), p.issues, program.language


def _require_sheets(p: Parser, book: RawWorkbook) -> None:
    for key in schema.REQUIRED_SHEETS:
        if key not in book.tables and not any(i.sheet == _tab(book, schema.sheet(key))
                                              for i in p.issues):
            s = schema.sheet(key)
            p.issues.append(error(msg("required_sheet_missing", sheet=s, other=Words(s.id, s.en)),
                                  _tab(book, s)))


def _require_cost_lines(p: Parser, book: RawWorkbook, *, has_lines: bool) -> None:
    """A Costs sheet with no line: the ROI would be computed over no costs at all."""
    table = book.tables.get("costs")
    if table is not None and not has_lines and not any(
            i.is_error and i.sheet == table.name for i in p.issues):
        p.issues.append(error(msg("no_cost_lines", sheet=table.name), table.name))


def _require_benefits(p: Parser, book: RawWorkbook, *, has_rows: bool,
                      has_measures: bool) -> None:
    """Measures listed need their data (Impact or Estimates rows). A workbook with no
    measure and no data claims no monetary benefit (a compliance course): valid, reported
    as not monetised (docs/method.md), with a warning in case the data were forgotten."""
    if has_rows:
        return
    if has_measures:
        p.issues.append(error(msg("measures_without_data"), _tab(book, schema.IMPACT)))
        return
    p.issues.append(warning(msg("not_monetised"), _tab(book, schema.MEASURES)))


def _tab(book: RawWorkbook, sheet: schema.Sheet) -> str:
    """The sheet's tab name as found in the workbook, else its name in the language of the
    workbook's sheet names (a missing Ukuran is named Ukuran, not Measures)."""
    table = book.tables.get(sheet.key)
    return table.name if table is not None else sheet.name(sheet_name_language(book))
