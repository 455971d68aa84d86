"""Level 2 Learning: post-test results per group and a histogram of the post-test scores."""

from __future__ import annotations

import math

from roti_excel.method.evaluate import Results
from roti_excel.method.learning import LearningStat
from roti_excel.report import charts
from roti_excel.report.book import Book

NICE = (1.0, 2.0, 2.5, 5.0, 10.0)
TARGET_BINS = 8


def bins(scores: list[float], *, as_pct: bool) -> list[tuple[float, float]]:
    """Half-open [low, high) bins of a round width covering every score."""
    if not scores:
        return []
    lo, hi = min(scores), max(scores)
    span = hi - lo
    if span <= 0:
        step = 10.0 if as_pct else 1.0
    else:
        raw = span / TARGET_BINS
        power = 10 ** math.floor(math.log10(raw))
        step = next((n * power for n in NICE if n * power >= raw), 10 * power)
    start = math.floor(lo / step) * step
    out: list[tuple[float, float]] = []
    edge = start
    while edge <= hi:
        out.append((edge, edge + step))
        edge = start + len(out) * step
    return out


def count(scores: tuple[float, ...], low: float, high: float) -> int:
    return sum(1 for s in scores if low <= s < high)


def write(book: Book, results: Results, narrative: str) -> None:
    lr = results.learning
    sh = book.sheet("learning")
    st, t = sh.st, sh.t
    sh.title(0, t("learning_title"))
    sh.paragraph(1, 0, 8, narrative)
    header = 3
    sh.header(header, 0, [t("col_group"), t("col_participants"), t("col_sat"), t("col_absent"),
                          t("col_likely_absent"), t("col_mean_post"), t("col_median"),
                          t("col_min"), t("col_max"), t("col_pass_rate"), t("col_mean_gain"),
                          t("col_norm_gain")])
    row = header + 1

    def put(stat: LearningStat, label: str, *, total: bool = False) -> None:
        nonlocal row
        # scores to 1 decimal, as the narrative above and the Summary write the mean
        num = st.total_score if total else st.score
        sh.text(row, 0, label, st.total_label if total else st.text)
        for col, value in ((1, stat.participants), (2, stat.sat), (3, stat.absent),
                           (4, stat.likely_absent)):
            sh.number(row, col, value, st.integer)
        for col, v in ((5, stat.mean), (6, stat.median), (7, stat.min), (8, stat.max),
                       (10, stat.mean_gain)):
            sh.number(row, col, v, num)
        sh.number(row, 9, None if stat.pass_rate_pct is None else stat.pass_rate_pct / 100,
                  st.pct1)
        sh.number(row, 11, stat.normalised_gain, st.pct1)
        row += 1

    for stat in lr.by_group:
        put(stat, stat.label)
    put(lr.overall, t("overall"), total=True)
    sh.ws.autofilter(header, 0, row - 1, 11)
    sh.text(row, 0, t("learning_note"), st.note, fit=False)
    row += 2

    # -- histogram ---------------------------------------------------------------------
    as_pct = lr.overall.scores_as_pct
    edges = bins(list(lr.overall.scores), as_pct=as_pct)
    stats = list(lr.by_group) or [lr.overall]
    sh.section(row, t("histogram_title_pct") if as_pct else t("histogram_title"))
    sh.header(row + 1, 0, [t("col_score_bin"),
                           *[s.label if s is not lr.overall else t("overall") for s in stats]])
    row += 2
    first = row
    for low, high in edges:
        sh.text(row, 0, f"{low:g} – <{high:g}")
        for j, stat in enumerate(stats):
            sh.number(row, 1 + j, count(stat.scores, low, high), st.integer)
        row += 1
    if edges:
        series = [(s.label if s is not lr.overall else t("overall"),
                   [sh.name, first, 1 + j, row - 1, 1 + j]) for j, s in enumerate(stats)]
        chart = charts.bar(book, t("chart_learning"), [sh.name, first, 0, row - 1, 0], series,
                           "0", x_title=t("col_score_bin"), y_title=t("col_participants"))
        sh.chart(row + 1, 0, chart, x_scale=1.4)
    else:
        sh.text(row, 0, t("none_entered"), st.note, fit=False)
    sh.min_width(0, 14)
    sh.finish(header + 1)
