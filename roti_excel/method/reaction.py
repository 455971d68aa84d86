"""Level 1 Reaction: means and % favourable per question, dimension, trainer, session."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from roti_excel.method.stats import favourable_threshold
from roti_excel.model import Evaluation, Question, Survey


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


@dataclass(frozen=True)
class _Matrix:
    """The survey as arrays: answers (rows x questions, NaN when blank or off the scale),
    favourable flags, and each row's weight."""

    values: np.ndarray
    favourable: np.ndarray
    weights: np.ndarray
    off_scale: np.ndarray  # (row, column) index pairs of answers outside their scale

    @classmethod
    def of(cls, survey: Survey, questions: dict[str, Question]) -> _Matrix:
        raw = np.array([[np.nan if v is None else v for v in r.values] for r in survey.rows],
                       dtype=float).reshape(len(survey.rows), len(survey.codes))
        lo = np.array([questions[c].scale_min for c in survey.codes])
        hi = np.array([questions[c].scale_max for c in survey.codes])
        cut = np.array([favourable_threshold(questions[c].scale_min, questions[c].scale_max)
                        for c in survey.codes])
        with np.errstate(invalid="ignore"):
            on_scale = (raw >= lo) & (raw <= hi)
            values = np.where(on_scale, raw, np.nan)
            favourable = values >= cut
        weights = np.array([r.weight for r in survey.rows], dtype=float)
        return cls(values, favourable, weights, np.argwhere(~on_scale & ~np.isnan(raw)))

    def stat(self, label: str, rows: np.ndarray, cols: np.ndarray) -> ScoreStat:
        """Weighted mean and % favourable of the answers in these rows and columns."""
        block = self.values[np.ix_(rows, cols)]
        answered = ~np.isnan(block)
        w = self.weights[rows][:, None] * answered
        total = float(w.sum())
        responding = answered.any(axis=1)
        if total <= 0:
            return ScoreStat(label, float(self.weights[rows][responding].sum()),
                             int(responding.sum()), None, None)
        mean = float(np.nansum(block * w) / total)
        fav = float((self.favourable[np.ix_(rows, cols)] * w).sum() / total * 100)
        return ScoreStat(label, float(self.weights[rows][responding].sum()),
                         int(responding.sum()), mean, fav)


def _slices(labels: list[str], matrix: _Matrix, every: np.ndarray) -> tuple[ScoreStat, ...]:
    """One stat per distinct non-blank label, in order of first appearance."""
    if not labels:
        return ()
    names, first, inverse = np.unique(np.array(labels, dtype=str), return_index=True,
                                      return_inverse=True)
    members = np.argsort(inverse, kind="stable")
    bounds = np.concatenate(([0], np.cumsum(np.bincount(inverse, minlength=len(names)))))
    groups = sorted(range(len(names)), key=lambda k: first[k])
    return tuple(matrix.stat(str(names[k]), members[bounds[k]:bounds[k + 1]], every)
                 for k in groups if names[k])


def compute(ev: Evaluation) -> ReactionResult:
    survey = ev.reaction
    questions = {q.code: q for q in ev.questions_at(1)}
    if not survey.codes:
        empty = ScoreStat("overall", 0.0, 0, None, None)
        return ReactionResult(
            evaluated=False, rows=len(survey), respondents=sum(r.weight for r in survey),
            overall=empty, by_question=(), by_dimension=(), by_trainer=(), by_session=(),
            by_group=(), out_of_scale=())
    matrix = _Matrix.of(survey, questions)
    out_of_scale = tuple(
        OutOfScale(survey.codes[c], survey.rows[r].values[c] or 0.0,
                   survey.rows[r].origin.sheet, survey.cell(survey.rows[r], c))
        for r, c in matrix.off_scale.tolist())
    all_rows = np.arange(len(survey))
    every = np.arange(len(survey.codes))
    dims = list(dict.fromkeys(questions[c].dimension for c in survey.codes))
    return ReactionResult(
        evaluated=bool(survey and questions), rows=len(survey),
        respondents=float(matrix.weights.sum()),
        overall=matrix.stat("overall", all_rows, every),
        by_question=tuple(matrix.stat(c, all_rows, np.array([i]))
                          for i, c in enumerate(survey.codes)),
        by_dimension=tuple(
            matrix.stat(d, all_rows, np.array([i for i, c in enumerate(survey.codes)
                                               if questions[c].dimension == d]))
            for d in dims),
        by_trainer=_slices([r.trainer for r in survey], matrix, every),
        by_session=_slices([r.session for r in survey], matrix, every),
        by_group=_slices([r.group or "" for r in survey], matrix, every),
        out_of_scale=out_of_scale)
