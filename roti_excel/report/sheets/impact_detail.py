"""The detail blocks of the Level 4 sheet: one per measure, its periods (improvement after
isolation, as a formula over the input copies) and its per-respondent estimates, each
converted to money with the measure's value per unit."""

from __future__ import annotations

import math
from dataclasses import dataclass

from roti_excel import schema
from roti_excel.domain import Direction, Isolation, PeriodNote
from roti_excel.method.impact import MeasureResult, PeriodResult
from roti_excel.narrative.facts import choice_label
from roti_excel.report.book import Book, Sheet
from roti_excel.report.sheets.input_copies import ImpactRef, InputRefs

ESTIMATE_KEYS = ["respondent", "estimate_source", "annual", "contribution", "confidence",
                 "factor", "horizon_factor", "adjusted", "counted", "vpu", "money", "note"]


class Columns:
    """Column positions of a table whose columns depend on the data."""

    def __init__(self, keys: list[str], note_col: int | None = None) -> None:
        self.keys = keys
        self.at = {k: i for i, k in enumerate(keys)}
        if note_col is not None and "note" in self.at:  # notes line up in one column
            self.at["note"] = max(note_col, self.at["note"])

    def headers(self, sh: Sheet, row: int, prefix: str) -> None:
        for key, col in self.at.items():
            sh.header(row, col, [sh.t(prefix + key)])

    def __getitem__(self, key: str) -> int:
        return self.at[key]

    def __contains__(self, key: str) -> bool:
        return key in self.at


@dataclass(frozen=True)
class MeasureCells:
    """Where the measure's parameters live on the per-measure table (absolute, local)."""

    vpu: str
    factor: str
    intercept: str
    slope: str


@dataclass
class Block:
    """Rows and columns a measure's detail block occupies."""

    periods: tuple[int, int] | None = None  # first, last row
    estimates: tuple[int, int] | None = None
    columns: Columns | None = None


def period_keys(m: MeasureResult) -> list[str]:
    iso = m.measure.isolation
    discounted = any(p.discount != 1.0 for p in m.periods)
    if iso == Isolation.TREND_LINE:
        keys = ["before_period", "before", "x_before", "after_period", "after", "x_after",
                "projection"]
    else:
        keys = ["before_period", "before", "after_period", "after"]
    if iso == Isolation.CONTROL_GROUP:
        keys += ["control_before", "control_after", "change", "control_change"]
    keys.append("improvement")
    if iso == Isolation.ESTIMATE:
        keys += ["factor", "adjusted"]
    return [*keys, "counted", "vpu", *(["discount"] if discounted else []), "money", "note"]


def note_text(book: Book, horizon_months: float, note: PeriodNote, *, outlier: bool) -> str:
    t = book.t
    if note is PeriodNote.BEYOND_HORIZON:
        return t("note_beyond_horizon", months=f"{horizon_months:g}")
    if note is PeriodNote.OUTLIER_EXCLUDED:
        return t("note_outlier_excluded")
    text = t("note_missing") if note is PeriodNote.MISSING_VALUE else ""
    if outlier:
        text = (text + "; " if text else "") + t("note_outlier_kept")
    return text


def block_height(m: MeasureResult) -> int:
    """Rows of a measure's block: title, header + periods, header + estimates, notes, gap."""
    rows = 1
    if m.periods:
        rows += 1 + len(m.periods) + (1 if m.measure.isolation == Isolation.TREND_LINE else 0)
    if m.estimates:
        rows += 1 + len(m.estimates)
    return rows + 1


def _direction(m: MeasureResult, before: str, after: str) -> str:
    return f"{before}-{after}" if m.measure.better_when == Direction.LOWER else f"{after}-{before}"


def note_column(measures: list[MeasureResult]) -> int:
    """The one column every block writes its notes in: after the widest block."""
    widths = [len(period_keys(m)) for m in measures if m.periods]
    widths += [len(ESTIMATE_KEYS) for m in measures if m.estimates]
    return max(widths, default=1) - 1


@dataclass(frozen=True)
class Detail:
    """What every detail block draws on: the sheet, the input copies its formulas read,
    the horizon (months) and the one column the notes line up in."""

    sh: Sheet
    inputs: InputRefs
    horizon: float
    note_col: int


