"""The Level 4 Impact sheet: per measure its value per unit, isolation and totals; the
benefits per group; then a detail block per measure (see :mod:`impact_rows`) and a line
chart of before, after and the control group or trend projection."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from roti_excel.domain import Isolation
from roti_excel.method.evaluate import Results
from roti_excel.method.impact import MeasureResult
from roti_excel.method.objectives import meets
from roti_excel.model import Evaluation
from roti_excel.report import charts
from roti_excel.report.book import Book, Sheet, literal, runs, sum_of
from roti_excel.report.sheets.impact_detail import (
    ESTIMATE_KEYS,
    Block,
    Columns,
    Detail,
    MeasureCells,
    block_height,
    note_column,
    write_block,
)
from roti_excel.report.sheets.input_copies import InputRefs


@dataclass
class ImpactRefs:
    sheet: Sheet
    benefit_col: int
    months_col: int
    rows_by_group: dict[str | None, list[int]] = field(default_factory=dict)
    measure_rows: dict[int, int] = field(default_factory=dict)  # id(MeasureResult) -> row

    def _cells(self, rows: list[int], col: int) -> list[str]:
        sh = self.sheet
        return [sh.range(a, col, b, col) if a != b else sh.ref(a, col) for a, b in runs(rows)]

    def benefits_formula(self, rows: list[int]) -> str:
        return sum_of(self._cells(rows, self.benefit_col))

    def months_formula(self, rows: list[int]) -> str:
        """The months of benefits of these measures: the longest ("0" for none)."""
        return f"MAX({','.join(self._cells(rows, self.months_col))})" if rows else "0"


ESTIMATE_COLUMNS = Columns(ESTIMATE_KEYS)


def ordered_measures(results: Results) -> list[MeasureResult]:
    order = list(results.evaluation.group_names())
    def rank(m: MeasureResult) -> int:
        return order.index(m.group) if m.group in order else len(order) + (m.group is None)
    return sorted(results.impact.measures, key=rank)


_HEADER = 4  # the per-measure table's header row


def _measure_columns(measures: list[MeasureResult]) -> Columns:
    """The per-measure table's columns: the estimate's and the trend's only when a
    measure is isolated that way."""
    isolations = {m.measure.isolation for m in measures}
    mkeys = ["measure", "group", "unit", "better_when", "isolation", "value_source", "vpu"]
    if Isolation.ESTIMATE in isolations:
        mkeys += ["contribution", "confidence", "factor"]
    if Isolation.TREND_LINE in isolations:
        mkeys += ["intercept", "slope", "r2"]
    if any(m.coverage is not None for m in measures):
        mkeys += ["respondents", "participants"]
    mkeys += ["months"]
    if any(m.annualise != 1.0 for m in measures):
        mkeys += ["annualise"]
    mkeys += ["improvement_total"]
    if any(m.measure.target_improvement is not None for m in measures):
        if any(not math.isclose(m.improvement_over_horizon, m.improvement)
               for m in measures):  # annualised, or estimates beyond a year
            mkeys += ["improvement_horizon"]
        mkeys += ["target", "target_met"]
    mkeys += ["benefits"]
    return Columns(mkeys)


def write(book: Book, results: Results, inputs: InputRefs, narrative: str) -> ImpactRefs:
    """The Impact sheet: the per-measure table, the benefits per group, a detail block
    per measure, and their charts."""
    sh = book.sheet("impact", max_width=30)
    measures = ordered_measures(results)
    mc = _measure_columns(measures)
    sh.title(0, sh.t("impact_title"))
    sh.paragraph(1, 0, 9, narrative)
    refs = _write_measure_header(sh, mc, measures)
    row = _write_notes(sh, measures, _HEADER + 1 + max(len(measures), 1) + 1)
    row = _write_group_benefits(sh, results, measures, refs, row)
    detail = Detail(sh, inputs, results.evaluation.program.horizon_months,
                    note_column(measures))
    blocks, row = _write_blocks(detail, measures, refs, mc, row)
    # the per-measure table, now that the blocks are placed
    table = _MeasureTable(sh, mc, inputs, results.evaluation)
    for m in measures:
        _measure_row(table, refs.measure_rows[id(m)], m, blocks[id(m)])
    _write_charts(sh, measures, blocks, row + 1)
    sh.min_width(0, 14)
    sh.finish(_HEADER + 1)
    return refs


def _write_measure_header(sh: Sheet, mc: Columns, measures: list[MeasureResult]) -> ImpactRefs:
    """The per-measure table's heading and header; its rows (a row per measure, from the
    header down) noted in the refs, by measure and by group."""
    t = sh.t
    sh.section(_HEADER - 1, t("impact_measures_title"))
    sh.header(_HEADER, 0, [t("mcol_" + k) for k in mc.keys])
    refs = ImpactRefs(sh, mc["benefits"], mc["months"])
    for i, m in enumerate(measures):
        refs.measure_rows[id(m)] = _HEADER + 1 + i
        refs.rows_by_group.setdefault(m.group, []).append(_HEADER + 1 + i)
    if measures:
        sh.ws.autofilter(_HEADER, 0, _HEADER + len(measures), len(mc.keys) - 1)
    return refs


def _write_notes(sh: Sheet, measures: list[MeasureResult], row: int) -> int:
    """The notes for finance, a paragraph a measure under the table (as a column of the
    table, long notes made the sheet too wide to print on one page at a readable size);
    returns the next section's row."""
    noted = [m for m in measures if m.measure.notes.strip()]
    if not noted:
        return row
    sh.section(row, sh.t("mcol_notes"), keep=1 + len(noted))
    for i, m in enumerate(noted, start=1):
        name = m.measure.name + (f" ({m.group})" if m.group else "")
        sh.paragraph(row + i, 0, 9, f"{name}: {m.measure.notes}")
    return row + len(noted) + 2


