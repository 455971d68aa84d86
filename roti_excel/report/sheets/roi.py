"""The Level 5 ROI sheet: benefits, fully loaded costs, net, BCR, ROI %, payback per group
and in total, all as formulas over Level 4 and Costs; benefits by measure, costs by code
and group, and the sensitivity of the ROI to benefits and costs."""

from __future__ import annotations

from dataclasses import dataclass, field

from roti_excel.domain import Band, Status
from roti_excel.method.evaluate import Results
from roti_excel.method.roi import Financials
from roti_excel.model import CostLine
from roti_excel.report import charts
from roti_excel.report.book import Book, Sheet, literal
from roti_excel.report.sheets.costs import (
    C_AMOUNT,
    C_CODE,
    CostRefs,
    code_label,
    ordered_codes,
)
from roti_excel.report.sheets.impact import ImpactRefs, ordered_measures
from roti_excel.report.sheets.input_copies import InputRefs

SENSITIVITY = (-0.3, -0.2, -0.1, 0.0, 0.1, 0.2, 0.3)
C_NAME, C_BEN, C_COST, C_NET, C_BCR, C_ROI, C_MONTHS, C_PAY, C_BAND, C_STATUS = range(10)


@dataclass
class FinRefs:
    benefits: str
    costs: str
    net: str
    bcr: str
    roi: str
    months: str
    payback: str
    band: str
    status: str


@dataclass
class RoiRefs:
    sheet: Sheet
    total: FinRefs
    groups: dict[str, FinRefs] = field(default_factory=dict)


def band_key(fin: Financials) -> str:
    """The key of the band's cell format: its value, "" for no band."""
    return fin.band.value if fin.band else ""


def band_label(book: Book, fin: Financials) -> str:
    if fin.band:
        return book.t("band_" + fin.band.key)
    return book.t("band_not_monetised" if not fin.monetised else "band_none")


def status_label(book: Book, fin: Financials) -> str:
    return book.t("status_" + fin.status.key)


def status_key(fin: Financials) -> str:
    """The key of the status cell's format (its band colour): credible green, provisional
    amber, not monetised grey."""
    return {"credible": "high", "provisional": "thin_positive"}.get(fin.status.value, "")


def payback_text(book: Book, fin: Financials) -> str:
    """What stands in the payback cell instead of a number: not recovered within the
    months the benefits cover, or n/a."""
    if fin.recovered is False:
        return book.t("not_recovered", months=f"{fin.months:g}")
    if fin.costs > 0 and fin.benefits <= 0:  # no benefit pays any of them back
        return book.t("never_recovered")
    return book.t("na")


# one row's parts: its label, its figures, the formulas its benefits and costs copy, and
# the input copies its band and payback read (the objective, the horizon)
def fin_row(sh: Sheet, r: int, label: str, fin: Financials,  # noqa: PLR0913
            formulas: tuple[str, str, str], inputs: InputRefs, *,
            total: bool = False) -> FinRefs:
    """One row of benefits, costs, net, BCR, ROI, payback and band; n/a with its reason
    instead of a division when costs (or, for payback, benefits) are not positive."""
    st = sh.st
    benefits_f, costs_f, months_f = formulas
    money = st.total_money if total else st.money
    sh.text(r, C_NAME, label, st.total_label if total else st.bold)
    sh.formula(r, C_BEN, benefits_f, fin.benefits, money)
    sh.formula(r, C_COST, costs_f, fin.costs, money)
    b, c = sh.local(r, C_BEN), sh.local(r, C_COST)
    if fin.monetised:
        sh.formula(r, C_NET, f"{b}-{c}", fin.benefits - fin.costs, money)
    else:  # no benefit claimed: "net benefits" of minus the costs would read as a loss
        sh.text(r, C_NET, sh.t("na"), st.right)
    _write_ratios(sh, r, fin, inputs.objective)
    sh.formula(r, C_MONTHS, months_f, fin.months, st.month_count)
    _write_payback(sh, r, fin)
    sh.text(r, C_STATUS, status_label(sh.book, fin), st.bands[status_key(fin)])
    return FinRefs(*(sh.ref(r, col) for col in (C_BEN, C_COST, C_NET, C_BCR, C_ROI, C_MONTHS,
                                               C_PAY, C_BAND, C_STATUS)))


