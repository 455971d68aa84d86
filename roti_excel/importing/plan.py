"""From form exports to what goes into the workbook: a question row per survey question
(code, text, level, scale), a survey row per response (answers as scale points, a
pseudonym, the date), and every problem found, each at its file, row and column. Nothing is
written while a problem remains, unless the user asked to leave bad rows out."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from roti_excel.importing.forms import FormExport, Response, bad_times
from roti_excel.importing.scales import Scale, fit_scale
from roti_excel.importing.source import Cell
from roti_excel.messages import Text, msg


@dataclass(frozen=True)
class QuestionPlan:
    code: str
    text: str
    level: int
    scale: Scale
    source: str  # "forms.csv: 'Materi relevan'"


@dataclass(frozen=True)
class RowPlan:
    respondent: str
    day: dt.date | None
    answers: tuple[float | None, ...]  # one per question of its export, in order


@dataclass
class ImportPlan:
    level: int
    questions: list[QuestionPlan] = field(default_factory=list)
    rows: list[tuple[list[str], RowPlan]] = field(default_factory=list)  # codes, row
    errors: list[Text] = field(default_factory=list)
    notes: list[Text] = field(default_factory=list)  # skipped columns and rows, dates
    read: int = 0
    skipped: int = 0


@dataclass(frozen=True)
class Options:
    level: int = 1  # 1 reaction, 3 application
    keep_names: bool = False
    skip_bad_rows: bool = False
    taken_codes: frozenset[str] = frozenset()  # codes the workbook already uses


def plan_import(forms: list[FormExport], options: Options) -> ImportPlan:
    plan = ImportPlan(options.level)
    prefix = "P" if options.level == 1 else "A"
    taken = set(options.taken_codes)
    for form in forms:
        _plan_form(plan, form, options, prefix, taken)
    return plan


def _next_code(prefix: str, taken: set[str]) -> str:
    n = 1
    while f"{prefix}{n}" in taken:
        n += 1
    code = f"{prefix}{n}"
    taken.add(code)
    return code


def _plan_form(plan: ImportPlan, form: FormExport, options: Options, prefix: str,
               taken: set[str]) -> None:
    name = form.source.name
    plan.notes.extend(form.notes)
    plan.notes.extend(bad_times(form))
    scales: list[Scale | None] = []
    codes: list[str] = []  # of this export's imported questions
    for i, text in enumerate(form.questions):
        fitted = fit_scale([r.answers[i] for r in form.responses])
        scales.append(fitted.scale)
        if fitted.scale is None:
            plan.notes.append(msg("import_free_text", file=name, column=text, n=fitted.distinct))
            continue
        codes.append(_next_code(prefix, taken))
        if fitted.ambiguous:
            plan.notes.append(msg("import_scale_ambiguous", file=name, column=text,
                                  code=codes[-1], high=fitted.scale.high))
        plan.questions.append(QuestionPlan(codes[-1], text, options.level, fitted.scale,
                                           f"{name}: '{text}'"))
    # each question's different answers mapped to points once (None: off the scale)
    points: list[dict[Cell, float | None]] = [
        {a: scale.point(a) for a in dict.fromkeys(r.answers[i] for r in form.responses)
         if a is not None} if scale is not None else {}
        for i, scale in enumerate(scales)]
    seen: dict[str, int] = {}
    for number, response in enumerate(form.responses, 1):
        problems = _row_problems(form, response, scales, points, seen)
        if problems and options.skip_bad_rows:
            plan.skipped += 1
            plan.notes.append(msg("import_skipped_row", file=name, row=response.row))
            continue
        plan.errors.extend(problems)
        plan.read += 1
        if response.who:
            seen.setdefault(response.who, response.row)
        answers = tuple(points[i].get(a) if a is not None else None
                        for i, (scale, a) in enumerate(zip(scales, response.answers,
                                                           strict=True))
                        if scale is not None)
        who = pseudonym(response.who, number, keep_names=options.keep_names)
        plan.rows.append((codes, RowPlan(who, response.day, answers)))


# the export, the row, then what it is judged against
def _row_problems(form: FormExport, response: Response,
                  scales: list[Scale | None], points: list[dict[Cell, float | None]],
                  seen: dict[str, int]) -> list[Text]:
    """The response's answers off their question's scale, and a respondent seen before."""
    name = form.source.name
    out: list[Text] = []
    if response.who and response.who in seen:
        out.append(msg("import_duplicate", file=name, row=response.row,
                       first=seen[response.who]))
    for i, (scale, answer, header) in enumerate(zip(scales, response.answers, form.questions,
                                                    strict=True)):
        if scale is None or answer is None or points[i].get(answer) is not None:
            continue
        out.append(msg("import_off_scale", file=name, row=response.row, column=header,
                       answer=str(answer).strip() if isinstance(answer, str) else
                       f"{answer:g}" if isinstance(answer, float) else str(answer),
                       labels=scale.described()))
    return out


def pseudonym(who: str, number: int, *, keep_names: bool) -> str:
    """A stable pseudonym (the same person gets the same one in every import) unless the
    names are to be kept; R + the row's number for an anonymous response."""
    if not who:
        return f"R{number:04d}"
    if keep_names:
        return who
    return "R-" + hashlib.sha256(who.encode("utf-8")).hexdigest()[:8]
