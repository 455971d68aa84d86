"""Level 1 Reaction and Level 3 Application: survey results as computed by the tool (the
survey rows themselves stay in the input workbook), with their charts."""

from __future__ import annotations

from roti_excel import schema
from roti_excel.domain import Band
from roti_excel.method.application import Distribution
from roti_excel.method.evaluate import Results
from roti_excel.method.reaction import ScoreStat
from roti_excel.model import Question
from roti_excel.report import charts
from roti_excel.report.book import Book


def dimension_label(key: str, lang: str) -> str:
    return next((c.label(lang) for c in schema.DIMENSIONS if c.key == key), key)


def write_reaction(book: Book, results: Results, narrative: str) -> None:
    r = results.reaction
    ev = results.evaluation
    sh = book.sheet("reaction")
    st, t = sh.st, sh.t
    sh.title(0, t("reaction_title"))
    sh.paragraph(1, 0, 6, narrative)
    header = 3
    sh.header(header, 0, [t("col_slice"), t("col_label"), t("col_question"), t("col_dimension"),
                          t("col_n"), t("col_mean"), t("col_favourable")])
    questions = {q.code: q for q in ev.questions_at(1)}
    row = header + 1

    def put(kind: str, stat: ScoreStat, label: str, q: Question | None = None, *,
            bold: bool = False) -> None:
        """One slice's row; a question's row also shows its text and dimension."""
        nonlocal row
        sh.text(row, 0, t(kind), st.bold if bold else st.text)
        sh.text(row, 1, label, st.bold if bold else st.text)
        sh.text(row, 2, q.text if q else "", st.wrap)
        sh.text(row, 3, dimension_label(q.dimension, book.lang) if q else "")
        sh.number(row, 4, stat.n, st.number if stat.n % 1 else st.integer)
        sh.number(row, 5, stat.mean, st.number)
        sh.number(row, 6, None if stat.favourable_pct is None else stat.favourable_pct / 100,
                  st.pct1)
        row += 1

    put("slice_overall", r.overall, t("overall"), bold=True)
    for stat in r.by_question:
        put("slice_question", stat, stat.label, questions.get(stat.label))
    dim_first = row
    for stat in r.by_dimension:
        put("slice_dimension", stat, dimension_label(stat.label, book.lang))
    dim_last = row - 1
    for kind, stats in (("slice_trainer", r.by_trainer), ("slice_session", r.by_session),
                        ("slice_group", r.by_group)):
        for stat in stats:
            put(kind, stat, stat.label)
    sh.ws.autofilter(header, 0, row - 1, 6)
    sh.text(row, 0, t("reaction_note"), st.note, fit=False)
    row += 2

    sh.section(row, t("out_of_scale_title"))
    sh.header(row + 1, 0, [t("col_question"), t("col_sheet"), t("col_cell"), t("col_value")])
    row += 2
    for o in r.out_of_scale:
        sh.text(row, 0, o.code)
        sh.text(row, 1, o.sheet)
        sh.text(row, 2, o.cell)
        sh.number(row, 3, o.value, st.number)
        row += 1
    if not r.out_of_scale:
        sh.text(row, 0, t("none_found"), st.note, fit=False)
        row += 1
    row += 1
    if dim_last >= dim_first:
        hi = max((q.scale_max for q in questions.values()), default=5.0)
        chart = charts.bar(book, t("chart_reaction"), [sh.name, dim_first, 1, dim_last, 1],
                           [(t("col_mean"), [sh.name, dim_first, 5, dim_last, 5])], "0.00",
                           horizontal=True, value_min=0, value_max=hi)
        sh.chart(row, 0, chart, x_scale=1.3, y_scale=min(0.5 + 0.2 * (dim_last - dim_first), 1.2))
    sh.min_width(2, 30)
    sh.finish(header + 1)


def _points(dists: tuple[Distribution, ...], lang: str) -> list[tuple[float, str]]:
    """Every scale point used, lowest first, with the label of the first question using it
    (in `lang` when it is one the tool knows)."""
    found: dict[float, str] = {}
    for d in dists:
        for (point, _), label in zip(d.shares, d.points_in(lang), strict=False):
            found.setdefault(point, label)
    return sorted(found.items())


