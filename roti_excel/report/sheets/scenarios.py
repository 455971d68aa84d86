"""The Scenarios sheet: the place for what-ifs. The key assumptions as editable cells (the
only unlocked cells of the report), live formulas giving the scenario's benefits, costs,
BCR, ROI, band and payback beside the reported ones, and the ROI's sensitivity to each
assumption varied alone between a stated low and high value, with a tornado chart.

The arithmetic is :mod:`roti_excel.method.scenarios`'; its values are the formulas'
stored results."""

from __future__ import annotations

import math
from dataclasses import dataclass

from roti_excel.domain import Band
from roti_excel.method import scenarios as sc
from roti_excel.method.evaluate import Results
from roti_excel.report import charts
from roti_excel.report.book import Sheet, literal
from roti_excel.report.sheets.impact import ImpactRefs, ordered_measures
from roti_excel.report.sheets.input_copies import InputRefs
from roti_excel.report.sheets.roi import (
    RoiRefs,
    band_key,
    band_label,
    bcr_cached,
    costs_label_key,
    net_cached,
    payback_cached,
    roi_cached,
)

# the per-measure table's columns
C_NAME, C_GROUP, C_BEN, C_SHARE, C_SHARE_IN, C_VALUE, C_VALUE_IN, C_SCEN = range(8)
# the other tables: label, reported (or low), scenario (or high), ...
C_LABEL, C_REPORTED, C_SCENARIO = 0, 1, 2
C_ROI_LOW, C_ROI_HIGH, C_CHANGE_LOW, C_CHANGE_HIGH = 3, 4, 5, 6
MEASURES_ROW = 3  # the per-measure table's section heading


@dataclass(frozen=True)
class _Cells:
    """Where the scenario's inputs and the reported figures are, as local references."""

    measure_benefits: str  # the sum of the per-measure scenario benefits
    months: tuple[str, str]  # reported, scenario
    salary: str
    benefits_factor: str
    costs_factor: str
    objective: str  # the ROI objective's cell on Input copies


def write(sh: Sheet, results: Results, inputs: InputRefs, impact: ImpactRefs,
          roi: RoiRefs) -> None:
    st, t = sh.st, sh.t
    measures = ordered_measures(results)
    assumptions = sc.measure_assumptions(measures)
    sh.title(0, t("scenarios_title"))
    sh.paragraph(1, 0, C_SCEN, t("scenarios_note"), st.note_wrap)
    rows = [impact.measure_rows[id(m)] for m in measures]
    row, total_cell = _write_measures(sh, assumptions, impact, rows, MEASURES_ROW)
    row, cells = _write_program(sh, results, roi, (total_cell, inputs.objective), row + 1)
    row, result_cells = _write_result(sh, results, assumptions, roi, cells, row + 1)
    _write_sensitivity(sh, results, assumptions, result_cells, row + 1)
    sh.min_width(C_NAME, 34)
    for col in range(1, C_SCEN + 1):
        sh.min_width(col, 15)
    sh.finish(None)


