"""The Methodology sheet: how each figure was obtained, for the controller who signs it. Per
level the instrument, timing, source, responses and response rate and how non-respondents
are treated; per measure the isolation and conversion method with its Value source and
Notes; and the conservative rules, each with what it did in this evaluation."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from roti_excel import schema
from roti_excel.domain import Caveat, FindingKind, Isolation, OutlierRule, PeriodNote
from roti_excel.method.application import overall_rate
from roti_excel.method.credibility import label
from roti_excel.method.evaluate import Results
from roti_excel.method.impact import MeasureResult
from roti_excel.method.scenarios import has_salary_line
from roti_excel.method.stats import OUTLIER_MIN_VALUES, outliers_testable
from roti_excel.model import Evaluation
from roti_excel.narrative.numbers import (
    format_compact,
    format_money,
    format_number,
    format_period,
)
from roti_excel.report.book import Sheet
from roti_excel.report.sheets.impact import ordered_measures
from roti_excel.report.styles import typed_decimals

LAST_COL = 6


def isolation_key(m: MeasureResult) -> str:
    """The isolation a measure's benefits really had: a measure whose data are Estimates
    rows only is isolated by their own factors, whatever its Isolation says."""
    return "estimate_rows" if not m.periods else m.measure.isolation.key


def write(sh: Sheet, results: Results) -> None:
    st, t = sh.st, sh.t
    sh.title(0, t("method_title"))
    sh.paragraph(1, 0, LAST_COL, t("method_note"), st.note_wrap)
    row = _write_levels(sh, results, 3)
    row = _write_measures(sh, results, row + 1)
    _write_rules(sh, results, row + 1)
    for col, width in enumerate((16, 30, 22, 22, 14, 12, 34)):
        sh.min_width(col, width)
        sh.max_col_width(col, width)
    sh.finish(None)  # several tables: no one header row to freeze


# -- per level -------------------------------------------------------------------------

def _participants(results: Results) -> float | None:
    """Everyone trained: the groups' Participants when every group states them, else the
    Learning roster; None when neither is known."""
    groups = results.evaluation.groups
    if groups and all(g.participants is not None for g in groups):
        return sum(g.participants or 0.0 for g in groups)
    roster = results.learning.overall.participants
    return float(roster) if roster else None


def _dates(sh: Sheet, dates: Sequence[dt.date | None]) -> str:
    known = sorted(d for d in dates if d is not None)
    if not known:
        return ""
    return format_period(known[0], known[-1] if known[-1] != known[0] else None,
                         sh.book.lang)


def _rate(responses: float, base: float | None) -> float | None:
    return responses / base if base else None


# one row of the levels table: level, instrument, timing, source, responses, rate, treatment
_LevelRow = tuple[str, str, str, str, str, float | None, str]


def _level_rows(sh: Sheet, results: Results) -> list[_LevelRow]:
    t, lang, ev = sh.t, sh.book.lang, results.evaluation
    everyone = _participants(results)
    rows: list[_LevelRow] = []
    r1 = results.reaction
    if r1.evaluated:
        q = ev.questions_at(1)
        rows.append(("level_1", t("method_l1_instrument", n=len(q),
                                  scale=f"{q[0].scale_min:g}–{q[0].scale_max:g}" if q else ""),
                     _dates(sh, [r.date for r in ev.reaction]) or t("method_no_dates"),
                     t("method_l1_source"), format_compact(r1.respondents, 2, lang),
                     _rate(r1.respondents, everyone), t("method_l1_missing")))
    r2 = results.learning
    if r2.evaluated:
        o = r2.overall
        rows.append(("level_2", t("method_l2_instrument" if o.with_pre else
                                  "method_l2_instrument_post"),
                     t("method_l2_timing" if o.with_pre else "method_l2_timing_post"),
                     t("method_l2_source"),
                     t("method_sat", sat=o.sat, n=o.participants),
                     _rate(o.sat, o.participants), t("method_l2_missing", absent=o.absent)))
    r3 = results.application
    if r3.evaluated:
        q = ev.questions_at(3)
        answered = sum(x.respondents for x in r3.response)
        # none when a group has more responses than sent (its counts are wrong somewhere);
        # over all participants when a group's surveys sent is unknown
        rate: float | None = None
        if not any(x.over for x in r3.response):
            rate = overall_rate(r3.response) if all(x.sent for x in r3.response) \
                else _rate(answered, everyone)
        rows.append(("level_3", t("method_l3_instrument", n=len(q),
                                  scale=f"{q[0].scale_min:g}–{q[0].scale_max:g}" if q else ""),
                     _dates(sh, [r.date for r in ev.application]) or t("method_no_dates"),
                     t("source_" + (r3.source or "none")), format_compact(answered, 2, lang),
                     rate, t("method_l3_missing")))
    if results.impact.evaluated:
        rows.append(_impact_row(sh, results))
    total = results.total
    rows.append(("level_5", t("method_l5_instrument"),
                 t("method_l5_timing", months=format_compact(total.months, 2, lang)),
                 t("method_l5_source", sheet=_input_sheet(sh, ev, "costs")), "", None, ""))
    return rows


def _input_sheet(sh: Sheet, ev: Evaluation, key: str) -> str:
    """The input sheet's name as the workbook spells it (the template's, in the report's
    language, for an evaluation not read from a workbook)."""
    return ev.sheet_names.get(key) or schema.sheet(key).name(sh.book.lang)


def _impact_row(sh: Sheet, results: Results) -> _LevelRow:
    t = sh.t
    measures = results.impact.measures
    periods = sum(len(m.periods) for m in measures)
    estimates = [m.coverage for m in measures if m.coverage is not None]
    responses = t("method_l4_rows", measures=len(measures), periods=periods)
    rate = None
    if estimates:
        answered = sum(c.respondents for c in estimates)
        base = [c.participants for c in estimates]
        responses += "; " + t("method_l4_estimates", n=answered)
        rate = _rate(answered, sum(b or 0.0 for b in base)) if all(base) else None
    before = _spans([p.row.before_period for m in measures for p in m.periods
                     if p.row.before_period])
    after = _spans([p.row.after_period for m in measures for p in m.periods
                    if p.row.after_period])
    timing = t("method_l4_timing", before=before, after=after) if before else \
        t("method_l4_timing_estimates")
    ev = results.evaluation
    source = t("method_l4_source_rows", sheet=_input_sheet(sh, ev, "impact")) if periods else ""
    if estimates:
        source = "; ".join(s for s in (source, t(
            "method_l4_source_estimates", sheet=_input_sheet(sh, ev, "estimates"))) if s)
    return ("level_4", t("method_l4_instrument"), timing, source, responses, rate,
            t("method_l4_missing"))


def _span(labels: list[str]) -> str:
    ordered = sorted(set(labels), key=_natural)
    return ordered[0] if len(ordered) == 1 else f"{ordered[0]} – {ordered[-1]}"


def _natural(label: str) -> list[object]:
    """P2 before P10: the label's numbers compared as numbers."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", label)]


