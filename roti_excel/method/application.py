"""Level 3 Application: answer distribution per question and aspect, mean, its category
label, and the response rate; from per-respondent rows or from counts."""

from __future__ import annotations

import math
from dataclasses import dataclass

from roti_excel.model import Evaluation, Question
from roti_excel.schema import normalise

# Labels for a mean when neither the Program's Category bands nor the question give any.
GENERIC_LABELS: dict[int, dict[str, tuple[str, ...]]] = {
    4: {"en": ("poor", "fair", "good", "very good"),
        "id": ("kurang", "cukup", "baik", "sangat baik")},
    5: {"en": ("very poor", "poor", "fair", "good", "very good"),
        "id": ("sangat kurang", "kurang", "cukup", "baik", "sangat baik")},
}

# Answer sets the tool knows in both languages, lowest point first: a question whose Labels
# are one of them (typed in either language) is reported in the report's language, like
# the generic labels; any other Labels are the question's own words, shown as typed.
KNOWN_SETS: tuple[dict[str, tuple[str, ...]], ...] = (
    {"en": ("not useful", "less useful", "useful", "very useful"),
     "id": ("tidak bermanfaat", "kurang bermanfaat", "bermanfaat", "sangat bermanfaat")},
    {"en": ("not useful", "slightly useful", "useful", "very useful"),
     "id": ("tidak bermanfaat", "kurang bermanfaat", "bermanfaat", "sangat bermanfaat")},
    {"en": ("strongly disagree", "disagree", "neutral", "agree", "strongly agree"),
     "id": ("sangat tidak setuju", "tidak setuju", "netral", "setuju", "sangat setuju")},
    {"en": ("strongly disagree", "disagree", "agree", "strongly agree"),
     "id": ("sangat tidak setuju", "tidak setuju", "setuju", "sangat setuju")},
    {"en": ("very dissatisfied", "dissatisfied", "neutral", "satisfied", "very satisfied"),
     "id": ("sangat tidak puas", "tidak puas", "cukup puas", "puas", "sangat puas")},
    *GENERIC_LABELS.values(),
)


def scale_labels(q: Question, lang: str) -> tuple[str, ...]:
    """The labels of the question's scale points, lowest first, as a report in `lang`
    shows them: its own Labels as typed, unless they are an answer set the tool knows
    (then in `lang`); without Labels the generic ones for its scale (none for a scale
    without them)."""
    if not q.labels:
        return GENERIC_LABELS.get(int(q.scale_max - q.scale_min + 1), {}).get(lang, ())
    typed = tuple(normalise(label) for label in q.labels)
    for known in KNOWN_SETS:
        if any(typed == tuple(normalise(w) for w in words) for words in known.values()):
            return known.get(lang, q.labels)
    return q.labels


@dataclass(frozen=True)
class Distribution:
    label: str  # question code or aspect
    text: str  # question wording or aspect name
    dimension: str
    n: float  # answers
    shares: tuple[tuple[float, float], ...]  # (scale point, % of answers)
    mean: float | None
    category: str
    points: tuple[str, ...]  # label of each scale point, lowest first
    question: Question  # whose scale it is read on (an aspect's: its first question)

    def category_in(self, bands: tuple[tuple[float, str], ...], lang: str) -> str:
        """The mean's category as a report in `lang` shows it (see `scale_labels`)."""
        return category(self.mean, self.question, bands, lang)

    def points_in(self, lang: str) -> tuple[str, ...]:
        """The scale points' labels as a report in `lang` shows them: the question's
        Labels (see `scale_labels`), else the points' numbers."""
        if not self.question.labels:
            return self.points
        return scale_labels(self.question, lang)


@dataclass(frozen=True)
class ResponseRate:
    group: str
    respondents: float
    sent: float | None
    rate_pct: float | None

    @property
    def over(self) -> bool:
        """More responses than surveys sent: the counts are wrong somewhere, and what
        divides them is not a response rate."""
        return self.sent is not None and self.respondents > self.sent + 1e-9

    @property
    def shown_pct(self) -> float | None:
        """The rate a report may show: none for a group with more responses than sent."""
        return None if self.over else self.rate_pct


def overall_rate(response: tuple[ResponseRate, ...]) -> float | None:
    """All responses over all surveys sent (a fraction): only when every group's surveys
    sent is known and none has more responses than sent."""
    if not response or any(x.sent is None or x.over for x in response):
        return None
    sent = math.fsum(x.sent or 0.0 for x in response)
    return math.fsum(x.respondents for x in response) / sent if sent else None