def _write_measures(sh: Sheet, measures: tuple[sc.MeasureAssumption, ...],
                    impact: ImpactRefs, impact_rows: list[int],
                    row: int) -> tuple[int, str]:
    """A row per Level 4 series: reported benefits (from Level 4), the share credited and
    the value per unit, reported and editable, and the scenario's benefits."""
    st, t = sh.st, sh.t
    sh.section(row, t("scenarios_measures"))
    sh.header(row + 1, 0, [t("col_measure"), t("col_group"), t("col_benefits_reported"),
                           t("col_share_reported"), t("col_share_scenario"),
                           t("col_value_reported"), t("col_value_scenario"),
                           t("col_scenario_benefits")])
    first = row + 2
    r = first
    for m, impact_row in zip(measures, impact_rows, strict=True):
        sh.text(r, C_NAME, m.name, st.wrap)
        sh.text(r, C_GROUP, m.group or t("all_groups"))
        sh.formula(r, C_BEN, impact.sheet.ref(impact_row, impact.benefit_col), m.benefits,
                   st.money)
        factors = [sh.local(r, C_BEN)]
        if m.share is not None:
            sh.number(r, C_SHARE, m.share, st.pct)
            sh.number(r, C_SHARE_IN, m.share, st.scenario_pct)
            factors.append(f"({sh.local(r, C_SHARE_IN)}/{sh.local(r, C_SHARE)})")
        else:
            sh.text(r, C_SHARE, t("na"), st.right)
            sh.text(r, C_SHARE_IN, t("na"), st.right)
        sh.number(r, C_VALUE, m.value_per_unit, st.money2)
        if m.value_per_unit != 0:
            sh.number(r, C_VALUE_IN, m.value_per_unit, st.scenario_money2)
            factors.append(f"({sh.local(r, C_VALUE_IN)}/{sh.local(r, C_VALUE)})")
        else:
            sh.text(r, C_VALUE_IN, t("na"), st.right)
        sh.formula(r, C_SCEN, "*".join(factors), m.benefits, st.money)
        r += 1
    sh.text(r, C_NAME, t("total_all"), st.total_label)
    for col in range(1, C_SCEN):
        sh.text(r, col, "", st.total_label)
    total = sh.local(r, C_SCEN)
    cached = math.fsum(m.benefits for m in measures)
    for col in (C_BEN, C_SCEN):  # reported and scenario, side by side
        column = f"SUM({sh.local(first, col)}:{sh.local(r - 1, col)})" if measures else "0"
        sh.formula(r, col, column, cached, st.total_money)
    sh.text(r + 1, 0, t("scenarios_share_note"), st.note, fit=False)
    if any(m.share is None or m.value_per_unit == 0 for m in measures):
        sh.text(r + 2, 0, t("scenarios_na_note"), st.note, fit=False)
        r += 1
    return r + 2, total


def _write_program(sh: Sheet, results: Results, roi: RoiRefs, given: tuple[str, str],
                   row: int) -> tuple[int, _Cells]:
    """The program's assumptions: benefit months, a learner-salary cost to add, and the
    benefits and costs multipliers, reported and editable. `given`: the cells of the
    per-measure scenario benefits and of the ROI objective."""
    st, t, total = sh.st, sh.t, results.total
    sh.section(row, t("scenarios_program"))
    sh.header(row + 1, 0, [t("col_assumption"), t("col_reported"), t("col_scenario"),
                           t("col_note")])
    r = row + 2
    specs = [
        ("scen_months", roi.total.months, total.months, st.month_count, st.scenario_months,
         "scen_months_note"),
        ("scen_salary", None, 0.0, st.money, st.scenario_money, "scen_salary_note"),
        ("scen_benefits", None, 1.0, st.pct, st.scenario_pct, "scen_factor_note"),
        ("scen_costs", None, 1.0, st.pct, st.scenario_pct, "scen_factor_note"),
    ]
    for i, (key, ref, value, fmt, input_fmt, note) in enumerate(specs):
        sh.text(r + i, C_LABEL, t(key), st.bold_wrap)
        if ref is None:
            sh.number(r + i, C_REPORTED, value, fmt)
        else:
            sh.formula(r + i, C_REPORTED, ref, value, fmt)
        sh.number(r + i, C_SCENARIO, value, input_fmt)
        sh.paragraph(r + i, 3, C_SCEN, t(note), st.wrap)
    cells = _Cells(given[0], (sh.local(r, C_REPORTED), sh.local(r, C_SCENARIO)),
                   sh.local(r + 1, C_SCENARIO), sh.local(r + 2, C_SCENARIO),
                   sh.local(r + 3, C_SCENARIO), given[1])
    return r + len(specs), cells


@dataclass(frozen=True)
class _Result:
    benefits: str  # reported benefits, costs, ROI and months (local references)
    costs: str
    roi: str
    months: str