def _write_group_benefits(sh: Sheet, results: Results, measures: list[MeasureResult],
                          refs: ImpactRefs, row: int) -> int:
    """The benefits per group and in total, sums of the per-measure table's benefits;
    returns the next section's row."""
    st, t, col = sh.st, sh.t, refs.benefit_col
    sh.section(row, t("impact_groups_title"))
    # the money across two columns: the per-measure table above sets their widths
    sh.header(row + 1, 0, [t("col_group"), t("col_benefits")])
    sh.ws.merge_range(row + 1, 1, row + 1, 2, t("col_benefits"), st.header)
    row += 2
    for group, rows_ in refs.rows_by_group.items():
        sh.text(row, 0, group if group is not None else t("no_group"))
        value = math.fsum(m.benefits for m in measures if m.group == group)
        sh.formula(row, 1, sum_of([sh.local(x, col, absolute=True) for x in rows_]),
                   value, st.money, last_col=2)
        row += 1
    sh.text(row, 0, t("total_all"), st.total_label)
    first = _HEADER + 1
    all_benefits = (sh.local_range(first, col, first + len(measures) - 1, col)
                    if measures else "")
    sh.formula(row, 1, f"SUM({all_benefits})" if measures else "0",
               results.impact.benefits(all_groups=True), st.total_money, last_col=2)
    return row + 2


def _write_blocks(detail: Detail, measures: list[MeasureResult], refs: ImpactRefs,
                  mc: Columns, row: int) -> tuple[dict[int, Block], int]:
    """A detail block per measure from `row`, its formulas reading the measure's
    parameters on the per-measure table; returns the blocks and the row under them."""
    sh = detail.sh
    blocks: dict[int, Block] = {}
    for m in measures:
        mr = refs.measure_rows[id(m)]
        cells = MeasureCells(*(sh.local(mr, mc[k], absolute=True) if k in mc else ""
                               for k in ("vpu", "factor", "intercept", "slope")))
        blocks[id(m)] = write_block(detail, row, m, cells)
        row += block_height(m)
    return blocks, row