def _write_ratios(sh: Sheet, r: int, fin: Financials, objective: str) -> None:
    """BCR, ROI and the band (against the `objective` cell) of the row's benefits and
    costs; n/a and no band without costs or when no monetary benefit is claimed."""
    st, t = sh.st, sh.t
    if fin.bcr is not None:
        b, c = sh.local(r, C_BEN), sh.local(r, C_COST)
        sh.formula(r, C_BCR, f"{b}/{c}", fin.benefits / fin.costs, st.ratio)
        roi = (fin.benefits - fin.costs) / fin.costs
        sh.formula(r, C_ROI, f"({b}-{c})/{c}", roi, st.pct_bold)
        roi_cell = sh.local(r, C_ROI)
        labels = [literal(t("band_" + band.key)) for band in Band]
        sh.formula(r, C_BAND, f"IF({roi_cell}>={objective},{labels[0]},"
                   f"IF({roi_cell}>=0,{labels[1]},{labels[2]}))", band_label(sh.book, fin),
                   st.bands[band_key(fin)])
    else:
        for col in (C_BCR, C_ROI):
            sh.text(r, col, t("na"), st.right)
        sh.text(r, C_BAND, band_label(sh.book, fin), st.bands[""])


def net_cached(book: Book, fin: Financials) -> float | str:
    """The net benefits cell's value: n/a when no monetary benefit is claimed."""
    return fin.net_benefits if fin.monetised else book.t("na")


def bcr_cached(book: Book, fin: Financials) -> float | str:
    """The BCR cell's value: n/a without costs or when no monetary benefit is claimed."""
    return fin.benefits / fin.costs if fin.bcr is not None else book.t("na")


def roi_cached(book: Book, fin: Financials) -> float | str:
    """The ROI cell's value, a fraction: n/a as the BCR is."""
    return (fin.benefits - fin.costs) / fin.costs if fin.bcr is not None else book.t("na")


# a headline figure: its label key, its cell on Level 5, its stored value and format
Figure = tuple[str, str, float | str, object]


def headline_figures(sh: Sheet, fin: Financials, refs: FinRefs) -> dict[str, Figure]:
    """The figures the Summary's headline and the Brief show, each a link to Level 5."""
    st, book = sh.st, sh.book
    return {
        "benefits": ("col_benefits", refs.benefits, fin.benefits, st.money_bold),
        "costs": (costs_label_key(fin, long=True), refs.costs, fin.costs, st.money_bold),
        "net": ("col_net", refs.net, net_cached(book, fin), st.money_bold),
        "bcr": ("col_bcr", refs.bcr, bcr_cached(book, fin), st.ratio),
        "roi": ("col_roi", refs.roi, roi_cached(book, fin), st.pct_bold),
        "months": ("col_months", refs.months, fin.months, st.month_count),
        "payback": ("col_payback", refs.payback, payback_cached(book, fin), st.months),
    }


def payback_cached(book: Book, fin: Financials) -> float | str:
    """The payback cell's value: the months when recovered within the benefit period,
    otherwise its text."""
    if fin.payback_months is not None:
        return fin.payback_months
    return payback_text(book, fin)


def _write_payback(sh: Sheet, r: int, fin: Financials) -> None:
    """Months to pay back the costs at the monthly rate of the benefits over the months
    they cover; "not recovered within N months" beyond them (never a month past the
    benefit period), n/a without costs or benefits."""
    if fin.payback_raw is None:
        sh.text(r, C_PAY, payback_text(sh.book, fin), sh.st.right)
        return
    b, c, m = sh.local(r, C_BEN), sh.local(r, C_COST), sh.local(r, C_MONTHS)
    months = f"{c}/({b}/{m})"
    cached = payback_cached(sh.book, fin)
    beyond = (f'{literal(sh.t("not_recovered_short"))}&" "&{m}&" "&'
              f'{literal(sh.t("months_word"))}')
    sh.formula(r, C_PAY, f"IF({months}<={m},{months},{beyond})", cached,
               sh.st.months if fin.recovered else sh.st.right)


