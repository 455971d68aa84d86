"""Moodle exports for level 2: the quiz grades report (one row per attempt: names, email,
State, Grade/10.00, Q. 1 /1.00 ...) and the gradebook (one row per person, a
`Quiz: <name> (Real)` column per quiz), with headers in English or Indonesian. "-" is no
grade: the person did not sit the test."""

from __future__ import annotations

import re
from dataclasses import dataclass

from roti_excel.importing.source import Cell, SourceError, SourceTable
from roti_excel.messages import Text, msg
from roti_excel.reading.cell_values import number_from_text
from roti_excel.schema import normalise

EMAIL = ("email address", "alamat email", "email", "surel")
FIRST_NAME = ("first name", "nama depan")
LAST_NAME = ("last name", "surname", "nama belakang")
STATE = ("state", "status", "keadaan")
NOT_SAT = ("never submitted", "belum pernah dikirim", "in progress", "sedang berlangsung",
           "overdue", "terlambat")
AVERAGE_ROW = ("overall average", "rata-rata keseluruhan", "rata-rata")
_GRADE = re.compile(r"^(grade|nilai)\s*/\s*([\d.,]+)$", re.IGNORECASE)
_GRADEBOOK = re.compile(r"^(quiz|kuis)\s*:\s*(.+?)\s*\((real|nyata)\)$", re.IGNORECASE)


@dataclass(frozen=True)
class Attempt:
    row: int
    who: str  # normalised email, else the name
    name: str
    grade: float | None  # None: no grade ("-", never submitted)


@dataclass(frozen=True)
class Quiz:
    """One test's grades: from a quiz grades report, or one quiz column of a gradebook."""

    source: SourceTable
    label: str  # "pre.csv" or "grades.xlsx: Quiz: Post-test (Real)"
    max_score: float | None
    attempts: tuple[Attempt, ...]


def moodle_kind(headers: tuple[str, ...]) -> str | None:
    if any(_GRADE.match(h.strip()) for h in headers):
        return "Moodle quiz"
    if any(_GRADEBOOK.match(h.strip()) for h in headers):
        return "Moodle gradebook"
    return None


def read_quizzes(table: SourceTable) -> list[Quiz]:
    """The quiz grades report as one quiz; a gradebook as one quiz per quiz column, in the
    order of its columns. Raises SourceError when it is neither."""
    kind = moodle_kind(table.headers)
    if kind is None:
        found = ", ".join(f"'{h}'" for h in table.headers[:4]) or "(none)"
        raise SourceError(msg("import_not_moodle", file=table.name, found=found))
    heads = [normalise(h) for h in table.headers]
    email = _find(heads, EMAIL)
    names = [i for i in (_find(heads, FIRST_NAME), _find(heads, LAST_NAME)) if i is not None]
    state = _find(heads, STATE)
    if kind == "Moodle quiz":
        col = next(i for i, h in enumerate(table.headers) if _GRADE.match(h.strip()))
        m = _GRADE.match(table.headers[col].strip())
        assert m is not None
        top = number_from_text(m.group(2))
        return [Quiz(table, table.name, top, _attempts(table, col, email, names, state))]
    quizzes = []
    for col, header in enumerate(table.headers):
        if _GRADEBOOK.match(header.strip()):
            quizzes.append(Quiz(table, f"{table.name}: {header}", None,
                                _attempts(table, col, email, names, None)))
    return quizzes


def _find(heads: list[str], names: tuple[str, ...]) -> int | None:
    return next((i for i, h in enumerate(heads) if h in names), None)


def _attempts(table: SourceTable, col: int, email: int | None, names: list[int],
              state: int | None) -> tuple[Attempt, ...]:
    out = []
    for n, row in enumerate(table.rows):
        name = " ".join(str(row[i]).strip() for i in names if row[i] is not None)
        if normalise(name) in AVERAGE_ROW or normalise(str(row[0] or "")) in AVERAGE_ROW:
            continue  # the report's own average row: not a person
        address = str(row[email]).strip() if email is not None and row[email] else ""
        who = normalise(address) or normalise(name)
        sat = state is None or normalise(str(row[state] or "")) not in NOT_SAT
        out.append(Attempt(table.first_row + n, who, name, _grade(row[col]) if sat else None))
    return tuple(out)


def _grade(value: Cell) -> float | None:
    if isinstance(value, float):
        return value
    if isinstance(value, str):
        return number_from_text(value.strip()) if value.strip() not in ("-", "") else None
    return None


@dataclass(frozen=True)
class LearningPlanRow:
    who: str
    name: str
    pre: float | None
    post: float | None
    max_score: float | None


@dataclass
class Paired:
    rows: list[LearningPlanRow]
    errors: list[Text]  # a second attempt (left out with --skip-bad-rows)
    notes: list[Text]  # people in only one of the two tests


def pair_tests(pre: Quiz | None, post: Quiz) -> Paired:
    """One row per person (matched by email, else name); anyone with two attempts in one
    test is an error; anyone in only one of the tests is listed."""
    paired = Paired([], [], [])
    by_post = _by_person(post, paired.errors)
    by_pre = _by_person(pre, paired.errors) if pre is not None else {}
    for who, a in by_post.items():
        before = by_pre.get(who)
        if pre is not None and before is None:
            paired.notes.append(msg("import_only_in", file=post.label, row=a.row,
                                    name=a.name or a.who, other=pre.label))
        paired.rows.append(LearningPlanRow(who, a.name, before.grade if before else None,
                                           a.grade, post.max_score))
    for who, a in by_pre.items():
        if who not in by_post:
            paired.notes.append(msg("import_only_in", file=_label(pre), row=a.row,
                                    name=a.name or a.who, other=post.label))
            paired.rows.append(LearningPlanRow(who, a.name, a.grade, None, post.max_score))
    return paired


def _label(quiz: Quiz | None) -> str:
    return quiz.label if quiz is not None else ""


def _by_person(quiz: Quiz, errors: list[Text]) -> dict[str, Attempt]:
    found: dict[str, Attempt] = {}
    for a in quiz.attempts:
        if a.who in found:
            errors.append(msg("import_two_attempts", file=quiz.label, row=a.row,
                              first=found[a.who].row))
            continue
        found[a.who] = a
    return found
