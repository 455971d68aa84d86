"""The Intangibles sheet: the benefits reported but never converted to money, as entered."""

from __future__ import annotations

from roti_excel.method.evaluate import Results
from roti_excel.report.book import Book


def write(book: Book, results: Results) -> None:
    sh = book.sheet("intangibles")
    st, t = sh.st, sh.t
    sh.title(0, t("intangibles_title"))
    sh.text(1, 0, t("intangibles_note"), st.note, fit=False)
    header = 3
    sh.header(header, 0, [t("col_group"), t("col_benefit"), t("col_evidence"),
                          t("col_direction")])
    row = header + 1
    for item in results.evaluation.intangibles:
        sh.text(row, 0, item.group or t("all_groups"))
        sh.text(row, 1, item.benefit, st.wrap)
        sh.text(row, 2, item.evidence, st.wrap)
        sh.text(row, 3, item.direction)
        row += 1
    if row > header + 1:
        sh.ws.autofilter(header, 0, row - 1, 3)
    else:
        sh.text(row, 0, t("none_entered"), st.note, fit=False)
    sh.min_width(1, 40)
    sh.min_width(2, 40)
    sh.finish(header + 1)