_HEADER = 4  # the ROI table's header row


def costs_label_key(fin: Financials, *, long: bool = False) -> str:
    """The costs are called fully loaded only for a credible result (docs/method.md); when
    a line is missing, the label says they are not."""
    if fin.status is Status.CREDIBLE:
        return "col_costs_tr"
    if fin.credibility.missing_codes:
        return "col_costs_entered" if long else "col_costs_not_loaded"
    return "col_costs_plain"


def fin_headers(sh: Sheet, fin: Financials) -> list[str]:
    """The headers of a table of `fin_row`s (the ROI sheet's and the Summary's), the
    costs named as the total's credibility allows."""
    t = sh.t
    return [t("col_group"), t("col_benefits"), t(costs_label_key(fin)), t("col_net"),
            t("col_bcr"), t("col_roi"), t("col_months"), t("col_payback"), t("col_band"),
            t("col_credibility")]


def _benefits_formula(impact: ImpactRefs | None, rows: list[int]) -> str:
    """The sum of the Level 4 benefits on `rows` of the Impact sheet ("0" when none)."""
    return impact.benefits_formula(rows) if impact and rows else "0"


def _months_formula(impact: ImpactRefs | None, rows: list[int]) -> str:
    """The longest months of benefits of the Level 4 measures on `rows` ("0" when none)."""
    return impact.months_formula(rows) if impact and rows else "0"


def _write_fin_table(sh: Sheet, results: Results, inputs: InputRefs, impact: ImpactRefs | None,
                     costs: CostRefs) -> tuple[RoiRefs, int]:
    """The ROI table: a row per group, then the total (see `fin_row`); returns the refs
    and the row under the table."""
    t = sh.t
    sh.section(_HEADER - 1, t("roi_table_title"))
    sh.header(_HEADER, 0, fin_headers(sh, results.total))
    row = _HEADER + 1
    refs_groups: dict[str, FinRefs] = {}
    for fin in results.groups:
        rows = impact.rows_by_group.get(fin.name, []) if impact else []
        refs_groups[fin.name] = fin_row(
            sh, row, fin.name, fin, (_benefits_formula(impact, rows), costs.group_tr[fin.name],
                                     _months_formula(impact, rows)), inputs)
        row += 1
    all_rows = [r for rows in impact.rows_by_group.values() for r in rows] if impact else []
    total = fin_row(sh, row, t("total_all"), results.total,
                    (_benefits_formula(impact, all_rows), costs.total_tr,
                     _months_formula(impact, all_rows)), inputs, total=True)
    sh.ws.autofilter(_HEADER, 0, row, C_STATUS)
    return RoiRefs(sh, total, refs_groups), row + 1


def _write_fin_notes(sh: Sheet, results: Results, inputs: InputRefs, row: int) -> int:
    """Under the table: why ratios are n/a (no costs, or no benefits for payback), how
    the figures are computed, and the ROI objective; returns the next section's row."""
    st, t = sh.st, sh.t
    if not results.total.monetised:
        sh.text(row, 0, t("not_monetised_note"), st.note, fit=False)
        row += 1
    elif results.total.costs <= 0:
        sh.text(row, 0, t("no_costs_message"), st.note, fit=False)
        row += 1
    elif results.total.benefits <= 0:
        sh.text(row, 0, t("no_benefits_payback"), st.note, fit=False)
        row += 1
    sh.text(row, 0, t("roi_formulas_note"), st.note, fit=False)
    sh.text(row + 1, 0, t("objective_line"), st.bold, fit=False)
    sh.formula(row + 1, C_ROI, inputs.objective, results.evaluation.program.roi_objective,
               st.objective)
    return row + 3


# -- benefits by measure ---------------------------------------------------------------
def _write_benefits_by_measure(sh: Sheet, results: Results, impact: ImpactRefs | None,
                               row: int) -> int:
    """Each measure's benefits, linked to the Impact sheet ("not evaluated" without
    Level 4); returns the next section's row."""
    st, t = sh.st, sh.t
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
    return row + 1


