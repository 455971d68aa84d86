"""The Costs sheet: every cost line as unit cost x quantity x duration x proration, the
direct / indirect subtotals per group with the shared-cost allocation, and costs by code."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from roti_excel import schema
from roti_excel.method.costs import CostTotals, allocation_shares, is_direct
from roti_excel.method.evaluate import Results
from roti_excel.model import CostLine, Evaluation, Group
from roti_excel.report import charts
from roti_excel.report.book import Book, Sheet, runs, sum_of
from roti_excel.report.sheets.input_copies import CostRef, InputRefs, origin_text
from roti_excel.report.styles import typed_decimals

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


def ordered_codes(by_code: dict[str, float]) -> list[str]:
    """The codes in the schema's order, then any other code in order of appearance."""
    codes = [c.key for c in schema.COST_CODES if c.key in by_code]
    return codes + [c for c in by_code if c not in codes]


_HEADER = 3  # the line table's header row
_FIRST_COL = C_UNIT  # the totals' first group column (and the by-code amounts)
_TOTAL_KEYS = ("participants", "share", "own_direct", "own_indirect", "shared_direct",
               "shared_indirect", "trd", "tri", "tr")
_SUBTOTAL_KEYS = ("trd", "tri", "tr")


@dataclass
class _LineRows:
    """Where the line table put the lines: rows by block (a group; None: shared), direct
    or indirect, so each subtotal can sum its own rows."""

    direct: dict[str | None, list[int]] = field(default_factory=dict)
    indirect: dict[str | None, list[int]] = field(default_factory=dict)
    last: int = _HEADER  # the last line's row (the header's when there is none)
    next_row: int = _HEADER + 1  # the first row under the table and its note

    @property
    def has_lines(self) -> bool:
        return self.last >= _HEADER + 1


@dataclass(frozen=True)
class _Totals:
    """The totals table: a row per key, a column per group then the total; with the line
    rows its sums draw on and how shared costs are allocated."""

    sh: Sheet
    rows: dict[str, int]
    lines: _LineRows
    basis: str  # allocation basis: "participants", "equal" or "" (no groups)
    groups: int  # how many group columns

    @property
    def total_col(self) -> int:
        return _FIRST_COL + self.groups

    def cell(self, key: str, col: int) -> str:
        return self.sh.local(self.rows[key], col)

    def ref(self, key: str, col: int) -> str:
        return self.sh.ref(self.rows[key], col)

    def everyone(self) -> str:
        """The participants of every group (the range the shares divide by)."""
        r = self.rows["participants"]
        return self.sh.local_range(r, _FIRST_COL, r, self.total_col - 1)


def _amounts(sh: Sheet, rows: list[int]) -> str:
    """The sum of the amounts on `rows`, one range per run of consecutive rows."""
    return sum_of([sh.local_range(a, C_AMOUNT, b, C_AMOUNT) if a != b
                   else sh.local(a, C_AMOUNT, absolute=True) for a, b in runs(rows)])


def _grouped_rows(rows_by_block: dict[str | None, list[int]]) -> list[int]:
    """The rows of the lines of every group (not the shared lines), block by block."""
    return [r for k, rows in rows_by_block.items() if k is not None for r in rows]


def _shared_amounts(ev: Evaluation) -> tuple[float, float]:
    """(direct, indirect) total of the shared lines (those with no group)."""
    shared = [x for x in ev.costs if x.group is None]
    return (math.fsum(x.amount for x in shared if is_direct(x.code)),
            math.fsum(x.amount for x in shared if not is_direct(x.code)))


# -- the line table --------------------------------------------------------------------
def _input_formats(sh: Sheet, lines: Sequence[CostLine]) -> tuple[Any, Any, Any]:
    """The unit cost, quantity and duration columns as their input copies show them: the
    decimals the values have (Rp10,000,000 beside an amount of Rp10,000,000, not
    Rp10,000,000.00; a quantity of 20, not 20.00), never rounding one."""
    return (sh.st.typed(typed_decimals(x.unit_cost for x in lines), kind="money"),
            sh.st.typed(typed_decimals(x.quantity for x in lines)),
            sh.st.typed(typed_decimals(x.duration for x in lines)))