def _spans(labels: list[str]) -> str:
    """First to last period label, one span per way of writing them ("2020-01 – 2020-08,
    P1 – P4"): months and labels such as P1 do not sort into one range."""
    forms: dict[str, list[str]] = {}
    for text in labels:
        forms.setdefault(re.sub(r"\d+", "9", text), []).append(text)
    return ", ".join(_span(same) for same in forms.values())


def _write_levels(sh: Sheet, results: Results, row: int) -> int:
    st, t = sh.st, sh.t
    sh.section(row, t("method_levels"))
    sh.header(row + 1, 0, [t("col_level"), t("col_instrument"), t("col_timing"),
                           t("col_data_source"), t("col_responses"), t("col_response_rate"),
                           t("col_non_respondents")])
    row += 2
    for key, instrument, timing, source, responses, rate, missing in _level_rows(sh, results):
        sh.text(row, 0, t(key), st.bold_wrap)
        for col, text in ((1, instrument), (2, timing), (3, source), (4, responses),
                          (6, missing)):
            sh.text(row, col, text, st.wrap)
        if rate is None:  # not applicable to the measures or the ROI, unknown elsewhere
            sh.text(row, 5, "" if key in ("level_4", "level_5") else t("na"), st.right)
        else:
            sh.number(row, 5, rate, st.pct)
        row += 1
    return row


def _untested(sh: Sheet, measures: Sequence[MeasureResult]) -> str:
    """The measures whose values are too few to call one extreme (see `outlier_fences`):
    "0 found" would read as checked."""
    def few(values: list[float]) -> bool:
        return bool(values) and not outliers_testable(len(values))

    names = [label(m) for m in measures
             if few([p.adjusted for p in m.periods if p.note is PeriodNote.COUNTED])
             or few([e.estimate.annual_improvement for e in m.estimates
                     if e.estimate.annual_improvement is not None])]
    if not names:
        return ""
    return "; " + sh.t("rule_outliers_untested", n=OUTLIER_MIN_VALUES,
                       measures=", ".join(names))


# -- per measure -----------------------------------------------------------------------

def money_as_typed(amount: float, currency: str, lang: str) -> str:
    """An amount entered (a wage, a rate) in the currency with the decimals it was typed
    with: Rp3,500,000, USD 3,000.00."""
    return format_money(amount, currency, lang, typed_decimals([amount]) or None)