@dataclass(frozen=True)
class ApplicationResult:
    evaluated: bool
    source: str  # "respondents", "counts" or ""
    by_question: tuple[Distribution, ...]
    by_aspect: tuple[Distribution, ...]
    response: tuple[ResponseRate, ...]
    overall_mean: float | None


def category(mean: float | None, q: Question, bands: tuple[tuple[float, str], ...],
             lang: str) -> str:
    """The label of the band the mean falls in: the Program's bands if given, else equal
    intervals over the question's scale labels (1-4 with 4 labels: 0.75 wide each)."""
    if mean is None:
        return ""
    if bands:
        return next((label for bound, label in bands if mean <= bound), bands[-1][1])
    labels = scale_labels(q, lang)
    if not labels:
        return ""
    width = (q.scale_max - q.scale_min) / len(labels)
    index = min(math.floor((mean - q.scale_min) / width), len(labels) - 1)
    return labels[max(index, 0)]


def _counts(ev: Evaluation, code: str, groups: set[str | None] | None) -> dict[float, float]:
    """Answers per scale point for one question, from either source."""
    out: dict[float, float] = {}
    survey = ev.application
    if code in survey.codes:
        i = survey.codes.index(code)
        for row in survey:
            value = row.values[i]
            if value is not None and (groups is None or row.group in groups):
                out[value] = out.get(value, 0) + 1
    for c in ev.application_counts:
        if c.code == code and (groups is None or c.group in groups):
            for point, n in c.counts:
                out[point] = out.get(point, 0) + n
    return out


def _distribution(label: str, text: str, q: Question, counts: dict[float, float],
                  ev: Evaluation) -> Distribution:
    on_scale = {p: n for p, n in counts.items() if q.scale_min <= p <= q.scale_max}
    total = sum(on_scale.values())
    points = [q.scale_min + i for i in range(int(q.scale_max - q.scale_min) + 1)]
    shares = tuple((p, 100 * on_scale.get(p, 0) / total if total else 0.0) for p in points)
    mean = sum(p * n for p, n in on_scale.items()) / total if total else None
    names = q.labels or tuple(f"{p:g}" for p in points)
    return Distribution(label, text, q.dimension, total, shares, mean,
                        category(mean, q, ev.program.category_bands, ev.program.language), names,
                        q)


def _respondents(ev: Evaluation, group: str | None) -> float:
    rows = sum(1 for r in ev.application if group is None or r.group == group)
    per_question: dict[str, float] = {}
    for c in ev.application_counts:
        if group is None or c.group == group:
            per_question[c.code] = per_question.get(c.code, 0) + sum(n for _, n in c.counts)
    # with counts only, the most-answered question tells how many replied
    return rows + (max(per_question.values()) if per_question else 0)


def compute(ev: Evaluation) -> ApplicationResult:
    questions = ev.questions_at(3)
    by_question = tuple(_distribution(q.code, q.text, q, _counts(ev, q.code, None), ev)
                        for q in questions)
    aspects: list[Distribution] = []
    for dim in dict.fromkeys(q.dimension for q in questions):
        members = [q for q in questions if q.dimension == dim]
        pooled: dict[float, float] = {}
        for q in members:
            for p, n in _counts(ev, q.code, None).items():
                pooled[p] = pooled.get(p, 0) + n
        aspects.append(_distribution(dim, dim, members[0], pooled, ev))
    response: list[ResponseRate] = []
    for g in ev.groups:
        got = _respondents(ev, g.name)
        sent = g.surveys_sent if g.surveys_sent is not None else g.participants
        response.append(ResponseRate(g.name, got, sent, 100 * got / sent if sent else None))
    if not ev.groups:
        response.append(ResponseRate("", _respondents(ev, None), None, None))
    answered = [(d.mean, d.n) for d in by_question if d.mean is not None]
    weight = sum(n for _, n in answered)
    source = "respondents" if ev.application else "counts" if ev.application_counts else ""
    return ApplicationResult(
        evaluated=bool(source and questions), source=source, by_question=by_question,
        by_aspect=tuple(aspects), response=tuple(response),
        overall_mean=sum(m * n for m, n in answered) / weight if weight else None)
