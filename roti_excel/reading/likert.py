"""Answers typed as words: the labels of the question's own scale (its Labels, lowest
first), or the usual Indonesian and English answer sets, read as their scale points.
Survey tools export "Sangat setuju", not 5; HR officers type what the form showed."""

from __future__ import annotations

from functools import cache

from roti_excel.model import Question
from roti_excel.schema import normalise

# The usual answer sets, lowest first, each point with its accepted spellings (compared
# case- and space-insensitively). Only a set with as many points as the question's scale
# is used: "setuju" is point 4 of 5 but point 3 of 4.
STANDARD_SETS: dict[int, tuple[tuple[tuple[str, ...], ...], ...]] = {
    5: (
        (("sangat tidak setuju", "sts", "strongly disagree", "sd"),
         ("tidak setuju", "ts", "disagree", "d"),
         ("netral", "n", "ragu-ragu", "ragu ragu", "rr", "kurang setuju", "ks", "neutral",
          "neither agree nor disagree"),
         ("setuju", "s", "agree", "a"),
         ("sangat setuju", "ss", "strongly agree", "sa")),
        (("sangat tidak puas", "very dissatisfied"), ("tidak puas", "dissatisfied"),
         ("cukup puas", "netral", "neutral"), ("puas", "satisfied"),
         ("sangat puas", "very satisfied")),
        (("sangat buruk", "sangat kurang", "very poor"), ("buruk", "kurang", "poor"),
         ("cukup", "sedang", "fair", "average"), ("baik", "good"),
         ("sangat baik", "very good", "excellent")),
    ),
    4: (
        (("sangat tidak setuju", "sts", "strongly disagree"),
         ("tidak setuju", "ts", "disagree"), ("setuju", "s", "agree"),
         ("sangat setuju", "ss", "strongly agree")),
        (("tidak bermanfaat", "not useful"), ("kurang bermanfaat", "slightly useful"),
         ("bermanfaat", "useful"), ("sangat bermanfaat", "very useful")),
        (("sangat kurang", "sangat buruk", "very poor"), ("kurang", "buruk", "poor"),
         ("baik", "good"), ("sangat baik", "very good", "excellent")),
    ),
}


@cache
def _standard(points: int) -> dict[str, int]:
    """Spelling -> 0-based point, over the sets of this many points (a spelling that
    means different points in two sets is left out rather than guessed)."""
    found: dict[str, set[int]] = {}
    for answer_set in STANDARD_SETS.get(points, ()):
        for index, spellings in enumerate(answer_set):
            for spelling in spellings:
                found.setdefault(normalise(spelling), set()).add(index)
    return {word: next(iter(points_)) for word, points_ in found.items() if len(points_) == 1}


def scale_point(question: Question, text: str) -> float | None:
    """The scale point a word names: one of the question's Labels, else a usual answer for
    a scale of its size; None when the word is none of them."""
    wanted = normalise(text)
    if not wanted:
        return None
    for i, label in enumerate(question.labels):
        if normalise(label) == wanted:
            return question.scale_min + i
    points = int(question.scale_max - question.scale_min + 1)
    index = _standard(points).get(wanted)
    return None if index is None else question.scale_min + index
