"""The Level 5 ROI sheet: benefits, fully loaded costs, net, BCR, ROI %, payback per group
and in total, all as formulas over Level 4 and Costs; benefits by measure, costs by code
and group, and the sensitivity of the ROI to benefits and costs."""

from __future__ import annotations

from dataclasses import dataclass, field

from roti_excel import schema
from roti_excel.method.evaluate import Results
from roti_excel.method.roi import Financials
from roti_excel.report import charts
from roti_excel.report.book import Book, Sheet, literal
from roti_excel.report.sheets.costs import C_AMOUNT, C_CODE, CostRefs, code_label
from roti_excel.report.sheets.impact import ImpactRefs, ordered_measures
from roti_excel.report.sheets.input_copies import InputRefs

SENSITIVITY = (-0.3, -0.2, -0.1, 0.0, 0.1, 0.2, 0.3)
C_NAME, C_BEN, C_COST, C_NET, C_BCR, C_ROI, C_PAY, C_BAND = range(8)


@dataclass
class FinRefs:
    benefits: str
    costs: str
    net: str
    bcr: str
    roi: str
    payback: str
    band: str


@dataclass
class RoiRefs:
    sheet: Sheet
    total: FinRefs
    groups: dict[str, FinRefs] = field(default_factory=dict)


def band_key(fin: Financials) -> str:
    return fin.band or ""


def band_label(book: Book, fin: Financials) -> str:
    return book.t("band_" + fin.band) if fin.band else book.t("band_none")


def fin_row(book: Book, sh: Sheet, r: int, label: str, fin: Financials, benefits_f: str,
            costs_f: str, objective: str, horizon: str, *, total: bool = False) -> FinRefs:
    """One row of benefits, costs, net, BCR, ROI, payback and band; n/a with its reason
    instead of a division when costs (or, for payback, benefits) are not positive."""
    st, t = sh.st, sh.t
    money = st.total_money if total else st.money
    sh.text(r, C_NAME, label, st.total_label if total else st.bold)
    sh.formula(r, C_BEN, benefits_f, fin.benefits, money)
    sh.formula(r, C_COST, costs_f, fin.costs, money)
    b, c = sh.local(r, C_BEN), sh.local(r, C_COST)
    sh.formula(r, C_NET, f"{b}-{c}", fin.benefits - fin.costs, money)
    if fin.costs > 0:
        sh.formula(r, C_BCR, f"{b}/{c}", fin.benefits / fin.costs, st.ratio)
        roi = (fin.benefits - fin.costs) / fin.costs
        sh.formula(r, C_ROI, f"({b}-{c})/{c}", roi, st.pct_bold)
        roi_cell = sh.local(r, C_ROI)
        labels = [literal(t("band_" + k)) for k in ("high", "thin_positive", "negative")]
        sh.formula(r, C_BAND, f"IF({roi_cell}>={objective},{labels[0]},"
                   f"IF({roi_cell}>=0,{labels[1]},{labels[2]}))", band_label(book, fin),
                   st.bands[band_key(fin)])
    else:
        for col in (C_BCR, C_ROI):
            sh.text(r, col, t("na"), st.right)
        sh.text(r, C_BAND, t("band_none"), st.bands[""])
    if fin.payback_months is not None:
        payback = fin.costs / (fin.benefits / fin.horizon_months)
        sh.formula(r, C_PAY, f"{c}/({b}/{horizon})", payback, st.months)
    else:
        sh.text(r, C_PAY, t("na"), st.right)
    return FinRefs(*(sh.ref(r, col) for col in (C_BEN, C_COST, C_NET, C_BCR, C_ROI, C_PAY,
                                               C_BAND)))