# the sheet and what it shows, then where its inputs are and where it goes
def _write_result(sh: Sheet, results: Results,  # noqa: PLR0913
                  assumptions: tuple[sc.MeasureAssumption, ...], roi: RoiRefs,
                  cells: _Cells, row: int) -> tuple[int, _Result]:
    """The reported figures (links to Level 5) beside the scenario's (live formulas)."""
    st, t, total, tr = sh.st, sh.t, results.total, roi.total
    scenario = sc.outcome(results, assumptions, sc.defaults(assumptions, total.months))
    sh.section(row, t("scenarios_result"))
    sh.header(row + 1, 0, [t("col_figure"), t("col_reported"), t("col_scenario")])
    r = row + 2
    m_rep, m_scen = cells.months
    scaled = (f"{cells.measure_benefits}*{m_scen}/{m_rep}" if total.months > 0
              else cells.measure_benefits)
    ben, cost = sh.local(r, C_SCENARIO), sh.local(r + 1, C_SCENARIO)
    roi_cell = sh.local(r + 4, C_SCENARIO)
    labels = [literal(t("band_" + band.key)) for band in Band]
    na = literal(t("na"))
    beyond = (f'{literal(t("not_recovered_short"))}&" "&{m_scen}&" "&'
              f'{literal(t("months_word"))}')
    pay = f"{cost}/({ben}/{m_scen})"
    s_roi = scenario.roi
    rows = [
        ("col_benefits", tr.benefits, total.benefits, st.money,
         f"{scaled}*{cells.benefits_factor}", scenario.benefits),
        (costs_label_key(total, long=True), tr.costs, total.costs, st.money,
         f"({sh.local(r + 1, C_REPORTED)}+{cells.salary})*{cells.costs_factor}",
         scenario.costs),
        ("col_net", tr.net, net_cached(sh.book, total), st.money, f"{ben}-{cost}",
         scenario.benefits - scenario.costs),
        ("col_bcr", tr.bcr, bcr_cached(sh.book, total), st.ratio,
         f"IF({cost}>0,{ben}/{cost},{na})",
         scenario.benefits / scenario.costs if scenario.costs > 0 else t("na")),
        ("col_roi", tr.roi, roi_cached(sh.book, total), st.pct_bold,
         f"IF({cost}>0,({ben}-{cost})/{cost},{na})", t("na") if s_roi is None else s_roi),
        ("col_band", tr.band, band_label(sh.book, total), st.bands[band_key(total)],
         f"IF({cost}>0,IF({roi_cell}>={cells.objective},{labels[0]},"
         f"IF({roi_cell}>=0,{labels[1]},{labels[2]})),{na})",
         _band_text(sh, s_roi, total.objective_pct / 100)),
        ("col_payback", tr.payback, payback_cached(sh.book, total), st.months,
         f"IF(AND({ben}>0,{m_scen}>0),IF({pay}<={m_scen},{pay},{beyond}),{na})",
         _payback(sh, scenario, total.months)),
    ]
    for i, (key, ref, reported, fmt, formula, cached) in enumerate(rows):
        sh.text(r + i, C_LABEL, t(key), st.bold_wrap)
        band = key == "col_band"  # its reported cell in the band's colour, both centred
        sh.formula(r + i, C_REPORTED, ref, reported,
                   fmt if band or not isinstance(reported, str) else st.right)
        sh.formula(r + i, C_SCENARIO, formula, cached,
                   st.bold_center if band else st.right if isinstance(cached, str) else fmt)
    refs = _Result(sh.local(r, C_REPORTED), sh.local(r + 1, C_REPORTED),
                   sh.local(r + 4, C_REPORTED), m_rep)
    return r + len(rows), refs


def _band_text(sh: Sheet, roi: float | None, objective: float) -> str:
    found = sc.band(roi, objective)
    return sh.t("na") if found is None else sh.t("band_" + found.key)


def _payback(sh: Sheet, outcome: sc.Outcome, months: float) -> float | str:
    """The scenario's payback, as its formula gives it (benefits months held as reported)."""
    if outcome.benefits <= 0 or months <= 0:
        return sh.t("na")
    value = outcome.costs / (outcome.benefits / months)
    if value <= months:
        return value
    return f"{sh.t('not_recovered_short')} {months:g} {sh.t('months_word')}"


