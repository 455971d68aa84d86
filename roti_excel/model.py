"""The evaluation as typed, validated values. Built by :mod:`roti_excel.reading.parser`; read by
the level computations. Each row remembers where it came from (sheet and row), so
later messages and the report's input copies can point back at the input."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from roti_excel.domain import Attendance, Direction, Isolation, Language, OutlierRule
from roti_excel.issues import Issue
from roti_excel.schema import normalise


class Origin(NamedTuple):
    """Where a row was read: the workbook's tab name and the 1-based row number.
    (A named tuple: a large sheet makes hundreds of thousands of them.)"""

    sheet: str
    row: int

    def cell(self, col_letter: str) -> str:
        return f"{col_letter}{self.row}"


NOWHERE = Origin("", 0)


@dataclass(frozen=True)
class Program:
    name: str
    organization: str = ""
    currency: str = "IDR"
    language: Language = Language.EN
    roi_objective: float = 0.25
    horizon_months: float = 12.0
    evaluation_start: dt.date | None = None
    evaluation_end: dt.date | None = None
    prepared_by: str = ""
    outlier_rule: OutlierRule = OutlierRule.FLAG
    # (upper bound, label) pairs, ascending; empty = use the question's scale labels
    category_bands: tuple[tuple[float, str], ...] = ()
    # docs/method.md, "The benefit period"
    annualise: bool = False
    discount_rate: float | None = None  # a fraction per year; needed beyond 12 months
    trend_r2_minimum: float = 0.5
    # docs/method.md, "Objectives at every level" (None: not set)
    reaction_objective: float | None = None  # minimum mean score
    learning_objective: float | None = None  # minimum pass rate, a fraction
    application_objective: float | None = None  # minimum mean score
    reviewed_by: str = ""
    approved_by: str = ""
    # the fields left blank, which took their default (schema keys): the report shows them
    # as defaults, not as values entered
    defaulted: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Group:
    name: str
    participants: float | None = None
    surveys_sent: float | None = None
    description: str = ""
    participants_cell: str = ""  # the Participants cell, e.g. "B5", for messages


@dataclass(frozen=True)
class CostLine:
    code: str
    unit_cost: float
    quantity: float = 1.0
    duration: float = 1.0
    proration: float = 1.0
    group: str | None = None
    description: str = ""
    origin: Origin = NOWHERE

    @property
    def amount(self) -> float:
        return self.unit_cost * self.quantity * self.duration * self.proration


@dataclass(frozen=True)
class Question:
    code: str
    level: int  # 1 or 3
    dimension: str  # a schema choice key, e.g. "material", "cognitive"
    text: str = ""
    scale_min: float = 1.0
    scale_max: float = 5.0
    labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class Answer:
    code: str
    value: float
    cell: str  # A1 reference in the row's sheet


@dataclass(frozen=True)
class SurveyRow:
    """One row of a survey sheet (Reaction or Application). `values` line up with the
    survey's question codes; None where the answer is blank."""

    values: tuple[float | None, ...]
    group: str | None = None
    session: str = ""
    trainer: str = ""
    date: dt.date | None = None
    respondent: str = ""
    weight: float = 1.0
    origin: Origin = NOWHERE


# Kept as names: level 1 rows carry session, trainer, date and weight; level 3 rows don't.
ReactionRow = SurveyRow
ApplicationRow = SurveyRow


@dataclass(frozen=True)
class Survey:
    """The answers of one survey sheet. Codes and column letters are held once, not per
    answer: a company-wide survey has hundreds of thousands of rows."""

    codes: tuple[str, ...] = ()
    rows: tuple[SurveyRow, ...] = ()
    columns: tuple[str, ...] = ()  # column letter of each code in the sheet, for messages
    sheet: str = ""

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[SurveyRow]:
        return iter(self.rows)

    def __bool__(self) -> bool:
        return bool(self.rows)

    def cell(self, row: SurveyRow, index: int) -> str:
        letter = self.columns[index] if index < len(self.columns) else "A"
        return f"{letter}{row.origin.row}"

    def answers(self, row: SurveyRow) -> Iterator[Answer]:
        """The row's non-blank answers with their cells (for messages and listings)."""
        for i, value in enumerate(row.values):
            if value is not None:
                yield Answer(self.codes[i], value, self.cell(row, i))

    @classmethod
    def of(cls, *answers: Mapping[str, float], **row_fields: Any) -> Survey:
        """A survey from {code: value} dicts (for tests and scripts); one row each."""
        codes = tuple(dict.fromkeys(code for a in answers for code in a))
        rows = tuple(SurveyRow(tuple(a.get(c) for c in codes), **row_fields) for a in answers)
        return cls(codes, rows)


