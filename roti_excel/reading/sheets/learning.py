"""The Learning sheet: pre- and post-test scores per participant, with their status."""

from __future__ import annotations

from roti_excel import model, schema
from roti_excel.domain import Attendance
from roti_excel.issues import error, warning
from roti_excel.messages import msg
from roti_excel.reading.parser import Parser


def read_learning(p: Parser) -> tuple[model.LearningRow, ...]:
    table = p.table("learning")
    if table is None:
        return ()
    v = p.columns(table)
    post_letter = table.letters(table.columns.get("post_test", 0))
    for i, row in enumerate(table.rows):
        post, top = v["post_test"][i], v["max_score"][i]
        if post is None and v["status"][i] != Attendance.ABSENT:
            p.issues.append(warning(
                msg("post_test_empty", who=v["name"][i] or v["participant"][i]), table.name,
                p.ref(table, row, "post_test")))
        if top is None:
            continue
        for key in ("post_test", "pre_test", "pass_mark"):
            score = v[key][i]
            if score is not None and score > top:
                p.issues.append(error(
                    msg("score_above_max", col=schema.LEARNING.column(key), score=score, top=top),
                    table.name, p.ref(table, row, key)))
    fields = zip(v["participant"], v["post_test"], p.groups_of(table, v["group"]), v["name"],
                 v["pre_test"], v["max_score"], v["pass_mark"],
                 [Attendance(s) if s else None for s in v["status"]], p.origins(table),
                 strict=True)
    return tuple(model.LearningRow(participant, post, group, name, pre, top, mark, status,
                                   origin, f"{post_letter}{origin.row}")
                 for participant, post, group, name, pre, top, mark, status, origin in fields)
