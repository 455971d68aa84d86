"""Level 1 Reaction: means and % favourable per question, dimension, trainer, session."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..model import Evaluation, Question, ReactionRow
from .stats import favourable_threshold, weighted_mean


@dataclass(frozen=True)
class ScoreStat:
    """Answers of one slice: n is respondents (sum of weights), rows the rows read."""

    label: str
    n: float
    rows: int
    mean: float | None
    favourable_pct: float | None


@dataclass(frozen=True)
class OutOfScale:
    code: str
    value: float
    sheet: str
    cell: str


@dataclass(frozen=True)
class ReactionResult:
    evaluated: bool
    rows: int
    respondents: float
    overall: ScoreStat
    by_question: tuple[ScoreStat, ...]
    by_dimension: tuple[ScoreStat, ...]
    by_trainer: tuple[ScoreStat, ...]
    by_session: tuple[ScoreStat, ...]
    by_group: tuple[ScoreStat, ...]
    out_of_scale: tuple[OutOfScale, ...]


# (value, weight, favourable?) for each answer that is on its scale
Scored = list[tuple[float, float, bool]]


def _stat(label: str, scored: Scored, rows: int, n: float) -> ScoreStat:
    mean = weighted_mean([(v, w) for v, w, _ in scored])
    weight = sum(w for _, w, _ in scored)
    fav = (100 * sum(w for _, w, f in scored if f) / weight) if weight > 0 else None
    return ScoreStat(label, n, rows, mean, fav)


def _sliced(rows: tuple[ReactionRow, ...], questions: dict[str, Question],
            key: Callable[[ReactionRow], str],
            codes: Callable[[str], bool]) -> tuple[ScoreStat, ...]:
    order: list[str] = []
    buckets: dict[str, tuple[Scored, list[ReactionRow]]] = {}
    for row in rows:
        label = key(row)
        if not label:
            continue
        if label not in buckets:
            order.append(label)
            buckets[label] = ([], [])
        scored, members = buckets[label]
        members.append(row)
        scored.extend(_scored(row, questions, codes))
    return tuple(_stat(label, buckets[label][0], len(buckets[label][1]),
                       sum(r.weight for r in buckets[label][1])) for label in order)


def _scored(row: ReactionRow, questions: dict[str, Question],
            codes: Callable[[str], bool]) -> Scored:
    out: Scored = []
    for a in row.answers:
        q = questions[a.code]
        if codes(a.code) and q.scale_min <= a.value <= q.scale_max:
            out.append((a.value, row.weight, a.value >= favourable_threshold(q.scale_min,
                                                                            q.scale_max)))
    return out


def _for_codes(label: str, rows: tuple[ReactionRow, ...], questions: dict[str, Question],
               codes: Callable[[str], bool]) -> ScoreStat:
    """One slice across all rows: the questions whose codes pass the test."""
    answering = [r for r in rows if any(codes(a.code) for a in r.answers)]
    scored = [s for r in answering for s in _scored(r, questions, codes)]
    return _stat(label, scored, len(answering), sum(r.weight for r in answering))


def compute(ev: Evaluation) -> ReactionResult:
    questions = {q.code: q for q in ev.questions_at(1)}
    rows = ev.reaction
    out_of_scale = tuple(
        OutOfScale(a.code, a.value, r.origin.sheet, a.cell)
        for r in rows for a in r.answers
        if not questions[a.code].scale_min <= a.value <= questions[a.code].scale_max)
    dims = list(dict.fromkeys(q.dimension for q in questions.values()))
    every: Callable[[str], bool] = bool
    return ReactionResult(
        evaluated=bool(rows and questions), rows=len(rows),
        respondents=sum(r.weight for r in rows),
        overall=_for_codes("overall", rows, questions, every),
        by_question=tuple(_for_codes(code, rows, questions, code.__eq__) for code in questions),
        by_dimension=tuple(
            _for_codes(d, rows, questions, lambda c, d=d: questions[c].dimension == d)  # type: ignore[misc]
            for d in dims),
        by_trainer=_sliced(rows, questions, lambda r: r.trainer, every),
        by_session=_sliced(rows, questions, lambda r: r.session, every),
        by_group=_sliced(rows, questions, lambda r: r.group or "", every),
        out_of_scale=out_of_scale)