def _write_line(sh: Sheet, row: int, block: str | None, line: CostLine,  # noqa: PLR0913
                ref: CostRef, formats: tuple[Any, Any, Any]) -> None:
    """One cost line; its inputs are formulas over the input copy, and its amount the
    product unit cost x quantity x duration x proration."""
    st, t = sh.st, sh.t
    # group and class wrap rather than widen the page ("Shared (all groups)")
    sh.text(row, C_GROUP, block if block is not None else t("shared_all"), st.wrap)
    sh.text(row, C_CODE, line.code)
    sh.text(row, C_CLASS, t("direct") if is_direct(line.code) else t("indirect"), st.wrap)
    sh.text(row, C_DESC, line.description, st.wrap)
    unit, quantity, duration = formats
    sh.formula(row, C_UNIT, ref.unit_cost, line.unit_cost, unit)
    sh.formula(row, C_QTY, ref.quantity, line.quantity, quantity)
    sh.formula(row, C_DUR, ref.duration, line.duration, duration)
    sh.formula(row, C_PRO, ref.proration, line.proration, st.pct)
    sh.formula(row, C_AMOUNT, "*".join(sh.local(row, c) for c in (C_UNIT, C_QTY, C_DUR, C_PRO)),
               line.amount, st.money)
    sh.text(row, C_SRC, origin_text(sh.book, line.origin), st.note_cell)


def _write_lines(refs: CostRefs, results: Results, inputs: InputRefs) -> _LineRows:
    """The line table, block by block (see `ordered_lines`); each block's rows noted in
    `refs` for the ROI sheet, and "none entered" under an empty table."""
    sh = refs.sheet
    st, t = sh.st, sh.t
    sh.header(_HEADER, 0, [t("col_group"), t("col_code"), t("col_class"), t("col_description"),
                           t("col_unit_cost"), t("col_quantity"), t("col_duration"),
                           t("col_proration"), t("col_amount"), t("col_source")])
    lines = _LineRows()
    row = _HEADER + 1
    formats = _input_formats(sh, results.evaluation.costs)
    for name, block in ordered_lines(results):
        first = row
        refs.lines_by_block[name] = block
        for line in block:
            _write_line(sh, row, name, line, inputs.costs[id(line)], formats)
            rows = lines.direct if is_direct(line.code) else lines.indirect
            rows.setdefault(name, []).append(row)
            row += 1
        if name is None:
            refs.shared_block = (first, row - 1)
        else:
            refs.blocks[name] = (first, row - 1)
    lines.last = row - 1
    if lines.has_lines:
        sh.ws.autofilter(_HEADER, 0, lines.last, C_SRC)
    else:
        sh.text(row, 0, t("none_entered"), st.note, fit=False)
        row += 1
    lines.next_row = row
    return lines


# -- TRD / TRI / TR per group: one column per group, then the total -------------------
def _write_totals_frame(sh: Sheet, row: int, names: list[str]) -> dict[str, int]:
    """The totals' heading, header (the groups, then the total) and row labels; returns
    the row of each key."""
    st, t = sh.st, sh.t
    sh.section(row, t("costs_totals_title"))
    row += 1
    sh.ws.merge_range(row, 0, row, _FIRST_COL - 1, "", st.header)
    sh.header(row, _FIRST_COL, [*names, t("total_all")])
    rows = {key: row + 1 + i for i, key in enumerate(_TOTAL_KEYS)}
    for key, r in rows.items():
        fmt = st.bold if key in _SUBTOTAL_KEYS else st.text
        sh.ws.merge_range(r, 0, r, _FIRST_COL - 1, "", fmt)
        sh.text(r, 0, t("col_" + key), fmt, fit=False, last_col=_FIRST_COL - 1)
    return rows


def _write_group_share(table: _Totals, col: int, totals: CostTotals, group: Group,
                       participants: str | None) -> None:
    """A group's participants (a copy of the input, when stated) and its share of the
    shared costs: by participants, or equal."""
    sh, st, rows = table.sh, table.sh.st, table.rows
    if participants and group.participants is not None:
        sh.formula(rows["participants"], col, participants, group.participants, st.integer)
    else:
        sh.number(rows["participants"], col, None, st.integer)
    share_f = (f"{table.cell('participants', col)}/SUM({table.everyone()})"
               if table.basis == "participants" else f"1/{table.groups}")
    sh.formula(rows["share"], col, share_f, totals.share, st.pct)