def _conversion(sh: Sheet, results: Results, m: MeasureResult) -> str:
    """How a unit of the measure became money: the rate's derivation, or the value as
    entered."""
    t, lang = sh.t, sh.book.lang
    currency = results.evaluation.program.currency
    # money in the currency, as the Impact sheet shows it: Rp7,291.67 per hour from a wage
    # of Rp3,500,000 (its decimals as typed)
    value = format_money(m.value_per_unit, currency, lang, 2)
    rate = results.evaluation.rate(m.measure.rate) if m.measure.rate else None
    if rate is not None:
        def num(x: float) -> str:
            return format_compact(x, 4, lang)
        return t("method_conversion_rate", name=rate.name,
                 amount=money_as_typed(rate.amount, currency, lang),
                 days=num(rate.days_per_month),
            shifts=num(rate.shifts_per_day), hours=num(rate.hours_per_shift), value=value,
            unit=m.measure.unit or "–")
    return t("method_conversion_value", value=value, unit=m.measure.unit or "–")


def _write_measures(sh: Sheet, results: Results, row: int) -> int:
    st, t = sh.st, sh.t
    sh.section(row, t("method_measures"))
    sh.header(row + 1, 0, [t("col_measure"), t("col_isolation"), t("col_why"),
                           t("col_conversion"), t("col_value_source"), "", t("col_notes")])
    sh.ws.merge_range(row + 1, 4, row + 1, 5, t("col_value_source"), st.header)
    row += 2
    measures = ordered_measures(results)
    for m in measures:
        key = isolation_key(m)
        name = m.measure.name + (f" ({m.group})" if m.group else "")
        sh.text(row, 0, name, st.bold_wrap)
        sh.text(row, 1, t("iso_" + key), st.wrap)
        sh.text(row, 2, t("iso_explain_" + key), st.wrap)
        sh.text(row, 3, _conversion(sh, results, m), st.wrap)
        sh.paragraph(row, 4, 5, m.measure.value_source or t("method_not_stated"), st.wrap)
        sh.text(row, 6, m.measure.notes, st.wrap)
        row += 1
    if not measures:
        sh.text(row, 0, t("method_no_measures"), st.note, fit=False)
        row += 1
    return row


# -- the conservative rules ------------------------------------------------------------

def _rules(sh: Sheet, results: Results) -> list[tuple[str, str]]:
    """(rule, what it did here) for each conservative rule of docs/method.md."""
    t, lang = sh.t, sh.book.lang
    total, ev = results.total, results.evaluation
    caveats = total.credibility.caveats
    measures = results.impact.measures
    isolated = [m for m in measures if isolation_key(m) != Isolation.NONE.key]
    kinds = {f.kind for f in results.findings}
    excluding = ev.program.outlier_rule is OutlierRule.EXCLUDE
    missing = total.credibility.missing_codes
    rules = [
        ("rule_isolation", t("rule_not_used") if not measures else
         t("rule_isolation_done", n=len(isolated), of=len(measures))
         if Caveat.NO_ISOLATION not in caveats else
         t("rule_isolation_missing", measures=", ".join(total.credibility.unisolated))),
        ("rule_costs", t("rule_costs_done") if not missing else
         t("rule_costs_missing", codes=", ".join(missing))),
        ("rule_missing", t("rule_missing_done")),
        ("rule_estimates", t("rule_estimates_done") if any(m.estimates for m in measures)
         else t("rule_not_used")),
        ("rule_outliers", t("rule_outliers_" + ("exclude" if excluding else "flag"),
                            n=sum(1 for f in results.findings
                                  if f.kind is FindingKind.OUTLIER)) + _untested(sh, measures)),
        ("rule_horizon", t("rule_horizon_done",
                           months=format_compact(total.months, 2, lang),
                           horizon=format_compact(ev.program.horizon_months, 2, lang))),
        ("rule_discount", t("rule_discount_done", rate=format_number(
            (ev.program.discount_rate or 0.0) * 100, 1, lang))
         if ev.program.horizon_months > 12 else t("rule_discount_none")),
        ("rule_trend", t("rule_trend_weak") if Caveat.WEAK_TREND in caveats else
         t("rule_trend_done") if any(m.trend for m in measures) else t("rule_not_used")),
        ("rule_shared", t("rule_shared_equal") if FindingKind.ALLOCATION in kinds else
         t("rule_shared_done") if any(c.group is None for c in ev.costs) else
         t("rule_not_used")),
        ("rule_intangibles", t("rule_intangibles_done", n=len(ev.intangibles))),
        ("rule_salary", t("rule_salary_done") if has_salary_line(results) else
         t("rule_salary_missing")),
    ]
    return [(t(key), text) for key, text in rules]


def _write_rules(sh: Sheet, results: Results, row: int) -> None:
    st, t = sh.st, sh.t
    sh.section(row, t("method_rules"))
    sh.header(row + 1, 0, [t("col_rule"), "", t("col_applied_here")])
    sh.ws.merge_range(row + 1, 0, row + 1, 1, t("col_rule"), st.header)
    sh.ws.merge_range(row + 1, 2, row + 1, LAST_COL, t("col_applied_here"), st.header)
    row += 2
    for rule, text in _rules(sh, results):
        sh.paragraph(row, 0, 1, rule, st.bold_wrap)
        sh.paragraph(row, 2, LAST_COL, text, st.wrap)
        row += 1
