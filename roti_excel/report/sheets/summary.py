"""The Summary sheet: the program, the headline figures (formulas over Level 5) with the
band in words and colour, the same per group, the level scorecard, a chart of benefits
against costs, and the written interpretation with the recommended actions."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from roti_excel.method.evaluate import Results
from roti_excel.method.roi import Financials
from roti_excel.narrative.numbers import format_date, format_number, format_pct, format_period
from roti_excel.report import charts
from roti_excel.report.book import Book, Sheet
from roti_excel.report.sheets.input_copies import InputRefs
from roti_excel.report.sheets.roi import (
    C_BAND,
    C_BCR,
    C_BEN,
    C_COST,
    C_MONTHS,
    C_NET,
    C_PAY,
    C_ROI,
    C_STATUS,
    FinRefs,
    RoiRefs,
    band_key,
    band_label,
    bcr_cached,
    fin_headers,
    headline_figures,
    net_cached,
    payback_cached,
    roi_cached,
    status_key,
    status_label,
)
from roti_excel.report.styles import typed_decimals

LAST_COL = C_STATUS


class NarrativeText(Protocol):
    """What the Summary uses of :class:`roti_excel.narrative.render.Narrative`."""

    @property
    def band_label(self) -> str: ...
    @property
    def headline(self) -> str: ...
    @property
    def credibility(self) -> str: ...
    @property
    def band_text(self) -> str: ...
    @property
    def actions(self) -> tuple[str, ...]: ...
    @property
    def groups(self) -> Mapping[str, str]: ...


def write(book: Book, results: Results, inputs: InputRefs, roi: RoiRefs,
          narrative: NarrativeText) -> None:
    """The Summary sheet: the program, the headline, the groups, the interpretation and
    actions, the level scorecard, and the chart of benefits against costs."""
    p = results.evaluation.program
    sh = book.sheet("summary")
    sh.title(0, p.name)
    sh.text(1, 0, sh.t("summary_subtitle"), sh.st.subtitle, fit=False)
    row = _write_program(sh, results, inputs, 3)
    row = _write_headline(sh, results, roi, narrative, row)
    first, last = _write_group_table(sh, results, roi, row)
    row = _write_group_sentences(sh, results, narrative, last + 1)
    row = _write_interpretation(sh, narrative, row + 1)
    # made before the scorecard: chart order
    # money from zero (a 1.1 x ratio must not look like 4 x), unless a figure is negative
    floor = 0.0 if all(f.benefits >= 0 and f.costs >= 0 for f in results.groups) and \
        results.total.benefits >= 0 else None
    chart = _benefits_costs_chart(sh, first, last, fin_headers(sh, results.total)[C_COST],
                                  floor)
    row = _write_scorecard(sh, results, roi, row)
    sh.chart(row + 1, 0, chart, x_scale=1.5, y_scale=0.9)
    sh.min_width(0, 22)
    sh.min_width(1, 16)
    for col in range(2, LAST_COL + 1):
        sh.min_width(col, 12)
    sh.finish(1)


def _write_program(sh: Sheet, results: Results, inputs: InputRefs, row: int) -> int:
    """The program's details, the objective and horizon linked to the input copies;
    returns the next section's row."""
    st, t, p = sh.st, sh.t, results.evaluation.program
    # dates in the language's long form, as the narrative writes them (1 Juli 2024)
    period = format_period(p.evaluation_start, p.evaluation_end, sh.book.lang)
    for key, value in (("info_organization", p.organization), ("info_period", period),
                       ("info_currency", p.currency), ("info_prepared_by", p.prepared_by),
                       ("info_generated", format_date(sh.book.generated, sh.book.lang)),
                       ("info_objective", ""), ("info_horizon", "")):
        sh.text(row, 0, t(key), st.bold_wrap)  # wraps rather than widen the page
        if key == "info_objective":
            sh.formula(row, 1, inputs.objective, p.roi_objective, st.objective_left)
        elif key == "info_horizon":
            sh.formula(row, 1, inputs.horizon, p.horizon_months, st.number_left)
        else:  # a blank field says so, not an empty line
            sh.text(row, 1, value or t("method_not_stated"), fit=False)
        row += 1
    return row + 1