def _write_group_amounts(table: _Totals, col: int, totals: CostTotals) -> None:
    """A group's own direct / indirect lines, and its share of the shared ones (the
    total column's shared amounts x its share)."""
    sh, st, rows = table.sh, table.sh.st, table.rows
    sh.formula(rows["own_direct"], col, _amounts(sh, table.lines.direct.get(totals.name, [])),
               totals.own_direct, st.money)
    sh.formula(rows["own_indirect"], col,
               _amounts(sh, table.lines.indirect.get(totals.name, [])), totals.own_indirect,
               st.money)
    for key, value in (("shared_direct", totals.shared_direct),
                       ("shared_indirect", totals.shared_indirect)):
        sh.formula(rows[key], col, f"{sh.local(rows[key], table.total_col, absolute=True)}*"
                   f"{table.cell('share', col)}", value, st.money)


def _write_subtotals(table: _Totals, col: int, totals: CostTotals) -> None:
    """TRD = own + shared direct, TRI = own + shared indirect, TR = TRD + TRI."""
    sh, st, cell = table.sh, table.sh.st, table.cell
    sh.formula(table.rows["trd"], col, f"{cell('own_direct', col)}+{cell('shared_direct', col)}",
               totals.direct, st.money_bold)
    sh.formula(table.rows["tri"], col,
               f"{cell('own_indirect', col)}+{cell('shared_indirect', col)}",
               totals.indirect, st.money_bold)
    sh.formula(table.rows["tr"], col, f"{cell('trd', col)}+{cell('tri', col)}", totals.total,
               st.total_money)


def _write_group_columns(table: _Totals, results: Results, inputs: InputRefs,
                         refs: CostRefs) -> None:
    """One column per group; its share, TRD, TRI and TR noted in `refs`."""
    ev = results.evaluation
    for j, totals in enumerate(results.costs.groups):
        name, col = totals.name, _FIRST_COL + j
        group = next(g for g in ev.groups if g.name == name)
        _write_group_share(table, col, totals, group, inputs.participants.get(name))
        _write_group_amounts(table, col, totals)
        _write_subtotals(table, col, totals)
        refs.group_share[name] = table.ref("share", col)
        refs.group_trd[name] = table.ref("trd", col)
        refs.group_tri[name] = table.ref("tri", col)
        refs.group_tr[name] = table.ref("tr", col)


def _write_total_column(table: _Totals, results: Results, refs: CostRefs) -> None:
    """The total column: all participants (when any group states them), every group's own
    lines, the shared lines, TRD, TRI and TR (noted in `refs`)."""
    sh, st, rows, lines = table.sh, table.sh.st, table.rows, table.lines
    ev, total, col = results.evaluation, results.costs.total, table.total_col
    grouped_d, grouped_i = _grouped_rows(lines.direct), _grouped_rows(lines.indirect)
    known = [g.participants for g in ev.groups if g.participants is not None]
    if results.costs.groups and known:
        sh.formula(rows["participants"], col, f"SUM({table.everyone()})", sum(known),
                   st.integer)
    sh.formula(rows["own_direct"], col, _amounts(sh, grouped_d), total.own_direct, st.money)
    sh.formula(rows["own_indirect"], col, _amounts(sh, grouped_i), total.own_indirect,
               st.money)
    shared_d, shared_i = _shared_amounts(ev)
    sh.formula(rows["shared_direct"], col, _amounts(sh, lines.direct.get(None, [])), shared_d,
               st.money)
    sh.formula(rows["shared_indirect"], col, _amounts(sh, lines.indirect.get(None, [])),
               shared_i, st.money)
    _write_subtotals(table, col, total)
    refs.total_trd = table.ref("trd", col)
    refs.total_tri = table.ref("tri", col)
    refs.total_tr = table.ref("tr", col)


def _allocation_note_key(basis: str, *, shared: bool) -> str:
    """The note saying how shared costs were allocated (none when nothing is shared)."""
    if not shared:
        return "allocation_none"
    keys = {"participants": "allocation_participants", "equal": "allocation_equal"}
    return keys.get(basis, "allocation_none")