def write_application(book: Book, results: Results, narrative: str) -> None:
    a = results.application
    ev = results.evaluation
    sh = book.sheet("application")
    st, t = sh.st, sh.t
    sh.title(0, t("application_title"))
    points = _points(a.by_question + a.by_aspect, book.lang)
    last_col = 4 + len(points) + 2
    sh.paragraph(1, 0, min(last_col, 8), narrative)
    header = 3
    point_names = [f"{p:g} {label}" if label != f"{p:g}" else f"{p:g}" for p, label in points]
    sh.header(header, 0, [t("col_slice"), t("col_label"), t("col_question"), t("col_aspect"),
                          t("col_n"), *point_names, t("col_mean"), t("col_category")])
    row = header + 1
    blocks: dict[str, tuple[int, int]] = {}
    for kind, dists in (("slice_question", a.by_question), ("slice_aspect", a.by_aspect)):
        first = row
        for d in dists:
            is_q = kind == "slice_question"
            sh.text(row, 0, t(kind))
            sh.text(row, 1, d.label if is_q else dimension_label(d.label, book.lang))
            sh.text(row, 2, d.text if is_q else "", st.wrap)
            sh.text(row, 3, dimension_label(d.dimension, book.lang))
            sh.number(row, 4, d.n, st.integer)
            shares = dict(d.shares)
            for j, (p, _) in enumerate(points):
                value = shares.get(p)
                sh.number(row, 5 + j, None if value is None else value / 100, st.pct1)
            sh.number(row, 5 + len(points), d.mean, st.number)
            sh.text(row, 6 + len(points), d.category_in(ev.program.category_bands, book.lang),
                    st.center)
            row += 1
        blocks[kind] = (first, row - 1)
    sh.ws.autofilter(header, 0, row - 1, last_col)
    sh.text(row, 0, t("application_note", source=t("source_" + (a.source or "none"))),
            st.note, fit=False)
    row += 2

    sh.section(row, t("response_title"))
    sh.header(row + 1, 1, [t("col_group"), "", "", t("col_respondents"), t("col_surveys_sent"),
                           t("col_response_rate")])
    sh.ws.merge_range(row + 1, 1, row + 1, 3, t("col_group"), st.header)
    row += 2
    for resp in a.response:
        sh.ws.merge_range(row, 1, row, 3, "", st.text)
        sh.text(row, 1, resp.group or t("total_all"), fit=False)
        sh.number(row, 4, resp.respondents, st.integer)
        sh.number(row, 5, resp.sent, st.integer)
        if resp.over:  # not a response rate: flagged where the rate would be
            sh.text(row, 6, t("response_over"), st.bands[Band.NEGATIVE.value])
        else:
            sh.number(row, 6, None if resp.rate_pct is None else resp.rate_pct / 100, st.pct1)
        row += 1
    for key, shown in (("response_over_note", any(x.over for x in a.response)),
                       ("surveys_sent_note", any(g.surveys_sent is None for g in ev.groups))):
        if shown:
            sh.text(row, 1, t(key), st.note, fit=False)
            row += 1
    row += 1
    del ev
    for i, (kind, title_key) in enumerate((("slice_question", "chart_application_questions"),
                                           ("slice_aspect", "chart_application_aspects"))):
        first, last = blocks[kind]
        if last < first:
            continue
        series = [(name, [sh.name, first, 5 + j, last, 5 + j])
                  for j, name in enumerate(point_names)]
        chart = charts.bar(book, t(title_key), [sh.name, first, 1, last, 1], series, "0%",
                           horizontal=True, stacked_pct=True,
                           colours=("#C00000", "#F4B183", "#9DC3E6", "#2E75B6", "#1F4E79",
                                    "#70AD47", "#A5A5A5"))
        height = max(1.0, 0.3 + 0.09 * (last - first + 1))
        sh.chart(row, 0, chart, x_offset=i * 520, y_scale=min(height, 2.5))
    sh.min_width(2, 30)
    sh.finish(header + 1)