def _period_chart(sh: Sheet, m: MeasureResult, block: Block) -> Any:
    """A line chart of the block's before and after values, with the control group's
    after or the trend's projection dashed; None for a block without periods."""
    if block.periods is None or block.columns is None:
        return None
    t = sh.t
    top, bottom = block.periods
    pc = block.columns

    def span(col: int) -> list[object]:
        return [sh.name, top, col, bottom, col]

    # on the period index (1, 2, ...): the before and after lines cover different months,
    # so each series names its own
    before = _periods_shown([p.row.before_period for p in m.periods])
    after = _periods_shown([p.row.after_period for p in m.periods])
    series = [(f"{t('col_before')} ({before})", span(pc["before"])),
              (f"{t('col_after')} ({after})", span(pc["after"]))]
    dashed = [False, False]
    if "control_after" in pc:
        series.append((f"{t('col_control_after')} ({after})", span(pc["control_after"])))
        dashed.append(True)
    if "projection" in pc:
        series.append((f"{t('col_projection')} ({after})", span(pc["projection"])))
        dashed.append(True)
    title = m.measure.name + (f" ({m.group})" if m.group else "")
    return charts.line(sh.book, title, None, series, "#,##0", y_title=m.measure.unit,
                       x_title=t("chart_period_index"), dashed=dashed)


def _periods_shown(periods: list[str]) -> str:
    """The first and last period of a series, as typed: "2009-01 – 2009-12"."""
    named = [p for p in periods if p]
    if not named:
        return ""
    return named[0] if len(named) == 1 else f"{named[0]} – {named[-1]}"


