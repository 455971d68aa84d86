"""The Level 4 Impact sheet: per measure its value per unit, isolation and totals; the
benefits per group; then a detail block per measure (see :mod:`impact_rows`) and a line
chart of before, after and the control group or trend projection."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from roti_excel.domain import Isolation
from roti_excel.method.evaluate import Results
from roti_excel.method.impact import MeasureResult
from roti_excel.model import Evaluation
from roti_excel.report import charts
from roti_excel.report.book import Book, Sheet, runs, sum_of
from roti_excel.report.sheets.impact_detail import (
    ESTIMATE_KEYS,
    Block,
    Columns,
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
    rows_by_group: dict[str | None, list[int]] = field(default_factory=dict)
    measure_rows: dict[int, int] = field(default_factory=dict)  # id(MeasureResult) -> row

    def benefits_formula(self, rows: list[int]) -> str:
        sh = self.sheet
        return sum_of([sh.range(a, self.benefit_col, b, self.benefit_col) if a != b
                       else sh.ref(a, self.benefit_col) for a, b in runs(rows)])


ESTIMATE_COLUMNS = Columns(ESTIMATE_KEYS)


def ordered_measures(results: Results) -> list[MeasureResult]:
    order = list(results.evaluation.group_names())
    def rank(m: MeasureResult) -> int:
        return order.index(m.group) if m.group in order else len(order) + (m.group is None)
    return sorted(results.impact.measures, key=rank)


def write(book: Book, results: Results, inputs: InputRefs, narrative: str) -> ImpactRefs:
    ev = results.evaluation
    sh = book.sheet("impact", max_width=30)
    st, t = sh.st, sh.t
    measures = ordered_measures(results)
    horizon = ev.program.horizon_months
    isolations = {m.measure.isolation for m in measures}
    mkeys = ["measure", "group", "unit", "better_when", "isolation", "value_source", "vpu"]
    if Isolation.ESTIMATE in isolations:
        mkeys += ["contribution", "confidence", "factor"]
    if Isolation.TREND_LINE in isolations:
        mkeys += ["intercept", "slope"]
    mkeys += ["improvement_total", "benefits"]
    mc = Columns(mkeys)
    sh.title(0, t("impact_title"))
    sh.paragraph(1, 0, 9, narrative)
    header = 4
    sh.section(header - 1, t("impact_measures_title"))
    sh.header(header, 0, [t("mcol_" + k) for k in mkeys])
    m_first = header + 1
    m_row = {id(m): m_first + i for i, m in enumerate(measures)}
    refs = ImpactRefs(sh, mc["benefits"])
    for m in measures:
        refs.measure_rows[id(m)] = m_row[id(m)]
        refs.rows_by_group.setdefault(m.group, []).append(m_row[id(m)])
    if measures:
        sh.ws.autofilter(header, 0, m_first + len(measures) - 1, len(mkeys) - 1)

    # -- benefits per group (under the measures) ---------------------------------------
    row = m_first + max(len(measures), 1) + 1
    sh.section(row, t("impact_groups_title"))
    sh.header(row + 1, 0, [t("col_group"), t("col_benefits")])
    row += 2
    for group, rows_ in refs.rows_by_group.items():
        sh.text(row, 0, group if group is not None else t("no_group"))
        value = math.fsum(m.benefits for m in measures if m.group == group)
        sh.formula(row, 1, sum_of([sh.local(x, mc["benefits"], True) for x in rows_]),
                   value, st.money)
        row += 1
    sh.text(row, 0, t("total_all"), st.total_label)
    all_benefits = (sh.local_range(m_first, mc["benefits"], m_first + len(measures) - 1,
                                   mc["benefits"]) if measures else "")
    sh.formula(row, 1, f"SUM({all_benefits})" if measures else "0",
               results.impact.benefits(all_groups=True), st.total_money)
    row += 2

    # -- detail per measure --------------------------------------------------------------
    blocks: dict[int, Block] = {}
    note_col = note_column(measures)
    for m in measures:
        mr = m_row[id(m)]
        cells = MeasureCells(*(sh.local(mr, mc[k], True) if k in mc else ""
                               for k in ("vpu", "factor", "intercept", "slope")))
        blocks[id(m)] = write_block(book, sh, row, m, cells, inputs, horizon, note_col)
        row += block_height(m)

    # -- the per-measure table, now that the blocks are placed -----------------------------
    for m in measures:
        _measure_row(sh, m_row[id(m)], m, mc, blocks[id(m)], inputs, ev)

    # -- charts --------------------------------------------------------------------------
    row += 1
    drawn = 0
    for m in measures:
        block = blocks[id(m)]
        if block.periods is None or block.columns is None:
            continue
        top, bottom = block.periods
        pc = block.columns

        def span(col: int, top: int = top, bottom: int = bottom) -> list[object]:
            return [sh.name, top, col, bottom, col]

        series = [(t("col_before"), span(pc["before"])), (t("col_after"), span(pc["after"]))]
        dashed = [False, False]
        if "control_after" in pc:
            series.append((t("col_control_after"), span(pc["control_after"])))
            dashed.append(True)
        if "projection" in pc:
            series.append((t("col_projection"), span(pc["projection"])))
            dashed.append(True)
        title = m.measure.name + (f" ({m.group})" if m.group else "")
        chart = charts.line(book, title, span(pc["after_period"]), series, "#,##0",
                            y_title=m.measure.unit, dashed=dashed,
                            rotate_labels=bottom - top >= 8)
        sh.chart(row + (drawn // 2) * 17, 0, chart, x_offset=(drawn % 2) * 500, y_scale=1.05)
        drawn += 1
    sh.min_width(0, 14)
    sh.finish(header + 1)
    return refs


def _measure_row(sh: Sheet, r: int, m: MeasureResult, mc: Columns, block: Block,
                 inputs: InputRefs, ev: Evaluation) -> None:
    st, t = sh.st, sh.t
    meas = m.measure
    sh.text(r, mc["measure"], meas.name)
    sh.text(r, mc["group"], m.group or "")
    sh.text(r, mc["unit"], meas.unit)
    sh.text(r, mc["better_when"], t("better_" + meas.better_when.key))
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
        if meas.isolation == Isolation.ESTIMATE:
            sh.formula(r, mc["contribution"], mref.contribution, meas.contribution or 0.0,
                       st.pct)
            sh.formula(r, mc["confidence"], mref.confidence, meas.confidence or 0.0, st.pct)
            factor = (meas.contribution or 0.0) * (meas.confidence or 0.0)
            sh.formula(r, mc["factor"], f"{sh.local(r, mc['contribution'])}*"
                       f"{sh.local(r, mc['confidence'])}", factor, st.number4)
        else:
            sh.number(r, mc["factor"], 1.0, st.number4)
    pc = block.columns
    if "intercept" in mc and m.trend is not None and block.periods and pc is not None:
        top, bottom = block.periods
        ys = sh.local_range(top, pc["before"], bottom, pc["before"])
        xs = sh.local_range(top, pc["x_before"], bottom, pc["x_before"])
        sh.formula(r, mc["intercept"], f"INTERCEPT({ys},{xs})", m.trend[0], st.number4)
        sh.formula(r, mc["slope"], f"SLOPE({ys},{xs})", m.trend[1], st.number4)
    counted: list[str] = []
    money: list[str] = []
    if block.periods is not None and pc is not None:
        top, bottom = block.periods
        counted.append(sh.local_range(top, pc["counted"], bottom, pc["counted"]))
        money.append(sh.local_range(top, pc["money"], bottom, pc["money"]))
    if block.estimates is not None:
        top, bottom = block.estimates
        c_col, m_col = ESTIMATE_COLUMNS["counted"], ESTIMATE_COLUMNS["money"]
        counted.append(sh.local_range(top, c_col, bottom, c_col))
        money.append(sh.local_range(top, m_col, bottom, m_col))
    sh.formula(r, mc["improvement_total"], sum_of(counted), m.improvement, st.number)
    sh.formula(r, mc["benefits"], sum_of(money), m.benefits, st.money_bold)