def _write_sensitivity(sh: Sheet, results: Results,
                       measures: tuple[sc.MeasureAssumption, ...], rep: _Result,
                       row: int) -> None:
    """Each assumption alone at a low and a high value (editable), the ROI at each and its
    change from the reported ROI, largest first; and the tornado chart of those changes."""
    st, t = sh.st, sh.t
    swings = sc.swings(results, measures)
    # the table and its chart on one page (about 15 rows of chart)
    sh.section(row, t("scenarios_sensitivity"), keep=4 + len(swings) + 16)
    sh.text(row + 1, 0, t("scenarios_sensitivity_note"), st.note, fit=False)
    sh.header(row + 2, 0, [t("col_assumption"), t("col_low"), t("col_high"),
                           t("col_roi_low"), t("col_roi_high"), t("col_change_low"),
                           t("col_change_high")])
    first = row + 3
    roi0 = (results.total.benefits - results.total.costs) / results.total.costs
    measure_first = MEASURES_ROW + 2  # under the section heading and the header
    for i, s in enumerate(swings):
        r = first + i
        sh.text(r, C_LABEL, _swing_label(sh, s, measures), st.wrap)
        input_fmt = _swing_format(sh, s.key)
        sh.number(r, C_REPORTED, s.low, input_fmt)
        sh.number(r, C_SCENARIO, s.high, input_fmt)
        for col, cached in ((C_ROI_LOW, s.roi_low), (C_ROI_HIGH, s.roi_high)):
            value = sh.local(r, C_REPORTED if col == C_ROI_LOW else C_SCENARIO)
            sh.formula(r, col, _swing_formula(s, value, rep, measure_first + s.index, sh),
                       cached, st.pct)
            change_col = C_CHANGE_LOW if col == C_ROI_LOW else C_CHANGE_HIGH
            # in percentage points: +68.8 (a "+68.8%" reads as a relative change)
            sh.formula(r, change_col, f"({sh.local(r, col)}-{rep.roi})*100",
                       (cached - roi0) * 100, st.change_pp)
    if not swings:
        return
    last = first + len(swings) - 1
    chart = charts.bar(sh.book, t("chart_tornado"),
                       [sh.name, first, C_LABEL, last, C_LABEL],
                       [(t("col_change_low"), [sh.name, first, C_CHANGE_LOW, last,
                                               C_CHANGE_LOW]),
                        (t("col_change_high"), [sh.name, first, C_CHANGE_HIGH, last,
                                                C_CHANGE_HIGH])],
                       "+0;-0;0", horizontal=True, overlap=100,
                       y_title=t("chart_tornado_axis"))
    sh.chart(last + 2, 0, chart, x_scale=1.6, y_scale=max(0.8, 0.25 + 0.09 * len(swings)))


def _swing_label(sh: Sheet, s: sc.Swing, measures: tuple[sc.MeasureAssumption, ...]) -> str:
    t = sh.t
    if s.key in ("share", "value"):
        m = measures[s.index]
        name = f"{m.name} ({m.group})" if m.group else m.name
        return t("swing_" + s.key, measure=name)
    return t("swing_" + s.key)


def _swing_format(sh: Sheet, key: str) -> object:
    """The editable low and high cells' format: as the assumption's own figure."""
    st = sh.st
    return {"value": st.scenario_money2, "months": st.scenario_months,
            "salary": st.scenario_money}.get(key, st.scenario_pct)


def _swing_formula(s: sc.Swing, value: str, rep: _Result, measure_row: int, sh: Sheet) -> str:
    """The ROI with this assumption at `value` and the others as reported."""
    b, c = rep.benefits, rep.costs
    if s.key in ("share", "value"):
        bk = sh.local(measure_row, C_BEN)
        base = sh.local(measure_row, C_SHARE if s.key == "share" else C_VALUE)
        return f"(({b}-{bk}+{bk}*{value}/{base})-{c})/{c}"
    return {
        "months": f"({b}*{value}/{rep.months}-{c})/{c}",
        "salary": f"({b}-({c}+{value}))/({c}+{value})",
        "benefits": f"({b}*{value}-{c})/{c}",
        "costs": f"({b}-{c}*{value})/({c}*{value})",
    }[s.key]