def write_block(d: Detail, row: int, m: MeasureResult, cells: MeasureCells) -> Block:
    sh = d.sh
    st, t = sh.st, sh.t
    title = m.measure.name + (f" ({m.group})" if m.group else "")
    sh.section(row, t("impact_block_title", measure=title,
                      isolation=t("iso_" + m.measure.isolation.replace(" ", "_"))))
    row += 1
    block = Block()
    if m.periods:
        pc = Columns(period_keys(m), d.note_col)
        block.columns = pc
        pc.headers(sh, row, "col_")
        row += 1
        block.periods = (row, row + len(m.periods) - 1)
        _Periods(d, m, pc, cells).write(row)
        row += len(m.periods)
        if "x_before" in pc:
            sh.text(row, 0, t("note_x_positions"), st.note, fit=False)
            row += 1
    if m.estimates:
        ec = Columns(ESTIMATE_KEYS, d.note_col)
        ec.headers(sh, row, "col_")
        row += 1
        block.estimates = (row, row + len(m.estimates) - 1)
        _estimates(d, row, m, ec, cells)
    return block


@dataclass(frozen=True)
class _Periods:
    """A measure's period rows: before and after, the isolation (control group or trend
    projection), the improvement, then what is counted and its money."""

    d: Detail
    m: MeasureResult
    pc: Columns
    cells: MeasureCells

    def write(self, row: int) -> None:
        for i, p in enumerate(self.m.periods):
            self._row(row + i, p, year=i // 12)

    def _row(self, r: int, p: PeriodResult, *, year: int) -> None:
        sh, m, pc = self.d.sh, self.m, self.pc
        ref = self.d.inputs.impact[id(p.row)]
        self._values(r, p, ref)
        improvement_f = _direction(m, sh.local(r, pc["before"]), sh.local(r, pc["after"]))
        if "control_before" in pc:
            improvement_f = self._control_group(r, p, ref)
        if m.measure.isolation == Isolation.TREND_LINE and m.trend is not None:
            by_trend = self._projection(r, p, m.trend.intercept, m.trend.slope)
            # a weak trend that would credit more than the plain change credits the change
            improvement_f = by_trend if m.trend.credited else improvement_f
        if p.row.before is None or p.row.after is None:
            sh.number(r, pc["improvement"], 0.0, sh.st.number)
        else:
            sh.formula(r, pc["improvement"], improvement_f, p.improvement, sh.st.number)
        self._counted(r, p, year=year)

    def _values(self, r: int, p: PeriodResult, ref: ImpactRef) -> None:
        """The periods, and the before and after values (copies of the input)."""
        sh, pc, st = self.d.sh, self.pc, self.d.sh.st
        sh.text(r, pc["before_period"], p.row.before_period, st.center)
        sh.text(r, pc["after_period"], p.row.after_period, st.center)
        for key, value, cell in (("before", p.row.before, ref.before),
                                 ("after", p.row.after, ref.after)):
            if value is None:
                sh.number(r, pc[key], None, st.number)
            else:
                sh.formula(r, pc[key], cell, value, st.number)

    def _control_group(self, r: int, p: PeriodResult, ref: ImpactRef) -> str:
        """The control group's values and both changes (when before and after are known);
        returns the improvement's formula: the change less the control group's."""
        sh, m, pc, st = self.d.sh, self.m, self.pc, self.d.sh.st
        sh.formula(r, pc["control_before"], ref.control_before, p.row.control_before or 0.0,
                   st.number)
        sh.formula(r, pc["control_after"], ref.control_after, p.row.control_after or 0.0,
                   st.number)
        if p.row.before is not None and p.row.after is not None:
            b, a = sh.local(r, pc["before"]), sh.local(r, pc["after"])
            cb, ca = sh.local(r, pc["control_before"]), sh.local(r, pc["control_after"])
            sh.formula(r, pc["change"], _direction(m, b, a), p.change, st.number)
            sh.formula(r, pc["control_change"], _direction(m, cb, ca), p.baseline or 0.0,
                       st.number)
        return f"{sh.local(r, pc['change'])}-{sh.local(r, pc['control_change'])}"

    def _projection(self, r: int, p: PeriodResult, intercept: float, slope: float) -> str:
        """The periods' positions and the trend line's projection; returns the
        improvement's formula: after against the projection."""
        sh, m, pc, st = self.d.sh, self.m, self.pc, self.d.sh.st
        x_after = p.after_x or 0.0
        if p.before_x is not None:
            sh.number(r, pc["x_before"], p.before_x, st.integer)
        sh.number(r, pc["x_after"], x_after, st.integer)
        sh.formula(r, pc["projection"],
                   f"{self.cells.intercept}+{self.cells.slope}*{sh.local(r, pc['x_after'])}",
                   intercept + slope * x_after, st.number)
        return _direction(m, sh.local(r, pc["projection"]), sh.local(r, pc["after"]))

    def _counted(self, r: int, p: PeriodResult, *, year: int) -> None:
        """The estimate's factor (when isolated by estimates), what is counted (nothing for
        an excluded period), its value per unit, money and note."""
        d, m, pc, cells = self.d, self.m, self.pc, self.cells
        sh, st = d.sh, d.sh.st
        counted_src = sh.local(r, pc["improvement"])
        if "factor" in pc:
            sh.formula(r, pc["factor"], cells.factor, p.factor, st.pct1)  # a share
            sh.formula(r, pc["adjusted"], f"{counted_src}*{sh.local(r, pc['factor'])}",
                       p.adjusted, st.number)
            counted_src = sh.local(r, pc["adjusted"])
        if p.included:
            sh.formula(r, pc["counted"], counted_src, p.adjusted, st.number)
        else:
            sh.number(r, pc["counted"], 0.0, st.number)
        sh.formula(r, pc["vpu"], cells.vpu, m.value_per_unit, st.money2)
        money_f = f"{sh.local(r, pc['counted'])}*{sh.local(r, pc['vpu'])}"
        if "discount" in pc:
            sh.formula(r, pc["discount"], f"1/(1+{d.inputs.discount})^{year}", p.discount,
                       st.number4)
            money_f += f"*{sh.local(r, pc['discount'])}"
        sh.formula(r, pc["money"], money_f, p.money, st.money)
        sh.text(r, pc["note"], note_text(sh.book, d.horizon, p.note, outlier=p.outlier),
                st.note_cell)


def _estimates(d: Detail, row: int, m: MeasureResult, ec: Columns,
               cells: MeasureCells) -> None:
    sh, inputs = d.sh, d.inputs
    st = sh.st
    for i, e in enumerate(m.estimates):
        r = row + i
        ref = inputs.estimates[id(e.estimate)]
        sh.text(r, ec["respondent"], e.estimate.respondent)
        sh.text(r, ec["estimate_source"],
                choice_label(schema.ESTIMATE_SOURCE, e.estimate.source, sh.book.lang))
        if e.estimate.annual_improvement is None:
            sh.number(r, ec["annual"], None, st.number)
        else:
            sh.formula(r, ec["annual"], ref.annual, e.estimate.annual_improvement, st.number)
        sh.formula(r, ec["contribution"], ref.contribution, e.estimate.contribution, st.pct)
        sh.formula(r, ec["confidence"], ref.confidence, e.estimate.confidence, st.pct)
        sh.formula(r, ec["factor"], f"{sh.local(r, ec['contribution'])}*"
                   f"{sh.local(r, ec['confidence'])}", e.factor, st.pct1)
        sh.formula(r, ec["horizon_factor"], horizon_factor_formula(d), e.horizon_factor,
                   st.number4)
        sh.formula(r, ec["adjusted"], "*".join(
            sh.local(r, ec[k]) for k in ("annual", "factor", "horizon_factor")),
            e.adjusted, st.number)
        if e.included:
            sh.formula(r, ec["counted"], sh.local(r, ec["adjusted"]), e.adjusted, st.number)
        else:
            sh.number(r, ec["counted"], 0.0, st.number)
        sh.formula(r, ec["vpu"], cells.vpu, m.value_per_unit, st.money2)
        sh.formula(r, ec["money"], f"{sh.local(r, ec['counted'])}*{sh.local(r, ec['vpu'])}",
                   e.money, st.money)
        sh.text(r, ec["note"], note_text(sh.book, d.horizon, e.note, outlier=e.outlier),
                st.note_cell)


def horizon_factor_formula(d: Detail) -> str:
    """The share of a first-year estimate the horizon counts, over the input copies: H/12
    within a year; beyond it, each later year's months over (1 + rate)^year."""
    h, rate = d.inputs.horizon, d.inputs.discount
    years = math.ceil(d.horizon / 12)
    if years <= 1:
        return f"{h}/12"
    terms = [f"MIN(12,{h})"] + [f"MIN(12,MAX(0,{h}-{12 * k}))/(1+{rate})^{k}"
                                for k in range(1, years)]
    return f"({'+'.join(terms)})/12"
