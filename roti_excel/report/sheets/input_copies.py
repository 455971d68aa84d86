"""The Input copies sheets: the input data every formula of the report refers to, block by
block, each row with the input sheet and row it came from: the program's assumptions and
the groups on Input copies, each other block (cost lines, rates, measures, Impact rows,
Estimates rows) on a sheet of its own, so that every long table prints its header row on
each of its pages. Written first, so the other sheets know where each value lives."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from roti_excel import schema
from roti_excel.method.evaluate import Results
from roti_excel.model import Evaluation, Origin
from roti_excel.narrative.facts import choice_label
from roti_excel.report.book import Book, Sheet
from roti_excel.report.styles import typed_decimals

# columns shared by every block: A = where it came from, then the block's own columns
SOURCE_COL = 0


@dataclass
class CostRef:
    unit_cost: str
    quantity: str
    duration: str
    proration: str


@dataclass
class RateRef:
    amount: str
    days: str
    shifts: str
    hours: str


@dataclass
class MeasureRef:
    value_per_unit: str
    contribution: str
    confidence: str


@dataclass
class ImpactRef:
    before: str
    after: str
    control_before: str
    control_after: str


@dataclass
class EstimateRef:
    annual: str
    contribution: str
    confidence: str


@dataclass
class InputRefs:
    """Absolute references (with the sheet name) to the copied input values, keyed by the
    identity of the model object they copy."""

    horizon: str = ""
    objective: str = ""
    discount: str = ""  # the yearly discount rate (0 when none)
    participants: dict[str, str] = field(default_factory=dict)  # group name -> cell
    costs: dict[int, CostRef] = field(default_factory=dict)
    rates: dict[int, RateRef] = field(default_factory=dict)
    measures: dict[int, MeasureRef] = field(default_factory=dict)
    impact: dict[int, ImpactRef] = field(default_factory=dict)
    estimates: dict[int, EstimateRef] = field(default_factory=dict)


def _entered(sh: Sheet, values: Iterable[float | None], kind: str = "") -> Any:
    """The input font with thousands separators and as many decimals as the column's
    values have (8,944 beside 10,025.08 shows 8,944.00): the value as finance reads it,
    never rounded by its format (at most 4 decimals). `kind` "pct" for a share (80%,
    12.5%), "money" for an amount (at least the currency's decimals)."""
    values = list(values)
    if kind == "pct":
        values = [None if v is None else v * 100 for v in values]
    return sh.st.typed(typed_decimals(values), kind=kind, entered=True)


def origin_text(book: Book, origin: Origin) -> str:
    if not origin.sheet:
        return ""
    return book.t("origin", sheet=origin.sheet, row=origin.row)


class _Blocks:
    """Writes the copied blocks: the program's assumptions and the groups one under the
    other on Input copies, every other block on a sheet of its own. A table longer than a
    printed page repeats its header row on each page, and a sheet has one such row."""

    def __init__(self, sh: Sheet, ev: Evaluation, *, own_sheet: bool = False) -> None:
        self.sh = sh
        self.ev = ev
        self.own_sheet = own_sheet  # the block alone on its sheet: no heading, a filter
        self.row = 3

    def start(self, title_key: str, headers: list[str]) -> int:
        """Block heading (the sheet's title says it on a sheet of its own) and header;
        returns the first data row."""
        sh = self.sh
        if not self.own_sheet:
            sh.section(self.row, sh.t(title_key))
            self.row += 1
        sh.header(self.row, 0, [sh.t("col_source"), *headers])
        return self.row + 1

    def end(self, first: int, count: int, ncols: int) -> None:
        if count and self.own_sheet:
            self.sh.ws.autofilter(first - 1, 0, first + count - 1, ncols - 1)
        if not count:
            self.sh.text(first, 1, self.sh.t("none_entered"), self.sh.st.note, fit=False)
            count = 1
        self.row = first + count + 1


def _copy_program(blocks: _Blocks, refs: InputRefs) -> None:
    """The program's assumptions: horizon, ROI objective, currency, outlier rule. A field
    left blank shows the default it took, in the body font (not blue: nobody entered it),
    its source saying so."""
    sh, ev = blocks.sh, blocks.ev
    st, t = sh.st, sh.t
    program_sheet = ev.sheet_names.get("program", "Program")
    first = blocks.start("block_assumptions", [t("col_item"), t("col_value")])
    p = ev.program
    defaulted = p.defaulted | ({"discount_rate"} if p.discount_rate is None else set())
    rows: list[tuple[str, str, object]] = [
        ("assume_horizon", "benefit_horizon", p.horizon_months),
        ("assume_objective", "roi_objective", p.roi_objective),
        ("assume_discount", "discount_rate", p.discount_rate or 0.0),
        ("assume_annualise", "annualise", t("yes") if p.annualise else t("no")),
        ("assume_currency", "currency", p.currency),
        ("assume_outlier", "outlier_rule", t("outlier_" + p.outlier_rule.key))]
    for i, (key, schema_key, value) in enumerate(rows):
        r = first + i
        entered = schema_key not in defaulted
        sh.text(r, 0, program_sheet if entered else t("default_source", sheet=program_sheet))
        sh.text(r, 1, t(key))
        if isinstance(value, str):
            sh.text(r, 2, value, st.input_text if entered else st.wrap)
            continue
        number = float(value)  # type: ignore[arg-type]
        if key == "assume_objective":
            sh.number(r, 2, number, st.input_objective if entered else st.objective)
        else:
            kind = "pct" if key == "assume_discount" else ""
            decimals = typed_decimals([number * 100 if kind else number])
            sh.number(r, 2, number, sh.st.typed(decimals, kind=kind, entered=entered))
    refs.horizon = sh.ref(first, 2)
    refs.objective = sh.ref(first + 1, 2)
    refs.discount = sh.ref(first + 2, 2)
    blocks.end(first, len(rows), 3)


def _copy_groups(blocks: _Blocks, refs: InputRefs) -> None:
    """The groups and their participants."""
    sh, ev = blocks.sh, blocks.ev
    st, t = sh.st, sh.t
    first = blocks.start("block_groups", [t("col_group"), t("col_participants"),
                                          t("col_surveys_sent"), t("col_description")])
    groups_sheet = ev.sheet_names.get("groups", "")
    people = _entered(sh, [v for g in ev.groups for v in (g.participants, g.surveys_sent)])
    for i, g in enumerate(ev.groups):
        r = first + i
        sh.text(r, 0, groups_sheet)
        sh.text(r, 1, g.name, st.input_text)
        sh.number(r, 2, g.participants, people)
        sh.number(r, 3, g.surveys_sent, people)
        sh.text(r, 4, g.description, st.input_text)
        refs.participants[g.name] = sh.ref(r, 2)
    blocks.end(first, len(ev.groups), 5)


def _copy_costs(blocks: _Blocks, refs: InputRefs) -> None:
    """The cost lines."""
    sh, ev = blocks.sh, blocks.ev
    st, t = sh.st, sh.t
    first = blocks.start("block_costs", [
        t("col_group"), t("col_code"), t("col_unit_cost"), t("col_quantity"),
        t("col_duration"), t("col_proration"), t("col_description")])
    unit_cost = _entered(sh, [line.unit_cost for line in ev.costs], "money")
    quantity = _entered(sh, [line.quantity for line in ev.costs])
    proration = _entered(sh, [line.proration for line in ev.costs], "pct")
    duration = _entered(sh, [line.duration for line in ev.costs])
    for i, line in enumerate(ev.costs):
        r = first + i
        sh.text(r, 0, origin_text(sh.book, line.origin))
        sh.text(r, 1, line.group or "", st.input_text)
        sh.text(r, 2, line.code, st.input_text)
        sh.number(r, 3, line.unit_cost, unit_cost)
        sh.number(r, 4, line.quantity, quantity)
        sh.number(r, 5, line.duration, duration)
        sh.number(r, 6, line.proration, proration)
        sh.text(r, 7, line.description, st.input_text)
        refs.costs[id(line)] = CostRef(sh.ref(r, 3), sh.ref(r, 4), sh.ref(r, 5), sh.ref(r, 6))
    blocks.end(first, len(ev.costs), 8)


def _copy_rates(blocks: _Blocks, refs: InputRefs) -> None:
    """The rates that value a unit of a measure."""
    sh, ev = blocks.sh, blocks.ev
    st, t = sh.st, sh.t
    first = blocks.start("block_rates", [
        t("col_rate"), t("col_amount"), t("col_days"), t("col_shifts"), t("col_hours")])
    amount = _entered(sh, [rate.amount for rate in ev.rates], "money")
    days, shifts, hours = (_entered(sh, [getattr(rate, name) for rate in ev.rates])
                           for name in ("days_per_month", "shifts_per_day", "hours_per_shift"))
    for i, rate in enumerate(ev.rates):
        r = first + i
        sh.text(r, 0, origin_text(sh.book, rate.origin))
        sh.text(r, 1, rate.name, st.input_text)
        sh.number(r, 2, rate.amount, amount)
        sh.number(r, 3, rate.days_per_month, days)
        sh.number(r, 4, rate.shifts_per_day, shifts)
        sh.number(r, 5, rate.hours_per_shift, hours)
        refs.rates[id(rate)] = RateRef(sh.ref(r, 2), sh.ref(r, 3), sh.ref(r, 4), sh.ref(r, 5))
    blocks.end(first, len(ev.rates), 6)


def _copy_measures(blocks: _Blocks, refs: InputRefs) -> None:
    """The Level 4 measures."""
    sh, ev = blocks.sh, blocks.ev
    st, t = sh.st, sh.t
    first = blocks.start("block_measures", [
        t("col_measure"), t("col_group"), t("col_unit"), t("col_better_when"),
        t("col_isolation"), t("col_value_per_unit"), t("col_rate"), t("col_contribution"),
        t("col_confidence"), t("col_value_source")])
    per_unit = _entered(sh, [m.value_per_unit for m in ev.measures], "money")
    contribution = _entered(sh, [m.contribution for m in ev.measures], "pct")
    confidence = _entered(sh, [m.confidence for m in ev.measures], "pct")
    for i, m in enumerate(ev.measures):
        r = first + i
        sh.text(r, 0, origin_text(sh.book, m.origin))
        # choices in the report's language, as the template's drop-downs offer them
        for c, value in enumerate((m.name, m.group or "", m.unit,
                                   t("better_" + m.better_when.key), t("iso_" + m.isolation.key)),
                                  start=1):
            sh.text(r, c, value, st.input_text)
        sh.number(r, 6, m.value_per_unit, per_unit)
        sh.text(r, 7, m.rate or "", st.input_text)
        sh.number(r, 8, m.contribution, contribution)
        sh.number(r, 9, m.confidence, confidence)
        sh.text(r, 10, m.value_source, st.input_text)
        refs.measures[id(m)] = MeasureRef(sh.ref(r, 6), sh.ref(r, 8), sh.ref(r, 9))
    blocks.end(first, len(ev.measures), 11)


def _copy_impact(blocks: _Blocks, refs: InputRefs) -> None:
    """The before / after rows of the measures."""
    sh, ev = blocks.sh, blocks.ev
    st, t = sh.st, sh.t
    first = blocks.start("block_impact", [
        t("col_measure"), t("col_group"), t("col_before_period"), t("col_before"),
        t("col_after_period"), t("col_after"), t("col_control_before"), t("col_control_after")])
    # one format for a measure's figures: its before and after read alike, a measure in
    # whole units is not shown with another's decimals
    values: dict[str, list[float | None]] = {}
    for row in ev.impact:
        values.setdefault(row.measure, []).extend(
            (row.before, row.after, row.control_before, row.control_after))
    shown = {name: _entered(sh, numbers) for name, numbers in values.items()}
    for i, row in enumerate(ev.impact):
        figures = shown[row.measure]
        r = first + i
        sh.text(r, 0, origin_text(sh.book, row.origin))
        sh.text(r, 1, row.measure, st.input_text)
        sh.text(r, 2, row.group or "", st.input_text)
        sh.text(r, 3, row.before_period, st.input_text)
        sh.number(r, 4, row.before, figures)
        sh.text(r, 5, row.after_period, st.input_text)
        sh.number(r, 6, row.after, figures)
        sh.number(r, 7, row.control_before, figures)
        sh.number(r, 8, row.control_after, figures)
        refs.impact[id(row)] = ImpactRef(sh.ref(r, 4), sh.ref(r, 6), sh.ref(r, 7), sh.ref(r, 8))
    blocks.end(first, len(ev.impact), 9)


def _copy_estimates(blocks: _Blocks, refs: InputRefs) -> None:
    """The participants' estimates (a sheet only when there are any)."""
    sh, ev = blocks.sh, blocks.ev
    st, t = sh.st, sh.t
    first = blocks.start("block_estimates", [
        t("col_measure"), t("col_group"), t("col_respondent"), t("col_estimate_source"),
        t("col_annual"), t("col_contribution"), t("col_confidence")])
    annual = _entered(sh, [e.annual_improvement for e in ev.estimates])
    contribution = _entered(sh, [e.contribution for e in ev.estimates], "pct")
    confidence = _entered(sh, [e.confidence for e in ev.estimates], "pct")
    for i, e in enumerate(ev.estimates):
        r = first + i
        sh.text(r, 0, origin_text(sh.book, e.origin))
        source = choice_label(schema.ESTIMATE_SOURCE, e.source, sh.book.lang)
        for c, value in enumerate((e.measure, e.group or "", e.respondent, source), start=1):
            sh.text(r, c, value, st.input_text)
        sh.number(r, 5, e.annual_improvement, annual)
        sh.number(r, 6, e.contribution, contribution)
        sh.number(r, 7, e.confidence, confidence)
        refs.estimates[id(e)] = EstimateRef(sh.ref(r, 5), sh.ref(r, 6), sh.ref(r, 7))
    blocks.end(first, len(ev.estimates), 8)


# the blocks on sheets of their own: sheet key, block title, what copies it
_OWN_SHEETS: tuple[tuple[str, str, Callable[[_Blocks, InputRefs], None]], ...] = (
    ("inputs_costs", "block_costs", _copy_costs),
    ("inputs_rates", "block_rates", _copy_rates),
    ("inputs_measures", "block_measures", _copy_measures),
    ("inputs_impact", "block_impact", _copy_impact),
    ("inputs_estimates", "block_estimates", _copy_estimates),
)


def _start_sheet(book: Book, key: str, title: str) -> Sheet:
    sh = book.sheet(key)  # a table a sheet: room for descriptions to stay on one line
    sh.title(0, title)
    sh.text(1, 0, sh.t("inputs_note"), sh.st.note, fit=False)
    return sh


def write(book: Book, results: Results) -> InputRefs:
    """The Input copies sheets; returns where each copied value lives."""
    refs = InputRefs()
    ev = results.evaluation
    sh = _start_sheet(book, "inputs", book.t("inputs_title"))
    blocks = _Blocks(sh, ev)
    _copy_program(blocks, refs)
    _copy_groups(blocks, refs)  # last: the one table here that may run over a page
    sh.min_width(0, 14)
    sh.finish(3)
    for key, block_key, copy in _OWN_SHEETS:
        if key not in book.present:
            continue
        sh = _start_sheet(book, key, book.t("inputs_block_title", block=book.t(block_key)))
        copy(_Blocks(sh, ev, own_sheet=True), refs)
        sh.min_width(0, 14)
        sh.finish(4)  # under the header row
    return refs