# -- costs by code and group -----------------------------------------------------------
@dataclass
class _ByCode:
    """The costs-by-code-and-group table: the Costs sheet's blocks its SUMIFs read, each
    group's share of the shared lines, and each column's values for the total row."""

    costs: CostRefs
    names: list[str]  # the group columns
    shares: dict[str, float]
    values: list[list[float]]  # per column: each group, then the total


def _sumif(cs: Sheet, block: tuple[int, int], code_cell: str) -> str:
    """The amounts of the Costs sheet's rows `block` whose code is the one in `code_cell`."""
    a, b = block
    return (f"SUMIF({cs.range(a, C_CODE, b, C_CODE)},{code_cell},"
            f"{cs.range(a, C_AMOUNT, b, C_AMOUNT)})")


def _code_amount(lines: list[CostLine], code: str) -> float:
    return sum(x.amount for x in lines if x.code == code)


def _all_lines(costs: CostRefs) -> tuple[int, int] | None:
    """The Costs sheet's rows from the first block's first line to the last block's last
    (None when there are no lines)."""
    everything = [a for a in [*costs.blocks.values(), costs.shared_block] if a is not None]
    if not everything:
        return None
    return min(a for a, _ in everything), max(b for _, b in everything)


def _group_code_cost(table: _ByCode, name: str, code: str, code_cell: str) -> tuple[str, float]:
    """(formula, value) of one group's cost for a code: its own lines, plus its share of
    the shared lines when there are any."""
    costs = table.costs
    own = _code_amount(costs.lines_by_block.get(name, []), code)
    parts = [_sumif(costs.sheet, costs.blocks[name], code_cell)] if name in costs.blocks else []
    value = own
    if costs.shared_block is not None:
        shared_sum = _code_amount(costs.lines_by_block.get(None, []), code)
        shared_f = _sumif(costs.sheet, costs.shared_block, code_cell)
        parts.append(f"{costs.group_share[name]}*{shared_f}")
        value = own + table.shares[name] * shared_sum
    return "+".join(parts) or "0", value


def _write_code_row(sh: Sheet, table: _ByCode, row: int, code: str, total: float) -> None:
    """One code: its cost per group, in total and its item's name."""
    names = table.names
    sh.text(row, 0, code)
    sh.text(row, 2 + len(names), code_label(code, sh.book.lang), sh.st.indent, fit=False)
    code_cell = sh.local(row, 0, absolute=True)
    for j, name in enumerate(names):
        formula, value = _group_code_cost(table, name, code, code_cell)
        sh.formula(row, 1 + j, formula, value, sh.st.money)
        table.values[j].append(value)
    everything = _all_lines(table.costs)
    if everything is not None:
        sh.formula(row, 1 + len(names), _sumif(table.costs.sheet, everything, code_cell), total,
                   sh.st.money)
    table.values[-1].append(total)


def _write_code_totals(sh: Sheet, table: _ByCode, first: int, row: int) -> None:
    """TR on `row`: each column's sum over the code rows `first`..`row` - 1."""
    sh.text(row, 0, sh.t("total_tr"), sh.st.total_label, fit=False)
    for j, values in enumerate(table.values):
        col = 1 + j
        formula = f"SUM({sh.local_range(first, col, row - 1, col)})" if row > first else "0"
        sh.formula(row, col, formula, sum(values), sh.st.total_money)


def _write_costs_by_code(sh: Sheet, results: Results, costs: CostRefs, row: int) -> int:
    """Costs by code (rows) and group (columns, with their share of shared lines), then
    TR; returns the next section's row."""
    t = sh.t
    names = [g.name for g in results.evaluation.groups]
    sh.section(row, t("roi_costs_title"))
    sh.header(row + 1, 0, [t("col_code"), *names, t("total_all"), t("col_cost_item")])
    row += 2
    by_code = results.costs.by_code()
    table = _ByCode(costs, names, {g.name: g.share for g in results.costs.groups},
                    [[] for _ in range(len(names) + 1)])
    first = row
    for code in ordered_codes(by_code):
        _write_code_row(sh, table, row, code, by_code[code])
        row += 1
    _write_code_totals(sh, table, first, row)
    return row + 3


