"""The Costs sheet: every cost line as unit cost x quantity x duration x proration, the
direct / indirect subtotals per group with the shared-cost allocation, and costs by code."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from roti_excel import schema
from roti_excel.method.costs import allocation_shares, is_direct
from roti_excel.method.evaluate import Results
from roti_excel.model import CostLine
from roti_excel.report import charts
from roti_excel.report.book import Book, Sheet, runs, sum_of
from roti_excel.report.sheets.input_copies import InputRefs, origin_text

# line table columns
C_GROUP, C_CODE, C_CLASS, C_DESC, C_UNIT, C_QTY, C_DUR, C_PRO, C_AMOUNT, C_SRC = range(10)


@dataclass
class CostRefs:
    sheet: Sheet
    total_tr: str = ""
    total_trd: str = ""
    total_tri: str = ""
    group_tr: dict[str, str] = field(default_factory=dict)
    group_trd: dict[str, str] = field(default_factory=dict)
    group_tri: dict[str, str] = field(default_factory=dict)
    group_share: dict[str, str] = field(default_factory=dict)
    blocks: dict[str, tuple[int, int]] = field(default_factory=dict)  # group -> line rows
    shared_block: tuple[int, int] | None = None
    lines_by_block: dict[str | None, list[CostLine]] = field(default_factory=dict)


def code_label(code: str, lang: str) -> str:
    return next((c.label(lang) for c in schema.COST_CODES if c.key == code), code)


def ordered_lines(results: Results) -> list[tuple[str | None, list[CostLine]]]:
    """Lines grouped by group (Groups order, then any other group, then shared), direct
    lines before indirect within each, so every subtotal is a contiguous range."""
    ev = results.evaluation
    names: list[str | None] = list(ev.group_names())
    for line in ev.costs:
        if line.group is not None and line.group not in names:
            names.append(line.group)
    names.append(None)
    out: list[tuple[str | None, list[CostLine]]] = []
    for name in names:
        own = [x for x in ev.costs if x.group == name]
        own = [x for x in own if is_direct(x.code)] + [x for x in own if not is_direct(x.code)]
        if own:
            out.append((name, own))
    return out


def write(book: Book, results: Results, inputs: InputRefs) -> CostRefs:
    ev = results.evaluation
    sh = book.sheet("costs", max_width=40)
    st, t = sh.st, sh.t
    refs = CostRefs(sh)
    sh.title(0, t("costs_title"))
    sh.text(1, 0, t("costs_note"), st.note, fit=False)
    header = 3
    sh.header(header, 0, [t("col_group"), t("col_code"), t("col_class"), t("col_description"),
                          t("col_unit_cost"), t("col_quantity"), t("col_duration"),
                          t("col_proration"), t("col_amount"), t("col_source")])
    row = header + 1
    direct_rows: dict[str | None, list[int]] = {}
    indirect_rows: dict[str | None, list[int]] = {}
    code_rows: dict[str, list[int]] = {}
    for name, lines in ordered_lines(results):
        first = row
        refs.lines_by_block[name] = lines
        for line in lines:
            ref = inputs.costs[id(line)]
            sh.text(row, C_GROUP, name if name is not None else t("shared_all"))
            sh.text(row, C_CODE, line.code)
            sh.text(row, C_CLASS, t("direct") if is_direct(line.code) else t("indirect"))
            sh.text(row, C_DESC, line.description, st.wrap)
            sh.formula(row, C_UNIT, ref.unit_cost, line.unit_cost, st.money2)
            sh.formula(row, C_QTY, ref.quantity, line.quantity, st.number)
            sh.formula(row, C_DUR, ref.duration, line.duration, st.number)
            sh.formula(row, C_PRO, ref.proration, line.proration, st.pct)
            sh.formula(row, C_AMOUNT, "*".join(sh.local(row, c) for c in
                                               (C_UNIT, C_QTY, C_DUR, C_PRO)),
                       line.amount, st.money)
            sh.text(row, C_SRC, origin_text(book, line.origin), st.note_cell)
            (direct_rows if is_direct(line.code) else indirect_rows).setdefault(
                name, []).append(row)
            code_rows.setdefault(line.code, []).append(row)
            row += 1
        if name is None:
            refs.shared_block = (first, row - 1)
        else:
            refs.blocks[name] = (first, row - 1)
    last_line = row - 1
    if last_line >= header + 1:
        sh.ws.autofilter(header, 0, last_line, C_SRC)
    else:
        sh.text(row, 0, t("none_entered"), st.note, fit=False)
        row += 1

    def amounts(rows: list[int]) -> str:
        return sum_of([sh.local_range(a, C_AMOUNT, b, C_AMOUNT) if a != b
                       else sh.local(a, C_AMOUNT, True) for a, b in runs(rows)])

    # -- TRD / TRI / TR per group: one column per group, then the total -------------
    row += 1
    sh.section(row, t("costs_totals_title"))
    row += 1
    groups = results.costs.groups
    first_col = C_UNIT
    total_col = first_col + len(groups)
    label_cols = (0, first_col - 1)
    sh.ws.merge_range(row, 0, row, first_col - 1, "", st.header)
    sh.header(row, first_col, [g.name for g in groups] + [t("total_all")])
    rows = {key: row + 1 + i for i, key in enumerate(
        ("participants", "share", "own_direct", "own_indirect", "shared_direct",
         "shared_indirect", "trd", "tri", "tr"))}
    for key, r in rows.items():
        total_row = key in ("trd", "tri", "tr")
        sh.ws.merge_range(r, 0, r, first_col - 1, "", st.bold if total_row else st.text)
        sh.text(r, 0, t("col_" + key), st.bold if total_row else st.text, fit=False,
                last_col=label_cols[1])
    _, basis = allocation_shares(ev)
    shared_d = math.fsum(x.amount for x in ev.costs if x.group is None and is_direct(x.code))
    shared_i = math.fsum(x.amount for x in ev.costs if x.group is None and not is_direct(x.code))

    def cell(key: str, col: int) -> str:
        return sh.local(rows[key], col)

    everyone = sh.local_range(rows["participants"], first_col, rows["participants"],
                              total_col - 1)
    for j, totals in enumerate(groups):
        name, col = totals.name, first_col + j
        part = inputs.participants.get(name)
        group = next(g for g in ev.groups if g.name == name)
        if part and group.participants is not None:
            sh.formula(rows["participants"], col, part, group.participants, st.integer)
        else:
            sh.number(rows["participants"], col, None, st.integer)
        share_f = (f"{cell('participants', col)}/SUM({everyone})" if basis == "participants"
                   else f"1/{len(groups)}")
        sh.formula(rows["share"], col, share_f, totals.share, st.pct)
        sh.formula(rows["own_direct"], col, amounts(direct_rows.get(name, [])),
                   totals.own_direct, st.money)
        sh.formula(rows["own_indirect"], col, amounts(indirect_rows.get(name, [])),
                   totals.own_indirect, st.money)
        for key, value in (("shared_direct", totals.shared_direct),
                           ("shared_indirect", totals.shared_indirect)):
            sh.formula(rows[key], col, f"{sh.local(rows[key], total_col, True)}*"
                       f"{cell('share', col)}", value, st.money)
        sh.formula(rows["trd"], col, f"{cell('own_direct', col)}+{cell('shared_direct', col)}",
                   totals.direct, st.money_bold)
        sh.formula(rows["tri"], col,
                   f"{cell('own_indirect', col)}+{cell('shared_indirect', col)}",
                   totals.indirect, st.money_bold)
        sh.formula(rows["tr"], col, f"{cell('trd', col)}+{cell('tri', col)}", totals.total,
                   st.total_money)
        refs.group_share[name] = sh.ref(rows["share"], col)
        refs.group_trd[name] = sh.ref(rows["trd"], col)
        refs.group_tri[name] = sh.ref(rows["tri"], col)
        refs.group_tr[name] = sh.ref(rows["tr"], col)
    total = results.costs.total
    col = total_col
    grouped_d = [r for k, rows_ in direct_rows.items() if k is not None for r in rows_]
    grouped_i = [r for k, rows_ in indirect_rows.items() if k is not None for r in rows_]
    known = [g.participants for g in ev.groups if g.participants is not None]
    if groups and known:
        sh.formula(rows["participants"], col, f"SUM({everyone})", sum(known), st.integer)
    sh.formula(rows["own_direct"], col, amounts(grouped_d), total.own_direct, st.money)
    sh.formula(rows["own_indirect"], col, amounts(grouped_i), total.own_indirect, st.money)
    sh.formula(rows["shared_direct"], col, amounts(direct_rows.get(None, [])), shared_d,
               st.money)
    sh.formula(rows["shared_indirect"], col, amounts(indirect_rows.get(None, [])), shared_i,
               st.money)
    sh.formula(rows["trd"], col, f"{cell('own_direct', col)}+{cell('shared_direct', col)}",
               total.direct, st.money_bold)
    sh.formula(rows["tri"], col, f"{cell('own_indirect', col)}+{cell('shared_indirect', col)}",
               total.indirect, st.money_bold)
    sh.formula(rows["tr"], col, f"{cell('trd', col)}+{cell('tri', col)}", total.total,
               st.total_money)
    refs.total_trd = sh.ref(rows["trd"], col)
    refs.total_tri = sh.ref(rows["tri"], col)
    refs.total_tr = sh.ref(rows["tr"], col)
    row = rows["tr"] + 1
    basis_key = {"participants": "allocation_participants", "equal": "allocation_equal"}
    note = t(basis_key.get(basis, "allocation_none")) if shared_d or shared_i else t(
        "allocation_none")
    sh.text(row, 0, note, st.note, fit=False)
    row += 2

    # -- by code -----------------------------------------------------------------------
    sh.section(row, t("costs_by_code_title"))
    row += 1
    sh.header(row, 0, [t("col_code"), t("col_cost_item"), "", "", t("col_amount")])
    sh.ws.merge_range(row, 1, row, first_col - 1, t("col_cost_item"), st.header)
    row += 1
    by_code = results.costs.by_code()
    codes = [c.key for c in schema.COST_CODES if c.key in by_code]
    codes += [c for c in by_code if c not in codes]
    code_first = row
    code_range = amount_range = ""
    if last_line >= header + 1:
        code_range = sh.local_range(header + 1, C_CODE, last_line, C_CODE)
        amount_range = sh.local_range(header + 1, C_AMOUNT, last_line, C_AMOUNT)
    for code in codes:
        sh.text(row, 0, code)
        sh.ws.merge_range(row, 1, row, first_col - 1, "", st.text)
        item = code_label(code, book.lang)
        kind = t("direct") if is_direct(code) else t("indirect")
        sh.text(row, 1, f"{item} ({kind})", fit=False)
        sh.formula(row, first_col, f"SUMIF({code_range},{sh.local(row, 0)},{amount_range})",
                   by_code[code], st.money)
        row += 1
    if codes:
        chart = charts.bar(book, t("chart_costs_by_code"),
                           [sh.name, code_first, 1, row - 1, 1],
                           [(t("col_amount"), [sh.name, code_first, first_col, row - 1,
                                               first_col])],
                           st.money_fmt, horizontal=True)
        sh.chart(row + 1, 0, chart, x_scale=1.4, y_scale=min(0.6 + 0.06 * len(codes), 1.2))
    sh.min_width(C_DESC, 30)
    sh.finish(header + 1)
    return refs