def write(book: Book, results: Results, inputs: InputRefs, impact: ImpactRefs | None,
          costs: CostRefs, narrative: str) -> RoiRefs:
    ev = results.evaluation
    sh = book.sheet("roi")
    st, t = sh.st, sh.t
    sh.title(0, t("roi_title"))
    sh.paragraph(1, 0, 7, narrative)
    header = 4
    sh.section(header - 1, t("roi_table_title"))
    sh.header(header, 0, [t("col_group"), t("col_benefits"), t("col_costs_tr"), t("col_net"),
                          t("col_bcr"), t("col_roi"), t("col_payback"), t("col_band")])
    row = header + 1
    refs_groups: dict[str, FinRefs] = {}
    for fin in results.groups:
        rows = impact.rows_by_group.get(fin.name, []) if impact else []
        benefits_f = impact.benefits_formula(rows) if impact and rows else "0"
        refs_groups[fin.name] = fin_row(book, sh, row, fin.name, fin, benefits_f,
                                        costs.group_tr[fin.name], inputs.objective,
                                        inputs.horizon)
        row += 1
    all_rows = [r for rows in impact.rows_by_group.values() for r in rows] if impact else []
    total_f = impact.benefits_formula(all_rows) if impact and all_rows else "0"
    total = fin_row(book, sh, row, t("total_all"), results.total, total_f, costs.total_tr,
                    inputs.objective, inputs.horizon, total=True)
    refs = RoiRefs(sh, total, refs_groups)
    sh.ws.autofilter(header, 0, row, C_BAND)
    row += 1
    if results.total.costs <= 0:
        sh.text(row, 0, t("no_costs_message"), st.note, fit=False)
        row += 1
    elif results.total.benefits <= 0:
        sh.text(row, 0, t("no_benefits_payback"), st.note, fit=False)
        row += 1
    sh.text(row, 0, t("roi_formulas_note"), st.note, fit=False)
    sh.text(row + 1, 0, t("objective_line"), st.bold, fit=False)
    sh.formula(row + 1, C_ROI, inputs.objective, ev.program.roi_objective, st.pct)
    row += 3

    # -- benefits by measure -----------------------------------------------------------
    sh.section(row, t("roi_benefits_title"))
    sh.header(row + 1, 0, [t("col_measure"), t("col_group"), t("col_benefits")])
    row += 2
    if impact is not None:
        for m in ordered_measures(results):
            sh.text(row, 0, m.measure.name)
            sh.text(row, 1, m.group or t("no_group"))
            sh.formula(row, 2, impact.sheet.ref(impact.measure_rows[id(m)], impact.benefit_col),
                       m.benefits, st.money)
            row += 1
    else:
        sh.text(row, 0, t("not_evaluated"), st.note, fit=False)
        row += 1
    row += 1

    # -- costs by code and group -------------------------------------------------------
    sh.section(row, t("roi_costs_title"))
    names = [g.name for g in ev.groups]
    sh.header(row + 1, 0, [t("col_code"), *names, t("total_all"), t("col_cost_item")])
    row += 2
    by_code = results.costs.by_code()
    codes = [c.key for c in schema.COST_CODES if c.key in by_code]
    codes += [c for c in by_code if c not in codes]
    cs = costs.sheet
    shares = {g.name: g.share for g in results.costs.groups}

    def sumif(block: tuple[int, int], code_cell: str) -> str:
        a, b = block
        return (f"SUMIF({cs.range(a, C_CODE, b, C_CODE)},{code_cell},"
                f"{cs.range(a, C_AMOUNT, b, C_AMOUNT)})")

    first = row
    col_values: list[list[float]] = [[] for _ in range(len(names) + 1)]
    shared_lines = costs.lines_by_block.get(None, [])
    for code in codes:
        sh.text(row, 0, code)
        sh.text(row, 2 + len(names), code_label(code, book.lang), st.indent, fit=False)
        code_cell = sh.local(row, 0, True)
        shared_sum = sum(x.amount for x in shared_lines if x.code == code)
        for j, name in enumerate(names):
            own = sum(x.amount for x in costs.lines_by_block.get(name, []) if x.code == code)
            parts = [sumif(costs.blocks[name], code_cell)] if name in costs.blocks else []
            value = own
            if costs.shared_block is not None:
                parts.append(f"{costs.group_share[name]}*{sumif(costs.shared_block, code_cell)}")
                value = own + shares[name] * shared_sum
            sh.formula(row, 1 + j, "+".join(parts) or "0", value, st.money)
            col_values[j].append(value)
        everything = [a for a in [*costs.blocks.values(), costs.shared_block] if a is not None]
        if everything:
            lo = min(a for a, _ in everything)
            hi = max(b for _, b in everything)
            sh.formula(row, 1 + len(names), sumif((lo, hi), code_cell), by_code[code],
                       st.money)
        col_values[-1].append(by_code[code])
        row += 1
    sh.text(row, 0, t("total_tr"), st.total_label, fit=False)
    for j in range(len(names) + 1):
        col = 1 + j
        formula = f"SUM({sh.local_range(first, col, row - 1, col)})" if codes else "0"
        sh.formula(row, col, formula, sum(col_values[j]), st.total_money)
    row += 3

    # -- sensitivity -------------------------------------------------------------------
    sh.section(row, t("roi_sensitivity_title"))
    sh.header(row + 1, 0, [t("col_change"), t("col_roi_benefits_move"),
                           t("col_roi_costs_move")])
    row += 2
    b_cell, c_cell = total.benefits.split("!")[1], total.costs.split("!")[1]
    ben, cost = results.total.benefits, results.total.costs
    sens_first = row
    for d in SENSITIVITY:
        sh.number(row, 0, d, st.change)
        x = sh.local(row, 0)
        if cost > 0:
            sh.formula(row, 1, f"({b_cell}*(1+{x})-{c_cell})/{c_cell}",
                       (ben * (1 + d) - cost) / cost, st.pct)
            sh.formula(row, 2, f"({b_cell}-{c_cell}*(1+{x}))/({c_cell}*(1+{x}))",
                       (ben - cost * (1 + d)) / (cost * (1 + d)), st.pct)
        else:
            sh.text(row, 1, t("na"))
            sh.text(row, 2, t("na"))
        row += 1
    sens_last = row - 1
    sh.text(row, 0, t("break_even"), st.bold, fit=False)
    sh.formula(row, 2, c_cell, cost, st.money_bold)
    sh.text(row + 1, 0, t("objective_benefits"), st.bold, fit=False)
    sh.formula(row + 1, 2, f"{c_cell}*(1+{inputs.objective})",
               cost * (1 + ev.program.roi_objective), st.money)
    row += 3
    if cost > 0:
        chart = charts.line(book, t("chart_sensitivity"), [sh.name, sens_first, 0, sens_last, 0],
                            [(t("col_roi_benefits_move"), [sh.name, sens_first, 1, sens_last, 1]),
                             (t("col_roi_costs_move"), [sh.name, sens_first, 2, sens_last, 2])],
                            "0%", x_title=t("col_change"), x_format="+0%;-0%;0%")
        sh.chart(row, 0, chart, x_scale=1.3)
    sh.min_width(0, 22)
    sh.min_width(C_BAND, 14)
    sh.finish(header + 1)
    return refs
