"""Level 2 Learning: post-test scores, pass rate, gains; absentees counted, never averaged."""

from __future__ import annotations

from dataclasses import dataclass

from roti_excel.domain import Attendance
from roti_excel.method.stats import median
from roti_excel.model import Evaluation, LearningRow


@dataclass(frozen=True)
class LearningStat:
    label: str
    participants: int
    sat: int
    absent: int  # status absent, no score, or a 0 with no status (likely absentee)
    likely_absent: int  # of which: a 0 score with no status
    mean: float | None
    median: float | None
    min: float | None
    max: float | None
    pass_rate_pct: float | None  # of those who sat and have a pass mark
    with_pass_mark: int
    mean_gain: float | None  # post - pre, where pre exists
    normalised_gain: float | None  # mean of (post - pre) / (max - pre)
    with_pre: int
    scores: tuple[float, ...]  # post-test scores of those who sat, as % of max where known
    scores_as_pct: bool


@dataclass(frozen=True)
class LikelyAbsent:
    participant: str
    name: str
    sheet: str
    cell: str


@dataclass(frozen=True)
class LearningResult:
    evaluated: bool
    overall: LearningStat
    by_group: tuple[LearningStat, ...]
    likely_absent: tuple[LikelyAbsent, ...]


def is_likely_absent(row: LearningRow) -> bool:
    """A 0 with no status is read as "did not sit"; Status attended keeps a real 0."""
    return row.status is None and row.post_test == 0


def sat(row: LearningRow) -> bool:
    """The participant sat the test: not absent, a score, and not a 0 with no status."""
    return (row.status != Attendance.ABSENT and row.post_test is not None
            and not is_likely_absent(row))


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _post_test_range(posts: list[float]) -> tuple[float | None, float | None]:
    """(lowest, highest) post-test score, None for both when nobody sat."""
    return (min(posts) if posts else None), (max(posts) if posts else None)


def _pass_rate(present: list[LearningRow]) -> tuple[float | None, int]:
    """(% passed, how many have a pass mark): only those with a pass mark count."""
    marked = [r for r in present if r.pass_mark is not None]
    passed = sum(1 for r in marked if (r.post_test or 0) >= (r.pass_mark or 0))
    return (100 * passed / len(marked) if marked else None), len(marked)


def _normalised_gains(with_pre: list[LearningRow]) -> list[float]:
    """(post - pre) / (max - pre), skipping those with no maximum or already at it."""
    return [((r.post_test or 0) - (r.pre_test or 0)) / (r.max_score - (r.pre_test or 0))
            for r in with_pre if r.max_score is not None and r.max_score > (r.pre_test or 0)]


def _gains(present: list[LearningRow]) -> tuple[float | None, float | None, int]:
    """(mean gain, mean normalised gain, how many have a pre-test) over those with one."""
    with_pre = [r for r in present if r.pre_test is not None]
    gains = [(r.post_test or 0) - (r.pre_test or 0) for r in with_pre]
    return _mean(gains), _mean(_normalised_gains(with_pre)), len(with_pre)


def _scores(present: list[LearningRow]) -> tuple[tuple[float, ...], bool]:
    """(post-test scores, whether they are % of the maximum): % only when everyone who
    sat has a maximum, so scores on different scales are never mixed."""
    as_pct = bool(present) and all(r.max_score for r in present)
    scores = tuple(100 * (r.post_test or 0) / (r.max_score or 1) if as_pct else (r.post_test or 0)
                   for r in present)
    return scores, as_pct


def _stat(label: str, rows: list[LearningRow]) -> LearningStat:
    present = [r for r in rows if sat(r)]
    posts = [r.post_test for r in present if r.post_test is not None]
    lowest, highest = _post_test_range(posts)
    pass_rate_pct, with_pass_mark = _pass_rate(present)
    mean_gain, normalised_gain, with_pre = _gains(present)
    scores, as_pct = _scores(present)
    return LearningStat(
        label, len(rows), len(present), len(rows) - len(present),
        sum(1 for r in rows if is_likely_absent(r)),
        _mean(posts), median(posts), lowest, highest,
        pass_rate_pct, with_pass_mark, mean_gain, normalised_gain, with_pre, scores, as_pct)


def compute(ev: Evaluation) -> LearningResult:
    rows = list(ev.learning)
    groups = list(dict.fromkeys(r.group for r in rows if r.group))
    return LearningResult(
        evaluated=bool(rows), overall=_stat("overall", rows),
        by_group=tuple(_stat(g, [r for r in rows if r.group == g]) for g in groups),
        likely_absent=tuple(LikelyAbsent(r.participant, r.name, r.origin.sheet, r.post_cell)
                            for r in rows if is_likely_absent(r)))