@dataclass(frozen=True)
class LearningRow:
    participant: str
    post_test: float | None
    group: str | None = None
    name: str = ""
    pre_test: float | None = None
    max_score: float | None = None
    pass_mark: float | None = None
    status: Attendance | None = None  # None: not stated
    origin: Origin = NOWHERE
    post_cell: str = ""


@dataclass(frozen=True)
class ApplicationCount:
    code: str
    counts: tuple[tuple[float, float], ...]  # (scale point, number of answers)
    group: str | None = None
    origin: Origin = NOWHERE


@dataclass(frozen=True)
class Rate:
    name: str
    amount: float
    days_per_month: float = 1.0
    shifts_per_day: float = 1.0
    hours_per_shift: float = 1.0
    origin: Origin = NOWHERE

    @property
    def value(self) -> float:
        return self.amount / self.days_per_month / self.shifts_per_day / self.hours_per_shift


@dataclass(frozen=True)
class Measure:
    name: str
    better_when: Direction
    isolation: Isolation
    group: str | None = None
    unit: str = ""
    type: str = ""
    value_per_unit: float | None = None
    rate: str | None = None
    value_source: str = ""
    contribution: float | None = None
    confidence: float | None = None
    notes: str = ""
    origin: Origin = NOWHERE
    target_improvement: float | None = None  # objective, in the unit, over the horizon


@dataclass(frozen=True)
class ImpactRow:
    measure: str
    before: float | None
    after: float | None
    group: str | None = None
    before_period: str = ""
    after_period: str = ""
    control_before: float | None = None
    control_after: float | None = None
    origin: Origin = NOWHERE
    after_cell: str = ""  # the After cell, e.g. "F7", for messages about the value typed


@dataclass(frozen=True)
class Estimate:
    measure: str
    respondent: str
    annual_improvement: float | None
    contribution: float
    confidence: float
    group: str | None = None
    source: str = ""
    origin: Origin = NOWHERE
    improvement_cell: str = ""  # the Annual improvement cell, e.g. "E4"


@dataclass(frozen=True)
class Intangible:
    benefit: str
    group: str | None = None
    evidence: str = ""
    direction: str = ""


@dataclass(frozen=True)
class Evaluation:
    program: Program
    groups: tuple[Group, ...] = ()
    costs: tuple[CostLine, ...] = ()
    questions: tuple[Question, ...] = ()
    reaction: Survey = field(default_factory=Survey)
    learning: tuple[LearningRow, ...] = ()
    application: Survey = field(default_factory=Survey)
    application_counts: tuple[ApplicationCount, ...] = ()
    rates: tuple[Rate, ...] = ()
    measures: tuple[Measure, ...] = ()
    impact: tuple[ImpactRow, ...] = ()
    estimates: tuple[Estimate, ...] = ()
    intangibles: tuple[Intangible, ...] = ()
    source: str = ""  # the input file's name, when read from a file
    fingerprint: str = ""  # the input file's SHA-256 (hex), when read from a file
    # schema sheet key -> tab name as found in the workbook
    sheet_names: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    # warnings found while reading; carried into the report's data-quality sheet
    warnings: tuple[Issue, ...] = field(default=(), compare=False)

    def questions_at(self, level: int) -> tuple[Question, ...]:
        return tuple(q for q in self.questions if q.level == level)

    def rate(self, name: str) -> Rate | None:
        wanted = name.strip().casefold()
        return next((r for r in self.rates if r.name.strip().casefold() == wanted), None)

    def group_names(self) -> tuple[str, ...]:
        return tuple(g.name for g in self.groups)


def find_measure(found: tuple[Measure, ...], name: str, group: str | None) -> Measure | None:
    """A measure of the row's group, else one listed with a blank group."""
    wanted = normalise(name)
    for g in (group, None):
        for m in found:
            if normalise(m.name) == wanted and normalise(m.group or "") == normalise(g or ""):
                return m
    return None