def _write_totals(refs: CostRefs, results: Results, inputs: InputRefs,
                  lines: _LineRows) -> int:
    """The totals per group and in total, then the allocation note; returns the next
    section's row."""
    sh, ev, groups = refs.sheet, results.evaluation, results.costs.groups
    rows = _write_totals_frame(sh, lines.next_row + 1, [g.name for g in groups])
    _, basis = allocation_shares(ev)
    table = _Totals(sh, rows, lines, basis, len(groups))
    _write_group_columns(table, results, inputs, refs)
    _write_total_column(table, results, refs)
    shared_d, shared_i = _shared_amounts(ev)
    key = _allocation_note_key(basis, shared=bool(shared_d or shared_i))
    sh.text(rows["tr"] + 1, 0, sh.t(key), sh.st.note, fit=False)
    return rows["tr"] + 3


# -- by code -----------------------------------------------------------------------------
def _write_code_row(sh: Sheet, row: int, code: str, amount: float, lines: _LineRows) -> None:
    """One code: its item and class, and the SUMIF of the line amounts with that code."""
    st, t = sh.st, sh.t
    code_range = amount_range = ""
    if lines.has_lines:
        code_range = sh.local_range(_HEADER + 1, C_CODE, lines.last, C_CODE)
        amount_range = sh.local_range(_HEADER + 1, C_AMOUNT, lines.last, C_AMOUNT)
    sh.text(row, 0, code)
    sh.ws.merge_range(row, 1, row, _FIRST_COL - 1, "", st.text)
    item = code_label(code, sh.book.lang)
    kind = t("direct") if is_direct(code) else t("indirect")
    sh.text(row, 1, f"{item} ({kind})", fit=False)
    sh.formula(row, _FIRST_COL, f"SUMIF({code_range},{sh.local(row, 0)},{amount_range})",
               amount, st.money)


def _write_code_chart(sh: Sheet, first: int, count: int) -> None:
    """A horizontal bar chart of the `count` codes from row `first`, a row under them."""
    t, last = sh.t, first + count - 1
    chart = charts.bar(sh.book, t("chart_costs_by_code"), [sh.name, first, 1, last, 1],
                       [(t("col_amount"), [sh.name, first, _FIRST_COL, last, _FIRST_COL])],
                       sh.st.money_fmt, horizontal=True, value_min=0.0)  # amounts are >= 0
    sh.chart(last + 2, 0, chart, x_scale=1.4, y_scale=min(0.6 + 0.06 * count, 1.2))


def _write_by_code(sh: Sheet, results: Results, lines: _LineRows, row: int) -> None:
    """Costs by code, each a SUMIF over the line table, and their chart."""
    st, t = sh.st, sh.t
    sh.section(row, t("costs_by_code_title"))
    row += 1
    sh.header(row, 0, [t("col_code"), t("col_cost_item"), "", "", t("col_amount")])
    sh.ws.merge_range(row, 1, row, _FIRST_COL - 1, t("col_cost_item"), st.header)
    row += 1
    by_code = results.costs.by_code()
    codes = ordered_codes(by_code)
    for i, code in enumerate(codes):
        _write_code_row(sh, row + i, code, by_code[code], lines)
    if codes:
        _write_code_chart(sh, row, len(codes))


def write(book: Book, results: Results, inputs: InputRefs) -> CostRefs:
    """The Costs sheet: the line table, the totals per group and in total, costs by code."""
    sh = book.sheet("costs", max_width=40)
    refs = CostRefs(sh)
    sh.title(0, sh.t("costs_title"))
    # the sheet the line values are copied on (Input copies when it has them itself)
    source = "inputs_costs" if "inputs_costs" in book.present else "inputs"
    sh.text(1, 0, sh.t("costs_note", sheet=book.names[source]), sh.st.note, fit=False)
    lines = _write_lines(refs, results, inputs)
    row = _write_totals(refs, results, inputs, lines)
    _write_by_code(sh, results, lines, row)
    sh.min_width(C_DESC, 24)
    sh.finish(_HEADER + 1)
    return refs