def _write_headline(sh: Sheet, results: Results, roi: RoiRefs, narrative: NarrativeText,
                    row: int) -> int:
    """The total's figures, each linked to the ROI sheet, the band with the credibility
    status beside it and its reasons in plain words, and the objective's note; returns the
    next section's row."""
    st, t = sh.st, sh.t
    total, tr = results.total, roi.total
    sh.section(row, t("summary_headline"))
    row += 1
    figures = headline_figures(sh, total, tr)
    for key, ref, cached, fmt in (figures[k] for k in ("benefits", "costs", "net", "bcr",
                                                        "roi", "months", "payback")):
        sh.text(row, 0, t(key), st.bold_wrap)  # wraps rather than widen the page
        sh.formula(row, 1, ref, cached, st.right if isinstance(cached, str) else fmt)
        row += 1
    sh.text(row, 0, t("col_band"), st.bold)
    sh.formula(row, 1, tr.band, band_label(sh.book, total), st.bands[band_key(total)])
    sh.text(row + 1, 0, t("col_credibility"), st.bold)
    sh.formula(row + 1, 1, tr.status, status_label(sh.book, total),
               st.bands[status_key(total)])
    row += 2
    sh.paragraph(row, 0, LAST_COL, narrative.credibility, st.headline)
    row += 1
    p = results.evaluation.program
    sh.text(row, 0, t("summary_objective_note", objective=f"{p.roi_objective * 100:g}"),
            st.note, fit=False)
    return row + 2


def _write_group_table(sh: Sheet, results: Results, roi: RoiRefs, row: int) -> tuple[int, int]:
    """A row per group (the total alone when there are no groups), linked to the ROI
    sheet; returns its first and last row."""
    t = sh.t
    sh.section(row, t("summary_groups"))
    sh.header(row + 1, 0, fin_headers(sh, results.total))
    first = row + 2
    rows: list[tuple[str, FinRefs, Financials]] = [(f.name, roi.groups[f.name], f)
                                                   for f in results.groups]
    if not rows:
        rows = [(t("total_all"), roi.total, results.total)]
    for i, (name, refs, fin) in enumerate(rows):
        _group_row(sh, first + i, name, refs, fin)
    return first, first + len(rows) - 1


def _write_group_sentences(sh: Sheet, results: Results, narrative: NarrativeText,
                           row: int) -> int:
    """Each group's sentence, under the table; returns the row under them."""
    for fin in results.groups:
        sentence = narrative.groups.get(fin.name, "")
        if sentence:
            sh.paragraph(row, 0, LAST_COL, sentence)
            row += 1
    return row


def _write_interpretation(sh: Sheet, narrative: NarrativeText, row: int) -> int:
    """The headline sentence, what the band means and the recommended actions; returns
    the next section's row."""
    st, t = sh.st, sh.t
    sh.section(row, t("summary_interpretation"))
    sh.paragraph(row + 1, 0, LAST_COL, narrative.headline, st.headline)
    sh.paragraph(row + 2, 0, LAST_COL, narrative.band_text)
    row += 4
    if narrative.actions:
        sh.section(row, t("summary_actions"))
        row += 1
        for action in narrative.actions:
            sh.paragraph(row, 0, LAST_COL, "• " + action)
            row += 1
        row += 1
    return row


def _benefits_costs_chart(sh: Sheet, first: int, last: int, costs_label: str,
                          floor: float | None) -> Any:
    """Benefits and costs of the group table's rows `first`..`last`, side by side, the
    money axis from `floor` (None: the spreadsheet's own choice)."""
    t = sh.t
    return charts.bar(sh.book, t("chart_benefits_costs"), [sh.name, first, 0, last, 0],
                      [(t("col_benefits"), [sh.name, first, C_BEN, last, C_BEN]),
                       (costs_label, [sh.name, first, C_COST, last, C_COST])],
                      sh.st.money_fmt, value_min=floor)


