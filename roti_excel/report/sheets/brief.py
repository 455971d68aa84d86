"""The Brief: the first sheet, one printed A4 page for the board. The program and period,
the headline figures (formulas over Level 5) with the band and the credibility status, the
caveats in plain words, the objectives per level, the three most important actions, and a
sign-off block with the report version (a short hash of the input file)."""

from __future__ import annotations

from roti_excel import __version__
from roti_excel.fingerprint import report_version
from roti_excel.method.evaluate import Results
from roti_excel.narrative.numbers import format_date, format_period
from roti_excel.report.book import Sheet
from roti_excel.report.sheets.input_copies import InputRefs
from roti_excel.report.sheets.roi import (
    Figure,
    RoiRefs,
    band_key,
    band_label,
    headline_figures,
    roi_cached,
    status_key,
    status_label,
)
from roti_excel.report.sheets.summary import (
    NarrativeText,
    objective_cells,
    survey_levels,
)

LAST_COL = 3  # four columns: A4 portrait at full size
WIDTHS = (30.0, 21.0, 26.0, 21.0)
TOP_ACTIONS = 3
SIGN_ROW_HEIGHT = 30.0  # room for a signature


def write(sh: Sheet, results: Results, inputs: InputRefs, roi: RoiRefs,
          narrative: NarrativeText) -> None:
    """The one-page brief (the sheet is made by the caller: it is the first sheet)."""
    p, st, t = results.evaluation.program, sh.st, sh.t
    sh.paragraph(0, 0, LAST_COL, p.name, st.title)
    sh.text(1, 0, t("brief_subtitle"), st.subtitle, fit=False)
    row = _write_facts(sh, results, 3)
    row = _write_result(sh, results, inputs, roi, row)
    sh.paragraph(row, 0, LAST_COL, narrative.credibility, st.headline)
    row = _write_objectives(sh, results, roi, row + 2)
    row = _write_actions(sh, narrative, row + 1)
    row = _write_sign_off(sh, results, row + 1)
    for col, width in enumerate(WIDTHS):
        sh.min_width(col, width)
        sh.max_col_width(col, width)
    sh.finish(None, landscape=False, one_page=True)


def _write_facts(sh: Sheet, results: Results, row: int) -> int:
    """Organization, period, who prepared it and when; returns the next free row."""
    p, st, t, lang = results.evaluation.program, sh.st, sh.t, sh.book.lang
    period = format_period(p.evaluation_start, p.evaluation_end, lang)
    for key, value in (("info_organization", p.organization), ("info_period", period),
                       ("info_generated", format_date(sh.book.generated, lang))):
        sh.text(row, 0, t(key), st.bold)
        sh.paragraph(row, 1, LAST_COL, value or t("method_not_stated"), st.wrap)
        row += 1
    return row + 1


def _write_result(sh: Sheet, results: Results, inputs: InputRefs, roi: RoiRefs,
                  row: int) -> int:
    """The headline figures in two pairs of columns, each a formula over Level 5, the band
    and the credibility status; returns the row under them."""
    st, t, total, tr = sh.st, sh.t, results.total, roi.total
    sh.section(row, t("brief_result"))
    row += 1
    na = st.right
    figures = headline_figures(sh, total, tr)
    left = [figures[k] for k in ("benefits", "costs", "net", "months")]
    right: list[Figure] = [figures[k] for k in ("roi", "bcr", "payback")]
    right.append(("info_objective", inputs.objective,
                  results.evaluation.program.roi_objective, st.objective))
    for i, ((lkey, lref, lval, lfmt), (rkey, rref, rval, rfmt)) in enumerate(
            zip(left, right, strict=True)):
        sh.text(row + i, 0, t(lkey), st.bold)
        sh.formula(row + i, 1, lref, lval, na if isinstance(lval, str) else lfmt)
        sh.text(row + i, 2, t(rkey), st.bold_indent)
        sh.formula(row + i, 3, rref, rval, na if isinstance(rval, str) else rfmt)
    row += len(left)
    sh.text(row, 0, t("col_band"), st.bold)
    sh.formula(row, 1, tr.band, band_label(sh.book, total), st.bands[band_key(total)])
    sh.text(row, 2, t("col_credibility"), st.bold_indent)
    sh.formula(row, 3, tr.status, status_label(sh.book, total), st.bands[status_key(total)])
    return row + 1