def _write_charts(sh: Sheet, measures: list[MeasureResult], blocks: dict[int, Block],
                  row: int) -> None:
    """The measures' charts from `row`, two side by side."""
    drawn = 0
    for m in measures:
        chart = _period_chart(sh, m, blocks[id(m)])
        if chart is None:
            continue
        sh.chart(row + (drawn // 2) * 17, 0, chart, x_offset=(drawn % 2) * 500, y_scale=1.05)
        drawn += 1


@dataclass(frozen=True)
class _MeasureTable:
    """The per-measure table: its sheet and columns, and what its formulas read (the input
    copies, and the evaluation's rates)."""

    sh: Sheet
    mc: Columns
    inputs: InputRefs
    ev: Evaluation


def _measure_row(table: _MeasureTable, r: int, m: MeasureResult, block: Block) -> None:
    sh, mc, inputs, ev = table.sh, table.mc, table.inputs, table.ev
    st, t = sh.st, sh.t
    meas = m.measure
    sh.text(r, mc["measure"], meas.name)
    sh.text(r, mc["group"], m.group or "")
    sh.text(r, mc["unit"], meas.unit)
    sh.text(r, mc["better_when"], t("better_" + meas.better_when.key), sh.st.wrap)
    sh.text(r, mc["isolation"], t("iso_" + meas.isolation.key))
    sh.text(r, mc["value_source"], meas.value_source, st.wrap)
    mref = inputs.measures[id(meas)]
    rate = ev.rate(meas.rate or "")
    if meas.value_per_unit is not None:
        sh.formula(r, mc["vpu"], mref.value_per_unit, m.value_per_unit, st.money2)
    elif rate is not None:
        rr = inputs.rates[id(rate)]
        sh.formula(r, mc["vpu"], f"{rr.amount}/{rr.days}/{rr.shifts}/{rr.hours}",
                   m.value_per_unit, st.money2)
    else:
        sh.number(r, mc["vpu"], m.value_per_unit, st.money2)
    if "factor" in mc:
        if meas.isolation == Isolation.ESTIMATE and not m.periods:
            # estimates only: each Estimates row applies its own factors (see the block)
            for key in ("contribution", "confidence", "factor"):
                sh.text(r, mc[key], t("per_estimate_row"), st.note_cell)
        elif meas.isolation == Isolation.ESTIMATE:
            sh.formula(r, mc["contribution"], mref.contribution, meas.contribution or 0.0,
                       st.pct)
            sh.formula(r, mc["confidence"], mref.confidence, meas.confidence or 0.0, st.pct)
            factor = (meas.contribution or 0.0) * (meas.confidence or 0.0)
            sh.formula(r, mc["factor"], f"{sh.local(r, mc['contribution'])}*"
                       f"{sh.local(r, mc['confidence'])}", factor, st.pct1)  # a share
        else:
            sh.number(r, mc["factor"], 1.0, st.pct1)
    _trend_cells(table, r, m, block)
    _period_cells(table, r, m)
    _benefit_cells(table, r, m, block)


def _trend_cells(table: _MeasureTable, r: int, m: MeasureResult, block: Block) -> None:
    """The trend line's intercept, slope and R² over the block's before values."""
    sh, mc, st = table.sh, table.mc, table.sh.st
    pc = block.columns
    if "intercept" not in mc or m.trend is None or not block.periods or pc is None:
        return
    top, bottom = block.periods
    ys = sh.local_range(top, pc["before"], bottom, pc["before"])
    xs = sh.local_range(top, pc["x_before"], bottom, pc["x_before"])
    sh.formula(r, mc["intercept"], f"INTERCEPT({ys},{xs})", m.trend.intercept, st.number4)
    sh.formula(r, mc["slope"], f"SLOPE({ys},{xs})", m.trend.slope, st.number4)
    befores = [p.row.before for p in m.periods if p.row.before is not None]
    if len(set(befores)) > 1:
        sh.formula(r, mc["r2"], f"RSQ({ys},{xs})", m.trend.r2, st.number4)
    else:  # RSQ of values that never vary is a division by 0; R² is taken as 0 (weak)
        sh.number(r, mc["r2"], m.trend.r2, st.number4)


def _period_cells(table: _MeasureTable, r: int, m: MeasureResult) -> None:
    """Months of benefits, Annualise factor, estimate coverage, target."""
    sh, mc, st, inputs = table.sh, table.mc, table.sh.st, table.inputs
    sh.number(r, mc["months"], m.months, st.month_count)
    if "annualise" in mc:
        if m.annualise != 1.0 and not any(p.discount != 1.0 for p in m.periods) \
                and table.ev.program.discount_rate is None:
            sh.formula(r, mc["annualise"], f"{inputs.horizon}/{m.covered}", m.annualise,
                       st.number4)
        else:
            sh.number(r, mc["annualise"], m.annualise, st.number4)
    if "respondents" in mc and m.coverage is not None:
        sh.number(r, mc["respondents"], m.coverage.respondents, st.integer)
        sh.number(r, mc["participants"], m.coverage.participants, st.integer)
    if "target" in mc and m.measure.target_improvement is not None:
        sh.number(r, mc["target"], m.measure.target_improvement, st.number)
        met = meets(m.improvement_over_horizon, m.measure.target_improvement)
        judged = "improvement_total"
        if "improvement_horizon" in mc:
            judged = "improvement_horizon"
            sh.number(r, mc[judged], m.improvement_over_horizon, st.number)
        sh.formula(r, mc["target_met"], f'IF({sh.local(r, mc[judged])}>='
                   f'{sh.local(r, mc["target"])},{literal(sh.t("met"))},'
                   f'{literal(sh.t("not_met"))})', sh.t("met" if met else "not_met"), st.center)


def _benefit_cells(table: _MeasureTable, r: int, m: MeasureResult, block: Block) -> None:
    """Improvement counted and benefits: the sums of the block's periods (x Annualise) and
    estimates."""
    sh, mc, st = table.sh, table.mc, table.sh.st
    pc = block.columns
    counted: list[str] = []
    money: list[str] = []
    if block.periods is not None and pc is not None:
        top, bottom = block.periods
        counted.append(sh.local_range(top, pc["counted"], bottom, pc["counted"]))
        periods = sh.local_range(top, pc["money"], bottom, pc["money"])
        money.append(f"SUM({periods})*{sh.local(r, mc['annualise'])}"
                     if "annualise" in mc else periods)
    if block.estimates is not None:
        top, bottom = block.estimates
        c_col, m_col = ESTIMATE_COLUMNS["counted"], ESTIMATE_COLUMNS["money"]
        counted.append(sh.local_range(top, c_col, bottom, c_col))
        money.append(sh.local_range(top, m_col, bottom, m_col))
    sh.formula(r, mc["improvement_total"], sum_of(counted), m.improvement, st.number)
    sh.formula(r, mc["benefits"], sum_of(money), m.benefits, st.money_bold)