def _write_scorecard(sh: Sheet, results: Results, roi: RoiRefs, row: int) -> int:
    """A row per level: its key figure and status; returns the row under the table."""
    st, t = sh.st, sh.t
    sh.section(row, t("summary_scorecard"))
    row += 1
    sh.header(row, 0, [t("col_level"), t("col_key_figure"), "", t("col_value"), t("col_n"),
                       t("col_status"), t("col_objective"), t("col_objective_met")])
    sh.ws.merge_range(row, 1, row, 2, t("col_key_figure"), st.header)
    row += 1
    for key, evaluated, figure, figure_value, fmt, n in survey_levels(sh, results):
        sh.text(row, 0, t(key), st.bold)
        if evaluated:
            _key_figure(sh, row, figure)
            sh.number(row, 3, figure_value, fmt)
            sh.text(row, 4, n, st.center)
            sh.text(row, 5, t("evaluated"))
        else:
            _key_figure(sh, row, "")
            sh.text(row, 5, t("not_evaluated"), st.bands[""])
        objective_cells(sh, results, key, row, 6, fmt)
        row += 1
    _write_impact_level(sh, results, roi, row)
    _write_roi_level(sh, results, roi, row + 1)
    return row + 2


# scorecard row key -> the level of its objective
_OBJECTIVE_LEVELS = {"level_1": "reaction", "level_2": "learning", "level_3": "application",
                     "level_4": "impact", "level_5": "roi"}


@dataclass(frozen=True)
class LevelObjective:
    """A level's objective as the scorecard shows it: the value in the level's format
    (a fraction for the pass rate and the ROI) and whether it was met; for level 4 the
    targets instead, as (met, with a target)."""

    value: float | None
    met: bool | None
    targets: tuple[int, int] | None = None


def level_objective(results: Results, key: str) -> LevelObjective | None:
    """The objective of the scorecard row `key` (level_1 .. level_5); None when none was set."""
    level = _OBJECTIVE_LEVELS[key]
    found = [o for o in results.objectives if o.level == level and o.objective is not None]
    if not found:
        return None
    if level == "impact":
        return LevelObjective(None, None, (sum(1 for o in found if o.met), len(found)))
    goal = found[0]
    value = (goal.objective or 0.0) / 100 if level in ("learning", "roi") else goal.objective
    return LevelObjective(value, goal.met)


# one cell (row, col) of one level's row; the last says what a level without one shows
def objective_cells(sh: Sheet, results: Results, key: str, row: int,  # noqa: PLR0913
                    col: int, fmt: object, *, none_text: str = "") -> None:
    """The level's objective at `col` and whether it was met beside it; for level 4, how
    many of the measures with a target met it. `none_text` when no objective was set."""
    st, t = sh.st, sh.t
    found = level_objective(results, key)
    if found is None:
        if none_text:
            sh.text(row, col, none_text, st.right)
        return
    if found.targets is not None:
        met, n = found.targets
        sh.text(row, col, t("n_targets", n=n), st.center)
        sh.text(row, col + 1, t("targets_met", met=met, n=n),
                st.bands["high" if met == n else "negative"])
        return
    sh.number(row, col, found.value, _typed(sh, key, found.value, fmt))
    if found.met is not None:
        sh.text(row, col + 1, t("met" if found.met else "not_met"),
                st.bands["high" if found.met else "negative"])


def _typed(sh: Sheet, key: str, value: float | None, fmt: object) -> object:
    """An objective as typed: the ROI's in the report's one objective format, a pass rate
    or a mean score with the decimals it was typed with (4 -> 4, 3.5 -> 3.5)."""
    if key == "level_5" or value is None:
        return fmt
    if key == "level_2":
        return sh.st.typed(typed_decimals([value * 100]), kind="pct")
    return sh.st.typed(typed_decimals([value]))


# a survey level's row: (level, evaluated, key figure, its value and format, respondents)
_LevelRow = tuple[str, bool, str, float | None, object, str]


