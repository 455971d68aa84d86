"""The Data quality sheet: every warning and finding with where it points, the isolation
method per measure, the assumptions, and any text the report had to shorten."""

from __future__ import annotations

from roti_excel.method.costs import allocation_shares
from roti_excel.method.evaluate import Results
from roti_excel.method.stats import OUTLIER_IQR_FACTOR
from roti_excel.model import Evaluation
from roti_excel.narrative.numbers import format_compact, format_money, format_number
from roti_excel.report.book import Book, Sheet, Truncation
from roti_excel.report.sheets.impact import ordered_measures
from roti_excel.report.sheets.methodology import isolation_key, money_as_typed


def _truncation_row(sh: Sheet, row: int, tr: Truncation) -> None:
    sh.text(row, 0, sh.t("dq_report"))
    sh.text(row, 1, sh.t("kind_truncated"))
    sh.text(row, 2, tr.sheet)
    sh.text(row, 3, tr.cell)
    sh.text(row, 4, sh.t("truncated_message", n=format_number(tr.length, 0, sh.book.lang)),
            sh.st.wrap)


_HEADER = 3  # the problems table's header row


def write(book: Book, results: Results, narrative: str) -> None:
    """The Data quality sheet: every warning, finding and shortened text; the isolation
    per measure; the assumptions; then any text this sheet itself had to shorten."""
    sh = book.sheet("quality")
    st, t = sh.st, sh.t
    sh.title(0, t("quality_title"))
    sh.paragraph(1, 0, 4, narrative)
    sh.header(_HEADER, 0, [t("col_type"), t("col_kind"), t("col_sheet"), t("col_cell"),
                           t("col_message")])
    row = _write_problems(sh, results, _HEADER + 1)
    written = len(book.truncations)  # those of the other sheets, and of the rows above
    for tr in list(book.truncations):
        _truncation_row(sh, row, tr)
        row += 1
    if row > _HEADER + 1:
        sh.ws.autofilter(_HEADER, 0, row - 1, 4)
    else:
        sh.text(row, 0, t("none_found"), st.note, fit=False)
        row += 1
    row = _write_isolation(sh, results, row + 1)
    row = _write_assumptions(sh, _assumptions(sh, results.evaluation), row)
    _write_later_truncations(sh, book.truncations[written:], row)
    sh.min_width(4, 50)
    sh.min_width(3, 8)
    sh.finish(_HEADER + 1)


def _write_problems(sh: Sheet, results: Results, row: int) -> int:
    """The input's warnings, then the method's findings; returns the row under them."""
    st, t = sh.st, sh.t
    for issue in results.warnings:
        sh.text(row, 0, t("dq_input"))
        sh.text(row, 1, t("severity_" + issue.severity))
        sh.text(row, 2, issue.sheet or "")
        sh.text(row, 3, issue.cell or "")
        sh.text(row, 4, issue.in_language(sh.book.lang), st.wrap)
        row += 1
    for f in results.shown_findings:
        sh.text(row, 0, t("dq_method"))
        sh.text(row, 1, t.get("kind_" + f.kind, f.kind))
        sh.text(row, 2, f.sheet)
        sh.text(row, 3, f.cell)
        sh.text(row, 4, f.in_language(sh.book.lang), st.wrap)
        row += 1
    return row


def _write_isolation(sh: Sheet, results: Results, row: int) -> int:
    """Each measure's isolation method and what it means; returns the next section's row."""
    st, t = sh.st, sh.t
    sh.section(row, t("dq_isolation_title"))
    sh.header(row + 1, 0, [t("col_measure"), t("col_group"), t("col_isolation"), "",
                           t("col_meaning")])
    sh.ws.merge_range(row + 1, 2, row + 1, 3, t("col_isolation"), st.header)
    row += 2
    for m in ordered_measures(results):
        key = isolation_key(m)
        sh.text(row, 0, m.measure.name)
        sh.text(row, 1, m.group or t("no_group"))
        sh.ws.merge_range(row, 2, row, 3, "", st.text)
        sh.text(row, 2, t("iso_" + key), fit=False)
        sh.text(row, 4, t("iso_explain_" + key), st.wrap)
        row += 1
    if not results.impact.measures:
        sh.text(row, 0, t("not_evaluated"), st.note, fit=False)
        row += 1
    return row + 1


def _assumptions(sh: Sheet, ev: Evaluation) -> list[tuple[str, str, str]]:
    """(item, value, note) of each assumption: the program's, each rate's derivation and
    each measure's stated value per unit."""
    t, lang, p = sh.t, sh.book.lang, ev.program

    def num(value: float) -> str:
        return format_compact(value, 4, lang)

    _, basis = allocation_shares(ev)
    shared = any(line.group is None for line in ev.costs)
    assumptions: list[tuple[str, str, str]] = [
        (t("assume_horizon"), num(p.horizon_months), t("assume_horizon_note")),
        (t("assume_objective"), num(p.roi_objective * 100) + "%", t("assume_objective_note")),
        (t("assume_currency"), p.currency, ""),
        (t("assume_outlier"), t("outlier_" + p.outlier_rule.key),
         t("assume_outlier_note", k=f"{OUTLIER_IQR_FACTOR:g}")),
        (t("assume_allocation"),
         t("allocation_basis_" + basis) if shared and basis else t("allocation_basis_none"),
         t("assume_allocation_note")),
        (t("assume_missing"), t("assume_missing_value"), ""),
    ]
    for rate in ev.rates:  # money in the currency, as the Methodology sheet writes it
        derivation = (f"{money_as_typed(rate.amount, p.currency, lang)} / "
                      f"{num(rate.days_per_month)} / {num(rate.shifts_per_day)} / "
                      f"{num(rate.hours_per_shift)} = "
                      f"{format_money(rate.value, p.currency, lang, 2)}")
        assumptions.append((t("assume_rate", name=rate.name), derivation,
                            t("assume_rate_note")))
    for meas in ev.measures:
        if meas.value_per_unit is not None:
            assumptions.append((t("assume_value", name=meas.name),
                                format_money(meas.value_per_unit, p.currency, lang, 2),
                                meas.value_source))
    return assumptions


def _write_assumptions(sh: Sheet, assumptions: list[tuple[str, str, str]], row: int) -> int:
    """The assumptions table; returns the row under it."""
    st, t = sh.st, sh.t
    sh.section(row, t("dq_assumptions_title"))
    sh.header(row + 1, 0, [t("col_item"), t("col_value"), "", "", t("col_note")])
    sh.ws.merge_range(row + 1, 1, row + 1, 3, t("col_value"), st.header)
    row += 2
    for item, value, note in assumptions:
        sh.text(row, 0, item, st.wrap)
        sh.ws.merge_range(row, 1, row, 3, "", st.text)
        sh.text(row, 1, value, fit=False)
        sh.text(row, 4, note, st.wrap)
        row += 1
    return row


def _write_later_truncations(sh: Sheet, later: list[Truncation], row: int) -> None:
    """Text shortened while writing this sheet itself, in a section of its own."""
    if later:
        row += 1
        sh.section(row, sh.t("dq_truncated_title"))
        row += 1
        for tr in later:
            _truncation_row(sh, row, tr)
            row += 1
