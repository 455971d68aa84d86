"""`roti-excel import`: survey exports HR already has (Google Forms, Microsoft Forms) into a
copy of the input workbook, with a mapping table of what went where. Nothing is written
while any export has a problem (unless bad rows are to be left out), and the workbook
given is never modified."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from roti_excel.importing.forms import FormExport, read_form
from roti_excel.importing.moodle import Quiz, pair_tests, read_quizzes
from roti_excel.importing.plan import ImportPlan, Options, plan_import
from roti_excel.importing.source import SourceError, read_source
from roti_excel.importing.workbook import (
    language_of,
    taken_codes,
    write_import,
    write_learning,
)
from roti_excel.messages import Text, msg


@dataclass
class ImportOutcome:
    language: str
    written: bool = False
    errors: list[Text] = field(default_factory=list)
    notes: list[Text] = field(default_factory=list)  # what was left out or decided
    todo: list[Text] = field(default_factory=list)  # what HR must still fill in
    mapping: list[list[str]] = field(default_factory=list)


# the sources and the workbook, then what to import and how, keyword-only
def import_exports(sources: list[Path], into: Path, out: Path, *,  # noqa: PLR0913
                   survey: str = "reaction", group: str | None = None,
                   keep_names: bool = False, skip_bad_rows: bool = False,
                   tests: tuple[str | None, str | None] = (None, None)) -> ImportOutcome:
    """`survey` reaction or application: form exports; learning: Moodle grades, `tests`
    naming the pre- and post-test when the exports hold more than two."""
    if survey == "learning":
        return import_tests(sources, into, out, group=group, keep_names=keep_names,
                            skip_bad_rows=skip_bad_rows, pre_name=tests[0],
                            post_name=tests[1])
    return import_forms(sources, into, out, level=3 if survey == "application" else 1,
                        group=group, keep_names=keep_names, skip_bad_rows=skip_bad_rows)


# the sources and the workbook, then what to import and how, keyword-only
def import_forms(sources: list[Path], into: Path, out: Path, *,  # noqa: PLR0913
                 level: int = 1, group: str | None = None, keep_names: bool = False,
                 skip_bad_rows: bool = False) -> ImportOutcome:
    """Read every export, plan the import, and write it only when nothing is wrong."""
    lang = language_of(into)
    outcome = ImportOutcome(lang)
    forms: list[FormExport] = []
    for source in sources:
        try:
            forms.append(read_form(read_source(source)))
        except SourceError as exc:
            outcome.errors.append(exc.text)
    if outcome.errors:
        return outcome
    try:
        taken = taken_codes(into)
    except SourceError as exc:
        outcome.errors.append(exc.text)
        return outcome
    plan = plan_import(forms, Options(level, keep_names, skip_bad_rows, taken))
    outcome.notes = plan.notes
    outcome.mapping = mapping_table(plan, forms, lang)
    if plan.errors:
        outcome.errors = plan.errors
        return outcome
    try:
        outcome.todo = write_import(into, out, plan, group, outcome.mapping)
    except SourceError as exc:
        outcome.errors.append(exc.text)
        return outcome
    outcome.written = True
    return outcome


# the sources and the workbook, then how, keyword-only
def import_tests(sources: list[Path], into: Path, out: Path, *,  # noqa: PLR0913
                 group: str | None, keep_names: bool, skip_bad_rows: bool,
                 pre_name: str | None = None, post_name: str | None = None) -> ImportOutcome:
    """Moodle grades into Learning: one test is the post-test; two are the pre-test then
    the post-test (in the order given, or of a gradebook's columns), matched by email."""
    outcome = ImportOutcome(language_of(into))
    quizzes: list[Quiz] = []
    for source in sources:
        try:
            quizzes += read_quizzes(read_source(source))
        except SourceError as exc:
            outcome.errors.append(exc.text)
    if outcome.errors:
        return outcome
    chosen = _chosen(quizzes, pre_name, post_name, outcome.errors)
    if chosen is None:
        return outcome
    pre, post = chosen
    paired = pair_tests(pre, post)
    outcome.notes = paired.notes
    outcome.mapping = _learning_mapping(pre, post, len(paired.rows), outcome.language)
    if paired.errors and not skip_bad_rows:
        outcome.errors = paired.errors
        return outcome
    outcome.notes += paired.errors  # left out: the second attempts
    try:
        write_learning(into, out, paired.rows, group=group, keep_names=keep_names,
                       mapping=outcome.mapping)
    except SourceError as exc:
        outcome.errors.append(exc.text)
        return outcome
    outcome.written = True
    return outcome


def _chosen(quizzes: list[Quiz], pre_name: str | None, post_name: str | None,
            errors: list[Text]) -> tuple[Quiz | None, Quiz] | None:
    """(pre-test, post-test): the tests named by --pre/--post (a part of their column or
    file name), else one = the post-test, two = pre then post; None (with the error) when
    that does not single them out."""
    if pre_name is None and post_name is None:
        if len(quizzes) in (1, 2):
            return (None, quizzes[0]) if len(quizzes) == 1 else (quizzes[0], quizzes[1])
        errors.append(msg("import_quiz_count", count=len(quizzes),
                          found=", ".join(q.label for q in quizzes)))
        return None
    picked: list[Quiz | None] = []
    for name in (pre_name, post_name):
        if name is None:
            picked.append(None)
            continue
        found = [q for q in quizzes if name.casefold() in q.label.casefold()]
        if len(found) != 1:
            errors.append(msg("import_quiz_name", name=name, count=len(found),
                              found=", ".join(q.label for q in quizzes)))
            return None
        picked.append(found[0])
    pre, post = picked
    if post is None:
        errors.append(msg("import_quiz_name", name="--post", count=0,
                          found=", ".join(q.label for q in quizzes)))
        return None
    return pre, post


def _learning_mapping(pre: Quiz | None, post: Quiz, people: int,
                      lang: str) -> list[list[str]]:
    from roti_excel import schema

    sheet = schema.sheet("learning")
    files = ", ".join(q.label for q in (pre, post) if q is not None)
    rows = [[msg("import_map_title", files=files, read=people, skipped=0).render(lang)],
            msg("import_map_learning_header").render(lang).split("|")]
    for quiz, column in ((pre, "pre_test"), (post, "post_test")):
        if quiz is not None:
            top = "" if quiz.max_score is None else f"{quiz.max_score:g}"
            rows.append([quiz.label, sheet.name(lang), sheet.column(column).name(lang), top])
    return rows


def mapping_table(plan: ImportPlan, forms: list[FormExport], lang: str) -> list[list[str]]:
    """What went where: a title, a header, a row per question (source column -> sheet,
    code, scale), and the rows read and left out."""
    sheet = "reaction" if plan.level == 1 else "application"
    from roti_excel import schema

    sheet_name = schema.sheet(sheet).name(lang)
    files = ", ".join(f"{f.source.name} ({f.kind})" for f in forms)
    rows = [[msg("import_map_title", files=files, read=plan.read,
                 skipped=plan.skipped).render(lang)],
            msg("import_map_header").render(lang).split("|")]
    rows += [[q.source, sheet_name, q.code, q.scale.described()] for q in plan.questions]
    return rows


__all__ = ["ImportOutcome", "import_exports", "import_forms", "import_tests", "mapping_table"]