# -- sensitivity -------------------------------------------------------------------------
def _cell(ref: str) -> str:
    """The cell of a reference with its sheet name: 'ROI'!$B$9 -> $B$9."""
    return ref.split("!")[1]


def _write_sensitivity_rows(sh: Sheet, results: Results, total: FinRefs, row: int) -> int:
    """The total ROI when benefits, or costs, change by each step of SENSITIVITY (n/a
    with no costs); returns the row under them."""
    st, t = sh.st, sh.t
    b_cell, c_cell = _cell(total.benefits), _cell(total.costs)
    ben, cost = results.total.benefits, results.total.costs
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
    return row


def _write_break_even(sh: Sheet, results: Results, inputs: InputRefs, total: FinRefs,
                      row: int) -> None:
    """The benefits that break even (the costs) and that meet the ROI objective."""
    st, t = sh.st, sh.t
    c_cell, cost = _cell(total.costs), results.total.costs
    # merged over A:B and wrapped: a label longer than the two columns (in Indonesian)
    # wraps instead of being cut by the amount in C
    sh.paragraph(row, 0, 1, t("break_even"), st.bold_wrap)
    sh.formula(row, 2, c_cell, cost, st.money_bold)
    sh.paragraph(row + 1, 0, 1, t("objective_benefits"), st.bold_wrap)
    sh.formula(row + 1, 2, f"{c_cell}*(1+{inputs.objective})",
               cost * (1 + results.evaluation.program.roi_objective), st.money)


def _write_sensitivity_chart(sh: Sheet, first: int, last: int, row: int) -> None:
    """Both sensitivity columns (rows `first`..`last`) as lines, placed at `row`."""
    t = sh.t
    chart = charts.line(sh.book, t("chart_sensitivity"), [sh.name, first, 0, last, 0],
                        [(t("col_roi_benefits_move"), [sh.name, first, 1, last, 1]),
                         (t("col_roi_costs_move"), [sh.name, first, 2, last, 2])],
                        "0%", x_title=t("col_change"), x_format="+0%;-0%;0%")
    sh.chart(row, 0, chart, x_scale=1.3)


def _write_sensitivity(sh: Sheet, results: Results, inputs: InputRefs, total: FinRefs,
                       row: int) -> None:
    """How the total ROI moves with benefits and costs, break-even, and its chart (only
    when there are costs to divide by)."""
    t = sh.t
    sh.section(row, t("roi_sensitivity_title"))
    sh.header(row + 1, 0, [t("col_change"), t("col_roi_benefits_move"),
                           t("col_roi_costs_move")])
    first = row + 2
    row = _write_sensitivity_rows(sh, results, total, first)
    _write_break_even(sh, results, inputs, total, row)
    if results.total.costs > 0:
        _write_sensitivity_chart(sh, first, row - 1, row + 3)


# the book, the results, and the refs of each sheet its formulas read (input copies,
# Level 4 when evaluated, Costs), then the sheet's text
def write(book: Book, results: Results, inputs: InputRefs,  # noqa: PLR0913
          impact: ImpactRefs | None, costs: CostRefs, narrative: str) -> RoiRefs:
    """The ROI sheet: the ROI table and its notes, benefits by measure, costs by code and
    group, and the sensitivity."""
    sh = book.sheet("roi")
    sh.title(0, sh.t("roi_title"))
    sh.paragraph(1, 0, 7, narrative)
    refs, row = _write_fin_table(sh, results, inputs, impact, costs)
    row = _write_fin_notes(sh, results, inputs, row)
    row = _write_benefits_by_measure(sh, results, impact, row)
    row = _write_costs_by_code(sh, results, costs, row)
    if results.total.monetised:  # moving benefits that were never claimed says nothing
        _write_sensitivity(sh, results, inputs, refs.total, row)
    sh.min_width(0, 22)
    sh.min_width(C_BAND, 14)
    sh.finish(_HEADER + 1)
    return refs