def _write_objectives(sh: Sheet, results: Results, roi: RoiRefs, row: int) -> int:
    """A row per level: its key result, the objective set for it and whether it was met."""
    st, t = sh.st, sh.t
    sh.section(row, t("brief_objectives"))
    sh.header(row + 1, 0, [t("col_level"), t("col_result"), t("col_objective"),
                           t("col_objective_met")])
    row += 2
    for key, evaluated, figure, value, fmt, _n in survey_levels(sh, results):
        sh.text(row, 0, f"{t(key)}: {figure}" if evaluated else t(key), st.bold_wrap)
        if evaluated:
            sh.number(row, 1, value, fmt)
            _objective(sh, results, key, row, fmt)
        else:
            sh.text(row, 1, t("not_evaluated"), st.right)
        row += 1
    impact_label = f"{t('level_4')}: {t('key_impact')}"
    sh.text(row, 0, impact_label if results.impact.evaluated else t("level_4"), st.bold_wrap)
    if results.impact.evaluated:
        sh.formula(row, 1, roi.total.benefits, results.total.benefits, st.money)
        _objective(sh, results, "level_4", row, st.number)
    else:
        sh.text(row, 1, t("not_evaluated"), st.right)
    row += 1
    sh.text(row, 0, t("level_5"), st.bold)
    cached = roi_cached(sh.book, results.total)
    sh.formula(row, 1, roi.total.roi, cached, st.right if isinstance(cached, str) else st.pct)
    _objective(sh, results, "level_5", row, st.objective)
    return row + 1


def _objective(sh: Sheet, results: Results, key: str, row: int, fmt: object) -> None:
    objective_cells(sh, results, key, row, 2, fmt, none_text=sh.t("no_objective"))


def _write_actions(sh: Sheet, narrative: NarrativeText, row: int) -> int:
    """The first three of the recommended actions (the credibility steps come first),
    numbered, and where the rest and the what-ifs are."""
    st, t = sh.st, sh.t
    sh.section(row, t("brief_actions"))
    row += 1
    actions = narrative.actions[:TOP_ACTIONS]
    if not actions:
        sh.paragraph(row, 0, LAST_COL, t("none_found"))
        row += 1
    for i, action in enumerate(actions, 1):
        sh.paragraph(row, 0, LAST_COL, f"{i}. {action}")
        row += 1
    more = t("brief_more", summary=sh.book.names["summary"])
    if "scenarios" in sh.book.present:
        more += t("brief_what_if", scenarios=sh.book.names["scenarios"])
    sh.paragraph(row, 0, LAST_COL, more, st.note_wrap)
    return row + 1


def _write_sign_off(sh: Sheet, results: Results, row: int) -> int:
    """Prepared / reviewed / approved (the names the Program sheet gives, else a line to
    write on), each with room for a signature and a date, and the report version."""
    st, t, ev = sh.st, sh.t, results.evaluation
    sh.section(row, t("brief_sign_off"))
    sh.header(row + 1, 0, [t("col_role"), t("col_name"), t("col_signature"), t("col_date")])
    row += 2
    p = ev.program
    for key, name in (("sign_prepared", p.prepared_by), ("sign_reviewed", p.reviewed_by),
                      ("sign_approved", p.approved_by)):
        sh.text(row, 0, t(key), st.sign_label)
        sh.text(row, 1, name, st.sign_line, fit=False)
        sh.text(row, 2, "", st.sign_line)
        sh.text(row, 3, "", st.sign_line)
        sh.fixed_height(row, SIGN_ROW_HEIGHT)
        row += 1
    version = t("brief_version", version=report_version(ev),
                file=ev.source or t("brief_no_file"), tool=__version__)
    sh.paragraph(row + 1, 0, LAST_COL, version, st.note_wrap)
    return row + 2
