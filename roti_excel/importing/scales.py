"""The scale of each question, found from its answers: numbers (the usual 1-4, 1-5, 1-7 or
1-10 that holds them), or words of one of the usual Indonesian and English answer sets
(reading/likert.py), kept as the form wrote them for the Labels column. An answer that fits
neither is reported at its row and column, never guessed."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from roti_excel.importing.source import Cell
from roti_excel.reading.cell_values import number_from_text
from roti_excel.reading.likert import STANDARD_SETS
from roti_excel.schema import normalise

USUAL_MAXIMA = (4.0, 5.0, 7.0, 10.0)
FREE_TEXT_MIN = 10  # more different unknown answers than this: a free-text question


@dataclass(frozen=True)
class Scale:
    low: float
    high: float
    labels: tuple[str, ...] = ()  # lowest first, as the form wrote them; () for numbers
    words: dict[str, float] | None = None  # normalised word -> point

    def point(self, answer: Cell) -> float | None:
        """The answer's point on this scale; None when it is not one of its answers."""
        if isinstance(answer, float):
            return answer if self.low <= answer <= self.high else None
        if not isinstance(answer, str):
            return None
        number = number_from_text(answer)
        if number is not None and math.isfinite(number):
            return number if self.low <= number <= self.high else None
        return (self.words or {}).get(normalise(answer))

    def described(self) -> str:
        span = f"{self.low:g}-{self.high:g}"
        return f"{span}: {'; '.join(self.labels)}" if self.labels else span


@dataclass(frozen=True)
class Fitted:
    scale: Scale | None  # None: free text, not imported
    distinct: int
    ambiguous: bool = False  # the words fit scales of two sizes; the larger was taken


def fit_scale(answers: list[Cell]) -> Fitted:
    """The scale that holds the most of these answers (a word set over numbers when words
    are present); `scale` is None for free text (many different words of no set)."""
    # each different answer judged once: 100,000 responses hold a handful of them
    given = [a for a in dict.fromkeys(answers)
             if a is not None and not (isinstance(a, str) and not a.strip())]
    as_number = {a: a if isinstance(a, float) else number_from_text(a) for a in given
                 if isinstance(a, float | str)}
    words = {normalise(a) for a in given if isinstance(a, str) and as_number[a] is None}
    numbers = [n for n in as_number.values() if n is not None]
    if not words:
        return Fitted(_number_scale([n for n in numbers if n is not None]), len(set(numbers)))
    best, ambiguous = _best_word_set(words, given)
    if best is None:  # no answer is a scale word: free text, or a question of its own kind
        return Fitted(None, len(words))
    unknown = words - set(best.words or {})
    if len(unknown) > FREE_TEXT_MIN and len(unknown) > len(words) / 2:
        return Fitted(None, len(words))
    return Fitted(best, len(words), ambiguous)  # unknown words are reported at their rows


def _number_scale(numbers: list[float]) -> Scale:
    if not numbers:
        return Scale(1.0, 5.0)
    low = min(1.0, min(numbers))
    top = max(numbers)
    high = next((m for m in USUAL_MAXIMA if top <= m), top)
    return Scale(low, high)


def _best_word_set(words: set[str], given: Sequence[Cell]) -> tuple[Scale | None, bool]:
    """The usual answer set covering most of the words, and whether a set of another size
    covers as many (answers "Agree" and "Strongly agree" fit a 4- and a 5-point scale):
    then the larger scale, 5 points being the usual survey scale, and the caller says so."""
    found: list[tuple[int, int, Scale]] = []  # covered, points, scale
    for points in sorted(STANDARD_SETS):
        for answer_set in STANDARD_SETS[points]:
            lookup = {normalise(s): float(i + 1) for i, spellings in enumerate(answer_set)
                      for s in spellings}
            covered = len(words & set(lookup))
            if covered:
                labels = tuple(_as_written(spellings, given) for spellings in answer_set)
                found.append((covered, points, Scale(1.0, float(points), labels, lookup)))
    if not found:
        return None, False
    most = max(c for c, _, _ in found)
    tied = [(points, scale) for c, points, scale in found if c == most]
    best_points, best = max(tied, key=lambda t: t[0])
    return best, any(points != best_points for points, _ in tied)


# words that mark a spelling of the usual answer sets as English (the others are Indonesian)
ENGLISH = frozenset({"strongly", "disagree", "agree", "neutral", "neither", "nor", "very",
                     "dissatisfied", "satisfied", "poor", "fair", "average", "good",
                     "excellent", "not", "useful", "slightly"})


def _english(text: str) -> bool:
    return any(word in ENGLISH for word in normalise(text).split())


def _as_written(spellings: tuple[str, ...], given: Sequence[Cell]) -> str:
    """A point's label as the form wrote it (its first spelling found in the answers),
    else the set's own spelling in the answers' language (English when most answers
    are), capitalised."""
    wanted = {normalise(s) for s in spellings}
    for answer in given:
        if isinstance(answer, str) and normalise(answer) in wanted:
            return answer.strip()
    words = [a for a in given if isinstance(a, str)]
    english = sum(_english(a) for a in words) * 2 > len(words)
    full = [s for s in spellings if len(s) > 3 and _english(s) == english]
    return (full or list(spellings))[0].capitalize()