def survey_levels(sh: Sheet, results: Results) -> list[_LevelRow]:
    """Levels 1 to 3, as the scorecard shows them."""
    st, t, lang = sh.st, sh.t, sh.book.lang
    ev = results.evaluation
    r1, r2, r3 = results.reaction, results.learning, results.application
    q1 = ev.questions_at(1)
    q3 = ev.questions_at(3)
    scale1 = f"{q1[0].scale_min:g}–{q1[0].scale_max:g}" if q1 else ""
    scale3 = f"{q3[0].scale_min:g}–{q3[0].scale_max:g}" if q3 else ""
    return [
        ("level_1", r1.evaluated, t("key_reaction", scale=scale1,
                                    fav=_pct_text(r1.overall.favourable_pct, lang)),
         r1.overall.mean, st.number, f"{r1.respondents:g}"),
        ("level_2", r2.evaluated, t("key_learning", mean=_num_text(r2.overall.mean, lang)),
         None if r2.overall.pass_rate_pct is None else r2.overall.pass_rate_pct / 100,
         st.pct1, f"{r2.overall.sat}"),
        ("level_3", r3.evaluated, t("key_application", scale=scale3),
         r3.overall_mean, st.number, f"{sum(x.respondents for x in r3.response):g}"),
    ]


def _write_impact_level(sh: Sheet, results: Results, roi: RoiRefs, row: int) -> None:
    """Level 4: the total benefits (linked to the ROI sheet) and how many measures."""
    st, t, r4 = sh.st, sh.t, results.impact
    sh.text(row, 0, t("level_4"), st.bold)
    if r4.evaluated:
        _key_figure(sh, row, t("key_impact"))
        sh.formula(row, 3, roi.total.benefits, results.total.benefits, st.money)
        sh.text(row, 4, t("n_measures", n=len(r4.measures)), st.center)
        sh.text(row, 5, t("evaluated"))
    else:
        _key_figure(sh, row, "")
        sh.text(row, 5, t("not_evaluated"), st.bands[""])
    objective_cells(sh, results, "level_4", row, 6, st.number)


def _write_roi_level(sh: Sheet, results: Results, roi: RoiRefs, row: int) -> None:
    """Level 5: the total ROI (linked to the ROI sheet), n/a without costs."""
    st, t, total = sh.st, sh.t, results.total
    sh.text(row, 0, t("level_5"), st.bold)
    _key_figure(sh, row, t("col_roi"))
    sh.formula(row, 3, roi.total.roi, roi_cached(sh.book, total), st.pct)
    if not total.monetised:
        sh.text(row, 5, t("status_not_monetised"), st.bands[""])
    else:
        sh.text(row, 5, t("evaluated") if total.costs > 0 else t("no_costs_short"))
    objective_cells(sh, results, "level_5", row, 6, st.objective)


def _key_figure(sh: Sheet, row: int, text: str) -> None:
    sh.ws.merge_range(row, 1, row, 2, "", sh.st.wrap)
    sh.text(row, 1, text, sh.st.wrap, fit=False, last_col=2)


def _group_row(sh: Sheet, row: int, name: str, refs: FinRefs, fin: Financials) -> None:
    """A row of the group table: each figure linked to its cell on the ROI sheet."""
    st = sh.st
    sh.text(row, 0, name, st.bold)
    sh.formula(row, C_BEN, refs.benefits, fin.benefits, st.money)
    sh.formula(row, C_COST, refs.costs, fin.costs, st.money)
    na = st.right
    net = net_cached(sh.book, fin)
    sh.formula(row, C_NET, refs.net, net, na if isinstance(net, str) else st.money)
    ok = fin.bcr is not None
    sh.formula(row, C_BCR, refs.bcr, bcr_cached(sh.book, fin), st.ratio if ok else na)
    sh.formula(row, C_ROI, refs.roi, roi_cached(sh.book, fin), st.pct if ok else na)
    sh.formula(row, C_MONTHS, refs.months, fin.months, st.month_count)
    recovered = bool(fin.recovered)
    sh.formula(row, C_PAY, refs.payback, payback_cached(sh.book, fin),
               st.months if recovered else na)
    sh.formula(row, C_BAND, refs.band, band_label(sh.book, fin), st.bands[band_key(fin)])
    sh.formula(row, C_STATUS, refs.status, status_label(sh.book, fin),
               st.bands[status_key(fin)])


def _pct_text(value: float | None, lang: str) -> str:
    return "" if value is None else format_pct(value, 1, lang)


def _num_text(value: float | None, lang: str) -> str:
    return "" if value is None else format_number(value, 1, lang)
